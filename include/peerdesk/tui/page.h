/* page.h - a page of lines grouped into items that can be selected,
 * scrolled in an area.
 *
 * For a document with things to choose in it: a plan, a PAL's record,
 * an audit row in full, a page of text with nothing to choose.  (Rows
 * in columns are a list: list.h.)  A screen builds the page from its
 * state - in layout, when the width is known, and after each reload -
 * and only draws it in draw():
 *
 *   page_clear(pg);
 *   page_add(pg, ST_HEADER, "Supporting now");
 *   page_item(pg, K_NOW, id);        the lines from here are one item
 *   page_add(pg, ST_NORMAL, name);
 *   page_add_wrapped(pg, ST_DIM, w, 4, note);
 *   page_item_end(pg);               the lines from here are in none
 *   page_layout(pg, area);           the same item as before is chosen
 *
 * Up and Down choose the item before or after; an item taller than the
 * area scrolls a line at a time before the next is chosen.  PgUp and
 * PgDn turn a page and choose the first item that starts on it (PgDn,
 * where it turns less: the one that was on the bottom line, else the
 * last in view); Home and End choose the first and the last.  With no
 * items they scroll.
 * The lines above the first item show when it is chosen (if they fit
 * with it).  The chosen item answers for the lines after it that are in
 * no item (the first item for those above it too), and stays in view
 * with them: Down reads on through text after the last item (or a page
 * of text before the next) a line at a time, and PgUp/PgDn turn through
 * any text, so every line can be reached.  The chosen
 * item's first line is drawn selected, with the cursor on it; ▲ and ▼
 * in the last column say there is more above or below.
 */
#ifndef PEERDESK_TUI_PAGE_H
#define PEERDESK_TUI_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/tui/action.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/screen.h"
#include "peerdesk/tui/style.h"

#define PAGE_NONE (-1)

struct page_line {
	char *text;
	enum style st;
	int item;		/* index in items, or PAGE_NONE */
};

struct page_item {
	int kind;		/* the screen's own (>= 0) */
	int64_t id;
	size_t first, last;	/* its lines */
};

struct page {
	struct page_line *lines;
	size_t n, cap;
	struct page_item *items;
	size_t nitems, icap;
	int sel;		/* chosen item, PAGE_NONE when none */
	int top;		/* first line shown */
	struct rect area;	/* from the last page_layout */
	bool gutter;		/* lines stop short of the last column, the
				 * marks' (set once; page_clear keeps it) */
	bool open;		/* lines being added belong to an item */
	bool begun;		/* ... a new one, not made until its first line */
	int new_kind;
	int64_t new_id;
	bool again;		/* cleared: choose the old item again */
	int old_kind;		/* the item chosen before page_clear */
	int64_t old_id;
	int old_sel;
};

/* Forget every line and item; the chosen item's kind and id are kept
 * for page_reselect and page_layout, and the scroll stays. */
void page_clear(struct page *p);
void page_fini(struct page *p);

/* The lines added next form one item (kind >= 0), until page_item_end
 * or the next page_item. */
void page_item(struct page *p, int kind, int64_t id);
void page_item_end(struct page *p);

/* One line as it is (cut when drawn). */
void page_add(struct page *p, enum style st, const char *text);
void page_addf(struct page *p, enum style st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Several lines: text cut at its line breaks. */
void page_add_lines(struct page *p, enum style st, const char *text);

/* text wrapped to width columns, each line indented by indent; nothing
 * when text is NULL or empty. */
void page_add_wrapped(struct page *p, enum style st, int width, int indent,
    const char *text);

/* "label: text" wrapped to width, the lines after the first indented
 * by indent; nothing when text is NULL or empty. */
void page_add_labelled(struct page *p, enum style st, int width,
    int indent, const char *label, const char *text);

/* label in a column indent wide, then text wrapped to width beside it
 * (its later lines under the text's first). */
void page_add_field(struct page *p, enum style st, int width, int indent,
    const char *label, const char *text);

/* Choose the item with this kind and id (PAGE_NONE: the one chosen
 * before page_clear), else the one at the same place, and show it. */
void page_reselect(struct page *p, int kind, int64_t id);

/* The page is drawn in area: choose again after a page_clear, and show
 * the chosen item. */
void page_layout(struct page *p, struct rect area);

/* Draw the lines in the area given to page_layout; cur goes to the
 * chosen item's first line when it shows (cur may be NULL). */
void page_draw(const struct page *p, struct tui_cursor *cur);

/* Up, Down, PgUp, PgDn, Home, End; TUI_UNHANDLED for the rest. */
enum tui_result page_action(struct page *p, enum action a);

/* The chosen item, or NULL. */
const struct page_item *page_current(const struct page *p);

#endif
