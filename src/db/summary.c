/* summary.c - counts across the database. */
#include "peerdesk/db/summary.h"

#include <string.h>

#include "db_priv.h"
#include "peerdesk/model/client.h"
#include "peerdesk/model/timesheet.h"

static const char sql_totals[] =
	"SELECT (SELECT count(*) FROM staff WHERE active = 1), "
	"(SELECT count(*) FROM staff WHERE active = 1 AND role = 'pal'), "
	"(SELECT count(*) FROM session), "
	"(SELECT count(*) FROM timesheet_line), "
	"(SELECT count(*) FROM plan), "
	"(SELECT count(*) FROM assignment "
	" WHERE ended_on IS NULL OR ended_on > :today), "
	"(SELECT min(date) FROM session), (SELECT max(date) FROM session)";
static const char sql_client_status[] =
	"SELECT status, count(*) FROM client GROUP BY status";
static const char sql_week_status[] =
	"SELECT status, count(*) FROM timesheet_week GROUP BY status";

/* Run a "SELECT name, count" statement into counts[] via from_str. */
static enum pd_status
summary_groups(struct db *db, const char *sql, int *counts, int ncounts,
    int *total, int (*index)(const char *name), struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;

	if (st == NULL)
		return PD_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int i = index((const char *)sqlite3_column_text(st, 0));
		int n = (int)db_col_int(st, 1, 0);

		if (i >= 0 && i < ncounts)
			counts[i] += n;
		*total += n;
	}
	return db_end(db, st, rc, err);
}

static int
summary_client_index(const char *name)
{
	enum client_status s;

	return client_status_from_str(name, &s) == 0 ? (int)s : -1;
}

static int
summary_week_index(const char *name)
{
	enum week_status s;

	return week_status_from_str(name, &s) == 0 ? (int)s : -1;
}

enum pd_status
db_summary(struct db *db, struct db_summary *out, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	char today[11];

	memset(out, 0, sizeof *out);
	if ((st = db_stmt(db, sql_totals, err)) == NULL)
		return PD_DB;
	db_scope_today(today);
	db_bind_text(st, ":today", today);
	rc = db_step_row(db, st, err);
	if (rc == PD_OK) {
		out->staff_active = (int)db_col_int(st, 0, 0);
		out->pals_active = (int)db_col_int(st, 1, 0);
		out->sessions = (int)db_col_int(st, 2, 0);
		out->timesheet_lines = (int)db_col_int(st, 3, 0);
		out->plans = (int)db_col_int(st, 4, 0);
		out->assignments_active = (int)db_col_int(st, 5, 0);
		db_col_copy(st, 6, out->first_session, sizeof out->first_session);
		db_col_copy(st, 7, out->last_session, sizeof out->last_session);
	}
	db_done(st);
	if (rc != PD_OK)
		return rc;
	rc = summary_groups(db, sql_client_status, out->clients_by_status, 5,
	    &out->clients, summary_client_index, err);
	if (rc != PD_OK)
		return rc;
	return summary_groups(db, sql_week_status, out->weeks_by_status, 4,
	    &out->weeks, summary_week_index, err);
}
