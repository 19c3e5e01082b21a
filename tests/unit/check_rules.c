/* Tier 1: model/rules - lookups by date and age, on hand-made tables and
 * on the built-in rules.yaml: every row's first and last day, the first
 * and last day of every year, every day against a plain linear search,
 * each limit against 16 x the wage rate, and figures known by heart. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/config/rules.h"
#include "peerdesk/model/rules.h"

static struct rules builtin;	/* loaded once, before the tests fork */

/* Tiny date helpers for the tests only (model/date is someone else's). */
static unsigned
t_days_in_month(unsigned y, unsigned m)
{
	static const unsigned d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
		31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

static void
t_shift(char date[11], int days)
{
	unsigned y, m, d;

	sscanf(date, "%u-%u-%u", &y, &m, &d);
	for (; days > 0; days--) {
		if (++d > t_days_in_month(y, m)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	for (; days < 0; days++) {
		if (--d == 0) {
			if (--m == 0) {
				m = 12;
				y--;
			}
			d = t_days_in_month(y, m);
		}
	}
	snprintf(date, 11, "%04u-%02u-%02u", y % 10000, m % 100, d % 100);
}

/* The obvious, slow answers, to hold the binary searches to. */
static const char *
t_applied(const struct rules_pw_row *row)
{
	return row->dwp_from[0] ? row->dwp_from : row->from;
}

static const struct rules_pw_row *
t_pw_linear(const struct rules *r, const char *date)
{
	const struct rules_pw_row *best = NULL;
	size_t i;

	/* the limit DWP applies: from its uprating date when the row has
	 * one */
	for (i = 0; i < r->n_pw; i++)
		if (strcmp(t_applied(&r->pw[i]), date) <= 0)
			best = &r->pw[i];
	return best;
}

static const struct rules_wage_row *
t_wage_linear(const struct rules *r, const char *date)
{
	const struct rules_wage_row *best = NULL;
	size_t i;

	for (i = 0; i < r->n_wage; i++)
		if (strcmp(r->wage[i].from, date) <= 0)
			best = &r->wage[i];
	return best;
}

START_TEST(test_empty_tables)
{
	struct rules r;

	rules_init(&r);
	ck_assert_ptr_null(rules_pw_on(&r, "2024-04-01"));
	ck_assert_ptr_null(rules_wage_row_on(&r, "2024-04-01"));
	ck_assert_ptr_null(rules_wage_on(&r, "2024-04-01", 30));
	ck_assert_int_eq(rules_apprentice_on(&r, "2024-04-01"), 0);
	ck_assert_ptr_null(rules_wage_top(NULL));
	ck_assert_str_eq(rules_first_date(&r), "");
	ck_assert_str_eq(rules_last_date(&r), "");
	rules_fini(&r);
	rules_fini(NULL);
}
END_TEST

START_TEST(test_hand_made)
{
	struct rules_pw_row pw[] = {
		{ "2020-01-01", 100, 200, NULL, NULL, "" },
		{ "2021-06-15", 100, 300, NULL, NULL, "" },
		{ "2022-01-01", 100, 400, NULL, NULL, "" },
	};
	struct rules_band bands[] = {
		{ NULL, 18, 20, 500 },
		{ NULL, 21, -1, 700 },
	};
	struct rules_wage_row wage[] = {
		{ "2021-01-01", bands, 2, 0, NULL, NULL },
	};
	struct rules r = { pw, 3, wage, 1, NULL };

	ck_assert_ptr_null(rules_pw_on(&r, "2019-12-31"));
	ck_assert_ptr_eq(rules_pw_on(&r, "2020-01-01"), &pw[0]);
	ck_assert_ptr_eq(rules_pw_on(&r, "2021-06-14"), &pw[0]);
	ck_assert_ptr_eq(rules_pw_on(&r, "2021-06-15"), &pw[1]);
	ck_assert_ptr_eq(rules_pw_on(&r, "2021-12-31"), &pw[1]);
	ck_assert_ptr_eq(rules_pw_on(&r, "2022-01-01"), &pw[2]);
	ck_assert_ptr_eq(rules_pw_on(&r, "9999-12-31"), &pw[2]);
	/* not dates: no answer rather than a wrong one */
	ck_assert_ptr_null(rules_pw_on(&r, NULL));
	ck_assert_ptr_null(rules_pw_on(&r, ""));
	ck_assert_ptr_null(rules_pw_on(&r, "2022-1-1"));
	ck_assert_ptr_null(rules_pw_on(&r, "2022-01-01T00:00"));
	ck_assert_ptr_null(rules_pw_on(&r, "2022/01/01"));
	/* DWP applies the 2022 row from 10 January: until then 2021's */
	memcpy(pw[2].dwp_from, "2022-01-10", 11);
	ck_assert_ptr_eq(rules_pw_on(&r, "2022-01-09"), &pw[1]);
	ck_assert_ptr_eq(rules_pw_on(&r, "2022-01-10"), &pw[2]);
	pw[2].dwp_from[0] = '\0';
	ck_assert_ptr_null(rules_wage_on(&r, "2020-12-31", 30));
	ck_assert_int_eq(rules_wage_on(&r, "2021-01-01", 18)->rate_pence, 500);
	ck_assert_int_eq(rules_wage_on(&r, "2021-01-01", 20)->rate_pence, 500);
	ck_assert_int_eq(rules_wage_on(&r, "2021-01-01", 21)->rate_pence, 700);
	ck_assert_int_eq(rules_wage_on(&r, "2030-01-01", 99)->rate_pence, 700);
	ck_assert_ptr_null(rules_wage_on(&r, "2021-01-01", 17));
	ck_assert_ptr_null(rules_wage_on(&r, "2021-01-01", -1));
	ck_assert_ptr_eq(rules_wage_top(&wage[0]), &bands[1]);
	ck_assert_int_eq(rules_apprentice_on(&r, "2021-01-01"), 0);
	ck_assert_str_eq(rules_first_date(&r), "2020-01-01");
	ck_assert_str_eq(rules_last_date(&r), "2022-01-01");
}
END_TEST

/* Every permitted-work row: in force on its first day and its last day
 * (the day before the next row), and not the day before it starts. */
START_TEST(test_pw_row_first_and_last_day)
{
	const struct rules_pw_row *row = &builtin.pw[_i];
	char day[11];

	ck_assert_ptr_eq(rules_pw_on(&builtin, t_applied(row)), row);
	if ((size_t)_i + 1 < builtin.n_pw) {
		memcpy(day, t_applied(&builtin.pw[_i + 1]), 11);
		t_shift(day, -1);
	} else {
		memcpy(day, "9999-12-31", 11);
	}
	ck_assert_ptr_eq(rules_pw_on(&builtin, day), row);
	memcpy(day, t_applied(row), 11);
	t_shift(day, -1);
	if (_i == 0)
		ck_assert_ptr_null(rules_pw_on(&builtin, day));
	else
		ck_assert_ptr_eq(rules_pw_on(&builtin, day), row - 1);
}
END_TEST

/* Every wage row, and every band in it, on the row's first and last day,
 * at the youngest and oldest age of the band. */
START_TEST(test_wage_row_first_and_last_day)
{
	const struct rules_wage_row *row = &builtin.wage[_i];
	char last[11];
	const char *days[2];
	size_t b;
	int d;

	if ((size_t)_i + 1 < builtin.n_wage) {
		memcpy(last, builtin.wage[_i + 1].from, 11);
		t_shift(last, -1);
	} else {
		memcpy(last, "9999-12-31", 11);
	}
	days[0] = row->from;
	days[1] = last;
	for (d = 0; d < 2; d++) {
		ck_assert_ptr_eq(rules_wage_row_on(&builtin, days[d]), row);
		ck_assert_int_eq(rules_apprentice_on(&builtin, days[d]),
		    row->apprentice_pence);
		for (b = 0; b < row->n_bands; b++) {
			const struct rules_band *band = &row->bands[b];
			int oldest = band->max_age < 0 ? 100 : band->max_age;

			ck_assert_ptr_eq(rules_wage_on(&builtin, days[d],
			    band->min_age), band);
			ck_assert_ptr_eq(rules_wage_on(&builtin, days[d],
			    oldest), band);
		}
		/* under 16 has no minimum wage band */
		ck_assert_ptr_null(rules_wage_on(&builtin, days[d], 15));
	}
	ck_assert_ptr_nonnull(rules_wage_top(row));
	ck_assert_int_gt(row->apprentice_pence, 0);
}
END_TEST

static int first_year, last_year;

/* 1 January and 31 December of every year the tables cover. */
START_TEST(test_year_ends)
{
	int year = first_year + _i;
	char days[2][11];
	int d, age;

	snprintf(days[0], sizeof days[0], "%04d-01-01", year);
	snprintf(days[1], sizeof days[1], "%04d-12-31", year);
	for (d = 0; d < 2; d++) {
		const struct rules_wage_row *w = t_wage_linear(&builtin,
		    days[d]);

		ck_assert_ptr_eq(rules_pw_on(&builtin, days[d]),
		    t_pw_linear(&builtin, days[d]));
		ck_assert_ptr_eq(rules_wage_row_on(&builtin, days[d]), w);
		for (age = 14; age <= 70; age++) {
			const struct rules_band *b = rules_wage_on(&builtin,
			    days[d], age);

			if (w == NULL || age < 16) {
				ck_assert_ptr_null(b);
				continue;
			}
			ck_assert_ptr_nonnull(b);
			ck_assert_int_ge(age, b->min_age);
			ck_assert(b->max_age < 0 || age <= b->max_age);
		}
	}
}
END_TEST

/* Every day from 2012 to 2027: binary search == linear search. */
START_TEST(test_every_day)
{
	char day[11] = "2012-01-01";
	int n = 0;

	while (strcmp(day, "2028-01-01") < 0) {
		ck_assert_ptr_eq(rules_pw_on(&builtin, day),
		    t_pw_linear(&builtin, day));
		ck_assert_ptr_eq(rules_wage_row_on(&builtin, day),
		    t_wage_linear(&builtin, day));
		t_shift(day, 1);
		n++;
	}
	ck_assert_int_eq(n, 5844);	/* 16 years, 4 of them leap */
}
END_TEST

/* reg 45(9A): 16 x the adult rate, rounded up to the next 50p (pence up
 * to 50) or the next pound (pence over 50).  Holds for every row,
 * computed or published: a typo in either table shows up here. */
START_TEST(test_limit_is_16_times_adult_rate)
{
	const struct rules_pw_row *row = &builtin.pw[_i];
	const struct rules_band *top;
	int64_t x, p, want;

	top = rules_wage_top(rules_wage_row_on(&builtin, row->from));
	ck_assert_ptr_nonnull(top);
	x = 16 * top->rate_pence;
	p = x % 100;
	want = p == 0 ? x : p <= 50 ? x - p + 50 : x - p + 100;
	ck_assert_msg(row->higher_pence == want,
	    "%s: higher %lld, but 16 x %lld rounds up to %lld", row->from,
	    (long long)row->higher_pence, (long long)top->rate_pence,
	    (long long)want);
	ck_assert_int_eq(row->lower_pence, 2000);
	ck_assert_ptr_nonnull(row->source);
	ck_assert_int_gt((int)strlen(row->source), 10);
}
END_TEST

/* Figures known from the research notes. */
struct spot {
	const char *date;
	int64_t higher;		/* higher limit, -1: none */
	int age;
	int64_t rate;		/* hourly minimum; -1: no band */
	const char *band;
};

static const struct spot spots[] = {
	/* the brief's checks: the wage changes on 1 April, but 7 April
	 * 2024 still has the 2023/24 limit DWP applies until its uprating
	 * week (8 April 2024) */
	{ "2024-04-07", 16700, 30, 1144, "21+" },
	{ "2025-04-10", 19550, 30, 1221, "21+" },
	{ "2026-04-30", 20350, 30, 1271, "21+" },
	{ "2019-06-01", 13150, 25, 821, "25+" },
	{ "2022-05-01", 15200, 22, 918, "21-22" },
	{ "2026-05-01", 20350, 19, 1085, "18-20" },
	/* around the edges of the tables */
	{ "2012-09-30", -1, 30, -1, NULL },
	{ "2012-10-01", -1, 21, 619, "21+" },
	{ "2013-03-31", -1, 20, 498, "18-20" },
	{ "2013-04-01", 9950, 16, 368, "16-17" },
	{ "2013-09-30", 9950, 21, 619, "21+" },
	{ "2013-10-01", 10100, 21, 631, "21+" },
	{ "2014-09-30", 10100, 21, 631, "21+" },
	{ "2014-10-01", 10400, 21, 650, "21+" },
	{ "2015-10-01", 10750, 21, 670, "21+" },
	{ "2016-03-31", 10750, 30, 670, "21+" },
	{ "2016-04-01", 11550, 30, 720, "25+" },
	{ "2016-04-01", 11550, 24, 670, "21-24" },
	{ "2016-10-01", 11550, 24, 695, "21-24" },
	{ "2017-04-01", 12000, 17, 405, "16-17" },
	{ "2018-04-01", 12550, 25, 783, "25+" },
	{ "2020-04-01", 14000, 24, 820, "21-24" },
	{ "2021-03-31", 14000, 24, 820, "21-24" },
	{ "2021-04-01", 14300, 23, 891, "23+" },
	{ "2021-04-01", 14300, 24, 891, "23+" },
	{ "2023-04-01", 16700, 22, 1018, "21-22" },
	{ "2024-03-31", 16700, 21, 1018, "21-22" },
	/* the wage changes on 1 April; the limit DWP applies on the
	 * Monday of its uprating week (8 April 2024, 7 April 2025, 6 April
	 * 2026): until then the year before's limit holds */
	{ "2024-04-01", 16700, 21, 1144, "21+" },
	{ "2024-04-01", 16700, 18, 860, "18-20" },
	{ "2024-04-07", 16700, 21, 1144, "21+" },
	{ "2024-04-08", 18350, 21, 1144, "21+" },
	{ "2025-04-01", 18350, 20, 1000, "18-20" },
	{ "2025-04-06", 18350, 21, 1221, "21+" },
	{ "2025-04-07", 19550, 21, 1221, "21+" },
	{ "2026-03-31", 19550, 17, 755, "16-17" },
	{ "2026-04-01", 19550, 16, 800, "16-17" },
	{ "2026-04-05", 19550, 21, 1271, "21+" },
	{ "2026-04-06", 20350, 16, 800, "16-17" },
	{ "2026-04-06", 20350, 15, -1, NULL },
	{ "2031-01-01", 20350, 40, 1271, "21+" },
};

START_TEST(test_spot_checks)
{
	const struct spot *c = &spots[_i];
	const struct rules_pw_row *pw = rules_pw_on(&builtin, c->date);
	const struct rules_band *b = rules_wage_on(&builtin, c->date, c->age);

	if (c->higher < 0) {
		ck_assert_ptr_null(pw);
	} else {
		ck_assert_msg(pw != NULL, "%s: no limit", c->date);
		ck_assert_int_eq(pw->higher_pence, c->higher);
		ck_assert_int_eq(pw->lower_pence, 2000);
	}
	if (c->rate < 0) {
		ck_assert_ptr_null(b);
	} else {
		ck_assert_msg(b != NULL, "%s age %d: no band", c->date,
		    c->age);
		ck_assert_int_eq(b->rate_pence, c->rate);
		ck_assert_str_eq(b->name, c->band);
	}
}
END_TEST

START_TEST(test_apprentice)
{
	ck_assert_int_eq(rules_apprentice_on(&builtin, "2012-09-30"), 0);
	ck_assert_int_eq(rules_apprentice_on(&builtin, "2012-10-01"), 265);
	ck_assert_int_eq(rules_apprentice_on(&builtin, "2015-10-01"), 330);
	ck_assert_int_eq(rules_apprentice_on(&builtin, "2026-05-01"), 800);
}
END_TEST

/* Rows worked out rather than read in a source say so in a note. */
START_TEST(test_computed_rows_marked)
{
	static const char *const computed[] = { "2018-04-01", "2020-04-01",
		"2026-04-01" };
	size_t i, j;

	for (i = 0; i < builtin.n_pw; i++) {
		const struct rules_pw_row *row = &builtin.pw[i];
		int want = 0;

		for (j = 0; j < 3; j++)
			if (strcmp(row->from, computed[j]) == 0)
				want = 1;
		ck_assert_msg(want == (row->note != NULL &&
		    strncmp(row->note, "[C]", 3) == 0),
		    "%s: [C] note %s", row->from,
		    want ? "missing" : "unexpected");
	}
	for (i = 0; i < builtin.n_wage; i++)
		ck_assert(builtin.wage[i].note == NULL ||
		    strncmp(builtin.wage[i].note, "[C]", 3) != 0);
}
END_TEST

static Suite *
rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("lookup");
	struct pd_err e;
	char msg[700];

	if (rules_load_default(&builtin, &e) != PD_OK) {
		pd_err_format(&e, msg, sizeof msg);
		fprintf(stderr, "cannot load the built-in rules: %s\n", msg);
		exit(1);
	}
	first_year = atoi(rules_first_date(&builtin));
	last_year = atoi(rules_last_date(&builtin));
	tcase_add_test(tc, test_empty_tables);
	tcase_add_test(tc, test_hand_made);
	tcase_add_loop_test(tc, test_pw_row_first_and_last_day, 0,
	    (int)builtin.n_pw);
	tcase_add_loop_test(tc, test_wage_row_first_and_last_day, 0,
	    (int)builtin.n_wage);
	tcase_add_loop_test(tc, test_year_ends, 0,
	    last_year - first_year + 2);	/* one year past the last row */
	tcase_add_test(tc, test_every_day);
	tcase_add_loop_test(tc, test_limit_is_16_times_adult_rate, 0,
	    (int)builtin.n_pw);
	tcase_add_loop_test(tc, test_spot_checks, 0,
	    (int)(sizeof spots / sizeof spots[0]));
	tcase_add_test(tc, test_apprentice);
	tcase_add_test(tc, test_computed_rows_marked);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(rules_suite)
