/* palplan.c - a PAL's Wellness and Development Plan: read it
 * (palplan_screen), change it (a form; every save a new version), see it
 * over time; and, for managers, every PAL's plan
 * (palplan_people_screen).  Only that PAL and managers get in: app/
 * refuses anyone else. */
#include "peerdesk/tui/screens.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/palplan.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/plandiff.h"
#include "peerdesk/tui/form.h"
#include "peerdesk/tui/page.h"
#include "plan_priv.h"

static const char *const list_sections[] = { "list", NULL };
static const enum action view_hints[] = {
	ACT_OPEN, ACT_BACK, ACT_HELP, ACT_NONE
};
static const enum action palplan_hints[] = {
	ACT_EDIT, ACT_HISTORY, ACT_BACK, ACT_HELP, ACT_NONE
};

/* ---- the form -------------------------------------------------------- */

struct palplan_arg {
	int64_t pal_id;		/* 0 = one's own */
	const char *focus;	/* a field's key, or NULL */
};

struct palplan_rec {
	struct pal_plan p;	/* the fields live here */
	int expected;
	const char *focus;
};

#define PF(k, lab, h) { .id = #k, .label = (lab), .kind = FIELD_MULTILINE, \
	.offset = offsetof(struct palplan_rec, p.k), .height = 3, \
	.max_len = PLAN_TEXT_MAX, .help = (h) }

static const struct field_def palplan_fields[] = {
	PF(aspirations, "My aspirations", "What you would like to do or "
	    "become, at work and beyond."),
	PF(other_commitments, "Other commitments", "Family, study, "
	    "volunteering, committees: whatever else you give time to."),
	PF(struggling_signs, "Signs I'm struggling", "How you will know you "
	    "are struggling at work."),
	PF(my_actions, "What I will do", "What you will do if that happens."),
	PF(manager_actions, "What the manager can do", "What the Operations "
	    "Manager can do to help."),
	PF(adjustments, "Adjustments agreed", "Reasonable adjustments you "
	    "and the Operations Manager have agreed."),
	PF(career_development, "Career development", "Training, study, the "
	    "next role: what you are working towards."),
	{ .id = NULL }
};

static void
palplan_rec_fini(void *rec)
{
	pal_plan_fini(&((struct palplan_rec *)rec)->p);
}

static enum pd_status
palplan_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	const struct palplan_arg *a = arg;
	struct palplan_rec *r = rec;
	enum pd_status s;

	s = app_pal_plan_open(app, a ? a->pal_id : 0, &r->p, NULL, err);
	if (s == PD_OK) {
		r->expected = r->p.version_no;
		r->focus = a ? a->focus : NULL;
	}
	return s;
}

static enum pd_status
palplan_save(void *app, void *rec, struct pd_err *err)
{
	struct palplan_rec *r = rec;

	/* a conflict: the form merges field by field (palplan_fetch) */
	return app_pal_plan_save(app, &r->p, r->expected, NULL, err);
}

/* The plan as saved now, for a merge when someone saved it first: the
 * next save goes on top of their version, which stays in the history. */
static enum pd_status
palplan_fetch(void *app, const void *mine, void *theirs, struct pd_err *err)
{
	const struct palplan_rec *m = mine;
	struct palplan_rec *t = theirs;
	enum pd_status s;

	s = app_pal_plan_open(app, m->p.pal_id, &t->p, NULL, err);
	if (s == PD_OK) {
		t->expected = t->p.version_no;
		t->focus = m->focus;
	}
	return s;
}

static const struct form_def palplan_form = {
	.fields = palplan_fields,
	.rec_size = sizeof(struct palplan_rec),
	.rec_fini = palplan_rec_fini,
	.load = palplan_load,
	.save = palplan_save,
	.fetch = palplan_fetch,
	.saved_message = "Saved: the plan has a new version.",
};

static enum pd_status
palplan_edit_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct form *fm = s->state;
	struct palplan_rec *r;
	enum pd_status rc;
	size_t i;

	if ((rc = form_enter(s, arg, err)) != PD_OK)
		return rc;
	r = fm->rec;
	for (i = 0; r->focus != NULL && i < fm->n; i++)
		if (strcmp(palplan_fields[i].id, r->focus) == 0) {
			fm->focus = i;
			le_end(&fm->f[i].le);
		}
	return PD_OK;
}

static const struct screen_ops palplan_edit_screen = {
	.name = "palplan_edit",
	.title = "Wellness and Development Plan",
	.def = &palplan_form,
	.help = "A PAL's own plan, agreed with the Operations Manager. Every "
	    "save keeps the version before. If someone else saved first, "
	    "what only they changed and what only you changed are both kept; "
	    "a part you both changed is shown side by side to choose. Their "
	    "version stays in the history.",
	.sections = form_sections,
	.state_size = sizeof(struct form),
	.hints = form_hints,
	.enter = palplan_edit_enter,
	.leave = form_leave,
	.layout = form_layout,
	.draw = form_draw,
	.on_action = form_on_action,
	.on_text = form_on_text,
	.on_result = form_on_result,
	.is_dirty = form_is_dirty,
	.context = form_context,
	.text_focus = form_text_focus,
	.help_more = form_help_more,
	.on_mouse = form_on_mouse,
};

/* ---- reading it --------------------------------------------------------- */

struct palplan_ui {
	int64_t pal_id;		/* 0 = one's own */
	struct pal_plan p;
	char *name;
	struct page page;
};

static void
palplan_build(struct screen *s)
{
	struct palplan_ui *st = s->state;
	struct strbuf line = STRBUF_INIT;
	int w = s->area.w - 1;
	char day[20], saved[11];
	size_t i;

	page_clear(&st->page);
	snprintf(saved, sizeof saved, "%.10s", st->p.saved_at);
	if (st->p.version_no == 0)
		strbuf_adds(&line, "Nothing written yet: e starts it. Only "
		    "you and the managers can see it.");
	else {
		strbuf_addf(&line, "Version %d, saved %s", st->p.version_no,
		    plan_long_date(saved, day));
		if (st->p.saved_by_name != NULL)
			strbuf_addf(&line, " by %s", st->p.saved_by_name);
		strbuf_adds(&line, ". Only you and the managers can see it.");
	}
	plan_page_wrapped(&st->page, ST_DIM, w, 0, line.buf);
	for (i = 0; i < PAL_PLAN_NFIELDS; i++) {
		const char *t = pal_plan_field_get(&st->p, i);

		page_item_end(&st->page);
		page_add(&st->page, ST_NORMAL, "");
		page_item(&st->page, 0, (int64_t)i);
		page_add(&st->page, ST_HEADER, pal_plan_fields[i].label);
		plan_page_wrapped(&st->page, t ? ST_NORMAL : ST_DIM, w, 2,
		    t ? t : "(nothing yet)");
	}
	page_layout(&st->page, s->area);
	strbuf_fini(&line);
}

static void
palplan_title(struct screen *s)
{
	struct palplan_ui *st = s->state;
	char *t;

	if (st->pal_id == 0)
		t = xasprintf("My Wellness and Development Plan");
	else
		t = xasprintf("Wellness and Development Plan: %s",
		    st->name ? st->name : "?");
	screen_set_title(s, t);
	free(t);
}

static enum pd_status
palplan_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct palplan_ui *st = s->state;
	enum pd_status rc;

	st->pal_id = arg ? *(const int64_t *)arg : 0;
	rc = app_pal_plan_open(s->app, st->pal_id, &st->p, &st->name, err);
	if (rc == PD_OK)
		palplan_title(s);
	return rc;
}

static void
palplan_leave(struct screen *s)
{
	struct palplan_ui *st = s->state;

	pal_plan_fini(&st->p);
	FREE(&st->name);
	page_fini(&st->page);
}

static void
palplan_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct palplan_ui *st = s->state;

	page_draw(&st->page, cur);
}

static void
palplan_edit(struct screen *s)
{
	struct palplan_ui *st = s->state;
	struct palplan_arg a;
	struct pd_err err;
	int i = plan_page_sel(&st->page);

	a.pal_id = st->pal_id;
	a.focus = i >= 0 && i < PAL_PLAN_NFIELDS ? pal_plan_fields[i].key :
	    NULL;
	if (tui_push(s->ui, &palplan_edit_screen, &a, 1, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static enum tui_result
palplan_on_action(struct screen *s, enum action a)
{
	struct palplan_ui *st = s->state;

	struct plan_text_arg ta;
	struct pd_err err;

	if (a == ACT_OPEN || a == ACT_EDIT) {
		palplan_edit(s);
		return TUI_HANDLED;
	}
	if (a != ACT_HISTORY)
		return page_action(&st->page, a);
	memset(&ta, 0, sizeof ta);
	ta.kind = PLAN_TEXT_PAL_HISTORY;
	ta.id = st->pal_id;
	if (tui_push(s->ui, &plan_text_screen, &ta, 0, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
	return TUI_HANDLED;
}

static void
palplan_on_result(struct screen *s, const struct screen_result *r)
{
	struct palplan_ui *st = s->state;
	struct pal_plan p;
	struct pd_err err;

	if (r->tag != 1)
		return;
	if (app_pal_plan_open(s->app, st->pal_id, &p, NULL, &err) != PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		return;
	}
	pal_plan_fini(&st->p);
	st->p = p;
	palplan_build(s);
}

const struct screen_ops palplan_screen = {
	.name = "palplan",
	.title = "Wellness and Development Plan",
	.sections = list_sections,
	.state_size = sizeof(struct palplan_ui),
	.hints = palplan_hints,
	.help = "A PAL's own Wellness and Development Plan: aspirations, "
	    "other commitments, how they will know they are struggling at "
	    "work, what they will do, what the Operations Manager can do, "
	    "reasonable adjustments agreed, career development. Only that "
	    "PAL and the managers can see it. Enter edits the part shown in "
	    "reverse.",
	.enter = palplan_enter,
	.leave = palplan_leave,
	.layout = palplan_build,
	.draw = palplan_draw,
	.on_action = palplan_on_action,
	.on_result = palplan_on_result,
};

/* ---- every PAL's plan (managers) ----------------------------------------- */

struct people_ui {
	struct pal_plan_row *rows;
	size_t n;
	struct page page;
};

static void
people_build(struct screen *s)
{
	struct people_ui *st = s->state;
	struct strbuf line = STRBUF_INIT;
	char day[20], saved[11];
	size_t i;

	page_clear(&st->page);
	for (i = 0; i < st->n; i++) {
		const struct pal_plan_row *r = &st->rows[i];

		strbuf_reset(&line);
		strbuf_addf(&line, "%s%s", r->name, r->active ? "" :
		    " (left)");
		page_item(&st->page, 0, (int64_t)i);
		page_add(&st->page, ST_NORMAL, line.buf);
		strbuf_reset(&line);
		snprintf(saved, sizeof saved, "%.10s", r->saved_at);
		if (r->version_no == 0)
			strbuf_adds(&line, "  no plan written yet");
		else
			strbuf_addf(&line, "  version %d, saved %s",
			    r->version_no, plan_long_date(saved, day));
		page_add(&st->page, ST_DIM, line.buf);
	}
	if (st->n == 0)
		page_add(&st->page, ST_DIM, "There are no PALs yet.");
	page_layout(&st->page, s->area);
	strbuf_fini(&line);
}

static enum pd_status
people_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct people_ui *st = s->state;

	(void)arg;
	return app_pal_plan_people(s->app, &st->rows, &st->n, err);
}

static void
people_leave(struct screen *s)
{
	struct people_ui *st = s->state;

	pal_plan_rows_free(st->rows, st->n);
	page_fini(&st->page);
}

static void
people_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct people_ui *st = s->state;

	page_draw(&st->page, cur);
}

static enum tui_result
people_on_action(struct screen *s, enum action a)
{
	struct people_ui *st = s->state;
	struct pd_err err;
	int i = plan_page_sel(&st->page);

	if (a != ACT_OPEN)
		return page_action(&st->page, a);
	if (i >= 0 && (size_t)i < st->n &&
	    tui_push(s->ui, &palplan_screen, &st->rows[i].pal_id, 1,
	    &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
	return TUI_HANDLED;
}

static void
people_on_result(struct screen *s, const struct screen_result *r)
{
	struct people_ui *st = s->state;
	struct pal_plan_row *rows;
	struct pd_err err;
	size_t n;

	(void)r;
	if (app_pal_plan_people(s->app, &rows, &n, &err) != PD_OK)
		return;
	pal_plan_rows_free(st->rows, st->n);
	st->rows = rows;
	st->n = n;
	people_build(s);
}

const struct screen_ops palplan_people_screen = {
	.name = "palplan_people",
	.title = "PALs' Wellness and Development Plans",
	.sections = list_sections,
	.state_size = sizeof(struct people_ui),
	.hints = view_hints,
	.help = "Every PAL, and when their Wellness and Development Plan was "
	    "last saved. Enter opens one. Only managers see this list.",
	.enter = people_enter,
	.leave = people_leave,
	.layout = people_build,
	.draw = people_draw,
	.on_action = people_on_action,
	.on_result = people_on_result,
};
