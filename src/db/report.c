/* report.c - the weekly hours summary; contracted against delivered. */
#include "peerdesk/db/report.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "db_priv.h"

/*
 * The weekly summary in one pass:
 *   g  the week's lines, summed per day and PAL with one column per kind
 *      (a range scan of the covering index timesheet_line_date, grouped
 *      in index order, so no sorting);
 *   b  each of those with the rate in force that day (one lookup in
 *      pal_rate's (pal_id, effective_from) index per PAL-day, not per
 *      line), plus a zero row for every active PAL;
 *   c  summed per PAL and rate;
 * then joined to staff and the PAL's week, sorted by login.  A PAL with
 * lines gets one row per rate band, plus a zero row with rate NULL that
 * the reader skips; one with no lines gets just the zero row.
 */
#define REPORT_WEEK_SQL \
	"WITH g AS (SELECT pal_id, date," DB_KIND_SUMS \
	"  FROM timesheet_line" \
	"  WHERE date BETWEEN :from AND :to" \
	"  GROUP BY date, pal_id)," \
	" b AS (SELECT pal_id," \
	"   " DB_RATE_ON("g.pal_id", "g.date") " AS rate," \
	"   k0, k1, k2, k3, k4, k5 FROM g" \
	"  UNION ALL" \
	"  SELECT id, NULL, 0, 0, 0, 0, 0, 0 FROM staff" \
	"  WHERE role = 'pal' AND active = 1)," \
	" c AS (SELECT pal_id, rate, sum(k0) AS k0, sum(k1) AS k1," \
	"   sum(k2) AS k2, sum(k3) AS k3, sum(k4) AS k4, sum(k5) AS k5" \
	"  FROM b GROUP BY pal_id, rate)" \
	" SELECT s.id, s.login, s.name, w.id, w.status," \
	"  c.rate, c.k0, c.k1, c.k2, c.k3, c.k4, c.k5" \
	" FROM c JOIN staff s ON s.id = c.pal_id" \
	" LEFT JOIN timesheet_week w" \
	"  ON w.pal_id = s.id AND w.week_start = :from" \
	" ORDER BY s.login, s.id, c.rate"

static const char sql_report_week[] = REPORT_WEEK_SQL;

/* The week's done sessions summed per PAL and client in one range scan
 * of session_date (covering), then matched to the assignments. */
static const char sql_delivery[] =
	"WITH d AS (SELECT pal_id, client_id, sum(minutes) AS minutes,"
	"  count(*) AS n FROM session"
	"  WHERE date BETWEEN :from AND :to AND status = 'done'"
	"  GROUP BY pal_id, client_id)"
	" SELECT a.id, a.client_id, c.name, a.worker_id, w.name,"
	" a.contracted_minutes_per_week, coalesce(d.minutes, 0),"
	" coalesce(d.n, 0)"
	" FROM assignment a JOIN client c ON c.id = a.client_id"
	" JOIN staff w ON w.id = a.worker_id"
	" LEFT JOIN d ON d.pal_id = a.worker_id AND d.client_id = a.client_id"
	" WHERE a.started_on <= :to"
	" AND (a.ended_on IS NULL OR a.ended_on > :from)"
	" ORDER BY c.name, c.id, w.name, a.id";

/* Start a new report row for the PAL in the current result row. */
static void
report_begin(sqlite3_stmt *st, struct report_row *r)
{
	char buf[16];

	memset(r, 0, sizeof *r);
	r->pal_id = db_col_int(st, 0, 0);
	r->login = db_col_str(st, 1);
	r->name = db_col_str(st, 2);
	r->week_id = db_col_int(st, 3, 0);
	db_col_copy(st, 4, buf, sizeof buf);
	if (week_status_from_str(buf, &r->week_status) != 0)
		r->week_status = WEEK_OPEN;
}

enum pd_status
db_report_week(struct db *db, const char *from, const char *to,
    db_report_cb cb, void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_report_week, err);
	struct report_row row;
	enum pd_status rc = PD_OK;
	int step = SQLITE_DONE, stop = 0;
	bool open = false;

	if (st == NULL)
		return PD_DB;
	db_bind_text(st, ":from", from);
	db_bind_text(st, ":to", to);
	memset(&row, 0, sizeof row);
	while (!stop && rc == PD_OK &&
	    (step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t pal = db_col_int(st, 0, 0);

		if (open && pal != row.pal_id) {
			stop = cb(arg, &row);
			report_row_fini(&row);
			open = false;
			if (stop)
				break;
		}
		if (!open) {
			report_begin(st, &row);
			open = true;
		}
		rc = db_totals_add_row(st, 5, &row.totals, err);
	}
	if (rc == PD_OK && !stop && step != SQLITE_DONE)
		rc = db_error(db, step, err);
	if (rc == PD_OK && !stop && open)
		cb(arg, &row);
	report_row_fini(&row);
	db_done(st);
	return rc;
}

static void
delivery_read(sqlite3_stmt *st, struct delivery_row *r)
{
	memset(r, 0, sizeof *r);
	r->assignment_id = db_col_int(st, 0, 0);
	r->client_id = db_col_int(st, 1, 0);
	r->client_name = db_col_str(st, 2);
	r->worker_id = db_col_int(st, 3, 0);
	r->worker_name = db_col_str(st, 4);
	r->contracted_minutes_per_week = (int)db_col_int(st, 5, -1);
	r->delivered_minutes = (int)db_col_int(st, 6, 0);
	r->sessions = (int)db_col_int(st, 7, 0);
}

enum pd_status
db_contracted_vs_delivered(struct db *db, const char *from, const char *to,
    db_delivery_cb cb, void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_delivery, err);
	enum pd_status rc = PD_OK;

	if (st == NULL)
		return PD_DB;
	db_bind_text(st, ":from", from);
	db_bind_text(st, ":to", to);
	DB_EACH(db, st, struct delivery_row, delivery_read,
	    delivery_row_fini, cb, arg, err, rc);
	return rc;
}
