#!/bin/bash
# Tier 4: a damaged database is never shown as "all clear" nor made
# afresh; `restore` brings a backup back over a damaged, missing or
# sound database, setting the old one aside, and refuses - changing
# nothing - a file whose schema or audit chain is not as peerdesk makes
# it; backups finish under steady writes and never leave a part-file.
. "$(dirname "$0")/lib.sh"

LIVE=$T/data
BK=$T/backups
mkdir -p "$LIVE" "$BK"
DB=$LIVE/org.db
ON=2026-11-25
pd() { "$PD" --db "$DB" --today "$ON" "$@"; }
q() { sqlite3 "$1" "$2"; }
sum() { sha256sum "$1" | cut -d' ' -f1; }
csv() { printf 'name,referred_on,referrer,funding,contracted_minutes_per_week\n%s,2026-11-20,x,none,60\n' "$1" > "$T/$1.csv"; }

expect_rc "the demo is made" 0 pd demo
expect_out "a backup names the audit head" "whole up to row" pd backup "$BK/b1.db"
check "the backup's own audit says whence it came and the head" test \
	"$(q "$BK/b1.db" "SELECT count(*) FROM audit WHERE action = 'backup' AND entity = 'audit_chain' AND length(after) = 64")" = 1
check "and so does the database's" test \
	"$(q "$DB" "SELECT count(*) FROM audit WHERE action = 'backup' AND entity = 'audit_chain' AND length(after) = 64")" = 1
CLIENTS=$(q "$BK/b1.db" "SELECT count(*) FROM client")
SESSIONS=$(q "$BK/b1.db" "SELECT count(*) FROM session")
csv Later; pd import clients "$T/Later.csv" >/dev/null

# ---- a damaged database says so, everywhere, and how to restore -------
cp "$DB" "$T/good.db"
rm -f "$DB-wal" "$DB-shm"
dd if=/dev/urandom of="$DB" bs=4096 seek=1 count=40 conv=notrunc 2>/dev/null
for cmd in summary reminders clients "pal list"; do
	# shellcheck disable=SC2086
	expect_out "$cmd on a damaged database names restore" "peerdesk restore FILE" pd $cmd
	# shellcheck disable=SC2086
	pd $cmd >/dev/null 2>&1
	check "$cmd on a damaged database exits non-zero" test $? -ne 0
done
out=$(pd reminders 2>&1)
case $out in *"All clear"*) fail "a damaged database is never all clear" ;; *) ok "a damaged database is never all clear" ;; esac

: > "$T/empty.db"
for cmd in summary reminders; do
	expect_out "$cmd on a 0-byte database says it is damaged" "damaged: the file is empty" \
		"$PD" --db "$T/empty.db" $cmd
done
expect_rc "init will not make a 0-byte file afresh" 1 "$PD" --db "$T/empty.db" init
check "and leaves it 0 bytes" test ! -s "$T/empty.db"
expect_rc "demo will not build over it either" 1 "$PD" --db "$T/empty.db" demo
check "still 0 bytes" test ! -s "$T/empty.db"

# ---- restore over the damaged file -------------------------------------
expect_out "restore brings the backup back over a damaged file" "Restored" pd restore "$BK/b1.db"
check "the restored database checks clean" test "$(q "$DB" 'PRAGMA integrity_check')" = ok
check "with the backup's clients" test "$(q "$DB" 'SELECT count(*) FROM client')" = "$CLIENTS"
check "and sessions" test "$(q "$DB" 'SELECT count(*) FROM session')" = "$SESSIONS"
aside=$(ls "$LIVE" | grep -E '^org\.db\.before-restore-[0-9]{8}T[0-9]{6}Z$' | head -1)
check "the damaged file is kept aside with the date and time" test -n "$aside"
check "it is the damaged file (its own check still fails)" test \
	"$(q "$LIVE/$aside" 'PRAGMA integrity_check' 2>&1 | head -1)" != ok
check "the restore is in the restored audit, naming the file set aside" test \
	"$(q "$DB" "SELECT count(*) FROM audit WHERE action = 'restore' AND summary LIKE '%$aside%'")" = 1
expect_out "the restored chain verifies" "whole" pd audit --verify
check "no temporary file is left in the data folder" sh -c "! ls '$LIVE' | grep -q -e '\\.restore-' -e '\\.aside-'"

# ---- over a missing database -------------------------------------------
rm -f "$LIVE"/org.db*
expect_out "restore over a missing database" "Restored" pd restore "$BK/b1.db"
check "it checks clean" test "$(q "$DB" 'PRAGMA integrity_check')" = ok
check "with the backup's clients" test "$(q "$DB" 'SELECT count(*) FROM client')" = "$CLIENTS"

# ---- over a sound database: audited in both, the old one set aside whole
csv Newer; pd import clients "$T/Newer.csv" >/dev/null
rm -f "$LIVE"/*.before-restore-*
expect_out "restore over a sound database" "kept as" pd restore "$BK/b1.db"
aside=$(ls "$LIVE" | grep -E '^org\.db\.before-restore-' | head -1)
check "the newer client is gone from the database" test "$(q "$DB" "SELECT count(*) FROM client WHERE name = 'Newer'")" = 0
check "and kept in the copy set aside" test "$(q "$LIVE/$aside" "SELECT count(*) FROM client WHERE name = 'Newer'")" = 1
check "whose audit says it was about to be replaced" test \
	"$(q "$LIVE/$aside" "SELECT count(*) FROM audit WHERE action = 'restore' AND summary LIKE '%about to be replaced%'")" = 1
check "the copy set aside checks clean" test "$(q "$LIVE/$aside" 'PRAGMA integrity_check')" = ok
expect_out "its chain verifies too" "whole" "$PD" --db "$LIVE/$aside" audit --verify

# ---- refusals: nothing is changed --------------------------------------
before=$(sum "$DB")
cp "$BK/b1.db" "$BK/forged.db"
trig=$(q "$BK/forged.db" "SELECT sql FROM sqlite_schema WHERE name = 'audit_no_update'")
q "$BK/forged.db" "DROP TRIGGER audit_no_update; UPDATE audit SET summary = 'nothing happened' WHERE id = 1; $trig;"
expect_out "a backup with a forged audit row is refused" "altered at row 1" pd restore "$BK/forged.db"
expect_out "saying nothing was changed" "Nothing was changed" pd restore "$BK/forged.db"
expect_rc "with a non-zero exit" 2 pd restore "$BK/forged.db"
cp "$BK/b1.db" "$BK/extra.db"
q "$BK/extra.db" "CREATE INDEX sneaky ON client(name)"
expect_out "a backup with an index peerdesk does not make is refused" "index sneaky" pd restore "$BK/extra.db"
cp "$BK/b1.db" "$BK/notrig.db"
q "$BK/notrig.db" "DROP TRIGGER audit_no_delete"
expect_out "a backup without the audit's triggers is refused" "audit_no_delete" pd restore "$BK/notrig.db"
echo "not a database" > "$BK/junk.db"
expect_out "a file that is not a database is refused" "not a peerdesk database" pd restore "$BK/junk.db"
q "$BK/other.db" "CREATE TABLE x(y)"
expect_out "another SQLite file is refused" "not a peerdesk database" pd restore "$BK/other.db"
check "after all that the database is byte for byte the same" test "$(sum "$DB")" = "$before"
check "and nothing new is in the data folder" test "$(ls "$LIVE" | grep -c -e restore- -e aside-)" = 1

# ---- audit --verify names the row root changed with sqlite3 ------------
cp "$DB" "$T/v.db"
expect_rc "a whole chain verifies (exit 0)" 0 "$PD" --db "$T/v.db" audit --verify
q "$T/v.db" "DROP TRIGGER audit_no_update; UPDATE audit SET summary = 'x' WHERE id = 2"
expect_out "an edited row is named" "altered at row 2" "$PD" --db "$T/v.db" audit --verify
expect_rc "exit 1" 1 "$PD" --db "$T/v.db" audit --verify
cp "$DB" "$T/v.db"
n=$(q "$T/v.db" "SELECT max(id) FROM audit")
q "$T/v.db" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2"
expect_out "a removed row is named" "row 2 before it is missing" "$PD" --db "$T/v.db" audit --verify
cp "$DB" "$T/v.db"
q "$T/v.db" "INSERT INTO audit (id, at, action, entity, summary, hash) VALUES ($((n + 1)), '2026-01-01T00:00:00Z', 'open', 'client', 'forged', '$(printf '%064d' 0)')"
expect_out "a row put in by hand is named" "altered at row $((n + 1))" "$PD" --db "$T/v.db" audit --verify

# ---- backups under steady writes, and never a part-file ----------------
( i=0; while [ ! -e "$T/stop" ] && [ $i -lt 400 ]; do
	i=$((i + 1)); csv "Busy$i"
	"$PD" --db "$DB" import clients "$T/Busy$i.csv" >/dev/null 2>>"$T/busy.err"
  done ) &
writer=$!
for k in 1 2 3; do
	expect_out "backup $k while another process keeps saving" "checked: ok" pd backup "$BK/busy$k.db"
	check "backup $k checks clean" test "$(q "$BK/busy$k.db" 'PRAGMA integrity_check')" = ok
done
touch "$T/stop"
wait $writer
check "the writer saved meanwhile" test "$(q "$DB" "SELECT count(*) FROM client WHERE name LIKE 'Busy%'")" -gt 0
check "and no save of it failed" test ! -s "$T/busy.err"
check "no part-file is left beside the backups" sh -c "! ls '$BK' | grep -q '\\.part-'"
expect_rc "a backup into a folder that is not there fails" 3 pd backup "$T/nowhere/b.db"
check "and leaves nothing" test ! -e "$T/nowhere/b.db"
# (installed setgid the whole data folder is refused: t_attack.sh)
expect_out "a backup beside the database under its name is refused" \
	"beside peerdesk's database" pd backup "$LIVE/org.db-copy"
check "and leaves nothing" test ! -e "$LIVE/org.db-copy"

finish
