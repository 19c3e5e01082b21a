/* Tier 1: model/plan.c, shortlist.c, assignment.c, reminder.c and
 * timesheet.c - names of the work records and adding minutes to rate
 * bands. */
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/model/assignment.h"
#include "peerdesk/model/plan.h"
#include "peerdesk/model/reminder.h"
#include "peerdesk/model/shortlist.h"
#include "peerdesk/model/timesheet.h"

/* Every name reads back to its value; unknown names are refused. */
START_TEST(test_names_round_trip)
{
	enum goal_area a;
	enum shortlist_status s;
	enum decision d;
	enum end_kind k;
	enum review_outcome o;
	enum reminder_kind r;
	enum plan_status p;
	int i;

	for (i = GOAL_AMBITION; i <= GOAL_GIVE; i++) {
		ck_assert_int_eq(goal_area_from_str(goal_area_str(i), &a), 0);
		ck_assert_int_eq(a, i);
	}
	for (i = SHORTLIST_SHORTLISTED; i <= SHORTLIST_WITHDRAWN; i++) {
		ck_assert_int_eq(shortlist_status_from_str(
		    shortlist_status_str(i), &s), 0);
		ck_assert_int_eq(s, i);
	}
	for (i = DECISION_YES; i <= DECISION_NO; i++) {
		ck_assert_int_eq(decision_from_str(decision_str(i), &d), 0);
		ck_assert_int_eq(d, i);
	}
	for (i = END_CHANGE_OF_PAL; i <= END_OTHER; i++) {
		ck_assert_int_eq(end_kind_from_str(end_kind_str(i), &k), 0);
		ck_assert_int_eq(k, i);
	}
	for (i = OUTCOME_CONTINUE; i <= OUTCOME_END; i++) {
		ck_assert_int_eq(review_outcome_from_str(review_outcome_str(i),
		    &o), 0);
		ck_assert_int_eq(o, i);
	}
	for (i = 0; i < REMIND_KINDS; i++) {
		ck_assert_int_eq(reminder_kind_from_str(reminder_kind_str(i),
		    &r), 0);
		ck_assert_int_eq(r, i);
		ck_assert_str_ne(reminder_kind_label(i), "?");
	}
	for (i = PLAN_DRAFT; i <= PLAN_ESTABLISHED; i++) {
		ck_assert_int_eq(plan_status_from_str(plan_status_str(i), &p),
		    0);
		ck_assert_int_eq(p, i);
	}
	ck_assert_str_eq(goal_area_str(GOAL_BE_ACTIVE), "be_active");
	ck_assert_str_eq(goal_area_label(GOAL_BE_ACTIVE), "Be active");
	ck_assert_str_eq(end_kind_label(END_CHANGE_OF_PAL), "change of PAL");
	ck_assert_str_eq(reminder_kind_str(REMIND_REVIEW_OVERDUE),
	    "review_overdue");
	ck_assert_ptr_null(decision_str(DECISION_NONE));
	ck_assert_ptr_null(end_kind_str(END_NONE));
	ck_assert_ptr_null(goal_area_str((enum goal_area)6));
	ck_assert_str_eq(end_kind_label(END_NONE), "?");
	ck_assert_int_eq(goal_area_from_str("Connect", &a), -1);
	ck_assert_int_eq(decision_from_str(NULL, &d), -1);
	ck_assert_int_eq(reminder_kind_from_str("", &r), -1);
}
END_TEST

/* Adding (kind, rate, minutes) in any order gives bands sorted by rate;
 * "no rate" (-1, or any negative) sorts first. */
static const struct {
	int kind;
	int64_t rate;
	int minutes;
} adds[] = {
	{ LINE_SESSION, 1244, 60 }, { LINE_TRAVEL, 1100, 15 },
	{ LINE_SESSION, 1100, 90 }, { LINE_ADMIN, -5, 10 },
	{ LINE_SUPERVISION, 1244, 30 }, { LINE_ADMIN, -1, 20 },
};

START_TEST(test_totals_add)
{
	struct week_totals t;
	size_t i;

	memset(&t, 0, sizeof t);
	for (i = 0; i < sizeof adds / sizeof adds[0]; i++)
		ck_assert_int_eq(week_totals_add(&t, adds[i].kind, adds[i].rate,
		    adds[i].minutes), 0);
	ck_assert_int_eq(t.nbands, 3);
	ck_assert_int_eq(t.bands[0].rate_pence, -1);
	ck_assert_int_eq(t.bands[0].minutes, 30);
	ck_assert_int_eq(t.bands[1].rate_pence, 1100);
	ck_assert_int_eq(t.bands[1].minutes, 105);
	ck_assert_int_eq(t.bands[2].rate_pence, 1244);
	ck_assert_int_eq(t.bands[2].minutes, 90);
	ck_assert_int_eq(t.minutes, 225);
	ck_assert_int_eq(t.minutes_by_kind[LINE_SESSION], 150);
	ck_assert_int_eq(t.minutes_by_kind[LINE_ADMIN], 30);
	ck_assert_int_eq(week_totals_add(&t, (enum line_kind)6, 1100, 5), -1);
	ck_assert_int_eq(week_totals_add(&t, (enum line_kind)-1, 1100, 5), -1);
	ck_assert_int_eq(t.minutes, 225);
}
END_TEST

START_TEST(test_totals_full)
{
	struct week_totals t;
	int i;

	memset(&t, 0, sizeof t);
	for (i = 0; i < WEEK_BANDS_MAX; i++)
		ck_assert_int_eq(week_totals_add(&t, LINE_ADMIN, 1000 - i, 1),
		    0);
	ck_assert_int_eq(t.bands[0].rate_pence, 1000 - WEEK_BANDS_MAX + 1);
	ck_assert_int_eq(week_totals_add(&t, LINE_ADMIN, 5000, 1), -1);
	ck_assert_int_eq(week_totals_add(&t, LINE_ADMIN, 1000, 1), 0);
	ck_assert_int_eq(t.nbands, WEEK_BANDS_MAX);
	ck_assert_int_eq(t.minutes, WEEK_BANDS_MAX + 1);
}
END_TEST

static Suite *
work_suite(void)
{
	Suite *s = suite_create("work");
	TCase *tc = tcase_create("work");

	tcase_add_test(tc, test_names_round_trip);
	tcase_add_test(tc, test_totals_add);
	tcase_add_test(tc, test_totals_full);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(work_suite)
