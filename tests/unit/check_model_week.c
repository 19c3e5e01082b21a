/* Tier 1: model/week - organisation weeks and ISO 8601 week labels. */
#include <string.h>
#include <time.h>

#include "support/testlib.h"
#include "peerdesk/model/week.h"

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

static const struct { const char *d; int sw; const char *first; } start_cases[] = {
	{ "2026-03-04", DATE_MONDAY, "2026-03-02" },	/* a Wednesday */
	{ "2026-03-04", DATE_SUNDAY, "2026-03-01" },
	{ "2026-03-04", DATE_WEDNESDAY, "2026-03-04" },
	{ "2026-03-04", DATE_THURSDAY, "2026-02-26" },
	{ "2026-03-04", DATE_SATURDAY, "2026-02-28" },
	{ "2026-03-02", DATE_MONDAY, "2026-03-02" },
	{ "2026-03-08", DATE_MONDAY, "2026-03-02" },	/* Sunday */
	{ "2026-03-09", DATE_MONDAY, "2026-03-09" },
	{ "2026-01-01", DATE_MONDAY, "2025-12-29" },	/* across a year */
	{ "2024-03-01", DATE_FRIDAY, "2024-03-01" },
	{ "2024-03-01", DATE_SATURDAY, "2024-02-24" },	/* across 29 Feb */
	{ "1970-01-01", DATE_MONDAY, "1969-12-29" },
	{ "2026-03-04", 0, "2026-03-02" },		/* not 1-7: Monday */
	{ "2026-03-04", 8, "2026-03-02" },
};

START_TEST(test_week_start_of)
{
	struct week_range w;
	pd_date d = D(start_cases[_i].d);

	ck_assert_str_eq(S(week_start_of(d, start_cases[_i].sw)),
	    start_cases[_i].first);
	w = week_of(d, start_cases[_i].sw);
	ck_assert_str_eq(S(w.first), start_cases[_i].first);
	ck_assert_int_eq(w.last, w.first + 6);
	ck_assert_int_le(w.first, d);
	ck_assert_int_ge(w.last, d);
}
END_TEST

static const struct { const char *d; int y, w; } iso_cases[] = {
	{ "2020-12-31", 2020, 53 }, { "2021-01-03", 2020, 53 },
	{ "2021-01-04", 2021, 1 }, { "2025-12-29", 2026, 1 },
	{ "2025-12-28", 2025, 52 }, { "2027-01-01", 2026, 53 },
	{ "2027-01-03", 2026, 53 }, { "2027-01-04", 2027, 1 },
	{ "2026-02-23", 2026, 9 }, { "2026-03-01", 2026, 9 },
	{ "2008-12-29", 2009, 1 }, { "2010-01-03", 2009, 53 },
	{ "2024-12-30", 2025, 1 }, { "2026-01-01", 2026, 1 },
	{ "2026-12-31", 2026, 53 }, { "2020-01-01", 2020, 1 },
	{ "2019-12-30", 2020, 1 }, { "2004-12-31", 2004, 53 },
};

START_TEST(test_iso_of)
{
	int y = 0, w = 0;
	char buf[WEEK_LABEL_LEN];

	week_iso_of(D(iso_cases[_i].d), &y, &w);
	ck_assert_int_eq(y, iso_cases[_i].y);
	ck_assert_int_eq(w, iso_cases[_i].w);
	week_iso_of(D(iso_cases[_i].d), NULL, NULL);
	/* Monday-start organisation weeks carry the same label. */
	week_iso_format(y, w, buf);
	{
		char lab[WEEK_LABEL_LEN];

		ck_assert_str_eq(week_label_of(D(iso_cases[_i].d),
		    DATE_MONDAY, lab), buf);
	}
}
END_TEST

/* Against the C library's %G-W%V for every day from 1900 to 2200. */
START_TEST(test_iso_agrees_with_libc)
{
	pd_date d;
	char ours[WEEK_LABEL_LEN], theirs[32];

	for (d = D("1900-01-01"); d <= D("2200-12-31"); d++) {
		time_t t = (time_t)d * 86400;
		struct tm tm;
		int y, w;

		ck_assert_ptr_nonnull(gmtime_r(&t, &tm));
		strftime(theirs, sizeof theirs, "%G-W%V", &tm);
		week_iso_of(d, &y, &w);
		week_iso_format(y, w, ours);
		if (strcmp(ours, theirs) != 0)
			ck_abort_msg("%s: %s vs %s", S(d), ours, theirs);
		if (week_iso_monday(y, w) != week_start_of(d, DATE_MONDAY))
			ck_abort_msg("%s: Monday of %s is %s", S(d), ours,
			    S(week_iso_monday(y, w)));
	}
}
END_TEST

static const struct { int y, n; } weeks_cases[] = {
	{ 2004, 53 }, { 2009, 53 }, { 2015, 53 }, { 2020, 53 }, { 2026, 53 },
	{ 2032, 53 }, { 2037, 53 }, { 1976, 53 }, { 2021, 52 }, { 2024, 52 },
	{ 2025, 52 }, { 2027, 52 }, { 2000, 52 }, { 1999, 52 },
};

START_TEST(test_weeks_in_year)
{
	pd_date dec28;
	int y, w;

	ck_assert_int_eq(week_iso_weeks_in_year(weeks_cases[_i].y),
	    weeks_cases[_i].n);
	/* 28 December is always in the last week of its ISO year. */
	ck_assert_int_eq(date_from_ymd(weeks_cases[_i].y, 12, 28, &dec28,
	    NULL), PD_OK);
	week_iso_of(dec28, &y, &w);
	ck_assert_int_eq(y, weeks_cases[_i].y);
	ck_assert_int_eq(w, weeks_cases[_i].n);
}
END_TEST

static const struct { const char *s, *monday; } parse_good[] = {
	{ "2026-W09", "2026-02-23" }, { "2026-W01", "2025-12-29" },
	{ "2020-W53", "2020-12-28" }, { "2026-W53", "2026-12-28" },
	{ "2009-W53", "2009-12-28" }, { "2025-W01", "2024-12-30" },
	{ "2004-W53", "2004-12-27" }, { "2027-W01", "2027-01-04" },
	{ "2026-w09", "2026-02-23" },
};

START_TEST(test_iso_parse_good)
{
	pd_date m = 0;
	int y, w;
	char buf[WEEK_LABEL_LEN];

	ck_assert_int_eq(week_iso_parse(parse_good[_i].s, &m, NULL), PD_OK);
	ck_assert_str_eq(S(m), parse_good[_i].monday);
	ck_assert_int_eq(date_weekday(m), DATE_MONDAY);
	week_iso_of(m, &y, &w);
	week_iso_format(y, w, buf);
	ck_assert_int_eq(strncmp(buf, parse_good[_i].s, 5), 0);
	ck_assert_str_eq(buf + 6, parse_good[_i].s + 6);
}
END_TEST

static const struct { const char *s, *msg; } parse_bad[] = {
	{ NULL, "a week is needed" },
	{ "", "a week is needed" },
	{ "2025-W53", "2025 has weeks W01 to W52" },
	{ "2027-W53", "W01 to W52" },
	{ "2026-W54", "2026 has weeks W01 to W53" },
	{ "2026-W00", "W01 to W53" },
	{ "2026-W9", "write it as YYYY-Www" },
	{ "2026W09", "YYYY-Www" },
	{ "2026-09", "YYYY-Www" },
	{ "2026-W090", "YYYY-Www" },
	{ " 2026-W09", "YYYY-Www" },
	{ "2026-W09 ", "YYYY-Www" },
	{ "2026-X09", "YYYY-Www" },
	{ "0000-W01", "no year 0000" },
	{ "26-W09", "YYYY-Www" },
	{ "2026-03-04", "YYYY-Www" },
};

START_TEST(test_iso_parse_bad)
{
	struct pd_err e;
	pd_date m = 99;
	struct week_range w = { 1, 2 };

	ck_assert_int_eq(week_iso_parse(parse_bad[_i].s, &m, &e), PD_INVALID);
	ck_assert_msg(strstr(e.msg, parse_bad[_i].msg) != NULL, "%s", e.msg);
	ck_assert_int_eq(m, 99);
	ck_assert_int_eq(week_parse(parse_bad[_i].s, DATE_MONDAY, &w, NULL),
	    PD_INVALID);
	ck_assert_int_eq(w.first, 1);
}
END_TEST

START_TEST(test_iso_format)
{
	char buf[WEEK_LABEL_LEN];

	ck_assert_str_eq(week_iso_format(2026, 9, buf), "2026-W09");
	ck_assert_str_eq(week_iso_format(2020, 53, buf), "2020-W53");
	ck_assert_str_eq(week_iso_format(1, 1, buf), "0001-W01");
	ck_assert_str_eq(week_iso_format(2026, 0, buf), "?\?\?\?-W?\?");
	ck_assert_str_eq(week_iso_format(2026, 54, buf), "?\?\?\?-W?\?");
	ck_assert_str_eq(week_iso_format(10000, 1, buf), "?\?\?\?-W?\?");
}
END_TEST

/* Organisation weeks that do not start on Monday: the label is the ISO
 * week of the one Monday inside the week. */
static const struct {
	const char *d; int sw; const char *label, *first;
} org_cases[] = {
	{ "2026-03-01", DATE_SUNDAY, "2026-W10", "2026-03-01" },
	{ "2026-03-01", DATE_MONDAY, "2026-W09", "2026-02-23" },
	{ "2026-03-01", DATE_SATURDAY, "2026-W10", "2026-02-28" },
	{ "2026-03-02", DATE_TUESDAY, "2026-W10", "2026-02-24" },
	{ "2026-03-03", DATE_TUESDAY, "2026-W11", "2026-03-03" },
	{ "2025-12-28", DATE_SUNDAY, "2026-W01", "2025-12-28" },
	{ "2027-01-01", DATE_FRIDAY, "2027-W01", "2027-01-01" },
	{ "2026-12-31", DATE_FRIDAY, "2026-W53", "2026-12-25" },
	{ "2021-01-02", DATE_SATURDAY, "2021-W01", "2021-01-02" },
};

START_TEST(test_org_weeks)
{
	char buf[WEEK_LABEL_LEN];
	struct week_range w;
	struct pd_err e;

	ck_assert_str_eq(week_label_of(D(org_cases[_i].d), org_cases[_i].sw,
	    buf), org_cases[_i].label);
	ck_assert_int_eq(week_parse(org_cases[_i].label, org_cases[_i].sw, &w,
	    &e), PD_OK);
	ck_assert_str_eq(S(w.first), org_cases[_i].first);
	ck_assert_int_eq(w.last, w.first + 6);
	ck_assert_int_le(w.first, D(org_cases[_i].d));
	ck_assert_int_ge(w.last, D(org_cases[_i].d));
	ck_assert_int_eq(date_weekday(w.first), org_cases[_i].sw);
}
END_TEST

/* Label and parse agree for every start day over several years. */
START_TEST(test_org_round_trip)
{
	char buf[WEEK_LABEL_LEN];
	struct week_range w, got;
	pd_date d;
	int sw;

	for (sw = 1; sw <= 7; sw++)
		for (d = D("2019-12-01"); d <= D("2028-01-31"); d++) {
			w = week_of(d, sw);
			week_label_of(d, sw, buf);
			if (week_parse(buf, sw, &got, NULL) != PD_OK ||
			    got.first != w.first || got.last != w.last)
				ck_abort_msg("%s start %d: %s -> %s", S(d), sw,
				    buf, S(got.first));
		}
}
END_TEST

static Suite *
model_week_suite(void)
{
	Suite *s = suite_create("model_week");
	TCase *tc = tcase_create("week");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_week_start_of, 0, N(start_cases));
	tcase_add_loop_test(tc, test_iso_of, 0, N(iso_cases));
	tcase_add_test(tc, test_iso_agrees_with_libc);
	tcase_add_loop_test(tc, test_weeks_in_year, 0, N(weeks_cases));
	tcase_add_loop_test(tc, test_iso_parse_good, 0, N(parse_good));
	tcase_add_loop_test(tc, test_iso_parse_bad, 0, N(parse_bad));
	tcase_add_test(tc, test_iso_format);
	tcase_add_loop_test(tc, test_org_weeks, 0, N(org_cases));
	tcase_add_test(tc, test_org_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(model_week_suite)
