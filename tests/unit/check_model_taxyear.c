/* Tier 1: model/taxyear - UK tax years from 6 April. */
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/model/taxyear.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static pd_date
D(const char *s)
{
	struct pd_err e;
	pd_date d = 0;

	ck_assert_msg(date_parse(s, &d, &e) == PD_OK, "%s: %s", s, e.msg);
	return d;
}

static const struct { const char *d; int ty; const char *label; } of_cases[] = {
	{ "2026-04-05", 2025, "2025/26" },
	{ "2026-04-06", 2026, "2026/27" },
	{ "2027-04-05", 2026, "2026/27" },
	{ "2027-04-06", 2027, "2027/28" },
	{ "2026-01-01", 2025, "2025/26" },
	{ "2026-12-31", 2026, "2026/27" },
	{ "2024-02-29", 2023, "2023/24" },
	{ "2024-04-06", 2024, "2024/25" },
	{ "2025-04-05", 2024, "2024/25" },
	{ "2000-04-06", 2000, "2000/01" },
	{ "2000-04-05", 1999, "1999/00" },
	{ "2099-12-31", 2099, "2099/00" },
	{ "1970-01-01", 1969, "1969/70" },
};

START_TEST(test_taxyear_of)
{
	char buf[TAXYEAR_LABEL_LEN];
	pd_date d = D(of_cases[_i].d);
	int ty = taxyear_of(d);

	ck_assert_int_eq(ty, of_cases[_i].ty);
	ck_assert_str_eq(taxyear_label(ty, buf), of_cases[_i].label);
	ck_assert_int_le(taxyear_first_day(ty), d);
	ck_assert_int_ge(taxyear_last_day(ty), d);
}
END_TEST

START_TEST(test_first_last)
{
	char a[DATE_STR_LEN], b[DATE_STR_LEN];
	int ty;

	ck_assert_str_eq(date_format(taxyear_first_day(2026), a), "2026-04-06");
	ck_assert_str_eq(date_format(taxyear_last_day(2026), b), "2027-04-05");
	ck_assert_str_eq(date_format(taxyear_first_day(2023), a), "2023-04-06");
	ck_assert_str_eq(date_format(taxyear_last_day(2023), b), "2024-04-05");
	/* Back to back, 365 or 366 days long (366 when a 29 Feb falls in). */
	for (ty = 1990; ty < 2100; ty++) {
		int len = taxyear_last_day(ty) - taxyear_first_day(ty) + 1;

		ck_assert_int_eq(taxyear_first_day(ty + 1),
		    taxyear_last_day(ty) + 1);
		ck_assert_int_eq(len, date_is_leap(ty + 1) ? 366 : 365);
		ck_assert_int_eq(taxyear_of(taxyear_first_day(ty)), ty);
		ck_assert_int_eq(taxyear_of(taxyear_last_day(ty)), ty);
		ck_assert_int_eq(taxyear_of(taxyear_first_day(ty) - 1), ty - 1);
	}
}
END_TEST

START_TEST(test_label_edges)
{
	char buf[TAXYEAR_LABEL_LEN];

	ck_assert_str_eq(taxyear_label(2009, buf), "2009/10");
	ck_assert_str_eq(taxyear_label(1, buf), "0001/02");
	ck_assert_str_eq(taxyear_label(9998, buf), "9998/99");
	ck_assert_str_eq(taxyear_label(0, buf), "?\?\?\?/?\?");
	ck_assert_str_eq(taxyear_label(9999, buf), "?\?\?\?/?\?");
}
END_TEST

static const struct { const char *s; int ty; const char *msg; } parse_cases[] = {
	{ "2026/27", 2026, NULL },
	{ "1999/00", 1999, NULL },
	{ "2099/00", 2099, NULL },
	{ NULL, 0, "a tax year is needed" },
	{ "", 0, "a tax year is needed" },
	{ "2026/28", 0, "the year after 2026 ends in 27" },
	{ "2026/26", 0, "ends in 27" },
	{ "2026-27", 0, "write it like 2026/27" },
	{ "26/27", 0, "write it like 2026/27" },
	{ "2026/2027", 0, "write it like 2026/27" },
	{ "2026", 0, "write it like 2026/27" },
	{ "2026/2x", 0, "write it like 2026/27" },
	{ "0000/01", 0, "0001/02 to 9998/99" },
	{ "9999/00", 0, "0001/02 to 9998/99" },
};

START_TEST(test_parse)
{
	struct pd_err e;
	int ty = -5;
	enum pd_status st = taxyear_parse(parse_cases[_i].s, &ty, &e);

	if (parse_cases[_i].msg == NULL) {
		ck_assert_int_eq(st, PD_OK);
		ck_assert_int_eq(ty, parse_cases[_i].ty);
	} else {
		ck_assert_int_eq(st, PD_INVALID);
		ck_assert_int_eq(ty, -5);
		ck_assert_msg(strstr(e.msg, parse_cases[_i].msg) != NULL, "%s",
		    e.msg);
	}
}
END_TEST

static Suite *
model_taxyear_suite(void)
{
	Suite *s = suite_create("model_taxyear");
	TCase *tc = tcase_create("taxyear");

	tcase_add_loop_test(tc, test_taxyear_of, 0, N(of_cases));
	tcase_add_test(tc, test_first_last);
	tcase_add_test(tc, test_label_edges);
	tcase_add_loop_test(tc, test_parse, 0, N(parse_cases));
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(model_taxyear_suite)
