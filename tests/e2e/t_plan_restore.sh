#!/bin/bash
# Tier 4: bringing back an earlier version of a client's plan and
# removing a note, from the command line (issue 14 item 7): the version
# is saved as a new one with a note, every version is kept, the change
# is audited; nonsense is refused with the usual exit statuses.
. "$(dirname "$0")/lib.sh"

die() { fail "$*"; finish; }
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is missing"
DB=$T/peerdesk.db
export PEERDESK_TODAY=2026-11-25
"$PD" --db "$DB" demo >/dev/null || die "the demo was not made"
q() { sqlite3 "$DB" "$1"; }
v=$(q "SELECT current_version FROM plan WHERE client_id = 1")
check "client 1's plan has two versions (demo)" test "$v" = 2

expect_out "plan restore 1 1 brings back version 1 as version 3" \
    "it is now version 3" "$PD" --db "$DB" plan restore 1 1
check "three versions are kept" \
    test "$(q "SELECT count(*) FROM plan_version v JOIN plan p ON p.id = v.plan_id WHERE p.client_id = 1")" = 3
check "the new version has version 1's words" test \
    "$(q "SELECT v.ambitions FROM plan_version v JOIN plan p ON p.id = v.plan_id WHERE p.client_id = 1 AND v.version_no = 3")" = \
    "$(q "SELECT v.ambitions FROM plan_version v JOIN plan p ON p.id = v.plan_id WHERE p.client_id = 1 AND v.version_no = 1")"
expect_out "the history says so" "brought back version 1" \
    "$PD" --db "$DB" plan history 1
check "the audit trail has it" test \
    "$(q "SELECT count(*) FROM audit WHERE entity = 'plan' AND summary LIKE 'brought back version 1 of the plan as version 3%'")" = 1
expect_rc "the current version is refused (2)" 2 "$PD" --db "$DB" plan restore 1 3
expect_rc "a version that is not there is not found (3)" 3 \
    "$PD" --db "$DB" plan restore 1 9
expect_rc "a version that is not a number is a usage error" 2 \
    "$PD" --db "$DB" plan restore 1 two
expect_rc "a client that is not there is not found" 3 \
    "$PD" --db "$DB" plan restore 999 1
check "nothing more was written" \
    test "$(q "SELECT count(*) FROM plan_version v JOIN plan p ON p.id = v.plan_id WHERE p.client_id = 1")" = 3

expect_out "plan notes lists none for this plan" "no notes" \
    "$PD" --db "$DB" plan notes 1
expect_rc "remove-note needs --reason" 2 "$PD" --db "$DB" plan remove-note 1 5
expect_rc "a note that is not there is not found" 3 \
    "$PD" --db "$DB" plan remove-note 1 5 --reason "a slip"
expect_out "plan --help names restore" "plan restore CLIENT N" \
    "$PD" plan --help

finish
