/* group_outcomes.c - the outcomes report for a quarter on screen
 * (managers): everyone or one funder, printed or saved as a file. */
#include "peerdesk/tui/screens.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/outcomes.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/page.h"

struct out_state {
	int year, quarter;	/* 1..4 */
	char **funders;		/* every funder named in a client's funding */
	size_t nfunders;
	size_t funder;		/* 0: everyone; else funders[funder - 1] */
	struct outcomes o;
	bool loaded;
	struct page t;		/* the report; headings start at the edge */
	char error[512];
};

/* The report's lines: the headings (at the edge) stand out. */
static void
out_lines(struct page *pg, const char *text)
{
	const char *p, *nl;
	char *l;

	for (p = text; *p != '\0'; p = nl + (*nl != '\0')) {
		nl = p + strcspn(p, "\n");
		l = xstrndup(p, (size_t)(nl - p));
		page_add(pg, l[0] != ' ' ? ST_HEADER : ST_NORMAL, l);
		free(l);
	}
}

/* The report, or why there is none. */
static void
out_layout(struct screen *s)
{
	struct out_state *st = s->state;

	if (st->error[0] != '\0') {
		page_clear(&st->t);
		page_add_wrapped(&st->t, ST_ERROR, s->area.w, 0, st->error);
	}
	page_layout(&st->t, s->area);
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
	const char *fund;

	page_clear(&st->t);
	if (st->loaded)
		outcomes_fini(&st->o);
	st->loaded = false;
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
	} else {
		app_report_outcomes_render(&o, REPORT_TEXT, 0, &sb, NULL);
		st->o = o;
		st->loaded = true;
		out_lines(&st->t, strbuf_str(&sb));
		strbuf_fini(&sb);
	}
	out_layout(s);
	page_action(&st->t, ACT_FIRST);
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

	page_fini(&st->t);
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

static void
out_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct out_state *st = s->state;

	page_draw(&st->t, NULL);
	cur->y = s->area.y;
	cur->x = s->area.x;
}

static enum tui_result
out_action(struct screen *s, enum action a)
{
	struct out_state *st = s->state;

	if (page_action(&st->t, a) == TUI_HANDLED)
		return TUI_HANDLED;
	switch (a) {
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
	.layout = out_layout,
	.draw = out_draw,
	.on_action = out_action,
	.on_result = out_result,
};
