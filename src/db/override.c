/* override.c - agreements to go over a weekly limit (limit_override). */
#include "peerdesk/db/override.h"

#include <stdlib.h>
#include <string.h>

#include "db_priv.h"
#include "peerdesk/core/str.h"

static const char sql_override_insert[] =
	"INSERT INTO limit_override (pal_id, week_start, reason, agreed_by,"
	" line_id, created_at)"
	" VALUES (:pal_id, :week_start, :reason, :agreed_by, :line_id, :now)";

static const char sql_override_line[] =
	"UPDATE limit_override SET line_id = :line_id WHERE id = :id";

static const char sql_override_list[] =
	"SELECT o.id, o.pal_id, o.week_start, o.reason, o.agreed_by, s.name,"
	" o.line_id, o.created_at"
	" FROM limit_override o LEFT JOIN staff s ON s.id = o.agreed_by"
	" WHERE o.pal_id = :pal_id AND o.week_start = :week_start"
	" ORDER BY o.created_at, o.id";

enum pd_status
db_override_insert(struct db *db, int64_t pal_id, const char *week_start,
    const char *reason, int64_t agreed_by, int64_t line_id, int64_t *id,
    struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	char now[21];

	if (str_blank(reason))
		return pd_fail(err, PD_INVALID, "reason",
		    "please give the reason for going over the limit");
	if ((st = db_stmt(db, sql_override_insert, err)) == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":week_start", week_start);
	db_bind_text(st, ":reason", reason);
	db_bind_int64(st, ":agreed_by", agreed_by);
	db_bind_id_opt(st, ":line_id", line_id);
	db_bind_text(st, ":now", now);
	rc = db_exec_stmt(db, st, err);
	if (rc == PD_OK && id != NULL)
		*id = db_last_id(db);
	return rc;
}

enum pd_status
db_override_set_line(struct db *db, int64_t id, int64_t line_id,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_override_line, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	db_bind_id_opt(st, ":line_id", line_id);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "That agreement to go over the limit cannot be found.");
	return PD_OK;
}

enum pd_status
db_override_list(struct db *db, int64_t pal_id, const char *week_start,
    int (*cb)(void *arg, const struct limit_override_row *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_override_list, err);
	struct limit_override_row row;
	int step = SQLITE_DONE, stop = 0;
	char *reason, *name;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":week_start", week_start);
	while (!stop && (step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof row);
		row.id = db_col_int(st, 0, 0);
		row.pal_id = db_col_int(st, 1, 0);
		db_col_copy(st, 2, row.week_start, sizeof row.week_start);
		reason = db_col_str(st, 3);
		row.reason = reason;
		row.agreed_by = db_col_int(st, 4, 0);
		name = db_col_str(st, 5);
		row.agreed_by_name = name;
		row.line_id = db_col_int(st, 6, 0);
		db_col_copy(st, 7, row.created_at, sizeof row.created_at);
		stop = cb(arg, &row);
		free(reason);
		free(name);
	}
	return db_end(db, st, step, err);
}
