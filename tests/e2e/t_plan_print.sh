#!/bin/bash
# Tier 4: the client's copy of the wellness plan printed to a real CUPS
# queue.  tests/support/cups.sh starts a private scheduler (its own
# folders and socket) with a cups-pdf queue; peerdesk's print_command is
# set to `lp -d QUEUE` in a settings file, `peerdesk plan print CLIENT`
# sends the copy, and what cups-pdf writes is read back with pdftotext.
# The scheduler is stopped and its folder removed at the end, also when
# a check fails.
. "$(dirname "$0")/lib.sh"

CUPS_DIR=$(mktemp -d /tmp/pdplan.XXXXXX)
CUPS_SH="$TOP/tests/support/cups.sh"
DB=$T/plan.db

print_cleanup() {
	[ -n "${CUPS_DIR:-}" ] && [ -d "$CUPS_DIR" ] &&
		sh "$CUPS_SH" stop "$CUPS_DIR" >/dev/null 2>&1
	rm -rf "$CUPS_DIR"
	e2e_cleanup
}
trap print_cleanup EXIT

# --- the scheduler -----------------------------------------------------------
if env=$(sh "$CUPS_SH" start "$CUPS_DIR" 2>"$T/cups.err"); then
	ok "a private CUPS scheduler with a cups-pdf queue starts"
else
	fail "a private CUPS scheduler with a cups-pdf queue starts"
	sed 's/^/  /' "$T/cups.err"
	finish
fi
eval "$env"
export CUPS_SERVER
expect_out "the queue is ready" "printer $PDCUPS_QUEUE is idle" \
	lpstat -p "$PDCUPS_QUEUE"

# --- a plan to print -----------------------------------------------------------
printf 'organisation: Riverside Peer Support\nprint_command: lp -d %s\n' \
    "$PDCUPS_QUEUE" > "$T/config.yaml"
pd() { "$PD" --db "$DB" --config "$T/config.yaml" "$@"; }
check "an empty database" pd init
printf '%s\n' "name,referred_on,referrer,funding,contracted_minutes_per_week" \
    "Siobhán O'Neill,2026-11-20,Kate Morris,personal_budget,360" \
    > "$T/clients.csv"
check "a referral comes in" pd import clients "$T/clients.csv"
cat > "$T/plan.yaml" <<EOF
peerdesk_plan: 1
client: 1
name: Siobhán O'Neill
version: 0
sections:
  ambitions: To sing in a choir again.
  keeps_me_well: Swimming on Fridays; my cat.
  crisis_contacts: My brother Liam, 07700 900456
goals:
  - area: connect
    title: Join the community choir
    set_by: me
    steps:
      - text: Ask when they practise
  - area: be_active
    title: Swim every Friday morning
    set_by: me and Jo
    scores:
      - on: $(date -d '-30 days' +%F)
        score: -1
      - on: $(date +%F)
        score: 0
EOF
check "the plan comes in" pd plan import "$T/plan.yaml"

# --- printing ------------------------------------------------------------------
expect_out "one command prints the client's copy" \
	"Sent the plan to the printer: request id is $PDCUPS_QUEUE-" \
	pd plan print 1
check "nothing is left behind in TMPDIR" \
	bash -c "! ls \"${TMPDIR:-/tmp}\"/peerdesk-plan-*.pdf 2>/dev/null"
if sh "$CUPS_SH" wait "$CUPS_DIR" 90 > "$T/jobs" 2>"$T/wait.err"; then
	ok "the job completes"
else
	fail "the job completes"
	sed 's/^/  /' "$T/wait.err"
fi
check "one PDF arrives from cups-pdf" test "$(wc -l < "$T/jobs")" -eq 1
got=$(head -n 1 "$T/jobs")
if [ -n "$got" ] && [ -f "$got" ]; then
	check "it is A4" grep -q '595 x 842 pts (A4)' <(pdfinfo "$got")
	pdftotext -enc UTF-8 "$got" "$T/got.txt" 2>/dev/null
	for want in "My Wellness and Safety Plan" "Siobhán O'Neill" \
	    "Written with Riverside Peer Support." \
	    "Connect: Join the community choir" \
	    "Be active: Swim every Friday morning" "Ask when they practise" \
	    "My brother Liam, 07700 900456" "moved up"; do
		if grep -qF -- "$want" "$T/got.txt"; then
			ok "the printed copy holds \"$want\""
		else
			fail "the printed copy holds \"$want\""
			head -n 30 "$T/got.txt" | sed 's/^/  | /'
		fi
	done
	case ${got##*/} in
	*Siobh*|*Neill*) fail "the job's name keeps the client's name private" ;;
	*) ok "the job's name keeps the client's name private" ;;
	esac
else
	fail "a PDF for the job ($got)"
fi

# the job is in the audit, with the id lp gave it
expect_out "the print is audited with its job id" \
	"printed the client's copy of the plan, print job $PDCUPS_QUEUE-" \
	pd audit
printed() { pd audit --format csv | grep -c "printed the client's copy"; }
before=$(printed)
check "one print, one audit row" test "$before" -eq 1

# a queue that is not there: said plainly, with the ones there are
printf 'print_command: lp -d no-such-queue\n' > "$T/bad.yaml"
expect_out "a missing queue is named, with the printers there are" \
	"there is no printer called \"no-such-queue\", so nothing was printed; the only printer this computer knows is \"$PDCUPS_QUEUE\"" \
	"$PD" --db "$DB" --config "$T/bad.yaml" plan print 1
expect_rc "... and fails" 1 "$PD" --db "$DB" --config "$T/bad.yaml" plan print 1

# the print service stopped (cupsd down): lp would say "The printer or
# class does not exist"; the person is told the service is down
check "the scheduler is stopped" sh "$CUPS_SH" halt "$CUPS_DIR"
expect_out "lpstat -r agrees it is down" "scheduler is not running" lpstat -r
expect_out "with the print service down, the message says so" \
	"the print service (CUPS) on this computer is not running, so nothing was printed." \
	pd plan print 1
expect_rc "... and fails" 1 pd plan print 1
out=$(pd plan print 1 2>&1)
case $out in
*"does not exist"*) fail "lp's misleading words are not passed on"; echo "  $out" ;;
*) ok "lp's misleading words are not passed on" ;;
esac
check "nothing more is audited as printed" test "$(printed)" -eq "$before"

# --- stopping ------------------------------------------------------------------
check "the scheduler stops" sh "$CUPS_SH" stop "$CUPS_DIR"
check "its folder is removed" test ! -e "$CUPS_DIR"
finish
