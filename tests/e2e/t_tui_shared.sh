#!/bin/bash
# Tier 4: a shared office account (JOURNEYS.md, Monday 1 and 4).  The
# settings list a throwaway Unix login (pdtest_*, unique to this run,
# removed at the end, also on failure) as shared: peerdesk asks "Who are
# you?" and a passphrase, and after idle_lock_minutes (1 here) without a
# key it locks, clearing the screen so no client's name shows.  Needs
# root (useradd, runuser); waits up to 80 s for the lock, polling.
. "$(dirname "$0")/lib.sh"

TAG=$(printf '%05d' $(($$ % 100000)))
OFFICE=pdtest_office_$TAG
made_user=0

shared_cleanup() {
	tm kill-server >/dev/null 2>&1
	[ "$made_user" = 1 ] && { userdel -f "$OFFICE" 2>/dev/null ||
	    echo "could not remove user $OFFICE" >&2; }
	e2e_cleanup
}
trap shared_cleanup EXIT
trap 'exit 130' INT TERM HUP

die() { fail "$*"; finish; }
[ "$(id -u)" -eq 0 ] || die "t_tui_shared.sh must run as root (it adds a Unix user)"
for p in runuser useradd userdel getent sqlite3; do
	command -v "$p" >/dev/null 2>&1 || die "$p is missing"
done
getent passwd "$OFFICE" >/dev/null && die "user $OFFICE exists already"
useradd -M -N -s /bin/sh -c "peerdesk shared office test" "$OFFICE" ||
    die "useradd"
made_user=1

chmod 711 "$T"
ORG=$T/org
mkdir -m 1777 "$ORG"
DB=$ORG/peerdesk.db
CONF=$ORG/config.yaml
export PEERDESK_TODAY=2026-11-25
"$PD" --db "$DB" demo >/dev/null || die "the demo was not made"
chmod 666 "$DB"
cat > "$CONF" <<EOF
organisation: Riverside PALs
shared_accounts: [$OFFICE]
idle_lock_minutes: 1
EOF
chmod 644 "$CONF"
count() { sqlite3 "$DB" "$1"; }

# The manager sets Sam's passphrase (read from stdin: not a terminal).
expect_out "a passphrase is set through the command line" "is set" \
	sh -c "printf 'tea and toast\n' | '$PD' --db '$DB' user passwd sam"
check "it is stored as a yescrypt hash" test "$(count "SELECT substr(passphrase, 1, 3) FROM staff WHERE login = 'sam'")" = '$y$'
check "never in clear" test "$(count "SELECT count(*) FROM staff WHERE passphrase LIKE '%toast%'")" = 0

tm_start office 80 24 "runuser -u $OFFICE -- '$PD' --db '$DB' --config '$CONF'"
expect_screen "a shared account asks who you are" office "Who are you?"
tm_text office sam
expect_screen "typing part of a name finds it" office "Sam Carter"
tm_keys office Enter
expect_screen "then asks for the passphrase" office "Hello, Sam Carter."
tm_text office "wrong one"
tm_keys office Enter
expect_screen "a wrong passphrase gets one plain message" office "That name and passphrase do not match"
check "the failure is in the audit, with why" test "$(count "SELECT count(*) FROM audit WHERE action = 'sign_in_failed' AND actor_login = '$OFFICE' AND summary = 'a sign-in as sam failed: wrong passphrase'")" = 1
tm_text office "tea and toast"
if tm_screen office | grep -q "toast"; then
	fail "the passphrase does not show"
else
	ok "the passphrase does not show"
fi
expect_screen "it shows as dots" office "•••"
tm_keys office Enter
expect_screen "the right passphrase opens Sam's dashboard" office "Sam Carter (office)"
check "signing in is in the audit" test "$(count "SELECT count(*) FROM audit a JOIN staff s ON s.id = a.actor_id WHERE a.action = 'sign_in' AND s.login = 'sam' AND a.summary LIKE 'signed in on the shared account $OFFICE, at a terminal of this computer%'")" = 1

# Clients on screen, then nobody touches a key.
tm_keys office c
expect_screen "the clients list" office "newest referral first"
first=$(count "SELECT c.name FROM client c JOIN referral r ON r.client_id = c.id ORDER BY r.referred_on DESC LIMIT 1")
expect_screen "client names are on screen" office "$first"
expect_screen "after a minute without a key the screen locks" office "Locked - press Enter to sign in again" 80
screen=$(tm_screen office)
shown=
while IFS= read -r n; do
	case $screen in *"$n"*) shown="$shown $n;" ;; esac
done < <(count "SELECT name FROM client UNION SELECT preferred_name FROM client WHERE preferred_name IS NOT NULL")
check "no client's name is visible when locked${shown:+ (shown:$shown)}" test -z "$shown"
case $screen in
*"Sam"*) fail "nor who was signed in" ;;
*) ok "nor who was signed in" ;;
esac

# Back in with the passphrase, where Sam left off.
tm_keys office Enter
expect_screen "Enter asks who you are again" office "Who are you?"
tm_keys office Enter
expect_screen "Sam is chosen already" office "Hello, Sam Carter."
tm_text office "tea and toast"
tm_keys office Enter
expect_screen "Sam is back on the clients list" office "newest referral first"
expect_screen "with the clients showing again" office "$first"
check "the lock is in the audit" test "$(count "SELECT count(*) FROM audit WHERE action = 'lock' AND actor_login = 'sam' AND summary = 'the screen locked itself after 1 minute without a key'")" = 1
check "... and the unlock" test "$(count "SELECT count(*) FROM audit WHERE action = 'unlock' AND actor_login = 'sam'")" = 1
tm_keys office C-q
expect_screen "C-q leaves peerdesk" office "[exited]"
check "leaving signs Sam out, in the audit" test "$(count "SELECT count(*) FROM audit WHERE action = 'sign_out' AND actor_login = 'sam' AND summary LIKE 'signed out at a terminal%'")" = 1
expect_out "peerdesk audit shows the failed sign-in" \
	"failed   staff #$(count "SELECT id FROM staff WHERE login = 'sam'")  a sign-in as sam failed: wrong passphrase" \
	"$PD" --db "$DB" --config "$CONF" audit

finish
