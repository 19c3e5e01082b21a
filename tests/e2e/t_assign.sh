#!/bin/bash
# Tier 4: choosing a PAL and the four-to-six-week review, on a real
# terminal in tmux at 80x24, over the demo organisation.
#
# Shortlist three PALs for a client at intake, record the first meeting
# (both say yes, the plan is not established yet so a reason is given):
# support starts.  Then start again with "today" at day 29 and see
# "review due", at day 43 and see "overdue" (on screen and from
# `peerdesk reminders`), record the review and see it clear.
# The screens run in a small helper built against build/libpeerdesk.a
# (tests/e2e/assign_tui.c) until `peerdesk` opens the home screen.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

DB=$T/org.db
D0=2026-11-25		# the first meeting: day 1
D29=2026-12-23		# first meeting + 28 days
D43=2027-01-06		# first meeting + 42 days
BUILD=$(dirname "$PD")
q() { sqlite3 "$DB" "$1"; }

# shellcheck disable=SC2046
if cc -std=c11 -D_DEFAULT_SOURCE -I"$TOP/include" "$here/assign_tui.c" \
    "$BUILD/libpeerdesk.a" \
    $(pkg-config --libs ncursesw sqlite3 yaml-0.1 cairo libcrypt) \
    -o "$T/assign_tui" 2>"$T/cc.err"; then
	ok "the screen helper builds against libpeerdesk.a"
else
	fail "the screen helper builds against libpeerdesk.a"
	sed 's/^/  /' "$T/cc.err"
	finish
fi
run() { echo "$T/assign_tui $DB $*"; }

expect_rc "the demo is made" 0 "$PD" --db "$DB" --today "$D0" demo
CID=$(q "SELECT id FROM client WHERE status = 'intake' ORDER BY id LIMIT 1")
CNAME=$(q "SELECT name FROM client WHERE id = $CID")
check "a client at intake to choose for" test -n "$CID"

# ---- choose: three on the shortlist, then the first meeting -------------
tm_start choose 80 24 "$(run "$D0" choose "$CID")"
expect_screen "Choose a PAL opens" choose "Choose a PAL: $CNAME"
expect_screen "suggestions come with their reasons" choose "of 5 clients"
tm_keys choose Enter
expect_screen "Enter offers to shortlist the first suggestion" choose "to the shortlist"
tm_keys choose Enter
expect_screen "one on the shortlist" choose "Shortlist: 1 to meet"
tm_keys choose Down Enter
tm_wait choose "to the shortlist" >/dev/null && tm_keys choose Enter
expect_screen "two on the shortlist" choose "Shortlist: 2 to meet"
tm_keys choose Down Enter
tm_wait choose "to the shortlist" >/dev/null && tm_keys choose Enter
expect_screen "three on the shortlist" choose "Shortlist: 3 to meet"
check "three rows are stored" test "$(q "SELECT count(*) FROM shortlist WHERE client_id = $CID")" = 3

PNAME=$(q "SELECT s.name FROM shortlist e JOIN staff s ON s.id = e.pal_id WHERE e.client_id = $CID ORDER BY e.id LIMIT 1")
tm_keys choose Home Enter
expect_screen "the first PAL's choices" choose "Record the first meeting"
tm_text choose "first meeting"
tm_keys choose Enter
expect_screen "the first meeting form" choose "First meeting: $PNAME"
tm_keys choose Tab Y Tab Y C-s
expect_screen "the plan is not established: a reason is asked for" choose "not established yet"
tm_text choose "Plan agreed at intake; signing next week"
tm_keys choose C-s
expect_screen "both said yes: support starts" choose "Both said yes: $PNAME supports"
check "the assignment starts at the first meeting" test "$(q "SELECT started_on FROM assignment WHERE client_id = $CID AND ended_on IS NULL")" = "$D0"
check "its review is due from day 29" test "$(q "SELECT review_due_on FROM assignment WHERE client_id = $CID AND ended_on IS NULL")" = "$D29"
check "the reason for going ahead is kept" test "$(q "SELECT override_reason FROM assignment WHERE client_id = $CID")" = "Plan agreed at intake; signing next week"
tm_keys choose Enter
expect_screen "the shortlist says chosen" choose "chosen"
tm_keys choose C-q
expect_screen "the helper quits" choose "[exited]"

# ---- day 29: review due --------------------------------------------------
expect_out "day 29: the reminders say review due" "Review due: $CNAME with $PNAME" \
	"$PD" --db "$DB" --today "$D29" reminders
tm_start due 80 24 "$(run "$D29" support "$CID")"
expect_screen "day 29: the support screen says review due" due "Review due since"
tm_keys due C-q
expect_screen "the helper quits again" due "[exited]"

# ---- day 43: overdue; record the review; it clears -----------------------
expect_out "day 43: the reminders say overdue" "Review overdue: $CNAME with $PNAME" \
	"$PD" --db "$DB" --today "$D43" reminders
tm_start late 80 24 "$(run "$D43" support "$CID")"
expect_screen "day 43: the support screen says overdue" late "Review overdue since"
tm_keys late Enter
expect_screen "the worker's choices" late "Record the review"
tm_keys late Enter
expect_screen "the review form" late "Review: $CNAME with $PNAME"
tm_keys late Tab Tab Tab
tm_text late "Going well; walking group twice."
tm_keys late C-s
expect_screen "the review is recorded" late "Reviewed Wed 6 Jan 2027"
check "the review row is stored" test "$(q "SELECT outcome FROM review r JOIN assignment a ON a.id = r.assignment_id WHERE a.client_id = $CID")" = continue
tm_keys late C-q
out=$("$PD" --db "$DB" --today "$D43" reminders)
case $out in
*"$CNAME with $PNAME"*) fail "the reminder clears"; printf '%s\n' "$out" | sed 's/^/  /' ;;
*) ok "the reminder clears" ;;
esac

finish
