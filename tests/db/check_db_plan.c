/* Tier 2: Wellness and Safety Plans - versions with conflicts, goals,
 * steps, scores over time, notes, and a PAL's scope. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"
#include "support/workfix.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/assignment.h"
#include "peerdesk/db/plan.h"
#include "peerdesk/db/review.h"

static struct workfix F;

static void
setup(void)
{
	workfix_open(&F);
}

static void
teardown(void)
{
	workfix_close(&F);
}

static int64_t
assign(int64_t client, int64_t worker)
{
	struct assignment a;
	struct pd_err err;

	memset(&a, 0, sizeof a);
	a.client_id = client;
	a.worker_id = worker;
	memcpy(a.started_on, "2024-01-10", 11);
	a.contracted_minutes_per_week = -1;
	ck_assert_int_eq(db_assignment_insert(F.db, &a, &err), PD_OK);
	return a.id;
}

static int64_t
plan_of(int64_t client)
{
	struct plan_info p;
	struct pd_err err;

	ck_assert_int_eq(db_plan_get_or_create(F.db, client, 0, &p, &err),
	    PD_OK);
	return p.id;
}

START_TEST(test_get_or_create)
{
	struct plan_info a, b;
	struct pd_err err;

	ck_assert_int_eq(db_plan_get_or_create(F.db, F.dee, 0, &a, &err),
	    PD_OK);
	ck_assert_int_gt(a.id, 0);
	ck_assert_int_eq(a.client_id, F.dee);
	ck_assert_int_eq(a.status, PLAN_DRAFT);
	ck_assert_int_eq(a.current_version, 0);
	ck_assert_str_eq(a.established_on, "");
	ck_assert_int_eq(db_plan_get_or_create(F.db, F.dee, 0, &b, &err),
	    PD_OK);
	ck_assert_int_eq(b.id, a.id);
	ck_assert_int_eq(dbfix_count(F.db, "plan"), 1);
	ck_assert_int_eq(db_plan_get_or_create(F.db, 999, 0, &b, &err),
	    PD_NOT_FOUND);

	ck_assert_int_eq(db_plan_set_established(F.db, a.id, "2024-03-01",
	    F.manager, &err), PD_OK);
	ck_assert_int_eq(db_plan_get_or_create(F.db, F.dee, 0, &b, &err),
	    PD_OK);
	ck_assert_int_eq(b.status, PLAN_ESTABLISHED);
	ck_assert_str_eq(b.established_on, "2024-03-01");
	ck_assert_int_eq(b.established_by, F.manager);
	ck_assert_int_eq(db_plan_set_established(F.db, 999, "2024-03-01",
	    F.manager, &err), PD_NOT_FOUND);
}
END_TEST

START_TEST(test_scope_makes_nothing)
{
	struct plan_info p;
	struct pd_err err;

	assign(F.dee, F.ann);
	/* Ann may not open Eve's plan, and asking does not make one. */
	ck_assert_int_eq(db_plan_get_or_create(F.db, F.eve, F.ann, &p, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(dbfix_count(F.db, "plan"), 0);
	ck_assert_int_eq(db_plan_get_or_create(F.db, F.dee, F.ann, &p, &err),
	    PD_OK);
	ck_assert_int_eq(dbfix_count(F.db, "plan"), 1);
	/* An existing plan outside scope is not found either. */
	plan_of(F.eve);
	ck_assert_int_eq(db_plan_get_or_create(F.db, F.eve, F.ann, &p, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(dbfix_count(F.db, "plan"), 2);
}
END_TEST

START_TEST(test_versions)
{
	struct plan_sections s, got;
	struct plan_info p;
	struct pd_err err;
	int64_t id = plan_of(F.dee);

	memset(&s, 0, sizeof s);
	s.ambitions = xstrdup("Get back to my allotment");
	s.keeps_me_well = xstrdup("Morning walk with the dog");
	s.crisis_contacts = xstrdup("My sister, 07700 900123");
	ck_assert_int_eq(db_plan_version_insert(F.db, id, &s, 0, F.ann, &err),
	    PD_OK);
	FREE(&s.ambitions);
	s.ambitions = xstrdup("Grow enough beans to share");
	s.note = xstrdup("after the first review");
	ck_assert_int_eq(db_plan_version_insert(F.db, id, &s, 1, F.bob, &err),
	    PD_OK);
	ck_assert_int_eq(db_plan_get_or_create(F.db, F.dee, 0, &p, &err),
	    PD_OK);
	ck_assert_int_eq(p.current_version, 2);

	ck_assert_int_eq(db_plan_version_get(F.db, id, 1, 0, &got, &err),
	    PD_OK);
	ck_assert_int_eq(got.version_no, 1);
	ck_assert_str_eq(got.ambitions, "Get back to my allotment");
	ck_assert_str_eq(got.keeps_me_well, "Morning walk with the dog");
	ck_assert_str_eq(got.crisis_contacts, "My sister, 07700 900123");
	ck_assert_ptr_null(got.triggers);
	ck_assert_ptr_null(got.note);
	ck_assert_int_eq(got.saved_by, F.ann);
	ck_assert_int_eq(strlen(got.saved_at), 20);
	plan_sections_fini(&got);
	ck_assert_int_eq(db_plan_version_get(F.db, id, 2, 0, &got, &err),
	    PD_OK);
	ck_assert_str_eq(got.ambitions, "Grow enough beans to share");
	ck_assert_str_eq(got.note, "after the first review");
	ck_assert_int_eq(got.saved_by, F.bob);
	plan_sections_fini(&got);
	ck_assert_int_eq(db_plan_version_get(F.db, id, 0, 0, &got, &err),
	    PD_OK);
	ck_assert_int_eq(got.version_no, 2);
	plan_sections_fini(&got);
	ck_assert_int_eq(db_plan_version_get(F.db, id, 3, 0, &got, &err),
	    PD_NOT_FOUND);

	/* A save from someone still on version 1: refused, nothing written. */
	ck_assert_int_eq(db_plan_version_insert(F.db, id, &s, 1, F.ann, &err),
	    PD_CONFLICT);
	ck_assert_ptr_nonnull(strstr(err.msg, "Bob Brown changed this plan"));
	ck_assert_int_eq(dbfix_count(F.db, "plan_version"), 2);
	ck_assert_int_eq(db_plan_get_or_create(F.db, F.dee, 0, &p, &err),
	    PD_OK);
	ck_assert_int_eq(p.current_version, 2);
	ck_assert_int_eq(db_plan_version_insert(F.db, 999, &s, 0, F.ann, &err),
	    PD_NOT_FOUND);
	plan_sections_fini(&s);
}
END_TEST

struct versions {
	int n;
	int no[8];
};

static int
collect_version(void *arg, const struct plan_sections *row)
{
	struct versions *c = arg;

	c->no[c->n++] = row->version_no;
	return 0;
}

START_TEST(test_version_scope_and_list)
{
	struct plan_sections s, got;
	struct versions c;
	struct pd_err err;
	int64_t id = plan_of(F.dee);

	assign(F.dee, F.ann);
	memset(&s, 0, sizeof s);
	s.ambitions = xstrdup("Swim again");
	ck_assert_int_eq(db_plan_version_insert(F.db, id, &s, 0, F.ann, &err),
	    PD_OK);
	ck_assert_int_eq(db_plan_version_insert(F.db, id, &s, 1, F.ann, &err),
	    PD_OK);
	ck_assert_int_eq(db_plan_version_get(F.db, id, 0, F.ann, &got, &err),
	    PD_OK);
	plan_sections_fini(&got);
	ck_assert_int_eq(db_plan_version_get(F.db, id, 0, F.bob, &got, &err),
	    PD_NOT_FOUND);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_plan_version_list(F.db, id, 0, collect_version, &c,
	    &err), PD_OK);
	ck_assert_int_eq(c.n, 2);
	ck_assert_int_eq(c.no[0], 2);	/* newest first */
	ck_assert_int_eq(c.no[1], 1);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_plan_version_list(F.db, id, F.bob, collect_version,
	    &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 0);
	plan_sections_fini(&s);
}
END_TEST

struct goals {
	int n;
	int64_t id[8];
	enum goal_area area[8];
	char title[8][64];
};

static int
collect_goal(void *arg, const struct plan_goal *row)
{
	struct goals *c = arg;

	c->id[c->n] = row->id;
	c->area[c->n] = row->area;
	snprintf(c->title[c->n], sizeof c->title[0], "%s", row->title);
	c->n++;
	return 0;
}

static int64_t
add_goal(int64_t plan, enum goal_area area, const char *title, int pos)
{
	struct plan_goal g;
	struct pd_err err;

	memset(&g, 0, sizeof g);
	g.plan_id = plan;
	g.area = area;
	g.title = xstrdup(title);
	g.set_by = xstrdup("me");
	g.position = pos;
	ck_assert_int_eq(db_goal_insert(F.db, &g, &err), PD_OK);
	ck_assert_str_eq(g.created_on, "2024-03-04");	/* today */
	ck_assert_int_eq(g.version, 1);
	plan_goal_fini(&g);
	return g.id;
}

START_TEST(test_goals)
{
	struct plan_goal g;
	struct goals c;
	struct pd_err err;
	int64_t plan = plan_of(F.dee);
	int64_t give, connect2, amb;

	give = add_goal(plan, GOAL_GIVE, "Help at the food bank", 0);
	connect2 = add_goal(plan, GOAL_CONNECT, "Ring my brother", 2);
	add_goal(plan, GOAL_CONNECT, "Join the choir", 1);
	amb = add_goal(plan, GOAL_AMBITION, "Work with plants", 0);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_goal_list(F.db, plan, 0, collect_goal, &c, &err),
	    PD_OK);
	ck_assert_int_eq(c.n, 4);
	ck_assert_int_eq(c.id[0], amb);
	ck_assert_str_eq(c.title[1], "Join the choir");
	ck_assert_int_eq(c.id[2], connect2);
	ck_assert_int_eq(c.id[3], give);
	ck_assert_int_eq(c.area[3], GOAL_GIVE);

	memset(&g, 0, sizeof g);
	g.id = give;
	g.plan_id = plan;
	g.area = GOAL_GIVE;
	g.title = xstrdup("Help at the food bank on Fridays");
	g.version = 1;
	memcpy(g.target_date, "2024-06-30", 11);
	ck_assert_int_eq(db_goal_update(F.db, &g, &err), PD_OK);
	ck_assert_int_eq(g.version, 2);
	g.version = 1;
	ck_assert_int_eq(db_goal_update(F.db, &g, &err), PD_CONFLICT);
	g.id = 999;
	ck_assert_int_eq(db_goal_update(F.db, &g, &err), PD_NOT_FOUND);
	FREE(&g.title);
	g.title = xstrdup("");
	ck_assert_int_eq(db_goal_update(F.db, &g, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "title");
	plan_goal_fini(&g);
	memset(&g, 0, sizeof g);
	g.plan_id = 999;
	g.title = xstrdup("x");
	ck_assert_int_eq(db_goal_insert(F.db, &g, &err), PD_NOT_FOUND);
	plan_goal_fini(&g);

	/* Bob is not Dee's PAL: no goals for him. */
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_goal_list(F.db, plan, F.bob, collect_goal, &c,
	    &err), PD_OK);
	ck_assert_int_eq(c.n, 0);
}
END_TEST

struct steps {
	int n;
	char text[8][32];
	char done[8][11];
};

static int
collect_step(void *arg, const struct goal_step *row)
{
	struct steps *c = arg;

	snprintf(c->text[c->n], sizeof c->text[0], "%s", row->text);
	memcpy(c->done[c->n], row->done_on, 11);
	c->n++;
	return 0;
}

START_TEST(test_steps)
{
	struct goal_step s1, s2;
	struct steps c;
	struct pd_err err;
	int64_t goal = add_goal(plan_of(F.dee), GOAL_BE_ACTIVE, "Swim", 0);

	memset(&s1, 0, sizeof s1);
	s1.goal_id = goal;
	s1.position = 2;
	s1.text = xstrdup("Buy a costume");
	ck_assert_int_eq(db_goal_step_insert(F.db, &s1, &err), PD_OK);
	memset(&s2, 0, sizeof s2);
	s2.goal_id = goal;
	s2.position = 1;
	s2.text = xstrdup("Find the pool times");
	ck_assert_int_eq(db_goal_step_insert(F.db, &s2, &err), PD_OK);
	memcpy(s2.done_on, "2024-03-02", 11);
	ck_assert_int_eq(db_goal_step_update(F.db, &s2, &err), PD_OK);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_goal_step_list(F.db, goal, 0, collect_step, &c,
	    &err), PD_OK);
	ck_assert_int_eq(c.n, 2);
	ck_assert_str_eq(c.text[0], "Find the pool times");
	ck_assert_str_eq(c.done[0], "2024-03-02");
	ck_assert_str_eq(c.done[1], "");
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_goal_step_list(F.db, goal, F.ann, collect_step, &c,
	    &err), PD_OK);
	ck_assert_int_eq(c.n, 0);
	s1.id = 999;
	ck_assert_int_eq(db_goal_step_update(F.db, &s1, &err), PD_NOT_FOUND);
	goal_step_fini(&s1);
	goal_step_fini(&s2);
}
END_TEST

struct scores {
	int n;
	int score[8];
	char on[8][11];
	int64_t review[8];
};

static int
collect_score(void *arg, const struct goal_score *row)
{
	struct scores *c = arg;

	c->score[c->n] = row->score;
	memcpy(c->on[c->n], row->scored_on, 11);
	c->review[c->n] = row->review_id;
	c->n++;
	return 0;
}

START_TEST(test_scores_over_time)
{
	struct review r;
	struct scores c;
	struct pd_err err;
	int64_t goal = add_goal(plan_of(F.dee), GOAL_LEARN, "Learn Spanish", 0);
	int64_t a = assign(F.dee, F.ann);

	memset(&r, 0, sizeof r);
	r.assignment_id = a;
	memcpy(r.held_on, "2024-02-14", 11);
	r.outcome = OUTCOME_CONTINUE;
	ck_assert_int_eq(db_review_insert(F.db, &r, &err), PD_OK);
	ck_assert_int_eq(db_goal_score_insert(F.db, goal, "2024-03-01", 1, 0,
	    F.ann, &err), PD_OK);
	ck_assert_int_eq(db_goal_score_insert(F.db, goal, "2024-01-10", -2, 0,
	    F.ann, &err), PD_OK);
	ck_assert_int_eq(db_goal_score_insert(F.db, goal, "2024-02-14", 0, r.id,
	    F.ann, &err), PD_OK);
	ck_assert_int_eq(db_goal_score_insert(F.db, goal, "2024-03-02", 3, 0,
	    F.ann, &err), PD_INVALID);
	ck_assert_int_eq(db_goal_score_insert(F.db, goal, "2024-03-02", -3, 0,
	    F.ann, &err), PD_INVALID);
	ck_assert_int_eq(db_goal_score_insert(F.db, 999, "2024-03-02", 2, 0,
	    F.ann, &err), PD_NOT_FOUND);
	ck_assert_int_eq(dbfix_count(F.db, "goal_score"), 3);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_goal_score_list(F.db, goal, F.ann, collect_score,
	    &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 3);
	ck_assert_str_eq(c.on[0], "2024-01-10");
	ck_assert_int_eq(c.score[0], -2);
	ck_assert_int_eq(c.score[1], 0);
	ck_assert_int_eq(c.review[1], r.id);
	ck_assert_int_eq(c.score[2], 1);
	ck_assert_int_eq(c.review[2], 0);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_goal_score_list(F.db, goal, F.bob, collect_score,
	    &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 0);
}
END_TEST

struct notes {
	int n;
	char text[8][32];
	char author[8][32];
	char on[8][11];
};

static int
collect_note(void *arg, const struct plan_note *row)
{
	struct notes *c = arg;

	snprintf(c->text[c->n], sizeof c->text[0], "%s", row->text);
	snprintf(c->author[c->n], sizeof c->author[0], "%s",
	    row->author_name ? row->author_name : "");
	memcpy(c->on[c->n], row->written_on, 11);
	c->n++;
	return 0;
}

START_TEST(test_notes)
{
	struct plan_note n;
	struct notes c;
	struct pd_err err;
	int64_t plan = plan_of(F.dee);

	memset(&n, 0, sizeof n);
	n.plan_id = plan;
	n.author_id = F.ann;
	n.text = xstrdup("Felt brave on the bus today");
	ck_assert_int_eq(db_plan_note_insert(F.db, &n, &err), PD_OK);
	ck_assert_str_eq(n.written_on, "2024-03-04");
	ck_assert_int_eq(strlen(n.created_at), 20);
	plan_note_fini(&n);
	memset(&n, 0, sizeof n);
	n.plan_id = plan;
	memcpy(n.written_on, "2024-02-20", 11);
	n.text = xstrdup("Started the seed trays");
	ck_assert_int_eq(db_plan_note_insert(F.db, &n, &err), PD_OK);
	plan_note_fini(&n);
	memset(&n, 0, sizeof n);
	n.plan_id = plan;
	ck_assert_int_eq(db_plan_note_insert(F.db, &n, &err), PD_INVALID);
	n.plan_id = 999;
	n.text = xstrdup("x");
	ck_assert_int_eq(db_plan_note_insert(F.db, &n, &err), PD_NOT_FOUND);
	plan_note_fini(&n);

	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_plan_note_list(F.db, plan, 0, collect_note, &c,
	    &err), PD_OK);
	ck_assert_int_eq(c.n, 2);
	ck_assert_str_eq(c.text[0], "Started the seed trays");
	ck_assert_str_eq(c.author[0], "");
	ck_assert_str_eq(c.on[1], "2024-03-04");
	ck_assert_str_eq(c.author[1], "Ann Able");
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_plan_note_list(F.db, plan, F.cat, collect_note, &c,
	    &err), PD_OK);
	ck_assert_int_eq(c.n, 0);
}
END_TEST

static Suite *
db_plan_suite(void)
{
	Suite *s = suite_create("db_plan");
	TCase *tc = tcase_create("plan");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_get_or_create);
	tcase_add_test(tc, test_scope_makes_nothing);
	tcase_add_test(tc, test_versions);
	tcase_add_test(tc, test_version_scope_and_list);
	tcase_add_test(tc, test_goals);
	tcase_add_test(tc, test_steps);
	tcase_add_test(tc, test_scores_over_time);
	tcase_add_test(tc, test_notes);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(db_plan_suite)
