/* hours.c - "Weekly hours": the manager's summary of every PAL's week on
 * screen (the same text that goes to the printer), with keys to print
 * it, save it as CSV for payroll or as a PDF, and move between weeks. */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/report_hours.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/page.h"

#define HOURS_TAG_CSV 1
#define HOURS_TAG_PDF 2

struct hours {
	char week[11];		/* a day in the week shown */
	struct hours_report r;
	bool loaded;
	struct page t;		/* the text report, page breaks dropped */
	char error[512];
};

static const enum action hours_hints[] = {
	ACT_PRINT, ACT_SAVE_CSV, ACT_SAVE_PDF, ACT_EARLIER, ACT_LATER,
	ACT_HELP, ACT_BACK, ACT_NONE
};

static void
hours_clear(struct hours *st)
{
	page_clear(&st->t);
	if (st->loaded)
		hours_report_fini(&st->r);
	st->loaded = false;
}

/* The report's lines, page breaks dropped; a week over the limit in
 * red and one close to it in amber. */
static void
hours_lines(struct page *pg, const char *text)
{
	const char *p, *nl;
	char *l;

	for (p = text; *p != '\0'; p = nl + (*nl != '\0')) {
		enum style sty = ST_NORMAL;

		nl = p + strcspn(p, "\n");
		if (*p == '\f')
			p++;
		l = xstrndup(p, (size_t)(nl - p));
		if (strncmp(l, "  OVER ", 7) == 0 ||
		    strstr(l, "Verdict: over") != NULL)
			sty = ST_ERROR;
		else if (strncmp(l, "  NEAR ", 7) == 0 ||
		    strstr(l, "Verdict: close") != NULL)
			sty = ST_WARN;
		page_add(pg, sty, l);
		free(l);
	}
}

/* The report one column in, the marks at the right edge; or why there
 * is none. */
static void
hours_layout(struct screen *s)
{
	struct hours *st = s->state;
	struct rect r = s->area;

	if (st->loaded) {
		r.x++;
		r.w--;
	} else {
		page_clear(&st->t);
		page_add_wrapped(&st->t, ST_ERROR, r.w, 0, st->error);
	}
	st->t.gutter = st->loaded;
	page_layout(&st->t, r);
}

static void
hours_reload(struct screen *s)
{
	struct hours *st = s->state;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	char title[64];

	hours_clear(st);
	st->error[0] = '\0';
	if (app_report_hours(s->app, st->week, &st->r, &err) != PD_OK) {
		snprintf(st->error, sizeof st->error, "%s", err.msg);
	} else {
		st->loaded = true;
		snprintf(title, sizeof title, "Weekly hours %s",
		    st->r.week_label);
		screen_set_title(s, title);
		app_report_hours_render(&st->r, REPORT_TEXT, &sb, NULL);
		hours_lines(&st->t, strbuf_str(&sb));
		strbuf_fini(&sb);
	}
	hours_layout(s);
	page_action(&st->t, ACT_FIRST);
}

static enum pd_status
hours_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct hours *st = s->state;
	struct week_range wk;

	if (arg != NULL && app_week_parse(s->app, arg, &wk, err) != PD_OK)
		return PD_INVALID;
	if (arg != NULL)
		date_format(wk.first, st->week);
	else
		tui_today(s->ui, st->week);
	hours_reload(s);
	if (!st->loaded)
		return pd_fail(err, PD_DENIED, NULL, "%s", st->error);
	return PD_OK;
}

static void
hours_leave(struct screen *s)
{
	struct hours *st = s->state;

	hours_clear(st);
	page_fini(&st->t);
}

static void
hours_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct hours *st = s->state;

	page_draw(&st->t, NULL);
	cur->y = s->area.y;
	cur->x = s->area.x;
}

static void
hours_week(struct screen *s, int days)
{
	struct hours *st = s->state;
	pd_date d;

	if (date_parse(st->week, &d, NULL) != PD_OK)
		return;
	date_format(date_add_days(d, days), st->week);
	hours_reload(s);
}

static void
hours_print(struct screen *s)
{
	struct hours *st = s->state;
	struct print_outcome po;
	struct pd_err err;

	if (!st->loaded)
		return;
	memset(&po, 0, sizeof po);
	if (app_report_hours_print(s->app, &st->r, REPORT_TEXT, &po, &err)
	    != PD_OK)
		tui_error(s->ui, "Not printed: %s", err.msg);
	else
		tui_message(s->ui, "Sent week %s to the printer%s%s", 
		    st->r.week_label, po.said[0] ? ": " : ".", po.said);
}

static void
hours_ask_file(struct screen *s, enum report_format f)
{
	struct hours *st = s->state;
	char name[64];

	if (!st->loaded)
		return;
	snprintf(name, sizeof name, "hours-%s.%s", st->r.week_label,
	    report_format_ext(f));
	dialog_prompt(s->ui, f == REPORT_CSV ? HOURS_TAG_CSV : HOURS_TAG_PDF,
	    f == REPORT_CSV ? "Save as CSV (for payroll)" : "Save as PDF",
	    "File name", name, 400);
}

static enum tui_result
hours_action(struct screen *s, enum action a)
{
	struct hours *st = s->state;

	if (page_action(&st->t, a) == TUI_HANDLED)
		return TUI_HANDLED;
	switch (a) {
	case ACT_EARLIER:
		hours_week(s, -7);
		return TUI_HANDLED;
	case ACT_LATER:
		hours_week(s, 7);
		return TUI_HANDLED;
	case ACT_PRINT:
		hours_print(s);
		return TUI_HANDLED;
	case ACT_SAVE_CSV:
		hours_ask_file(s, REPORT_CSV);
		return TUI_HANDLED;
	case ACT_SAVE_PDF:
		hours_ask_file(s, REPORT_PDF);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static void
hours_result(struct screen *s, const struct screen_result *r)
{
	struct hours *st = s->state;
	struct pd_err err;
	enum report_format f = r->tag == HOURS_TAG_CSV ? REPORT_CSV :
	    REPORT_PDF;

	if (r->code != SCREEN_OK || !st->loaded || r->text == NULL)
		return;
	if (r->text[strspn(r->text, " ")] == '\0') {
		tui_error(s->ui, "Not saved: the file needs a name");
		return;
	}
	if (app_report_hours_save(s->app, &st->r, f, r->text, &err) != PD_OK)
		tui_error(s->ui, "Not saved: %s", err.msg);
	else
		tui_message(s->ui, "Saved %s", r->text);
}

const struct screen_ops hours_screen = {
	.name = "hours",
	.title = "Weekly hours",
	.state_size = sizeof(struct hours),
	.min_cols = 80,
	.min_rows = 24,
	.hints = hours_hints,
	.help = "Every PAL's week: hours by kind, pay and holiday pay, their "
	    "benefit rule, limit, room left and verdict, and each client's "
	    "hours delivered against those contracted. Print sends it to "
	    "the office printer (the print_command setting); CSV is for the "
	    "payroll spreadsheet. Left and Right go to other weeks.",
	.enter = hours_enter,
	.leave = hours_leave,
	.layout = hours_layout,
	.draw = hours_draw,
	.on_action = hours_action,
	.on_result = hours_result,
};
