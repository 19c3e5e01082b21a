/* privacy.c - subject access reads, erasure and retention (SQL only). */
#include "peerdesk/db/privacy.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/client.h"
#include "peerdesk/model/mention.h"
#include "db_priv.h"

/* ---- reading everything ------------------------------------------------ */

/* A kept draft is about the client when it is a draft of one of their
 * record's forms (filed under their number), or a draft of a new record
 * whose client field is them: the subject access copy shows these,
 * erasure deletes them.  Anyone else's draft is never deleted; where its
 * text names the client it is one of the texts below. */
#define DRAFT_FORMS "('kept:client-edit', 'kept:plan_note', " \
	"'kept:plan_review', 'kept:session')"
#define DRAFT_CLIENT_LINE(pre) "instr(char(10) || " pre "content || " \
	"char(10), char(10) || 'client' || char(9) || :name || char(10)) > 0"
#define DRAFT_ABOUT(pre) "(" pre "form IN " DRAFT_FORMS " AND (" pre \
	"record_key = CAST(:id AS TEXT) OR ((" pre "record_key = '' OR " pre \
	"record_key LIKE 'fp:%') AND (" DRAFT_CLIENT_LINE(pre) " OR " \
	"instr(char(10) || " pre "content || char(10), char(10) || " \
	"'#same:client' || char(9) || :name || char(10)) > 0))))"

/* Each query takes :id (the client) and returns one record per row: the
 * column "_title" is the record's heading, every other non-NULL column a
 * field named after it. */
#define WHEN(t) "substr(" t ", 1, 10) || ' at ' || substr(" t ", 12, 5)"
#define HOURS(m) "CASE WHEN " m " IS NULL THEN NULL ELSE " \
	"printf('%dh %02dm', " m " / 60, " m " % 60) END"

static const char sql_client[] =
	"SELECT 'Your record' AS _title, id AS client_number, name, "
	"preferred_name, pronouns, date_of_birth, gender, phone, email, "
	"address, contact_notes, pal_preferences, interests, skills_wanted, "
	"diagnosis_note, status, status_changed_on, closed_on, "
	"replace(closed_reason, '_', ' ') AS closed_reason, episode, "
	"merged_into, substr(created_at, 1, 10) AS record_made_on, "
	"anonymised_at "
	"FROM client WHERE id = :id";
static const char sql_story[] =
	"SELECT h.on_date || ': ' || h.status AS _title, h.on_date AS day, "
	"h.status, replace(h.reason, '_', ' ') AS reason, h.episode, h.note, "
	"s.name AS recorded_by FROM client_status_change h "
	"LEFT JOIN staff s ON s.id = h.created_by "
	"WHERE h.client_id = :id ORDER BY h.on_date, h.id";
static const char sql_referrals[] =
	"SELECT 'Referral of ' || referred_on AS _title, referred_on, "
	"referrer_name, referrer_org, referrer_team, referrer_contact, "
	"replace(route, '_', ' ') AS route, first_contact_on, "
	"plan_submitted_on, plan_approved_on, funding_received_on, notes, "
	"heard_about FROM referral WHERE client_id = :id "
	"ORDER BY referred_on, id";
static const char sql_funding[] =
	"SELECT 'Funding: ' || replace(kind, '_', ' ') AS _title, "
	"replace(kind, '_', ' ') AS kind, "
	HOURS("contracted_minutes_per_week") " AS contracted_per_week, "
	"CASE WHEN hourly_charge_pence IS NULL THEN NULL ELSE "
	"printf('£%d.%02d', hourly_charge_pence / 100, "
	"hourly_charge_pence % 100) END AS hourly_charge, funder, negotiator, "
	"negotiator_contact, review_due, starts_on, ends_on, notes "
	"FROM funding WHERE client_id = :id ORDER BY id";
static const char sql_allies[] =
	"SELECT name AS _title, name, relationship, phone, notes "
	"FROM client_ally WHERE client_id = :id ORDER BY position, id";
static const char sql_plan[] =
	"SELECT 'Your plan' AS _title, p.status, p.established_on, "
	"s.name AS established_by, p.current_version "
	"FROM plan p LEFT JOIN staff s ON s.id = p.established_by "
	"WHERE p.client_id = :id";
static const char sql_versions[] =
	"SELECT 'Your plan, version ' || v.version_no || ', saved by ' || "
	"coalesce(s.name, 'peerdesk') || ' on ' || " WHEN("v.saved_at")
	" AS _title, v.version_no, s.name AS saved_by, v.saved_at, "
	"v.ambitions, v.support_wanted, v.support_hopes, v.keeps_me_well, "
	"v.triggers, v.triggers_plan, v.warning_signs, v.warning_plan, "
	"v.crisis_plan, v.crisis_contacts, v.crisis_helps, v.crisis_avoid, "
	"v.advance_statement, v.unsafe_places, v.note "
	"FROM plan_version v JOIN plan p ON p.id = v.plan_id "
	"LEFT JOIN staff s ON s.id = v.saved_by "
	"WHERE p.client_id = :id ORDER BY v.version_no";
static const char sql_goals[] =
	"SELECT 'Goal: ' || g.title AS _title, replace(g.area, '_', ' ') AS "
	"area, g.title, g.detail, g.set_by, g.target_date, g.created_on, "
	"g.closed_on, "
	"(SELECT group_concat(x, char(10)) FROM (SELECT CASE WHEN done_on IS "
	"NULL THEN text ELSE text || ' (done ' || done_on || ')' END AS x "
	"FROM plan_goal_step WHERE goal_id = g.id ORDER BY position, id)) "
	"AS steps, "
	"(SELECT group_concat(x, char(10)) FROM (SELECT scored_on || ': ' || "
	"CASE WHEN score > 0 THEN '+' ELSE '' END || score || "
	"coalesce(' (' || note || ')', '') AS x FROM goal_score "
	"WHERE goal_id = g.id ORDER BY scored_on, id)) AS scores "
	"FROM plan_goal g JOIN plan p ON p.id = g.plan_id "
	"WHERE p.client_id = :id ORDER BY g.position, g.id";
static const char sql_notes[] =
	"SELECT 'Note of ' || n.written_on || coalesce(' by ' || s.name, '') "
	"AS _title, n.written_on, s.name AS written_by, n.text, "
	"CASE WHEN n.may_quote = 1 THEN 'yes, without your name' END "
	"AS may_be_quoted "
	"FROM plan_note n JOIN plan p ON p.id = n.plan_id "
	"LEFT JOIN staff s ON s.id = n.author_id "
	"WHERE p.client_id = :id ORDER BY n.written_on, n.id";
static const char sql_shortlist[] =
	"SELECT 'PAL suggested: ' || coalesce(s.name, '?') || ' on ' || "
	"l.added_on AS _title, s.name AS pal, l.added_on, l.why, l.status, "
	"l.interview_on, l.interview_note, l.first_meeting_on, "
	"l.client_decision, l.pal_decision, l.decline_reason, l.closed_on "
	"FROM shortlist l LEFT JOIN staff s ON s.id = l.pal_id "
	"WHERE l.client_id = :id ORDER BY l.added_on, l.id";
static const char sql_assignments[] =
	"SELECT coalesce(s.name, 'A worker') || ' from ' || a.started_on AS "
	"_title, s.name AS worker, a.started_on, "
	HOURS("a.contracted_minutes_per_week") " AS contracted_per_week, "
	"a.review_due_on, a.reviewed_on, a.ended_on, "
	"replace(a.end_kind, '_', ' ') AS end_kind, a.end_reason, "
	"a.override_reason "
	"FROM assignment a LEFT JOIN staff s ON s.id = a.worker_id "
	"WHERE a.client_id = :id ORDER BY a.started_on, a.id";
static const char sql_reviews[] =
	"SELECT 'Review on ' || r.held_on AS _title, w.name AS pal, r.held_on, "
	"r.participants, replace(r.outcome, '_', ' ') AS outcome, r.notes, "
	"CASE WHEN r.may_quote = 1 THEN 'yes, without your name' END "
	"AS may_be_quoted, s.name AS recorded_by "
	"FROM review r JOIN assignment a ON a.id = r.assignment_id "
	"LEFT JOIN staff w ON w.id = a.worker_id "
	"LEFT JOIN staff s ON s.id = r.recorded_by "
	"WHERE a.client_id = :id ORDER BY r.held_on, r.id";
static const char sql_sessions[] =
	"SELECT 'Session on ' || x.date || ' with ' || coalesce(s.name, "
	"'a PAL') AS _title, x.date, x.start_time, " HOURS("x.minutes")
	" AS time_spent, x.minutes, x.place, x.did AS what_we_did, "
	"x.went_well, x.follow_up, x.status "
	"FROM session x LEFT JOIN staff s ON s.id = x.pal_id "
	"WHERE x.client_id = :id ORDER BY x.date, x.start_time, x.id";
static const char sql_time[] =
	"SELECT 'Time logged on ' || l.date || ' by ' || coalesce(s.name, "
	"'a PAL') AS _title, l.date, s.name AS pal, " HOURS("l.minutes")
	" AS time_spent, l.minutes, replace(l.kind, '_', ' ') AS kind, "
	"l.note, w.week_start AS week_of, w.status AS week_status "
	"FROM timesheet_line l JOIN timesheet_week w ON w.id = l.week_id "
	"LEFT JOIN staff s ON s.id = l.pal_id "
	"WHERE l.client_id = :id ORDER BY l.date, l.id";
static const char sql_groups[] =
	"SELECT g.name || ' on ' || m.date AS _title, g.name AS group_name, "
	"m.date, m.start_time, " HOURS("m.minutes") " AS length "
	"FROM group_attendance a JOIN group_meeting m ON m.id = a.meeting_id "
	"JOIN client_group g ON g.id = m.group_id "
	"WHERE a.client_id = :id ORDER BY m.date, m.id";
static const char sql_drafts[] =
	"SELECT 'Unsaved text kept for ' || coalesce(s.name, 'a member of "
	"staff') || ' on ' || " WHEN("d.saved_at") " AS _title, "
	"s.name AS kept_for, d.saved_at, "
	"replace(replace(d.form, 'kept:', ''), '_', ' ') AS form, "
	"d.content AS text "
	"FROM draft d LEFT JOIN staff s ON s.id = d.staff_id "
	"WHERE " DRAFT_ABOUT("d.") " ORDER BY d.saved_at, d.id";
static const char sql_audit[] =
	"SELECT coalesce(s.name, a.actor_login, 'peerdesk') || CASE a.action "
	"WHEN 'open' THEN ' opened the record' "
	"ELSE ': ' || a.action || ' ' || replace(a.entity, '_', ' ') END || "
	"' on ' || " WHEN("a.at") " AS _title, a.at, "
	"coalesce(s.name, a.actor_login) AS who, a.actor_login AS login, "
	"a.action, a.entity AS record, a.entity_id AS record_number, "
	"a.summary, a.reason, coalesce(a.before, (SELECT d.before FROM "
	"audit_detail d WHERE d.audit_id = a.id)) AS before, "
	"coalesce(a.after, (SELECT d.after FROM audit_detail d WHERE "
	"d.audit_id = a.id)) AS after "
	"FROM audit a LEFT JOIN staff s ON s.id = a.actor_id "
	"WHERE a.client_id = :id ORDER BY a.at, a.id";

static const struct {
	const char *key, *title, *sql;
} privacy_sections[] = {
	{ "record", "Your record", sql_client },
	{ "status", "Your time with us: each change of status", sql_story },
	{ "referrals", "How you were referred to us", sql_referrals },
	{ "funding", "How your support is paid for", sql_funding },
	{ "allies", "People who matter to you", sql_allies },
	{ "plan", "Your Wellness and Safety Plan", sql_plan },
	{ "plan_versions", "Every saved version of your plan", sql_versions },
	{ "goals", "Your goals, their steps and scores", sql_goals },
	{ "plan_notes", "Notes in your plan", sql_notes },
	{ "shortlist", "Choosing your PAL", sql_shortlist },
	{ "assignments", "Who has supported you", sql_assignments },
	{ "reviews", "Your reviews", sql_reviews },
	{ "sessions", "Your sessions", sql_sessions },
	{ "time", "Time your PALs logged for you", sql_time },
	{ "groups", "The groups you came to", sql_groups },
	{ "drafts", "Unsaved text about you that is kept", sql_drafts },
	{ "elsewhere", "Where other people's notes name you", NULL },
	{ "audit", "Who looked at or changed your record, and when",
	  sql_audit },
};

/* Bind whichever of the names the statement has. */
static void
privacy_bind(sqlite3_stmt *st, int64_t id, const char *name,
    const char *phone, const char *now, int64_t actor)
{
	if (sqlite3_bind_parameter_index(st, ":id") > 0)
		db_bind_int64(st, ":id", id);
	if (sqlite3_bind_parameter_index(st, ":name") > 0)
		db_bind_text(st, ":name", name);
	if (sqlite3_bind_parameter_index(st, ":phone") > 0)
		db_bind_text_opt(st, ":phone", phone);
	if (sqlite3_bind_parameter_index(st, ":now") > 0)
		db_bind_text(st, ":now", now);
	if (sqlite3_bind_parameter_index(st, ":actor") > 0)
		db_bind_id_opt(st, ":actor", actor);
}

/* The "elsewhere" section: where other people's texts name the client
 * (by whole name or phone number), not what else they say. */
struct privacy_where {
	struct mention_rule *rule;
	struct sar_section *sec;
};

static int
privacy_where_cb(void *arg, const struct privacy_text *t)
{
	struct privacy_where *pw = arg;
	struct mention_hit *h;
	struct sar_record *r;
	char *title, *rec;

	if (mention_find(pw->rule, t->text, 0, &h) == 0)
		return 0;
	free(h);
	title = xasprintf("Named in a %s of %s, %s", t->what,
	    t->field == PRIVACY_DRAFT ? "a member of staff" :
	    t->client_id > 0 ? "another client" : "a PAL", t->on);
	rec = xasprintf("%s #%lld", t->what, (long long)t->record_id);
	r = sar_add_record(pw->sec, title);
	sar_add_field(r, "record", rec);
	if (t->on[0] != '\0')
		sar_add_field(r, "date", t->on);
	free(title);
	free(rec);
	return 0;
}

/* Section `which` about client id; for a record merged into the one
 * asked about (stub > 0), the section's key and title name that record
 * and an empty section is left out. */
static enum pd_status
privacy_section(struct db *db, int64_t id, const struct privacy_client *c,
    struct sar_bundle *b, size_t which, int64_t stub, struct pd_err *err)
{
	sqlite3_stmt *st;
	struct sar_section *sec;
	enum pd_status s;
	char key[80], title[200];
	int rc, i, n;

	snprintf(key, sizeof key, "%s", privacy_sections[which].key);
	snprintf(title, sizeof title, "%s", privacy_sections[which].title);
	if (stub > 0) {
		snprintf(key, sizeof key, "merged_%lld_%s", (long long)stub,
		    privacy_sections[which].key);
		snprintf(title, sizeof title, "Record %lld, merged into this "
		    "one: %s", (long long)stub, privacy_sections[which].title);
	}

	if (privacy_sections[which].sql == NULL) {
		struct privacy_where pw;

		pw.sec = sar_add_section(b, key, title);
		pw.rule = mention_rule_new(c->name, c->preferred_name, c->phone);
		s = db_privacy_texts(db, id, privacy_where_cb, &pw, err);
		mention_rule_free(&pw.rule);
		return s;
	}
	if ((st = db_stmt(db, privacy_sections[which].sql, err)) == NULL)
		return PD_DB;
	sec = sar_add_section(b, key, title);
	privacy_bind(st, id, c->name, c->phone, "", 0);
	n = sqlite3_column_count(st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct sar_record *r = sar_add_record(sec, NULL);

		for (i = 0; i < n; i++) {
			const char *name = sqlite3_column_name(st, i);
			const unsigned char *v = sqlite3_column_text(st, i);

			if (v == NULL)
				continue;
			if (strcmp(name, "_title") == 0)
				r->title = xstrdup((const char *)v);
			else if (v[0] != '\0')
				sar_add_field(r, name, (const char *)v);
		}
	}
	s = db_end(db, st, rc, err);
	if (s == PD_OK && stub > 0 && sec->n == 0) {
		/* nothing of this kind stayed with the merged record */
		free(sec->key);
		free(sec->title);
		free(sec->recs);
		b->n--;
	}
	return s;
}

static const char sql_stubs[] =
	"WITH RECURSIVE s(id) AS (SELECT id FROM client WHERE merged_into = "
	":id UNION SELECT c.id FROM client c JOIN s ON c.merged_into = s.id) "
	"SELECT id FROM s ORDER BY id";

enum pd_status
db_privacy_stubs(struct db *db, int64_t id, int64_t **ids, size_t *n,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_stubs, err);
	int rc;

	*ids = NULL;
	*n = 0;
	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = db_col_int(st, 0, 0);
	}
	return db_end(db, st, rc, err);
}

/* What stayed with each record merged into client id: its own record,
 * its status history, its plan when it kept one, audit rows about it
 * (everything else moved to id and is in id's sections).  Where other
 * people's notes name it is left out: they are searched for by id's
 * name. */
static enum pd_status
privacy_stub_sections(struct db *db, int64_t id, struct sar_bundle *b,
    struct pd_err *err)
{
	int64_t *ids;
	size_t n, k, i;
	enum pd_status s = db_privacy_stubs(db, id, &ids, &n, err);

	for (k = 0; s == PD_OK && k < n; k++) {
		struct privacy_client c;

		if ((s = db_privacy_client(db, ids[k], &c, err)) != PD_OK)
			break;
		for (i = 0; s == PD_OK && i < sizeof privacy_sections /
		    sizeof privacy_sections[0]; i++)
			if (privacy_sections[i].sql != NULL)
				s = privacy_section(db, ids[k], &c, b, i,
				    ids[k], err);
		privacy_client_fini(&c);
	}
	free(ids);
	return s;
}

enum pd_status
db_privacy_read(struct db *db, int64_t id, struct sar_bundle *b,
    struct pd_err *err)
{
	struct privacy_client c;
	enum pd_status s;
	bool own = db->tx_depth == 0;
	size_t i;

	if (own && (s = db_exec_sql(db, "BEGIN", err)) != PD_OK)
		return s;
	memset(&c, 0, sizeof c);
	s = db_privacy_client(db, id, &c, err);
	if (s == PD_OK) {
		b->client_id = id;
		free(b->client_name);
		b->client_name = xstrdup(c.name);
	}
	for (i = 0; s == PD_OK && i < sizeof privacy_sections /
	    sizeof privacy_sections[0]; i++)
		s = privacy_section(db, id, &c, b, i, 0, err);
	if (s == PD_OK)
		s = privacy_stub_sections(db, id, b, err);
	privacy_client_fini(&c);
	if (own) {
		if (s == PD_OK)
			s = db_exec_sql(db, "COMMIT", err);
		else
			db_exec_sql(db, "ROLLBACK", NULL);
	}
	return s;
}

/* ---- one client's state ------------------------------------------------ */

static const char sql_state[] =
	"SELECT id, name, status, closed_on, anonymised_at, preferred_name, "
	"phone, date_of_birth, merged_into FROM client WHERE id = :id";

static void
privacy_row(sqlite3_stmt *st, struct privacy_client *c)
{
	memset(c, 0, sizeof *c);
	c->id = db_col_int(st, 0, 0);
	c->name = db_col_str(st, 1);
	db_col_copy(st, 2, c->status, sizeof c->status);
	db_col_copy(st, 3, c->closed_on, sizeof c->closed_on);
	db_col_copy(st, 4, c->anonymised_at, sizeof c->anonymised_at);
	if (sqlite3_column_count(st) > 5) {
		c->preferred_name = db_col_str(st, 5);
		c->phone = db_col_str(st, 6);
		db_col_copy(st, 7, c->date_of_birth, sizeof c->date_of_birth);
		c->merged_into = db_col_int(st, 8, 0);
	}
}

enum pd_status
db_privacy_client(struct db *db, int64_t id, struct privacy_client *out,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_state, err);
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	s = db_step_row(db, st, err);
	if (s == PD_OK)
		privacy_row(st, out);
	else if (s == PD_NOT_FOUND)
		pd_fail(err, PD_NOT_FOUND, NULL, "there is no client %lld",
		    (long long)id);
	db_done(st);
	return s;
}

/* ---- retention --------------------------------------------------------- */

static const char sql_past[] =
	"SELECT id, name, status, closed_on, anonymised_at FROM client "
	"WHERE status = 'closed' AND anonymised_at IS NULL "
	"AND merged_into IS NULL "
	"AND closed_on IS NOT NULL AND closed_on <= :cutoff "
	"ORDER BY closed_on, id";

enum pd_status
db_privacy_past(struct db *db, const char *cutoff,
    int (*cb)(void *arg, const struct privacy_client *c), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_past, err);
	struct privacy_client c;
	int rc, stop;

	if (st == NULL)
		return PD_DB;
	db_bind_text(st, ":cutoff", cutoff);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		privacy_row(st, &c);
		stop = cb(arg, &c);
		privacy_client_fini(&c);
		if (stop)
			break;
	}
	return db_end(db, st, rc, err);
}

/* ---- erasure ----------------------------------------------------------- */

/* Each statement binds some of :id, :name, :now, :actor. */
#define IN_PLAN "(SELECT id FROM plan WHERE client_id = :id)"
#define IN_ASSIGNMENT "(SELECT id FROM assignment WHERE client_id = :id)"

static const char *const sql_erase[] = {
	/* the drafts first: DRAFT_ABOUT needs the name */
	"DELETE FROM draft WHERE " DRAFT_ABOUT(""),
	"UPDATE client SET name = 'Erased client #' || id, "
	"preferred_name = NULL, pronouns = NULL, date_of_birth = NULL, "
	"gender = NULL, phone = NULL, email = NULL, address = NULL, "
	"contact_notes = NULL, pal_preferences = NULL, interests = NULL, "
	"skills_wanted = NULL, diagnosis_note = NULL, anonymised_at = :now, "
	"updated_at = :now, updated_by = :actor, version = version + 1 "
	"WHERE id = :id",
	"DELETE FROM client_ally WHERE client_id = :id",
	"UPDATE referral SET referrer_name = NULL, referrer_contact = NULL, "
	"notes = NULL, heard_about = NULL, version = version + 1 "
	"WHERE client_id = :id",
	"UPDATE funding SET negotiator = NULL, negotiator_contact = NULL, "
	"notes = NULL, version = version + 1 WHERE client_id = :id",
	"UPDATE plan_version SET ambitions = NULL, support_wanted = NULL, "
	"support_hopes = NULL, keeps_me_well = NULL, triggers = NULL, "
	"triggers_plan = NULL, warning_signs = NULL, warning_plan = NULL, "
	"crisis_plan = NULL, crisis_contacts = NULL, crisis_helps = NULL, "
	"crisis_avoid = NULL, advance_statement = NULL, unsafe_places = NULL, "
	"note = NULL WHERE plan_id IN " IN_PLAN,
	"UPDATE goal_score SET note = NULL WHERE goal_id IN "
	"(SELECT id FROM plan_goal WHERE plan_id IN " IN_PLAN ")",
	"UPDATE plan_goal_step SET text = '(erased)' WHERE goal_id IN "
	"(SELECT id FROM plan_goal WHERE plan_id IN " IN_PLAN ")",
	"UPDATE plan_goal SET title = '(erased)', detail = NULL, "
	"set_by = NULL, version = version + 1 WHERE plan_id IN " IN_PLAN,
	"UPDATE plan_note SET text = '(erased)' WHERE plan_id IN " IN_PLAN,
	"UPDATE shortlist SET why = NULL, interview_note = NULL, "
	"decline_reason = NULL, version = version + 1 WHERE client_id = :id",
	"UPDATE review SET participants = NULL, notes = NULL "
	"WHERE assignment_id IN " IN_ASSIGNMENT,
	"UPDATE assignment SET end_reason = NULL, override_reason = NULL, "
	"version = version + 1 WHERE client_id = :id",
	"UPDATE session SET did = NULL, went_well = NULL, follow_up = NULL, "
	"version = version + 1 WHERE client_id = :id",
	"UPDATE timesheet_line SET note = NULL WHERE note IS NOT NULL AND "
	"(client_id = :id OR session_id IN "
	"(SELECT id FROM session WHERE client_id = :id))",
	/* words typed with a change of status (the dates and statuses
	 * stay, as assignment dates do) */
	"UPDATE client_status_change SET note = NULL WHERE client_id = :id",
	/* the words kept beside the audit's rows about the client; the
	 * rows themselves never change (0009_records_integrity.sql) */
	"DELETE FROM audit_detail WHERE client_id = :id",
};

enum pd_status
db_privacy_erase(struct db *db, int64_t id, int64_t actor_id,
    struct pd_err *err)
{
	struct privacy_client c;
	sqlite3_stmt *st;
	enum pd_status s;
	char now[21];
	size_t i;

	if ((s = db_privacy_client(db, id, &c, err)) != PD_OK)
		return s;
	db_now(now);
	for (i = 0; s == PD_OK && i < sizeof sql_erase / sizeof sql_erase[0];
	    i++) {
		if ((st = db_stmt(db, sql_erase[i], err)) == NULL) {
			s = PD_DB;
			break;
		}
		privacy_bind(st, id, c.name, NULL, now, actor_id);
		s = db_exec_stmt(db, st, err);
	}
	/* the search index keeps none of their old words */
	if (s == PD_OK)
		s = db_client_search_forget(db, err);
	privacy_client_fini(&c);
	return s;
}

/* ---- other people's texts ---------------------------------------------- */

/* Every free text of someone else that may name the client: field
 * number (enum privacy_field), record, whose (client or 0), that
 * client's name (or the member of staff's), its date, the text. */
#define TEXT_ROWS \
	" SELECT 0 AS f, s.id AS rid, s.client_id AS cid, s.date AS day," \
	"  s.did AS txt FROM session s WHERE s.client_id <> :id AND" \
	"  s.did <> ''" \
	" UNION ALL SELECT 1, s.id, s.client_id, s.date, s.went_well" \
	"  FROM session s WHERE s.client_id <> :id AND s.went_well <> ''" \
	" UNION ALL SELECT 2, s.id, s.client_id, s.date, s.follow_up" \
	"  FROM session s WHERE s.client_id <> :id AND s.follow_up <> ''" \
	" UNION ALL SELECT 3, n.id, p.client_id, n.written_on, n.text" \
	"  FROM plan_note n JOIN plan p ON p.id = n.plan_id" \
	"  WHERE p.client_id <> :id AND n.text <> ''" \
	" UNION ALL SELECT 4, r.id, a.client_id, r.held_on, r.notes" \
	"  FROM review r JOIN assignment a ON a.id = r.assignment_id" \
	"  WHERE a.client_id <> :id AND r.notes <> ''" \
	" UNION ALL SELECT 5, c.id, c.id, substr(c.created_at, 1, 10)," \
	"  c.contact_notes FROM client c WHERE c.id <> :id AND" \
	"  c.contact_notes <> ''" \
	" UNION ALL SELECT 6, c.id, c.id, substr(c.created_at, 1, 10)," \
	"  c.diagnosis_note FROM client c WHERE c.id <> :id AND" \
	"  c.diagnosis_note <> ''" \
	" UNION ALL SELECT 7, v.id, p.client_id, substr(v.saved_at, 1, 10)," \
	"  v.crisis_contacts FROM plan_version v JOIN plan p" \
	"  ON p.id = v.plan_id WHERE p.client_id <> :id AND" \
	"  v.crisis_contacts <> ''" \
	" UNION ALL SELECT 8, v.id, p.client_id, substr(v.saved_at, 1, 10)," \
	"  v.note FROM plan_version v JOIN plan p ON p.id = v.plan_id" \
	"  WHERE p.client_id <> :id AND v.note <> ''" \
	" UNION ALL SELECT 9, l.id, coalesce(l.client_id, 0), l.date, l.note" \
	"  FROM timesheet_line l WHERE l.note <> '' AND" \
	"  l.client_id IS NOT :id AND (l.session_id IS NULL OR" \
	"  l.session_id NOT IN (SELECT id FROM session WHERE client_id = :id))" \
	" UNION ALL SELECT 10, d.id, 0, substr(d.saved_at, 1, 10), d.content" \
	"  FROM draft d WHERE NOT " DRAFT_ABOUT("d.") \
	" UNION ALL SELECT 11, d.audit_id, d.client_id, substr(a.at, 1, 10)," \
	"  d.before FROM audit_detail d JOIN audit a ON a.id = d.audit_id" \
	"  WHERE d.client_id <> :id AND d.before <> ''" \
	" UNION ALL SELECT 12, d.audit_id, d.client_id, substr(a.at, 1, 10)," \
	"  d.after FROM audit_detail d JOIN audit a ON a.id = d.audit_id" \
	"  WHERE d.client_id <> :id AND d.after <> ''"

static const char sql_texts[] =
	"SELECT f, rid, cid, CASE WHEN f = 10 THEN (SELECT s.name FROM staff s"
	" JOIN draft x ON x.staff_id = s.id WHERE x.id = rid) ELSE"
	" (SELECT c.name FROM client c WHERE c.id = cid) END, day, txt"
	" FROM (" TEXT_ROWS ") ORDER BY day, f, rid";

static const char *const privacy_field_what[PRIVACY_FIELD_COUNT] = {
	"session note", "session note", "session note", "plan note",
	"review", "client record", "client record", "plan",
	"plan", "timesheet line", "kept draft", "audit's copy of a change",
	"audit's copy of a change",
};

/* One statement per field: its text becomes :new if it is still :old. */
static const char *const sql_text_set[PRIVACY_FIELD_COUNT] = {
	"UPDATE session SET did = :new, version = version + 1 "
	"WHERE id = :rid AND did = :old",
	"UPDATE session SET went_well = :new, version = version + 1 "
	"WHERE id = :rid AND went_well = :old",
	"UPDATE session SET follow_up = :new, version = version + 1 "
	"WHERE id = :rid AND follow_up = :old",
	"UPDATE plan_note SET text = :new WHERE id = :rid AND text = :old",
	"UPDATE review SET notes = :new WHERE id = :rid AND notes = :old",
	"UPDATE client SET contact_notes = :new, version = version + 1 "
	"WHERE id = :rid AND contact_notes = :old",
	"UPDATE client SET diagnosis_note = :new, version = version + 1 "
	"WHERE id = :rid AND diagnosis_note = :old",
	"UPDATE plan_version SET crisis_contacts = :new "
	"WHERE id = :rid AND crisis_contacts = :old",
	"UPDATE plan_version SET note = :new WHERE id = :rid AND note = :old",
	"UPDATE timesheet_line SET note = :new WHERE id = :rid AND "
	"note = :old",
	"UPDATE draft SET content = :new WHERE id = :rid AND content = :old",
	"UPDATE audit_detail SET before = :new WHERE audit_id = :rid AND "
	"before = :old",
	"UPDATE audit_detail SET after = :new WHERE audit_id = :rid AND "
	"after = :old",
};

enum pd_status
db_privacy_texts(struct db *db, int64_t id,
    int (*cb)(void *arg, const struct privacy_text *t), void *arg,
    struct pd_err *err)
{
	struct privacy_client c;
	struct privacy_text t;
	sqlite3_stmt *st;
	enum pd_status s;
	int rc, f;

	if ((s = db_privacy_client(db, id, &c, err)) != PD_OK)
		return s;
	if ((st = db_stmt(db, sql_texts, err)) == NULL) {
		privacy_client_fini(&c);
		return PD_DB;
	}
	privacy_bind(st, id, c.name, NULL, NULL, 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		f = (int)db_col_int(st, 0, 0);
		if (f < 0 || f >= PRIVACY_FIELD_COUNT)
			continue;
		t.field = (enum privacy_field)f;
		t.what = privacy_field_what[f];
		t.record_id = db_col_int(st, 1, 0);
		t.client_id = db_col_int(st, 2, 0);
		t.owner = (const char *)sqlite3_column_text(st, 3);
		t.on = (const char *)sqlite3_column_text(st, 4);
		t.text = (const char *)sqlite3_column_text(st, 5);
		if (t.on == NULL)
			t.on = "";
		if (t.text == NULL)
			continue;
		if (cb(arg, &t) != 0)
			break;
	}
	s = db_end(db, st, rc, err);
	privacy_client_fini(&c);
	return s;
}

enum pd_status
db_privacy_text_set(struct db *db, enum privacy_field f, int64_t record_id,
    const char *old, const char *now, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status s;

	if ((int)f < 0 || f >= PRIVACY_FIELD_COUNT)
		return pd_fail(err, PD_INVALID, NULL, "internal error: no "
		    "such text");
	if ((st = db_stmt(db, sql_text_set[f], err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":rid", record_id);
	db_bind_text(st, ":old", old);
	db_bind_text(st, ":new", now);
	if ((s = db_exec_stmt(db, st, err)) != PD_OK)
		return s;
	if (sqlite3_changes(db->h) != 1)
		return pd_fail(err, PD_CONFLICT, NULL, "the %s #%lld was changed "
		    "while the erase was being decided; nothing was erased, "
		    "please run it again", privacy_field_what[f],
		    (long long)record_id);
	return PD_OK;
}
