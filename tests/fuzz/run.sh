#!/bin/sh
# run.sh - run libFuzzer targets for a bounded time over their corpora.
#
# usage: run.sh [--time SECONDS] [--work DIR] TARGET...
#
# TARGET is a built fuzz program (build/fuzz/tests/fuzz/fuzz_NAME); its
# committed seed corpus is tests/fuzz/corpus/fuzz_NAME/ (read only: new
# inputs go to DIR/NAME/corpus, which is thrown away next run).  The
# targets run side by side.  Each one passes when libFuzzer stops at the
# time limit without finding anything; otherwise the report is shown and
# the saved input (crash-*, leak-*, timeout-*, oom-*) is named.  Saved
# inputs stay in DIR/found/ until removed by hand or `make clean`.
set -u
time=20
work=build/fuzz/run
while [ $# -gt 0 ]; do
	case $1 in
	--time) time=$2; shift 2 ;;
	--work) work=$2; shift 2 ;;
	*) break ;;
	esac
done
top=$(cd "$(dirname "$0")/../.." && pwd)
export LC_ALL=C.UTF-8 TZ=UTC
# Leaks and UB count as findings; stop at the first one.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

if [ $# -eq 0 ]; then
	echo "fuzz: no targets given" >&2
	exit 1
fi
pids=
for t in "$@"; do
	name=$(basename "$t")
	seeds=$top/tests/fuzz/corpus/$name
	dir=$work/$name
	if [ ! -x "$t" ]; then
		echo "fuzz: $t was not built" >&2
		exit 1
	fi
	if [ ! -d "$seeds" ] || [ -z "$(ls -A "$seeds")" ]; then
		echo "fuzz: $name has no seed corpus in $seeds" >&2
		exit 1
	fi
	rm -rf "$dir"
	mkdir -p "$dir/corpus" "$work/found"
	ls "$work/found" | grep "^$name-" >"$dir.before"
	"$t" -max_total_time="$time" -rss_limit_mb=1024 -timeout=5 \
	    -print_final_stats=1 -artifact_prefix="$work/found/$name-" \
	    "$dir/corpus" "$seeds" >"$dir/log" 2>&1 &
	pids="$pids $!"
done

failed=0
i=0
for t in "$@"; do
	i=$((i + 1))
	name=$(basename "$t")
	dir=$work/$name
	pid=$(echo $pids | cut -d' ' -f$i)
	wait "$pid"
	rc=$?
	found=$(ls "$work/found" | grep "^$name-" | grep -vxF -f "$dir.before")
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log")
	if [ "$rc" -eq 0 ] && [ -z "$found" ] && [ -n "$runs" ]; then
		echo "fuzz: $name: ok, ${runs} runs in ${time}s, nothing found"
		continue
	fi
	failed=$((failed + 1))
	# the report, without progress lines and ASan's shadow-byte legend
	grep -vE '^(#[0-9]+|INFO:|MS:|stat::|Done )' "$dir/log" |
	    sed '/^Shadow bytes around/,/Right alloca redzone/d' | head -n 80
	echo "fuzz: $name: FAILED (exit $rc)"
	for f in $found; do
		echo "fuzz: $name: the input is saved in $work/found/$f"
		echo "fuzz: replay it with: $t $work/found/$f"
	done
	echo "fuzz: full log: $dir/log"
done
[ "$failed" -eq 0 ] && echo "fuzz: all $# targets ok"
[ "$failed" -eq 0 ]
