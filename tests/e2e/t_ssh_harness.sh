#!/bin/bash
# Tier 4: the real-SSH harness itself (tests/support/sshd.sh).
#
# A private sshd on 127.0.0.1 with two PAL accounts and one outsider.  The
# PAL group gets a ForceCommand; here a tiny stand-in (peerdesk takes its
# place in the PAL tests) that says who it runs as, what was asked for and
# the locale, then waits for a line.  Proves: the forced command runs,
# asking for a shell still gets the forced command, LANG arrives, no shell
# prompt ever shows, the two PALs are different people, an outsider and
# root cannot log in, nothing can be forwarded, and a dropped line
# reaches the remote program (as SIGHUP or the end of its input).
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/support/sshd.sh"

ssh_init
ssh_add_user pal1
ssh_add_user pal2
ssh_add_user outsider nogroup
P1=$(ssh_user pal1)
P2=$(ssh_user pal2)

cat >"$SSH_DIR/forced.sh" <<'EOF'
#!/bin/sh
trap 'echo hangup > "$HOME/hup"; exit 129' HUP
echo "FORCED user=$(id -un) cmd=[${SSH_ORIGINAL_COMMAND:-}] lang=${LANG:-unset} tty=$(tty)"
printf 'type a line: '
# A dropped line shows as SIGHUP or as the end of input, whichever
# comes first; either way the program must notice (and, for peerdesk,
# keep what was typed).
if read -r line; then echo "GOT [$line]"; else echo "end of input" > "$HOME/hup"; fi
EOF
chmod 0755 "$SSH_DIR/forced.sh"
ssh_start "$SSH_DIR/forced.sh"
ok "sshd listens on 127.0.0.1 port $SSH_PORT"

# 1. A plain login lands in the forced command, with a terminal and LANG.
ssh_tm_start s1 pal1
expect_screen "pal1 lands in the forced command" s1 "FORCED user=$P1 cmd=[]"
expect_screen "LANG arrives through SendEnv/AcceptEnv" s1 "lang=C.UTF-8"
expect_screen "the session has a terminal" s1 "tty=/dev/pts/"
tm_text s1 'echo SHELL_RAN_$((6*7))'
tm_keys s1 Enter
expect_screen "the typed line goes to the forced command" s1 'GOT [echo SHELL_RAN_$((6*7))]'
expect_screen "the session ends with the forced command" s1 "[exited]"
case $(tm_screen s1) in
*SHELL_RAN_42*) fail "no shell ran the typed line" ;;
*) ok "no shell ran the typed line" ;;
esac
if tm_screen s1 | grep -qE '^[^ ]*[$#] *$'; then
	fail "no shell prompt appeared"; tm_screen s1 | sed 's/^/  | /'
else
	ok "no shell prompt appeared"
fi

# 2. Asking for a shell still gets the forced command.
ssh_tm_start s2 pal2 /bin/sh
expect_screen "pal2 asking for /bin/sh gets the forced command" s2 \
	"FORCED user=$P2 cmd=[/bin/sh]"
tm_text s2 'id'
tm_keys s2 Enter
expect_screen "the requested shell never runs" s2 "GOT [id]"
case $(tm_screen s2) in
*"uid="*) fail "id did not run in a shell" ;;
*) ok "id did not run in a shell" ;;
esac
check "the two PALs are different Unix users" test "$P1" != "$P2" -a \
	"$(id -u "$P1")" != "$(id -u "$P2")"

# 3. Without a terminal too: the command asked for is only reported.
out=$(printf 'hello\n' | $(ssh_cmd pal1 | sed 's/ -tt / -T /') 'cat /etc/passwd' 2>&1)
case $out in
*"FORCED user=$P1 cmd=[cat /etc/passwd]"*"GOT [hello]"*)
	ok "a non-interactive command gets the forced command" ;;
*) fail "a non-interactive command gets the forced command"; echo "  got: $out" ;;
esac
case $out in
*"root:x:0:0"*) fail "the asked-for command did not run" ;;
*) ok "the asked-for command did not run" ;;
esac

# 4. Only the listed users get in.
ssh_add_key_check() {	# desc short login
	if ssh -F "$SSH_DIR/ssh_config" -i "$SSH_DIR/keys/$2" -T -l "$3" pdtest \
	    true </dev/null >"$T/deny.out" 2>&1; then
		fail "$1"
	else
		grep -q "Permission denied" "$T/deny.out" && ok "$1" ||
		    { fail "$1"; sed 's/^/  /' "$T/deny.out"; }
	fi
}
ssh_add_key_check "root cannot log in" pal1 root
ssh_add_key_check "a PAL cannot log in with another PAL's key" pal1 "$P2"
O=$(ssh_user outsider)
out=$(ssh -F "$SSH_DIR/ssh_config" -i "$SSH_DIR/keys/outsider" -T -l "$O" pdtest \
	'echo OUTSIDER_SHELL' </dev/null 2>&1)
# The outsider is in AllowUsers but not in the group: it gets a plain
# shell, which shows the Match Group is what forces the command.
case $out in
*OUTSIDER_SHELL*) ok "ForceCommand applies to the group only (outsider gets a shell)" ;;
*) fail "ForceCommand applies to the group only"; echo "  got: $out" ;;
esac

# 5. No forwarding of any kind.
out=$(ssh -F "$SSH_DIR/ssh_config" -i "$SSH_DIR/keys/pal1" -l "$P1" \
	-W "127.0.0.1:$SSH_PORT" pdtest </dev/null 2>&1)
case $out in
*"stdio forwarding failed"*|*"administratively prohibited"*) ok "stdio forwarding (-W) is refused" ;;
*) fail "stdio forwarding (-W) is refused"; echo "  got: $out" ;;
esac
grep -q "^DisableForwarding yes" "$SSH_DIR/sshd_config" &&
	/usr/sbin/sshd -T -f "$SSH_DIR/sshd_config" -C "user=$P1,host=localhost,addr=127.0.0.1" \
	    2>/dev/null | grep -qx "allowtcpforwarding no" &&
	ok "the effective config for a PAL has no TCP forwarding" ||
	fail "the effective config for a PAL has no TCP forwarding"

# 6. A dropped line: the remote program gets SIGHUP.
ssh_tm_start s3 pal1
expect_screen "pal1 logs in again" s3 "type a line:"
tm_text s3 "half a no"
ssh_tm_drop s3 && ok "the ssh client was killed mid-line" ||
	fail "the ssh client was killed mid-line"
home1=$(getent passwd "$P1" | cut -d: -f6)
end=$(($(date +%s) + 10))
while [ ! -s "$home1/hup" ] && [ "$(date +%s)" -lt "$end" ]; do sleep 0.05; done
check "the remote program learnt of the drop (SIGHUP or end of input)" test -s "$home1/hup"

# 7. The sshd_config block in docs/admin.md is what sshd accepts, and
# gives a PAL what we promise (and nothing to others).
docs_cfg=$SSH_DIR/sshd_config.docs
sed -n '/^Match Group/q;p' "$SSH_DIR/sshd_config" >"$docs_cfg"
sed -n '/<!-- sshd-block/,/<!-- end sshd-block/p' "$TOP/docs/admin.md" |
	grep -v '^<!--' | sed 's/^    //' |
	sed "s|^Match Group pals\$|Match Group $SSH_GROUP|" >>"$docs_cfg"
check "docs/admin.md has the sshd_config block" grep -q "^Match Group $SSH_GROUP" "$docs_cfg"
eff() { /usr/sbin/sshd -T -f "$docs_cfg" -C "user=$1,host=localhost,addr=127.0.0.1" 2>&1; }
if /usr/sbin/sshd -t -f "$docs_cfg" 2>"$T/sshd-t.out"; then
	ok "sshd -t accepts the documented block"
else
	fail "sshd -t accepts the documented block"; sed 's/^/  /' "$T/sshd-t.out"
fi
pal_eff=$(eff "$P1")
for want in "forcecommand /usr/local/bin/peerdesk" "allowtcpforwarding no" \
    "allowstreamlocalforwarding no" "allowagentforwarding no" \
    "x11forwarding no" "permittunnel no" "permittty yes" "acceptenv LANG" \
    "acceptenv LC_*"; do
	if printf '%s\n' "$pal_eff" | grep -qxF "$want"; then
		ok "documented block, for a PAL: $want"
	else
		fail "documented block, for a PAL: $want"
	fi
done
eff "$O" | grep -qx 'forcecommand none' &&
	ok "the documented block leaves others alone" ||
	fail "the documented block leaves others alone"
printf '    SetEnv LANG=C.UTF-8\n' >>"$docs_cfg"
eff "$P1" | grep -qx "setenv LANG=C.UTF-8" &&
	ok "SetEnv LANG=C.UTF-8 in the block is accepted (docs/admin.md)" ||
	fail "SetEnv LANG=C.UTF-8 in the block is accepted (docs/admin.md)"

grep -q "Accepted publickey for $P1" "$SSH_DIR/sshd.log" &&
	ok "the server log shows the key login" ||
	fail "the server log shows the key login"
finish
