#!/bin/bash
# Tier 4: two people at the same client, in two tmux windows on one
# database.  Changes to different fields are both kept without a
# question; a field both changed is shown side by side (theirs and
# mine) and the choice is saved.  Also the referral form in full: a CSV
# with every referral column comes in and `peerdesk client show` shows
# it.  Polls, never sleeps.
. "$(dirname "$0")/lib.sh"

DB=$T/conflict.db
pd() { "$PD" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

check "an empty database" pd init
printf '%s\n' "name,referred_on,referrer,funding,contracted_minutes_per_week,phone,referrer_contact,route,heard_about,first_contact_on,plan_submitted_on,plan_approved_on,funding_received_on,funder,negotiator,negotiator_contact,notes" \
    "Rae Okafor,2026-11-02,Kate Morris,personal_budget,360,07700 900100,01632 960001,social_worker,A friend at the cafe,2026-11-04,2026-11-10,2026-11-20,2026-11-24,Kent County Council,Kate Morris,01632 960002,Lonely since the move" \
    > "$T/c.csv"
check "a referral with the whole form comes in" pd import clients "$T/c.csv"
expect_out "client show: how they heard of us" "Heard of us: A friend at the cafe" pd client show 1
expect_out "client show: the support plan's dates" "Support plan approved: 2026-11-20" pd client show 1
expect_out "client show: who negotiated" "Negotiated by: Kate Morris" pd client show 1
expect_out "client show: the hours agreed" "Hours agreed: 6h a week" pd client show 1
expect_rc "client show: no such client" 3 pd client show 99

# Both windows open Rae's record for editing.
open_edit() {
	tm_start "$1" 80 24 "$PD --db '$DB'"
	expect_screen "$1: the dashboard" "$1" " c  Clients"
	tm_keys "$1" c
	expect_screen "$1: the clients list" "$1" "Rae Okafor"
	tm_keys "$1" Enter
	expect_screen "$1: Rae's record" "$1" "Rae Okafor - referred"
	tm_keys "$1" e
	expect_screen "$1: the edit form" "$1" "Edit: Rae Okafor"
}
open_edit a
open_edit b

# --- different fields: both kept, nobody asked ----------------------------
tm_keys a Tab C-u
tm_text a "07700 900111"
tm_keys b Tab Tab
tm_text b "rae@example.org"
tm_keys b C-s
expect_screen "b saves first" b "Saved the changes."
tm_keys a C-s
expect_screen "a's save keeps b's change and says so" a "kept too: Email"
check "a's phone is saved" test "$(q "SELECT phone FROM client WHERE id = 1")" = "07700 900111"
check "b's email is kept" test "$(q "SELECT email FROM client WHERE id = 1")" = "rae@example.org"

# --- the same field: shown side by side, the choice saved -----------------
tm_keys a e
expect_screen "a edits again" a "Edit: Rae Okafor"
tm_keys b e
expect_screen "b edits again" b "Edit: Rae Okafor"
tm_keys a Tab C-u
tm_text a "07700 900222"
tm_keys b Tab C-u
tm_text b "07700 900333"
tm_keys b C-s
expect_screen "b saves first again" b "Saved the changes."
tm_keys a C-s
expect_screen "a is asked about the field both changed" a "You both changed one field"
expect_screen "theirs is shown" a "07700 900333"
expect_screen "beside mine" a "07700 900222"
expect_screen "mine is chosen to begin with" a "[x] Mine"
check "nothing is saved before a choice" test "$(q "SELECT phone FROM client WHERE id = 1")" = "07700 900333"
tm_text a t
expect_screen "t chooses theirs" a "[x] Theirs"
tm_keys a Enter
expect_screen "Enter saves" a "Rae Okafor - referred"
check "their phone is kept, as chosen" test "$(q "SELECT phone FROM client WHERE id = 1")" = "07700 900333"
check "every save is in the audit" test "$(q "SELECT count(*) FROM audit WHERE action = 'update' AND entity = 'client' AND entity_id = 1")" -ge 3

tm_keys a C-q
tm_keys b C-q
finish
