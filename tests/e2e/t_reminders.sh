#!/bin/bash
# Tier 4: `peerdesk reminders` as text, CSV and iCalendar (checked by a
# real parser: Debian's python3-icalendar), and `peerdesk pal`.
. "$(dirname "$0")/lib.sh"

DB=$T/org.db
PY=/usr/bin/python3
ON=2026-11-25
pd() { "$PD" --db "$DB" --today "$ON" "$@"; }

if ! "$PY" -c 'import icalendar' 2>/dev/null; then
	fail "python3-icalendar is needed (tools/deps.sh test installs it)"
	finish
fi

expect_rc "the demo is made" 0 pd demo
# A PAL with a long name full of accents and no supervision yet: their
# reminder's lines must fold without splitting a character.
LONG="Siobhán Ó Briain-Ní Mhaonaigh, Seán Ó Ceallaigh; Zoë Łukasiewicz-Ğüneş"
printf 'name,login,role,hourly_rate,rate_from,benefit_rule\n"%s",longname,pal,12.71,2026-04-01,permitted\n' \
	"$LONG" > "$T/pal.csv"
expect_rc "a PAL with a long name is added" 0 pd import pals "$T/pal.csv"

# ---- text -----------------------------------------------------------------
expect_out "text: a review is due" "Review due: " pd reminders
expect_out "text: a review is overdue" "Review overdue: " pd reminders
expect_out "text: supervision is due" "Supervision due: $LONG, none recorded yet" pd reminders
expect_out "text: the DBS re-check a month ahead" "DBS re-check due: Aisha Khan" pd reminders
n_text=$(pd reminders | grep -c '^  ')
n_60=$(pd reminders --days 60 | grep -c '^  ')
check "--days 60 looks further ahead" test "$n_60" -gt "$n_text"
expect_rc "--days must be a number" 2 pd reminders --days soon
expect_rc "--format must be known" 2 pd reminders --format pdf
expect_rc "stray words are refused" 2 pd reminders now

# ---- CSV ------------------------------------------------------------------
pd reminders --format csv > "$T/r.csv"
check "CSV has a header" test "$(head -1 "$T/r.csv" | tr -d '\r')" = "kind,due_on,client_id,client,pal_id,pal,text"
check "CSV rows match the text" "$PY" - "$T/r.csv" "$n_text" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
assert rows[0][0] == 'kind'
body = rows[1:]
assert len(body) == int(sys.argv[2]), (len(body), sys.argv[2])
assert all(len(r) == 7 for r in body)
kinds = {r[0] for r in body}
assert {'review_due', 'review_overdue', 'supervision'} <= kinds, kinds
PY

# ---- iCalendar ------------------------------------------------------------
printf 'organisation: "Riverside Peer Support – Café Ünïcödé Ëdition, with a name long enough to fold twice over"\n' > "$T/config.yaml"
pd --config "$T/config.yaml" reminders --format ics > "$T/r.ics"
pd --config "$T/config.yaml" reminders --format ics > "$T/r2.ics"
check "iCalendar parses and holds one event per reminder" "$PY" - "$T/r.ics" "$n_text" "$LONG" <<'PY'
import sys, datetime, icalendar
raw = open(sys.argv[1], 'rb').read()
cal = icalendar.Calendar.from_ical(raw)
assert cal.name == 'VCALENDAR'
assert str(cal['VERSION']) == '2.0'
assert 'peerdesk' in str(cal['PRODID'])
events = [c for c in cal.walk() if c.name == 'VEVENT']
assert len(events) == int(sys.argv[2]), (len(events), sys.argv[2])
uids = set()
for e in events:
    for k in ('UID', 'DTSTAMP', 'DTSTART', 'SUMMARY', 'DESCRIPTION'):
        assert k in e, k
    assert type(e.decoded('DTSTART')) is datetime.date
    uids.add(str(e['UID']))
assert len(uids) == len(events), 'UIDs are not unique'
summaries = [str(e['SUMMARY']) for e in events]
assert 'Supervision due: ' + sys.argv[3] in summaries, summaries
descs = [str(e['DESCRIPTION']) for e in events]
assert any(',' in d for d in descs)     # escaped commas come back
assert 'Café Ünïcödé Ëdition' in str(cal['X-WR-CALNAME'])
PY
check "every line ends in CRLF and is at most 75 octets" "$PY" - "$T/r.ics" <<'PY'
import sys
raw = open(sys.argv[1], 'rb').read()
assert raw.endswith(b'\r\n')
lines = raw.split(b'\r\n')[:-1]
assert all(b'\n' not in l and b'\r' not in l for l in lines)
assert all(len(l) <= 75 for l in lines), max(len(l) for l in lines)
assert any(l.startswith(b' ') for l in lines), 'nothing was folded'
for l in lines:
    l.decode('utf-8')                   # no character split by a fold
PY
check "UIDs are the same on every run" "$PY" - "$T/r.ics" "$T/r2.ics" <<'PY'
import sys, icalendar
def uids(p):
    cal = icalendar.Calendar.from_ical(open(p, 'rb').read())
    return sorted(str(e['UID']) for e in cal.walk('VEVENT'))
assert uids(sys.argv[1]) == uids(sys.argv[2])
PY
# a review keeps its UID from "due" to "overdue"
who=$(pd reminders | sed -n 's/^  Review due: \(.*\), since .*/\1/p' | head -n 1)
check "a review is due to follow" test -n "$who"
uid_due=$(pd reminders --format ics | perl -0pe 's/\r\n //g' | tr -d '\r' | awk -v s="SUMMARY:Review due: $who" '/^BEGIN:VEVENT/{u=""} /^UID:review/{u=$0} $0 == s {print u}')
uid_late=$("$PD" --db "$DB" --today 2026-12-09 reminders --format ics | perl -0pe 's/\r\n //g' | tr -d '\r' | awk -v s="SUMMARY:Review overdue: $who" '/^BEGIN:VEVENT/{u=""} /^UID:review/{u=$0} $0 == s {print u}')
check "a review's UID stays the same when it becomes overdue" test -n "$uid_due" -a "$uid_due" = "$uid_late"

# ---- pal ------------------------------------------------------------------
expect_out "pal list: caseload" "4 of 5" pd pal list
expect_out "pal list: room left this week" "Room left" pd pal list
expect_out "pal show: Jo's clients" "Clients now: 4 of 5" pd pal show jo
expect_out "pal show: the week so far" "This week:" pd pal show jo
expect_rc "pal show: an unknown login" 3 pd pal show nobody
expect_rc "pal: a usage error" 2 pd pal frob

finish
