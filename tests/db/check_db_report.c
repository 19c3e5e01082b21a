/* Tier 2: the weekly hours summary (every PAL, by login, rate bands)
 * and contracted against delivered. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"
#include "support/workfix.h"
#include "support/dbtest.h"
#include "peerdesk/db/assignment.h"
#include "peerdesk/db/report.h"
#include "peerdesk/db/session.h"
#include "peerdesk/db/timesheet.h"

static struct workfix F;
static int64_t dan, zed;

/* Week of Monday 2024-03-04.  Ann: a pay rise on Wednesday; Bob: one
 * rate; Cat: no lines; Dan: left (inactive) but has lines this week;
 * Zed: a new PAL with no rate and no lines; Gus: inactive, no lines;
 * Oli (office) is not a PAL. */
static void
setup(void)
{
	workfix_open(&F);
	zed = workfix_pal(F.db, "zed", "Zed Zane", 1);
	dan = workfix_pal(F.db, "dan", "Dan Dunn", 0);
	workfix_pal(F.db, "gus", "Gus Gray", 0);
	workfix_rate(F.db, F.ann, 1100, "2023-04-01");
	workfix_rate(F.db, F.ann, 1244, "2024-03-06");
	workfix_rate(F.db, F.bob, 1200, "2023-04-01");
	workfix_rate(F.db, dan, 1150, "2023-04-01");
}

static void
teardown(void)
{
	workfix_close(&F);
}

static int64_t
week(int64_t pal, const char *start)
{
	struct ts_week w;
	struct pd_err err;

	ck_assert_int_eq(db_week_get_or_create(F.db, pal, start, &w, &err),
	    PD_OK);
	return w.id;
}

static void
line(int64_t week_id, const char *date, int minutes, enum line_kind kind)
{
	struct ts_line l;
	struct pd_err err;

	memset(&l, 0, sizeof l);
	l.week_id = week_id;
	snprintf(l.date, sizeof l.date, "%s", date);
	l.minutes = minutes;
	l.kind = kind;
	ck_assert_int_eq(db_line_insert(F.db, &l, 0, &err), PD_OK);
}

struct rows {
	int n;
	char login[8][16];
	int64_t pal[8];
	int64_t week_id[8];
	enum week_status status[8];
	struct week_totals t[8];
	int stop_after;
};

static int
collect(void *arg, const struct report_row *row)
{
	struct rows *c = arg;

	ck_assert_int_lt(c->n, 8);
	snprintf(c->login[c->n], 16, "%s", row->login ? row->login : "");
	c->pal[c->n] = row->pal_id;
	c->week_id[c->n] = row->week_id;
	c->status[c->n] = row->week_status;
	c->t[c->n] = row->totals;
	c->n++;
	return c->stop_after > 0 && c->n >= c->stop_after;
}

static void
fill_week(void)
{
	struct ts_week w;
	struct pd_err err;
	int64_t ann = week(F.ann, "2024-03-04");
	int64_t bob = week(F.bob, "2024-03-04");
	int64_t d = week(dan, "2024-03-04");

	line(ann, "2024-03-04", 90, LINE_SESSION);
	line(ann, "2024-03-05", 60, LINE_SUPERVISION);
	line(ann, "2024-03-06", 120, LINE_SESSION);
	line(ann, "2024-03-06", 20, LINE_TRAVEL);
	line(ann, "2024-03-10", 30, LINE_ADMIN);
	line(bob, "2024-03-07", 45, LINE_TRAINING);
	line(bob, "2024-03-07", 45, LINE_SESSION);
	line(d, "2024-03-04", 60, LINE_SHADOWING);
	/* Neighbouring weeks stay out. */
	line(week(F.ann, "2024-02-26"), "2024-03-03", 500, LINE_SESSION);
	line(week(F.bob, "2024-03-11"), "2024-03-11", 500, LINE_SESSION);
	ck_assert_int_eq(db_week_get(F.db, ann, &w, &err), PD_OK);
	ck_assert_int_eq(db_week_set_status(F.db, &w, WEEK_SUBMITTED, F.ann,
	    &err), PD_OK);
}

START_TEST(test_report_rows)
{
	struct rows c;
	struct pd_err err;

	fill_week();
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_report_week(F.db, "2024-03-04", "2024-03-10",
	    collect, &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 5);
	ck_assert_str_eq(c.login[0], "ann");
	ck_assert_str_eq(c.login[1], "bob");
	ck_assert_str_eq(c.login[2], "cat");
	ck_assert_str_eq(c.login[3], "dan");
	ck_assert_str_eq(c.login[4], "zed");

	/* Ann: 1100 until Tuesday, 1244 from Wednesday. */
	ck_assert_int_eq(c.t[0].minutes, 320);
	ck_assert_int_eq(c.t[0].minutes_by_kind[LINE_SESSION], 210);
	ck_assert_int_eq(c.t[0].minutes_by_kind[LINE_SUPERVISION], 60);
	ck_assert_int_eq(c.t[0].minutes_by_kind[LINE_TRAVEL], 20);
	ck_assert_int_eq(c.t[0].minutes_by_kind[LINE_ADMIN], 30);
	ck_assert_int_eq(c.t[0].nbands, 2);
	ck_assert_int_eq(c.t[0].bands[0].rate_pence, 1100);
	ck_assert_int_eq(c.t[0].bands[0].minutes, 150);
	ck_assert_int_eq(c.t[0].bands[1].rate_pence, 1244);
	ck_assert_int_eq(c.t[0].bands[1].minutes, 170);
	ck_assert_int_gt(c.week_id[0], 0);
	ck_assert_int_eq(c.status[0], WEEK_SUBMITTED);

	ck_assert_int_eq(c.t[1].minutes, 90);
	ck_assert_int_eq(c.t[1].minutes_by_kind[LINE_TRAINING], 45);
	ck_assert_int_eq(c.t[1].nbands, 1);
	ck_assert_int_eq(c.t[1].bands[0].rate_pence, 1200);
	ck_assert_int_eq(c.status[1], WEEK_OPEN);

	/* Cat: a zero row, no week. */
	ck_assert_int_eq(c.pal[2], F.cat);
	ck_assert_int_eq(c.t[2].minutes, 0);
	ck_assert_int_eq(c.t[2].nbands, 0);
	ck_assert_int_eq(c.week_id[2], 0);

	/* Dan left but worked this week. */
	ck_assert_int_eq(c.t[3].minutes_by_kind[LINE_SHADOWING], 60);
	ck_assert_int_eq(c.t[3].bands[0].rate_pence, 1150);
	ck_assert_int_eq(c.pal[4], zed);
	ck_assert_int_eq(c.t[4].minutes, 0);
}
END_TEST

/* The summary agrees with db_week_totals for every PAL. */
START_TEST(test_report_matches_week_totals)
{
	struct rows c;
	struct week_totals t;
	struct pd_err err;
	int i, b;

	fill_week();
	/* Zed has no rate yet. */
	line(week(zed, "2024-03-04"), "2024-03-08", 35, LINE_ADMIN);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_report_week(F.db, "2024-03-04", "2024-03-10",
	    collect, &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 5);
	for (i = 0; i < c.n; i++) {
		ck_assert_int_eq(db_week_totals(F.db, c.pal[i], "2024-03-04",
		    "2024-03-10", &t, &err), PD_OK);
		ck_assert_int_eq(t.minutes, c.t[i].minutes);
		ck_assert_int_eq(t.nbands, c.t[i].nbands);
		for (b = 0; b < t.nbands; b++) {
			ck_assert_int_eq(t.bands[b].rate_pence,
			    c.t[i].bands[b].rate_pence);
			ck_assert_int_eq(t.bands[b].minutes,
			    c.t[i].bands[b].minutes);
		}
		for (b = 0; b < LINE_KINDS; b++)
			ck_assert_int_eq(t.minutes_by_kind[b],
			    c.t[i].minutes_by_kind[b]);
	}
	ck_assert_int_eq(c.t[4].bands[0].rate_pence, -1);
	ck_assert_int_eq(c.t[4].bands[0].minutes, 35);
}
END_TEST

START_TEST(test_report_empty_week_and_stop)
{
	struct rows c;
	struct pd_err err;

	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_report_week(F.db, "2024-03-04", "2024-03-10",
	    collect, &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 4);	/* ann, bob, cat, zed: all zero */
	ck_assert_str_eq(c.login[3], "zed");
	ck_assert_int_eq(c.t[0].minutes, 0);
	fill_week();
	memset(&c, 0, sizeof c);
	c.stop_after = 2;
	ck_assert_int_eq(db_report_week(F.db, "2024-03-04", "2024-03-10",
	    collect, &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 2);
}
END_TEST

/* The summary is one range search of the date index, never a scan. */
START_TEST(test_report_plan_uses_date_index)
{
	struct rows c;
	struct pd_err err;
	char plan[2048];
	int fullscan, sorts, steps, i;
	int64_t before = week(F.bob, "2024-02-26");

	fill_week();
	for (i = 0; i < 100; i++)	/* lines a scan would step through */
		line(before, "2024-02-27", 10, LINE_ADMIN);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_report_week(F.db, "2024-03-04", "2024-03-10",
	    collect, &c, &err), PD_OK);
	ck_assert_int_eq(dbtest_query_plan(F.db, "WITH g AS (SELECT pal_id",
	    plan, sizeof plan, &err), PD_OK);
	ck_assert_msg(strstr(plan,
	    "SEARCH timesheet_line USING COVERING INDEX timesheet_line_date")
	    != NULL, "plan:\n%s", plan);
	ck_assert_msg(strstr(plan, "SCAN timesheet_line") == NULL,
	    "plan:\n%s", plan);
	ck_assert_int_eq(dbtest_stmt_counters(F.db, "WITH g AS (SELECT pal_id",
	    &fullscan, &sorts, &steps, &err), PD_OK);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_report_week(F.db, "2024-03-04", "2024-03-10",
	    collect, &c, &err), PD_OK);
	ck_assert_int_eq(dbtest_stmt_counters(F.db, "WITH g AS (SELECT pal_id",
	    &fullscan, &sorts, &steps, &err), PD_OK);
	/* Only staff and the grouped rows are stepped through, never the
	 * lines of other weeks. */
	ck_assert_msg(fullscan < 30, "full-scan steps %d", fullscan);
}
END_TEST

struct deliveries {
	int n;
	int64_t assignment[8];
	int contracted[8], delivered[8], sessions[8];
	char client[8][16], worker[8][16];
};

static int
collect_delivery(void *arg, const struct delivery_row *row)
{
	struct deliveries *c = arg;

	c->assignment[c->n] = row->assignment_id;
	c->contracted[c->n] = row->contracted_minutes_per_week;
	c->delivered[c->n] = row->delivered_minutes;
	c->sessions[c->n] = row->sessions;
	snprintf(c->client[c->n], 16, "%s", row->client_name);
	snprintf(c->worker[c->n], 16, "%s", row->worker_name);
	c->n++;
	return 0;
}

static int64_t
assign(int64_t client, int64_t worker, const char *started, int minutes,
    const char *ended)
{
	struct assignment a;
	struct pd_err err;

	memset(&a, 0, sizeof a);
	a.client_id = client;
	a.worker_id = worker;
	snprintf(a.started_on, sizeof a.started_on, "%s", started);
	a.contracted_minutes_per_week = minutes;
	ck_assert_int_eq(db_assignment_insert(F.db, &a, &err), PD_OK);
	if (ended != NULL)
		ck_assert_int_eq(db_assignment_end(F.db, a.id, ended,
		    END_CHANGE_OF_PAL, NULL, F.manager, &err), PD_OK);
	return a.id;
}

static void
session(int64_t client, int64_t pal, const char *date, int minutes,
    int booked)
{
	struct session s;
	struct pd_err err;

	memset(&s, 0, sizeof s);
	s.client_id = client;
	s.pal_id = pal;
	snprintf(s.date, sizeof s.date, "%s", date);
	s.minutes = minutes;
	s.booked = booked;
	ck_assert_int_eq(db_session_insert(F.db, &s, pal, &err), PD_OK);
}

START_TEST(test_contracted_vs_delivered)
{
	struct deliveries c;
	struct pd_err err;
	int64_t dee_ann = assign(F.dee, F.ann, "2024-01-10", 120, NULL);
	int64_t dee_mia = assign(F.dee, F.manager, "2024-01-10", 30, NULL);
	int64_t eve_bob = assign(F.eve, F.bob, "2024-02-01", -1, NULL);

	assign(F.fay, F.ann, "2023-06-01", 60, "2024-03-04");	/* ended */
	assign(F.fay, F.cat, "2024-03-11", 60, NULL);	/* not yet */
	session(F.dee, F.ann, "2024-03-05", 60, 0);
	session(F.dee, F.ann, "2024-03-08", 45, 0);
	session(F.dee, F.ann, "2024-03-09", 60, 1);	/* booked */
	session(F.dee, F.ann, "2024-03-11", 60, 0);	/* next week */
	session(F.eve, F.ann, "2024-03-05", 30, 0);	/* not her client */
	session(F.dee, F.manager, "2024-03-06", 30, 0);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_contracted_vs_delivered(F.db, "2024-03-04",
	    "2024-03-10", collect_delivery, &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 3);
	ck_assert_int_eq(c.assignment[0], dee_ann);
	ck_assert_str_eq(c.worker[0], "Ann Able");
	ck_assert_int_eq(c.contracted[0], 120);
	ck_assert_int_eq(c.delivered[0], 105);
	ck_assert_int_eq(c.sessions[0], 2);
	ck_assert_int_eq(c.assignment[1], dee_mia);
	ck_assert_int_eq(c.delivered[1], 30);
	ck_assert_int_eq(c.assignment[2], eve_bob);
	ck_assert_str_eq(c.client[2], "Eve Ellis");
	ck_assert_int_eq(c.contracted[2], -1);
	ck_assert_int_eq(c.delivered[2], 0);
	ck_assert_int_eq(c.sessions[2], 0);
}
END_TEST

static Suite *
db_report_suite(void)
{
	Suite *s = suite_create("db_report");
	TCase *tc = tcase_create("report");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_report_rows);
	tcase_add_test(tc, test_report_matches_week_totals);
	tcase_add_test(tc, test_report_empty_week_and_stop);
	tcase_add_test(tc, test_report_plan_uses_date_index);
	tcase_add_test(tc, test_contracted_vs_delivered);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(db_report_suite)
