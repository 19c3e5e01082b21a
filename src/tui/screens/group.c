/* group.c - one group or drop-in on screen: when and where, who runs it,
 * its meetings; correcting or removing a meeting, and taking the register
 * of a new one (group_register.c). */
#include "peerdesk/tui/screens.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/groups.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/list.h"
#include "groups_priv.h"

struct group_state {
	int64_t id;
	struct group_detail d;
	struct list_view lv;	/* its meetings */
	struct list_rows rows;
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

#define GROUP_HEAD 3	/* rows above the meetings' list */

static const struct list_column group_columns[] = {
	{ .title = "Meetings, newest first" },
};

static void
group_cell(void *ctx, size_t i, size_t col, struct strbuf *out)
{
	const struct group_state *st = ctx;
	const struct group_meeting *m = &st->d.meetings[i];
	char dur[DURATION_STR_LEN];

	(void)col;
	strbuf_addf(out, "%s %-5s %-7s %d came", m->date, m->start_time,
	    duration_format(m->minutes, dur), m->came);
}

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
	st->rows.n = d.nmeetings;
	list_view_reload(&st->lv, NULL);
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
	st->rows.cell = group_cell;
	st->rows.ctx = st;
	list_rows_view(&st->lv, &st->rows, group_columns, 1);
	st->lv.mark = 0;
	st->lv.footer = false;
	st->lv.empty_text = "None yet: r takes the register of the first.";
	return group_load(s, err);
}

static void
group_leave(struct screen *s)
{
	struct group_state *st = s->state;

	group_detail_fini(&st->d);
	group_meeting_fini(&st->pending);
	list_view_fini(&st->lv);
	list_rows_fini(&st->rows);
}

/* The meetings below the group's three rows, inside a column's margin. */
static void
group_layout(struct screen *s)
{
	struct group_state *st = s->state;
	struct rect r = { s->area.y + GROUP_HEAD, s->area.x + 1,
	    s->area.h - GROUP_HEAD, s->area.w - 2 };

	list_view_layout(&st->lv, r);
}

static void
group_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct group_state *st = s->state;
	const struct group_row *r = &st->d.row;
	int x = s->area.x + 1, w = s->area.w - 2, y = s->area.y;
	char line[256];

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
	list_view_draw(&st->lv, cur);
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

	if (st->lv.nav.sel >= st->d.nmeetings)
		return;
	if (app_group_meeting_get(s->app, st->d.meetings[st->lv.nav.sel].id, &m,
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

	if (st->lv.nav.sel >= st->d.nmeetings) {
		tui_message(s->ui, "No meeting to change yet.");
		return;
	}
	m = &st->d.meetings[st->lv.nav.sel];
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
	struct pd_err err;

	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
		return list_view_action(&st->lv, a);
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
		if (st->lv.nav.sel >= st->d.nmeetings) {
			tui_message(s->ui, "No meeting yet: r takes the "
			    "register of the first.");
			return TUI_HANDLED;
		}
		if (tui_push_id(s->ui, &register_fix_screen,
		    st->d.meetings[st->lv.nav.sel].id, GROUP_TAG_REGISTER, &err)
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
}

static void
group_result(struct screen *s, const struct screen_result *r)
{
	struct group_state *st = s->state;
	struct pd_err err;

	if (r->code != SCREEN_OK)
		return;
	switch (r->tag) {
	case GROUP_TAG_REGISTER:
		if (group_load(s, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		break;
	case GROUP_TAG_LENGTH:
	case GROUP_TAG_DATE:
		if (group_typed(s, r->text, r->tag == GROUP_TAG_LENGTH,
		    &st->pending))
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
	.layout = group_layout,
	.draw = group_draw,
	.on_action = group_action,
	.on_result = group_result,
};

bool
group_typed(struct screen *s, const char *text, bool length,
    struct group_meeting *m)
{
	struct pd_err err;
	pd_date d;
	int minutes;

	if (length) {
		if (text == NULL || duration_parse(text, &minutes, &err) !=
		    PD_OK) {
			tui_error(s->ui, "%s", text ? err.msg : "say how long");
			return false;
		}
		m->minutes = minutes;
		return true;
	}
	if (text == NULL || date_parse(text, &d, NULL) != PD_OK) {
		tui_error(s->ui, "The date should look like 2026-11-26");
		return false;
	}
	date_format(d, m->date);
	return true;
}
