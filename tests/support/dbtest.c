/* dbtest.c - direct inserts and probes for test fixtures only. */
#include "support/dbtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"

/* The one test file allowed into src/db's private header: fixtures insert
 * rows directly, skipping the rules the db_* functions keep. */
#include "../../src/db/db_priv.h"

static const char sql_staff[] =
	"INSERT INTO staff (login, name, role, active, created_at, version) "
	"VALUES (:login, :name, :role, 1, :now, 1)";
static const char sql_pal[] =
	"INSERT INTO pal (staff_id, started_on, version) "
	"VALUES (:staff_id, :from, 1)";
static const char sql_rate[] =
	"INSERT INTO pal_rate (pal_id, rate_pence, effective_from, created_at) "
	"VALUES (:pal_id, :rate, :from, :now)";
static const char sql_rule[] =
	"INSERT INTO pal_benefit (pal_id, rule, effective_from, created_at) "
	"VALUES (:pal_id, :rule, :from, :now)";
static const char sql_client[] =
	"INSERT INTO client (name, status, created_at, version) "
	"VALUES (:name, 'referred', :now, 1)";
static const char sql_assign[] =
	"INSERT INTO assignment (client_id, worker_id, started_on, created_at, "
	"version) VALUES (:client_id, :worker_id, :started_on, :now, 1)";
static const char sql_end[] =
	"UPDATE assignment SET ended_on = :ended_on, end_kind = 'other', "
	"version = version + 1 WHERE id = :id";
static const char sql_session[] =
	"INSERT INTO session (client_id, pal_id, date, minutes, created_at, "
	"version) VALUES (:client_id, :pal_id, :date, :minutes, :now, 1)";
static const char sql_week[] =
	"INSERT INTO timesheet_week (pal_id, week_start, status, version) "
	"VALUES (:pal_id, :week_start, :status, 1)";
static const char sql_line[] =
	"INSERT INTO timesheet_line (week_id, pal_id, date, minutes, kind, "
	"created_at, version) VALUES (:week_id, :pal_id, :date, :minutes, "
	"'admin', :now, 1)";
static const char sql_client_plan[] =
	"INSERT INTO plan (client_id) VALUES (:client_id)";
static const char sql_audit_update[] =
	"UPDATE audit SET summary = 'changed' WHERE id = :id";
static const char sql_audit_delete[] =
	"DELETE FROM audit WHERE id = :id";

/* One counting statement per table: names are never spliced into SQL. */
#define COUNT(t) { #t, "SELECT count(*) FROM " #t }
static const struct {
	const char *table;
	const char *sql;
} counts[] = {
	COUNT(staff), COUNT(pal), COUNT(pal_benefit), COUNT(pal_rate),
	COUNT(pal_dbs), COUNT(pal_training), COUNT(pal_supervision),
	COUNT(pal_plan_version), COUNT(client), COUNT(client_ally),
	COUNT(referral), COUNT(funding), COUNT(plan), COUNT(plan_version),
	COUNT(plan_goal), COUNT(plan_goal_step), COUNT(plan_note),
	COUNT(shortlist), COUNT(assignment), COUNT(review), COUNT(goal_score),
	COUNT(session), COUNT(timesheet_week), COUNT(timesheet_line),
	COUNT(limit_override), COUNT(audit), COUNT(draft), COUNT(audit_detail),
	COUNT(import_log), COUNT(week_adjustment), COUNT(client_search),
	COUNT(client_search_stale), COUNT(client_group),
	COUNT(group_meeting), COUNT(group_attendance),
};
#undef COUNT

static enum pd_status
dbtest_run(struct db *db, sqlite3_stmt *st, int64_t *id, struct pd_err *err)
{
	enum pd_status s = db_exec_stmt(db, st, err);

	if (s == PD_OK && id != NULL)
		*id = db_last_id(db);
	return s;
}

enum pd_status
dbtest_staff(struct db *db, const char *login, const char *name,
    const char *role, int64_t *id, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_staff, err);
	char now[21];

	if (st == NULL)
		return PD_DB;
	db_now(now);
	db_bind_text_opt(st, ":login", login);
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":role", role);
	db_bind_text(st, ":now", now);
	return dbtest_run(db, st, id, err);
}

enum pd_status
dbtest_pal(struct db *db, int64_t staff_id, int64_t rate_pence,
    const char *rule, const char *from, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status s;
	char now[21];

	db_now(now);
	if ((st = db_stmt(db, sql_pal, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":staff_id", staff_id);
	db_bind_text(st, ":from", from);
	if ((s = db_exec_stmt(db, st, err)) != PD_OK)
		return s;
	if ((st = db_stmt(db, sql_rate, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", staff_id);
	db_bind_int64(st, ":rate", rate_pence);
	db_bind_text(st, ":from", from);
	db_bind_text(st, ":now", now);
	if ((s = db_exec_stmt(db, st, err)) != PD_OK)
		return s;
	if ((st = db_stmt(db, sql_rule, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", staff_id);
	db_bind_text(st, ":rule", rule);
	db_bind_text(st, ":from", from);
	db_bind_text(st, ":now", now);
	return db_exec_stmt(db, st, err);
}

enum pd_status
dbtest_client(struct db *db, const char *name, int64_t *id,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_client, err);
	char now[21];

	if (st == NULL)
		return PD_DB;
	db_now(now);
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":now", now);
	return dbtest_run(db, st, id, err);
}

enum pd_status
dbtest_assign(struct db *db, int64_t client_id, int64_t worker_id,
    const char *started_on, int64_t *id, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_assign, err);
	char now[21];

	if (st == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":client_id", client_id);
	db_bind_int64(st, ":worker_id", worker_id);
	db_bind_text(st, ":started_on", started_on);
	db_bind_text(st, ":now", now);
	return dbtest_run(db, st, id, err);
}

enum pd_status
dbtest_end_assignment(struct db *db, int64_t id, const char *ended_on,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_end, err);
	enum pd_status s;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	db_bind_text(st, ":ended_on", ended_on);
	s = db_exec_stmt(db, st, err);
	if (s == PD_OK && db_changes(db) == 0)
		s = pd_fail(err, PD_NOT_FOUND, NULL, "no assignment %lld",
		    (long long)id);
	return s;
}

enum pd_status
dbtest_count(struct db *db, const char *table, int64_t *n,
    struct pd_err *err)
{
	size_t i;
	sqlite3_stmt *st;
	enum pd_status s;

	for (i = 0; i < sizeof counts / sizeof counts[0]; i++)
		if (strcmp(counts[i].table, table) == 0)
			break;
	if (i == sizeof counts / sizeof counts[0])
		return pd_fail(err, PD_INVALID, NULL, "no table called %s", table);
	if ((st = db_stmt(db, counts[i].sql, err)) == NULL)
		return PD_DB;
	s = db_step_row(db, st, err);
	if (s == PD_OK)
		*n = db_col_int(st, 0, 0);
	db_done(st);
	return s;
}

enum pd_status
dbtest_audit_tamper(struct db *db, int64_t id, int remove,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, remove ? sql_audit_delete :
	    sql_audit_update, err);

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	return db_exec_stmt(db, st, err);
}

enum pd_status
dbtest_audit_insert_at(struct db *db, const struct audit_entry *a,
    const char *at, struct pd_err *err)
{
	return audit_insert_at(db, a, at, err);
}

static const char sql_forge_drop[] =
	"DROP TRIGGER IF EXISTS audit_no_update; "
	"DROP TRIGGER IF EXISTS audit_no_delete";
static const char sql_forge_edit[] =
	"UPDATE audit SET summary = 'nothing happened' WHERE id = :id";
static const char sql_forge_delete[] = "DELETE FROM audit WHERE id = :id";
static const char sql_forge_add[] =
	"INSERT INTO audit (id, at, action, entity, summary, hash) "
	"SELECT max(id) + 1, '2026-01-01T00:00:00Z', 'open', 'client', "
	"'forged', '" "0123456789abcdef0123456789abcdef"
	"0123456789abcdef0123456789abcdef' FROM audit WHERE :id IS NOT NULL";

enum pd_status
dbtest_audit_forge(struct db *db, int64_t id, int how, struct pd_err *err)
{
	static const char *const sql[] = {
		sql_forge_edit, sql_forge_delete, sql_forge_add
	};
	sqlite3_stmt *st;
	enum pd_status s;

	if ((s = db_exec_sql(db, sql_forge_drop, err)) != PD_OK)
		return s;
	if ((st = db_stmt(db, sql[how], err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	return db_exec_stmt(db, st, err);
}

static const char sql_audit_legacy[] =
	"INSERT INTO audit (at, actor_login, action, entity, summary) "
	"VALUES ('2026-01-01T00:00:00Z', 'old', 'open', 'client', :summary)";

enum pd_status
dbtest_audit_legacy(struct db *db, const char *summary, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_audit_legacy, err);

	if (st == NULL)
		return PD_DB;
	db_bind_text(st, ":summary", summary);
	return db_exec_stmt(db, st, err);
}

enum pd_status
dbtest_session(struct db *db, int64_t client_id, int64_t pal_id,
    const char *date, int minutes, int64_t *id, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_session, err);
	char now[21];

	if (st == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":client_id", client_id);
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":date", date);
	db_bind_int64(st, ":minutes", minutes);
	db_bind_text(st, ":now", now);
	return dbtest_run(db, st, id, err);
}

enum pd_status
dbtest_week(struct db *db, int64_t pal_id, const char *week_start,
    const char *status, int64_t *id, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_week, err);

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":week_start", week_start);
	db_bind_text(st, ":status", status);
	return dbtest_run(db, st, id, err);
}

enum pd_status
dbtest_line(struct db *db, int64_t week_id, int64_t pal_id,
    const char *date, int minutes, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_line, err);
	char now[21];

	if (st == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":week_id", week_id);
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":date", date);
	db_bind_int64(st, ":minutes", minutes);
	db_bind_text(st, ":now", now);
	return db_exec_stmt(db, st, err);
}

enum pd_status
dbtest_client_plan(struct db *db, int64_t client_id, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_client_plan, err);

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":client_id", client_id);
	return db_exec_stmt(db, st, err);
}

static sqlite3_stmt *
dbtest_cached(struct db *db, const char *contains, struct pd_err *err)
{
	size_t i;

	for (i = 0; i < db->ncache; i++)
		if (strstr(db->cache[i].sql, contains) != NULL)
			return db->cache[i].st;
	pd_fail(err, PD_NOT_FOUND, NULL, "no cached statement contains %s",
	    contains);
	return NULL;
}

enum pd_status
dbtest_query_plan(struct db *db, const char *contains, char *buf, size_t n,
    struct pd_err *err)
{
	sqlite3_stmt *cached = dbtest_cached(db, contains, err);
	sqlite3_stmt *st = NULL;
	struct strbuf sb = STRBUF_INIT;
	char *sql;
	int rc;

	if (cached == NULL)
		return PD_NOT_FOUND;
	/* Test-only: EXPLAIN of SQL text that is already in the program. */
	sql = xasprintf("EXPLAIN QUERY PLAN %s", sqlite3_sql(cached));
	rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return db_error(db, rc, err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		strbuf_adds(&sb, (const char *)sqlite3_column_text(st, 3));
		strbuf_addc(&sb, '\n');
	}
	sqlite3_finalize(st);
	snprintf(buf, n, "%s", strbuf_str(&sb));
	strbuf_fini(&sb);
	return rc == SQLITE_DONE ? PD_OK : db_error(db, rc, err);
}

enum pd_status
dbtest_stmt_counters(struct db *db, const char *contains,
    int *fullscan_steps, int *sorts, int *vm_steps, struct pd_err *err)
{
	sqlite3_stmt *st = dbtest_cached(db, contains, err);

	if (st == NULL)
		return PD_NOT_FOUND;
	*fullscan_steps = sqlite3_stmt_status(st,
	    SQLITE_STMTSTATUS_FULLSCAN_STEP, 1);
	*sorts = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_SORT, 1);
	*vm_steps = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 1);
	return PD_OK;
}

const char *
dbtest_path(struct db *db)
{
	return db->path;
}

static const char sql_search_vocab[] =
	"CREATE VIRTUAL TABLE IF NOT EXISTS temp.pd_search_vocab "
	"USING fts5vocab(main, client_search, row)";
static const char sql_search_holds[] =
	"SELECT (SELECT count(*) FROM temp.pd_search_vocab WHERE term = :w) + "
	"(SELECT count(*) FROM client_search_content WHERE instr("
	"coalesce(c0, '') || ' ' || coalesce(c1, '') || ' ' || "
	"coalesce(c2, '') || ' ' || coalesce(c3, ''), :w) > 0) + "
	"(SELECT count(*) FROM client_search_key WHERE instr(name_key, :w) "
	"> 0) + (SELECT count(*) FROM client_search_data WHERE "
	"instr(block, CAST(:w AS BLOB)) > 0)";

enum pd_status
dbtest_search_holds(struct db *db, const char *word, int64_t *n,
    struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status s;

	if ((s = db_exec_sql(db, sql_search_vocab, err)) != PD_OK)
		return s;
	if ((st = db_stmt(db, sql_search_holds, err)) == NULL)
		return PD_DB;
	db_bind_text(st, ":w", word);
	s = db_step_row(db, st, err);
	if (s == PD_OK)
		*n = db_col_int(st, 0, 0);
	db_done(st);
	return s;
}
