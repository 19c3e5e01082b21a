/* palweeks_pdf.c - one PAL's weeks against the limit as an A4 PDF bar
 * chart (see palweeks.h).  Every bar is drawn as a share of the limit
 * DWP applied in its own week, so one line marks the limit for all of
 * them; the verdict is a word beside each bar, never a colour alone. */
#include "peerdesk/report/palweeks.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdfout.h"
#include "pdfpen.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/money.h"
#include "peerdesk/report/hours_pdf.h"
#include "peerdesk/report/pdftext.h"

#define W HOURS_PDF_WIDTH
#define H HOURS_PDF_HEIGHT
#define MARGIN 42.0
#define LEFT MARGIN
#define RIGHT (W - MARGIN)
#define BOTTOM (H - MARGIN)
#define SIZE 8.0
#define LEAD 1.35
#define BAR_X (LEFT + 62.0)	/* the bars start here */
#define BAR_W 250.0		/* a third more than the limit */
#define LIMIT_X (BAR_X + BAR_W * 0.75)
#define COL_HOURS (BAR_X + BAR_W + 42.0)	/* right edges */
#define COL_PAY (COL_HOURS + 52.0)
#define COL_AVG (COL_PAY + 44.0)
#define COL_WORD (COL_AVG + 10.0)		/* left edge */

struct pwpdf {
	cairo_t *cr;
	struct pdfpen *pen;
	const struct palweeks *p;
	double y;
	int page;
};

/* s with its baseline at y, from x (right: ending at x), cut to maxw
 * when maxw > 0. */
static void
palweeks_pdf_text(struct pdfpen *pen, double x, double y, double size,
    bool bold, bool right, const char *s, double maxw)
{
	char *clean = pdftext_clean(s, 0), *cut = NULL;
	const char *t = clean;

	pdfpen_font(pen, HOURS_PDF_FONT, size, bold, false);
	if (maxw > 0)
		t = cut = pdfpen_cut(pen, clean, maxw);
	cairo_set_source_rgb(pdfpen_cr(pen), 0, 0, 0);
	pdfpen_show(pen, right ? x - pdfpen_width(pen, t) : x, y, t);
	free(cut);
	free(clean);
}

/* A paragraph from y (its first baseline at y + size), wrapped to the
 * page; a new page when it runs off the bottom. */
static void
palweeks_pdf_para(struct pwpdf *d, const char *s)
{
	struct pdfpen_lines lines = { NULL, 0, 0 };
	char *clean = pdftext_clean(s, 0);
	size_t i;

	pdfpen_font(d->pen, HOURS_PDF_FONT, SIZE, false, false);
	pdfpen_break(d->pen, clean, strlen(clean), RIGHT - LEFT, &lines);
	for (i = 0; i < lines.n; i++) {
		char *line = xstrndup(clean + lines.v[i].off, lines.v[i].len);

		if (d->y + SIZE * LEAD > BOTTOM) {
			cairo_show_page(d->cr);
			d->page++;
			d->y = MARGIN;
		}
		cairo_set_source_rgb(d->cr, 0, 0, 0);
		pdfpen_font(d->pen, HOURS_PDF_FONT, SIZE, false, false);
		pdfpen_show_line(d->pen, LEFT, d->y + SIZE, RIGHT - LEFT, line,
		    lines.v[i].rtl);
		d->y += SIZE * LEAD;
		free(line);
	}
	pdfpen_lines_fini(&lines);
	free(clean);
}

static void
palweeks_pdf_header(struct pwpdf *d)
{
	const struct palweeks *p = d->p;
	char a[DATE_LONG_LEN], b[DATE_LONG_LEN];
	char *s;
	double y = MARGIN;

	palweeks_pdf_text(d->pen, LEFT, y + 13, 13, true, false,
	    p->org_name[0] ? p->org_name : "peerdesk", RIGHT - LEFT);
	s = xasprintf("%s%s%s%s: weeks against the limit", p->pal_name,
	    p->pal_login[0] ? " (" : "", p->pal_login,
	    p->pal_login[0] ? ")" : "");
	palweeks_pdf_text(d->pen, LEFT, y + 31, 11, true, false, s,
	    RIGHT - LEFT);
	free(s);
	if (p->n > p->lead) {
		s = xasprintf("The last %d weeks: %s to %s", p->weeks,
		    date_format_long(p->v[p->lead].first, a),
		    date_format_long(p->v[p->n - 1].last, b));
		palweeks_pdf_text(d->pen, LEFT, y + 46, 9, false, false, s, 0);
		free(s);
	}
	s = xasprintf("Printed %s", p->generated_at);
	palweeks_pdf_text(d->pen, RIGHT, y + 46, 9, false, true, s, 0);
	free(s);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	cairo_set_line_width(d->cr, 1.2);
	cairo_move_to(d->cr, LEFT, y + 54);
	cairo_line_to(d->cr, RIGHT, y + 54);
	cairo_stroke(d->cr);
	d->y = y + 66;
}

/* The week's bar: its share of the week's own limit. */
static void
palweeks_pdf_bar(struct pwpdf *d, const struct palweeks_week *w, double y,
    double h)
{
	const struct permitted_result *c = &w->check;
	double v, lim, x;
	bool has;

	if (d->p->measure == PALWEEKS_PAY) {
		has = c->has_pay_limit && c->limit_pence > 0;
		v = (double)w->gross_pence;
		lim = (double)c->limit_pence;
	} else {
		has = true;
		v = w->minutes;
		lim = c->has_hours_limit ? c->hours_limit_minutes :
		    PERMITTED_HOURS_LIMIT_MINUTES;
	}
	if (!has || v <= 0)
		return;
	x = (LIMIT_X - BAR_X) * v / lim;
	if (x > BAR_W)
		x = BAR_W;
	if (x < 1)
		x = 1;
	/* grey within, darker near, black over: the word says it too */
	if (w->word == PALWEEKS_OVER)
		cairo_set_source_rgb(d->cr, 0.05, 0.05, 0.05);
	else if (w->word == PALWEEKS_NEAR)
		cairo_set_source_rgb(d->cr, 0.40, 0.40, 0.40);
	else
		cairo_set_source_rgb(d->cr, 0.70, 0.70, 0.70);
	cairo_rectangle(d->cr, BAR_X, y, x, h);
	cairo_fill(d->cr);
	if (x >= BAR_W) {	/* off the scale: an arrow head */
		cairo_move_to(d->cr, BAR_X + BAR_W, y);
		cairo_line_to(d->cr, BAR_X + BAR_W + h * 0.6, y + h / 2);
		cairo_line_to(d->cr, BAR_X + BAR_W, y + h);
		cairo_close_path(d->cr);
		cairo_fill(d->cr);
	}
}

static void
palweeks_pdf_chart(struct pwpdf *d)
{
	const struct palweeks *p = d->p;
	size_t shown = p->n - p->lead, i;
	double rh = shown > 0 ? (BOTTOM - 170 - d->y) / (double)shown : 12;
	double top, y;
	char date[DATE_LONG_LEN], hm[PALWEEKS_HM_LEN], m[MONEY_STR_LEN];
	char avg[PALWEEKS_HM_LEN + 2];

	if (rh > 18)
		rh = 18;
	if (rh < 9)
		rh = 9;
	y = d->y + SIZE;
	palweeks_pdf_text(d->pen, LEFT, y, SIZE, true, false, "Week of", 0);
	palweeks_pdf_text(d->pen, BAR_X, y, SIZE, true, false,
	    p->measure == PALWEEKS_PAY ?
	    "Pay (with holiday pay) against the limit" :
	    "Hours against 16 hours", LIMIT_X - BAR_X - 4);
	palweeks_pdf_text(d->pen, LIMIT_X + 3, y, SIZE, true, false, "limit",
	    0);
	palweeks_pdf_text(d->pen, COL_HOURS, y, SIZE, true, true, "Hours", 0);
	palweeks_pdf_text(d->pen, COL_PAY, y, SIZE, true, true, "Pay", 0);
	palweeks_pdf_text(d->pen, COL_AVG, y, SIZE, true, true, "5-week", 0);
	palweeks_pdf_text(d->pen, COL_WORD, y, SIZE, true, false, "Verdict", 0);
	top = d->y + SIZE * LEAD + 2;
	for (i = 0; i < shown; i++) {
		const struct palweeks_week *w = &p->v[p->lead + i];
		double ry = top + rh * (double)i;
		double base = ry + rh / 2 + SIZE * 0.35;

		date_format_long(w->first, date);
		/* "Mon 23 Nov 2026" less the weekday */
		palweeks_pdf_text(d->pen, LEFT, base, SIZE, false, false,
		    strchr(date, ' ') ? strchr(date, ' ') + 1 : date,
		    BAR_X - LEFT - 4);
		palweeks_pdf_bar(d, w, ry + rh * 0.15, rh * 0.7);
		palweeks_pdf_text(d->pen, COL_HOURS, base, SIZE, false, true,
		    palweeks_hm(w->minutes, hm), 0);
		palweeks_pdf_text(d->pen, COL_PAY, base, SIZE, false, true,
		    money_format(w->gross_pence, m), 0);
		if (w->avg.weeks > 0) {
			palweeks_hm(w->avg.avg_minutes, avg);
			if (w->avg.at_or_over_16h)
				strcat(avg, "*");
		} else
			snprintf(avg, sizeof avg, "-");
		palweeks_pdf_text(d->pen, COL_AVG, base, SIZE, false, true, avg,
		    0);
		palweeks_pdf_text(d->pen, COL_WORD, base, SIZE,
		    w->word == PALWEEKS_OVER || w->word == PALWEEKS_NEAR, false,
		    palweeks_word_str(w->word), RIGHT - COL_WORD);
	}
	/* the limit: one line across every bar */
	y = top + rh * (double)shown;
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	cairo_set_line_width(d->cr, 1.0);
	cairo_move_to(d->cr, LIMIT_X, top - 2);
	cairo_line_to(d->cr, LIMIT_X, y + 2);
	cairo_stroke(d->cr);
	cairo_set_line_width(d->cr, 0.5);
	cairo_move_to(d->cr, BAR_X, top - 2);
	cairo_line_to(d->cr, BAR_X, y + 2);
	cairo_stroke(d->cr);
	d->y = y + 10;
}

static void
palweeks_pdf_notes(struct pwpdf *d)
{
	const struct palweeks *p = d->p;
	struct strbuf sb = STRBUF_INIT;
	char h[PALWEEKS_HM_LEN], m[MONEY_STR_LEN], ds[DATE_STR_LEN];
	size_t i;

	strbuf_addf(&sb, "Over the limit: %d. Near it: %d. Within: %d. No pay "
	    "rate: %d. No work: %d.", p->n_over, p->n_near, p->n_ok,
	    p->n_no_rate, p->n_no_work);
	if (p->n_other > 0)
		strbuf_addf(&sb, " Not judged (no limit, or no rule): %d.",
		    p->n_other);
	strbuf_addf(&sb, " In these weeks: %s, %s.",
	    palweeks_hm((int)p->shown_minutes, h),
	    money_format(p->shown_pence, m));
	palweeks_pdf_para(d, strbuf_str(&sb));
	strbuf_reset(&sb);
	if (palweeks_limits_words(p, &sb))
		palweeks_pdf_para(d, strbuf_str(&sb));
	palweeks_pdf_para(d, palweeks_avg_words(p));
	palweeks_pdf_para(d, "Each bar is the week's share of the limit DWP "
	    "applied that week, so one line marks the limit for every week; "
	    "an arrow means off the scale. The verdict word is the weekly "
	    "summary's.");
	for (i = p->lead; i < p->n; i++) {
		if (p->v[i].check.note[0] == '\0')
			continue;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "Week of %s: %s.",
		    date_format(p->v[i].first, ds), p->v[i].check.note);
		palweeks_pdf_para(d, strbuf_str(&sb));
	}
	strbuf_fini(&sb);
}

enum pd_status
palweeks_pdf_render(const struct palweeks *p, struct strbuf *out,
    struct pd_err *err)
{
	cairo_surface_t *surface;
	struct pwpdf d;
	char *title;

	title = xasprintf("%s: weeks against the limit", p->pal_name);
	surface = pdfout_start(out, W, H, title);
	free(title);
	memset(&d, 0, sizeof d);
	d.cr = cairo_create(surface);
	d.pen = pdfpen_new(d.cr);
	d.p = p;
	d.page = 1;
	palweeks_pdf_header(&d);
	palweeks_pdf_chart(&d);
	palweeks_pdf_notes(&d);
	cairo_show_page(d.cr);
	pdfpen_free(d.pen);
	return pdfout_finish(d.cr, surface, err);
}
