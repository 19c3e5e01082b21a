/* screen.h - screens, and the stack of them the screen manager keeps.
 *
 * A screen is a const table of named callbacks (struct screen_ops) plus
 * state the manager allocates (state_size bytes, zeroed) and frees after
 * leave().  Pushing a screen puts it on top; a screen closes itself with
 * screen_close(), and the screen below then gets the result through its
 * on_result() callback.  Dialogs are screens like any other (overlay =
 * true draws the screen below first): there are no modal loops.
 *
 * A key goes, in order: to on_text() if it types text and the screen has
 * one; else it is looked up in the key map along the screen's sections
 * (context(), its name, its sections, "global") and the action goes to
 * on_action(); actions the screen leaves alone get the manager's
 * defaults (help, back, quit, redraw).
 *
 * draw() only draws: it reads state and calls curses, never the
 * database.  Fetching happens in enter(), layout(), on_action() and
 * on_result().  See docs/tui.md for a worked example.
 */
#ifndef PEERDESK_TUI_SCREEN_H
#define PEERDESK_TUI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/action.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/keys.h"
#include "peerdesk/tui/statusline.h"

struct tui;
struct screen;

enum tui_result {
	TUI_UNHANDLED = 0,	/* pass it on (to the key map / defaults) */
	TUI_HANDLED = 1,
	/* on_mouse only: the click fell on the row already chosen, so the
	 * manager does what Enter does there (a second click opens) */
	TUI_CHOSEN = 2
};

/* How a screen ended, as its parent sees it. */
enum screen_code {
	SCREEN_CANCEL = 0,	/* Esc, "no", "keep editing", closed unsaved */
	SCREEN_OK = 1		/* saved, "yes", chosen, typed */
};

struct screen_result {
	int tag;		/* the tag the parent gave tui_push() */
	enum screen_code code;
	int index;		/* picker: the chosen row; else -1 */
	const char *text;	/* prompt: what was typed (borrowed) */
	/* What else the screen tells the one below (a form's outcome, see
	 * form_def.outcome): size bytes at data, borrowed for the call. */
	const void *data;
	size_t size;
};

/* Where the terminal cursor goes after drawing (focused field, selected
 * row), so screen readers and magnifiers follow it. y < 0: no opinion. */
struct tui_cursor {
	int y, x;
};

struct screen_ops {
	const char *name;	/* key map section, test and log id */
	const char *title;	/* top row; screen_set_title() overrides */
	const char *const *sections;	/* kind sections after name, e.g.
					 * {"list", NULL}; NULL = none */
	size_t state_size;
	int min_cols, min_rows;	/* 0 = 40 x 15 */
	bool overlay;		/* drawn over the screen below (dialogs) */
	const enum action *hints;	/* status line, ends with ACT_NONE;
					 * only actions bound here show */
	const char *help;	/* a paragraph for the help screen */
	const void *def;	/* descriptor for generic screens (forms) */

	/* Set up state from arg; on failure nothing is pushed. */
	enum pd_status (*enter)(struct screen *s, const void *arg,
	    struct pd_err *err);
	/* Free what state points to (not state itself). */
	void (*leave)(struct screen *s);
	/* s->area was set (push, resize). */
	void (*layout)(struct screen *s);
	void (*draw)(const struct screen *s, struct tui_cursor *cur);
	enum tui_result (*on_action)(struct screen *s, enum action a);
	/* A key that types text (letters, digits, punctuation, space). */
	enum tui_result (*on_text)(struct screen *s, struct tui_key k);
	/* The screen pushed from this one has closed. */
	void (*on_result)(struct screen *s, const struct screen_result *r);
	/* Unsaved changes (asked before quitting). */
	bool (*is_dirty)(const struct screen *s);
	/* An extra, most specific key map section for now ("multiline"). */
	const char *(*context)(const struct screen *s);
	/* True while printable keys type text (so "?" types, F1 helps). */
	bool (*text_focus)(const struct screen *s);
	/* More help for the help screen, e.g. about the focused field. */
	void (*help_more)(const struct screen *s, struct strbuf *out);
	/* A left click at row y, column x (screen coordinates): focus
	 * what is there, or press the button there.  TUI_CHOSEN when it
	 * was chosen already (Enter is then pressed for it).  A screen
	 * without one gets tui_mouse_walk (screen.c); a form
	 * form_on_mouse. */
	enum tui_result (*on_mouse)(struct screen *s, int y, int x);
};

struct screen {
	const struct screen_ops *ops;
	struct tui *ui;
	void *state;		/* ops->state_size bytes, zeroed */
	void *app;		/* tui_config.app */
	struct rect area;	/* between the title row and the status line */
	int tag;
	char title[128];
	/* How it was pushed, so it can be pushed again after a restart (to
	 * put back a kept draft): arg_id > 0 when the arg was that id
	 * (tui_push_id), arg_null when there was no arg. */
	int64_t arg_id;
	bool arg_null;
	bool form;		/* form_enter ran: state starts with a form */
	/* manager's bookkeeping */
	bool closing;
	struct screen_result result;
	char *result_text;
	void *result_data;
};

/* Push ops on top with arg for enter(); tag comes back in the result.
 * On failure (enter failed) nothing changes and err says why. */
enum pd_status tui_push(struct tui *ui, const struct screen_ops *ops,
    const void *arg, int tag, struct pd_err *err);

/* The same, with arg the address of id (a client id from a menu), or
 * NULL when id <= 0: the screen remembers id, so a draft kept from it
 * can reopen it. */
enum pd_status tui_push_id(struct tui *ui, const struct screen_ops *ops,
    int64_t id, int tag, struct pd_err *err);

/* Close s once the current key is handled; its parent's on_result gets
 * code, index and a copy of text (NULL ok). */
void screen_close(struct screen *s, enum screen_code code, int index,
    const char *text);

/* The same, also handing the parent a copy of size bytes at data (its
 * on_result sees them as r->data and r->size). */
void screen_close_with(struct screen *s, enum screen_code code,
    const char *text, const void *data, size_t size);

/* Set the title shown in the top row (escaped when drawn). */
void screen_set_title(struct screen *s, const char *title);

/* The key map sections s uses now, most specific first, ending with
 * "global"; returns how many (at most max). */
size_t screen_sections(const struct screen *s, const char **out,
    size_t max);

/* The key shown for action a on s (first non-F key, skipping text keys
 * while s has text focus), as a name; "" when nothing triggers it. */
const char *screen_key_label(const struct screen *s, enum action a,
    char buf[KEYS_NAME_MAX]);

/* What the status line shows for s: its hints and their keys (the
 * struct points at s: use it while s is there). */
struct statusline_hints screen_hints(const struct screen *s);

/* True when k would trigger an action on s. */
bool screen_key_bound(const struct screen *s, struct tui_key k);

/* The key map in force (defaults plus the user's keys.yaml). */
const struct keymap *tui_keymap(const struct tui *ui);

/* The screen below s, or NULL. */
struct screen *screen_below(const struct screen *s);

/* The top screen, or NULL. */
struct screen *tui_top(const struct tui *ui);

/* A one-line message in the status line until the next key. */
void tui_message(struct tui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The same, shown as a problem (error style, "! " in front). */
void tui_error(struct tui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A short note at the right of the title row ("2 reviews due"); NULL
 * clears it.  For the app's tick. */
void tui_set_badge(struct tui *ui, const char *text);

/* Ask the main loop to finish with this exit status (after this key). */
void tui_quit(struct tui *ui, int status);

/* Today's date as "YYYY-MM-DD" (the app's clock if it gave one). */
const char *tui_today(const struct tui *ui, char buf[11]);

/* Edit text in the external editor (tui_config.run_editor through
 * tui_edit_text), leaving curses mode around it.  0 with the new text
 * in *out; TUI_EDITOR_OFF (the screen was not left),
 * TUI_EDITOR_MISSING, the editor's exit status, or -1. */
int tui_edit(struct tui *ui, const char *text, struct strbuf *out);

/* ---- the screen manager: set up by tui_run() (tui.h) --------------- */

/* What the application does with drafts of unsaved form text (see
 * form_draft.h).  NULL hooks (the default) do nothing. */
struct tui_draft_hooks {
	/* A form has just been filled from its record: put back a kept
	 * draft if there is one. */
	void (*opened)(struct screen *s);
	/* The form was saved (saved = true) or deliberately let go: a kept
	 * draft is not needed any more. */
	void (*done)(struct screen *s, bool saved);
	/* The person chose to leave peerdesk with unsaved forms open: keep
	 * them all now.  Leaving then says they are kept. */
	void (*keep_all)(struct tui *ui);
};

struct tui_config {
	void *app;		/* given to every screen as s->app */
	const char *title;	/* left of the top row; NULL = "peerdesk" */
	const struct keys_conf *keys;	/* user key overrides, or NULL */
	bool monochrome;	/* no colour even if the terminal has it */
	bool no_mouse;		/* the mouse is off (settings mouse: false):
				 * the terminal is not asked for it and
				 * any report that comes is dropped */
	int tick_ms;		/* how often tick runs; 0 = 500 */
	/* Periodic work: idle lock, draft autosave, reminders.  Return true
	 * when something on screen changed. */
	bool (*tick)(void *app, struct tui *ui);
	/* SIGTERM, SIGHUP or SIGINT arrived: last chance to save drafts,
	 * called from the main loop (not the handler) before leaving. */
	void (*on_signal)(void *app, int sig);
	/* Today's date for date fields ("today", "+3"); NULL = local date. */
	const char *(*today)(void *app, char buf[11]);
	/* Run an editor on a file (a private copy, see tui_edit_text);
	 * NULL = tui_editor_default.  The app picks the person's own or the
	 * restricted one, or answers TUI_EDITOR_OFF; tests swap it. */
	int (*run_editor)(const char *path, void *ctx);
	/* May an editor run at all now?  NULL = yes; else 0 or
	 * TUI_EDITOR_OFF, asked before the screen is left. */
	int (*editor_check)(void *ctx);
	void *editor_ctx;
	struct tui_draft_hooks drafts;
	/* The manager's own page and question, which are screens on the
	 * floor above it (tui_config_defaults in tui.c fills in help.c's
	 * and dialog.c's when NULL).  help_screen is pushed for F1 with
	 * the screen asked about as its arg (NULL: F1 does nothing).
	 * ask_leave asks whether to leave peerdesk and closes with tag and
	 * SCREEN_OK to leave; unsaved: a screen has changes not saved yet;
	 * kept: those are kept as a draft (NULL: leave without asking). */
	const struct screen_ops *help_screen;
	void (*ask_leave)(struct tui *ui, int tag, bool unsaved, bool kept);
};

/* Exit statuses tui_run() returns besides the app's own tui_quit(). */
#define TUI_EXIT_OK 0
#define TUI_EXIT_TERMINAL 3	/* no usable terminal or locale */
#define TUI_EXIT_START 4	/* the first screen could not open */
/* after signal N: 128 + N */

/* The machinery tui_run() drives, also for tests and tools: */

/* The draft hooks ui runs with (never NULL; the hooks in it may be). */
const struct tui_draft_hooks *tui_draft_hooks(const struct tui *ui);

/* A screen manager on the current curses screen (set up already). */
struct tui *tui_new(const struct tui_config *cfg, struct pd_err *err);

/* Leave every screen (top first) and free the manager. */
void tui_free(struct tui **ui);

/* Handle one key as the main loop does. */
void tui_handle_key(struct tui *ui, struct tui_key k);

/* Handle a mouse event at row y, column x as the main loop does: a
 * click goes to the top screen's on_mouse (focus the row, field or
 * button there); the wheel moves up or down three rows where the
 * screen has Up and Down. */
void tui_handle_mouse(struct tui *ui, int y, int x, enum tui_mouse what);

/* Handle what keys_read() got as the main loop does: a key goes to
 * tui_handle_key, a mouse report (r->mouse) to tui_handle_mouse unless
 * the mouse is off; anything else is dropped. */
void tui_handle_read(struct tui *ui, enum keys_got got, struct tui_key k,
    const struct keys_reader *r);

/* True once after the suspend action (C-z): the main loop then stops
 * as the shell's job (term_suspend_job). */
bool tui_suspend_wanted(struct tui *ui);

/* The terminal changed size (LINES/COLS are new): lay everything out. */
void tui_resize(struct tui *ui);

/* Draw the whole stack, the title and status rows, and place the cursor
 * (erase, draw, doupdate). */
void tui_draw(struct tui *ui);

/* Run the tick callback; returns its answer. */
bool tui_tick(struct tui *ui);

/* Keys handled so far (a resize is not a key): the tick compares it to
 * tell when someone last pressed one (the idle lock). */
unsigned long tui_key_count(const struct tui *ui);

/* Milliseconds between ticks (tui_config.tick_ms or 500). */
int tui_tick_ms(const struct tui *ui);

/* True once the stack is empty or quit was asked for; *status gets the
 * exit status. */
bool tui_done(const struct tui *ui, int *status);

#endif
