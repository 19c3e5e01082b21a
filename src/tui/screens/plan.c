/* plan.c - the client's Wellness and Safety Plan on screen: the whole
 * plan as a page to read and move through (plan_screen), and its
 * sections as a scrolling form (plan_edit_screen) that never overwrites
 * someone else's save: on a conflict their changes are merged in and
 * the sections both changed are shown side by side. */
#include "peerdesk/tui/screens.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/app.h"
#include "peerdesk/app/groups.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/app/print.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/plandiff.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/form.h"
#include "peerdesk/tui/page.h"
#include "plan_priv.h"

enum { TAG_CHILD = 1, TAG_PDF, TAG_ESTABLISH, TAG_NOTE_PICK,
	TAG_NOTE_REASON, TAG_MERGE = 100 };

enum item_kind { PI_SECTION, PI_GOAL, PI_NOTES };

struct plan_item {
	enum item_kind kind;
	int section;
	int64_t goal_id;
	enum goal_area area;
};

struct plan_ui {
	int64_t remove_note;	/* the note chosen to remove, 0 = none */
	int64_t client_id;
	struct plan_doc doc;
	struct group_row *groups;	/* the client's groups */
	size_t ngroups;
	struct page page;
	struct plan_item *items;
	size_t nitems;
	int manager;
};

/* The groups the client comes to, to show beside a goal naming one. */
static void
plan_groups_load(struct screen *s)
{
	struct plan_ui *st = s->state;

	group_rows_free(st->groups, st->ngroups);
	st->groups = NULL;
	st->ngroups = 0;
	if (app_client_groups(s->app, st->client_id, &st->groups,
	    &st->ngroups, NULL) != PD_OK) {
		st->groups = NULL;
		st->ngroups = 0;
	}
}

static bool
plan_is_manager(const struct screen *s)
{
	const struct app *app = s->app;

	return app != NULL && app_actor_is_manager(app);
}

static int
plan_add_item(struct plan_ui *st, enum item_kind kind, int section,
    const struct plan_doc_goal *g)
{
	struct plan_item *it;

	st->items = xreallocarray(st->items, st->nitems + 1,
	    sizeof *st->items);
	it = &st->items[st->nitems];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->section = section;
	if (g != NULL) {
		it->goal_id = g->goal.id;
		it->area = g->goal.area;
	}
	return (int)st->nitems++;
}

static void
plan_goal_lines(struct plan_ui *st, const struct plan_doc_goal *g, int w)
{
	struct strbuf line = STRBUF_INIT;
	char day[20], d8[8];
	size_t i;

	page_item(&st->page, 0, plan_add_item(st, PI_GOAL, 8, g));

	if (g->goal.area == GOAL_AMBITION)
		strbuf_addf(&line, "  %s", g->goal.title);
	else
		strbuf_addf(&line, "  %s: %s", goal_area_label(g->goal.area),
		    g->goal.title);
	if (g->goal.closed_on[0] != '\0')
		strbuf_adds(&line, " (closed)");
	page_add(&st->page, ST_NORMAL, line.buf);
	strbuf_reset(&line);
	if (g->goal.set_by != NULL)
		strbuf_addf(&line, "Set by %s. ", g->goal.set_by);
	if (g->goal.target_date[0] != '\0')
		strbuf_addf(&line, "Aiming for %s. ",
		    plan_long_date(g->goal.target_date, day));
	if (line.len > 0)
		plan_page_wrapped(&st->page, ST_DIM, w, 4, line.buf);
	if (g->goal.detail != NULL)
		plan_page_wrapped(&st->page, ST_NORMAL, w, 4, g->goal.detail);
	for (i = 0; g->goal.group_id != 0 && i < st->ngroups; i++)
		if (st->groups[i].g.id == g->goal.group_id) {
			strbuf_reset(&line);
			strbuf_addf(&line, "Group: %s; came %d time%s%s%s",
			    st->groups[i].g.name, st->groups[i].meetings,
			    st->groups[i].meetings == 1 ? "" : "s",
			    st->groups[i].last[0] ? ", last " : "",
			    st->groups[i].last);
			plan_page_wrapped(&st->page, ST_LABEL, w, 4, line.buf);
		}
	for (i = 0; i < g->n_steps; i++) {
		strbuf_reset(&line);
		strbuf_addf(&line, "[%s] %s",
		    g->steps[i].done_on[0] ? "x" : " ", g->steps[i].text);
		if (g->steps[i].done_on[0] != '\0')
			strbuf_addf(&line, " (done %s)",
			    plan_short_date(g->steps[i].done_on, d8));
		plan_page_wrapped(&st->page, ST_NORMAL, w, 4, line.buf);
	}
	if (g->goal.area != GOAL_AMBITION || g->n_scores > 0) {
		strbuf_reset(&line);
		strbuf_adds(&line, "How it is going: ");
		goal_progress_line(g->scores, g->n_scores, 4, &line);
		plan_page_wrapped(&st->page, ST_LABEL, w, 4, line.buf);
	}
	if (g->n_scores > 1) {
		strbuf_reset(&line);
		goal_chart(g->scores, g->n_scores, w - 5, &line);
		{
			struct strbuf ind = STRBUF_INIT;
			const char *p = line.buf;

			while (*p != '\0') {
				size_t n = strcspn(p, "\n");

				strbuf_reset(&ind);
				strbuf_addf(&ind, "    %.*s", (int)n, p);
				page_add(&st->page, ST_NORMAL, ind.buf);
				p += n + (p[n] == '\n');
			}
			strbuf_fini(&ind);
		}
	}
	strbuf_fini(&line);
}

/* The plan's state in one line: established or draft, which version,
 * saved when and by whom. */
static void
plan_build_state(struct plan_ui *st, int w)
{
	const struct plan_doc *d = &st->doc;
	struct strbuf line = STRBUF_INIT;
	char day[20], saved[11];

	snprintf(saved, sizeof saved, "%.10s", d->sections.saved_on[0] ?
	    d->sections.saved_on : d->sections.saved_at);
	if (d->info.current_version == 0)
		strbuf_adds(&line, "Not written yet: e starts it with the "
		    "client, in their own words.");
	else {
		if (d->info.status == PLAN_ESTABLISHED)
			strbuf_addf(&line, "Established on %s. ",
			    plan_long_date(d->info.established_on, day));
		else
			strbuf_adds(&line, "Draft: not established yet. ");
		strbuf_addf(&line, "Version %d, saved %s",
		    d->info.current_version, plan_long_date(saved, day));
		if (d->saved_by_name != NULL)
			strbuf_addf(&line, " by %s", d->saved_by_name);
		strbuf_addc(&line, '.');
	}
	plan_page_wrapped(&st->page, ST_DIM, w, 0, line.buf);
	strbuf_fini(&line);
}

/* Sections 1 to 7, the ambitions' goals after section 1. */
static void
plan_build_sections(struct plan_ui *st, int w)
{
	const struct plan_doc *d = &st->doc;
	struct strbuf line = STRBUF_INIT;
	size_t i, g;
	int section = 0;

	for (i = 0; i < PLAN_NFIELDS; i++) {
		const struct plan_field *f = &plan_fields[i];
		const char *text = plan_field_get(&d->sections, i);
		int many = (i + 1 < PLAN_NFIELDS &&
		    plan_fields[i + 1].section == f->section) ||
		    (i > 0 && plan_fields[i - 1].section == f->section);

		if (f->section != section) {
			if (section == 1)
				for (g = 0; g < d->n_goals; g++)
					if (d->goals[g].goal.area ==
					    GOAL_AMBITION)
						plan_goal_lines(st,
						    &d->goals[g], w);
			section = f->section;
			page_item_end(&st->page);
			page_add(&st->page, ST_NORMAL, "");
			page_item(&st->page, 0, plan_add_item(st, PI_SECTION,
			    section, NULL));
			strbuf_reset(&line);
			strbuf_addf(&line, "%d. %s", section, f->heading);
			page_add(&st->page, ST_HEADER, line.buf);
		}
		if (many)
			plan_page_wrapped(&st->page, ST_LABEL, w, 2, f->label);
		plan_page_wrapped(&st->page, text ? ST_NORMAL : ST_DIM, w,
		    many ? 4 : 2, text ? text : "(nothing yet)");
	}
	strbuf_fini(&line);
}

/* Section 9: the dated notes. */
static void
plan_build_notes(struct plan_ui *st, int w)
{
	const struct plan_doc *d = &st->doc;
	struct strbuf line = STRBUF_INIT;
	char day[20];
	size_t i;

	page_item_end(&st->page);
	page_add(&st->page, ST_NORMAL, "");
	page_item(&st->page, 0, plan_add_item(st, PI_NOTES, 9, NULL));
	strbuf_addf(&line, "9. %s", plan_section_heading(9));
	page_add(&st->page, ST_HEADER, line.buf);
	for (i = 0; i < d->n_notes; i++) {
		strbuf_reset(&line);
		strbuf_adds(&line, plan_long_date(d->notes[i].written_on, day));
		if (d->notes[i].author_name != NULL)
			strbuf_addf(&line, " (%s)", d->notes[i].author_name);
		plan_page_wrapped(&st->page, ST_LABEL, w, 2, line.buf);
		plan_page_wrapped(&st->page, ST_NORMAL, w, 4,
		    d->notes[i].text);
	}
	if (d->n_notes == 0)
		plan_page_wrapped(&st->page, ST_DIM, w, 2,
		    "(No notes yet: n adds one.)");
	strbuf_fini(&line);
}

/* The page of lines for the plan at width w. */
static void
plan_build(struct plan_ui *st, int w)
{
	const struct plan_doc *d = &st->doc;
	struct strbuf line = STRBUF_INIT;
	size_t g;
	int ways = 0;

	page_clear(&st->page);
	FREE(&st->items);
	st->nitems = 0;
	plan_build_state(st, w);
	plan_build_sections(st, w);
	page_item_end(&st->page);
	page_add(&st->page, ST_NORMAL, "");
	strbuf_addf(&line, "8. %s", plan_section_heading(8));
	page_add(&st->page, ST_HEADER, line.buf);
	for (g = 0; g < d->n_goals; g++) {
		if (d->goals[g].goal.area == GOAL_AMBITION)
			continue;
		plan_goal_lines(st, &d->goals[g], w);
		ways++;
	}
	page_item_end(&st->page);
	if (ways == 0)
		plan_page_wrapped(&st->page, ST_DIM, w, 2,
		    "(No Five Ways goals yet: a adds one.)");
	plan_build_notes(st, w);
	strbuf_fini(&line);
}

static void
plan_title(struct screen *s)
{
	struct plan_ui *st = s->state;
	char *t = xasprintf("Plan: %s", st->doc.client_name ?
	    st->doc.client_name : "?");

	screen_set_title(s, t);
	free(t);
}

static void
plan_relayout(struct screen *s)
{
	struct plan_ui *st = s->state;

	plan_build(st, s->area.w - 1);
	page_layout(&st->page, s->area);
}

static void
plan_reload(struct screen *s)
{
	struct plan_ui *st = s->state;
	struct plan_doc doc;
	struct pd_err err;

	if (app_plan_load(s->app, st->client_id, &doc, &err) != PD_OK) {
		tui_error(s->ui, "Could not read the plan again: %s", err.msg);
		return;
	}
	plan_doc_fini(&st->doc);
	st->doc = doc;
	plan_groups_load(s);
	plan_title(s);
	plan_relayout(s);
}

/* Reload; a goal that was not there before gets selected and shown. */
static void
plan_reload_show_new(struct screen *s)
{
	struct plan_ui *st = s->state;
	int64_t *old = xcalloc(st->doc.n_goals + 1, sizeof *old);
	size_t n = st->doc.n_goals, i, j;

	for (i = 0; i < n; i++)
		old[i] = st->doc.goals[i].goal.id;
	plan_reload(s);
	for (i = 0; i < st->nitems; i++) {
		int known = 0;

		if (st->items[i].kind != PI_GOAL)
			continue;
		for (j = 0; j < n; j++)
			known |= old[j] == st->items[i].goal_id;
		if (!known) {
			page_reselect(&st->page, 0, (int64_t)i);
			break;
		}
	}
	free(old);
}

static enum pd_status
plan_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct plan_ui *st = s->state;
	enum pd_status rc;

	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which client's plan?");
	st->client_id = *(const int64_t *)arg;
	st->manager = plan_is_manager(s);
	rc = app_plan_open(s->app, st->client_id, &st->doc, err);
	if (rc == PD_OK) {
		plan_groups_load(s);
		plan_title(s);
	}
	return rc;
}

static void
plan_leave(struct screen *s)
{
	struct plan_ui *st = s->state;

	plan_doc_fini(&st->doc);
	group_rows_free(st->groups, st->ngroups);
	st->groups = NULL;
	st->ngroups = 0;
	page_fini(&st->page);
	FREE(&st->items);
}

static void
plan_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct plan_ui *st = s->state;

	page_draw(&st->page, cur);
}

static const struct plan_item *
plan_selected(const struct plan_ui *st)
{
	int i = plan_page_sel(&st->page);

	return i >= 0 && (size_t)i < st->nitems ? &st->items[i] : NULL;
}

static void
plan_push(struct screen *s, const struct screen_ops *ops, const void *arg)
{
	struct pd_err err;

	if (tui_push(s->ui, ops, arg, TAG_CHILD, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static void
plan_edit_at(struct screen *s, int section)
{
	struct plan_ui *st = s->state;
	struct plan_edit_arg a;
	size_t i;

	a.client_id = st->client_id;
	a.focus = NULL;
	for (i = 0; i < PLAN_NFIELDS && a.focus == NULL; i++)
		if (plan_fields[i].section == section)
			a.focus = plan_fields[i].key;
	plan_push(s, &plan_edit_screen, &a);
}

static void
plan_goal(struct screen *s, int64_t goal_id, int area)
{
	struct plan_ui *st = s->state;
	struct goal_edit_arg a;

	a.client_id = st->client_id;
	a.goal_id = goal_id;
	a.area = area;
	plan_push(s, &goal_edit_screen, &a);
}

static void
plan_print(struct screen *s)
{
	struct plan_ui *st = s->state;
	struct print_outcome out;
	struct pd_err err;

	if (app_plan_print(s->app, st->client_id, &out, &err) != PD_OK)
		tui_error(s->ui, "Not printed: %s", err.msg);
	else
		tui_message(s->ui, "Sent the plan to the printer%s%s",
		    out.said[0] ? ": " : ".", out.said);
}

static void
plan_open_selected(struct screen *s)
{
	struct plan_ui *st = s->state;
	const struct plan_item *it = plan_selected(st);

	if (it == NULL)
		return;
	if (it->kind == PI_SECTION)
		plan_edit_at(s, it->section);
	else if (it->kind == PI_GOAL)
		plan_goal(s, it->goal_id, (int)it->area);
	else
		plan_push(s, &plan_note_screen, &st->client_id);
}

/* x: which note to remove (a list of them), then why. */
static void
plan_pick_note(struct screen *s)
{
	struct plan_ui *st = s->state;
	const struct plan_doc *d = &st->doc;
	struct strbuf line = STRBUF_INIT;
	char **items, day[64];
	size_t i, len;

	if (d->n_notes == 0) {
		tui_message(s->ui, "This plan has no notes to remove.");
		return;
	}
	items = xcalloc(d->n_notes, sizeof *items);
	for (i = 0; i < d->n_notes; i++) {
		const char *t = d->notes[i].text ? d->notes[i].text : "";

		strbuf_reset(&line);
		strbuf_adds(&line, plan_long_date(d->notes[i].written_on, day));
		if (d->notes[i].author_name != NULL)
			strbuf_addf(&line, " (%s)", d->notes[i].author_name);
		len = strcspn(t, "\n");
		strbuf_adds(&line, ": ");
		strbuf_add(&line, t, len);
		items[i] = xstrdup(line.buf);
	}
	st->remove_note = 0;
	dialog_pick(s->ui, TAG_NOTE_PICK, "Remove which note?",
	    (const char *const *)items, d->n_notes, d->n_notes - 1);
	for (i = 0; i < d->n_notes; i++)
		free(items[i]);
	free(items);
	strbuf_fini(&line);
}

static enum tui_result
plan_on_action(struct screen *s, enum action a)
{
	struct plan_ui *st = s->state;
	const struct plan_item *it = plan_selected(st);
	struct plan_text_arg ta;
	char *path;
	const char *home = getenv("HOME");

	memset(&ta, 0, sizeof ta);
	ta.id = st->client_id;
	switch (a) {
	case ACT_OPEN:
		plan_open_selected(s);
		return TUI_HANDLED;
	case ACT_EDIT:
		plan_edit_at(s, it != NULL && it->kind == PI_SECTION ?
		    it->section : 1);
		return TUI_HANDLED;
	case ACT_ADD:
		plan_goal(s, 0, it != NULL && it->kind == PI_GOAL &&
		    it->area == GOAL_AMBITION ? GOAL_AMBITION : GOAL_CONNECT);
		return TUI_HANDLED;
	case ACT_REVIEW:
		plan_push(s, &plan_review_screen, &st->client_id);
		return TUI_HANDLED;
	case ACT_NOTE:
		plan_push(s, &plan_note_screen, &st->client_id);
		return TUI_HANDLED;
	case ACT_HISTORY:
		plan_push(s, &plan_history_screen, &st->client_id);
		return TUI_HANDLED;
	case ACT_CHANGES:
		ta.kind = PLAN_TEXT_CHANGES;
		plan_push(s, &plan_text_screen, &ta);
		return TUI_HANDLED;
	case ACT_PRINT:
		plan_print(s);
		return TUI_HANDLED;
	case ACT_SAVE_PDF:
		path = xasprintf("%s/plan-%lld.pdf", home && home[0] ? home :
		    ".", (long long)st->client_id);
		dialog_prompt(s->ui, TAG_PDF, "Write the plan as a PDF",
		    "File", path, 400);
		free(path);
		return TUI_HANDLED;
	case ACT_REMOVE:
		plan_pick_note(s);
		return TUI_HANDLED;
	case ACT_ESTABLISH:
		if (st->doc.info.status == PLAN_ESTABLISHED) {
			tui_message(s->ui, "The plan is already established.");
			return TUI_HANDLED;
		}
		if (!st->manager) {
			tui_error(s->ui, "Only a manager (the Operations "
			    "Manager) marks a plan established.");
			return TUI_HANDLED;
		}
		dialog_confirm(s->ui, TAG_ESTABLISH, "Established?",
		    "Mark this plan as established? The client can then be "
		    "introduced to PALs.", "Established", "Not yet", false);
		return TUI_HANDLED;
	default:
		return page_action(&st->page, a);
	}
}

static void
plan_on_result(struct screen *s, const struct screen_result *r)
{
	struct plan_ui *st = s->state;
	struct pd_err err;

	if (r->tag == TAG_CHILD) {
		plan_reload_show_new(s);
	} else if (r->tag == TAG_PDF && r->code == SCREEN_OK && r->text &&
	    r->text[0] != '\0') {
		if (app_plan_pdf(s->app, st->client_id, r->text, &err) !=
		    PD_OK)
			tui_error(s->ui, "No PDF written: %s", err.msg);
		else
			tui_message(s->ui, "Wrote the plan to %s", r->text);
	} else if (r->tag == TAG_NOTE_PICK && r->code == SCREEN_OK &&
	    r->index >= 0 && (size_t)r->index < st->doc.n_notes) {
		st->remove_note = st->doc.notes[r->index].id;
		dialog_prompt(s->ui, TAG_NOTE_REASON, "Remove the note",
		    "Why is it removed? The reason and the note's words are "
		    "kept in the audit trail. Esc keeps the note.", "", 500);
	} else if (r->tag == TAG_NOTE_REASON) {
		int64_t id = st->remove_note;

		st->remove_note = 0;
		if (r->code != SCREEN_OK || id == 0)
			return;
		if (app_plan_note_remove(s->app, st->client_id, id, r->text,
		    &err) != PD_OK) {
			tui_error(s->ui, "Not removed: %s", err.msg);
			return;
		}
		plan_reload(s);
		tui_message(s->ui, "Removed the note.");
	} else if (r->tag == TAG_ESTABLISH && r->code == SCREEN_OK) {
		if (app_plan_establish(s->app, st->client_id, "", &err) !=
		    PD_OK)
			tui_error(s->ui, "%s", err.msg);
		else
			tui_message(s->ui, "The plan is established.");
		plan_reload(s);
	}
}

static const enum action plan_hints[] = {
	ACT_EDIT, ACT_ADD, ACT_REVIEW, ACT_CHANGES, ACT_PRINT, ACT_NOTE,
	ACT_HISTORY, ACT_SAVE_PDF, ACT_ESTABLISH, ACT_OPEN, ACT_BACK, ACT_HELP,
	ACT_REMOVE, ACT_NONE
};

const struct screen_ops plan_screen = {
	.name = "plan",
	.title = "Wellness and Safety Plan",
	.state_size = sizeof(struct plan_ui),
	.hints = plan_hints,
	.help = "The client's Wellness and Safety Plan, in their own words. "
	    "Up and Down move between the sections, goals and notes; Enter "
	    "opens the one shown in reverse. The keys below: edit the "
	    "sections, add a goal, record a review (score the goals), add a "
	    "note, see what changed since the last review and who changed what "
	    "and when, print the client's copy or save it as a PDF, and (the "
	    "Operations Manager) mark the plan established. x removes a note, "
	    "with a reason: office staff and managers any note, a PAL only "
	    "one they wrote.",
	.enter = plan_enter,
	.leave = plan_leave,
	.layout = plan_relayout,
	.draw = plan_draw,
	.on_action = plan_on_action,
	.on_result = plan_on_result,
};

/* ---- the sections form ---------------------------------------------- */

struct plan_edit_rec {
	struct plan_sections sec;	/* the fields live here */
	int64_t client_id;
	int expected;			/* the version being edited */
	struct plan_sections base;	/* that version, for a merge */
	int conflict;
	char conflict_msg[512];
	const char *focus;
};

static struct field_def edit_fields[PLAN_NFIELDS + 2];
static char edit_labels[PLAN_NFIELDS][40];

static const char *const edit_short[PLAN_NFIELDS] = {
	"My ambitions", "Support I want", "What I want from it",
	"What keeps me well", "Triggers", "Plan for triggers",
	"Warning signs", "What we will do", "Crisis plan", "Who to contact",
	"What helps", "What does not help", "Advance statement",
	"Where I feel unsafe"
};

/* The field table, made once from plan_fields. */
static void
edit_fields_init(void)
{
	size_t i;

	if (edit_fields[0].id != NULL)
		return;
	for (i = 0; i < PLAN_NFIELDS; i++) {
		snprintf(edit_labels[i], sizeof edit_labels[i], "%d %s",
		    plan_fields[i].section, edit_short[i]);
		edit_fields[i].id = plan_fields[i].key;
		edit_fields[i].label = edit_labels[i];
		edit_fields[i].kind = FIELD_MULTILINE;
		edit_fields[i].offset = offsetof(struct plan_edit_rec, sec) +
		    plan_fields[i].offset;
		edit_fields[i].height = 3;
		edit_fields[i].max_len = PLAN_TEXT_MAX;
		edit_fields[i].help = plan_fields[i].hint;
	}
	edit_fields[i].id = "note";
	edit_fields[i].label = "What changed";
	edit_fields[i].kind = FIELD_TEXT;
	edit_fields[i].offset = offsetof(struct plan_edit_rec, sec.note);
	edit_fields[i].max_len = 300;
	edit_fields[i].help = "A few words for the history: why the plan "
	    "changed (optional).";
}

static void
edit_rec_fini(void *rec)
{
	struct plan_edit_rec *r = rec;

	plan_sections_fini(&r->sec);
	plan_sections_fini(&r->base);
}

static enum pd_status
edit_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	const struct plan_edit_arg *a = arg;
	struct plan_edit_rec *r = rec;
	struct plan_doc doc;
	enum pd_status s;

	if (a == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which client's plan?");
	r->client_id = a->client_id;
	r->focus = a->focus;
	if ((s = app_plan_load(app, a->client_id, &doc, err)) != PD_OK)
		return s;
	plan_sections_copy(&r->sec, &doc.sections);
	FREE(&r->sec.note);
	plan_sections_copy(&r->base, &doc.sections);
	r->expected = doc.info.current_version;
	plan_doc_fini(&doc);
	return PD_OK;
}

static enum pd_status
edit_save(void *app, void *rec, struct pd_err *err)
{
	struct plan_edit_rec *r = rec;
	enum pd_status s;
	int now;

	s = app_plan_save(app, r->client_id, &r->sec, r->expected, &now, err);
	if (s == PD_CONFLICT && err != NULL) {
		r->conflict = 1;
		snprintf(r->conflict_msg, sizeof r->conflict_msg, "%s",
		    err->msg);
	}
	return s;
}

static const struct form_def edit_form = {
	.fields = edit_fields,
	.rec_size = sizeof(struct plan_edit_rec),
	.rec_fini = edit_rec_fini,
	.load = edit_load,
	.save = edit_save,
	.saved_message = "Saved: the plan has a new version.",
};

static enum pd_status
edit_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct form *fm = s->state;
	struct plan_edit_rec *r;
	enum pd_status rc;
	size_t i;

	edit_fields_init();
	if ((rc = form_enter(s, arg, err)) != PD_OK)
		return rc;
	r = fm->rec;
	for (i = 0; r->focus != NULL && i < fm->n; i++)
		if (strcmp(edit_fields[i].id, r->focus) == 0) {
			fm->focus = i;
			le_end(&fm->f[i].le);
		}
	return PD_OK;
}

/* Their changes into the form; where both changed, theirs beside. */
static void
edit_merge(struct screen *s)
{
	struct form *fm = s->state;
	struct plan_edit_rec *r = fm->rec;
	struct plan_sections merged, theirs;
	struct pd_err err;
	unsigned both = 0;
	int tv = 0, n = 0;
	size_t i;

	if (app_plan_merge(s->app, r->client_id, &r->base, &r->sec, &merged,
	    &theirs, &tv, &both, &err) != PD_OK) {
		tui_error(s->ui, "Could not read their version: %s", err.msg);
		return;
	}
	for (i = 0; i < PLAN_NFIELDS; i++) {
		const char *m = plan_field_get(&merged, i);
		struct strbuf cur = STRBUF_INIT;

		form_get_text(s, plan_fields[i].key, &cur);
		if (strcmp(strbuf_str(&cur), m ? m : "") != 0)
			form_set_text(s, plan_fields[i].key, m ? m : "");
		strbuf_fini(&cur);
	}
	for (i = PLAN_NFIELDS; i-- > 0;) {
		const char *t = plan_field_get(&theirs, i);
		char *msg;

		if ((both & (1u << i)) == 0)
			continue;
		msg = xasprintf("They wrote: \"%s\". Yours is kept here; "
		    "change it if you need to.", t ? t : "(nothing)");
		form_set_error(s, plan_fields[i].key, msg);
		free(msg);
		n++;
	}
	plan_sections_fini(&r->base);
	r->base = theirs;
	r->expected = tv;
	plan_sections_fini(&merged);
	if (n > 0)
		tui_message(s->ui, "Merged. You both changed %d section%s: "
		    "theirs is under yours. Save when ready.", n,
		    n == 1 ? "" : "s");
	else
		tui_message(s->ui, "Merged: their changes are in, and yours "
		    "are kept. Save again when ready.");
}

static enum tui_result
edit_on_action(struct screen *s, enum action a)
{
	struct form *fm = s->state;
	struct plan_edit_rec *r = fm->rec;
	enum tui_result res = form_on_action(s, a);
	char *text;

	if (r->conflict) {
		char *cut = strstr(r->conflict_msg, " Reload to see");

		r->conflict = 0;
		if (cut != NULL)	/* our own advice follows */
			*cut = '\0';
		text = xasprintf("%s Merge their changes with yours? Where you "
		    "both changed a section, yours is kept and theirs is shown "
		    "with it.", r->conflict_msg);
		dialog_confirm(s->ui, TAG_MERGE, "Someone else saved the plan",
		    text, "Merge", "Keep editing", true);
		free(text);
	}
	return res;
}

static void
edit_on_result(struct screen *s, const struct screen_result *r)
{
	if (r->tag == TAG_MERGE) {
		if (r->code == SCREEN_OK)
			edit_merge(s);
		return;
	}
	form_on_result(s, r);
}

const struct screen_ops plan_edit_screen = {
	.name = "plan_edit",
	.title = "The plan's sections",
	.def = &edit_form,
	.help = "The sections of the Wellness and Safety Plan, in the "
	    "client's own words: 1 ambitions, 2 the support they want, 3 what "
	    "keeps them well, 4 triggers, 5 early warning signs, 6 when things "
	    "break down, 7 where they feel unsafe. Every save keeps the "
	    "version before. If someone else saved first, nothing is lost: "
	    "their changes can be merged with yours.",
	/* FORM_SCREEN_CALLBACKS, with three of them wrapped */
	.sections = form_sections,
	.state_size = sizeof(struct form),
	.hints = form_hints,
	.enter = edit_enter,
	.leave = form_leave,
	.layout = form_layout,
	.draw = form_draw,
	.on_action = edit_on_action,
	.on_text = form_on_text,
	.on_result = edit_on_result,
	.is_dirty = form_is_dirty,
	.context = form_context,
	.text_focus = form_text_focus,
	.help_more = form_help_more,
};
