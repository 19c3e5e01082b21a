#include "peerdesk/report/hours_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "pdfout.h"
#include "pdfpen.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/report/pdftext.h"
#include "peerdesk/model/money.h"
#include "hours_words.h"

#define MARGIN 42.0
#define LEFT MARGIN
#define RIGHT (HOURS_PDF_WIDTH - MARGIN)
#define CONTENT_W (RIGHT - LEFT)
#define TOP MARGIN
#define HEADER_H 66.0
#define BODY_TOP (TOP + HEADER_H)
#define BODY_BOTTOM (HOURS_PDF_HEIGHT - MARGIN)
#define BLOCK_GAP 10.0
#define LEAD 1.35		/* line height as a multiple of the size */

#define SIZE_BODY 9.0
#define SIZE_SMALL 7.0
#define SIZE_TITLE 11.0

enum hours_pdf_align { PDF_LEFT, PDF_RIGHT };

struct pdf {
	cairo_t *cr;
	cairo_surface_t *surface;
	struct pdfpen *pen;
	int top;		/* the outline's entry for the summary */
	const struct hours_report *r;
	bool draw;		/* false: measure only */
	char *org;		/* the organisation's name, cut to fit once */
};

static void
hours_pdf_font(struct pdf *p, double size, bool bold)
{
	pdfpen_font(p->pen, HOURS_PDF_FONT, size, bold, false);
}

/* Show s with its baseline at y: left-aligned at x, or ending at x.
 * maxw > 0 cuts s to fit.  grey draws it in grey. */
static void
hours_pdf_text(struct pdf *p, double x, double y, double size, bool bold,
    bool grey, const char *s, enum hours_pdf_align align, double maxw)
{
	char *clean = pdftext_clean(s, 0), *cut = NULL;
	double w;

	hours_pdf_font(p, size, bold);
	s = clean;
	if (maxw > 0) {
		cut = pdfpen_cut(p->pen, clean, maxw);
		s = cut;
	}
	if (p->draw) {
		w = align == PDF_RIGHT ? pdfpen_width(p->pen, s) : 0;
		if (grey)
			cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
		else
			cairo_set_source_rgb(p->cr, 0, 0, 0);
		pdfpen_show(p->pen, x - w, y, s);
	}
	free(cut);
	free(clean);
}

/* s word-wrapped into width w from x (a word wider than w broken
 * between characters); returns the height used.  The first line's
 * baseline is at y + size.  Each character is measured once. */
static double
hours_pdf_wrap(struct pdf *p, double x, double y, double w, double size,
    bool bold, const char *s)
{
	struct pdfpen_lines lines = { NULL, 0, 0 };
	char *clean = pdftext_clean(s, 0);
	const char *q = clean;
	double h = 0;
	size_t i;

	while (*q == ' ')
		q++;
	hours_pdf_font(p, size, bold);
	pdfpen_break(p->pen, q, strlen(q), w, &lines);
	for (i = 0; i < lines.n; i++) {
		char *line = xstrndup(q + lines.v[i].off, lines.v[i].len);

		if (p->draw) {
			hours_pdf_font(p, size, bold);
			cairo_set_source_rgb(p->cr, 0, 0, 0);
			pdfpen_show_line(p->pen, x, y + h + size, w, line,
			    lines.v[i].rtl);
		}
		h += size * LEAD;
		free(line);
	}
	pdfpen_lines_fini(&lines);
	free(clean);
	return h;
}

/* A heading of a block: hours_pdf_text() tagged H2, with a place in the
 * outline named dest. */
static void
hours_pdf_title(struct pdf *p, double x, double y, double size, const char *s,
    double maxw, const char *dest)
{
	if (p->draw) {
		pdfpen_heading_begin(p->pen, 2, dest);
		pdfout_outline(p->surface, p->top, s, dest);
	}
	hours_pdf_text(p, x, y, size, true, false, s, PDF_LEFT, maxw);
	if (p->draw)
		pdfpen_heading_end(p->pen, 2, dest);
}

static void
hours_pdf_rule(struct pdf *p, double y, double width, double grey)
{
	if (!p->draw)
		return;
	cairo_set_source_rgb(p->cr, grey, grey, grey);
	cairo_set_line_width(p->cr, width);
	cairo_move_to(p->cr, LEFT, y);
	cairo_line_to(p->cr, RIGHT, y);
	cairo_stroke(p->cr);
}

/* Eight columns: the six kinds, hours and gross pay; small labels
 * above the figures.  Returns the height. */
static double
hours_pdf_grid(struct pdf *p, double y, const int minutes[HOURS_KINDS],
    int total, int64_t gross)
{
	char v[HOURS_KINDS + 2][MONEY_STR_LEN > DURATION_STR_LEN ?
	    MONEY_STR_LEN : DURATION_STR_LEN];
	const char *labels[HOURS_KINDS + 2];
	double cw = CONTENT_W / (HOURS_KINDS + 2);
	int k;

	for (k = 0; k < HOURS_KINDS; k++) {
		labels[k] = hours_words_kind(k);
		duration_format(minutes[k], v[k]);
	}
	labels[HOURS_KINDS] = "Hours";
	duration_format(total, v[HOURS_KINDS]);
	labels[HOURS_KINDS + 1] = "Gross pay";
	money_format(gross, v[HOURS_KINDS + 1]);
	for (k = 0; k < HOURS_KINDS + 2; k++) {
		double x = LEFT + cw * k;
		bool strong = k >= HOURS_KINDS;

		hours_pdf_text(p, x, y + SIZE_SMALL, SIZE_SMALL, false, true,
		    labels[k], PDF_LEFT, cw - 4);
		hours_pdf_text(p, x, y + SIZE_SMALL * LEAD + SIZE_BODY + 1,
		    SIZE_BODY + 0.5, strong, false, v[k], PDF_LEFT, cw - 4);
	}
	return SIZE_SMALL * LEAD + (SIZE_BODY + 1) * LEAD + 2;
}

static double
hours_pdf_pay_line(struct pdf *p, double y, int64_t pay, int64_t holiday,
    bool holiday_on)
{
	char a[MONEY_STR_LEN], b[MONEY_STR_LEN];
	char *s;

	s = xasprintf("Pay %s", money_format(pay, a));
	hours_pdf_text(p, LEFT, y + SIZE_BODY, SIZE_BODY, false, false, s,
	    PDF_LEFT, 0);
	free(s);
	s = xasprintf("Holiday pay %s", holiday_on ?
	    money_format(holiday, b) : "-");
	hours_pdf_text(p, LEFT + 130, y + SIZE_BODY, SIZE_BODY, false, false, s,
	    PDF_LEFT, 0);
	free(s);
	return SIZE_BODY * LEAD;
}

static double
hours_pdf_client(struct pdf *p, double y, const struct hours_client *c,
    bool with_worker)
{
	char d[HOURS_WORDS_LEN], n[HOURS_WORDS_LEN];
	double x = LEFT + 12, base = y + SIZE_BODY;

	if (with_worker) {
		hours_pdf_text(p, x, base, SIZE_BODY, false, false, c->client,
		    PDF_LEFT, 170);
		hours_pdf_text(p, x + 180, base, SIZE_BODY, false, false,
		    c->worker, PDF_LEFT, 120);
		hours_pdf_text(p, x + 310, base, SIZE_BODY, false, false,
		    hours_words_delivered(c, d), PDF_LEFT, 110);
		hours_pdf_text(p, x + 425, base, SIZE_BODY, false, true,
		    hours_words_client_note(c, n), PDF_LEFT, 70);
	} else {
		hours_pdf_text(p, x, base, SIZE_BODY, false, false, c->client,
		    PDF_LEFT, 220);
		hours_pdf_text(p, x + 230, base, SIZE_BODY, false, false,
		    hours_words_delivered(c, d), PDF_LEFT, 150);
		hours_pdf_text(p, x + 390, base, SIZE_BODY, false, true,
		    hours_words_client_note(c, n), PDF_LEFT, 100);
	}
	return SIZE_BODY * LEAD;
}

/* One piece of a list's row in the body's type: s from x on the row
 * whose top is y, cut to maxw (0: as it is). */
static void
hours_pdf_cell(struct pdf *p, double x, double y, bool bold, const char *s,
    double maxw)
{
	hours_pdf_text(p, x, y + SIZE_BODY, SIZE_BODY, bold, false, s,
	    PDF_LEFT, maxw);
}

/* The PALs near or over a limit, under their title. */
static double
hours_pdf_near_list(struct pdf *p, double y)
{
	const struct hours_report *r = p->r;
	double y0 = y;
	size_t i;
	int listed = 0;

	hours_pdf_title(p, LEFT, y + SIZE_TITLE, SIZE_TITLE,
	    "Near or over a limit", 0, "near-or-over");
	y += SIZE_TITLE * LEAD + 2;
	for (i = 0; i < r->n_rows; i++) {
		const struct hours_row *row = &r->rows[i];
		char *who;

		if (!hours_words_near_or_over(row))
			continue;
		who = hours_words_who(row);
		hours_pdf_cell(p, LEFT + 12, y, true, hours_words_flag(row), 0);
		hours_pdf_cell(p, LEFT + 60, y, false, who, 220);
		hours_pdf_cell(p, LEFT + 290, y, false,
		    permitted_rule_label(&row->check), CONTENT_W - 290);
		y += SIZE_BODY * LEAD;
		free(who);
		listed++;
	}
	if (listed == 0) {
		hours_pdf_cell(p, LEFT + 12, y, false,
		    "Nobody is near or over a limit this week.", 0);
		y += SIZE_BODY * LEAD;
	}
	return y - y0;
}

/* The PALs who have not sent their week, under their title. */
static double
hours_pdf_not_sent_list(struct pdf *p, double y)
{
	const struct hours_report *r = p->r;
	char buf[HOURS_WORDS_LEN];
	double y0 = y;
	size_t i;
	int listed = 0;

	hours_pdf_title(p, LEFT, y + SIZE_TITLE, SIZE_TITLE,
	    "Not sent for approval", 0, "not-sent");
	y += SIZE_TITLE * LEAD + 2;
	for (i = 0; i < r->n_rows; i++) {
		const struct hours_row *row = &r->rows[i];
		char *who;

		if (!hours_words_not_sent(row))
			continue;
		who = hours_words_who(row);
		hours_pdf_cell(p, LEFT + 12, y, false, who, 268);
		hours_pdf_cell(p, LEFT + 290, y, false,
		    hours_words_logged(row, buf), CONTENT_W - 290);
		y += SIZE_BODY * LEAD;
		free(who);
		listed++;
	}
	if (listed == 0) {
		hours_pdf_cell(p, LEFT + 12, y, false,
		    "Everyone has sent their week.", 0);
		y += SIZE_BODY * LEAD;
	}
	return y - y0;
}

static double
hours_pdf_intro_block(struct pdf *p, double y)
{
	const struct hours_report *r = p->r;
	double y0 = y;
	char *s;

	s = hours_words_limits_line(r);
	y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY, false, s);
	free(s);
	if (r->limits_note != NULL)
		y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY, false,
		    r->limits_note);
	s = hours_words_holiday_line(r);
	y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY, false, s);
	free(s);
	y += 6;
	y += hours_pdf_near_list(p, y);
	if (!r->has_status)
		return y - y0;
	y += 6;
	y += hours_pdf_not_sent_list(p, y);
	return y - y0;
}

static double
hours_pdf_pal_block(struct pdf *p, double y, const struct hours_row *row)
{
	const struct hours_report *r = p->r;
	char buf[HOURS_WORDS_LEN], d[DURATION_STR_LEN];
	double y0 = y;
	char *who, *s;
	size_t i;
	int clients = 0;
	bool alert;

	hours_pdf_rule(p, y, 0.5, 0.6);
	y += 4;
	who = hours_words_who(row);
	hours_pdf_text(p, RIGHT, y + SIZE_TITLE, SIZE_BODY, false, false,
	    permitted_rule_label(&row->check), PDF_RIGHT, 180);
	s = xasprintf("pal-%zu", (size_t)(row - r->rows) + 1);
	hours_pdf_title(p, LEFT, y + SIZE_TITLE, SIZE_TITLE, who,
	    CONTENT_W - 190, s);
	free(s);
	free(who);
	y += SIZE_TITLE * LEAD + 2;
	y += hours_pdf_grid(p, y, row->minutes_by_kind, row->minutes,
	    row->gross_pence);
	y += hours_pdf_pay_line(p, y, row->pay_pence, row->holiday_pence,
	    r->holiday_pay);
	if (row->unrated_minutes > 0) {
		s = xasprintf("No pay rate is recorded for %s of this: it is "
		    "not in the pay above.",
		    duration_format(row->unrated_minutes, d));
		y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY, false, s);
		free(s);
	}
	s = xasprintf("Limit: %s", hours_words_limit(row, buf));
	y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY, false, s);
	free(s);
	s = xasprintf("Room left: %s", hours_words_room(row, buf));
	y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY, false, s);
	free(s);
	alert = row->check.verdict == PERMITTED_NEAR ||
	    row->check.verdict == PERMITTED_OVER;
	s = xasprintf("Verdict: %s", hours_words_verdict(row, buf));
	y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY, alert, s);
	free(s);
	if (row->has_status) {
		s = xasprintf("Week: %s", hours_words_status(row->status));
		y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY, false, s);
		free(s);
		if (hours_words_override(row, buf)[0] != '\0') {
			s = xasprintf("Limit agreed %s", buf);
			y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY,
			    false, s);
			free(s);
		}
	}
	for (i = 0; i < r->n_clients; i++) {
		if (r->clients[i].worker_id != row->pal_id)
			continue;
		if (clients++ == 0) {
			hours_pdf_text(p, LEFT, y + SIZE_BODY, SIZE_BODY - 0.5,
			    false, true,
			    "Clients this week (delivered of contracted)",
			    PDF_LEFT, 0);
			y += SIZE_BODY * LEAD;
		}
		y += hours_pdf_client(p, y, &r->clients[i], false);
	}
	if (clients == 0) {
		hours_pdf_text(p, LEFT, y + SIZE_BODY, SIZE_BODY - 0.5, false,
		    true, "Clients this week: none", PDF_LEFT, 0);
		y += SIZE_BODY * LEAD;
	}
	return y - y0;
}

static double
hours_pdf_others_block(struct pdf *p, double y)
{
	const struct hours_report *r = p->r;
	double y0 = y;
	size_t i;
	int n = 0;

	for (i = 0; i < r->n_clients; i++) {
		if (hours_report_row_for(r, r->clients[i].worker_id) != NULL)
			continue;
		if (n++ == 0) {
			hours_pdf_rule(p, y, 0.5, 0.6);
			y += 4;
			hours_pdf_title(p, LEFT, y + SIZE_TITLE, SIZE_TITLE,
			    "Other workers' clients this week", 0, "others");
			y += SIZE_TITLE * LEAD + 2;
		}
		y += hours_pdf_client(p, y, &r->clients[i], true);
	}
	return y - y0;
}

/* Changes made this week to weeks already approved or paid. */
static double
hours_pdf_adjust_block(struct pdf *p, double y)
{
	const struct hours_report *r = p->r;
	char buf[HOURS_WORDS_LEN];
	double y0 = y;
	size_t i;

	if (r->n_adjusts == 0)
		return 0;
	hours_pdf_rule(p, y, 0.5, 0.6);
	y += 4;
	hours_pdf_title(p, LEFT, y + SIZE_TITLE, SIZE_TITLE,
	    "Changes to approved or paid weeks (adjustments for payroll)", 0,
	    "adjustments");
	y += SIZE_TITLE * LEAD + 2;
	for (i = 0; i < r->n_adjusts; i++)
		y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY, false,
		    hours_words_adjust(&r->adjusts[i], buf));
	return y - y0;
}

static double
hours_pdf_totals_block(struct pdf *p, double y)
{
	const struct hours_report *r = p->r;
	const struct hours_totals *t = &r->totals;
	char a[DURATION_STR_LEN], b[DURATION_STR_LEN];
	double y0 = y;
	char *s;

	hours_pdf_rule(p, y, 1.2, 0);
	y += 4;
	s = xasprintf("Totals for %zu PAL%s", r->n_rows,
	    r->n_rows == 1 ? "" : "s");
	hours_pdf_title(p, LEFT, y + SIZE_TITLE, SIZE_TITLE, s, 0, "totals");
	free(s);
	y += SIZE_TITLE * LEAD + 2;
	y += hours_pdf_grid(p, y, t->minutes_by_kind, t->minutes,
	    t->gross_pence);
	y += hours_pdf_pay_line(p, y, t->pay_pence, t->holiday_pence,
	    r->holiday_pay);
	s = xasprintf("Close to a limit: %d.  Over a limit: %d.", t->n_near,
	    t->n_over);
	y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY, false, s);
	free(s);
	s = xasprintf("Client hours: %s delivered, against %s contracted "
	    "a week.", duration_format(t->delivered_minutes, a),
	    duration_format(t->contracted_minutes, b));
	y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY, false, s);
	free(s);
	if (t->unrated_minutes > 0) {
		s = xasprintf("No pay rate is recorded for %s of the hours: "
		    "that time is not in the pay.",
		    duration_format(t->unrated_minutes, a));
		y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY, false, s);
		free(s);
	}
	y += 6;
	y += hours_pdf_wrap(p, LEFT, y, CONTENT_W, SIZE_BODY, false,
	    "End of the weekly hours summary.");
	return y - y0;
}

static void
hours_pdf_header(struct pdf *p, size_t page, size_t pages)
{
	const struct hours_report *r = p->r;
	char right[64], dates[HOURS_WORDS_LEN];
	char *s;
	double y = TOP;

	snprintf(right, sizeof right, "Page %zu of %zu", page, pages);
	hours_pdf_text(p, RIGHT, y + 13, SIZE_BODY, false, false, right,
	    PDF_RIGHT, 0);
	if (p->org == NULL) {
		char *clean = pdftext_clean(r->org_name[0] ? r->org_name :
		    "peerdesk", 0);

		hours_pdf_font(p, 13, true);
		p->org = pdfpen_cut(p->pen, clean, CONTENT_W - 90);
		free(clean);
	}
	hours_pdf_text(p, LEFT, y + 13, 13, true, false, p->org, PDF_LEFT,
	    CONTENT_W - 90);
	s = xasprintf("Weekly hours summary, week %s", r->week_label);
	if (page == 1 && p->draw) {
		/* the document's title, once */
		pdfpen_heading_begin(p->pen, 1, "summary");
		p->top = pdfout_outline(p->surface, 0, s, "summary");
	}
	hours_pdf_text(p, LEFT, y + 31, SIZE_TITLE, true, false, s, PDF_LEFT,
	    0);
	if (page == 1 && p->draw)
		pdfpen_heading_end(p->pen, 1, "summary");
	free(s);
	hours_pdf_text(p, LEFT, y + 46, SIZE_BODY, false, false,
	    hours_words_dates(r, dates), PDF_LEFT, 0);
	if (r->generated_at[0] != '\0') {
		s = xasprintf("Printed %s", r->generated_at);
		hours_pdf_text(p, RIGHT, y + 46, SIZE_BODY, false, true, s,
		    PDF_RIGHT, 200);
		free(s);
	}
	hours_pdf_rule(p, y + 54, 1.2, 0);
}

/* The blocks in order; index 0 is the intro, then one per PAL, the
 * other workers, the adjustments, the totals. */
static double
hours_pdf_block(struct pdf *p, size_t i, double y)
{
	const struct hours_report *r = p->r;

	if (i == 0)
		return hours_pdf_intro_block(p, y);
	if (i <= r->n_rows)
		return hours_pdf_pal_block(p, y, &r->rows[i - 1]);
	if (i == r->n_rows + 1)
		return hours_pdf_others_block(p, y);
	if (i == r->n_rows + 2)
		return hours_pdf_adjust_block(p, y);
	return hours_pdf_totals_block(p, y);
}

static void
hours_pdf_draw(struct pdf *p)
{
	size_t n = p->r->n_rows + 4, i, pages = 1, page;
	double *h = xcalloc(n, sizeof *h), *at = xcalloc(n, sizeof *at);
	size_t *on = xcalloc(n, sizeof *on);
	double y = BODY_TOP;

	/* Measure, then place each block whole on a page. */
	p->draw = false;
	for (i = 0; i < n; i++) {
		h[i] = hours_pdf_block(p, i, 0);
		if (h[i] <= 0)
			continue;
		if (y > BODY_TOP && y + h[i] > BODY_BOTTOM) {
			pages++;
			y = BODY_TOP;
		}
		on[i] = pages;
		at[i] = y;
		y += h[i] + BLOCK_GAP;
	}
	p->draw = true;
	for (page = 1; page <= pages; page++) {
		hours_pdf_header(p, page, pages);
		for (i = 0; i < n; i++)
			if (h[i] > 0 && on[i] == page)
				hours_pdf_block(p, i, at[i]);
		pdfout_page_label(p->surface, page);
		cairo_show_page(p->cr);
	}
	free(h);
	free(at);
	free(on);
}

enum pd_status
hours_pdf_render(const struct hours_report *r, struct strbuf *out,
    struct pd_err *err)
{
	cairo_surface_t *surface;
	struct pdf p;
	char *title;

	title = xasprintf("Weekly hours summary %s", r->week_label);
	surface = pdfout_start(out, HOURS_PDF_WIDTH, HOURS_PDF_HEIGHT, title);
	free(title);
	memset(&p, 0, sizeof p);
	p.cr = cairo_create(surface);
	p.surface = surface;
	p.pen = pdfpen_new(p.cr);
	p.r = r;
	hours_pdf_draw(&p);
	pdfpen_free(p.pen);
	free(p.org);
	return pdfout_finish(p.cr, surface, err);
}
