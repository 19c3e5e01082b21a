#!/bin/bash
# Tier 4: Wednesday on the bus.  Jo, a PAL on permitted work, logs
# sessions on a 40x15 terminal: first one that fits (the week with it in
# shows before saving), then one that would take the week over 16 hours,
# which peerdesk refuses plainly: the manager must agree.
#
# peerdesk knows who is at the keyboard from the Unix account, so the
# demo's Jo is driven through a throwaway account (pdtest_<pid>) made
# here and given Jo's login; it is removed on the way out.  Needs root
# (useradd, runuser); it fails, never skips, without it.
. "$(dirname "$0")/lib.sh"

TODAY=2026-11-25
U=pdtest_$$
W=
sql() { sqlite3 "$W/db/demo.db" "$1"; }

time_cleanup() {
	tm kill-server >/dev/null 2>&1
	id "$U" >/dev/null 2>&1 && userdel "$U" >/dev/null 2>&1
	[ -n "$W" ] && rm -rf "$W"
	e2e_cleanup
}
trap time_cleanup EXIT

if [ "$(id -u)" != 0 ]; then
	fail "this test runs as root (it makes a Unix account for Jo)"
	finish
fi
if id "$U" >/dev/null 2>&1; then
	fail "the account $U is free"
	finish
fi
check "a throwaway account for Jo" useradd -M -N -s /bin/sh "$U"

# A folder the account can reach: the program and the database.
W=$(mktemp -d /tmp/pdtime.XXXXXX)
chmod 755 "$W"
mkdir "$W/db"
cp "$PD" "$W/peerdesk"
chmod 755 "$W/peerdesk"
printf 'organisation: Riverside Peer Support\n' > "$W/config.yaml"
chmod 644 "$W/config.yaml"
expect_out "the demo organisation is made" "Made a demo organisation" \
	"$PD" --db "$W/db/demo.db" --config "$W/config.yaml" --today "$TODAY" demo
sql "UPDATE staff SET login = '$U' WHERE login = 'jo'"
chown -R "$U" "$W/db"
# Jo's week so far, and the first of Jo's clients by name (the letter
# that picks them); the demo decides both, the test works them out.
so_far=$(sql "SELECT coalesce(sum(l.minutes), 0) FROM timesheet_line l \
	JOIN staff s ON s.id = l.pal_id WHERE s.login = '$U' \
	AND l.date BETWEEN '2026-11-23' AND '2026-11-29'")
first=$(sql "SELECT lower(substr(c.name, 1, 1)) FROM assignment a \
	JOIN client c ON c.id = a.client_id JOIN staff s ON s.id = a.worker_id \
	WHERE s.login = '$U' AND (a.ended_on IS NULL OR a.ended_on > '$TODAY') \
	ORDER BY c.name LIMIT 1")
check "Jo has clients" test -n "$first"
check "Jo's week so far is under 13h 30m" test "$so_far" -lt 810
before=$(sql "SELECT count(*) FROM session")

# 810 minutes -> "13h 30m", 540 -> "9h"
dur() { if [ $(($1 % 60)) -eq 0 ]; then echo "$(($1 / 60))h"
	else echo "$(($1 / 60))h $(($1 % 60))m"; fi; }

run_as_jo() {
	tm_start "$1" 40 15 "runuser -u $U -- $W/peerdesk --db $W/db/demo.db \
	    --config $W/config.yaml --today $TODAY log"
}

# --- step 9: a session that takes the week to 13h 30m ----------------------
run_as_jo s1
expect_screen "the screen opens at 40x15" s1 "Log a session"
expect_screen "the week as it stands shows first" s1 \
	"This week: $(dur "$so_far") of less"
tm_keys s1 "$first" Tab Tab Tab
tm_text s1 "$((810 - so_far))m"
tm_keys s1 Tab
# Jo is paid the National Living Wage, £12.71 (the journey's figures)
expect_screen "before saving, the week with the session in it" s1 \
	"This week: 13h 30m of less than 16h;"
expect_screen "the pay, as in the journey" s1 "£171.59 of £203.50"
expect_screen "and the room left" s1 "room left: 2h 29m,"
tm_keys s1 t Tab
tm_text s1 "Walked by the river."
tm_keys s1 Tab
tm_text s1 "Laughed a lot."
tm_keys s1 C-s
expect_screen "saving closes the screen" s1 "[exited]"
check "the session is saved" test "$(sql "SELECT count(*) FROM session")" = \
	$((before + 1))
check "with its details" test "$(sql "SELECT s.minutes || ' ' || s.place || \
	' ' || s.date || ' ' || s.did FROM session s ORDER BY s.id DESC LIMIT 1")" = \
	"$((810 - so_far)) town $TODAY Walked by the river."
check "and its timesheet line" test "$(sql "SELECT count(*) FROM timesheet_line \
	WHERE session_id = (SELECT max(id) FROM session)")" = 1

# --- step 11: another 3 hours would take it to 16h 30m -------------------------
run_as_jo s2
expect_screen "the screen opens again" s2 "This week: 13h 30m of less"
tm_keys s2 "$first" Tab Tab Tab
tm_text s2 3h
tm_keys s2 Tab
expect_screen "peerdesk says how the week would be" s2 \
	"This week: 16h 30m of less than 16h;"
expect_screen "that it is over the limit" s2 "over the limit:"
expect_screen "and that the manager must agree" s2 \
	"That is over the limit: the manager must"
tm_keys s2 h Tab C-s
expect_screen "saving is refused, saying why" s2 \
	"Not saved: the manager must agree"
expect_screen "beside the length, too" s2 "Over the limit: the manager must"
check "nothing was saved" test "$(sql "SELECT count(*) FROM session")" = \
	$((before + 1))
check "no agreement was recorded" test "$(sql "SELECT count(*) FROM \
	limit_override")" = 0
tm_keys s2 C-q
expect_screen "leaving asks first" s2 "Leave peerdesk?"
tm_keys s2 y
expect_screen "and then leaves" s2 "[exited]"
finish
