/* goal.c - a goal of the plan (goal_edit_screen: its words and its
 * steps, one a line), a review of the plan (plan_review_screen: a score
 * for each open goal on one date) and a dated note (plan_note_screen). */
#include "peerdesk/tui/screens.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/plans.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/plandiff.h"
#include "peerdesk/model/today.h"
#include "peerdesk/tui/field.h"
#include "peerdesk/tui/form.h"
#include "plan_priv.h"

/* ---- one goal ------------------------------------------------------------ */

struct goal_rec {
	int area;
	char *title, *detail, *set_by, *steps;
	char target[11], closed[11];
	int64_t client_id;
	struct plan_doc_goal g;	/* as loaded: ids, version, steps */
	int conflict;
};

static const struct field_choice goal_areas[] = {
	{ GOAL_AMBITION, "An ambition" }, { GOAL_CONNECT, "Connect" },
	{ GOAL_BE_ACTIVE, "Be active" }, { GOAL_TAKE_NOTICE, "Take notice" },
	{ GOAL_LEARN, "Learn" }, { GOAL_GIVE, "Give" }, { 0, NULL }
};

static const struct field_def goal_fields[] = {
	{ .id = "area", .label = "Kind of goal", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct goal_rec, area), .choices = goal_areas,
	  .width = 16, .required = true, .help = "An ambition (section 1), "
	  "or one of the Five Ways to Wellbeing." },
	{ .id = "title", .label = "The goal", .kind = FIELD_TEXT,
	  .offset = offsetof(struct goal_rec, title), .required = true,
	  .max_len = 300, .help = "In the client's own words." },
	{ .id = "detail", .label = "What, how much, when", .kind =
	  FIELD_MULTILINE, .offset = offsetof(struct goal_rec, detail),
	  .height = 3, .help = "SMART: specific, measurable, achievable, "
	  "realistic, with a time." },
	{ .id = "set_by", .label = "Who set it", .kind = FIELD_TEXT,
	  .offset = offsetof(struct goal_rec, set_by), .max_len = 100,
	  .help = "For example: me; me and Jo; my daughter and me." },
	{ .id = "target_date", .label = "Aiming for", .kind = FIELD_DATE,
	  .offset = offsetof(struct goal_rec, target), .width = 12 },
	{ .id = "steps", .label = "Steps, one a line", .kind =
	  FIELD_MULTILINE, .offset = offsetof(struct goal_rec, steps),
	  .height = 4, .help = "One small step on each line. Put [x] at the "
	  "start of a line when that step is done." },
	{ .id = "closed_on", .label = "Closed on", .kind = FIELD_DATE,
	  .offset = offsetof(struct goal_rec, closed), .width = 12,
	  .help = "When the goal is finished with (met, or let go)." },
	{ .id = NULL }
};

static void
goal_rec_init(void *rec)
{
	struct goal_rec *r = rec;

	memset(r, 0, sizeof *r);
	r->area = GOAL_CONNECT;
}

static void
goal_rec_fini(void *rec)
{
	struct goal_rec *r = rec;

	FREE(&r->title);
	FREE(&r->detail);
	FREE(&r->set_by);
	FREE(&r->steps);
	plan_doc_goal_fini(&r->g);
}

/* The goal id of client's plan as loaded now into *out. */
static enum pd_status
goal_fetch(void *app, int64_t client_id, int64_t id, struct plan_doc_goal *out,
    struct pd_err *err)
{
	struct plan_doc doc;
	struct plan_doc_goal *g;
	enum pd_status s;
	size_t i;

	memset(out, 0, sizeof *out);
	if ((s = app_plan_load(app, client_id, &doc, err)) != PD_OK)
		return s;
	g = plan_doc_goal_by_id(&doc, id);
	if (g == NULL) {
		plan_doc_fini(&doc);
		return pd_fail(err, PD_NOT_FOUND, NULL, "that goal is not in "
		    "this plan any more");
	}
	plan_goal_copy(&out->goal, &g->goal);
	for (i = 0; i < g->n_steps; i++)
		plan_doc_goal_add_step(out, &g->steps[i], 0);
	plan_doc_fini(&doc);
	return PD_OK;
}

/* Goal goal_id of client_id's plan, as saved now, into the form's r. */
static enum pd_status
goal_read(void *app, int64_t client_id, int64_t goal_id, struct goal_rec *r,
    struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	enum pd_status s;
	size_t i;

	r->client_id = client_id;
	if ((s = goal_fetch(app, client_id, goal_id, &r->g, err)) != PD_OK)
		return s;
	r->area = (int)r->g.goal.area;
	r->title = xstrdup(r->g.goal.title);
	r->detail = xstrdup(r->g.goal.detail);
	r->set_by = xstrdup(r->g.goal.set_by);
	memcpy(r->target, r->g.goal.target_date, 11);
	memcpy(r->closed, r->g.goal.closed_on, 11);
	for (i = 0; i < r->g.n_steps; i++)
		strbuf_addf(&sb, "%s%s%s", i > 0 ? "\n" : "",
		    r->g.steps[i].done_on[0] ? "[x] " : "", r->g.steps[i].text);
	r->steps = strbuf_detach(&sb);
	return PD_OK;
}

static enum pd_status
goal_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	const struct goal_edit_arg *a = arg;
	struct goal_rec *r = rec;

	if (a == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which plan?");
	r->client_id = a->client_id;
	r->area = a->area;
	if (a->goal_id == 0)
		return PD_OK;
	return goal_read(app, a->client_id, a->goal_id, r, err);
}

/* The goal as saved now, for a merge when someone saved it first. */
static enum pd_status
goal_fetch_rec(void *app, const void *mine, void *theirs, struct pd_err *err)
{
	const struct goal_rec *m = mine;

	if (m->g.goal.id == 0)
		return pd_fail(err, PD_NOT_FOUND, NULL, "this goal was never "
		    "saved");
	return goal_read(app, m->client_id, m->g.goal.id, theirs, err);
}

/* The steps text as steps: "[x] " marks a done one; lines matching a
 * step as loaded keep its id and the day it was done. */
static void
goal_parse_steps(const struct goal_rec *r, struct plan_doc_goal *out)
{
	const char *p = r->steps ? r->steps : "";
	char today[11], *used;

	date_format(today_get(), today);
	used = xcalloc(r->g.n_steps + 1, 1);
	while (*p != '\0') {
		size_t n = strcspn(p, "\n"), j;
		char *line = xstrndup(p, n), *t = line, *end;
		struct goal_step st;
		int done = 0;

		p += n + (p[n] == '\n');
		while (*t == ' ' || *t == '\t')
			t++;
		if (strncmp(t, "[x]", 3) == 0 || strncmp(t, "[X]", 3) == 0) {
			done = 1;
			t += 3;
		} else if (strncmp(t, "[ ]", 3) == 0) {
			t += 3;
		}
		while (*t == ' ' || *t == '\t')
			t++;
		end = t + strlen(t);
		while (end > t && (end[-1] == ' ' || end[-1] == '\t' ||
		    end[-1] == '\r'))
			*--end = '\0';
		if (*t == '\0') {
			free(line);
			continue;
		}
		memset(&st, 0, sizeof st);
		st.text = t;
		for (j = 0; j < r->g.n_steps; j++)
			if (!used[j] && strcmp(r->g.steps[j].text, t) == 0) {
				used[j] = 1;
				st.id = r->g.steps[j].id;
				memcpy(st.done_on, r->g.steps[j].done_on, 11);
				break;
			}
		if (!done)
			st.done_on[0] = '\0';
		else if (st.done_on[0] == '\0')
			memcpy(st.done_on, today, 11);
		plan_doc_goal_add_step(out, &st, 0);
		free(line);
	}
	free(used);
}

static enum pd_status
goal_save(void *app, void *rec, struct pd_err *err)
{
	struct goal_rec *r = rec;
	struct plan_doc_goal g;
	enum pd_status s;

	memset(&g, 0, sizeof g);
	plan_goal_copy(&g.goal, &r->g.goal);
	g.goal.area = (enum goal_area)r->area;
	free(g.goal.title);
	g.goal.title = xstrdup(r->title);
	free(g.goal.detail);
	g.goal.detail = xstrdup(r->detail);
	free(g.goal.set_by);
	g.goal.set_by = xstrdup(r->set_by);
	memcpy(g.goal.target_date, r->target, 11);
	memcpy(g.goal.closed_on, r->closed, 11);
	goal_parse_steps(r, &g);
	/* a conflict: the form merges field by field (goal_fetch_rec) */
	s = app_goal_save(app, r->client_id, &g, err);
	plan_doc_goal_fini(&g);
	return s;
}

static const struct form_def goal_form = {
	.fields = goal_fields,
	.rec_size = sizeof(struct goal_rec),
	.rec_init = goal_rec_init,
	.rec_fini = goal_rec_fini,
	.load = goal_load,
	.save = goal_save,
	.fetch = goal_fetch_rec,
	.saved_message = "Saved the goal.",
};

const struct screen_ops goal_edit_screen = {
	.name = "goal",
	.title = "A goal",
	.def = &goal_form,
	.help = "A goal in the client's own words: an ambition, or one of "
	    "the Five Ways to Wellbeing (Connect, Be active, Take notice, "
	    "Learn, Give) with small steps. Scores are given at a review "
	    "(r on the plan).",
	FORM_SCREEN_CALLBACKS
};

/* ---- a note ------------------------------------------------------------ */

struct note_rec {
	char on[11];
	char *text;
	int64_t client_id;
};

static const struct field_def note_fields[] = {
	{ .id = "written_on", .label = "Date", .kind = FIELD_DATE,
	  .offset = offsetof(struct note_rec, on), .width = 12,
	  .required = true },
	{ .id = "text", .label = "The note", .kind = FIELD_MULTILINE,
	  .offset = offsetof(struct note_rec, text), .height = 5,
	  .required = true, .max_len = PLAN_TEXT_MAX },
	{ .id = NULL }
};

static void
note_rec_fini(void *rec)
{
	FREE(&((struct note_rec *)rec)->text);
}

static enum pd_status
note_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	struct note_rec *r = rec;

	(void)app;
	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which plan?");
	r->client_id = *(const int64_t *)arg;
	date_format(today_get(), r->on);
	return PD_OK;
}

static enum pd_status
note_save(void *app, void *rec, struct pd_err *err)
{
	struct note_rec *r = rec;

	return app_plan_note_add(app, r->client_id, r->on, r->text, NULL,
	    err);
}

static const struct form_def note_form = {
	.fields = note_fields,
	.rec_size = sizeof(struct note_rec),
	.rec_fini = note_rec_fini,
	.load = note_load,
	.save = note_save,
	.saved_message = "Added the note to the plan.",
};

const struct screen_ops plan_note_screen = {
	.name = "plan_note",
	.title = "A note for the plan",
	.def = &note_form,
	.help = "A dated note in the plan's loose leaves (section 9): "
	    "anything the client wants to keep with it.",
	FORM_SCREEN_CALLBACKS
};

/* ---- a review: every open goal scored ------------------------------------ */

#define REVIEW_TOP 2		/* rows above the goals */

struct review_ui {
	int64_t client_id;
	struct plan_doc doc;
	size_t *goal;		/* open goals: indexes into doc.goals */
	int *score;		/* per open goal, GOAL_SCORE_NONE = none */
	size_t n;
	char date[16];
	size_t focus;		/* 0 the date, 1..n a goal, n+1 the button */
	int scroll;
	int dirty;
	bool minus;		/* '-' typed: the next digit is negative */
	int64_t review_id;	/* at an assignment review, else 0 */
	bool fixed;		/* the date is the review's: not edited */
};

static const char *const review_sections[] = { "list", "choice", "edit",
	"form", NULL };

/* The scores of client_id's open goals, on a date the person may change
 * (plan_review_screen), or on the day of assignment review review_id
 * (plan_review_at_screen: the date is fixed). */
static enum pd_status
review_start(struct screen *s, int64_t client_id, const char *on,
    int64_t review_id, struct pd_err *err)
{
	struct review_ui *st = s->state;
	enum pd_status rc;
	size_t i;

	st->client_id = client_id;
	if ((rc = app_plan_load(s->app, st->client_id, &st->doc, err)) !=
	    PD_OK)
		return rc;
	st->goal = xcalloc(st->doc.n_goals + 1, sizeof *st->goal);
	st->score = xcalloc(st->doc.n_goals + 1, sizeof *st->score);
	for (i = 0; i < st->doc.n_goals; i++) {
		if (st->doc.goals[i].goal.closed_on[0] != '\0')
			continue;
		st->score[st->n] = GOAL_SCORE_NONE;
		st->goal[st->n++] = i;
	}
	if (st->n == 0)	/* review_leave frees what is here */
		return pd_fail(err, PD_INVALID, NULL, "this plan has no open "
		    "goals to score yet: add one first (a)");
	if (on != NULL && on[0] != '\0') {
		snprintf(st->date, sizeof st->date, "%s", on);
		st->fixed = true;
		st->review_id = review_id;
	} else
		tui_today(s->ui, st->date);
	st->focus = 1;
	return PD_OK;
}

static enum pd_status
review_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which plan?");
	return review_start(s, *(const int64_t *)arg, NULL, 0, err);
}

static enum pd_status
review_at_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	const struct plan_review_arg *a = arg;
	char day[20], title[80];
	enum pd_status rc;

	if (a == NULL || a->on[0] == '\0')
		return pd_fail(err, PD_INVALID, NULL, "which review?");
	if ((rc = review_start(s, a->client_id, a->on, a->review_id, err)) !=
	    PD_OK)
		return rc;
	snprintf(title, sizeof title, "Goal scores at the review on %s",
	    plan_long_date(a->on, day));
	screen_set_title(s, title);
	return PD_OK;
}

static void
review_leave(struct screen *s)
{
	struct review_ui *st = s->state;

	plan_doc_fini(&st->doc);
	FREE(&st->goal);
	FREE(&st->score);
}

/* Keep the focused row on screen (each goal takes two rows). */
static void
review_show_focus(struct screen *s)
{
	struct review_ui *st = s->state;
	int h = s->area.h - REVIEW_TOP - 2, y;

	if (st->focus == 0 || h < 2)
		return;
	y = (int)(st->focus > st->n ? st->n : st->focus - 1) * 2;
	if (y < st->scroll)
		st->scroll = y;
	if (y + 2 > st->scroll + h)
		st->scroll = y + 2 - h;
}

static void
review_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct review_ui *st = s->state;
	struct strbuf line = STRBUF_INIT;
	int x = s->area.x, w = s->area.w, y = s->area.y;
	int h = s->area.h - REVIEW_TOP - 2, row;
	size_t i;
	char v[4], d[8], d20[20];

	draw_text(y, x, 16, "Review on", st->focus == 0 ? ST_TITLE :
	    ST_LABEL);
	if (st->fixed)
		draw_text(y, x + 10, w - 10, plan_long_date(st->date, d20),
		    ST_NORMAL);
	else
		draw_text_pad(y, x + 10, 12, st->date, st->focus == 0 ?
		    ST_FOCUS : ST_FIELD);
	if (st->focus == 0) {
		cur->y = y;
		cur->x = x + 10 + (int)strlen(st->date);
	}
	draw_text(y + 1, x, w, "Each goal: -2 to +2 (Left, Right)", ST_DIM);
	for (i = 0; i < st->n; i++) {
		const struct plan_doc_goal *g = &st->doc.goals[st->goal[i]];
		struct goal_progress p;
		int focus = st->focus == i + 1;

		row = (int)i * 2 - st->scroll;
		if (row < 0 || row + 1 >= h + 1)
			continue;
		strbuf_reset(&line);
		strbuf_addf(&line, "%s: %s", goal_area_label(g->goal.area),
		    g->goal.title);
		draw_text(y + REVIEW_TOP + row, x, w, line.buf, focus ?
		    ST_TITLE : ST_NORMAL);
		goal_progress_of(g->scores, g->n_scores, &p);
		strbuf_reset(&line);
		if (p.n == 0)
			strbuf_adds(&line, "  not scored yet");
		else
			strbuf_addf(&line, "  last %s (%s)",
			    goal_score_str(p.latest, v),
			    plan_short_date(p.latest_on, d));
		draw_text(y + REVIEW_TOP + row + 1, x, w - 14, line.buf,
		    ST_DIM);
		strbuf_reset(&line);
		strbuf_addf(&line, "\u25c2 %2s \u25b8", focus && st->minus ?
		    "-" : st->score[i] == GOAL_SCORE_NONE ? "" :
		    goal_score_str(st->score[i], v));
		draw_text(y + REVIEW_TOP + row + 1, x + w - 12, 4, "now",
		    ST_LABEL);
		draw_text(y + REVIEW_TOP + row + 1, x + w - 8, 7, line.buf,
		    focus ? ST_FOCUS : ST_FIELD);
		if (focus) {
			cur->y = y + REVIEW_TOP + row + 1;
			cur->x = x + w - 6;
		}
	}
	row = s->area.y + s->area.h - 1;
	draw_text(row, x, 20, "[ Save the review ]", st->focus > st->n ?
	    ST_FOCUS : ST_BUTTON);
	if (st->focus > st->n) {
		cur->y = row;
		cur->x = x + 2;
	}
	strbuf_fini(&line);
}

static void
review_save(struct screen *s)
{
	struct review_ui *st = s->state;
	struct goal_score_in *in = xcalloc(st->n, sizeof *in);
	struct pd_err err;
	char today[11], day[11];
	size_t i, scored = 0;

	for (i = 0; i < st->n; i++) {
		in[i].goal_id = st->doc.goals[st->goal[i]].goal.id;
		in[i].score = st->score[i];
		scored += st->score[i] != GOAL_SCORE_NONE;
	}
	if (field_parse_date(st->date, tui_today(s->ui, today), day, &err) !=
	    PD_OK) {
		st->focus = 0;
		tui_error(s->ui, "Not saved: the date: %s", err.msg);
	} else if (app_plan_review(s->app, st->client_id, day, st->review_id,
	    in, st->n, &err) != PD_OK) {
		if (strcmp(err.field, "on") == 0)
			st->focus = 0;
		tui_error(s->ui, "Not saved: %s", err.msg);
	} else {
		tui_message(s->ui, "Review recorded: %zu goal%s scored.",
		    scored, scored == 1 ? "" : "s");
		st->dirty = 0;
		screen_close(s, SCREEN_OK, -1, NULL);
	}
	free(in);
}

static void
review_set(struct review_ui *st, int v)
{
	if (st->focus < 1 || st->focus > st->n)
		return;
	st->score[st->focus - 1] = v;
	st->dirty = 1;
}

static enum tui_result
review_on_action(struct screen *s, enum action a)
{
	struct review_ui *st = s->state;
	int *sc = st->focus >= 1 && st->focus <= st->n ?
	    &st->score[st->focus - 1] : NULL;

	st->minus = false;
	switch (a) {
	case ACT_UP:
	case ACT_PREV_FIELD:
		if (st->focus > (st->fixed ? 1u : 0u))
			st->focus--;
		break;
	case ACT_DOWN:
	case ACT_NEXT_FIELD:
		if (st->focus <= st->n)
			st->focus++;
		break;
	case ACT_OPEN:
	case ACT_ACCEPT:
		if (st->focus > st->n) {
			review_save(s);
			return TUI_HANDLED;
		}
		st->focus++;
		break;
	case ACT_SAVE:
		review_save(s);
		return TUI_HANDLED;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (sc == NULL)
			return TUI_HANDLED;
		if (*sc == GOAL_SCORE_NONE)
			review_set(st, 0);
		else if (a == ACT_LEFT && *sc > GOAL_SCORE_MIN)
			review_set(st, *sc - 1);
		else if (a == ACT_RIGHT && *sc < GOAL_SCORE_MAX)
			review_set(st, *sc + 1);
		break;
	case ACT_DELETE_BACK:
	case ACT_DELETE:
		if (st->focus == 0 && st->date[0] != '\0')
			st->date[strlen(st->date) - 1] = '\0';
		else
			review_set(st, GOAL_SCORE_NONE);
		break;
	default:
		return TUI_UNHANDLED;
	}
	review_show_focus(s);
	return TUI_HANDLED;
}

static enum tui_result
review_on_text(struct screen *s, struct tui_key k)
{
	struct review_ui *st = s->state;
	size_t len = strlen(st->date);
	int *sc;

	if (st->focus == 0) {
		if (k.code < 0x20 || k.code > 0x7e)
			return TUI_UNHANDLED;
		if (len + 1 < sizeof st->date) {
			st->date[len] = (char)k.code;
			st->date[len + 1] = '\0';
		}
		st->dirty = 1;
		return TUI_HANDLED;
	}
	if (st->focus > st->n)
		return TUI_UNHANDLED;
	sc = &st->score[st->focus - 1];
	(void)sc;
	switch (k.code) {
	case '0': case '1': case '2':
		review_set(st, st->minus ? -(k.code - '0') : k.code - '0');
		st->minus = false;
		return TUI_HANDLED;
	case '-':
		st->minus = true;
		return TUI_HANDLED;
	case '+':
		st->minus = false;
		return TUI_HANDLED;
	case ' ':
		st->minus = false;
		review_set(st, GOAL_SCORE_NONE);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static bool
review_is_dirty(const struct screen *s)
{
	return ((const struct review_ui *)s->state)->dirty != 0;
}

static bool
review_text_focus(const struct screen *s)
{
	return ((const struct review_ui *)s->state)->focus == 0;
}

static void
review_layout(struct screen *s)
{
	review_show_focus(s);
}

static const enum action review_hints[] = {
	ACT_SAVE, ACT_BACK, ACT_HELP, ACT_NONE
};

static const char review_help[] = "At a review, each goal gets a score "
    "from -2 (much less than we hoped) through 0 (what we hoped for) to +2 "
    "(much more than we hoped). Up and Down move between goals; Left and "
    "Right change a score, or type it (-1, 0, 2); Space leaves a goal "
    "without a score. A goal scored again on the same day has its score "
    "put right.";

const struct screen_ops plan_review_screen = {
	.name = "plan_review",
	.title = "A review of the plan",
	.sections = review_sections,
	.state_size = sizeof(struct review_ui),
	.hints = review_hints,
	.help = review_help,
	.enter = review_enter,
	.leave = review_leave,
	.layout = review_layout,
	.draw = review_draw,
	.on_action = review_on_action,
	.on_text = review_on_text,
	.is_dirty = review_is_dirty,
	.text_focus = review_text_focus,
};

const struct screen_ops plan_review_at_screen = {
	.name = "plan_review",
	.title = "Goal scores at this review",
	.sections = review_sections,
	.state_size = sizeof(struct review_ui),
	.hints = review_hints,
	.help = "The review is saved; now score each of the client's goals, "
	    "dated with the day of the review. -2 is much less than we hoped, "
	    "0 what we hoped for, +2 much more than we hoped. Up and Down move "
	    "between goals; Left and Right change a score, or type it (-1, 0, "
	    "2); Space leaves a goal without a score. Esc leaves them "
	    "unscored: they can be scored later from the plan.",
	.enter = review_at_enter,
	.leave = review_leave,
	.layout = review_layout,
	.draw = review_draw,
	.on_action = review_on_action,
	.on_text = review_on_text,
	.is_dirty = review_is_dirty,
	.text_focus = review_text_focus,
};
