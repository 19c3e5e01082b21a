/* plan_history.c - who changed what in a plan and when
 * (plan_history_screen), a page of text about it (plan_text_screen:
 * what changed since the last review, one version's changes, a PAL's
 * plan over time), and every plan's goals at a glance
 * (plan_progress_screen). */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/palplan.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/plandiff.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/page.h"
#include "plan_priv.h"

static const char *const list_sections[] = { "list", NULL };
static const enum action view_hints[] = {
	ACT_OPEN, ACT_BACK, ACT_HELP, ACT_NONE
};
static const enum action hist_hints[] = {
	ACT_OPEN, ACT_RESTORE, ACT_CHANGES, ACT_BACK, ACT_HELP, ACT_NONE
};

#define HIST_TAG_RESTORE 1

/* ---- the plan screens' pages (plan_priv.h) ---------------------------- */

void
plan_page_wrapped(struct page *pg, enum style st, int width, int indent,
    const char *text)
{
	struct strbuf sb = STRBUF_INIT;

	plan_wrap(&sb, text, width > 0 ? width : 40, indent);
	page_add_lines(pg, st, sb.buf);
	strbuf_fini(&sb);
}

int
plan_page_sel(const struct page *pg)
{
	const struct page_item *it = page_current(pg);

	return it != NULL ? (int)it->id : -1;
}

/* ---- the history ----------------------------------------------------- */

struct hist_ui {
	int64_t client_id;
	struct plan_history h;
	struct page page;
	int restore_no;		/* the version asked about, 0 = none */
};

/* The plan's version now, as this history saw it. */
static int
hist_current(const struct hist_ui *st)
{
	return st->h.nv > 0 ? st->h.versions[st->h.nv - 1].version_no : 0;
}

static enum pd_status
hist_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct hist_ui *st = s->state;

	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which plan?");
	st->client_id = *(const int64_t *)arg;
	return app_plan_history(s->app, st->client_id, &st->h, err);
}

static void
hist_leave(struct screen *s)
{
	struct hist_ui *st = s->state;

	plan_history_fini(&st->h);
	page_fini(&st->page);
}

static void
hist_layout(struct screen *s)
{
	struct hist_ui *st = s->state;
	struct strbuf line = STRBUF_INIT;
	size_t i;

	page_clear(&st->page);
	if (st->h.n == 0)
		plan_page_wrapped(&st->page, ST_DIM, s->area.w, 0, "Nothing "
		    "has been written in this plan yet.");
	for (i = 0; i < st->h.n; i++) {
		const struct plan_event *e = &st->h.events[i];

		strbuf_reset(&line);
		strbuf_addf(&line, "%s  %s", e->when, e->who ? e->who : "");
		page_item(&st->page, 0, (int64_t)i);
		page_add(&st->page, ST_LABEL, line.buf);
		plan_page_wrapped(&st->page, ST_NORMAL, s->area.w - 1, 2,
		    e->what);
	}
	page_layout(&st->page, s->area);
	strbuf_fini(&line);
}

static void
hist_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct hist_ui *st = s->state;

	page_draw(&st->page, cur);
}

static void
hist_push_text(struct screen *s, enum plan_text_kind kind, int number)
{
	struct hist_ui *st = s->state;
	struct plan_text_arg a;
	struct pd_err err;

	memset(&a, 0, sizeof a);
	a.kind = kind;
	a.id = st->client_id;
	a.number = number;
	if (tui_push(s->ui, &plan_text_screen, &a, 0, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static enum tui_result
hist_on_action(struct screen *s, enum action a)
{
	struct hist_ui *st = s->state;
	const struct plan_event *e;
	int i = plan_page_sel(&st->page);

	if (a == ACT_CHANGES) {
		hist_push_text(s, PLAN_TEXT_CHANGES, 0);
		return TUI_HANDLED;
	}
	if (a == ACT_RESTORE) {
		char text[256];

		if (i < 0 || (size_t)i >= st->h.n ||
		    st->h.events[i].kind != PLAN_EVENT_VERSION) {
			tui_message(s->ui, "Choose a saved version (a line "
			    "that says \"Version\") to bring back.");
			return TUI_HANDLED;
		}
		e = &st->h.events[i];
		if (e->version_no == hist_current(st)) {
			tui_message(s->ui, "Version %d is the plan as it is "
			    "now.", e->version_no);
			return TUI_HANDLED;
		}
		st->restore_no = e->version_no;
		snprintf(text, sizeof text, "The plan's sections go back to "
		    "version %d, saved as version %d. Nothing is lost: every "
		    "version stays in the history.", e->version_no,
		    hist_current(st) + 1);
		dialog_confirm(s->ui, HIST_TAG_RESTORE, "Bring back?", text,
		    "Bring it back", "Leave it", false);
		return TUI_HANDLED;
	}
	if (a != ACT_OPEN)
		return page_action(&st->page, a);
	if (i < 0 || (size_t)i >= st->h.n)
		return TUI_HANDLED;
	e = &st->h.events[i];
	if (e->kind == PLAN_EVENT_VERSION)
		hist_push_text(s, PLAN_TEXT_VERSION, e->version_no);
	else if (e->goal_id != 0 && e->after != NULL)
		hist_push_text(s, PLAN_TEXT_GOAL, i);
	else
		tui_message(s->ui, "That change is all there is to see: open "
		    "a version or a goal to see it before and after.");
	return TUI_HANDLED;
}

/* Read the history again (after bringing a version back). */
static void
hist_reload(struct screen *s)
{
	struct hist_ui *st = s->state;
	struct pd_err err;

	plan_history_fini(&st->h);
	memset(&st->h, 0, sizeof st->h);
	if (app_plan_history(s->app, st->client_id, &st->h, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
	hist_layout(s);
	page_action(&st->page, ACT_FIRST);
}

static void
hist_on_result(struct screen *s, const struct screen_result *r)
{
	struct hist_ui *st = s->state;
	struct pd_err err;
	int no = st->restore_no, now = 0;

	st->restore_no = 0;
	if (r->tag != HIST_TAG_RESTORE || r->code != SCREEN_OK || no <= 0)
		return;
	pd_err_clear(&err);
	if (app_plan_restore(s->app, st->client_id, no, hist_current(st),
	    &now, &err) != PD_OK) {
		hist_reload(s);
		tui_error(s->ui, "Not brought back: %s", err.msg);
		return;
	}
	hist_reload(s);
	tui_message(s->ui, "Brought back version %d: it is now version %d.",
	    no, now);
}

const struct screen_ops plan_history_screen = {
	.name = "plan_history",
	.title = "Who changed the plan, and when",
	.sections = list_sections,
	.state_size = sizeof(struct hist_ui),
	.hints = hist_hints,
	.help = "Every saved version of the plan's sections, and every goal, "
	    "score and note, newest first, with who and when. Enter on a "
	    "version shows what it changed, and on a goal its words and steps "
	    "before and after; c shows what changed since the last review. "
	    "b brings back the selected version: its words are saved as a "
	    "new version, and every version stays here.",
	.enter = hist_enter,
	.leave = hist_leave,
	.layout = hist_layout,
	.draw = hist_draw,
	.on_action = hist_on_action,
	.on_result = hist_on_result,
};

/* ---- a page of text ------------------------------------------------- */

struct text_ui {
	struct plan_text_arg a;
	struct plan_changes changes;	/* PLAN_TEXT_CHANGES */
	struct pal_plan *pal;		/* PLAN_TEXT_PAL_HISTORY */
	size_t npal;
	struct plan_history hist;	/* PLAN_TEXT_GOAL */
	struct page page;
};

static enum pd_status
text_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct text_ui *st = s->state;
	enum pd_status rc = PD_OK;
	char *t;

	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "what should be shown?");
	st->a = *(const struct plan_text_arg *)arg;
	switch (st->a.kind) {
	case PLAN_TEXT_CHANGES:
		rc = app_plan_changes(s->app, st->a.id, NULL, &st->changes,
		    err);
		if (rc == PD_OK) {
			t = xasprintf("What changed: %s",
			    st->changes.doc.client_name);
			screen_set_title(s, t);
			free(t);
		}
		break;
	case PLAN_TEXT_VERSION:
		t = xasprintf("Version %d of the plan", st->a.number);
		screen_set_title(s, t);
		free(t);
		break;
	case PLAN_TEXT_PAL_HISTORY:
		rc = app_pal_plan_history(s->app, st->a.id, &st->pal,
		    &st->npal, err);
		screen_set_title(s, "The plan over time");
		break;
	case PLAN_TEXT_GOAL:
		rc = app_plan_history(s->app, st->a.id, &st->hist, err);
		if (rc == PD_OK && (st->a.number < 0 ||
		    (size_t)st->a.number >= st->hist.n))
			rc = pd_fail(err, PD_NOT_FOUND, NULL, "that change is "
			    "no longer in the history");
		screen_set_title(s, "A goal, before and after");
		break;
	}
	return rc;
}

static void
text_leave(struct screen *s)
{
	struct text_ui *st = s->state;

	if (st->a.kind == PLAN_TEXT_CHANGES)
		plan_changes_fini(&st->changes);
	pal_plan_list_free(st->pal, st->npal);
	st->pal = NULL;
	plan_history_fini(&st->hist);
	page_fini(&st->page);
}

/* A goal's change as a version's is shown: what, when, who, then its
 * words and steps before and now. */
static void
goal_change_text(const struct plan_event *e, int w, struct strbuf *sb)
{
	struct strbuf line = STRBUF_INIT;

	strbuf_addf(&line, "%s, on %s", e->what, e->when);
	if (e->who != NULL)
		strbuf_addf(&line, " by %s", e->who);
	strbuf_addc(&line, '.');
	plan_wrap(sb, line.buf, w, 0);
	if (e->before != NULL) {
		strbuf_adds(sb, "\nBefore:\n");
		plan_wrap(sb, e->before, w, 2);
	}
	strbuf_adds(sb, e->before != NULL ? "\nNow:\n" : "\nWritten:\n");
	plan_wrap(sb, e->after, w, 2);
	strbuf_fini(&line);
}

static void
text_layout(struct screen *s)
{
	struct text_ui *st = s->state;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	int w = s->area.w - 1;
	size_t i;

	page_clear(&st->page);
	switch (st->a.kind) {
	case PLAN_TEXT_CHANGES:
		plan_changes_text(&st->changes, w, &sb);
		break;
	case PLAN_TEXT_VERSION:
		if (app_plan_version_text(s->app, st->a.id, st->a.number, w,
		    &sb, &err) != PD_OK)
			strbuf_adds(&sb, err.msg);
		break;
	case PLAN_TEXT_GOAL:
		goal_change_text(&st->hist.events[st->a.number], w, &sb);
		break;
	case PLAN_TEXT_PAL_HISTORY:
		if (st->npal == 0)
			strbuf_adds(&sb, "Nothing is written yet.\n");
		for (i = 0; i < st->npal; i++) {
			pal_plan_version_text(i + 1 < st->npal ?
			    &st->pal[i + 1] : NULL, &st->pal[i], w, &sb);
			strbuf_addc(&sb, '\n');
		}
		break;
	}
	page_add_lines(&st->page, ST_NORMAL, sb.buf);
	page_layout(&st->page, s->area);
	strbuf_fini(&sb);
}

static void
text_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct text_ui *st = s->state;

	page_draw(&st->page, cur);
	if (cur->y < 0) {
		cur->y = s->area.y;
		cur->x = s->area.x;
	}
}

static enum tui_result
text_on_action(struct screen *s, enum action a)
{
	struct text_ui *st = s->state;

	return page_action(&st->page, a);
}

const struct screen_ops plan_text_screen = {
	.name = "plan_text",
	.title = "The plan",
	.sections = list_sections,
	.state_size = sizeof(struct text_ui),
	.hints = view_hints,
	.help = "Read only. Up, Down, PgUp and PgDn scroll; Esc goes back.",
	.enter = text_enter,
	.leave = text_leave,
	.layout = text_layout,
	.draw = text_draw,
	.on_action = text_on_action,
};

/* ---- every plan at a glance ----------------------------------------- */

struct progress_ui {
	struct plan_progress_row *rows;
	size_t n;
	struct page page;
};

static enum pd_status
progress_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct progress_ui *st = s->state;

	(void)arg;
	return app_plan_progress_list(s->app, &st->rows, &st->n, err);
}

static void
progress_leave(struct screen *s)
{
	struct progress_ui *st = s->state;

	plan_progress_rows_free(st->rows, st->n);
	page_fini(&st->page);
}

static void
progress_layout(struct screen *s)
{
	struct progress_ui *st = s->state;
	struct strbuf line = STRBUF_INIT;
	struct plan_progress all;
	size_t i;

	page_clear(&st->page);
	memset(&all, 0, sizeof all);
	for (i = 0; i < st->n; i++)
		plan_progress_sum(&all, &st->rows[i].progress);
	strbuf_addf(&line, "%zu plan%s; ", st->n, st->n == 1 ? "" : "s");
	plan_progress_line(&all, &line);
	strbuf_adds(&line, ". Moved up, stayed or moved down: each goal's "
	    "last score against the one before.");
	plan_page_wrapped(&st->page, ST_DIM, s->area.w - 1, 0, line.buf);
	for (i = 0; i < st->n; i++) {
		const struct plan_progress_row *r = &st->rows[i];

		page_item(&st->page, 0, (int64_t)i);
		page_add(&st->page, ST_NORMAL, r->client_name);
		strbuf_reset(&line);
		strbuf_addf(&line, "%s: ", r->status == PLAN_ESTABLISHED ?
		    "established" : r->current_version > 0 ? "draft" :
		    "not written");
		plan_progress_line(&r->progress, &line);
		plan_page_wrapped(&st->page, ST_DIM, s->area.w - 1, 2,
		    line.buf);
	}
	page_layout(&st->page, s->area);
	strbuf_fini(&line);
}

static void
progress_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct progress_ui *st = s->state;

	page_draw(&st->page, cur);
}

static enum tui_result
progress_on_action(struct screen *s, enum action a)
{
	struct progress_ui *st = s->state;
	struct pd_err err;
	int i = plan_page_sel(&st->page);

	if (a != ACT_OPEN)
		return page_action(&st->page, a);
	if (i >= 0 && (size_t)i < st->n &&
	    tui_push(s->ui, &plan_screen, &st->rows[i].client_id, 1,
	    &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
	return TUI_HANDLED;
}

static void
progress_on_result(struct screen *s, const struct screen_result *r)
{
	struct progress_ui *st = s->state;
	struct plan_progress_row *rows;
	struct pd_err err;
	size_t n;

	(void)r;
	if (app_plan_progress_list(s->app, &rows, &n, &err) != PD_OK)
		return;
	plan_progress_rows_free(st->rows, st->n);
	st->rows = rows;
	st->n = n;
	progress_layout(s);
}

const struct screen_ops plan_progress_screen = {
	.name = "plan_progress",
	.title = "Wellness plans: how the goals are going",
	.sections = list_sections,
	.state_size = sizeof(struct progress_ui),
	.hints = view_hints,
	.help = "Every client's plan (not closed ones): whether it is "
	    "established, and how many goals moved up, stayed the same or "
	    "moved down at their last review. Enter opens a plan.",
	.enter = progress_enter,
	.leave = progress_leave,
	.layout = progress_layout,
	.draw = progress_draw,
	.on_action = progress_on_action,
	.on_result = progress_on_result,
};
