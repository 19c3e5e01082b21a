/* Tier 1: model/date - calendar arithmetic, strict parsing, times of day. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "support/testlib.h"
#include "peerdesk/model/date.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* A date from text the test trusts; fails the test when it is not. */
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

static const struct { int year, leap; } leap_cases[] = {
	{ 2024, 1 }, { 2023, 0 }, { 2000, 1 }, { 1900, 0 }, { 2100, 0 },
	{ 2400, 1 }, { 4, 1 }, { 1, 0 }, { 2028, 1 }, { 2026, 0 },
	{ 0, 1 }, { -4, 1 }, { -100, 0 },
};

START_TEST(test_is_leap)
{
	ck_assert_int_eq(date_is_leap(leap_cases[_i].year),
	    leap_cases[_i].leap);
}
END_TEST

static const struct { int y, m, days; } dim_cases[] = {
	{ 2026, 1, 31 }, { 2026, 2, 28 }, { 2024, 2, 29 }, { 1900, 2, 28 },
	{ 2000, 2, 29 }, { 2026, 3, 31 }, { 2026, 4, 30 }, { 2026, 5, 31 },
	{ 2026, 6, 30 }, { 2026, 7, 31 }, { 2026, 8, 31 }, { 2026, 9, 30 },
	{ 2026, 10, 31 }, { 2026, 11, 30 }, { 2026, 12, 31 },
	{ 2026, 0, 0 }, { 2026, 13, 0 }, { 2026, -1, 0 },
};

START_TEST(test_days_in_month)
{
	ck_assert_int_eq(date_days_in_month(dim_cases[_i].y,
	    dim_cases[_i].m), dim_cases[_i].days);
}
END_TEST

static const struct { int y, m, d; pd_date days; } ymd_cases[] = {
	{ 1970, 1, 1, 0 }, { 1969, 12, 31, -1 }, { 2000, 3, 1, 11017 },
	{ 2026, 3, 4, 20516 }, { 1, 1, 1, DATE_MIN }, { 9999, 12, 31, DATE_MAX },
	{ 2024, 2, 29, 19782 }, { 1970, 1, 2, 1 },
};

START_TEST(test_from_to_ymd)
{
	struct pd_err e;
	pd_date d = 12345;
	int y, m, dd;

	ck_assert_int_eq(date_from_ymd(ymd_cases[_i].y, ymd_cases[_i].m,
	    ymd_cases[_i].d, &d, &e), PD_OK);
	ck_assert_int_eq(d, ymd_cases[_i].days);
	date_to_ymd(ymd_cases[_i].days, &y, &m, &dd);
	ck_assert_int_eq(y, ymd_cases[_i].y);
	ck_assert_int_eq(m, ymd_cases[_i].m);
	ck_assert_int_eq(dd, ymd_cases[_i].d);
	date_to_ymd(ymd_cases[_i].days, NULL, NULL, NULL);
}
END_TEST

static const struct { int y, m, d; const char *msg; } bad_ymd[] = {
	{ 2026, 2, 29, "February 2026: it has 28 days" },
	{ 2026, 2, 30, "it has 28 days" },
	{ 2024, 2, 30, "February 2024: it has 29 days" },
	{ 2026, 4, 31, "April 2026: it has 30 days" },
	{ 2026, 13, 1, "no month 13" },
	{ 2026, 0, 1, "no month 0" },
	{ 2026, 1, 0, "no day 0" },
	{ 2026, 1, -1, "no day -1" },
	{ 0, 1, 1, "0001 to 9999" },
	{ 10000, 1, 1, "0001 to 9999" },
};

START_TEST(test_from_ymd_rejects)
{
	struct pd_err e;
	pd_date d = 777;

	ck_assert_int_eq(date_from_ymd(bad_ymd[_i].y, bad_ymd[_i].m,
	    bad_ymd[_i].d, &d, &e), PD_INVALID);
	ck_assert_int_eq(e.code, PD_INVALID);
	ck_assert_msg(strstr(e.msg, bad_ymd[_i].msg) != NULL, "%s", e.msg);
	ck_assert_int_eq(d, 777);	/* untouched on failure */
	ck_assert_int_eq(date_from_ymd(bad_ymd[_i].y, bad_ymd[_i].m,
	    bad_ymd[_i].d, &d, NULL), PD_INVALID);
}
END_TEST

/* Every day from 0001-01-01 to 9999-12-31: the count goes up by one, and
 * y-m-d goes forward one calendar day at a time. */
START_TEST(test_every_day_round_trips)
{
	int y = 1, m = 1, dd = 1, gy, gm, gd;
	pd_date d, back;

	for (d = DATE_MIN; d <= DATE_MAX; d++) {
		date_to_ymd(d, &gy, &gm, &gd);
		if (gy != y || gm != m || gd != dd)
			ck_abort_msg("day %d: got %d-%d-%d, want %d-%d-%d",
			    (int)d, gy, gm, gd, y, m, dd);
		if (date_from_ymd(y, m, dd, &back, NULL) != PD_OK || back != d)
			ck_abort_msg("%d-%d-%d does not map back to %d", y, m,
			    dd, (int)d);
		if (++dd > date_days_in_month(y, m)) {
			dd = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	ck_assert_int_eq(y, 10000);
}
END_TEST

/* The C library agrees (TZ=UTC in tests) from 1900 to 2200. */
START_TEST(test_agrees_with_libc)
{
	pd_date d;
	char ours[DATE_STR_LEN], theirs[32];

	for (d = D("1900-01-01"); d <= D("2200-12-31"); d++) {
		time_t t = (time_t)d * 86400;
		struct tm tm;

		ck_assert_ptr_nonnull(gmtime_r(&t, &tm));
		strftime(theirs, sizeof theirs, "%Y-%m-%d", &tm);
		date_format(d, ours);
		if (strcmp(ours, theirs) != 0)
			ck_abort_msg("%d: %s vs %s", (int)d, ours, theirs);
		if (date_weekday(d) != (tm.tm_wday == 0 ? 7 : tm.tm_wday))
			ck_abort_msg("%s: weekday %d vs tm_wday %d", ours,
			    date_weekday(d), tm.tm_wday);
	}
}
END_TEST

static const char *const good_dates[] = {
	"2026-03-04", "2024-02-29", "0001-01-01", "9999-12-31",
	"1969-12-31", "1970-01-01", "2000-02-29", "2026-12-31",
};

START_TEST(test_parse_good)
{
	pd_date d = 0;
	char buf[DATE_STR_LEN];

	ck_assert_int_eq(date_parse(good_dates[_i], &d, NULL), PD_OK);
	ck_assert_str_eq(date_format(d, buf), good_dates[_i]);
	ck_assert_int_eq(date_is_valid(d), 1);
}
END_TEST

static const struct { const char *s, *msg; } bad_dates[] = {
	{ NULL, "a date is needed" },
	{ "", "a date is needed" },
	{ "2026-2-3", "\"2026-2-3\" is not a date: write it as YYYY-MM-DD" },
	{ "2026-02-30", "2026-02-30 is not a date: February 2026 has 28 days" },
	{ "2026-02-29", "February 2026 has 28 days" },
	{ "1900-02-29", "February 1900 has 28 days" },
	{ "2026-04-31", "April 2026 has 30 days" },
	{ "2026-13-01", "there is no month 13" },
	{ "2026-00-10", "there is no month 00" },
	{ "2026-01-00", "2026-01-00 is not a date: there is no day 00" },
	{ "0000-01-01", "no year 0000" },
	{ "2026/02/03", "YYYY-MM-DD" },
	{ " 2026-02-03", "YYYY-MM-DD" },
	{ "2026-02-03 ", "YYYY-MM-DD" },
	{ "20260203", "YYYY-MM-DD" },
	{ "2026-02-3x", "YYYY-MM-DD" },
	{ "+026-01-01", "YYYY-MM-DD" },
	{ "2026-02-03T10", "YYYY-MM-DD" },
	{ "03/02/2026", "YYYY-MM-DD" },
	{ "yesterday", "\"yesterday\" is not a date" },
	{ "2026-\xef\xbc\x90" "2-03", "YYYY-MM-DD" },
	{ "a very long piece of text that someone pasted by mistake",
	    "\"a very long piece of text that s...\" is not a date" },
};

START_TEST(test_parse_bad)
{
	struct pd_err e;
	pd_date d = 42;

	ck_assert_int_eq(date_parse(bad_dates[_i].s, &d, &e), PD_INVALID);
	ck_assert_msg(strstr(e.msg, bad_dates[_i].msg) != NULL, "%s", e.msg);
	ck_assert_int_eq(d, 42);
	ck_assert_int_eq(date_parse(bad_dates[_i].s, &d, NULL), PD_INVALID);
}
END_TEST

START_TEST(test_format_edges)
{
	char buf[DATE_STR_LEN], lbuf[DATE_LONG_LEN];

	ck_assert_str_eq(date_format(DATE_MIN - 1, buf), "?\?\?\?-?\?-?\?");
	ck_assert_str_eq(date_format(DATE_MAX + 1, buf), "?\?\?\?-?\?-?\?");
	ck_assert_str_eq(date_format(INT32_MIN, buf), "?\?\?\?-?\?-?\?");
	ck_assert_int_eq(date_is_valid(DATE_MAX + 1), 0);
	ck_assert_str_eq(date_format_long(D("2026-04-02"), lbuf),
	    "Thu 2 Apr 2026");
	ck_assert_str_eq(date_format_long(D("2026-12-31"), lbuf),
	    "Thu 31 Dec 2026");
	ck_assert_str_eq(date_format_long(D("0001-01-01"), lbuf),
	    "Mon 1 Jan 1");
	ck_assert_str_eq(date_format_long(DATE_MAX + 1, lbuf), "?");
}
END_TEST

static const struct { const char *d; int wd; } weekday_cases[] = {
	{ "1970-01-01", 4 }, { "1969-12-31", 3 }, { "2026-03-02", 1 },
	{ "2026-03-08", 7 }, { "2026-03-07", 6 }, { "2000-01-01", 6 },
	{ "0001-01-01", 1 }, { "9999-12-31", 5 }, { "2024-02-29", 4 },
	{ "1900-01-01", 1 },
};

START_TEST(test_weekday)
{
	ck_assert_int_eq(date_weekday(D(weekday_cases[_i].d)),
	    weekday_cases[_i].wd);
}
END_TEST

START_TEST(test_add_diff_days)
{
	ck_assert_str_eq(S(date_add_days(D("2026-02-28"), 1)), "2026-03-01");
	ck_assert_str_eq(S(date_add_days(D("2024-02-28"), 1)), "2024-02-29");
	ck_assert_str_eq(S(date_add_days(D("2026-01-01"), -1)), "2025-12-31");
	ck_assert_str_eq(S(date_add_days(D("2026-03-04"), 0)), "2026-03-04");
	ck_assert_str_eq(S(date_add_days(D("1970-01-01"), -365)),
	    "1969-01-01");
	ck_assert_int_eq(date_diff_days(D("2026-03-04"), D("2026-03-01")), 3);
	ck_assert_int_eq(date_diff_days(D("2026-03-01"), D("2026-03-04")), -3);
	ck_assert_int_eq(date_diff_days(D("2025-01-01"), D("2024-01-01")), 366);
	ck_assert_int_eq(date_diff_days(D("9999-12-31"), D("0001-01-01")),
	    DATE_MAX - DATE_MIN);
}
END_TEST

static const struct { const char *from; int n; const char *to; } month_cases[] = {
	{ "2026-01-31", 1, "2026-02-28" },
	{ "2024-01-31", 1, "2024-02-29" },
	{ "2026-03-31", -1, "2026-02-28" },
	{ "2026-05-31", 1, "2026-06-30" },
	{ "2025-12-15", 1, "2026-01-15" },
	{ "2026-01-15", -1, "2025-12-15" },
	{ "2024-02-29", 12, "2025-02-28" },
	{ "2024-02-29", 48, "2028-02-29" },
	{ "2026-08-31", -6, "2026-02-28" },
	{ "2026-03-04", 0, "2026-03-04" },
	{ "2026-10-31", 4, "2027-02-28" },
	{ "2026-03-31", -25, "2024-02-29" },
	{ "2026-01-31", 120, "2036-01-31" },
	{ "1970-01-01", -1, "1969-12-01" },
};

START_TEST(test_add_months)
{
	ck_assert_str_eq(S(date_add_months(D(month_cases[_i].from),
	    month_cases[_i].n)), month_cases[_i].to);
}
END_TEST

static const struct { const char *dob, *on; int age; } age_cases[] = {
	{ "2000-02-29", "2001-02-28", 0 },
	{ "2000-02-29", "2001-03-01", 1 },
	{ "2000-02-29", "2004-02-28", 3 },
	{ "2000-02-29", "2004-02-29", 4 },
	{ "2000-02-29", "2000-02-29", 0 },
	{ "1990-06-15", "2026-06-14", 35 },
	{ "1990-06-15", "2026-06-15", 36 },
	{ "1990-06-15", "2026-12-31", 36 },
	{ "2000-12-31", "2001-12-30", 0 },
	{ "2000-12-31", "2001-12-31", 1 },
	{ "2000-01-01", "1999-12-31", -1 },
	{ "2008-03-01", "2026-02-28", 17 },
	{ "2008-03-01", "2026-03-01", 18 },
	{ "1960-05-05", "1960-05-05", 0 },
};

START_TEST(test_age_on)
{
	ck_assert_int_eq(date_age_on(D(age_cases[_i].dob), D(age_cases[_i].on)),
	    age_cases[_i].age);
}
END_TEST

static const struct { const char *s; int wd; } wd_names[] = {
	{ "monday", 1 }, { "tuesday", 2 }, { "wednesday", 3 },
	{ "thursday", 4 }, { "friday", 5 }, { "saturday", 6 },
	{ "sunday", 7 }, { "Monday", 1 }, { "SUNDAY", 7 }, { "mon", 1 },
	{ "Wed", 3 }, { "SAT", 6 },
	{ NULL, 0 }, { "", 0 }, { "mo", 0 }, { "mondays", 0 },
	{ "funday", 0 }, { "tues", 0 }, { " monday", 0 }, { "monday ", 0 },
	{ "1", 0 }, { "a-very-long-name-for-a-day", 0 },
};

START_TEST(test_weekday_parse)
{
	struct pd_err e;
	int wd = -1;
	enum pd_status st = date_weekday_parse(wd_names[_i].s, &wd, &e);

	if (wd_names[_i].wd == 0) {
		ck_assert_int_eq(st, PD_INVALID);
		ck_assert_int_eq(wd, -1);
		ck_assert_msg(strstr(e.msg, "monday") != NULL, "%s", e.msg);
	} else {
		ck_assert_int_eq(st, PD_OK);
		ck_assert_int_eq(wd, wd_names[_i].wd);
	}
}
END_TEST

START_TEST(test_weekday_names)
{
	ck_assert_str_eq(date_weekday_name(1), "Monday");
	ck_assert_str_eq(date_weekday_name(7), "Sunday");
	ck_assert_str_eq(date_weekday_short(4), "Thu");
	ck_assert_str_eq(date_weekday_name(0), "?");
	ck_assert_str_eq(date_weekday_short(8), "?");
}
END_TEST

static const struct { const char *s; int min; } hhmm_cases[] = {
	{ "09:30", 570 }, { "9:30", 570 }, { "00:00", 0 }, { "0:00", 0 },
	{ "23:59", 1439 }, { "12:00", 720 }, { "14:05", 845 },
	{ NULL, -1 }, { "", -1 }, { "24:00", -1 }, { "9:60", -1 },
	{ "930", -1 }, { "9:5", -1 }, { "09:30 ", -1 }, { " 9:30", -1 },
	{ "-1:00", -1 }, { "123:00", -1 }, { "ab:cd", -1 }, { "9.30", -1 },
	{ "09:300", -1 }, { ":30", -1 },
};

START_TEST(test_hhmm_parse)
{
	struct pd_err e;
	int m = -7;
	enum pd_status st = date_hhmm_parse(hhmm_cases[_i].s, &m, &e);

	if (hhmm_cases[_i].min < 0) {
		ck_assert_int_eq(st, PD_INVALID);
		ck_assert_int_eq(m, -7);
		ck_assert_msg(e.msg[0] != '\0', "no message");
	} else {
		ck_assert_int_eq(st, PD_OK);
		ck_assert_int_eq(m, hhmm_cases[_i].min);
	}
}
END_TEST

START_TEST(test_hhmm_format)
{
	char buf[DATE_HHMM_LEN];
	struct pd_err e;

	ck_assert_str_eq(date_hhmm_format(0, buf), "00:00");
	ck_assert_str_eq(date_hhmm_format(570, buf), "09:30");
	ck_assert_str_eq(date_hhmm_format(1439, buf), "23:59");
	ck_assert_str_eq(date_hhmm_format(-1, buf), "??:??");
	ck_assert_str_eq(date_hhmm_format(1440, buf), "??:??");
	ck_assert_int_eq(date_hhmm_parse("24:00", NULL, &e), PD_INVALID);
	ck_assert_msg(strstr(e.msg, "00:00 to 23:59") != NULL, "%s", e.msg);
}
END_TEST

/* ---- dates as people type them ----------------------------------------- */

static const struct {
	const char *in, *want;
} typed_good[] = {
	{ "2025-12-31", "2025-12-31" },
	{ "31/12/2025", "2025-12-31" },
	{ "31/12/25", "2025-12-31" },
	{ "03/04/2025", "2025-04-03" },		/* 3 April: day first */
	{ "3/4/2025", "2025-04-03" },
	{ "3/4/25", "2025-04-03" },
	{ "  15/04/1990 ", "1990-04-15" },
	{ "29/02/2024", "2024-02-29" },
	{ "15/04/90", "1990-04-15" },		/* typed in 2026: 1990 */
	{ "01/01/27", "2027-01-01" },		/* next year: itself */
	{ "01/01/28", "1928-01-01" },		/* beyond next year: 1900s */
	{ "01/01/00", "2000-01-01" },
};

static const struct {
	const char *in, *msg;
} typed_bad[] = {
	{ "", "2025-12-31, 31/12/2025 or 31/12/25" },
	{ "15-04-1990", "2025-12-31, 31/12/2025 or 31/12/25" },
	{ "12/31/2025", "no month 31" },		/* US order refused */
	{ "30/02/2025", "February 2025 has 28 days" },
	{ "31/12/025", "2025-12-31, 31/12/2025 or 31/12/25" },
	{ "31/12/2025x", "2025-12-31, 31/12/2025 or 31/12/25" },
	{ "1/2", "2025-12-31, 31/12/2025 or 31/12/25" },
	{ "0/1/2025", "no day 0" },
	{ "2025-02-30", "February 2025 has 28 days" },
	{ "tomorrow", "2025-12-31, 31/12/2025 or 31/12/25" },
};

static pd_date
typed_today(void)
{
	pd_date d;

	ck_assert_int_eq(date_parse("2026-11-25", &d, NULL), PD_OK);
	return d;
}

START_TEST(test_typed_good)
{
	pd_date d;
	char buf[DATE_STR_LEN];
	struct pd_err err;

	ck_assert_msg(date_parse_typed(typed_good[_i].in, typed_today(), &d,
	    &err) == PD_OK, "%s: %s", typed_good[_i].in, err.msg);
	ck_assert_str_eq(date_format(d, buf), typed_good[_i].want);
}
END_TEST

START_TEST(test_typed_bad)
{
	pd_date d = 12345;
	struct pd_err err;

	ck_assert_int_eq(date_parse_typed(typed_bad[_i].in, typed_today(), &d,
	    &err), PD_INVALID);
	ck_assert_int_eq(d, 12345);
	ck_assert_msg(strstr(err.msg, typed_bad[_i].msg) != NULL,
	    "%s: %s", typed_bad[_i].in, err.msg);
}
END_TEST

/* 03/04/2025 is the 3rd of April, and is shown back as such. */
START_TEST(test_typed_third_of_april)
{
	pd_date d;
	char buf[DATE_LONG_LEN];
	int y, m, dd;

	ck_assert_int_eq(date_parse_typed("03/04/2025", typed_today(), &d,
	    NULL), PD_OK);
	date_to_ymd(d, &y, &m, &dd);
	ck_assert_int_eq(y, 2025);
	ck_assert_int_eq(m, 4);
	ck_assert_int_eq(dd, 3);
	ck_assert_str_eq(date_format_long(d, buf), "Thu 3 Apr 2025");
}
END_TEST

START_TEST(test_two_digit_year)
{
	pd_date t = typed_today();

	ck_assert_int_eq(date_two_digit_year(26, t), 2026);
	ck_assert_int_eq(date_two_digit_year(27, t), 2027);
	ck_assert_int_eq(date_two_digit_year(28, t), 1928);
	ck_assert_int_eq(date_two_digit_year(99, t), 1999);
	ck_assert_int_eq(date_two_digit_year(0, t), 2000);
}
END_TEST

static Suite *
model_date_suite(void)
{
	Suite *s = suite_create("model_date");
	TCase *tc = tcase_create("date");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_is_leap, 0, N(leap_cases));
	tcase_add_loop_test(tc, test_days_in_month, 0, N(dim_cases));
	tcase_add_loop_test(tc, test_from_to_ymd, 0, N(ymd_cases));
	tcase_add_loop_test(tc, test_from_ymd_rejects, 0, N(bad_ymd));
	tcase_add_test(tc, test_every_day_round_trips);
	tcase_add_test(tc, test_agrees_with_libc);
	tcase_add_loop_test(tc, test_parse_good, 0, N(good_dates));
	tcase_add_loop_test(tc, test_parse_bad, 0, N(bad_dates));
	tcase_add_test(tc, test_format_edges);
	tcase_add_loop_test(tc, test_weekday, 0, N(weekday_cases));
	tcase_add_test(tc, test_add_diff_days);
	tcase_add_loop_test(tc, test_add_months, 0, N(month_cases));
	tcase_add_loop_test(tc, test_age_on, 0, N(age_cases));
	tcase_add_loop_test(tc, test_weekday_parse, 0, N(wd_names));
	tcase_add_test(tc, test_weekday_names);
	tcase_add_loop_test(tc, test_hhmm_parse, 0, N(hhmm_cases));
	tcase_add_test(tc, test_hhmm_format);
	tcase_add_loop_test(tc, test_typed_good, 0, N(typed_good));
	tcase_add_loop_test(tc, test_typed_bad, 0, N(typed_bad));
	tcase_add_test(tc, test_typed_third_of_april);
	tcase_add_test(tc, test_two_digit_year);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(model_date_suite)
