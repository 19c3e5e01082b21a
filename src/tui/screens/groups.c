/* groups.c - groups and drop-ins on screen: the list, one group with its
 * meetings, a meeting's register taken in a few keys at 40 columns (so
 * a PAL can take it from a phone), and the outcomes report. */
#include "peerdesk/tui/screens.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/groups.h"
#include "peerdesk/app/outcomes.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/form.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/list.h"

static const struct screen_ops group_add_screen;

/* ---- the list -------------------------------------------------------------- */

struct groups_state {
	struct group_row *v;
	size_t n;
	size_t *match;
	size_t nmatch;
	struct list_view lv;
};

static int
has_text(const char *hay, const char *needle)
{
	size_t i, j, hn = strlen(hay), nn = strlen(needle);

	for (i = 0; i + nn <= hn; i++) {
		for (j = 0; j < nn; j++) {
			char a = hay[i + j], b = needle[j];

			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (j == nn)
			return 1;
	}
	return nn == 0;
}

static enum pd_status
groups_count(void *ctx, const char *filter, size_t *n, struct pd_err *err)
{
	struct groups_state *st = ctx;
	size_t i;

	(void)err;
	free(st->match);
	st->match = xcalloc(st->n ? st->n : 1, sizeof *st->match);
	st->nmatch = 0;
	for (i = 0; i < st->n; i++)
		if (has_text(st->v[i].g.name, filter))
			st->match[st->nmatch++] = i;
	*n = st->nmatch;
	return PD_OK;
}

static enum pd_status
groups_fetch(void *ctx, const char *filter, size_t first, size_t n,
    struct pd_err *err)
{
	(void)ctx;
	(void)filter;
	(void)first;
	(void)n;
	(void)err;
	return PD_OK;	/* a handful of groups, all in memory */
}

static void
groups_cell(void *ctx, size_t row, size_t col, struct strbuf *out)
{
	struct groups_state *st = ctx;
	const struct group_row *r;

	if (row >= st->nmatch)
		return;
	r = &st->v[st->match[row]];
	switch (col) {
	case 0:
		strbuf_adds(out, r->g.name);
		if (!r->g.active)
			strbuf_adds(out, " (not running)");
		break;
	case 1:
		if (r->g.usual_day)
			strbuf_addf(out, "%s ",
			    date_weekday_short(r->g.usual_day));
		strbuf_adds(out, r->g.usual_time);
		break;
	case 2:
		strbuf_addf(out, "%d", r->meetings);
		break;
	case 3:
		strbuf_addf(out, "%d", r->people);
		break;
	case 4:
		strbuf_adds(out, r->last);
		break;
	default:
		break;
	}
}

static const struct list_column groups_columns[] = {
	{ .title = "Group" },
	{ .title = "When", .width = 9 },
	{ .title = "Met", .width = 4, .right = true },
	{ .title = "People", .width = 6, .right = true, .min_screen = 50 },
	{ .title = "Last met", .width = 10, .min_screen = 64 },
};

static enum pd_status
groups_load(struct screen *s, struct pd_err *err)
{
	struct groups_state *st = s->state;
	struct group_row *v;
	size_t n;
	enum pd_status rc;

	size_t i, k = 0;
	struct group_row tmp;

	if ((rc = app_groups_list(s->app, 1, &v, &n, err)) != PD_OK)
		return rc;
	/* those still running first, those no longer running below them
	 * (each in name order, as listed) */
	for (i = 0; i < n; i++)
		if (v[i].g.active) {
			size_t j;

			tmp = v[i];
			for (j = i; j > k; j--)
				v[j] = v[j - 1];
			v[k++] = tmp;
		}
	group_rows_free(st->v, st->n);
	st->v = v;
	st->n = n;
	return PD_OK;
}

static enum pd_status
groups_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct groups_state *st = s->state;
	struct list_model m = {
		.count = groups_count,
		.fetch = groups_fetch,
		.cell = groups_cell,
		.ctx = st,
	};
	enum pd_status rc;

	(void)arg;
	if ((rc = groups_load(s, err)) != PD_OK)
		return rc;
	list_view_init(&st->lv, groups_columns, 5, &m);
	st->lv.empty_text = app_actor_is_pal(s->app) ? "You run no group yet." :
	    "No groups yet. Add one with: peerdesk groups add";
	return list_view_reload(&st->lv, err);
}

static void
groups_leave(struct screen *s)
{
	struct groups_state *st = s->state;

	list_view_fini(&st->lv);
	group_rows_free(st->v, st->n);
	free(st->match);
}

static void
groups_layout(struct screen *s)
{
	struct groups_state *st = s->state;

	list_view_layout(&st->lv, s->area);
}

static void
groups_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct groups_state *st = s->state;

	list_view_draw(&st->lv, cur);
}

static enum tui_result
groups_action(struct screen *s, enum action a)
{
	struct groups_state *st = s->state;
	struct pd_err err;
	size_t row;

	if (a == ACT_NEW) {
		if (tui_push(s->ui, &group_add_screen, NULL, 2, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return TUI_HANDLED;
	}
	if (a == ACT_OPEN) {
		if (list_view_selected(&st->lv, &row) && row < st->nmatch &&
		    tui_push_id(s->ui, &group_screen,
		    st->v[st->match[row]].g.id, 0, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return TUI_HANDLED;
	}
	return list_view_action(&st->lv, a);
}

static enum tui_result
groups_text(struct screen *s, struct tui_key k)
{
	struct groups_state *st = s->state;

	return list_view_text(&st->lv, s, k);
}

static void
groups_result(struct screen *s, const struct screen_result *r)
{
	struct groups_state *st = s->state;
	struct pd_err err;

	(void)r;
	if (groups_load(s, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
	list_view_reload(&st->lv, NULL);
}

static const char *
groups_context(const struct screen *s)
{
	const struct groups_state *st = s->state;

	return list_view_context(&st->lv);
}

static bool
groups_text_focus(const struct screen *s)
{
	const struct groups_state *st = s->state;

	return list_view_filtering(&st->lv);
}

static const char *const list_sections[] = { "list", NULL };
static const enum action groups_hints[] = {
	ACT_OPEN, ACT_NEW, ACT_FILTER, ACT_HELP, ACT_BACK, ACT_NONE
};

const struct screen_ops groups_screen = {
	.name = "groups",
	.title = "Groups and drop-ins",
	.sections = list_sections,
	.state_size = sizeof(struct groups_state),
	.hints = groups_hints,
	.help = "The groups and drop-ins: the walking group, the communal "
	    "meal, peer groups and courses, with how often they have met "
	    "and how many people come. A PAL sees the groups they run. "
	    "Enter opens a group, to see its meetings or take a register; "
	    "the office adds a group with Ctrl-N.",
	.enter = groups_enter,
	.leave = groups_leave,
	.layout = groups_layout,
	.draw = groups_draw,
	.on_action = groups_action,
	.on_text = groups_text,
	.on_result = groups_result,
	.context = groups_context,
	.text_focus = groups_text_focus,
};

/* ---- a new group (office and managers) ------------------------------------ */

struct group_form {
	char *name;
	int kind;
	int day;
	char *time;
	char *place;
	char *runners;		/* logins, spaces or commas between */
};

static const struct field_choice group_kinds[] = {
	{ GROUP_WALK, "Walk" },
	{ GROUP_MEAL, "Meal" },
	{ GROUP_DROP_IN, "Drop-in" },
	{ GROUP_PEER, "Peer group" },
	{ GROUP_COURSE, "Course" },
	{ 0, NULL }
};

static const struct field_choice group_days[] = {
	{ 0, "Not fixed" }, { 1, "Monday" }, { 2, "Tuesday" },
	{ 3, "Wednesday" }, { 4, "Thursday" }, { 5, "Friday" },
	{ 6, "Saturday" }, { 7, "Sunday" }, { 0, NULL }
};

static const struct field_def group_fields[] = {
	{ .id = "name", .label = "Name", .kind = FIELD_TEXT,
	  .offset = offsetof(struct group_form, name), .required = true,
	  .max_len = 80, .help = "What people call it: Thursday walking "
	  "group." },
	{ .id = "kind", .label = "Kind", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct group_form, kind), .choices = group_kinds,
	  .width = 12 },
	{ .id = "day", .label = "Usual day", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct group_form, day), .choices = group_days,
	  .width = 12 },
	{ .id = "time", .label = "Usual time", .kind = FIELD_TEXT,
	  .offset = offsetof(struct group_form, time), .max_len = 5,
	  .width = 6, .help = "Like 13:30." },
	{ .id = "place", .label = "Place", .kind = FIELD_TEXT,
	  .offset = offsetof(struct group_form, place), .max_len = 120 },
	{ .id = "facilitator", .label = "Run by (logins)", .kind = FIELD_TEXT,
	  .offset = offsetof(struct group_form, runners), .max_len = 200,
	  .help = "The logins of the PALs and staff who usually run it, "
	  "with spaces between: their time running a meeting is paid." },
	{ .id = NULL },
};

static void
group_form_init(void *rec)
{
	struct group_form *g = rec;

	memset(g, 0, sizeof *g);
	g->kind = GROUP_WALK;
}

static void
group_form_fini(void *rec)
{
	struct group_form *g = rec;

	free(g->name);
	free(g->time);
	free(g->place);
	free(g->runners);
	memset(g, 0, sizeof *g);
}

static enum pd_status
group_form_save(void *app, void *rec, struct pd_err *err)
{
	struct group_form *f = rec;
	int64_t ids[32];
	size_t n = 0;
	struct group g;
	char *copy, *tok, *save = NULL;
	enum pd_status st = PD_OK;

	copy = xstrdup(f->runners != NULL ? f->runners : "");
	for (tok = strtok_r(copy, " ,", &save); tok != NULL && st == PD_OK;
	    tok = strtok_r(NULL, " ,", &save)) {
		if (n == 32)
			st = pd_fail(err, PD_INVALID, "facilitator", "at most "
			    "32 people");
		else
			st = app_group_staff_by_login(app, tok, &ids[n++],
			    err);
	}
	free(copy);
	if (st != PD_OK)
		return st;
	memset(&g, 0, sizeof g);
	g.name = f->name;
	g.kind = (enum group_kind)f->kind;
	g.usual_day = f->day;
	if (f->time != NULL && strlen(f->time) < sizeof g.usual_time)
		snprintf(g.usual_time, sizeof g.usual_time, "%s", f->time);
	else if (f->time != NULL)
		return pd_fail(err, PD_INVALID, "time", "the time should look "
		    "like 13:30");
	g.place = f->place;
	return app_group_add(app, &g, ids, n, err);
}

static const struct form_def group_form = {
	.fields = group_fields,
	.rec_size = sizeof(struct group_form),
	.rec_init = group_form_init,
	.rec_fini = group_form_fini,
	.save = group_form_save,
	.save_label = "Save the group",
};

static enum pd_status
group_add_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	if (app_actor_is_pal(s->app))
		return pd_fail(err, PD_DENIED, NULL, "groups are added by the "
		    "office");
	return form_enter(s, arg, err);
}

static const struct screen_ops group_add_screen = {
	.name = "group_add",
	.title = "New group",
	.help = "A new group or drop-in: its name, kind, when and where it "
	    "usually meets, and who usually runs it. Tab moves to the next "
	    "field.",
	.def = &group_form,
	.min_cols = 40,
	.min_rows = 15,
	.sections = form_sections,
	.state_size = sizeof(struct form),
	.hints = form_hints,
	.enter = group_add_enter,
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

/* ---- one group ------------------------------------------------------------ */

static const struct screen_ops register_fix_screen;

struct group_state {
	int64_t id;
	struct group_detail d;
	size_t sel, top;
	/* a change waiting for a dialog: the meeting as it will be, and
	 * whether it is a removal */
	struct group_meeting pending;
	bool removing;
};

#define GROUP_TAG_REGISTER 1
#define GROUP_TAG_LENGTH 2
#define GROUP_TAG_DATE 3
#define GROUP_TAG_REMOVE 4
#define GROUP_TAG_REASON 5
#define GROUP_TAG_RUNNING 6

#define GROUP_HEAD 4	/* rows above the meetings */

static enum pd_status
group_load(struct screen *s, struct pd_err *err)
{
	struct group_state *st = s->state;
	struct group_detail d;
	enum pd_status rc;

	if ((rc = app_group_get(s->app, st->id, 0, &d, err)) != PD_OK)
		return rc;
	group_detail_fini(&st->d);
	st->d = d;
	if (st->sel >= d.nmeetings)
		st->sel = d.nmeetings ? d.nmeetings - 1 : 0;
	screen_set_title(s, d.row.g.name);
	return PD_OK;
}

static enum pd_status
group_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct group_state *st = s->state;

	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which group?");
	st->id = *(const int64_t *)arg;
	return group_load(s, err);
}

static void
group_leave(struct screen *s)
{
	struct group_state *st = s->state;

	group_detail_fini(&st->d);
	group_meeting_fini(&st->pending);
}

static void
group_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct group_state *st = s->state;
	const struct group_row *r = &st->d.row;
	int x = s->area.x + 1, w = s->area.w - 2, y = s->area.y, rows;
	char line[256], dur[DURATION_STR_LEN];
	size_t i;

	snprintf(line, sizeof line, "%s%s%s%s%s (%s)",
	    group_day_label(r->g.usual_day), r->g.usual_day ? " " : "",
	    r->g.usual_time, r->g.place ? ", " : "", r->g.place ? r->g.place :
	    "", group_kind_label(r->g.kind));
	draw_text(y, x, w, line, ST_NORMAL);
	snprintf(line, sizeof line, "Run by: %s", r->facilitators[0] ?
	    r->facilitators : "nobody named");
	draw_text(y + 1, x, w, line, ST_NORMAL);
	if (r->g.active)
		snprintf(line, sizeof line, "%d meeting%s, %d people, %d came "
		    "in all", r->meetings, r->meetings == 1 ? "" : "s",
		    r->people, r->attendances);
	else
		snprintf(line, sizeof line, "No longer running (%d meeting%s, "
		    "%d people)", r->meetings, r->meetings == 1 ? "" : "s",
		    r->people);
	draw_text(y + 2, x, w, line, r->g.active ? ST_NORMAL : ST_DIM);
	draw_text(y + 3, x, w, "Meetings, newest first", ST_HEADER);
	rows = s->area.h - GROUP_HEAD;
	if (st->d.nmeetings == 0)
		draw_text(y + GROUP_HEAD, x, w, "None yet: r takes the "
		    "register of the first.", ST_DIM);
	for (i = st->top; i < st->d.nmeetings &&
	    (int)(i - st->top) < rows; i++) {
		const struct group_meeting *m = &st->d.meetings[i];

		snprintf(line, sizeof line, "%s %-5s %-7s %d came", m->date,
		    m->start_time, duration_format(m->minutes, dur), m->came);
		draw_text_pad(y + GROUP_HEAD + (int)(i - st->top), x, w, line,
		    i == st->sel ? ST_SELECTED : ST_NORMAL);
	}
	cur->y = y + GROUP_HEAD + (int)(st->sel - st->top);
	cur->x = x;
}

static void
group_show_meeting(struct screen *s)
{
	struct group_state *st = s->state;
	struct group_attendee *who;
	struct group_meeting m;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	size_t n, i;
	char title[64];

	if (st->sel >= st->d.nmeetings)
		return;
	if (app_group_meeting_get(s->app, st->d.meetings[st->sel].id, &m,
	    &who, &n, &err) != PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		return;
	}
	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", who[i].name);
	if (m.extra_count > 0)
		strbuf_addf(&sb, "%sand %d more", n ? ", " : "", m.extra_count);
	if (n == 0 && m.extra_count == 0)
		strbuf_adds(&sb, "Nobody was marked as coming.");
	if (m.notes != NULL)
		strbuf_addf(&sb, "\n\n%s", m.notes);
	snprintf(title, sizeof title, "Who came on %s", m.date);
	dialog_message(s->ui, 0, title, strbuf_str(&sb));
	strbuf_fini(&sb);
	group_attendees_free(who, n);
	group_meeting_fini(&m);
}

/* Save the pending correction or removal (reason: NULL the first time;
 * an approved or paid week asks the manager for one). */
static void
group_apply(struct screen *s, const char *reason)
{
	struct group_state *st = s->state;
	struct pd_err err;
	enum pd_status rc;

	if (st->removing)
		rc = app_group_meeting_delete(s->app, st->pending.id, reason,
		    &err);
	else
		rc = app_group_meeting_update(s->app, &st->pending, reason,
		    &err);
	if (rc == PD_INVALID && reason == NULL &&
	    strcmp(err.field, "reason") == 0) {
		dialog_prompt(s->ui, GROUP_TAG_REASON, "A week already "
		    "approved", "Why? (kept in the audit)", NULL, 0);
		return;
	}
	if (rc != PD_OK)
		tui_error(s->ui, "Not %s: %s", st->removing ? "removed" :
		    "changed", err.msg);
	else
		tui_message(s->ui, st->removing ? "Removed, with the paid time "
		    "for running it." : "Changed; the paid time for running "
		    "it follows.");
	if (group_load(s, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

/* Start correcting or removing the selected meeting. */
static void
group_change_ask(struct screen *s, enum action a)
{
	struct group_state *st = s->state;
	const struct group_meeting *m;
	char dur[DURATION_STR_LEN], text[200];

	if (st->sel >= st->d.nmeetings) {
		tui_message(s->ui, "No meeting to change yet.");
		return;
	}
	m = &st->d.meetings[st->sel];
	group_meeting_fini(&st->pending);
	st->pending = *m;
	st->pending.notes = m->notes != NULL ? xstrdup(m->notes) : NULL;
	st->removing = a == ACT_REMOVE;
	if (a == ACT_LENGTH)
		dialog_prompt(s->ui, GROUP_TAG_LENGTH, "How long was it?",
		    "Length (1h30)", duration_format(m->minutes, dur), 20);
	else if (a == ACT_DATE)
		dialog_prompt(s->ui, GROUP_TAG_DATE, "Which day was it?",
		    "Date", m->date, 10);
	else {
		snprintf(text, sizeof text, "Remove the meeting of %s? Who "
		    "came, and the paid time for running it, go with it.",
		    m->date);
		dialog_confirm(s->ui, GROUP_TAG_REMOVE, "Remove this meeting",
		    text, "Remove it", "Keep it", false);
	}
}

static void
group_running_ask(struct screen *s)
{
	struct group_state *st = s->state;
	char text[200];

	if (app_actor_is_pal(s->app)) {
		tui_message(s->ui, "The office marks a group as running or "
		    "not.");
		return;
	}
	if (st->d.row.g.active)
		snprintf(text, sizeof text, "Mark %s as no longer running? It "
		    "is kept, listed apart, and takes no new meetings; s "
		    "starts it again.", st->d.row.g.name);
	else
		snprintf(text, sizeof text, "Start %s again?",
		    st->d.row.g.name);
	dialog_confirm(s->ui, GROUP_TAG_RUNNING, st->d.row.g.active ?
	    "No longer running" : "Running again", text, st->d.row.g.active ?
	    "Mark it" : "Start it", "Leave it", false);
}

static enum tui_result
group_action(struct screen *s, enum action a)
{
	struct group_state *st = s->state;
	size_t rows = s->area.h > GROUP_HEAD ? (size_t)(s->area.h -
	    GROUP_HEAD) : 1;
	struct pd_err err;

	switch (a) {
	case ACT_UP:
		if (st->sel > 0)
			st->sel--;
		break;
	case ACT_DOWN:
		if (st->sel + 1 < st->d.nmeetings)
			st->sel++;
		break;
	case ACT_OPEN:
		group_show_meeting(s);
		return TUI_HANDLED;
	case ACT_REGISTER:
		if (!st->d.row.g.active) {
			tui_message(s->ui, "This group is no longer running: "
			    "s starts it again.");
			return TUI_HANDLED;
		}
		if (tui_push_id(s->ui, &register_screen, st->id,
		    GROUP_TAG_REGISTER, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return TUI_HANDLED;
	case ACT_WHO_CAME:
		if (st->sel >= st->d.nmeetings) {
			tui_message(s->ui, "No meeting yet: r takes the "
			    "register of the first.");
			return TUI_HANDLED;
		}
		if (tui_push_id(s->ui, &register_fix_screen,
		    st->d.meetings[st->sel].id, GROUP_TAG_REGISTER, &err)
		    != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return TUI_HANDLED;
	case ACT_LENGTH:
	case ACT_DATE:
	case ACT_REMOVE:
		group_change_ask(s, a);
		return TUI_HANDLED;
	case ACT_RUNNING:
		group_running_ask(s);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
	if (st->sel < st->top)
		st->top = st->sel;
	if (st->sel >= st->top + rows)
		st->top = st->sel - rows + 1;
	return TUI_HANDLED;
}

static void
group_result(struct screen *s, const struct screen_result *r)
{
	struct group_state *st = s->state;
	struct pd_err err;
	pd_date d;
	int minutes;

	if (r->code != SCREEN_OK)
		return;
	switch (r->tag) {
	case GROUP_TAG_REGISTER:
		if (group_load(s, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		break;
	case GROUP_TAG_LENGTH:
		if (r->text == NULL || duration_parse(r->text, &minutes, &err)
		    != PD_OK) {
			tui_error(s->ui, "%s", r->text ? err.msg :
			    "say how long");
			break;
		}
		st->pending.minutes = minutes;
		group_apply(s, NULL);
		break;
	case GROUP_TAG_DATE:
		if (r->text == NULL || date_parse(r->text, &d, NULL) != PD_OK) {
			tui_error(s->ui, "The date should look like "
			    "2026-11-26");
			break;
		}
		date_format(d, st->pending.date);
		group_apply(s, NULL);
		break;
	case GROUP_TAG_REMOVE:
		group_apply(s, NULL);
		break;
	case GROUP_TAG_REASON:
		if (r->text == NULL || r->text[strspn(r->text, " ")] == '\0')
			tui_error(s->ui, "Not changed: a reason is needed");
		else
			group_apply(s, r->text);
		break;
	case GROUP_TAG_RUNNING:
		if (app_group_set_active(s->app, st->id, !st->d.row.g.active,
		    &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		else
			tui_message(s->ui, st->d.row.g.active ? "Marked no "
			    "longer running." : "Running again.");
		if (group_load(s, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		break;
	default:
		break;
	}
}

static const enum action group_hints[] = {
	ACT_REGISTER, ACT_OPEN, ACT_WHO_CAME, ACT_LENGTH, ACT_DATE, ACT_REMOVE,
	ACT_RUNNING, ACT_HELP, ACT_BACK, ACT_NONE
};

const struct screen_ops group_screen = {
	.name = "group",
	.title = "Group",
	.state_size = sizeof(struct group_state),
	.hints = group_hints,
	.help = "A group: when and where it meets, who runs it, and its "
	    "meetings. Enter shows who came to the meeting picked; r takes "
	    "the register of a new one. To correct the meeting picked: w "
	    "opens its register again to correct who came, t "
	    "changes how long it was, e its day; x removes it. The paid "
	    "time of each PAL who ran it follows (in a week already "
	    "approved, only the manager, with a reason). s marks the group "
	    "no longer running (kept, no new meetings), or running again.",
	.enter = group_enter,
	.leave = group_leave,
	.draw = group_draw,
	.on_action = group_action,
	.on_result = group_result,
};

/* ---- the register --------------------------------------------------------- */

#define REG_TAG_NAME 1
#define REG_TAG_LENGTH 2
#define REG_TAG_DATE 3
#define REG_TAG_SAVE 4

struct reg_person {
	int regular;		/* the group's number; 0: a name added now */
	char *name;
	bool came;
	bool was;		/* came, as the meeting was saved */
};

struct reg_state {
	int64_t id;
	int64_t meeting_id;	/* correcting a saved meeting; 0: a new one */
	struct group_meeting m;
	struct reg_person *p;
	size_t n, sel, top;
	int dirty;
};

#define REG_HEAD 3

static enum pd_status
reg_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct reg_state *st = s->state;
	struct group_detail d;
	enum pd_status rc;
	size_t i;
	char title[128];

	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which group?");
	st->id = *(const int64_t *)arg;
	if ((rc = app_group_get(s->app, st->id, 1, &d, err)) != PD_OK)
		return rc;
	st->m.group_id = st->id;
	tui_today(s->ui, st->m.date);
	snprintf(st->m.start_time, sizeof st->m.start_time, "%s",
	    d.row.g.usual_time);
	st->m.minutes = d.nmeetings > 0 ? d.meetings[0].minutes : 90;
	st->p = xcalloc(d.nregulars ? d.nregulars : 1, sizeof *st->p);
	for (i = 0; i < d.nregulars; i++) {
		st->p[i].regular = d.regulars[i].no;
		st->p[i].name = xstrdup(d.regulars[i].name);
	}
	st->n = d.nregulars;
	snprintf(title, sizeof title, "Register: %s", d.row.g.name);
	screen_set_title(s, title);
	group_detail_fini(&d);
	return PD_OK;
}

/* Open a saved meeting's register again (arg: the meeting's id). */
static enum pd_status
reg_fix_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct reg_state *st = s->state;
	struct group_attendee *who = NULL;
	struct group_detail d;
	enum pd_status rc;
	size_t i, j, nwho = 0, nnos = 0;
	int *nos = NULL;
	char title[128];

	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which meeting?");
	st->meeting_id = *(const int64_t *)arg;
	if ((rc = app_group_meeting_get(s->app, st->meeting_id, &st->m, &who,
	    &nwho, err)) != PD_OK)
		return rc;
	group_attendees_free(who, nwho);
	st->id = st->m.group_id;
	if ((rc = app_group_meeting_came_nos(s->app, st->meeting_id, &nos,
	    &nnos, err)) != PD_OK)
		return rc;
	if ((rc = app_group_get(s->app, st->id, 1, &d, err)) != PD_OK) {
		free(nos);
		return rc;
	}
	st->p = xcalloc(d.nregulars ? d.nregulars : 1, sizeof *st->p);
	for (i = 0; i < d.nregulars; i++) {
		st->p[i].regular = d.regulars[i].no;
		st->p[i].name = xstrdup(d.regulars[i].name);
		for (j = 0; j < nnos && nos[j] != d.regulars[i].no; j++)
			;
		st->p[i].came = st->p[i].was = j < nnos;
	}
	st->n = d.nregulars;
	free(nos);
	snprintf(title, sizeof title, "Who came: %s", d.row.g.name);
	screen_set_title(s, title);
	group_detail_fini(&d);
	return PD_OK;
}

static void
reg_leave(struct screen *s)
{
	struct reg_state *st = s->state;
	size_t i;

	for (i = 0; i < st->n; i++)
		free(st->p[i].name);
	free(st->p);
	group_meeting_fini(&st->m);
}

static int
reg_count(const struct reg_state *st)
{
	size_t i;
	int n = st->m.extra_count;

	for (i = 0; i < st->n; i++)
		n += st->p[i].came;
	return n;
}

static void
reg_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct reg_state *st = s->state;
	int x = s->area.x + 1, w = s->area.w - 2, y = s->area.y, rows;
	char line[160], dur[DURATION_STR_LEN];
	size_t i;

	snprintf(line, sizeof line, "%s %s, %s", st->m.date, st->m.start_time,
	    duration_format(st->m.minutes, dur));
	draw_text(y, x, w, line, ST_NORMAL);
	snprintf(line, sizeof line, "Came: %d (not named: %d)", reg_count(st),
	    st->m.extra_count);
	draw_text(y + 1, x, w, line, ST_NORMAL);
	draw_text(y + 2, x, w, st->meeting_id != 0 ?
	    "Space: came. a: add. +/-: others" :
	    "Space: came. a: add a name", ST_DIM);
	rows = s->area.h - REG_HEAD;
	if (st->n == 0)
		draw_text(y + REG_HEAD, x, w, "Nobody yet: a adds a name.",
		    ST_DIM);
	for (i = st->top; i < st->n && (int)(i - st->top) < rows; i++) {
		snprintf(line, sizeof line, "[%s] %s", st->p[i].came ? "x" :
		    " ", st->p[i].name);
		draw_text_pad(y + REG_HEAD + (int)(i - st->top), x, w, line,
		    i == st->sel ? ST_SELECTED : ST_NORMAL);
	}
	cur->y = y + REG_HEAD + (int)(st->sel - st->top);
	cur->x = x + 1;
}

/* The register as the use case takes it. */
static struct group_came *
reg_came(const struct reg_state *st, size_t *n)
{
	struct group_came *c = xcalloc(st->n ? st->n : 1, sizeof *c);
	size_t i;

	*n = 0;
	for (i = 0; i < st->n; i++) {
		if (!st->p[i].came)
			continue;
		if (st->p[i].regular)
			c[*n].regular = st->p[i].regular;
		else
			c[*n].first_name = st->p[i].name;
		(*n)++;
	}
	return c;
}

/* Before saving: the room left in each PAL's week, then ask. */
static void
reg_ask_save(struct screen *s)
{
	struct reg_state *st = s->state;
	struct time_preview *pv;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	size_t n, i;

	if (st->meeting_id != 0) {
		strbuf_addf(&sb, "%d came. The paid time for running it stays "
		    "as it is.", reg_count(st));
		dialog_confirm(s->ui, REG_TAG_SAVE, "Save who came?",
		    strbuf_str(&sb), "Save", "Keep editing", true);
		strbuf_fini(&sb);
		return;
	}
	if (app_group_meeting_preview(s->app, &st->m, NULL, 0, &pv, &n, &err)
	    != PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		return;
	}
	strbuf_addf(&sb, "%d came.", reg_count(st));
	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "\n\n%s", pv[i].sentence);
	free(pv);
	dialog_confirm(s->ui, REG_TAG_SAVE, "Save this meeting?",
	    strbuf_str(&sb), "Save", "Keep editing", true);
	strbuf_fini(&sb);
}

/* Someone else saved this register first: take their version as the
 * one to change, keeping the marks on screen, so saving again keeps
 * these (Escape leaves them). */
static void
reg_fix_rebase(struct screen *s)
{
	struct reg_state *st = s->state;
	struct group_attendee *who = NULL;
	struct group_meeting m;
	struct pd_err err;
	size_t i, j, nwho = 0, nnos = 0;
	int *nos = NULL, extra = st->m.extra_count;

	if (app_group_meeting_get(s->app, st->meeting_id, &m, &who, &nwho,
	    &err) != PD_OK)
		return;
	group_attendees_free(who, nwho);
	if (app_group_meeting_came_nos(s->app, st->meeting_id, &nos, &nnos,
	    &err) != PD_OK) {
		group_meeting_fini(&m);
		return;
	}
	group_meeting_fini(&st->m);
	st->m = m;
	st->m.extra_count = extra;
	for (i = 0; i < st->n; i++) {
		if (st->p[i].regular == 0)
			continue;
		for (j = 0; j < nnos && nos[j] != st->p[i].regular; j++)
			;
		st->p[i].was = j < nnos;
	}
	free(nos);
}

/* Save the corrected register of a saved meeting: only what changed. */
static void
reg_fix_save(struct screen *s)
{
	struct reg_state *st = s->state;
	struct group_came *add, *drop;
	size_t nadd = 0, ndrop = 0, i;
	enum pd_status rc;
	struct pd_err err;

	add = xcalloc(st->n ? st->n : 1, sizeof *add);
	drop = xcalloc(st->n ? st->n : 1, sizeof *drop);
	for (i = 0; i < st->n; i++) {
		if (st->p[i].came == st->p[i].was)
			continue;
		if (st->p[i].came && st->p[i].regular == 0)
			add[nadd++].first_name = st->p[i].name;
		else if (st->p[i].came)
			add[nadd++].regular = st->p[i].regular;
		else if (st->p[i].regular != 0)
			drop[ndrop++].regular = st->p[i].regular;
	}
	rc = app_group_register_change(s->app, &st->m, add, nadd, drop, ndrop,
	    st->m.extra_count, &err);
	if (rc == PD_CONFLICT)
		reg_fix_rebase(s);
	if (rc != PD_OK)
		tui_error(s->ui, "Not saved: %s", err.msg);
	else {
		tui_message(s->ui, "Saved: %d came.", reg_count(st));
		st->dirty = 0;
		screen_close(s, SCREEN_OK, -1, NULL);
	}
	free(add);
	free(drop);
}

static void
reg_save(struct screen *s)
{
	struct reg_state *st = s->state;
	struct group_came *c;
	struct pd_err err;
	size_t n;

	if (st->meeting_id != 0) {
		reg_fix_save(s);
		return;
	}
	c = reg_came(st, &n);
	if (app_group_meeting_add(s->app, &st->m, NULL, 0, c, n, NULL, &err)
	    != PD_OK)
		tui_error(s->ui, "Not saved: %s", err.msg);
	else {
		tui_message(s->ui, "Saved: %d came.", reg_count(st));
		st->dirty = 0;
		screen_close(s, SCREEN_OK, -1, NULL);
	}
	free(c);
}

static enum tui_result
reg_action(struct screen *s, enum action a)
{
	struct reg_state *st = s->state;
	size_t rows = s->area.h > REG_HEAD ? (size_t)(s->area.h - REG_HEAD) :
	    1;
	char dur[DURATION_STR_LEN];

	switch (a) {
	case ACT_UP:
		if (st->sel > 0)
			st->sel--;
		break;
	case ACT_DOWN:
		if (st->sel + 1 < st->n)
			st->sel++;
		break;
	case ACT_CAME:
		if (st->sel < st->n) {
			st->p[st->sel].came = !st->p[st->sel].came;
			st->dirty = 1;
			if (st->sel + 1 < st->n)
				st->sel++;
		}
		break;
	case ACT_MORE:
		st->m.extra_count++;
		st->dirty = 1;
		return TUI_HANDLED;
	case ACT_FEWER:
		if (st->m.extra_count > 0) {
			st->m.extra_count--;
			st->dirty = 1;
		}
		return TUI_HANDLED;
	case ACT_ADD:
		dialog_prompt(s->ui, REG_TAG_NAME, "Someone else who came",
		    "First name", NULL, 40);
		return TUI_HANDLED;
	case ACT_LENGTH:
	case ACT_DATE:
		if (st->meeting_id != 0) {
			tui_message(s->ui, "t and e on the group's page "
			    "correct its length and day.");
			return TUI_HANDLED;
		}
		if (a == ACT_LENGTH) {
			dialog_prompt(s->ui, REG_TAG_LENGTH, "How long was "
			    "it?", "Length (1h30)", duration_format(
			    st->m.minutes, dur), 20);
			return TUI_HANDLED;
		}
		dialog_prompt(s->ui, REG_TAG_DATE, "Which day was it?",
		    "Date", st->m.date, 10);
		return TUI_HANDLED;
	case ACT_SAVE:
		reg_ask_save(s);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
	if (st->sel < st->top)
		st->top = st->sel;
	if (st->sel >= st->top + rows)
		st->top = st->sel - rows + 1;
	return TUI_HANDLED;
}

static void
reg_result(struct screen *s, const struct screen_result *r)
{
	struct reg_state *st = s->state;
	struct pd_err err;
	pd_date d;
	int minutes;

	if (r->code != SCREEN_OK)
		return;
	switch (r->tag) {
	case REG_TAG_SAVE:
		reg_save(s);
		break;
	case REG_TAG_NAME:
		if (r->text == NULL || r->text[strspn(r->text, " ")] == '\0')
			break;
		st->p = xreallocarray(st->p, st->n + 1, sizeof *st->p);
		st->p[st->n].regular = 0;
		st->p[st->n].name = xstrdup(r->text + strspn(r->text, " "));
		st->p[st->n].came = true;
		st->sel = st->n++;
		st->dirty = 1;
		if (s->area.h > REG_HEAD &&
		    st->sel >= st->top + (size_t)(s->area.h - REG_HEAD))
			st->top = st->sel - (size_t)(s->area.h - REG_HEAD) + 1;
		break;
	case REG_TAG_LENGTH:
		if (r->text == NULL || duration_parse(r->text, &minutes, &err)
		    != PD_OK)
			tui_error(s->ui, "%s", r->text ? err.msg :
			    "say how long");
		else
			st->m.minutes = minutes;
		break;
	case REG_TAG_DATE:
		if (r->text == NULL || date_parse(r->text, &d, NULL) != PD_OK)
			tui_error(s->ui, "The date should look like "
			    "2026-11-26");
		else
			date_format(d, st->m.date);
		break;
	default:
		break;
	}
}

static bool
reg_dirty(const struct screen *s)
{
	const struct reg_state *st = s->state;

	return st->dirty != 0;
}

static const enum action reg_hints[] = {
	ACT_CAME, ACT_ADD, ACT_MORE, ACT_LENGTH, ACT_DATE, ACT_SAVE,
	ACT_HELP, ACT_BACK, ACT_NONE
};

const struct screen_ops register_screen = {
	.name = "register",
	.title = "Register",
	.state_size = sizeof(struct reg_state),
	.hints = reg_hints,
	.help = "Who came to this meeting. Space marks the person picked as "
	    "came (and moves down); a adds someone by first name; + and - "
	    "count people who came but are not named. t changes how long it "
	    "was, e the day (today unless you change it). A PAL sees their "
	    "own clients by name and anyone else by first name only. Saving "
	    "shows the room left in the week of each PAL who ran it: their "
	    "time is paid, like a session.",
	.enter = reg_enter,
	.leave = reg_leave,
	.draw = reg_draw,
	.on_action = reg_action,
	.on_result = reg_result,
	.is_dirty = reg_dirty,
};

static const enum action reg_fix_hints[] = {
	ACT_CAME, ACT_ADD, ACT_MORE, ACT_FEWER, ACT_SAVE, ACT_HELP, ACT_BACK,
	ACT_NONE
};

/* The same register, opened again for a saved meeting (same keys). */
static const struct screen_ops register_fix_screen = {
	.name = "register",
	.title = "Who came",
	.state_size = sizeof(struct reg_state),
	.hints = reg_fix_hints,
	.help = "Correct who came to a meeting already saved. Space marks "
	    "the person picked as came, or not (and moves down); a adds "
	    "someone by first name; + and - change the count of people who "
	    "came but are not named. Saving keeps only what you changed; if "
	    "someone else changed this register since you opened it, "
	    "peerdesk says who and saves nothing: save again to keep what "
	    "is on screen, or go back and press w to see theirs. A PAL sees "
	    "their own clients by name and anyone else by first name only. "
	    "The length and day are corrected with t and e "
	    "on the group's page.",
	.enter = reg_fix_enter,
	.leave = reg_leave,
	.draw = reg_draw,
	.on_action = reg_action,
	.on_result = reg_result,
	.is_dirty = reg_dirty,
};

/* ---- the outcomes report -------------------------------------------------- */

struct out_state {
	int year, quarter;	/* 1..4 */
	char **funders;		/* every funder named in a client's funding */
	size_t nfunders;
	size_t funder;		/* 0: everyone; else funders[funder - 1] */
	struct outcomes o;
	bool loaded;
	char **lines;
	size_t n, top;
	char error[512];
};

static void
out_clear(struct out_state *st)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		free(st->lines[i]);
	free(st->lines);
	st->lines = NULL;
	st->n = 0;
}

static void
out_reload(struct screen *s)
{
	struct out_state *st = s->state;
	struct strbuf sb = STRBUF_INIT;
	struct outcomes o;
	struct pd_err err;
	static const char *const qs[4][2] = {
		{ "01-01", "03-31" }, { "04-01", "06-30" },
		{ "07-01", "09-30" }, { "10-01", "12-31" }
	};
	char from[11], to[11], title[160];
	const char *p, *nl, *fund;

	out_clear(st);
	if (st->loaded)
		outcomes_fini(&st->o);
	st->loaded = false;
	st->top = 0;
	st->error[0] = '\0';
	snprintf(from, sizeof from, "%04d-%s", st->year % 10000,
	    qs[st->quarter - 1][0]);
	snprintf(to, sizeof to, "%04d-%s", st->year % 10000,
	    qs[st->quarter - 1][1]);
	fund = st->funder > 0 ? st->funders[st->funder - 1] : NULL;
	snprintf(title, sizeof title, "Outcomes %d Q%d%s%s", st->year,
	    st->quarter, fund ? ": " : "", fund ? fund : "");
	screen_set_title(s, title);
	if (app_report_outcomes(s->app, from, to, fund, &o, &err) != PD_OK) {
		snprintf(st->error, sizeof st->error, "%s", err.msg);
		return;
	}
	app_report_outcomes_render(&o, REPORT_TEXT, 0, &sb, NULL);
	st->o = o;
	st->loaded = true;
	for (p = strbuf_str(&sb); *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		st->lines = xreallocarray(st->lines, st->n + 1,
		    sizeof *st->lines);
		st->lines[st->n++] = xstrndup(p, (size_t)(nl - p));
		if (*nl == '\0')
			break;
	}
	strbuf_fini(&sb);
}

static enum pd_status
out_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct out_state *st = s->state;
	enum pd_status rc;
	char today[11];
	int y, m, d;
	pd_date t;

	(void)arg;
	if (!app_actor_is_manager(s->app))
		return pd_fail(err, PD_DENIED, NULL, "The outcomes report is "
		    "for the manager.");
	tui_today(s->ui, today);
	if (date_parse(today, &t, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, NULL, "no date today");
	date_to_ymd(t, &y, &m, &d);
	/* the last whole quarter */
	st->year = y;
	st->quarter = (m - 1) / 3;
	if (st->quarter == 0) {
		st->quarter = 4;
		st->year--;
	}
	if ((rc = app_outcomes_funders(s->app, &st->funders, &st->nfunders,
	    err)) != PD_OK)
		return rc;
	out_reload(s);
	if (st->error[0] != '\0')
		return pd_fail(err, PD_DENIED, NULL, "%s", st->error);
	return PD_OK;
}

static void
out_leave(struct screen *s)
{
	struct out_state *st = s->state;
	size_t i;

	out_clear(st);
	if (st->loaded)
		outcomes_fini(&st->o);
	st->loaded = false;
	for (i = 0; i < st->nfunders; i++)
		free(st->funders[i]);
	free(st->funders);
	st->funders = NULL;
	st->nfunders = 0;
}

#define OUT_TAG_CSV 1
#define OUT_TAG_PDF 2

static void
out_ask_file(struct screen *s, enum report_format f)
{
	struct out_state *st = s->state;
	char name[64];

	if (!st->loaded)
		return;
	snprintf(name, sizeof name, "outcomes-%d-Q%d%s.%s", st->year,
	    st->quarter, st->funder > 0 ? "-funder" : "",
	    report_format_ext(f));
	dialog_prompt(s->ui, f == REPORT_CSV ? OUT_TAG_CSV : OUT_TAG_PDF,
	    f == REPORT_CSV ? "Save as CSV" : "Save as PDF (with charts)",
	    "File name", name, 400);
}

#define OUT_TAG_FUNDER 3

/* Everyone, or one funder: a funder's report names only the people
 * whose own budget that funder pays (the rule of --funder). */
static void
out_ask_funder(struct screen *s)
{
	struct out_state *st = s->state;
	const char **items;
	size_t i;

	if (st->nfunders == 0) {
		tui_message(s->ui, "No client's funding names a funder yet.");
		return;
	}
	items = xcalloc(st->nfunders + 1, sizeof *items);
	items[0] = "Every funder (nobody named)";
	for (i = 0; i < st->nfunders; i++)
		items[i + 1] = st->funders[i];
	dialog_pick(s->ui, OUT_TAG_FUNDER, "For which funder?", items,
	    st->nfunders + 1, st->funder);
	free(items);
}

static void
out_result(struct screen *s, const struct screen_result *r)
{
	struct out_state *st = s->state;
	struct pd_err err;

	if (r->tag == OUT_TAG_FUNDER) {
		if (r->code != SCREEN_OK || r->index < 0 ||
		    (size_t)r->index > st->nfunders)
			return;
		st->funder = (size_t)r->index;
		out_reload(s);
		if (st->funder > 0)
			tui_message(s->ui, "For %s: only people whose own "
			    "budget it pays are named.",
			    st->funders[st->funder - 1]);
		else
			tui_message(s->ui, "For every funder: nobody is "
			    "named.");
		return;
	}
	if (r->code != SCREEN_OK || !st->loaded || r->text == NULL)
		return;
	if (r->text[strspn(r->text, " ")] == '\0') {
		tui_error(s->ui, "Not saved: the file needs a name");
		return;
	}
	if (app_report_outcomes_save(s->app, &st->o, r->tag == OUT_TAG_CSV ?
	    REPORT_CSV : REPORT_PDF, 0, r->text, &err) != PD_OK)
		tui_error(s->ui, "Not saved: %s", err.msg);
	else
		tui_message(s->ui, "Saved %s", r->text);
}

static size_t
out_max_top(const struct screen *s)
{
	const struct out_state *st = s->state;
	size_t h = s->area.h > 0 ? (size_t)s->area.h : 1;

	return st->n > h ? st->n - h : 0;
}

static void
out_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct out_state *st = s->state;
	size_t i;
	int y;

	if (st->error[0] != '\0') {
		draw_wrapped(s->area.y, s->area.x, s->area.w, s->area.h,
		    st->error, ST_ERROR);
		return;
	}
	for (i = st->top, y = s->area.y; i < st->n &&
	    y < s->area.y + s->area.h; i++, y++)
		draw_text(y, s->area.x, s->area.w, st->lines[i],
		    st->lines[i][0] != ' ' ? ST_HEADER : ST_NORMAL);
	cur->y = s->area.y;
	cur->x = s->area.x;
}

static enum tui_result
out_action(struct screen *s, enum action a)
{
	struct out_state *st = s->state;
	long top = (long)st->top, max = (long)out_max_top(s);
	long page = s->area.h > 1 ? s->area.h - 1 : 1;

	switch (a) {
	case ACT_UP: top--; break;
	case ACT_DOWN: top++; break;
	case ACT_PAGE_UP: top -= page; break;
	case ACT_PAGE_DOWN: top += page; break;
	case ACT_FIRST: top = 0; break;
	case ACT_LAST: top = max; break;
	case ACT_EARLIER:
	case ACT_LATER:
		st->quarter += a == ACT_LATER ? 1 : -1;
		if (st->quarter == 0) {
			st->quarter = 4;
			st->year--;
		} else if (st->quarter == 5) {
			st->quarter = 1;
			st->year++;
		}
		out_reload(s);
		return TUI_HANDLED;
	case ACT_FUNDER:
		out_ask_funder(s);
		return TUI_HANDLED;
	case ACT_SAVE_CSV:
		out_ask_file(s, REPORT_CSV);
		return TUI_HANDLED;
	case ACT_SAVE_PDF:
		out_ask_file(s, REPORT_PDF);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
	st->top = (size_t)(top < 0 ? 0 : top > max ? max : top);
	return TUI_HANDLED;
}

static const enum action out_hints[] = {
	ACT_EARLIER, ACT_LATER, ACT_FUNDER, ACT_SAVE_CSV, ACT_SAVE_PDF,
	ACT_PAGE_DOWN, ACT_HELP, ACT_BACK, ACT_NONE
};

const struct screen_ops outcomes_screen = {
	.name = "outcomes",
	.title = "Outcomes",
	.state_size = sizeof(struct out_state),
	.min_cols = 80,
	.min_rows = 24,
	.hints = out_hints,
	.help = "The outcomes report for a quarter, as funders and "
	    "commissioners ask for it: referrals, people supported, who "
	    "left and why, the wait for a first meeting, hours against "
	    "contract, reviews in their window, goal attainment, groups and "
	    "words clients let us quote. Left and Right go to the quarter "
	    "before or after; f shows it for one funder, or for every "
	    "funder again. Nobody is named, except in a funder's report "
	    "the people whose own budget that funder pays (personal budget, "
	    "personal health budget, direct payment). c saves it as CSV, d "
	    "as a PDF with charts.",
	.enter = out_enter,
	.leave = out_leave,
	.draw = out_draw,
	.on_action = out_action,
	.on_result = out_result,
};
