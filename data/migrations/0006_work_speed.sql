-- 0006_work_speed.sql - a timesheet line's kind checked without a temporary
-- table, and indexes for the weeks by status and the sessions by date.
--
-- SQLite (3.40) evaluates a CHECK of the form "kind IN (six words)" by
-- building a temporary B-tree of the six words for every row it inserts
-- or updates: a page allocated, zeroed and freed per row.  Under
-- callgrind that was 37% of importing 100,000 timesheet lines (8.9 -> 5.6
-- billion instructions).  A chain of "=" tests is the same rule and
-- needs no temporary table.  The table is rebuilt the way SQLite
-- documents (foreign keys are off while a migration runs, and checked
-- before it commits); the indexes are those of 0004.

CREATE TABLE timesheet_line_new (
	id              INTEGER PRIMARY KEY,
	week_id         INTEGER NOT NULL REFERENCES timesheet_week(id),
	pal_id          INTEGER NOT NULL REFERENCES staff(id),
	date            TEXT NOT NULL,
	minutes         INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
	kind            TEXT NOT NULL CHECK (kind = 'session' OR
	                    kind = 'supervision' OR kind = 'training' OR
	                    kind = 'travel' OR kind = 'shadowing' OR
	                    kind = 'admin'),
	client_id       INTEGER REFERENCES client(id),
	session_id      INTEGER REFERENCES session(id),
	supervision_id  INTEGER REFERENCES pal_supervision(id),
	training_id     INTEGER REFERENCES pal_training(id),
	note            TEXT,
	created_at      TEXT NOT NULL,
	created_by      INTEGER REFERENCES staff(id),
	updated_at      TEXT,
	version         INTEGER NOT NULL DEFAULT 1
);
INSERT INTO timesheet_line_new (id, week_id, pal_id, date, minutes, kind,
	client_id, session_id, supervision_id, training_id, note, created_at,
	created_by, updated_at, version)
SELECT id, week_id, pal_id, date, minutes, kind, client_id, session_id,
	supervision_id, training_id, note, created_at, created_by, updated_at,
	version
FROM timesheet_line;
DROP TABLE timesheet_line;
ALTER TABLE timesheet_line_new RENAME TO timesheet_line;

CREATE INDEX timesheet_line_week ON timesheet_line(week_id);
CREATE INDEX timesheet_line_pal_date ON timesheet_line(pal_id, date);
CREATE INDEX timesheet_line_date ON timesheet_line(date, pal_id, kind, minutes);
CREATE UNIQUE INDEX timesheet_line_session ON timesheet_line(session_id)
	WHERE session_id IS NOT NULL;
CREATE UNIQUE INDEX timesheet_line_supervision ON timesheet_line(supervision_id)
	WHERE supervision_id IS NOT NULL;
CREATE UNIQUE INDEX timesheet_line_training ON timesheet_line(training_id)
	WHERE training_id IS NOT NULL;

-- The dashboard counts the weeks waiting for approval on every start, the
-- approval screen lists them, and `peerdesk summary` counts the weeks in
-- each status.  Without an index each of those read all 147,000 weeks of
-- the large demo: 70% of the instructions from start-up to the first
-- dashboard frame, and 463 million instructions (a sort of every week)
-- in the summary.  Led by the status, one index answers all three.
CREATE INDEX timesheet_week_status ON timesheet_week(status, week_start);

-- The weekly summary's "contracted against delivered" adds up one week of
-- sessions per assignment.  Through session_pal that was a seek per
-- assignment and a table lookup per session (61 million instructions,
-- half the report, on the large demo); a covering index led by the date
-- makes it one range scan of the week, as timesheet_line_date does for
-- the lines.  It also answers the first and last session date of
-- `peerdesk summary` without reading every session.
CREATE INDEX session_date ON session(date, pal_id, client_id, status, minutes);
