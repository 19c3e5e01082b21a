/* Tier 2: reviews - recording one marks the assignment reviewed and
 * clears its reminder; lists; refusals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"
#include "support/workfix.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/assignment.h"
#include "peerdesk/db/reminder.h"
#include "peerdesk/db/review.h"

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
	ck_assert_int_eq(db_assignment_insert(F.db, &a, &err), PD_OK);
	return a.id;
}

struct ids {
	int n;
	int64_t id[8];
};

static int
count_reviews_due(void *arg, const struct reminder *row)
{
	int *n = arg;

	if (row->kind == REMIND_REVIEW_DUE || row->kind == REMIND_REVIEW_OVERDUE
	    || row->kind == REMIND_REVIEW_UPCOMING)
		(*n)++;
	return 0;
}

static int
collect_review(void *arg, const struct review *row)
{
	struct ids *c = arg;

	c->id[c->n++] = row->id;
	return 0;
}

START_TEST(test_review_clears_reminder)
{
	struct reminder_query q = {
		.today = "2024-03-12", .horizon_days = 30, .upcoming_days = 7,
		.supervision_weeks = 0, .scope_pal = 0
	};
	struct review r, r2;
	struct assignment a;
	struct ids c;
	struct pd_err err;
	int n = 0;
	int64_t id = assign(F.dee, F.ann, "2024-02-12");

	ck_assert_int_eq(db_reminders(F.db, &q, count_reviews_due, &n, &err),
	    PD_OK);
	ck_assert_int_eq(n, 1);

	memset(&r, 0, sizeof r);
	r.assignment_id = id;
	memcpy(r.held_on, "2024-03-12", 11);
	r.participants = xstrdup("Dee, Ann, Mia");
	r.outcome = OUTCOME_CONTINUE;
	r.notes = xstrdup("All going well; more walks");
	r.recorded_by = F.manager;
	ck_assert_int_eq(db_review_insert(F.db, &r, &err), PD_OK);
	ck_assert_int_gt(r.id, 0);
	ck_assert_int_eq(strlen(r.created_at), 20);
	ck_assert_int_eq(db_assignment_get(F.db, id, &a, &err), PD_OK);
	ck_assert_str_eq(a.reviewed_on, "2024-03-12");
	ck_assert_int_eq(a.version, 2);
	assignment_fini(&a);
	n = 0;
	ck_assert_int_eq(db_reminders(F.db, &q, count_reviews_due, &n, &err),
	    PD_OK);
	ck_assert_int_eq(n, 0);

	/* An earlier review recorded late does not move reviewed_on back. */
	memset(&r2, 0, sizeof r2);
	r2.assignment_id = id;
	memcpy(r2.held_on, "2024-03-05", 11);
	r2.outcome = OUTCOME_CHANGE_REQUESTED;
	ck_assert_int_eq(db_review_insert(F.db, &r2, &err), PD_OK);
	ck_assert_int_eq(db_assignment_get(F.db, id, &a, &err), PD_OK);
	ck_assert_str_eq(a.reviewed_on, "2024-03-12");
	assignment_fini(&a);

	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_review_list(F.db, id, collect_review, &c, &err),
	    PD_OK);
	ck_assert_int_eq(c.n, 2);
	ck_assert_int_eq(c.id[0], r2.id);	/* by date held */
	ck_assert_int_eq(c.id[1], r.id);

	r2.assignment_id = 999;
	ck_assert_int_eq(db_review_insert(F.db, &r2, &err), PD_NOT_FOUND);
	r2.assignment_id = id;
	r2.outcome = (enum review_outcome)9;
	ck_assert_int_eq(db_review_insert(F.db, &r2, &err), PD_INVALID);
	ck_assert_int_eq(dbfix_count(F.db, "review"), 2);
	review_fini(&r);
	review_fini(&r2);
}
END_TEST

static Suite *
db_review_suite(void)
{
	Suite *s = suite_create("db_review");
	TCase *tc = tcase_create("review");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_review_clears_reminder);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(db_review_suite)
