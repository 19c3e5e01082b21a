/* pdfwrap.h - private to src/report: text in a cairo PDF laid out in
 * lines, each character measured once, and every string that goes into
 * the PDF made safe first (peerdesk/report/pdftext.h).
 *
 * The renderers used to measure a growing line again and again, which
 * made a long word cost the square of its length; here a paragraph is
 * laid out once (cairo_scaled_font_text_to_glyphs) and lines are cut
 * in one pass over the cumulative widths.
 */
#ifndef PEERDESK_REPORT_PDFWRAP_H
#define PEERDESK_REPORT_PDFWRAP_H

#include <cairo-pdf.h>
#include <cairo.h>
#include <stddef.h>

/* Lines of a paragraph: byte offset and length in the text given. */
struct pdfwrap_lines {
	struct { size_t off, len; } *v;
	size_t n, cap;
};

/* Set a PDF's title, author, subject, keywords or creator to value made
 * safe with pdftext_clean() (line breaks as spaces) and cut to
 * PDFTEXT_META_MAX characters. */
void pdfwrap_metadata(cairo_surface_t *surface, cairo_pdf_metadata_t key,
    const char *value);

/* cairo_show_text() of s made safe (one line: breaks as spaces). */
void pdfwrap_show(cairo_t *cr, const char *s);

/* Append to out the lines of s (len bytes of one paragraph, already
 * clean: valid UTF-8, no control characters) at most w points wide in
 * cr's current font: broken after a space where it can be, a word wider
 * than the line between two characters; at least one character on each
 * line; spaces at the ends of lines left out.  Linear in len. */
void pdfwrap_break(cairo_t *cr, const char *s, size_t len, double w,
    struct pdfwrap_lines *out);

void pdfwrap_lines_fini(struct pdfwrap_lines *l);

/* Width of clean s in cr's current font. */
double pdfwrap_width(cairo_t *cr, const char *s);

/* Clean s as it is when it fits in maxw, else its longest start that
 * fits with "..." after it; a new string.  Linear in the length of s. */
char *pdfwrap_cut(cairo_t *cr, const char *s, double maxw);

#endif
