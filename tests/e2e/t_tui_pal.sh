#!/bin/bash
# Tier 4: a PAL's own Unix login sees only their own clients, on the
# list and on the dashboard, at 80x24 and at 40x15 (a phone over SSH).
#
# The demo's PAL Jo Bennett is given a throwaway Unix login (pdtest_*,
# unique to this run, removed at the end, also on failure), so peerdesk
# identifies Jo from the real uid.  Needs root (useradd, runuser).
# Jo's session form at 40x15 is the time helper's test (t_time_*.sh).
. "$(dirname "$0")/lib.sh"

TAG=$(printf '%05d' $(($$ % 100000)))
PAL=pdtest_pal_$TAG
made_user=0

pal_cleanup() {
	# The screens run as the PAL inside tmux: end them first.
	tm kill-server >/dev/null 2>&1
	[ "$made_user" = 1 ] && { userdel -f "$PAL" 2>/dev/null ||
	    echo "could not remove user $PAL" >&2; }
	e2e_cleanup
}
trap pal_cleanup EXIT
trap 'exit 130' INT TERM HUP

die() { fail "$*"; finish; }
[ "$(id -u)" -eq 0 ] || die "t_tui_pal.sh must run as root (it adds a Unix user)"
for p in runuser useradd userdel getent sqlite3; do
	command -v "$p" >/dev/null 2>&1 || die "$p is missing"
done
getent passwd "$PAL" >/dev/null && die "user $PAL exists already"
useradd -M -N -s /bin/sh -c "peerdesk PAL test" "$PAL" || die "useradd"
made_user=1

# The organisation's folder: the PAL must be able to write the database
# (and its -wal and -shm files) and read the settings.
chmod 711 "$T"
ORG=$T/org
mkdir -m 1777 "$ORG"
DB=$ORG/peerdesk.db
export PEERDESK_TODAY=2026-11-25
"$PD" --db "$DB" demo >/dev/null || die "the demo was not made"
chmod 666 "$DB"
count() { sqlite3 "$DB" "$1"; }
# Jo Bennett signs in with the throwaway login.
count "UPDATE staff SET login = '$PAL' WHERE login = 'jo'"
check "Jo now has the test login" test "$(count "SELECT name FROM staff WHERE login = '$PAL'")" = "Jo Bennett"

jos=$(count "SELECT count(DISTINCT a.client_id) FROM assignment a JOIN staff s ON s.id = a.worker_id WHERE s.login = '$PAL' AND (a.ended_on IS NULL OR a.ended_on > '2026-11-25')")
check "Jo has 4 clients in the demo" test "$jos" = 4
other=$(count "SELECT c.name FROM client c JOIN assignment a ON a.client_id = c.id JOIN staff s ON s.id = a.worker_id WHERE s.login = 'tom' AND (a.ended_on IS NULL OR a.ended_on > '2026-11-25') ORDER BY c.id LIMIT 1")
check "Tom has a client to compare with" test -n "$other"
mine=$(count "SELECT c.name FROM client c JOIN assignment a ON a.client_id = c.id JOIN staff s ON s.id = a.worker_id WHERE s.login = '$PAL' AND (a.ended_on IS NULL OR a.ended_on > '2026-11-25') ORDER BY c.id LIMIT 1")

run="runuser -u $PAL -- '$PD' --db '$DB'"

# The list at 80x24.
tm_start pal 80 24 "$run"
expect_screen "the PAL's dashboard opens (no passphrase)" pal "Jo Bennett (PAL)"
expect_screen "it counts their clients" pal "You support 4 clients"
tm_keys pal c
expect_screen "their list is called My clients" pal "My clients"
expect_screen "it holds their 4 clients" pal "1 of 4"
expect_screen "their own client is there" pal "$mine"
if tm_screen pal | grep -qF "$other"; then
	fail "another PAL's client is not shown"
else
	ok "another PAL's client is not shown"
fi
tm_text pal "$other"
expect_screen "nor found by typing their name" pal "0 of 0"
tm_keys pal Escape Escape
expect_screen "back on the dashboard" pal "Go to (press a key)"
tm_keys pal C-q
expect_screen "C-q leaves" pal "[exited]"

# The dashboard at 40x15, as on a phone.
tm_start phone 40 15 "$run"
expect_screen "at 40x15 the dashboard shows who" phone "Jo Bennett (PAL)"
expect_screen "the counts in words" phone "You support 4 clients"
expect_screen "the reminders" phone "Reminders"
expect_screen "and the places to go, with keys" phone " c  Clients"
if tm_screen phone | grep -q "Terminal too small"; then
	fail "40x15 is enough for a PAL"
else
	ok "40x15 is enough for a PAL"
fi
if tm_screen phone | grep -qF "$other"; then
	fail "no other PAL's client in the reminders"
else
	ok "no other PAL's client in the reminders"
fi
tm_keys phone c
expect_screen "the list works at 40x15" phone "1 of 4"
tm_keys phone Enter
expect_screen "a record opens at 40x15" phone "Details"
if tm_screen phone | grep -q "Edit details"; then
	fail "a PAL is not offered to edit client details"
else
	ok "a PAL is not offered to edit client details"
fi
check "opening a record is in the audit, as Jo" test "$(count "SELECT count(*) FROM audit a JOIN staff s ON s.id = a.actor_id WHERE s.login = '$PAL' AND a.action = 'open'")" -ge 1

finish
