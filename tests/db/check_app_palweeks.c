/* Tier 2: one PAL's weeks against the limit (issue 15, item 6): every
 * week's verdict, hours, pay and note agree with the weekly summary's
 * for the same week on the demo organisation (a PAL's rule changed on a
 * Thursday too), and who may see the weeks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/demo.h"
#include "peerdesk/app/palweeks.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/app/report_hours.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/app/users.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/report/palweeks.h"

static struct app app;

static void
setup(void)
{
	appfix_open(&app);
}

static void
teardown(void)
{
	app_close(&app);
	dbfix_today(NULL);
}

static void
demo(void)
{
	struct demo_stats st;
	struct pd_err err;

	dbfix_today("2026-11-25");
	ck_assert_msg(app_demo_create(&app, DEMO_SMALL, &st, &err) == PD_OK,
	    "demo: %s", err.msg);
}

static int64_t
pal(const char *login)
{
	struct pd_err err;
	int64_t id = 0;

	ck_assert_msg(app_pal_by_login(&app, login, &id, &err) == PD_OK,
	    "%s: %s", login, err.msg);
	return id;
}

static void
sign_in(const char *login)
{
	struct pd_err err;

	ck_assert_msg(app_sign_in_as(&app, login, &err) == PD_OK, "%s: %s",
	    login, err.msg);
}

/* Every shown week of login's 52 agrees with the weekly summary. */
static void
agrees(const char *login, int *over, int *notes)
{
	struct palweeks p;
	struct pd_err err;
	int64_t id = pal(login);
	size_t i;

	ck_assert_msg(app_pal_weeks(&app, id, 52, &p, &err) == PD_OK, "%s",
	    err.msg);
	ck_assert_uint_eq(p.n - p.lead, 52);
	for (i = p.lead; i < p.n; i++) {
		const struct palweeks_week *w = &p.v[i];
		const struct hours_row *row;
		struct hours_report r;

		ck_assert_msg(app_report_hours_pals(&app, w->label, &r, &err)
		    == PD_OK, "%s: %s", w->label, err.msg);
		row = hours_report_row_for(&r, id);
		if (row == NULL) {
			/* the summary leaves out a PAL with nothing that week */
			ck_assert_msg(w->minutes == 0, "%s %s: %d minutes but "
			    "not in the summary", login, w->label, w->minutes);
			hours_report_fini(&r);
			continue;
		}
		ck_assert_msg(row->check.verdict == w->check.verdict,
		    "%s %s: verdict %d, the summary says %d", login, w->label,
		    w->check.verdict, row->check.verdict);
		ck_assert_msg(row->minutes == w->minutes, "%s %s: minutes",
		    login, w->label);
		ck_assert_msg(row->gross_pence == w->gross_pence,
		    "%s %s: gross", login, w->label);
		ck_assert_msg(row->check.limit_pence == w->check.limit_pence,
		    "%s %s: limit", login, w->label);
		ck_assert_msg(strcmp(row->check.note, w->check.note) == 0,
		    "%s %s: note [%s] [%s]", login, w->label, row->check.note,
		    w->check.note);
		ck_assert_msg((w->word == PALWEEKS_OVER) ==
		    (row->check.verdict == PERMITTED_OVER), "%s %s: word",
		    login, w->label);
		ck_assert_msg((w->word == PALWEEKS_NEAR) ==
		    (row->check.verdict == PERMITTED_NEAR), "%s %s: word",
		    login, w->label);
		*over += w->word == PALWEEKS_OVER;
		*notes += w->check.note[0] != '\0';
		hours_report_fini(&r);
	}
	palweeks_fini(&p);
}

START_TEST(test_agrees_with_summary)
{
	struct pd_err err;
	int over = 0, notes = 0;

	demo();
	/* megan moves to the £20 lower limit on Thursday 3 Sep 2026: that
	 * week is judged against both rules, and the weeks after are over */
	ck_assert_msg(app_pal_benefit_set(&app, pal("megan"), RULE_LOWER,
	    "2026-09-03", "test", &err) == PD_OK, "%s", err.msg);
	agrees("megan", &over, &notes);
	ck_assert_msg(over > 0, "some weeks are over the lower limit");
	ck_assert_int_eq(notes, 1);
	over = notes = 0;
	agrees("aisha", &over, &notes);	/* over the 2026 uprating week */
	agrees("grace", &over, &notes);	/* Universal Credit: no limit */
	agrees("liam", &over, &notes);	/* the lower limit; near weeks */
}
END_TEST

/* Five-week averages across the edge of the 52: the first shown week
 * counts the four weeks before it. */
START_TEST(test_average_lead)
{
	struct palweeks p;
	struct pd_err err;
	long total = 0;
	size_t i;

	demo();
	ck_assert(app_pal_weeks(&app, pal("raj"), 13, &p, &err) == PD_OK);
	ck_assert_uint_eq(p.lead, 4);
	ck_assert_uint_eq(p.n, 17);
	for (i = 0; i <= p.lead; i++)
		total += p.v[i].minutes;
	ck_assert_int_eq(p.v[p.lead].avg.weeks, 5);
	ck_assert_int_eq(p.v[p.lead].avg.total_minutes, total);
	ck_assert_int_eq(p.v[p.lead].avg.avg_minutes, (int)(total / 5));
	/* the last week holds today */
	ck_assert_int_eq(p.v[p.n - 1].first, p.v[p.n - 2].first + 7);
	ck_assert_str_eq(p.v[p.n - 1].label, "2026-W48");
	palweeks_fini(&p);
}
END_TEST

START_TEST(test_who_may_see)
{
	struct palweeks p;
	struct pd_err err;
	int64_t liam, aisha;

	demo();
	liam = pal("liam");
	aisha = pal("aisha");
	ck_assert_int_eq(app_pal_weeks(&app, liam, 26, &p, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "weeks");
	sign_in("priya");	/* the manager: any PAL */
	ck_assert_int_eq(app_pal_weeks(&app, aisha, 13, &p, &err), PD_OK);
	palweeks_fini(&p);
	sign_in("sam");		/* office: none */
	ck_assert_int_eq(app_pal_weeks(&app, liam, 13, &p, &err), PD_DENIED);
	ck_assert(strstr(err.msg, "only a manager") != NULL);
	sign_in("liam");	/* a PAL: their own only */
	ck_assert_int_eq(app_pal_weeks(&app, liam, 52, &p, &err), PD_OK);
	ck_assert_str_eq(p.pal_login, "liam");
	palweeks_fini(&p);
	ck_assert_int_eq(app_pal_weeks(&app, 0, 13, &p, &err), PD_OK);
	ck_assert_str_eq(p.pal_login, "liam");
	palweeks_fini(&p);
	ck_assert_int_eq(app_pal_weeks(&app, aisha, 13, &p, &err), PD_DENIED);
}
END_TEST

/* The text and CSV carry the same rows. */
START_TEST(test_render)
{
	struct palweeks p;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	size_t lines = 0, i;

	demo();
	ck_assert(app_pal_weeks(&app, pal("liam"), 13, &p, &err) == PD_OK);
	ck_assert(app_pal_weeks_render(&p, REPORT_CSV, 0, &sb, &err) == PD_OK);
	for (i = 0; i < sb.len; i++)
		lines += sb.buf[i] == '\n';
	ck_assert_uint_eq(lines, 14);
	ck_assert(strncmp(sb.buf, PALWEEKS_CSV_HEADER "\r\n",
	    strlen(PALWEEKS_CSV_HEADER) + 2) == 0);
	strbuf_reset(&sb);
	ck_assert(app_pal_weeks_render(&p, REPORT_TEXT, 0, &sb, &err) == PD_OK);
	ck_assert(strstr(sb.buf, "Liam") != NULL);
	ck_assert(strstr(sb.buf, "five weeks") != NULL);
	strbuf_reset(&sb);
	ck_assert(app_pal_weeks_render(&p, REPORT_PDF, 0, &sb, &err) == PD_OK);
	ck_assert(sb.len > 1000 && memcmp(sb.buf, "%PDF", 4) == 0);
	strbuf_fini(&sb);
	palweeks_fini(&p);
}
END_TEST

static Suite *
app_palweeks_suite(void)
{
	Suite *s = suite_create("app_palweeks");
	TCase *tc = tcase_create("palweeks");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_agrees_with_summary);
	tcase_add_test(tc, test_average_lead);
	tcase_add_test(tc, test_who_may_see);
	tcase_add_test(tc, test_render);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(app_palweeks_suite)
