-- 0008_audit_chain.sql - the audit trail becomes a chain, and no row
-- may ever change again.
--
-- Each row now carries `hash`: SHA-256 (in hex) of the previous row's
-- hash followed by this row's own fields in a fixed encoding
-- (docs/data-model.md, "The audit chain").  Altering, adding or removing
-- any row by hand - even after dropping the triggers below - breaks the
-- chain from that row on, and `peerdesk audit --verify` names the row.
--
-- `day` is the business day the row was written on ("today" as
-- --today says; the real day otherwise), for plan history only.  `at`
-- is always the real UTC time.
--
-- SQL cannot compute SHA-256, so the rows already there are chained by
-- peerdesk itself, in id order, in the same transaction as this file,
-- straight after it (db_migrate_to, audit_chain_existing in
-- src/db/audit.c).  For that one step the program lifts the trigger
-- below and puts back the exact text of it that this file creates.
--
-- 0005's one allowed change (redacting a row to "(erased)") is gone:
-- the only update ever allowed on an audit row is none.  Erasing a
-- client hides their words in audit rows when they are shown instead.

ALTER TABLE audit ADD COLUMN day TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;

DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit rows cannot be changed');
END;
