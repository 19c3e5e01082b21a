#!/bin/bash
# Tier 4: `make install`, staged (DESTDIR) and real (as root, into a temp
# PREFIX), and what the setgid install is for: a person outside the group
# cannot open the database with sqlite3, while peerdesk, setgid to the
# group, can; and a setgid peerdesk ignores --db, --config and
# PEERDESK_CONFIG (only the system settings count).
#
# Everything lives under temp folders; the group and the user made here
# are unique to this run (pdtest_*) and removed at the end, also on
# failure.  Needs root.
. "$(dirname "$0")/lib.sh"

TAG=$(printf '%05d' $(($$ % 100000)))
GROUP=pdtest_pd_$TAG
PERSON=pdtest_inst_$TAG
R=
made_group=0
made_user=0

inst_cleanup() {
	[ "$made_user" = 1 ] && { userdel "$PERSON" 2>/dev/null ||
	    echo "could not remove user $PERSON" >&2; }
	[ "$made_group" = 1 ] && { groupdel "$GROUP" 2>/dev/null ||
	    echo "could not remove group $GROUP" >&2; }
	[ -n "$R" ] && [ -z "${PEERDESK_KEEP_TMP:-}" ] && rm -rf "$R"
	e2e_cleanup
}
trap inst_cleanup EXIT
trap 'exit 130' INT TERM HUP

die() { fail "$*"; exit 1; }
[ "$(id -u)" -eq 0 ] || die "t_install.sh must run as root (it installs setgid)"
for p in runuser useradd userdel groupdel getent stat sqlite3; do
	command -v "$p" >/dev/null 2>&1 || die "$p is missing"
done
getent group "$GROUP" >/dev/null && die "group $GROUP exists already"
getent passwd "$PERSON" >/dev/null && die "user $PERSON exists already"

# mode FILE -> "2755 root:GROUP" style
mode() { stat -c '%a %U:%G' "$1" 2>/dev/null; }
# expect_mode DESC FILE WANT
expect_mode() {
	got=$(mode "$2")
	if [ "$got" = "$3" ]; then ok "$1"
	else fail "$1 (got '$got', wanted '$3')"; fi
}

# A build of our own whose system settings file is under the temp root:
# a copy of the tested build, with every object that includes
# config/settings.h compiled again with SYSCONFDIR.  (A setgid peerdesk
# reads no other settings file, so this is the only way to point it at a
# test database.)
BUILD_SRC=$(dirname "$PD")
BUILD=$T/build
R=$(mktemp -d "${TMPDIR:-/tmp}/pdtest-install.XXXXXX") || die "mktemp"
chmod 0755 "$R"	# the person must be able to reach $R/usr/bin/peerdesk
mkdir -p "$BUILD"
(cd "$BUILD_SRC" && tar --exclude=./san --exclude=./fuzz -cf - .) |
	(cd "$BUILD" && tar -xpf -) || die "cannot copy the build"
for d in $(grep -rl 'peerdesk/config/settings\.h' "$BUILD" --include='*.d'); do
	rm -f "${d%.d}.o" "${d%.d}"
done
# (the Makefile has .SECONDARY: a missing object alone rebuilds nothing)
rm -f "$BUILD/libpeerdesk.a" "$BUILD/peerdesk"
# Each make here gets the paths it needs; nothing else from the caller.
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$TOP" O="$BUILD" \
	SYSCONFDIR="$R/etc" "$@"; }
mk >"$T/build.log" 2>&1 || { sed 's/^/  /' "$T/build.log"; die "build with SYSCONFDIR"; }
grep -qaF "$R/etc/peerdesk/config.yaml" "$BUILD/peerdesk" &&
	ok "the test build reads its settings from $R/etc" ||
	fail "the test build reads its settings from $R/etc"

# ---- 1. staged: DESTDIR, as a packager would -----------------------------
S=$T/stage
mk DESTDIR="$S" PREFIX=/usr SYSCONFDIR=/etc STATEDIR=/var/lib/peerdesk \
	PEERDESK_GROUP="$GROUP" install >"$T/stage.out" 2>&1
rc=$?
check "make install DESTDIR=... succeeds" test "$rc" -eq 0
expect_mode "staged: the program, not setgid until the group exists" \
	"$S/usr/bin/peerdesk" "755 root:root"
expect_mode "staged: the data folder is 2770" "$S/var/lib/peerdesk" "2770 root:root"
expect_mode "staged: the settings folder" "$S/etc/peerdesk" "755 root:root"
expect_mode "staged: admin.md" "$S/usr/share/doc/peerdesk/admin.md" "644 root:root"
expect_mode "staged: the settings example" \
	"$S/usr/share/doc/peerdesk/config.yaml.example" "644 root:root"
if [ -f "$TOP/docs/peerdesk.1" ]; then
	expect_mode "staged: the man page" "$S/usr/share/man/man1/peerdesk.1" "644 root:root"
fi
check "staged: no settings file is installed (the admin writes it)" \
	test ! -e "$S/etc/peerdesk/config.yaml"
check "staged: no group was made" test -z "$(getent group "$GROUP")"
expect_out "staged: the packager is told to make the group" \
	"groupadd --system $GROUP" cat "$T/stage.out"
expect_out "staged: ... and to make the program setgid" \
	"chmod 2755 /usr/bin/peerdesk" cat "$T/stage.out"

# ---- 2. a real install into a temp PREFIX --------------------------------
STATE=$R/var/lib/peerdesk
BIN=$R/usr/bin/peerdesk
DB=$STATE/peerdesk.db
mk PREFIX="$R/usr" STATEDIR="$STATE" PEERDESK_GROUP="$GROUP" install \
	>"$T/install.out" 2>&1
rc=$?
getent group "$GROUP" >/dev/null && made_group=1
check "make install (root) succeeds" test "$rc" -eq 0
check "install made the group" test "$made_group" = 1
gid=$(getent group "$GROUP" | cut -d: -f3)
check "... a system group" test -n "$gid" -a "${gid:-1000}" -lt 1000
expect_mode "the program is setgid $GROUP, 2755" "$BIN" "2755 root:$GROUP"
expect_mode "the data folder is 2770 $GROUP" "$STATE" "2770 root:$GROUP"

useradd -M -s /bin/sh -c "peerdesk install test" "$PERSON" || die "useradd"
made_user=1
check "the person is not in the group" \
	sh -c "! id -nG '$PERSON' | tr ' ' '\n' | grep -qx '$GROUP'"

# The system settings: the only ones a setgid peerdesk reads.
mkdir -p "$R/etc/peerdesk"
cat >"$R/etc/peerdesk/config.yaml" <<EOF
organisation: Install Test Org
database: $DB
EOF
chmod 0644 "$R/etc/peerdesk/config.yaml"

as_person() { runuser -u "$PERSON" -- env -u PEERDESK_CONFIG "$@"; }

# The program itself must have what it needs to go on.
if ! "$BIN" --help 2>/dev/null | grep -q "summary"; then
	die "peerdesk has no 'init'/'summary' commands yet; this test needs them"
fi
expect_out "root sets up the database with the installed program" \
	"The database is ready: $DB" sh -c "umask 077; exec '$BIN' --db '$T/elsewhere.db' init"
check "--db was ignored by the setgid program" test ! -e "$T/elsewhere.db"
check "the database is in the data folder" test -f "$DB"
# init itself gives the database to the group, whatever root's umask.
expect_mode "init leaves the database 0660 $GROUP, no chmod needed" "$DB" \
	"660 root:$GROUP"
expect_rc "the manager adds the person" 0 \
	"$BIN" user add "$PERSON" "Install Person" office

# ---- 3. who can open the database ----------------------------------------
out=$(as_person sqlite3 "$DB" 'SELECT count(*) FROM staff;' 2>&1)
rc=$?
if [ "$rc" -ne 0 ] && case $out in *"unable to open"*) true ;; *) false ;; esac
then ok "sqlite3 on the database is refused to the person"
else fail "sqlite3 on the database is refused to the person (rc $rc: $out)"
fi
check "the person cannot read the file" as_person sh -c "! cat '$DB' >/dev/null 2>&1"
check "the person cannot list the data folder" as_person sh -c "! ls '$STATE' >/dev/null 2>&1"
check "the person cannot make files there" as_person sh -c "! touch '$STATE/x' 2>/dev/null"

out=$(as_person "$BIN" summary 2>&1)
rc=$?
case "$rc:$out" in
0:*"Install Test Org"*) ok "the setgid peerdesk reads the database for the person" ;;
*) fail "the setgid peerdesk reads the database for the person (rc $rc)"
   echo "$out" | sed 's/^/  /' ;;
esac
want=$out

# ---- 4. no way round the system settings ---------------------------------
UT=$R/person
install -d -m 0700 -o "$PERSON" "$UT"
cat >"$UT/evil.yaml" <<EOF
organisation: Someone Else
database: $UT/mine.db
print_command: cp $DB $UT/stolen.db
EOF
chown "$PERSON" "$UT/evil.yaml"
out=$(as_person "$BIN" --db "$UT/mine.db" summary 2>&1)
check "--db is ignored when setgid" test "$out" = "$want" -a ! -e "$UT/mine.db"
out=$(as_person env PEERDESK_CONFIG="$UT/evil.yaml" "$BIN" summary 2>&1)
check "PEERDESK_CONFIG is ignored when setgid" test "$out" = "$want" -a ! -e "$UT/mine.db"
out=$(as_person "$BIN" --config "$UT/evil.yaml" summary 2>&1)
if [ "$out" = "$want" ] && [ ! -e "$UT/mine.db" ]; then
	ok "--config is ignored when setgid"
else
	fail "--config is ignored when setgid"; echo "$out" | sed 's/^/  /'
fi
out=$(as_person "$BIN" --config "$DB" summary 2>&1)
case $out in
*"SQLite format"*) fail "peerdesk shows none of a group file named by --config" ;;
*) ok "peerdesk shows none of a group file named by --config" ;;
esac

# Who you are comes from the real user id, never from the environment.
expect_rc "USER=root LOGNAME=root does not make the person a manager" 4 \
	as_person env USER=root LOGNAME=root "$BIN" user add pdtest_nobody "No One" office
check "... and nobody was added" \
	test "$(sqlite3 "$DB" "SELECT count(*) FROM staff WHERE login = 'pdtest_nobody'")" = 0

# ---- 5. backups, as docs/admin.md says ------------------------------------
sqlite3 "$DB" ".backup $R/backup.db" 2>"$T/backup.err"
check "root backs up the database with sqlite3 .backup" \
	test "$(sqlite3 "$R/backup.db" 'SELECT count(*) FROM staff' 2>&1)" = 2

# ---- 6. backup, restore and demo by the setgid program ---------------------
# The person becomes a manager (root, by hand) to make and restore backups.
sqlite3 "$DB" "UPDATE staff SET role = 'manager' WHERE login = '$PERSON'"
expect_out "a manager backs up to a file of their own" "checked: ok" \
	as_person "$BIN" backup "$UT/b.db"
expect_mode "the backup is theirs, 0600" "$UT/b.db" "600 $PERSON:$(id -gn "$PERSON")"
check "no part-file is left beside it" sh -c "! ls '$UT' | grep -q '\.part-'"
expect_out "a backup into the data folder is refused" "folder where peerdesk keeps" \
	as_person "$BIN" backup "$STATE/copy.db"
check "... and nothing was made there" test ! -e "$STATE/copy.db"
"$BIN" user add pdtest_later "Later Person" office >/dev/null 2>&1
expect_out "the manager restores their backup over the sound database" "kept as" \
	as_person "$BIN" restore "$UT/b.db"
check "the later user is gone" \
	test "$(sqlite3 "$DB" "SELECT count(*) FROM staff WHERE login = 'pdtest_later'")" = 0
expect_mode "the database is still 0660 $GROUP" "$DB" "660 root:$GROUP"
aside=$(ls "$STATE" | grep 'before-restore-' | head -1)
check "the database as it was is set aside in the data folder" test -n "$aside"
expect_mode "... shared with the group" "$STATE/$aside" "660 $PERSON:$GROUP"
check "no temporary file is left in the data folder" \
	sh -c "! ls '$STATE' | grep -q -e '\.restore-' -e '\.aside-'"
out=$(as_person "$BIN" restore "$STATE/$aside" 2>&1)
case $out in
*"Nothing was changed"*) ok "a file in the data folder cannot be restored by the person (their own rights)" ;;
*) fail "a file in the data folder cannot be restored by the person (their own rights)"; echo "$out" | sed 's/^/  /' ;;
esac
chmod 0600 "$R/backup.db"
out=$(as_person "$BIN" restore "$R/backup.db" 2>&1)
case $out in
*"permission"*"Nothing was changed"*) ok "nor a file only root can read" ;;
*) fail "nor a file only root can read"; echo "$out" | sed 's/^/  /' ;;
esac
: > "$DB"
rm -f "$DB-wal" "$DB-shm"
expect_out "a 0-byte database is damaged for the person too" "peerdesk restore FILE" \
	as_person "$BIN" summary
expect_out "only root may restore over a damaged database" "only root" \
	as_person "$BIN" restore "$UT/b.db"
expect_out "root restores the person's backup over it" "(damaged) is kept as" \
	"$BIN" restore "$UT/b.db"
expect_mode "the restored database is 0660 $GROUP" "$DB" "660 root:$GROUP"
check "and checks clean" test "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok
expect_out "the person's peerdesk opens it" "Install Test Org" as_person "$BIN" summary
# demo: a new file in the data folder, made through the group, shared
mkdir -p "$R/old" && mv "$STATE"/peerdesk.db* "$R/old/"
expect_out "the person makes the demo in the data folder" "Made a demo organisation" \
	as_person "$BIN" demo
expect_mode "the demo database is shared with the group" "$DB" "660 $PERSON:$GROUP"
check "no temporary file is left" sh -c "! ls '$STATE' | grep -q '\.demo-'"
expect_out "and opens for them" "48 clients" as_person "$BIN" summary
expect_out "a second demo is refused" "already a database" as_person "$BIN" demo

finish
