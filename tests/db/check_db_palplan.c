/* Tier 2: db/palplan (the PAL's Wellness and Development Plan versions)
 * and db/planquery (plan reads without side effects, step removal,
 * review days, every plan's goals). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/palplan.h"
#include "peerdesk/db/plan.h"
#include "peerdesk/db/planquery.h"
#include "peerdesk/db/review.h"

static struct db *db;
static struct dbfix_world w;

static void
setup(void)
{
	db = dbfix_open();
	dbfix_world(db, &w);
	dbfix_today("2026-11-25");
}

static void
teardown(void)
{
	dbfix_today(NULL);
	db_close(&db);
}

static int
count_cb(void *arg, const struct pal_plan *row)
{
	int *n = arg;

	ck_assert_int_gt(row->version_no, 0);
	(*n)++;
	return 0;
}

START_TEST(test_pal_plan_versions)
{
	struct pal_plan p, got;
	struct pd_err err;
	int cur = -1, n = 0;

	ck_assert_int_eq(db_pal_plan_current(db, w.sam, &cur, &err), PD_OK);
	ck_assert_int_eq(cur, 0);
	ck_assert_int_eq(db_pal_plan_get(db, w.sam, 0, &got, &err),
	    PD_NOT_FOUND);
	memset(&p, 0, sizeof p);
	p.pal_id = w.sam;
	p.aspirations = xstrdup("Peer trainer");
	p.adjustments = xstrdup("");	/* empty is stored as nothing */
	ck_assert_int_eq(db_pal_plan_insert(db, &p, 0, w.sam, &err), PD_OK);
	ck_assert_int_eq(p.version_no, 1);
	ck_assert_str_ne(p.saved_at, "");
	free(p.aspirations);
	p.aspirations = xstrdup("Peer trainer, then supervisor");
	ck_assert_int_eq(db_pal_plan_insert(db, &p, 1, w.manager, &err),
	    PD_OK);
	ck_assert_int_eq(p.version_no, 2);
	/* a stale save is refused and names who saved last */
	ck_assert_int_eq(db_pal_plan_insert(db, &p, 1, w.sam, &err),
	    PD_CONFLICT);
	ck_assert_msg(strstr(err.msg, "Maya Shah") != NULL, "%s", err.msg);
	ck_assert_int_eq(dbfix_count(db, "pal_plan_version"), 2);
	pal_plan_fini(&p);

	ck_assert_int_eq(db_pal_plan_current(db, w.sam, &cur, &err), PD_OK);
	ck_assert_int_eq(cur, 2);
	ck_assert_int_eq(db_pal_plan_get(db, w.sam, 0, &got, &err), PD_OK);
	ck_assert_int_eq(got.version_no, 2);
	ck_assert_str_eq(got.aspirations, "Peer trainer, then supervisor");
	ck_assert_ptr_null(got.adjustments);
	ck_assert_str_eq(got.saved_by_name, "Maya Shah");
	pal_plan_fini(&got);
	ck_assert_int_eq(db_pal_plan_get(db, w.sam, 1, &got, &err), PD_OK);
	ck_assert_str_eq(got.aspirations, "Peer trainer");
	ck_assert_str_eq(got.saved_by_name, "Sam Reid");
	pal_plan_fini(&got);
	ck_assert_int_eq(db_pal_plan_get(db, w.sam, 3, &got, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(db_pal_plan_get(db, w.jo, 0, &got, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(db_pal_plan_list(db, w.sam, count_cb, &n, &err),
	    PD_OK);
	ck_assert_int_eq(n, 2);

	/* only PALs have one */
	ck_assert_int_eq(db_pal_plan_current(db, w.office, &cur, &err),
	    PD_NOT_FOUND);
	memset(&p, 0, sizeof p);
	p.pal_id = w.office;
	ck_assert_int_eq(db_pal_plan_insert(db, &p, 0, w.office, &err),
	    PD_NOT_FOUND);
}
END_TEST

static int
day_cb(void *arg, const char *day)
{
	struct strbuf_like {
		char s[200];
	} *b = arg;

	strcat(b->s, day);
	strcat(b->s, ";");
	return 0;
}

struct rows {
	int n;
	struct plan_goal_row r[8];
};

static int
row_cb(void *arg, const struct plan_goal_row *row)
{
	struct rows *rs = arg;

	ck_assert_int_lt(rs->n, 8);
	rs->r[rs->n] = *row;
	rs->r[rs->n].client_name = NULL;
	rs->n++;
	return 0;
}

START_TEST(test_planquery)
{
	struct plan_info p, found;
	struct plan_goal g;
	struct goal_step st;
	struct review rv;
	struct pd_err err;
	struct rows rs;
	struct {
		char s[200];
	} days;
	int score = 99;

	/* finding makes nothing */
	ck_assert_int_eq(db_plan_find(db, w.ana, 0, &found, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(dbfix_count(db, "plan"), 0);
	ck_assert_int_eq(db_plan_get_or_create(db, w.ana, 0, &p, &err), PD_OK);
	ck_assert_int_eq(db_plan_find(db, w.ana, 0, &found, &err), PD_OK);
	ck_assert_int_eq(found.id, p.id);
	ck_assert_int_eq(db_plan_find(db, w.ana, w.jo, &found, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(db_plan_find(db, w.ana, w.sam, &found, &err), PD_OK);

	memset(&g, 0, sizeof g);
	g.plan_id = p.id;
	g.area = GOAL_CONNECT;
	g.title = (char[]){"Walking group"};
	ck_assert_int_eq(db_goal_insert(db, &g, &err), PD_OK);
	memset(&st, 0, sizeof st);
	st.goal_id = g.id;
	st.text = (char[]){"Find it"};
	ck_assert_int_eq(db_goal_step_insert(db, &st, &err), PD_OK);
	ck_assert_int_eq(db_goal_step_delete(db, st.id, &err), PD_OK);
	ck_assert_int_eq(db_goal_step_delete(db, st.id, &err), PD_NOT_FOUND);

	ck_assert_int_eq(db_goal_score_insert(db, g.id, "2026-10-28", -1, 0,
	    w.manager, &err), PD_OK);
	ck_assert_int_eq(db_goal_score_insert(db, g.id, "2026-11-25", 1, 0,
	    w.manager, &err), PD_OK);
	ck_assert_int_eq(db_goal_score_on(db, g.id, "2026-10-28", &score,
	    &err), PD_OK);
	ck_assert_int_eq(score, -1);
	ck_assert_int_eq(db_goal_score_on(db, g.id, "2026-10-29", &score,
	    &err), PD_NOT_FOUND);

	/* an assignment review on another day counts as a review day */
	memset(&rv, 0, sizeof rv);
	rv.assignment_id = w.ana_sam;
	snprintf(rv.held_on, sizeof rv.held_on, "2026-11-20");
	rv.outcome = OUTCOME_CONTINUE;
	ck_assert_int_eq(db_review_insert(db, &rv, &err), PD_OK);
	review_fini(&rv);
	memset(&days, 0, sizeof days);
	ck_assert_int_eq(db_plan_review_days(db, w.ana, 0, day_cb, &days,
	    &err), PD_OK);
	ck_assert_str_eq(days.s, "2026-10-28;2026-11-20;2026-11-25;");
	memset(&days, 0, sizeof days);
	ck_assert_int_eq(db_plan_review_days(db, w.ana, w.jo, day_cb, &days,
	    &err), PD_OK);
	ck_assert_str_eq(days.s, "");

	memset(&rs, 0, sizeof rs);
	ck_assert_int_eq(db_plan_goal_rows(db, 0, row_cb, &rs, &err), PD_OK);
	ck_assert_int_eq(rs.n, 1);
	ck_assert_int_eq(rs.r[0].client_id, w.ana);
	ck_assert_int_eq(rs.r[0].n_scores, 2);
	ck_assert_int_eq(rs.r[0].latest, 1);
	ck_assert_str_eq(rs.r[0].latest_on, "2026-11-25");
	ck_assert_int_eq(rs.r[0].previous, -1);

	ck_assert_int_eq(db_goal_score_delete_day(db, g.id, "2026-11-25",
	    &err), PD_OK);
	ck_assert_int_eq(dbfix_count(db, "goal_score"), 1);
	/* a plan with no goals is one row with goal_id 0 */
	ck_assert_int_eq(db_plan_get_or_create(db, w.ben, 0, &p, &err), PD_OK);
	memset(&rs, 0, sizeof rs);
	ck_assert_int_eq(db_plan_goal_rows(db, 0, row_cb, &rs, &err), PD_OK);
	ck_assert_int_eq(rs.n, 2);
	ck_assert_int_eq(rs.r[0].n_scores, 1);
	ck_assert_int_eq(rs.r[0].previous, -99);
	ck_assert_int_eq(rs.r[1].client_id, w.ben);
	ck_assert_int_eq(rs.r[1].goal_id, 0);
	memset(&rs, 0, sizeof rs);
	ck_assert_int_eq(db_plan_goal_rows(db, w.jo, row_cb, &rs, &err), PD_OK);
	ck_assert_int_eq(rs.n, 1);
	ck_assert_int_eq(rs.r[0].client_id, w.ben);
}
END_TEST

static Suite *
db_palplan_suite(void)
{
	Suite *s = suite_create("db_palplan");
	TCase *tc = tcase_create("palplan");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_pal_plan_versions);
	tcase_add_test(tc, test_planquery);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(db_palplan_suite)
