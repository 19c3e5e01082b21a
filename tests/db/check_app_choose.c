/* Tier 2: choosing a PAL: suggestions (ranked by what the client asked
 * for and by room), the shortlist, interviews, the first meeting with
 * both sides' decisions, and the plan-established rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/assignments.h"
#include "peerdesk/app/choose.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/plan.h"
#include "peerdesk/db/timesheet.h"

static struct app app;
static struct dbfix_world w;
static int64_t tom;

static void
profile(int64_t id, const char *gender, const char *interests, int max)
{
	struct pal_profile p;
	struct pd_err err;

	ck_assert_int_eq(db_pal_get(app.db, id, &p, &err), PD_OK);
	free(p.gender);
	free(p.interests);
	p.gender = gender ? xstrdup(gender) : NULL;
	p.interests = interests ? xstrdup(interests) : NULL;
	p.max_clients = max;
	ck_assert_int_eq(db_pal_update(app.db, &p, &err), PD_OK);
	pal_profile_fini(&p);
}

static void
wants(int64_t client, const char *prefs, const char *interests)
{
	struct client c;
	struct pd_err err;

	ck_assert_int_eq(db_client_get(app.db, client, 0, &c, &err), PD_OK);
	free(c.pal_preferences);
	free(c.interests);
	c.pal_preferences = prefs ? xstrdup(prefs) : NULL;
	c.interests = interests ? xstrdup(interests) : NULL;
	ck_assert_int_eq(db_client_update(app.db, &c, 0, &err), PD_OK);
	client_fini(&c);
}

static void
establish(int64_t client)
{
	struct plan_info p;
	struct pd_err err;

	memset(&p, 0, sizeof p);
	ck_assert_int_eq(db_plan_get_or_create(app.db, client, 0, &p, &err),
	    PD_OK);
	ck_assert_int_eq(db_plan_set_established(app.db, p.id, "2026-11-01",
	    w.manager, &err), PD_OK);
}

/* Chloé asks for a male PAL who likes walking.  Sam: male, walking;
 * Jo: female, walking; Tom: male, walking, but his one place is taken. */
static void
setup(void)
{
	dbfix_today("2026-11-25");
	appfix_open(&app);
	dbfix_world(app.db, &w);
	tom = dbfix_pal(app.db, "tom", "Tom Hughes");
	dbfix_assign(app.db, w.ana, tom, "2026-02-01");
	profile(w.sam, "male", "walking, music", 5);
	profile(w.jo, "female", "walking, art", 5);
	profile(tom, "male", "walking, music", 1);
	wants(w.chloe, "a male PAL", "walking, music");
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
}

static void
teardown(void)
{
	app_close(&app);
	dbfix_today(NULL);
}

static int
has_reason(const struct suggestion *s, const char *text)
{
	char buf[800];

	suggest_reasons_text(s, buf, sizeof buf);
	return strstr(buf, text) != NULL;
}

START_TEST(test_suggest_ranked_with_reasons)
{
	struct suggestion_list l;
	struct pd_err err;

	ck_assert_int_eq(app_suggest_pals(&app, w.chloe, &l, &err), PD_OK);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_str_eq(l.client_name, "Chlo\xc3\xa9 Dubois");
	ck_assert_str_eq(l.preferences, "a male PAL");
	ck_assert_int_eq(l.plan_established, 0);
	ck_assert_int_eq(l.v[0].pal_id, w.sam);
	ck_assert_str_eq(l.v[0].login, "sam");
	ck_assert(has_reason(&l.v[0].s, "shares: walking, music"));
	ck_assert(has_reason(&l.v[0].s, "you asked for a male PAL"));
	ck_assert(has_reason(&l.v[0].s, "has 1 of 5 clients"));
	ck_assert(has_reason(&l.v[0].s, "room this week: 15h 59m, £203.50"));
	ck_assert_int_eq(l.v[1].pal_id, w.jo);
	ck_assert(has_reason(&l.v[1].s, "but not a male PAL"));
	/* Tom fits best after Sam, but has no room: last */
	ck_assert_int_eq(l.v[2].pal_id, tom);
	ck_assert_int_eq(l.v[2].s.has_room, 0);
	ck_assert(has_reason(&l.v[2].s, "but full: has 1 of 1 clients"));
	suggestion_list_fini(&l);
}
END_TEST

/* Room this week: a PAL with no time left under the limit ranks below. */
START_TEST(test_suggest_room_this_week)
{
	struct suggestion_list l;
	struct ts_week wk;
	struct ts_line ln;
	struct pd_err err;

	memset(&wk, 0, sizeof wk);
	ck_assert_int_eq(db_week_get_or_create(app.db, w.sam, "2026-11-23",
	    &wk, &err), PD_OK);
	memset(&ln, 0, sizeof ln);
	ln.week_id = wk.id;
	memcpy(ln.date, "2026-11-23", 11);
	ln.minutes = 16 * 60;
	ln.kind = LINE_ADMIN;
	ck_assert_int_eq(db_line_insert(app.db, &ln, 0, &err), PD_OK);
	ck_assert_int_eq(app_suggest_pals(&app, w.chloe, &l, &err), PD_OK);
	ck_assert_int_eq(l.v[0].pal_id, w.jo);
	ck_assert_int_eq(l.v[1].pal_id, w.sam);
	ck_assert(has_reason(&l.v[1].s, "but no room left this week"));
	suggestion_list_fini(&l);
}
END_TEST

START_TEST(test_suggest_leaves_out_current)
{
	struct suggestion_list l;
	struct pd_err err;
	size_t i;

	ck_assert_int_eq(app_suggest_pals(&app, w.ana, &l, &err), PD_OK);
	for (i = 0; i < l.n; i++) {
		ck_assert_int_ne(l.v[i].pal_id, w.sam);	/* supports Ana */
		ck_assert_int_ne(l.v[i].pal_id, tom);
	}
	ck_assert_uint_eq(l.n, 1);
	suggestion_list_fini(&l);
}
END_TEST

START_TEST(test_pal_may_not_choose)
{
	struct suggestion_list l;
	struct shortlist sl;
	struct pd_err err;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_suggest_pals(&app, w.ana, &l, &err), PD_DENIED);
	ck_assert_int_eq(app_shortlist_list(&app, w.ana, &sl, &err),
	    PD_DENIED);
	ck_assert_int_eq(app_shortlist_add(&app, w.ana, w.jo, NULL, NULL,
	    &err), PD_DENIED);
}
END_TEST

START_TEST(test_shortlist_add)
{
	struct shortlist sl;
	struct suggestion_list l;
	struct pd_err err;
	int64_t id = 0;

	ck_assert_int_eq(app_shortlist_add(&app, w.chloe, w.sam, NULL, &id,
	    &err), PD_OK);
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(app_shortlist_add(&app, w.chloe, w.sam, NULL, NULL,
	    &err), PD_DUPLICATE);
	ck_assert_int_eq(app_shortlist_add(&app, w.chloe, w.jo, "chosen from "
	    "the leaflet", NULL, &err), PD_OK);
	ck_assert_int_eq(app_shortlist_add(&app, w.chloe, w.office, NULL,
	    NULL, &err), PD_NOT_FOUND);
	ck_assert_int_eq(app_shortlist_list(&app, w.chloe, &sl, &err), PD_OK);
	ck_assert_uint_eq(sl.n, 2);
	ck_assert_uint_eq(sl.open, 2);
	ck_assert_str_eq(sl.v[0].pal_name, "Sam Reid");
	ck_assert_ptr_nonnull(strstr(sl.v[0].why, "shares: walking, music"));
	ck_assert_str_eq(sl.v[1].why, "chosen from the leaflet");
	ck_assert_int_eq(sl.v[0].status, SHORTLIST_SHORTLISTED);
	ck_assert_str_eq(sl.v[0].added_on, "2026-11-25");
	shortlist_fini(&sl);
	/* the shortlisted are no longer suggested */
	ck_assert_int_eq(app_suggest_pals(&app, w.chloe, &l, &err), PD_OK);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.v[0].pal_id, tom);
	suggestion_list_fini(&l);
}
END_TEST

static void
shortlist_of(int64_t client, struct shortlist *sl)
{
	struct pd_err err;

	ck_assert_int_eq(app_shortlist_list(&app, client, sl, &err), PD_OK);
}

START_TEST(test_interview_and_decline)
{
	struct shortlist sl;
	struct first_meeting m;
	struct pd_err err;

	ck_assert_int_eq(app_shortlist_add(&app, w.chloe, w.jo, NULL, NULL,
	    &err), PD_OK);
	shortlist_of(w.chloe, &sl);
	ck_assert_int_eq(app_shortlist_interview(&app, &sl.v[0], "2026-11-20",
	    "Talked about walking", &err), PD_OK);
	ck_assert_int_eq(sl.v[0].status, SHORTLIST_INTERVIEWED);
	ck_assert_str_eq(sl.v[0].interview_note, "Talked about walking");
	ck_assert_int_eq(sl.v[0].version, 2);

	memset(&m, 0, sizeof m);
	m.client = DECISION_NO;
	m.pal = DECISION_YES;
	m.contracted_minutes = -1;
	ck_assert_int_eq(app_shortlist_first_meeting(&app, &sl.v[0], &m, NULL,
	    &err), PD_INVALID);
	ck_assert_str_eq(err.field, "reason");
	m.reason = "Wanted someone who likes football";
	ck_assert_int_eq(app_shortlist_first_meeting(&app, &sl.v[0], &m, NULL,
	    &err), PD_OK);
	ck_assert_int_eq(sl.v[0].status, SHORTLIST_DECLINED);
	ck_assert_str_eq(sl.v[0].closed_on, "2026-11-25");
	ck_assert_int_eq(sl.v[0].client_decision, DECISION_NO);
	ck_assert_int_eq(dbfix_count(app.db, "assignment"), 3);
	/* settled: no more changes */
	ck_assert_int_eq(app_shortlist_interview(&app, &sl.v[0], NULL, NULL,
	    &err), PD_CONFLICT);
	shortlist_fini(&sl);
	shortlist_of(w.chloe, &sl);
	ck_assert_uint_eq(sl.open, 0);
	ck_assert_str_eq(sl.v[0].decline_reason,
	    "Wanted someone who likes football");
	shortlist_fini(&sl);
}
END_TEST

START_TEST(test_first_meeting_needs_plan_or_reason)
{
	struct shortlist sl;
	struct first_meeting m;
	struct assignment_list al;
	struct pd_err err;
	int64_t aid = 0, entry;
	int64_t audits;

	ck_assert_int_eq(app_shortlist_add(&app, w.chloe, w.sam, NULL, NULL,
	    &err), PD_OK);
	shortlist_of(w.chloe, &sl);
	audits = dbfix_count(app.db, "audit");
	memset(&m, 0, sizeof m);
	memcpy(m.date, "2026-11-24", 11);
	m.client = DECISION_YES;
	m.pal = DECISION_YES;
	m.contracted_minutes = 120;
	ck_assert_int_eq(app_shortlist_first_meeting(&app, &sl.v[0], &m, &aid,
	    &err), PD_INVALID);
	ck_assert_str_eq(err.field, "override_reason");
	ck_assert_ptr_nonnull(strstr(err.msg, "not established"));
	/* nothing was saved */
	ck_assert_int_eq(sl.v[0].status, SHORTLIST_SHORTLISTED);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), audits);
	ck_assert_int_eq(dbfix_count(app.db, "assignment"), 3);
	shortlist_fini(&sl);
	shortlist_of(w.chloe, &sl);
	ck_assert_int_eq(sl.v[0].status, SHORTLIST_SHORTLISTED);

	m.override_reason = "Plan agreed in principle; signing on Friday";
	ck_assert_int_eq(app_shortlist_first_meeting(&app, &sl.v[0], &m, &aid,
	    &err), PD_OK);
	ck_assert_int_gt(aid, 0);
	ck_assert_int_eq(sl.v[0].status, SHORTLIST_CHOSEN);
	entry = sl.v[0].id;
	shortlist_fini(&sl);
	ck_assert_int_eq(app_assignment_list(&app, w.chloe, 1, &al, &err),
	    PD_OK);
	ck_assert_uint_eq(al.n, 1);
	ck_assert_int_eq(al.v[0].a.worker_id, w.sam);
	ck_assert_str_eq(al.v[0].a.started_on, "2026-11-24");
	ck_assert_str_eq(al.v[0].a.review_due_on, "2026-12-22");
	ck_assert_str_eq(al.v[0].a.review_overdue_on, "2027-01-05");
	ck_assert_int_eq(al.v[0].a.contracted_minutes_per_week, 120);
	ck_assert_str_eq(al.v[0].a.override_reason,
	    "Plan agreed in principle; signing on Friday");
	ck_assert_int_eq(al.v[0].a.shortlist_id, entry);
	assignment_list_fini(&al);
}
END_TEST

START_TEST(test_first_meeting_established_plan)
{
	struct shortlist sl;
	struct first_meeting m;
	struct client c;
	struct pd_err err;
	int64_t aid = 0;

	establish(w.chloe);
	ck_assert_int_eq(app_shortlist_add(&app, w.chloe, w.sam, NULL, NULL,
	    &err), PD_OK);
	shortlist_of(w.chloe, &sl);
	memset(&m, 0, sizeof m);
	m.client = DECISION_YES;
	m.contracted_minutes = -1;
	/* only the client has said so far */
	ck_assert_int_eq(app_shortlist_first_meeting(&app, &sl.v[0], &m, &aid,
	    &err), PD_OK);
	ck_assert_int_eq(sl.v[0].status, SHORTLIST_MET);
	ck_assert_int_eq(aid, 0);
	m.pal = DECISION_YES;
	ck_assert_int_eq(app_shortlist_first_meeting(&app, &sl.v[0], &m, &aid,
	    &err), PD_OK);
	ck_assert_int_gt(aid, 0);
	ck_assert_int_eq(sl.v[0].status, SHORTLIST_CHOSEN);
	shortlist_fini(&sl);
	/* the client is now active */
	ck_assert_int_eq(db_client_get(app.db, w.chloe, 0, &c, &err), PD_OK);
	ck_assert_int_eq(c.status, CLIENT_ACTIVE);
	client_fini(&c);
}
END_TEST

START_TEST(test_withdraw)
{
	struct shortlist sl;
	struct pd_err err;

	ck_assert_int_eq(app_shortlist_add(&app, w.chloe, w.jo, NULL, NULL,
	    &err), PD_OK);
	shortlist_of(w.chloe, &sl);
	ck_assert_int_eq(app_shortlist_withdraw(&app, &sl.v[0], "", &err),
	    PD_INVALID);
	ck_assert_int_eq(app_shortlist_withdraw(&app, &sl.v[0], "Jo is on "
	    "leave for a month", &err), PD_OK);
	ck_assert_int_eq(sl.v[0].status, SHORTLIST_WITHDRAWN);
	shortlist_fini(&sl);
	/* Jo can be shortlisted again later */
	ck_assert_int_eq(app_shortlist_add(&app, w.chloe, w.jo, NULL, NULL,
	    &err), PD_OK);
}
END_TEST

START_TEST(test_stale_entry_conflicts)
{
	struct shortlist a, b;
	struct pd_err err;

	ck_assert_int_eq(app_shortlist_add(&app, w.chloe, w.jo, NULL, NULL,
	    &err), PD_OK);
	shortlist_of(w.chloe, &a);
	shortlist_of(w.chloe, &b);
	ck_assert_int_eq(app_shortlist_interview(&app, &a.v[0], NULL, "one",
	    &err), PD_OK);
	ck_assert_int_eq(app_shortlist_interview(&app, &b.v[0], NULL, "two",
	    &err), PD_CONFLICT);
	ck_assert_ptr_null(b.v[0].interview_note);	/* left as it was */
	shortlist_fini(&a);
	shortlist_fini(&b);
}
END_TEST

static Suite *
choose_suite(void)
{
	Suite *s = suite_create("app_choose");
	TCase *t = tcase_create("choose");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, test_suggest_ranked_with_reasons);
	tcase_add_test(t, test_suggest_room_this_week);
	tcase_add_test(t, test_suggest_leaves_out_current);
	tcase_add_test(t, test_pal_may_not_choose);
	tcase_add_test(t, test_shortlist_add);
	tcase_add_test(t, test_interview_and_decline);
	tcase_add_test(t, test_first_meeting_needs_plan_or_reason);
	tcase_add_test(t, test_first_meeting_established_plan);
	tcase_add_test(t, test_withdraw);
	tcase_add_test(t, test_stale_entry_conflicts);
	suite_add_tcase(s, t);
	return s;
}

PD_TEST_MAIN(choose_suite)
