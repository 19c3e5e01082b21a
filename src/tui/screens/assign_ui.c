/* assign_ui.c - a page of selectable lines, and shared helpers for the
 * PAL, shortlist, assignment and review screens. */
#include "assign_ui.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/form.h"

/* ---- the page ----------------------------------------------------------- */

void
page_clear(struct page *p)
{
	size_t i;

	if (p->sel < p->n) {
		p->old_kind = p->v[p->sel].kind;
		p->old_id = p->v[p->sel].id;
		p->old_sel = p->sel;
	} else {
		p->old_kind = PAGE_NOT_SELECTABLE;
		p->old_sel = 0;
	}
	for (i = 0; i < p->n; i++)
		free(p->v[i].text);
	p->n = 0;
	p->sel = 0;
}

void
page_fini(struct page *p)
{
	page_clear(p);
	free(p->v);
	memset(p, 0, sizeof *p);
}

size_t
page_add(struct page *p, int kind, int64_t id, enum style st,
    const char *text)
{
	struct page_line *l;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 32;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	l = &p->v[p->n];
	l->text = xstrdup(text ? text : "");
	l->st = st;
	l->kind = kind;
	l->id = id;
	return p->n++;
}

size_t
page_addf(struct page *p, int kind, int64_t id, enum style st,
    const char *fmt, ...)
{
	va_list ap;
	char *s;
	size_t i;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	i = page_add(p, kind, id, st, s);
	free(s);
	return i;
}

void
page_add_wrapped(struct page *p, int kind, int64_t id, int width,
    int indent, enum style st, const char *label, const char *text)
{
	char *all, *pad;
	size_t off = 0, len, next;
	int first = 1, w;

	if (text == NULL || text[0] == '\0')
		return;
	if (width < indent + 10)
		width = indent + 10;
	all = label != NULL ? xasprintf("%s: %s", label, text) : xstrdup(text);
	pad = xmalloc((size_t)indent + 1);
	memset(pad, ' ', (size_t)indent);
	pad[indent] = '\0';
	while (all[off] != '\0') {
		char *line;

		w = first ? width : width - indent;
		len = utf8_wrap(all + off, (size_t)w, &next);
		line = xasprintf("%s%.*s", first ? "" : pad, (int)len,
		    all + off);
		page_add(p, first ? kind : PAGE_NOT_SELECTABLE, id, st, line);
		free(line);
		first = 0;
		if (next == 0)
			break;
		off += next;
	}
	free(pad);
	free(all);
}

static int
page_selectable(const struct page *p, size_t i)
{
	return i < p->n && p->v[i].kind != PAGE_NOT_SELECTABLE;
}

/* Scroll so the selection shows, with the heading lines above the first
 * selectable line and the detail lines just below it when they fit. */
static void
page_scroll(struct page *p)
{
	size_t i, first = p->n, last;
	int h = p->height > 0 ? p->height : 1;

	if (p->sel >= p->n) {
		if (p->top > (int)p->n - h)
			p->top = (int)p->n - h;
		if (p->top < 0)
			p->top = 0;
		return;
	}
	for (i = 0; i < p->n; i++)
		if (page_selectable(p, i)) {
			first = i;
			break;
		}
	/* lines belonging to the selection: up to the next selectable */
	for (last = p->sel + 1; last < p->n && !page_selectable(p, last);
	    last++)
		;
	if (p->sel == first && (int)last <= h)
		p->top = 0;
	if ((int)p->sel < p->top)
		p->top = (int)p->sel;
	if ((int)last > p->top + h)
		p->top = (int)last - h;
	if ((int)p->sel < p->top)
		p->top = (int)p->sel;
	if (p->top < 0)
		p->top = 0;
}

void
page_reselect(struct page *p, int kind, int64_t id)
{
	size_t i;

	if (kind == PAGE_NOT_SELECTABLE) {
		kind = p->old_kind;
		id = p->old_id;
	}
	p->sel = p->n;
	for (i = 0; i < p->n && kind != PAGE_NOT_SELECTABLE; i++)
		if (p->v[i].kind == kind && p->v[i].id == id) {
			p->sel = i;
			break;
		}
	for (i = p->old_sel; p->sel == p->n && i < p->n; i++)
		if (page_selectable(p, i))
			p->sel = i;
	for (i = 0; p->sel == p->n && i < p->n; i++)
		if (page_selectable(p, i))
			p->sel = i;
	page_scroll(p);
}

void
page_layout(struct page *p, int height)
{
	p->height = height;
	page_scroll(p);
}

void
page_draw(const struct page *p, struct rect r, struct tui_cursor *cur)
{
	int row;

	for (row = 0; row < r.h; row++) {
		size_t i = (size_t)(p->top + row);
		const struct page_line *l;

		if (i >= p->n)
			break;
		l = &p->v[i];
		if (i == p->sel) {
			draw_text_pad(r.y + row, r.x, r.w, l->text, ST_SELECTED);
			cur->y = r.y + row;
			cur->x = r.x;
		} else
			draw_text(r.y + row, r.x, r.w, l->text, l->st);
	}
	if (p->top > 0)
		draw_text(r.y, r.x + r.w - 1, 1, "\xe2\x96\xb2", ST_DIM);
	if (p->top + r.h < (int)p->n)
		draw_text(r.y + r.h - 1, r.x + r.w - 1, 1, "\xe2\x96\xbc",
		    ST_DIM);
}

static void
page_move(struct page *p, int dir, int steps)
{
	size_t i = p->sel;
	int moved = 0;

	if (p->sel >= p->n) {
		/* nothing to select: scroll */
		p->top += dir * steps;
		page_scroll(p);
		return;
	}
	while (steps-- > 0) {
		size_t j = i;

		do {
			if (dir < 0 && j == 0)
				break;
			j = dir < 0 ? j - 1 : j + 1;
		} while (j < p->n && !page_selectable(p, j));
		if (j == i || j >= p->n || !page_selectable(p, j))
			break;
		i = j;
		moved = 1;
	}
	if (!moved) {
		/* at either end: show what is above or below */
		int h = p->height > 0 ? p->height : 1, t;

		if (dir > 0) {
			t = (int)p->n - h;
			if (t > (int)p->sel)
				t = (int)p->sel;
			if (t > p->top)
				p->top = t;
		} else if ((int)p->sel < h)
			p->top = 0;
		return;
	}
	p->sel = i;
	page_scroll(p);
}

enum tui_result
page_action(struct page *p, enum action a)
{
	int h = p->height > 1 ? p->height - 1 : 1;

	switch (a) {
	case ACT_UP: page_move(p, -1, 1); return TUI_HANDLED;
	case ACT_DOWN: page_move(p, 1, 1); return TUI_HANDLED;
	case ACT_PAGE_UP: page_move(p, -1, h / 2 > 0 ? h / 2 : 1);
		return TUI_HANDLED;
	case ACT_PAGE_DOWN: page_move(p, 1, h / 2 > 0 ? h / 2 : 1);
		return TUI_HANDLED;
	case ACT_FIRST: page_move(p, -1, (int)p->n); return TUI_HANDLED;
	case ACT_LAST: page_move(p, 1, (int)p->n); return TUI_HANDLED;
	default: return TUI_UNHANDLED;
	}
}

const struct page_line *
page_current(const struct page *p)
{
	return p->sel < p->n ? &p->v[p->sel] : NULL;
}

/* ---- helpers ------------------------------------------------------------ */

struct app *
assign_app(const struct screen *s)
{
	return s->app;
}

int
assign_ui_manager(const struct screen *s)
{
	const struct app *app = s->app;

	return app != NULL && app_actor_is_manager(app);
}

int
assign_ui_pal(const struct screen *s)
{
	const struct app *app = s->app;

	return app != NULL && app_actor_is_pal(app);
}

void
assign_people_add(struct assign_people *p, int64_t id, const char *name)
{
	p->ids = xreallocarray(p->ids, p->n + 1, sizeof *p->ids);
	p->names = xreallocarray(p->names, p->n + 1, sizeof *p->names);
	p->choices = xreallocarray(p->choices, p->n + 2, sizeof *p->choices);
	p->ids[p->n] = id;
	p->names[p->n] = xstrdup(name);
	p->choices[p->n].value = (int)p->n;
	p->choices[p->n].label = p->names[p->n];
	p->n++;
	p->choices[p->n].value = 0;
	p->choices[p->n].label = NULL;
}

int64_t
assign_people_id(const struct assign_people *p, int index)
{
	return index >= 0 && (size_t)index < p->n ? p->ids[index] : 0;
}

void
assign_people_fini(struct assign_people *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->names[i]);
	free(p->names);
	free(p->ids);
	free(p->choices);
	memset(p, 0, sizeof *p);
}

void
assign_said_set_title(struct assign_said *said, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(said->title, sizeof said->title, fmt, ap);
	va_end(ap);
}

void
assign_said_set_note(struct assign_said *said, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(said->note, sizeof said->note, fmt, ap);
	va_end(ap);
}

void
assign_said_title(const void *rec, struct strbuf *out)
{
	const struct assign_said *said = rec;

	strbuf_adds(out, said->title);
}

void
assign_said_outcome(const void *rec, struct screen_result *out)
{
	const struct assign_said *said = rec;

	out->text = said->note[0] != '\0' ? said->note : NULL;
	out->data = &said->next;
	out->size = sizeof said->next;
}

const struct assign_next *
assign_next_of(const struct screen_result *r)
{
	return r->data != NULL && r->size == sizeof(struct assign_next) ?
	    r->data : NULL;
}
