/* shortlist.c - "Choose a PAL" for a client: what they asked for, their
 * shortlist, and PALs suggested with the reasons and the room each has
 * this week; interviews and first meetings are recorded from here. */
#include "peerdesk/tui/screens.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign_ui.h"
#include "peerdesk/app/assignments.h"
#include "peerdesk/app/choose.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/form.h"
#include "peerdesk/tui/page.h"

enum sl_kind { K_ENTRY, K_SUG };
enum sl_do { DO_ADD, DO_PROFILE, DO_INTERVIEW, DO_MEETING, DO_WITHDRAW };
enum { TAG_MENU = 1, TAG_FORM = 2, TAG_WITHDRAW = 3, TAG_NOTE = 4,
	TAG_PROFILE = 5 };

#define SL_NAME_COLS 20
#define SL_DETAIL_ROWS 5

struct sl_state {
	int64_t client_id;
	struct suggestion_list sug;
	struct shortlist list;
	struct page page;
	enum sl_do menu[5];
	size_t nmenu;
	int kind;		/* of the row the menu is for */
	size_t index;		/* into list.v or sug.v */
	int64_t pal_id;		/* the PAL the menu is about */
	int detail_rows;
};

static enum pd_status
sl_load(struct screen *s, struct pd_err *err)
{
	struct sl_state *st = s->state;
	struct suggestion_list sug;
	struct shortlist list;
	enum pd_status rc;

	if ((rc = app_suggest_pals(assign_app(s), st->client_id, &sug, err))
	    != PD_OK)
		return rc;
	if ((rc = app_shortlist_list(assign_app(s), st->client_id, &list,
	    err)) != PD_OK) {
		suggestion_list_fini(&sug);
		return rc;
	}
	suggestion_list_fini(&st->sug);
	shortlist_fini(&st->list);
	st->sug = sug;
	st->list = list;
	return PD_OK;
}

static int
sl_open(const struct shortlist_entry *e)
{
	return e->status == SHORTLIST_SHORTLISTED ||
	    e->status == SHORTLIST_INTERVIEWED || e->status == SHORTLIST_MET;
}

/* "interviewed Fri 20 Nov 2026", "chosen", ... for an entry. */
static void
sl_entry_state(const struct shortlist_entry *e, char *buf, size_t n)
{
	char day[DATE_LONG_LEN];
	pd_date d;
	const char *when = e->status == SHORTLIST_INTERVIEWED ?
	    e->interview_on : e->status == SHORTLIST_SHORTLISTED ?
	    e->added_on : e->first_meeting_on[0] ? e->first_meeting_on :
	    e->closed_on;

	if (date_parse(when, &d, NULL) == PD_OK)
		snprintf(buf, n, "%s %s", shortlist_status_label(e->status),
		    date_format_long(d, day));
	else
		snprintf(buf, n, "%s", shortlist_status_label(e->status));
}

/* The name in `width` columns (cut or padded), then text. */
static char *
sl_row(const char *name, const char *text, size_t width)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, cols = 0, len = strlen(name);

	strbuf_adds(&sb, "  ");
	for (i = 0; i < len && cols < width - 1; i++) {
		if (((unsigned char)name[i] & 0xC0) != 0x80)
			cols++;
		strbuf_addc(&sb, name[i]);
	}
	while (i < len && ((unsigned char)name[i] & 0xC0) == 0x80)
		strbuf_addc(&sb, name[i++]);
	for (; cols < width; cols++)
		strbuf_addc(&sb, ' ');
	strbuf_adds(&sb, text);
	return strbuf_detach(&sb);
}

static void
sl_build(struct screen *s)
{
	struct sl_state *st = s->state;
	struct page *pg = &st->page;
	int w = s->area.w > 20 ? s->area.w : 40;
	struct rect area = s->area;
	char buf[600], state[80];
	size_t i, nc = w >= 70 ? SL_NAME_COLS : 14;

	page_clear(pg);
	page_add_labelled(pg, ST_NORMAL, w, 2,
	    "Asked for", st->sug.preferences ? st->sug.preferences :
	    "nothing in particular");
	page_add_labelled(pg, ST_NORMAL, w, 2, "Interests", st->sug.interests);
	page_add_labelled(pg, ST_NORMAL, w, 2, "Would like to learn",
	    st->sug.skills_wanted);
	if (!st->sug.plan_established)
		page_add_labelled(pg, ST_WARN, w, 2, NULL, "The wellness plan "
		    "is not established yet: starting support will need a "
		    "reason.");

	page_addf(pg, ST_HEADER, "Shortlist: %zu to meet (usually two or "
	    "three)", st->list.open);
	for (i = 0; i < st->list.n; i++) {
		const struct shortlist_entry *e = &st->list.v[i];
		char *row;

		sl_entry_state(e, state, sizeof state);
		row = sl_row(e->pal_name ? e->pal_name : "?", state, nc);
		page_item(pg, K_ENTRY, (int64_t)i);
		page_add(pg, sl_open(e) ? ST_NORMAL : ST_DIM, row);
		free(row);
	}
	page_item_end(pg);
	if (st->list.n == 0)
		page_add(pg, ST_DIM,
		    "  nobody yet: add PALs from the suggestions below");

	page_add(pg, ST_HEADER, "Suggested PALs");
	for (i = 0; i < st->sug.n; i++) {
		const struct pal_suggestion *p = &st->sug.v[i];
		char *row;

		suggest_reasons_text(&p->s, buf, sizeof buf);
		row = sl_row(p->name, buf, nc);
		page_item(pg, K_SUG, (int64_t)i);
		page_add(pg, p->s.has_room ? ST_NORMAL : ST_DIM, row);
		free(row);
	}
	page_item_end(pg);
	if (st->sug.n == 0)
		page_add(pg, ST_DIM, "  no other PAL is free to suggest");
	area.h -= st->detail_rows;
	page_layout(pg, area);
}

static enum pd_status
sl_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct sl_state *st = s->state;
	enum pd_status rc;
	char title[200];

	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which client?");
	st->client_id = *(const int64_t *)arg;
	if ((rc = sl_load(s, err)) != PD_OK)
		return rc;
	snprintf(title, sizeof title, "Choose a PAL: %s", st->sug.client_name);
	screen_set_title(s, title);
	return PD_OK;
}

static void
sl_leave(struct screen *s)
{
	struct sl_state *st = s->state;

	page_fini(&st->page);
	suggestion_list_fini(&st->sug);
	shortlist_fini(&st->list);
}

static void
sl_layout(struct screen *s)
{
	struct sl_state *st = s->state;

	st->detail_rows = s->area.h >= 20 ? SL_DETAIL_ROWS : 3;
	sl_build(s);
}

/* What the selected row is about, in full, for the bottom rows. */
static void
sl_detail(const struct sl_state *st, char *buf, size_t n)
{
	const struct page_item *l = page_current(&st->page);
	char state[80];

	buf[0] = '\0';
	if (l == NULL)
		return;
	if (l->kind == K_SUG && (size_t)l->id < st->sug.n) {
		const struct pal_suggestion *p = &st->sug.v[l->id];
		char why[500];

		snprintf(buf, n, "%s: %s", p->name, suggest_reasons_text(&p->s,
		    why, sizeof why));
	} else if (l->kind == K_ENTRY && (size_t)l->id < st->list.n) {
		const struct shortlist_entry *e = &st->list.v[l->id];

		sl_entry_state(e, state, sizeof state);
		snprintf(buf, n, "%s, %s.%s%s%s%s%s%s", e->pal_name, state,
		    e->interview_note ? " Interview: " : "",
		    e->interview_note ? e->interview_note : "",
		    e->decline_reason ? " Why not: " : "",
		    e->decline_reason ? e->decline_reason : "",
		    e->why ? " Suggested because: " : "", e->why ? e->why : "");
	}
}

static void
sl_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct sl_state *st = s->state;
	struct rect top = s->area;
	char buf[1200];
	int y;

	top.h = s->area.h - st->detail_rows;
	page_draw(&st->page, cur);
	y = s->area.y + top.h;
	draw_fill(y, s->area.x, s->area.w, ST_NORMAL);
	{
		/* a rule above the detail rows */
		int x;

		for (x = 0; x < s->area.w; x++)
			draw_text(y, s->area.x + x, 1, "\xe2\x94\x80", ST_BORDER);
	}
	sl_detail(st, buf, sizeof buf);
	draw_wrapped(y + 1, s->area.x, s->area.w, st->detail_rows - 1, buf,
	    ST_NORMAL);
}

static void
sl_menu(struct screen *s)
{
	struct sl_state *st = s->state;
	const struct page_item *l = page_current(&st->page);
	const char *items[5];
	char labels[5][120];
	const char *name;
	size_t i;

	if (l == NULL)
		return;
	st->nmenu = 0;
	st->kind = l->kind;
	st->index = (size_t)l->id;
	if (l->kind == K_SUG && st->index < st->sug.n) {
		name = st->sug.v[st->index].name;
		st->pal_id = st->sug.v[st->index].pal_id;
		snprintf(labels[0], sizeof labels[0], "Add %s to the shortlist",
		    name);
		st->menu[st->nmenu++] = DO_ADD;
	} else if (l->kind == K_ENTRY && st->index < st->list.n) {
		const struct shortlist_entry *e = &st->list.v[st->index];

		name = e->pal_name ? e->pal_name : "this PAL";
		st->pal_id = e->pal_id;
		if (sl_open(e)) {
			snprintf(labels[st->nmenu], sizeof labels[0],
			    "Record the interview");
			st->menu[st->nmenu++] = DO_INTERVIEW;
			snprintf(labels[st->nmenu], sizeof labels[0],
			    "Record the first meeting");
			st->menu[st->nmenu++] = DO_MEETING;
			snprintf(labels[st->nmenu], sizeof labels[0],
			    "Take %s off the shortlist", name);
			st->menu[st->nmenu++] = DO_WITHDRAW;
		}
	} else
		return;
	snprintf(labels[st->nmenu], sizeof labels[0], "See %s's profile", name);
	st->menu[st->nmenu++] = DO_PROFILE;
	for (i = 0; i < st->nmenu; i++)
		items[i] = labels[i];
	dialog_pick(s->ui, TAG_MENU, "What next?", items, st->nmenu, 0);
}

static const struct screen_ops sl_interview_screen;
static const struct screen_ops sl_meeting_screen;

static void
sl_do(struct screen *s, enum sl_do what)
{
	struct sl_state *st = s->state;
	struct pd_err err;
	struct shortlist_entry *e = st->kind == K_ENTRY &&
	    st->index < st->list.n ? &st->list.v[st->index] : NULL;
	int64_t id = 0;

	switch (what) {
	case DO_ADD:
		if (st->index >= st->sug.n)
			return;
		{
			char why[600];
			const struct pal_suggestion *p = &st->sug.v[st->index];
			char name[160];

			snprintf(name, sizeof name, "%s", p->name);
			if (app_shortlist_add(assign_app(s), st->client_id,
			    p->pal_id, suggest_reasons_text(&p->s, why,
			    sizeof why), &id, &err) != PD_OK) {
				tui_error(s->ui, "%s", err.msg);
				return;
			}
			if (sl_load(s, &err) != PD_OK)
				tui_error(s->ui, "%s", err.msg);
			sl_build(s);
			page_reselect(&st->page, K_ENTRY,
			    (int64_t)st->list.n - 1);
			if (st->list.open > 3)
				tui_message(s->ui, "Added %s. That makes %zu to "
				    "meet; clients usually meet two or three.",
				    name, st->list.open);
			else
				tui_message(s->ui, "Added %s to the shortlist.",
				    name);
		}
		return;
	case DO_PROFILE:
		if (tui_push(s->ui, &pal_view_screen, &st->pal_id, TAG_PROFILE,
		    &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return;
	case DO_INTERVIEW:
		if (e != NULL && tui_push(s->ui, &sl_interview_screen, &e,
		    TAG_FORM, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return;
	case DO_MEETING:
		if (e != NULL && tui_push(s->ui, &sl_meeting_screen, &e,
		    TAG_FORM, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return;
	case DO_WITHDRAW:
		if (e != NULL)
			dialog_prompt(s->ui, TAG_WITHDRAW, "Off the shortlist",
			    "Why?", NULL, 300);
		return;
	}
}

static enum tui_result
sl_action(struct screen *s, enum action a)
{
	struct sl_state *st = s->state;

	if (a == ACT_OPEN) {
		sl_menu(s);
		return TUI_HANDLED;
	}
	return page_action(&st->page, a);
}

static void
sl_reload(struct screen *s)
{
	struct pd_err err;

	if (sl_load(s, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
	sl_build(s);
}

static void
sl_result(struct screen *s, const struct screen_result *r)
{
	struct sl_state *st = s->state;
	struct pd_err err;
	const char *note;

	if (r->tag == TAG_MENU) {
		if (r->code == SCREEN_OK && r->index >= 0 &&
		    (size_t)r->index < st->nmenu)
			sl_do(s, st->menu[r->index]);
		return;
	}
	if (r->tag == TAG_WITHDRAW && r->code == SCREEN_OK &&
	    st->kind == K_ENTRY && st->index < st->list.n) {
		if (app_shortlist_withdraw(assign_app(s),
		    &st->list.v[st->index], r->text, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		else
			tui_message(s->ui, "Taken off the shortlist.");
		sl_reload(s);
		return;
	}
	if (r->tag == TAG_FORM || r->tag == TAG_PROFILE) {
		sl_reload(s);
		note = r->text != NULL ? r->text : "";
		if (r->tag == TAG_FORM && r->code == SCREEN_OK &&
		    note[0] != '\0')
			dialog_message(s->ui, TAG_NOTE, "First meeting", note);
	}
}

static const char *const sl_sections[] = { "list", NULL };
static const enum action sl_hints[] = {
	ACT_OPEN, ACT_HELP, ACT_BACK, ACT_NONE
};

const struct screen_ops shortlist_screen = {
	.name = "shortlist",
	.title = "Choose a PAL",
	.sections = sl_sections,
	.state_size = sizeof(struct sl_state),
	.hints = sl_hints,
	.help = "The client chooses their PAL. Suggested PALs come first "
	    "when they share what the client asked for, and when they have "
	    "room: places for another client, and time and pay left this "
	    "week under their benefit limit. PALs with no room are greyed "
	    "and last. The line at the bottom says why. Enter adds a PAL to "
	    "the shortlist (usually two or three to meet), or records an "
	    "interview or the first meeting, where either side may say no. "
	    "When both say yes, support starts and the review is due four "
	    "weeks later.",
	.enter = sl_enter,
	.leave = sl_leave,
	.layout = sl_layout,
	.draw = sl_draw,
	.on_action = sl_action,
	.on_result = sl_result,
};

/* ---- the interview ---------------------------------------------------- */

/* Both forms are pushed with the address of a pointer to the parent's
 * copy of the entry, which the use case brings up to date. */
struct sl_interview {
	struct assign_said said;
	struct shortlist_entry *e;	/* the parent's copy */
	char date[11];
	char *note;
};

static const struct field_def sl_interview_fields[] = {
	{ .id = "date", .label = "Date", .kind = FIELD_DATE,
	  .offset = offsetof(struct sl_interview, date), .required = true,
	  .width = 12 },
	{ .id = "note", .label = "How it went", .kind = FIELD_MULTILINE,
	  .offset = offsetof(struct sl_interview, note), .height = 3 },
	{ .id = NULL }
};

static void
sl_interview_fini(void *rec)
{
	struct sl_interview *v = rec;

	FREE(&v->note);
}

static enum pd_status
sl_interview_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	struct sl_interview *v = rec;

	(void)app;
	(void)err;
	v->e = *(struct shortlist_entry *const *)arg;
	if (v->e->interview_on[0] != '\0')
		memcpy(v->date, v->e->interview_on, 11);
	else
		app_today(v->date);
	v->note = v->e->interview_note ? xstrdup(v->e->interview_note) : NULL;
	assign_said_set_title(&v->said, "Interview: %s", v->e->pal_name ?
	    v->e->pal_name : "PAL");
	return PD_OK;
}

static enum pd_status
sl_interview_save(void *app, void *rec, struct pd_err *err)
{
	struct sl_interview *v = rec;

	return app_shortlist_interview(app, v->e, v->date, v->note, err);
}

static const struct form_def sl_interview_form = {
	ASSIGN_SAID_CALLBACKS,
	.fields = sl_interview_fields,
	.rec_size = sizeof(struct sl_interview),
	.rec_fini = sl_interview_fini,
	.load = sl_interview_load,
	.save = sl_interview_save,
	.saved_message = "Saved the interview.",
};

static const struct screen_ops sl_interview_screen = {
	.name = "shortlist-interview",
	.title = "Interview",
	.help = "The client's interview of a PAL on their shortlist.",
	.def = &sl_interview_form,
	ASSIGN_FORM_CALLBACKS
};

/* ---- the first meeting -------------------------------------------------- */

struct sl_meeting {
	struct assign_said said;
	struct shortlist_entry *e;
	char date[11];
	int client;
	int pal;
	char *reason;
	int minutes;
	char *override;
};

static const struct field_choice sl_decisions[] = {
	{ DECISION_NONE, "Not yet" }, { DECISION_YES, "Yes" },
	{ DECISION_NO, "No" }, { 0, NULL }
};

static const struct field_def sl_meeting_fields[] = {
	{ .id = "date", .label = "Date", .kind = FIELD_DATE,
	  .offset = offsetof(struct sl_meeting, date), .required = true,
	  .width = 12 },
	{ .id = "client", .label = "Client says", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct sl_meeting, client),
	  .choices = sl_decisions, .width = 10, .help = "Does the client want "
	  "this PAL? They may say no, with a reason." },
	{ .id = "pal", .label = "PAL says", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct sl_meeting, pal), .choices = sl_decisions,
	  .width = 10, .help = "The PAL may also decide not to go ahead." },
	{ .id = "reason", .label = "Why not", .kind = FIELD_TEXT,
	  .offset = offsetof(struct sl_meeting, reason),
	  .help = "Needed when either says no." },
	{ .id = "contracted", .label = "Hours a week", .kind = FIELD_DURATION,
	  .offset = offsetof(struct sl_meeting, minutes), .min = 1,
	  .max = 24 * 60, .width = 10, .help = "The support time agreed with "
	  "this PAL, if known." },
	{ .id = "override_reason", .label = "Plan not ready", .kind =
	  FIELD_TEXT, .offset = offsetof(struct sl_meeting, override),
	  .help = "Only when the wellness plan is not established yet: why "
	  "support should start anyway." },
	{ .id = NULL }
};

static void
sl_meeting_fini(void *rec)
{
	struct sl_meeting *m = rec;

	FREE(&m->reason);
	FREE(&m->override);
}

static enum pd_status
sl_meeting_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	struct sl_meeting *m = rec;

	(void)app;
	(void)err;
	m->e = *(struct shortlist_entry *const *)arg;
	if (m->e->first_meeting_on[0] != '\0')
		memcpy(m->date, m->e->first_meeting_on, 11);
	else
		app_today(m->date);
	m->client = (int)m->e->client_decision;
	m->pal = (int)m->e->pal_decision;
	m->minutes = -1;
	assign_said_set_title(&m->said, "First meeting: %s",
	    m->e->pal_name ? m->e->pal_name : "PAL");
	return PD_OK;
}

static enum pd_status
sl_meeting_save(void *app, void *rec, struct pd_err *err)
{
	struct sl_meeting *m = rec;
	struct first_meeting fm;
	char name[160];
	int64_t aid = 0;
	enum pd_status s;

	memset(&fm, 0, sizeof fm);
	memcpy(fm.date, m->date, 11);
	fm.client = m->client < 0 ? DECISION_NONE : (enum decision)m->client;
	fm.pal = m->pal < 0 ? DECISION_NONE : (enum decision)m->pal;
	fm.reason = m->reason;
	fm.contracted_minutes = m->minutes;
	fm.override_reason = m->override;
	snprintf(name, sizeof name, "%s", m->e->pal_name ? m->e->pal_name :
	    "The PAL");
	s = app_shortlist_first_meeting(app, m->e, &fm, &aid, err);
	if (s == PD_OK && aid > 0) {
		struct assignment_item it;

		if (app_assignment_get(app, aid, &it, NULL) == PD_OK) {
			assign_said_set_note(&m->said, "Both said yes: %s "
			    "supports %s from %s. The review is due from %s.",
			    name,
			    it.a.client_name ? it.a.client_name : "the client",
			    it.a.started_on, it.a.review_due_on);
			assignment_fini(&it.a);
		}
	}
	return s;
}

static const struct form_def sl_meeting_form = {
	ASSIGN_SAID_CALLBACKS,
	.fields = sl_meeting_fields,
	.rec_size = sizeof(struct sl_meeting),
	.rec_fini = sl_meeting_fini,
	.load = sl_meeting_load,
	.save = sl_meeting_save,
	.saved_message = "Saved the first meeting.",
};

static const struct screen_ops sl_meeting_screen = {
	.name = "shortlist-meeting",
	.title = "First meeting",
	.help = "What each side decided at the first meeting. Either may say "
	    "no, with a reason. When both say yes, support starts from this "
	    "date and the review is due four weeks later.",
	.def = &sl_meeting_form,
	ASSIGN_FORM_CALLBACKS
};
