/* textcol.h - private to src/report: UTF-8 text laid out in columns.
 *
 * Widths are terminal/printer columns, not bytes: "£" and "ë" take one
 * column, combining accents none, CJK ideographs two.  No locale is
 * used, so output is the same everywhere.  Lines are collected in a
 * list and pages are cut from lists.
 */
#ifndef PEERDESK_REPORT_TEXTCOL_H
#define PEERDESK_REPORT_TEXTCOL_H

#include <stddef.h>

#include "peerdesk/core/strbuf.h"

enum textcol_align { TEXTCOL_LEFT, TEXTCOL_RIGHT };

/* A list of lines, each owned, without their newlines. */
struct textcol_lines {
	char **v;
	size_t n, cap;
};

/* Columns that s takes (invalid bytes count one each). */
int textcol_width(const char *s);

/* Append s to sb in exactly width columns: padded with spaces, or cut
 * at a character boundary and ended with "..." when it is too wide. */
void textcol_add_fit(struct strbuf *sb, const char *s, int width,
    enum textcol_align align);

/* Append spaces until the line being built in sb (from byte `start`)
 * is `col` columns wide; nothing when it is already as wide. */
void textcol_pad_to(struct strbuf *sb, size_t start, int col);

/* Add a copy of s (or of printf output) as the next line. */
void textcol_push(struct textcol_lines *l, const char *s);
void textcol_pushf(struct textcol_lines *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Add s word-wrapped to width columns; the first line starts with
 * first_indent spaces and the rest with indent.  A word wider than a
 * line is cut.  Empty s adds nothing. */
void textcol_wrap(struct textcol_lines *l, const char *s, int first_indent,
    int indent, int width);

/* Move every line of src to the end of dst; src is then empty. */
void textcol_append(struct textcol_lines *dst, struct textcol_lines *src);

void textcol_lines_fini(struct textcol_lines *l);

#endif
