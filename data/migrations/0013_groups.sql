-- 0013_groups.sql - groups and drop-ins (the walking group, the communal
-- meal), who facilitates them, each meeting and who came; a plan goal that
-- names a group; review and plan notes a client lets us quote (issue 18).
--
-- A PAL facilitating a meeting is paid time: the meeting makes a line in
-- that PAL's week.  It is a line of kind 'session' (time spent supporting
-- people, as a client session is) with no client, tied to the meeting by
-- timesheet_line.group_meeting_id, so it counts towards permitted work,
-- pay and the hours report exactly as any other line and the payroll
-- columns stay as they were.

CREATE TABLE client_group (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
	kind        TEXT NOT NULL CHECK (kind = 'walk' OR kind = 'meal' OR
	                kind = 'drop_in' OR kind = 'peer_group' OR kind = 'course'),
	usual_day   INTEGER CHECK (usual_day IS NULL OR usual_day BETWEEN 1 AND 7),
	                                   -- 1 Monday .. 7 Sunday
	usual_time  TEXT,                  -- 'HH:MM'
	place       TEXT,
	active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at  TEXT NOT NULL,
	created_by  INTEGER REFERENCES staff(id),
	version     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX client_group_name ON client_group(name);

-- Who usually runs the group: PALs and staff.
CREATE TABLE group_facilitator (
	group_id  INTEGER NOT NULL REFERENCES client_group(id),
	staff_id  INTEGER NOT NULL REFERENCES staff(id),
	PRIMARY KEY (group_id, staff_id)
) WITHOUT ROWID;
CREATE INDEX group_facilitator_staff ON group_facilitator(staff_id);

CREATE TABLE group_meeting (
	id          INTEGER PRIMARY KEY,
	group_id    INTEGER NOT NULL REFERENCES client_group(id),
	date        TEXT NOT NULL,
	start_time  TEXT,
	minutes     INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
	notes       TEXT,
	extra_count INTEGER NOT NULL DEFAULT 0 CHECK (extra_count >= 0),
	                                   -- people who came, not named at all
	created_at  TEXT NOT NULL,
	created_by  INTEGER REFERENCES staff(id),
	version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX group_meeting_group ON group_meeting(group_id, date);
CREATE INDEX group_meeting_date ON group_meeting(date);

-- Who ran this meeting (a PAL's time becomes a line in their week).
CREATE TABLE group_meeting_staff (
	meeting_id  INTEGER NOT NULL REFERENCES group_meeting(id),
	staff_id    INTEGER NOT NULL REFERENCES staff(id),
	PRIMARY KEY (meeting_id, staff_id)
) WITHOUT ROWID;

-- Who came: a client by their record, or anyone else by a first name.
CREATE TABLE group_attendance (
	id          INTEGER PRIMARY KEY,
	meeting_id  INTEGER NOT NULL REFERENCES group_meeting(id),
	client_id   INTEGER REFERENCES client(id),
	first_name  TEXT,
	CHECK ((client_id IS NULL) <> (first_name IS NULL))
);
CREATE INDEX group_attendance_meeting ON group_attendance(meeting_id);
CREATE INDEX group_attendance_client ON group_attendance(client_id)
	WHERE client_id IS NOT NULL;
CREATE UNIQUE INDEX group_attendance_once ON group_attendance(meeting_id, client_id)
	WHERE client_id IS NOT NULL;

ALTER TABLE timesheet_line ADD COLUMN group_meeting_id INTEGER
	REFERENCES group_meeting(id);
CREATE INDEX timesheet_line_group ON timesheet_line(group_meeting_id)
	WHERE group_meeting_id IS NOT NULL;

-- A goal in a client's plan may name the group it is about ("Connect: go
-- to the Thursday walking group").
ALTER TABLE plan_goal ADD COLUMN group_id INTEGER REFERENCES client_group(id);

-- The client agreed these words may be quoted (unnamed) in reports.
ALTER TABLE review ADD COLUMN may_quote INTEGER NOT NULL DEFAULT 0
	CHECK (may_quote IN (0, 1));
ALTER TABLE plan_note ADD COLUMN may_quote INTEGER NOT NULL DEFAULT 0
	CHECK (may_quote IN (0, 1));
