/* Tier 2: db_summary against a fresh and a filled database. */
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"

#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/client.h"
#include "support/dbtest.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/db/summary.h"
#include "peerdesk/model/client.h"
#include "peerdesk/model/people.h"
#include "peerdesk/model/timesheet.h"

#define OK(call) do { \
	enum pd_status ok_ = (call); \
	ck_assert_msg(ok_ == PD_OK, "%s -> %s: %s", #call, \
	    pd_status_str(ok_), err.msg); \
} while (0)

START_TEST(test_empty)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct db_summary s;
	int i;

	memset(&s, 0x55, sizeof s);
	OK(db_summary(db, &s, &err));
	ck_assert_int_eq(s.clients, 0);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(s.clients_by_status[i], 0);
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(s.weeks_by_status[i], 0);
	ck_assert_int_eq(s.staff_active, 0);
	ck_assert_int_eq(s.pals_active, 0);
	ck_assert_int_eq(s.sessions, 0);
	ck_assert_int_eq(s.timesheet_lines, 0);
	ck_assert_int_eq(s.weeks, 0);
	ck_assert_int_eq(s.plans, 0);
	ck_assert_int_eq(s.assignments_active, 0);
	ck_assert_str_eq(s.first_session, "");
	ck_assert_str_eq(s.last_session, "");
	db_close(&db);
}
END_TEST

START_TEST(test_counts)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct db_summary s;
	struct client c;
	struct staff st;
	int64_t week1, week2, week3;

	dbfix_world(db, &w);
	dbfix_today("2026-03-01");
	/* Statuses: Ana active, Ben referred, Chloé closed, + one paused. */
	OK(db_client_get(db, w.ana, 0, &c, &err));
	c.status = CLIENT_ACTIVE;
	OK(db_client_update(db, &c, 0, &err));
	client_fini(&c);
	OK(db_client_get(db, w.chloe, 0, &c, &err));
	c.status = CLIENT_CLOSED;
	OK(db_client_update(db, &c, 0, &err));
	client_fini(&c);
	memset(&c, 0, sizeof c);
	c.name = xstrdup("Dan Okoro");
	c.status = CLIENT_PAUSED;
	OK(db_client_insert(db, &c, 0, &err));
	client_fini(&c);
	/* A third PAL who has left. */
	OK(db_staff_get(db, dbfix_pal(db, "old", "Old Hand"), &st, &err));
	st.active = 0;
	OK(db_staff_update(db, &st, &err));
	staff_fini(&st);
	/* Ana's assignment ended; a later one still open; one ending after
	 * today still counts. */
	dbfix_end(db, w.ana_sam, "2026-02-01");
	dbfix_assign(db, w.ana, w.jo, "2026-02-02");
	dbfix_end(db, dbfix_assign(db, w.chloe, w.sam, "2026-01-01"),
	    "2026-03-15");
	OK(dbtest_session(db, w.ana, w.sam, "2026-01-12", 60, NULL, &err));
	OK(dbtest_session(db, w.ana, w.jo, "2026-02-09", 90, NULL, &err));
	OK(dbtest_session(db, w.ben, w.jo, "2026-01-05", 120, NULL, &err));
	OK(dbtest_week(db, w.sam, "2026-01-05", "approved", &week1, &err));
	OK(dbtest_week(db, w.jo, "2026-01-05", "submitted", &week2, &err));
	OK(dbtest_week(db, w.jo, "2026-01-12", "open", &week3, &err));
	OK(dbtest_line(db, week1, w.sam, "2026-01-06", 30, &err));
	OK(dbtest_line(db, week2, w.jo, "2026-01-07", 45, &err));
	OK(dbtest_line(db, week2, w.jo, "2026-01-08", 15, &err));
	OK(dbtest_client_plan(db, w.ana, &err));

	OK(db_summary(db, &s, &err));
	ck_assert_int_eq(s.clients, 4);
	ck_assert_int_eq(s.clients_by_status[CLIENT_REFERRED], 1);
	ck_assert_int_eq(s.clients_by_status[CLIENT_INTAKE], 0);
	ck_assert_int_eq(s.clients_by_status[CLIENT_ACTIVE], 1);
	ck_assert_int_eq(s.clients_by_status[CLIENT_PAUSED], 1);
	ck_assert_int_eq(s.clients_by_status[CLIENT_CLOSED], 1);
	ck_assert_int_eq(s.staff_active, 4);
	ck_assert_int_eq(s.pals_active, 2);
	ck_assert_int_eq(s.sessions, 3);
	ck_assert_int_eq(s.timesheet_lines, 3);
	ck_assert_int_eq(s.weeks, 3);
	ck_assert_int_eq(s.weeks_by_status[WEEK_OPEN], 1);
	ck_assert_int_eq(s.weeks_by_status[WEEK_SUBMITTED], 1);
	ck_assert_int_eq(s.weeks_by_status[WEEK_APPROVED], 1);
	ck_assert_int_eq(s.weeks_by_status[WEEK_LOCKED], 0);
	ck_assert_int_eq(s.plans, 1);
	ck_assert_int_eq(s.assignments_active, 3);
	ck_assert_str_eq(s.first_session, "2026-01-05");
	ck_assert_str_eq(s.last_session, "2026-02-09");
	/* A different today changes what counts as active. */
	dbfix_today("2026-03-15");
	OK(db_summary(db, &s, &err));
	ck_assert_int_eq(s.assignments_active, 2);
	db_close(&db);
}
END_TEST

static Suite *
summary_suite(void)
{
	Suite *s = suite_create("db_summary");
	TCase *tc = tcase_create("summary");

	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_counts);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(summary_suite)
