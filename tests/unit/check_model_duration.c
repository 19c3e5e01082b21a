/* Tier 1: model/duration - how long, typed by people, as minutes. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/model/duration.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const struct { const char *s; int minutes; } good[] = {
	/* hours:minutes */
	{ "1:30", 90 }, { "0:45", 45 }, { "2:00", 120 }, { "13:30", 810 },
	{ "0:01", 1 }, { "24:00", 1440 }, { "01:05", 65 },
	/* plain minutes */
	{ "90", 90 }, { "1", 1 }, { "1440", 1440 }, { "045", 45 },
	/* minutes with a unit */
	{ "90m", 90 }, { "90 m", 90 }, { "90min", 90 }, { "90 mins", 90 },
	{ "45 minutes", 45 }, { "1 minute", 1 }, { "90M", 90 },
	/* hours */
	{ "2h", 120 }, { "1.5h", 90 }, { "0.25h", 15 }, { "0.1h", 6 },
	{ "1.05h", 63 }, { "1.50h", 90 }, { ".5h", 30 }, { "2 hrs", 120 },
	{ "0.75 hr", 45 }, { "3 hours", 180 }, { "1 hour", 60 },
	{ "2H", 120 }, { "24h", 1440 }, { "1.0h", 60 }, { "1.2500h", 75 },
	/* hours and minutes */
	{ "1h30", 90 }, { "1h30m", 90 }, { "1h 30m", 90 }, { "1h 30", 90 },
	{ "1h 30 min", 90 }, { "1 h 30 m", 90 }, { "2h 0m", 120 },
	{ "0h 45m", 45 }, { "1H30M", 90 }, { "23h 59m", 1439 },
	{ "1 hour 15 minutes", 75 }, { "1h05", 65 },
	/* spaces around */
	{ "  1:30  ", 90 }, { " 2h ", 120 },
};

START_TEST(test_parse_good)
{
	struct pd_err e;
	int m = -1;

	ck_assert_msg(duration_parse(good[_i].s, &m, &e) == PD_OK, "%s: %s",
	    good[_i].s, e.msg);
	ck_assert_int_eq(m, good[_i].minutes);
}
END_TEST

static const struct { const char *s, *msg; } bad[] = {
	{ NULL, "how long is needed" },
	{ "", "how long is needed" },
	{ "   ", "how long is needed" },
	/* zero */
	{ "0", "\"0\": the time must be more than 0" },
	{ "0:00", "more than 0" },
	{ "0m", "more than 0" },
	{ "0h", "more than 0" },
	{ "0.0h", "more than 0" },
	{ "0h 0m", "more than 0" },
	/* negative */
	{ "-30", "\"-30\": a length of time cannot be negative" },
	{ "-1:30", "cannot be negative" },
	{ "-1h", "cannot be negative" },
	/* more than a day */
	{ "24:01", "\"24:01\" is more than 24 hours" },
	{ "1441", "more than 24 hours" },
	{ "25h", "more than 24 hours" },
	{ "24h 1m", "more than 24 hours" },
	{ "1500m", "more than 24 hours" },
	{ "99999999999999", "more than 24 hours" },
	/* not whole minutes */
	{ "1.333h", "\"1.333h\" is not a whole number of minutes" },
	{ "0.01h", "not a whole number of minutes" },
	{ "1.33333h", "not a whole number of minutes" },
	{ "1.5m", "give whole minutes" },
	/* minutes out of range after hours or a colon */
	{ "1:60", "the minutes after the colon go up to 59" },
	{ "1h60m", "after the hours, the minutes go up to 59" },
	{ "1h 75", "go up to 59" },
	/* garbage and half-forms */
	{ "abc", "\"abc\" is not a length of time" },
	{ "1:5", "not a length of time" },
	{ "1:050", "not a length of time" },
	{ ":30", "not a length of time" },
	{ "1:", "not a length of time" },
	{ "1:30:00", "not a length of time" },
	{ "1.5", "not a length of time" },
	{ "1.h", "not a length of time" },
	{ "h", "not a length of time" },
	{ "m", "not a length of time" },
	{ "1hh", "not a length of time" },
	{ "1 30", "not a length of time" },
	{ "1h30h", "not a length of time" },
	{ "1.5h30m", "not a length of time" },
	{ "90m30", "not a length of time" },
	{ "1h 30m 20s", "not a length of time" },
	{ "2d", "not a length of time" },
	{ "1,5h", "not a length of time" },
	{ "1h-30m", "not a length of time" },
	{ "+90", "not a length of time" },
	{ "ninety", "not a length of time" },
	{ "1\xc2\xbdh", "not a length of time" },	/* 1½h */
};

START_TEST(test_parse_bad)
{
	struct pd_err e;
	int m = -1;

	ck_assert_int_eq(duration_parse(bad[_i].s, &m, &e), PD_INVALID);
	ck_assert_msg(strstr(e.msg, bad[_i].msg) != NULL, "%s: %s",
	    bad[_i].s ? bad[_i].s : "(null)", e.msg);
	ck_assert_int_eq(m, -1);
	ck_assert_int_eq(duration_parse(bad[_i].s, &m, NULL), PD_INVALID);
}
END_TEST

static const struct { int minutes; const char *text, *hours; } fmt[] = {
	{ 810, "13h 30m", "13.50" },
	{ 60, "1h", "1.00" },
	{ 45, "45m", "0.75" },
	{ 0, "0m", "0.00" },
	{ 1, "1m", "0.02" },		/* 0.0167 */
	{ 3, "3m", "0.05" },
	{ 20, "20m", "0.33" },		/* 0.3333 */
	{ 50, "50m", "0.83" },		/* 0.8333 */
	{ 959, "15h 59m", "15.98" },	/* 15.9833 */
	{ 960, "16h", "16.00" },
	{ 149, "2h 29m", "2.48" },	/* 2.4833 */
	{ 1439, "23h 59m", "23.98" },
	{ 1800, "30h", "30.00" },
	{ 61, "1h 1m", "1.02" },	/* 1.0167 */
	{ -90, "-1h 30m", "-1.50" },
	{ -20, "-20m", "-0.33" },
};

START_TEST(test_format)
{
	char buf[DURATION_STR_LEN];
	int back = -1;

	ck_assert_str_eq(duration_format(fmt[_i].minutes, buf), fmt[_i].text);
	if (fmt[_i].minutes > 0 && fmt[_i].minutes <= DURATION_MAX_MINUTES) {
		ck_assert_int_eq(duration_parse(buf, &back, NULL), PD_OK);
		ck_assert_int_eq(back, fmt[_i].minutes);
	}
	ck_assert_str_eq(duration_format_hours(fmt[_i].minutes, buf),
	    fmt[_i].hours);
}
END_TEST

/* Every accepted minute count reads back from each written form. */
START_TEST(test_round_trip)
{
	char buf[DURATION_STR_LEN], hm[16];
	int m, back;

	for (m = 1; m <= DURATION_MAX_MINUTES; m++) {
		duration_format(m, buf);
		if (duration_parse(buf, &back, NULL) != PD_OK || back != m)
			ck_abort_msg("%s did not read back as %d", buf, m);
		snprintf(hm, sizeof hm, "%d:%02d", m / 60, m % 60);
		if (duration_parse(hm, &back, NULL) != PD_OK || back != m)
			ck_abort_msg("%s did not read back as %d", hm, m);
	}
}
END_TEST

START_TEST(test_format_extremes)
{
	char buf[DURATION_STR_LEN];

	ck_assert_str_eq(duration_format(INT32_MAX, buf), "35791394h 7m");
	ck_assert_str_eq(duration_format(INT32_MIN, buf), "-35791394h 8m");
	ck_assert_str_eq(duration_format_hours(INT32_MAX, buf), "35791394.12");
}
END_TEST

/* The choices forms make: no bare numbers, zero allowed, a week at most. */
START_TEST(test_parse_as)
{
	struct pd_err err;
	int m = -1;

	ck_assert_int_eq(duration_parse_as("90", 0, 7 * 24 * 60, &m, &err),
	    PD_INVALID);
	ck_assert_msg(strstr(err.msg, "minutes or hours") != NULL, "%s",
	    err.msg);
	ck_assert_int_eq(duration_parse_as("90", DURATION_BARE_MINUTES,
	    DURATION_MAX_MINUTES, &m, NULL), PD_OK);
	ck_assert_int_eq(m, 90);
	ck_assert_int_eq(duration_parse_as("0m", 0, 600, &m, NULL), PD_INVALID);
	ck_assert_int_eq(duration_parse_as("0m", DURATION_ZERO_OK, 600, &m,
	    NULL), PD_OK);
	ck_assert_int_eq(m, 0);
	ck_assert_int_eq(duration_parse_as("37.5h", 0, 7 * 24 * 60, &m, NULL),
	    PD_OK);
	ck_assert_int_eq(m, 2250);
	ck_assert_int_eq(duration_parse_as("169h", 0, 7 * 24 * 60, &m, &err),
	    PD_INVALID);
	ck_assert_msg(strstr(err.msg, "more than 168 hours") != NULL, "%s",
	    err.msg);
	ck_assert_int_eq(duration_parse_as("25h", DURATION_BARE_MINUTES,
	    DURATION_MAX_MINUTES, &m, &err), PD_INVALID);
	ck_assert_msg(strstr(err.msg, "24 hours") != NULL, "%s", err.msg);
}
END_TEST

static Suite *
model_duration_suite(void)
{
	Suite *s = suite_create("model_duration");
	TCase *tc = tcase_create("duration");

	tcase_add_loop_test(tc, test_parse_good, 0, N(good));
	tcase_add_loop_test(tc, test_parse_bad, 0, N(bad));
	tcase_add_loop_test(tc, test_format, 0, N(fmt));
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_format_extremes);
	tcase_add_test(tc, test_parse_as);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(model_duration_suite)
