#!/bin/bash
# Tier 4: no shell for a PAL over SSH, even through the editor; and the
# audit of PALs signing in and out over SSH (from which address), and of
# a Unix account that is not a peerdesk user.
#
# peerdesk is installed with `make install` into a temp PREFIX (setgid
# to a throwaway group), the demo made in it, and a private sshd on
# 127.0.0.1 (tests/support/sshd.sh) forces it on the PAL group, with
# EDITOR=vi and VISUAL=vi in the PAL's environment (a person controls
# those; peerdesk must not use them).  As the demo's PAL Jo, through
# `ssh -tt` in tmux: Ctrl-E in a note opens the restricted editor (nano
# --restricted), never vi; vi's escapes (:sh, :!id, :w FILE, :e
# /etc/passwd) and nano's (Ctrl-R read a file, Ctrl-O write under
# another name, Ctrl-T run a command, Ctrl-T Ctrl-Z suspend, M-x) all
# fail: no marker file appears, `id` output and /etc/passwd's text never
# show, and the note keeps what she typed.  `ssh host peerdesk log` goes
# straight to Log a session.
#
# Everything made here is removed at the end, also on failure.  Needs
# root.  Polls with deadlines; no fixed sleeps.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/support/sshd.sh"

PDGROUP=pdtest_pd_$SSH_TAG
R=
made_pdgroup=0

ed_cleanup() {
	ssh_cleanup
	if [ "$made_pdgroup" = 1 ]; then
		groupdel "$PDGROUP" 2>/dev/null ||
		    echo "could not remove group $PDGROUP" >&2
		made_pdgroup=0
	fi
	[ -n "$R" ] && [ -z "${PEERDESK_KEEP_TMP:-}" ] && rm -rf "$R"
	e2e_cleanup
}
trap ed_cleanup EXIT
trap 'exit 130' INT TERM HUP

die() { fail "$*"; exit 1; }
[ "$(id -u)" -eq 0 ] || die "t_ssh_editor.sh must run as root (users, setgid)"
for p in sqlite3 groupdel getent pgrep make tar /usr/bin/nano; do
	command -v "$p" >/dev/null 2>&1 ||
	    die "$p is missing (sh tools/deps.sh test installs it)"
done
getent group "$PDGROUP" >/dev/null && die "group $PDGROUP exists already"

# ---- 1. install into a temp prefix ---------------------------------------
# The tested build, copied; the paths are built in (gen/paths.h), so
# only what includes them is made again (the copied .d files name the
# original folder, so the objects are removed by hand).
BUILD=$T/build
R=$(mktemp -d "${TMPDIR:-/tmp}/pdtest-sshed.XXXXXX") || die "mktemp"
chmod 0755 "$R"
mkdir -p "$BUILD"
(cd "$(dirname "$PD")" && tar --exclude=./san --exclude=./fuzz -cf - .) |
	(cd "$BUILD" && tar -xpf -) || die "cannot copy the build"
for d in $(grep -rl 'gen/paths\.h' "$BUILD" --include='*.d'); do
	rm -f "${d%.d}.o" "${d%.d}"
done
rm -f "$BUILD/libpeerdesk.a" "$BUILD/peerdesk"
STATE=$R/var/lib/peerdesk
BIN=$R/usr/bin/peerdesk
DB=$STATE/peerdesk.db
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$TOP" O="$BUILD" \
	SYSCONFDIR="$R/etc" STATEDIR="$STATE" "$@"; }
mk PREFIX="$R/usr" PEERDESK_GROUP="$PDGROUP" install >"$T/install.out" 2>&1
rc=$?
getent group "$PDGROUP" >/dev/null && made_pdgroup=1
[ "$rc" -eq 0 ] && [ "$made_pdgroup" = 1 ] ||
	{ sed 's/^/  /' "$T/install.out"; die "make install PREFIX=$R/usr"; }
mkdir -p "$R/etc/peerdesk"
printf 'organisation: SSH Editor Test\n' >"$R/etc/peerdesk/config.yaml"
chmod 0644 "$R/etc/peerdesk/config.yaml"
"$BIN" init >"$T/init.out" 2>&1 || { sed 's/^/  /' "$T/init.out"; die "peerdesk init"; }
"$BIN" demo >"$T/demo.out" 2>&1 || { sed 's/^/  /' "$T/demo.out"; die "peerdesk demo"; }
check "the database is where STATEDIR says, 0660 $PDGROUP" \
	test "$(stat -c '%a %G' "$DB" 2>/dev/null)" = "660 $PDGROUP"
q() { sqlite3 "$DB" "$1"; }

# ---- 2. sshd, Jo's account and one that is not a peerdesk user ------------
ssh_init
trap ed_cleanup EXIT
ssh_add_user pal1
ssh_add_user stranger
P1=$(ssh_user pal1)
PS=$(ssh_user stranger)
H1=$(getent passwd "$P1" | cut -d: -f6)
JO=$(q "SELECT name FROM staff WHERE login = 'jo'")
q "UPDATE staff SET login = '$P1' WHERE login = 'jo'"
id1=$(q "SELECT id FROM staff WHERE login = '$P1'")
check "Jo has the test login" test -n "$id1" -a -n "$JO"
# A person controls EDITOR and VISUAL; here they ask for vi.
ssh_start "/usr/bin/env EDITOR=vi VISUAL=vi $BIN"
ok "sshd listens on 127.0.0.1 port $SSH_PORT"

SEEN=$T/seen.txt
: >"$SEEN"
# snap NAME: the screen now, also kept for the checks at the end
snap() { tm_screen "$1" | tee -a "$SEEN"; }
# still_nano DESC: the restricted editor is still on the screen
still_nano() {
	if tm_wait jo "GNU nano" 5 >/dev/null 2>&1 &&
	    tm_wait jo "^X Exit" 5 >/dev/null 2>&1; then ok "$1"
	else fail "$1"; snap jo | sed 's/^/  | /'; fi
	snap jo >/dev/null
}
markers() { ls "$H1" 2>/dev/null | grep -c '^marker' ; }

# ---- 3. Jo writes a note; Ctrl-E opens rnano, not vi ---------------------
ssh_tm_start jo pal1
expect_screen "Jo lands in peerdesk" jo "$JO (PAL)" 20
pd_pid=$(pgrep -u "$P1" -x peerdesk | head -1)
check "peerdesk runs with VISUAL=vi in its environment" \
	sh -c "tr '\0' '\n' </proc/$pd_pid/environ | grep -qx VISUAL=vi"
tm_keys jo l
expect_screen "Log a session opens" jo "What we did"
tm_keys jo Right Tab Tab Tab
tm_text jo "1h"
tm_keys jo Tab Right Tab
tm_keys jo C-e
expect_screen "Ctrl-E opens the restricted editor" jo "Restricted" 10
expect_screen "... which is nano" jo "GNU nano"
nano_pid=$(pgrep -u "$P1" -x nano | head -1)
check "nano runs as Jo" test -n "$nano_pid"
check "no vi runs" sh -c "! pgrep -u '$P1' -x 'vi|vim|vim.basic|vim.tiny' >/dev/null"
pdgid=$(getent group "$PDGROUP" | cut -d: -f3)
if [ -n "$nano_pid" ] && grep '^Gid:' "/proc/$nano_pid/status" |
    grep -qw "$pdgid"; then
	fail "the editor runs without the peerdesk group"
else
	ok "the editor runs without the peerdesk group"
fi
check "the editor has no VISUAL or EDITOR" sh -c \
	"! tr '\0' '\n' </proc/$nano_pid/environ | grep -q -e '^VISUAL=' -e '^EDITOR=' -e '^HOME='"
args=$(tr '\0' ' ' </proc/"$nano_pid"/cmdline)
case $args in
"rnano --restricted --ignorercfiles -- /tmp/peerdesk-edit-"*/note.txt" ")
	ok "started as rnano --restricted on its private copy" ;;
*) fail "started as rnano --restricted on its private copy ($args)" ;;
esac
tm_text jo "Walked to the park and back. "
expect_screen "what Jo types is in the editor" jo "Walked to the park"

# vi's ways out, typed as a vi user would: nano takes them as text.
for cmd in ":sh" "id > $H1/marker-vi-sh" ":!id" ":!touch $H1/marker-vi-bang" \
    ":w $H1/marker-vi-w" ":e /etc/passwd" ":r /etc/passwd"; do
	tm_keys jo Escape
	tm_text jo "$cmd"
	tm_keys jo Enter
	snap jo >/dev/null
done
still_nano "vi's :sh, :!id, :w FILE, :e and :r are only text here"

# nano's own: read a file (Ctrl-R; its prompt would also run commands)
tm_keys jo C-r
expect_screen "Ctrl-R (read a file) is refused" jo "disabled in restricted mode"
tm_text jo "/etc/passwd"
tm_keys jo Enter
still_nano "nano is still editing the note"
# write under another name (Ctrl-O, the name changed)
tm_keys jo C-o
expect_screen "Ctrl-O asks where to write" jo "File Name to Write"
tm_keys jo C-a C-k
tm_text jo "$H1/marker-write"
tm_keys jo Enter
still_nano "Ctrl-O writes only the note"
# run a command (Ctrl-T), and suspend (Ctrl-T Ctrl-Z, Ctrl-Z)
tm_wait_gone jo "disabled in restricted mode" 10 >/dev/null 2>&1
tm_keys jo C-t
expect_screen "Ctrl-T (run a command) is refused" jo "disabled in restricted mode"
tm_text jo "touch $H1/marker-exec"
tm_keys jo Enter
tm_keys jo C-t C-z
tm_keys jo C-z
tm_keys jo M-x
tm_keys jo M-x
still_nano "Ctrl-Z, Ctrl-T Ctrl-Z and M-x leave nano where it was"
check "no marker file was made (no shell, no command, no other file)" \
	test "$(markers)" = 0
check "... nor anywhere under /tmp by Jo" \
	test -z "$(find /tmp -maxdepth 2 -user "$P1" -name 'marker*' 2>/dev/null)"
tm_keys jo C-x
expect_screen "leaving nano asks to save" jo "Save modified buffer"
tm_keys jo y
expect_screen "... under the note's own name" jo "File Name to Write"
tm_keys jo Enter
expect_screen "back in peerdesk's form" jo "What we did"
snap jo >/dev/null
tm_keys jo C-s
expect_screen "the session is saved" jo "Session saved."
did=$(q "SELECT did FROM session WHERE pal_id = $id1 ORDER BY id DESC LIMIT 1")
case $did in
"Walked to the park and back."*) ok "the saved note starts with her words" ;;
*) fail "the saved note starts with her words (got: $did)" ;;
esac
case $did in
*"root:x:0:0"*) fail "no /etc/passwd text got into the note" ;;
*) ok "no /etc/passwd text got into the note" ;;
esac
if grep -q "uid=[0-9]" "$SEEN"; then
	fail "no id output ever showed"; grep "uid=" "$SEEN" | sed 's/^/  | /'
else ok "no id output ever showed"; fi
if grep -q "root:x:0:0" "$SEEN"; then fail "/etc/passwd never showed"
else ok "/etc/passwd never showed"; fi
check "the editor's private folder is gone" \
	test -z "$(find /tmp -maxdepth 1 -user "$P1" -name 'peerdesk-edit-*' 2>/dev/null)"
tm_keys jo C-q
expect_screen "Jo leaves peerdesk" jo "[exited]"
check "no marker file at the end either" test "$(markers)" = 0

# ---- 4. `ssh host peerdesk log` goes straight to the form -----------------
ssh_tm_start jolog pal1 peerdesk log
expect_screen "'peerdesk log' over SSH opens Log a session" jolog "What we did" 20
case $(tm_screen jolog) in
*"Go to (press a key)"*) fail "... not the dashboard" ;;
*) ok "... not the dashboard" ;;
esac
tm_keys jolog Escape
expect_screen "Esc leaves it, and the line ends" jolog "[exited]"
ssh_tm_start joweek pal1 peerdesk week
expect_screen "'peerdesk week' over SSH prints her week" joweek "$JO ($P1): week" 20
expect_screen "... and ends" joweek "[exited]"
ssh_tm_start josum pal1 peerdesk summary
expect_screen "any other command asked for opens the screens instead" josum \
	"$JO (PAL)" 20
tm_keys josum C-q
expect_screen "... and leaves the same way" josum "[exited]"

# ---- 5. the audit: sign-ins over SSH, from where; the refused -------------
ssh_tm_start st stranger
expect_screen "an account that is not a peerdesk user is refused" st \
	"not a peerdesk user" 20
expect_screen "... and the line ends" st "[exited]"

n_in=$(q "SELECT count(*) FROM audit WHERE action = 'sign_in'
	AND actor_login = '$P1' AND entity_id = $id1
	AND summary LIKE 'signed in over SSH from 127.0.0.1 port %'")
check "Jo's three sign-ins to the screens are audited, over SSH from 127.0.0.1 (got $n_in)" \
	test "$n_in" = 3
n_out=$(q "SELECT count(*) FROM audit WHERE action = 'sign_out'
	AND actor_login = '$P1'
	AND summary LIKE 'signed out over SSH from 127.0.0.1 port %'")
check "... and her three sign-outs (got $n_out)" test "$n_out" = 3
port=$(q "SELECT summary FROM audit WHERE action = 'sign_in' AND actor_login = '$P1'
	ORDER BY id LIMIT 1" | sed 's/.* port //')
grep -q "from 127.0.0.1 port $port" "$SSH_DIR/sshd.log" &&
	ok "the port is the one sshd logged for her connection ($port)" ||
	fail "the port is the one sshd logged for her connection ($port)"
check "the stranger's attempt is audited as refused" test \
	"$(q "SELECT count(*) FROM audit WHERE action = 'sign_in_refused'
	AND actor_login = '$PS' AND actor_id IS NULL
	AND summary LIKE 'refused over SSH from 127.0.0.1 port %not a peerdesk user%'")" = 1
expect_out "peerdesk audit shows Jo's sign-in, and from where" \
	"sign_in  staff #$id1  signed in over SSH from 127.0.0.1 port" \
	"$BIN" audit --user "$P1"
expect_out "peerdesk audit shows the refusal" "refused  staff  refused over SSH" \
	"$BIN" audit
finish
