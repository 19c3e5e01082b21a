#!/bin/bash
# Tier 4: `peerdesk report hours` and `peerdesk week` on the demo
# organisation with today fixed: the text report against a golden file,
# the CSV's exact header and rows, the PDF read back with pdftotext, the
# mistakes people make on the command line, and --print through a private
# CUPS queue (tests/support/cups.sh) that this test starts and stops.
# PEERDESK_UPDATE_GOLDEN=1 rewrites the golden files (then read the diff).
. "$(dirname "$0")/lib.sh"

TODAY=2026-11-25
DB=$T/demo.db
CONF=$T/config.yaml
GOLD=$TOP/tests/e2e/expected
CUPS_SH="$TOP/tests/support/cups.sh"
CUPS_DIR=

report_cleanup() {
	[ -n "$CUPS_DIR" ] && [ -d "$CUPS_DIR" ] &&
		sh "$CUPS_SH" stop "$CUPS_DIR" >/dev/null 2>&1
	[ -n "$CUPS_DIR" ] && rm -rf "$CUPS_DIR"
	e2e_cleanup
}
trap report_cleanup EXIT

printf 'organisation: Riverside Peer Support\nprint_command: lp\n' > "$CONF"
pd() { "$PD" --db "$DB" --config "$CONF" --today "$TODAY" "$@"; }

# golden NAME FILE: FILE matches tests/e2e/expected/NAME
golden() {
	if [ -n "${PEERDESK_UPDATE_GOLDEN:-}" ]; then
		cp "$2" "$GOLD/$1"
		ok "$1 rewritten"
	elif cmp -s "$2" "$GOLD/$1"; then
		ok "$1 is as expected"
	else
		fail "$1 is as expected"
		diff -u "$GOLD/$1" "$2" | head -40 | sed 's/^/  /'
	fi
}

expect_out "the demo organisation is made" "Made a demo organisation" pd demo

# --- text ------------------------------------------------------------------
pd report hours --week 2026-W47 --format text > "$T/w47.txt"
check "report hours exits 0" test $? -eq 0
golden report_hours_w47.txt "$T/w47.txt"
check "no line is longer than 76 columns" \
	test "$(tr -d '\f' < "$T/w47.txt" | wc -L)" -le 76
check "pages are split with form feeds" \
	test "$(tr -cd '\f' < "$T/w47.txt" | wc -c)" -ge 1
pd report hours > "$T/now.txt"
check "the week defaults to this one" grep -q "week 2026-W48" "$T/now.txt"
check "text is the default format" grep -q "Weekly hours summary" "$T/now.txt"
pd report hours --week 2026-11-18 --format text > "$T/byday.txt"
check "a date names its week" cmp -s "$T/byday.txt" "$T/w47.txt"

# --- CSV -------------------------------------------------------------------
pd report hours --week 2026-W47 --format csv > "$T/w47.csv"
check "the CSV has exactly the payroll header" test "$(head -n 1 "$T/w47.csv" | tr -d '\r')" = \
	"pal_login,pal_name,hours,gross,rule,limit_hours,limit_pay,hours_left,pay_left,verdict,status,overrides,override_reason,note"
check "one CSV row per active PAL" test "$(($(wc -l < "$T/w47.csv") - 1))" = \
	"$(sqlite3 "$DB" "SELECT count(*) FROM staff WHERE role = 'pal' AND active = 1")"
check "every CSV line ends in CRLF (RFC 4180)" test \
	"$(tr -cd '\r' < "$T/w47.csv" | wc -c)" = "$(wc -l < "$T/w47.csv")"
pd report hours --week 2026-W47 --format csv --excel > "$T/w47x.csv"
check "--excel puts a UTF-8 byte-order mark first" test \
	"$(head -c 3 "$T/w47x.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
check "... then the same bytes" cmp -s <(tail -c +4 "$T/w47x.csv") "$T/w47.csv"
golden report_hours_w47.csv "$T/w47.csv"

# --- PDF -------------------------------------------------------------------
expect_out "--output writes a file" "Wrote the hours for week 2026-W47" \
	pd report hours --week 2026-W47 --format pdf --output "$T/w47.pdf"
check "the file is private to its owner" test "$(stat -c %a "$T/w47.pdf")" = 600
check "it is a PDF" test "$(head -c 5 "$T/w47.pdf")" = "%PDF-"
pdftotext -enc UTF-8 -layout "$T/w47.pdf" "$T/w47.pdf.txt" 2>/dev/null
for want in "Riverside Peer Support" "Weekly hours summary" "2026-W47" \
    "Jo Bennett (jo)" "Marcus Lee (marcus)" "supported permitted work" \
    "Page 1 of"; do
	if grep -qF "$want" "$T/w47.pdf.txt"; then ok "the PDF reads back \"$want\""
	else fail "the PDF reads back \"$want\""; head -n 15 "$T/w47.pdf.txt" | sed 's/^/  | /'
	fi
done
pd report hours --week 2026-W47 --format pdf > "$T/stdout.pdf"
check "a PDF can go to stdout when it is not a terminal" \
	test "$(head -c 5 "$T/stdout.pdf")" = "%PDF-"

# --- mistakes ----------------------------------------------------------------
expect_rc "an unknown format is a usage error" 2 pd report hours --format html
expect_out "and says which formats there are" "text, csv or pdf" pd report hours --format html
expect_rc "a week that does not exist" 2 pd report hours --week 2025-W53
expect_rc "an unknown report" 2 pd report payroll
expect_rc "no report named" 2 pd report
expect_rc "a stray argument" 2 pd report hours extra
expect_out "a folder that cannot be written" "cannot write" \
	pd report hours --output "$T/no/such/dir/x.txt"

# --- peerdesk week -----------------------------------------------------------
pd week --pal jo --week 2026-W48 > "$T/jo.txt"
check "week prints the PAL and the week" \
	grep -q "^Jo Bennett (jo): week 2026-W48, Mon 23 Nov 2026 to Sun 29 Nov 2026" "$T/jo.txt"
check "week prints the permitted-work sentence" \
	grep -q "^This week: .* of less than 16h; £.* of £203.50 – room left: " "$T/jo.txt"
check "week prints the rule" grep -qx "Rule: permitted work" "$T/jo.txt"
check "week lists the lines" grep -q "^  Mon 23 Nov  session" "$T/jo.txt"
expect_rc "week for nobody" 3 pd week --pal nobody
expect_rc "week for a manager is not a PAL's" 3 pd week --pal priya
expect_rc "week needs a PAL from a manager" 2 pd week

# --- printing through a private CUPS queue -------------------------------------
CUPS_DIR=$(mktemp -d /tmp/pdcups.XXXXXX)
if env=$(sh "$CUPS_SH" start "$CUPS_DIR" 2>"$T/cups.err"); then
	ok "a private CUPS scheduler with a cups-pdf queue starts"
else
	fail "a private CUPS scheduler with a cups-pdf queue starts"
	sed 's/^/  /' "$T/cups.err"
	finish
fi
eval "$env"
export CUPS_SERVER
printf 'organisation: Riverside Peer Support\nprint_command: lp -d %s -t hours\n' \
	"$PDCUPS_QUEUE" > "$CONF"
expect_out "--print sends the text to the printer" "request id is $PDCUPS_QUEUE-" \
	pd report hours --week 2026-W47 --print
expect_out "--print takes the PDF too" "request id is $PDCUPS_QUEUE-" \
	pd report hours --week 2026-W47 --format pdf --print
check "no file is left behind in TMPDIR" \
	test -z "$(ls "${TMPDIR:-/tmp}" | grep '^peerdesk-hours-')"
if sh "$CUPS_SH" wait "$CUPS_DIR" 90 > "$T/jobs" 2>"$T/wait.err"; then
	ok "both print jobs complete"
else
	fail "both print jobs complete"
	sed 's/^/  /' "$T/wait.err"
fi
check "two PDFs come out of cups-pdf" test "$(wc -l < "$T/jobs")" -eq 2
pages=$(($(tr -cd '\f' < "$T/w47.txt" | wc -c) + 1))
n=0
while read -r f; do
	n=$((n + 1))
	pdftotext -enc UTF-8 "$f" "$T/printed$n.txt" 2>/dev/null
	check "printed job $n holds the week" grep -q "2026-W47" "$T/printed$n.txt"
	check "printed job $n holds Jo" grep -qF "Jo Bennett (jo)" "$T/printed$n.txt"
done < "$T/jobs"
headers=0
for f in "$T"/printed*.txt; do
	[ "$(grep -c "Page [0-9] of $pages" "$f")" = "$pages" ] &&
		headers=$((headers + 1))
done
check "the printed text has every page header" test "$headers" -ge 1
printed() { pd audit --format csv | grep -c "printed the weekly hours summary for 2026-W47"; }
before=$(printed)
check "each print of the summary is audited" test "$before" -eq 2
expect_out "... with its job id" \
	"printed the weekly hours summary for 2026-W47, print job $PDCUPS_QUEUE-" \
	pd audit
printf 'organisation: Riverside Peer Support\nprint_command: lp -d no-such-queue\n' > "$CONF"
expect_out "a missing queue is said plainly" \
	"there is no printer called \"no-such-queue\", so nothing was printed; the only printer this computer knows is \"$PDCUPS_QUEUE\"" \
	pd report hours --week 2026-W47 --print
expect_rc "and the command fails" 1 pd report hours --week 2026-W47 --print
printf 'organisation: Riverside Peer Support\nprint_command: lp -d %s\n' \
	"$PDCUPS_QUEUE" > "$CONF"
check "the scheduler is stopped" sh "$CUPS_SH" halt "$CUPS_DIR"
expect_out "with the print service down, the message says so" \
	"the print service (CUPS) on this computer is not running, so nothing was printed." \
	pd report hours --week 2026-W47 --format pdf --print
expect_rc "and the command fails" 1 pd report hours --week 2026-W47 --print
check "a print that failed is not audited" test "$(printed)" -eq "$before"
check "the scheduler stops" sh "$CUPS_SH" stop "$CUPS_DIR"
check "its folder is removed" test ! -e "$CUPS_DIR"
CUPS_DIR=
finish
