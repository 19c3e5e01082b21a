/* Tier 2: assignments through the use cases: the review window from the
 * settings, review states on day 29 and 43, recording the review (and
 * what each outcome does), change of PAL with history, more than one
 * worker at once, scope and conflicts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/assignments.h"
#include "peerdesk/app/choose.h"
#include "peerdesk/app/reminders.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/db/plan.h"
#include "peerdesk/db/planquery.h"

static struct app app;
static struct dbfix_world w;

static void
establish(int64_t client)
{
	struct plan_info p;
	struct pd_err err;

	memset(&p, 0, sizeof p);
	ck_assert_int_eq(db_plan_get_or_create(app.db, client, 0, &p, &err),
	    PD_OK);
	ck_assert_int_eq(db_plan_set_established(app.db, p.id, "2026-09-01",
	    w.manager, &err), PD_OK);
}

static void
setup(void)
{
	dbfix_today("2026-10-01");
	appfix_open(&app);
	dbfix_world(app.db, &w);
	establish(w.chloe);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
}

static void
teardown(void)
{
	app_close(&app);
	dbfix_today(NULL);
}

static int64_t
start(int64_t client, int64_t worker, const char *on, int minutes)
{
	struct assignment_start in;
	struct pd_err err;
	int64_t id = 0;

	memset(&in, 0, sizeof in);
	in.client_id = client;
	in.worker_id = worker;
	snprintf(in.started_on, sizeof in.started_on, "%s", on);
	in.contracted_minutes = minutes;
	ck_assert_msg(app_assignment_start(&app, &in, &id, &err) == PD_OK,
	    "%s", err.msg);
	return id;
}

static void
get(int64_t id, struct assignment_item *it)
{
	struct pd_err err;

	ck_assert_int_eq(app_assignment_get(&app, id, it, &err), PD_OK);
}

START_TEST(test_window_from_settings)
{
	struct assignment_item it;
	int64_t id;

	app.settings->review_due_days = 21;
	app.settings->review_overdue_days = 35;
	id = start(w.chloe, w.sam, "2026-10-01", 120);
	get(id, &it);
	ck_assert_str_eq(it.a.review_due_on, "2026-10-22");
	ck_assert_str_eq(it.a.review_overdue_on, "2026-11-05");
	ck_assert_int_eq(it.active, 1);
	assignment_fini(&it.a);
}
END_TEST

/* Day 29 is "review due", day 43 "overdue"; a recorded review clears
 * it, and its reminder goes. */
START_TEST(test_review_due_overdue_recorded)
{
	struct assignment_item it;
	struct reminder_list rl;
	struct review r;
	struct pd_err err;
	int64_t id = start(w.chloe, w.sam, "2026-10-01", 120);

	get(id, &it);
	ck_assert_str_eq(it.a.review_due_on, "2026-10-29");
	ck_assert_int_eq(it.review, REVIEW_NONE);
	assignment_fini(&it.a);

	dbfix_today("2026-10-22");	/* 7 days before */
	get(id, &it);
	ck_assert_int_eq(it.review, REVIEW_UPCOMING);
	assignment_fini(&it.a);

	dbfix_today("2026-10-29");	/* day 29 */
	get(id, &it);
	ck_assert_int_eq(it.review, REVIEW_DUE);
	assignment_fini(&it.a);

	dbfix_today("2026-11-12");	/* day 43 */
	get(id, &it);
	ck_assert_int_eq(it.review, REVIEW_OVERDUE);
	ck_assert_int_eq(app_reminders(&app, -1, &rl, &err), PD_OK);
	ck_assert_int_eq(rl.counts[REMIND_REVIEW_OVERDUE], 1);
	reminder_list_fini(&rl);

	memset(&r, 0, sizeof r);
	r.participants = (char[]){"Chloé, Sam, Olive"};
	r.outcome = OUTCOME_CONTINUE;
	r.notes = (char[]){"Going well"};
	memcpy(r.held_on, "2026-09-30", 11);	/* before the first meeting */
	ck_assert_int_eq(app_review_record(&app, &it.a, &r, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "held_on");
	r.held_on[0] = '\0';
	ck_assert_int_eq(app_review_record(&app, &it.a, &r, &err), PD_OK);
	ck_assert_str_eq(r.held_on, "2026-11-12");
	ck_assert_str_eq(it.a.reviewed_on, "2026-11-12");
	assignment_fini(&it.a);
	get(id, &it);
	ck_assert_int_eq(it.review, REVIEW_DONE);
	ck_assert_int_eq(it.active, 1);
	assignment_fini(&it.a);
	ck_assert_int_eq(app_reminders(&app, -1, &rl, &err), PD_OK);
	ck_assert_int_eq(rl.counts[REMIND_REVIEW_OVERDUE], 0);
	ck_assert_int_eq(rl.counts[REMIND_REVIEW_DUE], 0);
	reminder_list_fini(&rl);
}
END_TEST

/* The client asks for a change at the review: the assignment ends as a
 * change of PAL and the client chooses again. */
START_TEST(test_review_change_requested)
{
	struct assignment_item it;
	struct assignment_list al;
	struct suggestion_list sl;
	struct review r;
	struct review_list rv;
	struct pd_err err;
	int64_t id = start(w.chloe, w.sam, "2026-10-01", 120);
	size_t i;
	int found = 0;

	dbfix_today("2026-10-30");
	get(id, &it);
	memset(&r, 0, sizeof r);
	r.outcome = OUTCOME_CHANGE_REQUESTED;
	r.participants = (char[]){"Chloé, Olive"};
	ck_assert_int_eq(app_review_record(&app, &it.a, &r, &err), PD_OK);
	ck_assert_str_eq(it.a.ended_on, "2026-10-30");
	ck_assert_int_eq(it.a.end_kind, END_CHANGE_OF_PAL);
	ck_assert_ptr_nonnull(strstr(it.a.end_reason, "change of PAL"));
	assignment_fini(&it.a);
	ck_assert_int_eq(app_assignment_list(&app, w.chloe, 1, &al, &err),
	    PD_OK);
	ck_assert_uint_eq(al.n, 0);
	assignment_list_fini(&al);
	/* history is kept */
	ck_assert_int_eq(app_assignment_list(&app, w.chloe, 0, &al, &err),
	    PD_OK);
	ck_assert_uint_eq(al.n, 1);
	ck_assert_int_eq(al.v[0].active, 0);
	assignment_list_fini(&al);
	ck_assert_int_eq(app_review_list(&app, id, &rv, &err), PD_OK);
	ck_assert_uint_eq(rv.n, 1);
	ck_assert_int_eq(rv.v[0].outcome, OUTCOME_CHANGE_REQUESTED);
	review_list_fini(&rv);
	/* the shortlist is open again: Sam is suggested, marked */
	ck_assert_int_eq(app_suggest_pals(&app, w.chloe, &sl, &err), PD_OK);
	for (i = 0; i < sl.n; i++) {
		char buf[600];

		if (sl.v[i].pal_id != w.sam)
			continue;
		found = 1;
		suggest_reasons_text(&sl.v[i].s, buf, sizeof buf);
		ck_assert_ptr_nonnull(strstr(buf, "you changed from this PAL "
		    "on 2026-10-30"));
	}
	ck_assert(found);
	suggestion_list_fini(&sl);
	/* no second review of an ended assignment */
	get(id, &it);
	ck_assert_int_eq(app_review_record(&app, &it.a, &r, &err),
	    PD_CONFLICT);
	assignment_fini(&it.a);
}
END_TEST

START_TEST(test_review_other_outcomes)
{
	struct assignment_item it;
	struct review r;
	struct pd_err err;
	int64_t a1 = start(w.chloe, w.sam, "2026-10-01", -1);
	int64_t a2 = start(w.chloe, w.jo, "2026-10-01", -1);

	dbfix_today("2026-11-02");
	memset(&r, 0, sizeof r);
	r.outcome = OUTCOME_PAL_WITHDRAWS;
	get(a1, &it);
	ck_assert_int_eq(app_review_record(&app, &it.a, &r, &err), PD_OK);
	ck_assert_int_eq(it.a.end_kind, END_CHANGE_OF_PAL);
	ck_assert_ptr_nonnull(strstr(it.a.end_reason, "PAL withdrew"));
	assignment_fini(&it.a);
	memset(&r, 0, sizeof r);
	r.outcome = OUTCOME_END;
	get(a2, &it);
	ck_assert_int_eq(app_review_record(&app, &it.a, &r, &err), PD_OK);
	ck_assert_int_eq(it.a.end_kind, END_COMPLETED);
	assignment_fini(&it.a);
	memset(&r, 0, sizeof r);
	r.outcome = (enum review_outcome)9;
	get(a2, &it);
	ck_assert_int_eq(app_review_record(&app, &it.a, &r, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "outcome");
	assignment_fini(&it.a);
}
END_TEST

START_TEST(test_change_any_time)
{
	struct assignment_item it;
	struct assignment_list al;
	struct pd_err err;
	int64_t id = start(w.chloe, w.sam, "2026-10-01", 120);

	dbfix_today("2026-10-08");
	get(id, &it);
	ck_assert_int_eq(app_assignment_change(&app, &it.a, NULL, "  ", &err),
	    PD_INVALID);
	ck_assert_str_eq(err.field, "reason");
	ck_assert_int_eq(app_assignment_change(&app, &it.a, "2026-12-01",
	    "Moving away", &err), PD_INVALID);	/* in the future */
	ck_assert_int_eq(app_assignment_change(&app, &it.a, NULL,
	    "Chloé would like someone who plays football", &err), PD_OK);
	ck_assert_str_eq(it.a.end_reason,
	    "Chloé would like someone who plays football");
	assignment_fini(&it.a);
	/* a new PAL; both rows are kept */
	start(w.chloe, w.jo, "2026-10-08", 120);
	ck_assert_int_eq(app_assignment_list(&app, w.chloe, 0, &al, &err),
	    PD_OK);
	ck_assert_uint_eq(al.n, 2);
	ck_assert_int_eq(al.v[0].a.end_kind, END_CHANGE_OF_PAL);
	ck_assert_int_eq(al.v[1].active, 1);
	assignment_list_fini(&al);
}
END_TEST

/* Half an hour with the Operations Manager and two hours with a PAL. */
START_TEST(test_two_workers)
{
	struct assignment_start in;
	struct assignment_list al;
	struct assignment_item it;
	struct pd_err err;
	int64_t a;

	a = start(w.chloe, w.manager, "2026-10-01", 30);
	start(w.chloe, w.sam, "2026-10-01", 120);
	memset(&in, 0, sizeof in);
	in.client_id = w.chloe;
	in.worker_id = w.sam;
	in.contracted_minutes = 60;
	ck_assert_int_eq(app_assignment_start(&app, &in, NULL, &err),
	    PD_DUPLICATE);
	ck_assert_int_eq(app_assignment_list(&app, w.chloe, 1, &al, &err),
	    PD_OK);
	ck_assert_uint_eq(al.n, 2);
	ck_assert_int_eq(al.v[0].a.contracted_minutes_per_week +
	    al.v[1].a.contracted_minutes_per_week, 150);
	assignment_list_fini(&al);
	get(a, &it);
	ck_assert_int_eq(app_assignment_set_minutes(&app, &it.a, 45, &err),
	    PD_OK);
	ck_assert_int_eq(it.a.contracted_minutes_per_week, 45);
	it.a.version--;
	ck_assert_int_eq(app_assignment_set_minutes(&app, &it.a, 60, &err),
	    PD_CONFLICT);
	assignment_fini(&it.a);
}
END_TEST

START_TEST(test_plan_rule_direct_start)
{
	struct assignment_start in;
	struct assignment_item it;
	struct pd_err err;
	int64_t id = 0;
	bool est = true;

	ck_assert_int_eq(app_plan_is_established(&app, w.ben, &est, NULL,
	    &err), PD_OK);
	ck_assert_int_eq(est, 0);
	memset(&in, 0, sizeof in);
	in.client_id = w.ben;
	in.worker_id = w.sam;
	in.contracted_minutes = -1;
	ck_assert_int_eq(app_assignment_start(&app, &in, &id, &err),
	    PD_INVALID);
	ck_assert_str_eq(err.field, "override_reason");
	in.override_reason = "Urgent: Jo is off sick";
	ck_assert_int_eq(app_assignment_start(&app, &in, &id, &err), PD_OK);
	get(id, &it);
	ck_assert_str_eq(it.a.override_reason, "Urgent: Jo is off sick");
	ck_assert_str_eq(it.a.started_on, "2026-10-01");
	assignment_fini(&it.a);
	ck_assert_int_eq(app_plan_is_established(&app, w.chloe, &est, NULL,
	    &err), PD_OK);
	ck_assert_int_eq(est, 1);
}
END_TEST

/* Reading never writes: asking whether a plan is established, ranking
 * PALs, and starting support with a reason make no plan row. */
START_TEST(test_plan_read_makes_no_plan)
{
	struct assignment_start in;
	struct suggestion_list sl;
	struct plan_info plan;
	struct pd_err err;
	int64_t id = 0;
	bool est = true;

	ck_assert_int_eq(db_plan_find(app.db, w.ben, 0, &plan, NULL),
	    PD_NOT_FOUND);
	ck_assert_int_eq(app_plan_is_established(&app, w.ben, &est, NULL,
	    &err), PD_OK);
	ck_assert_int_eq(est, 0);
	ck_assert_int_eq(app_suggest_pals(&app, w.ben, &sl, &err), PD_OK);
	suggestion_list_fini(&sl);
	memset(&in, 0, sizeof in);
	in.client_id = w.ben;
	in.worker_id = w.sam;
	in.contracted_minutes = -1;
	ck_assert_int_eq(app_assignment_start(&app, &in, &id, &err),
	    PD_INVALID);
	in.override_reason = "Urgent";
	ck_assert_int_eq(app_assignment_start(&app, &in, &id, &err), PD_OK);
	ck_assert_int_eq(db_plan_find(app.db, w.ben, 0, &plan, NULL),
	    PD_NOT_FOUND);
}
END_TEST

/* A PAL sees their own clients' assignments only and changes none. */
START_TEST(test_scope)
{
	struct assignment_list al;
	struct assignment_item it;
	struct review r;
	struct pd_err err;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_assignment_list(&app, w.ben, 0, &al, &err),
	    PD_DENIED);
	ck_assert_int_eq(app_assignment_get(&app, w.ben_jo, &it, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(app_assignment_list(&app, w.ana, 0, &al, &err),
	    PD_OK);
	ck_assert_uint_eq(al.n, 1);
	assignment_list_fini(&al);
	get(w.ana_sam, &it);
	memset(&r, 0, sizeof r);
	ck_assert_int_eq(app_review_record(&app, &it.a, &r, &err), PD_DENIED);
	ck_assert_int_eq(app_assignment_change(&app, &it.a, NULL, "x", &err),
	    PD_DENIED);
	assignment_fini(&it.a);
}
END_TEST

static Suite *
assign_suite(void)
{
	Suite *s = suite_create("app_assign");
	TCase *t = tcase_create("assign");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, test_window_from_settings);
	tcase_add_test(t, test_review_due_overdue_recorded);
	tcase_add_test(t, test_review_change_requested);
	tcase_add_test(t, test_review_other_outcomes);
	tcase_add_test(t, test_change_any_time);
	tcase_add_test(t, test_two_workers);
	tcase_add_test(t, test_plan_rule_direct_start);
	tcase_add_test(t, test_plan_read_makes_no_plan);
	tcase_add_test(t, test_scope);
	suite_add_tcase(s, t);
	return s;
}

PD_TEST_MAIN(assign_suite)
