-- 0001_initial.sql - the whole domain, first version.
--
-- Conventions (docs/data-model.md explains every table):
--   dates       TEXT 'YYYY-MM-DD'
--   moments     TEXT 'YYYY-MM-DDTHH:MM:SSZ' (UTC)
--   durations   INTEGER minutes
--   money       INTEGER pence
--   version     INTEGER, bumped on every save; saving an out-of-date copy
--               is a conflict, never a silent overwrite
-- Released migration files are never edited; add 0002_*.sql instead.

-- People who sign in: office staff, PALs and managers.
CREATE TABLE staff (
	id            INTEGER PRIMARY KEY,
	login         TEXT UNIQUE,            -- Unix login; NULL if none
	name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
	role          TEXT NOT NULL CHECK (role IN ('office', 'pal', 'manager')),
	passphrase    TEXT,                   -- crypt(3) hash, never clear text
	email         TEXT,
	phone         TEXT,
	active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at    TEXT NOT NULL,
	version       INTEGER NOT NULL DEFAULT 1
);

-- A PAL's own record: the profile clients choose from.
CREATE TABLE pal (
	staff_id         INTEGER PRIMARY KEY REFERENCES staff(id),
	date_of_birth    TEXT,                -- for the minimum-wage age band
	gender           TEXT,
	pronouns         TEXT,
	work_experience  TEXT,
	interests        TEXT,
	likes            TEXT,
	dislikes         TEXT,
	activities       TEXT,
	languages        TEXT,
	skills           TEXT,
	my_story         TEXT,                -- only what the PAL chooses to share
	started_on       TEXT,
	left_on          TEXT,
	max_clients      INTEGER,
	version          INTEGER NOT NULL DEFAULT 1
);

-- Which benefit rule applies to a PAL, from a date (manager only).
CREATE TABLE pal_benefit (
	id              INTEGER PRIMARY KEY,
	pal_id          INTEGER NOT NULL REFERENCES pal(staff_id),
	rule            TEXT NOT NULL
	                CHECK (rule IN ('none', 'lower', 'permitted', 'supported', 'uc')),
	effective_from  TEXT NOT NULL,
	note            TEXT,
	recorded_by     INTEGER REFERENCES staff(id),
	created_at      TEXT NOT NULL,
	UNIQUE (pal_id, effective_from)
);

-- Hourly pay, from a date.
CREATE TABLE pal_rate (
	id              INTEGER PRIMARY KEY,
	pal_id          INTEGER NOT NULL REFERENCES pal(staff_id),
	rate_pence      INTEGER NOT NULL CHECK (rate_pence >= 0),
	effective_from  TEXT NOT NULL,
	recorded_by     INTEGER REFERENCES staff(id),
	created_at      TEXT NOT NULL,
	UNIQUE (pal_id, effective_from)
);

CREATE TABLE pal_dbs (
	id              INTEGER PRIMARY KEY,
	pal_id          INTEGER NOT NULL REFERENCES pal(staff_id),
	level           TEXT NOT NULL
	                CHECK (level IN ('basic', 'standard', 'enhanced', 'enhanced_barred')),
	certificate_no  TEXT,
	issued_on       TEXT,
	update_service  INTEGER NOT NULL DEFAULT 0 CHECK (update_service IN (0, 1)),
	recheck_due     TEXT,
	notes           TEXT,
	created_at      TEXT NOT NULL
);

CREATE TABLE pal_training (
	id          INTEGER PRIMARY KEY,
	pal_id      INTEGER NOT NULL REFERENCES pal(staff_id),
	date        TEXT NOT NULL,
	title       TEXT NOT NULL,
	provider    TEXT,
	minutes     INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
	paid        INTEGER NOT NULL DEFAULT 1 CHECK (paid IN (0, 1)),
	expires_on  TEXT,
	notes       TEXT,
	created_at  TEXT NOT NULL
);

CREATE TABLE pal_supervision (
	id             INTEGER PRIMARY KEY,
	pal_id         INTEGER NOT NULL REFERENCES pal(staff_id),
	date           TEXT NOT NULL,
	supervisor_id  INTEGER REFERENCES staff(id),
	minutes        INTEGER NOT NULL CHECK (minutes > 0),
	paid           INTEGER NOT NULL DEFAULT 1 CHECK (paid IN (0, 1)),
	notes          TEXT,
	created_at     TEXT NOT NULL
);

-- The PAL's own Wellness and Development Plan; every save is a new row.
CREATE TABLE pal_plan_version (
	id                  INTEGER PRIMARY KEY,
	pal_id              INTEGER NOT NULL REFERENCES pal(staff_id),
	version_no          INTEGER NOT NULL,
	aspirations         TEXT,
	other_commitments   TEXT,
	struggling_signs    TEXT,   -- how I will know I am struggling at work
	my_actions          TEXT,   -- what I will do
	manager_actions     TEXT,   -- what the Operations Manager can do
	adjustments         TEXT,   -- reasonable adjustments agreed
	career_development  TEXT,
	saved_by            INTEGER REFERENCES staff(id),
	saved_at            TEXT NOT NULL,
	UNIQUE (pal_id, version_no)
);

CREATE TABLE client (
	id                 INTEGER PRIMARY KEY,
	name               TEXT NOT NULL CHECK (length(trim(name)) > 0),
	preferred_name     TEXT,
	pronouns           TEXT,
	date_of_birth      TEXT,
	gender             TEXT,
	phone              TEXT,
	email              TEXT,
	address            TEXT,
	contact_notes      TEXT,
	pal_preferences    TEXT,     -- e.g. "a male PAL", "likes walking"
	interests          TEXT,
	skills_wanted      TEXT,
	diagnosis_note     TEXT,     -- optional, free text, never required
	status             TEXT NOT NULL DEFAULT 'referred'
	                   CHECK (status IN ('referred', 'intake', 'active', 'paused', 'closed')),
	status_changed_on  TEXT,
	closed_on          TEXT,
	anonymised_at      TEXT,
	created_at         TEXT NOT NULL,
	created_by         INTEGER REFERENCES staff(id),
	updated_at         TEXT,
	updated_by         INTEGER REFERENCES staff(id),
	version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX client_name ON client(name COLLATE NOCASE);
CREATE INDEX client_status ON client(status);

-- People who matter to the client.
CREATE TABLE client_ally (
	id            INTEGER PRIMARY KEY,
	client_id     INTEGER NOT NULL REFERENCES client(id),
	name          TEXT NOT NULL,
	relationship  TEXT,
	phone         TEXT,
	notes         TEXT,
	position      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX client_ally_client ON client_ally(client_id);

CREATE TABLE referral (
	id                   INTEGER PRIMARY KEY,
	client_id            INTEGER NOT NULL REFERENCES client(id),
	referred_on          TEXT NOT NULL,
	referrer_name        TEXT,
	referrer_org         TEXT,
	referrer_team        TEXT,
	referrer_contact     TEXT,
	route                TEXT CHECK (route IS NULL OR route IN
	                     ('self', 'social_worker', 'gp', 'mental_health_team',
	                      'family', 'other')),
	first_contact_on     TEXT,
	plan_submitted_on    TEXT,
	plan_approved_on     TEXT,
	funding_received_on  TEXT,
	notes                TEXT,
	created_at           TEXT NOT NULL,
	created_by           INTEGER REFERENCES staff(id),
	version              INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX referral_client ON referral(client_id);
CREATE INDEX referral_date ON referral(referred_on);

CREATE TABLE funding (
	id                           INTEGER PRIMARY KEY,
	client_id                    INTEGER NOT NULL REFERENCES client(id),
	kind                         TEXT NOT NULL
	                             CHECK (kind IN ('personal_budget', 'personal_health_budget',
	                                    'direct_payment', 'self_funded', 'none')),
	contracted_minutes_per_week  INTEGER CHECK (contracted_minutes_per_week >= 0),
	hourly_charge_pence          INTEGER CHECK (hourly_charge_pence >= 0),
	funder                       TEXT,   -- e.g. the council
	negotiator                   TEXT,   -- who to negotiate with (social worker)
	negotiator_contact           TEXT,
	review_due                   TEXT,   -- the funder's review date
	starts_on                    TEXT,
	ends_on                      TEXT,
	notes                        TEXT,
	created_at                   TEXT NOT NULL,
	version                      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX funding_client ON funding(client_id);
CREATE INDEX funding_review ON funding(review_due);

-- The client's Wellness and Safety Plan (Green Book).  The plan row holds
-- what is not versioned; each save of the sections is a plan_version row.
CREATE TABLE plan (
	id               INTEGER PRIMARY KEY,
	client_id        INTEGER NOT NULL UNIQUE REFERENCES client(id),
	status           TEXT NOT NULL DEFAULT 'draft'
	                 CHECK (status IN ('draft', 'established')),
	established_on   TEXT,
	established_by   INTEGER REFERENCES staff(id),
	current_version  INTEGER NOT NULL DEFAULT 0,
	version          INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE plan_version (
	id                 INTEGER PRIMARY KEY,
	plan_id            INTEGER NOT NULL REFERENCES plan(id),
	version_no         INTEGER NOT NULL,
	ambitions          TEXT,   -- 1. my ambitions and goals, in my own words
	support_wanted     TEXT,   -- 2. the support I want
	support_hopes      TEXT,   --    and what I want to get out of it
	keeps_me_well      TEXT,   -- 3. my wellness toolbox
	triggers           TEXT,   -- 4. what makes me unwell
	triggers_plan      TEXT,   --    my plan to avoid or lessen them
	warning_signs      TEXT,   -- 5. early warning signs
	warning_plan       TEXT,   --    what I (and others) will do
	crisis_plan        TEXT,   -- 6. when things break down
	crisis_contacts    TEXT,
	crisis_helps       TEXT,
	crisis_avoid       TEXT,   --    what does not help
	advance_statement  TEXT,
	unsafe_places      TEXT,   -- 7. places and situations I feel unsafe
	saved_by           INTEGER REFERENCES staff(id),
	saved_at           TEXT NOT NULL,
	note               TEXT,
	UNIQUE (plan_id, version_no)
);

-- Goals: the client's ambitions (area 'ambition') and Five Ways to
-- Wellbeing goals (section 8).
CREATE TABLE plan_goal (
	id           INTEGER PRIMARY KEY,
	plan_id      INTEGER NOT NULL REFERENCES plan(id),
	area         TEXT NOT NULL CHECK (area IN ('ambition', 'connect', 'be_active',
	                                  'take_notice', 'learn', 'give')),
	title        TEXT NOT NULL,
	detail       TEXT,        -- SMART: what, how much, by when
	set_by       TEXT,        -- who set the goal, in words ("me", "me and Jo")
	target_date  TEXT,
	created_on   TEXT NOT NULL,
	closed_on    TEXT,
	position     INTEGER NOT NULL DEFAULT 0,
	version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX plan_goal_plan ON plan_goal(plan_id);

CREATE TABLE plan_goal_step (
	id        INTEGER PRIMARY KEY,
	goal_id   INTEGER NOT NULL REFERENCES plan_goal(id),
	position  INTEGER NOT NULL DEFAULT 0,
	text      TEXT NOT NULL,
	done_on   TEXT
);
CREATE INDEX plan_goal_step_goal ON plan_goal_step(goal_id);

-- Loose-leaf dated notes (section 9).
CREATE TABLE plan_note (
	id          INTEGER PRIMARY KEY,
	plan_id     INTEGER NOT NULL REFERENCES plan(id),
	written_on  TEXT NOT NULL,
	author_id   INTEGER REFERENCES staff(id),
	text        TEXT NOT NULL,
	created_at  TEXT NOT NULL
);
CREATE INDEX plan_note_plan ON plan_note(plan_id);

-- Choosing a PAL: each shortlisted PAL, the interview and first meeting.
CREATE TABLE shortlist (
	id                INTEGER PRIMARY KEY,
	client_id         INTEGER NOT NULL REFERENCES client(id),
	pal_id            INTEGER NOT NULL REFERENCES staff(id),
	added_on          TEXT NOT NULL,
	added_by          INTEGER REFERENCES staff(id),
	why               TEXT,       -- why suggested, in words
	status            TEXT NOT NULL DEFAULT 'shortlisted'
	                  CHECK (status IN ('shortlisted', 'interviewed', 'met',
	                         'declined', 'chosen', 'withdrawn')),
	interview_on      TEXT,
	interview_note    TEXT,
	first_meeting_on  TEXT,
	client_decision   TEXT CHECK (client_decision IS NULL OR client_decision IN ('yes', 'no')),
	pal_decision      TEXT CHECK (pal_decision IS NULL OR pal_decision IN ('yes', 'no')),
	decline_reason    TEXT,
	closed_on         TEXT,
	version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX shortlist_client ON shortlist(client_id);
CREATE INDEX shortlist_pal ON shortlist(pal_id);

-- A worker (PAL, or staff such as the Operations Manager) supporting a
-- client.  A client may have several at once.  The review window is
-- computed in model/ when the assignment starts and stored here, so
-- reminders are one indexed query.
CREATE TABLE assignment (
	id                           INTEGER PRIMARY KEY,
	client_id                    INTEGER NOT NULL REFERENCES client(id),
	worker_id                    INTEGER NOT NULL REFERENCES staff(id),
	shortlist_id                 INTEGER REFERENCES shortlist(id),
	started_on                   TEXT NOT NULL,   -- the first meeting
	contracted_minutes_per_week  INTEGER CHECK (contracted_minutes_per_week >= 0),
	review_due_on                TEXT,            -- first day of the window
	review_overdue_on            TEXT,            -- first day it is overdue
	reviewed_on                  TEXT,            -- NULL until reviewed
	ended_on                     TEXT,
	end_kind                     TEXT CHECK (end_kind IS NULL OR end_kind IN
	                             ('change_of_pal', 'client_left', 'pal_left',
	                              'completed', 'other')),
	end_reason                   TEXT,
	ended_by                     INTEGER REFERENCES staff(id),
	override_reason              TEXT,   -- assigned before the plan was established
	created_at                   TEXT NOT NULL,
	created_by                   INTEGER REFERENCES staff(id),
	version                      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX assignment_client ON assignment(client_id);
CREATE INDEX assignment_worker ON assignment(worker_id, ended_on);
CREATE INDEX assignment_review ON assignment(review_due_on) WHERE reviewed_on IS NULL;

CREATE TABLE review (
	id             INTEGER PRIMARY KEY,
	assignment_id  INTEGER NOT NULL REFERENCES assignment(id),
	held_on        TEXT NOT NULL,
	participants   TEXT,
	outcome        TEXT NOT NULL CHECK (outcome IN ('continue', 'change_requested',
	                                    'pal_withdraws', 'end')),
	notes          TEXT,
	recorded_by    INTEGER REFERENCES staff(id),
	created_at     TEXT NOT NULL
);
CREATE INDEX review_assignment ON review(assignment_id);

-- Goal-attainment scores, -2 .. +2, usually recorded at a review.
CREATE TABLE goal_score (
	id           INTEGER PRIMARY KEY,
	goal_id      INTEGER NOT NULL REFERENCES plan_goal(id),
	scored_on    TEXT NOT NULL,
	score        INTEGER NOT NULL CHECK (score BETWEEN -2 AND 2),
	review_id    INTEGER REFERENCES review(id),
	recorded_by  INTEGER REFERENCES staff(id),
	note         TEXT
);
CREATE INDEX goal_score_goal ON goal_score(goal_id, scored_on);

-- Session notes.  Each done session has exactly one timesheet line.
CREATE TABLE session (
	id          INTEGER PRIMARY KEY,
	client_id   INTEGER NOT NULL REFERENCES client(id),
	pal_id      INTEGER NOT NULL REFERENCES staff(id),
	date        TEXT NOT NULL,
	start_time  TEXT,             -- 'HH:MM', optional
	minutes     INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
	place       TEXT NOT NULL DEFAULT 'other'
	            CHECK (place IN ('home', 'town', 'cafe', 'phone', 'online', 'other')),
	did         TEXT,             -- what we did
	went_well   TEXT,
	follow_up   TEXT,
	status      TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'booked')),
	created_at  TEXT NOT NULL,
	created_by  INTEGER REFERENCES staff(id),
	updated_at  TEXT,
	version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX session_client ON session(client_id, date);
CREATE INDEX session_pal ON session(pal_id, date);

-- A PAL's week.  open -> submitted -> approved -> locked.
CREATE TABLE timesheet_week (
	id            INTEGER PRIMARY KEY,
	pal_id        INTEGER NOT NULL REFERENCES staff(id),
	week_start    TEXT NOT NULL,
	status        TEXT NOT NULL DEFAULT 'open'
	              CHECK (status IN ('open', 'submitted', 'approved', 'locked')),
	submitted_at  TEXT,
	submitted_by  INTEGER REFERENCES staff(id),
	approved_at   TEXT,
	approved_by   INTEGER REFERENCES staff(id),
	version       INTEGER NOT NULL DEFAULT 1,
	UNIQUE (pal_id, week_start)
);
CREATE INDEX timesheet_week_start ON timesheet_week(week_start);

CREATE TABLE timesheet_line (
	id              INTEGER PRIMARY KEY,
	week_id         INTEGER NOT NULL REFERENCES timesheet_week(id),
	pal_id          INTEGER NOT NULL REFERENCES staff(id),
	date            TEXT NOT NULL,
	minutes         INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
	kind            TEXT NOT NULL CHECK (kind IN ('session', 'supervision', 'training',
	                                    'travel', 'shadowing', 'admin')),
	client_id       INTEGER REFERENCES client(id),
	session_id      INTEGER UNIQUE REFERENCES session(id),
	supervision_id  INTEGER UNIQUE REFERENCES pal_supervision(id),
	training_id     INTEGER UNIQUE REFERENCES pal_training(id),
	note            TEXT,
	created_at      TEXT NOT NULL,
	created_by      INTEGER REFERENCES staff(id),
	updated_at      TEXT,
	version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX timesheet_line_week ON timesheet_line(week_id);
CREATE INDEX timesheet_line_pal_date ON timesheet_line(pal_id, date);

-- A manager's agreement to go over a PAL's weekly limit, with the reason.
CREATE TABLE limit_override (
	id          INTEGER PRIMARY KEY,
	pal_id      INTEGER NOT NULL REFERENCES staff(id),
	week_start  TEXT NOT NULL,
	reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
	agreed_by   INTEGER NOT NULL REFERENCES staff(id),
	line_id     INTEGER REFERENCES timesheet_line(id),
	created_at  TEXT NOT NULL
);
CREATE INDEX limit_override_week ON limit_override(pal_id, week_start);

-- Who did what, when, to which record; and who opened which client's
-- record.  Rows are written in the same transaction as the change and
-- can never be changed or removed.
CREATE TABLE audit (
	id           INTEGER PRIMARY KEY,
	at           TEXT NOT NULL,
	actor_id     INTEGER REFERENCES staff(id),
	actor_login  TEXT,
	action       TEXT NOT NULL,   -- create, update, delete, open, approve, ...
	entity       TEXT NOT NULL,   -- table name
	entity_id    INTEGER,
	client_id    INTEGER,         -- the client concerned, if any
	summary      TEXT,
	before       TEXT,
	after        TEXT,
	reason       TEXT
);
CREATE INDEX audit_client ON audit(client_id, at);
CREATE INDEX audit_actor ON audit(actor_id, at);
CREATE INDEX audit_at ON audit(at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit rows cannot be changed');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit rows cannot be removed');
END;

-- Half-written form text, saved every few seconds, per person and form.
CREATE TABLE draft (
	id          INTEGER PRIMARY KEY,
	staff_id    INTEGER NOT NULL REFERENCES staff(id),
	form        TEXT NOT NULL,
	record_key  TEXT NOT NULL DEFAULT '',
	content     TEXT NOT NULL,
	saved_at    TEXT NOT NULL,
	UNIQUE (staff_id, form, record_key)
);
