/* page.c - a page of lines grouped into items that can be selected,
 * scrolled in an area (see page.h). */
#include "peerdesk/tui/page.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

/* ---- building ----------------------------------------------------------- */

void
page_clear(struct page *p)
{
	size_t i;

	if (!p->again) {
		const struct page_item *it = page_current(p);

		p->old_kind = it != NULL ? it->kind : PAGE_NONE;
		p->old_id = it != NULL ? it->id : 0;
		p->old_sel = p->sel;
		p->again = true;
	}
	for (i = 0; i < p->n; i++)
		free(p->lines[i].text);
	p->n = 0;
	p->nitems = 0;
	p->sel = PAGE_NONE;
	p->open = p->begun = false;
}

void
page_fini(struct page *p)
{
	page_clear(p);
	free(p->lines);
	free(p->items);
	memset(p, 0, sizeof *p);
}

void
page_item(struct page *p, int kind, int64_t id)
{
	p->open = p->begun = true;
	p->new_kind = kind;
	p->new_id = id;
}

void
page_item_end(struct page *p)
{
	p->open = p->begun = false;
}

void
page_add(struct page *p, enum style st, const char *text)
{
	struct page_line *l;

	if (p->begun) {
		if (p->nitems == p->icap) {
			p->icap = p->icap ? p->icap * 2 : 16;
			p->items = xreallocarray(p->items, p->icap,
			    sizeof *p->items);
		}
		p->items[p->nitems].kind = p->new_kind;
		p->items[p->nitems].id = p->new_id;
		p->items[p->nitems].first = p->n;
		p->nitems++;
		p->begun = false;
	}
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 32;
		p->lines = xreallocarray(p->lines, p->cap, sizeof *p->lines);
	}
	l = &p->lines[p->n];
	l->text = xstrdup(text != NULL ? text : "");
	l->st = st;
	l->item = p->open ? (int)p->nitems - 1 : PAGE_NONE;
	if (p->open)
		p->items[p->nitems - 1].last = p->n;
	p->n++;
}

void
page_addf(struct page *p, enum style st, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	s[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(s, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	page_add(p, st, s);
	free(s);
}

void
page_add_lines(struct page *p, enum style st, const char *text)
{
	const char *s = text != NULL ? text : "";

	while (*s != '\0') {
		size_t n = strcspn(s, "\n");
		char *line = xstrndup(s, n);

		page_add(p, st, line);
		free(line);
		s += n + (s[n] == '\n');
	}
}

/* text wrapped to width: its first line after head padded to head_cols
 * columns, the others after indent spaces. */
static void
page_wrap(struct page *p, enum style st, const char *text, const char *head,
    int head_cols, int width, int indent)
{
	struct strbuf line = STRBUF_INIT;
	size_t off = 0, len, next;
	int first = 1, pad, room;

	while (text != NULL && text[off] != '\0') {
		strbuf_reset(&line);
		if (first) {
			strbuf_adds(&line, head);
			pad = head_cols - (int)utf8_width(head);
		} else
			pad = indent;
		strbuf_addf(&line, "%*s", pad > 0 ? pad : 0, "");
		room = width - (first ? head_cols : indent);
		len = utf8_wrap(text + off, (size_t)(room > 1 ? room : 1),
		    &next);
		strbuf_add(&line, text + off, len);
		page_add(p, st, strbuf_str(&line));
		first = 0;
		if (next == 0)
			break;
		off += next;
	}
	strbuf_fini(&line);
}

void
page_add_wrapped(struct page *p, enum style st, int width, int indent,
    const char *text)
{
	page_wrap(p, st, text, "", indent, width, indent);
}

void
page_add_labelled(struct page *p, enum style st, int width, int indent,
    const char *label, const char *text)
{
	char *all;

	if (text == NULL || text[0] == '\0')
		return;
	all = label != NULL ? xasprintf("%s: %s", label, text) : xstrdup(text);
	page_wrap(p, st, all, "", 0, width < indent + 10 ? indent + 10 : width,
	    indent);
	free(all);
}

void
page_add_field(struct page *p, enum style st, int width, int indent,
    const char *label, const char *text)
{
	page_wrap(p, st, text, label, indent, width, indent);
}

/* ---- scrolling ---------------------------------------------------------- */

static int
page_height(const struct page *p)
{
	return p->area.h > 0 ? p->area.h : 1;
}

/* The lines of the chosen item, or -1 and -1 when none is. */
static void
page_sel_lines(const struct page *p, int *first, int *last)
{
	const struct page_item *it = page_current(p);

	*first = it != NULL ? (int)it->first : -1;
	*last = it != NULL ? (int)it->last : -1;
}

/* The lines the chosen item answers for: its own, the lines after it
 * that are in no item (up to the next item, or the end of the page) and,
 * for the first item, the lines above it.  Keys reach every line of the
 * page this way, however long the text between items. */
static void
page_reach(const struct page *p, int *first, int *last)
{
	page_sel_lines(p, first, last);
	if (*first < 0)
		return;
	*last = (size_t)p->sel + 1 < p->nitems ?
	    (int)p->items[p->sel + 1].first - 1 : (int)p->n - 1;
	if (p->sel == 0)
		*first = 0;
}

/* No empty rows below the last line, and the chosen item in view: its
 * first line, or (when it and the lines it answers for are taller than
 * the area) some of those. */
static void
page_clamp(struct page *p)
{
	int h = page_height(p), first, last, rfirst, rlast;

	page_sel_lines(p, &first, &last);
	if (first >= 0) {
		int most, least = first - h + 1;

		page_reach(p, &rfirst, &rlast);
		most = rlast - first >= h ? rlast - h + 1 : first;
		if (rfirst < least)
			least = rfirst;
		if (p->top > most)
			p->top = most;
		if (p->top < least)
			p->top = least;
	}
	if (p->top > (int)p->n - h)
		p->top = (int)p->n - h;
	if (p->top < 0)
		p->top = 0;
}

/* Scroll so the chosen item shows: all of it when it fits (and the
 * lines above the first item with it), else from its first line. */
static void
page_show(struct page *p)
{
	int h = page_height(p), first, last;

	page_sel_lines(p, &first, &last);
	if (first < 0) {
		page_clamp(p);
		return;
	}
	if (p->sel == 0 && last < h)
		p->top = 0;
	else if (last - first >= h) {
		if (p->top < first || p->top > last - h + 1)
			p->top = first;
	} else {
		if (last >= p->top + h)
			p->top = last - h + 1;
		if (first < p->top)
			p->top = first;
	}
	page_clamp(p);
}

static int
page_find(const struct page *p, int kind, int64_t id)
{
	size_t i;

	for (i = 0; i < p->nitems; i++)
		if (p->items[i].kind == kind && p->items[i].id == id)
			return (int)i;
	return PAGE_NONE;
}

void
page_reselect(struct page *p, int kind, int64_t id)
{
	int i = PAGE_NONE;

	if (kind == PAGE_NONE && p->again) {
		kind = p->old_kind;
		id = p->old_id;
	}
	if (kind != PAGE_NONE)
		i = page_find(p, kind, id);
	if (i == PAGE_NONE)
		i = p->again ? p->old_sel : p->sel;
	if (i >= (int)p->nitems)
		i = (int)p->nitems - 1;
	if (i < 0)
		i = p->nitems > 0 ? 0 : PAGE_NONE;
	p->sel = i;
	p->again = false;
	page_show(p);
}

void
page_layout(struct page *p, struct rect area)
{
	p->area = area;
	if (p->again || p->sel >= (int)p->nitems)
		page_reselect(p, PAGE_NONE, 0);
	else
		page_show(p);
}

/* ---- drawing ------------------------------------------------------------ */

void
page_draw(const struct page *p, struct tui_cursor *cur)
{
	struct rect r = p->area;
	int row, first, last, w = r.w - (p->gutter ? 1 : 0);

	page_sel_lines(p, &first, &last);
	for (row = 0; row < r.h; row++) {
		int i = p->top + row;

		if (i < 0 || (size_t)i >= p->n)
			break;
		if (i != first) {
			draw_text(r.y + row, r.x, w, p->lines[i].text,
			    p->lines[i].st);
			continue;
		}
		draw_text_pad(r.y + row, r.x, w, p->lines[i].text,
		    ST_SELECTED);
		if (cur != NULL) {
			cur->y = r.y + row;
			cur->x = r.x;
		}
	}
	if (r.h <= 0 || r.w <= 0)
		return;
	if (p->top > 0)
		draw_text(r.y, r.x + r.w - 1, 1, "\u25b2", ST_DIM);
	if (p->top + r.h < (int)p->n)
		draw_text(r.y + r.h - 1, r.x + r.w - 1, 1, "\u25bc", ST_DIM);
}

/* ---- moving ------------------------------------------------------------- */

/* Up or Down a line: a tall item scrolls before the next is chosen; at
 * either end the lines before or after show. */
static void
page_step(struct page *p, int dir)
{
	int first, last, rfirst, rlast, h = page_height(p);

	page_sel_lines(p, &first, &last);
	page_reach(p, &rfirst, &rlast);
	if (first < 0)
		p->top += dir;
	else if (dir < 0 && first < p->top)
		p->top--;
	else if (dir > 0 && last >= p->top + h)
		p->top++;
	else if (dir > 0 && rlast >= p->top + h &&
	    ((size_t)p->sel + 1 >= p->nitems || rlast - last >= h))
		p->top++;	/* text after the last item, or a page of it
				 * before the next: read it first */
	else if (p->sel + dir >= 0 && p->sel + dir < (int)p->nitems) {
		int old = p->top;

		p->sel += dir;
		page_show(p);
		page_sel_lines(p, &first, &last);
		if (dir > 0 && p->top > old + h)
			p->top = first - h + 1;	/* pass no line over: its
						 * first line at the bottom */
	} else
		p->top += dir;
	page_clamp(p);
}

/* The first (or the last) item that starts on a line in [from, to). */
static int
page_starting(const struct page *p, int from, int to, bool last)
{
	int found = PAGE_NONE;
	size_t i;

	for (i = 0; i < p->nitems; i++)
		if ((int)p->items[i].first >= from &&
		    (int)p->items[i].first < to) {
			found = (int)i;
			if (!last)
				break;
		}
	return found;
}

/* The item that answers for line: the last that starts on or above
 * it (the first item for the lines above every item). */
static int
page_owner(const struct page *p, int line)
{
	int i = 0;

	while ((size_t)i + 1 < p->nitems && (int)p->items[i + 1].first <= line)
		i++;
	return p->nitems > 0 ? i : PAGE_NONE;
}

/* PgUp or PgDn: the view turns a page, less a line to read on from.
 * Down, the first item from the old bottom line on is chosen, else the
 * last in view; up, the first in view; else the one the top line is in.
 * The choice never moves against the key. */
static void
page_turn(struct page *p, int dir)
{
	int h = page_height(p), old = p->top, end, i;

	p->top += dir * (h > 1 ? h - 1 : 1);
	if (p->top > (int)p->n - h)
		p->top = (int)p->n - h;
	if (p->top < 0)
		p->top = 0;
	if (p->nitems == 0)
		return;
	end = p->top + h;
	if (dir > 0) {
		i = page_starting(p, old + h - 1 > p->top ? old + h - 1 :
		    p->top, end, false);
		if (i == PAGE_NONE)
			i = page_starting(p, p->top, end, true);
	} else
		i = page_starting(p, p->top, end, false);
	if (i == PAGE_NONE && (size_t)p->top < p->n)
		i = page_owner(p, p->top);
	if (i != PAGE_NONE && (dir > 0 ? i > p->sel : i < p->sel))
		p->sel = i;
	if (p->sel == 0 && dir < 0 && (int)p->items[0].last < h && old <= h)
		p->top = 0;	/* the first item with what is above it, when
				 * no line is passed over */
	page_clamp(p);
}

enum tui_result
page_action(struct page *p, enum action a)
{
	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
		page_step(p, a == ACT_UP ? -1 : 1);
		return TUI_HANDLED;
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		page_turn(p, a == ACT_PAGE_UP ? -1 : 1);
		return TUI_HANDLED;
	case ACT_FIRST:		/* the top of the page, the first item */
		p->top = 0;
		p->sel = p->nitems > 0 ? 0 : PAGE_NONE;
		page_clamp(p);
		return TUI_HANDLED;
	case ACT_LAST:
		p->top = (int)p->n;
		p->sel = (int)p->nitems - 1;
		page_clamp(p);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

const struct page_item *
page_current(const struct page *p)
{
	return p->sel >= 0 && (size_t)p->sel < p->nitems ?
	    &p->items[p->sel] : NULL;
}
