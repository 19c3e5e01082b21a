#!/bin/bash
# Tier 4: a session booked for later in the week.  It is saved as booked
# (no timesheet line, not counted), and the week lists it as booked so it
# is not forgotten; confirming it on the day is tested at tier 3
# (check_time_screens: test_week_booked_session).
. "$(dirname "$0")/lib.sh"

DB=$T/peerdesk.db
TODAY=2026-11-25
q() { sqlite3 "$DB" "$1"; }
"$PD" --db "$DB" --today "$TODAY" demo >/dev/null 2>&1
check "the demo database was made" test -s "$DB"
JO=$(q "SELECT id FROM staff WHERE login = 'jo'")
first=$(q "SELECT lower(substr(c.name, 1, 1)) FROM assignment a
	JOIN client c ON c.id = a.client_id WHERE a.worker_id = $JO
	AND (a.ended_on IS NULL OR a.ended_on > '$TODAY') ORDER BY c.name LIMIT 1")
lines=$(q "SELECT count(*) FROM timesheet_line WHERE pal_id = $JO")
hours=$("$PD" --db "$DB" --today "$TODAY" week --pal jo | grep '^Hours:')

tm_start b 80 24 "'$PD' --db '$DB' --today $TODAY log --pal jo"
expect_screen "the office logs a session for Jo" b "Log a session"
tm_keys b "$first" Tab C-u
tm_text b "2026-11-27"
tm_keys b Tab Tab
tm_text b "1h"
tm_keys b Tab t Tab
tm_text b "Booked: the Friday walk"
expect_screen "the note is typed" b "the Friday walk"
tm_keys b C-s
expect_screen "saving closes the screen" b "[exited]"
check "the session is kept as booked" test \
	"$(q "SELECT status FROM session WHERE did = 'Booked: the Friday walk'")" = booked
check "it has no timesheet line yet" test \
	"$(q "SELECT count(*) FROM timesheet_line WHERE pal_id = $JO")" = "$lines"
out=$("$PD" --db "$DB" --today "$TODAY" week --pal jo)
case $out in
*"Fri 27 Nov  booked"*"(not counted until it is confirmed)"*) ok "Jo's week lists it as booked, not counted" ;;
*) fail "Jo's week lists it as booked, not counted"; printf '%s\n' "$out" | sed 's/^/  /' ;;
esac
check "the week's hours are unchanged" test \
	"$(printf '%s\n' "$out" | grep '^Hours:')" = "$hours"
finish
