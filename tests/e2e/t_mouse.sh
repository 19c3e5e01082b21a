#!/bin/bash
# Tier 4: the mouse (issue 16).  peerdesk asks the terminal for the mouse
# (tmux shows the request in its pane flags) only where the terminal
# database says it has one; a click on a dashboard entry opens it, the
# wheel moves a list, a click on a dialog's button answers it, in the
# SGR (1006) and the old X10 form of the report.  With `mouse: false`
# in the settings the terminal is not asked, and a report that comes
# all the same does nothing and types nothing.
#
# tmux cannot make a mouse event from the command line (send-keys -M
# only replays one it is handling), so the reports are sent as the
# bytes a terminal sends, with send-keys -l, which tmux passes on as
# they are.
. "$(dirname "$0")/lib.sh"

die() { fail "$*"; finish; }
command -v tmux >/dev/null 2>&1 || die "tmux is missing"

DB=$T/peerdesk.db
export PEERDESK_TODAY=2026-11-25
"$PD" --db "$DB" demo >/dev/null || die "the demo was not made"
printf 'organisation: Riverside PALs\n' > "$T/on.yaml"
printf 'organisation: Riverside PALs\nmouse: false\n' > "$T/off.yaml"

# flag NAME: tmux's record of what the program asked for (1000: clicks,
# 1006: SGR reports).
flags() {
	tm display-message -p -t "$1" \
	    '#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}#{mouse_sgr_flag}'
}
# where NAME TEXT: "ROW COL" (from 0, in character cells) of TEXT's first
# showing, or nothing.
where() {
	local row=0 line pre
	while IFS= read -r line; do
		case $line in
		*"$2"*)
			pre=${line%%"$2"*}
			echo "$row ${#pre}"
			return 0 ;;
		esac
		row=$((row + 1))
	done < <(tm_screen "$1")
	return 1
}
# click NAME TEXT [x10]: a left click in the middle of TEXT.
click() {
	local at y x
	at=$(where "$1" "$2") || { echo "  \"$2\" is not on the screen" >&2; return 1; }
	y=${at% *} x=$((${at#* } + ${#2} / 2))
	report "$1" 0 "$y" "$x" "${3:-sgr}"
}
# report NAME BUTTON ROW COL [sgr|x10]: a mouse report (button 0 the
# left one, 64 and 65 the wheel) at ROW, COL (from 0).
report() {
	if [ "${5:-sgr}" = x10 ]; then
		tm send-keys -t "$1" -l "$(printf '\033[M%b%b%b' \
		    "$(printf '\\%03o' $((32 + $2)))" \
		    "$(printf '\\%03o' $((33 + $4)))" \
		    "$(printf '\\%03o' $((33 + $3)))")"
	else
		tm send-keys -t "$1" -l "$(printf '\033[<%d;%d;%dM' "$2" \
		    $(($4 + 1)) $(($3 + 1)))"
	fi
}
pos() { tm_screen "$1" | grep -o '[0-9][0-9]* of [0-9][0-9]*' | tail -1; }

# ---- on (xterm: SGR reports) --------------------------------------------
tm new-session -d -s on -x 80 -y 24 \
    "env TERM=xterm '$PD' --db '$DB' --config '$T/on.yaml'; echo '[exited]'; sleep 3600"
expect_screen "the dashboard" on "Go to (press a key)"
f=$(flags on)
check "peerdesk asked for clicks and SGR reports (tmux flags $f)" \
    test "${f:0:1}" = 1 -a "${f:3:1}" = 1
click on "Clients" || fail "Clients is on the dashboard"
expect_screen "a click on Clients in \"Go to\" opens the clients list" on \
    "newest referral first"
first=$(pos on)
n=${first##* of }
check "it starts at the first of $n clients" test "$first" = "1 of $n"
report on 65 8 10
expect_screen "the wheel moves three rows down" on "4 of $n"
report on 64 8 10
expect_screen "and back up" on "1 of $n"
# the second row of the list, in the old X10 form: chosen, not opened
report on 0 5 10 x10
expect_screen "an X10 click chooses the second row" on "2 of $n"
check "and stays on the list" tm_wait on "newest referral first" 2

# A dialog: a new referral with a letter typed, then Esc asks.
tm_keys on C-n
expect_screen "a new referral" on "Save"
tm_text on "Zed"
tm_keys on Escape
expect_screen "Esc asks before throwing the name away" on "Discard changes?"
click on "[ Keep editing ]"
check "a click on \"Keep editing\" closes the question" \
    tm_wait_gone on "Discard changes?" 5
expect_screen "and the form is still there, with the name" on "Zed"
tm_keys on Escape
expect_screen "Esc asks again" on "Discard changes?"
click on "[ Discard ]" x10
expect_screen "an X10 click on \"Discard\" goes back to the list" on \
    "newest referral first"
check "nothing was saved" test "$("$PD" --db "$DB" clients Zed 2>&1 | grep -c Zed)" = 0
case $(tm_screen on) in
*'[<'* | *'[M'*) fail "no report showed as letters" ;;
*) ok "no report showed as letters" ;;
esac
tm_keys on C-q
expect_screen "C-q leaves" on "[exited]"
f=$(flags on)
check "and the mouse is given back to the terminal (flags $f)" test "$f" = 0000

# ---- screen (curses asks for the X10 form; peerdesk asks for SGR too) --
tm new-session -d -s scr -x 140 -y 24 \
    "env TERM=screen '$PD' --db '$DB' --config '$T/on.yaml'; echo '[exited]'; sleep 3600"
expect_screen "the dashboard under TERM=screen" scr "Go to (press a key)"
f=$(flags scr)
check "clicks and SGR reports are asked for (flags $f)" \
    test "${f:0:1}" = 1 -a "${f:3:1}" = 1
at=$(where scr "Goals progress")
check "Goals progress is past column 95 (at ${at#* })" test "${at#* }" -gt 95
click scr "Goals progress"
expect_screen "a click there (SGR) opens it" scr \
    "how the goals are going"
tm_keys scr Escape
expect_screen "back to the dashboard" scr "Go to (press a key)"
click scr "Clients" x10
expect_screen "an X10 click opens the clients list" scr "newest referral first"
tm_keys scr C-q
expect_screen "C-q leaves" scr "[exited]"
f=$(flags scr)
check "and the mouse is given back (flags $f)" test "$f" = 0000

# ---- off: mouse: false --------------------------------------------------
tm new-session -d -s off -x 80 -y 24 \
    "env TERM=xterm '$PD' --db '$DB' --config '$T/off.yaml'; echo '[exited]'; sleep 3600"
expect_screen "the dashboard, with the mouse off" off "Go to (press a key)"
f=$(flags off)
check "the terminal is not asked for the mouse (flags $f)" test "$f" = 0000
click off "Clients"
tm_keys off c
expect_screen "a key still works" off "newest referral first"
check "the click did nothing: the list is as it opens" test "$(pos off)" = "1 of $n"
report off 0 3 10 x10
report off 65 8 10
tm_keys off /
tm_text off "x"
expect_screen "the filter has only what was typed" off "Filter: x"
case $(tm_screen off) in
*'[<'* | *'[M'*) fail "the reports typed nothing" ;;
*) ok "the reports typed nothing" ;;
esac
check "the filter holds the x alone" \
    sh -c "tmux -L '$TMUX_SOCK' capture-pane -p -t off | grep -Eq 'Filter: x +[0-9]+ of [0-9]+\$'"
tm_keys off C-q

# ---- a terminal without a mouse ------------------------------------------
tm new-session -d -s vt -x 80 -y 24 \
    "env TERM=vt100 '$PD' --db '$DB' --config '$T/on.yaml'; echo '[exited]'; sleep 3600"
expect_screen "the dashboard on a vt100" vt "Go to (press a key)"
f=$(flags vt)
check "a terminal without a mouse is not asked for one (flags $f)" \
    test "$f" = 0000
tm_keys vt C-q

finish
