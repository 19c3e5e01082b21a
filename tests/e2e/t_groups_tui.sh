#!/bin/bash
# Tier 4: Jo, a PAL on permitted work, runs the Thursday walk and takes
# its register from a phone (40x15): a few keys, the room left in Jo's
# week before saving, and the time a line in Jo's week.  Jo sees the
# walkers who are not Jo's clients by first name only.  Then the manager's
# view of Jo's week has the walk in it and its verdict.
#
# The demo's Jo is driven through a throwaway account (pdtest_<pid>) given
# Jo's login, removed on the way out.  Needs root; fails, never skips,
# without it.
. "$(dirname "$0")/lib.sh"

TODAY=2026-11-26
U=pdtest_$$
W=
sql() { sqlite3 "$W/db/demo.db" "$1"; }

groups_cleanup() {
	tm kill-server >/dev/null 2>&1
	id "$U" >/dev/null 2>&1 && userdel "$U" >/dev/null 2>&1
	[ -n "$W" ] && rm -rf "$W"
	e2e_cleanup
}
trap groups_cleanup EXIT

if [ "$(id -u)" != 0 ]; then
	fail "this test runs as root (it makes a Unix account for Jo)"
	finish
fi
check "a throwaway account for Jo" useradd -M -N -s /bin/sh "$U"
W=$(mktemp -d /tmp/pdgroups.XXXXXX)
chmod 755 "$W"
mkdir "$W/db"
cp "$PD" "$W/peerdesk"
chmod 755 "$W/peerdesk"
printf 'organisation: Riverside Peer Support\n' > "$W/config.yaml"
chmod 644 "$W/config.yaml"
pd() { "$W/peerdesk" --db "$W/db/demo.db" --config "$W/config.yaml" \
	--today "$TODAY" "$@"; }
expect_out "the demo organisation is made" "Made a demo organisation" pd demo
expect_out "Jo is made a facilitator of the walk" "now runs group" \
	pd groups facilitator "Thursday walking group" jo
sql "UPDATE staff SET login = '$U' WHERE login = 'jo'"
chown -R "$U" "$W/db"

# A walker who is not one of Jo's clients: Jo may see their first name,
# never their whole name.
other=$(sql "SELECT c.name FROM group_attendance a JOIN client c ON \
	c.id = a.client_id JOIN group_meeting m ON m.id = a.meeting_id \
	JOIN client_group g ON g.id = m.group_id WHERE g.kind = 'walk' \
	AND NOT EXISTS (SELECT 1 FROM assignment x JOIN staff s ON \
	s.id = x.worker_id WHERE x.client_id = c.id AND s.login = '$U') \
	ORDER BY c.id LIMIT 1")
check "a walker who is not Jo's" test -n "$other"
so_far=$(sql "SELECT coalesce(sum(l.minutes), 0) FROM timesheet_line l \
	JOIN staff s ON s.id = l.pal_id WHERE s.login = '$U' \
	AND l.date BETWEEN '2026-11-23' AND '2026-11-29'")
lines=$(sql "SELECT count(*) FROM timesheet_line WHERE group_meeting_id \
	IS NOT NULL")

tm_start g 40 15 "runuser -u $U -- env XDG_CONFIG_HOME=$W/none \
    $W/peerdesk --db $W/db/demo.db \
    --config $W/config.yaml --today $TODAY"
expect_screen "Jo's dashboard offers Groups" g "Groups"
tm_keys g r
expect_screen "Jo sees the walk" g "Thursday walking group"
check "and not the meal, which Jo does not run" \
	sh -c "! tmux -L $TMUX_SOCK capture-pane -p -t g | grep -q 'Communal meal'"
tm_keys g Enter
expect_screen "the group opens with its meetings" g "Meetings, newest first"
tm_keys g r
expect_screen "the register opens at 40 columns" g "Came: 0 (not named: 0)"
expect_screen "a walker who is not Jo's shows by first name" g \
	"] ${other%% *}"
check "never by their whole name" \
	sh -c "! tmux -L $TMUX_SOCK capture-pane -p -t g | grep -qF '$other'"
tm_keys g Space Space
tm_keys g a
expect_screen "a asks for a first name" g "First name"
tm_text g "Robin"
tm_keys g Enter
tm_keys g +
expect_screen "three named and one more came" g "Came: 4 (not named: 1)"
tm_keys g C-s
now=$((so_far + 90))
dur() { if [ $(($1 % 60)) -eq 0 ]; then echo "$(($1 / 60))h"
	else echo "$(($1 / 60))h $(($1 % 60))m"; fi; }
expect_screen "before saving, Jo's week with the walk in it" g \
	"week would be $(dur $now) of less than"
tm_keys g y
expect_screen "saved, back at the group" g "Meetings, newest first"
check "the meeting is saved with its register" test "$(sql "SELECT \
	count(*) FROM group_attendance WHERE meeting_id = (SELECT max(id) \
	FROM group_meeting)")" = 3
check "Jo's time is a line in Jo's week" test "$(sql "SELECT count(*) \
	FROM timesheet_line l JOIN staff s ON s.id = l.pal_id WHERE \
	s.login = '$U' AND l.group_meeting_id = (SELECT max(id) FROM \
	group_meeting) AND l.minutes = 90 AND l.date = '$TODAY'")" = 1
check "one line more in all (the walk's other runner is staff)" test \
	"$(sql "SELECT count(*) FROM timesheet_line WHERE group_meeting_id \
	IS NOT NULL")" = $((lines + 1))
expect_out "the manager sees the walk in Jo's week" \
	"group: Thursday walking group" pd week --pal "$U"
expect_out "counted in the week's hours" "This week: $(dur $now) of less" \
	pd week --pal "$U"

# Jo corrects who came: w opens the saved register again, same keys.
mid=$(sql "SELECT max(id) FROM group_meeting")
tm_keys g w
expect_screen "the saved register opens again" g "Came: 4 (not named: 1)"
expect_screen "its keys are shown" g "Space: came. a: add. +/-: others"
expect_out "meanwhile the office changes it" "Corrected who came" \
	pd groups meeting attend "$mid" --extra 5
tm_keys g Space
tm_keys g -
expect_screen "one taken out, no others" g "Came: 2 (not named: 0)"
tm_keys g C-s
expect_screen "saving asks first" g "Save who came?"
tm_keys g y
expect_screen "Jo's stale copy is not saved" g "Not saved"
tm_screen g > "$T/stale.txt"
check "the words name who changed it" grep -q "Not saved: You (root) changed" \
	"$T/stale.txt"
check "nothing of Jo's saved yet" test "$(sql "SELECT extra_count FROM \
	group_meeting WHERE id = $mid")" = 5
tm_keys g C-s
expect_screen "saving again asks" g "Save who came?"
tm_keys g y
expect_screen "saved, back at the group" g "Meetings, newest first"
check "the register is corrected" test "$(sql "SELECT count(*) FROM \
	group_attendance WHERE meeting_id = $mid")" = 2
check "with nobody unnamed" test "$(sql "SELECT extra_count FROM \
	group_meeting WHERE id = $mid")" = 0
check "the paid time is untouched" test "$(sql "SELECT minutes FROM \
	timesheet_line WHERE group_meeting_id = $mid")" = 90

# Jo corrects the walk's length on the group's screen: the line follows.
tm_keys g t
expect_screen "t asks how long the meeting was" g "How long was it?"
tm_keys g C-u
tm_text g "1h"
tm_keys g Enter
expect_screen "the correction is saved" g "Changed; the paid"
check "Jo's line is an hour now" test "$(sql "SELECT minutes FROM \
	timesheet_line WHERE group_meeting_id = $mid")" = 60
tm_keys g x
expect_screen "x asks before removing the meeting" g "Remove this meeting"
tm_keys g y
expect_screen "the meeting is removed" g "Removed, with the paid"
check "the meeting is gone" test "$(sql "SELECT count(*) FROM group_meeting \
	WHERE id = $mid")" = 0
check "and Jo's line with it" test "$(sql "SELECT count(*) FROM \
	timesheet_line WHERE group_meeting_id IS NOT NULL")" = "$lines"
check "all audited" test "$(sql "SELECT count(*) FROM audit WHERE \
	entity = 'group_meeting' AND entity_id = $mid AND action IN \
	('update', 'delete')")" = 4
tm_keys g s
expect_screen "a PAL does not stop a group" g "The office marks"
tm_keys g C-q
expect_screen "nothing unsaved: peerdesk leaves" g "[exited]"

# The manager (root, on the demo) marks the walk no longer running, and
# picks a funder for the outcomes report.
tm_start m 80 24 "XDG_CONFIG_HOME=$W/none $W/peerdesk --db $W/db/demo.db \
    --config $W/config.yaml --today $TODAY"
expect_screen "the manager's screens open" m "Go to"
tm_keys m r
expect_screen "the groups list" m "Communal meal"
tm_keys m Down
tm_keys m Enter
expect_screen "the walk opens" m "Meetings, newest first"
expect_screen "its keys are on screen" m "Running"
expect_screen "w among them" m "w Who came"
tm_keys m s
expect_screen "s asks first" m "no longer running?"
tm_keys m y
expect_screen "the walk is no longer running" m "No longer running ("
check "kept, marked not running" test "$(sql "SELECT active FROM \
	client_group WHERE name = 'Thursday walking group'")" = 0
tm_keys m r
expect_screen "it takes no new register" m "s starts it again"
tm_keys m Escape
expect_screen "the list shows it apart" m "Thursday walking group (not running)"
tm_keys m Escape
expect_screen "back home" m "Go to"
tm_keys m f
expect_screen "the outcomes report opens" m "Outcomes 2026 Q3"
tm_keys m f
expect_screen "f offers the funders" m "For which funder?"
expect_screen "the demo's funder is one" m "Riverside Council"
tm_keys m Down
tm_keys m Enter
expect_screen "the report is for that funder" m "Outcomes 2026 Q3: Riverside"
expect_screen "and says who it names" m "only people whose own budget"
tm_keys m C-q
expect_screen "the manager leaves" m "[exited]"
finish
