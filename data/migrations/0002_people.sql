-- 0002_people.sql - client list order, conflict details, ally versions,
-- and indexes for the people tables.  docs/data-model.md explains them.

-- The newest referral date of each client, kept by the triggers below
-- (never written by the program), so the client list can walk an index
-- "newest referral first" and stop after one page.
ALTER TABLE client ADD COLUMN referred_on TEXT;
UPDATE client SET referred_on =
	(SELECT max(r.referred_on) FROM referral r WHERE r.client_id = client.id);
DROP INDEX client_status;
CREATE INDEX client_referred ON client(referred_on);
CREATE INDEX client_status_referred ON client(status, referred_on);

CREATE TRIGGER referral_sets_client_date AFTER INSERT ON referral
BEGIN
	UPDATE client SET referred_on =
		(SELECT max(r.referred_on) FROM referral r WHERE r.client_id = client.id)
	WHERE id = NEW.client_id;
END;
CREATE TRIGGER referral_resets_client_date
AFTER UPDATE OF referred_on, client_id ON referral
BEGIN
	UPDATE client SET referred_on =
		(SELECT max(r.referred_on) FROM referral r WHERE r.client_id = client.id)
	WHERE id IN (OLD.client_id, NEW.client_id);
END;
CREATE TRIGGER referral_unsets_client_date AFTER DELETE ON referral
BEGIN
	UPDATE client SET referred_on =
		(SELECT max(r.referred_on) FROM referral r WHERE r.client_id = client.id)
	WHERE id = OLD.client_id;
END;

-- Who last saved a referral or funding record, for "changed by Sam at
-- 14:02" when two people edit the same one.
ALTER TABLE referral ADD COLUMN updated_at TEXT;
ALTER TABLE referral ADD COLUMN updated_by INTEGER REFERENCES staff(id);
ALTER TABLE funding ADD COLUMN updated_at TEXT;
ALTER TABLE funding ADD COLUMN updated_by INTEGER REFERENCES staff(id);

-- Allies can be edited, so they carry a version like every other record.
ALTER TABLE client_ally ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- A PAL's training, newest first, and the DBS re-check reminder.  (The
-- DBS and supervision lists use pal_dbs_pal and pal_supervision_pal from
-- 0003_work_indexes.sql.)
CREATE INDEX pal_dbs_recheck ON pal_dbs(recheck_due);
CREATE INDEX pal_training_pal ON pal_training(pal_id, date);
