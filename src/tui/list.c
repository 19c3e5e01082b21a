#include "peerdesk/tui/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/textfold.h"
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
	lv->mark = LIST_MARK;
	lv->header = true;
	lv->footer = true;
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

/* Whether the column titles show (they need room for a row too). */
static bool
list_view_has_header(const struct list_view *lv)
{
	return lv->header && lv->area.h >= 3;
}

/* The screen row of the first list row. */
static int
list_view_first_y(const struct list_view *lv)
{
	return lv->area.y + (list_view_has_header(lv) ? 1 : 0);
}

/* Rows of the area that show list rows (after header and footer). */
static size_t
list_view_rows(const struct list_view *lv)
{
	int h = lv->area.h - (lv->header ? 1 : 0) - (lv->footer ? 1 : 0);

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
	size_t i, nflex = 0;
	int fixed = 0, left, gap = 0;

	for (i = 0; i < lv->ncols; i++) {
		out[i] = 0;
		if (lv->cols[i].min_screen > lv->area.w)
			continue;
		fixed += gap;	/* the space after the column before */
		gap = 1 + lv->cols[i].pad;
		if (lv->cols[i].width > 0)
			fixed += lv->cols[i].width;
		else
			nflex++;
	}
	left = w - fixed;
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
	int x = lv->area.x + lv->mark, end = lv->area.x + lv->area.w;
	size_t c;

	if (lv->fill)
		draw_fill(y, lv->area.x, lv->area.w, st);

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
		x += widths[c] + 1 + lv->cols[c].pad;
	}
	strbuf_fini(&cell);
}

/* Where the list has nothing to show: the problem, or why it is empty. */
static void
list_view_draw_none(const struct list_view *lv, int y)
{
	int x = lv->area.x + lv->mark, w = lv->area.w - lv->mark;

	if (lv->error[0] != '\0')
		draw_text(y, x, w, lv->error, ST_ERROR);
	else if (lv->filter.len > 0)
		draw_text(y, x, w, "Nothing matches the filter.", ST_DIM);
	else
		draw_text(y, x, w, lv->empty_text ? lv->empty_text :
		    "Nothing here yet.", ST_DIM);
}

/* The rows on screen from row y; the cursor on the selected one. */
static void
list_view_draw_rows(const struct list_view *lv, int y, const int *widths,
    struct tui_cursor *cur)
{
	size_t i, row;

	for (i = 0; i < lv->nav.height; i++) {
		row = lv->nav.top + i;
		if (row >= lv->nav.count)
			break;
		if (row < lv->have_first || row >= lv->have_first + lv->have_n)
			continue;	/* not fetched (a fetch failed) */
		if (row == lv->nav.sel && !lv->unfocused) {
			draw_fill(y + (int)i, lv->area.x, lv->area.w,
			    ST_SELECTED);
			if (lv->mark > 0)
				draw_text(y + (int)i, lv->area.x, lv->mark,
				    ">", ST_SELECTED);
			list_view_draw_cells(lv, y + (int)i, widths, row, false,
			    ST_SELECTED);
			cur->y = y + (int)i;
			cur->x = lv->area.x + lv->cursor_x;
		} else {
			list_view_draw_cells(lv, y + (int)i, widths, row, false,
			    lv->model.row_style ? lv->model.row_style(
			    lv->model.ctx, row) : ST_NORMAL);
		}
	}
}

/* The footer: the filter on the left, the position on the right. */
static void
list_view_draw_footer(const struct list_view *lv, struct tui_cursor *cur)
{
	int foot = lv->area.y + lv->area.h - 1, fw;
	char pos[64];
	wchar_t buf[256];
	size_t n;
	int w = list_view_filter_width(lv), row_, col;

	if (lv->nav.count > 0)
		snprintf(pos, sizeof pos, "%zu of %zu", lv->nav.sel + 1,
		    lv->nav.count);
	else
		snprintf(pos, sizeof pos, "0 of 0");
	fw = (int)strlen(pos);
	draw_text_right(foot, lv->area.x + lv->area.w - fw, fw, pos, ST_DIM);
	if (!lv->filtering && lv->filter.len == 0)
		return;
	draw_text(foot, lv->area.x, 8, "Filter: ", ST_LABEL);
	if (w <= 0)
		return;
	n = le_render(&lv->filter, 0, lv->filter.len, lv->filter.hscroll, w,
	    buf, 256);
	draw_wchars(foot, lv->area.x + 8, w, buf, n,
	    lv->filtering ? ST_FOCUS : ST_NORMAL);
	if (lv->filtering) {
		le_cursor(&lv->filter, w, &row_, &col);
		cur->y = foot;
		cur->x = lv->area.x + 8 + col - lv->filter.hscroll;
	}
}

void
list_view_draw(const struct list_view *lv, struct tui_cursor *cur)
{
	int widths[32], y;

	list_view_widths(lv, lv->area.w - lv->mark, widths);
	if (list_view_has_header(lv))
		list_view_draw_cells(lv, lv->area.y, widths, 0, true,
		    ST_HEADER);
	y = list_view_first_y(lv);
	cur->y = y;
	cur->x = lv->area.x + lv->cursor_x;
	if (lv->error[0] != '\0' || lv->nav.count == 0)
		list_view_draw_none(lv, y);
	if (lv->error[0] == '\0')
		list_view_draw_rows(lv, y, widths, cur);
	if (lv->area.h >= 2 && lv->footer)
		list_view_draw_footer(lv, cur);
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
	int first = list_view_first_y(lv);
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

/* ---- rows held in memory ------------------------------------------------- */

static enum pd_status
list_rows_count(void *ctx, const char *filter, size_t *n, struct pd_err *err)
{
	struct list_rows *r = ctx;
	size_t i;

	(void)err;
	r->shown = xreallocarray(r->shown, r->n ? r->n : 1, sizeof *r->shown);
	r->nshown = 0;
	for (i = 0; i < r->n; i++)
		if (filter[0] == '\0' || r->match == NULL ||
		    r->match(r->ctx, i, filter))
			r->shown[r->nshown++] = i;
	*n = r->nshown;
	return PD_OK;
}

static enum pd_status
list_rows_fetch(void *ctx, const char *filter, size_t first, size_t n,
    struct pd_err *err)
{
	(void)ctx;
	(void)filter;
	(void)first;
	(void)n;
	(void)err;
	return PD_OK;	/* every row is in memory already */
}

static void
list_rows_cell(void *ctx, size_t i, size_t col, struct strbuf *out)
{
	struct list_rows *r = ctx;

	if (i < r->nshown)
		r->cell(r->ctx, r->shown[i], col, out);
}

static enum style
list_rows_style(void *ctx, size_t i)
{
	struct list_rows *r = ctx;

	return i < r->nshown ? r->row_style(r->ctx, r->shown[i]) : ST_NORMAL;
}

void
list_rows_view(struct list_view *lv, struct list_rows *r,
    const struct list_column *cols, size_t ncols)
{
	struct list_model m = {
		.count = list_rows_count,
		.fetch = list_rows_fetch,
		.cell = list_rows_cell,
		.row_style = r->row_style != NULL ? list_rows_style : NULL,
		.ctx = r,
	};

	list_view_init(lv, cols, ncols, &m);
}

void
list_rows_fini(struct list_rows *r)
{
	free(r->shown);
	r->shown = NULL;
	r->nshown = 0;
}

bool
list_rows_selected(const struct list_view *lv, const struct list_rows *r,
    size_t *row)
{
	size_t i;

	if (!list_view_selected(lv, &i) || i >= r->nshown)
		return false;
	*row = r->shown[i];
	return true;
}

bool
list_text_has(const char *hay, const char *needle)
{
	char *h = textfold(hay), *n = textfold(needle);
	bool has = strstr(h, n) != NULL;

	free(h);
	free(n);
	return has;
}

/* ---- a screen whose state starts with its list view ---------------------- */

void
list_screen_layout(struct screen *s)
{
	list_view_layout(s->state, s->area);
}

void
list_screen_draw(const struct screen *s, struct tui_cursor *cur)
{
	list_view_draw(s->state, cur);
}

enum tui_result
list_screen_text(struct screen *s, struct tui_key k)
{
	return list_view_text(s->state, s, k);
}

enum tui_result
list_screen_mouse(struct screen *s, int y, int x)
{
	return list_view_click(s->state, y, x);
}

const char *
list_screen_context(const struct screen *s)
{
	return list_view_context(s->state);
}

bool
list_screen_text_focus(const struct screen *s)
{
	return list_view_filtering(s->state);
}
