/* pdfpen.c - text in a cairo PDF laid out with Pango (pdfpen.h): the
 * pen, its fonts, widths, lines broken and cut, headings. */
#include "pdfpen.h"

#include <pango/pangocairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/report/pdftext.h"

struct pdfpen {
	cairo_t *cr;
	PangoLayout *layout;
	PangoFontDescription *font;
	int dir;	/* the layout's direction now: 0 auto, 1 LTR, 2 RTL */
};

struct pdfpen *
pdfpen_new(cairo_t *cr)
{
	struct pdfpen *p = xcalloc(1, sizeof *p);

	pdftext_fonts_opened();
	p->cr = cr;
	p->layout = pango_cairo_create_layout(cr);
	/* A PDF has no pixels: Pango would otherwise round each glyph's
	 * place to a whole point (its idea of a pixel here), which spaces
	 * small text unevenly and splits words for text extractors. */
	pango_context_set_round_glyph_positions(
	    pango_layout_get_context(p->layout), FALSE);
	pango_layout_context_changed(p->layout);
	p->font = pango_font_description_new();
	pango_layout_set_single_paragraph_mode(p->layout, TRUE);
	pdfpen_font(p, "DejaVu Sans", 10, false, false);
	return p;
}

void
pdfpen_free(struct pdfpen *p)
{
	if (p == NULL)
		return;
	g_object_unref(p->layout);
	pango_font_description_free(p->font);
	free(p);
}

cairo_t *
pdfpen_cr(struct pdfpen *p)
{
	return p->cr;
}

void
pdfpen_font(struct pdfpen *p, const char *family, double size, bool bold,
    bool italic)
{
	pango_font_description_set_family(p->font, family);
	/* sizes in the PDF's own units, points, as cairo's were */
	pango_font_description_set_absolute_size(p->font,
	    size * PANGO_SCALE);
	pango_font_description_set_weight(p->font, bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(p->font, italic ?
	    PANGO_STYLE_OBLIQUE : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(p->layout, p->font);
}

/* The layout's direction: 0 from the text's first letter, 1 left to
 * right, 2 right to left. */
static void
pdfpen_dir(struct pdfpen *p, int dir)
{
	if (p->dir == dir)
		return;
	p->dir = dir;
	pango_layout_set_auto_dir(p->layout, dir == 0);
	pango_context_set_base_dir(pango_layout_get_context(p->layout),
	    dir == 2 ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
	pango_layout_context_changed(p->layout);
}

/* Put n bytes of clean text at s in the layout, one line, unwrapped. */
static void
pdfpen_set(struct pdfpen *p, const char *s, size_t n, int dir)
{
	pdfpen_dir(p, dir);
	pango_layout_set_width(p->layout, -1);
	pango_layout_set_text(p->layout, s, n > INT32_MAX ? INT32_MAX :
	    (int)n);
}

static double
pdfpen_layout_width(struct pdfpen *p)
{
	PangoRectangle logical;

	pango_layout_get_extents(p->layout, NULL, &logical);
	return (double)logical.width / PANGO_SCALE;
}

double
pdfpen_width(struct pdfpen *p, const char *s)
{
	if (s[0] == '\0')
		return 0;
	pdfpen_set(p, s, strlen(s), 1);
	return pdfpen_layout_width(p);
}

/* Draw what the layout holds with its first baseline at y, from x. */
static void
pdfpen_draw(struct pdfpen *p, double x, double y)
{
	double base = (double)pango_layout_get_baseline(p->layout) /
	    PANGO_SCALE;

	cairo_move_to(p->cr, x, y - base);
	pango_cairo_show_layout(p->cr, p->layout);
}

void
pdfpen_show(struct pdfpen *p, double x, double y, const char *s)
{
	char *clean = pdftext_clean(s, 0);

	if (clean[0] != '\0') {
		pdfpen_set(p, clean, strlen(clean), 1);
		pdfpen_draw(p, x, y);
	}
	free(clean);
}

void
pdfpen_show_line(struct pdfpen *p, double x, double y, double w,
    const char *s, bool rtl)
{
	if (s[0] == '\0')
		return;
	pdfpen_set(p, s, strlen(s), rtl ? 2 : 1);
	if (rtl)
		x += w - pdfpen_layout_width(p);
	pdfpen_draw(p, x, y);
}

static void
pdfpen_lines_push(struct pdfpen_lines *l, size_t off, size_t len, bool rtl)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n].off = off;
	l->v[l->n].len = len;
	l->v[l->n].rtl = rtl;
	l->n++;
}

/* A little room for rounding: widths summed in another order. */
#define PDFPEN_EPS 1e-6

/* The byte offset of each of the nc characters of the n bytes at s,
 * and off[nc] = n. */
static size_t *
pdfpen_char_offsets(const char *s, size_t n, size_t *nc)
{
	size_t *off, b, c = 0;

	for (b = 0; b < n; c++)
		b += utf8_lead_len((unsigned char)s[b]);
	off = xcalloc(c + 1, sizeof *off);
	for (b = 0, c = 0; b < n; c++) {
		off[c] = b;
		b += utf8_lead_len((unsigned char)s[b]);
	}
	off[c] = n;
	*nc = c;
	return off;
}

/* Each character's width in points, as Pango placed them in the
 * layout's first line. */
static double *
pdfpen_char_widths(struct pdfpen *p, const char *s, const size_t *off,
    size_t nc)
{
	PangoLayoutLine *line;
	GSList *r;
	double *cw = xcalloc(nc + 1, sizeof *cw);
	int *pw = NULL, npw = 0;

	line = pango_layout_get_line_readonly(p->layout, 0);
	for (r = line != NULL ? line->runs : NULL; r != NULL; r = r->next) {
		PangoGlyphItem *run = r->data;
		PangoItem *item = run->item;
		size_t first = 0, lo = 0, hi = nc;
		int k;

		if (item->num_chars <= 0)
			continue;
		/* the character the run starts at */
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (off[mid] < (size_t)item->offset)
				lo = mid + 1;
			else
				hi = mid;
		}
		first = lo;
		if (item->num_chars > npw) {
			npw = item->num_chars;
			pw = xreallocarray(pw, (size_t)npw, sizeof *pw);
		}
		pango_glyph_item_get_logical_widths(run, s, pw);
		for (k = 0; k < item->num_chars && first + (size_t)k < nc; k++)
			cw[first + (size_t)k] = (double)pw[k] / PANGO_SCALE;
	}
	free(pw);
	return cw;
}

/* The character the line that starts at character pos ends before:
 * the last place a line may break that keeps it within w points, else
 * (a word wider than the line) the last whole character that fits.
 * attrs NULL: break anywhere. */
static size_t
pdfpen_line_end(const double *cw, const PangoLogAttr *attrs, size_t nc,
    size_t pos, double w)
{
	size_t c = pos, cand = 0, grapheme = 0;
	double width = 0;
	bool text = false;	/* something that is not a space so far */

	while (c < nc) {
		if (c > pos && attrs != NULL && attrs[c].is_line_break && text)
			cand = c;
		if (c > pos && (attrs == NULL || attrs[c].is_cursor_position))
			grapheme = c;
		if (c > pos && width + cw[c] > w + PDFPEN_EPS &&
		    !(attrs != NULL && attrs[c].is_white))
			break;
		width += cw[c];
		if (attrs == NULL || !attrs[c].is_white)
			text = true;
		c++;
	}
	if (c >= nc)
		return nc;
	if (cand > pos)
		return cand;
	if (grapheme > pos)
		return grapheme;	/* a word wider than the line */
	return c;
}

/* Break the paragraph in the layout (n bytes of s, nc characters) into
 * lines of at most w points, in one pass over the characters' widths
 * as Pango placed them (Pango's own wrapping shapes what is left of a
 * long word again for each line, which costs the square of its length).
 * Where a line may end comes from Pango too: its line-break positions
 * (after a space, between two Chinese characters...), else, inside a
 * word wider than the line, between two whole characters. */
static void
pdfpen_cut_lines(struct pdfpen *p, const char *s, size_t n, double w,
    bool rtl, struct pdfpen_lines *out)
{
	const PangoLogAttr *attrs;
	double *cw;		/* each character's width, in points */
	size_t *off;		/* each character's byte offset; off[nc] = n */
	size_t nc = 0, pos = 0, end, a, e;
	int nattrs = 0;

	off = pdfpen_char_offsets(s, n, &nc);
	cw = pdfpen_char_widths(p, s, off, nc);
	attrs = pango_layout_get_log_attrs_readonly(p->layout, &nattrs);
	if ((size_t)nattrs < nc + 1)
		attrs = NULL;	/* cannot happen; break anywhere */

	while (pos < nc) {
		end = pdfpen_line_end(cw, attrs, nc, pos, w);
		a = off[pos];
		e = off[end];
		while (a < e && s[a] == ' ')
			a++;
		while (e > a && s[e - 1] == ' ')
			e--;
		if (e > a)
			pdfpen_lines_push(out, a, e - a, rtl);
		pos = end;
		while (pos < nc && s[off[pos]] == ' ')
			pos++;
	}
	free(cw);
	free(off);
}

void
pdfpen_break(struct pdfpen *p, const char *s, size_t len, double w,
    struct pdfpen_lines *out)
{
	bool rtl;

	if (len == 0)
		return;
	if (len > INT32_MAX / 2)
		len = INT32_MAX / 2;
	pdfpen_set(p, s, len, 0);	/* the paragraph's own direction */
	rtl = pango_layout_get_direction(p->layout, 0) == PANGO_DIRECTION_RTL;
	pdfpen_cut_lines(p, s, len, w, rtl, out);
}

void
pdfpen_lines_fini(struct pdfpen_lines *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

#define PDFPEN_CUT_MAX 2000

char *
pdfpen_cut(struct pdfpen *p, const char *s, double maxw)
{
	const PangoLogAttr *attrs;
	size_t len = 0, chars = 0, *at, n = 0, lo, hi;
	double dots;
	char *out;
	int nattrs = 0;

	/* No line of a page holds PDFPEN_CUT_MAX characters: look no
	 * further, so a header cut on every page costs the same whatever
	 * the length of the name in it. */
	while (s[len] != '\0' && chars < PDFPEN_CUT_MAX) {
		size_t k = 1, m = utf8_lead_len((unsigned char)s[len]);

		while (k < m && s[len + k] != '\0')
			k++;	/* never past the end */
		len += k;
		chars++;
	}
	if (len == 0)
		return xstrdup("");
	pdfpen_set(p, s, len, 1);
	if (s[len] == '\0' && pdfpen_layout_width(p) <= maxw + PDFPEN_EPS)
		return xstrdup(s);
	/* Where a cut may fall: between whole characters as people see
	 * them (a Devanagari conjunct, a letter and its accent, an emoji
	 * made of several code points stay whole). */
	attrs = pango_layout_get_log_attrs_readonly(p->layout, &nattrs);
	at = xcalloc(chars + 1, sizeof *at);
	{
		size_t b = 0, c = 0;

		while (b < len && c < (size_t)nattrs) {
			if (c > 0 && attrs[c].is_cursor_position)
				at[n++] = b;
			b += utf8_lead_len((unsigned char)s[b]);
			c++;
		}
	}
	dots = pdfpen_width(p, "...");
	/* The longest start that fits with "..." (binary search: a
	 * longer start is never narrower). */
	lo = 0;
	hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi + 1) / 2;

		pdfpen_set(p, s, at[mid - 1], 1);
		if (pdfpen_layout_width(p) + dots <= maxw + PDFPEN_EPS)
			lo = mid;
		else
			hi = mid - 1;
	}
	len = lo > 0 ? at[lo - 1] : 0;
	free(at);
	out = xmalloc(len + 4);
	memcpy(out, s, len);
	memcpy(out + len, "...", 4);
	return out;
}

/* ---- headings --------------------------------------------------------- */

void
pdfpen_heading_begin(struct pdfpen *p, int level, const char *dest)
{
	char tag[4];

	snprintf(tag, sizeof tag, "H%d", level < 1 ? 1 : level > 3 ? 3 :
	    level);
	cairo_tag_begin(p->cr, tag, "");
	if (dest != NULL) {
		char *a = xasprintf("name='%s'", dest);

		cairo_tag_begin(p->cr, CAIRO_TAG_DEST, a);
		free(a);
	}
}

void
pdfpen_heading_end(struct pdfpen *p, int level, const char *dest)
{
	char tag[4];

	snprintf(tag, sizeof tag, "H%d", level < 1 ? 1 : level > 3 ? 3 :
	    level);
	if (dest != NULL)
		cairo_tag_end(p->cr, CAIRO_TAG_DEST);
	cairo_tag_end(p->cr, tag);
}
