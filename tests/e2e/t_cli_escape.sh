#!/bin/bash
# Tier 4: what the commands print on a terminal never acts on it.  A name
# holding an escape sequence, a bell and a byte that is not UTF-8 comes
# out as visible escapes on a terminal, and as its own bytes into a pipe
# or a file (for scripts and payroll).  Screens started by a command
# still draw normally.
. "$(dirname "$0")/lib.sh"

DB=$T/peerdesk.db
"$PD" --db "$DB" --today 2026-11-25 demo >/dev/null 2>&1
check "the demo database was made" test -s "$DB"
sqlite3 "$DB" "UPDATE client SET name = 'Evil' || char(27) || '[31mRed' || char(7) || ' ' || CAST(X'FF' AS TEXT) || 'x é' WHERE id = 3"

out=$(script -qec "'$PD' --db '$DB' clients Evil" /dev/null)
case $out in
*'Evil\x1b[31mRed\x07 \xffx é'*) ok "on a terminal the name is shown escaped (accents kept)" ;;
*) fail "on a terminal the name is shown escaped"; printf '%s\n' "$out" | od -c | head -8 ;;
esac
case $out in
*$'\033'*|*$'\a'*) fail "no raw escape or bell reaches the terminal" ;;
*) ok "no raw escape or bell reaches the terminal" ;;
esac
"$PD" --db "$DB" clients Evil >"$T/piped.txt"
check "into a pipe or file the bytes are as stored" grep -q $'Evil\033\[31mRed\a \xffx' "$T/piped.txt"

# A long, multi-line text through the plan's show command on a terminal.
out=$(script -qec "'$PD' --db '$DB' --today 2026-11-25 plan show 3" /dev/null)
case $out in
*'Evil\x1b[31mRed'*) ok "plan show escapes the name too" ;;
*) fail "plan show escapes the name too"; printf '%s\n' "$out" | head -5 ;;
esac

# Error messages quote what was typed, escaped, wherever they go.
err=$("$PD" --db "$DB" pal show "$(printf 'Zz\033[31mq')" 2>&1 >/dev/null)
case $err in
*"'Zz\x1b[31mq'"*) ok "an error quoting a login shows its escape sequence escaped" ;;
*) fail "an error quoting a login shows its escape sequence escaped"; printf '%s\n' "$err" | od -c | head -4 ;;
esac
err=$("$PD" --db "$DB" --today "$(printf 'x\033[2J')" summary 2>&1 >/dev/null)
case $err in
*'"x\x1b[2J" is not a date'*) ok "so does a bad --today" ;;
*) fail "so does a bad --today"; printf '%s\n' "$err" | od -c | head -4 ;;
esac

# A command that opens a screen still draws it (the escaping steps aside).
tm_start p 80 24 "'$PD' --db '$DB' --today 2026-11-25 log --pal jo"
expect_screen "peerdesk log still opens its form on the terminal" p "Log a session"
finish
