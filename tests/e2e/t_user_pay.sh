#!/bin/bash
# Tier 4: `user add ... pal` records the hourly rate and benefit rule
# (options, or asked on a terminal); a PAL with neither is added with
# nothing recorded, and `peerdesk week`, `pal show` and the hours report
# say so in words instead of "£0.00, no limit applies".
. "$(dirname "$0")/lib.sh"

DB=$T/org.db
count() { sqlite3 "$DB" "$1"; }
TODAY=2026-03-04

"$PD" --db "$DB" init >/dev/null 2>&1 || fail "init"

# options: recorded, from today
expect_out "user add with --rate and --benefit" "Added Jo Bennett (jo) as PAL." \
	"$PD" --db "$DB" --today $TODAY user add jo "Jo Bennett" pal --rate 12.71 --benefit permitted
check "Jo's rate is recorded in pence" \
	test "$(count "SELECT rate_pence FROM pal_rate r JOIN staff s ON s.id = r.pal_id WHERE s.login = 'jo'")" = 1271
check "Jo's rule is recorded" \
	test "$(count "SELECT rule FROM pal_benefit b JOIN staff s ON s.id = b.pal_id WHERE s.login = 'jo'")" = permitted
expect_out "the --opt=value form works too" "Added" \
	"$PD" --db "$DB" --today $TODAY user add mo "Mo Reid" pal --rate=13.00 --benefit=uc
expect_rc "a bad benefit rule is a usage error" 2 \
	"$PD" --db "$DB" user add bad "Bad Rule" pal --benefit sometimes
expect_out "a bad rule names the words to use" "none, lower, permitted, supported or uc" \
	"$PD" --db "$DB" user add bad "Bad Rule" pal --benefit sometimes
expect_rc "a bad rate is a usage error" 2 "$PD" --db "$DB" user add bad "Bad" pal --rate 0
check "nothing was added for the bad ones" test "$(count "SELECT count(*) FROM staff WHERE login = 'bad'")" = 0
expect_rc "--rate is for PALs only" 2 "$PD" --db "$DB" user add off "Off" office --rate 12.00

# no terminal, no options: added, nothing recorded, and it says so
expect_out "no terminal, no options: still added" "No pay rate recorded: the limit cannot be checked" \
	"$PD" --db "$DB" --today $TODAY user add kim "Kim Lowe" pal </dev/null
check "Kim has no rate" test "$(count "SELECT count(*) FROM pal_rate r JOIN staff s ON s.id = r.pal_id WHERE s.login = 'kim'")" = 0
check "Kim has no rule" test "$(count "SELECT count(*) FROM pal_benefit b JOIN staff s ON s.id = b.pal_id WHERE s.login = 'kim'")" = 0

expect_out "week: no rule is said in words" "no benefit rule recorded: the limit cannot be checked" \
	"$PD" --db "$DB" --today $TODAY week --pal kim
out=$("$PD" --db "$DB" --today $TODAY week --pal kim 2>&1)
case $out in
*"no limit applies"*|*"£0.00"*) fail "week: never '£0.00' or 'no limit applies' for Kim"; echo "$out" | sed 's/^/  /' ;;
*) ok "week: never '£0.00' or 'no limit applies' for Kim" ;;
esac
expect_out "week: the pay is not known" "Pay: not known: no pay rate recorded" \
	"$PD" --db "$DB" --today $TODAY week --pal kim
expect_out "pal show: no rate in words" "no pay rate recorded: the limit cannot be checked" \
	"$PD" --db "$DB" --today $TODAY pal show kim
expect_out "pal show: no rule in words" "none recorded: the limit cannot be checked" \
	"$PD" --db "$DB" --today $TODAY pal show kim
expect_out "pal list: no rule recorded" "no rule recorded" \
	"$PD" --db "$DB" --today $TODAY pal list
expect_out "the hours report says why Kim is not judged" "not judged: no benefit rule recorded" \
	"$PD" --db "$DB" --today $TODAY report hours
expect_out "Jo, with both, is judged" "room left" \
	"$PD" --db "$DB" --today $TODAY week --pal jo

# a rule but no rate: the pay limit cannot be checked, and it says so
"$PD" --db "$DB" --today $TODAY user add lee "Lee Marsh" pal --benefit lower >/dev/null 2>&1
expect_out "rule but no rate: said in words" "no pay rate recorded: the limit cannot be checked" \
	"$PD" --db "$DB" --today $TODAY week --pal lee
"$PD" --db "$DB" --today $TODAY report hours --format csv >"$T/h.csv" 2>&1
check "CSV: Kim's rule is empty and the verdict not_checked" grep -q '^kim,Kim Lowe,0.00,0.00,,,,,,not_checked,' "$T/h.csv"

# on a terminal it asks
tm_start ask 80 24 "$PD" --db "$DB" --today $TODAY user add ria "'Ria Shah'" pal
expect_screen "it asks for the hourly rate" ask "Hourly pay rate in pounds"
tm_text ask "12.90"; tm_keys ask Enter
expect_screen "it asks for the benefit rule" ask "Benefit rule: none, lower"
tm_text ask "supported"; tm_keys ask Enter
expect_screen "then adds the PAL" ask "Added Ria Shah (ria) as PAL."
check "Ria's rate is recorded" \
	test "$(count "SELECT rate_pence FROM pal_rate r JOIN staff s ON s.id = r.pal_id WHERE s.login = 'ria'")" = 1290
check "Ria's rule is recorded" \
	test "$(count "SELECT rule FROM pal_benefit b JOIN staff s ON s.id = b.pal_id WHERE s.login = 'ria'")" = supported

finish
