-- 0004_line_unique.sql - timesheet lines without three automatic indexes.
--
-- In 0001 session_id, supervision_id and training_id were UNIQUE columns.
-- SQLite keeps an index entry for every row of a UNIQUE column, NULL or
-- not, so each imported line paid for three index inserts it did not
-- need.  Partial unique indexes keep the same rule (one line per
-- session, supervision or training) and index only the rows that have
-- one.  The table is rebuilt the way SQLite documents (foreign keys are
-- off while a migration runs, and checked before it commits).

CREATE TABLE timesheet_line_new (
	id              INTEGER PRIMARY KEY,
	week_id         INTEGER NOT NULL REFERENCES timesheet_week(id),
	pal_id          INTEGER NOT NULL REFERENCES staff(id),
	date            TEXT NOT NULL,
	minutes         INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
	kind            TEXT NOT NULL CHECK (kind IN ('session', 'supervision', 'training',
	                                    'travel', 'shadowing', 'admin')),
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
