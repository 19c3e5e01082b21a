#!/bin/bash
# Tier 4: least privilege, tried as an attacker would (issue 12).
#
# peerdesk is installed setgid into a temp PREFIX (tests/support/
# install.sh) with a demo organisation in its data folder.  Real
# unprivileged Unix users - a PAL, and a manager who is not root - then
# aim every command and screen that writes or reads a file at the
# database, its -wal and -shm, the data folder, and links to them from
# their own home.  Each attempt must be refused with a plain message,
# and at the end the database is whole (integrity_check) and every
# table but the audit is exactly as before.  Also: a setgid run ignores
# --today and PEERDESK_TODAY; what peerdesk writes for a person is theirs
# alone (0600 whatever their umask); a new demo database is shared with
# the group by peerdesk itself.  Needs root.  Polls; no fixed sleeps.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/support/install.sh"

trap 'inst_cleanup; e2e_cleanup' EXIT
trap 'exit 130' INT TERM HUP

inst_setup "atk$(printf '%05d' $(($$ % 100000)))"
ok "peerdesk is installed setgid $PDGROUP in $R"

# ---- the demo, made by root with the installed program ------------------
(umask 077; "$BIN" demo) >"$T/demo.out" 2>&1 ||
	{ sed 's/^/  /' "$T/demo.out"; inst_die "peerdesk demo"; }
check "demo shares the new database with the group, no chmod by hand" \
	test "$(stat -c '%a %G' "$DB")" = "660 $PDGROUP"
for x in -wal -shm; do
	if [ -e "$DB$x" ]; then
		check "demo shares $x with the group" \
		    test "$(stat -c '%a %G' "$DB$x")" = "660 $PDGROUP"
	fi
done
q() { sqlite3 "$DB" "$1"; }

inst_user pal; PAL=$INST_LOGIN
inst_user mgr; MGR=$INST_LOGIN
q "UPDATE staff SET login = '$PAL' WHERE login = 'jo';
   UPDATE staff SET login = '$MGR' WHERE id = (SELECT id FROM staff
     WHERE role = 'manager' ORDER BY id LIMIT 1)"
check "a demo PAL and a demo manager have the test logins" test \
	"$(q "SELECT count(*) FROM staff WHERE login IN ('$PAL', '$MGR')")" = 2
palid=$(q "SELECT id FROM staff WHERE login = '$PAL'")
# A client of the PAL's today (so plan export is allowed by role and scope).
CL=$(q "SELECT a.client_id FROM assignment a WHERE a.worker_id = $palid
	AND a.started_on <= date('now') AND (a.ended_on IS NULL OR
	a.ended_on > date('now')) ORDER BY a.client_id LIMIT 1")
check "the PAL has a client today" test -n "$CL"

# Everything but the audit (which records the refusals) and drafts.
fingerprint() {
	for t in $(q "SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT IN ('audit', 'draft') AND name NOT LIKE 'sqlite%'
		ORDER BY name"); do
		printf '%s ' "$t"
		sqlite3 "$DB" "SELECT * FROM \"$t\" ORDER BY rowid" | sha256sum
	done
}
before=$(fingerprint)
files_before=$(ls -a "$STATE" | sort | tr '\n' ' ')

# Links from each person's home to the database and to its folder.
for u in "$PAL" "$MGR"; do
	h=$R/home/$u
	runuser -u "$u" -- ln -s "$DB" "$h/db-link.pdf"
	runuser -u "$u" -- ln -s "$DB-wal" "$h/wal-link.yaml"
	runuser -u "$u" -- ln -s "$STATE" "$h/data-link"
done

# attempt WHO DESC CMD...: refused (non-zero) with a message that says why.
attempt() {
	who=$1 desc=$2; shift 2
	out=$(as_user "$who" "$BIN" "$@" 2>&1)
	rc=$?
	if [ "$rc" -ne 0 ] && [ -n "$out" ] &&
	    ! printf '%s' "$out" | grep -q 'SQLite format\|usage: peerdesk'; then
		ok "$desc (exit $rc)"
	else
		fail "$desc (exit $rc)"; printf '%s\n' "$out" | sed 's/^/  /' | head -5
	fi
}

# refused WHO DESC CMD...: refused (non-zero), whatever the words (a
# command that takes no file may answer with its usage), never the
# database's bytes.
refused() {
	who=$1 desc=$2; shift 2
	out=$(as_user "$who" "$BIN" "$@" 2>&1)
	rc=$?
	if [ "$rc" -ne 0 ] && [ -n "$out" ] &&
	    ! printf '%s' "$out" | grep -q 'SQLite format'; then
		ok "$desc (exit $rc)"
	else
		fail "$desc (exit $rc)"; printf '%s\n' "$out" | sed 's/^/  /' | head -5
	fi
}

for u in "$PAL" "$MGR"; do
	h=$R/home/$u
	role=PAL; [ "$u" = "$MGR" ] && role=manager
	for target in "$DB" "$DB-wal" "$DB-shm" "$STATE/new.pdf" \
	    "$h/db-link.pdf" "$h/wal-link.yaml" "$h/data-link/peerdesk.db" \
	    "$h/data-link/new.pdf"; do
		attempt "$u" "$role: plan export onto $target" plan export "$CL" "$target"
		attempt "$u" "$role: plan pdf onto $target" plan pdf "$CL" "$target"
		attempt "$u" "$role: report hours --output $target" \
		    report hours --format csv --output "$target"
		attempt "$u" "$role: backup onto $target" backup "$target"
		attempt "$u" "$role: pal show --weeks --pdf onto $target" \
		    pal show "$PAL" --weeks 13 --pdf "$target"
		attempt "$u" "$role: pal show --weeks --output onto $target" \
		    pal show "$PAL" --weeks 13 --format csv --output "$target"
		attempt "$u" "$role: report outcomes --output $target" \
		    report outcomes --from 2026-01-01 --to 2026-12-31 \
		    --format csv --output "$target"
		attempt "$u" "$role: report outcomes as a PDF onto $target" \
		    report outcomes --from 2026-01-01 --to 2026-12-31 \
		    --format pdf --output "$target"
	done
	# Commands new this session that take no file: a path given where
	# a number goes is refused, never opened or written.
	refused "$u" "$role: plan restore with the database as the version" \
	    plan restore "$CL" "$DB"
	refused "$u" "$role: client show with the database as the client" \
	    client show "$DB"
	attempt "$u" "$role: groups meeting change with a path" \
	    groups meeting change "$DB" --notes x
	attempt "$u" "$role: groups meeting remove with a path" \
	    groups meeting remove "$h/db-link.pdf"
	for src in "$DB" "$DB-wal" "$h/db-link.pdf" "$h/data-link/peerdesk.db"; do
		attempt "$u" "$role: import timesheet from $src" import timesheet "$src"
		attempt "$u" "$role: plan import from $src" plan import "$src"
		attempt "$u" "$role: restore from $src" restore "$src"
	done
	attempt "$u" "$role: sar into the data folder" sar "$CL" --output "$STATE"
	attempt "$u" "$role: sar through a link to the data folder" \
	    sar "$CL" --output "$h/data-link"
done

# The screens' "write the plan as a PDF" prompt, as the PAL, in tmux.
tm_start atk 80 24 "runuser -u $PAL -- env HOME=$R/home/$PAL TERM=xterm-256color $BIN plan edit $CL"
expect_screen "the PAL's plan opens on screen" atk "Plan:" 20
tm_keys atk d
expect_screen "d asks where to write the PDF" atk "Write the plan as a PDF"
tm_keys atk C-u
tm_text atk "$DB"
tm_keys atk Enter
expect_screen "the screen refuses to write the PDF onto the database" atk \
	"No PDF written"
tm_keys atk d
expect_screen "d asks again" atk "Write the plan as a PDF"
tm_keys atk C-u
tm_text atk "$R/home/$PAL/db-link.pdf"
tm_keys atk Enter
expect_screen "... and through a link to it" atk "No PDF written"
tm_keys atk C-q
tm_wait_gone atk 10 >/dev/null 2>&1 || tm kill-session -t atk 2>/dev/null

# ---- nothing changed -----------------------------------------------------
check "the database is whole (integrity_check)" \
	test "$(q 'PRAGMA integrity_check')" = ok
after=$(fingerprint)
if [ "$before" = "$after" ]; then ok "every table but the audit is as it was"
else fail "every table but the audit is as it was"
	diff <(echo "$before") <(echo "$after") | sed 's/^/  /' | head
fi
files_after=$(ls -a "$STATE" | sort | tr '\n' ' ')
check "no file was made in the data folder ($files_after)" \
	test "$files_before" = "$files_after"
check "the links still point where they did" \
	test "$(readlink "$R/home/$PAL/db-link.pdf")" = "$DB"

# ---- what is allowed still works, and is private --------------------------
expect_rc "the PAL exports their client's plan into their home" 0 \
	as_user "$PAL" "$BIN" plan export "$CL" plan.yaml
check "... made 0600 though the PAL's umask is 022" \
	test "$(stat -c '%a %U' "$R/home/$PAL/plan.yaml")" = "600 $PAL"
expect_rc "the PAL writes their client's plan as a PDF" 0 \
	as_user "$PAL" "$BIN" plan pdf "$CL" plan.pdf
check "... 0600" test "$(stat -c '%a' "$R/home/$PAL/plan.pdf")" = 600
check "the audit names the path of the export" test \
	"$(q "SELECT count(*) FROM audit WHERE action = 'export' AND
	      summary LIKE '%$R/home/$PAL/plan.yaml%'")" -ge 1
expect_rc "the PAL writes their own weeks against the limit as a PDF" 0 \
	as_user "$PAL" "$BIN" pal show "$PAL" --weeks 52 --pdf weeks.pdf
check "... 0600" test "$(stat -c '%a' "$R/home/$PAL/weeks.pdf")" = 600
attempt "$PAL" "a PAL may not see another PAL's weeks" \
    pal show "$(q "SELECT login FROM staff WHERE role = 'pal' AND
	login <> '$PAL' AND login IS NOT NULL ORDER BY id LIMIT 1")" --weeks 13
expect_rc "the manager writes the hours report" 0 \
	as_user "$MGR" "$BIN" report hours --format csv --output hours.csv
check "... 0600" test "$(stat -c '%a' "$R/home/$MGR/hours.csv")" = 600
expect_rc "the manager writes the outcomes report as a PDF in their home" 0 \
	as_user "$MGR" "$BIN" report outcomes --from 2026-01-01 \
	--to 2026-12-31 --format pdf --output outcomes.pdf
check "... 0600" test "$(stat -c '%a' "$R/home/$MGR/outcomes.pdf")" = 600
expect_rc "the manager sees a client's whole record" 0 \
	as_user "$MGR" "$BIN" client show "$CL"
expect_rc "the manager makes a SAR bundle in their home" 0 \
	as_user "$MGR" "$BIN" sar "$CL" --output "$R/home/$MGR"
check "... both files 0600" test \
	"$(stat -c '%a' "$R/home/$MGR/client-$CL.yaml" "$R/home/$MGR/client-$CL.pdf" | sort -u)" = 600
expect_rc "the manager makes a backup in their home" 0 \
	as_user "$MGR" "$BIN" backup backup.db
check "... 0600" test "$(stat -c '%a' "$R/home/$MGR/backup.db")" = 600

# ---- the date is the real date in a setgid run ----------------------------
real=$(as_user "$PAL" "$BIN" clients 2>&1)
for d in 2025-06-01 2031-01-01; do
	got=$(as_user "$PAL" "$BIN" --today "$d" clients 2>&1)
	check "--today $d changes nothing for the PAL" test "$got" = "$real"
	got=$(as_user "$PAL" env PEERDESK_TODAY="$d" "$BIN" clients 2>&1)
	check "PEERDESK_TODAY=$d changes nothing for the PAL" test "$got" = "$real"
done
as_user "$PAL" "$BIN" --today 2020-01-01 plan export "$CL" - >/dev/null 2>&1
check "the audit row of a run with --today has the real date" test \
	"$(q "SELECT substr(at, 1, 10) FROM audit ORDER BY id DESC LIMIT 1")" = \
	"$(date -u +%F)"

# ---- the terminal's description is the system's in a setgid run ----------
# ncurses reads TERMINFO, TERMINFO_DIRS and ~/.terminfo unless the ids
# differ, and peerdesk makes them equal (the group waits as the saved
# gid): a description the PAL wrote must not be parsed with it at hand.
H=$R/home/$PAL
infocmp -x xterm-256color |
	sed '/^xterm-256color|/s/^xterm-256color|[^,]*,/pdevil|a PAL-made terminal,/' 	>"$H/pdevil.src"
chown "$PAL" "$H/pdevil.src"
as_user "$PAL" tic -x -o "$H/ti" "$H/pdevil.src" >/dev/null 2>&1
as_user "$PAL" tic -x -o "$H/.terminfo" "$H/pdevil.src" >/dev/null 2>&1
check "the PAL has made a terminal description of their own" \
	test -e "$H/ti/p/pdevil" -a -e "$H/.terminfo/p/pdevil"
screens_as_pal() {
	as_user "$PAL" env "$@" timeout 20 script -qec "$BIN" /dev/null \
	    </dev/null 2>&1
}
for how in "TERMINFO=$H/ti" "TERMINFO_DIRS=$H/ti" "HOME=$H"; do
	out=$(screens_as_pal TERM=pdevil "$how")
	case $out in
	*'Unknown terminal type "pdevil"'*)
		ok "$how: the setgid screens do not read the PAL's terminfo" ;;
	*)	fail "$how: the setgid screens do not read the PAL's terminfo"
		printf '%s\n' "$out" | head -5 | cat -v | sed 's/^/  /' ;;
	esac
done

finish
