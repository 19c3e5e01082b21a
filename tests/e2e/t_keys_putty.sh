#!/bin/bash
# Tier 4: keys from any terminal (issue 16).  PuTTY with its usual
# settings says TERM=xterm but sends Home as ESC [ 1 ~ and End as
# ESC [ 4 ~, which the xterm terminal database does not know.  On the
# shared office account's dashboard those keys must not sign anyone out
# (Esc does that there) nor type "[4~" anywhere; on a list they move to
# the first and last row; in a filter they move the cursor.  A sequence
# no key stands for is dropped whole.  C-z in a shell pauses peerdesk
# and `fg` brings its screen back; with no shell to go back to, C-z says
# so and peerdesk carries on.  Needs root (useradd, runuser).
. "$(dirname "$0")/lib.sh"

TAG=$(printf '%05d' $(($$ % 100000)))
OFFICE=pdtest_putty_$TAG
made_user=0

putty_cleanup() {
	tm kill-server >/dev/null 2>&1
	[ "$made_user" = 1 ] && { userdel -f "$OFFICE" 2>/dev/null ||
	    echo "could not remove user $OFFICE" >&2; }
	e2e_cleanup
}
trap putty_cleanup EXIT
trap 'exit 130' INT TERM HUP

die() { fail "$*"; finish; }
[ "$(id -u)" -eq 0 ] || die "t_keys_putty.sh must run as root (it adds a Unix user)"
for p in runuser useradd userdel getent sqlite3 bash; do
	command -v "$p" >/dev/null 2>&1 || die "$p is missing"
done
getent passwd "$OFFICE" >/dev/null && die "user $OFFICE exists already"
useradd -M -N -s /bin/sh -c "peerdesk PuTTY keys test" "$OFFICE" ||
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
idle_lock_minutes: 30
EOF
chmod 644 "$CONF"
count() { sqlite3 "$DB" "$1"; }
printf 'tea and toast\n' | "$PD" --db "$DB" user passwd sam >/dev/null ||
    die "the passphrase was not set"

# putty NAME BYTES: the bytes PuTTY sends, as they are (tmux passes a
# literal string through to the program unchanged).
putty() { tm send-keys -t "$1" -l "$2"; }
# no_junk DESCRIPTION NAME: nothing of an escape sequence shows.
no_junk() {
	case $(tm_screen "$2") in
	*'[4~'* | *'[1~'* | *'[99'* | *'[11~'* | *'[3~'* | *'[5~'* | *'[6~'* | *'does nothing'*)
		fail "$1"; tm_screen "$2" | sed 's/^/  | /' ;;
	*) ok "$1" ;;
	esac
}

tm new-session -d -s office -x 80 -y 24 \
    "env TERM=xterm runuser -u $OFFICE -- '$PD' --db '$DB' --config '$CONF'; echo '[exited]'; sleep 3600"
expect_screen "the shared account asks who you are (TERM=xterm)" office "Who are you?"
# End and Home in the sign-in list: no letters typed into its filter
putty office $'\e[4~'
putty office $'\e[1~'
tm_text office sam
expect_screen "typing finds Sam" office "Sam Carter"
no_junk "Home and End typed nothing into the sign-in filter" office
tm_keys office Enter
expect_screen "the passphrase is asked" office "Hello, Sam Carter."
tm_text office "tea and toast"
tm_keys office Enter
expect_screen "Sam's dashboard" office "Sam Carter (office)"

# The tester's keys on the dashboard, then F1 (ESC [ 11 ~) as a marker:
# when the help shows, every key before it has been read.
putty office $'\e[4~'		# End
putty office $'\e[1~'		# Home
putty office $'\e[99~'		# no key at all
putty office $'\e[1;5H'		# Ctrl-Home (xterm)
putty office $'\e[6~'		# PgDn
putty office $'\e[11~'		# F1
expect_screen "F1 as PuTTY sends it opens the help" office "Keys on this screen"
case $(tm_screen office) in
*"Who are you?"*) fail "End and Home did not sign Sam out" ;;
*) ok "End and Home did not sign Sam out" ;;
esac
no_junk "and nothing of them shows" office
check "nobody was signed out" test "$(count "SELECT count(*) FROM audit WHERE action = 'sign_out'")" = 0
tm_keys office Escape
# (the help's own title names Sam too: wait for the help to go)
check "a lone Esc closes the help at once" tm_wait_gone office "Keys on this screen" 3
expect_screen "the help is closed: Sam's dashboard" office "Sam Carter (office)"

# A list: End goes to the last row, Home back to the first, and Home
# does not leave the list for the dashboard.
tm_keys office c
expect_screen "the clients list" office "newest referral first"
pos() { tm_screen office | grep -o '[0-9][0-9]* of [0-9][0-9]*' | tail -1; }
first=$(pos)
n=${first##* of }
check "it starts at the first of $n clients" test "$first" = "1 of $n"
check "there are a few" test "$n" -gt 2
putty office $'\e[4~'
expect_screen "End (ESC [ 4 ~) goes to the last client" office "$n of $n"
putty office $'\e[1~'
expect_screen "Home (ESC [ 1 ~) goes back to the first" office "1 of $n"
check "and stays on the clients list" tm_wait office "newest referral first" 2
putty office $'\eOF'		# End in application cursor mode
expect_screen "End (ESC O F) works too" office "$n of $n"
putty office $'\e[H'		# Home, xterm's own
expect_screen "Home (ESC [ H) works too" office "1 of $n"
putty office $'\e[6~'		# PgDn
check "PgDn (ESC [ 6 ~) moves a page" tm_wait_gone office "1 of $n" 5
putty office $'\e[5~'		# PgUp
expect_screen "PgUp (ESC [ 5 ~) moves back" office "1 of $n"

# In the filter: letters type, Home/End/Delete move and delete.
tm_keys office /
tm_text office ab
putty office $'\e[1~'		# Home: to the start
putty office $'\e[3~'		# Delete: the a goes
putty office $'\e[4~'		# End
tm_text office c
expect_screen "Home, Delete and End edit the filter" office "Filter: bc"
no_junk "no sequence was typed into the filter" office
tm_keys office Escape
tm_keys office Escape
expect_screen "Esc leaves the list" office "Sam Carter (office)"

# C-z with no shell to go back to (the account's session is peerdesk
# alone): it says so and carries on.
tm_keys office C-z
expect_screen "C-z without a shell says it cannot pause" office "cannot pause here"
tm_keys office c
expect_screen "and peerdesk carries on" office "newest referral first"
tm_keys office C-q
expect_screen "C-q leaves" office "[exited]"

# C-z in a shell: the shell comes back; fg brings peerdesk's screen back.
DB2=$T/own.db
"$PD" --db "$DB2" demo >/dev/null || die "the second demo was not made"
# The "editor" stops as C-z in an editor would (the whole foreground
# job), then writes a line once it carries on.
printf '#!/bin/sh\nkill -TSTP 0\necho "written after fg" >> "$1"\n' > "$T/ed.sh"
chmod 755 "$T/ed.sh"
tm new-session -d -s shell -x 80 -y 24 \
    "env TERM=xterm VISUAL='$T/ed.sh' PS1='pd\$ ' bash --norc --noprofile -i"
expect_screen "a shell" shell 'pd$'
tm_text shell "'$PD' --db '$DB2'"
tm_keys shell Enter
expect_screen "peerdesk starts from the shell" shell "Go to (press a key)"
tm_keys shell C-z
expect_screen "C-z gives the shell back" shell "Stopped"
check "and peerdesk's screen has gone" tm_wait_gone shell "Go to (press a key)" 5
tm_text shell "jobs -p > '$T/job'; echo job-noted"
tm_keys shell Enter
expect_screen "the shell knows the job" shell "job-noted"
pid=$(cat "$T/job" 2>/dev/null)
state=$(ps -o stat= -p "${pid:-0}" 2>/dev/null | tr -d ' ')
case $state in
T*) ok "peerdesk is stopped, not ended" ;;
*) fail "peerdesk is stopped, not ended (pid ${pid:-none}, state ${state:-gone})" ;;
esac
tm_text shell "fg"
tm_keys shell Enter
expect_screen "fg draws peerdesk's screen again" shell "Go to (press a key)"
tm_keys shell c
expect_screen "and it answers keys" shell "newest referral first"
tm_keys shell Escape
expect_screen "back to the dashboard" shell "Go to (press a key)"

# C-z inside the editor: peerdesk stops with it, fg carries both on.
tm_keys shell o
expect_screen "PALs' own plans" shell "Wellness and Development Plans"
tm_keys shell Enter
expect_screen "one PAL's plan" shell "e Edit"
tm_keys shell e
expect_screen "editing it" shell "My aspirations"
tm_text shell "Hello"
tm_keys shell C-e
check "the editor stopping gives the shell back" tm_wait_gone shell "My aspirations" 5
tm_text shell "jobs -l > '$T/jobs2'; echo second-stop"
tm_keys shell Enter
expect_screen "the shell answers" shell "second-stop"
check "peerdesk and the editor are stopped together" grep -q Stopped "$T/jobs2"
tm_text shell "fg"
tm_keys shell Enter
expect_screen "fg: the editor finishes and the form comes back" shell "written after fg"
expect_screen "with what was typed before" shell "Hello"
tm_keys shell C-s
tm_keys shell Escape
tm_keys shell Escape
expect_screen "and peerdesk goes on" shell "Go to (press a key)"
tm_keys shell C-q
check "C-q leaves" tm_wait_gone shell "newest referral first" 5
tm_text shell 'echo "exit status $?"'
tm_keys shell Enter
expect_screen "normally" shell "exit status 0"

finish
