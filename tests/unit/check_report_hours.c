/* Tier 1: model/hours - one PAL's row of the weekly hours summary (pay
 * per rate band, holiday pay, the permitted-work verdict) and the
 * report's order and totals (issue 6, part 5). */
#include <stdint.h>
#include <string.h>

#include "support/testlib.h"
#include "support/report_sample.h"
#include "peerdesk/model/hours.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

enum { OK = PERMITTED_OK, NEAR = PERMITTED_NEAR, OVER = PERMITTED_OVER,
	NA = PERMITTED_NA };

static const struct {
	const char *what;
	enum benefit_rule rule;
	int kinds[HOURS_KINDS];
	struct hours_band bands[3];
	int n_bands;
	int holiday;		/* 1: 12.07% */
	int no_limits;		/* 1: no figures for the week */
	/* expected */
	int minutes;
	int unrated;
	int64_t pay, holiday_pence, gross;
	int verdict;
	int minutes_left;
	int64_t pence_left;
} rows[] = {
	/* journey step 9: 13h 30m at £12.71 = £171.585 -> £171.59 */
	{ "one rate, no holiday pay", RULE_PERMITTED, { 810 },
	    { { 1271, 810 } }, 1, 0, 0,
	    810, 0, 17159, 0, 17159, OK, 149, 3191 },
	/* the rate goes up on Wednesday: two bands, each rounded */
	{ "rate change inside the week", RULE_PERMITTED, { 480, 60 },
	    { { 1271, 300 }, { 1345, 240 } }, 2, 0, 0,
	    540, 0, 6355 + 5380, 0, 11735, OK, 419, 8615 },
	/* 90 min at £12.71 = 1906.5p -> 1907p; 45 min at £13.45 =
	 * 1008.75p -> 1009p; each band on its own */
	{ "bands rounded on their own", RULE_SUPPORTED, { 135 },
	    { { 1271, 90 }, { 1345, 45 } }, 2, 0, 0,
	    135, 0, 1907 + 1009, 0, 2916, OK, 0, 17434 },
	/* holiday pay: 12.07% of £171.59 = £20.71; gross £192.30 is
	 * within £20.35 of £203.50, so close */
	{ "holiday pay on", RULE_PERMITTED, { 810 },
	    { { 1271, 810 } }, 1, 1, 0,
	    810, 0, 17159, 2071, 19230, NEAR, 149, 1120 },
	/* holiday pay tips the week over: £184.30 + £22.25 */
	{ "holiday pay tips it over", RULE_PERMITTED, { 870 },
	    { { 1271, 870 } }, 1, 1, 0,
	    870, 0, 18430, 2225, 20655, OVER, 89, 0 },
	/* supervision, training and travel count as hours too: 16h */
	{ "paid time counts as hours", RULE_PERMITTED,
	    { 600, 120, 120, 60, 30, 30 },
	    { { 1000, 960 } }, 1, 0, 0,
	    960, 0, 16000, 0, 16000, OVER, 0, 4350 },
	{ "lower limit over £20", RULE_LOWER, { 120 },
	    { { 1271, 120 } }, 1, 0, 0,
	    120, 0, 2542, 0, 2542, OVER, 0, 0 },
	{ "Universal Credit: n/a", RULE_UC, { 1200 },
	    { { 1271, 1200 } }, 1, 1, 0,
	    1200, 0, 25420, 3068, 28488, NA, 0, 0 },
	{ "no benefit: n/a", RULE_NONE, { 300 },
	    { { 1271, 300 } }, 1, 0, 0,
	    300, 0, 6355, 0, 6355, NA, 0, 0 },
	{ "no figures for the week: n/a", RULE_PERMITTED, { 300 },
	    { { 1271, 300 } }, 1, 0, 1,
	    300, 0, 6355, 0, 6355, NA, 0, 0 },
	/* minutes with no rate recorded: counted as hours, no pay; the
	 * pay limit cannot be checked (no room in pounds), hours can */
	{ "minutes with no rate", RULE_PERMITTED, { 240, 0, 60 },
	    { { -1, 60 }, { 1271, 240 } }, 2, 0, 0,
	    300, 60, 5084, 0, 5084, OK, 659, 0 },
	{ "nothing worked", RULE_PERMITTED, { 0 },
	    { { 0, 0 } }, 0, 1, 0,
	    0, 0, 0, 0, 0, OK, 959, 20350 },
};

static void
fill_input(int i, struct hours_input *in)
{
	memset(in, 0, sizeof *in);
	in->pal_id = i + 1;
	in->login = "pal";
	in->name = "A PAL";
	memcpy(in->minutes_by_kind, rows[i].kinds, sizeof in->minutes_by_kind);
	in->bands = rows[i].bands;
	in->n_bands = (size_t)rows[i].n_bands;
	in->rule = rows[i].rule;
}

START_TEST(test_row_build)
{
	struct hours_options opt = {
		.limits = rows[_i].no_limits ? NULL : &report_sample_limits,
		.near_percent = 10, .holiday_pay = rows[_i].holiday,
		.holiday_rate_bp = 1207,
	};
	struct hours_input in;
	struct hours_row row;
	struct pd_err err;

	fill_input(_i, &in);
	ck_assert_msg(hours_row_build(&in, &opt, &row, &err) == PD_OK,
	    "%s: %s", rows[_i].what, err.msg);
	ck_assert_int_eq(row.minutes, rows[_i].minutes);
	ck_assert_int_eq(row.unrated_minutes, rows[_i].unrated);
	ck_assert_int_eq(row.pay_pence, rows[_i].pay);
	ck_assert_int_eq(row.holiday_pence, rows[_i].holiday_pence);
	ck_assert_int_eq(row.gross_pence, rows[_i].gross);
	ck_assert_msg((int)row.check.verdict == rows[_i].verdict,
	    "%s: verdict %d, wanted %d (%s)", rows[_i].what,
	    row.check.verdict, rows[_i].verdict, row.check.sentence);
	ck_assert_int_eq(row.check.minutes, rows[_i].minutes);
	ck_assert_int_eq(row.check.pence, rows[_i].gross);
	if (rows[_i].verdict != NA) {
		if (row.check.has_hours_limit)
			ck_assert_int_eq(row.check.minutes_left,
			    rows[_i].minutes_left);
		ck_assert_int_eq(row.check.pence_left, rows[_i].pence_left);
	}
	ck_assert_int_eq(row.check.no_figures, rows[_i].no_limits);
	ck_assert_int_eq(row.rule, rows[_i].rule);
	ck_assert_str_eq(row.login, "pal");
	ck_assert_str_eq(row.name, "A PAL");
	hours_row_fini(&row);
	ck_assert_ptr_null(row.login);
}
END_TEST

/* Inputs that cannot be right are refused with a plain message. */
static const struct {
	const char *what;
	int kinds[HOURS_KINDS];
	struct hours_band bands[3];
	int n_bands;
	const char *words;
} bad[] = {
	{ "bands short of the minutes", { 300 }, { { 1271, 240 } }, 1,
	    "do not add up" },
	{ "bands over the minutes", { 300 }, { { 1271, 240 }, { 1345, 90 } },
	    2, "add up to more" },
	{ "no bands for worked minutes", { 60 }, { { 0, 0 } }, 0,
	    "do not add up" },
	{ "negative minutes", { -30 }, { { 1271, 0 } }, 1, "cannot be right" },
	{ "a rate too big", { 60 }, { { INT64_C(2000000000), 60 } }, 1, "" },
};

START_TEST(test_row_refused)
{
	struct hours_options opt = { &report_sample_limits, 10, 0, 1207 };
	struct hours_input in;
	struct hours_row row;
	struct pd_err err;

	memset(&in, 0, sizeof in);
	in.name = "Jo Bennett";
	memcpy(in.minutes_by_kind, bad[_i].kinds, sizeof in.minutes_by_kind);
	in.bands = bad[_i].bands;
	in.n_bands = (size_t)bad[_i].n_bands;
	in.rule = RULE_PERMITTED;
	ck_assert_msg(hours_row_build(&in, &opt, &row, &err) == PD_INVALID,
	    "%s was accepted", bad[_i].what);
	ck_assert_ptr_null(row.login);
	ck_assert_msg(strstr(err.msg, bad[_i].words) != NULL,
	    "%s: message \"%s\"", bad[_i].what, err.msg);
	if (bad[_i].words[0] != '\0')
		ck_assert_msg(strstr(err.msg, "Jo Bennett") != NULL,
		    "the message names the PAL: %s", err.msg);
}
END_TEST

/* The sample week: sorted by login, totals add up to the rows, client
 * lines by client then worker, and a refused row adds nothing. */
START_TEST(test_report_order_and_totals)
{
	static const char *const logins[] = {
		"ahmed", "jo", "marcus", "priya", "sam", "siobhan", "zoe"
	};
	struct hours_report r;
	int64_t pay = 0, gross = 0;
	int minutes = 0, k;
	size_t i;

	report_sample_build(&r);
	ck_assert_str_eq(r.week_label, "2026-W48");
	ck_assert_str_eq(r.org_name, "Riverside Peer Support");
	ck_assert_int_eq(r.last - r.first, 6);
	ck_assert_int_eq(date_weekday(r.first), DATE_MONDAY);
	ck_assert_uint_eq(r.n_rows, (size_t)N(logins));
	for (i = 0; i < r.n_rows; i++) {
		ck_assert_str_eq(r.rows[i].login, logins[i]);
		minutes += r.rows[i].minutes;
		pay += r.rows[i].pay_pence;
		gross += r.rows[i].gross_pence;
	}
	ck_assert_int_eq(r.totals.minutes, minutes);
	ck_assert_int_eq(r.totals.pay_pence, pay);
	ck_assert_int_eq(r.totals.gross_pence, gross);
	ck_assert_int_eq(r.totals.gross_pence,
	    r.totals.pay_pence + r.totals.holiday_pence);
	for (k = 0, minutes = 0; k < HOURS_KINDS; k++)
		minutes += r.totals.minutes_by_kind[k];
	ck_assert_int_eq(minutes, r.totals.minutes);
	ck_assert_int_eq(r.totals.n_near, 1);	/* jo */
	ck_assert_int_eq(r.totals.n_over, 1);	/* marcus */
	ck_assert_int_eq(r.totals.unrated_minutes, 60);	/* priya */
	/* 11 client lines; "Tom Price" has no contract */
	ck_assert_uint_eq(r.n_clients, 11);
	ck_assert_int_eq(r.totals.delivered_minutes, 2340);
	ck_assert_int_eq(r.totals.contracted_minutes, 1890);
	for (i = 1; i < r.n_clients; i++)
		ck_assert_int_le(strcmp(r.clients[i - 1].client,
		    r.clients[i].client), 0);
	/* Amira Hussain: Jo Bennett before Ruth Okafor */
	ck_assert_str_eq(r.clients[0].client, "Aled Jones");
	ck_assert_str_eq(r.clients[1].client, "Amira Hussain");
	ck_assert_str_eq(r.clients[1].worker, "Jo Bennett");
	ck_assert_str_eq(r.clients[2].client, "Amira Hussain");
	ck_assert_str_eq(r.clients[2].worker, "Ruth Okafor");
	ck_assert_ptr_nonnull(hours_report_row_for(&r, 3));
	ck_assert_str_eq(hours_report_row_for(&r, 3)->login, "zoe");
	ck_assert_ptr_null(hours_report_row_for(&r, 99));
	hours_report_fini(&r);
	ck_assert_ptr_null(r.rows);
}
END_TEST

START_TEST(test_report_refused_row_adds_nothing)
{
	static const struct hours_band b[] = { { 1271, 30 } };
	struct hours_report r;
	struct hours_input in;
	struct pd_err err;

	report_sample_build_empty(&r);
	memset(&in, 0, sizeof in);
	in.login = "jo";
	in.name = "Jo Bennett";
	in.minutes_by_kind[LINE_SESSION] = 60;
	in.bands = b;
	in.n_bands = 1;
	ck_assert_int_eq(hours_report_add_pal(&r, &in, &err), PD_INVALID);
	ck_assert_uint_eq(r.n_rows, 0);
	hours_report_finish(&r);
	ck_assert_int_eq(r.totals.minutes, 0);
	ck_assert_int_eq(r.totals.gross_pence, 0);
	hours_report_fini(&r);
}
END_TEST

/* A PAL with no login sorts first and keeps an empty login. */
START_TEST(test_report_no_login)
{
	struct hours_report r;
	struct hours_input in;

	report_sample_build(&r);
	memset(&in, 0, sizeof in);
	in.pal_id = 50;
	in.name = "Nobody Yet";
	in.rule = RULE_NONE;
	ck_assert_int_eq(hours_report_add_pal(&r, &in, NULL), PD_OK);
	hours_report_finish(&r);
	ck_assert_str_eq(r.rows[0].login, "");
	ck_assert_str_eq(r.rows[0].name, "Nobody Yet");
	hours_report_fini(&r);
}
END_TEST

static Suite *
report_hours_suite(void)
{
	Suite *s = suite_create("report_hours");
	TCase *tc = tcase_create("hours");

	tcase_add_loop_test(tc, test_row_build, 0, N(rows));
	tcase_add_loop_test(tc, test_row_refused, 0, N(bad));
	tcase_add_test(tc, test_report_order_and_totals);
	tcase_add_test(tc, test_report_refused_row_adds_nothing);
	tcase_add_test(tc, test_report_no_login);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(report_hours_suite)
