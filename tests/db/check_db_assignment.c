/* Tier 2: assignments - insert, read, change, end, and lists of the
 * active ones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"
#include "support/workfix.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/assignment.h"
#include "peerdesk/db/shortlist.h"

static struct workfix F;

static void
setup(void)
{
	workfix_open(&F);
}

static void
teardown(void)
{
	workfix_close(&F);
}

static int64_t
assign(int64_t client, int64_t worker, const char *started)
{
	struct assignment a;
	struct pd_err err;

	memset(&a, 0, sizeof a);
	a.client_id = client;
	a.worker_id = worker;
	snprintf(a.started_on, sizeof a.started_on, "%s", started);
	memcpy(a.review_due_on, "2024-03-11", 11);
	memcpy(a.review_overdue_on, "2024-03-25", 11);
	a.contracted_minutes_per_week = 120;
	a.created_by = F.office;
	ck_assert_int_eq(db_assignment_insert(F.db, &a, &err), PD_OK);
	ck_assert_int_eq(a.version, 1);
	return a.id;
}

START_TEST(test_insert_get_update)
{
	struct assignment a, stale;
	struct shortlist_entry e;
	struct pd_err err;
	int64_t id;

	memset(&e, 0, sizeof e);
	e.client_id = F.dee;
	e.pal_id = F.ann;
	ck_assert_int_eq(db_shortlist_insert(F.db, &e, &err), PD_OK);
	memset(&a, 0, sizeof a);
	a.client_id = F.dee;
	a.worker_id = F.ann;
	a.shortlist_id = e.id;
	memcpy(a.started_on, "2024-02-12", 11);
	memcpy(a.review_due_on, "2024-03-11", 11);
	memcpy(a.review_overdue_on, "2024-03-25", 11);
	a.contracted_minutes_per_week = -1;
	a.override_reason = xstrdup("Plan still with the social worker");
	a.created_by = F.office;
	ck_assert_int_eq(db_assignment_insert(F.db, &a, &err), PD_OK);
	id = a.id;
	assignment_fini(&a);

	ck_assert_int_eq(db_assignment_get(F.db, id, &a, &err), PD_OK);
	ck_assert_int_eq(a.client_id, F.dee);
	ck_assert_str_eq(a.client_name, "Dee Dale");
	ck_assert_str_eq(a.worker_name, "Ann Able");
	ck_assert_int_eq(a.shortlist_id, e.id);
	ck_assert_str_eq(a.started_on, "2024-02-12");
	ck_assert_int_eq(a.contracted_minutes_per_week, -1);
	ck_assert_str_eq(a.review_due_on, "2024-03-11");
	ck_assert_str_eq(a.review_overdue_on, "2024-03-25");
	ck_assert_str_eq(a.reviewed_on, "");
	ck_assert_str_eq(a.ended_on, "");
	ck_assert_int_eq(a.end_kind, END_NONE);
	ck_assert_str_eq(a.override_reason,
	    "Plan still with the social worker");
	ck_assert_int_eq(a.created_by, F.office);
	ck_assert_int_eq(db_assignment_get(F.db, id, &stale, &err), PD_OK);

	a.contracted_minutes_per_week = 150;
	memcpy(a.review_due_on, "2024-03-18", 11);
	ck_assert_int_eq(db_assignment_update(F.db, &a, &err), PD_OK);
	ck_assert_int_eq(a.version, 2);
	ck_assert_int_eq(db_assignment_update(F.db, &stale, &err), PD_CONFLICT);
	assignment_fini(&a);
	ck_assert_int_eq(db_assignment_get(F.db, id, &a, &err), PD_OK);
	ck_assert_int_eq(a.contracted_minutes_per_week, 150);
	ck_assert_str_eq(a.review_due_on, "2024-03-18");
	assignment_fini(&a);
	stale.id = 999;
	ck_assert_int_eq(db_assignment_update(F.db, &stale, &err),
	    PD_NOT_FOUND);
	assignment_fini(&stale);
	shortlist_entry_fini(&e);
	ck_assert_int_eq(db_assignment_get(F.db, 999, &a, &err), PD_NOT_FOUND);

	memset(&a, 0, sizeof a);
	a.client_id = F.dee;
	a.worker_id = 999;
	memcpy(a.started_on, "2024-02-12", 11);
	ck_assert_int_eq(db_assignment_insert(F.db, &a, &err), PD_NOT_FOUND);
}
END_TEST

START_TEST(test_end)
{
	struct assignment a;
	struct pd_err err;
	int64_t id = assign(F.dee, F.ann, "2024-01-10");

	ck_assert_int_eq(db_assignment_end(F.db, id, "2024-03-01", END_NONE,
	    NULL, F.manager, &err), PD_INVALID);
	ck_assert_int_eq(db_assignment_end(F.db, id, "2024-03-01",
	    END_CHANGE_OF_PAL, "Dee asked for someone who drives", F.manager,
	    &err), PD_OK);
	ck_assert_int_eq(db_assignment_get(F.db, id, &a, &err), PD_OK);
	ck_assert_str_eq(a.ended_on, "2024-03-01");
	ck_assert_int_eq(a.end_kind, END_CHANGE_OF_PAL);
	ck_assert_str_eq(a.end_reason, "Dee asked for someone who drives");
	ck_assert_int_eq(a.ended_by, F.manager);
	ck_assert_int_eq(a.version, 2);
	assignment_fini(&a);
	ck_assert_int_eq(db_assignment_end(F.db, id, "2024-03-02",
	    END_COMPLETED, NULL, F.manager, &err), PD_CONFLICT);
	ck_assert_ptr_nonnull(strstr(err.msg, "2024-03-01"));
	ck_assert_int_eq(db_assignment_end(F.db, 999, "2024-03-02",
	    END_COMPLETED, NULL, F.manager, &err), PD_NOT_FOUND);
}
END_TEST

struct ids {
	int n;
	int64_t id[8];
};

static int
collect(void *arg, const struct assignment *row)
{
	struct ids *c = arg;

	c->id[c->n++] = row->id;
	return 0;
}

START_TEST(test_lists_active_only)
{
	struct ids c;
	struct pd_err err;
	int64_t a1 = assign(F.dee, F.ann, "2024-01-10");
	int64_t a2 = assign(F.dee, F.bob, "2023-11-01");
	int64_t a3 = assign(F.eve, F.ann, "2024-02-01");
	int64_t a4 = assign(F.fay, F.ann, "2023-01-01");

	ck_assert_int_eq(db_assignment_end(F.db, a2, "2024-01-09",
	    END_CHANGE_OF_PAL, NULL, F.manager, &err), PD_OK);
	ck_assert_int_eq(db_assignment_end(F.db, a4, "2024-03-10",
	    END_COMPLETED, NULL, F.manager, &err), PD_OK);	/* future */

	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_assignment_list_for_client(F.db, F.dee, 0, collect,
	    &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 2);
	ck_assert_int_eq(c.id[0], a2);	/* oldest first */
	ck_assert_int_eq(c.id[1], a1);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_assignment_list_for_client(F.db, F.dee, 1, collect,
	    &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 1);
	ck_assert_int_eq(c.id[0], a1);

	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_assignment_list_for_worker(F.db, F.ann, 1, collect,
	    &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 3);	/* Fay's ends after today */
	ck_assert_int_eq(c.id[0], a1);	/* by client name: Dee, Eve, Fay */
	ck_assert_int_eq(c.id[1], a3);
	ck_assert_int_eq(c.id[2], a4);
	dbfix_today("2024-03-10");
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_assignment_list_for_worker(F.db, F.ann, 1, collect,
	    &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 2);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_assignment_list_for_worker(F.db, F.bob, 1, collect,
	    &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 0);
}
END_TEST

static Suite *
db_assignment_suite(void)
{
	Suite *s = suite_create("db_assignment");
	TCase *tc = tcase_create("assignment");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_insert_get_update);
	tcase_add_test(tc, test_end);
	tcase_add_test(tc, test_lists_active_only);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(db_assignment_suite)
