/* screen.c - the screen manager: the stack, key dispatch, layout and
 * drawing of the whole terminal. */
#include "peerdesk/tui/screen.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/statusline.h"
#include "peerdesk/tui/term.h"
#include "peerdesk/tui/tui_editor.h"

#define DEFAULT_MIN_COLS 40
#define DEFAULT_MIN_ROWS 15
#define MAX_SECTIONS 8

/* Tags below this belong to the manager's own dialogs. */
#define TAG_QUIT (-1000)

struct tui {
	struct tui_config cfg;
	struct keymap *keys;
	struct screen **stack;
	size_t n, cap;
	bool quit;
	int status;
	char msg[256];
	bool msg_error;
	char badge[64];
	bool too_small;
	int need_cols, need_rows;
	unsigned long keys_seen;
	bool suspend;
};

/* ---- small helpers ------------------------------------------------------ */

struct screen *
tui_top(const struct tui *ui)
{
	return ui->n > 0 ? ui->stack[ui->n - 1] : NULL;
}

struct screen *
screen_below(const struct screen *s)
{
	struct tui *ui = s->ui;
	size_t i;

	for (i = 1; i < ui->n; i++)
		if (ui->stack[i] == s)
			return ui->stack[i - 1];
	return NULL;
}

void
screen_set_title(struct screen *s, const char *title)
{
	snprintf(s->title, sizeof s->title, "%s", title ? title : "");
}

size_t
screen_sections(const struct screen *s, const char **out, size_t max)
{
	size_t n = 0;
	const char *ctx;
	const char *const *k;

	if (s->ops->context != NULL && (ctx = s->ops->context(s)) != NULL &&
	    n < max)
		out[n++] = ctx;
	if (s->ops->name != NULL && n < max)
		out[n++] = s->ops->name;
	for (k = s->ops->sections; k != NULL && *k != NULL && n < max; k++)
		out[n++] = *k;
	if (n < max)
		out[n++] = "global";
	return n;
}

const char *
screen_key_label(const struct screen *s, enum action a,
    char buf[KEYS_NAME_MAX])
{
	const char *sec[MAX_SECTIONS];
	size_t nsec = screen_sections(s, sec, MAX_SECTIONS);
	struct tui_key keys[8];
	size_t n, i, pick = SIZE_MAX;
	bool text = s->ops->text_focus != NULL && s->ops->text_focus(s);

	buf[0] = '\0';
	n = keymap_keys_for(s->ui->keys, sec, nsec, a, keys, 8);
	if (n > 8)
		n = 8;
	for (i = 0; i < n; i++) {
		if (text && keys_is_text(keys[i]))
			continue;
		if (pick == SIZE_MAX)
			pick = i;
		if (!keys_is_fkey(keys[i])) {
			pick = i;
			break;
		}
	}
	if (pick != SIZE_MAX)
		keys_name(keys[pick], buf);
	return buf;
}

static void
screen_hint_key(const void *ctx, enum action a, char key[KEYS_NAME_MAX])
{
	screen_key_label(ctx, a, key);
}

struct statusline_hints
screen_hints(const struct screen *s)
{
	struct statusline_hints h = { NULL, screen_hint_key, s };

	if (s != NULL)
		h.actions = s->ops->hints;
	return h;
}

bool
screen_key_bound(const struct screen *s, struct tui_key k)
{
	const char *sec[MAX_SECTIONS];
	size_t nsec = screen_sections(s, sec, MAX_SECTIONS);

	return keymap_lookup(s->ui->keys, sec, nsec, k) != ACT_NONE;
}

static void
tui_vmessage(struct tui *ui, bool error, const char *fmt, va_list ap)
{
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	ui->msg_error = error;
}

/* The body of tui_message and tui_error. */
#define TUI_SAY(ui, error, fmt) do { \
	va_list ap; \
	va_start(ap, fmt); \
	tui_vmessage(ui, error, fmt, ap); \
	va_end(ap); \
} while (0)

void
tui_message(struct tui *ui, const char *fmt, ...)
{
	TUI_SAY(ui, false, fmt);
}

void
tui_error(struct tui *ui, const char *fmt, ...)
{
	TUI_SAY(ui, true, fmt);
}

void
tui_set_badge(struct tui *ui, const char *text)
{
	snprintf(ui->badge, sizeof ui->badge, "%s", text ? text : "");
}

void
tui_quit(struct tui *ui, int status)
{
	ui->quit = true;
	ui->status = status;
}

bool
tui_done(const struct tui *ui, int *status)
{
	if (status != NULL)
		*status = ui->status;
	return ui->quit || ui->n == 0;
}

const struct tui_draft_hooks *
tui_draft_hooks(const struct tui *ui)
{
	return &ui->cfg.drafts;
}

const char *
tui_today(const struct tui *ui, char buf[11])
{
	time_t now;
	struct tm tm;

	if (ui->cfg.today != NULL && ui->cfg.today(ui->cfg.app, buf) != NULL)
		return buf;
	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
	return buf;
}

int
tui_edit(struct tui *ui, const char *text, struct strbuf *out)
{
	int rc;

	if (ui->cfg.editor_check != NULL &&
	    (rc = ui->cfg.editor_check(ui->cfg.editor_ctx)) != 0)
		return rc;
	term_suspend();
	if (ui->cfg.run_editor != NULL)
		rc = tui_edit_text(ui->cfg.run_editor, ui->cfg.editor_ctx, text,
		    out);
	else
		rc = tui_edit_text(tui_editor_default, NULL, text, out);
	term_resume();
	return rc;
}

/* ---- layout --------------------------------------------------------- */

static void
tui_layout_one(struct tui *ui, struct screen *s)
{
	(void)ui;
	s->area.y = 1;
	s->area.x = 0;
	s->area.h = LINES - 2 > 1 ? LINES - 2 : 1;
	s->area.w = COLS > 1 ? COLS : 1;
	if (s->ops->layout != NULL)
		s->ops->layout(s);
}

/* Index of the lowest screen that shows (the top one and everything it
 * is drawn over). */
static size_t
tui_first_visible(const struct tui *ui)
{
	size_t i = ui->n;

	while (i > 0) {
		i--;
		if (!ui->stack[i]->ops->overlay)
			return i;
	}
	return 0;
}

static void
tui_measure(struct tui *ui)
{
	size_t i;
	int c, r;

	ui->need_cols = DEFAULT_MIN_COLS;
	ui->need_rows = DEFAULT_MIN_ROWS;
	if (ui->n > 0) {
		ui->need_cols = ui->need_rows = 0;
		for (i = tui_first_visible(ui); i < ui->n; i++) {
			c = ui->stack[i]->ops->min_cols;
			r = ui->stack[i]->ops->min_rows;
			c = c > 0 ? c : DEFAULT_MIN_COLS;
			r = r > 0 ? r : DEFAULT_MIN_ROWS;
			if (c > ui->need_cols)
				ui->need_cols = c;
			if (r > ui->need_rows)
				ui->need_rows = r;
		}
	}
	ui->too_small = COLS < ui->need_cols || LINES < ui->need_rows;
}

void
tui_resize(struct tui *ui)
{
	size_t i;

	for (i = 0; i < ui->n; i++)
		tui_layout_one(ui, ui->stack[i]);
	tui_measure(ui);
	clearok(curscr, TRUE);
}

/* ---- push and pop ---------------------------------------------------- */

static enum pd_status
tui_push_as(struct tui *ui, const struct screen_ops *ops, const void *arg,
    int64_t id, int tag, struct pd_err *err)
{
	struct screen *s = xcalloc(1, sizeof *s);
	enum pd_status st;

	s->arg_id = id;
	s->arg_null = arg == NULL;
	s->ops = ops;
	s->ui = ui;
	s->app = ui->cfg.app;
	s->tag = tag;
	s->state = ops->state_size ? xcalloc(1, ops->state_size) : NULL;
	screen_set_title(s, ops->title);
	s->area.y = 1;
	s->area.h = LINES - 2 > 1 ? LINES - 2 : 1;
	s->area.w = COLS > 1 ? COLS : 1;
	if (ops->enter != NULL) {
		st = ops->enter(s, arg, err);
		if (st != PD_OK) {
			if (ops->leave != NULL)
				ops->leave(s);
			free(s->state);
			free(s);
			return st;
		}
	}
	if (ui->n == ui->cap) {
		ui->cap = ui->cap ? ui->cap * 2 : 8;
		ui->stack = xreallocarray(ui->stack, ui->cap,
		    sizeof *ui->stack);
	}
	ui->stack[ui->n++] = s;
	tui_layout_one(ui, s);
	tui_measure(ui);
	return PD_OK;
}

enum pd_status
tui_push(struct tui *ui, const struct screen_ops *ops, const void *arg,
    int tag, struct pd_err *err)
{
	return tui_push_as(ui, ops, arg, 0, tag, err);
}

enum pd_status
tui_push_id(struct tui *ui, const struct screen_ops *ops, int64_t id,
    int tag, struct pd_err *err)
{
	return tui_push_as(ui, ops, id > 0 ? &id : NULL, id > 0 ? id : 0, tag,
	    err);
}

void
screen_close(struct screen *s, enum screen_code code, int index,
    const char *text)
{
	s->closing = true;
	s->result.tag = s->tag;
	s->result.code = code;
	s->result.index = index;
	free(s->result_text);
	s->result_text = text ? xstrdup(text) : NULL;
	s->result.text = s->result_text;
	FREE(&s->result_data);
	s->result.data = NULL;
	s->result.size = 0;
}

void
screen_close_with(struct screen *s, enum screen_code code,
    const char *text, const void *data, size_t size)
{
	screen_close(s, code, -1, text);
	if (data != NULL && size > 0) {
		s->result_data = xmalloc(size);
		memcpy(s->result_data, data, size);
		s->result.data = s->result_data;
		s->result.size = size;
	}
}

static void
tui_destroy_screen(struct screen *s)
{
	if (s->ops->leave != NULL)
		s->ops->leave(s);
	free(s->state);
	free(s->result_text);
	free(s->result_data);
	free(s);
}

static bool
tui_any_dirty(const struct tui *ui)
{
	size_t i;

	for (i = 0; i < ui->n; i++)
		if (ui->stack[i]->ops->is_dirty != NULL &&
		    ui->stack[i]->ops->is_dirty(ui->stack[i]))
			return true;
	return false;
}

/* Pop closed screens and hand their results down. */
static void
tui_settle(struct tui *ui)
{
	struct screen *s, *parent;
	struct screen_result r;
	char *text;
	void *data;

	while ((s = tui_top(ui)) != NULL && s->closing) {
		ui->n--;
		r = s->result;
		text = s->result_text;
		data = s->result_data;
		s->result_text = NULL;
		s->result_data = NULL;
		tui_destroy_screen(s);
		parent = tui_top(ui);
		if (r.tag == TAG_QUIT) {
			if (r.code == SCREEN_OK) {
				if (ui->cfg.drafts.keep_all != NULL)
					ui->cfg.drafts.keep_all(ui);
				tui_quit(ui, TUI_EXIT_OK);
			}
		} else if (parent != NULL && parent->ops->on_result != NULL) {
			parent->ops->on_result(parent, &r);
		}
		free(text);
		free(data);
	}
	tui_measure(ui);
}

/* ---- keys --------------------------------------------------------------- */

static void
tui_ask_quit(struct tui *ui, bool dirty)
{
	if (ui->cfg.ask_leave != NULL) {
		ui->cfg.ask_leave(ui, TAG_QUIT, dirty,
		    dirty && ui->cfg.drafts.keep_all != NULL);
		return;
	}
	if (dirty && ui->cfg.drafts.keep_all != NULL)
		ui->cfg.drafts.keep_all(ui);
	tui_quit(ui, TUI_EXIT_OK);
}

static void
tui_default_action(struct tui *ui, struct screen *s, enum action a,
    struct tui_key k)
{
	char key[KEYS_NAME_MAX], help[KEYS_NAME_MAX];
	struct pd_err err;

	switch (a) {
	case ACT_HELP:
		if (ui->cfg.help_screen != NULL &&
		    tui_push(ui, ui->cfg.help_screen, s, 0, &err) != PD_OK)
			tui_error(ui, "%s", err.msg);
		break;
	case ACT_BACK:
		if (ui->n > 1)
			screen_close(s, SCREEN_CANCEL, -1, NULL);
		else
			tui_ask_quit(ui, tui_any_dirty(ui));
		break;
	case ACT_QUIT:
		if (tui_any_dirty(ui))
			tui_ask_quit(ui, true);
		else
			tui_quit(ui, TUI_EXIT_OK);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_SUSPEND:
		ui->suspend = true;
		break;
	default:
		screen_key_label(s, ACT_HELP, help);
		tui_message(ui, "%s does nothing here. %s: help",
		    keys_name(k, key), help);
		break;
	}
}

void
tui_handle_key(struct tui *ui, struct tui_key k)
{
	struct screen *s = tui_top(ui);
	const char *sec[MAX_SECTIONS];
	size_t nsec;
	enum action a;
	char key[KEYS_NAME_MAX], help[KEYS_NAME_MAX];

	ui->msg[0] = '\0';
	if (s == NULL)
		return;
	if (k.fn && k.code == KEY_RESIZE) {
		tui_resize(ui);
		return;
	}
	ui->keys_seen++;
	nsec = screen_sections(s, sec, MAX_SECTIONS);
	a = keymap_lookup(ui->keys, sec, nsec, k);
	if (ui->too_small) {
		/* Nothing is visible: leaving and redrawing work, and letters
		 * typed meanwhile (a phone turned mid-note) still go into the
		 * form rather than being lost; other keys wait for the room. */
		if (a == ACT_QUIT || a == ACT_REDRAW || a == ACT_SUSPEND)
			tui_default_action(ui, s, a, k);
		else if (keys_is_text(k) && s->ops->on_text != NULL)
			(void)s->ops->on_text(s, k);
		tui_settle(ui);
		return;
	}
	if (keys_is_text(k) && s->ops->on_text != NULL &&
	    s->ops->on_text(s, k) == TUI_HANDLED) {
		tui_settle(ui);
		return;
	}
	if (a == ACT_NONE) {
		screen_key_label(s, ACT_HELP, help);
		tui_message(ui, "%s does nothing here. %s: help",
		    keys_name(k, key), help);
	} else if (s->ops->on_action == NULL ||
	    s->ops->on_action(s, a) != TUI_HANDLED) {
		tui_default_action(ui, s, a, k);
	}
	tui_settle(ui);
}

bool
tui_suspend_wanted(struct tui *ui)
{
	bool r = ui->suspend;

	ui->suspend = false;
	return r;
}

/* Is action a bound to some key on s now? */
static bool
tui_bound(const struct tui *ui, const struct screen *s, enum action a)
{
	const char *sec[MAX_SECTIONS];
	size_t nsec = screen_sections(s, sec, MAX_SECTIONS);
	struct tui_key k;

	return keymap_keys_for(ui->keys, sec, nsec, a, &k, 1) > 0;
}

/* The keys that step through s: Down and Up, else the field keys.
 * False when it has neither pair. */
static bool
tui_step_actions(const struct tui *ui, const struct screen *s,
    enum action *fwd, enum action *back)
{
	if (tui_bound(ui, s, ACT_DOWN) && tui_bound(ui, s, ACT_UP)) {
		*fwd = ACT_DOWN;
		*back = ACT_UP;
	} else if (tui_bound(ui, s, ACT_NEXT_FIELD) &&
	    tui_bound(ui, s, ACT_PREV_FIELD)) {
		*fwd = ACT_NEXT_FIELD;
		*back = ACT_PREV_FIELD;
	} else {
		return false;
	}
	return true;
}

/* The row where s puts the terminal cursor now (its selected row or
 * focused field): s draws itself into stdscr to say, and the next
 * frame draws over that.  -1 when it has no opinion. */
static int
tui_cursor_row(const struct screen *s)
{
	struct tui_cursor c = { -1, -1 };

	if (s->ops->draw == NULL)
		return -1;
	s->ops->draw(s, &c);
	return c.y;
}

/* A hash of what s shows now (drawn afresh), to tell whether an action
 * changed anything. */
static unsigned long
tui_screen_sig(const struct screen *s)
{
	struct tui_cursor c = { -1, -1 };
	unsigned long sig = 5381;
	int y, x;

	erase();
	if (s->ops->draw != NULL)
		s->ops->draw(s, &c);
	for (y = s->area.y; y < s->area.y + s->area.h && y < LINES; y++)
		for (x = s->area.x; x < s->area.x + s->area.w && x < COLS; x++)
			sig = sig * 33 + (unsigned long)(mvinch(y, x) &
			    A_CHARTEXT);
	return sig;
}

/* Do a on s as a key would; false when s did not take it. */
static bool
tui_mouse_act(struct screen *s, enum action a)
{
	return s->ops->on_action != NULL && !s->closing &&
	    s->ops->on_action(s, a) == TUI_HANDLED;
}

/* A click on what is chosen already: Enter, where Enter does
 * something on s (never the "does nothing here" message). */
static void
tui_mouse_enter(struct tui *ui, struct screen *s)
{
	const char *sec[MAX_SECTIONS];
	size_t nsec = screen_sections(s, sec, MAX_SECTIONS);
	struct tui_key enter = { false, '\r', false };

	if (keymap_lookup(ui->keys, sec, nsec, enter) == ACT_NONE)
		return;
	ui->keys_seen--;
	tui_handle_key(ui, enter);
}

/* A click at row y on a screen without on_mouse of its own (or one
 * that left it): the screen's selection (where it puts the cursor) is
 * walked there with the keys that move it, Up and Down or the field
 * keys; a click on the row already chosen opens it, as Enter would. */
static void
tui_mouse_walk(struct tui *ui, struct screen *s, int y)
{
	enum action fwd, back;
	int cy = tui_cursor_row(s), ny, i;

	if (cy < 0)
		return;
	if (y == cy) {
		tui_mouse_enter(ui, s);
		return;
	}
	if (!tui_step_actions(ui, s, &fwd, &back))
		return;
	for (i = 0; i < 500 && y != cy; i++) {
		unsigned long sig = tui_screen_sig(s);

		if (!tui_mouse_act(s, y > cy ? fwd : back))
			return;
		ny = tui_cursor_row(s);
		if (ny < 0 || ny == cy) {
			/* the cursor stays put: at the end of a list nothing
			 * changed; a page that only scrolled is put back */
			if (tui_screen_sig(s) != sig)
				(void)tui_mouse_act(s, y > cy ? back : fwd);
			return;
		}
		if ((y > cy && ny < cy) || (y < cy && ny > cy)) {
			/* it went round to the other end: back */
			(void)tui_mouse_act(s, y > cy ? back : fwd);
			return;
		}
		if (y > cy && ny > y) {
			/* past it: the row clicked belongs to the one before
			 * (an entry of several rows) or to none */
			(void)tui_mouse_act(s, back);
			return;
		}
		if (y < cy && ny < y)
			return;		/* the entry the row belongs to */
		cy = ny;
	}
}

void
tui_handle_mouse(struct tui *ui, int y, int x, enum tui_mouse what)
{
	struct screen *s = tui_top(ui);
	char key[KEYS_NAME_MAX];
	struct tui_key k;
	enum action a, fwd, back;
	bool had_msg = ui->msg[0] != '\0';
	struct statusline_hints hints = screen_hints(s);
	int i;

	ui->msg[0] = '\0';
	if (s == NULL || ui->too_small)
		return;
	ui->keys_seen++;
	if (what == TUI_CLICK) {
		if (y == LINES - 1) {
			/* The status line: a key shown there is pressed (a
			 * message there only goes away). */
			if (!had_msg && statusline_hit(&hints, COLS, x, key) !=
			    ACT_NONE && keys_parse(key, &k, NULL) == PD_OK) {
				ui->keys_seen--;
				tui_handle_key(ui, k);
				return;
			}
		} else if (y > 0 && s->ops->on_mouse != NULL) {
			if (s->ops->on_mouse(s, y, x) == TUI_CHOSEN) {
				tui_mouse_enter(ui, s);
				return;
			}
		} else if (y > 0) {
			tui_mouse_walk(ui, s, y);
		}
		tui_settle(ui);
		return;
	}
	/* The wheel: what Up or Down does here (three rows), else the
	 * field keys (one field). */
	if (!tui_step_actions(ui, s, &fwd, &back))
		return;
	a = what == TUI_WHEEL_UP ? back : fwd;
	for (i = 0; i < (fwd == ACT_DOWN ? 3 : 1); i++) {
		int cy = tui_cursor_row(s), ny;

		if (!tui_mouse_act(s, a))
			break;
		/* the last field's next is the first: the wheel stops */
		ny = tui_cursor_row(s);
		if (fwd != ACT_DOWN && cy >= 0 && ny >= 0 &&
		    (a == fwd ? ny < cy : ny > cy)) {
			(void)tui_mouse_act(s, a == fwd ? back : fwd);
			break;
		}
	}
	tui_settle(ui);
}

void
tui_handle_read(struct tui *ui, enum keys_got got, struct tui_key k,
    const struct keys_reader *r)
{
	if (got == KEYS_GOT_KEY)
		tui_handle_key(ui, k);
	else if (got == KEYS_GOT_MOUSE && !ui->cfg.no_mouse)
		tui_handle_mouse(ui, r->mouse.y, r->mouse.x, r->mouse.what);
}

bool
tui_tick(struct tui *ui)
{
	if (ui->cfg.tick == NULL)
		return false;
	return ui->cfg.tick(ui->cfg.app, ui);
}

/* ---- drawing ------------------------------------------------------------ */

static void
tui_draw_too_small(struct tui *ui)
{
	char text[160];
	int rows, y;

	snprintf(text, sizeof text,
	    "Terminal too small - make it at least %dx%d (now %dx%d)",
	    ui->need_cols, ui->need_rows, COLS, LINES);
	rows = draw_wrapped(0, 0, COLS, 0, text, ST_NORMAL);
	y = (LINES - rows) / 2;
	if (y < 0)
		y = 0;
	draw_wrapped(y, 0, COLS, LINES - y, text, ST_WARN);
	move(y, 0);
}

void
tui_draw(struct tui *ui)
{
	struct screen *top = tui_top(ui), *base;
	struct tui_cursor cur = { -1, -1 };
	struct statusline_hints hints;
	size_t i, first;
	int bw = 0;

	erase();
	if (ui->too_small || top == NULL) {
		if (top != NULL)
			tui_draw_too_small(ui);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	first = tui_first_visible(ui);
	base = ui->stack[first];
	/* Title row. */
	draw_fill(0, 0, COLS, ST_TITLE);
	if (ui->badge[0] != '\0') {
		bw = (int)utf8_width(ui->badge);
		if (bw > COLS / 2)
			bw = COLS / 2;
		draw_text_right(0, COLS - bw, bw, ui->badge, ST_DUE);
	}
	draw_text(0, 0, COLS - bw - (bw ? 1 : 0),
	    base->title[0] ? base->title :
	    (ui->cfg.title ? ui->cfg.title : "peerdesk"), ST_TITLE);
	for (i = first; i < ui->n; i++) {
		struct tui_cursor c = { -1, -1 };

		if (ui->stack[i]->ops->draw != NULL)
			ui->stack[i]->ops->draw(ui->stack[i], &c);
		cur = c;
	}
	hints = screen_hints(top);
	statusline_draw(&hints, LINES - 1, COLS, ui->msg[0] ? ui->msg : NULL,
	    ui->msg_error);
	if (cur.y < 0 || cur.x < 0) {
		cur.y = top->area.y;
		cur.x = top->area.x;
	}
	attrset(A_NORMAL);
	move(cur.y, cur.x);
	curs_set(1);
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- life cycle ----------------------------------------------------- */

struct tui *
tui_new(const struct tui_config *cfg, struct pd_err *err)
{
	struct tui *ui = xcalloc(1, sizeof *ui);

	ui->cfg = *cfg;
	if (ui->cfg.tick_ms <= 0)
		ui->cfg.tick_ms = 500;
	ui->keys = keymap_new();
	if (cfg->keys != NULL && keymap_apply(ui->keys, cfg->keys, err) !=
	    PD_OK) {
		keymap_free(&ui->keys);
		free(ui);
		return NULL;
	}
	tui_measure(ui);
	return ui;
}

void
tui_free(struct tui **uip)
{
	struct tui *ui = *uip;

	if (ui == NULL)
		return;
	while (ui->n > 0)
		tui_destroy_screen(ui->stack[--ui->n]);
	free(ui->stack);
	keymap_free(&ui->keys);
	FREE(uip);
}

const struct keymap *
tui_keymap(const struct tui *ui)
{
	return ui->keys;
}

unsigned long
tui_key_count(const struct tui *ui)
{
	return ui->keys_seen;
}

int
tui_tick_ms(const struct tui *ui)
{
	return ui->cfg.tick_ms;
}
