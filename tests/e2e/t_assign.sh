#!/bin/bash
# Tier 4: choosing a PAL and the four-to-six-week review, with the real
# binary on a terminal in tmux at 80x24, over the demo organisation.
#
# From the dashboard, open a client at intake and shortlist three PALs;
# record the first meeting (both say yes; the plan is not established
# yet, so a reason is given): support starts.  Start peerdesk again with
# "today" at day 29: the dashboard says "Review due" for the client, and
# Enter on it leads to the client's "Support and reviews".  At day 43 it
# says "Review overdue"; record the review there and see it clear (the
# screen, the dashboard and `peerdesk reminders`).  The client's plan has
# two goals (Connect scored -1 on day 1): the review goes straight on to
# their scores, dated with the review (journey step 12).
. "$(dirname "$0")/lib.sh"

DB=$T/org.db
D0=2026-11-25		# the first meeting: day 1
D29=2026-12-23		# first meeting + 28 days
D43=2027-01-06		# first meeting + 42 days
q() { sqlite3 "$DB" "$1"; }
pd_at() { echo "'$PD' --db '$DB' --today $1"; }

# sel_reminder SESSION WORDS: move up the dashboard's reminders until the
# selected one (marked ">") says WORDS about the client.
sel_reminder() {
	s=$1 words=$2
	for _ in $(seq 1 60); do
		if tm_screen "$s" | grep '^>' | grep -F "$words" |
		    grep -qF "$CNAME"; then
			return 0
		fi
		before=$(tm_screen "$s")
		tm_keys "$s" Up
		end=$(($(date +%s) + 3))
		while [ "$(tm_screen "$s")" = "$before" ] &&
		    [ "$(date +%s)" -lt "$end" ]; do
			tm display-message -p -t "$s" '' >/dev/null 2>&1
		done
		[ "$(tm_screen "$s")" = "$before" ] && break
	done
	echo "  no selected reminder says: $words $CNAME" >&2
	tm_screen "$s" | sed 's/^/  | /' >&2
	return 1
}

expect_rc "the demo is made" 0 "$PD" --db "$DB" --today "$D0" demo
CID=$(q "SELECT id FROM client WHERE status = 'intake' ORDER BY id LIMIT 1")
CNAME=$(q "SELECT name FROM client WHERE id = $CID")
check "a client at intake to choose for" test -n "$CID"

# ---- day 1: from the dashboard to the client, then Choose a PAL ---------
tm_start d0 80 24 "$(pd_at "$D0")"
expect_screen "the dashboard opens" d0 "Go to (press a key)"
tm_keys d0 c
expect_screen "c opens the clients list" d0 "newest referral first"
tm_text d0 "$CNAME"
expect_screen "typing the name finds the client" d0 "1 of 1"
tm_keys d0 Enter
expect_screen "Enter opens their record" d0 "$CNAME - intake"
expect_screen "the record offers Choose a PAL" d0 "a  Choose a PAL"
tm_keys d0 a
expect_screen "Choose a PAL opens" d0 "Choose a PAL: $CNAME"
expect_screen "suggestions come with their reasons" d0 "of 5 clients"
tm_keys d0 Enter
expect_screen "Enter offers to shortlist the first suggestion" d0 "to the shortlist"
tm_keys d0 Enter
expect_screen "one on the shortlist" d0 "Shortlist: 1 to meet"
tm_keys d0 Down Enter
tm_wait d0 "to the shortlist" >/dev/null && tm_keys d0 Enter
expect_screen "two on the shortlist" d0 "Shortlist: 2 to meet"
tm_keys d0 Down Enter
tm_wait d0 "to the shortlist" >/dev/null && tm_keys d0 Enter
expect_screen "three on the shortlist" d0 "Shortlist: 3 to meet"
check "three rows are stored" test "$(q "SELECT count(*) FROM shortlist WHERE client_id = $CID")" = 3

PNAME=$(q "SELECT s.name FROM shortlist e JOIN staff s ON s.id = e.pal_id WHERE e.client_id = $CID ORDER BY e.id LIMIT 1")
tm_keys d0 Home Enter
expect_screen "the first PAL's choices" d0 "Record the first meeting"
tm_text d0 "first meeting"
tm_keys d0 Enter
expect_screen "the first meeting form" d0 "First meeting: $PNAME"
tm_keys d0 Tab Y Tab Y C-s
expect_screen "the plan is not established: a reason is asked for" d0 "not established yet"
tm_text d0 "Plan agreed at intake; signing next week"
tm_keys d0 C-s
expect_screen "both said yes: support starts" d0 "Both said yes: $PNAME supports"
check "the assignment starts at the first meeting" test "$(q "SELECT started_on FROM assignment WHERE client_id = $CID AND ended_on IS NULL")" = "$D0"
check "its review is due from day 29" test "$(q "SELECT review_due_on FROM assignment WHERE client_id = $CID AND ended_on IS NULL")" = "$D29"
check "the reason for going ahead is kept" test "$(q "SELECT override_reason FROM assignment WHERE client_id = $CID")" = "Plan agreed at intake; signing next week"
tm_keys d0 Enter
expect_screen "the shortlist says chosen" d0 "chosen"
tm_keys d0 C-q
expect_screen "peerdesk quits" d0 "[exited]"

# ---- day 1: the plan's first words and two goals; Connect scored -1 -----
tm_start pl 80 24 "$(pd_at "$D0") plan edit $CID"
expect_screen "the plan opens" pl "Plan: $CNAME"
tm_keys pl e
expect_screen "e opens the sections" pl "1 My ambitions"
tm_text pl "To get back to the allotment."
tm_keys pl C-s
expect_screen "version 1 is saved on day 1" pl "Saved: the plan has a new version."
n=0
for title in "Go to the walking group" "Swim on Fridays"; do
	tm_keys pl a
	tm_wait pl "Kind of goal" >/dev/null
	[ $n -eq 1 ] && tm_keys pl Right
	tm_keys pl Tab
	tm_text pl "$title"
	tm_keys pl C-s
	expect_screen "a goal: $title" pl "Saved the goal."
	n=$((n + 1))
done
tm_keys pl r
expect_screen "a first look at the goals" pl "Review on $D0"
tm_keys pl -- -1
tm_keys pl C-s
expect_screen "Connect scored -1 on day 1" pl "Review recorded: 1 goal scored."
tm_keys pl C-q
expect_screen "the plan closes" pl "[exited]"

# ---- day 29: review due, from the dashboard -----------------------------
expect_out "day 29: peerdesk reminders says review due" \
	"Review due: $CNAME with $PNAME" "$PD" --db "$DB" --today "$D29" reminders
tm_start d29 80 24 "$(pd_at "$D29")"
expect_screen "day 29: the dashboard opens" d29 "Go to (press a key)"
check "day 29: the dashboard lists 'Review due' for the client" \
	sel_reminder d29 "Review due"
tm_keys d29 Enter
expect_screen "Enter on the reminder opens the client" d29 "$CNAME - active"
tm_keys d29 s
expect_screen "day 29: Support and reviews says review due" d29 "Review due since"
tm_keys d29 C-q
expect_screen "peerdesk quits again" d29 "[exited]"

# ---- day 43: overdue; record the review; it clears -----------------------
expect_out "day 43: peerdesk reminders says overdue" \
	"Review overdue: $CNAME with $PNAME" "$PD" --db "$DB" --today "$D43" reminders
tm_start d43 80 24 "$(pd_at "$D43")"
expect_screen "day 43: the dashboard opens" d43 "Go to (press a key)"
check "day 43: the dashboard lists 'Review overdue' for the client" \
	sel_reminder d43 "Review overdue"
tm_keys d43 Enter
expect_screen "the client opens from the reminder" d43 "$CNAME - active"
tm_keys d43 s
expect_screen "day 43: Support and reviews says overdue" d43 "Review overdue since"
tm_keys d43 Enter
expect_screen "the PAL's choices" d43 "Record the review"
tm_keys d43 Enter
expect_screen "the review form" d43 "Review: $CNAME with $PNAME"
tm_keys d43 Tab Tab Tab
tm_text d43 "Going well; walking group twice."
tm_keys d43 C-s
expect_screen "the goals' scores come next, dated with the review" d43 \
	"Goal scores at the review on Wed 6 Jan 2027"
expect_screen "... Connect's last score" d43 "last -1 (25 Nov)"
expect_screen "... and Be active, not scored yet" d43 "not scored yet"
tm_keys d43 -- 1
tm_keys d43 Down
tm_keys d43 -- 0
tm_keys d43 C-s
expect_screen "both goals are scored" d43 "Review recorded: 2 goals scored."
expect_screen "the review is recorded" d43 "Reviewed Wed 6 Jan 2027"
RID=$(q "SELECT r.id FROM review r JOIN assignment a ON a.id = r.assignment_id WHERE a.client_id = $CID")
check "the scores are dated with the review and linked to it" test \
	"$(q "SELECT group_concat(x, ', ') FROM (SELECT g.area || ' ' || s.score AS x FROM goal_score s JOIN plan_goal g ON g.id = s.goal_id JOIN plan p ON p.id = g.plan_id WHERE p.client_id = $CID AND s.scored_on = '$D43' AND s.review_id = $RID ORDER BY g.id)")" = "connect 1, be_active 0"
expect_out "what changed since the day-1 review: Connect moved up" \
	"score -1, now +1 (moved up)" "$PD" --db "$DB" --today "$D43" plan changes "$CID"
expect_out "... and the sections written on day 1 are not news" \
	"at version 1 then" \
	"$PD" --db "$DB" --today "$D43" plan changes "$CID"
check "the review row is stored" test "$(q "SELECT outcome FROM review r JOIN assignment a ON a.id = r.assignment_id WHERE a.client_id = $CID")" = continue
tm_keys d43 Escape Escape
expect_screen "back on the dashboard" d43 "Go to (press a key)"
if tm_screen d43 | grep -F "$CNAME" | grep -q "Review"; then
	fail "the dashboard no longer shows the client's review"
else
	ok "the dashboard no longer shows the client's review"
fi
tm_keys d43 C-q
out=$("$PD" --db "$DB" --today "$D43" reminders)
case $out in
*"$CNAME with $PNAME"*) fail "the reminder clears"; printf '%s\n' "$out" | sed 's/^/  /' ;;
*) ok "the reminder clears" ;;
esac

finish
