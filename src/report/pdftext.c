/* pdftext.c - text made safe for a PDF (include/peerdesk/report/pdftext.h)
 * and laid out in lines with each character measured once (pdfwrap.h). */
#include "peerdesk/report/pdftext.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "pdfwrap.h"

#define REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD */

char *
pdftext_clean(const char *s, unsigned flags)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = s ? strlen(s) : 0, i = 0;
	const char *nl = (flags & PDFTEXT_NEWLINES) ? "\n" : " ";

	strbuf_grow(&sb, len + 1);
	while (i < len) {
		int32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);

		if (cp == '\r' && i + 1 < len && s[i + 1] == '\n') {
			i++;		/* CR LF: the LF is the break */
			continue;
		}
		if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029)
			strbuf_adds(&sb, nl);
		else if (cp == '\t')
			strbuf_addc(&sb, ' ');
		else if (cp == UTF8_INVALID || cp < 0x20 || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0))
			strbuf_adds(&sb, REPLACEMENT);
		else
			strbuf_add(&sb, s + i, k);
		i += k;
	}
	return strbuf_detach(&sb);
}

void
pdfwrap_metadata(cairo_surface_t *surface, cairo_pdf_metadata_t key,
    const char *value)
{
	char *clean = pdftext_clean(value, 0);
	size_t i = 0, chars = 0;

	/* Cut a long value after PDFTEXT_META_MAX characters. */
	while (clean[i] != '\0' && chars < PDFTEXT_META_MAX) {
		i++;
		while (((unsigned char)clean[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	if (clean[i] != '\0') {
		clean = xrealloc(clean, i + 4);
		memcpy(clean + i, "...", 4);
	}
	cairo_pdf_surface_set_metadata(surface, key, clean);
	free(clean);
}

void
pdfwrap_show(cairo_t *cr, const char *s)
{
	char *clean = pdftext_clean(s, 0);

	cairo_show_text(cr, clean);
	free(clean);
}

/* Bytes of the UTF-8 character starting with byte c (clean text). */
static size_t
pdfwrap_charlen(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xf0)
		return 4;
	if (c >= 0xe0)
		return 3;
	return 2;
}

/* x[b], for every character boundary b of s (0..len), is the width of
 * the first b bytes in cr's current font; taken from one layout of the
 * whole text, as cairo_show_text() would place it.  Bytes inside a
 * character get the value of the character's start.  NULL when cairo
 * cannot lay it out (the caller measures one character at a time). */
static double *
pdfwrap_layout(cairo_t *cr, const char *s, size_t len)
{
	cairo_scaled_font_t *sf = cairo_get_scaled_font(cr);
	cairo_glyph_t *glyphs = NULL;
	cairo_text_cluster_t *clusters = NULL;
	cairo_text_cluster_flags_t cflags = 0;
	cairo_text_extents_t ext;
	int nglyphs = 0, nclusters = 0, c, g = 0;
	size_t b = 0, j;
	double *x, end;

	if (len == 0 || len > INT32_MAX / 2 ||
	    cairo_scaled_font_text_to_glyphs(sf, 0, 0, s, (int)len, &glyphs,
	    &nglyphs, &clusters, &nclusters, &cflags) != CAIRO_STATUS_SUCCESS)
		return NULL;
	if (nglyphs == 0 || (cflags & CAIRO_TEXT_CLUSTER_FLAG_BACKWARD)) {
		cairo_glyph_free(glyphs);
		cairo_text_cluster_free(clusters);
		return NULL;
	}
	cairo_scaled_font_glyph_extents(sf, &glyphs[nglyphs - 1], 1, &ext);
	end = glyphs[nglyphs - 1].x + ext.x_advance;
	x = xcalloc(len + 1, sizeof *x);
	for (c = 0; c < nclusters && b < len; c++) {
		double at = g < nglyphs ? glyphs[g].x : end;

		for (j = 0; j < (size_t)clusters[c].num_bytes && b + j < len;
		    j++)
			x[b + j] = at;
		b += (size_t)clusters[c].num_bytes;
		g += clusters[c].num_glyphs;
	}
	for (; b < len; b++)
		x[b] = end;
	x[len] = end;
	cairo_glyph_free(glyphs);
	cairo_text_cluster_free(clusters);
	return x;
}

/* The same, one character at a time (still each measured once). */
static double *
pdfwrap_layout_slow(cairo_t *cr, const char *s, size_t len)
{
	double *x = xcalloc(len + 1, sizeof *x), at = 0;
	size_t b = 0, k, j;
	char one[5];

	while (b < len) {
		cairo_text_extents_t ext;

		k = pdfwrap_charlen((unsigned char)s[b]);
		if (b + k > len)
			k = len - b;
		memcpy(one, s + b, k);
		one[k] = '\0';
		cairo_text_extents(cr, one, &ext);
		for (j = 0; j < k; j++)
			x[b + j] = at;
		at += ext.x_advance;
		b += k;
	}
	x[len] = at;
	return x;
}

static double *
pdfwrap_advances(cairo_t *cr, const char *s, size_t len)
{
	double *x = pdfwrap_layout(cr, s, len);

	return x != NULL ? x : pdfwrap_layout_slow(cr, s, len);
}

#define PDFWRAP_CUT_MAX 2000

/* A little room for rounding: widths summed in another order. */
#define PDFWRAP_EPS 1e-6

static void
pdfwrap_push(struct pdfwrap_lines *l, size_t off, size_t len)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n].off = off;
	l->v[l->n].len = len;
	l->n++;
}

void
pdfwrap_break(cairo_t *cr, const char *s, size_t len, double w,
    struct pdfwrap_lines *out)
{
	double *x;
	size_t pos = 0;

	if (len == 0)
		return;
	x = pdfwrap_advances(cr, s, len);
	while (pos < len) {
		size_t i = pos, cand = 0, end, next;
		int text = 0;	/* a non-space seen on this line */

		/* One pass: walk on while the line still fits, remembering
		 * the last space that ends some words. */
		while (i < len) {
			size_t k = pdfwrap_charlen((unsigned char)s[i]);

			if (i + k > len)
				k = len - i;
			if (i > pos && x[i + k] - x[pos] > w + PDFWRAP_EPS)
				break;
			if (s[i] == ' ') {
				if (text)
					cand = i;
			} else {
				text = 1;
			}
			i += k;
		}
		if (i >= len) {
			end = len;
			next = len;
		} else if (cand > pos) {
			end = cand;
			next = cand;
		} else {
			/* A word wider than the line: break it between
			 * two characters (an accent has no width, so it
			 * always stays with the letter before it). */
			end = i;
			next = end;
		}
		while (end > pos && s[end - 1] == ' ')
			end--;
		pdfwrap_push(out, pos, end - pos);
		pos = next;
		while (pos < len && s[pos] == ' ')
			pos++;
	}
	free(x);
}

void
pdfwrap_lines_fini(struct pdfwrap_lines *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

double
pdfwrap_width(cairo_t *cr, const char *s)
{
	size_t len = strlen(s);
	double *x, w;

	if (len == 0)
		return 0;
	x = pdfwrap_advances(cr, s, len);
	w = x[len];
	free(x);
	return w;
}

char *
pdfwrap_cut(cairo_t *cr, const char *s, double maxw)
{
	size_t len = 0, chars = 0, b = 0, keep = 0;
	double *x, dots = pdfwrap_width(cr, "...");
	char *out;

	/* No line of a page holds PDFWRAP_CUT_MAX characters: look no
	 * further, so a header cut on every page costs the same whatever
	 * the length of the name in it. */
	while (s[len] != '\0' && chars < PDFWRAP_CUT_MAX) {
		size_t k = 1, n = pdfwrap_charlen((unsigned char)s[len]);

		while (k < n && s[len + k] != '\0')
			k++;	/* never past the end */
		len += k;
		chars++;
	}
	if (len == 0)
		return xstrdup("");
	x = pdfwrap_advances(cr, s, len);
	if (s[len] == '\0' && x[len] <= maxw + PDFWRAP_EPS) {
		free(x);
		return xstrdup(s);
	}
	while (b < len) {
		size_t k = pdfwrap_charlen((unsigned char)s[b]);

		if (b + k > len)
			k = len - b;
		if (x[b + k] + dots > maxw + PDFWRAP_EPS)
			break;
		b += k;
		keep = b;
	}
	free(x);
	out = xmalloc(keep + 4);
	memcpy(out, s, keep);
	memcpy(out + keep, "...", 4);
	return out;
}
