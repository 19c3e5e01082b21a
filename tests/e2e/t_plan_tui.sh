#!/bin/bash
# Tier 4: the wellness plan on screen, in tmux at 80x24 (Tuesday and
# Thursday of JOURNEYS.md): the plan written with the client, a goal in
# each of the Five Ways, two reviews, then the chart of a goal's scores
# and the "what changed since the last review" page.  Keys are sent with
# send-keys and the screen read with capture-pane, polling, never
# sleeping.
. "$(dirname "$0")/lib.sh"

DB=$T/plan.db
pd() { "$PD" --db "$DB" "$@"; }

check "an empty database" pd init
printf '%s\n' "name,referred_on,referrer,funding,contracted_minutes_per_week" \
    "Zoë Brown,2026-11-20,Kate Morris,personal_budget,360" > "$T/c.csv"
check "a referral comes in" pd import clients "$T/c.csv"

d1=$(date -d '-28 days' +%F)
d1_short=$(date -d '-28 days' '+%-d %b')
d1_long=$(date -d '-28 days' '+%a %-d %b %Y')
d2_short=$(date '+%-d %b')

S=plan
tm_start $S 80 24 "$PD --db '$DB' plan edit 1"
expect_screen "the plan opens" $S "Plan: Zoë Brown"
expect_screen "... not written yet" $S "Not written yet: e starts it"

# --- Tuesday: the plan, in Zoë's own words --------------------------------
tm_keys $S e
expect_screen "e opens the sections" $S "1 My ambitions"
tm_text $S "To work with plants again."
tm_keys $S Tab Tab Tab
tm_text $S "Walking the dog every morning."
tm_keys $S Enter
tm_text $S "Ringing my sister on Sundays."
tm_keys $S Tab
tm_text $S "Brown envelopes; loud rooms."
tm_keys $S Tab Tab Tab Tab
tm_text $S "Ring Lou first, then the crisis line."
tm_keys $S C-s
expect_screen "the sections are saved" $S "Saved: the plan has a new version."
expect_screen "... as version 1" $S "Draft: not established yet. Version 1"
expect_screen "... in her words" $S "  Walking the dog every morning."

# a goal in each of the Five Ways (Left/Right choose the kind)
n=0
for title in "Go to the Thursday walking group" "Swim on Friday mornings" \
    "Keep a diary of good moments" "A Recovery College course" \
    "Bake for the cafe once a week"; do
	tm_keys $S a
	tm_wait $S "Kind of goal" >/dev/null
	i=0
	while [ $i -lt $n ]; do tm_keys $S Right; i=$((i + 1)); done
	tm_keys $S Tab
	tm_text $S "$title"
	tm_keys $S Tab Tab
	tm_text $S "me"
	tm_keys $S C-s
	expect_screen "a goal: $title" $S "Saved the goal."
	n=$((n + 1))
done
for want in "Connect: Go to the Thursday walking group" \
    "Be active: Swim on Friday mornings" \
    "Take notice: Keep a diary of good moments" \
    "Learn: A Recovery College course" "Give: Bake for the cafe once a week"; do
	if pd plan show 1 | grep -qF "* $want"; then ok "the plan has \"$want\""
	else fail "the plan has \"$want\""; fi
done

# --- Thursday: two reviews ------------------------------------------------------
# the first, four weeks ago: the date typed over today's
tm_keys $S r
expect_screen "r opens the review" $S "Review on"
tm_keys $S Up BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
tm_text $S "$d1"
tm_keys $S Down
for score in -1 0 -2 0 1; do
	tm_keys $S -- "$score"
	tm_keys $S Down
done
tm_keys $S C-s
expect_screen "the first review is recorded" $S "Review recorded: 5 goals scored."
# the second, today: Left/Right and typed scores
tm_keys $S r
expect_screen "the second review opens" $S "Review on $(date +%F)"
tm_keys $S Right Right	# Connect: blank -> 0 -> +1
tm_keys $S Down
tm_text $S 0
tm_keys $S Down
tm_keys $S -- -1
tm_keys $S Down
tm_text $S 2
tm_keys $S Down
tm_text $S 0
tm_keys $S C-s
expect_screen "the second review is recorded" $S "Review recorded: 5 goals scored."

# --- the chart -------------------------------------------------------------------
# Home selects section 1; seven Downs later the Connect goal shows whole.
tm_keys $S Home Down Down Down Down Down Down Down
expect_screen "Connect's scores over time" $S \
    "How it is going: $d1_short -1, $d2_short +1 - moved up"
expect_screen "the chart: +1 at the second review" $S "+1 ┤          ●"
expect_screen "the chart: -1 at the first" $S "-1 ┤   ●"
dates=$(printf '%6s %6s' "$d1_short" "$d2_short")
expect_screen "the chart: the two dates under it" $S "    $dates"
tm_screen $S > "$T/chart.txt"
check "the chart is monochrome text within 80 columns" \
    test "$(wc -L < "$T/chart.txt")" -le 80

# --- what changed since the last review ------------------------------------------
tm_keys $S c
expect_screen "c shows what changed" $S "What changed since $d1_long."
expect_screen "... Connect moved up" $S "score -1, now +1 (moved up)"
tm_keys $S PgDn
expect_screen "... Learn moved up by two" $S "score 0, now +2 (moved up)"
expect_screen "... Give moved down" $S "score +1, now 0 (moved down)"
tm_keys $S Escape
expect_screen "Esc goes back to the plan" $S "e Edit  a Add  r Review"

# the history names who did what
tm_keys $S h
expect_screen "h: the history" $S "Who changed the plan, and when"
expect_screen "... with the reviews" $S "Review on $d1_long"
tm_keys $S Escape

expect_out "the manager's summary counts the goals" \
    "1 plan; 5 goals: 3 moved up, 1 stayed the same, 1 moved down." \
    pd plan progress
tm_keys $S C-q
expect_screen "C-q leaves peerdesk" $S "[exited]"
finish
