#!/bin/bash
# Tier 4: the manager's week with the real binary.  An import says which
# PAL-weeks are close to or over a limit (--dry-run keeps nothing);
# approving such a week needs a reason, which is kept; marking weeks paid
# locks them; the payroll export is RFC 4180 with CRLF, a byte-order mark
# for Excel, formula-like cells made harmless, and a private file.
. "$(dirname "$0")/lib.sh"

DB=$T/peerdesk.db
TODAY=2026-11-25
q() { sqlite3 "$DB" "$1"; }
pd() { "$PD" --db "$DB" --today "$TODAY" "$@"; }
pd demo >/dev/null 2>&1
check "the demo database was made" test -s "$DB"
# a PAL on permitted work today
P=$(q "SELECT s.login FROM staff s JOIN pal_benefit b ON b.pal_id = s.id
	WHERE s.role = 'pal' AND s.active = 1 AND b.rule = 'permitted'
	AND b.effective_from = (SELECT max(effective_from) FROM pal_benefit
	  WHERE pal_id = s.id AND effective_from <= '$TODAY')
	ORDER BY s.login LIMIT 1")
PID=$(q "SELECT id FROM staff WHERE login = '$P'")
check "a PAL on permitted work ($P)" test -n "$P"
week_lines() { q "SELECT count(*) FROM timesheet_line WHERE pal_id = $PID"; }
before=$(week_lines)

printf 'pal_login,date,minutes,kind\r\n%s,2026-11-26,960,admin\r\n' "$P" \
	> "$T/ts.csv"
expect_out "a dry run says the week would be over the limit" \
	"over the limit" pd import timesheet "$T/ts.csv" --dry-run
expect_out "and that nothing was kept" "Nothing was kept." \
	pd import timesheet "$T/ts.csv" --dry-run
check "the dry run kept no line" test "$(week_lines)" = "$before"
check "nor any record of the file" test \
	"$(q "SELECT count(*) FROM import_log WHERE kind = 'timesheet'")" = 0
expect_out "the import names the PAL-week over the limit" \
	"week 2026-W48 (Mon 23 Nov 2026 to Sun 29 Nov 2026): This week:" \
	pd import timesheet "$T/ts.csv"
check "the import kept the line" test "$(week_lines)" = "$((before + 1))"
expect_rc "the same file again is refused, even as a dry run" 1 \
	pd import timesheet "$T/ts.csv" --dry-run

expect_rc "approving it without a reason is refused" 2 \
	pd week --pal "$P" --week 2026-W48 --approve
check "and the week is not approved" test "$(q "SELECT status FROM
	timesheet_week WHERE pal_id = $PID AND week_start = '2026-11-23'")" \
	!= approved
expect_out "with a reason it is approved" "Approved" \
	pd week --pal "$P" --week 2026-W48 --approve \
	--reason "=HYPERLINK(\"http://x\") covering, as agreed"
check "the reason is kept with the manager" test "$(q "SELECT count(*)
	FROM limit_override WHERE pal_id = $PID AND week_start = '2026-11-23'
	AND line_id IS NULL AND reason LIKE '%covering, as agreed'
	AND agreed_by IS NOT NULL")" = 1

expect_out "weeks that ended by a day are marked paid" "Marked" \
	pd week --paid --up-to 2026-11-29
check "the week is paid (locked)" test "$(q "SELECT status FROM
	timesheet_week WHERE pal_id = $PID AND week_start = '2026-11-23'")" = \
	locked
expect_out "peerdesk week says so" "approved and paid" \
	pd week --pal "$P" --week 2026-W48

# the payroll export
expect_out "report pay writes a file" "Wrote the payroll export" \
	pd report pay --month 2026-11 --excel --output "$T/pay.csv"
check "the file is private to its owner" test "$(stat -c %a "$T/pay.csv")" = 600
check "it starts with a UTF-8 byte-order mark" \
	test "$(head -c 3 "$T/pay.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
check "every line ends with CRLF" test "$(tr -cd '\r' < "$T/pay.csv" | wc -c)" \
	= "$(wc -l < "$T/pay.csv")"
check "the header is exact" test "$(head -n 1 "$T/pay.csv" | tail -c +4 | tr -d '\r')" = \
	"week,first_day,last_day,pal_login,pal_name,hourly_rates,session_minutes,supervision_minutes,training_minutes,travel_minutes,shadowing_minutes,admin_minutes,total_minutes,pay,holiday_pay,gross,status,verdict,overrides,override_reason,note,unpriced_minutes"
check "the PAL's week is there, paid, with the reason made harmless" \
	grep -q "^2026-W48,2026-11-23,2026-11-29,$P,.*,paid,over,[0-9]*,\"'=HYPERLINK" "$T/pay.csv"
pd report pay --month 2026-11 --raw > "$T/raw.csv"
check "--raw leaves the reason as typed, on standard output" \
	grep -q ",\"=HYPERLINK" "$T/raw.csv"
check "without --excel there is no byte-order mark" \
	test "$(head -c 1 "$T/raw.csv")" = w
check "the export was audited with its path" test "$(q "SELECT count(*)
	FROM audit WHERE action = 'export' AND summary LIKE '%payroll export%'
	AND summary LIKE '%pay.csv%'")" = 1
expect_rc "a month that is not a month is refused" 2 \
	pd report pay --month 2026-13

# the weekly summary says where the week stands
pd report hours --week 2026-W48 --format csv > "$T/w48.csv"
check "the summary CSV has the status and the reason" \
	grep -q "^$P,.*,over,paid,[0-9]*,\"'=HYPERLINK" "$T/w48.csv"
finish
