/* weekpay.c - adjustments to approved weeks, and paid weeks. */
#include "peerdesk/db/weekpay.h"

#include <stdlib.h>
#include <string.h>

#include "db_priv.h"

static const char sql_adjust_insert[] =
	"INSERT INTO week_adjustment (pal_id, week_start, made_on,"
	" week_status, minutes_before, minutes_after, gross_before,"
	" gross_after, reason, made_by, created_at)"
	" VALUES (:pal_id, :week_start, :made_on, :status, :mb, :ma, :gb,"
	" :ga, :reason, :by, :now)";

#define ADJUST_COLS \
	"a.id, a.pal_id, a.week_start, a.made_on, a.week_status," \
	" a.minutes_before, a.minutes_after, a.gross_before, a.gross_after," \
	" a.reason, a.made_by, m.name, p.login, p.name, a.created_at" \
	" FROM week_adjustment a LEFT JOIN staff m ON m.id = a.made_by" \
	" LEFT JOIN staff p ON p.id = a.pal_id"

static const char sql_adjust_made[] =
	"SELECT " ADJUST_COLS
	" WHERE a.made_on BETWEEN :from AND :to"
	" ORDER BY a.made_on, p.login, p.name, a.week_start, a.id";

static const char sql_adjust_week[] =
	"SELECT " ADJUST_COLS
	" WHERE a.pal_id = :pal_id AND a.week_start = :week_start"
	" ORDER BY a.created_at, a.id";

static const char sql_week_paid[] =
	"UPDATE timesheet_week SET status = 'locked', paid_at = :now,"
	" paid_by = :by, version = version + 1"
	" WHERE id = :id AND status = 'approved'";

static const char sql_week_paid_info[] =
	"SELECT paid_at, paid_by FROM timesheet_week WHERE id = :id";

static const char sql_weeks_upto[] =
	"SELECT w.id, w.pal_id, w.week_start FROM timesheet_week w"
	" JOIN staff s ON s.id = w.pal_id"
	" WHERE w.status = 'approved' AND w.week_start <= :last"
	" AND (:pal_id = 0 OR w.pal_id = :pal_id)"
	" ORDER BY w.week_start, s.login, s.name, w.id";

static const char sql_weeks_between[] =
	"SELECT w.id, w.pal_id, w.week_start, w.status, s.login, s.name"
	" FROM timesheet_week w JOIN staff s ON s.id = w.pal_id"
	" WHERE w.week_start BETWEEN :from AND :to"
	" ORDER BY w.week_start, s.login, s.name, w.id";

enum pd_status
db_adjust_insert(struct db *db, struct week_adjust_row *a,
    struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	char now[21];

	if (a->reason == NULL || a->reason[strspn(a->reason, " \t\r\n")] ==
	    '\0')
		return pd_fail(err, PD_INVALID, "reason",
		    "please give the reason for changing an approved week");
	if ((st = db_stmt(db, sql_adjust_insert, err)) == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":pal_id", a->pal_id);
	db_bind_text(st, ":week_start", a->week_start);
	db_bind_text(st, ":made_on", a->made_on);
	db_bind_text(st, ":status", a->status == WEEK_LOCKED ? "locked" :
	    "approved");
	db_bind_int64(st, ":mb", a->minutes_before);
	db_bind_int64(st, ":ma", a->minutes_after);
	db_bind_int64(st, ":gb", a->gross_before);
	db_bind_int64(st, ":ga", a->gross_after);
	db_bind_text(st, ":reason", a->reason);
	db_bind_int64(st, ":by", a->made_by);
	db_bind_text(st, ":now", now);
	rc = db_exec_stmt(db, st, err);
	if (rc == PD_OK) {
		a->id = db_last_id(db);
		memcpy(a->created_at, now, sizeof a->created_at);
	}
	return rc;
}

static enum pd_status
adjust_run(struct db *db, sqlite3_stmt *st,
    int (*cb)(void *arg, const struct week_adjust_row *row), void *arg,
    struct pd_err *err)
{
	struct week_adjust_row row;
	int step = SQLITE_DONE, stop = 0;
	char buf[16], *reason, *by, *login, *name;

	if (st == NULL)
		return PD_DB;
	while (!stop && (step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof row);
		row.id = db_col_int(st, 0, 0);
		row.pal_id = db_col_int(st, 1, 0);
		db_col_copy(st, 2, row.week_start, sizeof row.week_start);
		db_col_copy(st, 3, row.made_on, sizeof row.made_on);
		db_col_copy(st, 4, buf, sizeof buf);
		row.status = strcmp(buf, "locked") == 0 ? WEEK_LOCKED :
		    WEEK_APPROVED;
		row.minutes_before = (int)db_col_int(st, 5, 0);
		row.minutes_after = (int)db_col_int(st, 6, 0);
		row.gross_before = db_col_int(st, 7, 0);
		row.gross_after = db_col_int(st, 8, 0);
		reason = db_col_str(st, 9);
		row.reason = reason;
		row.made_by = db_col_int(st, 10, 0);
		by = db_col_str(st, 11);
		row.made_by_name = by;
		login = db_col_str(st, 12);
		row.pal_login = login;
		name = db_col_str(st, 13);
		row.pal_name = name;
		db_col_copy(st, 14, row.created_at, sizeof row.created_at);
		stop = cb(arg, &row);
		free(reason);
		free(by);
		free(login);
		free(name);
	}
	return db_end(db, st, step, err);
}

enum pd_status
db_adjust_made(struct db *db, const char *from, const char *to,
    int (*cb)(void *arg, const struct week_adjust_row *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_adjust_made, err);

	if (st != NULL) {
		db_bind_text(st, ":from", from);
		db_bind_text(st, ":to", to);
	}
	return adjust_run(db, st, cb, arg, err);
}

enum pd_status
db_adjust_for_week(struct db *db, int64_t pal_id, const char *week_start,
    int (*cb)(void *arg, const struct week_adjust_row *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_adjust_week, err);

	if (st != NULL) {
		db_bind_int64(st, ":pal_id", pal_id);
		db_bind_text(st, ":week_start", week_start);
	}
	return adjust_run(db, st, cb, arg, err);
}

enum pd_status
db_week_set_paid(struct db *db, int64_t week_id, int64_t by,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_week_paid, err);
	enum pd_status rc;
	char now[21];

	if (st == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":id", week_id);
	db_bind_id_opt(st, ":by", by);
	db_bind_text(st, ":now", now);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return pd_fail(err, PD_CONFLICT, NULL, "that week is not "
		    "approved, so it cannot be marked paid");
	return PD_OK;
}

enum pd_status
db_week_paid_info(struct db *db, int64_t week_id, char paid_at[21],
    int64_t *paid_by, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_week_paid_info, err);
	enum pd_status rc;

	paid_at[0] = '\0';
	*paid_by = 0;
	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", week_id);
	rc = db_step_row(db, st, err);
	if (rc == PD_OK) {
		db_col_copy(st, 0, paid_at, 21);
		*paid_by = db_col_int(st, 1, 0);
	} else if (rc == PD_NOT_FOUND) {
		rc = PD_OK;
	}
	db_done(st);
	return rc;
}

enum pd_status
db_weeks_approved_upto(struct db *db, const char *last_start, int64_t pal_id,
    int (*cb)(void *arg, int64_t week_id, int64_t pal_id,
    const char *week_start), void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_weeks_upto, err);
	int step = SQLITE_DONE, stop = 0;
	char ws[11];

	if (st == NULL)
		return PD_DB;
	db_bind_text(st, ":last", last_start);
	db_bind_int64(st, ":pal_id", pal_id);
	while (!stop && (step = sqlite3_step(st)) == SQLITE_ROW) {
		db_col_copy(st, 2, ws, sizeof ws);
		stop = cb(arg, db_col_int(st, 0, 0), db_col_int(st, 1, 0), ws);
	}
	return db_end(db, st, step, err);
}

enum pd_status
db_weeks_between(struct db *db, const char *from, const char *to,
    int (*cb)(void *arg, const struct week_between_row *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_weeks_between, err);
	struct week_between_row row;
	int step = SQLITE_DONE, stop = 0;
	char buf[16], *login, *name;

	if (st == NULL)
		return PD_DB;
	db_bind_text(st, ":from", from);
	db_bind_text(st, ":to", to);
	while (!stop && (step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof row);
		row.week_id = db_col_int(st, 0, 0);
		row.pal_id = db_col_int(st, 1, 0);
		db_col_copy(st, 2, row.week_start, sizeof row.week_start);
		db_col_copy(st, 3, buf, sizeof buf);
		if (week_status_from_str(buf, &row.status) != 0)
			row.status = WEEK_OPEN;
		login = db_col_str(st, 4);
		name = db_col_str(st, 5);
		row.login = login;
		row.name = name;
		stop = cb(arg, &row);
		free(login);
		free(name);
	}
	return db_end(db, st, step, err);
}
