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
#include "peerdesk/tui/listnav.h"

#define APPROVE_TAG_YES 1
#define APPROVE_TAG_WEEK 2
#define APPROVE_TAG_REASON 3
#define APPROVE_TAG_PAID 4

struct approve {
	struct week_waiting *w;
	size_t n;
	struct listnav nav;
	char error[512];
	int list_y, list_h, foot_y;
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
	listnav_set_count(&st->nav, st->n);
}

static enum pd_status
approve_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct approve *st = s->state;

	(void)arg;
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
}

static void
approve_layout(struct screen *s)
{
	struct approve *st = s->state;

	st->list_y = s->area.y + 1;
	st->foot_y = s->area.y + s->area.h - 3;
	st->list_h = st->foot_y - 1 - st->list_y;
	if (st->list_h < 1)
		st->list_h = 1;
	listnav_set_height(&st->nav, (size_t)st->list_h);
}

/* Columns: PAL, week, hours, gross, verdict. */
static void
approve_row(const struct screen *s, int y, const char *pal, const char *week,
    const char *hours, const char *gross, const char *verdict,
    enum style sty)
{
	int x = s->area.x, w = s->area.w;
	int name_w = w - (10 + 9 + 11 + 22) - 1;

	if (name_w < 10)
		name_w = 10;
	draw_fill(y, x, w, sty);
	draw_text(y, x, name_w, pal, sty);
	x += name_w + 1;
	draw_text(y, x, 9, week, sty);
	x += 10;
	draw_text_right(y, x, 8, hours, sty);
	x += 9;
	draw_text_right(y, x, 10, gross, sty);
	x += 12;
	draw_text(y, x, s->area.x + w - x, verdict, sty);
}

static void
approve_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct approve *st = s->state;
	char d[DURATION_STR_LEN], m[MONEY_STR_LEN];
	size_t i;
	int y;

	if (st->error[0] != '\0') {
		draw_wrapped(s->area.y, s->area.x, s->area.w, s->area.h,
		    st->error, ST_ERROR);
		return;
	}
	approve_row(s, s->area.y, "PAL", "Week", "Hours", "Gross", "Verdict",
	    ST_HEADER);
	if (st->n == 0) {
		draw_text(st->list_y, s->area.x, s->area.w, "No weeks are "
		    "waiting for approval.", ST_DIM);
		cur->y = st->list_y;
		cur->x = s->area.x;
		return;
	}
	for (i = st->nav.top, y = st->list_y;
	    i < st->n && y < st->list_y + st->list_h; i++, y++) {
		const struct week_waiting *w = &st->w[i];
		bool sel = i == st->nav.sel;
		enum style sty = sel ? ST_SELECTED :
		    w->check.verdict == PERMITTED_OVER ? ST_ERROR :
		    w->check.verdict == PERMITTED_NEAR ? ST_WARN : ST_NORMAL;

		approve_row(s, y, w->pal_name, w->label,
		    duration_format(w->minutes, d),
		    money_format(w->gross_pence, m),
		    permitted_result_label(&w->check), sty);
		if (sel) {
			cur->y = y;
			cur->x = s->area.x;
		}
	}
	draw_wrapped(st->foot_y, s->area.x, s->area.w, 3,
	    st->w[st->nav.sel].check.sentence, ST_NORMAL);
}

static void
approve_ask(struct screen *s)
{
	struct approve *st = s->state;
	const struct week_waiting *w;
	char text[400], d[DURATION_STR_LEN], m[MONEY_STR_LEN];

	if (st->n == 0)
		return;
	w = &st->w[st->nav.sel];
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
	struct approve *st = s->state;
	struct week_screen_arg a;
	struct pd_err err;

	if (st->n == 0)
		return;
	memset(&a, 0, sizeof a);
	a.pal_id = st->w[st->nav.sel].pal_id;
	snprintf(a.week, sizeof a.week, "%s", st->w[st->nav.sel].first);
	if (tui_push(s->ui, &week_screen, &a, APPROVE_TAG_WEEK, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static enum tui_result
approve_action(struct screen *s, enum action a)
{
	struct approve *st = s->state;

	switch (a) {
	case ACT_UP:
		listnav_move(&st->nav, -1);
		return TUI_HANDLED;
	case ACT_DOWN:
		listnav_move(&st->nav, 1);
		return TUI_HANDLED;
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
	struct approve *st = s->state;
	struct pd_err err;
	char name[200], label[WEEK_LABEL_LEN];

	if ((r->tag == APPROVE_TAG_YES || r->tag == APPROVE_TAG_REASON) &&
	    r->code == SCREEN_OK && st->n > 0) {
		snprintf(name, sizeof name, "%s", st->w[st->nav.sel].pal_name);
		memcpy(label, st->w[st->nav.sel].label, sizeof label);
		if (app_week_approve_with(s->app, st->w[st->nav.sel].week_id,
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
