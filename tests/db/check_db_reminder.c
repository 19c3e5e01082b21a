/* Tier 2: reminders - each kind at its boundaries, order, and scope. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"
#include "support/workfix.h"
#include "peerdesk/db/assignment.h"
#include "peerdesk/db/reminder.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/review.h"

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

struct got {
	int n;
	enum reminder_kind kind[16];
	char due[16][11];
	int64_t client[16], pal[16], ref[16];
	char client_name[16][32], pal_name[16][32];
};

static int
collect(void *arg, const struct reminder *row)
{
	struct got *g = arg;

	ck_assert_int_lt(g->n, 16);
	g->kind[g->n] = row->kind;
	memcpy(g->due[g->n], row->due_on, 11);
	g->client[g->n] = row->client_id;
	g->pal[g->n] = row->pal_id;
	g->ref[g->n] = row->ref_id;
	snprintf(g->client_name[g->n], 32, "%s",
	    row->client_name ? row->client_name : "");
	snprintf(g->pal_name[g->n], 32, "%s",
	    row->pal_name ? row->pal_name : "");
	g->n++;
	return 0;
}

static void
run(const char *today, int64_t scope, int supervision_weeks, struct got *g)
{
	struct reminder_query q = {
		.today = today, .horizon_days = 30, .upcoming_days = 7,
		.supervision_weeks = supervision_weeks, .scope_pal = scope
	};
	struct pd_err err;

	memset(g, 0, sizeof *g);
	ck_assert_int_eq(db_reminders(F.db, &q, collect, g, &err), PD_OK);
}

/* First meeting 2024-01-01; the window opens on day 28 (2024-01-29) and
 * is overdue from day 42 (2024-02-12). */
static int64_t
assign(int64_t client, int64_t worker)
{
	struct assignment a;
	struct pd_err err;

	memset(&a, 0, sizeof a);
	a.client_id = client;
	a.worker_id = worker;
	memcpy(a.started_on, "2024-01-01", 11);
	memcpy(a.review_due_on, "2024-01-29", 11);
	memcpy(a.review_overdue_on, "2024-02-12", 11);
	a.contracted_minutes_per_week = 120;
	ck_assert_int_eq(db_assignment_insert(F.db, &a, &err), PD_OK);
	return a.id;
}

static const struct {
	int day;
	const char *today;
	int expect;	/* enum reminder_kind, or -1 for none */
	const char *due;
} review_cases[] = {
	{ 20, "2024-01-21", -1, NULL },
	{ 21, "2024-01-22", REMIND_REVIEW_UPCOMING, "2024-01-29" },
	{ 27, "2024-01-28", REMIND_REVIEW_UPCOMING, "2024-01-29" },
	{ 28, "2024-01-29", REMIND_REVIEW_DUE, "2024-01-29" },
	{ 41, "2024-02-11", REMIND_REVIEW_DUE, "2024-01-29" },
	{ 42, "2024-02-12", REMIND_REVIEW_OVERDUE, "2024-02-12" },
	{ 60, "2024-03-01", REMIND_REVIEW_OVERDUE, "2024-02-12" },
};

/* The query and model/review.c agree on every case. */
static int
model_kind(const char *today)
{
	pd_date t, due, overdue;

	ck_assert_int_eq(date_parse(today, &t, NULL), PD_OK);
	ck_assert_int_eq(date_parse("2024-01-29", &due, NULL), PD_OK);
	ck_assert_int_eq(date_parse("2024-02-12", &overdue, NULL), PD_OK);
	switch (review_state(t, due, overdue, 7, 0)) {
	case REVIEW_UPCOMING:
		return REMIND_REVIEW_UPCOMING;
	case REVIEW_DUE:
		return REMIND_REVIEW_DUE;
	case REVIEW_OVERDUE:
		return REMIND_REVIEW_OVERDUE;
	default:
		return -1;
	}
}

START_TEST(test_review_boundaries)
{
	struct got g;
	int64_t id = assign(F.dee, F.ann);

	ck_assert_int_eq(model_kind(review_cases[_i].today),
	    review_cases[_i].expect);
	run(review_cases[_i].today, 0, 0, &g);
	if (review_cases[_i].expect < 0) {
		ck_assert_msg(g.n == 0, "day %d: expected nothing",
		    review_cases[_i].day);
		return;
	}
	ck_assert_msg(g.n == 1, "day %d: %d reminders", review_cases[_i].day,
	    g.n);
	ck_assert_int_eq(g.kind[0], review_cases[_i].expect);
	ck_assert_str_eq(g.due[0], review_cases[_i].due);
	ck_assert_int_eq(g.client[0], F.dee);
	ck_assert_str_eq(g.client_name[0], "Dee Dale");
	ck_assert_int_eq(g.pal[0], F.ann);
	ck_assert_str_eq(g.pal_name[0], "Ann Able");
	ck_assert_int_eq(g.ref[0], id);
}
END_TEST

START_TEST(test_review_only_open_assignments)
{
	struct got g;
	struct pd_err err;
	int64_t ended = assign(F.dee, F.ann);
	int64_t later = assign(F.eve, F.ann);

	assign(F.fay, F.ann);
	ck_assert_int_eq(db_assignment_end(F.db, ended, "2024-02-01",
	    END_CLIENT_LEFT, NULL, F.manager, &err), PD_OK);
	ck_assert_int_eq(db_assignment_end(F.db, later, "2024-03-01",
	    END_COMPLETED, NULL, F.manager, &err), PD_OK);
	run("2024-02-20", 0, 0, &g);
	ck_assert_int_eq(g.n, 2);	/* Eve's ends later; Fay's */
	ck_assert_str_eq(g.client_name[0], "Eve Ellis");
	ck_assert_str_eq(g.client_name[1], "Fay Ford");
	run("2024-03-01", 0, 0, &g);
	ck_assert_int_eq(g.n, 1);
	ck_assert_str_eq(g.client_name[0], "Fay Ford");
}
END_TEST

static const struct {
	const char *recheck;
	int expect;
} dbs_cases[] = {
	{ "2024-02-01", 1 },	/* already past */
	{ "2024-03-04", 1 },	/* today */
	{ "2024-04-03", 1 },	/* today + 30 */
	{ "2024-04-04", 0 },	/* today + 31 */
};

START_TEST(test_dbs_horizon)
{
	struct got g;
	workfix_dbs(F.db, F.bob, "2021-04-03", dbs_cases[_i].recheck);
	run("2024-03-04", 0, 0, &g);
	ck_assert_int_eq(g.n, dbs_cases[_i].expect);
	if (g.n == 1) {
		ck_assert_int_eq(g.kind[0], REMIND_DBS);
		ck_assert_str_eq(g.due[0], dbs_cases[_i].recheck);
		ck_assert_int_eq(g.pal[0], F.bob);
		ck_assert_str_eq(g.pal_name[0], "Bob Brown");
		ck_assert_int_eq(g.client[0], 0);
		ck_assert_int_eq(g.ref[0], 1);	/* the only certificate */
	}
}
END_TEST

START_TEST(test_dbs_latest_and_active_only)
{
	struct got g;

	/* Ann renewed: only the newest certificate counts. */
	workfix_dbs(F.db, F.ann, "2021-03-01", "2024-03-01");
	workfix_dbs(F.db, F.ann, "2024-02-20", "2027-02-20");
	/* Cat has left; an inactive PAL is not reminded either. */
	workfix_dbs(F.db, F.cat, "2021-03-01", "2024-03-01");
	workfix_pal_left(F.db, F.cat, "2024-03-01");
	workfix_dbs(F.db, workfix_pal(F.db, "gus", "Gus Gone", 0),
	    "2021-03-01", "2024-03-01");
	run("2024-03-04", 0, 0, &g);
	ck_assert_int_eq(g.n, 0);
	/* Cat leaving in the future is still reminded. */
	workfix_pal_left(F.db, F.cat, "2024-03-31");
	run("2024-03-04", 0, 0, &g);
	ck_assert_int_eq(g.n, 1);
	ck_assert_int_eq(g.pal[0], F.cat);
}
END_TEST

/* Eight weeks: the cut-off is 2024-03-04 - 56 days = 2024-01-08. */
static const struct {
	const char *last;	/* NULL = never */
	int expect;
	const char *due;
} supervision_cases[] = {
	{ "2024-01-09", 0, NULL },
	{ "2024-01-08", 0, NULL },	/* exactly eight weeks: not older */
	{ "2024-01-07", 1, "2024-03-03" },
	{ "2023-06-01", 1, "2023-07-27" },
	{ NULL, 1, "" },
};

START_TEST(test_supervision_boundaries)
{
	struct got g;
	int i, found = -1;

	/* Ann and Cat were supervised last week. */
	workfix_supervision(F.db, F.ann, "2024-02-26");
	workfix_supervision(F.db, F.cat, "2024-02-26");
	if (supervision_cases[_i].last != NULL) {
		workfix_supervision(F.db, F.bob, "2023-01-01");	/* older */
		workfix_supervision(F.db, F.bob, supervision_cases[_i].last);
	}
	run("2024-03-04", 0, 8, &g);
	for (i = 0; i < g.n; i++) {
		ck_assert_int_eq(g.kind[i], REMIND_SUPERVISION);
		ck_assert_int_eq(g.pal[i], F.bob);
		found = i;
	}
	ck_assert_int_eq(g.n, supervision_cases[_i].expect);
	if (found >= 0)
		ck_assert_str_eq(g.due[found], supervision_cases[_i].due);
	/* Weeks 0: no supervision reminders at all. */
	run("2024-03-04", 0, 0, &g);
	ck_assert_int_eq(g.n, 0);
}
END_TEST

START_TEST(test_funding)
{
	struct got g;
	int64_t closed = workfix_closed_client(F.db, "Hal Hale");
	int64_t due = workfix_funding(F.db, F.dee, "2024-04-03", NULL);
	int64_t past = workfix_funding(F.db, F.eve, "2024-02-01", "2024-12-31");

	workfix_funding(F.db, F.fay, "2024-04-04", NULL);	/* too far */
	workfix_funding(F.db, closed, "2024-03-10", NULL);	/* closed */
	/* Ended funding is not reviewed. */
	workfix_funding(F.db, F.fay, "2024-03-10", "2024-03-01");
	workfix_funding(F.db, F.fay, NULL, NULL);	/* no review date */
	run("2024-03-04", 0, 0, &g);
	ck_assert_int_eq(g.n, 2);
	ck_assert_int_eq(g.kind[0], REMIND_FUNDING);
	ck_assert_int_eq(g.ref[0], past);
	ck_assert_str_eq(g.due[0], "2024-02-01");
	ck_assert_int_eq(g.client[0], F.eve);
	ck_assert_int_eq(g.pal[0], 0);
	ck_assert_int_eq(g.ref[1], due);
	ck_assert_str_eq(g.client_name[1], "Dee Dale");
}
END_TEST

/* One of each, in date order; then what Ann alone gets. */
START_TEST(test_all_kinds_ordered_and_scoped)
{
	struct got g;
	int i;

	assign(F.dee, F.ann);			/* due 2024-01-29 */
	assign(F.eve, F.bob);			/* Bob's client */
	workfix_dbs(F.db, F.ann, "2021-02-01", "2024-02-15");
	workfix_dbs(F.db, F.bob, "2021-02-01", "2024-02-16");
	workfix_supervision(F.db, F.ann, "2023-12-01");	/* due 2024-01-26 */
	workfix_supervision(F.db, F.bob, "2024-02-01");
	workfix_supervision(F.db, F.cat, "2024-02-01");
	workfix_funding(F.db, F.dee, "2024-02-20", NULL);
	workfix_funding(F.db, F.eve, "2024-02-21", NULL);
	run("2024-02-05", 0, 8, &g);
	ck_assert_int_eq(g.n, 7);
	ck_assert_int_eq(g.kind[0], REMIND_SUPERVISION);
	ck_assert_str_eq(g.due[0], "2024-01-26");
	ck_assert_int_eq(g.kind[1], REMIND_REVIEW_DUE);
	ck_assert_str_eq(g.client_name[1], "Dee Dale");
	ck_assert_int_eq(g.kind[2], REMIND_REVIEW_DUE);
	ck_assert_str_eq(g.client_name[2], "Eve Ellis");
	ck_assert_int_eq(g.kind[3], REMIND_DBS);
	ck_assert_int_eq(g.pal[3], F.ann);
	ck_assert_int_eq(g.kind[4], REMIND_DBS);
	ck_assert_int_eq(g.kind[5], REMIND_FUNDING);
	ck_assert_int_eq(g.client[5], F.dee);
	ck_assert_int_eq(g.kind[6], REMIND_FUNDING);
	for (i = 1; i < g.n; i++)
		ck_assert_str_le(g.due[i - 1], g.due[i]);

	/* Ann: her review, DBS, supervision and Dee's funding - nothing of
	 * Bob's or about Eve. */
	run("2024-02-05", F.ann, 8, &g);
	ck_assert_int_eq(g.n, 4);
	for (i = 0; i < g.n; i++) {
		ck_assert_int_ne(g.client[i], F.eve);
		ck_assert_int_ne(g.pal[i], F.bob);
	}
	ck_assert_int_eq(g.kind[3], REMIND_FUNDING);
	ck_assert_int_eq(g.client[3], F.dee);
	/* Cat has no clients, no DBS row, and recent supervision. */
	run("2024-02-05", F.cat, 8, &g);
	ck_assert_int_eq(g.n, 0);
}
END_TEST

static Suite *
db_reminder_suite(void)
{
	Suite *s = suite_create("db_reminder");
	TCase *tc = tcase_create("reminder");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_review_boundaries, 0,
	    (int)(sizeof review_cases / sizeof review_cases[0]));
	tcase_add_test(tc, test_review_only_open_assignments);
	tcase_add_loop_test(tc, test_dbs_horizon, 0,
	    (int)(sizeof dbs_cases / sizeof dbs_cases[0]));
	tcase_add_test(tc, test_dbs_latest_and_active_only);
	tcase_add_loop_test(tc, test_supervision_boundaries, 0,
	    (int)(sizeof supervision_cases / sizeof supervision_cases[0]));
	tcase_add_test(tc, test_funding);
	tcase_add_test(tc, test_all_kinds_ordered_and_scoped);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(db_reminder_suite)
