-- 0009_records_integrity.sql - erasure that touches only the person, and
-- imports that cannot double (issue 13).
--
-- 1. Audit rows never change (0008 made the trigger refuse every
--    update and chained the rows); now the audit also keeps no client's
--    words in its rows at all, so an erase never needs to change one.  A row about a client names them only by number
--    (client_id, and "client #N" in its summary and reason); the
--    record's before and after of a row about a client are kept beside
--    it in audit_detail, which an erase removes.  Rows written before
--    this version keep the words they were written with (see
--    docs/data-model.md, "The audit and erasure").
CREATE TABLE audit_detail (
	audit_id   INTEGER PRIMARY KEY REFERENCES audit(id),
	client_id  INTEGER NOT NULL,   -- as audit.client_id
	before     TEXT,
	after      TEXT
);
CREATE INDEX audit_detail_client ON audit_detail(client_id);

-- 2. Every import, with a hash of the file's bytes, so the same file is
--    not brought in twice by mistake; timesheet lines say which import
--    brought them (NULL: typed in, or from a session).
CREATE TABLE import_log (
	id           INTEGER PRIMARY KEY,
	kind         TEXT NOT NULL CHECK (kind IN ('pals', 'timesheet', 'clients')),
	content_hash TEXT NOT NULL,
	file_name    TEXT NOT NULL,
	rows         INTEGER NOT NULL,
	again        INTEGER NOT NULL DEFAULT 0,
	imported_at  TEXT NOT NULL,
	actor_id     INTEGER REFERENCES staff(id),
	actor_login  TEXT
);
CREATE INDEX import_log_hash ON import_log(kind, content_hash);
ALTER TABLE timesheet_line ADD COLUMN import_id INTEGER REFERENCES import_log(id);
