/* planquery.c - plan reads without side effects, step removal, review
 * days and the manager's view of every plan's goals. */
#include "peerdesk/db/planquery.h"

#include <stdlib.h>
#include <string.h>

#include "db_priv.h"

static const char sql_plan_find[] =
	"SELECT p.id, p.client_id, p.status, p.established_on,"
	" p.established_by, p.current_version, p.version FROM plan p"
	" WHERE p.client_id = :client_id AND " DB_IN_SCOPE("p.client_id");

static const char sql_step_delete[] =
	"DELETE FROM plan_goal_step WHERE id = :id";

static const char sql_score_on[] =
	"SELECT score FROM goal_score WHERE goal_id = :goal_id"
	" AND scored_on = :day ORDER BY id DESC LIMIT 1";

static const char sql_score_delete_day[] =
	"DELETE FROM goal_score WHERE goal_id = :goal_id AND scored_on = :day";

static const char sql_review_days[] =
	"SELECT c.scored_on AS day FROM goal_score c"
	" JOIN plan_goal g ON g.id = c.goal_id JOIN plan p ON p.id = g.plan_id"
	" WHERE p.client_id = :client_id AND " DB_IN_SCOPE("p.client_id")
	" UNION"
	" SELECT r.held_on FROM review r"
	" JOIN assignment a ON a.id = r.assignment_id"
	" WHERE a.client_id = :client_id AND " DB_IN_SCOPE("a.client_id")
	" ORDER BY day";

static const char sql_goal_rows[] =
	"WITH ranked AS (SELECT c.goal_id, c.score, c.scored_on,"
	"  row_number() OVER (PARTITION BY c.goal_id"
	"   ORDER BY c.scored_on DESC, c.id DESC) AS rn,"
	"  count(*) OVER (PARTITION BY c.goal_id) AS n"
	"  FROM goal_score c)"
	" SELECT p.client_id, cl.name, cl.status, p.status,"
	" p.current_version, g.id, g.area, coalesce(l.n, 0),"
	" l.score, l.scored_on, pr.score, pr.scored_on"
	" FROM plan p JOIN client cl ON cl.id = p.client_id"
	" LEFT JOIN plan_goal g ON g.plan_id = p.id AND g.closed_on IS NULL"
	" LEFT JOIN ranked l ON l.goal_id = g.id AND l.rn = 1"
	" LEFT JOIN ranked pr ON pr.goal_id = g.id AND pr.rn = 2"
	" WHERE " DB_IN_SCOPE("p.client_id")
	" ORDER BY cl.name, p.client_id, g.id";

void
plan_goal_row_fini(struct plan_goal_row *r)
{
	free(r->client_name);
	r->client_name = NULL;
}

enum pd_status
db_plan_find(struct db *db, int64_t client_id, int64_t scope_pal,
    struct plan_info *out, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_plan_find, ":client_id",
	    client_id, scope_pal, err);
	enum pd_status rc;
	char buf[16];

	if (st == NULL)
		return PD_DB;
	rc = db_step_row(db, st, err);
	if (rc == PD_OK) {
		memset(out, 0, sizeof *out);
		out->id = db_col_int(st, 0, 0);
		out->client_id = db_col_int(st, 1, 0);
		db_col_copy(st, 2, buf, sizeof buf);
		if (plan_status_from_str(buf, &out->status) != 0)
			out->status = PLAN_DRAFT;
		db_col_date(st, 3, out->established_on);
		out->established_by = db_col_int(st, 4, 0);
		out->current_version = (int)db_col_int(st, 5, 0);
		out->version = (int)db_col_int(st, 6, 1);
	} else if (rc == PD_NOT_FOUND) {
		pd_fail(err, PD_NOT_FOUND, NULL,
		    "That client has no plan yet.");
	}
	db_done(st);
	return rc;
}

enum pd_status
db_goal_step_delete(struct db *db, int64_t id, struct pd_err *err)
{
	return db_exec_id(db, sql_step_delete, id,
	    "That step cannot be found.", err);
}

enum pd_status
db_goal_score_on(struct db *db, int64_t goal_id, const char *day, int *score,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_score_on, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":goal_id", goal_id);
	db_bind_text(st, ":day", day);
	rc = db_step_row(db, st, err);
	if (rc == PD_OK)
		*score = (int)db_col_int(st, 0, 0);
	db_done(st);
	return rc;
}

enum pd_status
db_goal_score_delete_day(struct db *db, int64_t goal_id, const char *day,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_score_delete_day, err);

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":goal_id", goal_id);
	db_bind_text(st, ":day", day);
	return db_exec_stmt(db, st, err);
}

enum pd_status
db_plan_review_days(struct db *db, int64_t client_id, int64_t scope_pal,
    db_plan_day_cb cb, void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_review_days, ":client_id",
	    client_id, scope_pal, err);
	int step = SQLITE_DONE;

	if (st == NULL)
		return PD_DB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		char day[11];

		db_col_date(st, 0, day);
		if (cb(arg, day) != 0)
			break;
	}
	return db_end(db, st, step, err);
}

static void
goal_row_read(sqlite3_stmt *st, struct plan_goal_row *r)
{
	char buf[16];

	memset(r, 0, sizeof *r);
	r->client_id = db_col_int(st, 0, 0);
	r->client_name = db_col_str(st, 1);
	db_col_copy(st, 2, buf, sizeof buf);
	if (client_status_from_str(buf, &r->client_status) != 0)
		r->client_status = CLIENT_REFERRED;
	db_col_copy(st, 3, buf, sizeof buf);
	if (plan_status_from_str(buf, &r->plan_status) != 0)
		r->plan_status = PLAN_DRAFT;
	r->current_version = (int)db_col_int(st, 4, 0);
	r->goal_id = db_col_int(st, 5, 0);
	db_col_copy(st, 6, buf, sizeof buf);
	if (goal_area_from_str(buf, &r->area) != 0)
		r->area = GOAL_AMBITION;
	r->n_scores = (int)db_col_int(st, 7, 0);
	r->latest = (int)db_col_int(st, 8, -99);
	db_col_date(st, 9, r->latest_on);
	r->previous = (int)db_col_int(st, 10, -99);
	db_col_date(st, 11, r->previous_on);
}

enum pd_status
db_plan_goal_rows(struct db *db, int64_t scope_pal, db_plan_goal_row_cb cb,
    void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_goal_rows, err);
	enum pd_status rc = PD_OK;

	if (st == NULL)
		return PD_DB;
	db_scope_bind(st, scope_pal);
	DB_EACH(db, st, struct plan_goal_row, goal_row_read,
	    plan_goal_row_fini, cb, arg, err, rc);
	return rc;
}
