#!/bin/sh
# cups.sh - a private CUPS scheduler with a cups-pdf queue, for tests.
#
#   sh tests/support/cups.sh start DIR [QUEUE]
#       Start cupsd with everything under DIR (made if missing; keep the
#       path short: the socket must fit in 107 bytes, and no "_" in it,
#       since cups-pdf turns "_" in option values into spaces).  Prints
#       shell lines to eval:
#         CUPS_SERVER=DIR/cups.sock  (what lp and lpstat talk to)
#         PDCUPS_QUEUE=QUEUE         (default "peerdesk-test")
#         PDCUPS_OUT=DIR/out         (where cups-pdf writes the PDFs)
#   sh tests/support/cups.sh wait DIR [SECONDS]
#       Wait (default 60 s) until the queue has no pending jobs, then
#       list the PDFs in DIR/out; fails, showing the log, if a job did
#       not complete.
#   sh tests/support/cups.sh halt DIR
#       Stop the scheduler but keep DIR, its socket path and queue: as
#       when cupsd is down on an office computer (lp then says "The
#       printer or class does not exist", lpstat -r "scheduler is not
#       running").  `stop` still cleans up afterwards.
#   sh tests/support/cups.sh stop DIR
#       Stop the scheduler and remove DIR.
#
# How it stays private: cupsd gets its own cupsd.conf and cups-files.conf
# (ServerRoot, StateDir, CacheDir, RequestRoot, TempDir and logs all in
# DIR), listens only on DIR/cups.sock (no TCP port, no /run/cups), and
# runs in its own mount namespace (unshare --mount) in which DIR's
# cups-pdf.conf is bind-mounted over /etc/cups/cups-pdf.conf.  The
# cups-pdf backend only reads its settings from /etc/cups (the path is
# compiled in, and Debian's 3.0.1 crashes on output folders given
# through the PPD), so this is how its Out, Spool and Log folders are
# pointed into DIR without touching the machine's own files.  The
# machine's /etc/cups, /var/spool/cups-pdf and /var/log/cups are never
# written to.
#
# The queue renders PDFs to PostScript with pdftocairo (the option
# pdftops-renderer-default, as Debian's README for cups-pdf suggests):
# with the default Ghostscript renderer the text in the finished PDF is
# drawn as shapes, and pdftotext could not read it back.
#
# It needs root: cups-pdf is installed mode 0700 root (it writes the PDF
# as the job's owner), and unshare/mount need CAP_SYS_ADMIN.  Packages:
# cups, cups-client, printer-driver-cups-pdf, ghostscript (tools/deps.sh
# test installs them).  Anything missing is a failure, never a skip.
set -u

die() { echo "cups.sh: $*" >&2; exit 1; }

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] ||
	die "usage: cups.sh start|wait|halt|stop DIR [QUEUE|SECONDS]"

log_tail() {
	if [ -f "$dir/log/error_log" ]; then
		echo "--- cupsd error_log (last lines) ---" >&2
		grep -E '^[EW] |\[Job [0-9]+\] (Backend|PID .*(crashed|exited with))' \
		    "$dir/log/error_log" | tail -n 20 >&2
	fi
	for f in "$dir"/log/cups-pdf-*_log; do
		[ -f "$f" ] || continue
		echo "--- $f ---" >&2
		tail -n 15 "$f" >&2
	done
}

start() {
	queue=${1:-peerdesk-test}
	[ "$(id -u)" -eq 0 ] ||
		die "needs root: the cups-pdf backend runs as root and the" \
		    "scheduler needs its own mount namespace"
	for t in cupsd lpadmin lpstat lp unshare gs; do
		command -v "$t" >/dev/null 2>&1 ||
			die "$t is missing (sh tools/deps.sh test installs it)"
	done
	[ -x /usr/lib/cups/backend/cups-pdf ] ||
		die "the cups-pdf backend is missing" \
		    "(apt-get install printer-driver-cups-pdf)"
	[ -f /etc/cups/cups-pdf.conf ] ||
		die "/etc/cups/cups-pdf.conf is missing: reinstall" \
		    "printer-driver-cups-pdf"
	ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
	[ -f "$ppd" ] || die "$ppd is missing"
	case $dir in
	/*) ;;
	*) die "DIR must be an absolute path: $dir" ;;
	esac
	case $dir in
	*_* | *" "*) die "DIR must not hold '_' or spaces: $dir" ;;
	esac
	[ ${#dir} -le 90 ] || die "DIR is too long for a socket path: $dir"

	mkdir -p "$dir" || die "cannot make $dir"
	[ -e "$dir/.peerdesk-cups" ] && [ -f "$dir/cupsd.pid" ] &&
		die "a scheduler already runs in $dir"
	: > "$dir/.peerdesk-cups"
	# cupsd runs its filters as lp: they must get into DIR.
	chmod 755 "$dir"
	mkdir -p "$dir/etc" "$dir/state" "$dir/cache" "$dir/spool/tmp" \
	    "$dir/log" "$dir/out" || die "cannot fill $dir"

	cat > "$dir/etc/cups-files.conf" <<EOF
# peerdesk test scheduler: everything lives in $dir
ServerRoot $dir/etc
StateDir $dir/state
CacheDir $dir/cache
RequestRoot $dir/spool
TempDir $dir/spool/tmp
ErrorLog $dir/log/error_log
AccessLog $dir/log/access_log
PageLog $dir/log/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
User lp
Group lp
SystemGroup root
LogFileGroup root
FileDevice No
EOF
	cat > "$dir/etc/cupsd.conf" <<EOF
# peerdesk test scheduler: a unix socket only, no network, no browsing
Listen $dir/cups.sock
LogLevel debug
MaxLogSize 0
Browsing No
BrowseLocalProtocols none
WebInterface No
DefaultAuthType None
PreserveJobHistory Yes
PreserveJobFiles No
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF
	cat > "$dir/cups-pdf.conf" <<EOF
# cups-pdf settings for the peerdesk test queue (bind-mounted over
# /etc/cups/cups-pdf.conf inside the scheduler's mount namespace only)
Out $dir/out
AnonDirName $dir/out
Spool $dir/cups-pdf-spool
Log $dir/log
LogType 3
Grp lp
GSTmp $dir/spool/tmp
Label 0
TitlePref 0
EOF
	cupsd -t -c "$dir/etc/cupsd.conf" -s "$dir/etc/cups-files.conf" \
	    >"$dir/log/cupsd-test.out" 2>&1 ||
		{ cat "$dir/log/cupsd-test.out" >&2; die "cupsd -t failed"; }

	# unshare execs sh, which execs cupsd: $! is cupsd's pid.
	unshare --mount --propagation private sh -c '
		mount --bind "$1/cups-pdf.conf" /etc/cups/cups-pdf.conf ||
			exit 97
		exec cupsd -f -c "$1/etc/cupsd.conf" \
		    -s "$1/etc/cups-files.conf"' sh "$dir" \
	    >"$dir/log/cupsd.out" 2>&1 </dev/null &
	echo $! > "$dir/cupsd.pid"

	export CUPS_SERVER="$dir/cups.sock"
	i=0
	until [ -S "$dir/cups.sock" ] && lpstat -r >/dev/null 2>&1; do
		i=$((i + 1))
		if [ $i -gt 100 ] || ! kill -0 "$(cat "$dir/cupsd.pid")" \
		    2>/dev/null; then
			cat "$dir/log/cupsd.out" >&2
			log_tail
			die "cupsd did not start (see above)"
		fi
		sleep 0.1
	done
	lpadmin -p "$queue" -v cups-pdf:/ -P "$ppd" -E \
	    -o printer-error-policy=abort-job \
	    -o pdftops-renderer-default=pdftocairo \
	    >"$dir/log/lpadmin.out" 2>&1 ||
		{ cat "$dir/log/lpadmin.out" >&2; die "lpadmin failed"; }
	echo "$queue" > "$dir/queue"
	echo "CUPS_SERVER='$dir/cups.sock'"
	echo "PDCUPS_QUEUE='$queue'"
	echo "PDCUPS_OUT='$dir/out'"
}

wait_jobs() {
	limit=${1:-60}
	[ -f "$dir/queue" ] || die "no scheduler was started in $dir"
	queue=$(cat "$dir/queue")
	export CUPS_SERVER="$dir/cups.sock"
	end=$(($(date +%s) + limit))
	while [ -n "$(lpstat -o "$queue" 2>/dev/null)" ]; do
		if [ "$(date +%s)" -ge "$end" ]; then
			lpstat -l -o "$queue" >&2
			log_tail
			die "jobs still waiting after $limit seconds"
		fi
		sleep 0.1
	done
	# Completed jobs are "completed"; anything else went wrong.
	bad=$(lpstat -W completed -l -o "$queue" 2>/dev/null |
	    grep -iE 'aborted|canceled|stopped' || true)
	if [ -n "$bad" ]; then
		echo "$bad" >&2
		log_tail
		die "a print job did not complete"
	fi
	found=$(find "$dir/out" -type f -name '*.pdf' | sort)
	[ -n "$found" ] || { log_tail; die "no PDF arrived in $dir/out"; }
	echo "$found"
}

halt() {
	[ -e "$dir/.peerdesk-cups" ] || die "$dir is not a test scheduler's"
	if [ -f "$dir/cupsd.pid" ]; then
		pid=$(cat "$dir/cupsd.pid")
		if kill -0 "$pid" 2>/dev/null; then
			kill -TERM "$pid"
			i=0
			while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
				i=$((i + 1))
				sleep 0.1
			done
			kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
		fi
		rm -f "$dir/cupsd.pid"
	fi
}

stop() {
	halt
	rm -rf "$dir"
}

case $cmd in
start) start "${3:-}" ;;
wait) wait_jobs "${3:-}" ;;
halt) halt ;;
stop) stop ;;
*) die "unknown command: $cmd (start, wait, halt or stop)" ;;
esac
