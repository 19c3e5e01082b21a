#!/bin/bash
# Tier 4: a client's story from the command line, as the office lives
# it: refer a client (a likely duplicate is caught first), a PAL
# supports them, closing is refused while the PAL is there and done
# with --end-support, the client's history shows each dated line, and
# once retention_years have passed `retention --dry-run` lists them.
# Then a reopen (a new episode) and a merge of two records.
. "$(dirname "$0")/lib.sh"

DB=$T/org.db
q() { sqlite3 "$DB" "$1"; }
pd() { day=$1; shift; "$PD" --db "$DB" --today "$day" "$@"; }

expect_rc "init makes the database (we are its manager)" 0 pd 2026-11-02 init
expect_rc "a PAL is added" 0 pd 2026-11-02 user add storypal "Rae Story" pal

# ---- refer -------------------------------------------------------------
expect_out "a referral is taken" "$(printf 'Client 1: Zo\xc3\xab')" \
	pd 2026-11-02 client add "$(printf 'Zo\xc3\xab \xc5\x81ukasz')" \
	--dob 1988-02-03 --phone "07700 900456" --referred-on 2026-11-02
expect_out "the same person typed again is shown before saving" \
	"client 1: " pd 2026-11-03 client add "ZOE LUKASZ"
expect_rc "and nothing is saved without --anyway" 1 \
	pd 2026-11-03 client add "zoe lukasz"
check "one client only" test "$(q 'SELECT count(*) FROM client')" = 1
expect_out "the record shows the referred line" "2026-11-02  referred" \
	pd 2026-11-03 client show 1

# ---- support, then closing ------------------------------------------------
expect_out "a PAL supports them (the plan is not established: a reason)" \
	"supports client 1" pd 2026-11-10 client support 1 storypal \
	--on 10/11/2026 --reason "plan agreed on the phone"
check "the client is active" test "$(q 'SELECT status FROM client WHERE id = 1')" = active
check "--on typed 10/11/2026 is 10 November" \
	test "$(q 'SELECT started_on FROM assignment WHERE client_id = 1')" = 2026-11-10
expect_out "--on names the shapes it takes" "31/12/2025" \
	pd 2026-11-25 client status 1 paused --on 2026.11.20
expect_out "closing while the PAL is there names --end-support" \
	"--end-support" pd 2026-11-25 client status 1 closed --reason support-ended
check "still active" test "$(q 'SELECT status FROM client WHERE id = 1')" = active
expect_out "a day in the future is refused" "in the future" \
	pd 2026-11-25 client status 1 closed --reason support-ended \
	--end-support --on 26/11/26
expect_out "--end-support ends the support and closes them" "closed now" \
	pd 2026-11-25 client status 1 closed --reason support-ended --end-support
check "closed on the day, with the reason" \
	test "$(q 'SELECT status, closed_on, closed_reason FROM client WHERE id = 1')" = "closed|2026-11-25|support_ended"
check "the support ended that day" \
	test "$(q 'SELECT ended_on FROM assignment WHERE client_id = 1')" = 2026-11-25
expect_out "the history has every dated line" "2026-11-25  closed (support ended)" \
	pd 2026-11-26 client show 1
check "each change is audited" \
	test "$(q "SELECT count(*) FROM audit WHERE action = 'status' AND client_id = 1")" = 1
iso=$(pd 2026-11-26 audit --from 2026-11-25 --format csv | wc -l)
uk=$(pd 2026-11-26 audit --from 25/11/2026 --format csv | wc -l)
check "audit --from 25/11/2026 is the same day as 2026-11-25 ($uk, $iso lines)" \
	test "$uk" = "$iso" -a "$iso" -gt 1

# ---- retention ----------------------------------------------------------
YEARS=$(q "SELECT 6")	# retention_years' default (docs/configuration.md)
listed() { pd "$1" retention --dry-run | awk '/^ +[0-9]+ +[0-9-]+ +[0-9]+ /{print $1}' | paste -sd' '; }
check "retention does not list them before $YEARS years" test -z "$(listed 2032-11-24)"
check "retention --dry-run lists them once $YEARS years have passed" \
	test "$(listed 2032-11-26)" = 1

# ---- reopen and merge -----------------------------------------------------
expect_rc "a second client is added" 0 \
	pd 2026-11-26 client add "Sam Bell" --anyway
expect_rc "reopening someone not closed is refused" 2 pd 2026-11-26 client reopen 2
expect_out "reopening starts a new episode" "reopened" pd 2026-12-01 client reopen 1
check "referred again, episode 2, history kept" \
	test "$(q 'SELECT status, episode, closed_on IS NULL FROM client WHERE id = 1')|$(q 'SELECT count(*) FROM client_status_change WHERE client_id = 1')" = "referred|2|1|4"
expect_out "merge without --yes says what it would do" "--yes" \
	pd 2026-12-01 client merge 1 2
expect_out "merge moves everything and closes the other" "merged into client 1" \
	pd 2026-12-01 client merge 1 2 --yes
check "the other is a closed stub pointing to the one kept" \
	test "$(q 'SELECT status, closed_reason, merged_into FROM client WHERE id = 2')" = "closed|merged|1"
expect_out "its record says where to look" "merged into client 1" \
	pd 2026-12-01 client show 2
expect_out "the list counts each status (the merged record left out)" \
	"By status: 1 referred, 0 at intake, 0 active, 0 paused, 0 closed." \
	pd 2026-12-01 clients

# ---- the merged record is the same person's data ---------------------------
mkdir -p "$T/sar"
expect_rc "a copy of what is held about the kept record" 0 \
	pd 2026-12-02 sar 1 --output "$T/sar"
check "it has what stayed with the merged record (details, history)" \
	grep -q "merged_2_record" "$T/sar/client-1.yaml"
check "including the merged record's own name" grep -q "Sam Bell" "$T/sar/client-1.yaml"
expect_out "erasing the merged record alone is refused, with words" \
	"erase client 1" pd 2026-12-02 erase 2 --yes
expect_rc "closing the kept record" 0 \
	pd 2026-12-02 client status 1 closed --reason declined
check "retention lists the kept record only" \
	test "$(listed 2033-12-03)" = "1"
expect_out "erasing the kept record erases the merged one with it" \
	"Erased with it: 1 record merged into client 1" pd 2026-12-03 erase 1 --yes
check "the merged record is anonymised too" \
	test "$(q 'SELECT name, phone IS NULL FROM client WHERE id = 2')" = "Erased client #2|1"
finish
