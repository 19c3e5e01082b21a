# lib.sh - helpers for end-to-end tests (sourced by tests/e2e/t_*.sh).
#
# Each test script: `. "$(dirname "$0")/lib.sh"`, then calls `ok`/`fail`
# (or `check CMD...`) for each thing it asserts, and `finish` at the end.
# Screens run in a private tmux server (its own socket), polled with
# capture-pane until the expected text shows or a timeout passes; never a
# fixed sleep.  Everything a test creates lives under $T and is removed.
set -u

: "${PEERDESK_BIN:?run through tests/run.sh or set PEERDESK_BIN}"
PD=$PEERDESK_BIN
TOP=${PEERDESK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d "${TMPDIR:-/tmp}/peerdesk-e2e.XXXXXX")
TMUX_SOCK="pd-e2e-$$"
export LC_ALL=C.UTF-8 TZ=UTC NCURSES_NO_UTF8_ACS=1
# A person's own keys.yaml must not change what the tests press.
export XDG_CONFIG_HOME="$T/config"
unset TMUX
n_ok=0
n_fail=0

e2e_cleanup() {
	tmux -L "$TMUX_SOCK" kill-server >/dev/null 2>&1
	[ -n "${PEERDESK_KEEP_TMP:-}" ] || rm -rf "$T"
}
trap e2e_cleanup EXIT

ok() { n_ok=$((n_ok + 1)); echo "ok $((n_ok + n_fail)) - $*"; }
fail() { n_fail=$((n_fail + 1)); echo "not ok $((n_ok + n_fail)) - $*"; }

# check DESCRIPTION CMD...: ok when CMD succeeds.
check() {
	desc=$1; shift
	if "$@"; then ok "$desc"; else fail "$desc"; fi
}

# expect_out DESCRIPTION WANT CMD...: CMD's stdout+stderr contains WANT.
expect_out() {
	desc=$1 want=$2; shift 2
	out=$("$@" 2>&1)
	case $out in
	*"$want"*) ok "$desc" ;;
	*) fail "$desc"; printf '  wanted: %s\n  got: %s\n' "$want" "$out" ;;
	esac
}

# expect_rc DESCRIPTION RC CMD...: CMD exits with RC.
expect_rc() {
	desc=$1 want=$2; shift 2
	"$@" >"$T/last.out" 2>&1
	rc=$?
	if [ "$rc" -eq "$want" ]; then ok "$desc"
	else fail "$desc (exit $rc, wanted $want)"; sed 's/^/  /' "$T/last.out" | head -20
	fi
}

finish() {
	echo "# $n_ok ok, $n_fail not ok"
	[ "$n_fail" -eq 0 ]
	exit $?
}

# ---- screens in tmux ------------------------------------------------------

tm() { tmux -L "$TMUX_SOCK" "$@"; }

# tm_start NAME COLS ROWS CMD: run CMD in a detached session.
tm_start() {
	name=$1 cols=$2 rows=$3; shift 3
	tm new-session -d -s "$name" -x "$cols" -y "$rows" \
	    "env TERM=tmux-256color $*; echo '[exited]'; sleep 3600"
}

tm_keys() { name=$1; shift; tm send-keys -t "$name" "$@"; }
tm_text() { tm send-keys -t "$1" -l "$2"; }
tm_screen() { tm capture-pane -p -t "$1"; }

# tm_pause: a short breath between two polls (20 ms), so a waiting test
# does not starve the program it waits for on a small machine.  It waits
# on a pipe nobody writes to; the deadline is the caller's.
mkfifo "$T/.poll" && exec 9<>"$T/.poll"
tm_pause() { read -r -t 0.02 -u 9 _ || :; }

# tm_wait NAME TEXT [SECONDS]: poll until TEXT is on the screen.
tm_wait() {
	name=$1 want=$2 limit=${3:-10}
	end=$(($(date +%s) + limit))
	while :; do
		case $(tm_screen "$name") in
		*"$want"*) return 0 ;;
		esac
		[ "$(date +%s)" -ge "$end" ] && break
		tm_pause
	done
	echo "  timed out waiting for: $want" >&2
	tm_screen "$name" | sed 's/^/  | /' >&2
	return 1
}

# tm_wait_gone NAME TEXT [SECONDS]: poll until TEXT is not on the screen.
tm_wait_gone() {
	name=$1 gone=$2 limit=${3:-10}
	end=$(($(date +%s) + limit))
	while :; do
		case $(tm_screen "$name") in
		*"$gone"*) ;;
		*) return 0 ;;
		esac
		[ "$(date +%s)" -ge "$end" ] && break
		tm_pause
	done
	echo "  still on screen: $gone" >&2
	tm_screen "$name" | sed 's/^/  | /' >&2
	return 1
}

# expect_screen DESCRIPTION NAME TEXT [SECONDS]
expect_screen() {
	if tm_wait "$2" "$3" "${4:-10}"; then ok "$1"; else fail "$1"; fi
}
