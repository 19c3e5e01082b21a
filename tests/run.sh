#!/bin/sh
# run.sh - run test programs and scripts, then print one closing line:
#   "check: N passed, M failed"
# Check programs (tests/*/check_*) report "Checks: N, Failures: F,
# Errors: E"; e2e scripts (tests/e2e/t_*.sh) print "ok ..." and
# "not ok ..." lines.  A program that crashes or prints no summary
# counts as a failure: nothing passes by not running.
#
# usage: run.sh [--bin PEERDESK] [--san-dir DIR] TEST...
#   --san-dir DIR  also run each Check program's twin under DIR
#                  (the same path below DIR as below the folder of
#                  PEERDESK, built with sanitizers; that folder may be
#                  any path, e.g. O=build/asan)
#   san:SCRIPT     (as a TEST) run e2e SCRIPT against DIR/peerdesk, the
#                  program built with sanitizers, with SAN set so that
#                  a script that builds a copy of the program (install)
#                  builds it the same way
set -u
bin=build/peerdesk
san=
while [ $# -gt 0 ]; do
	case $1 in
	--bin) bin=$2; shift 2 ;;
	--san-dir) san=$2; shift 2 ;;
	*) break ;;
	esac
done
top=$(cd "$(dirname "$0")/.." && pwd)
out=$(dirname "$bin")	# the build folder (make's O), slashes and all
PEERDESK_BIN=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
export PEERDESK_BIN PEERDESK_TOP="$top"
export LC_ALL=C.UTF-8 TZ=UTC
unset PEERDESK_TODAY PEERDESK_CONFIG PEERDESK_DB NO_COLOR
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

passed=0 failed=0 failures=
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_check() {	# program label
	"$1" >"$log" 2>&1
	rc=$?
	line=$(grep -E '^[0-9]+%: Checks: [0-9]+' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		cat "$log"
		echo "$2: no Check summary (exit $rc)"
		failed=$((failed + 1)); failures="$failures $2"
		return
	fi
	n=$(echo "$line" | sed -E 's/.*Checks: ([0-9]+).*/\1/')
	f=$(echo "$line" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
	e=$(echo "$line" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
	bad=$((f + e))
	if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then bad=1; fi
	if [ "$bad" -gt 0 ]; then
		grep -vE '^(Running suite|[0-9]+%: Checks)' "$log" | head -n 60
		failures="$failures $2"
	fi
	passed=$((passed + n - (f + e)))
	failed=$((failed + bad))
	echo "$2: $line"
}

run_script() {	# script [label]
	bash "$1" >"$log" 2>&1
	rc=$?
	ok=$(grep -cE '^ok ' "$log")
	nok=$(grep -cE '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$nok" -eq 0 ]; then nok=1; fi
	if [ "$ok" -eq 0 ] && [ "$nok" -eq 0 ]; then nok=1; fi
	if [ "$nok" -gt 0 ]; then
		tail -n 80 "$log"
		failures="$failures ${2:-$1}"
	fi
	passed=$((passed + ok)); failed=$((failed + nok))
	echo "${2:-$1}: $ok ok, $nok not ok"
}

for t in "$@"; do
	case $t in
	san:*.sh)
		if [ -z "$san" ] || [ ! -x "$san/peerdesk" ]; then
			echo "$t: no sanitizer build (--san-dir) to run it against"
			failed=$((failed + 1)); failures="$failures $t"
			continue
		fi
		(
			PEERDESK_BIN=$(cd "$san" && pwd)/peerdesk
			SAN=address,undefined
			LSAN_OPTIONS=suppressions=$top/tests/support/lsan-peerdesk.supp:print_suppressions=0
			export PEERDESK_BIN SAN LSAN_OPTIONS
			run_script "${t#san:}" "$t"
			echo "$passed $failed $failures" >"$log.sum"
		)
		read -r passed failed failures <"$log.sum"
		rm -f "$log.sum"
		;;
	*.sh) run_script "$t" ;;
	*)
		run_check "$t" "$t"
		if [ -n "$san" ]; then
			twin="$san/${t#"$out"/}"
			run_check "$twin" "$twin"
		fi
		;;
	esac
done
[ -n "$failures" ] && echo "failed:$failures"
echo "check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
