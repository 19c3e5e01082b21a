#!/bin/bash
# Tier 4: commands behave like Unix tools (issue 16, item 2, as far as
# it goes): a failed write of the output (a full disk: /dev/full) exits 1
# and says so, for every command that prints; "-" means standard output
# or standard input where a file is named.
. "$(dirname "$0")/lib.sh"

DB=$T/org.db
TD=2026-12-01
"$PD" --db "$DB" --today $TD demo >"$T/demo.out" 2>&1 ||
	{ sed 's/^/  /' "$T/demo.out"; fail "peerdesk demo"; finish; }
pd() { "$PD" --db "$DB" --today $TD "$@"; }

# Every command that prints, into a full disk.
while IFS='|' read -r desc cmd; do
	[ -n "$desc" ] || continue
	# shellcheck disable=SC2086
	pd $cmd >/dev/full 2>"$T/err"
	rc=$?
	if [ "$rc" -eq 1 ] && grep -q "could not write" "$T/err"; then
		ok "$desc into a full disk exits 1 and says so"
	else
		fail "$desc into a full disk exits 1 and says so (exit $rc)"
		sed 's/^/  /' "$T/err" | head -3
	fi
done <<'LIST'
summary|summary
clients|clients
plan show|plan show 1
plan export to standard output|plan export 1
plan export -|plan export 1 -
plan history|plan history 1
audit|audit
audit as CSV|audit --format csv
week|week --pal jo
pal list|pal list
pal show|pal show jo
reminders|reminders
reminders as a calendar|reminders --format ics
report hours|report hours
report hours as CSV|report hours --format csv
report hours --output -|report hours --format csv --output -
palplan list|palplan list
LIST

# "-" is standard output: no file called "-" is made.
(cd "$T" && "$PD" --db "$DB" --today $TD report hours --format csv \
	--output - >"$T/hours.csv" 2>"$T/err")
check "report hours --output - writes to standard output" \
	grep -q "login" "$T/hours.csv"
check "... and makes no file called -" test ! -e "$T/-"
(cd "$T" && "$PD" --db "$DB" --today $TD plan export 1 - >"$T/plan.yaml")
check "plan export N - writes the plan to standard output" \
	grep -q "client" "$T/plan.yaml"
check "... and makes no file called -" test ! -e "$T/-"

# "-" is standard input.
printf 'name,login,role,hourly_rate,rate_from,benefit_rule\nPia Stdin,piast,pal,12.71,2026-04-01,permitted\n' |
	pd import pals - >"$T/out" 2>&1
check "import pals - reads standard input" \
	test "$(sqlite3 "$DB" "SELECT count(*) FROM staff WHERE login = 'piast'")" = 1
expect_rc "plan import - with nothing on standard input is refused" 2 \
	sh -c "'$PD' --db '$DB' --today $TD plan import - </dev/null"

# CSV: RFC 4180 with CRLF, formulas made harmless unless --raw, --excel.
printf 'name,login,role,hourly_rate,rate_from,benefit_rule\n"=HYPERLINK(""http://x"",""y"")",formula,pal,12.71,2026-04-01,permitted\n' |
	pd import pals - >"$T/out" 2>&1
pd report hours --format csv >"$T/h.csv"
check "a name that is a formula starts with ' in the hours CSV" \
	grep -qF "\"'=HYPERLINK(" "$T/h.csv"
pd report hours --format csv --raw >"$T/h.csv"
check "... and is left as it is with --raw" grep -qF '"=HYPERLINK(' "$T/h.csv"
pd audit --format csv --limit 5 >"$T/a.csv"
check "audit CSV lines end in CRLF" test \
	"$(tr -cd '\r' < "$T/a.csv" | wc -c)" = "$(wc -l < "$T/a.csv")"
pd audit --format csv --limit 5 --excel >"$T/a.csv"
check "audit --excel starts with a byte-order mark" test \
	"$(head -c 3 "$T/a.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
pd reminders --format csv --excel >"$T/r.csv"
check "reminders --excel starts with a byte-order mark" test \
	"$(head -c 3 "$T/r.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
pd user add siobhan "Siobhán Ó Néill 李华" office >/dev/null 2>&1
LANG=C pd audit --limit 5 >"$T/audit.txt"
check "audit text in a file keeps every script as written (LANG=C)" \
	grep -qF "Siobhán Ó Néill 李华" "$T/audit.txt"
check "... with nothing escaped" sh -c "! grep -qF '\\x' '$T/audit.txt'"

# Every command in --help answers its own --help on standard output.
cmds=$("$PD" --help | sed -n '/^Commands:/,/^$/p' |
	awk 'NR > 1 && /^  [a-z]/ { print $1 }')
check "--help lists the commands" test "$(echo "$cmds" | wc -l)" -ge 15
wide=$("$PD" --help | awk 'length($0) > 80')
check "--help fits 80 columns" test -z "$wide"
for c in $cmds; do
	"$PD" "$c" --help >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -eq 0 ] && [ ! -s "$T/err" ] && grep -q "usage: peerdesk $c" "$T/out" &&
	    ! awk 'length($0) > 80 { bad = 1 } END { exit !bad }' "$T/out"; then
		ok "$c --help: its usage on standard output, exit 0, 80 columns"
	else
		fail "$c --help: its usage on standard output, exit 0, 80 columns (exit $rc)"
		head -3 "$T/out" "$T/err" | sed 's/^/  /'
	fi
	"$PD" "$c" -h >/dev/null 2>&1
	check "$c -h is the same" test $? -eq 0
done
expect_out "peerdesk help plan is plan --help" "usage: peerdesk plan edit" "$PD" help plan
expect_out "clients --help does not search for '--help'" "usage: peerdesk clients" \
	"$PD" --db "$DB" clients --help

# The options every command takes may come after the command too.
want=$("$PD" --db "$DB" --today $TD summary 2>&1)
got=$("$PD" summary --db "$DB" --today $TD 2>&1)
check "summary --db FILE --today DATE (options after the command)" test "$got" = "$want"
got=$("$PD" summary --db="$DB" --today=$TD 2>&1)
check "--db=FILE and --today=DATE after the command" test "$got" = "$want"
expect_rc "--db with no value after the command is a usage error" 2 "$PD" summary --db

finish
