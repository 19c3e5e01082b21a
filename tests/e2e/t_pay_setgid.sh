#!/bin/bash
# Tier 4: the payroll export and marking weeks paid, installed setgid,
# as real unprivileged users.  The manager writes the export into their
# own home (0600 whatever their umask, audited with its path); aimed at
# the database, its -wal, the data folder or a link to them it is
# refused and nothing changes; a PAL may not export pay or mark weeks
# paid.  Needs root.  Polls; no fixed sleeps.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/support/install.sh"

trap 'inst_cleanup; e2e_cleanup' EXIT
trap 'exit 130' INT TERM HUP

inst_setup "pay$(printf '%05d' $(($$ % 100000)))"
ok "peerdesk is installed setgid $PDGROUP in $R"
(umask 077; "$BIN" demo) >"$T/demo.out" 2>&1 ||
	{ sed 's/^/  /' "$T/demo.out"; inst_die "peerdesk demo"; }
q() { sqlite3 "$DB" "$1"; }

inst_user pal; PAL=$INST_LOGIN
inst_user mgr; MGR=$INST_LOGIN
q "UPDATE staff SET login = '$PAL' WHERE login = 'jo';
   UPDATE staff SET login = '$MGR' WHERE id = (SELECT id FROM staff
     WHERE role = 'manager' ORDER BY id LIMIT 1)"
check "a demo PAL and a demo manager have the test logins" test \
	"$(q "SELECT count(*) FROM staff WHERE login IN ('$PAL', '$MGR')")" = 2
MONTH=$(date -u +%Y-%m)
for u in "$PAL" "$MGR"; do
	runuser -u "$u" -- ln -s "$DB" "$R/home/$u/db-link.csv"
done
before=$(q "SELECT count(*), coalesce(sum(minutes), 0) FROM timesheet_line;
	SELECT group_concat(status) FROM timesheet_week")

refused() {
	desc=$1; shift
	out=$(as_user "$@" 2>&1)
	rc=$?
	if [ "$rc" -ne 0 ] && [ -n "$out" ]; then ok "$desc (exit $rc)"
	else fail "$desc (exit $rc)"; printf '%s\n' "$out" | sed 's/^/  /' | head -5
	fi
}
for target in "$DB" "$DB-wal" "$STATE/pay.csv" "$R/home/$MGR/db-link.csv"; do
	refused "the manager: report pay --output $target" "$MGR" "$BIN" \
	    report pay --month "$MONTH" --output "$target"
done
refused "a PAL may not export pay" "$PAL" "$BIN" report pay --month "$MONTH"
refused "a PAL may not mark weeks paid" "$PAL" "$BIN" week --paid \
	--up-to 2030-01-01
check "the database is whole" test "$(q 'PRAGMA integrity_check')" = ok
check "no timesheet or week changed" test "$(q "SELECT count(*),
	coalesce(sum(minutes), 0) FROM timesheet_line;
	SELECT group_concat(status) FROM timesheet_week")" = "$before"
check "no file was made in the data folder" test ! -e "$STATE/pay.csv"

expect_rc "the manager writes the export into their home" 0 \
	as_user "$MGR" "$BIN" report pay --month "$MONTH" --excel \
	--output pay.csv
check "... 0600 and theirs" \
	test "$(stat -c '%a %U' "$R/home/$MGR/pay.csv")" = "600 $MGR"
check "... with the byte-order mark and CRLF" test \
	"$(head -c 3 "$R/home/$MGR/pay.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
check "the audit names the path" test "$(q "SELECT count(*) FROM audit
	WHERE action = 'export' AND summary LIKE '%$R/home/$MGR/pay.csv%'")" = 1
expect_out "the manager marks weeks paid" "Marked" \
	as_user "$MGR" "$BIN" week --paid --up-to "$(date -u +%F)"
finish
