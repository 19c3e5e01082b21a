#!/bin/sh
# bench.sh - run the benchmarks (make bench); see tools/bench.py.
set -e
cd "$(dirname "$0")/.."
sh tools/deps.sh bench
exec /usr/bin/python3 tools/bench.py "${1:-build/peerdesk}"
