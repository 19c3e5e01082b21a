#!/bin/sh
# bench.sh - run the benchmarks (make bench); see tools/bench.py.
#   sh tools/bench.sh [build/peerdesk] [bench.py options, e.g. --callgrind]
set -e
cd "$(dirname "$0")/.."
sh tools/deps.sh bench
pd=${1:-build/peerdesk}
[ $# -gt 0 ] && shift
exec /usr/bin/python3 tools/bench.py "$@" "$pd"
