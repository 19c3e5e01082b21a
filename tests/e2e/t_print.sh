#!/bin/bash
# Tier 4: the weekly hours summary printed to a real CUPS queue.
#
# tests/support/cups.sh starts a private scheduler (its own folders and
# socket) with a cups-pdf queue; the sample week is rendered to text and
# PDF by a small helper built against build/libpeerdesk.a, printed with
# `lp -d QUEUE` and through app_print_file("lp -d QUEUE ..."), and what
# cups-pdf writes is read back with pdftotext.  The scheduler is stopped
# and its folder removed at the end, also when a check fails.
# (`peerdesk report hours --print` will take the helper's place.)
here=$(cd "$(dirname "$0")" && pwd)
if [ -f "$here/lib.sh" ]; then
	. "$here/lib.sh"
else
	# The shared e2e helpers (lib.sh) have not reached this branch: the
	# few this test uses, with the same meaning.
	set -u
	: "${PEERDESK_BIN:?run through tests/run.sh or set PEERDESK_BIN}"
	PD=$PEERDESK_BIN
	TOP=${PEERDESK_TOP:-$(cd "$here/../.." && pwd)}
	T=$(mktemp -d "${TMPDIR:-/tmp}/peerdesk-e2e.XXXXXX")
	export LC_ALL=C.UTF-8 TZ=UTC
	n_ok=0 n_fail=0
	e2e_cleanup() { rm -rf "$T"; }
	ok() { n_ok=$((n_ok + 1)); echo "ok $((n_ok + n_fail)) - $*"; }
	fail() { n_fail=$((n_fail + 1)); echo "not ok $((n_ok + n_fail)) - $*"; }
	check() { desc=$1; shift; if "$@"; then ok "$desc"; else fail "$desc"; fi; }
	expect_out() {
		desc=$1 want=$2; shift 2
		out=$("$@" 2>&1)
		case $out in
		*"$want"*) ok "$desc" ;;
		*) fail "$desc"; printf '  wanted: %s\n  got: %s\n' "$want" "$out" ;;
		esac
	}
	finish() { echo "# $n_ok ok, $n_fail not ok"; [ "$n_fail" -eq 0 ]; exit $?; }
fi

BUILD=$(dirname "$PD")
CUPS_DIR=$(mktemp -d /tmp/pdcups.XXXXXX)
CUPS_SH="$TOP/tests/support/cups.sh"

print_cleanup() {
	[ -n "${CUPS_DIR:-}" ] && [ -d "$CUPS_DIR" ] &&
		sh "$CUPS_SH" stop "$CUPS_DIR" >/dev/null 2>&1
	rm -rf "$CUPS_DIR"
	e2e_cleanup
}
trap print_cleanup EXIT

# --- the scheduler -----------------------------------------------------
if env=$(sh "$CUPS_SH" start "$CUPS_DIR" 2>"$T/cups.err"); then
	ok "a private CUPS scheduler with a cups-pdf queue starts"
else
	fail "a private CUPS scheduler with a cups-pdf queue starts"
	sed 's/^/  /' "$T/cups.err"
	finish
fi
eval "$env"
export CUPS_SERVER
check "it listens on its own socket, not the system's" \
	test -S "$CUPS_DIR/cups.sock" -a "$CUPS_SERVER" = "$CUPS_DIR/cups.sock"
expect_out "the queue is ready" "printer $PDCUPS_QUEUE is idle" \
	lpstat -p "$PDCUPS_QUEUE"

# --- the sample report ---------------------------------------------------
# shellcheck disable=SC2046
if cc -std=c11 -D_DEFAULT_SOURCE -I"$TOP/include" -I"$TOP/tests" \
    "$here/print_sample.c" "$TOP/tests/support/report_sample.c" \
    "$BUILD/libpeerdesk.a" \
    $(pkg-config --libs ncursesw sqlite3 yaml-0.1 cairo pangocairo libcrypt) \
    -o "$T/print_sample" 2>"$T/cc.err"; then
	ok "the report helper builds against libpeerdesk.a"
else
	fail "the report helper builds against libpeerdesk.a"
	sed 's/^/  /' "$T/cc.err"
	finish
fi
mkdir -p "$T/out"
check "the helper writes text, CSV and PDF" "$T/print_sample" "$T/out"
check "the PDF starts with %PDF" \
	test "$(head -c 5 "$T/out/hours.pdf")" = "%PDF-"
check "the CSV has exactly the payroll header" test "$(head -n 1 \
    "$T/out/hours.csv" | tr -d '\r')" = \
    "pal_login,pal_name,hours,gross,rule,limit_hours,limit_pay,hours_left,pay_left,verdict,status,overrides,override_reason,note"
text_pages=$(($(tr -cd '\f' < "$T/out/hours.txt" | wc -c) + 1))

# --- printing ------------------------------------------------------------
expect_out "lp takes the text report" "request id is $PDCUPS_QUEUE-" \
	lp -d "$PDCUPS_QUEUE" -t hours-text "$T/out/hours.txt"
expect_out "app_print_file sends the PDF through the print command" \
	"printed: request id is $PDCUPS_QUEUE-" \
	"$T/print_sample" "$T/out" "lp -d $PDCUPS_QUEUE -t hours-pdf" hours.pdf
expect_out "a missing queue is named, with the printers there are" \
	"not printed: there is no printer called \"no-such-queue\", so nothing was printed; the only printer this computer knows is \"$PDCUPS_QUEUE\"" \
	"$T/print_sample" "$T/out" "lp -d no-such-queue" hours.pdf

if sh "$CUPS_SH" wait "$CUPS_DIR" 90 > "$T/jobs" 2>"$T/wait.err"; then
	ok "both jobs complete"
else
	fail "both jobs complete"
	sed 's/^/  /' "$T/wait.err"
fi
check "two PDFs arrive from cups-pdf" test "$(wc -l < "$T/jobs")" -eq 2

text_pdf=$(grep -m1 'hours-text' "$T/jobs")
pdf_pdf=$(grep -m1 'hours-pdf' "$T/jobs")
for f in "$text_pdf" "$pdf_pdf"; do
	[ -n "$f" ] && [ -f "$f" ] || { fail "a PDF for each job ($f)"; continue; }
	name=${f##*/}
	pdftotext -enc UTF-8 "$f" "$T/got.txt" 2>/dev/null
	check "$name is A4" grep -q '595 x 842 pts (A4)' <(pdfinfo "$f")
	for want in "Zoë Adams" "Siobhán O'Neill" "2026-W48" "over the limit" \
	    "Riverside Peer Support" "Totals for 7 PALs"; do
		if grep -qF "$want" "$T/got.txt"; then
			ok "$name holds \"$want\""
		else
			fail "$name holds \"$want\""
			head -n 20 "$T/got.txt" | sed 's/^/  | /'
		fi
	done
done
check "the printed text keeps its pages" test "$(pdfinfo "$text_pdf" |
    sed -n 's/^Pages: *//p')" = "$text_pages"
pdftotext -enc UTF-8 "$text_pdf" "$T/text.txt" 2>/dev/null
check "the printed text has every page header" \
	test "$(grep -c "Page [0-9] of $text_pages" "$T/text.txt")" = "$text_pages"
# The longest line (76 columns) must come out whole, not wrapped.
check "the printed text lines are not wrapped" grep -qx \
	"Limits this week: lower limit £20.00; permitted and supported permitted work" \
	"$T/text.txt"

# --- the print service down ----------------------------------------------
pid=$(cat "$CUPS_DIR/cupsd.pid")
check "the scheduler is stopped, its folder kept" sh "$CUPS_SH" halt "$CUPS_DIR"
expect_out "with cupsd stopped, lp says something misleading" \
	"The printer or class does not exist" lp -d "$PDCUPS_QUEUE" "$T/out/hours.txt"
expect_out "but peerdesk says the print service is not running" \
	"not printed: the print service (CUPS) on this computer is not running, so nothing was printed." \
	"$T/print_sample" "$T/out" "lp -d $PDCUPS_QUEUE" hours.pdf

# --- stopping ------------------------------------------------------------
check "the scheduler stops" sh "$CUPS_SH" stop "$CUPS_DIR"
check "its folder is removed" test ! -e "$CUPS_DIR"
check "its cupsd is gone" bash -c "! kill -0 $pid 2>/dev/null"
finish
