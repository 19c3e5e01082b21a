/* assignment.c - who supports whom. */
#include "peerdesk/db/assignment.h"

#include <stdbool.h>
#include <string.h>

#include "db_priv.h"

#define ASSIGNMENT_COLS \
	"a.id, a.client_id, a.worker_id, c.name, w.name, a.shortlist_id," \
	" a.started_on, a.contracted_minutes_per_week, a.review_due_on," \
	" a.review_overdue_on, a.reviewed_on, a.ended_on, a.end_kind," \
	" a.end_reason, a.ended_by, a.override_reason, a.created_by," \
	" a.version"

#define ASSIGNMENT_FROM \
	" FROM assignment a JOIN client c ON c.id = a.client_id" \
	" JOIN staff w ON w.id = a.worker_id"

static const char sql_assignment_insert[] =
	"INSERT INTO assignment (client_id, worker_id, shortlist_id,"
	" started_on, contracted_minutes_per_week, review_due_on,"
	" review_overdue_on, override_reason, created_at, created_by)"
	" VALUES (:client_id, :worker_id, :shortlist_id, :started_on,"
	" :minutes, :due_on, :overdue_on, :override_reason, :now, :by)";

static const char sql_assignment_get[] =
	"SELECT " ASSIGNMENT_COLS ASSIGNMENT_FROM " WHERE a.id = :id";

static const char sql_assignment_update[] =
	"UPDATE assignment SET contracted_minutes_per_week = :minutes,"
	" review_due_on = :due_on, review_overdue_on = :overdue_on,"
	" override_reason = :override_reason, version = version + 1"
	" WHERE id = :id AND version = :version";

static const char sql_assignment_probe[] =
	DB_PROBE_AUDITED("assignment");

static const char sql_assignment_end[] =
	"UPDATE assignment SET ended_on = :ended_on, end_kind = :end_kind,"
	" end_reason = :reason, ended_by = :by, version = version + 1"
	" WHERE id = :id AND ended_on IS NULL";

static const char sql_assignment_ended_on[] =
	"SELECT ended_on FROM assignment WHERE id = :id";

static const char sql_assignment_for_client[] =
	"SELECT " ASSIGNMENT_COLS ASSIGNMENT_FROM
	" WHERE a.client_id = :client_id AND (:active_only = 0"
	"  OR a.ended_on IS NULL OR a.ended_on > :today)"
	" ORDER BY a.started_on, a.id";

static const char sql_assignment_for_worker[] =
	"SELECT " ASSIGNMENT_COLS ASSIGNMENT_FROM
	" WHERE a.worker_id = :worker_id AND (:active_only = 0"
	"  OR a.ended_on IS NULL OR a.ended_on > :today)"
	" ORDER BY c.name, a.started_on, a.id";

static void
assignment_read(sqlite3_stmt *st, struct assignment *a)
{
	char buf[24];

	memset(a, 0, sizeof *a);
	a->id = db_col_int(st, 0, 0);
	a->client_id = db_col_int(st, 1, 0);
	a->worker_id = db_col_int(st, 2, 0);
	a->client_name = db_col_str(st, 3);
	a->worker_name = db_col_str(st, 4);
	a->shortlist_id = db_col_int(st, 5, 0);
	db_col_date(st, 6, a->started_on);
	a->contracted_minutes_per_week = (int)db_col_int(st, 7, -1);
	db_col_date(st, 8, a->review_due_on);
	db_col_date(st, 9, a->review_overdue_on);
	db_col_date(st, 10, a->reviewed_on);
	db_col_date(st, 11, a->ended_on);
	db_col_copy(st, 12, buf, sizeof buf);
	if (end_kind_from_str(buf, &a->end_kind) != 0)
		a->end_kind = END_NONE;
	a->end_reason = db_col_str(st, 13);
	a->ended_by = db_col_int(st, 14, 0);
	a->override_reason = db_col_str(st, 15);
	a->created_by = db_col_int(st, 16, 0);
	a->version = (int)db_col_int(st, 17, 1);
}

/* The fields insert and update share. */
static void
assignment_bind(sqlite3_stmt *st, const struct assignment *a)
{
	db_bind_int_opt(st, ":minutes", a->contracted_minutes_per_week);
	db_bind_text_opt(st, ":due_on", a->review_due_on);
	db_bind_text_opt(st, ":overdue_on", a->review_overdue_on);
	db_bind_text_opt(st, ":override_reason", a->override_reason);
}

enum pd_status
db_assignment_insert(struct db *db, struct assignment *a,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_assignment_insert, err);
	enum pd_status rc;
	char now[21];

	if (st == NULL)
		return PD_DB;
	db_now(now);
	assignment_bind(st, a);
	db_bind_int64(st, ":client_id", a->client_id);
	db_bind_int64(st, ":worker_id", a->worker_id);
	db_bind_id_opt(st, ":shortlist_id", a->shortlist_id);
	db_bind_text(st, ":started_on", a->started_on);
	db_bind_text(st, ":now", now);
	db_bind_id_opt(st, ":by", a->created_by);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	a->id = db_last_id(db);
	a->version = 1;
	return PD_OK;
}

enum pd_status
db_assignment_get(struct db *db, int64_t id, struct assignment *out,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_assignment_get, ":id", id, err);
	enum pd_status rc = st == NULL ? PD_DB : db_step_row(db, st, err);

	if (rc == PD_OK)
		assignment_read(st, out);
	else if (rc == PD_NOT_FOUND)
		pd_fail(err, PD_NOT_FOUND, NULL,
		    "That assignment cannot be found.");
	db_done(st);
	return rc;
}

enum pd_status
db_assignment_update(struct db *db, struct assignment *a,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_assignment_update, err);

	if (st == NULL)
		return PD_DB;
	assignment_bind(st, a);
	return db_exec_versioned(db, st, a->id, &a->version,
	    sql_assignment_probe, "assignment", err);
}

enum pd_status
db_assignment_end(struct db *db, int64_t id, const char *ended_on,
    enum end_kind k, const char *reason, int64_t by, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	const char *kind = end_kind_str(k);
	char was[11] = "";

	if (kind == NULL)
		return pd_fail(err, PD_INVALID, "end_kind",
		    "Please say how the support ended.");
	if ((st = db_stmt(db, sql_assignment_end, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	db_bind_text(st, ":ended_on", ended_on);
	db_bind_text(st, ":end_kind", kind);
	db_bind_text_opt(st, ":reason", reason);
	db_bind_id_opt(st, ":by", by);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) > 0)
		return PD_OK;
	if ((st = db_stmt(db, sql_assignment_ended_on, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	rc = db_step_row(db, st, err);
	if (rc == PD_OK)
		db_col_date(st, 0, was);
	db_done(st);
	if (rc == PD_NOT_FOUND)
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "That assignment cannot be found.");
	if (rc != PD_OK)
		return rc;
	return pd_fail(err, PD_CONFLICT, NULL,
	    "This assignment has already ended (on %s).", was);
}

static enum pd_status
assignment_each(struct db *db, const char *sql, const char *key_param,
    int64_t key, bool active_only, db_assignment_cb cb, void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	enum pd_status rc = PD_OK;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, key_param, key);
	db_bind_int64(st, ":active_only", active_only != 0);
	db_scope_bind_today(st);
	DB_EACH(db, st, struct assignment, assignment_read, assignment_fini,
	    cb, arg, err, rc);
	return rc;
}

enum pd_status
db_assignment_list_for_client(struct db *db, int64_t client_id,
    bool active_only, db_assignment_cb cb, void *arg, struct pd_err *err)
{
	return assignment_each(db, sql_assignment_for_client, ":client_id",
	    client_id, active_only, cb, arg, err);
}

enum pd_status
db_assignment_list_for_worker(struct db *db, int64_t worker_id,
    bool active_only, db_assignment_cb cb, void *arg, struct pd_err *err)
{
	return assignment_each(db, sql_assignment_for_worker, ":worker_id",
	    worker_id, active_only, cb, arg, err);
}
