#!/bin/bash
# Tier 4: a person's own keys.yaml (~/.config/peerdesk/keys.yaml, or
# under $XDG_CONFIG_HOME) changes the keys; a mistake in it is named by
# file and line before the screens start, and the terminal is left alone.
. "$(dirname "$0")/lib.sh"

DB=$T/peerdesk.db
KEYS=$XDG_CONFIG_HOME/peerdesk/keys.yaml
mkdir -p "$(dirname "$KEYS")"
"$PD" --db "$DB" --today 2026-11-25 demo >/dev/null 2>&1
check "the demo database was made" test -s "$DB"

# F9 saves a form as well as C-s and F2.
cat >"$KEYS" <<'YAML'
# my keys: F9 saves too
form:
  save: [C-s, F2, F9]
YAML
tm_start k 80 24 "'$PD' --db '$DB' --today 2026-11-25"
expect_screen "the screens start with a keys.yaml of one's own" k "Go to (press a key)"
tm_keys k n
expect_screen "a new referral" k "Referrer's organisation"
tm_text k "Robin Keyes"
expect_screen "the name is typed" k "Robin Keyes"
tm_keys k F1
expect_screen "the help lists the new key for saving" k "C-s, F2, F9"
tm_keys k Escape
tm_wait_gone k "C-s, F2, F9" 5 && ok "Esc closes the help" || fail "Esc closes the help"
tm_keys k F9
expect_screen "F9 saves the form" k "Saved: Robin Keyes"
check "and the client is there" test "$(sqlite3 "$DB" "SELECT count(*) FROM client WHERE name = 'Robin Keyes'")" = 1
tm_keys k C-q
tm_wait k "[exited]" 5 >/dev/null

# A keys file with a mistake: the file and line are named, nothing starts.
printf 'form:\n  save: [C-s]\nlist:\n  launch: [x]\n' >"$KEYS"
expect_out "an unknown action is named with its file and line" \
    "keys.yaml:4: launch: there is no action called \"launch\"" \
    script -qec "'$PD' --db '$DB'" /dev/null
expect_out "and the way out is said" "to use the standard keys" \
    script -qec "'$PD' --db '$DB'" /dev/null
printf 'form:\n  save: [C-s, Hyper-K]\n' >"$KEYS"
expect_out "a key name that does not exist is named" \
    "keys.yaml:2: save: \"Hyper-K\" is not a key name" \
    script -qec "'$PD' --db '$DB'" /dev/null
printf 'form:\n  save: [C-s\n' >"$KEYS"
expect_out "broken YAML is named with line and column" "keys.yaml:3:1:" \
    script -qec "'$PD' --db '$DB'" /dev/null
expect_rc "and peerdesk stops with exit 1" 1 \
    script -qec "'$PD' --db '$DB'" /dev/null

# No keys file at all: the standard keys.
rm -f "$KEYS"
tm_start k2 80 24 "'$PD' --db '$DB' --today 2026-11-25"
expect_screen "without a keys file the screens start" k2 "Go to (press a key)"
finish
