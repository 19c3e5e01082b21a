#!/bin/bash
# Tier 4: the terminal goes away without a hangup signal (the pty is
# closed under a program that does not own it).  peerdesk must notice,
# keep the half-typed note as a draft as a hangup would, and end - never
# spin on a dead terminal.  Driven by a small Python pty script; polls
# with a deadline.
. "$(dirname "$0")/lib.sh"

DB=$T/peerdesk.db
"$PD" --db "$DB" --today 2026-11-25 demo >/dev/null 2>&1
check "the demo database was made" test -s "$DB"


python3 - "$PD" "$DB" >"$T/py.out" 2>&1 <<'PY'
import os, pty, select, subprocess, sys, time
pd, db = sys.argv[1], sys.argv[2]
master, slave = pty.openpty()
env = dict(os.environ, TERM="xterm-256color", LINES="24", COLUMNS="80")
# Not a new session: this pty is not the child's controlling terminal,
# so closing it sends no SIGHUP.
p = subprocess.Popen([pd, "--db", db, "--today", "2026-11-25", "log", "--pal", "jo"],
                     stdin=slave, stdout=slave, stderr=slave, env=env)
os.close(slave)
seen = b""
def wait_for(text, limit=10):
    global seen
    end = time.time() + limit
    while time.time() < end:
        r, _, _ = select.select([master], [], [], 0.1)
        if r:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
            if text in seen:
                return True
    return False
print("form:", wait_for(b"Log a session"))
seen = b""
os.write(master, b"\t\t\t\t45m\tLost-signal walk by the river")
# The screen draws the note a letter at a time: wait until it has drawn
# something and then gone quiet for a moment (a poll with a deadline).
def settle(quiet=0.3, limit=10):
    global seen
    end = time.time() + limit
    last = time.time()
    got = False
    while time.time() < end:
        r, _, _ = select.select([master], [], [], 0.05)
        if r:
            seen += os.read(master, 65536)
            got = True
            last = time.time()
        elif got and time.time() - last >= quiet:
            return True
    return False
print("typed:", settle() and b"r" in seen)
os.close(master)
try:
    rc = p.wait(timeout=10)
except subprocess.TimeoutExpired:
    rc = None
    p.kill()
print("exit:", rc)
PY
cat "$T/py.out" | sed 's/^/  # /'
check "the log form opened" grep -q "form: True" "$T/py.out"
check "the note was typed" grep -q "typed: True" "$T/py.out"
check "peerdesk ended by itself when the terminal went (as a hangup, 129)" grep -q "exit: 129" "$T/py.out"
check "the typed note is kept as a draft" test "$(sqlite3 "$DB" "SELECT count(*) FROM draft WHERE content LIKE '%Lost-signal walk by the river%'")" -ge 1
finish
