/* Tier 1: model/money - pence, strict amounts, pay and holiday pay. */
#include <stdint.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/model/money.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define POUND "\xc2\xa3"

static const struct {
	const char *s; unsigned flags; int64_t pence;
} parse_good[] = {
	{ "12.71", 0, 1271 },
	{ POUND "12.71", 0, 1271 },
	{ "12", 0, 1200 },
	{ "12.7", 0, 1270 },
	{ "1,234.50", 0, 123450 },
	{ POUND "1,234.50", 0, 123450 },
	{ "1234.50", 0, 123450 },
	{ "0", 0, 0 },
	{ "0.00", 0, 0 },
	{ "0.01", 0, 1 },
	{ ".5", 0, 50 },
	{ POUND ".05", 0, 5 },
	{ " 12.50 ", 0, 1250 },
	{ POUND "1,234,567.89", 0, 123456789 },
	{ "1,000", 0, 100000 },
	{ "203.50", 0, 20350 },
	{ "007", 0, 700 },
	{ "10000000", 0, MONEY_MAX_PENCE },
	{ POUND "10,000,000.00", 0, MONEY_MAX_PENCE },
	{ "-5", MONEY_NEGATIVE_OK, -500 },
	{ "-" POUND "5.25", MONEY_NEGATIVE_OK, -525 },
	{ "-1,000.1", MONEY_NEGATIVE_OK, -100010 },
	{ "-0", 0, 0 },			/* nothing negative about nothing */
	{ "-" POUND "0.00", 0, 0 },
	{ "12.34", MONEY_NEGATIVE_OK, 1234 },
};

START_TEST(test_parse_good)
{
	struct pd_err e;
	int64_t p = -999;

	ck_assert_msg(money_parse(parse_good[_i].s, parse_good[_i].flags, &p,
	    &e) == PD_OK, "%s: %s", parse_good[_i].s, e.msg);
	ck_assert_int_eq(p, parse_good[_i].pence);
}
END_TEST

static const struct {
	const char *s; unsigned flags; const char *msg;
} parse_bad[] = {
	{ NULL, 0, "an amount is needed" },
	{ "", 0, "an amount is needed" },
	{ "   ", 0, "an amount is needed" },
	{ POUND, 0, "is not an amount of money" },
	{ "-", MONEY_NEGATIVE_OK, "is not an amount of money" },
	{ "12.345", 0, "\"12.345\" has more than two decimals" },
	{ "0.001", 0, "more than two decimals" },
	{ "1.2.3", 0, "not an amount" },
	{ "12.", 0, "not an amount" },
	{ ".", 0, "not an amount" },
	{ "1,23", 0, "not an amount" },
	{ "12,34", 0, "not an amount" },
	{ "1234,567", 0, "not an amount" },
	{ "1,2345", 0, "not an amount" },
	{ "1,2345,678", 0, "not an amount" },
	{ ",123", 0, "not an amount" },
	{ "1,,234", 0, "not an amount" },
	{ "1,234,", 0, "not an amount" },
	{ "1,234.5,6", 0, "not an amount" },
	{ POUND "-5", MONEY_NEGATIVE_OK, "not an amount" },
	{ "-5", 0, "\"-5\": the amount cannot be negative" },
	{ "-" POUND "0.01", 0, "cannot be negative" },
	{ "+5", 0, "not an amount" },
	{ "12a", 0, "not an amount" },
	{ "abc", 0, "\"abc\" is not an amount of money" },
	{ POUND " 12", 0, "not an amount" },
	{ "$12", 0, "not an amount" },
	{ "12 .50", 0, "not an amount" },
	{ "1e3", 0, "not an amount" },
	{ "12p", 0, "not an amount" },
	{ "10000000.01", 0, "is too large" },
	{ "99999999999999999999999999", 0, "is too large" },
	{ "-99999999999", MONEY_NEGATIVE_OK, "is too large" },
};

START_TEST(test_parse_bad)
{
	struct pd_err e;
	int64_t p = -999;

	ck_assert_int_eq(money_parse(parse_bad[_i].s, parse_bad[_i].flags, &p,
	    &e), PD_INVALID);
	ck_assert_msg(strstr(e.msg, parse_bad[_i].msg) != NULL, "%s", e.msg);
	ck_assert_int_eq(p, -999);
	ck_assert_int_eq(money_parse(parse_bad[_i].s, parse_bad[_i].flags, &p,
	    NULL), PD_INVALID);
}
END_TEST

static const struct {
	int64_t pence; const char *fmt, *plain;
} format_cases[] = {
	{ 0, POUND "0.00", "0.00" },
	{ 1, POUND "0.01", "0.01" },
	{ 99, POUND "0.99", "0.99" },
	{ 100, POUND "1.00", "1.00" },
	{ 17159, POUND "171.59", "171.59" },
	{ 20350, POUND "203.50", "203.50" },
	{ 99999, POUND "999.99", "999.99" },
	{ 100000, POUND "1,000.00", "1000.00" },
	{ 123456, POUND "1,234.56", "1234.56" },
	{ 100000000, POUND "1,000,000.00", "1000000.00" },
	{ -5, "-" POUND "0.05", "-0.05" },
	{ -50, "-" POUND "0.50", "-0.50" },
	{ -123456, "-" POUND "1,234.56", "-1234.56" },
	{ INT64_MAX, POUND "92,233,720,368,547,758.07",
	    "92233720368547758.07" },
	{ INT64_MIN, "-" POUND "92,233,720,368,547,758.08",
	    "-92233720368547758.08" },
};

START_TEST(test_format)
{
	char buf[MONEY_STR_LEN];
	int64_t back = 0;

	ck_assert_str_eq(money_format(format_cases[_i].pence, buf),
	    format_cases[_i].fmt);
	ck_assert_str_eq(money_format_plain(format_cases[_i].pence, buf),
	    format_cases[_i].plain);
	/* What we write, we read back (within the parse range). */
	if (format_cases[_i].pence >= -MONEY_MAX_PENCE &&
	    format_cases[_i].pence <= MONEY_MAX_PENCE) {
		ck_assert_int_eq(money_parse(format_cases[_i].fmt,
		    MONEY_NEGATIVE_OK, &back, NULL), PD_OK);
		ck_assert_int_eq(back, format_cases[_i].pence);
		ck_assert_int_eq(money_parse(format_cases[_i].plain,
		    MONEY_NEGATIVE_OK, &back, NULL), PD_OK);
		ck_assert_int_eq(back, format_cases[_i].pence);
	}
}
END_TEST

START_TEST(test_round_trip)
{
	char a[MONEY_STR_LEN], b[MONEY_STR_LEN];
	int64_t p, back;

	for (p = -300000; p <= 300000; p += 7) {
		money_format(p, a);
		money_format_plain(p, b);
		if (money_parse(a, MONEY_NEGATIVE_OK, &back, NULL) != PD_OK ||
		    back != p)
			ck_abort_msg("%s did not read back", a);
		if (money_parse(b, MONEY_NEGATIVE_OK, &back, NULL) != PD_OK ||
		    back != p)
			ck_abort_msg("%s did not read back", b);
	}
}
END_TEST

/* Pay for a time: rate x minutes / 60, half a penny rounds up. */
static const struct { int64_t rate; int minutes; int64_t pence; } pay_cases[] = {
	{ 1271, 60, 1271 },
	{ 1271, 90, 1907 },		/* 1906.5 */
	{ 1271, 810, 17159 },		/* 13h30 = 17158.5: JOURNEYS step 9 */
	{ 1271, 180, 3813 },		/* step 11's extra 3h */
	{ 1271, 30, 636 },		/* 635.5 */
	{ 1271, 1, 21 },		/* 21.18 */
	{ 1271, 0, 0 },
	{ 1200, 20, 400 },
	{ 1000, 1, 17 },		/* 16.67 */
	{ 1000, 2, 33 },		/* 33.33 */
	{ 1, 30, 1 },			/* 0.5 */
	{ 1, 29, 0 },			/* 0.483 */
	{ 0, 600, 0 },
	{ 1345, 45, 1009 },		/* 1008.75 */
	{ 1244, 50, 1037 },		/* 1036.67 */
	{ 1221, 15, 305 },		/* 305.25 */
	{ MONEY_MAX_PENCE, MONEY_MAX_MINUTES,
	    MONEY_MAX_PENCE * (MONEY_MAX_MINUTES / 60) },
};

START_TEST(test_pay_for_minutes)
{
	int64_t p = -1;

	ck_assert_int_eq(money_pay_for_minutes(pay_cases[_i].rate,
	    pay_cases[_i].minutes, &p, NULL), PD_OK);
	ck_assert_int_eq(p, pay_cases[_i].pence);
}
END_TEST

START_TEST(test_pay_rejects)
{
	struct pd_err e;
	int64_t p = -1;

	ck_assert_int_eq(money_pay_for_minutes(-1, 60, &p, &e), PD_INVALID);
	ck_assert_msg(strstr(e.msg, "hourly rate") != NULL, "%s", e.msg);
	ck_assert_int_eq(money_pay_for_minutes(MONEY_MAX_PENCE + 1, 60, &p,
	    &e), PD_INVALID);
	ck_assert_int_eq(money_pay_for_minutes(INT64_MAX, 60, &p, NULL),
	    PD_INVALID);
	ck_assert_int_eq(money_pay_for_minutes(1271, -1, &p, &e), PD_INVALID);
	ck_assert_msg(strstr(e.msg, "time") != NULL, "%s", e.msg);
	ck_assert_int_eq(money_pay_for_minutes(1271, MONEY_MAX_MINUTES + 1, &p,
	    NULL), PD_INVALID);
	ck_assert_int_eq(p, -1);
}
END_TEST

/* Holiday pay: pay x rate_bp / 10000, half a penny rounds up. */
static const struct { int64_t pay; int bp; int64_t pence; } holiday_cases[] = {
	{ 17159, 1207, 2071 },		/* 2071.0913 */
	{ 10000, 1207, 1207 },
	{ 1271, 1207, 153 },		/* 153.4097 */
	{ 1000, 1207, 121 },		/* 120.7 */
	{ 2071, 1207, 250 },		/* 249.9697 */
	{ 1, 1207, 0 },			/* 0.1207 */
	{ 5, 1000, 1 },			/* 0.5 */
	{ 4, 1250, 1 },			/* 0.5 */
	{ 3, 1250, 0 },			/* 0.375 */
	{ 0, 1207, 0 },
	{ 12345, 0, 0 },
	{ 12345, 10000, 12345 },
	{ MONEY_MAX_PENCE, 10000, MONEY_MAX_PENCE },
	{ MONEY_MAX_PENCE, MONEY_HOLIDAY_RATE_BP, 120700000 },
};

START_TEST(test_holiday_pay)
{
	int64_t p = -1;

	ck_assert_int_eq(money_holiday_pay(holiday_cases[_i].pay,
	    holiday_cases[_i].bp, &p, NULL), PD_OK);
	ck_assert_int_eq(p, holiday_cases[_i].pence);
}
END_TEST

START_TEST(test_holiday_rejects)
{
	struct pd_err e;
	int64_t p = -1;

	ck_assert_int_eq(money_holiday_pay(-1, 1207, &p, &e), PD_INVALID);
	ck_assert_int_eq(money_holiday_pay(MONEY_MAX_PENCE + 1, 1207, &p, &e),
	    PD_INVALID);
	ck_assert_int_eq(money_holiday_pay(100, -1, &p, &e), PD_INVALID);
	ck_assert_int_eq(money_holiday_pay(100, 10001, &p, &e), PD_INVALID);
	ck_assert_msg(strstr(e.msg, "0% to 100%") != NULL, "%s", e.msg);
	ck_assert_int_eq(p, -1);
}
END_TEST

/* Journey arithmetic: 13h 30m at the 2026/27 NLW with rolled-up holiday
 * pay on top. */
START_TEST(test_week_with_holiday_pay)
{
	int64_t pay, hol;
	char buf[MONEY_STR_LEN];

	ck_assert_int_eq(money_pay_for_minutes(1271, 810, &pay, NULL), PD_OK);
	ck_assert_int_eq(money_holiday_pay(pay, MONEY_HOLIDAY_RATE_BP, &hol,
	    NULL), PD_OK);
	ck_assert_str_eq(money_format(pay + hol, buf), POUND "192.30");
}
END_TEST

static Suite *
model_money_suite(void)
{
	Suite *s = suite_create("model_money");
	TCase *tc = tcase_create("money");

	tcase_add_loop_test(tc, test_parse_good, 0, N(parse_good));
	tcase_add_loop_test(tc, test_parse_bad, 0, N(parse_bad));
	tcase_add_loop_test(tc, test_format, 0, N(format_cases));
	tcase_add_test(tc, test_round_trip);
	tcase_add_loop_test(tc, test_pay_for_minutes, 0, N(pay_cases));
	tcase_add_test(tc, test_pay_rejects);
	tcase_add_loop_test(tc, test_holiday_pay, 0, N(holiday_cases));
	tcase_add_test(tc, test_holiday_rejects);
	tcase_add_test(tc, test_week_with_holiday_pay);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(model_money_suite)
