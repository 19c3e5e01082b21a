/* dashboard.c - the dashboard's own small counts. */
#include "peerdesk/db/dashboard.h"

#include "db_priv.h"

static const char sql_weeks_waiting[] =
	"SELECT count(*) FROM timesheet_week WHERE status = 'submitted'";

enum pd_status
db_weeks_waiting(struct db *db, int *n, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_weeks_waiting, err);
	enum pd_status rc;

	*n = 0;
	if (st == NULL)
		return PD_DB;
	rc = db_step_row(db, st, err);
	if (rc == PD_OK)
		*n = (int)db_col_int(st, 0, 0);
	db_done(st);
	return rc;
}
