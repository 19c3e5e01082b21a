/* Tier 2: the outcomes report on the demo organisation, each figure
 * checked against SQL written by hand here (phrased apart from the
 * report's own); nobody named but for a funder's own budgets; the text
 * and the CSV say the same; a PAL and the office see none of it. */
#define _GNU_SOURCE
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/demo.h"
#include "peerdesk/app/outcomes.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/app/users.h"
#include "peerdesk/core/xalloc.h"
#include "support/dbtest.h"

#define FROM "2026-04-01"
#define TO "2026-09-30"

static struct app app;
static sqlite3 *h;

static void
setup(void)
{
	struct demo_stats st;
	struct pd_err err;

	appfix_open(&app);
	dbfix_today("2026-11-25");
	ck_assert_msg(app_demo_create(&app, DEMO_SMALL, &st, &err) == PD_OK,
	    "demo: %s", err.msg);
	ck_assert_int_eq(sqlite3_open(dbtest_path(app.db), &h), SQLITE_OK);
}

static void
teardown(void)
{
	sqlite3_close(h);
	app_close(&app);
	dbfix_today(NULL);
}

static double
q1(const char *sql)
{
	sqlite3_stmt *st;
	double v;

	ck_assert_msg(sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK,
	    "%s: %s", sqlite3_errmsg(h), sql);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void
report(const char *funder, struct outcomes *o)
{
	struct pd_err err;

	ck_assert_msg(app_report_outcomes(&app, FROM, TO, funder, o, &err) ==
	    PD_OK, "%s", err.msg);
}

START_TEST(test_people_figures)
{
	struct outcomes o;
	int sum = 0;
	size_t i;

	report(NULL, &o);
	ck_assert_int_eq(o.referrals, (int)q1("SELECT count(*) FROM referral"
	    " WHERE referred_on >= '" FROM "' AND referred_on <= '" TO "'"));
	ck_assert_int_eq(o.supported, (int)q1("SELECT count(*) FROM"
	    " (SELECT client_id FROM session WHERE status = 'done' AND date"
	    " >= '" FROM "' AND date <= '" TO "' UNION SELECT a.client_id"
	    " FROM group_attendance a, group_meeting m WHERE m.id ="
	    " a.meeting_id AND a.client_id IS NOT NULL AND m.date >= '" FROM
	    "' AND m.date <= '" TO "')"));
	ck_assert_int_gt(o.supported, 10);
	ck_assert_int_eq(o.closed, (int)q1("SELECT count(*) FROM"
	    " client_status_change WHERE status = 'closed' AND on_date >= '"
	    FROM "' AND on_date <= '" TO "' AND ifnull(reason, '') <>"
	    " 'merged'"));
	for (i = 0; i < o.n_closed_why; i++)
		sum += o.closed_why[i].n;
	ck_assert_int_eq(sum, o.closed);
	ck_assert_int_eq(o.waits, (int)q1("SELECT count(*) FROM (SELECT"
	    " min(a.started_on) AS f, (SELECT min(referred_on) FROM referral r"
	    " WHERE r.client_id = a.client_id) AS rf FROM assignment a GROUP"
	    " BY a.client_id) WHERE f >= '" FROM "' AND f <= '" TO "' AND"
	    " rf <= f"));
	if (o.waits > 0) {
		ck_assert_int_eq(o.wait_min, (int)q1("SELECT min(julianday(f) -"
		    " julianday(rf)) FROM (SELECT min(a.started_on) AS f, (SELECT"
		    " min(referred_on) FROM referral r WHERE r.client_id ="
		    " a.client_id) AS rf FROM assignment a GROUP BY a.client_id)"
		    " WHERE f >= '" FROM "' AND f <= '" TO "' AND rf <= f"));
		ck_assert(o.wait_min <= o.wait_median &&
		    o.wait_median <= o.wait_max);
	}
	outcomes_fini(&o);
}
END_TEST

START_TEST(test_hours_and_reviews)
{
	struct outcomes o;
	int64_t delivered = 0, contracted = 0;
	double want;
	size_t i;

	report(NULL, &o);
	for (i = 0; i < o.n_hours; i++) {
		delivered += o.hours[i].delivered_minutes;
		contracted += o.hours[i].contracted_minutes;
	}
	ck_assert_int_eq(delivered, (int64_t)q1("SELECT ifnull(sum(s.minutes),"
	    " 0) FROM funding f JOIN session s ON s.client_id = f.client_id"
	    " WHERE s.status = 'done' AND s.date >= max('" FROM "',"
	    " ifnull(f.starts_on, '0000')) AND s.date <= min('" TO "',"
	    " ifnull(f.ends_on, '9999'))"));
	want = q1("SELECT sum(ifnull(contracted_minutes_per_week, 0) *"
	    " (julianday(min('" TO "', ifnull(ends_on, '9999'))) -"
	    " julianday(max('" FROM "', ifnull(starts_on, '0000'))) + 1) / 7.0)"
	    " FROM funding WHERE max('" FROM "', ifnull(starts_on, '0000'))"
	    " <= min('" TO "', ifnull(ends_on, '9999'))");
	ck_assert_msg(fabs((double)contracted - want) <= (double)o.n_hours,
	    "contracted %lld, by hand %f", (long long)contracted, want);
	ck_assert_int_gt(contracted, 0);

	ck_assert_int_eq(o.reviews, (int)q1("SELECT count(*) FROM review r"
	    " WHERE r.held_on BETWEEN '" FROM "' AND '" TO "' AND NOT EXISTS"
	    " (SELECT 1 FROM review e WHERE e.assignment_id = r.assignment_id"
	    " AND (e.held_on < r.held_on OR (e.held_on = r.held_on AND e.id <"
	    " r.id)))"));
	ck_assert_int_eq(o.reviews_in_window, (int)q1("SELECT count(*) FROM"
	    " review r JOIN assignment a ON a.id = r.assignment_id WHERE"
	    " r.held_on BETWEEN '" FROM "' AND '" TO "' AND julianday(r.held_on)"
	    " - julianday(a.started_on) >= 28 AND julianday(r.held_on) -"
	    " julianday(a.started_on) <= 42 AND NOT EXISTS (SELECT 1 FROM"
	    " review e WHERE e.assignment_id = r.assignment_id AND (e.held_on"
	    " < r.held_on OR (e.held_on = r.held_on AND e.id < r.id)))"));
	ck_assert_int_gt(o.reviews, 0);
	outcomes_fini(&o);
}
END_TEST

/* The mean T-score at first scoring, worked here from each client's sum
 * of first scores: T = 50 + 10 S / sqrt(0.7 n + 0.3 n^2). */
START_TEST(test_goal_attainment)
{
	static const char sql[] =
	    "SELECT client, sum(first), sum(latest), count(*) FROM (SELECT"
	    " p.client_id AS client,"
	    " (SELECT score FROM goal_score x WHERE x.goal_id = g.id AND"
	    "  x.scored_on <= '" TO "' ORDER BY x.scored_on, x.id LIMIT 1)"
	    "  AS first,"
	    " (SELECT score FROM goal_score x WHERE x.goal_id = g.id AND"
	    "  x.scored_on <= '" TO "' ORDER BY x.scored_on DESC, x.id DESC"
	    "  LIMIT 1) AS latest"
	    " FROM plan_goal g, plan p WHERE p.id = g.plan_id AND p.client_id IN"
	    " (SELECT p2.client_id FROM goal_score s2, plan_goal g2, plan p2"
	    "  WHERE g2.id = s2.goal_id AND p2.id = g2.plan_id AND s2.scored_on"
	    "  BETWEEN '" FROM "' AND '" TO "'))"
	    " WHERE first IS NOT NULL GROUP BY client ORDER BY client";
	struct outcomes o;
	sqlite3_stmt *st;
	double tf = 0, tl = 0;
	int n = 0, up = 0;

	report(NULL, &o);
	ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		double g = sqlite3_column_double(st, 3);
		double d = sqrt(0.7 * g + 0.3 * g * g);
		double f = 50 + 10 * sqlite3_column_double(st, 1) / d;
		double l = 50 + 10 * sqlite3_column_double(st, 2) / d;

		tf += f;
		tl += l;
		up += l - f >= 0.05;
		n++;
	}
	sqlite3_finalize(st);
	ck_assert_int_gt(n, 2);
	ck_assert_uint_eq(o.n_people, (size_t)n);
	ck_assert(fabs(o.t_first - tf / n) < 1e-9);
	ck_assert(fabs(o.t_latest - tl / n) < 1e-9);
	ck_assert_int_eq(o.improved, up);
	ck_assert_int_eq(o.improved + o.same + o.worse, n);
	ck_assert_ptr_nonnull(strstr(o.people[0].label, "Person "));
	outcomes_fini(&o);
}
END_TEST

START_TEST(test_groups_and_quotes)
{
	struct outcomes o;
	struct pd_err err;
	size_t i;
	int found = 0;

	report(NULL, &o);
	for (i = 0; i < o.n_groups; i++) {
		if (strcmp(o.groups[i].name, "Thursday walking group") != 0)
			continue;
		found = 1;
		ck_assert_int_eq(o.groups[i].meetings, (int)q1("SELECT count(*)"
		    " FROM group_meeting m, client_group g WHERE g.id ="
		    " m.group_id AND g.kind = 'walk' AND m.date BETWEEN '" FROM
		    "' AND '" TO "'"));
		ck_assert_int_eq(o.groups[i].attendances, (int)q1("SELECT"
		    " (SELECT count(*) FROM group_attendance a, group_meeting m,"
		    " client_group g WHERE a.meeting_id = m.id AND g.id ="
		    " m.group_id AND g.kind = 'walk' AND m.date BETWEEN '" FROM
		    "' AND '" TO "') + (SELECT sum(m.extra_count) FROM"
		    " group_meeting m, client_group g WHERE g.id = m.group_id AND"
		    " g.kind = 'walk' AND m.date BETWEEN '" FROM "' AND '" TO
		    "')"));
		ck_assert_int_gt(o.groups[i].meetings, 15);
	}
	ck_assert(found);
	outcomes_fini(&o);

	/* Over the two years: every quotable review, no client named. */
	ck_assert_int_eq(app_report_outcomes(&app, "2024-01-01", "2026-11-25",
	    NULL, &o, &err), PD_OK);
	ck_assert_int_eq((int)o.n_quotes, (int)q1("SELECT count(*) FROM review"
	    " WHERE may_quote = 1 AND notes IS NOT NULL") + (int)q1(
	    "SELECT count(*) FROM plan_note WHERE may_quote = 1"));
	ck_assert_int_gt(o.n_quotes, 0);
	outcomes_fini(&o);
}
END_TEST

/* A quote naming the client loses the name. */
START_TEST(test_quote_unnamed)
{
	struct outcomes o;
	struct pd_err err;
	char *sql;
	size_t i;
	int found = 0;

	sql = xasprintf("UPDATE review SET may_quote = 1, held_on = '2026-05-05',"
	    " notes = 'Walking with ' || (SELECT c.name FROM client c,"
	    " assignment a WHERE a.client_id = c.id AND a.id ="
	    " review.assignment_id) || ' helped' WHERE id = (SELECT min(id)"
	    " FROM review)");
	ck_assert_int_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	free(sql);
	ck_assert_int_eq(app_report_outcomes(&app, FROM, TO, NULL, &o, &err),
	    PD_OK);
	for (i = 0; i < o.n_quotes; i++)
		if (strcmp(o.quotes[i].text, "Walking with [name] helped") == 0)
			found = 1;
	ck_assert(found);
	outcomes_fini(&o);
}
END_TEST

/* With a funder named: only their clients; those whose own budget the
 * funder pays are named, nobody else. */
START_TEST(test_funder_names_own_budgets)
{
	struct outcomes all, o;
	sqlite3_stmt *st;
	size_t i;
	int named = 0;

	report(NULL, &all);
	report("riverside council", &o);
	ck_assert_int_le(o.referrals, all.referrals);
	ck_assert_ptr_nonnull(o.funder);
	for (i = 0; i < o.n_people; i++) {
		int is_name;

		ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT count(*) FROM"
		    " client c JOIN funding f ON f.client_id = c.id WHERE"
		    " c.name = ?1 AND lower(f.funder) = 'riverside council' AND"
		    " f.kind IN ('personal_budget', 'personal_health_budget',"
		    " 'direct_payment')", -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, o.people[i].label, -1, SQLITE_STATIC);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		is_name = sqlite3_column_int(st, 0) > 0;
		sqlite3_finalize(st);
		if (is_name)
			named++;
		else
			ck_assert_ptr_nonnull(strstr(o.people[i].label,
			    "Person "));
	}
	ck_assert_int_gt(named, 0);
	ck_assert_int_eq(o.named, 1);
	outcomes_fini(&o);
	outcomes_fini(&all);
	report("Nobody Pays Council", &o);
	ck_assert_int_eq(o.referrals, 0);
	ck_assert_uint_eq(o.n_people, 0);
	ck_assert_int_eq(o.named, 0);
	outcomes_fini(&o);
}
END_TEST

/* Every figure of the CSV is in the text. */
START_TEST(test_text_and_csv_agree)
{
	struct strbuf text = STRBUF_INIT, csv = STRBUF_INIT;
	struct outcomes o;
	struct pd_err err;
	char *line, *save, *copy;
	int rows = 0;

	report(NULL, &o);
	ck_assert_int_eq(app_report_outcomes_render(&o, REPORT_TEXT, 0, &text,
	    &err), PD_OK);
	ck_assert_int_eq(app_report_outcomes_render(&o, REPORT_CSV, 0, &csv,
	    &err), PD_OK);
	copy = xstrdup(csv.buf);
	for (line = strtok_r(copy, "\r\n", &save); line != NULL;
	    line = strtok_r(NULL, "\r\n", &save)) {
		const char *p = line;
		char field[256];
		int k = 0, q = 0;
		size_t n = 0;

		if (rows++ == 0) {
			ck_assert_str_eq(line, "section,item,value,out_of,detail");
			continue;
		}
		/* the third field: the value */
		for (; *p != '\0' && k < 3; p++) {
			if (*p == '"')
				q = !q;
			else if (*p == ',' && !q) {
				if (++k == 3)
					break;
				n = 0;
			} else if (k == 2 && n + 1 < sizeof field)
				field[n++] = *p;
		}
		field[n] = '\0';
		if (field[0] != '\0')
			ck_assert_msg(strstr(text.buf, field) != NULL,
			    "'%s' is in the CSV, not the text", field);
	}
	ck_assert_int_gt(rows, 20);
	free(copy);
	strbuf_fini(&text);
	strbuf_fini(&csv);
	outcomes_fini(&o);
}
END_TEST

/* The PDF: a real PDF with the figures' pages and the charts' page. */
START_TEST(test_pdf)
{
	struct strbuf pdf = STRBUF_INIT;
	struct outcomes o;
	struct pd_err err;
	const char *p;
	int pages = 0;

	report(NULL, &o);
	ck_assert_int_eq(app_report_outcomes_render(&o, REPORT_PDF, 0, &pdf,
	    &err), PD_OK);
	ck_assert_int_gt(pdf.len, 2000);
	ck_assert(memcmp(pdf.buf, "%PDF-", 5) == 0);
	for (p = pdf.buf; (p = memmem(p, pdf.len - (size_t)(p - pdf.buf),
	    "/Type /Page %", 13)) != NULL; p++)
		pages++;
	ck_assert_int_ge(pages, 2);
	strbuf_fini(&pdf);
	outcomes_fini(&o);
}
END_TEST

/* The funders the screen offers: each named in a client's funding, once
 * whatever its case; each one's report is the one --funder gives. */
START_TEST(test_funder_choices)
{
	struct outcomes o;
	struct pd_err err;
	char **v;
	size_t n, i;

	ck_assert_int_eq(app_outcomes_funders(&app, &v, &n, &err), PD_OK);
	ck_assert_uint_eq(n, (size_t)q1("SELECT count(DISTINCT"
	    " lower(trim(funder))) FROM funding WHERE trim(funder) <> ''"));
	ck_assert_uint_gt(n, 0);
	for (i = 0; i < n; i++) {
		report(v[i], &o);
		ck_assert_str_eq(o.funder, v[i]);
		outcomes_fini(&o);
		free(v[i]);
	}
	free(v);
	/* a second spelling of one funder is offered once */
	ck_assert_int_eq(sqlite3_exec(h, "UPDATE funding SET funder ="
	    " 'RIVERSIDE COUNCIL' WHERE id = (SELECT min(id) FROM funding"
	    " WHERE lower(funder) = 'riverside council')", NULL, NULL, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(app_outcomes_funders(&app, &v, &n, &err), PD_OK);
	ck_assert_uint_eq(n, (size_t)q1("SELECT count(DISTINCT"
	    " lower(trim(funder))) FROM funding WHERE trim(funder) <> ''"));
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	ck_assert_int_eq(app_sign_in_as(&app, "jo", &err), PD_OK);
	ck_assert_int_eq(app_outcomes_funders(&app, &v, &n, &err), PD_DENIED);
	ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(test_only_the_manager)
{
	struct outcomes o;
	struct pd_err err;

	ck_assert_int_eq(app_sign_in_as(&app, "jo", &err), PD_OK);
	ck_assert_int_eq(app_report_outcomes(&app, FROM, TO, NULL, &o, &err),
	    PD_DENIED);
	ck_assert_int_eq(app_sign_in_as(&app, "dee", &err), PD_OK);
	ck_assert_int_eq(app_report_outcomes(&app, FROM, TO, NULL, &o, &err),
	    PD_DENIED);
	ck_assert_int_eq(app_sign_in_as(&app, "priya", &err), PD_OK);
	ck_assert_int_eq(app_report_outcomes(&app, FROM, TO, NULL, &o, &err),
	    PD_OK);
	outcomes_fini(&o);
	ck_assert_int_eq(app_report_outcomes(&app, TO, FROM, NULL, &o, &err),
	    PD_INVALID);
	ck_assert_int_eq(app_report_outcomes(&app, "2026-13-01", TO, NULL, &o,
	    &err), PD_INVALID);
}
END_TEST

static Suite *
outcomes_suite(void)
{
	Suite *s = suite_create("app_outcomes");
	TCase *tc = tcase_create("outcomes");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_people_figures);
	tcase_add_test(tc, test_hours_and_reviews);
	tcase_add_test(tc, test_goal_attainment);
	tcase_add_test(tc, test_groups_and_quotes);
	tcase_add_test(tc, test_quote_unnamed);
	tcase_add_test(tc, test_funder_names_own_budgets);
	tcase_add_test(tc, test_text_and_csv_agree);
	tcase_add_test(tc, test_pdf);
	tcase_add_test(tc, test_only_the_manager);
	tcase_add_test(tc, test_funder_choices);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(outcomes_suite)
