#!/bin/bash
# Tier 4: `peerdesk pal show LOGIN --weeks 13|52` on the demo organisation
# with today fixed (issue 15, item 6): 52 chart rows that are the weekly
# summary's verdicts, the limit DWP applied (the 2026 uprating week), the
# five-week average, the CSV, the PDF read back with pdftotext, and the
# mistakes people make on the command line.
. "$(dirname "$0")/lib.sh"

TODAY=2026-11-25
DB=$T/demo.db
CONF=$T/config.yaml
printf 'organisation: Riverside Peer Support\n' > "$CONF"
pd() { "$PD" --db "$DB" --config "$CONF" --today "$TODAY" "$@"; }

expect_out "the demo organisation is made" "Made a demo organisation" pd demo

# --- text ----------------------------------------------------------------------
pd pal show aisha --weeks 52 > "$T/aisha.txt"
check "pal show --weeks 52 exits 0" test $? -eq 0
check "it names the PAL" grep -qx "Aisha Khan (aisha)" "$T/aisha.txt"
check "and the weeks" \
	grep -qx "The last 52 weeks against the limit: 2025-12-01 to 2026-11-29" "$T/aisha.txt"
check "52 chart rows, one a week" \
	test "$(grep -cE '^20[0-9]{2}-[0-9]{2}-[0-9]{2} ' "$T/aisha.txt")" -eq 52
check "the first row is the week of 1 Dec 2025" \
	grep -qE '^2025-12-01 ' "$T/aisha.txt"
check "the last row is this week" grep -qE '^2026-11-23 ' "$T/aisha.txt"
check "every row ends in a verdict word" \
	test "$(grep -E '^20[0-9]{2}-' "$T/aisha.txt" | grep -cvE ' (ok|near|over|no rate|no work|no limit|no rule)$')" -eq 0
check "no line is longer than 76 columns" test "$(wc -L < "$T/aisha.txt")" -le 76
tr '\n' ' ' < "$T/aisha.txt" > "$T/aisha.oneline"
check "the limit DWP applied changes in its uprating week, not on 1 April" \
	grep -q "£195.50 a week from the week of 2025-12-01; then £203.50 a week from the week of 2026-04-06" \
	"$T/aisha.oneline"
check "it says plainly that the five-week average is shown" \
	grep -q "No work cycle is recorded, so the average shown is of the five weeks" "$T/aisha.oneline"
# 2026-01-12: 4h10 that week; the five weeks ending with it are 3h30,
# 2h30, 5h30, 2h30, 4h10 = 18h10 = 1090 minutes / 5 = 218 = 3h38
check "the five-week average is worked out (3h38 for the week of 12 Jan)" \
	grep -qE '^2026-01-12 .* 4h10 +£50\.88 +3h38  ok$' "$T/aisha.txt"
pd pal show liam --weeks 52 > "$T/liam.txt"
check "Liam's weeks close to the lower limit say near" \
	test "$(grep -cE ' near$' "$T/liam.txt")" -ge 1
pd pal show grace --weeks 13 > "$T/grace.txt"
check "Universal Credit: no limit, bars in hours" \
	grep -qE '^Week of +Hours\|16h' "$T/grace.txt"
check "13 rows with --weeks 13" \
	test "$(grep -cE '^20[0-9]{2}-' "$T/grace.txt")" -eq 13
pd report hours --week 2026-W47 --format csv | tr -d '\r' |
	awk -F, '$1 == "liam" { print $10 }' > "$T/summary.verdict"
pd pal show liam --weeks 13 --format csv | tr -d '\r' |
	awk -F, '$1 == "2026-W47" { print $8 }' > "$T/weeks.verdict"
check "a week's verdict is the weekly summary's (liam, 2026-W47)" \
	test "$(cat "$T/weeks.verdict")" = "$(sed 's/^n\/a$/no limit/' "$T/summary.verdict")"

# --- CSV ---------------------------------------------------------------------------
pd pal show aisha --weeks 13 --format csv > "$T/aisha.csv"
check "the CSV header" test "$(head -n 1 "$T/aisha.csv" | tr -d '\r')" = \
	"week,first_day,last_day,hours,gross,pay_limit,hours_limit,verdict,avg_weeks,avg_hours,avg_16h_or_more,note"
check "14 CSV lines ending in CRLF" test "$(grep -c $'\r$' "$T/aisha.csv")" -eq 14
check "a CSV row" grep -q '^2026-W48,2026-11-23,2026-11-29,1.50,19.07,203.50,16.00,ok,5,1.70,no,' "$T/aisha.csv"

# --- PDF ---------------------------------------------------------------------------
expect_out "--pdf writes a file" "to $T/aisha.pdf" \
	pd pal show aisha --weeks 52 --pdf "$T/aisha.pdf"
check "it is a PDF" test "$(head -c 5 "$T/aisha.pdf")" = "%PDF-"
check "the file is private to its owner" test "$(stat -c %a "$T/aisha.pdf")" = 600
pdftotext -enc UTF-8 -layout "$T/aisha.pdf" "$T/aisha.pdf.txt" 2>/dev/null
check "pdftotext reads it" test -s "$T/aisha.pdf.txt"
for want in "Riverside Peer Support" "Aisha Khan (aisha): weeks against the limit" \
    "1 Dec 2025" "23 Nov 2026" "limit" "Verdict" "no work" "5-week" \
    "£203.50 a week from the week of 2026-04-06" \
    "five weeks ending with each week"; do
	if grep -qF "$want" "$T/aisha.pdf.txt"; then ok "the PDF reads back \"$want\""
	else fail "the PDF reads back \"$want\""; head -n 20 "$T/aisha.pdf.txt" | sed 's/^/  | /'
	fi
done
check "the PDF has a verdict word for each of the 52 weeks" \
	test "$(grep -cE ' (ok|near|over|no rate|no work)$' "$T/aisha.pdf.txt")" -eq 52
pd audit 2>/dev/null | grep -q "weeks against the limit to" &&
	ok "writing the PDF is audited" || fail "writing the PDF is audited"

# --- mistakes ------------------------------------------------------------------------
expect_rc "--weeks 26 is a usage error" 2 pd pal show aisha --weeks 26
expect_out "and says what it takes" "--weeks takes 13 or 52" pd pal show aisha --weeks 26
expect_rc "an unknown format is a usage error" 2 pd pal show aisha --weeks 13 --format html
expect_rc "no such PAL" 3 pd pal show nobody --weeks 13
expect_rc "pal show without --weeks still shows the record" 0 pd pal show aisha
finish
