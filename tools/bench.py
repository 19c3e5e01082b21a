#!/usr/bin/python3
"""bench.py - peerdesk's benchmarks (make bench).  Prints one table.

Builds the small and large demo databases once (build/bench/), then
measures, with medians over repeated runs, side by side in one run:
  1. the weekly hours summary (CSV) against the sqlite3 shell running a
     hand-written query for the same numbers, both as whole processes;
  2. growth: large against small for the same report, start-up to the
     first dashboard frame (through tmux), and a keystroke in the clients
     filter;
  3. start-up to the first dashboard frame on the large database;
  4. bytes written to the terminal for one Down key and a full dashboard;
  5. peak memory (max RSS) for start-up, report and the clients list;
  6. importing 100,000 timesheet lines against the shell's .import.
A measurement whose command does not exist yet prints "n/a" and why.
Nothing here asserts: targets are printed beside the numbers, and
docs/performance.md records the latest table.
"""
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TODAY = "2026-11-25"
WEEK = "2026-W47"          # a full week before TODAY
WEEK_FROM, WEEK_TO = "2026-11-16", "2026-11-22"


def sh(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, **kw)


def timed(cmd, runs=7, env=None):
    """Median wall seconds and max RSS (KiB) of cmd run `runs` times."""
    times, rss = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, env=env)
        times.append(time.perf_counter() - t0)
        if r.returncode != 0:
            raise RuntimeError("%s failed: %s" % (" ".join(cmd), r.stderr[-400:]))
        rss.append(int(r.stderr.strip().splitlines()[-1]))
    return statistics.median(times), max(rss)


class Tmux:
    def __init__(self):
        self.sock = "pd-bench-%d" % os.getpid()

    def run(self, *args):
        return sh(["tmux", "-L", self.sock] + list(args))

    def start(self, name, cmd, cols=80, rows=24):
        self.run("new-session", "-d", "-s", name, "-x", str(cols), "-y",
                 str(rows), "env TERM=tmux-256color NCURSES_NO_UTF8_ACS=1 "
                 + cmd + "; sleep 3600")

    def screen(self, name):
        return self.run("capture-pane", "-p", "-t", name).stdout

    def wait(self, name, text, limit=10.0):
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            if text in self.screen(name):
                return time.perf_counter()
        raise RuntimeError("timed out waiting for %r" % text)

    def kill(self):
        self.run("kill-server")


def have_command(pd, word):
    return word in sh([pd, "--help"]).stdout


HAND_SQL = """
WITH l AS (
  SELECT pal_id, date, kind, minutes FROM timesheet_line
  WHERE date BETWEEN '{f}' AND '{t}'),
r AS (
  SELECT l.pal_id, l.kind, l.minutes,
    (SELECT rate_pence FROM pal_rate p WHERE p.pal_id = l.pal_id
       AND p.effective_from <= l.date ORDER BY p.effective_from DESC LIMIT 1)
      AS rate
  FROM l)
SELECT s.login, s.name, printf('%.2f', coalesce(sum(r.minutes), 0) / 60.0),
  printf('%.2f', coalesce(sum(r.minutes * r.rate), 0) / 6000.0),
  (SELECT rule FROM pal_benefit b WHERE b.pal_id = s.id
     AND b.effective_from <= '{f}' ORDER BY effective_from DESC LIMIT 1)
FROM staff s JOIN pal ON pal.staff_id = s.id
LEFT JOIN r ON r.pal_id = s.id
WHERE s.active = 1 AND s.role = 'pal'
GROUP BY s.id ORDER BY s.login;
""".format(f=WEEK_FROM, t=WEEK_TO)


def main():
    pd = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/peerdesk")
    out = os.path.join(os.path.dirname(pd), "bench")
    os.makedirs(out, exist_ok=True)
    dbs = {}
    for scale in ("small", "large"):
        path = os.path.join(out, scale + ".db")
        if not os.path.exists(path):
            print("building the %s demo database ..." % scale, flush=True)
            t0 = time.perf_counter()
            r = sh([pd, "--db", path, "--today", TODAY, "demo", "--scale", scale])
            if r.returncode != 0:
                sys.exit(r.stderr)
            print("  %.1f s: %s" % (time.perf_counter() - t0,
                                     r.stdout.strip().splitlines()[-1]))
        dbs[scale] = path
    env = dict(os.environ, PEERDESK_TODAY=TODAY, LC_ALL="C.UTF-8")
    rows = []

    def row(what, value, target=""):
        rows.append((what, value, target))

    # 1 and 2: the weekly report against the shell
    if have_command(pd, "report hours"):
        rep = {}
        for scale in ("small", "large"):
            rep[scale] = timed([pd, "--db", dbs[scale], "report", "hours",
                                "--week", WEEK, "--format", "csv"], env=env)
        shell, shell_rss = timed(["sqlite3", dbs["large"], HAND_SQL])
        row("report hours csv, large (median s)", "%.4f" % rep["large"][0])
        row("sqlite3 shell, same numbers (median s)", "%.4f" % shell)
        row("report / shell", "%.2f" % (rep["large"][0] / shell), "<= 1.5")
        row("report growth, large / small", "%.2f" % (rep["large"][0] / rep["small"][0]), "<= 2")
        row("report peak RSS, large (MiB)", "%.1f" % (rep["large"][1] / 1024), "< 20")
    else:
        row("report hours", "n/a: no 'report hours' command yet")

    # 2, 3, 4, 5: screens through tmux
    if shutil.which("tmux") is None:
        row("screens", "n/a: tmux is missing")
    else:
        tm = Tmux()
        try:
            starts = {}
            for scale in ("small", "large"):
                samples = []
                for i in range(5):
                    name = "s%s%d" % (scale, i)
                    t0 = time.perf_counter()
                    tm.start(name, "%s --db %s --today %s" % (pd, dbs[scale], TODAY))
                    samples.append(tm.wait(name, "Clients") - t0)
                    tm.run("kill-session", "-t", name)
                starts[scale] = statistics.median(samples)
            row("start-up to dashboard, large (ms)", "%.0f" % (starts["large"] * 1000), "< 100")
            row("start-up growth, large / small", "%.2f" % (starts["large"] / starts["small"]), "<= 2")
            # bytes on the pty for a full dashboard paint and one Down key
            log = os.path.join(out, "pty.log")
            if os.path.exists(log):
                os.unlink(log)
            tm.start("bytes", "%s --db %s --today %s" % (pd, dbs["large"], TODAY))
            tm.run("pipe-pane", "-o", "-t", "bytes", "cat >> " + log)
            tm.run("send-keys", "-t", "bytes", "C-l")
            tm.wait("bytes", "Clients")
            time.sleep(0.3)
            full = os.path.getsize(log) if os.path.exists(log) else 0
            tm.run("send-keys", "-t", "bytes", "Down")
            time.sleep(0.3)
            down = (os.path.getsize(log) if os.path.exists(log) else 0) - full
            row("bytes for a full dashboard paint", str(full), "<= 6144")
            row("bytes for one Down key", str(down), "<= 300")
        except RuntimeError as e:
            row("screens", "n/a: %s" % e)
        finally:
            tm.kill()
        _, rss = timed([pd, "--db", dbs["large"], "summary"], runs=3, env=env)
        row("summary peak RSS, large (MiB)", "%.1f" % (rss / 1024), "< 20")

    # 6: import against the shell's .import
    tmp = tempfile.mkdtemp(prefix="pd-bench-")
    try:
        csv = os.path.join(tmp, "ts.csv")
        rnd = random.Random(1)
        logins = sh(["sqlite3", dbs["small"],
                     "SELECT login FROM staff WHERE role = 'pal'"]).stdout.split()
        kinds = ["session", "supervision", "training", "travel", "shadowing", "admin"]
        with open(csv, "w") as f:
            f.write("pal_login,date,minutes,kind\n")
            for _ in range(100000):
                f.write("%s,2027-%02d-%02d,%d,%s\n" % (
                    rnd.choice(logins), rnd.randint(1, 12), rnd.randint(1, 28),
                    rnd.randint(15, 180), rnd.choice(kinds)))
        ours, shell = [], []
        for i in range(3):
            db = os.path.join(tmp, "imp%d.db" % i)
            shutil.copy(dbs["small"], db)
            t, _ = timed([pd, "--db", db, "import", "timesheet", csv], runs=1)
            ours.append(t)
            sdb = os.path.join(tmp, "s%d.db" % i)
            sh(["sqlite3", sdb, "CREATE TABLE t(pal_login TEXT, date TEXT, "
                "minutes INTEGER, kind TEXT)"])
            t, _ = timed(["sqlite3", sdb, ".import --csv --skip 1 %s t" % csv], runs=1)
            shell.append(t)
        o, s = statistics.median(ours), statistics.median(shell)
        row("import 100,000 lines (median s)", "%.3f" % o)
        row("sqlite3 .import of the same file (median s)", "%.3f" % s)
        row("import / .import", "%.2f" % (o / s), "<= 2")
    finally:
        shutil.rmtree(tmp)

    width = max(len(r[0]) for r in rows)
    print()
    print("%-*s  %12s  %s" % (width, "measurement", "value", "target"))
    for what, value, target in rows:
        print("%-*s  %12s  %s" % (width, what, value, target))


if __name__ == "__main__":
    main()
