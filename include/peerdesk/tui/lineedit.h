/* lineedit.h - the text being edited in a field, without curses.
 *
 * A buffer of wide characters and a cursor, with the editing operations
 * of a form field.  The cursor moves by what a person sees as one
 * character: a base character with any combining marks after it (so
 * Left over "é" written as e + U+0301 is one step, and Backspace removes
 * both).  Widths come from wcwidth(); characters that cannot be shown
 * (controls) count as, and are rendered as, their escape (\x07).
 *
 * Single-line editors scroll sideways; multi-line editors word-wrap to
 * the field width (the last column is kept for the cursor) and scroll
 * up and down.  Call le_fit() after changes and on resize, then draw
 * with le_render() from the scroll position.
 */
#ifndef PEERDESK_TUI_LINEEDIT_H
#define PEERDESK_TUI_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "peerdesk/core/strbuf.h"

struct lineedit {
	wchar_t *buf;
	size_t len, cap;
	size_t cur;		/* 0..len, always at a character boundary */
	size_t max;		/* most characters allowed, 0 = no limit */
	bool multiline;
	int hscroll;		/* single-line: first column shown */
	int vscroll;		/* multi-line: first row shown */
	int goal;		/* multi-line: column Up/Down aim for, -1 none */
};

/* One row of wrapped text: buf[start, end); soft when the text carries
 * on in the next row without a newline. */
struct le_line {
	size_t start, end;
	bool soft;
};

/* Empty editor; max 0 = no length limit. */
void le_init(struct lineedit *le, bool multiline, size_t max);
void le_fini(struct lineedit *le);

/* Replace the text with UTF-8 s (NULL = empty; cut to max); the cursor
 * goes to the end.  Bytes that are not UTF-8 are kept as they are (one
 * character each, shown as "\xff"), so le_text() gives back exactly s
 * and a field nobody touched is saved unchanged. */
void le_set(struct lineedit *le, const char *s);

/* Append the text as UTF-8 to out. */
void le_text(const struct lineedit *le, struct strbuf *out);

/* Insert one character at the cursor.  Refuses (returns false) control
 * characters, '\n' in a single-line editor, and anything past max. */
bool le_insert(struct lineedit *le, wchar_t c);

/* Insert UTF-8 text, character by character; false if any was refused. */
bool le_insert_utf8(struct lineedit *le, const char *s);

/* Each returns true when the text or the cursor changed. */
bool le_left(struct lineedit *le);
bool le_right(struct lineedit *le);
bool le_home(struct lineedit *le);	/* start of the (logical) line */
bool le_end(struct lineedit *le);	/* end of the (logical) line */
bool le_delete_back(struct lineedit *le);
bool le_delete(struct lineedit *le);
bool le_kill_start(struct lineedit *le);	/* to the line start */
bool le_kill_end(struct lineedit *le);	/* to the line end */
bool le_kill_word(struct lineedit *le);	/* the word before the cursor */

/* Multi-line: move to the row above/below in a field width columns
 * wide, keeping the column.  False when there is no such row (the form
 * then moves to the previous/next field). */
bool le_up(struct lineedit *le, int width);
bool le_down(struct lineedit *le, int width);

/* Display columns of buf[from, to). */
int le_width_range(const struct lineedit *le, size_t from, size_t to);

/* Wrap the text for a field width columns wide (multi-line; a single
 * line editor gives one row).  Writes up to max rows and returns how many
 * there are (always at least 1). */
size_t le_lines(const struct lineedit *le, int width, struct le_line *out,
    size_t max);

/* Where the cursor is: row (0 for single-line) and column, counted from
 * the start of the text, ignoring scrolling. */
void le_cursor(const struct lineedit *le, int width, int *row, int *col);

/* Adjust hscroll/vscroll so the cursor is visible in a field of width
 * columns and height rows. */
void le_fit(struct lineedit *le, int width, int height);

/* Render buf[from, to) for display: skip the first `skip` columns (a
 * wide character cut by the edge becomes spaces), fit in width columns,
 * escapes spelled out.  Writes up to max wide characters to out and
 * returns how many were written. */
size_t le_render(const struct lineedit *le, size_t from, size_t to,
    int skip, int width, wchar_t *out, size_t max);

#endif
