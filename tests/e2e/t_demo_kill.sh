#!/bin/bash
# Tier 4: `peerdesk demo` killed with SIGKILL at random points leaves
# either no database or a whole one, never a part-made file under the
# real name.  Bounded: 15 kills, each poll bounded.
. "$(dirname "$0")/lib.sh"

# poll_for SECONDS CMD...: until CMD succeeds or the time is up.
poll_for() {
	end=$(( $(date +%s) + $1 )); shift
	until "$@"; do
		[ "$(date +%s)" -lt "$end" ] || return 1
		read -r -t 0.01 -u 9 _ 2>/dev/null || :
	done
}


whole=0 none=0 bad=0
for i in $(seq 1 15); do
	d=$T/k$i
	mkdir -p "$d"
	"$PD" --db "$d/org.db" --today 2026-11-25 demo >/dev/null 2>&1 &
	pid=$!
	# wait until the demo has begun its temporary file, then let it run
	# a random few milliseconds more (0-600) before the kill
	poll_for 10 sh -c "ls '$d' | grep -q . || ! kill -0 $pid 2>/dev/null"
	ms=$(( RANDOM % 600 ))
	read -r -t "$(printf '0.%03d' "$ms")" -u 9 _ 2>/dev/null || :
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ ! -e "$d/org.db" ]; then
		none=$((none + 1))
	elif [ "$(sqlite3 "$d/org.db" 'PRAGMA integrity_check' 2>&1)" = ok ] &&
	    [ "$(sqlite3 "$d/org.db" 'SELECT count(*) FROM client')" -gt 0 ]; then
		whole=$((whole + 1))
	else
		bad=$((bad + 1))
		echo "  kill $i after ${ms} ms left a broken org.db"
	fi
done
check "every kill left no database or a whole one ($none none, $whole whole)" test "$bad" -eq 0
check "the kills came at different points (some before the end)" test "$none" -gt 0
# a finished demo is found whole by peerdesk itself
expect_rc "a demo left to finish" 0 "$PD" --db "$T/done.db" --today 2026-11-25 demo
expect_out "is a whole database" "48 clients" "$PD" --db "$T/done.db" summary

finish
