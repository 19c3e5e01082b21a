/* group_register.c - a meeting's register taken in a few keys at 40
 * columns (so a PAL can take it from a phone), and the same register
 * opened again to correct a saved meeting. */
#include "peerdesk/tui/screens.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/groups.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/list.h"
#include "groups_priv.h"

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
	size_t n;
	struct list_view lv;	/* over p */
	struct list_rows rows;
	int dirty;
};

#define REG_HEAD 3	/* rows above the people */

static const struct list_column reg_columns[] = {
	{ .title = "" },
};

static void
reg_cell(void *ctx, size_t i, size_t col, struct strbuf *out)
{
	const struct reg_state *st = ctx;

	(void)col;
	strbuf_addf(out, "[%s] %s", st->p[i].came ? "x" : " ", st->p[i].name);
}

/* The people as a list, the cursor in the check box. */
static void
reg_view_init(struct reg_state *st)
{
	st->rows.n = st->n;
	st->rows.cell = reg_cell;
	st->rows.ctx = st;
	list_rows_view(&st->lv, &st->rows, reg_columns, 1);
	st->lv.mark = 0;
	st->lv.header = false;
	st->lv.footer = false;
	st->lv.cursor_x = 1;
	st->lv.empty_text = "Nobody yet: a adds a name.";
	list_view_reload(&st->lv, NULL);
}

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
	reg_view_init(st);
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
	reg_view_init(st);
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
	list_view_fini(&st->lv);
	list_rows_fini(&st->rows);
}

static void
reg_layout(struct screen *s)
{
	struct reg_state *st = s->state;

	list_view_layout(&st->lv, (struct rect){ s->area.y + REG_HEAD,
	    s->area.x + 1, s->area.h - REG_HEAD, s->area.w - 2 });
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
	int x = s->area.x + 1, w = s->area.w - 2, y = s->area.y;
	char line[160], dur[DURATION_STR_LEN];

	snprintf(line, sizeof line, "%s %s, %s", st->m.date, st->m.start_time,
	    duration_format(st->m.minutes, dur));
	draw_text(y, x, w, line, ST_NORMAL);
	snprintf(line, sizeof line, "Came: %d (not named: %d)", reg_count(st),
	    st->m.extra_count);
	draw_text(y + 1, x, w, line, ST_NORMAL);
	draw_text(y + 2, x, w, st->meeting_id != 0 ?
	    "Space: came. a: add. +/-: others" :
	    "Space: came. a: add a name", ST_DIM);
	list_view_draw(&st->lv, cur);
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
	char dur[DURATION_STR_LEN];
	size_t i;

	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
		return list_view_action(&st->lv, a);
	case ACT_CAME:
		if (list_rows_selected(&st->lv, &st->rows, &i)) {
			st->p[i].came = !st->p[i].came;
			st->dirty = 1;
			listnav_move(&st->lv.nav, 1);
		}
		return TUI_HANDLED;
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
}

static void
reg_result(struct screen *s, const struct screen_result *r)
{
	struct reg_state *st = s->state;

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
		st->n++;
		st->dirty = 1;
		st->rows.n = st->n;
		list_view_reload(&st->lv, NULL);
		listnav_select(&st->lv.nav, st->n - 1);
		break;
	case REG_TAG_LENGTH:
	case REG_TAG_DATE:
		(void)group_typed(s, r->text, r->tag == REG_TAG_LENGTH, &st->m);
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
	.layout = reg_layout,
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
const struct screen_ops register_fix_screen = {
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
	.layout = reg_layout,
	.draw = reg_draw,
	.on_action = reg_action,
	.on_result = reg_result,
	.is_dirty = reg_dirty,
};
