/* Tier 1: model/review - the four-to-six-week review window. */
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/model/review.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static pd_date
D(const char *s)
{
	struct pd_err e;
	pd_date d = 0;

	ck_assert_msg(date_parse(s, &d, &e) == PD_OK, "%s: %s", s, e.msg);
	return d;
}

static const char *
S(pd_date d)
{
	static char buf[4][DATE_STR_LEN];
	static int i;

	i = (i + 1) % 4;
	return date_format(d, buf[i]);
}

/* Default window (28 / 42 days) across month ends and leap years. */
static const struct { const char *first, *due, *overdue; } windows[] = {
	{ "2026-01-31", "2026-02-28", "2026-03-14" },
	{ "2024-02-01", "2024-02-29", "2024-03-14" },
	{ "2024-01-31", "2024-02-28", "2024-03-13" },
	{ "2028-02-15", "2028-03-14", "2028-03-28" },
	{ "2028-02-01", "2028-02-29", "2028-03-14" },
	{ "2025-12-31", "2026-01-28", "2026-02-11" },
	{ "2024-02-29", "2024-03-28", "2024-04-11" },
	{ "2026-03-31", "2026-04-28", "2026-05-12" },
	{ "2026-10-31", "2026-11-28", "2026-12-12" },
};

START_TEST(test_window)
{
	struct review_window w = review_window_for(D(windows[_i].first),
	    REVIEW_DUE_DAYS, REVIEW_OVERDUE_DAYS);

	ck_assert_str_eq(S(w.first_meeting), windows[_i].first);
	ck_assert_str_eq(S(w.due_on), windows[_i].due);
	ck_assert_str_eq(S(w.overdue_on), windows[_i].overdue);
}
END_TEST

/* The state one day either side of each edge, for each window above:
 * offsets from the first meeting (day 1 = offset 0). */
static const struct { int offset; enum review_state st; } edges[] = {
	{ -1, REVIEW_NONE },		/* before the first meeting */
	{ 0, REVIEW_NONE },		/* the first meeting itself */
	{ 20, REVIEW_NONE },		/* 8 days before due */
	{ 21, REVIEW_UPCOMING },	/* 7 days before due */
	{ 27, REVIEW_UPCOMING },	/* day 28 */
	{ 28, REVIEW_DUE },		/* day 29: "review due" */
	{ 29, REVIEW_DUE },
	{ 41, REVIEW_DUE },		/* day 42 */
	{ 42, REVIEW_OVERDUE },		/* day 43: "overdue" */
	{ 43, REVIEW_OVERDUE },
	{ 400, REVIEW_OVERDUE },
};

START_TEST(test_state_edges)
{
	int k;

	for (k = 0; k < N(edges); k++) {
		pd_date first = D(windows[_i].first);
		struct review_window w = review_window_for(first,
		    REVIEW_DUE_DAYS, REVIEW_OVERDUE_DAYS);
		pd_date today = date_add_days(first, edges[k].offset);
		enum review_state st = review_state(today, w.due_on,
		    w.overdue_on, REVIEW_UPCOMING_DAYS, 0);

		ck_assert_msg(st == edges[k].st, "first %s, today %s: %s, "
		    "want %s", windows[_i].first, S(today),
		    review_state_str(st), review_state_str(edges[k].st));
		/* Once a review is recorded, it is done whatever the day. */
		ck_assert_int_eq(review_state(today, w.due_on, w.overdue_on,
		    REVIEW_UPCOMING_DAYS, 1), REVIEW_DONE);
	}
}
END_TEST

/* The end-to-end story, in the words the screens show. */
START_TEST(test_story)
{
	pd_date first = D("2026-03-04");
	struct review_window w = review_window_for(first, 28, 42);

	ck_assert_str_eq(S(w.due_on), "2026-04-01");
	ck_assert_str_eq(review_state_label(review_state(D("2026-03-31"),
	    w.due_on, w.overdue_on, 7, 0)), "review coming up");
	ck_assert_str_eq(review_state_label(review_state(D("2026-04-01"),
	    w.due_on, w.overdue_on, 7, 0)), "review due");
	ck_assert_str_eq(review_state_label(review_state(D("2026-04-14"),
	    w.due_on, w.overdue_on, 7, 0)), "review due");
	ck_assert_str_eq(review_state_label(review_state(D("2026-04-15"),
	    w.due_on, w.overdue_on, 7, 0)), "review overdue");
	ck_assert_str_eq(review_state_label(review_state(D("2026-04-15"),
	    w.due_on, w.overdue_on, 7, 1)), "reviewed");
	ck_assert_str_eq(review_state_label(review_state(D("2026-03-05"),
	    w.due_on, w.overdue_on, 7, 0)), "");
}
END_TEST

/* Settings other than the defaults. */
static const struct {
	int due, overdue, upcoming, offset;
	enum review_state st;
	int due_off, overdue_off;
} custom[] = {
	{ 35, 49, 7, 27, REVIEW_NONE, 35, 49 },
	{ 35, 49, 7, 28, REVIEW_UPCOMING, 35, 49 },
	{ 35, 49, 7, 35, REVIEW_DUE, 35, 49 },
	{ 35, 49, 7, 49, REVIEW_OVERDUE, 35, 49 },
	{ 28, 42, 0, 27, REVIEW_NONE, 28, 42 },	/* no "coming up" */
	{ 28, 42, 0, 28, REVIEW_DUE, 28, 42 },
	{ 28, 42, -3, 27, REVIEW_NONE, 28, 42 },	/* negative: 0 */
	{ 28, 42, 14, 14, REVIEW_UPCOMING, 28, 42 },
	{ 28, 42, 14, 13, REVIEW_NONE, 28, 42 },
	{ 30, 20, 7, 29, REVIEW_UPCOMING, 30, 30 },	/* overdue < due */
	{ 30, 20, 7, 30, REVIEW_OVERDUE, 30, 30 },
	{ -5, 10, 7, 0, REVIEW_DUE, 0, 10 },		/* negative due: 0 */
	{ 0, 0, 7, 0, REVIEW_OVERDUE, 0, 0 },
};

START_TEST(test_custom)
{
	pd_date first = D("2026-01-31");
	struct review_window w = review_window_for(first, custom[_i].due,
	    custom[_i].overdue);

	ck_assert_int_eq(date_diff_days(w.due_on, first), custom[_i].due_off);
	ck_assert_int_eq(date_diff_days(w.overdue_on, first),
	    custom[_i].overdue_off);
	ck_assert_int_eq(review_state(date_add_days(first, custom[_i].offset),
	    w.due_on, w.overdue_on, custom[_i].upcoming, 0), custom[_i].st);
}
END_TEST

START_TEST(test_names)
{
	ck_assert_str_eq(review_state_str(REVIEW_NONE), "none");
	ck_assert_str_eq(review_state_str(REVIEW_UPCOMING), "upcoming");
	ck_assert_str_eq(review_state_str(REVIEW_DUE), "due");
	ck_assert_str_eq(review_state_str(REVIEW_OVERDUE), "overdue");
	ck_assert_str_eq(review_state_str(REVIEW_DONE), "done");
	ck_assert_ptr_null(review_state_str((enum review_state)5));
	ck_assert_str_eq(review_state_label(REVIEW_DUE), "review due");
	ck_assert_str_eq(review_state_label((enum review_state)-1), "?");
}
END_TEST

static Suite *
model_review_suite(void)
{
	Suite *s = suite_create("model_review");
	TCase *tc = tcase_create("review");

	tcase_add_loop_test(tc, test_window, 0, N(windows));
	tcase_add_loop_test(tc, test_state_edges, 0, N(windows));
	tcase_add_test(tc, test_story);
	tcase_add_loop_test(tc, test_custom, 0, N(custom));
	tcase_add_test(tc, test_names);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(model_review_suite)
