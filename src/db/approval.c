/* approval.c - timesheet weeks waiting for approval. */
#include "peerdesk/db/approval.h"

#include <stdlib.h>
#include <string.h>

#include "db_priv.h"

static const char sql_week_waiting[] =
	"SELECT w.id, w.pal_id, w.week_start, w.submitted_at, w.submitted_by,"
	" w.version, s.login, s.name,"
	" (SELECT coalesce(sum(l.minutes), 0) FROM timesheet_line l"
	"  WHERE l.week_id = w.id),"
	" (SELECT count(*) FROM timesheet_line l WHERE l.week_id = w.id)"
	" FROM timesheet_week w JOIN staff s ON s.id = w.pal_id"
	" WHERE w.status = 'submitted'"
	" ORDER BY w.week_start, s.login, s.name, w.id";

enum pd_status
db_week_waiting(struct db *db,
    int (*cb)(void *arg, const struct approval_row *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_week_waiting, err);
	struct approval_row row;
	int step = SQLITE_DONE, stop = 0;
	char *login, *name;

	if (st == NULL)
		return PD_DB;
	while (!stop && (step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof row);
		row.week.id = db_col_int(st, 0, 0);
		row.week.pal_id = db_col_int(st, 1, 0);
		db_col_copy(st, 2, row.week.week_start,
		    sizeof row.week.week_start);
		row.week.status = WEEK_SUBMITTED;
		db_col_copy(st, 3, row.week.submitted_at,
		    sizeof row.week.submitted_at);
		row.week.submitted_by = db_col_int(st, 4, 0);
		row.week.version = (int)db_col_int(st, 5, 1);
		login = db_col_str(st, 6);
		name = db_col_str(st, 7);
		row.pal_login = login;
		row.pal_name = name;
		row.minutes = (int)db_col_int(st, 8, 0);
		row.lines = (int)db_col_int(st, 9, 0);
		stop = cb(arg, &row);
		free(login);
		free(name);
	}
	return db_end(db, st, step, err);
}
