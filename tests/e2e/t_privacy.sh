#!/bin/bash
# Tier 4: data-protection requests from the command line: a copy of
# everything held (sar), erasing a closed client, retention.
. "$(dirname "$0")/lib.sh"

DB=$T/org.db
q() { sqlite3 "$DB" "$1"; }
"$PD" --db "$DB" --today 2026-11-25 demo >/dev/null || fail "demo"
command -v pdftotext >/dev/null || fail "pdftotext is missing (poppler-utils)"

# a closed client with sessions, and someone opening the record
C=$(q "SELECT id FROM client WHERE status = 'closed' AND EXISTS (SELECT 1 FROM session s WHERE s.client_id = client.id AND s.did IS NOT NULL) ORDER BY id LIMIT 1")
NAME=$(q "SELECT name FROM client WHERE id = $C")
PHONE=$(q "SELECT phone FROM client WHERE id = $C")
NOTE=$(q "SELECT did FROM session WHERE client_id = $C AND did IS NOT NULL ORDER BY length(did) LIMIT 1")
PRIYA=$(q "SELECT id FROM staff WHERE login = 'priya'")
q "INSERT INTO audit (at, actor_id, actor_login, action, entity, entity_id, client_id, summary) VALUES ('2026-03-01T10:15:00Z', $PRIYA, 'priya', 'open', 'client', $C, $C, 'opened the record')"
# an audit row as peerdesk writes it since 0009: no client words in the
# row; the record's before and after beside it, in audit_detail
q "INSERT INTO audit (at, actor_id, actor_login, action, entity, entity_id, client_id, summary) VALUES ('2026-03-02T09:00:00Z', $PRIYA, 'priya', 'update', 'client', $C, $C, 'changed the record')"
q "INSERT INTO audit_detail (audit_id, client_id, before, after) VALUES ((SELECT max(id) FROM audit), $C, 'phone: $PHONE', 'name: $NAME')"
SAM=$(q "SELECT id FROM staff WHERE login = 'sam'")
q "INSERT INTO draft (staff_id, form, record_key, content, saved_at) VALUES ($SAM, 'kept:client-edit', '$C', 'contact_notes	call after six, half typed', '2026-03-03T11:00:00Z')"
q "INSERT INTO draft (staff_id, form, record_key, content, saved_at) VALUES ($SAM, 'kept:session', '', 'client	$NAME
did	we walked by the river', '2026-03-04T12:00:00Z')"
LINES=$(q "SELECT count(*) FROM timesheet_line WHERE client_id = $C")
check "the test client has time logged" test "$LINES" -gt 0
check "the test client has a name, a phone and a session note" \
	test -n "$NAME" -a -n "$PHONE" -a -n "$NOTE"

# Another client's session note names this one (the SAR says where;
# erase takes the name out, below).
OTHER_S=$(q "SELECT min(id) FROM session WHERE client_id <> $C")
q "UPDATE session SET went_well = 'Bumped into $NAME at the market' WHERE id = $OTHER_S"
OTHER_C=$(q "SELECT client_id FROM session WHERE id = $OTHER_S")

# sar
mkdir -p "$T/out"
expect_out "sar writes the PDF and the YAML" "client-$C.pdf" \
	"$PD" --db "$DB" sar "$C" --output "$T/out"
check "the YAML is there" test -s "$T/out/client-$C.yaml"
pdftotext -layout "$T/out/client-$C.pdf" "$T/out/sar.txt"
check "the PDF says what it is" grep -q "What we hold about you" "$T/out/sar.txt"
check "the PDF has the client's name" grep -qF "$NAME" "$T/out/sar.txt"
check "the PDF has a session note" grep -qF "$NOTE" "$T/out/sar.txt"
check "the PDF says who opened the record and when" \
	grep -q "Priya.* opened the record on 2026-03-01 at 10:15" "$T/out/sar.txt"
check "the PDF names plan versions and who saved them" \
	grep -q "Your plan, version 1, saved by" "$T/out/sar.txt"
check "the PDF has the time logged for the client" \
	grep -q "Time your PALs logged for you" "$T/out/sar.txt"
check "... line by line" \
	test "$(grep -c "Time logged on " "$T/out/sar.txt")" -eq "$LINES"
check "the PDF has the kept drafts about the client" \
	grep -q "Unsaved text kept for Sam" "$T/out/sar.txt"
check "... a draft of their record" grep -qF "call after six, half typed" "$T/out/sar.txt"
check "... and one that names them" grep -qF "we walked by the river" "$T/out/sar.txt"
check "the YAML has the time and the drafts" \
	sh -c "grep -q '^time:' '$T/out/client-$C.yaml' && grep -q '^drafts:' '$T/out/client-$C.yaml' && grep -qF 'call after six' '$T/out/client-$C.yaml'"
check "the YAML has the client" grep -qF "client: \"$NAME\"" "$T/out/client-$C.yaml"
check "the YAML has the sessions" grep -q "^sessions:" "$T/out/client-$C.yaml"
check "the PDF says where other people's notes name the client" \
	grep -q "Named in a session note of another client" "$T/out/sar.txt"
check "the YAML names that record, not what else it says" \
	sh -c "grep -qF 'record: \"session note #$OTHER_S\"' '$T/out/client-$C.yaml' && ! grep -qF 'Bumped into' '$T/out/client-$C.yaml'"
expect_out "sar never overwrites" "already there" "$PD" --db "$DB" sar "$C" --output "$T/out"
check "the sar is audited once" test "$(q "SELECT count(*) FROM audit WHERE action = 'sar' AND client_id = $C")" = 1
expect_rc "sar of nobody is not found" 3 "$PD" --db "$DB" sar 99999 --output "$T/out"
expect_rc "sar needs a client number" 2 "$PD" --db "$DB" sar

# erase: refusals first
OPEN=$(q "SELECT id FROM client WHERE status <> 'closed' ORDER BY id LIMIT 1")
expect_out "erase refuses a client who is not closed" "not closed" \
	"$PD" --db "$DB" erase "$OPEN" --yes
check "and changes nothing" test "$(q "SELECT anonymised_at IS NULL FROM client WHERE id = $OPEN")" = 1
expect_out "erase asks for the name and stops on a wrong one" "nothing was erased" \
	sh -c "echo 'Someone Else' | '$PD' --db '$DB' erase $C"
# Erase says where other people's notes name the client, and takes the
# name out of them, keeping the rest of the note.
out=$(echo 'Someone Else' | "$PD" --db "$DB" erase "$C" 2>&1)
case $out in
*"also appears in other people's records"*"session note #$OTHER_S of "*"(client $OTHER_C)"*"Bumped into [$NAME] at the market"*) ok "erase lists other records that name the client, with the words around" ;;
*) fail "erase lists other records that name the client"; printf '%s\n' "$out" | sed 's/^/  /' ;;
esac
check "the client is still there" test "$(q "SELECT name FROM client WHERE id = $C")" = "$NAME"

MIN_BEFORE=$(q "SELECT count(*), sum(minutes), min(date), max(date) FROM session WHERE client_id = $C")
LINES_BEFORE=$(q "SELECT count(*), sum(minutes) FROM timesheet_line WHERE client_id = $C OR session_id IN (SELECT id FROM session WHERE client_id = $C)")
ASG_BEFORE=$(q "SELECT group_concat(started_on || '/' || coalesce(ended_on, '')) FROM assignment WHERE client_id = $C")
AUDIT_BEFORE=$(q "SELECT count(*) FROM audit WHERE client_id = $C")
AUDIT_ROWS=$(q "SELECT group_concat(id || '|' || at || '|' || action || '|' || coalesce(summary, '') || '|' || coalesce(before, '') || '|' || coalesce(after, ''), char(10)) FROM audit")
AUDIT_MAX=$(q "SELECT max(id) FROM audit")
DOB=$(q "SELECT date_of_birth FROM client WHERE id = $C")
check "the test client has a date of birth" test -n "$DOB"
# Another peerdesk has the database open all through the erase (the
# issue found the old words left in the -wal while one was open).
export PEERDESK_TODAY=2026-11-25
tm_start other 80 24 "'$PD' --db '$DB' log --pal jo"
expect_screen "a second peerdesk is open on the database" other "What we did"
check "before the erase, the name and phone are in the database's files" \
	sh -c "cat '$DB' '$DB-wal' 2>/dev/null | grep -qaF -e '$NAME' && cat '$DB' '$DB-wal' 2>/dev/null | grep -qaF -e '$PHONE'"
# one Enter (the default) for each place listed, then the name
NPLACES=$(printf '%s\n' "$out" | grep -cE '^  [0-9]+\. ')
expect_out "erase goes ahead when the name is typed" "is erased" \
	sh -c "{ yes '' | head -n $NPLACES; printf '%s\n' '$NAME'; } | '$PD' --db '$DB' erase $C"
for f in "$DB" "$DB-wal" "$DB-shm"; do
	[ -e "$f" ] || continue
	check "no trace of the name, phone or date of birth in $(basename "$f")" \
		sh -c "! grep -qaF -e '$NAME' -e '$PHONE' -e '$DOB' '$f'"
done
check "the journal was emptied" sh -c "[ ! -s '$DB-wal' ]"
tm_keys other C-q
tm kill-session -t other
check "the name is replaced" test "$(q "SELECT name FROM client WHERE id = $C")" = "Erased client #$C"
check "the other client's note keeps everything but the name" test \
	"$(q "SELECT went_well FROM session WHERE id = $OTHER_S")" = "Bumped into (erased) at the market"
check "anonymised_at is set" test "$(q "SELECT anonymised_at IS NOT NULL FROM client WHERE id = $C")" = 1
check "the kept drafts about the client are gone" \
	test "$(q "SELECT count(*) FROM draft WHERE content LIKE '%half typed%' OR content LIKE '%by the river%'")" = 0

# no trace of the name or the phone in any text column of any table but
# the audit, whose rows are never changed since schema 8 (their words
# about an erased client are hidden when shown)
leaks=0
for t in $(q "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit'"); do
	for col in $(q "SELECT name FROM pragma_table_info('$t')"); do
		n=$(q "SELECT count(*) FROM \"$t\" WHERE instr(CAST(\"$col\" AS TEXT), '$NAME') > 0 OR instr(CAST(\"$col\" AS TEXT), '$PHONE') > 0")
		if [ "$n" != 0 ]; then
			echo "  $t.$col still holds the name or phone ($n rows)"
			leaks=1
		fi
	done
done
check "no table but the audit holds the name or the phone any more" test $leaks = 0
check "session dates and minutes are kept" test "$(q "SELECT count(*), sum(minutes), min(date), max(date) FROM session WHERE client_id = $C")" = "$MIN_BEFORE"
check "timesheet lines (pay) are kept" test "$(q "SELECT count(*), sum(minutes) FROM timesheet_line WHERE client_id = $C OR session_id IN (SELECT id FROM session WHERE client_id = $C)")" = "$LINES_BEFORE"
check "assignment dates are kept" test "$(q "SELECT group_concat(started_on || '/' || coalesce(ended_on, '')) FROM assignment WHERE client_id = $C")" = "$ASG_BEFORE"
check "session notes are gone" test "$(q "SELECT count(*) FROM session WHERE client_id = $C AND (did IS NOT NULL OR went_well IS NOT NULL OR follow_up IS NOT NULL)")" = 0
check "the audit keeps every row (plus the erase)" test "$(q "SELECT count(*) FROM audit WHERE client_id = $C")" = $((AUDIT_BEFORE + 1))
check "no audit row was changed" test "$(q "SELECT group_concat(id || '|' || at || '|' || action || '|' || coalesce(summary, '') || '|' || coalesce(before, '') || '|' || coalesce(after, ''), char(10)) FROM (SELECT * FROM audit WHERE id <= $AUDIT_MAX ORDER BY id)")" = "$AUDIT_ROWS"
expect_out "peerdesk audit shows the client as erased" "client #$C (erased)" \
	"$PD" --db "$DB" audit --client "$C"
check "the audit keeps who opened the record and when" test "$(q "SELECT actor_login || ' ' || at FROM audit WHERE client_id = $C AND action = 'open'")" = "priya 2026-03-01T10:15:00Z"
check "the erase is audited without personal data" test "$(q "SELECT count(*) FROM audit WHERE client_id = $C AND action = 'erase' AND summary NOT LIKE '%$NAME%'")" = 1
check "the audit still refuses other changes" sh -c "! sqlite3 '$DB' \"UPDATE audit SET action = 'x' WHERE client_id = $C\" 2>/dev/null"
check "and still refuses removal" sh -c "! sqlite3 '$DB' \"DELETE FROM audit WHERE client_id = $C\" 2>/dev/null"
check "nor a redaction (rows are never changed)" sh -c "! sqlite3 '$DB' \"UPDATE audit SET summary = '(erased)', before = NULL, after = NULL, reason = NULL WHERE action = 'sar'\" 2>/dev/null"
expect_out "erasing twice is refused" "already erased" "$PD" --db "$DB" erase "$C" --yes
check "the database checks clean" test "$(q 'PRAGMA integrity_check')" = ok

# retention: one year, at the boundary of the oldest closure
printf 'retention_years: 1\n' > "$T/config.yaml"
OLDEST=$(q "SELECT min(closed_on) FROM client WHERE status = 'closed' AND anonymised_at IS NULL")
DAY=$(date -u -d "$OLDEST + 1 year" +%F)
BEFORE=$(date -u -d "$DAY - 1 day" +%F)
expected() { q "SELECT group_concat(id, ' ') FROM (SELECT id FROM client WHERE status = 'closed' AND anonymised_at IS NULL AND closed_on <= date('$1', '-1 year') ORDER BY closed_on, id)"; }
listed() { "$PD" --db "$DB" --config "$T/config.yaml" --today "$1" retention --dry-run | awk '/^ +[0-9]+ +[0-9-]+ +[0-9]+ /{print $1}' | paste -sd' '; }
check "retention lists nobody the day before the oldest closure's year is up" test -z "$(listed "$BEFORE")"
check "and exactly the oldest on the day" test "$(listed "$DAY")" = "$(expected "$DAY")" -a -n "$(expected "$DAY")"
check "and exactly the right clients a few months on" test "$(listed 2026-11-25)" = "$(expected 2026-11-25)"
expect_out "the dry run changes nothing" "Nothing was changed" \
	"$PD" --db "$DB" --config "$T/config.yaml" --today 2026-11-25 retention --dry-run
# the dry run shows where other people's notes name each client, with
# the words around, for the manager to say yes or no to each place
R1=$(expected 2026-11-25 | awk '{print $1}')
R1NAME=$(q "SELECT name FROM client WHERE id = $R1")
R1S=$(q "SELECT min(id) FROM session WHERE client_id <> $R1 AND client_id <> $C")
q "UPDATE session SET follow_up = 'Ask $R1NAME about the allotment' WHERE id = $R1S"
expect_out "retention --dry-run lists the places, with context" "Ask [$R1NAME] about the allotment" \
	"$PD" --db "$DB" --config "$T/config.yaml" --today 2026-11-25 retention --dry-run
check "the dry run changed nothing" test "$(q "SELECT follow_up FROM session WHERE id = $R1S")" = "Ask $R1NAME about the allotment"
# saying no to that place keeps it as written (answers: n for it, the
# default for any other place, then the wrong name: client kept)
out=$(printf 'n\n\n\n\n\n\nnot the name\n' | "$PD" --db "$DB" --config "$T/config.yaml" --today 2026-11-25 retention 2>&1)
case $out in
*"Replace place 1 with"*) ok "retention asks about each place" ;;
*) fail "retention asks about each place"; printf '%s\n' "$out" | sed 's/^/  /' ;;
esac
N=$(expected 2026-11-25 | wc -w)
expect_out "retention --yes erases them" "Erased $N of $N" \
	"$PD" --db "$DB" --config "$T/config.yaml" --today 2026-11-25 retention --yes
check "then nobody is past retention" test -z "$(listed 2026-11-25)"
check "and --yes replaced the whole name in the other note" test "$(q "SELECT follow_up FROM session WHERE id = $R1S")" = "Ask (erased) about the allotment"
check "and they are all anonymised" test "$(q "SELECT count(*) FROM client WHERE anonymised_at IS NOT NULL")" = $((N + 1))

finish
