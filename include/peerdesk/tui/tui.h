/* tui.h - starting the screens: the entry point and the main loop.
 *
 *   struct tui_config cfg = { .app = app, .tick = app_tick };
 *   return tui_run(&cfg, &dashboard_screen, NULL);
 *
 * tui_run() checks the locale and the terminal, starts curses, pushes the
 * first screen and runs until the last screen closes, the user quits or
 * a signal arrives; the terminal is restored on every way out.
 *
 * The other functions drive the same machinery without a terminal loop
 * (tests use them through tests/tui/support/harness.h).
 */
#ifndef PEERDESK_TUI_TUI_H
#define PEERDESK_TUI_TUI_H

#include <stdbool.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/keys.h"
#include "peerdesk/tui/screen.h"

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
};

/* Exit statuses tui_run() returns besides the app's own tui_quit(). */
#define TUI_EXIT_OK 0
#define TUI_EXIT_TERMINAL 3	/* no usable terminal or locale */
#define TUI_EXIT_START 4	/* the first screen could not open */
/* after signal N: 128 + N */

/* Run the screens on the real terminal until done; returns an exit
 * status.  Prints a clear message to stderr when it cannot start. */
int tui_run(const struct tui_config *cfg, const struct screen_ops *first,
    const void *first_arg);

/* ---- the machinery, for tests and tools ----------------------------- */

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

/* run_editor may answer these besides an editor's exit status. */
#define TUI_EDITOR_OFF (-2)	/* no editor may run here (settings) */
#define TUI_EDITOR_MISSING (-3)	/* no restricted editor installed */

/* Edit text in an editor: a new folder of its own (mode 0700, in
 * $TMPDIR or /tmp) holding a copy (note.txt, 0600, text with a final
 * newline), run(path, ctx) on it, then the copy read back into *out
 * through the folder made, never through a link, and only if it is
 * still a regular file of the person's own with one name, at most 4 MB;
 * the folder and all in it are removed.  Returns run's answer (0 =
 * *out holds the new text), or -1 when the copy cannot be made or read
 * back (*out empty). */
int tui_edit_text(int (*run)(const char *path, void *ctx), void *ctx,
    const char *text, struct strbuf *out);

/* The person's own editor on path: $VISUAL, else $EDITOR, else vi,
 * through /bin/sh so "code -w" works, without the setgid group (dropped
 * in the child before exec).  Returns the editor's exit status, 126 if
 * the group could not be dropped, or -1. */
int tui_editor_default(const char *path, void *ctx);

/* The restricted editor on path, for PALs and anyone over SSH: GNU nano
 * as `rnano --restricted --ignorercfiles -- path`, which can open no
 * other file, save under no other name, run no command and not be
 * suspended; never $VISUAL or $EDITOR; an environment of PATH, TERM and
 * the locale only; without the setgid group.  The editor's exit status,
 * TUI_EDITOR_MISSING when it is not installed, 126, or -1. */
#define TUI_RESTRICTED_EDITOR "/usr/bin/nano"
extern const char *tui_restricted_editor;	/* tests may point it
						 * elsewhere */
int tui_editor_restricted(const char *path, void *ctx);

#endif
