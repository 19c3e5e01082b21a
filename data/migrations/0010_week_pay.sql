-- 0010_week_pay.sql - the manager's week: changes to approved weeks kept
-- as adjustments, and weeks marked paid.
--
-- An approved week may still be changed by the manager, with a reason.
-- Payroll needs to see that change in the week it is made, not buried in
-- a week already paid: each change to an approved or paid week keeps a
-- row here with the week's hours and gross pay before and after.
--
-- After payroll the manager marks weeks paid: status 'locked' (which the
-- first schema had but nothing set), with who and when.

ALTER TABLE timesheet_week ADD COLUMN paid_at TEXT;
ALTER TABLE timesheet_week ADD COLUMN paid_by INTEGER REFERENCES staff(id);

CREATE TABLE week_adjustment (
	id              INTEGER PRIMARY KEY,
	pal_id          INTEGER NOT NULL REFERENCES staff(id),
	week_start      TEXT NOT NULL,   -- the week that was changed
	made_on         TEXT NOT NULL,   -- the day of the change: its week shows it
	week_status     TEXT NOT NULL CHECK (week_status IN ('approved', 'locked')),
	minutes_before  INTEGER NOT NULL,
	minutes_after   INTEGER NOT NULL,
	gross_before    INTEGER NOT NULL, -- pence, holiday pay included
	gross_after     INTEGER NOT NULL,
	reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
	made_by         INTEGER NOT NULL REFERENCES staff(id),
	created_at      TEXT NOT NULL
);
CREATE INDEX week_adjustment_made ON week_adjustment(made_on);
CREATE INDEX week_adjustment_week ON week_adjustment(pal_id, week_start);
