/* sar_pdf.c - everything held about a client, as a PDF to read. */
#include "peerdesk/report/sar_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "peerdesk/report/pdftext.h"
#include "pdfout.h"
#include "pdfpen.h"

#define PAGE_W 595.0		/* A4 in points */
#define PAGE_H 842.0
#define FONT "DejaVu Sans"
#define MARGIN 48.0
#define LEFT MARGIN
#define RIGHT (PAGE_W - MARGIN)
#define TOP 78.0		/* below the page header */
#define BOTTOM (PAGE_H - MARGIN)
#define LABEL_W 120.0
#define LEAD 1.35

#define SIZE_BODY 9.5
#define SIZE_SMALL 7.5
#define SIZE_RECORD 10.5
#define SIZE_SECTION 13.0
#define SIZE_TITLE 18.0

struct sar_pdf {
	cairo_t *cr;
	cairo_surface_t *surface;
	struct pdfpen *pen;
	int top, section;	/* outline entries: the document, the section */
	int n_heads;		/* headings so far (names their places) */
	const struct sar_bundle *b;
	bool draw;		/* false: count pages only */
	int page, pages;
	double y;		/* top of the next line */
	char *head;		/* the header's words, cut to fit once */
};

static void
sar_pdf_font(struct sar_pdf *p, double size, bool bold)
{
	pdfpen_font(p->pen, FONT, size, bold, false);
}

static void
sar_pdf_show(struct sar_pdf *p, double x, double baseline, bool grey,
    const char *s)
{
	if (!p->draw)
		return;
	if (grey)
		cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	else
		cairo_set_source_rgb(p->cr, 0, 0, 0);
	pdfpen_show(p->pen, x, baseline, s);
}

static void
sar_pdf_header(struct sar_pdf *p)
{
	char *s;

	sar_pdf_font(p, SIZE_SMALL, false);
	if (p->head == NULL) {
		char *clean;

		s = xasprintf("%s - what we hold about %s (client %lld), made "
		    "on %s", p->b->org_name ? p->b->org_name : "peerdesk",
		    p->b->client_name ? p->b->client_name : "",
		    (long long)p->b->client_id, p->b->made_on);
		clean = pdftext_clean(s, 0);
		p->head = pdfpen_cut(p->pen, clean, RIGHT - LEFT - 70);
		free(clean);
		free(s);
	}
	sar_pdf_show(p, LEFT, MARGIN, true, p->head);
	s = xasprintf("page %d of %d", p->page, p->pages);
	if (p->draw)
		sar_pdf_show(p, RIGHT - pdfpen_width(p->pen, s), MARGIN, true,
		    s);
	free(s);
	if (p->draw) {
		cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
		cairo_set_line_width(p->cr, 0.5);
		cairo_move_to(p->cr, LEFT, MARGIN + 6);
		cairo_line_to(p->cr, RIGHT, MARGIN + 6);
		cairo_stroke(p->cr);
	}
	p->y = TOP;
}

static void
sar_pdf_new_page(struct sar_pdf *p)
{
	if (p->draw) {
		pdfout_page_label(p->surface, (size_t)p->page);
		cairo_show_page(p->cr);
	}
	p->page++;
	sar_pdf_header(p);
}

/* Room for h points more on this page, else a new page. */
static void
sar_pdf_need(struct sar_pdf *p, double h)
{
	if (p->y + h > BOTTOM && p->y > TOP)
		sar_pdf_new_page(p);
}

/* Print one line of clean text wrapped at spaces (a word wider than w
 * is broken) from x, lines of size; moves p->y, adding pages.  Each
 * character is measured once (pdfpen.h). */
static void
sar_pdf_wrap_line(struct sar_pdf *p, double x, double w, double size, bool bold,
    bool grey, const char *s, size_t len)
{
	struct pdfpen_lines lines = { NULL, 0, 0 };
	size_t i;

	sar_pdf_font(p, size, bold);
	pdfpen_break(p->pen, s, len, w, &lines);
	for (i = 0; i < lines.n; i++) {
		char *line = xstrndup(s + lines.v[i].off, lines.v[i].len);

		sar_pdf_need(p, size * LEAD);
		sar_pdf_font(p, size, bold);
		if (p->draw) {
			cairo_set_source_rgb(p->cr, grey ? 0.35 : 0,
			    grey ? 0.35 : 0, grey ? 0.35 : 0);
			pdfpen_show_line(p->pen, x, p->y + size, w, line,
			    lines.v[i].rtl);
		}
		p->y += size * LEAD;
		free(line);
	}
	pdfpen_lines_fini(&lines);
}

/* Text with newlines: each line wrapped. */
static void
sar_pdf_wrap(struct sar_pdf *p, double x, double w, double size, bool bold,
    bool grey, const char *s)
{
	char *clean = pdftext_clean(s, PDFTEXT_NEWLINES);
	const char *q = clean;

	do {
		size_t n = strcspn(q, "\n");

		if (n == 0)
			p->y += size * LEAD * 0.5;
		else
			sar_pdf_wrap_line(p, x, w, size, bold, grey, q, n);
		q += n;
		if (*q == '\n')
			q++;
	} while (*q != '\0');
	free(clean);
}

/* A heading (level 1 the document, 2 a section, 3 a record): tagged, a
 * named place, and an entry in the outline under the one above it.  A
 * heading is kept on one page (sar_pdf_need before it), so its tags are. */
static void
sar_pdf_heading(struct sar_pdf *p, int level, double size, const char *title)
{
	char dest[32];

	sar_pdf_need(p, size * LEAD);	/* the tags begin on its page */
	if (!p->draw) {
		sar_pdf_wrap(p, LEFT, RIGHT - LEFT, size, true, false, title);
		return;
	}
	snprintf(dest, sizeof dest, "head-%d", ++p->n_heads);
	pdfpen_heading_begin(p->pen, level, dest);
	if (level == 1)
		p->top = pdfout_outline(p->surface, 0, title, dest);
	else if (level == 2)
		p->section = pdfout_outline(p->surface, p->top, title, dest);
	else
		pdfout_outline(p->surface, p->section, title, dest);
	sar_pdf_wrap(p, LEFT, RIGHT - LEFT, size, true, false, title);
	pdfpen_heading_end(p->pen, level, dest);
}

static void
sar_pdf_field(struct sar_pdf *p, const struct sar_field *f)
{
	char label[64];
	double y0;
	int page0;

	sar_label(f->key, label, sizeof label);
	sar_pdf_need(p, SIZE_BODY * LEAD);
	y0 = p->y;
	page0 = p->page;
	sar_pdf_font(p, SIZE_BODY, false);
	sar_pdf_show(p, LEFT, y0 + SIZE_BODY, true, label);
	sar_pdf_wrap(p, LEFT + LABEL_W, RIGHT - LEFT - LABEL_W, SIZE_BODY,
	    false, false, f->value);
	if (p->page == page0 && p->y < y0 + SIZE_BODY * LEAD)
		p->y = y0 + SIZE_BODY * LEAD;
}

static void
sar_pdf_intro(struct sar_pdf *p)
{
	const struct sar_bundle *b = p->b;
	char *s;

	sar_pdf_heading(p, 1, SIZE_TITLE, "What we hold about you");
	p->y += 6;
	s = xasprintf("This is a copy of everything %s holds about %s "
	    "(client number %lld), made on %s in answer to a request to see "
	    "it. It has your record, how you came to us, your plan in every "
	    "version that was saved, your goals, who supported you, your "
	    "sessions and reviews, the time your PALs logged for you, any "
	    "unsaved text about you that is kept, and a list of everyone who "
	    "looked at or changed your record, and when. The same information "
	    "is in the YAML file that comes with this one.",
	    b->org_name ? b->org_name : "peerdesk",
	    b->client_name ? b->client_name : "", (long long)b->client_id,
	    b->made_on);
	sar_pdf_wrap(p, LEFT, RIGHT - LEFT, SIZE_BODY, false, false, s);
	free(s);
	p->y += 8;
}

/* The walk's steps: a heading per section and per record, then the
 * fields. */
static int
sar_pdf_section(void *ctx, const struct sar_section *s)
{
	struct sar_pdf *p = ctx;

	p->y += 8;
	sar_pdf_need(p, SIZE_SECTION * LEAD + 3 * SIZE_BODY * LEAD);
	sar_pdf_heading(p, 2, SIZE_SECTION, s->title);
	if (s->n == 0)
		sar_pdf_wrap(p, LEFT, RIGHT - LEFT, SIZE_BODY, false, true,
		    "We hold nothing of this kind about you.");
	return 1;
}

static int
sar_pdf_record(void *ctx, const struct sar_record *r, const char *heading)
{
	struct sar_pdf *p = ctx;

	(void)r;
	p->y += 4;
	sar_pdf_need(p, SIZE_RECORD * LEAD + 2 * SIZE_BODY * LEAD);
	sar_pdf_heading(p, 3, SIZE_RECORD, heading);
	return 1;
}

static int
sar_pdf_field_step(void *ctx, const struct sar_field *f)
{
	sar_pdf_field(ctx, f);
	return 1;
}

static const struct sar_walker sar_pdf_walker = {
	.section = sar_pdf_section,
	.record = sar_pdf_record,
	.field = sar_pdf_field_step,
};

static void
sar_pdf_body(struct sar_pdf *p)
{
	p->page = 1;
	sar_pdf_header(p);
	sar_pdf_intro(p);
	sar_walk(p->b, &sar_pdf_walker, p);
	if (p->draw) {
		pdfout_page_label(p->surface, (size_t)p->page);
		cairo_show_page(p->cr);
	}
}

enum pd_status
sar_pdf_render(const struct sar_bundle *b, struct strbuf *out,
    struct pd_err *err)
{
	cairo_surface_t *surface;
	struct sar_pdf p;
	char *title;

	title = xasprintf("What we hold about %s",
	    b->client_name ? b->client_name : "you");
	surface = pdfout_start(out, PAGE_W, PAGE_H, title);
	free(title);
	memset(&p, 0, sizeof p);
	p.cr = cairo_create(surface);
	p.surface = surface;
	p.pen = pdfpen_new(p.cr);
	p.b = b;
	p.pages = 1;
	sar_pdf_body(&p);		/* count the pages */
	p.pages = p.page;
	p.draw = true;
	sar_pdf_body(&p);
	pdfpen_free(p.pen);
	free(p.head);
	return pdfout_finish(p.cr, surface, err);
}
