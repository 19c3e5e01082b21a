#!/bin/bash
# Tier 4: the command line, end to end, with the real binary.
. "$(dirname "$0")/lib.sh"

DB=$T/org.db
count() { sqlite3 "$1" "$2"; }

expect_out "--version names the program" "peerdesk " "$PD" --version
expect_out "--help lists the commands" "import pals|timesheet|clients FILE" "$PD" --help
expect_rc "an unknown command is a usage error" 2 "$PD" --db "$DB" frobnicate
expect_rc "an unknown option is a usage error" 2 "$PD" --colour
expect_out "a missing database says how to make one" "init" "$PD" --db "$T/none.db" summary
expect_rc "a missing database exits 3" 3 "$PD" --db "$T/none.db" summary
expect_out "--today must be a date" "2026-02-30" "$PD" --today 2026-02-30 --version
expect_rc "a bad PEERDESK_TODAY is refused" 2 env PEERDESK_TODAY=soon "$PD" --version

# init: a new database whose manager is whoever ran it
expect_out "init creates the database" "The database is ready" "$PD" --db "$DB" init
check "init made the first manager" test "$(count "$DB" "SELECT role FROM staff")" = manager
expect_rc "init again is harmless" 0 "$PD" --db "$DB" init
check "init again adds nobody" test "$(count "$DB" "SELECT count(*) FROM staff")" = 1
check "the schema version is recorded" test "$(count "$DB" "PRAGMA user_version")" -ge 1
check "WAL is on" test "$(count "$DB" "PRAGMA journal_mode")" = wal

# settings: a broken YAML file names file, line and column
printf 'organisation: Riverside\nweek_start: mnday\n' > "$T/bad.yaml"
expect_out "a bad setting names file:line:column" "bad.yaml:2:" \
	"$PD" --db "$DB" --config "$T/bad.yaml" summary
expect_rc "a bad settings file stops the program" 2 \
	"$PD" --db "$DB" --config "$T/bad.yaml" summary

# import PALs
cat > "$T/pals.csv" <<'CSV'
name,login,role,hourly_rate,rate_from,benefit_rule
Jo Bennett,jo,pal,12.71,2026-04-01,permitted
Marcus Lee,marcus,pal,13.45,2026-04-01,supported
Sam Carter,sam,office,,,
CSV
expect_out "import pals" "Imported 3 PALs" "$PD" --db "$DB" import pals "$T/pals.csv"
check "the PALs are there" test "$(count "$DB" "SELECT count(*) FROM pal")" = 2
check "Jo's rate is in pence" test "$(count "$DB" "SELECT rate_pence FROM pal_rate r JOIN staff s ON s.id = r.pal_id WHERE s.login = 'jo'")" = 1271
check "Marcus is on supported permitted work" test "$(count "$DB" "SELECT rule FROM pal_benefit b JOIN staff s ON s.id = b.pal_id WHERE s.login = 'marcus'")" = supported

cat > "$T/pals2.csv" <<'CSV'
name,login,role,hourly_rate,rate_from,benefit_rule
Aisha Khan,aisha,pal,12.71,2026-04-01,permitted
Tom Hughes,tom,pal,12.71,2026-04-01,sometimes
CSV
expect_out "a bad row names file, line and field" "pals2.csv:3: benefit_rule:" \
	"$PD" --db "$DB" import pals "$T/pals2.csv"
check "nothing from the bad file was kept" test "$(count "$DB" "SELECT count(*) FROM staff WHERE login = 'aisha'")" = 0
expect_rc "a bad row exits 2" 2 "$PD" --db "$DB" import pals "$T/pals2.csv"
printf 'name,login,role,hourly_rate,rate_from,benefit_rule\nLow Pay,lowpay,pal,9.00,2026-04-01,none\n' > "$T/low.csv"
expect_out "a rate below the National Living Wage warns" "below the National Living Wage" \
	"$PD" --db "$DB" import pals "$T/low.csv"
printf 'name,login,role,rate,rate_from,benefit_rule\n' > "$T/hdr.csv"
expect_out "an unknown column is named" "hdr.csv:1: rate:" "$PD" --db "$DB" import pals "$T/hdr.csv"
printf 'name,login,role,hourly_rate,rate_from,benefit_rule\nJo Again,jo,pal,12.71,2026-04-01,none\n' > "$T/dup.csv"
expect_out "a login already in use is refused" "dup.csv:2: login:" "$PD" --db "$DB" import pals "$T/dup.csv"

# import timesheet lines
cat > "$T/ts.csv" <<'CSV'
pal_login,date,minutes,kind
jo,2026-11-16,120,session
jo,2026-11-17,60,supervision
marcus,2026-11-18,90,training
jo,2026-11-23,30,travel
CSV
expect_out "import timesheet" "Imported 4 timesheet lines" "$PD" --db "$DB" import timesheet "$T/ts.csv"
check "Jo's lines fall in two weeks" test "$(count "$DB" "SELECT count(*) FROM timesheet_week w JOIN staff s ON s.id = w.pal_id WHERE s.login = 'jo'")" = 2
check "Jo's minutes add up" test "$(count "$DB" "SELECT sum(minutes) FROM timesheet_line l JOIN staff s ON s.id = l.pal_id WHERE s.login = 'jo'")" = 210
printf 'pal_login,date,minutes,kind\njo,2026-11-16,60,session\nnobody,2026-11-16,60,session\n' > "$T/ts2.csv"
expect_out "an unknown PAL is named" "ts2.csv:3: pal_login:" "$PD" --db "$DB" import timesheet "$T/ts2.csv"
check "and nothing was kept" test "$(count "$DB" "SELECT count(*) FROM timesheet_line")" = 4
printf 'pal_login,date,minutes,kind\njo,2026-11-16,sixty,session\n' > "$T/ts3.csv"
expect_out "minutes must be a number" "ts3.csv:2: minutes:" "$PD" --db "$DB" import timesheet "$T/ts3.csv"
printf 'pal_login,date,minutes,kind\njo,16-11-2026,60,session\n' > "$T/ts4.csv"
expect_out "a date in no known shape is refused" "ts4.csv:2: date:" "$PD" --db "$DB" import timesheet "$T/ts4.csv"
expect_out "and the message names the shapes" "2025-12-31, 31/12/2025 or 31/12/25" "$PD" --db "$DB" import timesheet "$T/ts4.csv"
printf 'pal_login,date,minutes,kind\njo,2026-11-16,60,nap\n' > "$T/ts5.csv"
expect_out "kind must be known" "ts5.csv:2: kind:" "$PD" --db "$DB" import timesheet "$T/ts5.csv"
printf 'pal_login,date,minutes,kind\njo,2026-11-16,60\n' > "$T/ts6.csv"
expect_out "a short row is named" "ts6.csv:2:" "$PD" --db "$DB" import timesheet "$T/ts6.csv"

# the same timesheet file twice does not double the week (issue 13)
ME=$(count "$DB" "SELECT name FROM staff WHERE role = 'manager' ORDER BY id LIMIT 1")
expect_out "the same file again is refused, saying when and by whom" \
	"was imported already, on $(date -u +%F) at" "$PD" --db "$DB" import timesheet "$T/ts.csv"
expect_out "... by whom" "by $ME (4 rows, from $T/ts.csv)" "$PD" --db "$DB" import timesheet "$T/ts.csv"
check "... and it fails" sh -c "! '$PD' --db '$DB' import timesheet '$T/ts.csv' 2>/dev/null"
check "and Jo's minutes are not doubled" test "$(count "$DB" "SELECT sum(minutes) FROM timesheet_line l JOIN staff s ON s.id = l.pal_id WHERE s.login = 'jo'")" = 210
printf 'date,pal_login,kind,minutes\n2026-11-19,jo,admin,15\n2026-11-17,jo,supervision,60\n' > "$T/ts7.csv"
expect_out "a new file with a line imported before is refused, naming it" \
	"line 3 (jo, 2026-11-17, 60 minutes, supervision) came in on" \
	"$PD" --db "$DB" import timesheet "$T/ts7.csv"
check "and nothing of it was kept" test "$(count "$DB" "SELECT count(*) FROM timesheet_line")" = 4
expect_out "--again brings the file in on purpose, saying it counts twice" \
	"it now counts twice" "$PD" --db "$DB" import timesheet "$T/ts.csv" --again
check "then Jo's minutes are there twice" test "$(count "$DB" "SELECT sum(minutes) FROM timesheet_line l JOIN staff s ON s.id = l.pal_id WHERE s.login = 'jo'")" = 420
printf 'pal_login,date,minutes,kind\nmarcus,2026-11-19,45,admin\n' > "$T/ts8.csv"
"$PD" --db "$DB" import timesheet "$T/ts8.csv" >/dev/null 2>&1
count "$DB" "UPDATE timesheet_line SET import_id = NULL WHERE date = '2026-11-19'"
printf 'pal_login,date,minutes,kind\nmarcus,2026-11-19,45,admin\nmarcus,2026-11-20,45,admin\n' > "$T/ts9.csv"
expect_out "a line the same as one typed into the week is reported" \
	"ts9.csv:2: this line (marcus, 2026-11-19, 45 minutes, admin) is the same as one already in the week" \
	"$PD" --db "$DB" import timesheet "$T/ts9.csv"
# back to the four lines of ts.csv for what follows
count "$DB" "DELETE FROM timesheet_line WHERE date IN ('2026-11-19', '2026-11-20') OR id > (SELECT min(id) + 3 FROM timesheet_line)"

# import clients
cat > "$T/clients.csv" <<'CSV'
name,referred_on,referrer,funding,contracted_minutes_per_week
Ann Example,2026-11-02,Kate Morris (social worker),personal_budget,360
"O'Neill, Pat",2026-11-09,Self,,
Zoë Ñandú,,GP,self_funded,120
CSV
expect_out "import clients" "Imported 3 clients" "$PD" --db "$DB" import clients "$T/clients.csv"
check "clients start as referred" test "$(count "$DB" "SELECT count(*) FROM client WHERE status = 'referred'")" = 3
check "a quoted name with a comma survives" test "$(count "$DB" "SELECT count(*) FROM client WHERE name = 'O''Neill, Pat'")" = 1
check "contracted hours are kept" test "$(count "$DB" "SELECT contracted_minutes_per_week FROM funding f JOIN client c ON c.id = f.client_id WHERE c.name = 'Ann Example'")" = 360
printf 'name,referred_on,referrer,funding,contracted_minutes_per_week\nBad Date,2026-13-01,x,none,60\n' > "$T/c2.csv"
expect_out "a bad referral date is named" "c2.csv:2: referred_on:" "$PD" --db "$DB" import clients "$T/c2.csv"
printf 'name,referred_on,referrer,funding,contracted_minutes_per_week\n,2026-11-01,x,none,60\n' > "$T/c3.csv"
expect_out "a missing name is named" "c3.csv:2: name:" "$PD" --db "$DB" import clients "$T/c3.csv"
printf 'name,referred_on\nX,2026-11-01\n' > "$T/c4.csv"
expect_out "missing required columns are named" "c4.csv:1: referrer:" "$PD" --db "$DB" import clients "$T/c4.csv"
printf 'name,referred_on,referrer,funding,contracted_minutes_per_week\n"unclosed,2026-11-01,x,none,60\n' > "$T/c5.csv"
expect_out "broken quoting is named" "c5.csv:2:1:" "$PD" --db "$DB" import clients "$T/c5.csv"
check "the audit shows each import" test "$(count "$DB" "SELECT count(*) FROM audit WHERE action = 'import'")" = 7

# demo organisation
DEMO=$T/demo.db
expect_out "demo creates a small organisation" "Made a demo organisation" \
	"$PD" --db "$DEMO" --today 2026-11-25 demo
check "about 48 clients" test "$(count "$DEMO" "SELECT count(*) FROM client")" -eq 48
check "18 PALs" test "$(count "$DEMO" "SELECT count(*) FROM pal")" -eq 18
check "one PAL on supported permitted work" test "$(count "$DEMO" "SELECT count(DISTINCT pal_id) FROM pal_benefit WHERE rule = 'supported'")" -eq 1
check "one PAL on Universal Credit" test "$(count "$DEMO" "SELECT count(DISTINCT pal_id) FROM pal_benefit WHERE rule = 'uc'")" -eq 1
check "sessions end by today" test "$(count "$DEMO" "SELECT max(date) FROM session")" \< 2026-11-26
check "two years of sessions" test "$(count "$DEMO" "SELECT min(date) FROM session")" \< 2025-01-31
check "every session has its timesheet line" test "$(count "$DEMO" "SELECT count(*) FROM session s LEFT JOIN timesheet_line l ON l.session_id = s.id WHERE l.id IS NULL")" -eq 0
check "one client at intake has three PALs to meet" test "$(count "$DEMO" "SELECT count(*) || ' ' || count(DISTINCT e.client_id) FROM shortlist e JOIN client c ON c.id = e.client_id WHERE c.status = 'intake' AND e.status = 'shortlisted'")" = "3 1"
check "three weeks wait for approval" test "$(count "$DEMO" "SELECT count(*) FROM timesheet_week WHERE status = 'submitted'")" -eq 3
check "the database checks clean" test "$(count "$DEMO" "PRAGMA integrity_check")" = ok
check "no broken links" test -z "$(count "$DEMO" "PRAGMA foreign_key_check")"
expect_out "the summary counts the demo" "48 clients" "$PD" --db "$DEMO" summary
expect_out "demo refuses a database that is there already" "already a database" \
	"$PD" --db "$DEMO" demo
check "the same demo twice is the same" sh -c "
	'$PD' --db '$T/demo2.db' --today 2026-11-25 demo >/dev/null &&
	test \"\$(sqlite3 '$DEMO' 'SELECT group_concat(name) FROM client')\" = \
	     \"\$(sqlite3 '$T/demo2.db' 'SELECT group_concat(name) FROM client')\""

# a database from a newer peerdesk is refused and left alone
sqlite3 "$T/demo2.db" "PRAGMA user_version = 999"
expect_out "a newer database is refused" "newer peerdesk" "$PD" --db "$T/demo2.db" summary
check "and left untouched" test "$(count "$T/demo2.db" "PRAGMA user_version")" = 999

finish
