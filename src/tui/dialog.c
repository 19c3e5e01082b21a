/* dialog.c - confirm, message, prompt and pick: screens drawn in a box
 * over the screen below, handing their answer back through on_result. */
#include "peerdesk/tui/dialog.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/lineedit.h"
#include "peerdesk/tui/list.h"
#include "peerdesk/tui/listnav.h"

/* Everything a dialog may need; each kind uses part of it. */
struct dialog {
	char *title;
	char *text;
	char *yes, *no;		/* button words (confirm) */
	int sel;		/* confirm: 0 = yes button, 1 = no */
	struct rect box;
	int text_rows;
	/* prompt */
	struct lineedit le;
	/* pick */
	char **items;
	size_t nitems;
	size_t *shown;		/* indices of items matching the filter */
	size_t nshown;
	struct listnav nav;
	struct lineedit filter;
};

struct dialog_args {
	const char *title, *text, *yes, *no;
	bool default_yes;
	const char *initial;
	size_t max_len;
	const char *const *items;
	size_t nitems, selected;
};

static const char *const dialog_sections[] = { "dialog", NULL };
static const char *const prompt_sections[] = { "edit", NULL };
static const char *const pick_sections[] = { "list", "edit", NULL };

static enum pd_status
dialog_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct dialog *d = s->state;
	const struct dialog_args *a = arg;
	size_t i;

	(void)err;
	d->title = xstrdup(a->title ? a->title : "");
	d->text = xstrdup(a->text ? a->text : "");
	d->yes = xstrdup(a->yes ? a->yes : "Yes");
	d->no = xstrdup(a->no ? a->no : "No");
	d->sel = a->default_yes ? 0 : 1;
	le_init(&d->le, false, a->max_len ? a->max_len : 500);
	le_set(&d->le, a->initial);
	le_init(&d->filter, false, 100);
	if (a->nitems > 0) {
		d->items = xcalloc(a->nitems, sizeof *d->items);
		d->shown = xcalloc(a->nitems, sizeof *d->shown);
		for (i = 0; i < a->nitems; i++) {
			d->items[i] = xstrdup(a->items[i]);
			d->shown[i] = i;
		}
		d->nitems = d->nshown = a->nitems;
		listnav_set_count(&d->nav, d->nshown);
		listnav_select(&d->nav, a->selected < a->nitems ?
		    a->selected : 0);
	}
	screen_set_title(s, d->title);
	return PD_OK;
}

static void
dialog_leave(struct screen *s)
{
	struct dialog *d = s->state;
	size_t i;

	free(d->title);
	free(d->text);
	free(d->yes);
	free(d->no);
	le_fini(&d->le);
	le_fini(&d->filter);
	for (i = 0; i < d->nitems; i++)
		free(d->items[i]);
	free(d->items);
	free(d->shown);
}

/* Centre a box of the wanted size (clipped) in the area. */
static struct rect
dialog_place(const struct screen *s, int w, int h)
{
	struct rect r;

	if (w > s->area.w)
		w = s->area.w;
	if (h > s->area.h)
		h = s->area.h;
	r.w = w;
	r.h = h;
	r.x = s->area.x + (s->area.w - w) / 2;
	r.y = s->area.y + (s->area.h - h) / 2;
	return r;
}

static int
dialog_inner_width(const struct screen *s, const char *text, int extra)
{
	int want = (int)utf8_width(text) + 4, max = s->area.w - 2;

	if (want < extra + 4)
		want = extra + 4;
	if (want < 24)
		want = 24;
	if (max > 60)
		max = 60;
	return want > max ? max : want;
}

/* ---- confirm and message ------------------------------------------- */

static int
dialog_buttons_width(const struct dialog *d, bool two)
{
	int w = (int)utf8_width(d->yes) + 4;

	if (two)
		w += 2 + (int)utf8_width(d->no) + 4;
	return w;
}

static void
dialog_layout_common(struct screen *s, bool two)
{
	struct dialog *d = s->state;
	int w = dialog_inner_width(s, d->text, dialog_buttons_width(d, two));

	d->text_rows = draw_wrapped(0, 0, w - 4, 0, d->text, ST_DIALOG);
	if (d->text_rows > s->area.h - 5)
		d->text_rows = s->area.h - 5 > 1 ? s->area.h - 5 : 1;
	d->box = dialog_place(s, w, d->text_rows + 5);
}

static void
dialog_confirm_layout(struct screen *s)
{
	dialog_layout_common(s, true);
}

static void
dialog_message_layout(struct screen *s)
{
	dialog_layout_common(s, false);
}

static int
dialog_button(int y, int x, const char *word, bool focus)
{
	struct strbuf sb = STRBUF_INIT;
	int w;

	strbuf_adds(&sb, "[ ");
	strbuf_adds(&sb, word);
	strbuf_adds(&sb, " ]");
	w = draw_text(y, x, (int)utf8_width(sb.buf), sb.buf,
	    focus ? ST_SELECTED : ST_BUTTON);
	strbuf_fini(&sb);
	return w;
}

static void
dialog_draw_common(const struct screen *s, struct tui_cursor *cur, bool two)
{
	const struct dialog *d = s->state;
	struct rect b = d->box;
	int by = b.y + b.h - 2, bx, w;

	draw_box(b, d->title, ST_BORDER);
	draw_wrapped(b.y + 2, b.x + 2, b.w - 4, d->text_rows, d->text,
	    ST_DIALOG);
	w = dialog_buttons_width(d, two);
	bx = b.x + (b.w - w) / 2;
	if (bx < b.x + 1)
		bx = b.x + 1;
	if (!two) {
		dialog_button(by, bx, d->yes, true);
		cur->y = by;
		cur->x = bx + 2;
		return;
	}
	dialog_button(by, bx, d->yes, d->sel == 0);
	if (d->sel == 0) {
		cur->y = by;
		cur->x = bx + 2;
	}
	bx += (int)utf8_width(d->yes) + 4 + 2;
	dialog_button(by, bx, d->no, d->sel == 1);
	if (d->sel == 1) {
		cur->y = by;
		cur->x = bx + 2;
	}
}

/* Which button is at (y, x): 0 the first (yes, OK), 1 the second (no),
 * -1 none.  The same places dialog_draw_common draws them. */
static int
dialog_button_at(const struct screen *s, bool two, int y, int x)
{
	const struct dialog *d = s->state;
	struct rect b = d->box;
	int by = b.y + b.h - 2, bx, w1;

	bx = b.x + (b.w - dialog_buttons_width(d, two)) / 2;
	if (bx < b.x + 1)
		bx = b.x + 1;
	if (y != by)
		return -1;
	w1 = (int)utf8_width(d->yes) + 4;
	if (x >= bx && x < bx + w1)
		return 0;
	bx += w1 + 2;
	if (two && x >= bx && x < bx + (int)utf8_width(d->no) + 4)
		return 1;
	return -1;
}

/* A click on a button presses it; anywhere else does nothing (the
 * screen below is not reached through a dialog). */
static enum tui_result
dialog_confirm_mouse(struct screen *s, int y, int x)
{
	struct dialog *d = s->state;
	int b = dialog_button_at(s, true, y, x);

	if (b >= 0) {
		d->sel = b;
		screen_close(s, b == 0 ? SCREEN_OK : SCREEN_CANCEL, -1, NULL);
	}
	return TUI_HANDLED;
}

static enum tui_result
dialog_message_mouse(struct screen *s, int y, int x)
{
	if (dialog_button_at(s, false, y, x) == 0)
		screen_close(s, SCREEN_OK, -1, NULL);
	return TUI_HANDLED;
}

static enum tui_result
dialog_ignore_mouse(struct screen *s, int y, int x)
{
	(void)s;
	(void)y;
	(void)x;
	return TUI_HANDLED;
}

static void
dialog_confirm_draw(const struct screen *s, struct tui_cursor *cur)
{
	dialog_draw_common(s, cur, true);
}

static void
dialog_message_draw(const struct screen *s, struct tui_cursor *cur)
{
	dialog_draw_common(s, cur, false);
}

static enum tui_result
dialog_confirm_action(struct screen *s, enum action a)
{
	struct dialog *d = s->state;

	switch (a) {
	case ACT_LEFT:
	case ACT_RIGHT:
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		d->sel = !d->sel;
		return TUI_HANDLED;
	case ACT_ACCEPT:
		screen_close(s, d->sel == 0 ? SCREEN_OK : SCREEN_CANCEL, -1,
		    NULL);
		return TUI_HANDLED;
	case ACT_YES:
		screen_close(s, SCREEN_OK, -1, NULL);
		return TUI_HANDLED;
	case ACT_NO:
	case ACT_BACK:
		screen_close(s, SCREEN_CANCEL, -1, NULL);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static enum tui_result
dialog_message_action(struct screen *s, enum action a)
{
	if (a == ACT_ACCEPT || a == ACT_BACK) {
		screen_close(s, SCREEN_OK, -1, NULL);
		return TUI_HANDLED;
	}
	return TUI_UNHANDLED;
}

static const enum action dialog_confirm_hints[] = {
	ACT_ACCEPT, ACT_YES, ACT_NO, ACT_BACK, ACT_NONE
};
static const enum action dialog_message_hints[] = {
	ACT_ACCEPT, ACT_HELP, ACT_NONE
};

const struct screen_ops dialog_confirm_screen = {
	.name = "confirm",
	.sections = dialog_sections,
	.state_size = sizeof(struct dialog),
	.min_cols = 24,
	.min_rows = 8,
	.overlay = true,
	.hints = dialog_confirm_hints,
	.help = "A question. Choose a button with the arrows or Tab and "
	    "press Enter, or press y or n, or click a button. Esc means "
	    "no.",
	.enter = dialog_enter,
	.leave = dialog_leave,
	.layout = dialog_confirm_layout,
	.draw = dialog_confirm_draw,
	.on_action = dialog_confirm_action,
	.on_mouse = dialog_confirm_mouse,
};

const struct screen_ops dialog_message_screen = {
	.name = "message",
	.sections = dialog_sections,
	.state_size = sizeof(struct dialog),
	.min_cols = 24,
	.min_rows = 8,
	.overlay = true,
	.hints = dialog_message_hints,
	.help = "A message. Enter or Esc closes it.",
	.enter = dialog_enter,
	.leave = dialog_leave,
	.layout = dialog_message_layout,
	.draw = dialog_message_draw,
	.on_action = dialog_message_action,
	.on_mouse = dialog_message_mouse,
};

/* ---- prompt ------------------------------------------------------------ */

static void
dialog_prompt_layout(struct screen *s)
{
	struct dialog *d = s->state;
	int w = s->area.w - 2 > 60 ? 60 : s->area.w - 2;

	d->text_rows = draw_wrapped(0, 0, w - 4, 0, d->text, ST_DIALOG);
	if (d->text_rows > s->area.h - 5)
		d->text_rows = s->area.h - 5 > 1 ? s->area.h - 5 : 1;
	d->box = dialog_place(s, w, d->text_rows + 5);
	le_fit(&d->le, d->box.w - 4, 1);
}

static void
dialog_prompt_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct dialog *d = s->state;
	struct rect b = d->box;
	int y = b.y + 2 + d->text_rows, w = b.w - 4, row, col;
	wchar_t buf[512];
	size_t n;

	draw_box(b, d->title, ST_BORDER);
	draw_wrapped(b.y + 2, b.x + 2, w, d->text_rows, d->text, ST_DIALOG);
	draw_fill(y, b.x + 2, w, ST_FOCUS);
	n = le_render(&d->le, 0, d->le.len, d->le.hscroll, w, buf, 512);
	draw_wchars(y, b.x + 2, w, buf, n, ST_FOCUS);
	le_cursor(&d->le, w, &row, &col);
	cur->y = y;
	cur->x = b.x + 2 + col - d->le.hscroll;
}

/* Line editing shared by the prompt and the picker's filter. */
static bool
dialog_edit(struct lineedit *le, enum action a, bool *changed)
{
	*changed = false;
	switch (a) {
	case ACT_LEFT:
		le_left(le);
		return true;
	case ACT_RIGHT:
		le_right(le);
		return true;
	case ACT_LINE_START:
		le_home(le);
		return true;
	case ACT_LINE_END:
		le_end(le);
		return true;
	case ACT_DELETE_BACK:
		*changed = le_delete_back(le);
		return true;
	case ACT_DELETE:
		*changed = le_delete(le);
		return true;
	case ACT_KILL_START:
		*changed = le_kill_start(le);
		return true;
	case ACT_KILL_END:
		*changed = le_kill_end(le);
		return true;
	case ACT_KILL_WORD:
		*changed = le_kill_word(le);
		return true;
	default:
		return false;
	}
}

static enum tui_result
dialog_prompt_action(struct screen *s, enum action a)
{
	struct dialog *d = s->state;
	struct strbuf sb = STRBUF_INIT;
	bool changed;

	if (a == ACT_ACCEPT) {
		le_text(&d->le, &sb);
		screen_close(s, SCREEN_OK, -1, strbuf_str(&sb));
		strbuf_fini(&sb);
		return TUI_HANDLED;
	}
	if (a == ACT_BACK) {
		screen_close(s, SCREEN_CANCEL, -1, NULL);
		return TUI_HANDLED;
	}
	if (dialog_edit(&d->le, a, &changed)) {
		le_fit(&d->le, d->box.w - 4, 1);
		return TUI_HANDLED;
	}
	return TUI_UNHANDLED;
}

static enum tui_result
dialog_prompt_text(struct screen *s, struct tui_key k)
{
	struct dialog *d = s->state;

	le_insert(&d->le, (wchar_t)k.code);
	le_fit(&d->le, d->box.w - 4, 1);
	return TUI_HANDLED;
}

static bool
dialog_always_text(const struct screen *s)
{
	(void)s;
	return true;
}

static const enum action dialog_prompt_hints[] = {
	ACT_ACCEPT, ACT_BACK, ACT_HELP, ACT_NONE
};

const struct screen_ops dialog_prompt_screen = {
	.name = "prompt",
	.sections = prompt_sections,
	.state_size = sizeof(struct dialog),
	.min_cols = 24,
	.min_rows = 8,
	.overlay = true,
	.hints = dialog_prompt_hints,
	.help = "Type the answer and press Enter. Esc goes back without it.",
	.enter = dialog_enter,
	.leave = dialog_leave,
	.layout = dialog_prompt_layout,
	.draw = dialog_prompt_draw,
	.on_action = dialog_prompt_action,
	.on_text = dialog_prompt_text,
	.text_focus = dialog_always_text,
	.on_mouse = dialog_ignore_mouse,
};

/* ---- pick ----------------------------------------------------------- */

static void
dialog_pick_filter(struct dialog *d)
{
	struct strbuf f = STRBUF_INIT;
	size_t i, keep = d->nshown ? d->shown[d->nav.sel] : 0;

	le_text(&d->filter, &f);
	d->nshown = 0;
	for (i = 0; i < d->nitems; i++)
		if (list_text_has(d->items[i], strbuf_str(&f)))
			d->shown[d->nshown++] = i;
	listnav_set_count(&d->nav, d->nshown);
	for (i = 0; i < d->nshown; i++)
		if (d->shown[i] == keep)
			listnav_select(&d->nav, i);
	strbuf_fini(&f);
}

static void
dialog_pick_layout(struct screen *s)
{
	struct dialog *d = s->state;
	int w = 24, h, iw;
	size_t i;

	for (i = 0; i < d->nitems; i++) {
		iw = (int)utf8_width(d->items[i]) + 6;
		if (iw > w)
			w = iw;
	}
	if (w > s->area.w - 2)
		w = s->area.w - 2;
	h = (int)d->nitems + 3;
	if (h > s->area.h)
		h = s->area.h;
	d->box = dialog_place(s, w, h);
	listnav_set_height(&d->nav, (size_t)(d->box.h > 3 ? d->box.h - 3 : 1));
}

static void
dialog_pick_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct dialog *d = s->state;
	struct rect b = d->box;
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int y;

	draw_box(b, d->title, ST_BORDER);
	for (i = 0; i < d->nav.height && d->nav.top + i < d->nshown; i++) {
		size_t row = d->nav.top + i;
		bool sel = row == d->nav.sel;

		y = b.y + 1 + (int)i;
		strbuf_reset(&sb);
		strbuf_adds(&sb, sel ? "> " : "  ");
		strbuf_adds(&sb, d->items[d->shown[row]]);
		draw_text_pad(y, b.x + 1, b.w - 2, sb.buf,
		    sel ? ST_SELECTED : ST_DIALOG);
		if (sel) {
			cur->y = y;
			cur->x = b.x + 1;
		}
	}
	if (d->nshown == 0) {
		draw_text(b.y + 1, b.x + 2, b.w - 4, "Nothing matches",
		    ST_DIM);
		cur->y = b.y + 1;
		cur->x = b.x + 2;
	}
	strbuf_reset(&sb);
	if (d->filter.len > 0) {
		strbuf_adds(&sb, "/ ");
		le_text(&d->filter, &sb);
		draw_text(b.y + b.h - 2, b.x + 2, b.w - 4, sb.buf, ST_DIM);
	}
	strbuf_fini(&sb);
}

static enum tui_result
dialog_pick_action(struct screen *s, enum action a)
{
	struct dialog *d = s->state;
	bool changed;

	switch (a) {
	case ACT_UP:
		listnav_move(&d->nav, -1);
		return TUI_HANDLED;
	case ACT_DOWN:
		listnav_move(&d->nav, 1);
		return TUI_HANDLED;
	case ACT_PAGE_UP:
		listnav_page(&d->nav, -1);
		return TUI_HANDLED;
	case ACT_PAGE_DOWN:
		listnav_page(&d->nav, 1);
		return TUI_HANDLED;
	case ACT_FIRST:
		listnav_first(&d->nav);
		return TUI_HANDLED;
	case ACT_LAST:
		listnav_last(&d->nav);
		return TUI_HANDLED;
	case ACT_ACCEPT:
	case ACT_OPEN:
		if (d->nshown == 0)
			return TUI_HANDLED;
		screen_close(s, SCREEN_OK, (int)d->shown[d->nav.sel],
		    d->items[d->shown[d->nav.sel]]);
		return TUI_HANDLED;
	case ACT_BACK:
		screen_close(s, SCREEN_CANCEL, -1, NULL);
		return TUI_HANDLED;
	default:
		if (dialog_edit(&d->filter, a, &changed)) {
			if (changed)
				dialog_pick_filter(d);
			return TUI_HANDLED;
		}
		return TUI_UNHANDLED;
	}
}

static enum tui_result
dialog_pick_text(struct screen *s, struct tui_key k)
{
	struct dialog *d = s->state;

	le_end(&d->filter);
	if (le_insert(&d->filter, (wchar_t)k.code))
		dialog_pick_filter(d);
	return TUI_HANDLED;
}

/* A click on a row selects it; on the row already selected, chooses
 * it (so a double click chooses). */
static enum tui_result
dialog_pick_mouse(struct screen *s, int y, int x)
{
	struct dialog *d = s->state;
	struct rect b = d->box;
	size_t row;

	if (x <= b.x || x >= b.x + b.w - 1 || y <= b.y ||
	    y > b.y + (int)d->nav.height)
		return TUI_HANDLED;
	row = d->nav.top + (size_t)(y - b.y - 1);
	if (row >= d->nshown)
		return TUI_HANDLED;
	if (row == d->nav.sel)
		return dialog_pick_action(s, ACT_ACCEPT);
	listnav_select(&d->nav, row);
	return TUI_HANDLED;
}

static const enum action dialog_pick_hints[] = {
	ACT_ACCEPT, ACT_BACK, ACT_HELP, ACT_NONE
};

const struct screen_ops dialog_pick_screen = {
	.name = "picker",
	.sections = pick_sections,
	.state_size = sizeof(struct dialog),
	.min_cols = 24,
	.min_rows = 8,
	.overlay = true,
	.hints = dialog_pick_hints,
	.help = "Choose one. Move with the arrows and press Enter; type to "
	    "narrow the list. Esc goes back without choosing.",
	.enter = dialog_enter,
	.leave = dialog_leave,
	.layout = dialog_pick_layout,
	.draw = dialog_pick_draw,
	.on_action = dialog_pick_action,
	.on_text = dialog_pick_text,
	.text_focus = dialog_always_text,
	.on_mouse = dialog_pick_mouse,
};

/* ---- pushing --------------------------------------------------------- */

enum pd_status
dialog_confirm(struct tui *ui, int tag, const char *title, const char *text,
    const char *yes, const char *no, bool default_yes)
{
	struct dialog_args a = { .title = title, .text = text, .yes = yes,
		.no = no, .default_yes = default_yes };

	return tui_push(ui, &dialog_confirm_screen, &a, tag, NULL);
}

void
dialog_ask_leave(struct tui *ui, int tag, bool unsaved, bool kept)
{
	const char *text = "Close peerdesk now?";

	if (unsaved && kept)
		text = "Some changes are not saved yet. They are kept as a "
		    "draft and offered back next time.";
	else if (unsaved)
		text = "Some changes are not saved yet. Leave anyway and lose "
		    "them?";
	dialog_confirm(ui, tag, "Leave peerdesk?", text, "Leave", "Stay",
	    false);
}

enum pd_status
dialog_message(struct tui *ui, int tag, const char *title, const char *text)
{
	struct dialog_args a = { .title = title, .text = text, .yes = "OK" };

	return tui_push(ui, &dialog_message_screen, &a, tag, NULL);
}

enum pd_status
dialog_prompt(struct tui *ui, int tag, const char *title, const char *label,
    const char *initial, size_t max_len)
{
	struct dialog_args a = { .title = title, .text = label,
		.initial = initial, .max_len = max_len };

	return tui_push(ui, &dialog_prompt_screen, &a, tag, NULL);
}

enum pd_status
dialog_pick(struct tui *ui, int tag, const char *title,
    const char *const *items, size_t n, size_t selected)
{
	struct dialog_args a = { .title = title, .items = items, .nitems = n,
		.selected = selected };

	return tui_push(ui, &dialog_pick_screen, &a, tag, NULL);
}
