#!/bin/bash
# Tier 4: backups, restores and the audit trail from the command line.
. "$(dirname "$0")/lib.sh"

# backups go to a folder of their own: never the database's
mkdir -p "$T/data"
DB=$T/data/org.db
count() { sqlite3 "$1" "$2"; }
"$PD" --db "$DB" --today 2026-11-25 demo >/dev/null || fail "demo"

expect_out "backup copies the database" "checked: ok" "$PD" --db "$DB" backup "$T/b1.db"
check "the backup has the same clients" test \
	"$(count "$T/b1.db" 'SELECT count(*) FROM client')" = "$(count "$DB" 'SELECT count(*) FROM client')"
check "the backup checks clean" test "$(count "$T/b1.db" 'PRAGMA integrity_check')" = ok
expect_out "a backup never overwrites a file" "already a file" "$PD" --db "$DB" backup "$T/b1.db"
expect_out "the backup is in the audit trail" "backup" "$PD" --db "$DB" audit --limit 1

# backup while another process is writing: both finish, nothing lost
( for i in $(seq 1 30); do
	printf 'name,referred_on,referrer,funding,contracted_minutes_per_week\nBusy %s,2026-11-20,x,none,60\n' "$i" > "$T/busy$i.csv"
	"$PD" --db "$DB" import clients "$T/busy$i.csv" >/dev/null || echo "import $i failed" >> "$T/busy.err"
  done ) &
writer=$!
expect_out "a backup while someone is saving" "checked: ok" "$PD" --db "$DB" backup "$T/b2.db"
wait $writer
check "every save during the backup is there" test "$(count "$DB" "SELECT count(*) FROM client WHERE name LIKE 'Busy %'")" = 30
check "and no save failed" test ! -s "$T/busy.err"

# restore: checks the file first
echo "not a database" > "$T/junk.db"
expect_out "restore refuses a file that is not a database" "not a peerdesk database" \
	"$PD" --db "$DB" restore "$T/junk.db"
sqlite3 "$T/other.db" "CREATE TABLE x(y)"
expect_out "restore refuses another SQLite file" "not a peerdesk database" \
	"$PD" --db "$DB" restore "$T/other.db"
cp "$T/b1.db" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 999"
expect_out "restore refuses a newer backup" "newer peerdesk" "$PD" --db "$DB" restore "$T/newer.db"
check "a refused restore leaves the database alone" test "$(count "$DB" "SELECT count(*) FROM client WHERE name LIKE 'Busy %'")" = 30
expect_out "restore brings the backup back" "Restored" "$PD" --db "$DB" restore "$T/b1.db"
check "the later clients are gone again" test "$(count "$DB" "SELECT count(*) FROM client WHERE name LIKE 'Busy %'")" = 0
check "the restore is audited" test "$(count "$DB" "SELECT count(*) FROM audit WHERE action = 'restore'")" = 1
check "the restored database checks clean" test "$(count "$DB" 'PRAGMA integrity_check')" = ok

# the audit trail: filters and CSV
"$PD" --db "$DB" import clients "$T/busy1.csv" >/dev/null
expect_out "audit by user" "import" "$PD" --db "$DB" audit --user "$(id -un)"
expect_out "an unknown user is named" "'nobody_here' is not a peerdesk user" "$PD" --db "$DB" audit --user nobody_here
expect_out "audit as CSV has a header" "at,login,action,record,record_id,client_id,summary,reason,before,after" \
	"$PD" --db "$DB" audit --format csv --limit 2
expect_out "audit by date" "Nothing in the audit trail matches" "$PD" --db "$DB" audit --from 2001-01-01 --to 2001-01-02
expect_rc "a bad date is a usage error" 2 "$PD" --db "$DB" audit --from yesterday
# text that would drive a terminal is printed escaped (CSV keeps it)
sqlite3 "$DB" "INSERT INTO audit (at, actor_login, action, entity, summary) VALUES ('2026-01-01T00:00:00Z', 'eve', 'update', 'client', 'Eve' || char(27) || ']0;pwned' || char(7) || 'x')"
out=$("$PD" --db "$DB" audit --user "" --from 2026-01-01 --to 2026-01-01 2>&1)
case $out in
*'Eve\x1b]0;pwned\x07x'*) ok "audit prints control characters escaped" ;;
*) fail "audit prints control characters escaped"; printf '%s\n' "$out" | cat -v ;;
esac
check "... and no raw ESC reaches the terminal" sh -c "! printf '%s' \"\$1\" | grep -q \"\$(printf '\\033')\"" sh "$out"
check "the audit table refuses changes" sh -c "! sqlite3 '$DB' 'DELETE FROM audit' 2>/dev/null"
check "and refuses updates" sh -c "! sqlite3 '$DB' \"UPDATE audit SET action = 'x'\" 2>/dev/null"

finish
