/* palweeks.c - one PAL's weeks against the limit, as a chart that reads
 * in monochrome at 40 columns: a row a week (date, a bar of '#' up to
 * '|' at the limit, the figure, the five-week average, the verdict as a
 * word).  Colour only repeats what the word says.  w shows 13 or 52
 * weeks, h draws the bars as pay or as hours, Enter tells the chosen
 * week in words, d saves the PDF. */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign_ui.h"
#include "peerdesk/app/palweeks.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/money.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/page.h"

enum { TAG_WEEK = 1, TAG_PDF = 2 };
enum { K_WEEK = 0, K_NOTE = 1 };	/* notes can be chosen too, so the
					 * last week does not carry them */

struct pw_state {
	int64_t pal_id;
	int weeks;		/* 13 or 52 */
	enum palweeks_measure measure;
	struct palweeks p;
	int loaded;
	struct page page;
	int width;
	bool fresh;		/* just loaded: choose the newest week */
	char top[PALWEEKS_ROW_LEN];	/* "Last 13 weeks, bars: pay" */
	char heading[PALWEEKS_ROW_LEN];	/* the chart's column names */
};

#define PW_FIXED 2	/* the top two lines stay while the rows scroll */

static enum pd_status
pw_load(struct screen *s, struct pd_err *err)
{
	struct pw_state *st = s->state;
	struct palweeks p;
	enum pd_status rc;

	if ((rc = app_pal_weeks(assign_app(s), st->pal_id, st->weeks, &p,
	    err)) != PD_OK)
		return rc;
	palweeks_fini(&st->p);
	st->p = p;
	st->measure = p.measure;
	st->loaded = 1;
	st->fresh = true;
	return PD_OK;
}

/* Where the weeks go: under the two fixed lines when there is room. */
static struct rect
pw_area(const struct screen *s)
{
	struct rect r = s->area;

	if (r.h > PW_FIXED) {
		r.y += PW_FIXED;
		r.h -= PW_FIXED;
	}
	return r;
}

static void
pw_build(struct screen *s)
{
	struct pw_state *st = s->state;
	const struct palweeks *p = &st->p;
	struct page *pg = &st->page;
	struct strbuf sb = STRBUF_INIT;
	char row[PALWEEKS_ROW_LEN], h[PALWEEKS_HM_LEN], m[MONEY_STR_LEN];
	int w = st->width >= 30 ? st->width : 40;
	size_t i, last = 0;

	page_clear(pg);
	if (!st->loaded) {
		page_layout(pg, pw_area(s));
		return;
	}
	snprintf(st->top, sizeof st->top, "Last %d weeks, bars: %s",
	    p->weeks, st->measure == PALWEEKS_PAY ? "pay" : "hours");
	palweeks_heading(st->measure, w, st->heading, sizeof st->heading);
	for (i = p->lead; i < p->n; i++) {
		const struct palweeks_week *wk = &p->v[i];

		palweeks_row(wk, st->measure, w, row, sizeof row);
		/* colour repeats the word; it never stands alone */
		page_item(pg, K_WEEK, (int64_t)i);
		page_add(pg, wk->word == PALWEEKS_OVER ? ST_ERROR :
		    wk->word == PALWEEKS_NEAR ? ST_WARN : ST_NORMAL, row);
		last = i;
	}
	page_item_end(pg);
	page_add(pg, ST_NORMAL, "");
	strbuf_addf(&sb, "over %d, near %d, ok %d, no rate %d, no work %d",
	    p->n_over, p->n_near, p->n_ok, p->n_no_rate, p->n_no_work);
	if (p->n_other > 0)
		strbuf_addf(&sb, ", not judged %d", p->n_other);
	strbuf_addf(&sb, ". In all: %s, %s.",
	    palweeks_hm((int)p->shown_minutes, h),
	    money_format(p->shown_pence, m));
	page_item(pg, K_NOTE, 0);
	page_add_labelled(pg, ST_NORMAL, w, 2, "Weeks", strbuf_str(&sb));
	page_item(pg, K_NOTE, 1);
	page_add_labelled(pg, ST_NORMAL, w, 2, "Bar",
	    st->measure == PALWEEKS_PAY ? "the week's pay (with holiday "
	    "pay), # up to | at the limit DWP applied that week; > is off "
	    "the scale." : "the week's hours, # up to | at 16 hours; > is "
	    "off the scale.");
	page_item(pg, K_NOTE, 2);
	page_add_labelled(pg, ST_NORMAL, w, 2, "5-wk", palweeks_avg_words(p));
	strbuf_fini(&sb);
	/* the height first, so choosing a row scrolls for this screen */
	if (st->fresh)
		pg->top = 0;
	page_layout(pg, pw_area(s));
	page_reselect(pg, st->fresh ? K_WEEK : PAGE_NONE,
	    (int64_t)last);
	st->fresh = false;
}

static enum pd_status
pw_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct pw_state *st = s->state;
	enum pd_status rc;
	char title[160];

	st->pal_id = arg != NULL ? *(const int64_t *)arg : 0;
	st->weeks = 13;
	if ((rc = pw_load(s, err)) != PD_OK)
		return rc;
	st->pal_id = st->p.pal_id;
	snprintf(title, sizeof title, "Weeks: %s", st->p.pal_name);
	screen_set_title(s, title);
	return PD_OK;
}

static void
pw_leave(struct screen *s)
{
	struct pw_state *st = s->state;

	page_fini(&st->page);
	palweeks_fini(&st->p);
}

static void
pw_layout(struct screen *s)
{
	struct pw_state *st = s->state;

	st->width = s->area.w;
	pw_build(s);
}

static void
pw_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct pw_state *st = s->state;
	struct rect r = s->area;

	if (r.h > PW_FIXED) {
		draw_text(r.y, r.x, r.w, st->top, ST_NORMAL);
		draw_text(r.y + 1, r.x, r.w, st->heading, ST_HEADER);
	}
	page_draw(&st->page, cur);
}

/* The chosen week in words: the weekly summary's sentence, the note
 * when two rules applied, and the five-week average. */
static void
pw_week(struct screen *s)
{
	struct pw_state *st = s->state;
	const struct page_item *l = page_current(&st->page);
	const struct palweeks_week *w;
	struct strbuf sb = STRBUF_INIT;
	char a[DATE_LONG_LEN], b[DATE_LONG_LEN], h[PALWEEKS_HM_LEN];
	char *title;

	if (l == NULL || l->kind != K_WEEK || l->id < 0 ||
	    (size_t)l->id >= st->p.n)
		return;
	w = &st->p.v[l->id];
	strbuf_addf(&sb, "%s to %s: %s.", date_format_long(w->first, a),
	    date_format_long(w->last, b), palweeks_word_str(w->word));
	strbuf_addf(&sb, " %s", w->check.sentence);
	if (sb.len > 0 && sb.buf[sb.len - 1] != '.')
		strbuf_addc(&sb, '.');
	if (w->avg.weeks > 0) {
		strbuf_addf(&sb, " Average over the %d week%s ending with "
		    "this one: %s a week", w->avg.weeks, w->avg.weeks == 1 ?
		    "" : "s", palweeks_hm(w->avg.avg_minutes, h));
		strbuf_adds(&sb, w->avg.at_or_over_16h ? " (16 hours or "
		    "more)." : " (less than 16 hours).");
	}
	title = xasprintf("Week %s", w->label);
	dialog_message(s->ui, TAG_WEEK, title, strbuf_str(&sb));
	free(title);
	strbuf_fini(&sb);
}

static enum tui_result
pw_action(struct screen *s, enum action a)
{
	struct pw_state *st = s->state;
	struct pd_err err;
	char name[80];

	switch (a) {
	case ACT_SPAN:
		st->weeks = st->weeks == 13 ? 52 : 13;
		if (pw_load(s, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		pw_build(s);
		return TUI_HANDLED;
	case ACT_MEASURE:
		st->measure = st->measure == PALWEEKS_PAY ? PALWEEKS_HOURS :
		    PALWEEKS_PAY;
		st->fresh = true;
		pw_build(s);
		return TUI_HANDLED;
	case ACT_OPEN:
		pw_week(s);
		return TUI_HANDLED;
	case ACT_SAVE_PDF:
		snprintf(name, sizeof name, "weeks-%s-%d.pdf",
		    st->p.pal_login[0] ? st->p.pal_login : "pal", st->weeks);
		dialog_prompt(s->ui, TAG_PDF, "Save as PDF", "File name", name,
		    400);
		return TUI_HANDLED;
	default:
		return page_action(&st->page, a);
	}
}

static void
pw_result(struct screen *s, const struct screen_result *r)
{
	struct pw_state *st = s->state;
	struct pd_err err;

	if (r->tag != TAG_PDF || r->code != SCREEN_OK || r->text == NULL)
		return;
	if (r->text[strspn(r->text, " ")] == '\0') {
		tui_error(s->ui, "Not saved: the file needs a name");
		return;
	}
	if (app_pal_weeks_save(s->app, &st->p, REPORT_PDF, 0, r->text, &err)
	    != PD_OK)
		tui_error(s->ui, "Not saved: %s", err.msg);
	else
		tui_message(s->ui, "Saved %s", r->text);
}

static const char *const pw_sections[] = { "list", NULL };
static const enum action pw_hints[] = {
	ACT_SPAN, ACT_MEASURE, ACT_SAVE_PDF, ACT_BACK, ACT_OPEN, ACT_HELP,
	ACT_NONE
};

const struct screen_ops pal_weeks_screen = {
	.name = "palweeks",
	.title = "Weeks",
	.sections = pw_sections,
	.state_size = sizeof(struct pw_state),
	.hints = pw_hints,
	.help = "The PAL's weeks against the limit, one row a week: the "
	    "date, a bar (# up to | at the limit DWP applied that week), "
	    "the pay or hours, the average hours of the five weeks ending "
	    "with it, and the verdict as a word: ok, near, over, no rate "
	    "(pay could not be checked), no work. w shows 13 or 52 weeks; "
	    "h draws the bars as pay or as hours; Enter tells the chosen "
	    "week in words; d saves a PDF.",
	.enter = pw_enter,
	.leave = pw_leave,
	.layout = pw_layout,
	.draw = pw_draw,
	.on_action = pw_action,
	.on_result = pw_result,
};
