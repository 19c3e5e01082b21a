/* Tier 2: the limit DWP applies and weeks in which a rule changed.  The
 * limit changes on DWP's uprating Monday, not on 1 April; a week in which
 * the PAL's benefit rule (or the limit) changed is judged against each,
 * the stricter verdict stands, and every output says so; a pay rate that
 * changes mid-week prices each day at its own rate; the PALs list, the
 * PAL record and the report show the rule of the day they show. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/app/report_hours.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"
#include "peerdesk/report/hours_csv.h"
#include "peerdesk/report/hours_text.h"

#define CHANGED "(the benefit rule changed on Thu 3 Dec: judged against both)"

static struct app app;
static struct dbfix_world w;

static void
setup(void)
{
	appfix_open(&app);
	dbfix_world(app.db, &w);
	dbfix_today("2026-12-04");	/* Friday, in 2026-W49 */
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
}

static void
teardown(void)
{
	dbfix_today(NULL);
	app_close(&app);
}

/* An admin line for pal straight into the database. */
static void
admin_line(int64_t pal, const char *date, int minutes)
{
	struct ts_line l;
	struct ts_week wk;
	struct week_range r;
	struct pd_err err;
	char first[11];

	ck_assert_int_eq(app_week_parse(&app, date, &r, &err), PD_OK);
	date_format(r.first, first);
	memset(&wk, 0, sizeof wk);
	ck_assert_int_eq(db_week_get_or_create(app.db, pal, first, &wk, &err),
	    PD_OK);
	memset(&l, 0, sizeof l);
	l.week_id = wk.id;
	snprintf(l.date, sizeof l.date, "%s", date);
	l.minutes = minutes;
	l.kind = LINE_ADMIN;
	ck_assert_msg(db_line_insert(app.db, &l, 0, &err) == PD_OK, "%s",
	    err.msg);
}

/* s with every run of spaces and line ends made one space (reports wrap
 * their lines). */
static char *
squash(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n') {
			if (o > out && o[-1] == ' ')
				continue;
			*o++ = ' ';
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}

/* ---- the limit DWP applies ---------------------------------------------------- */

static const struct {
	const char *what;
	int week_start;		/* 1 Monday ... 7 Sunday */
	const char *day;	/* the line's day, 15h at £11.44 = £171.60 */
	const char *week;	/* the week asked for */
	int verdict;
	int64_t limit;
	const char *note;
} dwp_cases[] = {
	{ "the brief: 1-7 April 2024 is judged against £167.00", 1,
	  "2024-04-02", "2024-04-01", PERMITTED_OVER, 16700, "" },
	{ "from DWP's uprating Monday, £183.50", 1,
	  "2024-04-09", "2024-04-08", PERMITTED_NEAR, 18350, "" },
	{ "weeks from Thursday: 4-10 April 2024 is judged against both", 4,
	  "2024-04-09", "2024-04-04", PERMITTED_OVER, 16700,
	  "the limit DWP applies changed on Mon 8 Apr: judged against both" },
	{ "weeks from Thursday: 28 Mar-3 Apr 2024 has one limit", 4,
	  "2024-04-02", "2024-03-28", PERMITTED_OVER, 16700, "" },
	{ "2025: 31 Mar-6 Apr is under £183.50", 1,
	  "2025-04-01", "2025-03-31", PERMITTED_NEAR, 18350, "" },
};

START_TEST(test_dwp_uprating_week)
{
	struct week_view v;
	struct pd_err err;

	app.settings->week_start = dwp_cases[_i].week_start;
	ck_assert_int_eq(db_pal_rate_add(app.db, w.sam, 1144, "2024-04-01",
	    w.manager, &err), PD_OK);
	ck_assert_int_eq(db_pal_rate_add(app.db, w.sam, 1144, "2025-03-01",
	    w.manager, &err), PD_OK);
	admin_line(w.sam, dwp_cases[_i].day, 900);
	ck_assert_int_eq(app_week_status(&app, w.sam, dwp_cases[_i].week, &v,
	    &err), PD_OK);
	ck_assert_int_eq(v.row.gross_pence, 17160);
	ck_assert_msg((int)v.row.check.verdict == dwp_cases[_i].verdict,
	    "%s: %s", dwp_cases[_i].what, v.row.check.sentence);
	ck_assert_int_eq(v.row.check.limit_pence, dwp_cases[_i].limit);
	ck_assert_str_eq(v.row.check.note, dwp_cases[_i].note);
	week_view_fini(&v);
}
END_TEST

/* The weekly summary of a Thursday week over the uprating Monday says
 * so in its header; a Monday week has nothing to say. */
START_TEST(test_report_limits_note)
{
	struct hours_report rep;
	struct strbuf sb = STRBUF_INIT;
	const struct hours_row *row;
	struct pd_err err;
	char *text;

	ck_assert_int_eq(db_pal_rate_add(app.db, w.sam, 1144, "2024-04-01",
	    w.manager, &err), PD_OK);
	admin_line(w.sam, "2024-04-09", 900);
	ck_assert_int_eq(app_report_hours(&app, "2024-04-08", &rep, &err),
	    PD_OK);
	ck_assert_ptr_null(rep.limits_note);
	hours_report_fini(&rep);
	app.settings->week_start = 4;
	ck_assert_int_eq(app_report_hours(&app, "2024-04-04", &rep, &err),
	    PD_OK);
	ck_assert_ptr_nonnull(rep.limits_note);
	ck_assert_str_eq(rep.limits_note, "From Mon 8 Apr 2024 DWP applies "
	    "the new limits: lower limit £20.00; permitted and supported "
	    "permitted work £183.50. Each PAL's week is judged against both, "
	    "and the stricter verdict stands.");
	ck_assert_int_eq(rep.limits.higher_pence, 16700);
	row = hours_report_row_for(&rep, w.sam);
	ck_assert_int_eq(row->check.verdict, PERMITTED_OVER);
	ck_assert_int_eq(row->check.limit_pence, 16700);
	hours_text_render(&rep, &sb);
	text = squash(strbuf_str(&sb));
	ck_assert_msg(strstr(text, "From Mon 8 Apr 2024 DWP applies the new "
	    "limits") != NULL, "%s", text);
	ck_assert(strstr(text, "(the limit DWP applies changed on Mon 8 Apr: "
	    "judged against both; the stricter verdict stands)") != NULL);
	free(text);
	strbuf_fini(&sb);
	hours_report_fini(&rep);
}
END_TEST

/* ---- a benefit rule that changed mid-week ------------------------------------ */

/* Sam: permitted work, then the lower limit from Thu 3 Dec 2026; 2h of
 * admin on Mon 30 Nov (£25.00): within permitted work, over £20. */
static void
rule_change_week(void)
{
	struct pd_err err;

	ck_assert_int_eq(db_pal_benefit_set(app.db, w.sam, RULE_LOWER,
	    "2026-12-03", NULL, w.manager, &err), PD_OK);
	admin_line(w.sam, "2026-11-30", 120);
}

START_TEST(test_rule_change_week_status)
{
	struct week_view v;
	struct pd_err err;

	rule_change_week();
	ck_assert_int_eq(app_week_status(&app, w.sam, "2026-W49", &v, &err),
	    PD_OK);
	ck_assert_int_eq(v.row.check.verdict, PERMITTED_OVER);
	ck_assert_int_eq(v.row.check.rule, RULE_LOWER);
	ck_assert_int_eq(v.row.check.judged, 2);
	/* this week shows today's rule (Friday: the lower limit) */
	ck_assert_int_eq(v.row.rule, RULE_LOWER);
	ck_assert_msg(strstr(v.row.check.sentence, CHANGED) != NULL, "%s",
	    v.row.check.sentence);
	week_view_fini(&v);
	/* seen the week after, it shows its first day's rule */
	dbfix_today("2026-12-10");
	ck_assert_int_eq(app_week_status(&app, w.sam, "2026-W49", &v, &err),
	    PD_OK);
	ck_assert_int_eq(v.row.rule, RULE_PERMITTED);
	ck_assert_int_eq(v.row.check.verdict, PERMITTED_OVER);
	week_view_fini(&v);
	/* the week before and after: one rule each */
	ck_assert_int_eq(app_week_status(&app, w.sam, "2026-W50", &v, &err),
	    PD_OK);
	ck_assert_int_eq(v.row.check.judged, 1);
	ck_assert_int_eq(v.row.rule, RULE_LOWER);
	week_view_fini(&v);
}
END_TEST

START_TEST(test_rule_change_lists_and_record_agree)
{
	struct pal_list l;
	struct pal_record r;
	struct pd_err err;
	size_t i;
	int seen = 0;

	rule_change_week();
	/* today is Fri 4 Dec: the lower limit is the rule in force */
	ck_assert_int_eq(app_pal_list(&app, 0, &l, &err), PD_OK);
	for (i = 0; i < l.n; i++) {
		if (l.v[i].id != w.sam)
			continue;
		seen = 1;
		ck_assert_int_eq(l.v[i].week.rule, RULE_LOWER);
		ck_assert_int_eq(l.v[i].week.check.verdict, PERMITTED_OVER);
		ck_assert(strstr(l.v[i].week.check.sentence, CHANGED) != NULL);
	}
	ck_assert(seen);
	pal_list_fini(&l);
	ck_assert_int_eq(app_pal_open(&app, w.sam, &r, &err), PD_OK);
	ck_assert_int_eq(r.rule, RULE_LOWER);
	ck_assert_int_eq(r.week.rule, RULE_LOWER);
	ck_assert(strstr(r.week.check.sentence, CHANGED) != NULL);
	pal_record_fini(&r);
	/* on Wednesday the record showed permitted work, judged the same */
	dbfix_today("2026-12-02");
	ck_assert_int_eq(app_pal_open(&app, w.sam, &r, &err), PD_OK);
	ck_assert_int_eq(r.rule, RULE_PERMITTED);
	ck_assert_int_eq(r.week.rule, RULE_PERMITTED);
	ck_assert_int_eq(r.week.check.verdict, PERMITTED_OVER);
	pal_record_fini(&r);
}
END_TEST

START_TEST(test_rule_change_report_and_waiting)
{
	struct hours_report rep;
	struct week_waiting *ww;
	struct strbuf sb = STRBUF_INIT;
	const struct hours_row *row;
	struct pd_err err;
	size_t n;
	char *text;

	rule_change_week();
	ck_assert_int_eq(app_report_hours(&app, "2026-W49", &rep, &err), PD_OK);
	row = hours_report_row_for(&rep, w.sam);
	ck_assert_ptr_nonnull(row);
	ck_assert_int_eq(row->check.verdict, PERMITTED_OVER);
	ck_assert_int_eq(rep.totals.n_over, 1);
	hours_text_render(&rep, &sb);
	text = squash(strbuf_str(&sb));
	ck_assert_msg(strstr(text, "Verdict: over the limit: £5.00 too much "
	    "pay (the benefit rule changed on Thu 3 Dec: judged against both; "
	    "lower limit (£20 a week) is the stricter)") != NULL, "%s", text);
	free(text);
	strbuf_fini(&sb);
	hours_report_fini(&rep);
	/* the approval list */
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_week_submit(&app, 0, "2026-W49", &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_weeks_waiting(&app, &ww, &n, &err), PD_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(ww[0].check.verdict, PERMITTED_OVER);
	ck_assert(strstr(ww[0].check.sentence, CHANGED) != NULL);
	week_waiting_free(ww, n);
}
END_TEST

/* What is not recorded is still said in words when the rule changed in
 * the week: Rae has no pay rate; her rule changes on Thu 3 Dec.  The
 * week is judged against both (the hours limit of permitted work) and
 * says the pay cannot be checked; the CSV keeps the note. */
START_TEST(test_rule_change_no_rate)
{
	struct week_view v;
	struct hours_report rep;
	struct strbuf sb = STRBUF_INIT;
	const struct hours_row *row;
	struct pd_err err;
	struct pal_profile pp;
	int64_t rae = dbfix_staff(app.db, "rae", "Rae Quinn", ROLE_PAL);

	memset(&pp, 0, sizeof pp);	/* a profile, but no pay rate */
	pp.staff_id = rae;
	pp.max_clients = -1;
	snprintf(pp.started_on, sizeof pp.started_on, "2026-01-05");
	ck_assert_int_eq(db_pal_insert(app.db, &pp, &err), PD_OK);
	ck_assert_msg(db_pal_benefit_set(app.db, rae, RULE_PERMITTED,
	    "2026-01-05", NULL, w.manager, &err) == PD_OK, "%s", err.msg);
	ck_assert_int_eq(db_pal_benefit_set(app.db, rae, RULE_LOWER,
	    "2026-12-03", NULL, w.manager, &err), PD_OK);
	admin_line(rae, "2026-11-30", 120);
	ck_assert_int_eq(app_week_status(&app, rae, "2026-W49", &v, &err),
	    PD_OK);
	ck_assert_int_eq(v.row.check.judged, 2);
	ck_assert(v.row.check.missing & PERMITTED_NO_RATE);
	ck_assert_int_eq(v.row.check.pay_unchecked, 1);
	ck_assert_msg(strstr(v.row.check.sentence, "no pay rate recorded")
	    != NULL, "%s", v.row.check.sentence);
	ck_assert_msg(strstr(v.row.check.sentence, CHANGED) != NULL, "%s",
	    v.row.check.sentence);
	week_view_fini(&v);
	ck_assert_int_eq(app_report_hours_pals(&app, "2026-W49", &rep, &err),
	    PD_OK);
	row = hours_report_row_for(&rep, rae);
	ck_assert_ptr_nonnull(row);
	ck_assert_int_eq(row->check.judged, 2);
	ck_assert_int_eq(row->check.pay_unchecked, 1);
	hours_csv_render(&rep, &sb);
	ck_assert_msg(strstr(sb.buf, "\nrae,Rae Quinn,2.00,0.00,") != NULL,
	    "%s", sb.buf);
	ck_assert_msg(strstr(sb.buf, "the benefit rule changed on Thu 3 Dec: "
	    "judged against both\r\n") != NULL, "%s", sb.buf);
	strbuf_fini(&sb);
	hours_report_fini(&rep);
}
END_TEST

/* No rule at all: not judged, in words, in the week and the CSV. */
START_TEST(test_no_rule_not_checked)
{
	struct week_view v;
	struct hours_report rep;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	int64_t rae = dbfix_staff(app.db, "rae", "Rae Quinn", ROLE_PAL);

	admin_line(rae, "2026-11-30", 120);
	ck_assert_int_eq(app_week_status(&app, rae, "2026-W49", &v, &err),
	    PD_OK);
	ck_assert_int_eq(v.row.check.verdict, PERMITTED_NA);
	ck_assert(v.row.check.missing & PERMITTED_NO_RULE);
	ck_assert_msg(strstr(v.row.check.sentence, "no benefit rule "
	    "recorded") != NULL, "%s", v.row.check.sentence);
	week_view_fini(&v);
	ck_assert_int_eq(app_report_hours_pals(&app, "2026-W49", &rep, &err),
	    PD_OK);
	hours_csv_render(&rep, &sb);
	ck_assert_msg(strstr(sb.buf, "\nrae,Rae Quinn,2.00,0.00,,,,,,"
	    "not_checked,") != NULL, "%s", sb.buf);
	strbuf_fini(&sb);
	hours_report_fini(&rep);
}
END_TEST

/* ---- a pay rate that changes mid-week ------------------------------------------ */

START_TEST(test_rate_change_mid_week)
{
	struct week_view v;
	struct hours_report rep;
	const struct hours_row *row;
	struct pd_err err;

	/* £12.50, then £13.00 from Wed 2 Dec: Monday's hour at £12.50,
	 * Thursday's at £13.00 */
	ck_assert_int_eq(db_pal_rate_add(app.db, w.sam, 1300, "2026-12-02",
	    w.manager, &err), PD_OK);
	admin_line(w.sam, "2026-11-30", 60);
	admin_line(w.sam, "2026-12-03", 60);
	ck_assert_int_eq(app_week_status(&app, w.sam, "2026-W49", &v, &err),
	    PD_OK);
	ck_assert_int_eq(v.row.pay_pence, 2550);
	week_view_fini(&v);
	ck_assert_int_eq(app_report_hours(&app, "2026-W49", &rep, &err), PD_OK);
	row = hours_report_row_for(&rep, w.sam);
	ck_assert_int_eq(row->pay_pence, 2550);
	hours_report_fini(&rep);
}
END_TEST

static Suite *
ruleweek_suite(void)
{
	Suite *s = suite_create("app_ruleweek");
	TCase *tc = tcase_create("rules");
	/* Report columns are counted as the program counts them, in
	 * the UTF-8 character type cli.c sets up. */
	setlocale(LC_CTYPE, "C.UTF-8");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_dwp_uprating_week, 0,
	    (int)(sizeof dwp_cases / sizeof dwp_cases[0]));
	tcase_add_test(tc, test_report_limits_note);
	tcase_add_test(tc, test_rule_change_week_status);
	tcase_add_test(tc, test_rule_change_lists_and_record_agree);
	tcase_add_test(tc, test_rule_change_report_and_waiting);
	tcase_add_test(tc, test_rate_change_mid_week);
	tcase_add_test(tc, test_rule_change_no_rate);
	tcase_add_test(tc, test_no_rule_not_checked);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(ruleweek_suite)
