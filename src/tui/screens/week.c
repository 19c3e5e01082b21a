/* week.c - "My week": the lines of a PAL's timesheet week, its totals
 * and the permitted-work sentence, with keys to open a line, add one,
 * move between weeks and send the week for approval.  Also the small
 * form for a line that is not a session.  Works at 40x15. */
#include "peerdesk/tui/screens.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/app.h"
#include "peerdesk/app/sessions.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"
#include "peerdesk/tui/app_tui.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/list.h"
#include "timeform.h"

#define WEEK_TAG_SUBMIT 1
#define WEEK_TAG_CHILD 2
#define WEEK_TAG_REMOVE 3	/* yes/no: remove the selected line */
#define WEEK_TAG_REMOVE_WHY 4	/* the manager's reason, then remove */

/* ---- the line form ------------------------------------------------------- */

/* What the week screen hands the line form. */
struct line_arg {
	int64_t pal_id;
	struct ts_line line;	/* id 0: a new line on line.date */
};

struct lrec {
	struct timeform_head head;	/* first */
	int kind;
	char date[11];
	int minutes;
	char *note;
	int64_t line_id;
	int version;
	int64_t client_id;
};

static const struct field_choice line_kinds[] = {
	{ LINE_SUPERVISION, "Supervision" }, { LINE_TRAINING, "Training" },
	{ LINE_TRAVEL, "Travel between clients" },
	{ LINE_SHADOWING, "Shadowing" }, { LINE_ADMIN, "Admin" },
	{ 0, NULL }
};

static const struct field_def line_fields[] = {
	{ .id = "kind", .label = "What", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct lrec, kind), .required = true,
	  .choices = line_kinds, .width = 24,
	  .help = "Paid time that is not a session: supervision, training, "
	  "travel between clients, shadowing or admin.  All of it counts "
	  "towards the week's hours." },
	{ .id = "date", .label = "Date", .kind = FIELD_DATE,
	  .offset = offsetof(struct lrec, date), .required = true,
	  .width = 12 },
	{ .id = "minutes", .label = "How long", .kind = FIELD_DURATION,
	  .offset = offsetof(struct lrec, minutes), .required = true,
	  .min = 1, .max = 24 * 60, .width = 10 },
	{ .id = "note", .label = "Note", .kind = FIELD_TEXT,
	  .offset = offsetof(struct lrec, note), .max_len = 200 },
	{ .id = NULL }
};

static void
line_rec_init(void *rec)
{
	struct lrec *r = rec;

	r->kind = -1;
	r->minutes = -1;
}

static void
line_rec_fini(void *rec)
{
	struct lrec *r = rec;

	FREE(&r->note);
	FREE(&r->head.reason);
}

static enum pd_status
line_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	const struct line_arg *a = arg;
	struct lrec *r = rec;

	(void)app;
	(void)err;
	r->head.pal_id = a->pal_id;
	memcpy(r->date, a->line.date, sizeof r->date);
	if (a->line.id != 0) {
		r->line_id = a->line.id;
		r->version = a->line.version;
		r->kind = (int)a->line.kind;
		r->minutes = a->line.minutes;
		r->note = xstrdup(a->line.note);
		r->client_id = a->line.client_id;
	}
	return PD_OK;
}

static void
line_of(const struct lrec *r, struct ts_line *l)
{
	memset(l, 0, sizeof *l);
	l->id = r->line_id;
	l->version = r->version;
	l->pal_id = r->head.pal_id;
	memcpy(l->date, r->date, sizeof l->date);
	l->minutes = r->minutes;
	l->kind = r->kind >= 0 ? (enum line_kind)r->kind : LINE_ADMIN;
	l->client_id = r->client_id;
	l->note = r->note;
}

static enum pd_status
line_save(void *app, void *rec, struct pd_err *err)
{
	struct lrec *r = rec;
	struct ts_line l;

	line_of(r, &l);
	if (r->line_id == 0)
		return app_line_add(app, &l, r->head.reason, err);
	return app_line_update(app, &l, r->head.reason, err);
}

/* The line as saved now, for a merge when someone saved it first. */
static enum pd_status
line_fetch(void *app, const void *mine, void *theirs, struct pd_err *err)
{
	const struct lrec *m = mine;
	struct lrec *r = theirs;
	struct ts_line l;
	enum pd_status s;

	memset(&l, 0, sizeof l);
	if ((s = app_line_get(app, m->line_id, &l, err)) != PD_OK)
		return s;
	r->head.pal_id = m->head.pal_id;
	r->head.reason = m->head.reason ? xstrdup(m->head.reason) : NULL;
	memcpy(r->date, l.date, sizeof r->date);
	r->line_id = l.id;
	r->version = l.version;
	r->kind = (int)l.kind;
	r->minutes = l.minutes;
	r->note = l.note;
	l.note = NULL;
	r->client_id = l.client_id;
	ts_line_fini(&l);
	return PD_OK;
}

static enum pd_status
line_preview(struct screen *s, struct time_preview *p)
{
	struct lrec *r = form_record(s);
	struct ts_line l;
	int minutes;

	line_of(r, &l);
	if (!timeform_date(s, "date", l.date) ||
	    !timeform_minutes(s, "minutes", &minutes))
		return PD_INVALID;
	l.minutes = minutes;
	if (l.kind == LINE_SESSION)
		l.kind = LINE_ADMIN;
	return app_line_preview(s->app, &l, p, NULL);
}

static const struct timeform_def line_def = {
	.form = {
		.fields = line_fields,
		.rec_size = sizeof(struct lrec),
		.rec_init = line_rec_init,
		.rec_fini = line_rec_fini,
		.load = line_load,
		.save = line_save,
		.fetch = line_fetch,
		.save_label = "Save the line",
		.saved_message = "Line saved.",
	},
	.preview = line_preview,
	.minutes_field = "minutes",
};

const struct screen_ops line_screen = {
	.name = "line",
	.title = "A line of the timesheet",
	.help = "Paid time that is not a session. Sessions make their own "
	    "lines: change those through the session.",
	.def = &line_def,
	TIMEFORM_SCREEN_CALLBACKS
};

/* ---- the week ---------------------------------------------------------------- */

struct wk {
	int64_t pal_id;		/* 0 = the PAL at the keyboard */
	char week[11];		/* a day in the week shown */
	bool own;		/* the actor's own week */
	struct week_view v;
	bool loaded;
	char error[512];
	struct list_view lv;	/* the week's lines */
	struct list_rows rows;
	int list_y, list_h, foot_y, foot_h;
};

static const enum action week_hints[] = {
	ACT_OPEN, ACT_ADD, ACT_SUBMIT, ACT_REMOVE, ACT_EARLIER, ACT_LATER,
	ACT_HELP, ACT_BACK, ACT_NONE
};

/* Day, kind, hours and who or what, each column touching the next but
 * the last. */
static const struct list_column week_columns[] = {
	{ .title = "", .width = 7, .pad = -1 },
	{ .title = "", .width = 11, .pad = -1 },
	{ .title = "", .width = 7, .right = true },
	{ .title = "" },
};
static const struct list_column week_columns_wide[] = {
	{ .title = "", .width = 7, .pad = -1 },
	{ .title = "", .width = 13, .pad = -1 },
	{ .title = "", .width = 7, .right = true },
	{ .title = "" },
};

static void week_cell(void *ctx, size_t i, size_t col, struct strbuf *out);
static enum style week_row_style(void *ctx, size_t i);

static void
week_reload(struct screen *s)
{
	struct wk *st = s->state;
	struct pd_err err;
	char title[128];

	week_view_fini(&st->v);
	st->loaded = false;
	st->error[0] = '\0';
	if (app_week_status(s->app, st->pal_id, st->week, &st->v, &err)
	    != PD_OK) {
		snprintf(st->error, sizeof st->error, "%s", err.msg);
		st->rows.n = 0;
		list_view_reload(&st->lv, NULL);
		return;
	}
	st->loaded = true;
	if (st->own)
		snprintf(title, sizeof title, "My week %s", st->v.label);
	else
		snprintf(title, sizeof title, "%s, %s", st->v.pal_name,
		    st->v.label);
	screen_set_title(s, title);
	st->rows.n = st->v.n_lines;
	list_view_reload(&st->lv, NULL);
}

static enum pd_status
week_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct wk *st = s->state;
	const struct week_screen_arg *a = arg;
	const struct app *app = s->app;

	if (a != NULL) {
		st->pal_id = a->pal_id;
		snprintf(st->week, sizeof st->week, "%s", a->week);
	}
	if (st->week[0] == '\0')
		tui_today(s->ui, st->week);
	st->own = st->pal_id == 0 || app_actor_is(app, st->pal_id);
	st->rows.cell = week_cell;
	st->rows.row_style = week_row_style;
	st->rows.ctx = st;
	list_rows_view(&st->lv, &st->rows, week_columns, 4);
	st->lv.mark = 0;
	st->lv.header = false;
	st->lv.footer = false;
	st->lv.fill = true;
	st->lv.empty_text = "Nothing logged this week yet.";
	week_reload(s);
	if (!st->loaded)
		return pd_fail(err, PD_INVALID, NULL, "%s", st->error);
	return PD_OK;
}

static void
week_leave(struct screen *s)
{
	struct wk *st = s->state;

	week_view_fini(&st->v);
	list_view_fini(&st->lv);
	list_rows_fini(&st->rows);
}

/* The lines under the totals: hours, pay, the sentence. */
static void
week_foot(const struct wk *st, struct strbuf *hours, struct strbuf *pay)
{
	char d[DURATION_STR_LEN], m[MONEY_STR_LEN], m2[MONEY_STR_LEN];
	const struct hours_row *r = &st->v.row;

	strbuf_addf(hours, "Hours %s", duration_format(r->minutes, d));
	if (r->minutes_by_kind[LINE_SESSION] != r->minutes)
		strbuf_addf(hours, " (sessions %s)", duration_format(
		    r->minutes_by_kind[LINE_SESSION], d));
	if (!st->v.shows_pay)
		return;
	if ((r->check.missing & PERMITTED_NO_RATE) &&
	    r->unrated_minutes == r->minutes)
		strbuf_adds(pay, "Pay not known: no pay rate recorded");
	else if (r->holiday_pence > 0)
		strbuf_addf(pay, "Pay %s + holiday pay %s",
		    money_format(r->pay_pence, m),
		    money_format(r->holiday_pence, m2));
	else
		strbuf_addf(pay, "Pay %s", money_format(r->pay_pence, m));
}

static int
week_foot_rows(const struct wk *st, int w)
{
	int rows = 1 + (st->v.shows_pay ? 1 : 0);

	rows += draw_wrapped(0, 0, w, 0, st->v.row.check.sentence, ST_NORMAL);
	if (st->v.overrides > 0)
		rows++;
	return rows;
}

static void
week_layout(struct screen *s)
{
	struct wk *st = s->state;
	int foot = st->loaded ? week_foot_rows(st, s->area.w) : 0;

	if (foot > s->area.h / 2 + 1)
		foot = s->area.h / 2 + 1;
	st->list_y = s->area.y + 1;
	st->foot_h = foot;
	st->foot_y = s->area.y + s->area.h - foot;
	st->list_h = st->foot_y - 1 - st->list_y;
	if (st->list_h < 1)
		st->list_h = 1;
	/* the kind of work has more room from 60 columns */
	st->lv.cols = s->area.w >= 60 ? week_columns_wide : week_columns;
	list_view_layout(&st->lv, (struct rect){ st->list_y, s->area.x,
	    st->list_h, s->area.w });
}

static const char *
week_status_words(enum week_status st)
{
	switch (st) {
	case WEEK_SUBMITTED: return "submitted";
	case WEEK_APPROVED: return "approved";
	case WEEK_LOCKED: return "approved and paid";
	default: return "open";
	}
}

static const char *
week_kind_word(enum line_kind k)
{
	static const char *const words[] = {
		"Session", "Supervision", "Training", "Travel", "Shadowing",
		"Admin"
	};

	return (int)k >= 0 && (int)k < 6 ? words[k] : "?";
}

/* "Mon 23 – Sun 29 Nov", or "Mon 30 Nov – Sun 6 Dec". */
static void
week_span(const char *first, const char *last, struct strbuf *out)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
		"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	pd_date a, b;
	int ma, da, mb, db;

	if (date_parse(first, &a, NULL) != PD_OK ||
	    date_parse(last, &b, NULL) != PD_OK)
		return;
	date_to_ymd(a, NULL, &ma, &da);
	date_to_ymd(b, NULL, &mb, &db);
	if (ma == mb)
		strbuf_addf(out, "%s %d \u2013 %s %d %s",
		    date_weekday_short(date_weekday(a)), da,
		    date_weekday_short(date_weekday(b)), db, months[mb - 1]);
	else
		strbuf_addf(out, "%s %d %s \u2013 %s %d %s",
		    date_weekday_short(date_weekday(a)), da, months[ma - 1],
		    date_weekday_short(date_weekday(b)), db, months[mb - 1]);
}

static void
week_cell(void *ctx, size_t i, size_t col, struct strbuf *out)
{
	const struct wk *st = ctx;
	const struct week_line *l = &st->v.lines[i];
	char day[DATE_LONG_LEN], d[DURATION_STR_LEN], *sp;
	pd_date dd;

	switch (col) {
	case 0:
		day[0] = '\0';
		if (date_parse(l->line.date, &dd, NULL) == PD_OK) {
			date_format_long(dd, day);
			/* "Tue 24 Nov 2026" -> "Tue 24" */
			if ((sp = strchr(day, ' ')) != NULL &&
			    (sp = strchr(sp + 1, ' ')) != NULL)
				*sp = '\0';
		}
		strbuf_addf(out, "%-6s ", day);
		break;
	case 1:
		strbuf_adds(out, l->booked ? "Booked" :
		    week_kind_word(l->line.kind));
		break;
	case 2:
		strbuf_adds(out, duration_format(l->line.minutes, d));
		break;
	default:
		if (l->client_name != NULL)
			strbuf_adds(out, l->client_name);
		else if (l->line.note != NULL)
			strbuf_adds(out, l->line.note);
		break;
	}
}

static enum style
week_row_style(void *ctx, size_t i)
{
	const struct wk *st = ctx;

	return st->v.lines[i].booked ? ST_DIM : ST_NORMAL;
}

static void
week_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct wk *st = s->state;
	struct strbuf hours = STRBUF_INIT, pay = STRBUF_INIT, head = STRBUF_INIT;
	enum style sty = ST_NORMAL;
	int y;

	if (!st->loaded) {
		draw_wrapped(s->area.y, s->area.x, s->area.w, s->area.h,
		    st->error, ST_ERROR);
		return;
	}
	week_span(st->v.first, st->v.last, &head);
	strbuf_addf(&head, ", %s", week_status_words(st->v.week.status));
	draw_text(s->area.y, s->area.x, s->area.w, strbuf_str(&head),
	    st->v.week.status == WEEK_OPEN ? ST_HEADER : ST_DUE);
	list_view_draw(&st->lv, cur);
	if (st->lv.nav.top > 0)
		draw_text(st->list_y, s->area.x + s->area.w - 1, 1, "\u25b2",
		    ST_DIM);
	if (st->lv.nav.top + (size_t)st->list_h < st->v.n_lines)
		draw_text(st->list_y + st->list_h - 1,
		    s->area.x + s->area.w - 1, 1, "\u25bc", ST_DIM);
	week_foot(st, &hours, &pay);
	y = st->foot_y;
	draw_text(y++, s->area.x, s->area.w, strbuf_str(&hours), ST_NORMAL);
	if (pay.len > 0)
		draw_text(y++, s->area.x, s->area.w, strbuf_str(&pay), ST_NORMAL);
	if (st->v.row.check.verdict == PERMITTED_OVER)
		sty = ST_ERROR;
	else if (st->v.row.check.verdict == PERMITTED_NEAR)
		sty = ST_WARN;
	y += draw_wrapped(y, s->area.x, s->area.w,
	    st->foot_y + st->foot_h - y, st->v.row.check.sentence, sty);
	if (st->v.overrides > 0 && y < st->foot_y + st->foot_h)
		draw_text(y, s->area.x, s->area.w, "The manager agreed to go "
		    "over the limit this week.", ST_DIM);
	strbuf_fini(&hours);
	strbuf_fini(&pay);
	strbuf_fini(&head);
}

/* The selected line, or NULL when there is none. */
static const struct week_line *
week_sel(const struct wk *st)
{
	if (!st->loaded || st->v.n_lines == 0)
		return NULL;
	return &st->v.lines[st->lv.nav.sel];
}

static void
week_move(struct screen *s, int days)
{
	struct wk *st = s->state;
	pd_date d;

	if (date_parse(st->v.first[0] ? st->v.first : st->week, &d, NULL)
	    != PD_OK)
		return;
	date_format(date_add_days(d, days), st->week);
	listnav_select(&st->lv.nav, 0);
	week_reload(s);
	week_layout(s);
}

static void
week_open(struct screen *s)
{
	struct wk *st = s->state;
	const struct week_line *l;
	struct pd_err err;
	enum pd_status rc;

	if ((l = week_sel(st)) == NULL)
		return;
	if (app_line_meeting_check(s->app, &l->line, &err) != PD_OK) {
		tui_message(s->ui, "%s.", err.msg);
		return;
	}
	if (l->line.session_id != 0) {
		struct session_screen_arg a = { l->line.session_id, 0, 0 };

		rc = tui_push(s->ui, &session_screen, &a, WEEK_TAG_CHILD, &err);
	} else {
		struct line_arg a;

		a.pal_id = st->v.pal_id;
		a.line = l->line;
		rc = tui_push(s->ui, &line_screen, &a, WEEK_TAG_CHILD, &err);
	}
	if (rc != PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static void
week_add(struct screen *s)
{
	struct wk *st = s->state;
	struct line_arg a;
	struct pd_err err;
	char today[11];

	if (!st->loaded)
		return;
	memset(&a, 0, sizeof a);
	a.pal_id = st->v.pal_id;
	tui_today(s->ui, today);
	snprintf(a.line.date, sizeof a.line.date, "%s",
	    strcmp(today, st->v.first) >= 0 && strcmp(today, st->v.last) <= 0 ?
	    today : st->v.first);
	if (tui_push(s->ui, &line_screen, &a, WEEK_TAG_CHILD, &err)
	    != PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static void
week_submit(struct screen *s)
{
	struct wk *st = s->state;
	char text[200];

	if (!st->loaded)
		return;
	if (st->v.week.status != WEEK_OPEN) {
		tui_message(s->ui, "Week %s is %s already.", st->v.label,
		    week_status_words(st->v.week.status));
		return;
	}
	snprintf(text, sizeof text, "Send week %s (%s) to the manager for "
	    "approval?", st->v.label, st->v.row.minutes > 0 ?
	    "with its lines" : "nothing logged");
	dialog_confirm(s->ui, WEEK_TAG_SUBMIT, "Submit the week", text,
	    "Send it", "Not yet", true);
}

/* Ask before removing the selected line; a week that is no longer open
 * can be changed only by the manager, who gives a reason. */
static void
week_remove_ask(struct screen *s)
{
	struct wk *st = s->state;
	const struct week_line *l;
	char text[300], d[DURATION_STR_LEN];
	struct pd_err err;

	if ((l = week_sel(st)) == NULL)
		return;
	if (app_line_meeting_check(s->app, &l->line, &err) != PD_OK) {
		tui_message(s->ui, "Not removed: %s.", err.msg);
		return;
	}
	if (st->v.week.status != WEEK_OPEN &&
	    (app_tui_role_mask(s->app) & APP_MANAGER) == 0) {
		tui_message(s->ui, "This week is %s: ask the manager.",
		    week_status_words(st->v.week.status));
		return;
	}
	if (st->v.week.status != WEEK_OPEN) {
		dialog_prompt(s->ui, WEEK_TAG_REMOVE_WHY, "Remove from a "
		    "closed week", "Why remove it? (kept in the audit)", NULL,
		    0);
		return;
	}
	snprintf(text, sizeof text, "Remove %s on %s%s%s? %s", duration_format(
	    l->line.minutes, d), l->line.date, l->client_name ? " with " : "",
	    l->client_name ? l->client_name : "", l->line.session_id != 0 ?
	    "The session note goes with it." : "");
	dialog_confirm(s->ui, WEEK_TAG_REMOVE, "Remove this line", text,
	    "Remove it", "Keep it", false);
}

static void
week_remove(struct screen *s, const char *reason)
{
	const struct week_line *l = week_sel(s->state);
	struct pd_err err;
	enum pd_status rc;

	if (l == NULL)
		return;
	if (l->line.session_id != 0)
		rc = app_session_delete(s->app, l->line.session_id, reason, &err);
	else
		rc = app_line_delete(s->app, l->line.id, reason, &err);
	if (rc != PD_OK)
		tui_error(s->ui, "Not removed: %s", err.msg);
	else
		tui_message(s->ui, "Removed. The audit keeps what it was.");
}

static enum tui_result
week_action(struct screen *s, enum action a)
{
	struct wk *st = s->state;

	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
		return list_view_action(&st->lv, a);
	case ACT_OPEN:
		week_open(s);
		return TUI_HANDLED;
	case ACT_ADD:
		week_add(s);
		return TUI_HANDLED;
	case ACT_SUBMIT:
		week_submit(s);
		return TUI_HANDLED;
	case ACT_REMOVE:
		week_remove_ask(s);
		return TUI_HANDLED;
	case ACT_EARLIER:
		week_move(s, -7);
		return TUI_HANDLED;
	case ACT_LATER:
		week_move(s, 7);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static void
week_result(struct screen *s, const struct screen_result *r)
{
	struct wk *st = s->state;
	struct pd_err err;

	if (r->code != SCREEN_OK)
		return;
	if (r->tag == WEEK_TAG_SUBMIT) {
		if (app_week_submit(s->app, st->v.pal_id, st->v.first, &err)
		    != PD_OK)
			tui_error(s->ui, "Not sent: %s", err.msg);
		else
			tui_message(s->ui, "Week %s is with the manager now.",
			    st->v.label);
	} else if (r->tag == WEEK_TAG_REMOVE) {
		week_remove(s, NULL);
	} else if (r->tag == WEEK_TAG_REMOVE_WHY) {
		if (r->text == NULL || r->text[strspn(r->text, " ")] == '\0')
			tui_message(s->ui, "Nothing removed: a reason is "
			    "needed for a closed week.");
		else
			week_remove(s, r->text);
	}
	week_reload(s);
	week_layout(s);
}

const struct screen_ops week_screen = {
	.name = "week",
	.title = "My week",
	.state_size = sizeof(struct wk),
	.hints = week_hints,
	.help = "Your timesheet for one week: every session and other paid "
	    "line, the hours and pay, and the room left under your "
	    "permitted-work limit. Enter opens a line, Add adds supervision, "
	    "training, travel, shadowing or admin, Remove takes a line off "
	    "(a session goes with its note; the audit keeps what it was), "
	    "Left and Right go to other weeks, and Submit sends the week to "
	    "the manager. An approved week can only be changed by the "
	    "manager, who gives a reason.",
	.enter = week_enter,
	.leave = week_leave,
	.layout = week_layout,
	.draw = week_draw,
	.on_action = week_action,
	.on_result = week_result,
};
