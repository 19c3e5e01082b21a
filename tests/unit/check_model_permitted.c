/* Tier 1: model/permitted - the weekly permitted-work verdict (issue 6). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/model/permitted.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define POUND "\xc2\xa3"
#define DASH "\xe2\x80\x93"

/* 2026/27: lower £20.00, higher and supported £203.50, less than 16h. */
static const struct permitted_limits lim2026 = {
	.lower_pence = 2000, .higher_pence = 20350,
	.hours_limit_minutes = PERMITTED_HOURS_LIMIT_MINUTES,
};

enum { OK = PERMITTED_OK, NEAR = PERMITTED_NEAR, OVER = PERMITTED_OVER,
	NA = PERMITTED_NA };

static const struct {
	const char *what;
	enum benefit_rule rule;
	int minutes;
	int64_t pence;
	int near_pct;
	int verdict;
	int hours_over, pay_over, hours_near, pay_near;
	int minutes_left;
	int64_t pence_left;
	int minutes_excess;
	int64_t pence_excess;
} cases[] = {
	/* what, rule, minutes, pence, near%, verdict,
	 *   h_over, p_over, h_near, p_near, min_left, p_left, min_ex, p_ex */
	{ "journey step 9", RULE_PERMITTED, 810, 17159, 10, OK,
	    0, 0, 0, 0, 149, 3191, 0, 0 },
	{ "nothing yet", RULE_PERMITTED, 0, 0, 10, OK,
	    0, 0, 0, 0, 959, 20350, 0, 0 },
	/* hours: 15h59 is the most; 16h00 is over */
	{ "15h59", RULE_PERMITTED, 959, 0, 10, NEAR,
	    0, 0, 1, 0, 0, 20350, 0, 0 },
	{ "16h00", RULE_PERMITTED, 960, 0, 10, OVER,
	    1, 0, 0, 0, 0, 20350, 1, 0 },
	{ "16h30", RULE_PERMITTED, 990, 0, 10, OVER,
	    1, 0, 0, 0, 0, 20350, 31, 0 },
	{ "hours just under near", RULE_PERMITTED, 863, 0, 10, OK,
	    0, 0, 0, 0, 96, 20350, 0, 0 },
	{ "hours near: 90% of 16h", RULE_PERMITTED, 864, 0, 10, NEAR,
	    0, 0, 1, 0, 95, 20350, 0, 0 },
	/* pay: at the limit is within ("no more than"); a penny over is over */
	{ "a penny under", RULE_PERMITTED, 600, 20349, 10, NEAR,
	    0, 0, 0, 1, 359, 1, 0, 0 },
	{ "at the limit", RULE_PERMITTED, 600, 20350, 10, NEAR,
	    0, 0, 0, 1, 359, 0, 0, 0 },
	{ "a penny over", RULE_PERMITTED, 600, 20351, 10, OVER,
	    0, 1, 0, 0, 359, 0, 0, 1 },
	{ "pay just under near", RULE_PERMITTED, 0, 18314, 10, OK,
	    0, 0, 0, 0, 959, 2036, 0, 0 },
	{ "pay near: 90% of limit", RULE_PERMITTED, 0, 18315, 10, NEAR,
	    0, 0, 0, 1, 959, 2035, 0, 0 },
	{ "both over", RULE_PERMITTED, 990, 20972, 10, OVER,
	    1, 1, 0, 0, 0, 0, 31, 622 },
	{ "hours over, pay near", RULE_PERMITTED, 960, 20000, 10, OVER,
	    1, 0, 0, 1, 0, 350, 1, 0 },
	/* supported: no hours limit */
	{ "supported 30h", RULE_SUPPORTED, 1800, 15000, 10, OK,
	    0, 0, 0, 0, 0, 5350, 0, 0 },
	{ "supported 30h at the limit", RULE_SUPPORTED, 1800, 20350, 10, NEAR,
	    0, 0, 0, 1, 0, 0, 0, 0 },
	{ "supported a penny over", RULE_SUPPORTED, 1800, 20351, 10, OVER,
	    0, 1, 0, 0, 0, 0, 0, 1 },
	{ "supported 60h", RULE_SUPPORTED, 3600, 0, 10, OK,
	    0, 0, 0, 0, 0, 20350, 0, 0 },
	/* lower: £20.00, any hours */
	{ "lower at 20.00", RULE_LOWER, 300, 2000, 10, NEAR,
	    0, 0, 0, 1, 0, 0, 0, 0 },
	{ "lower at 20.01", RULE_LOWER, 300, 2001, 10, OVER,
	    0, 1, 0, 0, 0, 0, 0, 1 },
	{ "lower 17.99", RULE_LOWER, 60, 1799, 10, OK,
	    0, 0, 0, 0, 0, 201, 0, 0 },
	{ "lower 18.00", RULE_LOWER, 60, 1800, 10, NEAR,
	    0, 0, 0, 1, 0, 200, 0, 0 },
	{ "lower 100 hours", RULE_LOWER, 6000, 1000, 10, OK,
	    0, 0, 0, 0, 0, 1000, 0, 0 },
	/* uc and none: information only */
	{ "uc", RULE_UC, 2400, 99999, 10, NA,
	    0, 0, 0, 0, 0, 0, 0, 0 },
	{ "none", RULE_NONE, 2400, 99999, 10, NA,
	    0, 0, 0, 0, 0, 0, 0, 0 },
	/* the near threshold */
	{ "near 0%: 15h59 is fine", RULE_PERMITTED, 959, 0, 0, OK,
	    0, 0, 0, 0, 0, 20350, 0, 0 },
	{ "near 0%: at the pay limit", RULE_PERMITTED, 0, 20350, 0, NEAR,
	    0, 0, 0, 1, 959, 0, 0, 0 },
	{ "near -5% reads as 0%", RULE_PERMITTED, 959, 20349, -5, OK,
	    0, 0, 0, 0, 0, 1, 0, 0 },
	{ "near 100%", RULE_PERMITTED, 0, 0, 100, NEAR,
	    0, 0, 1, 1, 959, 20350, 0, 0 },
	{ "near 500% reads as 100%", RULE_LOWER, 0, 0, 500, NEAR,
	    0, 0, 0, 1, 0, 2000, 0, 0 },
	{ "near 20%", RULE_PERMITTED, 768, 0, 20, NEAR,
	    0, 0, 1, 0, 191, 20350, 0, 0 },
	{ "near 20%, a minute less", RULE_PERMITTED, 767, 0, 20, OK,
	    0, 0, 0, 0, 192, 20350, 0, 0 },
	/* negative inputs read as nothing */
	{ "negative", RULE_PERMITTED, -60, -500, 10, OK,
	    0, 0, 0, 0, 959, 20350, 0, 0 },
};

START_TEST(test_check)
{
	struct permitted_result r;

	permitted_check(cases[_i].rule, cases[_i].minutes, cases[_i].pence,
	    &lim2026, cases[_i].near_pct, &r);
	ck_assert_msg((int)r.verdict == cases[_i].verdict, "%s: verdict %s",
	    cases[_i].what, permitted_verdict_str(r.verdict));
	ck_assert_msg(r.hours_over == cases[_i].hours_over, "%s",
	    cases[_i].what);
	ck_assert_msg(r.pay_over == cases[_i].pay_over, "%s", cases[_i].what);
	ck_assert_msg(r.hours_near == cases[_i].hours_near, "%s",
	    cases[_i].what);
	ck_assert_msg(r.pay_near == cases[_i].pay_near, "%s", cases[_i].what);
	ck_assert_msg(r.minutes_left == cases[_i].minutes_left,
	    "%s: minutes_left %d", cases[_i].what, r.minutes_left);
	ck_assert_msg(r.pence_left == cases[_i].pence_left,
	    "%s: pence_left %lld", cases[_i].what, (long long)r.pence_left);
	ck_assert_msg(r.minutes_excess == cases[_i].minutes_excess,
	    "%s: minutes_excess %d", cases[_i].what, r.minutes_excess);
	ck_assert_msg(r.pence_excess == cases[_i].pence_excess,
	    "%s: pence_excess %lld", cases[_i].what,
	    (long long)r.pence_excess);
	ck_assert_int_eq(r.rule, cases[_i].rule);
	ck_assert_int_eq(r.no_figures, 0);
	/* Which limits the rule has. */
	ck_assert_int_eq(r.has_hours_limit, cases[_i].rule == RULE_PERMITTED);
	ck_assert_int_eq(r.has_pay_limit, cases[_i].rule == RULE_PERMITTED ||
	    cases[_i].rule == RULE_SUPPORTED || cases[_i].rule == RULE_LOWER);
	ck_assert_int_eq(r.limit_pence, cases[_i].rule == RULE_LOWER ? 2000 :
	    r.has_pay_limit ? 20350 : 0);
	ck_assert_int_eq(r.hours_limit_minutes, r.has_hours_limit ? 960 : 0);
	ck_assert_int_ge(r.minutes_left, 0);
	ck_assert_int_ge(r.pence_left, 0);
	/* Never both room left and over on the same limit. */
	ck_assert(!(r.hours_over && r.minutes_left > 0));
	ck_assert(!(r.pay_over && r.pence_left > 0));
	ck_assert_msg(strncmp(r.sentence, "This week: ", 11) == 0, "%s",
	    r.sentence);
}
END_TEST

static const struct {
	enum benefit_rule rule;
	int minutes;
	int64_t pence;
	const char *sentence;
} sentences[] = {
	{ RULE_PERMITTED, 810, 17159,
	    "This week: 13h 30m of less than 16h; " POUND "171.59 of " POUND
	    "203.50 " DASH " room left: 2h 29m, " POUND "31.91" },
	{ RULE_PERMITTED, 900, 18400,
	    "This week: 15h of less than 16h; " POUND "184.00 of " POUND
	    "203.50 " DASH " close to the limit, room left: 59m, " POUND
	    "19.50" },
	{ RULE_PERMITTED, 960, 0,
	    "This week: 16h of less than 16h; " POUND "0.00 of " POUND
	    "203.50 " DASH " over the limit: hours must be less than 16h" },
	{ RULE_PERMITTED, 600, 20351,
	    "This week: 10h of less than 16h; " POUND "203.51 of " POUND
	    "203.50 " DASH " over the limit: pay is " POUND "0.01 more than "
	    POUND "203.50" },
	{ RULE_PERMITTED, 990, 20972,
	    "This week: 16h 30m of less than 16h; " POUND "209.72 of " POUND
	    "203.50 " DASH " over the limit: hours must be less than 16h, and "
	    "pay is " POUND "6.22 more than " POUND "203.50" },
	{ RULE_SUPPORTED, 1800, 15000,
	    "This week: 30h; " POUND "150.00 of " POUND "203.50 " DASH
	    " room left: " POUND "53.50" },
	{ RULE_SUPPORTED, 1800, 21000,
	    "This week: 30h; " POUND "210.00 of " POUND "203.50 " DASH
	    " over the limit: pay is " POUND "6.50 more than " POUND
	    "203.50" },
	{ RULE_LOWER, 300, 1500,
	    "This week: 5h; " POUND "15.00 of " POUND "20.00 " DASH
	    " room left: " POUND "5.00" },
	{ RULE_LOWER, 300, 2000,
	    "This week: 5h; " POUND "20.00 of " POUND "20.00 " DASH
	    " close to the limit, room left: " POUND "0.00" },
	{ RULE_LOWER, 300, 2001,
	    "This week: 5h; " POUND "20.01 of " POUND "20.00 " DASH
	    " over the limit: pay is " POUND "0.01 more than " POUND "20.00" },
	{ RULE_UC, 810, 17159,
	    "This week: 13h 30m; " POUND "171.59 " DASH " Universal Credit: "
	    "no weekly limit, for information only" },
	{ RULE_NONE, 45, 953,
	    "This week: 45m; " POUND "9.53 " DASH " no permitted-work limit "
	    "applies" },
};

START_TEST(test_sentence)
{
	struct permitted_result r;

	permitted_check(sentences[_i].rule, sentences[_i].minutes,
	    sentences[_i].pence, &lim2026, PERMITTED_NEAR_PERCENT, &r);
	ck_assert_str_eq(r.sentence, sentences[_i].sentence);
}
END_TEST

/* A rule with limits but no figures for the week says so and judges
 * nothing; uc and none need no figures. */
START_TEST(test_no_figures)
{
	static const struct permitted_limits zero = { 0, 0, 0 };
	static const struct permitted_limits no_hours = { 2000, 20350, 0 };
	struct permitted_result r;

	permitted_check(RULE_PERMITTED, 810, 17159, NULL, 10, &r);
	ck_assert_int_eq(r.verdict, PERMITTED_NA);
	ck_assert_int_eq(r.no_figures, 1);
	ck_assert_int_eq(r.has_pay_limit, 0);
	ck_assert_str_eq(r.sentence, "This week: 13h 30m; " POUND "171.59 "
	    DASH " no limit is set for this week: check the rules table");
	permitted_check(RULE_SUPPORTED, 810, 17159, &zero, 10, &r);
	ck_assert_int_eq(r.verdict, PERMITTED_NA);
	ck_assert_int_eq(r.no_figures, 1);
	permitted_check(RULE_LOWER, 810, 999999, &zero, 10, &r);
	ck_assert_int_eq(r.verdict, PERMITTED_NA);
	permitted_check(RULE_PERMITTED, 2000, 0, &no_hours, 10, &r);
	ck_assert_int_eq(r.verdict, PERMITTED_NA);
	ck_assert_int_eq(r.no_figures, 1);
	/* supported needs no hours figure */
	permitted_check(RULE_SUPPORTED, 2000, 0, &no_hours, 10, &r);
	ck_assert_int_eq(r.verdict, PERMITTED_OK);
	permitted_check(RULE_UC, 810, 17159, NULL, 10, &r);
	ck_assert_int_eq(r.verdict, PERMITTED_NA);
	ck_assert_int_eq(r.no_figures, 0);
	ck_assert_ptr_nonnull(strstr(r.sentence, "Universal Credit"));
}
END_TEST

/* Other years' figures come in the limits struct, not from the code. */
START_TEST(test_other_year)
{
	static const struct permitted_limits lim2024 = { 2000, 18350, 960 };
	struct permitted_result r;

	permitted_check(RULE_PERMITTED, 810, 18350, &lim2024, 10, &r);
	ck_assert_int_eq(r.verdict, PERMITTED_NEAR);
	ck_assert_int_eq(r.pence_left, 0);
	permitted_check(RULE_PERMITTED, 810, 18351, &lim2024, 10, &r);
	ck_assert_int_eq(r.verdict, PERMITTED_OVER);
	ck_assert_ptr_nonnull(strstr(r.sentence, "of " POUND "183.50"));
}
END_TEST

START_TEST(test_huge_values)
{
	static const struct permitted_limits huge = {
		INT64_MAX, INT64_MAX, INT32_MAX
	};
	struct permitted_result r;

	permitted_check(RULE_PERMITTED, INT32_MAX, INT64_MAX, &lim2026, 10, &r);
	ck_assert_int_eq(r.verdict, PERMITTED_OVER);
	ck_assert_int_eq(r.pence_excess, INT64_MAX - 20350);
	permitted_check(RULE_PERMITTED, INT32_MAX - 1, INT64_MAX, &huge, 10,
	    &r);
	ck_assert_int_eq(r.verdict, PERMITTED_NEAR);
	ck_assert_int_eq(r.minutes_left, 0);
	ck_assert_int_eq(r.pence_left, 0);
	permitted_check(RULE_PERMITTED, 0, 0, &huge, 10, &r);
	ck_assert_int_eq(r.verdict, PERMITTED_OK);
	ck_assert(strlen(r.sentence) < PERMITTED_SENTENCE_LEN);
}
END_TEST

/* Journey step 11: 13h 30m logged, another 3h session at £12.71. */
START_TEST(test_adding_journey_step_11)
{
	struct permitted_change c;

	permitted_check_adding(RULE_PERMITTED, 810, 17159, 180, 3813,
	    &lim2026, PERMITTED_NEAR_PERCENT, &c);
	ck_assert_int_eq(c.before.verdict, PERMITTED_OK);
	ck_assert_int_eq(c.after.verdict, PERMITTED_OVER);
	ck_assert_int_eq(c.after.minutes, 990);
	ck_assert_int_eq(c.after.pence, 20972);
	ck_assert_int_eq(c.after.hours_over, 1);
	ck_assert_int_eq(c.after.pay_over, 1);
	ck_assert_int_eq(c.crosses, 1);
	ck_assert_int_eq(c.over, 1);
	ck_assert_str_eq(c.sentence, "Adding 3h and " POUND "38.13: this "
	    "week would be 16h 30m of less than 16h; " POUND "209.72 of "
	    POUND "203.50 " DASH " over the limit: hours must be less than "
	    "16h, and pay is " POUND "6.22 more than " POUND "203.50");
	ck_assert_str_eq(c.before.sentence, "This week: 13h 30m of less than "
	    "16h; " POUND "171.59 of " POUND "203.50 " DASH " room left: 2h "
	    "29m, " POUND "31.91");
}
END_TEST

static const struct {
	const char *what;
	enum benefit_rule rule;
	int minutes, add_minutes;
	int64_t pence, add_pence;
	int before, after, crosses, over;
} adding[] = {
	{ "to 15h59", RULE_PERMITTED, 810, 149, 0, 0, OK, NEAR, 0, 0 },
	{ "to 16h00", RULE_PERMITTED, 810, 150, 0, 0, OK, OVER, 1, 1 },
	{ "pay to the limit", RULE_PERMITTED, 0, 0, 20000, 350, NEAR, NEAR,
	    0, 0 },
	{ "pay a penny over", RULE_PERMITTED, 0, 0, 20000, 351, NEAR, OVER,
	    1, 1 },
	{ "already over, more", RULE_PERMITTED, 990, 60, 0, 0, OVER, OVER,
	    0, 1 },
	{ "over on hours, now pay too", RULE_PERMITTED, 990, 0, 20000, 500,
	    OVER, OVER, 1, 1 },
	{ "taking a line off", RULE_PERMITTED, 990, -60, 0, 0, OVER, NEAR,
	    0, 0 },
	{ "taking off more than there is", RULE_PERMITTED, 60, -600, 500,
	    -9000, OK, OK, 0, 0 },
	{ "supported, 40h more", RULE_SUPPORTED, 600, 2400, 0, 0, OK, OK,
	    0, 0 },
	{ "lower, a penny over", RULE_LOWER, 60, 60, 1000, 1001, OK, OVER,
	    1, 1 },
	{ "uc never over", RULE_UC, 3000, 3000, 99999, 99999, NA, NA, 0, 0 },
	{ "none never over", RULE_NONE, 0, 60, 0, 1271, NA, NA, 0, 0 },
	{ "nothing added", RULE_PERMITTED, 990, 0, 0, 0, OVER, OVER, 0, 1 },
};

START_TEST(test_adding)
{
	struct permitted_change c;

	permitted_check_adding(adding[_i].rule, adding[_i].minutes,
	    adding[_i].pence, adding[_i].add_minutes, adding[_i].add_pence,
	    &lim2026, PERMITTED_NEAR_PERCENT, &c);
	ck_assert_msg((int)c.before.verdict == adding[_i].before, "%s: %s",
	    adding[_i].what, permitted_verdict_str(c.before.verdict));
	ck_assert_msg((int)c.after.verdict == adding[_i].after, "%s: %s",
	    adding[_i].what, permitted_verdict_str(c.after.verdict));
	ck_assert_msg(c.crosses == adding[_i].crosses, "%s", adding[_i].what);
	ck_assert_msg(c.over == adding[_i].over, "%s", adding[_i].what);
	ck_assert_int_ge(c.after.minutes, 0);
	ck_assert_int_ge(c.after.pence, 0);
	if (adding[_i].add_minutes == 0 && adding[_i].add_pence == 0)
		ck_assert_str_eq(c.sentence, c.before.sentence);
	else if (adding[_i].add_minutes < 0)
		ck_assert_msg(strncmp(c.sentence, "Taking off ", 11) == 0,
		    "%s", c.sentence);
	else
		ck_assert_msg(strncmp(c.sentence, "Adding ", 7) == 0, "%s",
		    c.sentence);
}
END_TEST

START_TEST(test_adding_sentences)
{
	struct permitted_change c;

	permitted_check_adding(RULE_PERMITTED, 990, 0, -60, 0, &lim2026, 10,
	    &c);
	ck_assert_str_eq(c.sentence, "Taking off 1h: this week would be 15h "
	    "30m of less than 16h; " POUND "0.00 of " POUND "203.50 " DASH
	    " close to the limit, room left: 29m, " POUND "203.50");
	permitted_check_adding(RULE_LOWER, 0, 1000, 0, 1200, &lim2026, 10, &c);
	ck_assert_str_eq(c.sentence, "Adding " POUND "12.00: this week would "
	    "be 0m; " POUND "22.00 of " POUND "20.00 " DASH " over the limit: "
	    "pay is " POUND "2.00 more than " POUND "20.00");
	permitted_check_adding(RULE_UC, 60, 1271, 90, 1907, &lim2026, 10, &c);
	ck_assert_str_eq(c.sentence, "Adding 1h 30m and " POUND "19.07: this "
	    "week would be 2h 30m; " POUND "31.78 " DASH " Universal Credit: "
	    "no weekly limit, for information only");
	permitted_check_adding(RULE_PERMITTED, 600, 0, 60, 0, NULL, 10, &c);
	ck_assert_str_eq(c.sentence, "Adding 1h: this week would be 11h; "
	    POUND "0.00 " DASH " no limit is set for this week: check the "
	    "rules table");
	ck_assert_int_eq(c.over, 0);
	/* absurd additions stay in range */
	permitted_check_adding(RULE_PERMITTED, INT32_MAX, INT64_MAX, INT32_MAX,
	    INT64_MAX, &lim2026, 10, &c);
	ck_assert_int_eq(c.after.verdict, PERMITTED_OVER);
	ck_assert_int_ge(c.after.minutes, 0);
	ck_assert_int_ge(c.after.pence, 0);
}
END_TEST

/* ---- what is missing: said in words, never judged as if known ---- */

static const struct {
	const char *what;
	enum benefit_rule rule;
	unsigned missing;
	int minutes;
	int64_t pence;
	int verdict;
	const char *sentence;	/* exactly */
	const char *room;	/* permitted_room_words */
	const char *label;	/* permitted_result_label */
} missing_cases[] = {
	{ "no rule: nothing judged", RULE_NONE, PERMITTED_NO_RULE, 360, 7500,
	  NA, "This week: 6h; " POUND "75.00 " DASH " no benefit rule "
	  "recorded: the limit cannot be checked", "no rule recorded",
	  "no rule recorded" },
	{ "no rule and no rate", RULE_NONE,
	  PERMITTED_NO_RULE | PERMITTED_NO_RATE, 0, 0, NA,
	  "This week: 0m; pay not known " DASH " no benefit rule recorded: "
	  "the limit cannot be checked", "no rule recorded",
	  "no rule recorded" },
	{ "no rate, lower limit: pay not judged", RULE_LOWER,
	  PERMITTED_NO_RATE, 120, 0, NA, "This week: 2h; pay not known "
	  DASH " no pay rate recorded: the limit cannot be checked",
	  "no pay rate recorded", "no pay rate recorded" },
	{ "no rate, supported: never '" POUND "0.00, room left'",
	  RULE_SUPPORTED, PERMITTED_NO_RATE, 0, 0, NA, "This week: 0m; pay "
	  "not known " DASH " no pay rate recorded: the limit cannot be "
	  "checked", "no pay rate recorded", "no pay rate recorded" },
	{ "no rate, permitted: hours still judged", RULE_PERMITTED,
	  PERMITTED_NO_RATE, 600, 0, OK, "This week: 10h of less than 16h; "
	  "pay not known " DASH " room left: 5h 59m (no pay rate recorded: "
	  "the pay limit cannot be checked)", "5h 59m, pay not checked",
	  "within the limit" },
	{ "no rate, permitted: hours over still over", RULE_PERMITTED,
	  PERMITTED_NO_RATE, 960, 0, OVER, "This week: 16h of less than 16h; "
	  "pay not known " DASH " over the limit: hours must be less than "
	  "16h (no pay rate recorded: the pay limit cannot be checked)",
	  "over the limit", "over the limit" },
	{ "part of the week unrated: at least", RULE_PERMITTED,
	  PERMITTED_NO_RATE, 300, 5084, OK, "This week: 5h of less than 16h; "
	  "at least " POUND "50.84 " DASH " room left: 10h 59m (no pay rate "
	  "recorded: the pay limit cannot be checked)",
	  "10h 59m, pay not checked", "within the limit" },
	{ "no rate, no benefit: says pay is unknown", RULE_NONE,
	  PERMITTED_NO_RATE, 60, 0, NA, "This week: 1h; pay not known " DASH
	  " no permitted-work limit applies", "no limit", "no limit" },
	{ "nothing missing: as before", RULE_LOWER, 0, 60, 1900, NEAR,
	  NULL, POUND "1.00", "close to the limit" },
};

START_TEST(test_missing)
{
	struct permitted_result r;
	char room[PERMITTED_SENTENCE_LEN];

	permitted_check_missing(missing_cases[_i].rule,
	    missing_cases[_i].missing, missing_cases[_i].minutes,
	    missing_cases[_i].pence, &lim2026, 10, &r);
	ck_assert_msg((int)r.verdict == missing_cases[_i].verdict,
	    "%s: verdict %d",
	    missing_cases[_i].what, r.verdict);
	if (missing_cases[_i].sentence != NULL)
		ck_assert_str_eq(r.sentence, missing_cases[_i].sentence);
	permitted_room_words(&r, room, sizeof room);
	ck_assert_str_eq(room, missing_cases[_i].room);
	ck_assert_str_eq(permitted_result_label(&r), missing_cases[_i].label);
	/* "no limit applies" is only ever said when a rule says so */
	if (missing_cases[_i].missing & PERMITTED_NO_RULE) {
		ck_assert_ptr_null(strstr(r.sentence, "no limit"));
		ck_assert_str_eq(permitted_rule_label(&r),
		    "no benefit rule recorded");
	}
}
END_TEST

START_TEST(test_missing_adding)
{
	struct permitted_change c;

	/* before logging: a PAL with no rate adding 3h under "lower" */
	permitted_check_adding_missing(RULE_LOWER, PERMITTED_NO_RATE, 60, 0,
	    180, 0, &lim2026, 10, &c);
	ck_assert_int_eq(c.over, 0);
	ck_assert_str_eq(c.sentence, "Adding 3h: this week would be 4h; pay "
	    "not known " DASH " no pay rate recorded: the limit cannot be "
	    "checked");
	permitted_check_adding_missing(RULE_NONE, PERMITTED_NO_RULE, 60, 1271,
	    60, 1271, &lim2026, 10, &c);
	ck_assert_ptr_nonnull(strstr(c.sentence, "no benefit rule recorded"));
}
END_TEST

START_TEST(test_verdict_names)
{
	ck_assert_str_eq(permitted_verdict_str(PERMITTED_NA), "n/a");
	ck_assert_str_eq(permitted_verdict_str(PERMITTED_OK), "ok");
	ck_assert_str_eq(permitted_verdict_str(PERMITTED_NEAR), "near");
	ck_assert_str_eq(permitted_verdict_str(PERMITTED_OVER), "over");
	ck_assert_ptr_null(permitted_verdict_str((enum permitted_verdict)9));
	ck_assert_str_eq(permitted_verdict_label(PERMITTED_NEAR),
	    "close to the limit");
	ck_assert_str_eq(permitted_verdict_label((enum permitted_verdict)-1),
	    "?");
}
END_TEST


/* ---- a week judged against every rule in force in it ------------------------- */

struct bspan {
	const char *from;	/* NULL ends the list */
	enum benefit_rule rule;
	int64_t higher;		/* 0: no figures that day */
};

static const struct {
	const char *what;
	const char *first;		/* the week's first day */
	struct bspan spans[4];		/* each in force from its day */
	int minutes;
	int64_t pence;
	int verdict;
	enum benefit_rule rule;		/* the rule whose verdict stands */
	int64_t limit;
	int judged;
	const char *note;
} basis_cases[] = {
	{ "one rule all week", "2026-11-30",
	  { { "2026-11-30", RULE_PERMITTED, 20350 }, { NULL, 0, 0 } },
	  600, 12500, OK, RULE_PERMITTED, 20350, 1, "" },
	{ "permitted work, then the lower limit from Thursday: the lower "
	  "limit is stricter", "2026-11-30",
	  { { "2026-11-30", RULE_PERMITTED, 20350 },
	    { "2026-12-03", RULE_LOWER, 20350 }, { NULL, 0, 0 } },
	  120, 2500, OVER, RULE_LOWER, 2000, 2,
	  "the benefit rule changed on Thu 3 Dec: judged against both" },
	{ "the lower limit, then Universal Credit", "2026-11-30",
	  { { "2026-11-30", RULE_LOWER, 20350 },
	    { "2026-12-02", RULE_UC, 20350 }, { NULL, 0, 0 } },
	  120, 2500, OVER, RULE_LOWER, 2000, 2,
	  "the benefit rule changed on Wed 2 Dec: judged against both" },
	{ "supported, then permitted work: 16h 40m is over the hours",
	  "2026-11-30",
	  { { "2026-11-30", RULE_SUPPORTED, 20350 },
	    { "2026-12-01", RULE_PERMITTED, 20350 }, { NULL, 0, 0 } },
	  1000, 17000, OVER, RULE_PERMITTED, 20350, 2,
	  "the benefit rule changed on Tue 1 Dec: judged against both" },
	{ "no rule, then permitted work", "2026-11-30",
	  { { "2026-11-30", RULE_NONE, 20350 },
	    { "2026-12-02", RULE_PERMITTED, 20350 }, { NULL, 0, 0 } },
	  600, 12500, OK, RULE_PERMITTED, 20350, 2,
	  "the benefit rule changed on Wed 2 Dec: judged against both" },
	{ "the brief: £171.60 in 1-7 April 2024 is judged against £167.00",
	  "2024-04-01",
	  { { "2024-04-01", RULE_PERMITTED, 16700 }, { NULL, 0, 0 } },
	  900, 17160, OVER, RULE_PERMITTED, 16700, 1, "" },
	{ "a Thursday week over DWP's uprating Monday: the old limit is "
	  "stricter", "2024-04-04",
	  { { "2024-04-04", RULE_PERMITTED, 16700 },
	    { "2024-04-08", RULE_PERMITTED, 18350 }, { NULL, 0, 0 } },
	  900, 17160, OVER, RULE_PERMITTED, 16700, 2,
	  "the limit DWP applies changed on Mon 8 Apr: judged against both" },
	{ "close against the old limit, within the new one", "2024-04-04",
	  { { "2024-04-04", RULE_PERMITTED, 16700 },
	    { "2024-04-08", RULE_PERMITTED, 18350 }, { NULL, 0, 0 } },
	  600, 16000, NEAR, RULE_PERMITTED, 16700, 2,
	  "the limit DWP applies changed on Mon 8 Apr: judged against both" },
	{ "rule and limit change on the same day", "2025-04-03",
	  { { "2025-04-03", RULE_SUPPORTED, 18350 },
	    { "2025-04-07", RULE_PERMITTED, 19550 }, { NULL, 0, 0 } },
	  600, 19000, OVER, RULE_SUPPORTED, 18350, 2,
	  "the benefit rule and the limit DWP applies changed on Mon 7 Apr: "
	  "judged against both" },
	{ "three rules in one week", "2026-11-30",
	  { { "2026-11-30", RULE_PERMITTED, 20350 },
	    { "2026-12-01", RULE_LOWER, 20350 },
	    { "2026-12-04", RULE_PERMITTED, 20350 }, { NULL, 0, 0 } },
	  60, 1900, NEAR, RULE_LOWER, 2000, 3,
	  "the benefit rule changed on Tue 1 Dec, and the benefit rule "
	  "changed on Fri 4 Dec: judged against each" },
	{ "no figures for the first days: the days with figures judge",
	  "2013-03-28",
	  { { "2013-03-28", RULE_PERMITTED, 0 },
	    { "2013-04-01", RULE_PERMITTED, 9950 }, { NULL, 0, 0 } },
	  600, 12500, OVER, RULE_PERMITTED, 9950, 2,
	  "the limit DWP applies changed on Mon 1 Apr: judged against both" },
};

/* Build a basis day by day, as the app does. */
static void
basis_of(int i, struct permitted_basis *b)
{
	struct permitted_limits lim;
	pd_date first, d, from;
	enum benefit_rule rule = RULE_NONE;
	int64_t higher = 0;
	int day, k;

	ck_assert_int_eq(date_parse(basis_cases[i].first, &first, NULL), PD_OK);
	permitted_basis_init(b);
	for (day = 0; day < 7; day++) {
		d = date_add_days(first, day);
		for (k = 0; basis_cases[i].spans[k].from != NULL; k++) {
			ck_assert_int_eq(date_parse(basis_cases[i].spans[k].from,
			    &from, NULL), PD_OK);
			if (from <= d) {
				rule = basis_cases[i].spans[k].rule;
				higher = basis_cases[i].spans[k].higher;
			}
		}
		lim = lim2026;
		lim.higher_pence = higher;
		permitted_basis_day(b, d, rule, higher > 0 ? &lim : NULL);
	}
}

START_TEST(test_basis)
{
	struct permitted_basis b;
	struct permitted_result r;
	char end[PERMITTED_NOTE_LEN + 4];

	basis_of(_i, &b);
	permitted_check_basis(&b, 0, basis_cases[_i].minutes,
	    basis_cases[_i].pence, PERMITTED_NEAR_PERCENT, &r);
	ck_assert_msg((int)r.verdict == basis_cases[_i].verdict, "%s: verdict %d",
	    basis_cases[_i].what, r.verdict);
	ck_assert_int_eq(r.rule, basis_cases[_i].rule);
	ck_assert_int_eq(r.limit_pence, basis_cases[_i].rule == RULE_LOWER ?
	    2000 : basis_cases[_i].limit);
	ck_assert_int_eq(r.judged, basis_cases[_i].judged);
	ck_assert_str_eq(r.note, basis_cases[_i].note);
	if (basis_cases[_i].note[0] != '\0') {
		/* every sentence says so in words */
		snprintf(end, sizeof end, "(%s)", basis_cases[_i].note);
		ck_assert_msg(strstr(r.sentence, end) != NULL, "%s", r.sentence);
	} else {
		ck_assert_ptr_null(strchr(r.sentence, '('));
	}
}
END_TEST

START_TEST(test_basis_sentence)
{
	struct permitted_basis b;
	struct permitted_result r;

	basis_of(1, &b);
	permitted_check_basis(&b, 0, 120, 2500, PERMITTED_NEAR_PERCENT, &r);
	ck_assert_str_eq(r.sentence, "This week: 2h; " POUND "25.00 of "
	    POUND "20.00 " DASH " over the limit: pay is " POUND "5.00 more "
	    "than " POUND "20.00 (the benefit rule changed on Thu 3 Dec: "
	    "judged against both)");
	basis_of(5, &b);
	permitted_check_basis(&b, 0, 900, 17160, PERMITTED_NEAR_PERCENT, &r);
	ck_assert_str_eq(r.sentence, "This week: 15h of less than 16h; "
	    POUND "171.60 of " POUND "167.00 " DASH " over the limit: pay is "
	    POUND "4.60 more than " POUND "167.00");
	/* an empty basis judges nothing */
	permitted_basis_init(&b);
	permitted_check_basis(&b, 0, 900, 17160, PERMITTED_NEAR_PERCENT, &r);
	ck_assert_int_eq(r.verdict, NA);
}
END_TEST

START_TEST(test_basis_adding)
{
	struct permitted_basis b;
	struct permitted_change c;

	/* permitted work, then the lower limit from Thursday: £15 is within
	 * the lower limit; adding £10 crosses it */
	basis_of(1, &b);
	permitted_check_adding_basis(&b, 0, 72, 1500, 48, 1000,
	    PERMITTED_NEAR_PERCENT, &c);
	ck_assert_int_eq(c.before.verdict, OK);
	ck_assert_int_eq(c.before.limit_pence, 2000);
	ck_assert_int_eq(c.after.verdict, OVER);
	ck_assert_int_eq(c.crosses, 1);
	ck_assert_int_eq(c.over, 1);
	ck_assert_str_eq(c.sentence, "Adding 48m and " POUND "10.00: this "
	    "week would be 2h; " POUND "25.00 of " POUND "20.00 " DASH " over "
	    "the limit: pay is " POUND "5.00 more than " POUND "20.00 (the "
	    "benefit rule changed on Thu 3 Dec: judged against both)");
}
END_TEST

/* What is missing is carried to every stretch: no rate leaves the hours
 * limit judged and says the pay cannot be; no rule judges nothing. */
START_TEST(test_basis_missing)
{
	struct permitted_basis b;
	struct permitted_result r;
	struct permitted_change c;

	basis_of(1, &b);
	permitted_check_basis(&b, PERMITTED_NO_RATE, 120, 2500,
	    PERMITTED_NEAR_PERCENT, &r);
	ck_assert_int_eq(r.missing, PERMITTED_NO_RATE);
	ck_assert_int_eq(r.pay_unchecked, 1);
	ck_assert_int_eq(r.has_pay_limit, 0);
	ck_assert_int_eq(r.has_hours_limit, 1);
	ck_assert_int_eq(r.verdict, OK);
	ck_assert_int_eq(r.judged, 2);
	ck_assert_ptr_nonnull(strstr(r.sentence, "no pay rate recorded"));
	ck_assert_ptr_nonnull(strstr(r.sentence, "judged against both"));
	permitted_check_basis(&b, PERMITTED_NO_RULE, 120, 2500,
	    PERMITTED_NEAR_PERCENT, &r);
	ck_assert_int_eq(r.verdict, NA);
	ck_assert_int_eq(r.missing, PERMITTED_NO_RULE);
	ck_assert_str_eq(permitted_result_label(&r), "no rule recorded");
	/* an empty basis keeps what is missing too */
	permitted_basis_init(&b);
	permitted_check_basis(&b, PERMITTED_NO_RULE, 60, 100,
	    PERMITTED_NEAR_PERCENT, &r);
	ck_assert_int_eq(r.missing, PERMITTED_NO_RULE);
	basis_of(1, &b);
	permitted_check_adding_basis(&b, PERMITTED_NO_RATE, 72, 0, 48, 0,
	    PERMITTED_NEAR_PERCENT, &c);
	ck_assert_int_eq(c.after.missing, PERMITTED_NO_RATE);
	ck_assert_int_eq(c.after.pay_unchecked, 1);
	ck_assert_int_eq(c.after.judged, 2);
}
END_TEST

static Suite *
model_permitted_suite(void)
{
	Suite *s = suite_create("model_permitted");
	TCase *tc = tcase_create("permitted");

	tcase_add_loop_test(tc, test_check, 0, N(cases));
	tcase_add_loop_test(tc, test_sentence, 0, N(sentences));
	tcase_add_test(tc, test_no_figures);
	tcase_add_test(tc, test_other_year);
	tcase_add_test(tc, test_huge_values);
	tcase_add_test(tc, test_adding_journey_step_11);
	tcase_add_loop_test(tc, test_adding, 0, N(adding));
	tcase_add_test(tc, test_adding_sentences);
	tcase_add_test(tc, test_verdict_names);
	tcase_add_loop_test(tc, test_basis, 0, N(basis_cases));
	tcase_add_test(tc, test_basis_sentence);
	tcase_add_test(tc, test_basis_adding);
	tcase_add_test(tc, test_basis_missing);
	tcase_add_loop_test(tc, test_missing, 0, N(missing_cases));
	tcase_add_test(tc, test_missing_adding);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(model_permitted_suite)
