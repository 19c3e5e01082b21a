#!/bin/bash
# Tier 4: `make install`, staged (DESTDIR) and real (as root, into a temp
# PREFIX with its own SYSCONFDIR and STATEDIR), following docs/admin.md
# step by step: the settings file, `peerdesk init` (the database lands
# in STATEDIR with no `database` setting), `peerdesk demo` after it,
# checking as a PAL (sqlite3 refused, `peerdesk week` works), and `make
# uninstall`, after which, with the data removed as admin.md says,
# nothing is left.  Also what the setgid install is for: a person
# outside the group cannot open the database with sqlite3, while
# peerdesk, setgid to the group, can; and a setgid peerdesk ignores
# --db, --config and PEERDESK_CONFIG (only the system settings count).
# SYSCONFDIR and STATEDIR are built in: each `make install` with other
# values installs a program that uses them (no `make clean` needed).
#
# Everything lives under temp folders; the group and the user made here
# are unique to this run (pdtest_*) and removed at the end, also on
# failure.  Needs root.
. "$(dirname "$0")/lib.sh"

TAG=$(printf '%05d' $(($$ % 100000)))
GROUP=pdtest_pd_$TAG
PERSON=pdtest_inst_$TAG
PALU=pdtest_ipal_$TAG
R=
made_group=0
made_user=0
made_pal=0

inst_cleanup() {
	[ "$made_user" = 1 ] && { userdel "$PERSON" 2>/dev/null ||
	    echo "could not remove user $PERSON" >&2; }
	[ "$made_pal" = 1 ] && { userdel "$PALU" 2>/dev/null ||
	    echo "could not remove user $PALU" >&2; }
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
getent passwd "$PALU" >/dev/null && die "user $PALU exists already"

# mode FILE -> "2755 root:GROUP" style
mode() { stat -c '%a %U:%G' "$1" 2>/dev/null; }
# expect_mode DESC FILE WANT
expect_mode() {
	got=$(mode "$2")
	if [ "$got" = "$3" ]; then ok "$1"
	else fail "$1 (got '$got', wanted '$3')"; fi
}

# A copy of the tested build.  The paths are built in (gen/paths.h,
# which settings.c alone includes), and each make below gives its own
# SYSCONFDIR and STATEDIR, so the Makefile must rebuild what uses them.
# (The copied .d files name the original folder, so settings.o is
# removed here once; after that the copy's own .d files count.)
BUILD_SRC=$(dirname "$PD")
BUILD=$T/build
R=$(mktemp -d "${TMPDIR:-/tmp}/pdtest-install.XXXXXX") || die "mktemp"
chmod 0755 "$R"	# the person must be able to reach $R/usr/bin/peerdesk
mkdir -p "$BUILD"
(cd "$BUILD_SRC" && tar --exclude=./san --exclude=./fuzz -cf - .) |
	(cd "$BUILD" && tar -xpf -) || die "cannot copy the build"
for d in $(grep -rl 'gen/paths\.h' "$BUILD" --include='*.d'); do
	rm -f "${d%.d}.o" "${d%.d}"
done
# (the Makefile has .SECONDARY: a missing object alone rebuilds nothing)
rm -f "$BUILD/libpeerdesk.a" "$BUILD/peerdesk"
# Each make here gets the paths it needs; nothing else from the caller.
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$TOP" O="$BUILD" \
	"$@"; }
STATE=$R/var/lib/peerdesk
mk SYSCONFDIR="$R/etc" STATEDIR="$STATE" >"$T/build.log" 2>&1 ||
	{ sed 's/^/  /' "$T/build.log"; die "build with SYSCONFDIR"; }
grep -qaF "$R/etc/peerdesk/config.yaml" "$BUILD/peerdesk" &&
	ok "the test build reads its settings from $R/etc" ||
	fail "the test build reads its settings from $R/etc"
grep -qaF "$STATE/peerdesk.db" "$BUILD/peerdesk" &&
	ok "... and its database is in STATEDIR, $STATE" ||
	fail "... and its database is in STATEDIR, $STATE"
mk SYSCONFDIR="$R/etc" STATEDIR="$STATE" >"$T/build2.log" 2>&1
check "made again with the same paths: nothing is rebuilt" \
	test ! -s "$T/build2.log"

# A plain make (or make install) never installs packages: with them
# "missing" (pkg-config says no) it stops, names `make deps`, and never
# runs tools/deps.sh (a dpkg-query or apt-get on PATH would leave a mark).
mkdir -p "$T/fakebin"
for p in dpkg-query apt-get; do
	printf '#!/bin/sh\necho %s >>"%s/ran"\nexit 1\n' "$p" "$T/fakebin" \
		>"$T/fakebin/$p"
	chmod 0755 "$T/fakebin/$p"
done
for goal in all install; do
	out=$(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL PATH="$T/fakebin:$PATH" \
	    make -s -C "$TOP" O="$T/nopkg" PKGCONF=false PREFIX="$T/nopkg/usr" \
	    DESTDIR="$T/nopkg/dest" "$goal" 2>&1)
	rc=$?
	case "$rc:$out" in
	0:*) fail "make $goal with packages missing stops (it succeeded)" ;;
	*"as root run: make deps"*) ok "make $goal with packages missing stops and says: make deps" ;;
	*) fail "make $goal with packages missing stops and says: make deps"
	   echo "$out" | sed 's/^/  /' ;;
	esac
done
check "... and never ran tools/deps.sh (no dpkg-query, no apt-get)" \
	test ! -e "$T/fakebin/ran"
first=$(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -n -C "$TOP" \
	O="$T/nopkg" --no-print-directory check 2>/dev/null | head -n 1)
check "make check runs tools/deps.sh first (make -n: '$first')" \
	test "$first" = "sh tools/deps.sh test"

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
for f in README.md COPYING rules.yaml.example keys.yaml.example; do
	expect_mode "staged: $f in the doc folder" \
		"$S/usr/share/doc/peerdesk/$f" "644 root:root"
done
# The build was made for SYSCONFDIR=$R/etc; installing for /etc made it
# again for /etc, and for the default STATEDIR.
grep -qaF "/etc/peerdesk/config.yaml" "$S/usr/bin/peerdesk" &&
    ! grep -qaF "$R/etc/peerdesk" "$S/usr/bin/peerdesk" &&
	ok "staged: the program reads /etc/peerdesk, as installed for" ||
	fail "staged: the program reads /etc/peerdesk, as installed for"
grep -qaF "/var/lib/peerdesk/peerdesk.db" "$S/usr/bin/peerdesk" &&
	ok "staged: its database is /var/lib/peerdesk/peerdesk.db" ||
	fail "staged: its database is /var/lib/peerdesk/peerdesk.db"
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
mk DESTDIR="$S" PREFIX=/usr SYSCONFDIR=/etc STATEDIR=/var/lib/peerdesk \
	PEERDESK_GROUP="$GROUP" uninstall >"$T/unstage.out" 2>&1
check "staged: make uninstall succeeds" test $? -eq 0
left=$(cd "$S" && find . ! -type d | sort)
check "staged: uninstall leaves no file (got: $left)" test -z "$left"
check "staged: ... and keeps the data folder" test -d "$S/var/lib/peerdesk"

# ---- 2. a real install into a temp PREFIX, as docs/admin.md says --------
BIN=$R/usr/bin/peerdesk
DB=$STATE/peerdesk.db
mk PREFIX="$R/usr" SYSCONFDIR="$R/etc" STATEDIR="$STATE" \
	PEERDESK_GROUP="$GROUP" install >"$T/install.out" 2>&1
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

grep -qaF "$R/etc/peerdesk/config.yaml" "$BIN" &&
	ok "installed again for $R/etc: the program reads its settings there" ||
	fail "installed again for $R/etc: the program reads its settings there"
check "install made the settings folder" test -d "$R/etc/peerdesk"

# The system settings (the only ones a setgid peerdesk reads), as
# admin.md's first step says; no `database`: the one in STATEDIR.
echo "organisation: Install Test Org" >"$R/etc/peerdesk/config.yaml"
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
# admin.md, step 2: a look around the demo, then afresh
expect_out "peerdesk demo works after init" "Made a demo organisation in $DB" \
	"$BIN" demo
check "... and the database is still 0660 $GROUP" \
	test "$(mode "$DB")" = "660 root:$GROUP"
check "... with the demo's people and root, its manager" test \
	"$(sqlite3 "$DB" "SELECT count(*) FROM staff WHERE login IN ('root', 'priya', 'jo')")" = 3
rm "$DB"
expect_out "rm and init again: an empty database" "The database is ready: $DB" \
	"$BIN" init
check "... with nobody but root in it" \
	test "$(sqlite3 "$DB" "SELECT group_concat(login) FROM staff")" = root
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

# ---- 4b. "Check it as any PAL" (admin.md) --------------------------------
useradd -M -s /bin/sh -c "peerdesk install test PAL" "$PALU" || die "useradd"
made_pal=1
expect_rc "the manager adds a PAL with the same login" 0 \
	"$BIN" user add "$PALU" "Install Pal" pal
as_pal() { runuser -u "$PALU" -- env -u PEERDESK_CONFIG "$@"; }
out=$(as_pal sqlite3 "$DB" .tables 2>&1)
case $out in
*"unable to open database file"*) ok "as a PAL: sqlite3 $DB .tables is refused" ;;
*) fail "as a PAL: sqlite3 $DB .tables is refused ($out)" ;;
esac
out=$(as_pal "$BIN" week 2>&1)
rc=$?
case "$rc:$out" in
0:"Install Pal ($PALU): week "*) ok "as a PAL: peerdesk week works" ;;
*) fail "as a PAL: peerdesk week works (rc $rc)"; echo "$out" | sed 's/^/  /' ;;
esac
expect_rc "as a PAL: peerdesk summary is not for PALs" 4 as_pal "$BIN" summary

# ---- 5. backups, as docs/admin.md says ------------------------------------
sqlite3 "$DB" ".backup $R/backup.db" 2>"$T/backup.err"
check "root backs up the database with sqlite3 .backup" \
	test "$(sqlite3 "$R/backup.db" 'SELECT count(*) FROM staff' 2>&1)" = \
	"$(sqlite3 "$DB" 'SELECT count(*) FROM staff')"

# ---- 6. removing peerdesk (admin.md) -------------------------------------
mk PREFIX="$R/usr" SYSCONFDIR="$R/etc" STATEDIR="$STATE" \
	PEERDESK_GROUP="$GROUP" uninstall >"$T/uninstall.out" 2>&1
check "make uninstall succeeds" test $? -eq 0
check "the program is gone" test ! -e "$BIN"
check "the man page is gone" test ! -e "$R/usr/share/man/man1/peerdesk.1"
check "the doc folder is gone" test ! -e "$R/usr/share/doc/peerdesk"
check "the database is kept" test -f "$DB"
expect_out "uninstall says what it kept" "Kept: the data folder $STATE" \
	cat "$T/uninstall.out"
# then, as admin.md says, the data and the settings by hand
rm -r "$STATE" "$R/etc/peerdesk"
left=$(cd "$R" && find usr etc var ! -type d 2>/dev/null | sort)
check "nothing is left behind (got: $left)" test -z "$left"

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
