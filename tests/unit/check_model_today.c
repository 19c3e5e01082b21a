/* Tier 1: model/today - the injectable "today". */
#include <time.h>

#include "support/testlib.h"
#include "peerdesk/model/today.h"

static pd_date
local_date(void)
{
	time_t now = time(NULL);
	struct tm tm;
	pd_date d = 0;

	ck_assert_ptr_nonnull(localtime_r(&now, &tm));
	ck_assert_int_eq(date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday, &d, NULL), PD_OK);
	return d;
}

START_TEST(test_set_and_clear)
{
	pd_date fixed, before, got, after;

	ck_assert_int_eq(date_parse("2026-03-04", &fixed, NULL), PD_OK);
	ck_assert_int_eq(today_is_set(), 0);
	today_set(fixed);
	ck_assert_int_eq(today_is_set(), 1);
	ck_assert_int_eq(today_get(), fixed);
	ck_assert_int_eq(today_get(), fixed);
	today_set(date_add_days(fixed, 25));
	ck_assert_int_eq(today_get(), fixed + 25);
	today_clear();
	ck_assert_int_eq(today_is_set(), 0);
	/* The clock again: the local date, read on either side in case
	 * midnight passes in between. */
	before = local_date();
	got = today_get();
	after = local_date();
	ck_assert_msg(got == before || got == after, "today_get() = %d",
	    (int)got);
	ck_assert_int_ne(got, fixed + 25);
}
END_TEST

START_TEST(test_set_any_date)
{
	today_set(DATE_MIN);
	ck_assert_int_eq(today_get(), DATE_MIN);
	today_set(-1);
	ck_assert_int_eq(today_get(), -1);
	today_clear();
	ck_assert_int_gt(today_get(), 19000);	/* after 2022 */
}
END_TEST

static Suite *
model_today_suite(void)
{
	Suite *s = suite_create("model_today");
	TCase *tc = tcase_create("today");

	tcase_add_test(tc, test_set_and_clear);
	tcase_add_test(tc, test_set_any_date);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(model_today_suite)
