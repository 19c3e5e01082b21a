/* list.h - the one list widget: a view of rows in columns, over a model
 * that pages through the database or over rows held in memory.
 *
 * Over the database the view never holds the whole table: it asks the model how many rows
 * match the filter (count), asks it to fetch only the rows on screen
 * (fetch, whenever the view moves), and reads their cells from the
 * model's cache while drawing (cell; no I/O).  The model decides how to
 * filter: the view just hands it the text typed.
 *
 * Rows already in memory (a few dozen groups or PALs) take a struct
 * list_rows instead: the screen says how many rows it has, whether a
 * row fits the filter and what its cells say, and list_rows keeps which
 * rows show (as tmux's mode-tree keeps the lines over window-buffer's
 * data).
 *
 * A list screen puts its struct list_view FIRST in its state and uses
 * LIST_SCREEN_CALLBACKS for layout, draw, on_text, context and
 * text_focus (and .on_mouse = list_screen_mouse, so a click selects a
 * row and a second click opens it); on_action ends with
 * list_view_action.  Or embed it anywhere and forward:
 *   layout     -> list_view_layout(&st->lv, s->area)
 *   draw       -> list_view_draw(&st->lv, cur)
 *   on_action  -> list_view_action(&st->lv, a) (ACT_OPEN is left to you)
 *   on_text    -> list_view_text(&st->lv, s, k)
 *   on_mouse   -> list_view_click(&st->lv, y, x)
 *   context    -> list_view_context(&st->lv)
 *   text_focus -> list_view_filtering(&st->lv)
 * and give the screen the sections {"list", NULL}.
 *
 * Typing a letter that no key binds starts the filter; "/" does too.
 * While filtering, the editing keys edit the filter, Up/Down go back to
 * the rows, Enter opens the selected row and Esc clears the filter.
 */
#ifndef PEERDESK_TUI_LIST_H
#define PEERDESK_TUI_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/lineedit.h"
#include "peerdesk/tui/listnav.h"
#include "peerdesk/tui/screen.h"
#include "peerdesk/tui/style.h"

struct list_column {
	const char *title;
	int width;		/* columns; 0 = a share of what is left */
	int min_screen;		/* hidden when the list is narrower; 0 never */
	bool right;		/* right-aligned (numbers, money) */
	int pad;		/* extra spaces after the column (0: the
				 * usual one; -1: none, the next touches) */
};

struct list_model {
	/* How many rows match filter ("" = all); may query the database. */
	enum pd_status (*count)(void *ctx, const char *filter, size_t *n,
	    struct pd_err *err);
	/* Load rows [first, first + n) into the model's cache. */
	enum pd_status (*fetch)(void *ctx, const char *filter, size_t first,
	    size_t n, struct pd_err *err);
	/* Append column col of row i (a fetched row); no I/O. */
	void (*cell)(void *ctx, size_t i, size_t col, struct strbuf *out);
	/* Optional: how row i looks when not selected (e.g. ST_DUE). */
	enum style (*row_style)(void *ctx, size_t i);
	void *ctx;
};

struct list_view {
	const struct list_column *cols;
	size_t ncols;
	struct list_model model;
	struct listnav nav;
	struct lineedit filter;
	bool filtering;		/* the filter line has the focus */
	struct rect area;
	size_t have_first, have_n;	/* rows the model has fetched */
	char error[512];	/* last count/fetch problem, shown in place */
	const char *empty_text;	/* shown when there are no rows at all */
	/* How it looks; list_view_init sets the usual look ("> " in front
	 * of the selected row, the footer with the filter and "3 of 20"). */
	int mark;		/* columns for the "> " mark; 0: none */
	bool header;		/* the column titles' row */
	bool footer;		/* the footer row */
	bool fill;		/* every row's width filled in its style */
	int cursor_x;		/* the cursor's column in the selected row
				 * (from the area's left; 0 usually) */
	bool unfocused;		/* another part of the screen has the
				 * focus: no row shows as selected */
};

/* An in-memory model: the screen's own rows, of which list_rows keeps
 * those that fit the filter (shown).  row below is the screen's own
 * index; list_rows_selected turns the view's selection into it. */
struct list_rows {
	size_t n;		/* the screen's rows now */
	/* Does row fit filter (never ""); NULL: every row does. */
	bool (*match)(void *ctx, size_t row, const char *filter);
	void (*cell)(void *ctx, size_t row, size_t col, struct strbuf *out);
	enum style (*row_style)(void *ctx, size_t row);	/* optional */
	void *ctx;
	size_t *shown;		/* kept by list_rows */
	size_t nshown;
};

/* Set up the view (no I/O yet; call list_view_reload). */
void list_view_init(struct list_view *lv, const struct list_column *cols,
    size_t ncols, const struct list_model *model);
void list_view_fini(struct list_view *lv);

/* Count again and fetch the rows on screen, keeping the selection's
 * position where possible (after a save, say). */
enum pd_status list_view_reload(struct list_view *lv, struct pd_err *err);

/* The view now occupies area; fetches if more rows show. */
void list_view_layout(struct list_view *lv, struct rect area);

void list_view_draw(const struct list_view *lv, struct tui_cursor *cur);

/* Moving, paging and filter editing; TUI_UNHANDLED for the rest
 * (ACT_OPEN, and ACT_BACK when there is no filter to clear). */
enum tui_result list_view_action(struct list_view *lv, enum action a);

/* A typed character: goes to the filter while filtering, or starts the
 * filter when no key on screen s is bound to it. */
/* A click at screen row y, column x: select the row there (and stop
 * filtering).  TUI_CHOSEN when it was selected already (the manager
 * then presses Enter: a second click opens); TUI_UNHANDLED when no row
 * is there. */
enum tui_result list_view_click(struct list_view *lv, int y, int x);

enum tui_result list_view_text(struct list_view *lv, const struct screen *s,
    struct tui_key k);

/* "edit" while the filter is being typed (so editing keys edit it). */
const char *list_view_context(const struct list_view *lv);

bool list_view_filtering(const struct list_view *lv);

/* The selected row's index into the model; false when the list is
 * empty. */
bool list_view_selected(const struct list_view *lv, size_t *row);

/* The filter text (UTF-8) into out. */
void list_view_filter_text(const struct list_view *lv, struct strbuf *out);

/* Set up lv over the rows of r (r->n, match, cell, row_style and ctx
 * set; r must stay where it is).  Call list_view_reload after, and
 * again whenever r->n or the rows change. */
void list_rows_view(struct list_view *lv, struct list_rows *r,
    const struct list_column *cols, size_t ncols);
void list_rows_fini(struct list_rows *r);

/* The screen's index of the selected row; false when none shows. */
bool list_rows_selected(const struct list_view *lv,
    const struct list_rows *r, size_t *row);

/* True when needle is in hay, both folded (core/textfold.h: case and
 * accents ignored, so "sean" finds "Seán"; "" always; NULL is "").
 * Every filter typed over rows in memory matches this way, as the
 * database's client search does. */
bool list_text_has(const char *hay, const char *needle);

/* The callbacks of a screen whose state starts with its struct
 * list_view (the screen keeps enter, leave and on_action). */
void list_screen_layout(struct screen *s);
void list_screen_draw(const struct screen *s, struct tui_cursor *cur);
enum tui_result list_screen_text(struct screen *s, struct tui_key k);
enum tui_result list_screen_mouse(struct screen *s, int y, int x);
const char *list_screen_context(const struct screen *s);
bool list_screen_text_focus(const struct screen *s);

#define LIST_SCREEN_CALLBACKS \
	.layout = list_screen_layout, \
	.draw = list_screen_draw, \
	.on_text = list_screen_text, \
	.context = list_screen_context, \
	.text_focus = list_screen_text_focus

#endif
