/* Tier 3: the wellness-plan screens without a terminal, over a real
 * database (appfix): the plan page, the sections form (saving, and a
 * conflict merged rather than lost), a goal with steps, a review, the
 * history, and the PAL's own plan; golden files in tests/tui/expected/
 * for the screens that show no clock time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/palplan.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/form.h"
#include "tui/support/screenfix.h"
#include "peerdesk/tui/screens.h"

static struct app app;
static struct dbfix_world w;
static struct tui_config cfg;
static struct harness *h;

static const char *
fixed_today(void *a, char buf[11])
{
	(void)a;
	memcpy(buf, "2026-11-25", 11);
	return buf;
}

static void
setup(void)
{
	appfix_open(&app);
	dbfix_world(app.db, &w);
	dbfix_today("2026-11-25");
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	memset(&cfg, 0, sizeof cfg);
	cfg.app = &app;
	cfg.today = fixed_today;
	unsetenv("NO_COLOR");
	h = NULL;
}

static void
teardown(void)
{
	harness_free(&h);
	dbfix_today(NULL);
	app_close(&app);
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

static void
golden(const char *name)
{
	screenfix_golden(h, "", name);
}

static struct screen *
top(void)
{
	return tui_top(harness_tui(h));
}

static void
has(const char *text)
{
	char *s = harness_screen(h);

	ck_assert_msg(strstr(s, text) != NULL, "no [%s] on the screen:\n%s",
	    text, s);
	free(s);
}

static void
lacks(const char *text)
{
	char *s = harness_screen(h);

	ck_assert_msg(strstr(s, text) == NULL, "[%s] on the screen:\n%s",
	    text, s);
	free(s);
}

static void
load(struct plan_doc *d)
{
	struct pd_err err;

	ck_assert_msg(app_plan_load(&app, w.ana, d, &err) == PD_OK, "%s",
	    err.msg);
}

static const char *
section(const struct plan_doc *d, const char *key)
{
	return plan_field_get(&d->sections, (size_t)plan_field_find(key));
}

/* ---- the plan page ----------------------------------------------------- */

START_TEST(test_empty_plan_80x24)
{
	start(80, 24, &plan_screen, &w.ana);
	golden("plan_empty_80x24");
	ck_assert_str_eq(top()->title, "Plan: Ana Silva");
}
END_TEST

START_TEST(test_empty_plan_40x15)
{
	start(40, 15, &plan_screen, &w.ana);
	golden("plan_empty_40x15");
}
END_TEST

START_TEST(test_not_my_client)
{
	struct pd_err err;

	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
	h = harness_new(40, 15, &cfg, &err);
	ck_assert_ptr_nonnull(h);
	ck_assert_int_eq(harness_push(h, &plan_screen, &w.ana, &err),
	    PD_DENIED);
}
END_TEST

/* Tuesday: the plan written with the client, section by section. */
START_TEST(test_write_sections)
{
	struct plan_doc d;

	start(80, 24, &plan_screen, &w.ana);
	keys("e");
	ck_assert_str_eq(top()->ops->name, "plan_edit");
	golden("plan_edit_80x24");
	keys("A job outdoors<Tab><Tab><Tab>Walking the dog<Enter>The choir");
	keys("<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>"
	    "Busy pubs at night<Tab>First go, at the cafe<C-s>");
	ck_assert_str_eq(top()->ops->name, "plan");
	has("Saved: the plan has a new version.");
	has("1. My ambitions and goals");
	has("  A job outdoors");
	has("  Walking the dog");
	has("  The choir");
	has("Draft: not established yet. Version 1");
	lacks("Not written yet");
	load(&d);
	ck_assert_int_eq(d.info.current_version, 1);
	ck_assert_str_eq(section(&d, "ambitions"), "A job outdoors");
	ck_assert_str_eq(section(&d, "keeps_me_well"),
	    "Walking the dog\nThe choir");
	ck_assert_str_eq(section(&d, "unsafe_places"), "Busy pubs at night");
	ck_assert_str_eq(d.sections.note, "First go, at the cafe");
	plan_doc_fini(&d);

	/* Enter on a section opens the form at that section */
	keys("<Down><Down><Enter>");
	ck_assert_str_eq(form_focus_id(top()), "keeps_me_well");
	keys("<Esc>");
	ck_assert_str_eq(top()->ops->name, "plan");

	/* the Operations Manager marks it established */
	keys("E");
	has("Mark this plan as established?");
	keys("<Left><Enter>");
	has("The plan is established.");
	has("Established on Wed 25 Nov 2026.");
	keys("E");
	has("The plan is already established.");
}
END_TEST

/* Two people save at once: the second merges, nothing is lost. */
START_TEST(test_conflict_merged)
{
	struct plan_sections s;
	struct plan_doc d;
	struct pd_err err;
	int now;

	memset(&s, 0, sizeof s);
	plan_field_set(&s, (size_t)plan_field_find("keeps_me_well"), "Walks");
	plan_field_set(&s, (size_t)plan_field_find("triggers"), "Letters");
	ck_assert_int_eq(app_plan_save(&app, w.ana, &s, 0, &now, &err), PD_OK);
	start(80, 24, &plan_screen, &w.ana);
	keys("e");
	/* meanwhile, at another desk, Olive changes the triggers */
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	plan_field_set(&s, (size_t)plan_field_find("triggers"),
	    "Letters and loud rooms");
	ck_assert_int_eq(app_plan_save(&app, w.ana, &s, 1, &now, &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	/* Maya adds to what keeps Ana well and saves: a conflict */
	keys("<Tab><Tab><Tab><End> and the choir<C-s>");
	ck_assert_str_eq(top()->ops->name, "confirm");
	has("Olive Okafor changed this plan");
	has("Merge their changes with yours?");
	keys("<Enter>");	/* Merge */
	ck_assert_str_eq(top()->ops->name, "plan_edit");
	has("Merged: their changes are in, and yours are kept.");
	keys("<C-s>");
	ck_assert_str_eq(top()->ops->name, "plan");
	load(&d);
	ck_assert_int_eq(d.info.current_version, 3);
	ck_assert_str_eq(section(&d, "keeps_me_well"), "Walks and the choir");
	ck_assert_str_eq(section(&d, "triggers"), "Letters and loud rooms");
	plan_doc_fini(&d);
	plan_sections_fini(&s);
}
END_TEST

/* Both change the same section: theirs is shown, mine kept. */
START_TEST(test_conflict_same_section)
{
	struct plan_sections s;
	struct plan_doc d;
	struct pd_err err;
	int now;

	memset(&s, 0, sizeof s);
	plan_field_set(&s, 0, "A job");
	ck_assert_int_eq(app_plan_save(&app, w.ana, &s, 0, &now, &err), PD_OK);
	{
		struct plan_edit_arg a = { w.ana, NULL };

		start(80, 24, &plan_edit_screen, &a);
	}
	plan_field_set(&s, 0, "A job in a garden centre");
	ck_assert_int_eq(app_plan_save(&app, w.ana, &s, 1, &now, &err), PD_OK);
	keys("<End> outdoors<C-s><Enter>");
	has("They wrote: \"A job in a garden centre\". Yours is kept");
	has("You both changed 1 section: theirs is under yours.");
	keys("<C-s>");
	load(&d);
	ck_assert_int_eq(d.info.current_version, 3);
	ck_assert_str_eq(section(&d, "ambitions"), "A job outdoors");
	plan_doc_fini(&d);
	plan_sections_fini(&s);
}
END_TEST

/* Two Five Ways goals, with steps. */
START_TEST(test_goals)
{
	struct plan_doc d;

	start(80, 24, &plan_screen, &w.ana);
	keys("a");
	ck_assert_str_eq(top()->ops->name, "goal");
	golden("goal_new_80x24");
	keys("<Tab>Go to the Thursday walking group<Tab>Every Thursday at 10"
	    "<Tab>me<Tab>2027-01-31<Tab>Find out where it meets<Enter>"
	    "Go once with Sam<C-s>");
	ck_assert_str_eq(top()->ops->name, "plan");
	has("Connect: Go to the Thursday walking group");
	has("[ ] Find out where it meets");
	has("How it is going: not scored yet");
	keys("a<Right><Right><Right><Tab>A Recovery College course<C-s>");
	has("Learn: A Recovery College course");
	load(&d);
	ck_assert_uint_eq(d.n_goals, 2);
	ck_assert_int_eq(d.goals[0].goal.area, GOAL_CONNECT);
	ck_assert_str_eq(d.goals[0].goal.target_date, "2027-01-31");
	ck_assert_uint_eq(d.goals[0].n_steps, 2);
	plan_doc_fini(&d);

	/* a step done: [x] in front of it.  End selects the notes; the
	 * Learn goal and then the Connect goal are above them. */
	keys("<End><Up><Up><Enter>");
	ck_assert_str_eq(top()->ops->name, "goal");
	ck_assert_str_eq(form_focus_id(top()), "area");
	keys("<Tab><Tab><Tab><Tab><Tab><Home>[x] <C-s>");
	has("[x] Find out where it meets (done 25 Nov)");
	load(&d);
	ck_assert_str_eq(d.goals[0].steps[0].done_on, "2026-11-25");
	ck_assert_str_eq(d.goals[0].steps[1].done_on, "");
	plan_doc_fini(&d);
}
END_TEST

/* Thursday: the review; the chart and what changed. */
START_TEST(test_review_chart_changes)
{
	struct plan_doc_goal g;
	struct goal_score_in sc;
	struct pd_err err;

	memset(&g, 0, sizeof g);
	g.goal.area = GOAL_CONNECT;
	g.goal.title = xstrdup("Walking group");
	snprintf(g.goal.created_on, 11, "2026-09-01");
	ck_assert_int_eq(app_goal_save(&app, w.ana, &g, &err), PD_OK);
	sc.goal_id = g.goal.id;
	sc.score = -1;
	ck_assert_int_eq(app_plan_review(&app, w.ana, "2026-10-28", 0, &sc, 1,
	    &err), PD_OK);
	plan_goal_fini(&g.goal);

	start(80, 24, &plan_screen, &w.ana);
	keys("r");
	ck_assert_str_eq(top()->ops->name, "plan_review");
	golden("plan_review_80x24");
	keys("<Right><Right><Right><C-s>");	/* blank -> 0 -> +1 -> +2 */
	has("Review recorded: 1 goal scored.");
	keys("<End>");
	has("How it is going: 28 Oct -1, 25 Nov +2 - moved up");
	has("+2 ┤          ●");
	has("-1 ┤   ●");
	has("        28 Oct 25 Nov");
	keys("c");
	ck_assert_str_eq(top()->ops->name, "plan_text");
	has("What changed since Wed 28 Oct 2026.");
	has("Connect: Walking group");
	has("score -1, now +2 (moved up)");
	keys("<Esc>h");
	ck_assert_str_eq(top()->ops->name, "plan_history");
	has("Review on Wed 25 Nov 2026: Connect \"Walking group\" +2");
}
END_TEST

/* A goal's change is in the history like a version: Enter shows its
 * words and steps before and now. */
START_TEST(test_goal_change_in_history)
{
	struct plan_doc_goal g;
	struct pd_err err;

	memset(&g, 0, sizeof g);
	g.goal.area = GOAL_CONNECT;
	g.goal.title = xstrdup("Walking group");
	ck_assert_int_eq(app_goal_save(&app, w.ana, &g, &err), PD_OK);
	free(g.goal.title);
	g.goal.title = xstrdup("The Thursday walking group");
	ck_assert_int_eq(app_goal_save(&app, w.ana, &g, &err), PD_OK);
	plan_goal_fini(&g.goal);
	start(80, 24, &plan_history_screen, &w.ana);
	has("changed the goal \"The Thursday walking group\"");
	keys("<Enter>");
	ck_assert_str_eq(top()->ops->name, "plan_text");
	ck_assert_str_eq(top()->title, "A goal, before and after");
	has("Before:");
	has("  goal: Walking group");
	has("Now:");
	has("  goal: The Thursday walking group");
}
END_TEST

START_TEST(test_review_typed_scores)
{
	struct plan_doc_goal g;
	struct pd_err err;
	struct plan_doc d;

	memset(&g, 0, sizeof g);
	g.goal.area = GOAL_GIVE;
	g.goal.title = xstrdup("Bake");
	ck_assert_int_eq(app_goal_save(&app, w.ana, &g, &err), PD_OK);
	plan_goal_fini(&g.goal);
	g.goal.id = 0;
	g.goal.area = GOAL_LEARN;
	g.goal.title = xstrdup("A course");
	ck_assert_int_eq(app_goal_save(&app, w.ana, &g, &err), PD_OK);
	plan_goal_fini(&g.goal);
	start(40, 15, &plan_screen, &w.ana);
	keys("r");
	golden("plan_review_40x15");
	keys("-2<Down> <Up><Up><Backspace><Backspace>24<C-s>");
	has("Review recorded: 1 goal scored.");
	load(&d);
	/* Learn comes before Give (the Five Ways in order) */
	ck_assert_int_eq(d.goals[0].goal.area, GOAL_LEARN);
	ck_assert_uint_eq(d.goals[0].n_scores, 1);
	ck_assert_int_eq(d.goals[0].scores[0].score, -2);
	ck_assert_str_eq(d.goals[0].scores[0].scored_on, "2026-11-24");
	ck_assert_uint_eq(d.goals[1].n_scores, 0);
	plan_doc_fini(&d);
}
END_TEST

START_TEST(test_note)
{
	struct plan_doc d;

	start(80, 24, &plan_screen, &w.ana);
	keys("n<Tab>Felt brave today<C-s>");
	has("Added the note to the plan.");
	keys("<End>");
	has("Felt brave today");
	load(&d);
	ck_assert_uint_eq(d.n_notes, 1);
	ck_assert_str_eq(d.notes[0].written_on, "2026-11-25");
	plan_doc_fini(&d);
}
END_TEST

static void
save_section(const char *key, const char *text, int expected)
{
	struct plan_sections sec;
	struct pd_err err;

	memset(&sec, 0, sizeof sec);
	plan_field_set(&sec, (size_t)plan_field_find(key), text);
	ck_assert_msg(app_plan_save(&app, w.ana, &sec, expected, NULL, &err) ==
	    PD_OK, "%s", err.msg);
	plan_sections_fini(&sec);
}

/* The history's "bring back" key (b): on the current version it says
 * so; on an earlier one it asks, and "Leave it" does nothing; "Bring it
 * back" saves that version's words as a new version with a note; a
 * save by someone else meanwhile is refused with who did it. */
START_TEST(test_history_bring_back)
{
	struct plan_doc d;
	struct pd_err err;

	save_section("keeps_me_well", "Walking the dog", 0);
	save_section("keeps_me_well", "Nothing helps", 1);
	start(80, 24, &plan_history_screen, &w.ana);
	has("b Bring back");
	keys("b");				/* version 2: the current one */
	has("Version 2 is the plan as it is now.");
	keys("<Down>b");
	has("Bring back?");
	has("go back to version 1, saved as");
	keys("<Enter>");			/* "Leave it" is the default */
	ck_assert_int_eq(dbfix_count(app.db, "plan_version"), 2);
	keys("by");
	has("Brought back version 1: it is now version 3.");
	load(&d);
	ck_assert_int_eq(d.info.current_version, 3);
	ck_assert_str_eq(section(&d, "keeps_me_well"), "Walking the dog");
	ck_assert_str_eq(d.sections.note, "brought back version 1");
	plan_doc_fini(&d);
	has("brought back version 1");		/* the new version, listed */
	/* Olive saves from another desk; this screen still shows 3 */
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	save_section("triggers", "Brown envelopes", 3);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	keys("<End>b");
	has("Bring back?");
	keys("y");
	has("Not brought back");
	has("Olive Okafor");
	ck_assert_int_eq(dbfix_count(app.db, "plan_version"), 4);
	(void)err;
}
END_TEST

/* The plan page with the mouse: a click chooses a section or a goal,
 * a second click opens it; the wheel moves through the page. */
START_TEST(test_plan_mouse)
{
	struct plan_doc_goal g;
	struct pd_err err;
	bool sgr = _i == 0;
	int y, x, cy, cx, y2;

	save_section("keeps_me_well", "Walking the dog", 0);
	memset(&g, 0, sizeof g);
	g.goal.area = GOAL_CONNECT;
	g.goal.title = xstrdup("The Thursday walking group");
	ck_assert_int_eq(app_goal_save(&app, w.ana, &g, &err), PD_OK);
	plan_goal_fini(&g.goal);
	start(80, 24, &plan_screen, &w.ana);
	/* a section */
	ck_assert(harness_find(h, "3. What keeps me well", &y, &x));
	harness_mouse(h, sgr, 0, y, x + 3);
	harness_cursor(h, &cy, &cx);
	ck_assert_int_eq(cy, y);
	ck_assert_str_eq(top()->ops->name, "plan");
	harness_mouse(h, sgr, 0, y, x + 3);
	ck_assert_str_eq(top()->ops->name, "plan_edit");
	keys("<Esc>");
	ck_assert_str_eq(top()->ops->name, "plan");
	/* the wheel: the page moves */
	harness_mouse(h, sgr, 65, 10, 10);
	harness_mouse(h, sgr, 65, 10, 10);
	harness_mouse(h, sgr, 65, 10, 10);
	ck_assert(harness_find(h, "Connect: The Thursday walking group",
	    &y2, &x));
	harness_mouse(h, sgr, 0, y2, x + 2);		/* the goal: chosen */
	harness_cursor(h, &cy, &cx);
	ck_assert_int_eq(cy, y2);
	harness_mouse(h, sgr, 0, y2, x + 2);		/* and opened */
	ck_assert_str_eq(top()->ops->name, "goal");
	has("The Thursday walking group");
	(void)err;
}
END_TEST

/* x removes a note: which one (a list), then why; Esc at either step
 * keeps it. */
START_TEST(test_remove_note)
{
	struct plan_doc d;
	struct pd_err err;

	ck_assert_int_eq(app_plan_note_add(&app, w.ana, "", "Felt brave "
	    "today", NULL, &err), PD_OK);
	ck_assert_int_eq(app_plan_note_add(&app, w.ana, "", "Wrong client, "
	    "sorry", NULL, &err), PD_OK);
	start(80, 24, &plan_screen, &w.ana);
	keys("x");
	has("Remove which note?");
	has("Maya Shah): Wrong client, sorry");
	keys("<Enter>");
	has("Why is it removed?");
	keys("<Esc>");
	load(&d);
	ck_assert_uint_eq(d.n_notes, 2);
	plan_doc_fini(&d);
	keys("x<Enter><Enter>");		/* no reason: refused */
	has("Not removed: Say why");
	keys("x<Enter>written in the wrong plan<Enter>");
	has("Removed the note.");
	load(&d);
	ck_assert_uint_eq(d.n_notes, 1);
	ck_assert_str_eq(d.notes[0].text, "Felt brave today");
	plan_doc_fini(&d);
	keys("<End>");
	lacks("Wrong client");
}
END_TEST

/* ---- two people saving one goal, or one PAL's plan ----------------- */

/* A goal of Ana's plan, with words in three fields. */
static int64_t
goal_made(void)
{
	struct plan_doc_goal g;
	struct pd_err err;
	int64_t id;

	memset(&g, 0, sizeof g);
	g.goal.area = GOAL_CONNECT;
	g.goal.title = xstrdup("Walking group");
	g.goal.detail = xstrdup("Thursdays");
	g.goal.set_by = xstrdup("me");
	snprintf(g.goal.created_on, 11, "2026-09-01");
	ck_assert_int_eq(app_goal_save(&app, w.ana, &g, &err), PD_OK);
	id = g.goal.id;
	plan_goal_fini(&g.goal);
	return id;
}

/* Olive, at another desk, saves the goal: title and/or who set it. */
static void
goal_olive_saves(int64_t id, const char *title, const char *set_by)
{
	struct plan_doc d;
	struct plan_doc_goal *g;
	struct pd_err err;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_plan_load(&app, w.ana, &d, &err), PD_OK);
	g = plan_doc_goal_by_id(&d, id);
	ck_assert_ptr_nonnull(g);
	if (title != NULL) {
		free(g->goal.title);
		g->goal.title = xstrdup(title);
	}
	if (set_by != NULL) {
		free(g->goal.set_by);
		g->goal.set_by = xstrdup(set_by);
	}
	ck_assert_msg(app_goal_save(&app, w.ana, g, &err) == PD_OK, "%s",
	    err.msg);
	plan_doc_fini(&d);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
}

static struct plan_goal
goal_now(int64_t id)
{
	struct plan_doc d;
	struct plan_goal out;

	memset(&out, 0, sizeof out);
	load(&d);
	ck_assert_ptr_nonnull(plan_doc_goal_by_id(&d, id));
	plan_goal_copy(&out, &plan_doc_goal_by_id(&d, id)->goal);
	plan_doc_fini(&d);
	return out;
}

static void
goal_open(const struct goal_edit_arg *a)
{
	struct pd_err err;

	ck_assert_int_eq(tui_push(harness_tui(h), &goal_edit_screen, a, 0,
	    &err), PD_OK);
	ck_assert_str_eq(top()->ops->name, "goal");
}

/* Different fields: both kept, no question; the same field: theirs
 * and mine side by side, and the one chosen is saved. */
START_TEST(test_goal_conflict_fields)
{
	int64_t id = goal_made();
	struct goal_edit_arg a = { 0, 0, 0 };
	struct plan_goal g;

	a.client_id = w.ana;
	a.goal_id = id;
	start(80, 24, &plan_screen, &w.ana);
	goal_open(&a);
	/* Maya: what, how much, when (the third field) */
	keys("<Tab><Tab><End> at 10");
	goal_olive_saves(id, NULL, "me and Sam");
	keys("<C-s>");
	ck_assert_str_eq(top()->ops->name, "plan");
	g = goal_now(id);
	ck_assert_str_eq(g.detail, "Thursdays at 10");
	ck_assert_str_eq(g.set_by, "me and Sam");
	ck_assert_str_eq(g.title, "Walking group");
	plan_goal_fini(&g);

	/* both change the goal's words */
	goal_open(&a);
	keys("<Tab><End> on Thursdays");
	goal_olive_saves(id, "The walking club", NULL);
	keys("<C-s>");
	ck_assert_ptr_eq(top()->ops, &form_merge_screen);
	has("The goal");
	has("The walking club");
	has("Walking group on Thursdays");
	keys("<Enter>");		/* mine is chosen to begin with */
	ck_assert_str_eq(top()->ops->name, "plan");
	g = goal_now(id);
	ck_assert_str_eq(g.title, "Walking group on Thursdays");
	ck_assert_str_eq(g.set_by, "me and Sam");
	plan_goal_fini(&g);
}
END_TEST

/* Sam's own plan: the manager saves one part meanwhile; both kept.
 * Then both change the same part: asked, theirs chosen. */
static void
palplan_maya_saves(const char *field, const char *text)
{
	struct pal_plan p;
	struct pd_err err;
	size_t i;

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_pal_plan_open(&app, w.sam, &p, NULL, &err),
	    PD_OK);
	for (i = 0; i < PAL_PLAN_NFIELDS; i++)
		if (strcmp(pal_plan_fields[i].key, field) == 0) {
			char **f = (char **)(void *)((char *)&p +
			    pal_plan_fields[i].offset);

			free(*f);
			*f = xstrdup(text);
		}
	ck_assert_msg(app_pal_plan_save(&app, &p, p.version_no, NULL, &err)
	    == PD_OK, "%s", err.msg);
	pal_plan_fini(&p);
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
}

START_TEST(test_pal_plan_conflict_fields)
{
	struct pal_plan p;
	struct pd_err err;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	start(80, 24, &palplan_screen, NULL);
	keys("eTrain as a peer trainer<C-s>");
	has("Saved: the plan has a new version.");
	/* Sam writes the signs (third); Maya the adjustments */
	keys("e<Tab><Tab>I stop answering messages");
	palplan_maya_saves("adjustments", "Shorter shifts on Mondays");
	keys("<C-s>");
	has("Saved: the plan has a new version.");
	ck_assert_int_eq(app_pal_plan_open(&app, 0, &p, NULL, &err), PD_OK);
	ck_assert_int_eq(p.version_no, 3);
	ck_assert_str_eq(p.struggling_signs, "I stop answering messages");
	ck_assert_str_eq(p.adjustments, "Shorter shifts on Mondays");
	ck_assert_str_eq(p.aspirations, "Train as a peer trainer");
	pal_plan_fini(&p);

	/* both change the aspirations */
	keys("e<End> next year");
	palplan_maya_saves("aspirations", "Train as a peer trainer, "
	    "with the college");
	keys("<C-s>");
	ck_assert_ptr_eq(top()->ops, &form_merge_screen);
	has("My aspirations");
	has("college");
	has("trainer next year");
	keys("t<Enter>");		/* theirs */
	ck_assert_ptr_ne(top()->ops, &form_merge_screen);
	ck_assert_int_eq(app_pal_plan_open(&app, 0, &p, NULL, &err), PD_OK);
	ck_assert_str_eq(p.aspirations, "Train as a peer trainer, with the "
	    "college");
	ck_assert_str_eq(p.adjustments, "Shorter shifts on Mondays");
	pal_plan_fini(&p);
}
END_TEST

/* ---- the PAL's own plan ------------------------------------------- */

START_TEST(test_pal_plan)
{
	struct pal_plan p;
	struct pd_err err;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	start(40, 15, &palplan_screen, NULL);
	ck_assert_str_eq(top()->title, "My Wellness and Development Plan");
	golden("palplan_empty_40x15");
	keys("e");
	keys("Train as a peer trainer<Tab><Tab>I stop answering messages"
	    "<C-s>");
	has("Saved: the plan has a new version.");
	has("Train as a peer trainer");
	ck_assert_int_eq(app_pal_plan_open(&app, 0, &p, NULL, &err), PD_OK);
	ck_assert_int_eq(p.version_no, 1);
	ck_assert_str_eq(p.struggling_signs, "I stop answering messages");
	pal_plan_fini(&p);
	keys("h");
	has("Version 1, saved on");
	has("My aspirations: written");
	harness_free(&h);

	/* Jo may not open it; the office may not either */
	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
	h = harness_new(40, 15, &cfg, &err);
	ck_assert_int_eq(harness_push(h, &palplan_screen, &w.sam, &err),
	    PD_DENIED);
	harness_free(&h);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	start(80, 24, &palplan_people_screen, NULL);
	has("Sam Reid");
	has("version 1, saved");
	has("Jo Evans");
	has("no plan written yet");
	keys("<Down><Enter>");
	ck_assert_str_eq(top()->title, "Wellness and Development Plan: Sam "
	    "Reid");
}
END_TEST

START_TEST(test_progress_screen)
{
	struct plan_doc_goal g;
	struct pd_err err;

	memset(&g, 0, sizeof g);
	g.goal.area = GOAL_GIVE;
	g.goal.title = xstrdup("Bake");
	ck_assert_int_eq(app_goal_save(&app, w.ana, &g, &err), PD_OK);
	plan_goal_fini(&g.goal);
	start(80, 24, &plan_progress_screen, NULL);
	has("1 plan; 1 goal: 1 not scored yet.");
	has("Ana Silva");
	keys("<Enter>");
	ck_assert_str_eq(top()->title, "Plan: Ana Silva");
}
END_TEST

static Suite *
plan_screens_suite(void)
{
	Suite *s = suite_create("plan_screens");
	TCase *tc = tcase_create("screens");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_empty_plan_80x24);
	tcase_add_test(tc, test_empty_plan_40x15);
	tcase_add_test(tc, test_not_my_client);
	tcase_add_test(tc, test_write_sections);
	tcase_add_test(tc, test_conflict_merged);
	tcase_add_test(tc, test_conflict_same_section);
	tcase_add_test(tc, test_goals);
	tcase_add_test(tc, test_review_chart_changes);
	tcase_add_test(tc, test_review_typed_scores);
	tcase_add_test(tc, test_goal_change_in_history);
	tcase_add_test(tc, test_goal_conflict_fields);
	tcase_add_test(tc, test_pal_plan_conflict_fields);
	tcase_add_test(tc, test_note);
	tcase_add_test(tc, test_history_bring_back);
	tcase_add_test(tc, test_remove_note);
	tcase_add_loop_test(tc, test_plan_mouse, 0, 2);
	tcase_add_test(tc, test_pal_plan);
	tcase_add_test(tc, test_progress_screen);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(plan_screens_suite)
