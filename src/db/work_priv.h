/* work_priv.h - shared by the "work" files of src/db (sessions,
 * timesheets, plans, shortlists, assignments, reviews, reminders,
 * reports).
 */
#ifndef PEERDESK_DB_WORK_PRIV_H
#define PEERDESK_DB_WORK_PRIV_H

#include <sqlite3.h>
#include <stdint.h>

#include "db_priv.h"
#include "peerdesk/core/status.h"

/* SQL text: the client in column `col` is one a PAL may see.  Uses the
 * parameters :scope_pal (0 = everyone) and :today, bound together by
 * db_scope_bind().  A PAL sees a client while one of their assignments
 * to that client is in force (DB_IN_FORCE: started, not ended). */
#define WORK_IN_SCOPE(col) \
	"(:scope_pal = 0 OR EXISTS (SELECT 1 FROM assignment sa" \
	" WHERE sa.client_id = " col " AND sa.worker_id = :scope_pal" \
	" AND " DB_IN_FORCE("sa") "))"

/* SQL text: minutes per line kind as six columns, in enum line_kind
 * order, for a query over timesheet_line grouped by something. */
#define WORK_KIND_SUMS \
	" sum(CASE kind WHEN 'session' THEN minutes END) AS k0," \
	" sum(CASE kind WHEN 'supervision' THEN minutes END) AS k1," \
	" sum(CASE kind WHEN 'training' THEN minutes END) AS k2," \
	" sum(CASE kind WHEN 'travel' THEN minutes END) AS k3," \
	" sum(CASE kind WHEN 'shadowing' THEN minutes END) AS k4," \
	" sum(CASE kind WHEN 'admin' THEN minutes END) AS k5"

/* SQL text: the hourly rate in force for PAL `pal` on date `date`. */
#define WORK_RATE_ON(pal, date) \
	"(SELECT r.rate_pence FROM pal_rate r WHERE r.pal_id = " pal \
	" AND r.effective_from <= " date \
	" ORDER BY r.effective_from DESC LIMIT 1)"

/* Today as "YYYY-MM-DD" into buf (model/'s today_get(), which --today,
 * PEERDESK_TODAY and tests fix); returns buf. */
char *db_scope_today(char buf[11]);

/* Bind :scope_pal and :today (see WORK_IN_SCOPE).  scope_pal 0 is
 * everyone; any other value (even a negative one) only that worker. */
void db_scope_bind(sqlite3_stmt *st, int64_t scope_pal);

/* Bind :today only. */
void db_scope_bind_today(sqlite3_stmt *st);

/* After an UPDATE ... WHERE id = :id AND version = :version changed no
 * row: PD_NOT_FOUND when the row is gone, else PD_CONFLICT naming who
 * last saved it and when, from the audit trail if it knows.
 * exists_sql (static) selects anything for :id; entity is the table
 * name used in audit rows; what names the record ("session"). */
enum pd_status db_stale(struct db *db, const char *exists_sql,
    const char *entity, int64_t id, const char *what, struct pd_err *err);


struct week_totals;

/* Add one result row to t: the rate (NULL = none) in column `first`,
 * then minutes for the six line kinds.  PD_LIMIT when a new rate band
 * does not fit (timesheet.c). */
enum pd_status db_totals_add_row(sqlite3_stmt *st, int first,
    struct week_totals *t, struct pd_err *err);

/* Step st to the end, reading each row into a rowtype with read(),
 * handing it to cb(arg, &row) and fini()-ing it; stops early when cb
 * returns nonzero.  Sets rc on an SQLite error; resets st. */
#define WORK_EACH(db, st, rowtype, read, fini, cb, arg, err, rc) do { \
	rowtype row_; \
	int step_ = SQLITE_DONE, stop_ = 0; \
	while (!stop_ && (step_ = sqlite3_step(st)) == SQLITE_ROW) { \
		read((st), &row_); \
		stop_ = (cb)((arg), &row_); \
		fini(&row_); \
	} \
	if (!stop_ && step_ != SQLITE_DONE) \
		(rc) = db_error((db), step_, (err)); \
	db_done(st); \
} while (0)

/* Text column copied into a char[11] date ("" for NULL). */
#define db_col_date(st, i, buf) db_col_copy((st), (i), (buf), 11)

#endif
