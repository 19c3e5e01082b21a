/* Tier 3: the PAL list and record, "Choose a PAL", support and the
 * review, driven by keys over a real test database; golden files at
 * 40x15 and 80x24 in tests/tui/expected/assign_*.txt. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/assignments.h"
#include "peerdesk/app/choose.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/plan.h"
#include "peerdesk/tui/screens.h"
#include "tui/support/screenfix.h"

static struct app app;
static struct dbfix_world w;
static struct tui_config cfg;
static struct harness *h;
static int64_t tom;

static const char *
app_today_cb(void *a, char buf[11])
{
	(void)a;
	app_today(buf);
	return buf;
}

static void
profile(int64_t id, const char *gender, const char *interests, int max)
{
	struct pal_profile p;
	struct pd_err err;

	ck_assert_int_eq(db_pal_get(app.db, id, &p, &err), PD_OK);
	free(p.gender);
	free(p.interests);
	free(p.languages);
	p.gender = xstrdup(gender);
	p.interests = xstrdup(interests);
	p.languages = xstrdup("English");
	p.max_clients = max;
	ck_assert_int_eq(db_pal_update(app.db, &p, &err), PD_OK);
	pal_profile_fini(&p);
}

static void
setup(void)
{
	struct client c;
	struct pd_err err;

	dbfix_today("2026-11-25");
	appfix_open(&app);
	dbfix_world(app.db, &w);
	tom = dbfix_pal(app.db, "tom", "Tom Hughes");
	dbfix_assign(app.db, w.ana, tom, "2026-02-01");
	profile(w.sam, "male", "walking, music", 5);
	profile(w.jo, "female", "walking, art", 5);
	profile(tom, "male", "walking, music", 1);
	ck_assert_int_eq(db_client_get(app.db, w.chloe, 0, &c, &err), PD_OK);
	c.pal_preferences = xstrdup("a male PAL");
	c.interests = xstrdup("walking, music");
	ck_assert_int_eq(db_client_update(app.db, &c, 0, &err), PD_OK);
	client_fini(&c);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	memset(&cfg, 0, sizeof cfg);
	cfg.app = &app;
	cfg.today = app_today_cb;
	unsetenv("NO_COLOR");
	h = NULL;
}

static void
teardown(void)
{
	harness_free(&h);
	app_close(&app);
	dbfix_today(NULL);
}

static void
start(int cols, int rows, const struct screen_ops *ops, const void *arg)
{
	h = screenfix_start(cols, rows, &cfg, ops, arg);
}

static void
keys(const char *script)
{
	screenfix_keys(h, script);
}

static char *
screen_text(void)
{
	return harness_screen(h);
}

static void
show(void)
{
	char *t = screen_text();

	if (getenv("PEERDESK_SHOW") != NULL)
		fprintf(stderr, "----\n%s\n", t);
	free(t);
}

static void
on_screen(const char *want)
{
	char *t = screen_text();

	ck_assert_msg(strstr(t, want) != NULL, "\"%s\" is not on:\n%s", want,
	    t);
	free(t);
}

static void
not_on_screen(const char *gone)
{
	char *t = screen_text();

	ck_assert_msg(strstr(t, gone) == NULL, "\"%s\" is still on:\n%s",
	    gone, t);
	free(t);
}

static void
golden(const char *name)
{
	screenfix_golden(h, "assign_", name);
}

/* ---- the PAL list and record --------------------------------------------- */

START_TEST(test_pals_list)
{
	start(80, 24, &pals_screen, NULL);
	show();
	on_screen("Sam Reid");
	on_screen("1 of 5");
	on_screen("15h 59m, £203.50");
	golden("pals_80x24");
	/* the limit as a word, also where Room left does not fit */
	harness_resize(h, 40, 15);
	on_screen("Limit");
	golden("pals_40x15");
	harness_resize(h, 80, 24);
	keys("tom");
	not_on_screen("Sam Reid");
	on_screen("1 of 1");
	keys("<Enter>");
	show();
	on_screen("PAL: Tom Hughes");
	harness_resize(h, 40, 15);
	golden("pal_40x15");
}
END_TEST

START_TEST(test_pal_record_forms)
{
	int64_t id = w.sam;

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	start(80, 24, &pal_screen, &id);
	show();
	on_screen("Pay and benefit rule");
	on_screen("Benefit rule now: permitted work");
	golden("pal_manager_80x24");
	keys("<Enter>");
	show();
	on_screen("What next?");
	keys("Record supervision<Enter>");
	show();
	on_screen("Supervision: Sam Reid");
	keys("<C-s>");
	show();
	on_screen("2026-11-25  1h with Maya Shah");
	on_screen("This week: 1h of less than 16h");
}
END_TEST

/* A PAL's forms name the PAL in their title and tell the record screen
 * what to say after a save: the re-check date a DBS check was given, or
 * a pay rate below the minimum wage (asked again as "Please check"). */
START_TEST(test_pal_form_titles_and_notes)
{
	int64_t id = w.sam;

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	start(80, 24, &pal_screen, &id);
	keys("<Enter>");
	on_screen("What next?");
	keys("Add a DBS check<Enter>");
	show();
	on_screen("DBS check: Sam Reid");
	keys("<Tab><Tab>2026-11-02<C-s>");
	show();
	on_screen("PAL: Sam Reid");
	on_screen("Saved. The re-check is due on");
	keys("<Enter>");
	keys("Add a pay rate<Enter>");
	show();
	on_screen("Pay rate: Sam Reid");
	keys("1.00<C-s>");
	show();
	on_screen("Please check");
	on_screen("below the");
	on_screen("minimum wage");
}
END_TEST

/* ---- choosing a PAL ------------------------------------------------------- */

START_TEST(test_choose_shortlist_meeting)
{
	int64_t id = w.chloe;
	struct assignment_list al;
	struct pd_err err;

	start(80, 24, &shortlist_screen, &id);
	show();
	on_screen("Choose a PAL: Chlo\xc3\xa9 Dubois");
	on_screen("Asked for: a male PAL");
	on_screen("The wellness plan is not established yet");
	golden("choose_80x24");
	/* the first suggestion is Sam: add him */
	keys("<Enter>");
	show();
	on_screen("Add Sam Reid to the shortlist");
	keys("<Enter>");
	show();
	on_screen("Added Sam Reid to the shortlist.");
	on_screen("Shortlist: 1 to meet");
	/* Sam is selected now: record the first meeting, both yes */
	keys("<Enter>");
	show();
	keys("Record the first<Enter>");
	show();
	on_screen("First meeting: Sam Reid");
	keys("<Tab>Y<Tab>Y<C-s>");
	show();
	on_screen("wellness plan is not established yet");
	keys("Plan agreed; signing Friday<C-s>");
	show();
	on_screen("Both said yes: Sam Reid supports");
	ck_assert_int_eq(app_assignment_list(&app, w.chloe, 1, &al, &err),
	    PD_OK);
	ck_assert_uint_eq(al.n, 1);
	ck_assert_str_eq(al.v[0].a.override_reason,
	    "Plan agreed; signing Friday");
	assignment_list_fini(&al);
	keys("<Enter>");
	on_screen("chosen");
	harness_resize(h, 40, 15);
	show();
	golden("choose_40x15");
}
END_TEST

/* The client reads what a PAL shares, and nothing else: not the PAL's
 * other clients, hours, checks or pay. */
START_TEST(test_choose_profile_for_client)
{
	int64_t id = w.chloe;

	start(80, 24, &shortlist_screen, &id);
	keys("<Enter>See<Enter>");
	show();
	on_screen("About Sam Reid");
	on_screen("Interests: walking, music");
	not_on_screen("Ana Silva");
	not_on_screen("DBS");
	not_on_screen("This week");
	not_on_screen("£");
	golden("pal_view_80x24");
	keys("<Enter><Esc>");
	on_screen("Choose a PAL");
}
END_TEST

/* ---- support and the review --------------------------------------------- */

static int64_t
start_support(int64_t client, int64_t worker, const char *on)
{
	struct assignment_start in;
	struct pd_err err;
	int64_t id = 0;

	memset(&in, 0, sizeof in);
	in.client_id = client;
	in.worker_id = worker;
	snprintf(in.started_on, sizeof in.started_on, "%s", on);
	in.contracted_minutes = 120;
	in.override_reason = "test";
	ck_assert_int_eq(app_assignment_start(&app, &in, &id, &err), PD_OK);
	return id;
}

/* The id of the client's (only) assignment. */
static int64_t
it_assignment(int64_t client)
{
	struct assignment_list l;
	struct pd_err err;
	int64_t id;

	ck_assert_int_eq(app_assignment_list(&app, client, 0, &l, &err),
	    PD_OK);
	ck_assert_uint_eq(l.n, 1);
	id = l.v[0].a.id;
	assignment_list_fini(&l);
	return id;
}

START_TEST(test_support_review)
{
	int64_t id = w.chloe;

	start_support(w.chloe, w.sam, "2026-10-27");	/* day 30 today */
	start(80, 24, &assignment_screen, &id);
	show();
	on_screen("PAL and reviews: Chlo\xc3\xa9 Dubois");
	on_screen("Sam Reid, since Tue 27 Oct 2026, 2h a week");
	on_screen("Review due since Tue 24 Nov 2026");
	golden("support_80x24");
	keys("<Enter>");
	on_screen("Record the review");
	keys("<Enter>");
	show();
	on_screen("Review: Chlo\xc3\xa9 Dubois with Sam Reid");
	on_screen("Chlo\xc3\xa9 Dubois, Sam Reid");
	golden("review_80x24");
	keys("<Tab><Tab><Tab>Going well; carry on.<C-s>");
	show();
	on_screen("Reviewed Wed 25 Nov 2026");
	on_screen("Review recorded: carry on.");
	not_on_screen("Review due since");
}
END_TEST

static int64_t
add_goal(int64_t client, int area, const char *title)
{
	struct plan_doc_goal g;
	struct pd_err err;
	int64_t id;

	memset(&g, 0, sizeof g);
	g.goal.area = area;
	g.goal.title = xstrdup(title);
	snprintf(g.goal.created_on, 11, "2026-10-01");
	ck_assert_msg(app_goal_save(&app, client, &g, &err) == PD_OK, "%s",
	    err.msg);
	id = g.goal.id;
	plan_goal_fini(&g.goal);
	return id;
}

/* Journey step 12: "continue", with the two goals' scores (Connect from
 * -1 to +1), dated with the review, in the same flow. */
START_TEST(test_review_scores_goals)
{
	int64_t id = w.chloe, connect, active, rid;
	struct goal_score_in sc;
	struct review_list rl;
	struct plan_doc d;
	struct pd_err err;
	size_t i;

	connect = add_goal(w.chloe, GOAL_CONNECT, "Join the walking group");
	active = add_goal(w.chloe, GOAL_BE_ACTIVE, "Swim on Fridays");
	sc.goal_id = connect;
	sc.score = -1;
	ck_assert_int_eq(app_plan_review(&app, w.chloe, "2026-10-28", 0, &sc,
	    1, &err), PD_OK);
	start_support(w.chloe, w.sam, "2026-10-27");
	start(80, 24, &assignment_screen, &id);
	keys("<Enter>");
	on_screen("Record the review");
	keys("<Enter>");
	/* back-dated a day: the scores take the review's date */
	keys("<C-u>yesterday<Tab><Tab><Tab>Going well.<C-s>");
	show();
	on_screen("Goal scores at the review on Tue 24 Nov 2026");
	on_screen("Connect: Join the walking group");
	on_screen("last -1 (28 Oct)");
	on_screen("Be active: Swim on Fridays");
	golden("review_scores_80x24");
	keys("<Up><Up>");	/* the date is the review's: not a field */
	keys("+1<Down>0<C-s>");
	show();
	on_screen("Review recorded: 2 goals scored.");
	on_screen("PAL and reviews");
	on_screen("Reviewed Tue 24 Nov 2026");

	ck_assert_int_eq(app_review_list(&app, it_assignment(w.chloe), &rl,
	    &err), PD_OK);
	ck_assert_uint_eq(rl.n, 1);
	rid = rl.v[0].id;
	review_list_fini(&rl);
	ck_assert_int_eq(app_plan_load(&app, w.chloe, &d, &err), PD_OK);
	for (i = 0; i < d.n_goals; i++) {
		const struct plan_doc_goal *g = &d.goals[i];
		const struct goal_score *last = &g->scores[g->n_scores - 1];

		ck_assert_str_eq(last->scored_on, "2026-11-24");
		ck_assert_int_eq(last->review_id, rid);
		if (g->goal.id == connect) {
			ck_assert_uint_eq(g->n_scores, 2);
			ck_assert_int_eq(last->score, 1);
		} else {
			ck_assert_int_eq(g->goal.id, active);
			ck_assert_uint_eq(g->n_scores, 1);
			ck_assert_int_eq(last->score, 0);
		}
	}
	ck_assert_uint_eq(d.n_goals, 2);
	plan_doc_fini(&d);
}
END_TEST

/* No open goals: the review saves and nothing more opens. */
START_TEST(test_review_without_goals)
{
	int64_t id = w.chloe;

	start_support(w.chloe, w.sam, "2026-10-27");
	start(80, 24, &assignment_screen, &id);
	keys("<Enter><Enter><Tab><Tab><Tab>Fine.<C-s>");
	on_screen("PAL and reviews");
	on_screen("Review recorded: carry on.");
	not_on_screen("Goal scores");
}
END_TEST

/* A review deciding "Support ends" for the only support asks too. */
START_TEST(test_review_end_asks_status)
{
	struct client c;
	struct pd_err err;
	int64_t id = w.chloe;

	start_support(w.chloe, w.sam, "2026-10-27");
	start(80, 24, &assignment_screen, &id);
	keys("<Enter><Enter><Tab><Tab>S<Tab>All done.<C-s>");
	show();
	on_screen("No PAL now: pause or close?");
	keys("<Down><Down><Enter>");		/* Leave them active */
	show();
	ck_assert_int_eq(db_client_get(app.db, w.chloe, 0, &c, &err), PD_OK);
	ck_assert_int_eq(c.status, CLIENT_ACTIVE);
	client_fini(&c);
}
END_TEST

/* "Support ends" with goals to score: the scores come first, then the
 * pause-or-close question all the same; also when the scores are left
 * with Esc. */
START_TEST(test_review_end_scores_then_asks)
{
	struct client c;
	struct pd_err err;
	int64_t id = w.chloe;

	add_goal(w.chloe, GOAL_CONNECT, "Join the walking group");
	start_support(w.chloe, w.sam, "2026-10-27");
	start(80, 24, &assignment_screen, &id);
	keys("<Enter><Enter><Tab><Tab>S<Tab>All done.<C-s>");
	show();
	on_screen("Goal scores at the review on Wed 25 Nov 2026");
	not_on_screen("No PAL now");
	keys("+1<C-s>");
	show();
	on_screen("No PAL now: pause or close?");
	keys("<Down><Enter>");			/* Close */
	show();
	on_screen("Why closed?");
	keys("<Enter>");			/* support ended */
	show();
	ck_assert_int_eq(db_client_get(app.db, w.chloe, 0, &c, &err), PD_OK);
	ck_assert_int_eq(c.status, CLIENT_CLOSED);
	ck_assert_str_eq(c.closed_reason, "support_ended");
	client_fini(&c);
}
END_TEST

START_TEST(test_review_end_scores_left_asks)
{
	struct client c;
	struct pd_err err;
	int64_t id = w.chloe;

	add_goal(w.chloe, GOAL_CONNECT, "Join the walking group");
	start_support(w.chloe, w.sam, "2026-10-27");
	start(80, 24, &assignment_screen, &id);
	keys("<Enter><Enter><Tab><Tab>S<Tab>All done.<C-s>");
	show();
	on_screen("Goal scores at the review");
	keys("<Esc>");
	show();
	on_screen("No PAL now: pause or close?");
	keys("<Enter>");			/* Pause */
	show();
	on_screen("Saved: paused from Wed 25 Nov 2026");
	ck_assert_int_eq(db_client_get(app.db, w.chloe, 0, &c, &err), PD_OK);
	ck_assert_int_eq(c.status, CLIENT_PAUSED);
	client_fini(&c);
}
END_TEST

START_TEST(test_support_change_reopens_shortlist)
{
	int64_t id = w.chloe;

	start_support(w.chloe, w.sam, "2026-10-27");
	start(80, 24, &assignment_screen, &id);
	keys("<Enter>Change<Enter>");
	show();
	on_screen("Change of PAL");
	keys("<Tab>Chlo\xc3\xa9 would like someone who likes football<C-s>");
	show();
	on_screen("Choose a PAL: Chlo\xc3\xa9 Dubois");
	on_screen("Change of PAL recorded");
	on_screen("but you changed from");
	keys("<Esc>");
	on_screen("Before");
	on_screen("change of PAL");
	on_screen("Why: Chlo\xc3\xa9 would like someone who likes football");
}
END_TEST

/* Ending the client's last support asks what becomes of them: Pause
 * pauses them from that day; with another support left, nothing is
 * asked. */
START_TEST(test_support_end_asks_pause_or_close)
{
	struct client c;
	struct pd_err err;
	int64_t id = w.chloe;

	start_support(w.chloe, w.sam, "2026-10-27");
	start(80, 24, &assignment_screen, &id);
	keys("<Enter>End<Enter>");
	show();
	on_screen("End support");
	keys("<Tab>S<C-s>");			/* Support came to an end */
	show();
	on_screen("No PAL now: pause or close?");
	keys("<Enter>");			/* Pause */
	show();
	on_screen("Saved: paused from Wed 25 Nov 2026");
	ck_assert_int_eq(db_client_get(app.db, w.chloe, 0, &c, &err), PD_OK);
	ck_assert_int_eq(c.status, CLIENT_PAUSED);
	ck_assert_str_eq(c.status_changed_on, "2026-11-25");
	client_fini(&c);
}
END_TEST

START_TEST(test_support_end_close_with_reason)
{
	struct client c;
	struct pd_err err;
	int64_t id = w.chloe;

	start_support(w.chloe, w.sam, "2026-10-27");
	start(80, 24, &assignment_screen, &id);
	keys("<Enter>End<Enter><Tab>S<C-s>");
	show();
	on_screen("No PAL now: pause or close?");
	keys("<Down><Enter>");			/* Close */
	show();
	on_screen("Why closed?");
	keys("<Enter>");			/* support ended */
	show();
	ck_assert_int_eq(db_client_get(app.db, w.chloe, 0, &c, &err), PD_OK);
	ck_assert_int_eq(c.status, CLIENT_CLOSED);
	ck_assert_str_eq(c.closed_on, "2026-11-25");
	ck_assert_str_eq(c.closed_reason, "support_ended");
	client_fini(&c);
}
END_TEST

/* A PAL sees their own client's support, read only, at 40x15. */
START_TEST(test_support_pal_view)
{
	int64_t id = w.ana;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	start(40, 15, &assignment_screen, &id);
	show();
	on_screen("Sam Reid");
	not_on_screen("Choose");
	golden("support_pal_40x15");
	keys("<Enter>");
	on_screen("Reviews so far");
	not_on_screen("Record the review");
}
END_TEST

START_TEST(test_pal_cannot_open_others)
{
	int64_t id = w.ben;
	struct pd_err err;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	h = harness_new(40, 15, &cfg, &err);
	ck_assert_ptr_nonnull(h);
	ck_assert_int_eq(harness_push(h, &assignment_screen, &id, &err),
	    PD_DENIED);
	ck_assert_int_eq(harness_push(h, &shortlist_screen, &id, &err),
	    PD_DENIED);
	id = w.jo;
	ck_assert_int_eq(harness_push(h, &pal_screen, &id, &err),
	    PD_DENIED);
	ck_assert_int_eq(harness_push(h, &pals_screen, NULL, &err), PD_OK);
	not_on_screen("Jo Evans");
	on_screen("Sam Reid");
}
END_TEST

static Suite *
assign_screens_suite(void)
{
	Suite *s = suite_create("assign_screens");
	TCase *t = tcase_create("screens");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, test_pals_list);
	tcase_add_test(t, test_pal_record_forms);
	tcase_add_test(t, test_pal_form_titles_and_notes);
	tcase_add_test(t, test_choose_shortlist_meeting);
	tcase_add_test(t, test_choose_profile_for_client);
	tcase_add_test(t, test_support_review);
	tcase_add_test(t, test_review_scores_goals);
	tcase_add_test(t, test_review_without_goals);
	tcase_add_test(t, test_support_change_reopens_shortlist);
	tcase_add_test(t, test_support_end_asks_pause_or_close);
	tcase_add_test(t, test_review_end_asks_status);
	tcase_add_test(t, test_review_end_scores_then_asks);
	tcase_add_test(t, test_review_end_scores_left_asks);
	tcase_add_test(t, test_support_end_close_with_reason);
	tcase_add_test(t, test_support_pal_view);
	tcase_add_test(t, test_pal_cannot_open_others);
	suite_add_tcase(s, t);
	return s;
}

PD_TEST_MAIN(assign_screens_suite)
