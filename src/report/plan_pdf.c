/* plan_pdf.c - the client's copy of the plan as a PDF: the text is laid
 * out as a list of items (lines, gaps, tick boxes, charts), cut into
 * pages, then drawn page by page. */
#include "peerdesk/report/plan_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "pdfout.h"
#include "pdfpen.h"
#include "peerdesk/model/plandiff.h"
#include "peerdesk/report/pdftext.h"

#define LEFT 68.0		/* room for the holes of a ring binder */
#define RIGHT (PLAN_PDF_WIDTH - 50.0)
#define CONTENT_W (RIGHT - LEFT)
#define TOP 50.0
#define BOTTOM (PLAN_PDF_HEIGHT - 62.0)
#define FOOTER_Y (PLAN_PDF_HEIGHT - 36.0)
#define LEAD 1.38

#define SIZE_BODY 10.5
#define SIZE_LABEL 9.0
#define SIZE_SMALL 8.0
#define SIZE_HEAD 13.5
#define CHART_H 66.0
#define CHART_W 250.0
#define BOX 8.0			/* a tick box, in points */

enum item_kind { IT_TEXT, IT_GAP, IT_RULE, IT_CHECK, IT_CHART, IT_WRITE };

struct item {
	enum item_kind kind;
	char *text;
	double size, indent, h;
	bool bold, italic, grey;
	bool keep;		/* keep on the page with the next item */
	bool bar;		/* a bar down the side (the crisis plan) */
	bool done;		/* IT_CHECK: ticked */
	bool rtl;		/* its paragraph reads right to left */
	int head;		/* a heading of this level (1, 2), else 0 */
	int section;		/* a heading's section number (0: the title) */
	const struct plan_doc_goal *goal;	/* IT_CHART */
	size_t page;
	double y;
};

struct pdf {
	cairo_t *cr;
	cairo_surface_t *surface;
	struct pdfpen *pen;
	const struct plan_copy *c;
	struct item *it;
	size_t n, cap;		/* cap: room in it, grown by doubling */
	bool bar;		/* items added now get a bar */
	char *foot;		/* the footer's words, cut to fit once */
};

/* Text safe for cairo and for PDF readers, line breaks kept. */
static char *
plan_pdf_clean(const char *s)
{
	return pdftext_clean(s, PDFTEXT_NEWLINES);
}

static void
plan_pdf_font(struct pdf *p, double size, bool bold, bool italic)
{
	pdfpen_font(p->pen, PLAN_PDF_FONT, size, bold, italic);
}

static double
plan_pdf_width(struct pdf *p, const char *s)
{
	return pdfpen_width(p->pen, s);
}

static struct item *
plan_pdf_add(struct pdf *p, enum item_kind kind, double h)
{
	struct item *it;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->it = xreallocarray(p->it, p->cap, sizeof *p->it);
	}
	it = &p->it[p->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->h = h;
	it->bar = p->bar;
	return it;
}

static void
plan_pdf_gap(struct pdf *p, double h)
{
	plan_pdf_add(p, IT_GAP, h);
}

/* One line of text as an item. */
static struct item *
plan_pdf_line(struct pdf *p, const char *s, size_t n, double size, bool bold,
    bool italic, bool grey, double indent)
{
	struct item *it = plan_pdf_add(p, IT_TEXT, size * LEAD);

	it->text = xstrndup(s, n);
	it->size = size;
	it->bold = bold;
	it->italic = italic;
	it->grey = grey;
	it->indent = indent;
	return it;
}

/* Items for the lines of one paragraph line (n bytes of clean text at
 * s, no line breaks) wrapped to w, each character measured once;
 * returns the first item's index (p->n when there were none). */
static size_t
plan_pdf_lines(struct pdf *p, const char *s, size_t n, double w, double size,
    bool bold, bool italic, bool grey, double indent)
{
	struct pdfpen_lines lines = { NULL, 0, 0 };
	size_t first = p->n, i;

	plan_pdf_font(p, size, bold, italic);
	pdfpen_break(p->pen, s, n, w, &lines);
	for (i = 0; i < lines.n; i++)
		plan_pdf_line(p, s + lines.v[i].off, lines.v[i].len, size, bold,
		    italic, grey, indent)->rtl = lines.v[i].rtl;
	pdfpen_lines_fini(&lines);
	return first;
}

/* A paragraph (line breaks kept) wrapped to the width from indent; the
 * first line keeps with the item before it when keep_first. Returns the
 * first item's index. */
static size_t
plan_pdf_para(struct pdf *p, const char *text, double size, bool bold,
    bool italic, bool grey, double indent)
{
	char *clean = plan_pdf_clean(text);
	const char *s = clean;
	size_t first = p->n;

	for (;;) {
		size_t len = strcspn(s, "\n");

		if (len == 0)
			plan_pdf_gap(p, size * 0.6);
		else
			plan_pdf_lines(p, s, len, CONTENT_W - indent, size,
			    bold, italic, grey, indent);
		s += len;
		if (*s != '\n')
			break;
		s++;
	}
	free(clean);
	return first;
}

static void
plan_pdf_heading(struct pdf *p, int n, const char *title)
{
	char *s = xasprintf("%d.  %s", n, title);
	struct item *it;

	plan_pdf_gap(p, 12);
	it = plan_pdf_line(p, s, strlen(s), SIZE_HEAD, true, false, false, 0);
	it->keep = true;
	it->head = 2;
	it->section = n;
	it = plan_pdf_add(p, IT_RULE, 6);
	it->keep = true;
	free(s);
}

static void
plan_pdf_label(struct pdf *p, const char *label)
{
	size_t i = plan_pdf_para(p, label, SIZE_LABEL, true, false, true, 0), j;

	for (j = i; j < p->n; j++)
		p->it[j].keep = true;
}

/* A field's words, or a note and lines to write on by hand. */
static void
plan_pdf_words(struct pdf *p, const char *text)
{
	if (text != NULL) {
		plan_pdf_para(p, text, SIZE_BODY, false, false, false, 0);
		plan_pdf_gap(p, 4);
		return;
	}
	size_t i = plan_pdf_para(p, "Nothing written here yet - there is room "
	    "to add something by hand.", SIZE_SMALL, false, true, true, 0);

	for (; i < p->n; i++)
		p->it[i].keep = true;
	plan_pdf_add(p, IT_WRITE, 3 * 18.0 + 4);
}

static void
plan_pdf_goal(struct pdf *p, const struct plan_doc_goal *g)
{
	struct strbuf line = STRBUF_INIT;
	size_t i, first;
	struct item *it;

	goal_heading(&g->goal, &line);
	first = plan_pdf_para(p, line.buf, SIZE_BODY + 0.5, true, false, false,
	    0);
	p->it[first].keep = true;
	strbuf_reset(&line);
	goal_facts(&g->goal, g->group_name, GOAL_FACTS_ALL, "  ", &line);
	if (line.len > 0)
		plan_pdf_para(p, line.buf, SIZE_SMALL, false, false, true, 0);
	if (g->goal.detail != NULL)
		plan_pdf_para(p, g->goal.detail, SIZE_BODY, false, false, false,
		    0);
	for (i = 0; i < g->n_steps; i++) {
		char *clean = pdftext_clean(g->steps[i].text, 0);
		size_t at = plan_pdf_lines(p, clean, strlen(clean),
		    CONTENT_W - 18, SIZE_BODY, false, false, false, 18);

		if (at == p->n)		/* no words: the box alone */
			plan_pdf_line(p, "", 0, SIZE_BODY, false, false, false,
			    18);
		it = &p->it[at];
		it->kind = IT_CHECK;
		it->done = g->steps[i].done_on[0] != '\0';
		free(clean);
	}
	if (g->goal.area != GOAL_AMBITION || g->n_scores > 0) {
		strbuf_reset(&line);
		strbuf_adds(&line, "How it is going: ");
		goal_progress_line(g->scores, g->n_scores, 6, &line);
		plan_pdf_para(p, line.buf, SIZE_LABEL, false, true, true, 0);
	}
	if (g->n_scores > 1) {
		it = plan_pdf_add(p, IT_CHART, CHART_H + 8);
		it->goal = g;
	}
	plan_pdf_gap(p, 8);
	strbuf_fini(&line);
}

/* The title, the client's name, the welcome and when it was written. */
static void
plan_pdf_build_front(struct pdf *p)
{
	const struct plan_copy *c = p->c;
	const struct plan_doc *d = c->doc;
	struct strbuf line = STRBUF_INIT;
	size_t i;

	i = plan_pdf_para(p, "My Wellness and Safety Plan", 22, true, false,
	    false, 0);
	p->it[i].head = 1;
	plan_pdf_gap(p, 2);
	plan_pdf_para(p, d->client_name ? d->client_name : "", 16, false, false,
	    false, 0);
	plan_pdf_gap(p, 8);
	plan_pdf_para(p, PLAN_COPY_WELCOME, SIZE_BODY, false, true, false, 0);
	plan_text_about(c, "  ", &line);
	plan_pdf_gap(p, 4);
	plan_pdf_para(p, line.buf, SIZE_SMALL, false, false, true, 0);
	strbuf_fini(&line);
}

/* Sections 1 to 7, with the goals the client set themselves under 1. */
static void
plan_pdf_build_sections(struct pdf *p)
{
	const struct plan_doc *d = p->c->doc;
	size_t i, g;
	int section = 0, ambitions;

	for (i = 0; i < PLAN_NFIELDS; i++) {
		const struct plan_field *f = &plan_fields[i];
		bool many = (i + 1 < PLAN_NFIELDS &&
		    plan_fields[i + 1].section == f->section) ||
		    (i > 0 && plan_fields[i - 1].section == f->section);

		if (f->section != section) {
			section = f->section;
			p->bar = false;
			plan_pdf_heading(p, section, f->heading);
			p->bar = section == 6;
		}
		if (many)
			plan_pdf_label(p, f->label);
		plan_pdf_words(p, plan_field_get(&d->sections, i));
		if (section == 1 && f->section == 1) {
			ambitions = 0;
			for (g = 0; g < d->n_goals; g++) {
				if (d->goals[g].goal.area != GOAL_AMBITION)
					continue;
				if (ambitions++ == 0)
					plan_pdf_label(p,
					    "Goals I have set myself");
				plan_pdf_goal(p, &d->goals[g]);
			}
		}
	}
	p->bar = false;
}

/* Section 9: the dated notes, and room to write more. */
static void
plan_pdf_build_notes(struct pdf *p)
{
	const struct plan_doc *d = p->c->doc;
	struct strbuf line = STRBUF_INIT;
	char day[20];
	size_t i, at;

	plan_pdf_heading(p, 9, plan_section_heading(9));
	for (i = 0; i < d->n_notes; i++) {
		strbuf_reset(&line);
		strbuf_adds(&line, plan_long_date(d->notes[i].written_on, day));
		if (d->notes[i].author_name != NULL)
			strbuf_addf(&line, "  (%s)", d->notes[i].author_name);
		at = plan_pdf_para(p, line.buf, SIZE_LABEL, true, false, true,
		    0);
		p->it[at].keep = true;
		plan_pdf_para(p, d->notes[i].text, SIZE_BODY, false, false,
		    false, 0);
		plan_pdf_gap(p, 6);
	}
	plan_pdf_para(p, d->n_notes == 0 ? "No notes yet.  Add your own "
	    "whenever you like, here or on pages of your own." : "Add more "
	    "notes whenever you like, here or on pages of your own.",
	    SIZE_SMALL, false, true, true, 0);
	plan_pdf_add(p, IT_WRITE, 4 * 18.0);
	strbuf_fini(&line);
}

/* Everything, as items. */
static void
plan_pdf_build(struct pdf *p)
{
	const struct plan_doc *d = p->c->doc;
	size_t g;
	int ways = 0;

	plan_pdf_build_front(p);
	plan_pdf_build_sections(p);
	plan_pdf_heading(p, 8, plan_section_heading(8));
	plan_pdf_para(p, "Connect, Be active, Take notice, Learn, Give: small "
	    "steps that add up.  At each review the goal gets a score from "
	    "-2 (much less than we hoped) through 0 (what we hoped for) to +2 "
	    "(much more than we hoped).", SIZE_LABEL, false, true, true, 0);
	plan_pdf_gap(p, 6);
	for (g = 0; g < d->n_goals; g++) {
		if (d->goals[g].goal.area == GOAL_AMBITION)
			continue;
		plan_pdf_goal(p, &d->goals[g]);
		ways++;
	}
	if (ways == 0)
		plan_pdf_words(p, NULL);
	plan_pdf_build_notes(p);
}

/* Cut the items into pages; returns how many. */
static size_t
plan_pdf_paginate(struct pdf *p)
{
	size_t i, page = 1;
	double y = TOP;

	for (i = 0; i < p->n; i++) {
		struct item *it = &p->it[i];
		double need = it->h;
		size_t j;

		/* a heading, a label: bring what follows along */
		for (j = i; j < p->n && p->it[j].keep && j + 1 < p->n; j++)
			need += p->it[j + 1].h;
		if (it->kind == IT_GAP && y == TOP)
			continue;	/* no gaps at the top of a page */
		if (y > TOP && y + need > BOTTOM && need < BOTTOM - TOP) {
			page++;
			y = TOP;
			if (it->kind == IT_GAP)
				continue;
		} else if (y > TOP && y + it->h > BOTTOM) {
			page++;
			y = TOP;
		}
		it->page = page;
		it->y = y;
		y += it->h;
	}
	return page;
}

static void
plan_pdf_grey(struct pdf *p, double g)
{
	cairo_set_source_rgb(p->cr, g, g, g);
}

static void
plan_pdf_show(struct pdf *p, double x, double y, const char *s, double size,
    bool bold, bool italic, double grey)
{
	plan_pdf_font(p, size, bold, italic);
	plan_pdf_grey(p, grey);
	pdfpen_show(p->pen, x, y, s);
}

static void
plan_pdf_chart(struct pdf *p, const struct item *it)
{
	const struct plan_doc_goal *g = it->goal;
	size_t n = g->n_scores, from = n > 8 ? n - 8 : 0, k;
	double x0 = LEFT + 22, top = it->y + 4, h = CHART_H - 14;
	double step = (CHART_W - 30) / (double)(n - from > 1 ? n - from - 1 :
	    1);
	int level;

	for (level = 2; level >= -2; level--) {
		double y = top + (2 - level) * h / 4.0;
		char lab[4];

		plan_pdf_show(p, LEFT, y + 2.5, goal_score_str(level, lab), 6.5,
		    false, false, 0.45);
		plan_pdf_grey(p, level == 0 ? 0.55 : 0.85);
		cairo_set_line_width(p->cr, level == 0 ? 0.8 : 0.4);
		cairo_move_to(p->cr, x0 - 4, y);
		cairo_line_to(p->cr, x0 + CHART_W - 26, y);
		cairo_stroke(p->cr);
	}
	plan_pdf_grey(p, 0.15);
	cairo_set_line_width(p->cr, 1.4);
	for (k = from; k < n; k++) {
		double x = x0 + (double)(k - from) * step;
		double y = top + (2 - g->scores[k].score) * h / 4.0;

		if (k == from)
			cairo_move_to(p->cr, x, y);
		else
			cairo_line_to(p->cr, x, y);
	}
	cairo_stroke(p->cr);
	for (k = from; k < n; k++) {
		double x = x0 + (double)(k - from) * step;
		double y = top + (2 - g->scores[k].score) * h / 4.0;
		char d[8];

		plan_pdf_grey(p, 0.1);
		cairo_new_path(p->cr);
		cairo_arc(p->cr, x, y, 2.6, 0, 6.2832);
		cairo_fill(p->cr);
		plan_short_date(g->scores[k].scored_on, d);
		plan_pdf_font(p, 6.5, false, false);
		plan_pdf_show(p, x - plan_pdf_width(p, d) / 2, top + h + 10, d,
		    6.5, false, false, 0.4);
	}
}

/* The name a heading's place goes by in the PDF (its outline entry
 * opens it). */
static void
plan_pdf_dest(const struct item *it, char *buf, size_t n)
{
	if (it->head == 1)
		snprintf(buf, n, "plan");
	else
		snprintf(buf, n, "section-%d", it->section);
}

/* The outline: the plan, then each section under it. */
static void
plan_pdf_outline(struct pdf *p)
{
	char dest[24];
	size_t i;
	int top = 0;

	for (i = 0; i < p->n; i++) {
		if (p->it[i].head == 0)
			continue;
		plan_pdf_dest(&p->it[i], dest, sizeof dest);
		if (p->it[i].head == 1)
			top = pdfout_outline(p->surface, 0, p->it[i].text,
			    dest);
		else
			pdfout_outline(p->surface, top, p->it[i].text, dest);
	}
}

static void
plan_pdf_item(struct pdf *p, const struct item *it)
{
	double base = it->y + it->size, y;
	char dest[24];
	int i;

	if (it->bar) {
		plan_pdf_grey(p, 0.35);
		cairo_rectangle(p->cr, LEFT - 12, it->y, 3, it->h);
		cairo_fill(p->cr);
	}
	switch (it->kind) {
	case IT_TEXT:
		if (it->head) {
			plan_pdf_dest(it, dest, sizeof dest);
			pdfpen_heading_begin(p->pen, it->head, dest);
		}
		plan_pdf_font(p, it->size, it->bold, it->italic);
		plan_pdf_grey(p, it->grey ? 0.38 : 0);
		pdfpen_show_line(p->pen, LEFT + it->indent, base, CONTENT_W -
		    it->indent, it->text, it->rtl);
		if (it->head)
			pdfpen_heading_end(p->pen, it->head, dest);
		break;
	case IT_CHECK:
		plan_pdf_grey(p, 0.2);
		cairo_set_line_width(p->cr, 0.8);
		cairo_rectangle(p->cr, LEFT + 2, base - BOX + 0.5, BOX, BOX);
		cairo_stroke(p->cr);
		if (it->done) {
			cairo_set_line_width(p->cr, 1.4);
			cairo_move_to(p->cr, LEFT + 3.5, base - BOX / 2);
			cairo_line_to(p->cr, LEFT + 2 + BOX / 2.5, base - 1);
			cairo_line_to(p->cr, LEFT + 2 + BOX + 1.5, base - BOX -
			    1.5);
			cairo_stroke(p->cr);
		}
		plan_pdf_font(p, it->size, false, false);
		plan_pdf_grey(p, 0);
		pdfpen_show_line(p->pen, LEFT + it->indent, base, CONTENT_W -
		    it->indent, it->text, it->rtl);
		break;
	case IT_RULE:
		plan_pdf_grey(p, 0.6);
		cairo_set_line_width(p->cr, 0.6);
		cairo_move_to(p->cr, LEFT, it->y + 2);
		cairo_line_to(p->cr, RIGHT, it->y + 2);
		cairo_stroke(p->cr);
		break;
	case IT_WRITE:
		plan_pdf_grey(p, 0.82);
		cairo_set_line_width(p->cr, 0.5);
		for (i = 1; i * 18.0 <= it->h; i++) {
			y = it->y + i * 18.0;
			cairo_move_to(p->cr, LEFT, y);
			cairo_line_to(p->cr, RIGHT, y);
			cairo_stroke(p->cr);
		}
		break;
	case IT_CHART:
		plan_pdf_chart(p, it);
		break;
	case IT_GAP:
		break;
	}
}

static void
plan_pdf_footer(struct pdf *p, size_t page, size_t pages)
{
	char right[48];

	if (p->foot == NULL) {
		char *name = pdftext_clean(p->c->doc->client_name, 0);
		char *left = xasprintf("%s - My Wellness and Safety Plan",
		    name);

		plan_pdf_font(p, SIZE_SMALL, false, false);
		p->foot = pdfpen_cut(p->pen, left, CONTENT_W - 70);
		free(left);
		free(name);
	}
	snprintf(right, sizeof right, "Page %zu of %zu", page, pages);
	plan_pdf_grey(p, 0.7);
	cairo_set_line_width(p->cr, 0.4);
	cairo_move_to(p->cr, LEFT, FOOTER_Y - 10);
	cairo_line_to(p->cr, RIGHT, FOOTER_Y - 10);
	cairo_stroke(p->cr);
	plan_pdf_show(p, LEFT, FOOTER_Y, p->foot, SIZE_SMALL, false, false,
	    0.4);
	plan_pdf_font(p, SIZE_SMALL, false, false);
	plan_pdf_show(p, RIGHT - plan_pdf_width(p, right), FOOTER_Y, right,
	    SIZE_SMALL, false, false, 0.4);
}

enum pd_status
plan_pdf_render(const struct plan_copy *c, struct strbuf *out,
    struct pd_err *err)
{
	cairo_surface_t *surface;
	struct pdf p;
	char *title, *name;
	size_t pages, page, i;

	name = pdftext_clean(c->doc->client_name, 0);
	title = xasprintf("Wellness and Safety Plan - %s", name);
	surface = pdfout_start(out, PLAN_PDF_WIDTH, PLAN_PDF_HEIGHT, title);
	free(title);
	free(name);
	memset(&p, 0, sizeof p);
	p.cr = cairo_create(surface);
	p.surface = surface;
	p.pen = pdfpen_new(p.cr);
	p.c = c;
	plan_pdf_build(&p);
	pages = plan_pdf_paginate(&p);
	for (page = 1; page <= pages; page++) {
		for (i = 0; i < p.n; i++)
			if (p.it[i].page == page)
				plan_pdf_item(&p, &p.it[i]);
		plan_pdf_footer(&p, page, pages);
		pdfout_page_label(surface, page);
		cairo_show_page(p.cr);
	}
	plan_pdf_outline(&p);
	pdfpen_free(p.pen);
	for (i = 0; i < p.n; i++)
		free(p.it[i].text);
	free(p.it);
	free(p.foot);
	return pdfout_finish(p.cr, surface, err);
}
