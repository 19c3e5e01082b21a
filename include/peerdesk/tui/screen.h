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

#endif
