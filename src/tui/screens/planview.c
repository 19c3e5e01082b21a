/* planview.c - a page of selectable items for the plan screens. */
#include "planview_priv.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/plandiff.h"

void
pv_clear(struct pv *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		free(v->l[i].text);
	FREE(&v->l);
	v->n = 0;
	v->nitems = 0;
}

void
pv_fini(struct pv *v)
{
	pv_clear(v);
}

void
pv_add(struct pv *v, const char *text, enum style st, int item)
{
	v->l = xreallocarray(v->l, v->n + 1, sizeof *v->l);
	v->l[v->n].text = xstrdup(text ? text : "");
	v->l[v->n].st = st;
	v->l[v->n].item = item;
	v->n++;
}

void
pv_add_lines(struct pv *v, const char *text, enum style st, int item)
{
	const char *p = text ? text : "";

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);

		pv_add(v, line, st, item);
		free(line);
		p += n + (p[n] == '\n');
	}
}

void
pv_add_wrapped(struct pv *v, const char *text, int width, int indent,
    enum style st, int item)
{
	struct strbuf sb = STRBUF_INIT;

	plan_wrap(&sb, text, width > 0 ? width : 40, indent);
	pv_add_lines(v, sb.buf, st, item);
	strbuf_fini(&sb);
}

void
pv_done(struct pv *v)
{
	size_t i;

	v->nitems = 0;
	for (i = 0; i < v->n; i++)
		if (v->l[i].item + 1 > v->nitems)
			v->nitems = v->l[i].item + 1;
	if (v->sel >= v->nitems)
		v->sel = v->nitems - 1;
	if (v->sel < 0 && v->nitems > 0)
		v->sel = 0;
	if (v->scroll > (int)v->n - 1)
		v->scroll = v->n > 0 ? (int)v->n - 1 : 0;
}

/* First and last line of item it (-1 when it has none). */
static void
pv_item_lines(const struct pv *v, int it, int *first, int *last)
{
	size_t i;

	*first = *last = -1;
	for (i = 0; i < v->n; i++) {
		if (v->l[i].item != it)
			continue;
		if (*first < 0)
			*first = (int)i;
		*last = (int)i;
	}
}

static void
pv_clamp(struct pv *v)
{
	int max = (int)v->n - v->area.h;

	if (v->scroll > max)
		v->scroll = max;
	if (v->scroll < 0)
		v->scroll = 0;
}

void
pv_show_sel(struct pv *v)
{
	int first, last;

	if (v->sel < 0) {
		pv_clamp(v);
		return;
	}
	pv_item_lines(v, v->sel, &first, &last);
	if (first < 0)
		return;
	if (last - v->scroll >= v->area.h)
		v->scroll = last - v->area.h + 1;
	if (first < v->scroll || last - first >= v->area.h)
		v->scroll = first;
	pv_clamp(v);
}

/* After scrolling by lines: select the first item whose first line
 * shows. */
static void
pv_sel_in_view(struct pv *v)
{
	int it, first, last;

	for (it = 0; it < v->nitems; it++) {
		pv_item_lines(v, it, &first, &last);
		if (first >= v->scroll && first < v->scroll + v->area.h) {
			v->sel = it;
			return;
		}
	}
}

enum tui_result
pv_action(struct pv *v, enum action a)
{
	int page = v->area.h > 1 ? v->area.h - 1 : 1, first, last;

	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
		if (v->nitems == 0) {
			v->scroll += a == ACT_UP ? -1 : 1;
			pv_clamp(v);
			return TUI_HANDLED;
		}
		pv_item_lines(v, v->sel, &first, &last);
		/* a long item scrolls first, then the next one is chosen */
		if (a == ACT_DOWN && last >= v->scroll + v->area.h) {
			v->scroll++;
			pv_clamp(v);
		} else if (a == ACT_UP && first >= 0 && first < v->scroll) {
			v->scroll--;
			pv_clamp(v);
		} else if (a == ACT_UP && v->sel > 0) {
			v->sel--;
			pv_show_sel(v);
		} else if (a == ACT_DOWN && v->sel + 1 < v->nitems) {
			v->sel++;
			pv_show_sel(v);
		} else if (a == ACT_DOWN) {	/* lines after the last item */
			v->scroll++;
			pv_clamp(v);
		}
		return TUI_HANDLED;
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		v->scroll += a == ACT_PAGE_UP ? -page : page;
		pv_clamp(v);
		pv_sel_in_view(v);
		return TUI_HANDLED;
	case ACT_FIRST:
		v->scroll = 0;
		v->sel = v->nitems > 0 ? 0 : -1;
		return TUI_HANDLED;
	case ACT_LAST:
		v->scroll = (int)v->n;
		pv_clamp(v);
		v->sel = v->nitems - 1;
		pv_show_sel(v);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

void
pv_draw(const struct pv *v, struct tui_cursor *cur)
{
	int row, first = -1, last;

	if (v->sel >= 0)
		pv_item_lines(v, v->sel, &first, &last);
	for (row = 0; row < v->area.h; row++) {
		int i = v->scroll + row;
		enum style st;

		if (i < 0 || (size_t)i >= v->n)
			break;
		st = v->l[i].st;
		if (i == first)
			st = ST_SELECTED;
		if (i == first)
			draw_text_pad(v->area.y + row, v->area.x, v->area.w,
			    v->l[i].text, st);
		else
			draw_text(v->area.y + row, v->area.x, v->area.w,
			    v->l[i].text, st);
		if (i == first && cur != NULL) {
			cur->y = v->area.y + row;
			cur->x = v->area.x;
		}
	}
	if (v->scroll > 0)
		draw_text(v->area.y, v->area.x + v->area.w - 1, 1, "\u25b2",
		    ST_DIM);
	if (v->scroll + v->area.h < (int)v->n)
		draw_text(v->area.y + v->area.h - 1, v->area.x + v->area.w - 1,
		    1, "\u25bc", ST_DIM);
}
