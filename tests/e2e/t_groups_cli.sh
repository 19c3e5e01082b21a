#!/bin/bash
# Tier 4: `peerdesk groups` and `peerdesk report outcomes` from the
# command line on the demo: a new group, a meeting whose PAL's room left
# is printed before saving (--dry-run saves nothing), bad input refused
# with nothing half-saved, and the outcomes report as text, CSV and PDF
# saying the same.
. "$(dirname "$0")/lib.sh"

TODAY=2026-11-26
DB=$T/demo.db
CONF=$T/config.yaml
printf 'organisation: Riverside Peer Support\n' > "$CONF"
pd() { "$PD" --db "$DB" --config "$CONF" --today "$TODAY" "$@"; }
sql() { sqlite3 "$DB" "$1"; }

expect_out "the demo organisation is made" "Made a demo organisation" pd demo
expect_out "the demo has the walking group" "Thursday walking group (walk)" \
	pd groups
expect_out "and the communal meal" "Communal meal (meal)" pd groups
expect_out "a new group" "Added group" pd groups add "Hearing voices group" \
	--kind peer-group --day tuesday --time 18:00 --place "the café" \
	--facilitator aisha
expect_rc "the same name twice is refused" 2 pd groups add \
	"hearing voices GROUP" --kind peer-group
expect_rc "a kind that is not one is refused" 2 pd groups add Knitting \
	--kind knitting
expect_out "the new group shows who runs it" "Run by:  Aisha Khan" \
	pd groups show "Hearing voices group"

meetings=$(sql "SELECT count(*) FROM group_meeting")
lines=$(sql "SELECT count(*) FROM timesheet_line")
expect_out "--dry-run prints Aisha's week with the meeting in it" \
	"Adding 2h" pd groups meeting add "Hearing voices group" --length 2h \
	--date 2026-11-24 --name Sam --extra 2 --dry-run
check "and saves nothing" test "$(sql "SELECT count(*) FROM group_meeting")" \
	= "$meetings"
expect_rc "a meeting still to come is refused" 2 pd groups meeting add \
	"Hearing voices group" --length 2h --date 2026-12-01 --name Sam
expect_rc "a client who does not exist is refused" 2 pd groups meeting add \
	"Hearing voices group" --length 2h --date 2026-11-24 --client 9999
check "nothing half-saved" test "$(sql "SELECT count(*) FROM group_meeting")" \
	= "$meetings"
check "no line half-saved" test "$(sql "SELECT count(*) FROM timesheet_line")" \
	= "$lines"
expect_out "the meeting is saved" "Saved meeting" pd groups meeting add \
	"Hearing voices group" --length 2h --date 2026-11-24 --start 18:00 \
	--client 3 --name Sam --extra 2
check "Aisha's time is a line in her week" test "$(sql "SELECT count(*) FROM \
	timesheet_line l JOIN staff s ON s.id = l.pal_id WHERE s.login = 'aisha' \
	AND l.group_meeting_id IS NOT NULL AND l.minutes = 120")" = 1
expect_out "the week shows it" "group: Hearing voices group" \
	pd week --pal aisha --week 2026-11-24
expect_out "the client's groups list it" "Hearing voices group: came 1 time" \
	pd groups client 3

# --- correcting and removing a meeting; a group no longer running ---------
mid=$(sql "SELECT max(id) FROM group_meeting")
aisha_min() { sql "SELECT coalesce(sum(l.minutes), 0) FROM timesheet_line l \
	JOIN staff s ON s.id = l.pal_id WHERE s.login = 'aisha' \
	AND l.group_meeting_id = $mid"; }
expect_rc "a correction with nothing to correct is refused" 2 \
	pd groups meeting change "$mid"
expect_out "the meeting's length is corrected" "Corrected meeting $mid" \
	pd groups meeting change "$mid" --length 1h30 --date 2026-11-23
check "Aisha's paid line follows it" test "$(aisha_min)" = 90
check "on the corrected day" test "$(sql "SELECT date FROM timesheet_line \
	WHERE group_meeting_id = $mid")" = 2026-11-23
check "the correction is audited" test "$(sql "SELECT count(*) FROM audit \
	WHERE entity = 'group_meeting' AND entity_id = $mid \
	AND action = 'update'")" = 1
# --- correcting who came ------------------------------------------------------
came_names() { sql "SELECT coalesce(client_id, first_name) FROM \
	group_attendance WHERE meeting_id = $mid ORDER BY 1" | tr '\n' ' '; }
expect_rc "a register correction with nothing to change is refused" 2 \
	pd groups meeting attend "$mid"
expect_out "Sam out, Kim in, 3 others" "Corrected who came to meeting $mid" \
	pd groups meeting attend "$mid" --remove-name sam --add-name Kim \
	--extra 3
check "the register is corrected" test "$(came_names)" = "3 Kim "
check "with 3 others" test "$(sql "SELECT extra_count FROM group_meeting \
	WHERE id = $mid")" = 3
expect_rc "someone not there is refused" 2 pd groups meeting attend "$mid" \
	--add-name Lee --remove-name Zed
check "the words name them" grep -q "Zed is not in this meeting" \
	"$T/last.out"
check "nothing half-saved: Lee is not added" test "$(came_names)" = "3 Kim "
expect_rc "a client already there is refused" 2 pd groups meeting attend \
	"$mid" --add 3
expect_out "a client taken out by record" "Corrected who came" \
	pd groups meeting attend "$mid" --remove 3
check "client 3 is out" test "$(came_names)" = "Kim "
check "Aisha's paid time is untouched" test "$(aisha_min)" = 90
check "each correction is audited" test "$(sql "SELECT count(*) FROM audit \
	WHERE entity = 'group_meeting' AND entity_id = $mid \
	AND summary LIKE 'corrected who came%'")" = 2
check "the audit names clients only as client #N" test "$(sql "SELECT \
	count(*) FROM audit a LEFT JOIN audit_detail d ON d.audit_id = a.id \
	WHERE a.entity = 'group_meeting' AND (coalesce(d.before, a.before, '') \
	|| coalesce(d.after, a.after, '') || a.summary) LIKE '%Kim%'")" = 0
expect_out "removing it takes its paid time too" "Removed meeting $mid" \
	pd groups meeting remove "$mid"
check "the meeting is gone" test "$(sql "SELECT count(*) FROM group_meeting \
	WHERE id = $mid")" = 0
check "and Aisha's line with it" test "$(aisha_min)" = 0
check "the removal is audited" test "$(sql "SELECT count(*) FROM audit \
	WHERE entity = 'group_meeting' AND entity_id = $mid \
	AND action = 'delete'")" = 1
expect_out "a group is marked no longer running" "no longer running" \
	pd groups stop "Hearing voices group"
check "it is not in the list of running groups" sh -c "! $PD --db $DB \
	--config $CONF --today $TODAY groups | grep -q 'Hearing voices'"
expect_out "--all lists it apart" "No longer running:" pd groups list --all
expect_rc "it takes no new meetings" 2 pd groups meeting add \
	"Hearing voices group" --length 2h --date 2026-11-24 --name Sam
check "the words say why" grep -q "no longer running" "$T/last.out"
expect_out "it can be started again" "running again" \
	pd groups start "Hearing voices group"

# --- the outcomes report ----------------------------------------------------
expect_rc "dates are needed" 2 pd report outcomes
expect_rc "--to before --from is refused" 2 pd report outcomes \
	--from 2026-09-30 --to 2026-07-01
pd report outcomes --from 2026-07-01 --to 2026-09-30 > "$T/q3.txt"
pd report outcomes --from 2026-07-01 --to 2026-09-30 --format csv > "$T/q3.csv"
check "the text has every part" grep -q "Goal attainment" "$T/q3.txt"
check "the CSV starts with its header" test "$(head -n 1 "$T/q3.csv" | \
	tr -d '\r')" = "section,item,value,out_of,detail"
check "the CSV and the text give the same referrals" test \
	"$(grep '^people,referrals received,' "$T/q3.csv" | cut -d, -f3)" = \
	"$(grep 'referrals received' "$T/q3.txt" | awk '{print $NF}')"
check "nobody is named" sh -c "! grep -qF \"$(sql "SELECT name FROM client \
	ORDER BY id LIMIT 1")\" '$T/q3.txt'"
expect_rc "a PDF is not sent to a terminal" 2 script -qec \
	"$PD --db $DB --config $CONF --today $TODAY report outcomes \
	--from 2026-07-01 --to 2026-09-30 --format pdf" /dev/null
pd report outcomes --from 2026-07-01 --to 2026-09-30 --format pdf \
	--output "$T/q3.pdf" >/dev/null
check "the PDF is a PDF" test "$(head -c 5 "$T/q3.pdf")" = "%PDF-"
check "readable by its owner only" test "$(stat -c %a "$T/q3.pdf")" = 600
check "the charts are in it" sh -c "pdftotext '$T/q3.pdf' - | \
	grep -q 'Hours delivered against contracted'"
finish
