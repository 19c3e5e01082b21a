/* Tier 2: timesheet weeks and lines, status changes, and the totals by
 * kind and by the pay rate in force. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"
#include "support/workfix.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/session.h"
#include "peerdesk/db/timesheet.h"

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
add_line(int64_t week, const char *date, int minutes, enum line_kind kind)
{
	struct ts_line l;
	struct pd_err err;

	memset(&l, 0, sizeof l);
	l.week_id = week;
	snprintf(l.date, sizeof l.date, "%s", date);
	l.minutes = minutes;
	l.kind = kind;
	ck_assert_int_eq(db_line_insert(F.db, &l, 0, &err), PD_OK);
	return l.id;
}

START_TEST(test_week_get_or_create_idempotent)
{
	struct ts_week a, b, c;
	struct pd_err err;

	ck_assert_int_eq(db_week_get_or_create(F.db, F.ann, "2024-03-04", &a,
	    &err), PD_OK);
	ck_assert_int_gt(a.id, 0);
	ck_assert_int_eq(a.pal_id, F.ann);
	ck_assert_str_eq(a.week_start, "2024-03-04");
	ck_assert_int_eq(a.status, WEEK_OPEN);
	ck_assert_int_eq(a.version, 1);
	ck_assert_str_eq(a.submitted_at, "");
	ck_assert_int_eq(db_week_get_or_create(F.db, F.ann, "2024-03-04", &b,
	    &err), PD_OK);
	ck_assert_int_eq(b.id, a.id);
	ck_assert_int_eq(dbfix_count(F.db, "timesheet_week"), 1);
	ck_assert_int_eq(db_week_get_or_create(F.db, F.bob, "2024-03-04", &c,
	    &err), PD_OK);
	ck_assert_int_ne(c.id, a.id);
	ck_assert_int_eq(db_week_get(F.db, a.id, &b, &err), PD_OK);
	ck_assert_str_eq(b.week_start, "2024-03-04");
	ck_assert_int_eq(db_week_get(F.db, 999, &b, &err), PD_NOT_FOUND);
	ck_assert_int_eq(db_week_get_or_create(F.db, 999, "2024-03-04", &c,
	    &err), PD_NOT_FOUND);
}
END_TEST

START_TEST(test_week_status_transitions)
{
	struct ts_week w, stale;
	struct pd_err err;

	ck_assert_int_eq(db_week_get_or_create(F.db, F.ann, "2024-03-04", &w,
	    &err), PD_OK);
	stale = w;
	ck_assert_int_eq(db_week_set_status(F.db, &w, WEEK_SUBMITTED, F.ann,
	    &err), PD_OK);
	ck_assert_int_eq(w.status, WEEK_SUBMITTED);
	ck_assert_int_eq(w.version, 2);
	ck_assert_int_eq(w.submitted_by, F.ann);
	ck_assert_int_eq(strlen(w.submitted_at), 20);
	ck_assert_str_eq(w.approved_at, "");

	/* Someone holding the open week cannot move it now. */
	ck_assert_int_eq(db_week_set_status(F.db, &stale, WEEK_APPROVED,
	    F.manager, &err), PD_CONFLICT);
	ck_assert_int_eq(stale.status, WEEK_OPEN);

	ck_assert_int_eq(db_week_set_status(F.db, &w, WEEK_APPROVED, F.manager,
	    &err), PD_OK);
	ck_assert_int_eq(w.approved_by, F.manager);
	ck_assert_int_eq(w.submitted_by, F.ann);
	ck_assert_int_eq(db_week_set_status(F.db, &w, WEEK_LOCKED, F.manager,
	    &err), PD_OK);
	ck_assert_int_eq(w.status, WEEK_LOCKED);
	ck_assert_int_eq(w.approved_by, F.manager);	/* kept */
	ck_assert_int_eq(w.version, 4);
	/* Reopened (the manager, with a reason, in app/): stamps cleared. */
	ck_assert_int_eq(db_week_set_status(F.db, &w, WEEK_OPEN, F.manager,
	    &err), PD_OK);
	ck_assert_int_eq(w.status, WEEK_OPEN);
	ck_assert_str_eq(w.submitted_at, "");
	ck_assert_int_eq(w.submitted_by, 0);
	ck_assert_str_eq(w.approved_at, "");
	ck_assert_int_eq(db_week_set_status(F.db, &w, (enum week_status)9,
	    F.manager, &err), PD_INVALID);
	w.id = 999;
	ck_assert_int_eq(db_week_set_status(F.db, &w, WEEK_SUBMITTED, F.ann,
	    &err), PD_NOT_FOUND);
}
END_TEST

struct weeks {
	int n;
	int64_t pal[8];
};

static int
collect_week(void *arg, const struct ts_week *row)
{
	struct weeks *c = arg;

	c->pal[c->n++] = row->pal_id;
	return 0;
}

START_TEST(test_week_list_by_login)
{
	struct ts_week w;
	struct weeks c;
	struct pd_err err;

	ck_assert_int_eq(db_week_get_or_create(F.db, F.cat, "2024-03-04", &w,
	    &err), PD_OK);
	ck_assert_int_eq(db_week_get_or_create(F.db, F.ann, "2024-03-04", &w,
	    &err), PD_OK);
	ck_assert_int_eq(db_week_get_or_create(F.db, F.bob, "2024-02-26", &w,
	    &err), PD_OK);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_week_list(F.db, "2024-03-04", collect_week, &c,
	    &err), PD_OK);
	ck_assert_int_eq(c.n, 2);
	ck_assert_int_eq(c.pal[0], F.ann);
	ck_assert_int_eq(c.pal[1], F.cat);
}
END_TEST

START_TEST(test_lines)
{
	struct ts_week w, other;
	struct ts_line l, got, stale;
	struct session s;
	struct pd_err err;

	ck_assert_int_eq(db_week_get_or_create(F.db, F.ann, "2024-03-04", &w,
	    &err), PD_OK);
	memset(&s, 0, sizeof s);
	s.client_id = F.dee;
	s.pal_id = F.ann;
	memcpy(s.date, "2024-03-05", 11);
	s.minutes = 90;
	ck_assert_int_eq(db_session_insert(F.db, &s, F.ann, &err), PD_OK);

	memset(&l, 0, sizeof l);
	l.week_id = w.id;
	memcpy(l.date, "2024-03-05", 11);
	l.minutes = 90;
	l.kind = LINE_SESSION;
	l.client_id = F.dee;
	l.session_id = s.id;
	l.note = xstrdup("café");
	ck_assert_int_eq(db_line_insert(F.db, &l, F.ann, &err), PD_OK);
	ck_assert_int_gt(l.id, 0);
	ck_assert_int_eq(l.pal_id, F.ann);	/* from the week */
	ck_assert_int_eq(l.version, 1);

	ck_assert_int_eq(db_line_get(F.db, l.id, &got, &err), PD_OK);
	ck_assert_int_eq(got.week_id, w.id);
	ck_assert_int_eq(got.kind, LINE_SESSION);
	ck_assert_int_eq(got.client_id, F.dee);
	ck_assert_int_eq(got.session_id, s.id);
	ck_assert_int_eq(got.supervision_id, 0);
	ck_assert_str_eq(got.note, "café");
	stale = got;
	stale.note = NULL;

	/* A session has one line only. */
	ck_assert_int_eq(db_line_insert(F.db, &l, F.ann, &err), PD_DUPLICATE);

	got.minutes = 75;
	got.kind = LINE_TRAVEL;
	ck_assert_int_eq(db_line_update(F.db, &got, F.ann, &err), PD_OK);
	ck_assert_int_eq(got.version, 2);
	ck_assert_int_eq(db_line_update(F.db, &stale, F.ann, &err),
	    PD_CONFLICT);
	ts_line_fini(&got);
	ck_assert_int_eq(db_line_by_session(F.db, s.id, &got, &err), PD_OK);
	ck_assert_int_eq(got.minutes, 75);
	ck_assert_int_eq(got.kind, LINE_TRAVEL);
	ts_line_fini(&got);

	l.week_id = 999;
	l.session_id = 0;
	ck_assert_int_eq(db_line_insert(F.db, &l, F.ann, &err), PD_NOT_FOUND);
	l.week_id = w.id;
	l.kind = (enum line_kind)42;
	ck_assert_int_eq(db_line_insert(F.db, &l, F.ann, &err), PD_INVALID);

	ck_assert_int_eq(db_week_get_or_create(F.db, F.bob, "2024-03-04",
	    &other, &err), PD_OK);
	ck_assert_int_eq(db_line_delete(F.db, stale.id, &err), PD_OK);
	ck_assert_int_eq(db_line_get(F.db, stale.id, &got, &err), PD_NOT_FOUND);
	ck_assert_int_eq(db_line_delete(F.db, stale.id, &err), PD_NOT_FOUND);
	ck_assert_int_eq(db_line_update(F.db, &stale, F.ann, &err),
	    PD_NOT_FOUND);
	ts_line_fini(&l);
	session_fini(&s);
}
END_TEST

struct lines {
	int n;
	int64_t id[8];
};

static int
collect_line(void *arg, const struct ts_line *row)
{
	struct lines *c = arg;

	c->id[c->n++] = row->id;
	return 0;
}

START_TEST(test_line_list_by_date)
{
	struct ts_week w, other;
	struct lines c;
	struct pd_err err;
	int64_t a, b, d;

	ck_assert_int_eq(db_week_get_or_create(F.db, F.ann, "2024-03-04", &w,
	    &err), PD_OK);
	ck_assert_int_eq(db_week_get_or_create(F.db, F.bob, "2024-03-04",
	    &other, &err), PD_OK);
	a = add_line(w.id, "2024-03-07", 30, LINE_ADMIN);
	b = add_line(w.id, "2024-03-04", 60, LINE_TRAINING);
	add_line(other.id, "2024-03-04", 60, LINE_TRAINING);
	d = add_line(w.id, "2024-03-07", 15, LINE_TRAVEL);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_line_list(F.db, w.id, collect_line, &c, &err),
	    PD_OK);
	ck_assert_int_eq(c.n, 3);
	ck_assert_int_eq(c.id[0], b);
	ck_assert_int_eq(c.id[1], a);
	ck_assert_int_eq(c.id[2], d);
}
END_TEST

START_TEST(test_totals_by_kind)
{
	struct ts_week w, prev;
	struct week_totals t;
	struct pd_err err;

	workfix_rate(F.db, F.ann, 1150, "2023-04-01");
	ck_assert_int_eq(db_week_get_or_create(F.db, F.ann, "2024-03-04", &w,
	    &err), PD_OK);
	ck_assert_int_eq(db_week_get_or_create(F.db, F.ann, "2024-02-26", &prev,
	    &err), PD_OK);
	add_line(w.id, "2024-03-04", 90, LINE_SESSION);
	add_line(w.id, "2024-03-05", 60, LINE_SESSION);
	add_line(w.id, "2024-03-05", 60, LINE_SUPERVISION);
	add_line(w.id, "2024-03-06", 20, LINE_TRAVEL);
	add_line(w.id, "2024-03-10", 45, LINE_ADMIN);
	add_line(prev.id, "2024-03-03", 100, LINE_SESSION);	/* outside */
	ck_assert_int_eq(db_week_totals(F.db, F.ann, "2024-03-04", "2024-03-10",
	    &t, &err), PD_OK);
	ck_assert_int_eq(t.minutes, 275);
	ck_assert_int_eq(t.minutes_by_kind[LINE_SESSION], 150);
	ck_assert_int_eq(t.minutes_by_kind[LINE_SUPERVISION], 60);
	ck_assert_int_eq(t.minutes_by_kind[LINE_TRAINING], 0);
	ck_assert_int_eq(t.minutes_by_kind[LINE_TRAVEL], 20);
	ck_assert_int_eq(t.minutes_by_kind[LINE_ADMIN], 45);
	ck_assert_int_eq(t.nbands, 1);
	ck_assert_int_eq(t.bands[0].rate_pence, 1150);
	ck_assert_int_eq(t.bands[0].minutes, 275);

	/* Nobody else's lines; an empty week is all zero. */
	ck_assert_int_eq(db_week_totals(F.db, F.bob, "2024-03-04", "2024-03-10",
	    &t, &err), PD_OK);
	ck_assert_int_eq(t.minutes, 0);
	ck_assert_int_eq(t.nbands, 0);
}
END_TEST

/* A pay rise on Wednesday: two bands; days before any rate: band -1. */
START_TEST(test_totals_rate_bands)
{
	struct ts_week w;
	struct week_totals t;
	struct pd_err err;

	workfix_rate(F.db, F.ann, 1100, "2024-03-05");
	workfix_rate(F.db, F.ann, 1244, "2024-03-06");
	workfix_rate(F.db, F.ann, 1300, "2024-04-01");	/* later: no effect */
	ck_assert_int_eq(db_week_get_or_create(F.db, F.ann, "2024-03-04", &w,
	    &err), PD_OK);
	add_line(w.id, "2024-03-04", 30, LINE_ADMIN);	/* no rate yet */
	add_line(w.id, "2024-03-05", 60, LINE_SESSION);
	add_line(w.id, "2024-03-05", 30, LINE_TRAVEL);
	add_line(w.id, "2024-03-06", 120, LINE_SESSION);
	add_line(w.id, "2024-03-08", 60, LINE_TRAINING);
	ck_assert_int_eq(db_week_totals(F.db, F.ann, "2024-03-04", "2024-03-10",
	    &t, &err), PD_OK);
	ck_assert_int_eq(t.nbands, 3);
	ck_assert_int_eq(t.bands[0].rate_pence, -1);
	ck_assert_int_eq(t.bands[0].minutes, 30);
	ck_assert_int_eq(t.bands[1].rate_pence, 1100);
	ck_assert_int_eq(t.bands[1].minutes, 90);
	ck_assert_int_eq(t.bands[2].rate_pence, 1244);
	ck_assert_int_eq(t.bands[2].minutes, 180);
	ck_assert_int_eq(t.minutes, 300);
	ck_assert_int_eq(t.minutes_by_kind[LINE_SESSION], 180);
	ck_assert_int_eq(t.minutes_by_kind[LINE_TRAINING], 60);
}
END_TEST

START_TEST(test_totals_too_many_rates)
{
	struct ts_week w;
	struct week_totals t;
	struct pd_err err;
	char date[11];
	int d;

	ck_assert_int_eq(db_week_get_or_create(F.db, F.ann, "2024-03-04", &w,
	    &err), PD_OK);
	for (d = 1; d <= WEEK_BANDS_MAX + 1; d++) {
		snprintf(date, sizeof date, "2024-03-%02d", d);
		workfix_rate(F.db, F.ann, 1000 + d, date);
		add_line(w.id, date, 10, LINE_ADMIN);
	}
	ck_assert_int_eq(db_week_totals(F.db, F.ann, "2024-03-01", "2024-03-31",
	    &t, &err), PD_LIMIT);
	ck_assert_int_eq(db_week_totals(F.db, F.ann, "2024-03-01", "2024-03-08",
	    &t, &err), PD_OK);
	ck_assert_int_eq(t.nbands, WEEK_BANDS_MAX);
}
END_TEST

static Suite *
db_timesheet_suite(void)
{
	Suite *s = suite_create("db_timesheet");
	TCase *tc = tcase_create("timesheet");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_week_get_or_create_idempotent);
	tcase_add_test(tc, test_week_status_transitions);
	tcase_add_test(tc, test_week_list_by_login);
	tcase_add_test(tc, test_lines);
	tcase_add_test(tc, test_line_list_by_date);
	tcase_add_test(tc, test_totals_by_kind);
	tcase_add_test(tc, test_totals_rate_bands);
	tcase_add_test(tc, test_totals_too_many_rates);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(db_timesheet_suite)
