/* Tier 2: the query plans the benchmarks rely on (docs/performance.md),
 * and the rules migration 0006 rewrote.  Plans, not times: nothing here
 * depends on the speed of the machine. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "support/testlib.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"

static char *path;
static sqlite3 *h;

static void
setup(void)
{
	struct db *db = NULL;
	struct pd_err err;

	path = test_path("plans.db");
	ck_assert_int_eq(db_open(path, DB_OPEN_CREATE, &db, &err), PD_OK);
	db_close(&db);
	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
}

static void
teardown(void)
{
	sqlite3_close(h);
	free(path);
}

/* The EXPLAIN QUERY PLAN of sql, one detail per line. */
static void
plan_of(const char *sql, struct strbuf *out)
{
	sqlite3_stmt *st;
	char *q = xasprintf("EXPLAIN QUERY PLAN %s", sql);

	ck_assert_msg(sqlite3_prepare_v2(h, q, -1, &st, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(h));
	while (sqlite3_step(st) == SQLITE_ROW)
		strbuf_addf(out, "%s\n", (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	free(q);
}

static const struct {
	const char *sql;
	const char *want;	/* in the plan */
} plans[] = {
	/* an import: is this line already there (importlog.c, sql_twin)? */
	{ "SELECT l.id FROM timesheet_line l LEFT JOIN import_log i ON "
	  "i.id = l.import_id WHERE l.pal_id = 1 AND l.date = '2026-11-16' "
	  "AND l.minutes = 60 AND l.kind = 'admin' AND l.client_id IS NULL "
	  "AND coalesce(l.note, '') = ''",
	  "SEARCH l USING INDEX timesheet_line_" },
	/* and was this file imported before? */
	{ "SELECT id FROM import_log WHERE kind = 'timesheet' AND "
	  "content_hash = 'x' ORDER BY id DESC LIMIT 1",
	  "INDEX import_log_hash (kind=? AND content_hash=?)" },
	/* the dashboard, on every start */
	{ "SELECT count(*) FROM timesheet_week WHERE status = 'submitted'",
	  "USING COVERING INDEX timesheet_week_status (status=?)" },
	/* peerdesk summary */
	{ "SELECT status, count(*) FROM timesheet_week GROUP BY status",
	  "USING COVERING INDEX timesheet_week_status" },
	{ "SELECT (SELECT min(date) FROM session),"
	  " (SELECT max(date) FROM session)",
	  "SEARCH session USING COVERING INDEX session_date" },
	/* the weekly summary: one week of sessions and of lines */
	{ "SELECT pal_id, client_id, sum(minutes), count(*) FROM session"
	  " WHERE date BETWEEN '2026-11-16' AND '2026-11-22'"
	  " AND status = 'done' GROUP BY pal_id, client_id",
	  "USING COVERING INDEX session_date (date>? AND date<?)" },
	/* a PAL's booked sessions: My week, and the dashboard's count */
	{ "SELECT id FROM session WHERE pal_id = 7"
	  " AND date BETWEEN '2026-11-23' AND '2026-11-29'"
	  " AND status = 'booked'",
	  "INDEX session_booked (pal_id=? AND date>? AND date<?)" },
	{ "SELECT count(*) FROM session WHERE pal_id = 7"
	  " AND date <= '2026-11-25' AND status = 'booked'",
	  "INDEX session_booked (pal_id=? AND date<?)" },
	{ "SELECT pal_id, date, sum(minutes) FROM timesheet_line"
	  " WHERE date BETWEEN '2026-11-16' AND '2026-11-22'"
	  " GROUP BY date, pal_id",
	  "USING COVERING INDEX timesheet_line_date (date>? AND date<?)" },
};

START_TEST(test_plan)
{
	struct strbuf sb = STRBUF_INIT;

	plan_of(plans[_i].sql, &sb);
	ck_assert_msg(strstr(strbuf_str(&sb), plans[_i].want) != NULL,
	    "%s\nplan:\n%s\nwanted: %s", plans[_i].sql, strbuf_str(&sb),
	    plans[_i].want);
	/* nothing that grows with history is read from end to end */
	ck_assert_ptr_null(strstr(strbuf_str(&sb), "SCAN session"));
	ck_assert_ptr_null(strstr(strbuf_str(&sb), "SCAN timesheet_line"));
	strbuf_fini(&sb);
}
END_TEST

/* 0006 wrote the kind rule as a chain of "=": still only the six kinds,
 * and no temporary table to check it. */
START_TEST(test_line_kind_rule)
{
	static const char *const ok[] = { "session", "supervision",
	    "training", "travel", "shadowing", "admin" };
	sqlite3_stmt *st;
	char *sql;
	size_t i;
	int ephemeral = 0;

	ck_assert_int_eq(sqlite3_exec(h,
	    "INSERT INTO staff (login, name, role, created_at)"
	    " VALUES ('p', 'P', 'pal', 'now');"
	    "INSERT INTO timesheet_week (pal_id, week_start)"
	    " VALUES (1, '2026-11-16');", NULL, NULL, NULL), SQLITE_OK);
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		sql = xasprintf("INSERT INTO timesheet_line"
		    " (week_id, pal_id, date, minutes, kind, created_at)"
		    " VALUES (1, 1, '2026-11-16', 30, '%s', 'now')", ok[i]);
		ck_assert_msg(sqlite3_exec(h, sql, NULL, NULL, NULL) ==
		    SQLITE_OK, "%s: %s", ok[i], sqlite3_errmsg(h));
		free(sql);
	}
	ck_assert_int_eq(sqlite3_exec(h, "INSERT INTO timesheet_line"
	    " (week_id, pal_id, date, minutes, kind, created_at)"
	    " VALUES (1, 1, '2026-11-16', 30, 'Session', 'now')", NULL, NULL,
	    NULL), SQLITE_CONSTRAINT);
	ck_assert_int_eq(sqlite3_prepare_v2(h, "EXPLAIN INSERT INTO"
	    " timesheet_line (week_id, pal_id, date, minutes, kind, created_at)"
	    " VALUES (1, 1, '2026-11-16', 30, 'admin', 'now')", -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (strcmp((const char *)sqlite3_column_text(st, 1),
		    "OpenEphemeral") == 0)
			ephemeral = 1;
	sqlite3_finalize(st);
	ck_assert_int_eq(ephemeral, 0);
}
END_TEST

static Suite *
plans_suite(void)
{
	Suite *s = suite_create("db_plans");
	TCase *tc = tcase_create("plans");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_plan, 0, (int)(sizeof plans /
	    sizeof plans[0]));
	tcase_add_test(tc, test_line_kind_rule);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(plans_suite)
