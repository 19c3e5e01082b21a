-- 0005_audit_redact.sql - one narrow exception to "audit rows never
-- change": redacting a row when a client is erased.
--
-- An audit row's summary, before, after and reason can hold a client's
-- personal data (a saved record is logged as "field: value" lines).
-- When a closed client is erased (peerdesk erase, or retention), those
-- words must go too, while the trail of who did what, when, to which
-- record stays.  So the only update now allowed is a redaction that
-- keeps id, at, actor_id, actor_login, action, entity, entity_id and
-- client_id exactly, sets summary to '(erased)' and clears before,
-- after and reason.  Every other change is still refused, and rows can
-- still never be removed (audit_no_delete is unchanged).

DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
WHEN NOT (NEW.id IS OLD.id
	AND NEW.at IS OLD.at
	AND NEW.actor_id IS OLD.actor_id
	AND NEW.actor_login IS OLD.actor_login
	AND NEW.action IS OLD.action
	AND NEW.entity IS OLD.entity
	AND NEW.entity_id IS OLD.entity_id
	AND NEW.client_id IS OLD.client_id
	AND NEW.summary IS '(erased)'
	AND NEW.before IS NULL
	AND NEW.after IS NULL
	AND NEW.reason IS NULL)
BEGIN
	SELECT RAISE(ABORT, 'audit rows cannot be changed');
END;
