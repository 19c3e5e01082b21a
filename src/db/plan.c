/* plan.c - Wellness and Safety Plans: versions, goals, scores, notes. */
#include "peerdesk/db/plan.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "db_priv.h"

#define PLAN_COLS \
	"p.id, p.client_id, p.status, p.established_on, p.established_by," \
	" p.current_version, p.version"

/* The section columns, in the order of plan_text[] below. */
#define PLAN_TEXT_COLS \
	"ambitions, support_wanted, support_hopes, keeps_me_well, triggers," \
	" triggers_plan, warning_signs, warning_plan, crisis_plan," \
	" crisis_contacts, crisis_helps, crisis_avoid, advance_statement," \
	" unsafe_places, note"

#define GOAL_COLS \
	"g.id, g.plan_id, g.area, g.title, g.detail, g.set_by, g.target_date," \
	" g.created_on, g.closed_on, g.position, g.version, g.group_id"

static const char sql_plan_make[] =
	"INSERT INTO plan (client_id) SELECT :client_id"
	" WHERE " DB_IN_SCOPE(":client_id")
	" ON CONFLICT (client_id) DO NOTHING";

static const char sql_plan_get[] =
	"SELECT " PLAN_COLS " FROM plan p"
	" WHERE p.client_id = :client_id AND " DB_IN_SCOPE("p.client_id");

static const char sql_plan_bump[] =
	"UPDATE plan SET current_version = current_version + 1"
	" WHERE id = :id AND current_version = :expected";

static const char sql_plan_current[] =
	"SELECT p.current_version, st.name, pv.saved_at FROM plan p"
	" LEFT JOIN plan_version pv ON pv.plan_id = p.id"
	"  AND pv.version_no = p.current_version"
	" LEFT JOIN staff st ON st.id = pv.saved_by"
	" WHERE p.id = :id";

static const char sql_plan_version_insert[] =
	"INSERT INTO plan_version (plan_id, version_no, " PLAN_TEXT_COLS ","
	" saved_by, saved_at)"
	" VALUES (:plan_id, :version_no, :ambitions, :support_wanted,"
	" :support_hopes, :keeps_me_well, :triggers, :triggers_plan,"
	" :warning_signs, :warning_plan, :crisis_plan, :crisis_contacts,"
	" :crisis_helps, :crisis_avoid, :advance_statement, :unsafe_places,"
	" :note, :by, :now)";

static const char sql_plan_version_get[] =
	"SELECT pv.version_no, " PLAN_TEXT_COLS ", pv.saved_by, pv.saved_at"
	" FROM plan_version pv JOIN plan p ON p.id = pv.plan_id"
	" WHERE pv.plan_id = :plan_id"
	" AND pv.version_no = CASE WHEN :version_no > 0 THEN :version_no"
	"  ELSE p.current_version END"
	" AND " DB_IN_SCOPE("p.client_id");

static const char sql_plan_version_list[] =
	"SELECT pv.version_no, " PLAN_TEXT_COLS ", pv.saved_by, pv.saved_at"
	" FROM plan_version pv JOIN plan p ON p.id = pv.plan_id"
	" WHERE pv.plan_id = :plan_id AND " DB_IN_SCOPE("p.client_id")
	" ORDER BY pv.version_no DESC";

static const char sql_plan_established[] =
	"UPDATE plan SET status = 'established', established_on = :on,"
	" established_by = :by, version = version + 1 WHERE id = :id";

static const char sql_goal_insert[] =
	"INSERT INTO plan_goal (plan_id, area, title, detail, set_by,"
	" target_date, created_on, closed_on, position)"
	" VALUES (:plan_id, :area, :title, :detail, :set_by, :target_date,"
	" :created_on, :closed_on, :position)";

static const char sql_goal_update[] =
	"UPDATE plan_goal SET area = :area, title = :title, detail = :detail,"
	" set_by = :set_by, target_date = :target_date,"
	" created_on = coalesce(:created_on, created_on),"
	" closed_on = :closed_on, position = :position,"
	" version = version + 1"
	" WHERE id = :id AND version = :version";

static const char sql_goal_probe[] =
	DB_PROBE_AUDITED("plan_goal");

static const char sql_goal_list[] =
	"SELECT " GOAL_COLS " FROM plan_goal g JOIN plan p ON p.id = g.plan_id"
	" WHERE g.plan_id = :plan_id AND " DB_IN_SCOPE("p.client_id")
	" ORDER BY CASE g.area WHEN 'ambition' THEN 0 WHEN 'connect' THEN 1"
	"  WHEN 'be_active' THEN 2 WHEN 'take_notice' THEN 3"
	"  WHEN 'learn' THEN 4 ELSE 5 END, g.position, g.id";

static const char sql_step_insert[] =
	"INSERT INTO plan_goal_step (goal_id, position, text, done_on)"
	" VALUES (:goal_id, :position, :text, :done_on)";

static const char sql_step_update[] =
	"UPDATE plan_goal_step SET position = :position, text = :text,"
	" done_on = :done_on WHERE id = :id";

static const char sql_step_list[] =
	"SELECT s.id, s.goal_id, s.position, s.text, s.done_on"
	" FROM plan_goal_step s JOIN plan_goal g ON g.id = s.goal_id"
	" JOIN plan p ON p.id = g.plan_id"
	" WHERE s.goal_id = :goal_id AND " DB_IN_SCOPE("p.client_id")
	" ORDER BY s.position, s.id";

static const char sql_score_insert[] =
	"INSERT INTO goal_score (goal_id, scored_on, score, review_id,"
	" recorded_by) VALUES (:goal_id, :on, :score, :review_id, :by)";

static const char sql_score_list[] =
	"SELECT c.id, c.goal_id, c.scored_on, c.score, c.review_id,"
	" c.recorded_by, c.note"
	" FROM goal_score c JOIN plan_goal g ON g.id = c.goal_id"
	" JOIN plan p ON p.id = g.plan_id"
	" WHERE c.goal_id = :goal_id AND " DB_IN_SCOPE("p.client_id")
	" ORDER BY c.scored_on, c.id";

static const char sql_note_insert[] =
	"INSERT INTO plan_note (plan_id, written_on, author_id, text,"
	" created_at)"
	" VALUES (:plan_id, :written_on, :author_id, :text,"
	" :now)";

static const char sql_note_list[] =
	"SELECT n.id, n.plan_id, n.written_on, n.author_id, st.name, n.text,"
	" n.created_at"
	" FROM plan_note n JOIN plan p ON p.id = n.plan_id"
	" LEFT JOIN staff st ON st.id = n.author_id"
	" WHERE n.plan_id = :plan_id AND " DB_IN_SCOPE("p.client_id")
	" ORDER BY n.written_on, n.id";

static const char sql_note_get[] =
	"SELECT n.id, n.plan_id, n.written_on, n.author_id, st.name, n.text,"
	" n.created_at"
	" FROM plan_note n JOIN plan p ON p.id = n.plan_id"
	" LEFT JOIN staff st ON st.id = n.author_id"
	" WHERE n.id = :id AND p.client_id = :client_id AND "
	DB_IN_SCOPE("p.client_id");

static const char sql_note_delete[] =
	"DELETE FROM plan_note WHERE id = :id";

/* The text sections: parameter name and place in struct plan_sections,
 * in the order of PLAN_TEXT_COLS. */
#define PLAN_TEXT(f) \
	{ .param = ":" #f, .off = offsetof(struct plan_sections, f) }
static const struct {
	const char *param;
	size_t off;
} plan_text[] = {
	PLAN_TEXT(ambitions), PLAN_TEXT(support_wanted),
	PLAN_TEXT(support_hopes), PLAN_TEXT(keeps_me_well),
	PLAN_TEXT(triggers), PLAN_TEXT(triggers_plan),
	PLAN_TEXT(warning_signs), PLAN_TEXT(warning_plan),
	PLAN_TEXT(crisis_plan), PLAN_TEXT(crisis_contacts),
	PLAN_TEXT(crisis_helps), PLAN_TEXT(crisis_avoid),
	PLAN_TEXT(advance_statement), PLAN_TEXT(unsafe_places),
	PLAN_TEXT(note),
};
#define PLAN_NTEXT ((int)(sizeof plan_text / sizeof plan_text[0]))


/* ---- the plan --------------------------------------------------------- */

static void
plan_read_info(sqlite3_stmt *st, struct plan_info *p)
{
	char buf[16];

	memset(p, 0, sizeof *p);
	p->id = db_col_int(st, 0, 0);
	p->client_id = db_col_int(st, 1, 0);
	db_col_copy(st, 2, buf, sizeof buf);
	if (plan_status_from_str(buf, &p->status) != 0)
		p->status = PLAN_DRAFT;
	db_col_date(st, 3, p->established_on);
	p->established_by = db_col_int(st, 4, 0);
	p->current_version = (int)db_col_int(st, 5, 0);
	p->version = (int)db_col_int(st, 6, 1);
}

static void
plan_read_sections(sqlite3_stmt *st, struct plan_sections *s)
{
	int i;

	memset(s, 0, sizeof *s);
	s->version_no = (int)db_col_int(st, 0, 0);
	for (i = 0; i < PLAN_NTEXT; i++)
		*(char **)(void *)((char *)s + plan_text[i].off) =
		    db_col_str(st, 1 + i);
	s->saved_by = db_col_int(st, 1 + PLAN_NTEXT, 0);
	db_col_copy(st, 2 + PLAN_NTEXT, s->saved_at, sizeof s->saved_at);
}

enum pd_status
db_plan_get_or_create(struct db *db, int64_t client_id, int64_t scope_pal,
    struct plan_info *out, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_plan_make, ":client_id",
	    client_id, scope_pal, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if ((st = db_stmt(db, sql_plan_get, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":client_id", client_id);
	db_scope_bind(st, scope_pal);
	if ((rc = db_one(db, st, "That client's plan cannot be found.",
	    err)) != PD_OK)
		return rc;
	plan_read_info(st, out);
	db_done(st);
	return PD_OK;
}

/* Why the plan's current version is not `expected`: gone, or newer. */
static enum pd_status
plan_version_stale(struct db *db, int64_t plan_id, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_plan_current, err);
	enum pd_status rc;
	char who[128] = "", at[21] = "";

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", plan_id);
	rc = db_step_row(db, st, err);
	if (rc == PD_OK) {
		db_col_copy(st, 1, who, sizeof who);
		db_col_copy(st, 2, at, sizeof at);
	}
	db_done(st);
	if (rc == PD_NOT_FOUND)
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "That plan cannot be found.");
	if (rc != PD_OK)
		return rc;
	return db_conflict("plan", who, at, err);
}

enum pd_status
db_plan_version_insert(struct db *db, int64_t plan_id,
    const struct plan_sections *s, int expected_current, int64_t by,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_plan_bump, err);
	enum pd_status rc;
	char now[21];
	int i;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", plan_id);
	db_bind_int64(st, ":expected", expected_current);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return plan_version_stale(db, plan_id, err);
	if ((st = db_stmt(db, sql_plan_version_insert, err)) == NULL)
		return PD_DB;
	if (s->saved_at[0] != '\0')
		snprintf(now, sizeof now, "%s", s->saved_at);
	else
		db_now(now);
	db_bind_int64(st, ":plan_id", plan_id);
	db_bind_int64(st, ":version_no", (int64_t)expected_current + 1);
	for (i = 0; i < PLAN_NTEXT; i++)
		db_bind_text_opt(st, plan_text[i].param,
		    *(char *const *)(const void *)((const char *)s +
		    plan_text[i].off));
	db_bind_id_opt(st, ":by", by);
	db_bind_text(st, ":now", now);
	return db_exec_stmt(db, st, err);
}

enum pd_status
db_plan_version_get(struct db *db, int64_t plan_id, int version_no,
    int64_t scope_pal, struct plan_sections *out, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_plan_version_get, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":plan_id", plan_id);
	db_bind_int64(st, ":version_no", version_no);
	db_scope_bind(st, scope_pal);
	if ((rc = db_one(db, st, "That version of the plan cannot be found.",
	    err)) != PD_OK)
		return rc;
	plan_read_sections(st, out);
	db_done(st);
	return PD_OK;
}

enum pd_status
db_plan_version_list(struct db *db, int64_t plan_id, int64_t scope_pal,
    db_plan_version_cb cb, void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_plan_version_list, ":plan_id",
	    plan_id, scope_pal, err);
	enum pd_status rc = PD_OK;

	DB_EACH(db, st, struct plan_sections, plan_read_sections,
	    plan_sections_fini, cb, arg, err, rc);
	return rc;
}

enum pd_status
db_plan_set_established(struct db *db, int64_t plan_id, const char *on,
    int64_t by, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_plan_established, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", plan_id);
	db_bind_text(st, ":on", on);
	db_bind_id_opt(st, ":by", by);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "That plan cannot be found.");
	return PD_OK;
}

/* ---- goals ------------------------------------------------------------ */

static void
goal_read(sqlite3_stmt *st, struct plan_goal *g)
{
	char buf[16];

	memset(g, 0, sizeof *g);
	g->id = db_col_int(st, 0, 0);
	g->plan_id = db_col_int(st, 1, 0);
	db_col_copy(st, 2, buf, sizeof buf);
	if (goal_area_from_str(buf, &g->area) != 0)
		g->area = GOAL_AMBITION;
	g->title = db_col_str(st, 3);
	g->detail = db_col_str(st, 4);
	g->set_by = db_col_str(st, 5);
	db_col_date(st, 6, g->target_date);
	db_col_date(st, 7, g->created_on);
	db_col_date(st, 8, g->closed_on);
	g->position = (int)db_col_int(st, 9, 0);
	g->version = (int)db_col_int(st, 10, 1);
	g->group_id = db_col_int(st, 11, 0);
}

static enum pd_status
goal_bind(sqlite3_stmt *st, const struct plan_goal *g, struct pd_err *err)
{
	const char *area = goal_area_str(g->area);

	if (area == NULL)
		return pd_fail(err, PD_INVALID, "area",
		    "That is not one of the plan's areas.");
	if (g->title == NULL || g->title[0] == '\0')
		return pd_fail(err, PD_INVALID, "title",
		    "A goal needs a few words to say what it is.");
	db_bind_text(st, ":area", area);
	db_bind_text(st, ":title", g->title);
	db_bind_text_opt(st, ":detail", g->detail);
	db_bind_text_opt(st, ":set_by", g->set_by);
	db_bind_text_opt(st, ":target_date", g->target_date);
	db_bind_text_opt(st, ":created_on", g->created_on);
	db_bind_text_opt(st, ":closed_on", g->closed_on);
	db_bind_int64(st, ":position", g->position);
	return PD_OK;
}

enum pd_status
db_goal_insert(struct db *db, struct plan_goal *g, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_goal_insert, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	if (g->created_on[0] == '\0')
		db_scope_today(g->created_on);
	if ((rc = goal_bind(st, g, err)) != PD_OK) {
		db_done(st);
		return rc;
	}
	db_bind_int64(st, ":plan_id", g->plan_id);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	g->id = db_last_id(db);
	g->version = 1;
	return PD_OK;
}

enum pd_status
db_goal_update(struct db *db, struct plan_goal *g, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_goal_update, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	if ((rc = goal_bind(st, g, err)) != PD_OK) {
		db_done(st);
		return rc;
	}
	return db_exec_versioned(db, st, g->id, &g->version, sql_goal_probe,
	    "goal", err);
}

enum pd_status
db_goal_list(struct db *db, int64_t plan_id, int64_t scope_pal,
    db_goal_cb cb, void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_goal_list, ":plan_id",
	    plan_id, scope_pal, err);
	enum pd_status rc = PD_OK;

	DB_EACH(db, st, struct plan_goal, goal_read, plan_goal_fini, cb, arg,
	    err, rc);
	return rc;
}

/* ---- steps ------------------------------------------------------------ */

static void
step_read(sqlite3_stmt *st, struct goal_step *s)
{
	memset(s, 0, sizeof *s);
	s->id = db_col_int(st, 0, 0);
	s->goal_id = db_col_int(st, 1, 0);
	s->position = (int)db_col_int(st, 2, 0);
	s->text = db_col_str(st, 3);
	db_col_date(st, 4, s->done_on);
}

static enum pd_status
step_bind(sqlite3_stmt *st, const struct goal_step *s, struct pd_err *err)
{
	if (s->text == NULL || s->text[0] == '\0')
		return pd_fail(err, PD_INVALID, "text",
		    "A step needs a few words to say what it is.");
	db_bind_int64(st, ":position", s->position);
	db_bind_text(st, ":text", s->text);
	db_bind_text_opt(st, ":done_on", s->done_on);
	return PD_OK;
}

/* sql prepared with the step's own columns bound, or NULL with *rc
 * saying why (it failed step_bind, or could not be prepared). */
static sqlite3_stmt *
step_stmt(struct db *db, const char *sql, const struct goal_step *s,
    enum pd_status *rc, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);

	*rc = PD_DB;
	if (st != NULL && (*rc = step_bind(st, s, err)) != PD_OK) {
		db_done(st);
		st = NULL;
	}
	return st;
}

enum pd_status
db_goal_step_insert(struct db *db, struct goal_step *s, struct pd_err *err)
{
	enum pd_status rc;
	sqlite3_stmt *st = step_stmt(db, sql_step_insert, s, &rc, err);

	if (st == NULL)
		return rc;
	db_bind_int64(st, ":goal_id", s->goal_id);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	s->id = db_last_id(db);
	return PD_OK;
}

enum pd_status
db_goal_step_update(struct db *db, const struct goal_step *s,
    struct pd_err *err)
{
	enum pd_status rc;
	sqlite3_stmt *st = step_stmt(db, sql_step_update, s, &rc, err);

	if (st == NULL)
		return rc;
	db_bind_int64(st, ":id", s->id);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "That step cannot be found.");
	return PD_OK;
}

enum pd_status
db_goal_step_list(struct db *db, int64_t goal_id, int64_t scope_pal,
    db_goal_step_cb cb, void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_step_list, ":goal_id",
	    goal_id, scope_pal, err);
	enum pd_status rc = PD_OK;

	DB_EACH(db, st, struct goal_step, step_read, goal_step_fini, cb, arg,
	    err, rc);
	return rc;
}

/* ---- scores ----------------------------------------------------------- */

static void
score_read(sqlite3_stmt *st, struct goal_score *c)
{
	memset(c, 0, sizeof *c);
	c->id = db_col_int(st, 0, 0);
	c->goal_id = db_col_int(st, 1, 0);
	db_col_date(st, 2, c->scored_on);
	c->score = (int)db_col_int(st, 3, 0);
	c->review_id = db_col_int(st, 4, 0);
	c->recorded_by = db_col_int(st, 5, 0);
	c->note = db_col_str(st, 6);
}

enum pd_status
db_goal_score_insert(struct db *db, int64_t goal_id, const char *on,
    int score, int64_t review_id, int64_t by, struct pd_err *err)
{
	sqlite3_stmt *st;

	if (score < -2 || score > 2)
		return pd_fail(err, PD_INVALID, "score",
		    "A score goes from -2 to +2.");
	if ((st = db_stmt(db, sql_score_insert, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":goal_id", goal_id);
	db_bind_text(st, ":on", on);
	db_bind_int64(st, ":score", score);
	db_bind_id_opt(st, ":review_id", review_id);
	db_bind_id_opt(st, ":by", by);
	return db_exec_stmt(db, st, err);
}

enum pd_status
db_goal_score_list(struct db *db, int64_t goal_id, int64_t scope_pal,
    db_goal_score_cb cb, void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_score_list, ":goal_id",
	    goal_id, scope_pal, err);
	enum pd_status rc = PD_OK;

	DB_EACH(db, st, struct goal_score, score_read, goal_score_fini, cb,
	    arg, err, rc);
	return rc;
}

/* ---- notes ------------------------------------------------------------ */

static void
note_read(sqlite3_stmt *st, struct plan_note *n)
{
	memset(n, 0, sizeof *n);
	n->id = db_col_int(st, 0, 0);
	n->plan_id = db_col_int(st, 1, 0);
	db_col_date(st, 2, n->written_on);
	n->author_id = db_col_int(st, 3, 0);
	n->author_name = db_col_str(st, 4);
	n->text = db_col_str(st, 5);
	db_col_copy(st, 6, n->created_at, sizeof n->created_at);
}

enum pd_status
db_plan_note_insert(struct db *db, struct plan_note *n, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	char now[21];

	if (n->text == NULL || n->text[0] == '\0')
		return pd_fail(err, PD_INVALID, "text", "The note is empty.");
	if ((st = db_stmt(db, sql_note_insert, err)) == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":plan_id", n->plan_id);
	if (n->written_on[0] == '\0')
		db_scope_today(n->written_on);
	db_bind_text(st, ":written_on", n->written_on);
	db_bind_id_opt(st, ":author_id", n->author_id);
	db_bind_text(st, ":text", n->text);
	db_bind_text(st, ":now", now);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	n->id = db_last_id(db);
	memcpy(n->created_at, now, sizeof n->created_at);
	return PD_OK;
}

enum pd_status
db_plan_note_list(struct db *db, int64_t plan_id, int64_t scope_pal,
    db_plan_note_cb cb, void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_note_list, ":plan_id",
	    plan_id, scope_pal, err);
	enum pd_status rc = PD_OK;

	DB_EACH(db, st, struct plan_note, note_read, plan_note_fini, cb, arg,
	    err, rc);
	return rc;
}

enum pd_status
db_plan_note_get(struct db *db, int64_t client_id, int64_t note_id,
    int64_t scope_pal, struct plan_note *out, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_note_get, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", note_id);
	db_bind_int64(st, ":client_id", client_id);
	db_scope_bind(st, scope_pal);
	rc = db_step_row(db, st, err);
	if (rc == PD_OK)
		note_read(st, out);
	else if (rc == PD_NOT_FOUND)
		pd_fail(err, PD_NOT_FOUND, NULL,
		    "There is no note %lld in this client's plan.",
		    (long long)note_id);
	db_done(st);
	return rc;
}

enum pd_status
db_plan_note_delete(struct db *db, int64_t note_id, struct pd_err *err)
{
	return db_exec_id(db, sql_note_delete, note_id,
	    "That note is not there any more.", err);
}
