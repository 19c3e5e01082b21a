#!/bin/bash
# Tier 4: someone new runs `make demo`, finds a client by typing part of
# a name, takes a referral through the form, quits, starts again and
# finds it.  Also: without a terminal `make demo` prints and ends; the
# screens survive 60x20 and back; NO_COLOR shows the same text.
# The real binary in a detached tmux at 80x24; polls, never sleeps.
. "$(dirname "$0")/lib.sh"

DB=$T/demo/peerdesk.db
BUILD=$(dirname "$PD")
count() { sqlite3 "$DB" "$1"; }
# `make demo` as a person would type it, on this test's own database.
demo_cmd() {
	echo "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C '$TOP'" \
	    "O='$BUILD' DEMO_DB='$DB' demo"
}

# Without a terminal (a script, a pipe): it prints and ends, exit 0.
out=$(eval "$(demo_cmd)" </dev/null 2>&1)
rc=$?
check "make demo from a script ends (exit 0)" test "$rc" -eq 0
case $out in
*"The screens need a terminal"*) ok "and says the screens need a terminal" ;;
*) fail "and says the screens need a terminal"; echo "$out" | sed 's/^/  /' ;;
esac
case $out in
*"reviews due this week"*) ok "and prints the dashboard's counts" ;;
*) fail "and prints the dashboard's counts" ;;
esac
check "the demo database was made" test -s "$DB"

# The dashboard opens.
tm_start demo 80 24 "$(demo_cmd)"
expect_screen "make demo opens the dashboard" demo "Go to (press a key)"
expect_screen "it shows the counts in words" demo "reviews due this week"
expect_screen "the keys for the places are on screen" demo " c  Clients"
expect_screen "the title names who is signed in" demo "(manager)"

# Resize to 60x20 and back: the dashboard lays itself out again.
tm resize-window -t demo -x 60 -y 20
expect_screen "at 60x20 the dashboard still shows the counts" demo "reviews due this week"
expect_screen "and the places to go" demo " n  New referral"
if tm_screen demo | grep -q "Terminal too small"; then
	fail "60x20 is big enough for the dashboard"
else
	ok "60x20 is big enough for the dashboard"
fi
check "the screen is 60 columns wide" test "$(tm display-message -p -t demo '#{window_width}x#{window_height}')" = 60x20
tm resize-window -t demo -x 80 -y 24
expect_screen "back at 80x24" demo "Go to (press a key)"
check "the screen is 80x24 again" test "$(tm display-message -p -t demo '#{window_width}x#{window_height}')" = 80x24

# Find a client by typing part of a name.
# (lib.sh's helpers use $name and $want themselves)
who=$(count "SELECT name FROM client WHERE status = 'active' ORDER BY id LIMIT 1")
# the first name and the next few letters: "Ingrid Bak"
first=${who%% *}
part=${who:0:$((${#first} + 4))}
tm_keys demo c
expect_screen "c opens the clients list" demo "newest referral first"
tm_text demo "$part"
expect_screen "typing part of a name finds them" demo "$who"
expect_screen "the filter shows what was typed" demo "Filter: $part"
expect_screen "and narrows the list to one" demo "1 of 1"
tm_keys demo Enter
expect_screen "Enter opens their record" demo "$who - active"
expect_screen "the record has its sections" demo "Referral and funding"
tm_keys demo Escape
expect_screen "Esc goes back to the list" demo "Filter: $part"
tm_keys demo Escape
tm_wait_gone demo "Filter: $part" && ok "Esc clears the filter" || fail "Esc clears the filter"
tm_keys demo Escape
expect_screen "Esc again: the dashboard" demo "Go to (press a key)"

# A referral through the form: only the name is needed.
tm_keys demo n
expect_screen "n opens a new referral" demo "Referrer's organisation"
tm_text demo "Dana Fox"
# as a phone call goes: the name, how to reach them, who referred them
tm_keys demo Tab
tm_text demo "07700 900456"
tm_keys demo Tab Tab Tab
tm_text demo "Kate Morris"
for i in 1 2 3 4 5 6 7 8 9 10 11; do tm_keys demo Tab; done
tm_text demo p
tm_keys demo Tab Tab Tab Tab
tm_text demo 6h
tm_keys demo C-s
expect_screen "saving says so in plain words" demo "Saved: Dana Fox is now on the list as referred"
expect_screen "and opens the new client's record" demo "Dana Fox - referred"
check "the client is saved as referred" test "$(count "SELECT status FROM client WHERE name = 'Dana Fox'")" = referred
check "with the referrer" test "$(count "SELECT r.referrer_name FROM referral r JOIN client c ON c.id = r.client_id WHERE c.name = 'Dana Fox'")" = "Kate Morris"
check "and personal budget funding, 6 hours a week" test "$(count "SELECT f.kind || ' ' || f.contracted_minutes_per_week FROM funding f JOIN client c ON c.id = f.client_id WHERE c.name = 'Dana Fox'")" = "personal_budget 360"

# Quit, start again, find it.
tm_keys demo C-q
expect_screen "C-q leaves peerdesk" demo "[exited]"
tm kill-session -t demo
tm_start again 80 24 "$(demo_cmd)"
expect_screen "starting again opens the dashboard" again "Go to (press a key)"
tm_keys again c
expect_screen "the clients list" again "newest referral first"
tm_text again dana
expect_screen "the new referral is found by part of the name" again "Dana Fox"
expect_screen "as referred" again "referred"

# NO_COLOR: the same text as with colour.
tm_keys again C-q
expect_screen "leaves again" again "[exited]"
run="'$PD' --db '$DB' --config '$TOP/data/demo-config.yaml'"
tm_start colour 80 24 "$run"
expect_screen "with colour: the dashboard" colour "Go to (press a key)"
tm_start mono 80 24 "NO_COLOR=1 $run"
expect_screen "with NO_COLOR: the dashboard" mono "Go to (press a key)"
if [ "$(tm_screen colour)" = "$(tm_screen mono)" ]; then
	ok "NO_COLOR shows the same text"
else
	fail "NO_COLOR shows the same text"
	diff <(tm_screen colour) <(tm_screen mono) | sed 's/^/  /'
fi

finish
