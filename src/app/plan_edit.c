/* plan_edit.c - changing the client's Wellness and Safety Plan: saving
 * and merging its sections, goals and their steps, reviews, restoring a
 * version, notes, and marking it established (app/plans.h). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/core/str.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/plan.h"
#include "peerdesk/db/planquery.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "plans_priv.h"

/* ---- saving the sections ----------------------------------------------- */

static enum pd_status
plans_check_sections(const struct plan_sections *s, struct pd_err *err)
{
	size_t i;

	for (i = 0; i < PLAN_NFIELDS; i++) {
		const char *t = plan_field_get(s, i);

		if (t != NULL && strlen(t) > PLAN_TEXT_MAX)
			return pd_fail(err, PD_INVALID, plan_fields[i].key,
			    "This is too long to keep (over %d characters); "
			    "please shorten it", PLAN_TEXT_MAX);
	}
	if (s->note != NULL && strlen(s->note) > PLAN_TEXT_MAX)
		return pd_fail(err, PD_INVALID, "note", "This is too long");
	return PD_OK;
}

enum pd_status
app_plan_save(struct app *app, int64_t client_id,
    const struct plan_sections *s, int expected, int *now,
    struct pd_err *err)
{
	struct plan_info plan;
	struct plan_sections cur, at;
	struct strbuf sum = STRBUF_INIT;
	enum pd_status st;
	unsigned changed;

	if ((st = plans_may(app, client_id, "write wellness plans",
	    "write the wellness plan", err)) != PD_OK)
		return st;
	if ((st = plans_check_sections(s, err)) != PD_OK)
		return st;
	if ((st = db_begin(app->db, err)) != PD_OK)
		return st;
	memset(&cur, 0, sizeof cur);
	st = plans_client(app, client_id, NULL, err);
	if (st == PD_OK)
		st = db_plan_get_or_create(app->db, client_id, plans_scope(app),
		    &plan, err);
	if (st == PD_OK && plan.current_version == expected &&
	    expected > 0)
		st = db_plan_version_get(app->db, plan.id, 0, 0, &cur, err);
	if (st != PD_OK)
		goto out;
	changed = plan_sections_changed(plan.current_version == expected ?
	    &cur : NULL, s);
	if (plan.current_version == expected && changed == 0) {
		if (now != NULL)
			*now = expected;
		goto out;	/* nothing to keep: no new version */
	}
	at = *s;	/* shallow: only the moment differs */
	plans_moment(at.saved_at);
	st = db_plan_version_insert(app->db, plan.id, &at, expected,
	    plans_actor(app), err);
	if (st != PD_OK)
		goto out;
	strbuf_addf(&sum, "saved version %d of the plan: ", expected + 1);
	plan_changed_labels(changed, &sum);
	st = plans_audit(app, "update", "plan", plan.id, client_id, sum.buf,
	    NULL, s->note, err);
	if (st == PD_OK && now != NULL)
		*now = expected + 1;
out:
	plan_sections_fini(&cur);
	strbuf_fini(&sum);
	return plans_finish(app, st, err);
}

enum pd_status
app_plan_merge(struct app *app, int64_t client_id,
    const struct plan_sections *base, const struct plan_sections *mine,
    struct plan_sections *merged, struct plan_sections *theirs,
    int *theirs_version, unsigned *both, struct pd_err *err)
{
	struct plan_info plan;
	struct plan_sections cur;
	enum pd_status st;

	memset(merged, 0, sizeof *merged);
	memset(&cur, 0, sizeof cur);
	if (theirs != NULL)
		memset(theirs, 0, sizeof *theirs);
	if ((st = plans_may(app, client_id, "write wellness plans",
	    "write the wellness plan", err)) != PD_OK)
		return st;
	if ((st = db_begin(app->db, err)) != PD_OK)
		return st;
	st = plans_client(app, client_id, NULL, err);
	if (st == PD_OK)
		st = db_plan_find(app->db, client_id, plans_scope(app), &plan,
		    err);
	if (st == PD_OK && plan.current_version > 0)
		st = db_plan_version_get(app->db, plan.id, 0, 0, &cur, err);
	if (st == PD_OK) {
		*both = plan_sections_merge(base, mine, &cur, merged);
		*theirs_version = plan.current_version;
		if (theirs != NULL)
			plan_sections_copy(theirs, &cur);
	}
	plan_sections_fini(&cur);
	return plans_finish(app, st, err);
}

/* ---- goals ------------------------------------------------------------- */

static enum pd_status
plans_check_goal(const struct plan_doc_goal *g, struct pd_err *err)
{
	enum pd_status s;
	size_t i;

	if (goal_area_str(g->goal.area) == NULL)
		return pd_fail(err, PD_INVALID, "area", "choose one of the "
		    "Five Ways, or an ambition");
	if (str_blank(g->goal.title))
		return pd_fail(err, PD_INVALID, "title", "a goal needs a few "
		    "words to say what it is");
	if (strlen(g->goal.title) > 500)
		return pd_fail(err, PD_INVALID, "title", "please keep the goal "
		    "itself short; the detail can say more");
	if (g->goal.detail != NULL && strlen(g->goal.detail) > PLAN_TEXT_MAX)
		return pd_fail(err, PD_INVALID, "detail", "this is too long");
	if ((s = plans_check_day(g->goal.target_date, "target_date",
	    "The date to aim for", 0, err)) != PD_OK)
		return s;
	if ((s = plans_check_day(g->goal.closed_on, "closed_on",
	    "The date it was closed", 1, err)) != PD_OK)
		return s;
	if ((s = plans_check_day(g->goal.created_on, "created_on",
	    "The date it was set", 1, err)) != PD_OK)
		return s;
	for (i = 0; i < g->n_steps; i++) {
		if (str_blank(g->steps[i].text))
			return pd_fail(err, PD_INVALID, "steps", "step %zu is "
			    "empty", i + 1);
		if (strlen(g->steps[i].text) > 1000)
			return pd_fail(err, PD_INVALID, "steps", "step %zu is "
			    "too long", i + 1);
		if ((s = plans_check_day(g->steps[i].done_on, "steps",
		    "The day a step was done", 1, err)) != PD_OK)
			return s;
	}
	return PD_OK;
}

static bool
plans_same(const char *a, const char *b)
{
	return plan_text_change(a, b) == PLAN_SAME;
}

/* The goal's words changed (not its steps)? */
static bool
plans_goal_words_changed(const struct plan_goal *a, const struct plan_goal *b)
{
	return a->area != b->area || !plans_same(a->title, b->title) ||
	    !plans_same(a->detail, b->detail) ||
	    !plans_same(a->set_by, b->set_by) ||
	    strcmp(a->target_date, b->target_date) != 0 ||
	    strcmp(a->closed_on, b->closed_on) != 0;
}

char *
plans_goal_describe(const struct plan_doc_goal *g)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	strbuf_addf(&sb, "area: %s\ngoal: %s\n", goal_area_label(g->goal.area),
	    g->goal.title ? g->goal.title : "");
	if (!str_blank(g->goal.detail))
		strbuf_addf(&sb, "detail: %s\n", g->goal.detail);
	if (!str_blank(g->goal.set_by))
		strbuf_addf(&sb, "set by: %s\n", g->goal.set_by);
	if (g->goal.target_date[0] != '\0')
		strbuf_addf(&sb, "aim for: %s\n", g->goal.target_date);
	if (g->goal.closed_on[0] != '\0')
		strbuf_addf(&sb, "closed on: %s\n", g->goal.closed_on);
	for (i = 0; i < g->n_steps; i++)
		strbuf_addf(&sb, "step: %s%s%s\n", g->steps[i].text,
		    g->steps[i].done_on[0] ? ", done " : "",
		    g->steps[i].done_on);
	return strbuf_detach(&sb);
}

static int
plans_collect_step(void *arg, const struct goal_step *row)
{
	plan_doc_goal_add_step(arg, row, 0);
	return 0;
}

/* Bring the goal's steps in line with want's; *changed counts changes. */
static enum pd_status
plans_sync_steps(struct app *app, struct plan_doc_goal *want,
    const struct plan_doc_goal *have, int *changed, struct pd_err *err)
{
	enum pd_status s = PD_OK;
	size_t i, j;

	for (i = 0; s == PD_OK && i < want->n_steps; i++) {
		struct goal_step *st = &want->steps[i];
		const struct goal_step *old = NULL;

		st->goal_id = want->goal.id;
		st->position = (int)i + 1;
		for (j = 0; st->id > 0 && j < have->n_steps; j++)
			if (have->steps[j].id == st->id)
				old = &have->steps[j];
		if (st->id > 0 && old == NULL)
			return pd_fail(err, PD_NOT_FOUND, "steps", "step %zu "
			    "is not one of this goal's steps", i + 1);
		if (old == NULL) {
			s = db_goal_step_insert(app->db, st, err);
			(*changed)++;
		} else if (old->position != st->position ||
		    !plans_same(old->text, st->text) ||
		    strcmp(old->done_on, st->done_on) != 0) {
			s = db_goal_step_update(app->db, st, err);
			(*changed)++;
		}
	}
	for (j = 0; s == PD_OK && j < have->n_steps; j++) {
		int kept = 0;

		for (i = 0; i < want->n_steps; i++)
			kept |= want->steps[i].id == have->steps[j].id;
		if (!kept) {
			s = db_goal_step_delete(app->db, have->steps[j].id,
			    err);
			(*changed)++;
		}
	}
	return s;
}

enum pd_status
app_goal_save(struct app *app, int64_t client_id, struct plan_doc_goal *g,
    struct pd_err *err)
{
	struct plan_info plan;
	struct plan_doc_goal have;
	struct goal_list l = { NULL, 0 };
	char *before = NULL, *after = NULL, *sum = NULL;
	enum pd_status s;
	size_t i;
	int steps_changed = 0, words;

	if ((s = plans_may(app, client_id, "write wellness plans",
	    "write the wellness plan", err)) != PD_OK)
		return s;
	if ((s = plans_check_goal(g, err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	memset(&have, 0, sizeof have);
	s = plans_client(app, client_id, NULL, err);
	if (s == PD_OK)
		s = db_plan_get_or_create(app->db, client_id, plans_scope(app),
		    &plan, err);
	if (s == PD_OK)
		s = db_goal_list(app->db, plan.id, 0, plans_goal_cb, &l, err);
	if (s != PD_OK)
		goto out;
	for (i = 0; g->goal.id > 0 && i < l.n; i++)
		if (l.g[i].id == g->goal.id)
			plan_goal_copy(&have.goal, &l.g[i]);
	if (g->goal.id > 0 && have.goal.id == 0) {
		s = pd_fail(err, PD_NOT_FOUND, NULL, "that goal is not part of "
		    "this plan any more");
		goto out;
	}
	g->goal.plan_id = plan.id;
	if (g->goal.id == 0) {
		g->goal.position = (int)l.n + 1;
		s = db_goal_insert(app->db, &g->goal, err);
		words = 1;
	} else {
		s = db_goal_step_list(app->db, g->goal.id, 0,
		    plans_collect_step, &have, err);
		if (g->goal.created_on[0] == '\0')
			memcpy(g->goal.created_on, have.goal.created_on, 11);
		g->goal.position = have.goal.position;
		words = plans_goal_words_changed(&have.goal, &g->goal);
		if (s == PD_OK && words)
			s = db_goal_update(app->db, &g->goal, err);
	}
	if (s == PD_OK)
		s = plans_sync_steps(app, g, &have, &steps_changed, err);
	if (s != PD_OK || (!words && steps_changed == 0))
		goto out;
	if (have.goal.id > 0)
		before = plans_goal_describe(&have);
	after = plans_goal_describe(g);
	sum = xasprintf("%s goal \"%s\"", have.goal.id == 0 ? "new" :
	    words ? "changed the" : "changed the steps of the", g->goal.title);
	s = plans_audit(app, have.goal.id == 0 ? "create" : words ? "update" :
	    "steps", "plan_goal", g->goal.id, client_id, sum, before, after,
	    err);
out:
	free(before);
	free(after);
	free(sum);
	plans_goal_list_fini(&l);
	plan_goal_fini(&have.goal);
	for (i = 0; i < have.n_steps; i++)
		goal_step_fini(&have.steps[i]);
	free(have.steps);
	free(have.step_line);
	return plans_finish(app, s, err);
}

/* ---- reviews and notes ------------------------------------------------- */

/* Each score given is -2 to +2, and at least one is given. */
static enum pd_status
plans_check_scores(const struct goal_score_in *scores, size_t n,
    struct pd_err *err)
{
	size_t i, given = 0;

	for (i = 0; i < n; i++) {
		if (scores[i].score == GOAL_SCORE_NONE)
			continue;
		if (scores[i].score < GOAL_SCORE_MIN ||
		    scores[i].score > GOAL_SCORE_MAX)
			return pd_fail(err, PD_INVALID, "score", "a score goes "
			    "from -2 to +2");
		given++;
	}
	if (given == 0)
		return pd_fail(err, PD_INVALID, "score", "give at least one "
		    "goal a score");
	return PD_OK;
}

enum pd_status
app_plan_review(struct app *app, int64_t client_id, const char *on,
    int64_t review_id, const struct goal_score_in *scores, size_t n,
    struct pd_err *err)
{
	struct plan_info plan;
	struct goal_list l = { NULL, 0 };
	struct strbuf sum = STRBUF_INIT, before = STRBUF_INIT;
	char day[11], v[4], w[4], longday[20];
	enum pd_status s;
	size_t i, j;

	if ((s = app_require(app, APP_ANYONE, "record reviews", err)) != PD_OK)
		return s;
	if ((s = access_client(app, client_id, "record a review of the plan",
	    err)) != PD_OK)
		return s;
	if (on == NULL || on[0] == '\0')
		app_today(day);
	else
		snprintf(day, sizeof day, "%s", on);
	if ((s = plans_check_day(on ? on : "", "on", "The review date", 1,
	    err)) != PD_OK)
		return s;
	if ((s = plans_check_scores(scores, n, err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = plans_client(app, client_id, NULL, err);
	if (s == PD_OK)
		s = db_plan_find(app->db, client_id, plans_scope(app), &plan,
		    err);
	if (s == PD_OK)
		s = db_goal_list(app->db, plan.id, 0, plans_goal_cb, &l, err);
	strbuf_addf(&sum, "Review on %s:", plan_long_date(day, longday));
	for (i = 0; s == PD_OK && i < n; i++) {
		const struct plan_goal *g = NULL;
		int old;

		if (scores[i].score == GOAL_SCORE_NONE)
			continue;
		for (j = 0; j < l.n; j++)
			if (l.g[j].id == scores[i].goal_id)
				g = &l.g[j];
		if (g == NULL) {
			s = pd_fail(err, PD_NOT_FOUND, "score", "goal %lld is "
			    "not part of this plan",
			    (long long)scores[i].goal_id);
			break;
		}
		s = db_goal_score_on(app->db, g->id, day, &old, NULL);
		if (s == PD_OK) {
			strbuf_addf(&before, "%s \"%s\": %s\n",
			    goal_area_label(g->area), g->title,
			    goal_score_str(old, w));
			s = db_goal_score_delete_day(app->db, g->id, day, err);
		} else if (s == PD_NOT_FOUND) {
			s = PD_OK;
		}
		if (s == PD_OK)
			s = db_goal_score_insert(app->db, g->id, day,
			    scores[i].score, review_id, plans_actor(app), err);
		strbuf_addf(&sum, " %s \"%s\" %s;", goal_area_label(g->area),
		    g->title, goal_score_str(scores[i].score, v));
	}
	if (s == PD_OK) {
		strbuf_truncate(&sum, sum.len - 1);
		s = plans_audit(app, "review", "plan", plan.id, client_id,
		    sum.buf, before.len ? before.buf : NULL, NULL, err);
	}
	strbuf_fini(&sum);
	strbuf_fini(&before);
	plans_goal_list_fini(&l);
	return plans_finish(app, s, err);
}

enum pd_status
app_plan_restore(struct app *app, int64_t client_id, int version_no,
    int expected, int *now, struct pd_err *err)
{
	struct plan_info plan;
	struct plan_sections old, cur;
	struct strbuf note = STRBUF_INIT, sum = STRBUF_INIT;
	enum pd_status st;
	unsigned changed;
	char *was_note;
	int base;

	if ((st = app_require(app, APP_ANYONE, "write wellness plans", err))
	    != PD_OK)
		return st;
	if ((st = access_client(app, client_id,
	    "bring back a version of the wellness plan", err)) != PD_OK)
		return st;
	if (version_no < 1)
		return pd_fail(err, PD_INVALID, "version",
		    "A version is a number from 1, as the plan's history "
		    "shows them.");
	if ((st = db_begin(app->db, err)) != PD_OK)
		return st;
	memset(&old, 0, sizeof old);
	memset(&cur, 0, sizeof cur);
	st = plans_client(app, client_id, NULL, err);
	if (st == PD_OK)
		st = db_plan_get_or_create(app->db, client_id, plans_scope(app),
		    &plan, err);
	if (st != PD_OK)
		goto out;
	/* someone saved since the history was read: the insert below
	 * says who, and writes nothing */
	base = expected >= 0 ? expected : plan.current_version;
	if (version_no >= plan.current_version && base ==
	    plan.current_version) {
		st = version_no == plan.current_version ?
		    pd_fail(err, PD_INVALID, "version", "Version %d is the "
		    "plan as it is now; there is nothing to bring back.",
		    version_no) :
		    pd_fail(err, PD_NOT_FOUND, "version", "The plan has no "
		    "version %d (it is at version %d).", version_no,
		    plan.current_version);
		goto out;
	}
	if ((st = db_plan_version_get(app->db, plan.id, version_no, 0, &old,
	    err)) != PD_OK ||
	    (plan.current_version > 0 && (st = db_plan_version_get(app->db,
	    plan.id, 0, 0, &cur, err)) != PD_OK))
		goto out;
	changed = plan_sections_changed(&cur, &old);
	strbuf_addf(&note, "brought back version %d", version_no);
	was_note = old.note;
	old.note = note.buf;
	plans_moment(old.saved_at);
	st = db_plan_version_insert(app->db, plan.id, &old, base,
	    plans_actor(app), err);
	old.note = was_note;
	if (st != PD_OK)
		goto out;
	strbuf_addf(&sum, "brought back version %d of the plan as version "
	    "%d", version_no, plan.current_version + 1);
	if (changed != 0) {
		strbuf_adds(&sum, ": ");
		plan_changed_labels(changed, &sum);
	}
	st = plans_audit(app, "update", "plan", plan.id, client_id, sum.buf,
	    NULL, note.buf, err);
	if (st == PD_OK && now != NULL)
		*now = plan.current_version + 1;
out:
	plan_sections_fini(&old);
	plan_sections_fini(&cur);
	strbuf_fini(&note);
	strbuf_fini(&sum);
	return plans_finish(app, st, err);
}

enum pd_status
app_plan_note_remove(struct app *app, int64_t client_id, int64_t note_id,
    const char *reason, struct pd_err *err)
{
	struct plan_note note;
	struct strbuf sum = STRBUF_INIT, before = STRBUF_INIT;
	enum pd_status st;

	if ((st = app_require(app, APP_ANYONE, "write wellness plans", err))
	    != PD_OK)
		return st;
	if ((st = access_client(app, client_id,
	    "remove a note from the wellness plan", err)) != PD_OK)
		return st;
	if (reason == NULL || str_blank(reason))
		return pd_fail(err, PD_INVALID, "reason", "Say why the note "
		    "is removed (the reason is kept in the audit trail).");
	if (strlen(reason) > 500)
		return pd_fail(err, PD_INVALID, "reason",
		    "The reason is too long (500 characters at most).");
	if ((st = db_begin(app->db, err)) != PD_OK)
		return st;
	memset(&note, 0, sizeof note);
	st = plans_client(app, client_id, NULL, err);
	if (st == PD_OK)
		st = db_plan_note_get(app->db, client_id, note_id,
		    plans_scope(app), &note, err);
	if (st != PD_OK)
		goto out;
	/* Notes belong to whoever wrote them: a PAL removes only their
	 * own (a slip put right); office staff and managers any. */
	if (plans_scope(app) != 0 && note.author_id != plans_actor(app)) {
		st = pd_fail(err, PD_DENIED, NULL, "You can remove only notes "
		    "you wrote yourself; ask the office to remove this one.");
		goto out;
	}
	if ((st = db_plan_note_delete(app->db, note_id, err)) != PD_OK)
		goto out;
	strbuf_addf(&sum, "removed note %lld of %s from the plan",
	    (long long)note_id, note.written_on);
	strbuf_addf(&before, "written on %s by %s\n%s", note.written_on,
	    note.author_name ? note.author_name : "(someone)",
	    note.text ? note.text : "");
	/* the words go to audit_detail */
	st = app_audit(app, "delete", "plan_note", note_id, client_id,
	    sum.buf, before.buf, NULL, reason, err);
out:
	plan_note_fini(&note);
	strbuf_fini(&sum);
	strbuf_fini(&before);
	return plans_finish(app, st, err);
}

enum pd_status
app_plan_note_add(struct app *app, int64_t client_id, const char *on,
    const char *text, int64_t *id, struct pd_err *err)
{
	struct plan_info plan;
	struct plan_note note;
	enum pd_status s;

	if ((s = plans_may(app, client_id, "write wellness plans",
	    "add a note to the wellness plan", err)) != PD_OK)
		return s;
	if (str_blank(text))
		return pd_fail(err, PD_INVALID, "text", "the note is empty");
	if (strlen(text) > PLAN_TEXT_MAX)
		return pd_fail(err, PD_INVALID, "text", "the note is too long");
	if ((s = plans_check_day(on, "written_on", "The note's date", 1, err))
	    != PD_OK)
		return s;
	memset(&note, 0, sizeof note);
	snprintf(note.written_on, sizeof note.written_on, "%s", on ? on : "");
	note.author_id = plans_actor(app);
	note.text = (char *)(uintptr_t)text;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = plans_client(app, client_id, NULL, err);
	if (s == PD_OK)
		s = db_plan_get_or_create(app->db, client_id, plans_scope(app),
		    &plan, err);
	if (s == PD_OK) {
		note.plan_id = plan.id;
		s = db_plan_note_insert(app->db, &note, err);
	}
	if (s == PD_OK)
		s = plans_audit(app, "create", "plan_note", note.id,
		    client_id, "added a note to the plan", NULL, text, err);
	if (s == PD_OK && id != NULL)
		*id = note.id;
	return plans_finish(app, s, err);
}

/* ---- established ------------------------------------------------------- */

enum pd_status
app_plan_establish(struct app *app, int64_t client_id, const char *on,
    struct pd_err *err)
{
	struct plan_info plan;
	char day[11], *sum = NULL;
	enum pd_status s;

	if ((s = app_require(app, APP_MANAGER, "mark plans established", err))
	    != PD_OK)
		return s;
	if ((s = plans_check_day(on, "on", "The date", 1, err)) != PD_OK)
		return s;
	if (on == NULL || on[0] == '\0')
		app_today(day);
	else
		snprintf(day, sizeof day, "%s", on);
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = plans_client(app, client_id, NULL, err);
	if (s == PD_OK && (s = db_plan_find(app->db, client_id,
	    plans_scope(app), &plan, NULL)) == PD_NOT_FOUND)
		s = pd_fail(err, PD_INVALID, NULL, "this client has no plan "
		    "yet: write it with them first");
	if (s == PD_OK && plan.current_version == 0)
		s = pd_fail(err, PD_INVALID, NULL, "the plan's sections have "
		    "not been saved yet: write them with the client first");
	if (s == PD_OK && plan.status == PLAN_ESTABLISHED)
		s = pd_fail(err, PD_DUPLICATE, NULL, "the plan is already "
		    "established (since %s)", plan.established_on);
	if (s == PD_OK)
		s = db_plan_set_established(app->db, plan.id, day,
		    plans_actor(app), err);
	if (s == PD_OK) {
		sum = xasprintf("marked the plan established on %s", day);
		s = plans_audit(app, "establish", "plan", plan.id, client_id,
		    sum, NULL, NULL, err);
		free(sum);
	}
	return plans_finish(app, s, err);
}
