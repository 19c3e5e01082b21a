-- 0011_client_story.sql - a client's whole story: each change of status
-- kept as a dated line (with the reason a client was closed), episodes of
-- support (a reopened client starts a new one; the earlier history stays),
-- records merged into another, and how the client heard of us.
--
-- client.status stays the status now; client_status_change is its history.
-- Each client's history starts with the line for their referral, made here
-- for clients who already exist (from the referral date, else the day the
-- record was made), and, where they are not 'referred' now, a line for the
-- status they are in (status_changed_on, else the same day).

ALTER TABLE client ADD COLUMN episode INTEGER NOT NULL DEFAULT 1;
ALTER TABLE client ADD COLUMN closed_reason TEXT
	CHECK (closed_reason IS NULL OR closed_reason IN
	       ('support_ended', 'moved_away', 'declined', 'not_reached',
	        'died', 'merged', 'other'));
-- A record merged into another stays as a closed stub pointing at it.
ALTER TABLE client ADD COLUMN merged_into INTEGER REFERENCES client(id);

CREATE TABLE client_status_change (
	id          INTEGER PRIMARY KEY,
	client_id   INTEGER NOT NULL REFERENCES client(id),
	episode     INTEGER NOT NULL DEFAULT 1,
	status      TEXT NOT NULL
	            CHECK (status IN ('referred', 'intake', 'active', 'paused', 'closed')),
	on_date     TEXT NOT NULL,            -- the business day it took effect
	reason      TEXT CHECK (reason IS NULL OR reason IN
	            ('support_ended', 'moved_away', 'declined', 'not_reached',
	             'died', 'merged', 'other')),
	note        TEXT,                     -- free words, optional
	created_at  TEXT NOT NULL,            -- real UTC time of the change
	created_by  INTEGER REFERENCES staff(id)
);
CREATE INDEX client_status_change_client
	ON client_status_change(client_id, on_date, id);
CREATE INDEX client_status_change_status
	ON client_status_change(status, on_date);

INSERT INTO client_status_change
	(client_id, episode, status, on_date, reason, created_at, created_by)
SELECT c.id, 1, 'referred',
       coalesce((SELECT min(r.referred_on) FROM referral r
                  WHERE r.client_id = c.id), substr(c.created_at, 1, 10)),
       NULL, c.created_at, c.created_by
  FROM client c;

INSERT INTO client_status_change
	(client_id, episode, status, on_date, reason, created_at, created_by)
SELECT c.id, 1, c.status,
       coalesce(c.closed_on, c.status_changed_on, substr(c.created_at, 1, 10)),
       CASE WHEN c.status = 'closed' THEN 'other' END,
       coalesce(c.updated_at, c.created_at), c.updated_by
  FROM client c
 WHERE c.status <> 'referred';

UPDATE client SET closed_reason = 'other'
 WHERE status = 'closed' AND closed_reason IS NULL;

-- How the client heard of peerdesk's organisation (the referral form).
ALTER TABLE referral ADD COLUMN heard_about TEXT;
