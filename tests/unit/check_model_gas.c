/* Tier 1: the Goal Attainment Scaling T-score (Kiresuk and Sherman,
 * equal weights, rho 0.3) against examples worked by hand, and the
 * median of the outcomes report. */
#include <math.h>

#include "support/testlib.h"
#include "peerdesk/model/group.h"
#include "peerdesk/model/outcomes.h"

/* Worked by hand: T = 50 + 10 * sum / sqrt(0.7 n + 0.3 n^2).
 *   n=1 {0}:  denominator sqrt(1) = 1, T = 50
 *   n=1 {+1}: T = 50 + 10 = 60;  {-2}: T = 30
 *   n=2 {+1,+1}: sqrt(1.4 + 1.2) = sqrt(2.6) = 1.612452; 20 / 1.612452
 *                = 12.403473, T = 62.403473
 *   n=2 {-1,+1}: sum 0, T = 50
 *   n=3 {-2,-2,-2}: sqrt(2.1 + 2.7) = sqrt(4.8) = 2.190890;
 *                -60 / 2.190890 = -27.386128, T = 22.613872
 *   n=4 {2,1,0,-1}: sqrt(2.8 + 4.8) = sqrt(7.6) = 2.756810; 20 / 2.756810
 *                = 7.254763, T = 57.254763
 *   n=5 {2,2,2,2,2}: sqrt(3.5 + 7.5) = sqrt(11) = 3.316625; 100 /
 *                3.316625 = 30.151134, T = 80.151134 */
static const struct {
	int x[5];
	size_t n;
	double t;
} cases[] = {
	{ { 0 }, 1, 50.0 },
	{ { 1 }, 1, 60.0 },
	{ { -2 }, 1, 30.0 },
	{ { 1, 1 }, 2, 62.403473 },
	{ { -1, 1 }, 2, 50.0 },
	{ { -2, -2, -2 }, 3, 22.613872 },
	{ { 2, 1, 0, -1 }, 4, 57.254763 },
	{ { 2, 2, 2, 2, 2 }, 5, 80.151134 },
};

START_TEST(test_tscore)
{
	double t = -1;

	ck_assert_int_eq(outcomes_gas_tscore(cases[_i].x, cases[_i].n, &t), 0);
	ck_assert_msg(fabs(t - cases[_i].t) < 0.000005, "case %d: %f not %f",
	    _i, t, cases[_i].t);
}
END_TEST

START_TEST(test_tscore_refuses)
{
	int bad[2] = { 1, 3 };
	double t = 0;

	ck_assert_int_eq(outcomes_gas_tscore(bad, 0, &t), -1);
	ck_assert_int_eq(outcomes_gas_tscore(bad, 2, &t), -1);
	bad[1] = -3;
	ck_assert_int_eq(outcomes_gas_tscore(bad, 2, &t), -1);
}
END_TEST

START_TEST(test_median)
{
	int odd[] = { 3, 9, 40 }, even[] = { 3, 8, 10, 40 };

	ck_assert(outcomes_median(odd, 0) == 0);
	ck_assert(outcomes_median(odd, 3) == 9);
	ck_assert(outcomes_median(even, 4) == 9);
	ck_assert(outcomes_median(even, 1) == 3);
}
END_TEST

/* Groups' words: kinds as people type them, days, first names. */
START_TEST(test_group_words)
{
	enum group_kind k;
	char b[16];

	ck_assert_int_eq(group_kind_from_str("peer-group", &k), 0);
	ck_assert_int_eq(k, GROUP_PEER);
	ck_assert_int_eq(group_kind_from_str("Drop in", &k), 0);
	ck_assert_int_eq(k, GROUP_DROP_IN);
	ck_assert_int_eq(group_kind_from_str("WALK", &k), 0);
	ck_assert_int_eq(k, GROUP_WALK);
	ck_assert_int_eq(group_kind_from_str("knitting", &k), -1);
	ck_assert_int_eq(group_kind_from_str("a-very-long-kind-name", &k), -1);
	ck_assert_str_eq(group_kind_label(GROUP_DROP_IN), "drop-in");
	ck_assert_int_eq(group_day_from_str("thu"), 4);
	ck_assert_int_eq(group_day_from_str("Thursday"), 4);
	ck_assert_int_eq(group_day_from_str("7"), 7);
	ck_assert_int_eq(group_day_from_str("th"), 0);
	ck_assert_int_eq(group_day_from_str("funday"), 0);
	group_first_name("Ana Silva", NULL, b, sizeof b);
	ck_assert_str_eq(b, "Ana");
	group_first_name("Robert Jones", "Bob", b, sizeof b);
	ck_assert_str_eq(b, "Bob");
	group_first_name("  Siobhán Ahmed", "", b, sizeof b);
	ck_assert_str_eq(b, "Siobhán");
}
END_TEST

static Suite *
gas_suite(void)
{
	Suite *s = suite_create("model_gas");
	TCase *tc = tcase_create("gas");

	tcase_add_loop_test(tc, test_tscore, 0,
	    (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, test_tscore_refuses);
	tcase_add_test(tc, test_median);
	tcase_add_test(tc, test_group_words);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(gas_suite)
