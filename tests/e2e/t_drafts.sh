#!/bin/bash
# Tier 4: drafts in the real program, without SSH (t_ssh_pal.sh has the
# dropped line over SSH).  `peerdesk log` opens the session form straight
# away: a SIGHUP or SIGTERM mid-note keeps the note as the person's
# draft, and the next `peerdesk log` puts it back; leaving with C-q keeps
# it too and says so; saving removes it.  Polls with deadlines.
. "$(dirname "$0")/lib.sh"

die() { fail "$*"; finish; }
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is missing"
DB=$T/demo.db
export PEERDESK_TODAY=2026-11-25
"$PD" --db "$DB" demo >/dev/null || die "the demo was not made"
q() { sqlite3 "$DB" "$1"; }
me=$(q "SELECT id FROM staff WHERE role = 'manager' AND login = '$(id -un)'")
check "the demo makes whoever runs it a manager" test -n "$me"
drafts() { q "SELECT count(*) FROM draft WHERE staff_id = $me AND form = 'kept:session'"; }
run="'$PD' --db '$DB' log --pal jo"

# The peerdesk running in tmux session NAME.
pd_pid() {
	local shell
	shell=$(tm display-message -p -t "$1" '#{pane_pid}')
	pgrep -P "$shell" -x peerdesk
}
# wait_exit NAME: poll until the program in NAME has ended.
wait_exit() { tm_wait "$1" "[exited]" 10 >/dev/null; }

# note NAME TEXT: the session form, filled in as far as the note.
note() {
	tm_keys "$1" Right Tab Tab Tab
	tm_text "$1" "1h"
	tm_keys "$1" Tab Right Tab
	tm_text "$1" "$2"
}

NOTE1="Bus to the library, then the line went"
kept_note() { q "SELECT content FROM draft WHERE staff_id = $me AND form = 'kept:session'"; }

# 1. SIGHUP mid-note, at once (before the first tick of the loop).
tm_start s1 80 24 "$run"
expect_screen "peerdesk log opens the form" s1 "What we did"
note s1 "$NOTE1"
expect_screen "the note is typed" s1 "line went"
pid=$(pd_pid s1)
check "peerdesk runs in tmux" test -n "$pid"
kill -HUP "$pid"
wait_exit s1 && ok "SIGHUP ends peerdesk" || fail "SIGHUP ends peerdesk"
case $(kept_note) in
*"did	$NOTE1"*) ok "SIGHUP keeps every word of the note" ;;
*) fail "SIGHUP keeps every word of the note" ;;
esac

# 2. The form opens with it; more is typed; SIGTERM.
tm_start s2 80 24 "$run"
expect_screen "the next peerdesk log puts it back" s2 "are back"
expect_screen "... word for word" s2 "$NOTE1"
tm_text s2 " - and later the bus"
expect_screen "typing goes on at the end of the note" s2 "$NOTE1 - and later"
pid=$(pd_pid s2)
kill -TERM "$pid"
wait_exit s2 && ok "SIGTERM ends peerdesk" || fail "SIGTERM ends peerdesk"
NOTE2="$NOTE1 - and later the bus"
case $(kept_note) in
*"did	$NOTE2"*) ok "SIGTERM keeps the longer note" ;;
*) fail "SIGTERM keeps the longer note" ;;
esac
check "one draft of the form, the newest" test "$(drafts)" = 1
NOTE1=$NOTE2

tm_start back 80 24 "$run"
expect_screen "the next peerdesk log puts it back" back "are back"
expect_screen "... word for word" back "later the"
tm_keys back C-q
expect_screen "leaving says the changes are kept" back "They are kept as a draft"
tm_keys back y
wait_exit back && ok "and leaves" || fail "and leaves"
check "still kept after C-q" test "$(drafts)" = 1

before=$(q "SELECT count(*) FROM session")
tm_start save 80 24 "$run"
expect_screen "back once more" save "later the"
tm_keys save C-s
expect_screen "saved: peerdesk log is done" save "[exited]"
check "the session is in the database with the note" \
	test "$(q "SELECT count(*) FROM session WHERE did = '$NOTE1'")" = 1 -a \
	"$(q "SELECT count(*) FROM session")" = $((before + 1))
check "the draft is gone once saved" test "$(drafts)" = 0
finish
