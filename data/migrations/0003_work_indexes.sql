-- 0003_work_indexes.sql - indexes for the weekly hours summary, the
-- reminders and conflict messages.  Indexes only: no data changes.

-- The weekly report reads one week of lines for every PAL: a covering
-- index led by the date makes that a single range scan.
CREATE INDEX IF NOT EXISTS timesheet_line_date
	ON timesheet_line(date, pal_id, kind, minutes);

-- Reminders: each PAL's latest DBS certificate and latest supervision.
CREATE INDEX IF NOT EXISTS pal_dbs_pal ON pal_dbs(pal_id, issued_on);
CREATE INDEX IF NOT EXISTS pal_supervision_pal
	ON pal_supervision(pal_id, date);

-- "Changed by Sam at 14:02": the last change to one record.
CREATE INDEX IF NOT EXISTS audit_entity ON audit(entity, entity_id, at);
