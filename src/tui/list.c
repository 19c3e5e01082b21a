#include "peerdesk/tui/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/draw.h"

#define LIST_MARK 2	/* "> " in front of the selected row */

void
list_view_init(struct list_view *lv, const struct list_column *cols,
    size_t ncols, const struct list_model *model)
{
	memset(lv, 0, sizeof *lv);
	lv->cols = cols;
	lv->ncols = ncols;
	lv->model = *model;
	lv->nav.height = 1;
	le_init(&lv->filter, false, 100);
}

void
list_view_fini(struct list_view *lv)
{
	le_fini(&lv->filter);
}

void
list_view_filter_text(const struct list_view *lv, struct strbuf *out)
{
	le_text(&lv->filter, out);
}

/* Rows of the area that show list rows (after header and footer). */
static size_t
list_view_rows(const struct list_view *lv)
{
	int h = lv->area.h - 2;

	return h > 0 ? (size_t)h : 1;
}

/* Columns for the filter text in the footer ("Filter: " and the
 * position take the rest). */
static int
list_view_filter_width(const struct list_view *lv)
{
	int w = lv->area.w - 8 - 18;

	return w > 4 ? w : 4;
}

/* Make sure the rows on screen are fetched. */
static void
list_view_sync(struct list_view *lv)
{
	struct strbuf f = STRBUF_INIT;
	struct pd_err err;
	size_t first = lv->nav.top, n;

	if (lv->nav.count == 0)
		return;
	n = lv->nav.height;
	if (first + n > lv->nav.count)
		n = lv->nav.count - first;
	if (first >= lv->have_first &&
	    first + n <= lv->have_first + lv->have_n)
		return;
	le_text(&lv->filter, &f);
	if (lv->model.fetch(lv->model.ctx, strbuf_str(&f), first, n, &err) !=
	    PD_OK) {
		snprintf(lv->error, sizeof lv->error, "%s", err.msg);
		lv->have_n = 0;
	} else {
		lv->have_first = first;
		lv->have_n = n;
	}
	strbuf_fini(&f);
}

enum pd_status
list_view_reload(struct list_view *lv, struct pd_err *err)
{
	struct strbuf f = STRBUF_INIT;
	struct pd_err e;
	size_t n = 0;
	enum pd_status st;

	pd_err_clear(&e);
	lv->error[0] = '\0';
	lv->have_first = lv->have_n = 0;
	le_text(&lv->filter, &f);
	st = lv->model.count(lv->model.ctx, strbuf_str(&f), &n, &e);
	strbuf_fini(&f);
	if (st != PD_OK) {
		snprintf(lv->error, sizeof lv->error, "%s", e.msg);
		listnav_set_count(&lv->nav, 0);
		if (err != NULL)
			*err = e;
		return st;
	}
	listnav_set_count(&lv->nav, n);
	list_view_sync(lv);
	return PD_OK;
}

void
list_view_layout(struct list_view *lv, struct rect area)
{
	lv->area = area;
	listnav_set_height(&lv->nav, list_view_rows(lv));
	le_fit(&lv->filter, list_view_filter_width(lv), 1);
	list_view_sync(lv);
}

/* Column widths for width w (hidden columns get 0). */
static void
list_view_widths(const struct list_view *lv, int w, int *out)
{
	size_t i, nflex = 0, shown = 0;
	int fixed = 0, left;

	for (i = 0; i < lv->ncols; i++) {
		out[i] = 0;
		if (lv->cols[i].min_screen > lv->area.w)
			continue;
		shown++;
		if (lv->cols[i].width > 0)
			fixed += lv->cols[i].width;
		else
			nflex++;
	}
	left = w - fixed - (int)(shown > 0 ? shown - 1 : 0);
	for (i = 0; i < lv->ncols; i++) {
		if (lv->cols[i].min_screen > lv->area.w)
			continue;
		if (lv->cols[i].width > 0)
			out[i] = lv->cols[i].width;
		else
			out[i] = nflex ? (left / (int)nflex > 1 ?
			    left / (int)nflex : 1) : 0;
	}
}

static void
list_view_draw_cells(const struct list_view *lv, int y, const int *widths,
    size_t row, bool header, enum style st)
{
	struct strbuf cell = STRBUF_INIT;
	int x = lv->area.x + LIST_MARK, end = lv->area.x + lv->area.w;
	size_t c;

	for (c = 0; c < lv->ncols; c++) {
		int w = widths[c];

		if (w <= 0)
			continue;
		if (x + w > end)
			w = end - x;
		if (w <= 0)
			break;
		strbuf_reset(&cell);
		if (header)
			strbuf_adds(&cell, lv->cols[c].title);
		else
			lv->model.cell(lv->model.ctx, row, c, &cell);
		if (lv->cols[c].right)
			draw_text_right(y, x, w, strbuf_str(&cell), st);
		else
			draw_text(y, x, w, strbuf_str(&cell), st);
		x += widths[c] + 1;
	}
	strbuf_fini(&cell);
}

void
list_view_draw(const struct list_view *lv, struct tui_cursor *cur)
{
	int widths[32], y;
	size_t i, row;
	char pos[64];
	struct strbuf f = STRBUF_INIT;
	int foot = lv->area.y + lv->area.h - 1, fw;

	list_view_widths(lv, lv->area.w - LIST_MARK,
	    widths);
	if (lv->area.h >= 3)
		list_view_draw_cells(lv, lv->area.y, widths, 0, true,
		    ST_HEADER);
	y = lv->area.y + (lv->area.h >= 3 ? 1 : 0);
	cur->y = y;
	cur->x = lv->area.x;
	if (lv->error[0] != '\0') {
		draw_text(y, lv->area.x + LIST_MARK, lv->area.w - LIST_MARK,
		    lv->error, ST_ERROR);
	} else if (lv->nav.count == 0) {
		le_text(&lv->filter, &f);
		if (f.len > 0)
			draw_text(y, lv->area.x + LIST_MARK,
			    lv->area.w - LIST_MARK, "Nothing matches the filter.",
			    ST_DIM);
		else
			draw_text(y, lv->area.x + LIST_MARK,
			    lv->area.w - LIST_MARK, lv->empty_text ?
			    lv->empty_text : "Nothing here yet.", ST_DIM);
		strbuf_reset(&f);
	}
	for (i = 0; i < lv->nav.height && lv->error[0] == '\0'; i++) {
		row = lv->nav.top + i;
		if (row >= lv->nav.count)
			break;
		if (row < lv->have_first || row >= lv->have_first + lv->have_n)
			continue;	/* not fetched (a fetch failed) */
		if (row == lv->nav.sel) {
			draw_fill(y + (int)i, lv->area.x, lv->area.w,
			    ST_SELECTED);
			draw_text(y + (int)i, lv->area.x, LIST_MARK, ">",
			    ST_SELECTED);
			list_view_draw_cells(lv, y + (int)i, widths, row, false,
			    ST_SELECTED);
			cur->y = y + (int)i;
			cur->x = lv->area.x;
		} else {
			list_view_draw_cells(lv, y + (int)i, widths, row, false,
			    lv->model.row_style ? lv->model.row_style(
			    lv->model.ctx, row) : ST_NORMAL);
		}
	}
	if (lv->area.h < 2)
		goto out;
	/* Footer: the filter on the left, the position on the right. */
	if (lv->nav.count > 0)
		snprintf(pos, sizeof pos, "%zu of %zu", lv->nav.sel + 1,
		    lv->nav.count);
	else
		snprintf(pos, sizeof pos, "0 of 0");
	fw = (int)strlen(pos);
	draw_text_right(foot, lv->area.x + lv->area.w - fw, fw, pos, ST_DIM);
	if (lv->filtering || lv->filter.len > 0) {
		wchar_t buf[256];
		size_t n;
		int w = list_view_filter_width(lv), row_, col;

		draw_text(foot, lv->area.x, 8, "Filter: ", ST_LABEL);
		if (w > 0) {
			n = le_render(&lv->filter, 0, lv->filter.len,
			    lv->filter.hscroll, w, buf, 256);
			draw_wchars(foot, lv->area.x + 8, w, buf, n,
			    lv->filtering ? ST_FOCUS : ST_NORMAL);
			if (lv->filtering) {
				le_cursor(&lv->filter, w, &row_, &col);
				cur->y = foot;
				cur->x = lv->area.x + 8 + col -
				    lv->filter.hscroll;
			}
		}
	}
out:
	strbuf_fini(&f);
}

static void
list_view_refilter(struct list_view *lv)
{
	lv->nav.sel = lv->nav.top = 0;
	list_view_reload(lv, NULL);
}

enum tui_result
list_view_action(struct list_view *lv, enum action a)
{
	bool changed = false;

	switch (a) {
	case ACT_UP:
		lv->filtering = false;
		listnav_move(&lv->nav, -1);
		break;
	case ACT_DOWN:
		lv->filtering = false;
		listnav_move(&lv->nav, 1);
		break;
	case ACT_PAGE_UP:
		listnav_page(&lv->nav, -1);
		break;
	case ACT_PAGE_DOWN:
		listnav_page(&lv->nav, 1);
		break;
	case ACT_FIRST:
		listnav_first(&lv->nav);
		break;
	case ACT_LAST:
		listnav_last(&lv->nav);
		break;
	case ACT_FILTER:
		lv->filtering = true;
		le_end(&lv->filter);
		return TUI_HANDLED;
	case ACT_BACK:
		if (!lv->filtering && lv->filter.len == 0)
			return TUI_UNHANDLED;
		lv->filtering = false;
		if (lv->filter.len > 0) {
			le_set(&lv->filter, "");
			list_view_refilter(lv);
		}
		return TUI_HANDLED;
	case ACT_LEFT:
		le_left(&lv->filter);
		break;
	case ACT_RIGHT:
		le_right(&lv->filter);
		break;
	case ACT_LINE_START:
		le_home(&lv->filter);
		break;
	case ACT_LINE_END:
		le_end(&lv->filter);
		break;
	case ACT_DELETE_BACK:
		changed = le_delete_back(&lv->filter);
		break;
	case ACT_DELETE:
		changed = le_delete(&lv->filter);
		break;
	case ACT_KILL_START:
		changed = le_kill_start(&lv->filter);
		break;
	case ACT_KILL_END:
		changed = le_kill_end(&lv->filter);
		break;
	case ACT_KILL_WORD:
		changed = le_kill_word(&lv->filter);
		break;
	default:
		return TUI_UNHANDLED;
	}
	if (changed)
		list_view_refilter(lv);
	else
		list_view_sync(lv);
	le_fit(&lv->filter, list_view_filter_width(lv), 1);
	return TUI_HANDLED;
}

enum tui_result
list_view_click(struct list_view *lv, int y, int x)
{
	int first = lv->area.y + (lv->area.h >= 3 ? 1 : 0);
	size_t row;

	if (x < lv->area.x || x >= lv->area.x + lv->area.w || y < first ||
	    y >= first + (int)lv->nav.height || lv->error[0] != '\0')
		return TUI_UNHANDLED;
	row = lv->nav.top + (size_t)(y - first);
	if (row >= lv->nav.count)
		return TUI_UNHANDLED;
	if (row == lv->nav.sel) {
		lv->filtering = false;
		return TUI_CHOSEN;
	}
	lv->filtering = false;
	listnav_select(&lv->nav, row);
	list_view_sync(lv);
	return TUI_HANDLED;
}

enum tui_result
list_view_text(struct list_view *lv, const struct screen *s,
    struct tui_key k)
{
	if (!lv->filtering) {
		if (screen_key_bound(s, k))
			return TUI_UNHANDLED;
		lv->filtering = true;
		le_end(&lv->filter);
	}
	if (le_insert(&lv->filter, (wchar_t)k.code))
		list_view_refilter(lv);
	le_fit(&lv->filter, list_view_filter_width(lv), 1);
	return TUI_HANDLED;
}

const char *
list_view_context(const struct list_view *lv)
{
	return lv->filtering ? "edit" : NULL;
}

bool
list_view_filtering(const struct list_view *lv)
{
	return lv->filtering;
}

bool
list_view_selected(const struct list_view *lv, size_t *row)
{
	if (lv->nav.count == 0)
		return false;
	*row = lv->nav.sel;
	return true;
}
