# sshd.sh - a private sshd on 127.0.0.1 for end-to-end tests (bash).
#
# Source it after tests/e2e/lib.sh (it uses T, tm_* and ok/fail), as root:
#
#   . "$TOP/tests/support/sshd.sh"
#   ssh_init                       # temp dir, host key, free port, EXIT trap
#   ssh_add_user pal1              # Unix user pdtest_pal1_<tag> in the PAL
#   ssh_add_user pal2              #   group, with a key pair
#   ssh_add_user other nogroup     # (a user outside the group)
#   ssh_start "/path/to/program"   # sshd with ForceCommand for the group
#   ssh_tm_start s1 pal1           # `ssh -tt` as pal1 inside tmux session s1
#   expect_screen "..." s1 "text"  # (lib.sh) poll the screen
#   ssh_tm_drop s1                 # kill the ssh client: a dropped line
#
# Functions (all fail loudly, with a message, when something is wrong):
#   ssh_init                 make $SSH_DIR (0755; keys/ inside is 0700),
#                            the host key and a free port ($SSH_PORT); set
#                            the EXIT trap that undoes everything below.
#   ssh_add_user SHORT [nogroup]
#                            useradd the login $(ssh_user SHORT) with a home
#                            and /bin/sh, in group $SSH_GROUP unless
#                            "nogroup"; unlock it for key login (usermod -p
#                            '*', as UsePAM is off); make its key pair in
#                            $SSH_DIR/keys and install the public key.
#   ssh_user SHORT           print the login for SHORT (pdtest_SHORT_<tag>).
#   ssh_start FORCECMD       write the sshd_config (AllowUsers = the users
#                            added so far; Match Group $SSH_GROUP with
#                            ForceCommand FORCECMD; no forwarding of any
#                            kind; AcceptEnv LANG LC_*; UsePAM no; keys
#                            only), check it with sshd -t and start
#                            /usr/sbin/sshd -D in the background ($SSH_PID),
#                            then poll its log until it listens.
#   ssh_cmd SHORT [ARGS...]  print an ssh command line (-F our client
#                            config, the user's key, -tt) for SHORT, with
#                            ARGS as the remote command if given.
#   ssh_tm_start NAME SHORT [REMOTE-CMD...]
#                            run ssh_cmd inside a new tmux session NAME
#                            (80x24, LANG=C.UTF-8); see tm_start in lib.sh.
#   ssh_tm_drop NAME         SIGKILL the ssh client running in NAME (the
#                            server sees the line drop; the remote program
#                            gets SIGHUP) and wait until it is gone.
#   ssh_cleanup              (the EXIT trap) kill tmux, our sshd by pid and
#                            what our users still run, userdel -r each user,
#                            groupdel the group, rmdir /run/sshd if we made
#                            it and no sshd is left, remove $SSH_DIR.
#
# Variables: SSH_DIR (config, logs; sshd.log is the server log), SSH_PORT,
# SSH_GROUP, SSH_TAG (unique per run, so that tests running side by side
# on one machine never share users), SSH_PID.  The system sshd and
# /etc/ssh are never touched.

SSH_TAG=$(printf '%05d' $(($$ % 100000)))
SSH_GROUP=pdtest_pals_$SSH_TAG
SSH_DIR=
SSH_PORT=
SSH_PID=
SSH_USERS=
SSH_MADE_GROUP=0
SSH_MADE_RUNDIR=0

ssh_die() {
	echo "ssh harness: $*" >&2
	fail "ssh harness: $*"
	exit 1
}

ssh_user() { echo "pdtest_$1_$SSH_TAG"; }

ssh_cleanup() {
	local u pid pids end
	tmux -L "$TMUX_SOCK" kill-server >/dev/null 2>&1
	if [ -n "$SSH_PID" ]; then
		kill "$SSH_PID" 2>/dev/null
		wait "$SSH_PID" 2>/dev/null
		SSH_PID=
	fi
	for u in $SSH_USERS; do
		# Sessions of our own test users: end them one by one, by pid.
		end=$(($(date +%s) + 5))
		while pids=$(pgrep -u "$u") && [ -n "$pids" ]; do
			for pid in $pids; do kill -KILL "$pid" 2>/dev/null; done
			[ "$(date +%s)" -ge "$end" ] && break
			sleep 0.05
		done
		userdel -r "$u" >/dev/null 2>&1 ||
		    echo "ssh harness: could not remove user $u" >&2
	done
	SSH_USERS=
	if [ "$SSH_MADE_GROUP" = 1 ]; then
		groupdel "$SSH_GROUP" 2>/dev/null ||
		    echo "ssh harness: could not remove group $SSH_GROUP" >&2
		SSH_MADE_GROUP=0
	fi
	# Another test's sshd may still need /run/sshd.
	if [ "$SSH_MADE_RUNDIR" = 1 ] && ! pgrep -x sshd >/dev/null; then
		rmdir /run/sshd 2>/dev/null
	fi
	SSH_MADE_RUNDIR=0
	[ -n "$SSH_DIR" ] && [ -z "${PEERDESK_KEEP_TMP:-}" ] && rm -rf "$SSH_DIR"
}

ssh_init() {
	local p
	[ "$(id -u)" -eq 0 ] || ssh_die "must run as root (it adds Unix users)"
	for p in /usr/sbin/sshd ssh ssh-keygen useradd userdel groupadd \
	    groupdel usermod pgrep python3 tmux; do
		command -v "$p" >/dev/null 2>&1 ||
		    ssh_die "$p is missing (sh tools/deps.sh test installs it)"
	done
	trap 'ssh_cleanup; e2e_cleanup' EXIT
	trap 'exit 130' INT TERM HUP
	# Users must be able to reach the programs under here, so 0755
	# (mktemp makes 0700); private keys live in keys/ (0700).
	SSH_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pdtest-ssh.XXXXXX") &&
	    chmod 0755 "$SSH_DIR" && mkdir -m 0700 "$SSH_DIR/keys" ||
	    ssh_die "cannot make a temp dir"
	if [ ! -d /run/sshd ]; then
		mkdir -m 0755 /run/sshd || ssh_die "cannot make /run/sshd"
		SSH_MADE_RUNDIR=1
	fi
	ssh-keygen -q -t ed25519 -N '' -C pdtest-host \
	    -f "$SSH_DIR/keys/host_ed25519" || ssh_die "host key"
	getent group "$SSH_GROUP" >/dev/null && ssh_die "group $SSH_GROUP exists"
	groupadd "$SSH_GROUP" || ssh_die "groupadd $SSH_GROUP failed"
	SSH_MADE_GROUP=1
	ssh_pick_port
}

# A port that is free now (the kernel picks it); ssh_start retries with
# another if something takes it first.
ssh_pick_port() {
	SSH_PORT=$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])') || ssh_die "no free port"
}

ssh_add_user() {
	local short=$1 mode=${2:-}
	local u key home
	u=$(ssh_user "$short")
	key=$SSH_DIR/keys/$short
	getent passwd "$u" >/dev/null && ssh_die "user $u exists already"
	if [ "$mode" = nogroup ]; then
		useradd -m -s /bin/sh -c "peerdesk test" "$u"
	else
		useradd -m -s /bin/sh -c "peerdesk test" -G "$SSH_GROUP" "$u"
	fi || ssh_die "useradd $u failed"
	SSH_USERS="$SSH_USERS $u"
	# useradd locks the password ("!"); with UsePAM no, sshd then
	# refuses even keys.  "*" means: no password, but not locked.
	usermod -p '*' "$u" || ssh_die "usermod -p $u failed"
	ssh-keygen -q -t ed25519 -N '' -C "$u" -f "$key" || ssh_die "key for $u"
	home=$(getent passwd "$u" | cut -d: -f6)
	install -d -m 0700 -o "$u" -g "$(id -gn "$u")" "$home/.ssh" &&
	    install -m 0600 -o "$u" -g "$(id -gn "$u")" "$key.pub" \
		"$home/.ssh/authorized_keys" || ssh_die "authorized_keys for $u"
}

ssh_write_config() {	# forcecmd
	cat >"$SSH_DIR/sshd_config" <<EOF
# A private sshd for peerdesk tests; nothing here touches /etc/ssh.
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $SSH_DIR/keys/host_ed25519
PidFile none
LogLevel VERBOSE
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AuthenticationMethods publickey
PermitRootLogin no
PermitEmptyPasswords no
PermitUserEnvironment no
StrictModes yes
AllowUsers$SSH_USERS
AcceptEnv LANG LC_*
DisableForwarding yes
AllowTcpForwarding no
AllowAgentForwarding no
AllowStreamLocalForwarding no
X11Forwarding no
PermitTunnel no
PermitTTY yes
PrintMotd no
PrintLastLog no
Banner none
MaxAuthTries 3
LoginGraceTime 20
ClientAliveInterval 5
ClientAliveCountMax 3

Match Group $SSH_GROUP
	ForceCommand $1
EOF
	cat >"$SSH_DIR/ssh_config" <<EOF
# Client side: only our key, only our known_hosts, never a prompt.
Host pdtest
	HostName 127.0.0.1
	Port $SSH_PORT
	HostKeyAlias pdtest-$SSH_TAG
	UserKnownHostsFile $SSH_DIR/known_hosts
	GlobalKnownHostsFile /dev/null
	StrictHostKeyChecking yes
	UpdateHostKeys no
	IdentitiesOnly yes
	PubkeyAuthentication yes
	PasswordAuthentication no
	KbdInteractiveAuthentication no
	BatchMode yes
	SendEnv LANG LC_*
	ForwardAgent no
	ForwardX11 no
	ControlMaster no
	ControlPath none
	ConnectTimeout 10
	ServerAliveInterval 5
	LogLevel ERROR
EOF
	echo "pdtest-$SSH_TAG $(cut -d' ' -f1,2 "$SSH_DIR/keys/host_ed25519.pub")" \
	    >"$SSH_DIR/known_hosts"
}

ssh_start() {
	local force=$1 try end
	[ -n "$SSH_USERS" ] || ssh_die "ssh_add_user before ssh_start"
	for try in 1 2 3; do
		ssh_write_config "$force"
		/usr/sbin/sshd -t -f "$SSH_DIR/sshd_config" 2>"$SSH_DIR/sshd-t.log" || {
			cat "$SSH_DIR/sshd-t.log" >&2
			ssh_die "sshd -t rejects the config"
		}
		: >"$SSH_DIR/sshd.log"
		/usr/sbin/sshd -D -f "$SSH_DIR/sshd_config" -E "$SSH_DIR/sshd.log" &
		SSH_PID=$!
		end=$(($(date +%s) + 10))
		while :; do
			grep -q "Server listening on 127.0.0.1 port $SSH_PORT" \
			    "$SSH_DIR/sshd.log" && return 0
			if ! kill -0 "$SSH_PID" 2>/dev/null; then
				wait "$SSH_PID" 2>/dev/null
				SSH_PID=
				break	# e.g. the port was taken: another
			fi
			[ "$(date +%s)" -ge "$end" ] && break
			sleep 0.05
		done
		[ -n "$SSH_PID" ] && { kill "$SSH_PID"; wait "$SSH_PID"; SSH_PID=; }
		sed 's/^/  sshd: /' "$SSH_DIR/sshd.log" >&2
		ssh_pick_port
	done
	ssh_die "sshd did not start"
}

ssh_cmd() {
	local short=$1
	shift
	printf '%s' "ssh -F $SSH_DIR/ssh_config -i $SSH_DIR/keys/$short -tt" \
	    " -l $(ssh_user "$short") pdtest"
	[ $# -gt 0 ] && printf ' %s' "$@"
	echo
}

ssh_tm_start() {
	local name=$1 short=$2
	shift 2
	tm_start "$name" 80 24 "LANG=C.UTF-8 $(ssh_cmd "$short" "$@")"
}

ssh_tm_drop() {
	local name=$1 shell pid end
	shell=$(tm display-message -p -t "$name" '#{pane_pid}')
	pid=$(pgrep -P "$shell" -x ssh) || {
		echo "ssh harness: no ssh client in $name" >&2
		return 1
	}
	kill -KILL "$pid"
	end=$(($(date +%s) + 5))
	while kill -0 "$pid" 2>/dev/null; do
		[ "$(date +%s)" -ge "$end" ] && return 1
		sleep 0.05
	done
}
