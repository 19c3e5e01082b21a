#!/bin/bash
# Tier 4: a storm of resizes (down to 20x6 and 1x1, up to 200x60) while
# the real peerdesk shows the dashboard, a list being filtered and a
# form being typed into; afterwards it still answers keys, the typed
# text is intact and the form saves it.  Polls, never sleeps.
. "$(dirname "$0")/lib.sh"

DB=$T/peerdesk.db
"$PD" --db "$DB" --today 2026-11-25 demo >/dev/null 2>&1
check "the demo database was made" test -s "$DB"

sizes="20x6 1x1 200x60 33x7 80x2 2x40 41x15 120x30 20x6 5x5 79x23 160x48"
# storm NAME ROUNDS: resize through every size ROUNDS times, as fast as
# tmux takes it, then back to 80x24.
storm() {
	i=0
	while [ "$i" -lt "$2" ]; do
		for s in $sizes; do
			tm resize-window -t "$1" -x "${s%x*}" -y "${s#*x}" \
			    >/dev/null 2>&1
		done
		i=$((i + 1))
	done
	tm resize-window -t "$1" -x 80 -y 24
	settled "$1" || echo "  the pane did not settle at 80x24" >&2
}
# settled NAME: the pane's terminal itself (not only tmux's idea of it) is
# 80x24 again.  tmux applies queued pane resizes on a timer, so keys sent
# the moment `resize-window` returns can reach a program whose terminal
# is still 20x6, where peerdesk shows "too small" and takes only C-q and
# C-l.
settled() {
	tty=$(tm display-message -p -t "$1" '#{pane_tty}')
	end=$(($(date +%s) + 10))
	while [ "$(date +%s)" -lt "$end" ]; do
		[ "$(stty -F "$tty" size 2>/dev/null)" = "24 80" ] && return 0
	done
	return 1
}
alive() {
	case $(tm_screen "$1") in
	*"[exited]"*) return 1 ;;
	esac
	return 0
}

tm_start rs 80 24 "'$PD' --db '$DB' --today 2026-11-25"
expect_screen "the dashboard opens" rs "Go to (press a key)"

tm resize-window -t rs -x 20 -y 6
check "tmux takes 20x6" test "$(tm display-message -p -t rs '#{window_width}x#{window_height}')" = 20x6
expect_screen "20x6 says the terminal is too small" rs "small"
storm rs 15
check "it lives through a storm on the dashboard" alive rs
expect_screen "and draws the dashboard again at 80x24" rs "Go to (press a key)"
tm_keys rs c
expect_screen "it still answers keys: c opens the clients list" rs \
    "newest referral first"

# A list being filtered.
tm_text rs "zqx"
expect_screen "typing filters the list" rs "Filter: zqx"
expect_screen "and nothing matches" rs "Nothing matches the filter."
storm rs 15
check "it lives through a storm on a list" alive rs
expect_screen "the filter text is still there at 80x24" rs "Filter: zqx"
tm_keys rs BSpace BSpace BSpace
expect_screen "and can be rubbed out: the clients come back" rs "active"
# one key at a time, each seen on screen (Esc and a quick next key
# would read as Alt-key)
tm_keys rs Escape
tm_wait_gone rs "Filter:" >/dev/null 2>&1
if ! tm_screen rs | grep -q "Go to (press a key)"; then
	tm_keys rs Escape
fi
expect_screen "Esc goes back to the dashboard" rs "Go to (press a key)"

# A form being typed into.
tm_keys rs n
expect_screen "n opens a new referral" rs "New referral"
expect_screen "with its form" rs "Date of birth"
tm_text rs "Storm Test"
expect_screen "the name is typed" rs "Storm Test"
storm rs 20
check "it lives through a storm on a form" alive rs
tm_text rs " Two"
expect_screen "the typed text is intact after the storm" rs "Storm Test Two"
tm_keys rs C-s
expect_screen "and the form saves" rs "Storm Test Two"
n=0
end=$(($(date +%s) + 10))
while [ "$(date +%s)" -lt "$end" ]; do
	n=$(sqlite3 "$DB" "SELECT count(*) FROM client WHERE name = 'Storm Test Two'" 2>/dev/null)
	[ "$n" = 1 ] && break
done
check "the client is in the database with the whole name" test "$n" = 1
check "still running after everything" alive rs
finish
