/* draw.h - putting text on stdscr: fitted, escaped, styled.
 *
 * All text is UTF-8.  Everything drawn goes through utf8_truncate(), so
 * control characters and invalid bytes appear escaped (\x07), never raw,
 * and nothing spills past the width it was given.
 */
#ifndef PEERDESK_TUI_DRAW_H
#define PEERDESK_TUI_DRAW_H

#include <stddef.h>
#include <wchar.h>

#include "peerdesk/tui/style.h"

/* A rectangle of the screen: top row, left column, height, width. */
struct rect {
	int y, x, h, w;
};

/* Draw s at (y, x) in at most width columns, cut with "…" if longer.
 * Returns the columns used. */
int draw_text(int y, int x, int width, const char *s, enum style st);

/* Like draw_text, then fill the rest of width with spaces in st. */
int draw_text_pad(int y, int x, int width, const char *s, enum style st);

/* Draw s right-aligned so it ends at column x + width - 1. */
int draw_text_right(int y, int x, int width, const char *s, enum style st);

/* Draw s centred in width columns. */
int draw_text_centre(int y, int x, int width, const char *s, enum style st);

/* Fill width columns at (y, x) with spaces in st. */
void draw_fill(int y, int x, int width, enum style st);

/* Draw n wide characters as they are (already display-safe), at most
 * width columns; returns the columns used. */
int draw_wchars(int y, int x, int width, const wchar_t *w, size_t n,
    enum style st);

/* Draw a box (Unicode line characters) around r, with an optional title
 * in the top edge, and clear its inside. */
void draw_box(struct rect r, const char *title, enum style st);

/* Word-wrap s into rows of width columns starting at (y, x), at most
 * maxrows rows; returns the rows the whole text needs (which may be more
 * than maxrows: only maxrows are drawn).  maxrows 0 only measures. */
int draw_wrapped(int y, int x, int width, int maxrows, const char *s,
    enum style st);

#endif
