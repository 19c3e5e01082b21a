#!/bin/bash
# Tier 4: finding people at the office desk.  In the clients list,
# "siobhan" finds Siobhán and "SIOBHAN QUINN" one of them; a phone
# number typed with other spacing finds its client; C-o puts the list in
# each order in turn.  `peerdesk clients` finds the same.  A new referral
# takes a date of birth typed 03/04/1950 as 3 April 1950, refuses one in
# the future and asks before saving one that makes the person over 100.
# The real binary in a detached tmux at 80x24; polls, never sleeps.
. "$(dirname "$0")/lib.sh"

DB=$T/peerdesk.db
export PEERDESK_TODAY=2026-11-25
"$PD" --db "$DB" demo >/dev/null 2>&1
check "the demo database was made" test -s "$DB"
count() { sqlite3 "$DB" "$1"; }
check "the demo has two clients called Siobhán" \
	test "$(count "SELECT count(*) FROM client WHERE name LIKE 'Siobh_n %'")" = 2

# The command line.
out=$("$PD" --db "$DB" clients siobhan 2>&1)
case $out in
*"Siobhán King"*"Siobhán Quinn"*|*"Siobhán Quinn"*"Siobhán King"*)
	ok "peerdesk clients siobhan finds both Siobháns" ;;
*) fail "peerdesk clients siobhan finds both Siobháns"; echo "$out" | sed 's/^/  /' ;;
esac
phone=$(count "SELECT phone FROM client WHERE phone IS NOT NULL AND phone <> '' ORDER BY id LIMIT 1")
pname=$(count "SELECT name FROM client WHERE phone = '$phone' ORDER BY id LIMIT 1")
digits=$(printf '%s' "$phone" | tr -cd 0-9)
spaced="${digits:0:3} ${digits:3:4} ${digits:7}"
expect_out "a phone number typed with other spacing finds its client" "$pname" \
	"$PD" --db "$DB" clients "$spaced"
expect_out "--sort review shows the next review" "REVIEW" "$PD" --db "$DB" clients --sort review
expect_rc "--sort with an unknown order is refused" 2 "$PD" --db "$DB" clients --sort age

# The screens.
tm_start find 80 24 "'$PD' --db '$DB'"
expect_screen "the dashboard opens" find "Go to (press a key)"
tm_keys find c
expect_screen "c opens the clients list" find "newest referral first"
tm_text find siobhan
expect_screen "typing siobhan shows the filter" find "Filter: siobhan"
expect_screen "and finds Siobhán King" find "Siobhán King"
expect_screen "and Siobhán Quinn" find "Siobhán Quinn"
expect_screen "and only them" find "1 of 2"
tm_text find " QUINN"
expect_screen "SIOBHAN QUINN narrows it to one" find "1 of 1"
tm_keys find C-u
tm_wait_gone find "Filter: siobhan" && ok "C-u empties the filter" || fail "C-u empties the filter"
tm_text find "$spaced"
expect_screen "a phone number with other spacing finds its client" find "$pname"
tm_keys find Escape
tm_wait_gone find "Filter:" && ok "Esc clears the filter" || fail "Esc clears the filter"
tm_keys find C-o
expect_screen "C-o puts the list by name" find "every status, by name."
tm_keys find C-o
expect_screen "then by status" find "every status, by status."
tm_keys find C-o
expect_screen "then by PAL" find "every status, by PAL."
tm_keys find C-o
expect_screen "then next review first" find "every status, next review first."
expect_screen "with the review column" find "Review"
tm_keys find C-o
expect_screen "and back to newest referral first" find "newest referral first"
tm_keys find Escape
expect_screen "Esc: the dashboard" find "Go to (press a key)"

# A new referral: dates as people type them, and checks that ask.
tm_keys find n
expect_screen "n opens a new referral" find "Referrer's organisation"
tm_text find "Maud Older"
tm_keys find Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab	# to Date of birth
tm_text find "03/04/2031"
tm_keys find C-s
expect_screen "a date of birth in the future is refused" find "cannot be in the future"
tm_keys find C-u
tm_text find "03/04/1920"
tm_keys find C-s
expect_screen "an age over 100 asks first" find "makes them 106"
expect_screen "with a way to go on" find "Save anyway"
tm_keys find y
expect_screen "saving anyway saves" find "Maud Older - referred"
check "03/04/1920 is kept as 3 April 1920" \
	test "$(count "SELECT date_of_birth FROM client WHERE name = 'Maud Older'")" = 1920-04-03

tm_keys find C-q
expect_screen "C-q leaves peerdesk" find "[exited]"
finish
