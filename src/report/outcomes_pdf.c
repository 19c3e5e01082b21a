/* outcomes_pdf.c - the outcomes report as a PDF: the figures as the text
 * report gives them, then three charts drawn with cairo: goal movement
 * (first and latest T-score, overall and by area), hours delivered
 * against contracted (each funder and route), and group attendance month
 * by month.  Every string goes through pdftext_clean (pdftext.c). */
#include "peerdesk/report/outcomes.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdfout.h"
#include "pdfpen.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/report/pdftext.h"

#define PAGE_W 595.0		/* A4 in points */
#define PAGE_H 842.0
#define MARGIN 48.0
#define FONT "DejaVu Sans"
#define MONO "DejaVu Sans Mono"
#define SIZE_TEXT 8.0
#define SIZE_TITLE 13.0
#define LINE (SIZE_TEXT * 1.35)

static void
outcomes_pdf_font(struct pdfpen *pen, const char *face, double size, bool bold)
{
	pdfpen_font(pen, face, size, bold, false);
}

/* s with its baseline at (x, y), cleaned and cut to maxw (0: as it is). */
static void
outcomes_pdf_text(struct pdfpen *pen, double x, double y, const char *s,
    double maxw)
{
	char *clean = pdftext_clean(s, 0), *cut = NULL;

	if (maxw > 0)
		cut = pdfpen_cut(pen, clean, maxw);
	pdfpen_show(pen, x, y, cut != NULL ? cut : clean);
	free(cut);
	free(clean);
}

static void
outcomes_pdf_title(struct pdfpen *pen, const struct outcomes *o,
    const char *what)
{
	cairo_t *cr = pdfpen_cr(pen);
	char buf[160];

	cairo_set_source_rgb(cr, 0, 0, 0);
	outcomes_pdf_font(pen, FONT, SIZE_TITLE, true);
	snprintf(buf, sizeof buf, "%s, %s to %s", what, o->from, o->to);
	outcomes_pdf_text(pen, MARGIN, MARGIN, buf, PAGE_W - 2 * MARGIN);
	outcomes_pdf_font(pen, FONT, SIZE_TEXT, false);
	if (o->funder != NULL) {
		snprintf(buf, sizeof buf, "For %s", o->funder);
		outcomes_pdf_text(pen, MARGIN, MARGIN + 16, buf,
		    PAGE_W - 2 * MARGIN);
	}
}

/* The text report, line for line, over as many pages as it needs. */
static void
outcomes_pdf_pages_of_text(struct pdfpen *pen, const struct outcomes *o)
{
	cairo_t *cr = pdfpen_cr(pen);
	struct strbuf sb = STRBUF_INIT;
	const char *p, *nl;
	double y = MARGIN + 34;
	char *line;

	outcomes_text(o, &sb);
	outcomes_pdf_title(pen, o, "Outcomes");
	outcomes_pdf_font(pen, MONO, SIZE_TEXT, false);
	for (p = strbuf_str(&sb); *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		if (y > PAGE_H - MARGIN) {
			cairo_show_page(cr);
			y = MARGIN;
			outcomes_pdf_font(pen, MONO, SIZE_TEXT, false);
		}
		line = xstrndup(p, (size_t)(nl - p));
		cairo_set_source_rgb(cr, 0, 0, 0);
		outcomes_pdf_text(pen, MARGIN, y, line, PAGE_W - 2 * MARGIN);
		free(line);
		y += LINE;
		if (*nl == '\0')
			break;
	}
	cairo_show_page(cr);
	strbuf_fini(&sb);
}

/* A chart's frame: its heading at y; returns the top of its plot. */
static double
outcomes_pdf_chart_head(struct pdfpen *pen, double y, const char *heading,
    const char *key)
{
	cairo_t *cr = pdfpen_cr(pen);
	cairo_set_source_rgb(cr, 0, 0, 0);
	outcomes_pdf_font(pen, FONT, 10.5, true);
	outcomes_pdf_text(pen, MARGIN, y, heading, PAGE_W - 2 * MARGIN);
	outcomes_pdf_font(pen, FONT, SIZE_TEXT, false);
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	outcomes_pdf_text(pen, MARGIN, y + 12, key, PAGE_W - 2 * MARGIN);
	return y + 22;
}

/* Two bars for one row: a (light, outlined) and b (dark), scaled to max
 * over width w from x; with words at the left and the figures after. */
static void
outcomes_pdf_bar_pair(struct pdfpen *pen, double x, double y, double w,
    const char *label, double a, double b, double lo, double hi,
    const char *figures)
{
	cairo_t *cr = pdfpen_cr(pen);
	double la = (a - lo) / (hi - lo) * w, lb = (b - lo) / (hi - lo) * w;

	if (la < 0)
		la = 0;
	if (lb < 0)
		lb = 0;
	cairo_set_source_rgb(cr, 0, 0, 0);
	outcomes_pdf_font(pen, FONT, SIZE_TEXT, false);
	outcomes_pdf_text(pen, MARGIN, y + 9, label, x - MARGIN - 6);
	cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
	cairo_rectangle(cr, x, y, la, 6);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
	cairo_set_line_width(cr, 0.5);
	cairo_rectangle(cr, x, y, la, 6);
	cairo_stroke(cr);
	cairo_rectangle(cr, x, y + 7, lb, 6);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	outcomes_pdf_text(pen, x + w + 6, y + 9, figures,
	    PAGE_W - MARGIN - (x + w + 6));
}

static double
outcomes_pdf_chart_goals(struct pdfpen *pen, const struct outcomes *o, double y)
{
	cairo_t *cr = pdfpen_cr(pen);
	double x = MARGIN + 110, w = 250, x50, top;
	char fig[64];
	int k;

	y = outcomes_pdf_chart_head(pen, y, "Goal movement (GAS T-score)",
	    "Light: at first scoring. Dark: latest. The line is 50, as "
	    "expected; the scale runs from 20 to 80.");
	if (o->n_people == 0) {
		outcomes_pdf_text(pen, MARGIN, y + 10,
		    "No goals were scored in this period.", 0);
		return y + 24;
	}
	x50 = x + (50.0 - 20.0) / 60.0 * w;
	top = y;
	snprintf(fig, sizeof fig, "%.1f to %.1f (%zu people)", o->t_first,
	    o->t_latest, o->n_people);
	outcomes_pdf_bar_pair(pen, x, y, w, "Everyone", o->t_first, o->t_latest,
	    20, 80, fig);
	y += 18;
	for (k = 0; k < OUTCOME_AREAS; k++) {
		if (o->areas[k].clients == 0)
			continue;
		snprintf(fig, sizeof fig, "%.1f to %.1f (%d)",
		    o->areas[k].t_first, o->areas[k].t_latest,
		    o->areas[k].clients);
		outcomes_pdf_bar_pair(pen, x, y, w, outcomes_area_label(k),
		    o->areas[k].t_first, o->areas[k].t_latest, 20, 80, fig);
		y += 18;
	}
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, 0.8);
	cairo_move_to(cr, x50, top - 2);
	cairo_line_to(cr, x50, y + 2);
	cairo_stroke(cr);
	return y + 16;
}

static double
outcomes_pdf_chart_hours(struct pdfpen *pen, const struct outcomes *o, double y)
{
	double x = MARGIN + 170, w = 200, max = 1;
	char label[160], fig[64];
	size_t i;

	y = outcomes_pdf_chart_head(pen, y,
	    "Hours delivered against contracted",
	    "Light: contracted. Dark: delivered (sessions held).");
	if (o->n_hours == 0) {
		outcomes_pdf_text(pen, MARGIN, y + 10,
		    "No funding is recorded.", 0);
		return y + 24;
	}
	for (i = 0; i < o->n_hours; i++) {
		if (o->hours[i].contracted_minutes > max)
			max = (double)o->hours[i].contracted_minutes;
		if (o->hours[i].delivered_minutes > max)
			max = (double)o->hours[i].delivered_minutes;
	}
	for (i = 0; i < o->n_hours && y < PAGE_H - MARGIN - 20; i++) {
		const struct outcome_hours *h = &o->hours[i];

		snprintf(label, sizeof label, "%s, %s", h->funder[0] ?
		    h->funder : "no funder", h->route);
		snprintf(fig, sizeof fig, "%.1fh of %.1fh",
		    h->delivered_minutes / 60.0, h->contracted_minutes / 60.0);
		outcomes_pdf_bar_pair(pen, x, y, w, label,
		    (double)h->contracted_minutes, (double)h->delivered_minutes,
		    0, max, fig);
		y += 18;
	}
	return y + 16;
}

static double
outcomes_pdf_chart_months(struct pdfpen *pen, const struct outcomes *o,
    double y)
{
	cairo_t *cr = pdfpen_cr(pen);
	double x0 = MARGIN + 20, h = 120, w = PAGE_W - 2 * MARGIN - 20;
	double bw, max = 1, bh;
	char buf[32];
	size_t i;

	y = outcomes_pdf_chart_head(pen, y, "Group attendance, month by month",
	    "Everyone who came to any group, the unnamed too.");
	if (o->n_months == 0) {
		outcomes_pdf_text(pen, MARGIN, y + 10,
		    "No group met in this period.", 0);
		return y + 24;
	}
	for (i = 0; i < o->n_months; i++)
		if (o->months[i].attendances > max)
			max = o->months[i].attendances;
	bw = w / (double)o->n_months;
	cairo_set_line_width(cr, 0.5);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, x0, y + h);
	cairo_line_to(cr, x0 + w, y + h);
	cairo_stroke(cr);
	outcomes_pdf_font(pen, FONT, 6.5, false);
	for (i = 0; i < o->n_months; i++) {
		bh = o->months[i].attendances / max * (h - 12);
		cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
		cairo_rectangle(cr, x0 + i * bw + bw * 0.15, y + h - bh,
		    bw * 0.7, bh);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		snprintf(buf, sizeof buf, "%d", o->months[i].attendances);
		outcomes_pdf_text(pen, x0 + i * bw + bw * 0.15, y + h - bh - 2,
		    buf, bw);
		outcomes_pdf_text(pen, x0 + i * bw + bw * 0.15, y + h + 9,
		    o->months[i].month, bw);
	}
	return y + h + 24;
}

enum pd_status
outcomes_pdf(const struct outcomes *o, struct strbuf *out,
    struct pd_err *err)
{
	cairo_surface_t *surface;
	cairo_t *cr;
	struct pdfpen *pen;
	char *t;
	double y;

	t = xasprintf("Outcomes %s to %s", o->from, o->to);
	surface = pdfout_start(out, PAGE_W, PAGE_H, t);
	free(t);
	cr = cairo_create(surface);
	pen = pdfpen_new(cr);
	outcomes_pdf_pages_of_text(pen, o);
	outcomes_pdf_title(pen, o, "Outcomes in charts");
	y = outcomes_pdf_chart_goals(pen, o, MARGIN + 40);
	y = outcomes_pdf_chart_hours(pen, o, y + 10);
	if (y > PAGE_H - MARGIN - 180) {
		cairo_show_page(cr);
		y = MARGIN;
	}
	outcomes_pdf_chart_months(pen, o, y + 10);
	cairo_show_page(cr);
	pdfpen_free(pen);
	return pdfout_finish(cr, surface, err);
}
