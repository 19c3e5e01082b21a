#!/bin/bash
# Tier 4: the man page reads right (issue 16, item 3).  mandoc -Tlint
# finds nothing; every command that --help lists has its own entry in
# COMMANDS (an entry line starting with its name); the page renders
# without an entry running into the one before it; FILES names installed
# paths, not the source tree's; ENVIRONMENT names every variable peerdesk
# reads.
. "$(dirname "$0")/lib.sh"

MAN=$TOP/docs/peerdesk.1
command -v mandoc >/dev/null 2>&1 || { fail "mandoc is missing (tools/deps.sh test)"; finish; }

lint=$(mandoc -Tlint -W warning "$MAN" 2>&1)
check "mandoc -Tlint finds nothing to warn about" test -z "$lint"
[ -z "$lint" ] || printf '%s\n' "$lint" | head -10 | sed 's/^/  /'

# The COMMANDS section, rendered as text without formatting.
MANWIDTH=80 mandoc -Tascii "$MAN" | col -bx >"$T/page.txt"
awk '/^COMMANDS/ { on = 1; next } /^[A-Z][A-Z ,]+$/ { on = 0 } on' \
	"$T/page.txt" >"$T/commands.txt"
check "the page has a COMMANDS section" test -s "$T/commands.txt"
cmds=$("$PD" --help | sed -n '/^Commands:/,/^$/p' |
	awk 'NR > 1 && /^  [a-z]/ { print $1 }')
for c in $cmds; do
	# an entry's first line is indented 7 columns and starts with it
	if grep -Eq "^       $c( |$)" "$T/commands.txt"; then
		ok "COMMANDS has its own entry for $c"
	else
		fail "COMMANDS has its own entry for $c"
	fi
done
# no entry runs into the one before: each entry line stands alone
bad=$(grep -En '^       [a-z]+.*[a-z]\.? {2,}[a-z]+ [a-z]' "$T/commands.txt" |
	grep -E ' (reminders|clients|plan|palplan) ' | head -3)
check "no entry runs into the one before it" test -z "$bad"

# FILES: installed paths only.
awk '/^FILES/ { on = 1; next } /^[A-Z][A-Z ,]+$/ { on = 0 } on' \
	"$T/page.txt" >"$T/files.txt"
check "FILES names no path of the source tree" \
	sh -c "! grep -Eq '(^|[ (])(data|docs|src|tests)/' '$T/files.txt'"
check "FILES names the installed settings example" \
	grep -q "/usr/local/share/doc/peerdesk" "$T/files.txt"

# ENVIRONMENT: every variable peerdesk reads.
awk '/^ENVIRONMENT/ { on = 1; next } /^[A-Z][A-Z ,]+$/ { on = 0 } on' \
	"$T/page.txt" >"$T/env.txt"
for v in TERM LANG TMPDIR EDITOR VISUAL NO_COLOR PEERDESK_CONFIG \
    PEERDESK_TODAY XDG_CONFIG_HOME XDG_STATE_HOME ESCDELAY HOME \
    SSH_CONNECTION; do
	check "ENVIRONMENT has $v" grep -q "$v" "$T/env.txt"
done

# Examples are not nested inside each other.
awk '/^EXAMPLES/ { on = 1; next } /^[A-Z][A-Z ,]+$/ { on = 0 } on' \
	"$T/page.txt" >"$T/ex.txt"
deep=$(grep -c '^                       *peerdesk' "$T/ex.txt")
check "examples are not nested deeper and deeper ($deep too deep)" test "$deep" = 0

finish
