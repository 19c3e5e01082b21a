/* Tier 2: the Wellness and Safety Plan through the use cases: sections
 * and versions, conflicts and merging, goals with steps, reviews and
 * scores, notes, established, history, what changed, progress; and the
 * PAL's Wellness and Development Plan with its visibility rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/palplan.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/app/print.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "support/dbtest.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"

static struct app app;
static struct dbfix_world w;

static void
setup(void)
{
	appfix_open(&app);
	dbfix_world(app.db, &w);
}

static void
teardown(void)
{
	app_close(&app);
	dbfix_today(NULL);
}

/* Today plus n days, "YYYY-MM-DD". */
static void
day_from_today(int n, char out[11])
{
	date_format(date_add_days(today_get(), n), out);
}

static void
set(struct plan_sections *s, const char *key, const char *text)
{
	int i = plan_field_find(key);

	ck_assert_int_ge(i, 0);
	plan_field_set(s, (size_t)i, text);
}

static const char *
get(const struct plan_sections *s, const char *key)
{
	return plan_field_get(s, (size_t)plan_field_find(key));
}

/* Save one section for ana as olive against version expected. */
static int
save_one(const char *key, const char *text, int expected)
{
	struct plan_sections s;
	struct pd_err err;
	int now = -1;

	memset(&s, 0, sizeof s);
	set(&s, key, text);
	ck_assert_msg(app_plan_save(&app, w.ana, &s, expected, &now, &err) ==
	    PD_OK, "%s", err.msg);
	plan_sections_fini(&s);
	return now;
}

/* The day add_goal's goals are set ("" = today). */
static char goal_created[11];

/* A goal with steps (NULL steps skipped). */
static int64_t
add_goal(enum goal_area area, const char *title, const char *step1,
    const char *step2)
{
	struct plan_doc_goal g;
	struct goal_step st;
	struct pd_err err;
	int64_t id;

	memset(&g, 0, sizeof g);
	memset(&st, 0, sizeof st);
	g.goal.area = area;
	g.goal.title = xstrdup(title);
	g.goal.set_by = xstrdup("me");
	memcpy(g.goal.created_on, goal_created, sizeof goal_created);
	if (step1 != NULL) {
		st.text = xstrdup(step1);
		plan_doc_goal_add_step(&g, &st, 0);
		free(st.text);
	}
	if (step2 != NULL) {
		st.text = xstrdup(step2);
		plan_doc_goal_add_step(&g, &st, 0);
		free(st.text);
	}
	ck_assert_msg(app_goal_save(&app, w.ana, &g, &err) == PD_OK, "%s",
	    err.msg);
	id = g.goal.id;
	ck_assert_int_gt(id, 0);
	plan_goal_fini(&g.goal);
	while (g.n_steps > 0)
		goal_step_fini(&g.steps[--g.n_steps]);
	free(g.steps);
	free(g.step_line);
	return id;
}

START_TEST(test_open_empty_and_scope)
{
	struct plan_doc doc;
	struct pd_err err;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_plan_open(&app, w.ana, &doc, &err), PD_OK);
	ck_assert_int_eq(doc.info.id, 0);
	ck_assert_int_eq(doc.info.current_version, 0);
	ck_assert_str_eq(doc.client_name, "Ana Silva");
	ck_assert_uint_eq(doc.n_goals, 0);
	plan_doc_fini(&doc);
	/* reading makes no plan, but is audited */
	ck_assert_int_eq(dbfix_count(app.db, "plan"), 0);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), 1);
	ck_assert_int_eq(app_plan_open(&app, 9999, &doc, &err), PD_NOT_FOUND);

	/* a PAL sees only their own clients' plans */
	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_plan_open(&app, w.ana, &doc, &err), PD_DENIED);
	ck_assert_int_eq(app_plan_load(&app, w.ana, &doc, &err), PD_DENIED);
	ck_assert_int_eq(app_plan_open(&app, w.ben, &doc, &err), PD_OK);
	plan_doc_fini(&doc);
}
END_TEST

START_TEST(test_versions_and_conflict)
{
	struct plan_sections base, mine, merged, theirs;
	struct plan_doc doc;
	struct pd_err err;
	unsigned both = 0;
	int now = -1, tv = -1;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(save_one("keeps_me_well", "Walking the dog", 0), 1);
	/* nothing changed: no new version */
	ck_assert_int_eq(save_one("keeps_me_well", "Walking the dog", 1), 1);
	ck_assert_int_eq(dbfix_count(app.db, "plan_version"), 1);

	/* Olive and Maya both open version 1 */
	ck_assert_int_eq(app_plan_load(&app, w.ana, &doc, &err), PD_OK);
	ck_assert_int_eq(doc.info.current_version, 1);
	plan_sections_copy(&base, &doc.sections);
	plan_sections_copy(&mine, &doc.sections);
	plan_doc_fini(&doc);

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	memset(&theirs, 0, sizeof theirs);
	plan_sections_copy(&theirs, &base);
	set(&theirs, "triggers", "Brown envelopes");
	ck_assert_int_eq(app_plan_save(&app, w.ana, &theirs, 1, &now, &err),
	    PD_OK);
	ck_assert_int_eq(now, 2);
	plan_sections_fini(&theirs);

	/* Olive saves against version 1: a conflict naming Maya */
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	set(&mine, "keeps_me_well", "Walking the dog; the choir");
	ck_assert_int_eq(app_plan_save(&app, w.ana, &mine, 1, &now, &err),
	    PD_CONFLICT);
	ck_assert_msg(strstr(err.msg, "Maya Shah") != NULL, "%s", err.msg);
	ck_assert_int_eq(dbfix_count(app.db, "plan_version"), 2);

	/* ... which she resolves: both changes survive */
	ck_assert_int_eq(app_plan_merge(&app, w.ana, &base, &mine, &merged,
	    &theirs, &tv, &both, &err), PD_OK);
	ck_assert_int_eq(tv, 2);
	ck_assert_uint_eq(both, 0);
	ck_assert_str_eq(get(&theirs, "triggers"), "Brown envelopes");
	ck_assert_str_eq(get(&merged, "triggers"), "Brown envelopes");
	ck_assert_str_eq(get(&merged, "keeps_me_well"),
	    "Walking the dog; the choir");
	ck_assert_int_eq(app_plan_save(&app, w.ana, &merged, tv, &now, &err),
	    PD_OK);
	ck_assert_int_eq(now, 3);
	ck_assert_int_eq(app_plan_load(&app, w.ana, &doc, &err), PD_OK);
	ck_assert_str_eq(get(&doc.sections, "triggers"), "Brown envelopes");
	ck_assert_str_eq(get(&doc.sections, "keeps_me_well"),
	    "Walking the dog; the choir");
	ck_assert_str_eq(doc.saved_by_name, "Olive Okafor");
	plan_doc_fini(&doc);
	plan_sections_fini(&base);
	plan_sections_fini(&mine);
	plan_sections_fini(&merged);
	plan_sections_fini(&theirs);
}
END_TEST

START_TEST(test_save_checks)
{
	struct plan_sections s;
	struct pd_err err;
	char *big = xmalloc(PLAN_TEXT_MAX + 2);

	memset(big, 'a', PLAN_TEXT_MAX + 1);
	big[PLAN_TEXT_MAX + 1] = '\0';
	memset(&s, 0, sizeof s);
	set(&s, "advance_statement", big);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_plan_save(&app, w.ana, &s, 0, NULL, &err),
	    PD_INVALID);
	ck_assert_str_eq(err.field, "advance_statement");
	set(&s, "advance_statement", "Please call my sister first");
	/* Jo is not Ana's PAL */
	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_plan_save(&app, w.ana, &s, 0, NULL, &err),
	    PD_DENIED);
	/* Sam is: PALs keep their clients' plans up to date too */
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_plan_save(&app, w.ana, &s, 0, NULL, &err), PD_OK);
	plan_sections_fini(&s);
	free(big);
}
END_TEST

START_TEST(test_goals_and_steps)
{
	struct plan_doc doc;
	struct plan_doc_goal *g, stale;
	struct goal_step st;
	struct pd_err err;
	int64_t id;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	id = add_goal(GOAL_CONNECT, "Go to the Thursday walking group",
	    "Find out where it meets", "Go once with Sam");
	add_goal(GOAL_AMBITION, "Work in a garden centre", NULL, NULL);
	ck_assert_int_eq(app_plan_load(&app, w.ana, &doc, &err), PD_OK);
	ck_assert_uint_eq(doc.n_goals, 2);
	/* ambitions first, then the Five Ways */
	ck_assert_int_eq(doc.goals[0].goal.area, GOAL_AMBITION);
	g = plan_doc_goal_by_id(&doc, id);
	ck_assert_ptr_nonnull(g);
	ck_assert_uint_eq(g->n_steps, 2);
	ck_assert_str_eq(g->steps[1].text, "Go once with Sam");
	ck_assert_str_eq(g->goal.set_by, "me");

	/* a copy read now goes stale when someone else saves first */
	memset(&stale, 0, sizeof stale);
	plan_goal_copy(&stale.goal, &g->goal);

	/* mark the first step done, drop the second, add a third */
	day_from_today(0, g->steps[0].done_on);
	goal_step_fini(&g->steps[1]);
	memset(&st, 0, sizeof st);
	st.text = xstrdup("Ask a friend to come");
	g->steps[1] = st;
	ck_assert_int_eq(app_goal_save(&app, w.ana, g, &err), PD_OK);
	ck_assert_int_eq(dbfix_count(app.db, "plan_goal_step"), 2);
	/* steps alone do not change the goal's version */
	ck_assert_int_eq(g->goal.version, 1);
	free(g->goal.detail);
	g->goal.detail = xstrdup("Every Thursday at 10, for six weeks");
	ck_assert_int_eq(app_goal_save(&app, w.ana, g, &err), PD_OK);
	ck_assert_int_eq(g->goal.version, 2);

	free(stale.goal.title);
	stale.goal.title = xstrdup("Go to the walking group");
	ck_assert_int_eq(app_goal_save(&app, w.ana, &stale, &err),
	    PD_CONFLICT);
	plan_goal_fini(&stale.goal);
	plan_doc_fini(&doc);

	ck_assert_int_eq(app_plan_load(&app, w.ana, &doc, &err), PD_OK);
	g = plan_doc_goal_by_id(&doc, id);
	ck_assert_str_eq(g->goal.title, "Go to the Thursday walking group");
	ck_assert_str_eq(g->goal.detail, "Every Thursday at 10, for six weeks");
	ck_assert_uint_eq(g->n_steps, 2);
	ck_assert_str_eq(g->steps[0].text, "Find out where it meets");
	ck_assert_str_ne(g->steps[0].done_on, "");
	ck_assert_str_eq(g->steps[1].text, "Ask a friend to come");
	ck_assert_str_eq(g->steps[1].done_on, "");

	/* bad input names its field */
	free(g->goal.title);
	g->goal.title = xstrdup("  ");
	ck_assert_int_eq(app_goal_save(&app, w.ana, g, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "title");
	free(g->goal.title);
	g->goal.title = xstrdup("Walk");
	snprintf(g->goal.target_date, 11, "2026-02-30");
	ck_assert_int_eq(app_goal_save(&app, w.ana, g, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "target_date");
	g->goal.target_date[0] = '\0';
	g->goal.area = (enum goal_area)9;
	ck_assert_int_eq(app_goal_save(&app, w.ana, g, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "area");
	g->goal.area = GOAL_CONNECT;
	free(g->steps[1].text);
	g->steps[1].text = xstrdup("");
	ck_assert_int_eq(app_goal_save(&app, w.ana, g, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "steps");
	plan_doc_fini(&doc);
	/* a goal of another client's plan is not found */
	memset(&stale, 0, sizeof stale);
	stale.goal.id = id;
	stale.goal.title = xstrdup("x");
	ck_assert_int_eq(app_goal_save(&app, w.ben, &stale, &err),
	    PD_NOT_FOUND);
	plan_goal_fini(&stale.goal);
}
END_TEST

START_TEST(test_reviews_and_scores)
{
	struct goal_score_in sc[2];
	struct plan_doc doc;
	struct plan_doc_goal *g;
	struct pd_err err;
	char d1[11], d2[11], tomorrow[11];
	int64_t connect, learn;

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	connect = add_goal(GOAL_CONNECT, "Walking group", NULL, NULL);
	learn = add_goal(GOAL_LEARN, "A Recovery College course", NULL, NULL);
	day_from_today(-28, d1);
	day_from_today(0, d2);
	day_from_today(1, tomorrow);
	sc[0].goal_id = connect;
	sc[0].score = -1;
	sc[1].goal_id = learn;
	sc[1].score = GOAL_SCORE_NONE;
	ck_assert_int_eq(app_plan_review(&app, w.ana, d1, 0, sc, 2, &err),
	    PD_OK);
	sc[0].score = 1;
	sc[1].score = 0;
	ck_assert_int_eq(app_plan_review(&app, w.ana, "", 0, sc, 2, &err),
	    PD_OK);
	/* put right the same day: replaced, not added */
	sc[1].score = -1;
	ck_assert_int_eq(app_plan_review(&app, w.ana, d2, 0, sc + 1, 1, &err),
	    PD_OK);
	ck_assert_int_eq(dbfix_count(app.db, "goal_score"), 3);

	ck_assert_int_eq(app_plan_load(&app, w.ana, &doc, &err), PD_OK);
	g = plan_doc_goal_by_id(&doc, connect);
	ck_assert_uint_eq(g->n_scores, 2);
	ck_assert_str_eq(g->scores[0].scored_on, d1);
	ck_assert_int_eq(g->scores[0].score, -1);
	ck_assert_str_eq(g->scores[1].scored_on, d2);
	ck_assert_int_eq(g->scores[1].score, 1);
	g = plan_doc_goal_by_id(&doc, learn);
	ck_assert_uint_eq(g->n_scores, 1);
	ck_assert_int_eq(g->scores[0].score, -1);
	plan_doc_fini(&doc);

	/* refusals */
	sc[0].score = 3;
	ck_assert_int_eq(app_plan_review(&app, w.ana, "", 0, sc, 1, &err),
	    PD_INVALID);
	ck_assert_str_eq(err.field, "score");
	sc[0].score = GOAL_SCORE_NONE;
	ck_assert_int_eq(app_plan_review(&app, w.ana, "", 0, sc, 1, &err),
	    PD_INVALID);
	sc[0].score = 1;
	ck_assert_int_eq(app_plan_review(&app, w.ana, tomorrow, 0, sc, 1,
	    &err), PD_INVALID);
	ck_assert_str_eq(err.field, "on");
	ck_assert_int_eq(app_plan_review(&app, w.ana, "25/11/2026", 0, sc, 1,
	    &err), PD_INVALID);
	sc[0].goal_id = 424242;
	ck_assert_int_eq(app_plan_review(&app, w.ana, "", 0, sc, 1, &err),
	    PD_NOT_FOUND);
	/* Ben has no plan: nothing to review */
	sc[0].goal_id = connect;
	ck_assert_int_eq(app_plan_review(&app, w.ben, "", 0, sc, 1, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(dbfix_count(app.db, "goal_score"), 3);
}
END_TEST

START_TEST(test_notes)
{
	struct plan_doc doc;
	struct pd_err err;
	int64_t id = 0;
	char d[11];

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_plan_note_add(&app, w.ana, "", "Had a good week "
	    "at the allotment", &id, &err), PD_OK);
	ck_assert_int_gt(id, 0);
	day_from_today(-3, d);
	ck_assert_int_eq(app_plan_note_add(&app, w.ana, d, "Saw the GP",
	    NULL, &err), PD_OK);
	ck_assert_int_eq(app_plan_note_add(&app, w.ana, "", " \n ", NULL,
	    &err), PD_INVALID);
	ck_assert_str_eq(err.field, "text");
	ck_assert_int_eq(app_plan_note_add(&app, w.ben, "", "not mine", NULL,
	    &err), PD_DENIED);
	ck_assert_int_eq(app_plan_load(&app, w.ana, &doc, &err), PD_OK);
	ck_assert_uint_eq(doc.n_notes, 2);
	ck_assert_str_eq(doc.notes[0].text, "Saw the GP");	/* by date */
	ck_assert_str_eq(doc.notes[1].author_name, "Sam Reid");
	plan_doc_fini(&doc);
}
END_TEST

/* The newest audit row whose summary holds text, copied into *out. */
struct audit_find {
	const char *text;
	struct audit_entry *out;
	int found;
};

static int
audit_find_cb(void *arg, const struct audit_entry *row)
{
	struct audit_find *f = arg;

	if (row->summary == NULL || strstr(row->summary, f->text) == NULL)
		return 0;
	audit_entry_copy(f->out, row);
	f->found = 1;
	return 1;
}

static int
audit_newest(const char *text, struct audit_entry *out)
{
	struct audit_query q;
	struct audit_find f = { text, out, 0 };
	struct pd_err err;

	memset(&q, 0, sizeof q);
	memset(out, 0, sizeof *out);
	ck_assert_int_eq(db_audit_list(app.db, &q, audit_find_cb, &f, &err),
	    PD_OK);
	return f.found;
}

/* Bringing back an earlier version saves it as a new one with a note;
 * every version stays; audited; a save by someone else meanwhile is a
 * conflict that writes nothing; nonsense versions are refused. */
START_TEST(test_restore_version)
{
	struct plan_history hist;
	struct plan_doc doc;
	struct audit_entry a;
	struct pd_err err;
	int now = -1;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	/* no plan yet: nothing to bring back */
	ck_assert_int_eq(app_plan_restore(&app, w.ana, 1, -1, &now, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(save_one("keeps_me_well", "Walking the dog", 0), 1);
	ck_assert_int_eq(save_one("keeps_me_well", "Nothing helps", 1), 2);
	ck_assert_int_eq(app_plan_restore(&app, w.ana, 1, 2, &now, &err),
	    PD_OK);
	ck_assert_int_eq(now, 3);
	ck_assert_int_eq(dbfix_count(app.db, "plan_version"), 3);
	ck_assert_int_eq(app_plan_load(&app, w.ana, &doc, &err), PD_OK);
	ck_assert_int_eq(doc.info.current_version, 3);
	ck_assert_str_eq(get(&doc.sections, "keeps_me_well"),
	    "Walking the dog");
	ck_assert_str_eq(doc.sections.note, "brought back version 1");
	plan_doc_fini(&doc);
	/* the history keeps all three */
	ck_assert_int_eq(app_plan_history(&app, w.ana, &hist, &err), PD_OK);
	ck_assert_uint_eq(hist.nv, 3);
	ck_assert_str_eq(get(&hist.versions[1], "keeps_me_well"),
	    "Nothing helps");
	plan_history_fini(&hist);
	ck_assert(audit_newest("brought back version 1", &a));
	ck_assert_str_eq(a.action, "update");
	ck_assert_str_eq(a.entity, "plan");
	ck_assert_int_eq(a.client_id, w.ana);
	ck_assert_ptr_nonnull(strstr(a.summary, "as version 3"));
	audit_entry_fini(&a);

	/* someone saved since the history was read: nothing written, and
	 * the message says who */
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(save_one("triggers", "Brown envelopes", 3), 4);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_plan_restore(&app, w.ana, 2, 3, &now, &err),
	    PD_CONFLICT);
	ck_assert_msg(strstr(err.msg, "Maya Shah") != NULL, "%s", err.msg);
	ck_assert_int_eq(dbfix_count(app.db, "plan_version"), 4);
	/* from the command line (-1): against whatever is current */
	ck_assert_int_eq(app_plan_restore(&app, w.ana, 2, -1, &now, &err),
	    PD_OK);
	ck_assert_int_eq(now, 5);
	ck_assert_int_eq(app_plan_load(&app, w.ana, &doc, &err), PD_OK);
	ck_assert_str_eq(get(&doc.sections, "keeps_me_well"), "Nothing helps");
	ck_assert(get(&doc.sections, "triggers") == NULL ||
	    get(&doc.sections, "triggers")[0] == '\0');
	plan_doc_fini(&doc);

	/* refusals */
	ck_assert_int_eq(app_plan_restore(&app, w.ana, 5, -1, &now, &err),
	    PD_INVALID);
	ck_assert_str_eq(err.field, "version");
	ck_assert_int_eq(app_plan_restore(&app, w.ana, 0, -1, &now, &err),
	    PD_INVALID);
	ck_assert_int_eq(app_plan_restore(&app, w.ana, 9, -1, &now, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(dbfix_count(app.db, "plan_version"), 5);
	/* a PAL: their own client's plan only */
	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_plan_restore(&app, w.ana, 1, -1, &now, &err),
	    PD_DENIED);
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_plan_restore(&app, w.ana, 1, -1, &now, &err),
	    PD_OK);
	ck_assert_int_eq(now, 6);
}
END_TEST

/* Removing a note: a reason is needed; office and managers remove any,
 * a PAL only their own; the words go to the audit row's before (kept
 * in audit_detail, which an erase clears), the reason with it. */
START_TEST(test_remove_note)
{
	struct plan_doc doc;
	struct audit_entry a;
	struct pd_err err;
	int64_t by_sam = 0, by_olive = 0, nd0 = 0, nd1 = 0;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_plan_note_add(&app, w.ana, "", "Wrote this in "
	    "the wrong client's plan", &by_sam, &err), PD_OK);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_plan_note_add(&app, w.ana, "", "Phoned about "
	    "the allotment", &by_olive, &err), PD_OK);

	/* a reason is needed */
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_plan_note_remove(&app, w.ana, by_sam, " ", &err),
	    PD_INVALID);
	ck_assert_str_eq(err.field, "reason");
	/* a PAL may not remove someone else's note */
	ck_assert_int_eq(app_plan_note_remove(&app, w.ana, by_olive,
	    "not needed", &err), PD_DENIED);
	/* nor a note of a client not theirs */
	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_plan_note_remove(&app, w.ana, by_sam, "x",
	    &err), PD_DENIED);
	/* their own: yes; the words go to audit_detail (one row more) */
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(dbtest_count(app.db, "audit_detail", &nd0, &err),
	    PD_OK);
	ck_assert_int_eq(app_plan_note_remove(&app, w.ana, by_sam,
	    "written in the wrong plan", &err), PD_OK);
	ck_assert_int_eq(dbtest_count(app.db, "audit_detail", &nd1, &err),
	    PD_OK);
	ck_assert_int_eq(nd1, nd0 + 1);
	ck_assert_int_eq(dbfix_count(app.db, "plan_note"), 1);
	ck_assert(audit_newest("removed note", &a));
	ck_assert_str_eq(a.action, "delete");
	ck_assert_str_eq(a.entity, "plan_note");
	ck_assert_int_eq(a.entity_id, by_sam);
	ck_assert_int_eq(a.client_id, w.ana);
	ck_assert_str_eq(a.reason, "written in the wrong plan");
	ck_assert_ptr_nonnull(a.before);
	ck_assert_ptr_nonnull(strstr(a.before, "the wrong client's plan"));
	ck_assert_ptr_nonnull(strstr(a.before, "Sam Reid"));
	ck_assert_ptr_null(strstr(a.summary, "wrong client"));
	audit_entry_fini(&a);
	/* gone, and a second time is "not found" */
	ck_assert_int_eq(app_plan_note_remove(&app, w.ana, by_sam, "again",
	    &err), PD_NOT_FOUND);
	/* the office removes anyone's; a note of another client's plan is
	 * not found */
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_plan_note_remove(&app, w.ben, by_olive, "x",
	    &err), PD_NOT_FOUND);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_plan_note_remove(&app, w.ana, by_olive,
	    "duplicate of the phone log", &err), PD_OK);
	ck_assert_int_eq(app_plan_load(&app, w.ana, &doc, &err), PD_OK);
	ck_assert_uint_eq(doc.n_notes, 0);
	plan_doc_fini(&doc);
}
END_TEST

START_TEST(test_establish)
{
	struct pd_err err;
	char on[11];
	bool yes = true;

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_plan_is_established(&app, w.ana, &yes, on, &err),
	    PD_OK);
	ck_assert_int_eq(yes, 0);
	ck_assert_int_eq(app_plan_establish(&app, w.ana, "", &err),
	    PD_INVALID);
	add_goal(GOAL_GIVE, "Bake for the cafe", NULL, NULL);
	/* goals alone are not a plan yet */
	ck_assert_int_eq(app_plan_establish(&app, w.ana, "", &err),
	    PD_INVALID);
	save_one("ambitions", "A job outdoors", 0);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_plan_establish(&app, w.ana, "", &err), PD_DENIED);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_plan_establish(&app, w.ana, "", &err), PD_OK);
	ck_assert_int_eq(app_plan_establish(&app, w.ana, "", &err),
	    PD_DUPLICATE);
	ck_assert_int_eq(app_plan_is_established(&app, w.ana, &yes, on, &err),
	    PD_OK);
	ck_assert_int_eq(yes, 1);
	{
		char today[11];

		day_from_today(0, today);
		ck_assert_str_eq(on, today);
	}
	/* the PAL can ask too, for their own client only */
	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_plan_is_established(&app, w.ana, &yes, NULL,
	    &err), PD_DENIED);
}
END_TEST

START_TEST(test_history_and_changes)
{
	struct plan_history h;
	struct plan_changes c;
	struct goal_score_in sc;
	struct pd_err err;
	struct strbuf sb = STRBUF_INIT;
	char d1[11];
	int64_t connect;
	size_t i;
	int versions = 0, reviews = 0;

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	day_from_today(-28, d1);
	day_from_today(-40, goal_created);
	connect = add_goal(GOAL_CONNECT, "Walking group", NULL, NULL);
	goal_created[0] = '\0';
	sc.goal_id = connect;
	sc.score = -1;
	ck_assert_int_eq(app_plan_review(&app, w.ana, d1, 0, &sc, 1, &err),
	    PD_OK);
	save_one("keeps_me_well", "Walks", 0);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	save_one("keeps_me_well", "Walks and the choir", 1);
	sc.score = 1;
	ck_assert_int_eq(app_plan_review(&app, w.ana, "", 0, &sc, 1, &err),
	    PD_OK);

	ck_assert_int_eq(app_plan_history(&app, w.ana, &h, &err), PD_OK);
	ck_assert_uint_eq(h.nv, 2);
	ck_assert_int_eq(h.versions[0].version_no, 1);
	ck_assert_str_eq(h.saved_by[0], "Maya Shah");
	ck_assert_str_eq(h.saved_by[1], "Olive Okafor");
	ck_assert_uint_eq(h.n_reviews, 2);
	ck_assert_str_eq(h.review_days[0], d1);
	for (i = 0; i < h.n; i++) {
		if (h.events[i].kind == PLAN_EVENT_VERSION)
			versions++;
		if (strstr(h.events[i].what, "Review on") != NULL) {
			reviews++;
			ck_assert_ptr_nonnull(strstr(h.events[i].what,
			    "Connect \"Walking group\""));
			ck_assert_ptr_nonnull(h.events[i].who);
		}
		if (i > 0)
			ck_assert_str_ge(h.events[i - 1].at, h.events[i].at);
	}
	ck_assert_int_eq(versions, 2);
	ck_assert_int_eq(reviews, 2);
	plan_history_fini(&h);

	ck_assert_int_eq(app_plan_version_text(&app, w.ana, 2, 0, &sb, &err),
	    PD_OK);
	ck_assert_msg(strstr(sb.buf, "Before: Walks\n") != NULL, "%s", sb.buf);
	ck_assert_ptr_nonnull(strstr(sb.buf, "Now: Walks and the choir"));
	ck_assert_ptr_nonnull(strstr(sb.buf, "by Olive Okafor"));
	ck_assert_int_eq(app_plan_version_text(&app, w.ana, 7, 0, &sb, &err),
	    PD_NOT_FOUND);

	/* since the last review before today: the one 28 days ago */
	ck_assert_int_eq(app_plan_changes(&app, w.ana, NULL, &c, &err), PD_OK);
	ck_assert_str_eq(c.delta.since, d1);
	ck_assert_uint_eq(c.delta.n_goals, 1);
	ck_assert_int_eq(c.delta.goals[0].before, -1);
	ck_assert_int_eq(c.delta.goals[0].after, 1);
	ck_assert_int_eq(c.delta.fields[plan_field_find("keeps_me_well")]
	    .change, PLAN_ADDED);
	strbuf_reset(&sb);
	plan_changes_text(&c, 0, &sb);
	ck_assert_msg(strstr(sb.buf, "score -1, now +1 (moved up)") != NULL,
	    "%s", sb.buf);
	ck_assert_ptr_nonnull(strstr(sb.buf, "by Olive Okafor (version 2)"));
	plan_changes_fini(&c);

	/* the goal's words change: shown as such */
	{
		struct plan_doc doc;
		struct plan_doc_goal *g;

		ck_assert_int_eq(app_plan_load(&app, w.ana, &doc, &err), PD_OK);
		g = plan_doc_goal_by_id(&doc, connect);
		free(g->goal.title);
		g->goal.title = xstrdup("The Thursday walking group");
		ck_assert_int_eq(app_goal_save(&app, w.ana, g, &err), PD_OK);
		plan_doc_fini(&doc);
	}
	ck_assert_int_eq(app_plan_changes(&app, w.ana, d1, &c, &err), PD_OK);
	ck_assert_uint_eq(c.delta.n_goals, 1);
	ck_assert_uint_eq(c.delta.goals[0].what,
	    GOAL_DELTA_SCORED | GOAL_DELTA_EDITED);
	plan_changes_fini(&c);

	/* a PAL who is not Ana's sees nothing */
	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_plan_history(&app, w.ana, &h, &err),
	    PD_DENIED);
	ck_assert_int_eq(app_plan_changes(&app, w.ana, NULL, &c, &err),
	    PD_DENIED);
	strbuf_fini(&sb);
}
END_TEST

/* Change goal id's title (NULL: keep) and its steps (NULL: keep). */
static void
change_goal(int64_t id, const char *title, const char *step)
{
	struct plan_doc doc;
	struct plan_doc_goal *g;
	struct goal_step st;
	struct pd_err err;

	ck_assert_int_eq(app_plan_load(&app, w.ana, &doc, &err), PD_OK);
	g = plan_doc_goal_by_id(&doc, id);
	ck_assert_ptr_nonnull(g);
	if (title != NULL) {
		free(g->goal.title);
		g->goal.title = xstrdup(title);
	}
	if (step != NULL) {
		memset(&st, 0, sizeof st);
		st.text = xstrdup(step);
		plan_doc_goal_add_step(g, &st, 0);
		free(st.text);
	}
	ck_assert_msg(app_goal_save(&app, w.ana, g, &err) == PD_OK, "%s",
	    err.msg);
	plan_doc_fini(&doc);
}

/* Versions, goal changes and reviews all follow --today: a plan written
 * on 28 Oct and changed on 25 Nov (while the machine's clock says some
 * other day) shows exactly the 25 Nov changes since the 28 Oct review;
 * a goal's words and steps show before and after, like a section. */
START_TEST(test_changes_follow_today)
{
	struct plan_history h;
	struct plan_changes c;
	struct goal_score_in sc;
	struct pd_err err;
	struct strbuf sb = STRBUF_INIT;
	int64_t connect, give;
	size_t i, goal_events = 0;

	dbfix_today("2026-10-28");
	save_one("keeps_me_well", "Walks", 0);
	connect = add_goal(GOAL_CONNECT, "Walking group", "Find the leaflet",
	    NULL);
	give = add_goal(GOAL_GIVE, "Help at the caf\xc3\xa9",
	    "Ask about Saturdays", NULL);
	sc.goal_id = connect;
	sc.score = -1;
	ck_assert_int_eq(app_plan_review(&app, w.ana, "", 0, &sc, 1, &err),
	    PD_OK);

	dbfix_today("2026-11-25");
	save_one("keeps_me_well", "Walks and the choir", 1);
	change_goal(connect, "The Thursday walking group", NULL);
	change_goal(give, NULL, "Wash up on Saturdays");	/* steps only */
	sc.score = 1;
	ck_assert_int_eq(app_plan_review(&app, w.ana, "", 0, &sc, 1, &err),
	    PD_OK);

	ck_assert_int_eq(app_plan_changes(&app, w.ana, NULL, &c, &err), PD_OK);
	ck_assert_str_eq(c.delta.since, "2026-10-28");
	ck_assert_int_eq(c.delta.since_version, 1);
	ck_assert_int_eq(c.delta.now_version, 2);
	i = (size_t)plan_field_find("keeps_me_well");
	ck_assert_int_eq(c.delta.fields[i].change, PLAN_CHANGED);
	ck_assert_str_eq(c.delta.fields[i].before, "Walks");
	ck_assert_str_eq(c.delta.fields[i].changed_on, "2026-11-25");
	ck_assert_uint_eq(c.delta.n_goals, 2);
	for (i = 0; i < c.delta.n_goals; i++) {
		const struct plan_goal_delta *d = &c.delta.goals[i];

		ck_assert_str_eq(d->edited_on, "2026-11-25");
		ck_assert_ptr_nonnull(d->words_before);
		ck_assert_ptr_nonnull(d->words_now);
		if (c.doc.goals[d->goal].goal.id == connect) {
			ck_assert_uint_eq(d->what,
			    GOAL_DELTA_SCORED | GOAL_DELTA_EDITED);
			ck_assert_ptr_nonnull(strstr(d->words_before,
			    "goal: Walking group"));
			ck_assert_ptr_nonnull(strstr(d->words_now,
			    "goal: The Thursday walking group"));
		} else {
			ck_assert_uint_eq(d->what, GOAL_DELTA_EDITED);
			ck_assert_ptr_null(strstr(d->words_before,
			    "Wash up"));
			ck_assert_ptr_nonnull(strstr(d->words_now,
			    "step: Wash up on Saturdays"));
		}
	}
	plan_changes_text(&c, 0, &sb);
	ck_assert_msg(strstr(sb.buf, "What changed since Wed 28 Oct 2026. The "
	    "plan was at version 1 then and is at version 2 now.") != NULL,
	    "%s", sb.buf);
	ck_assert_msg(strstr(sb.buf, "its words changed on Wed 25 Nov 2026\n"
	    "    Before: area: Connect\n") != NULL, "%s", sb.buf);
	ck_assert_ptr_nonnull(strstr(sb.buf, "goal: The Thursday walking "
	    "group"));
	plan_changes_fini(&c);

	/* the history: versions on their --today days, goals with words */
	ck_assert_int_eq(app_plan_history(&app, w.ana, &h, &err), PD_OK);
	ck_assert_uint_eq(h.nv, 2);
	ck_assert_str_eq(h.versions[0].saved_on, "2026-10-28");
	ck_assert_str_eq(h.versions[1].saved_on, "2026-11-25");
	for (i = 0; i < h.n; i++) {
		if (i > 0)
			ck_assert_str_ge(h.events[i - 1].at, h.events[i].at);
		if (h.events[i].goal_id == 0)
			continue;
		goal_events++;
		ck_assert_ptr_nonnull(h.events[i].after);
		/* newest first: the two changes, then the two goals written */
		if (goal_events <= 2)
			ck_assert_ptr_nonnull(h.events[i].before);
		else
			ck_assert_ptr_null(h.events[i].before);
	}
	ck_assert_uint_eq(goal_events, 4);
	plan_history_fini(&h);
	strbuf_reset(&sb);
	ck_assert_int_eq(app_plan_version_text(&app, w.ana, 1, 0, &sb, &err),
	    PD_OK);
	ck_assert_msg(strstr(sb.buf, "Version 1, saved on Wed 28 Oct 2026")
	    != NULL, "%s", sb.buf);
	strbuf_fini(&sb);
}
END_TEST

START_TEST(test_progress_list)
{
	struct plan_progress_row *rows;
	struct goal_score_in sc[2];
	struct pd_err err;
	struct strbuf sb = STRBUF_INIT;
	char d1[11];
	size_t n;
	int64_t a, b;

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	day_from_today(-30, d1);
	a = add_goal(GOAL_CONNECT, "Walking group", NULL, NULL);
	b = add_goal(GOAL_LEARN, "A course", NULL, NULL);
	add_goal(GOAL_GIVE, "Bake", NULL, NULL);
	sc[0].goal_id = a;
	sc[0].score = -1;
	sc[1].goal_id = b;
	sc[1].score = 1;
	ck_assert_int_eq(app_plan_review(&app, w.ana, d1, 0, sc, 2, &err),
	    PD_OK);
	sc[0].score = 1;
	sc[1].score = 0;
	ck_assert_int_eq(app_plan_review(&app, w.ana, "", 0, sc, 2, &err),
	    PD_OK);
	/* Ben has a plan with no goals */
	{
		struct plan_sections s;

		memset(&s, 0, sizeof s);
		set(&s, "ambitions", "To feel settled");
		ck_assert_int_eq(app_plan_save(&app, w.ben, &s, 0, NULL, &err),
		    PD_OK);
		plan_sections_fini(&s);
	}
	ck_assert_int_eq(app_plan_progress_list(&app, &rows, &n, &err), PD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0].client_name, "Ana Silva");
	ck_assert_int_eq(rows[0].progress.goals, 3);
	ck_assert_int_eq(rows[0].progress.up, 1);
	ck_assert_int_eq(rows[0].progress.down, 1);
	ck_assert_int_eq(rows[0].progress.unscored, 1);
	ck_assert_str_eq(rows[1].client_name, "Ben Carter");
	ck_assert_int_eq(rows[1].progress.goals, 0);
	ck_assert_int_eq(rows[1].current_version, 1);
	plan_progress_text(rows, n, &sb);
	ck_assert_msg(strstr(sb.buf, "Ana Silva") != NULL, "%s", sb.buf);
	ck_assert_ptr_nonnull(strstr(sb.buf, "2 plans; 3 goals: 1 moved up, "
	    "1 moved down, 1 not scored yet."));
	plan_progress_rows_free(rows, n);

	/* Sam sees Ana's only */
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_plan_progress_list(&app, &rows, &n, &err), PD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(rows[0].client_id, w.ana);
	plan_progress_rows_free(rows, n);
	strbuf_fini(&sb);
}
END_TEST

/* ---- the plan as a file ---------------------------------------------- */

/* Ana's plan with a bit of everything. */
static void
fill_plan(void)
{
	struct goal_score_in sc;
	struct pd_err err;
	char d1[11];

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	day_from_today(-28, d1);
	day_from_today(-40, goal_created);
	save_one("keeps_me_well", "Walking the dog\nThe choir", 0);
	sc.goal_id = add_goal(GOAL_CONNECT, "Walking group", "Find it",
	    "Go once");
	sc.score = -1;
	ck_assert_int_eq(app_plan_review(&app, w.ana, d1, 0, &sc, 1, &err),
	    PD_OK);
	add_goal(GOAL_AMBITION, "Work outdoors", NULL, NULL);
	goal_created[0] = '\0';
	ck_assert_int_eq(app_plan_note_add(&app, w.ana, d1, "Chose the group",
	    NULL, &err), PD_OK);
}

START_TEST(test_export_import_round_trip)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, c = STRBUF_INIT;
	struct plan_import_result res;
	struct plan_doc doc;
	struct pd_err err;
	char *edited, *p;
	int64_t audit_rows;

	fill_plan();
	ck_assert_int_eq(app_plan_export_text(&app, w.ana, &a, &err), PD_OK);
	ck_assert_ptr_nonnull(strstr(a.buf, "name: Ana Silva\n"));
	ck_assert_ptr_nonnull(strstr(a.buf, "  keeps_me_well: |-\n"
	    "    Walking the dog\n    The choir\n"));
	/* the same file back in changes nothing ... */
	audit_rows = dbfix_count(app.db, "audit");
	ck_assert_msg(app_plan_import_text(&app, a.buf, a.len, "a.yaml", 0,
	    &res, &err) == PD_OK, "%s:%d: %s", err.file, err.line, err.msg);
	ck_assert_int_eq(res.version_before, 1);
	ck_assert_int_eq(res.version_after, 1);
	ck_assert_int_eq(res.goals_added + res.goals_changed +
	    res.scores_added + res.scores_changed + res.notes_added, 0);
	ck_assert_int_eq(dbfix_count(app.db, "plan_version"), 1);
	/* (only the import itself is written down) */
	ck_assert_int_eq(dbfix_count(app.db, "audit"), audit_rows + 1);
	/* ... and the next export is the same, byte for byte */
	ck_assert_int_eq(app_plan_export_text(&app, w.ana, &b, &err), PD_OK);
	ck_assert_str_eq(a.buf, b.buf);

	/* edited in a text editor: a section, a new goal, a score, a note */
	edited = xasprintf("%s", a.buf);
	p = strstr(edited, "  triggers:\n");
	ck_assert_ptr_nonnull(p);
	strbuf_reset(&c);
	strbuf_add(&c, edited, (size_t)(p - edited));
	strbuf_adds(&c, "  triggers: Brown envelopes\n");
	strbuf_adds(&c, p + strlen("  triggers:\n"));
	free(edited);
	edited = strbuf_detach(&c);
	p = strstr(edited, "notes:\n");
	strbuf_add(&c, edited, (size_t)(p - edited));
	strbuf_adds(&c, "- area: learn\n  title: A Recovery College course\n"
	    "  scores:\n  - on: ");
	{
		char today[11];

		day_from_today(0, today);
		strbuf_adds(&c, today);
	}
	strbuf_adds(&c, "\n    score: 0\n");
	strbuf_adds(&c, p);
	strbuf_adds(&c, "- on: 2026-01-02\n  text: Felt brave\n");
	free(edited);
	edited = strbuf_detach(&c);
	ck_assert_msg(app_plan_import_text(&app, edited, strlen(edited),
	    "edited.yaml", 0, &res, &err) == PD_OK, "%s:%d: %s", err.file,
	    err.line, err.msg);
	ck_assert_int_eq(res.version_after, 2);
	ck_assert_int_eq(res.goals_added, 1);
	ck_assert_int_eq(res.scores_added, 1);
	ck_assert_int_eq(res.notes_added, 1);
	ck_assert_int_eq(app_plan_load(&app, w.ana, &doc, &err), PD_OK);
	ck_assert_str_eq(get(&doc.sections, "triggers"), "Brown envelopes");
	ck_assert_uint_eq(doc.n_goals, 3);
	ck_assert_uint_eq(doc.n_notes, 2);
	plan_doc_fini(&doc);

	/* the old file is now out of date: a conflict at its version line */
	ck_assert_int_eq(app_plan_import_text(&app, a.buf, a.len, "a.yaml", 0,
	    &res, &err), PD_CONFLICT);
	ck_assert_str_eq(err.file, "a.yaml");
	ck_assert_int_eq(err.line, 9);
	ck_assert_ptr_nonnull(strstr(err.msg, "--force"));
	/* forced: its sections go on top, version 2 stays in the history */
	ck_assert_int_eq(app_plan_import_text(&app, a.buf, a.len, "a.yaml", 1,
	    &res, &err), PD_OK);
	ck_assert_int_eq(res.version_after, 3);
	ck_assert_int_eq(dbfix_count(app.db, "plan_version"), 3);
	free(edited);
	strbuf_fini(&a);
	strbuf_fini(&b);
	strbuf_fini(&c);
}
END_TEST

/* plan print: audited only when the print command took the job, with
 * the job id it gave; a failed print is not "printed". */
START_TEST(test_print_audited_only_when_taken)
{
	struct print_outcome out;
	struct pd_err err;
	char *ok = test_write_file("lp-ok.sh",
	    "echo 'request id is office-42 (1 file(s))'\nexit 0\n");
	char *bad = test_write_file("lp-bad.sh",
	    "echo 'lp: Error - The printer or class does not exist.' >&2\n"
	    "exit 1\n");
	int64_t rows;

	fill_plan();
	rows = dbfix_count(app.db, "audit");
	free(app.settings->print_command);
	app.settings->print_command = xasprintf("sh %s", bad);
	ck_assert_int_eq(app_plan_print(&app, w.ana, &out, &err), PD_IO);
	ck_assert_msg(strstr(err.msg, "does not exist") != NULL, "%s",
	    err.msg);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), rows);
	free(app.settings->print_command);
	app.settings->print_command = xasprintf("sh %s", ok);
	ck_assert_msg(app_plan_print(&app, w.ana, &out, &err) == PD_OK, "%s",
	    err.msg);
	ck_assert_str_eq(out.said, "request id is office-42 (1 file(s))");
	ck_assert_int_eq(dbfix_count(app.db, "audit"), rows + 1);
	free(ok);
	free(bad);
}
END_TEST

START_TEST(test_import_refusals)
{
	struct strbuf a = STRBUF_INIT;
	struct plan_import_result res;
	struct pd_err err;
	char *t;
	int64_t versions;

	fill_plan();
	ck_assert_int_eq(app_plan_export_text(&app, w.ana, &a, &err), PD_OK);
	versions = dbfix_count(app.db, "plan_version");

	/* another person's name: refused */
	t = xasprintf("%.*sname: Ben Carter%s", (int)(strstr(a.buf,
	    "name: Ana Silva") - a.buf), a.buf, strstr(a.buf,
	    "name: Ana Silva") + strlen("name: Ana Silva"));
	ck_assert_int_eq(app_plan_import_text(&app, t, strlen(t), "t.yaml", 0,
	    &res, &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "check the client number"));
	free(t);

	/* a goal id that is not this plan's */
	t = xasprintf("%s", a.buf);
	memcpy(strstr(t, "- id: ") + 6, "9", 1);
	ck_assert_int_eq(app_plan_import_text(&app, t, strlen(t), "t.yaml", 0,
	    &res, &err), PD_INVALID);
	ck_assert_int_gt(err.line, 10);
	ck_assert_ptr_nonnull(strstr(err.msg, "is not part of this plan"));
	free(t);

	/* a score in the future: its line, and nothing at all changed */
	t = xasprintf("%.*s  triggers: changed\n%s", (int)(strstr(a.buf,
	    "  triggers:\n") - a.buf), a.buf, strstr(a.buf, "  triggers:\n") +
	    strlen("  triggers:\n"));
	{
		struct strbuf u = STRBUF_INIT;
		char *at = strstr(t, "notes:\n");

		strbuf_add(&u, t, (size_t)(at - t));
		strbuf_adds(&u, "- area: give\n  title: Bake\n  scores:\n"
		    "  - on: 2999-01-01\n    score: 1\n");
		strbuf_adds(&u, at);
		free(t);
		t = strbuf_detach(&u);
	}
	ck_assert_int_eq(app_plan_import_text(&app, t, strlen(t), "t.yaml", 0,
	    &res, &err), PD_INVALID);
	ck_assert_str_eq(err.file, "t.yaml");
	ck_assert_ptr_nonnull(strstr(err.msg, "later than today"));
	ck_assert_int_eq(dbfix_count(app.db, "plan_version"), versions);
	ck_assert_int_eq(dbfix_count(app.db, "plan_goal"), 2);
	free(t);

	/* a broken file: where */
	ck_assert_int_eq(app_plan_import_text(&app, "peerdesk_plan: 1\n"
	    "client: [\n", 27, "b.yaml", 0, &res, &err), PD_PARSE);
	ck_assert_str_eq(err.file, "b.yaml");
	ck_assert_int_gt(err.line, 1);
	/* a client the PAL does not have */
	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_plan_import_text(&app, a.buf, a.len, "a.yaml", 0,
	    &res, &err), PD_NOT_FOUND);
	strbuf_fini(&a);
}
END_TEST

/* ---- the PAL's Wellness and Development Plan ----------------------------- */

START_TEST(test_pal_plan_visibility)
{
	struct pal_plan p, *v;
	struct pd_err err;
	char *name = NULL;
	size_t n;
	int now = -1;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_pal_plan_open(&app, 0, &p, &name, &err), PD_OK);
	ck_assert_int_eq(p.version_no, 0);
	ck_assert_int_eq(p.pal_id, w.sam);
	ck_assert_str_eq(name, "Sam Reid");
	free(name);
	p.aspirations = xstrdup("Train as a peer trainer");
	p.struggling_signs = xstrdup("I stop answering messages");
	ck_assert_int_eq(app_pal_plan_save(&app, &p, 0, &now, &err), PD_OK);
	ck_assert_int_eq(now, 1);
	/* unchanged: no new version */
	ck_assert_int_eq(app_pal_plan_save(&app, &p, 1, &now, &err), PD_OK);
	ck_assert_int_eq(now, 1);
	pal_plan_fini(&p);

	/* Jo and the office may not see it */
	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_pal_plan_open(&app, w.sam, &p, NULL, &err),
	    PD_DENIED);
	ck_assert_int_eq(app_pal_plan_history(&app, w.sam, &v, &n, &err),
	    PD_DENIED);
	memset(&p, 0, sizeof p);
	p.pal_id = w.sam;
	p.aspirations = xstrdup("overwritten");
	ck_assert_int_eq(app_pal_plan_save(&app, &p, 1, NULL, &err),
	    PD_DENIED);
	pal_plan_fini(&p);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_pal_plan_open(&app, w.sam, &p, NULL, &err),
	    PD_DENIED);

	/* the manager may, and agrees an adjustment */
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_pal_plan_open(&app, 0, &p, NULL, &err),
	    PD_INVALID);
	ck_assert_int_eq(app_pal_plan_open(&app, w.office, &p, NULL, &err),
	    PD_NOT_FOUND);	/* not a PAL */
	ck_assert_int_eq(app_pal_plan_open(&app, w.sam, &p, NULL, &err),
	    PD_OK);
	ck_assert_int_eq(p.version_no, 1);
	ck_assert_str_eq(p.aspirations, "Train as a peer trainer");
	ck_assert_str_eq(p.saved_by_name, "Sam Reid");
	p.adjustments = xstrdup("Mornings off on Tuesdays");
	ck_assert_int_eq(app_pal_plan_save(&app, &p, 1, &now, &err), PD_OK);
	ck_assert_int_eq(now, 2);
	pal_plan_fini(&p);

	/* Sam, still on version 1, gets a conflict naming Maya */
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	memset(&p, 0, sizeof p);
	p.career_development = xstrdup("A Level 3 course");
	ck_assert_int_eq(app_pal_plan_save(&app, &p, 1, &now, &err),
	    PD_CONFLICT);
	ck_assert_msg(strstr(err.msg, "Maya Shah") != NULL, "%s", err.msg);
	pal_plan_fini(&p);
	ck_assert_int_eq(app_pal_plan_history(&app, 0, &v, &n, &err), PD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(v[0].version_no, 2);
	ck_assert_str_eq(v[0].saved_by_name, "Maya Shah");
	{
		struct strbuf sb = STRBUF_INIT;

		pal_plan_version_text(&v[1], &v[0], 0, &sb);
		ck_assert_msg(strstr(sb.buf, "Reasonable adjustments we have "
		    "agreed: written") != NULL, "%s", sb.buf);
		ck_assert_ptr_null(strstr(sb.buf, "aspirations"));
		strbuf_fini(&sb);
	}
	pal_plan_list_free(v, n);
}
END_TEST

START_TEST(test_pal_plan_people)
{
	struct pal_plan_row *rows;
	struct pal_plan p;
	struct pd_err err;
	size_t n;

	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
	memset(&p, 0, sizeof p);
	p.my_actions = xstrdup("Take a day off and tell Maya");
	ck_assert_int_eq(app_pal_plan_save(&app, &p, 0, NULL, &err), PD_OK);
	pal_plan_fini(&p);
	ck_assert_int_eq(app_pal_plan_people(&app, &rows, &n, &err),
	    PD_DENIED);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_pal_plan_people(&app, &rows, &n, &err), PD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0].name, "Jo Evans");
	ck_assert_int_eq(rows[0].version_no, 1);
	ck_assert_str_ne(rows[0].saved_at, "");
	ck_assert_str_eq(rows[1].name, "Sam Reid");
	ck_assert_int_eq(rows[1].version_no, 0);
	pal_plan_rows_free(rows, n);
}
END_TEST

static Suite *
app_plans_suite(void)
{
	Suite *s = suite_create("app_plans");
	TCase *tc = tcase_create("plans");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_open_empty_and_scope);
	tcase_add_test(tc, test_versions_and_conflict);
	tcase_add_test(tc, test_save_checks);
	tcase_add_test(tc, test_goals_and_steps);
	tcase_add_test(tc, test_reviews_and_scores);
	tcase_add_test(tc, test_notes);
	tcase_add_test(tc, test_restore_version);
	tcase_add_test(tc, test_remove_note);
	tcase_add_test(tc, test_establish);
	tcase_add_test(tc, test_history_and_changes);
	tcase_add_test(tc, test_changes_follow_today);
	tcase_add_test(tc, test_progress_list);
	tcase_add_test(tc, test_export_import_round_trip);
	tcase_add_test(tc, test_print_audited_only_when_taken);
	tcase_add_test(tc, test_import_refusals);
	tcase_add_test(tc, test_pal_plan_visibility);
	tcase_add_test(tc, test_pal_plan_people);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(app_plans_suite)
