#!/bin/bash
# Tier 4: a wellness plan through the command line - written as YAML and
# brought in, the client's copy as text and PDF (read back with
# pdftotext), the round trip export -> import -> export byte for byte, an
# edited file, a stale file (conflict, then --force), broken files with
# file:line:column, what changed, history, progress, and the client list
# that gives the numbers.
. "$(dirname "$0")/lib.sh"

DB=$T/plan.db
pd() { "$PD" --db "$DB" "$@"; }

# --- a small organisation ----------------------------------------------
check "an empty database" pd init
printf '%s\n' "name,referred_on,referrer,funding,contracted_minutes_per_week,preferred_name" \
    "Zoë Brown,2026-11-20,Kate Morris,personal_budget,360,Zo" \
    "Ben Carter,2026-11-21,Dr Shah,none,," > "$T/clients.csv"
check "two referrals come in" pd import clients "$T/clients.csv"
expect_out "the client list gives their numbers" \
    "    1  Zoë Brown (Zo)               referred" pd clients
expect_out "and can be narrowed by name" "Ben Carter" pd clients carter
check "... leaving the others out" bash -c "! \"$PD\" --db '$DB' clients carter | grep -q Zoë"

# --- writing the plan as a file -----------------------------------------
today=$(date +%F)
before=$(date -d '-28 days' +%F)
cat > "$T/zoe.yaml" <<EOF
peerdesk_plan: 1
client: 1
name: Zoë Brown
version: 0
note: written with Zoë at the café
sections:
  ambitions: To work with plants again.
  keeps_me_well: |
    Walking the dog every morning.
    Ringing my sister on Sundays.
  triggers: Brown envelopes; loud rooms.
  crisis_plan: Ring Lou first, then the crisis line.
  crisis_contacts: "Lou (sister): 07700 900123"
  unsafe_places: The bus station at night.
goals:
  - area: ambition
    title: Work in a garden centre
    set_by: me
  - area: connect
    title: Go to the Thursday walking group
    set_by: me
    steps:
      - text: Find out where it meets
        done_on: $before
      - text: Go once with Jo
    scores:
      - on: $before
        score: -1
      - on: $today
        score: +1
  - area: learn
    title: A Recovery College course
    set_by: me and Priya
notes:
  - on: $today
    text: Zoë chose the walking group herself.
EOF
expect_out "a plan file comes in" \
    "Zoë Brown's plan: saved as version 1; 3 goals added, 0 changed; 2 scores and 1 note added." \
    pd plan import "$T/zoe.yaml"

pd plan show 1 > "$T/copy.txt"
for want in "My Wellness and Safety Plan" "Zoë Brown" \
    "This is your plan, in your own words." \
    "   Walking the dog every morning." \
    "* Connect: Go to the Thursday walking group" \
    "[x] Find out where it meets" "[ ] Go once with Jo" \
    "How it is going: " "- moved up" "* Learn: A Recovery College course" \
    "Zoë chose the walking group herself."; do
	if grep -qF -- "$want" "$T/copy.txt"; then ok "the text copy holds \"$want\""
	else fail "the text copy holds \"$want\""; sed 's/^/  | /' "$T/copy.txt" | head -40; fi
done
check "the text copy fits in 78 columns" \
    test "$(wc -L < "$T/copy.txt")" -le 78

# --- the PDF ---------------------------------------------------------------
expect_out "the PDF is written" "Wrote the plan to $T/zoe.pdf." \
    pd plan pdf 1 "$T/zoe.pdf"
check "... for its owner's eyes only" test "$(stat -c %a "$T/zoe.pdf")" = 600
check "... and is A4" grep -q '595 x 842 pts (A4)' <(pdfinfo "$T/zoe.pdf")
pdftotext -enc UTF-8 "$T/zoe.pdf" "$T/pdf.txt"
for want in "My Wellness and Safety Plan" "Zoë Brown" \
    "Connect: Go to the Thursday walking group" \
    "Learn: A Recovery College course" "Work in a garden centre" \
    "Ring Lou first, then the crisis line." "Page 1 of"; do
	if grep -qF -- "$want" "$T/pdf.txt"; then ok "pdftotext finds \"$want\""
	else fail "pdftotext finds \"$want\""; head -40 "$T/pdf.txt" | sed 's/^/  | /'; fi
done

# --- the round trip ----------------------------------------------------------
check "export to a file" pd plan export 1 "$T/a.yaml"
check "... readable by its owner only" test "$(stat -c %a "$T/a.yaml")" = 600
expect_out "the same file back changes nothing" \
    "the sections are as they were (version 1); 0 goals added, 0 changed; 0 scores and 0 notes added." \
    pd plan import "$T/a.yaml"
pd plan export 1 > "$T/b.yaml"
check "export, import, export: the same bytes" cmp "$T/a.yaml" "$T/b.yaml"

# an edit in a text editor
sed -e 's/^  triggers_plan:$/  triggers_plan: Open letters with Lou./' \
    "$T/a.yaml" > "$T/edited.yaml"
expect_out "an edited file makes version 2" "saved as version 2" \
    pd plan import "$T/edited.yaml"
expect_out "the copy has the new words" "Open letters with Lou." pd plan show 1

# the first file is stale now
expect_rc "a stale file is refused" 1 pd plan import "$T/a.yaml"
expect_out "... naming the file and the version line" \
    "$T/a.yaml:9: version: the plan has changed since this file was written: it is at version 2" \
    pd plan import "$T/a.yaml"
expect_out "--force keeps both: version 3 on top" "saved as version 3" \
    pd plan import --force "$T/a.yaml"
expect_out "... and version 2 is still in the history" \
    "Version 2: My plan to avoid them or make them smaller" pd plan history 1

# broken files
printf 'peerdesk_plan: 1\nclient: 1\nversion: 3\ngoals:\n  - area: swimming\n    title: x\n' > "$T/bad.yaml"
expect_rc "a broken file is refused" 2 pd plan import "$T/bad.yaml"
expect_out "... with file:line:column" \
    "$T/bad.yaml:5:11: area: expected one of ambition, connect" \
    pd plan import "$T/bad.yaml"
printf 'peerdesk_plan: 1\nclient: 2\nname: Zoë Brown\nversion: 0\n' > "$T/who.yaml"
expect_out "a file for someone else is refused" \
    'this file is for "Zoë Brown", but client 2 is "Ben Carter"' \
    pd plan import "$T/who.yaml"
expect_rc "an unknown client" 3 pd plan export 99
expect_out "... said plainly" "there is no client 99" pd plan export 99
expect_out "a number is needed" "'Zoë' is not a client number" pd plan show Zoë

# --- what changed, history, progress, established ---------------------------
expect_out "what changed since the last review" \
    "score -1, now +1 (moved up)" pd plan changes 1
expect_out "... section by section" \
    "  My crisis plan: written on" pd plan changes 1
expect_out "one version's changes" "Now: Open letters with Lou." \
    pd plan version 1 2
expect_out "every plan at a glance" \
    "1 plan; 3 goals: 1 moved up, 2 not scored yet." pd plan progress
expect_out "established (the intake rule)" "is established" \
    pd plan establish 1
expect_rc "... only once" 1 pd plan establish 1
finish
