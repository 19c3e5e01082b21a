# install.sh - sourced by end-to-end tests (after lib.sh): install the
# tested build setgid into a temp PREFIX, as docs/admin.md does.
#
#   inst_setup TAG   make $R (temp root, 0755), build a copy of the tested
#                    program whose system settings live in $R/etc, `make
#                    install` it setgid to a throwaway group pdtest_pd_TAG,
#                    and write $R/etc/peerdesk/config.yaml pointing at
#                    $DB in the data folder $STATE.  Sets BIN, DB, STATE,
#                    PDGROUP, R.  Dies (fails the test) when any step fails.
#   inst_user NAME   a throwaway Unix user with a home $R/home/LOGIN (0700,
#                    theirs); its login goes in $INST_LOGIN (not a
#                    subshell: the user is remembered for removal).
#   as_user LOGIN CMD...  run CMD as that user, in their home, umask 022.
#   inst_cleanup     remove the users, the group and $R (call from the
#                    test's EXIT trap).
PDGROUP=
R=
inst_made_group=0
inst_users=

inst_cleanup() {
	for u in $inst_users; do
		userdel "$u" 2>/dev/null || echo "could not remove user $u" >&2
	done
	inst_users=
	if [ "$inst_made_group" = 1 ]; then
		groupdel "$PDGROUP" 2>/dev/null ||
		    echo "could not remove group $PDGROUP" >&2
		inst_made_group=0
	fi
	[ -n "$R" ] && [ -z "${PEERDESK_KEEP_TMP:-}" ] && rm -rf "$R"
}

inst_die() { fail "$*"; exit 1; }

inst_setup() {
	[ "$(id -u)" -eq 0 ] || inst_die "this test must run as root (users, setgid)"
	for p in runuser useradd userdel groupdel getent stat sqlite3 make tar; do
		command -v "$p" >/dev/null 2>&1 || inst_die "$p is missing"
	done
	PDGROUP=pdtest_pd_$1
	getent group "$PDGROUP" >/dev/null && inst_die "group $PDGROUP exists already"
	R=$(mktemp -d "${TMPDIR:-/tmp}/pdtest-inst.XXXXXX") || inst_die "mktemp"
	chmod 0755 "$R"
	# A build whose system settings live under $R (a setgid peerdesk
	# reads no other settings file): the tested build copied, with the
	# objects that include config/settings.h made again.
	inst_build=$T/build
	mkdir -p "$inst_build"
	(cd "$(dirname "$PD")" && tar --exclude=./san --exclude=./fuzz -cf - .) |
		(cd "$inst_build" && tar -xpf -) || inst_die "cannot copy the build"
	for d in $(grep -rl 'peerdesk/config/settings\.h' "$inst_build" --include='*.d'); do
		rm -f "${d%.d}.o" "${d%.d}"
	done
	rm -f "$inst_build/libpeerdesk.a" "$inst_build/peerdesk"
	STATE=$R/var/lib/peerdesk
	BIN=$R/usr/bin/peerdesk
	DB=$STATE/peerdesk.db
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$TOP" \
		O="$inst_build" SYSCONFDIR="$R/etc" >"$T/build.log" 2>&1 ||
		{ sed 's/^/  /' "$T/build.log"; inst_die "build with SYSCONFDIR"; }
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$TOP" \
		O="$inst_build" SYSCONFDIR="$R/etc" PREFIX="$R/usr" \
		STATEDIR="$STATE" PEERDESK_GROUP="$PDGROUP" install \
		>"$T/install.out" 2>&1
	inst_rc=$?
	getent group "$PDGROUP" >/dev/null && inst_made_group=1
	[ "$inst_rc" -eq 0 ] && [ "$inst_made_group" = 1 ] ||
		{ sed 's/^/  /' "$T/install.out"; inst_die "make install"; }
	[ "$(stat -c '%a %G' "$BIN")" = "2755 $PDGROUP" ] ||
		inst_die "the installed program is not setgid $PDGROUP"
	mkdir -p "$R/etc/peerdesk" "$R/home"
	chmod 0755 "$R/home"
	cat >"$R/etc/peerdesk/config.yaml" <<EOF2
organisation: Install Test Org
database: $DB
EOF2
	chmod 0644 "$R/etc/peerdesk/config.yaml"
}

inst_user() {
	u=pdt_$1_$(printf '%05d' $(($$ % 100000)))
	getent passwd "$u" >/dev/null && inst_die "user $u exists already"
	useradd -M -d "$R/home/$u" -s /bin/sh "$u" || inst_die "useradd $u"
	inst_users="$inst_users $u"
	install -d -m 0700 -o "$u" -g "$(id -gn "$u")" "$R/home/$u"
	INST_LOGIN=$u
}

as_user() {
	u=$1; shift
	(cd "$R/home/$u" && runuser -u "$u" -- env -u PEERDESK_CONFIG \
	    -u PEERDESK_TODAY HOME="$R/home/$u" XDG_CONFIG_HOME= \
	    TMPDIR="$R/home/$u" sh -c 'umask 022; exec "$@"' sh "$@")
}
