/* pdfpen.h - private to src/report: text in a cairo PDF laid out with
 * Pango (pangocairo), every string made safe first
 * (peerdesk/report/pdftext.h).
 *
 * Pango shapes each run of text with HarfBuzz, orders mixed right-to-left
 * and left-to-right text with FriBidi (the Unicode bidirectional
 * algorithm), and asks fontconfig for a fallback font for each character
 * the chosen font lacks: so an Urdu or Arabic name is joined and reads
 * from the right, and Chinese, Devanagari and emoji come out in Noto
 * fonts instead of empty boxes.  Widths, line breaks and cuts all come
 * from Pango's own measurements of the text as it is drawn.
 *
 * A pen is one cairo context with one reusable PangoLayout.
 */
#ifndef PEERDESK_REPORT_PDFPEN_H
#define PEERDESK_REPORT_PDFPEN_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

struct pdfpen;

/* Lines of a paragraph: byte offset and length in the text given, and
 * whether the paragraph reads from right to left (its first letter is
 * Arabic, Hebrew, Urdu...): such a line is drawn against the right edge
 * of its column. */
struct pdfpen_lines {
	struct { size_t off, len; bool rtl; } *v;
	size_t n, cap;
};

/* A pen drawing on cr (which it does not own). */
struct pdfpen *pdfpen_new(cairo_t *cr);
void pdfpen_free(struct pdfpen *p);
cairo_t *pdfpen_cr(struct pdfpen *p);

/* The font for what follows: family (e.g. "DejaVu Sans"; fontconfig
 * fills in what it lacks), size in points, bold, italic. */
void pdfpen_font(struct pdfpen *p, const char *family, double size,
    bool bold, bool italic);

/* Width of clean s (valid UTF-8, no control characters) in points. */
double pdfpen_width(struct pdfpen *p, const char *s);

/* Draw s (made safe here: one line, breaks as spaces) with its baseline
 * at y, starting at x.  The line reads left to right as a whole; a name
 * in a right-to-left script inside it is still shaped and ordered right
 * to left. */
void pdfpen_show(struct pdfpen *p, double x, double y, const char *s);

/* Draw one line of clean s from pdfpen_break() with its baseline at y in
 * the column from x, w points wide: from x, or ending at x + w when rtl
 * (the paragraph reads right to left). */
void pdfpen_show_line(struct pdfpen *p, double x, double y, double w,
    const char *s, bool rtl);

/* Append to out the lines of s (len bytes of one paragraph, already
 * clean: no line breaks) at most w points wide in the pen's font, as
 * Pango breaks them: after a space where it can, a word wider than the
 * line between two characters (never inside a character made of several
 * code points); at least one character on each line; spaces at the ends
 * of lines left out. */
void pdfpen_break(struct pdfpen *p, const char *s, size_t len, double w,
    struct pdfpen_lines *out);

void pdfpen_lines_fini(struct pdfpen_lines *l);

/* Clean s as it is when it fits in maxw, else its longest start that
 * fits with "..." after it; a new string.  Looks at no more than the
 * first 2,000 characters (no line of a page holds more). */
char *pdfpen_cut(struct pdfpen *p, const char *s, double maxw);

/* Headings, for readers that follow a PDF's structure (screen readers)
 * and its outline (a viewer's bookmarks), as far as cairo allows:
 * pdfpen_heading_begin(p, level, dest) opens structure tag H<level>
 * (1-3) and, when dest is not NULL, a named destination; what is drawn
 * until pdfpen_heading_end() is the heading, which must stay on one page.
 * Call them only while drawing (not in a renderer's measuring pass). */
void pdfpen_heading_begin(struct pdfpen *p, int level, const char *dest);
void pdfpen_heading_end(struct pdfpen *p, int level, const char *dest);

#endif
