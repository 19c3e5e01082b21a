/* Tier 1: model/palweeks - one PAL's weeks against the limit: the
 * five-week average (ESA reg 45(8)), the verdict words and the chart
 * rows at 40 columns (issue 15, item 6).  Every expected figure here
 * was worked out by hand; docs/model-rules.md has the first example. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/model/palweeks.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define POUND "\xc2\xa3"

/* 2026/27: lower £20.00, higher and supported £203.50, less than 16h. */
static const struct permitted_limits lim2026 = {
	.lower_pence = 2000, .higher_pence = 20350,
	.hours_limit_minutes = PERMITTED_HOURS_LIMIT_MINUTES,
};

/* ---- the average ----------------------------------------------------- */

static const struct {
	const char *what;
	int minutes[8];
	int counted[8];		/* all 1 unless said */
	int use_counted;
	size_t n, i;
	int span;
	int weeks;
	long total;
	int avg;
	int over16;
} avgs[] = {
	/* docs/model-rules.md: 14h, 12h, 20h, 10h, 15h = 71h over 5 weeks
	 * = 14h12 a week; the 20h week alone is over, the average is not */
	{ "worked example", { 840, 720, 1200, 600, 900 }, { 0 }, 0, 5, 4, 5,
	    5, 4260, 852, 0 },
	/* the same weeks, ending with the 20h week: only three weeks exist
	 * (14h + 12h + 20h = 46h / 3 = 15h20) */
	{ "fewer weeks at the start", { 840, 720, 1200, 600, 900 }, { 0 }, 0,
	    5, 2, 5, 3, 2760, 920, 0 },
	/* a week of no work counts as 0: 10h + 0 + 10h = 20h / 3 = 6h40 */
	{ "no work counts as 0", { 600, 0, 600 }, { 0 }, 0, 3, 2, 5, 3, 1200,
	    400, 0 },
	/* weeks before the PAL started do not count: 10h+10h+15h = 35h / 3
	 * = 11h40 */
	{ "before the start", { 0, 0, 600, 600, 900 }, { 0, 0, 1, 1, 1 }, 1,
	    5, 4, 5, 3, 2100, 700, 0 },
	/* exactly 16h on average is not "less than 16 hours" */
	{ "16h exactly", { 960, 960, 960, 960, 960 }, { 0 }, 0, 5, 4, 5, 5,
	    4800, 960, 1 },
	/* 1000 + 919 = 1919 minutes over 2 weeks = 959.5: below 16 hours,
	 * shown rounded down as 15h59 */
	{ "just below 16h", { 1000, 919 }, { 0 }, 0, 2, 1, 2, 2, 1919, 959,
	    0 },
	{ "just 16h", { 1000, 920 }, { 0 }, 0, 2, 1, 2, 2, 1920, 960, 1 },
	/* only the five weeks ending with week 6 (of 0..6): 2..6 */
	{ "a window inside", { 5000, 5000, 60, 60, 60, 60, 60 }, { 0 }, 0, 7,
	    6, 5, 5, 300, 60, 0 },
	/* nothing counted: no average */
	{ "nothing counted", { 600, 600 }, { 0, 0 }, 1, 2, 1, 5, 0, 0, 0, 0 },
	/* a negative figure is read as 0 */
	{ "negative", { -60, 120 }, { 0 }, 0, 2, 1, 5, 2, 120, 60, 0 },
	/* a two-week cycle: 20h, 0h = 10h a week */
	{ "two-week cycle", { 1200, 0, 1200, 0 }, { 0 }, 0, 4, 3, 2, 2, 1200,
	    600, 0 },
	/* out of range: nothing */
	{ "past the end", { 600 }, { 0 }, 0, 1, 1, 5, 0, 0, 0, 0 },
};

START_TEST(test_average)
{
	struct palweeks_avg a;

	palweeks_average(avgs[_i].minutes, avgs[_i].use_counted ?
	    avgs[_i].counted : NULL, avgs[_i].n, avgs[_i].i, avgs[_i].span,
	    &a);
	ck_assert_msg(a.weeks == avgs[_i].weeks, "%s: weeks %d",
	    avgs[_i].what, a.weeks);
	ck_assert_msg(a.total_minutes == avgs[_i].total, "%s: total %ld",
	    avgs[_i].what, a.total_minutes);
	ck_assert_msg(a.avg_minutes == avgs[_i].avg, "%s: avg %d",
	    avgs[_i].what, a.avg_minutes);
	ck_assert_msg(a.at_or_over_16h == avgs[_i].over16, "%s: 16h %d",
	    avgs[_i].what, a.at_or_over_16h);
}
END_TEST

/* ---- words ----------------------------------------------------------- */

START_TEST(test_words)
{
	struct permitted_result r;

	permitted_check(RULE_PERMITTED, 17 * 60, 10000, &lim2026, 10, &r);
	ck_assert_str_eq(palweeks_word_str(palweeks_word_of(&r, 17 * 60)),
	    "over");
	permitted_check(RULE_PERMITTED, 600, 19000, &lim2026, 10, &r);
	ck_assert_str_eq(palweeks_word_str(palweeks_word_of(&r, 600)),
	    "near");
	permitted_check(RULE_PERMITTED, 600, 12710, &lim2026, 10, &r);
	ck_assert_str_eq(palweeks_word_str(palweeks_word_of(&r, 600)), "ok");
	permitted_check(RULE_PERMITTED, 0, 0, &lim2026, 10, &r);
	ck_assert_str_eq(palweeks_word_str(palweeks_word_of(&r, 0)),
	    "no work");
	permitted_check_missing(RULE_PERMITTED, PERMITTED_NO_RATE, 600, 0,
	    &lim2026, 10, &r);
	ck_assert_str_eq(palweeks_word_str(palweeks_word_of(&r, 600)),
	    "no rate");
	/* no rate, but over the hours limit: over stands */
	permitted_check_missing(RULE_PERMITTED, PERMITTED_NO_RATE, 1000, 0,
	    &lim2026, 10, &r);
	ck_assert_str_eq(palweeks_word_str(palweeks_word_of(&r, 1000)),
	    "over");
	permitted_check_missing(RULE_NONE, PERMITTED_NO_RULE, 600, 7000,
	    &lim2026, 10, &r);
	ck_assert_str_eq(palweeks_word_str(palweeks_word_of(&r, 600)),
	    "no rule");
	permitted_check(RULE_UC, 2400, 30000, &lim2026, 10, &r);
	ck_assert_str_eq(palweeks_word_str(palweeks_word_of(&r, 2400)),
	    "no limit");
	ck_assert_str_eq(palweeks_word_str((enum palweeks_word)99), "?");
}
END_TEST

START_TEST(test_hm)
{
	char b[PALWEEKS_HM_LEN];

	ck_assert_str_eq(palweeks_hm(0, b), "0h");
	ck_assert_str_eq(palweeks_hm(545, b), "9h05");
	ck_assert_str_eq(palweeks_hm(930, b), "15h30");
	ck_assert_str_eq(palweeks_hm(7200, b), "120h");
	ck_assert_str_eq(palweeks_hm(-5, b), "0h");
}
END_TEST

/* ---- chart rows -------------------------------------------------------- */

/* A week starting Mon 23 Nov 2026 (first, the average given). */
static void
week(struct palweeks_week *w, enum benefit_rule rule, int minutes,
    int64_t pence, int avg_weeks, long avg_total)
{
	pd_date d;

	memset(w, 0, sizeof *w);
	ck_assert(date_parse("2026-11-23", &d, NULL) == PD_OK);
	w->first = d;
	w->last = date_add_days(d, 6);
	w->counted = 1;
	w->minutes = minutes;
	w->gross_pence = pence;
	permitted_check(rule, minutes, pence, &lim2026, 10, &w->check);
	w->word = palweeks_word_of(&w->check, minutes);
	w->avg.weeks = avg_weeks;
	w->avg.total_minutes = avg_total;
	w->avg.avg_minutes = avg_weeks ? (int)(avg_total / avg_weeks) : 0;
	w->avg.at_or_over_16h = avg_weeks && avg_total >= 960L * avg_weeks;
}

/* columns of s (UTF-8 characters) */
static int
cols(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static const struct {
	const char *what;
	enum benefit_rule rule;
	int minutes;
	int64_t pence;
	int avg_weeks;
	long avg_total;
	enum palweeks_measure m;
	int width;
	const char *row;
} rows[] = {
	/* 40 columns, pay: bar of 9 cells, limit at cell 7 (9*3/4 rounded).
	 * £171.60 of £203.50: 17160*7/20350 = 5.9 -> 5 cells; 14h12 avg */
	{ "pay ok", RULE_PERMITTED, 810, 17160, 5, 4260, PALWEEKS_PAY, 40,
	    "23 Nov #####..|  " POUND "171.60 14h12  ok      " },
	/* 10% of £203.50 = £20.35: £185.00 is within £20.35 -> near;
	 * 18500*7/20350 = 6.36 -> 6 cells */
	{ "pay near", RULE_PERMITTED, 600, 18500, 5, 4260, PALWEEKS_PAY, 40,
	    "23 Nov ######.|  " POUND "185.00 14h12  near    " },
	/* £203.65: over by 15p: always past the mark */
	{ "pay over", RULE_PERMITTED, 840, 20365, 5, 4260, PALWEEKS_PAY, 40,
	    "23 Nov #######|# " POUND "203.65 14h12  over    " },
	/* far over: the whole bar, '>' at its end (off the scale) */
	{ "pay far over", RULE_PERMITTED, 840, 40000, 5, 4260, PALWEEKS_PAY,
	    40, "23 Nov #######|> " POUND "400.00 14h12  over    " },
	/* hours at 40 columns: 7 + 1 (pay 7 + space out, hours 5 +
	 * space in) -> bar of 11, limit at cell 8 (11*3/4 = 8.25 -> 8);
	 * 16h exactly is over; the average 16h00 is marked */
	{ "hours over", RULE_PERMITTED, 960, 12000, 5, 4800, PALWEEKS_HOURS,
	    40, "23 Nov ########|#    16h   16h* over    " },
	/* 12h of 16h: 720*8/960 = 6 cells */
	{ "hours ok", RULE_PERMITTED, 720, 9000, 1, 720, PALWEEKS_HOURS, 40,
	    "23 Nov ######..|     12h   12h  ok      " },
	{ "no work", RULE_PERMITTED, 0, 0, 0, 0, PALWEEKS_PAY, 40,
	    "23 Nov .......|    " POUND "0.00     -  no work " },
	/* Universal Credit: no pay limit, no bar */
	{ "no limit", RULE_UC, 600, 12710, 5, 3000, PALWEEKS_PAY, 40,
	    "23 Nov           " POUND "127.10   10h  no limit" },
	/* 72 columns: both figures, the bar gets the rest: 72 - (10+1+1
	 * +5+1+7+1+6+1+8 = 41) = 31 cells, limit at cell 24 (23.25 ->
	 * 24 with the +2 rounding: (93+2)/4 = 23); 17160*23/20350 = 19.4 */
	{ "wide", RULE_PERMITTED, 810, 17160, 5, 4260, PALWEEKS_PAY, 72,
	    "2026-11-23 ###################....|        13h30 " POUND
	    "171.60 14h12  ok      " },
};

START_TEST(test_rows)
{
	struct palweeks_week w;
	char buf[PALWEEKS_ROW_LEN];

	week(&w, rows[_i].rule, rows[_i].minutes, rows[_i].pence,
	    rows[_i].avg_weeks, rows[_i].avg_total);
	palweeks_row(&w, rows[_i].m, rows[_i].width, buf, sizeof buf);
	ck_assert_msg(strcmp(buf, rows[_i].row) == 0, "%s:\n[%s]\n[%s]",
	    rows[_i].what, buf, rows[_i].row);
	ck_assert_msg(cols(buf) == rows[_i].width, "%s: %d columns",
	    rows[_i].what, cols(buf));
}
END_TEST

START_TEST(test_heading)
{
	char buf[PALWEEKS_ROW_LEN];

	palweeks_heading(PALWEEKS_PAY, 40, buf, sizeof buf);
	ck_assert_str_eq(buf, "Week   Pay|limit     Pay  5-wk  Verdict ");
	ck_assert_int_eq(cols(buf), 40);
	palweeks_heading(PALWEEKS_HOURS, 40, buf, sizeof buf);
	ck_assert_int_eq(cols(buf), 40);
	palweeks_heading(PALWEEKS_PAY, 72, buf, sizeof buf);
	ck_assert_int_eq(cols(buf), 72);
}
END_TEST

/* palweeks_finish: words, averages over the weeks, what is shown. */
START_TEST(test_finish)
{
	static const int mins[] = { 600, 600, 840, 720, 1200, 600, 900 };
	struct palweeks p;
	struct palweeks_week w;
	size_t i;

	palweeks_init(&p, "Org", "Sam", "sam", "2026-11-27", 5);
	for (i = 0; i < sizeof mins / sizeof mins[0]; i++) {
		week(&w, RULE_PERMITTED, mins[i], mins[i] * 1271 / 60, 0, 0);
		w.first = date_add_days(w.first, 7 * (int)i);
		palweeks_add(&p, &w);
	}
	palweeks_finish(&p);
	ck_assert_uint_eq(p.n, 7);
	ck_assert_uint_eq(p.lead, 2);
	ck_assert_int_eq(p.measure, PALWEEKS_PAY);
	/* the last week: 14h, 12h, 20h, 10h, 15h */
	ck_assert_int_eq(p.v[6].avg.avg_minutes, 852);
	ck_assert_int_eq(p.v[6].avg.weeks, 5);
	/* the first shown week (index 2) averages the two lead weeks too:
	 * 10h + 10h + 14h = 34h / 3 = 11h20 */
	ck_assert_int_eq(p.v[2].avg.avg_minutes, 680);
	ck_assert_str_eq(palweeks_word_str(p.v[4].word), "over");
	ck_assert_int_eq(p.n_over, 1);
	ck_assert_int_eq(p.n_ok + p.n_near, 4);
	ck_assert_int_eq(p.shown_minutes, 840 + 720 + 1200 + 600 + 900);
	ck_assert(strstr(palweeks_avg_words(&p), "five weeks") != NULL);
	palweeks_fini(&p);
	ck_assert_ptr_null(p.v);
	palweeks_fini(NULL);
}
END_TEST

static Suite *
model_palweeks_suite(void)
{
	Suite *s = suite_create("model_palweeks");
	TCase *tc = tcase_create("palweeks");

	tcase_add_loop_test(tc, test_average, 0, N(avgs));
	tcase_add_test(tc, test_words);
	tcase_add_test(tc, test_hm);
	tcase_add_loop_test(tc, test_rows, 0, N(rows));
	tcase_add_test(tc, test_heading);
	tcase_add_test(tc, test_finish);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(model_palweeks_suite)
