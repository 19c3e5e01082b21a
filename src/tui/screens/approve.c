/* approve.c - "Timesheets": the weeks PALs have sent for approval, with
 * their hours, pay and verdict; the manager opens one to look, or
 * approves it (then it is locked: a change needs a reason). */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/timesheets.h"
#include "peerdesk/app/weekpay.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/list.h"

#define APPROVE_TAG_YES 1
#define APPROVE_TAG_WEEK 2
#define APPROVE_TAG_REASON 3
#define APPROVE_TAG_PAID 4

struct approve {
	struct week_waiting *w;
	size_t n;
	struct list_view lv;
	struct list_rows rows;
	char error[512];
	int foot_y;
};

/* The PAL's name takes what the others leave. */
static const struct list_column approve_columns[] = {
	{ .title = "PAL" },
	{ .title = "Week", .width = 9 },
	{ .title = "Hours", .width = 8, .right = true },
	{ .title = "Gross", .width = 10, .right = true, .pad = 1 },
	{ .title = "Verdict", .width = 21 },
};

static const enum action approve_hints[] = {
	ACT_APPROVE, ACT_PAID, ACT_OPEN, ACT_HELP, ACT_BACK, ACT_NONE
};

static void
approve_reload(struct screen *s)
{
	struct approve *st = s->state;
	struct pd_err err;

	week_waiting_free(st->w, st->n);
	st->w = NULL;
	st->n = 0;
	st->error[0] = '\0';
	if (app_weeks_waiting(s->app, &st->w, &st->n, &err) != PD_OK)
		snprintf(st->error, sizeof st->error, "%s", err.msg);
	st->rows.n = st->n;
	list_view_reload(&st->lv, NULL);
}

static void
approve_cell(void *ctx, size_t i, size_t col, struct strbuf *out)
{
	const struct approve *st = ctx;
	const struct week_waiting *w = &st->w[i];
	char d[DURATION_STR_LEN], m[MONEY_STR_LEN];

	switch (col) {
	case 0:
		strbuf_adds(out, w->pal_name);
		break;
	case 1:
		strbuf_adds(out, w->label);
		break;
	case 2:
		strbuf_adds(out, duration_format(w->minutes, d));
		break;
	case 3:
		strbuf_adds(out, money_format(w->gross_pence, m));
		break;
	default:
		strbuf_adds(out, permitted_result_label(&w->check));
		break;
	}
}

static enum style
approve_row_style(void *ctx, size_t i)
{
	const struct approve *st = ctx;

	return st->w[i].check.verdict == PERMITTED_OVER ? ST_ERROR :
	    st->w[i].check.verdict == PERMITTED_NEAR ? ST_WARN : ST_NORMAL;
}

/* The selected week, or NULL when none are waiting. */
static const struct week_waiting *
approve_sel(const struct approve *st)
{
	size_t i;

	return list_rows_selected(&st->lv, &st->rows, &i) ? &st->w[i] : NULL;
}

static enum pd_status
approve_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct approve *st = s->state;

	(void)arg;
	st->rows.cell = approve_cell;
	st->rows.row_style = approve_row_style;
	st->rows.ctx = st;
	list_rows_view(&st->lv, &st->rows, approve_columns, 5);
	st->lv.mark = 0;
	st->lv.footer = false;
	st->lv.fill = true;
	st->lv.empty_text = "No weeks are waiting for approval.";
	approve_reload(s);
	if (st->error[0] != '\0')
		return pd_fail(err, PD_DENIED, NULL, "%s", st->error);
	return PD_OK;
}

static void
approve_leave(struct screen *s)
{
	struct approve *st = s->state;

	week_waiting_free(st->w, st->n);
	st->w = NULL;
	st->n = 0;
	list_view_fini(&st->lv);
	list_rows_fini(&st->rows);
}

/* The header and the rows, then the week's sentence in three rows at
 * the foot. */
static void
approve_layout(struct screen *s)
{
	struct approve *st = s->state;
	struct rect r = s->area;

	st->foot_y = s->area.y + s->area.h - 3;
	r.h = st->foot_y - 1 - s->area.y;
	if (r.h < 2)
		r.h = 2;
	list_view_layout(&st->lv, r);
}

static void
approve_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct approve *st = s->state;
	const struct week_waiting *w = approve_sel(st);

	if (st->error[0] != '\0') {
		draw_wrapped(s->area.y, s->area.x, s->area.w, s->area.h,
		    st->error, ST_ERROR);
		return;
	}
	list_view_draw(&st->lv, cur);
	if (w != NULL)
		draw_wrapped(st->foot_y, s->area.x, s->area.w, 3,
		    w->check.sentence, ST_NORMAL);
}

static void
approve_ask(struct screen *s)
{
	struct approve *st = s->state;
	const struct week_waiting *w;
	char text[400], d[DURATION_STR_LEN], m[MONEY_STR_LEN];

	if ((w = approve_sel(st)) == NULL)
		return;
	if (w->check.verdict == PERMITTED_NEAR ||
	    w->check.verdict == PERMITTED_OVER) {
		/* never silent: a week close to or over a limit is approved
		 * only with the manager's reason, which is kept */
		snprintf(text, sizeof text, "Approve %s's week %s (%s)",
		    w->pal_name, w->label,
		    permitted_verdict_label(w->check.verdict));
		dialog_prompt(s->ui, APPROVE_TAG_REASON, text,
		    w->check.verdict == PERMITTED_OVER ? "Over the limit. "
		    "Why do you agree to it?" : "Close to the limit. Why do "
		    "you agree to it?", NULL, 0);
		return;
	}
	snprintf(text, sizeof text, "Approve %s's week %s: %s, %s?%s Once "
	    "approved, the week is locked; a change then needs a reason.",
	    w->pal_name, w->label, duration_format(w->minutes, d),
	    money_format(w->gross_pence, m),
	    w->check.verdict == PERMITTED_OVER ? " It is over the limit." : "");
	dialog_confirm(s->ui, APPROVE_TAG_YES, "Approve the week", text,
	    "Approve", "Not yet", true);
}

/* After payroll: every approved week that ended on or before a day
 * (the last Sunday, or the day before the week's first day) is paid. */
static void
approve_paid_ask(struct screen *s)
{
	struct week_range wk;
	struct pd_err err;
	char upto[11];

	if (app_week_parse(s->app, NULL, &wk, &err) != PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		return;
	}
	/* this week has not ended: offer the day before it */
	date_format(date_add_days(wk.first, -1), upto);
	dialog_prompt(s->ui, APPROVE_TAG_PAID, "Mark weeks paid",
	    "Every approved week that ended on or before (YYYY-MM-DD):", upto,
	    10);
}

static void
approve_open(struct screen *s)
{
	const struct week_waiting *w = approve_sel(s->state);
	struct week_screen_arg a;
	struct pd_err err;

	if (w == NULL)
		return;
	memset(&a, 0, sizeof a);
	a.pal_id = w->pal_id;
	snprintf(a.week, sizeof a.week, "%s", w->first);
	if (tui_push(s->ui, &week_screen, &a, APPROVE_TAG_WEEK, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static enum tui_result
approve_action(struct screen *s, enum action a)
{
	struct approve *st = s->state;

	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
		return list_view_action(&st->lv, a);
	case ACT_OPEN:
		approve_open(s);
		return TUI_HANDLED;
	case ACT_APPROVE:
		approve_ask(s);
		return TUI_HANDLED;
	case ACT_PAID:
		approve_paid_ask(s);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static void
approve_result(struct screen *s, const struct screen_result *r)
{
	const struct week_waiting *w = approve_sel(s->state);
	struct pd_err err;
	char name[200], label[WEEK_LABEL_LEN];

	if ((r->tag == APPROVE_TAG_YES || r->tag == APPROVE_TAG_REASON) &&
	    r->code == SCREEN_OK && w != NULL) {
		snprintf(name, sizeof name, "%s", w->pal_name);
		memcpy(label, w->label, sizeof label);
		if (app_week_approve_with(s->app, w->week_id,
		    r->tag == APPROVE_TAG_REASON ? r->text : NULL, &err)
		    != PD_OK)
			tui_error(s->ui, "Not approved: %s", err.msg);
		else
			tui_message(s->ui, "Approved %s's week %s.", name, label);
	}
	if (r->tag == APPROVE_TAG_PAID && r->code == SCREEN_OK) {
		size_t n = 0;

		if (app_weeks_mark_paid_upto(s->app, r->text, 0, &n, &err)
		    != PD_OK)
			tui_error(s->ui, "Nothing marked paid: %s", err.msg);
		else
			tui_message(s->ui, "Marked %zu approved week%s paid, up to "
			    "%s. They are locked now.", n, n == 1 ? "" : "s",
			    r->text);
	}
	approve_reload(s);
	approve_layout(s);
}

const struct screen_ops approve_screen = {
	.name = "timesheets",
	.title = "Timesheets waiting for approval",
	.state_size = sizeof(struct approve),
	.min_cols = 80,
	.min_rows = 24,
	.hints = approve_hints,
	.help = "The weeks PALs have sent for approval, oldest first, with "
	    "their hours, gross pay (holiday pay included) and how the week "
	    "stands against the PAL's permitted-work limit. Enter opens the "
	    "week; Approve locks it. A week close to or over the limit is "
	    "approved only with your reason, which is kept with your name "
	    "and the time. Paid marks every approved week that ended by a "
	    "day as paid, once payroll has paid them: a paid week is "
	    "locked. A change to an approved week needs a "
	    "reason, and the audit keeps the line before and after.",
	.enter = approve_enter,
	.leave = approve_leave,
	.layout = approve_layout,
	.draw = approve_draw,
	.on_action = approve_action,
	.on_result = approve_result,
};
