/* dbtest_limits.c - test-only limits (see dbtest_limits.h). */
#include "support/dbtest_limits.h"

#include <stdio.h>

/* The one test file allowed into src/db's private header: fixtures insert
 * rows directly, skipping the rules the db_* functions keep. */
#include "../../src/db/db_priv.h"

enum pd_status
dbtest_fill_disk(struct db *db, int extra_pages, struct pd_err *err)
{
	sqlite3_stmt *st;
	int pages = 0;
	char sql[64];

	if (sqlite3_prepare_v2(db->h, "PRAGMA page_count", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_error(db, sqlite3_errcode(db->h), err);
	if (sqlite3_step(st) == SQLITE_ROW)
		pages = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %d",
	    pages + extra_pages);
	return db_exec_sql(db, sql, err);
}

enum pd_status
dbtest_refuse_writes(struct db *db, int on, struct pd_err *err)
{
	return db_exec_sql(db, on ? "PRAGMA query_only = ON" :
	    "PRAGMA query_only = OFF", err);
}
