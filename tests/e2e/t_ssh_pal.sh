#!/bin/bash
# Tier 4: PALs over real SSH, as docs/admin.md sets it up.
#
# peerdesk is installed with `make install` into a temp PREFIX (setgid to
# a throwaway group, the data folder 2770, the system settings pointing
# at a database made by `peerdesk demo`), and a private sshd on
# 127.0.0.1 (tests/support/sshd.sh) forces that peerdesk on the PAL
# group.  Two throwaway Unix accounts with keys become the demo's PALs Jo
# and Marcus.  Through `ssh -tt` inside tmux it checks: a PAL lands in
# peerdesk (no shell, even when asking for a command), sees only their
# own clients, can log a session (it shows in their week), and a dropped
# line - the ssh client killed mid-note, so peerdesk gets SIGHUP - loses
# nothing: at the next login the note is offered back, put back and
# saved.
#
# Everything made here (users, groups, folders, sshd, tmux) is removed
# at the end, also on failure.  Needs root.  Polls with deadlines; no
# fixed sleeps.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/support/sshd.sh"

PDGROUP=pdtest_pd_$SSH_TAG
R=
made_pdgroup=0

pal_cleanup() {
	ssh_cleanup
	if [ "$made_pdgroup" = 1 ]; then
		groupdel "$PDGROUP" 2>/dev/null ||
		    echo "could not remove group $PDGROUP" >&2
		made_pdgroup=0
	fi
	[ -n "$R" ] && [ -z "${PEERDESK_KEEP_TMP:-}" ] && rm -rf "$R"
	e2e_cleanup
}
trap pal_cleanup EXIT
trap 'exit 130' INT TERM HUP

die() { fail "$*"; exit 1; }
[ "$(id -u)" -eq 0 ] || die "t_ssh_pal.sh must run as root (users, setgid)"
for p in sqlite3 groupdel getent pgrep make tar; do
	command -v "$p" >/dev/null 2>&1 || die "$p is missing"
done
getent group "$PDGROUP" >/dev/null && die "group $PDGROUP exists already"

# ---- 1. install, as docs/admin.md says -----------------------------------
# A build whose system settings live under the temp root (a setgid
# peerdesk reads no other settings file): the tested build copied, with
# the objects that include config/settings.h made again (as t_install.sh).
BUILD=$T/build
R=$(mktemp -d "${TMPDIR:-/tmp}/pdtest-sshpal.XXXXXX") || die "mktemp"
chmod 0755 "$R"		# the PALs must reach $R/usr/bin/peerdesk
mkdir -p "$BUILD"
(cd "$(dirname "$PD")" && tar --exclude=./san --exclude=./fuzz -cf - .) |
	(cd "$BUILD" && tar -xpf -) || die "cannot copy the build"
for d in $(grep -rl 'peerdesk/config/settings\.h' "$BUILD" --include='*.d'); do
	rm -f "${d%.d}.o" "${d%.d}"
done
rm -f "$BUILD/libpeerdesk.a" "$BUILD/peerdesk"
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$TOP" O="$BUILD" \
	SYSCONFDIR="$R/etc" "$@"; }
mk >"$T/build.log" 2>&1 || { sed 's/^/  /' "$T/build.log"; die "build with SYSCONFDIR"; }
STATE=$R/var/lib/peerdesk
BIN=$R/usr/bin/peerdesk
DB=$STATE/peerdesk.db
mk PREFIX="$R/usr" STATEDIR="$STATE" PEERDESK_GROUP="$PDGROUP" install \
	>"$T/install.out" 2>&1
rc=$?
getent group "$PDGROUP" >/dev/null && made_pdgroup=1
check "make install PREFIX=... succeeds" test "$rc" -eq 0 -a "$made_pdgroup" = 1
check "the program is setgid $PDGROUP" \
	test "$(stat -c '%a %G' "$BIN" 2>/dev/null)" = "2755 $PDGROUP"
mkdir -p "$R/etc/peerdesk"
cat >"$R/etc/peerdesk/config.yaml" <<EOF
organisation: SSH Test Org
database: $DB
EOF
chmod 0644 "$R/etc/peerdesk/config.yaml"
# The demo, made with the installed program (today is the real today:
# the PALs' peerdesk has no --today).
"$BIN" demo >"$T/demo.out" 2>&1 || { sed 's/^/  /' "$T/demo.out"; die "peerdesk demo"; }
chgrp "$PDGROUP" "$DB" && chmod 0660 "$DB" || die "the database's group"
check "the demo database is in the data folder, 0660 $PDGROUP" \
	test "$(stat -c '%a %G' "$DB")" = "660 $PDGROUP"
q() { sqlite3 "$DB" "$1"; }

# ---- 2. sshd and two PAL accounts ---------------------------------------
ssh_init
trap pal_cleanup EXIT	# ssh_init set its own; ours does it all
ssh_add_user pal1
ssh_add_user pal2
P1=$(ssh_user pal1)
P2=$(ssh_user pal2)
# The demo's PAL Jo and a second PAL with clients today sign in with
# these logins.  The demo's caseloads move with the date it is made on,
# so the second is Marcus when he has a client today, else whoever has.
L2=$(q "SELECT s.login FROM staff s JOIN assignment a ON a.worker_id = s.id
	WHERE s.role = 'pal' AND s.login <> 'jo'
	AND (a.ended_on IS NULL OR a.ended_on > date('now'))
	GROUP BY s.id ORDER BY s.login = 'marcus' DESC, count(*) DESC, s.login
	LIMIT 1")
JO=$(q "SELECT name FROM staff WHERE login = 'jo'")
MARCUS=$(q "SELECT name FROM staff WHERE login = '$L2'")
q "UPDATE staff SET login = '$P1' WHERE login = 'jo';
   UPDATE staff SET login = '$P2' WHERE login = '$L2'"
check "Jo and Marcus have the test logins" test \
	"$(q "SELECT group_concat(name, '+') FROM (SELECT name FROM staff WHERE login IN ('$P1', '$P2') ORDER BY login)")" = \
	"$JO+$MARCUS"
id1=$(q "SELECT id FROM staff WHERE login = '$P1'")
id2=$(q "SELECT id FROM staff WHERE login = '$P2'")
# One active client of a PAL (ORDER BY name), and how many.
client_of() {
	q "SELECT c.name FROM client c JOIN assignment a ON a.client_id = c.id
	   WHERE a.worker_id = $1 AND (a.ended_on IS NULL OR a.ended_on > date('now'))
	   ORDER BY c.name LIMIT 1"
}
clients_of() {
	q "SELECT count(DISTINCT a.client_id) FROM assignment a
	   WHERE a.worker_id = $1 AND (a.ended_on IS NULL OR a.ended_on > date('now'))"
}
jo_client=$(client_of "$id1")
marcus_client=$(client_of "$id2")
n1=$(clients_of "$id1")
check "both PALs have clients in the demo" test -n "$jo_client" -a -n "$marcus_client"
ssh_start "$BIN"
ok "sshd listens on 127.0.0.1 port $SSH_PORT, ForceCommand $BIN"

# ---- 3. Jo lands in peerdesk, and sees only her clients -------------------
ssh_tm_start jo pal1
expect_screen "Jo lands in peerdesk's dashboard (no passphrase)" jo "$JO (PAL)" 20
tm_keys jo c
expect_screen "her list is My clients" jo "My clients"
expect_screen "with her $n1 clients" jo "1 of $n1"
expect_screen "her own client is there" jo "$jo_client"
if tm_screen jo | grep -qF "$marcus_client"; then
	fail "Marcus's client is not on Jo's list"
else
	ok "Marcus's client is not on Jo's list"
fi
tm_text jo "$marcus_client"
expect_screen "nor found by typing the name" jo "0 of 0"
tm_keys jo Escape Escape
expect_screen "back on the dashboard" jo "Go to (press a key)"

# ---- 4. Jo logs a session; it is in her week ------------------------------
before=$(q "SELECT count(*) FROM session WHERE pal_id = $id1")
week_lines() { "$BIN" week --pal "$P1" 2>/dev/null | grep -c '  session  '; }
week_before=$(week_lines)
tm_keys jo l
expect_screen "Log a session opens" jo "What we did"
# her first client, today, an hour at home, and a line of what they did
tm_keys jo Right Tab Tab Tab
tm_text jo "1h"
tm_keys jo Tab Right Tab
tm_text jo "Over SSH from the bus stop"
tm_keys jo C-s
expect_screen "the session is saved" jo "Session saved."
check "it is in the database, as Jo's" test \
	"$(q "SELECT count(*) FROM session WHERE pal_id = $id1")" = $((before + 1))
tm_keys jo w
expect_screen "My week opens" jo "room left"
tm_keys jo C-q
expect_screen "C-q leaves peerdesk and ends the line" jo "[exited]"
check "peerdesk week --pal (the manager's CLI) has one session more" \
	test "$(week_lines)" = $((week_before + 1))

# ---- 5. asking for a command still gets peerdesk --------------------------
ssh_tm_start jo2 pal1 /bin/sh -c id
expect_screen "asking for '/bin/sh -c id' lands in peerdesk" jo2 "$JO (PAL)" 20
case $(tm_screen jo2) in
*"uid="*) fail "the command asked for did not run" ;;
*) ok "the command asked for did not run" ;;
esac
tm_keys jo2 C-q
expect_screen "and leaves the same way" jo2 "[exited]"
case $(tm_screen jo2) in
*"uid="*) fail "no shell ran afterwards either" ;;
*) ok "no shell ran afterwards either" ;;
esac

# ---- 6. Marcus: only his clients; the line drops mid-note ----------------
NOTE="We walked by the canal and talked about the new job, then the line went"
ssh_tm_start marcus pal2
expect_screen "Marcus lands in peerdesk" marcus "$MARCUS (PAL)" 20
tm_keys marcus c
expect_screen "his own client is on his list" marcus "$marcus_client"
if tm_screen marcus | grep -qF "$jo_client"; then
	fail "Jo's client is not on Marcus's list"
else
	ok "Jo's client is not on Marcus's list"
fi
tm_keys marcus Escape
expect_screen "back on his dashboard" marcus "Go to (press a key)"
tm_keys marcus l
expect_screen "Marcus opens Log a session" marcus "What we did"
tm_keys marcus Right Tab Tab Tab
tm_text marcus "45m"
tm_keys marcus Tab Right Tab
tm_text marcus "$NOTE"
expect_screen "the note is on his screen" marcus "then the line"
mine=$(pgrep -u "$P2" -x peerdesk)
check "Marcus's peerdesk runs as him" test -n "$mine"
ssh_tm_drop marcus && ok "the ssh client was killed mid-note (kill -9)" ||
	fail "the ssh client was killed mid-note (kill -9)"
# sshd hangs up; peerdesk keeps the draft and ends.
end=$(($(date +%s) + 15))
while pgrep -u "$P2" -x peerdesk >/dev/null && [ "$(date +%s)" -lt "$end" ]; do
	tm display-message -p '' >/dev/null 2>&1
done
check "peerdesk ended after the line dropped" sh -c "! pgrep -u '$P2' -x peerdesk >/dev/null"
check "the audit says Marcus signed out when the line dropped" test \
	"$(q "SELECT count(*) FROM audit WHERE action = 'sign_out' AND actor_login = '$P2'
	AND summary LIKE 'signed out: the line dropped, over SSH from 127.0.0.1 port %'")" = 1
kept=$(q "SELECT content FROM draft WHERE staff_id = $id2 AND form = 'kept:session'")
case $kept in
*"did	$NOTE"*) ok "the whole note was kept as Marcus's draft" ;;
*) fail "the whole note was kept as Marcus's draft"; echo "  got: $kept" ;;
esac
check "nobody else has it" test \
	"$(q "SELECT count(*) FROM draft WHERE staff_id <> $id2 AND content LIKE '%canal%'")" = 0

# ---- 7. Jo is offered nothing of his; Marcus gets it back -----------------
ssh_tm_start jo3 pal1
expect_screen "Jo logs in again" jo3 "$JO (PAL)" 20
tm_wait jo3 "Kept for you" 2 >/dev/null 2>&1 &&
	fail "Jo is offered nothing of Marcus's" ||
	ok "Jo is offered nothing of Marcus's"
tm_keys jo3 C-q
expect_screen "Jo leaves" jo3 "[exited]"

before=$(q "SELECT count(*) FROM session WHERE pal_id = $id2")
ssh_tm_start marcus2 pal2
expect_screen "at his next login Marcus is offered the note back" marcus2 "Kept for you" 20
expect_screen "... Log a session, with the start of it" marcus2 "Log a session ("
tm_keys marcus2 v
expect_screen "he can read it first" marcus2 "What we did:"
tm_keys marcus2 Escape
expect_screen "back to what was kept" marcus2 "Kept for you"
tm_keys marcus2 Enter
expect_screen "Enter puts it back in the form" marcus2 "are back"
expect_screen "the note is there" marcus2 "then the line went"
tm_keys marcus2 C-s
expect_screen "and saved" marcus2 "Session saved."
check "the session is in the database, with every word" test \
	"$(q "SELECT count(*) FROM session WHERE pal_id = $id2 AND did = '$NOTE'")" = 1
check "one session more for Marcus" test \
	"$(q "SELECT count(*) FROM session WHERE pal_id = $id2")" = $((before + 1))
check "the draft is gone once saved" test \
	"$(q "SELECT count(*) FROM draft WHERE staff_id = $id2")" = 0
tm_keys marcus2 C-q
expect_screen "Marcus leaves" marcus2 "[exited]"

grep -q "Accepted publickey for $P2" "$SSH_DIR/sshd.log" &&
	ok "the server log shows Marcus's key logins" ||
	fail "the server log shows Marcus's key logins"
finish
