/* tui.c - tui_run(): start the terminal, run the input loop, restore. */
#include "peerdesk/tui/tui.h"

#include <curses.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "peerdesk/app/privilege.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/help.h"
#include "peerdesk/tui/term.h"

static long long
tui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* After get_wch() said ERR: is the terminal gone (hung up, closed)
 * rather than the wait simply over?  A timeout leaves stdin open and
 * quiet; a lost terminal reports a hangup or an error at once. */
static bool
tui_input_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	if (poll(&p, 1, 0) < 0)
		return errno != EINTR;
	return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Say why the screens cannot start, put the terminal back and return
 * status. */
static int
tui_start_failed(const struct pd_err *err, bool term_up, int status)
{
	if (term_up)
		term_stop();
	term_signals_restore();
	fprintf(stderr, "peerdesk: %s\n", err->msg);
	return status;
}

/* Start curses on the terminal named by TERM.  Setgid, its description
 * comes from the system's terminfo only: ncurses also reads TERMINFO,
 * TERMINFO_DIRS, TERMCAP and ~/.terminfo, which the person controls,
 * unless the process's ids differ - and privilege_init made them equal,
 * keeping the group as the saved set-group-ID.  A description the person
 * wrote is parsed with that group at hand, so those variables go, and
 * HOME is hidden while curses looks the terminal up. */
static enum pd_status
tui_term_start(const struct tui_config *cfg, struct pd_err *err)
{
	const char *home;
	char *saved = NULL;
	enum pd_status st;

	if (privilege_elevated()) {
		unsetenv("TERMINFO");
		unsetenv("TERMINFO_DIRS");
		unsetenv("TERMCAP");
		if ((home = getenv("HOME")) != NULL)
			saved = xstrdup(home);
		unsetenv("HOME");
	}
	st = term_start(getenv("TERM"), stdout, stdin, cfg->monochrome, err);
	if (saved != NULL)
		setenv("HOME", saved, 1);
	free(saved);
	return st;
}

/* Check the locale and the terminal, start curses and push the first
 * screen.  NULL (and *status) when the screens cannot start. */
static struct tui *
tui_start(const struct tui_config *cfg, const struct screen_ops *first,
    const void *first_arg, int *status)
{
	struct strbuf note = STRBUF_INIT;
	struct pd_err err;
	struct tui *ui;

	pd_err_clear(&err);
	if (term_locale(&note, &err) != PD_OK) {
		fprintf(stderr, "peerdesk: %s\n", err.msg);
		strbuf_fini(&note);
		*status = TUI_EXIT_TERMINAL;
		return NULL;
	}
	if (note.len > 0)
		fprintf(stderr, "peerdesk: %s\n", note.buf);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "peerdesk: the screens need a terminal; for "
		    "scripts, use the peerdesk commands (peerdesk --help)\n");
		strbuf_fini(&note);
		*status = TUI_EXIT_TERMINAL;
		return NULL;
	}
	term_signals_install();
	ui = NULL;
	if (tui_term_start(cfg, &err) != PD_OK) {
		*status = tui_start_failed(&err, false, TUI_EXIT_TERMINAL);
	} else {
		term_mouse(!cfg->no_mouse);
		if ((ui = tui_new(cfg, &err)) == NULL) {
			*status = tui_start_failed(&err, true, TUI_EXIT_START);
		} else if (tui_push(ui, first, first_arg, 0, &err) != PD_OK) {
			tui_free(&ui);
			*status = tui_start_failed(&err, true, TUI_EXIT_START);
		} else if (note.len > 0) {
			tui_message(ui, "%s", note.buf);
		}
	}
	strbuf_fini(&note);
	return ui;
}

/* curses parsed a mouse report itself (it should not: term_mouse turns
 * that off); take it all the same.  False when it is nothing we use. */
static bool
tui_curses_mouse(struct keys_reader *reader)
{
	MEVENT me;

	if (getmouse(&me) != OK)
		return false;
	reader->mouse.y = me.y;
	reader->mouse.x = me.x;
	if (me.bstate & BUTTON4_PRESSED)
		reader->mouse.what = TUI_WHEEL_UP;
	else if (me.bstate & BUTTON5_PRESSED)
		reader->mouse.what = TUI_WHEEL_DOWN;
	else if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		reader->mouse.what = TUI_CLICK;
	else
		return false;
	return true;
}

/* A stop asked for (C-z, SIGTSTP) or the job continued: true when the
 * screen needs drawing again. */
static bool
tui_job_control(struct tui *ui)
{
	if (term_stop_requested() || tui_suspend_wanted(ui)) {
		if (!term_suspend_job())
			tui_message(ui, "peerdesk cannot pause here: "
			    "there is no shell to go back to.");
		return true;
	}
	if (term_continued()) {
		clearok(curscr, TRUE);
		return true;
	}
	return false;
}

void
tui_config_defaults(struct tui_config *cfg)
{
	if (cfg->help_screen == NULL)
		cfg->help_screen = &help_screen;
	if (cfg->ask_leave == NULL)
		cfg->ask_leave = dialog_ask_leave;
}

int
tui_run(const struct tui_config *given, const struct screen_ops *first,
    const void *first_arg)
{
	struct tui_config all = *given, *cfg = &all;
	struct tui *ui;
	int status = TUI_EXIT_OK, sig;
	struct keys_reader reader = { .next = term_next };
	enum keys_got got;
	struct tui_key k;
	long long next_tick;
	bool dirty = true;

	tui_config_defaults(cfg);
	if ((ui = tui_start(cfg, first, first_arg, &status)) == NULL)
		return status;
	next_tick = tui_now_ms() + tui_tick_ms(ui);
	while (!tui_done(ui, &status)) {
		if ((sig = term_signal_pending()) != 0) {
			if (cfg->on_signal != NULL)
				cfg->on_signal(cfg->app, sig);
			status = 128 + sig;
			break;
		}
		if (tui_now_ms() >= next_tick) {
			dirty |= tui_tick(ui);
			next_tick = tui_now_ms() + tui_tick_ms(ui);
			continue;
		}
		if (dirty) {
			tui_draw(ui);
			dirty = false;
		}
		if (tui_job_control(ui)) {
			dirty = true;
			continue;
		}
		memset(&k, 0, sizeof k);	/* a mouse read fills no key */
		got = keys_read(&reader, (int)(next_tick - tui_now_ms() > 0 ?
		    next_tick - tui_now_ms() : 0), term_seq_ms(), &k);
		if (got == KEYS_GOT_IGNORED)
			continue;	/* a sequence no key stands for */
		if (got == KEYS_GOT_NOTHING && tui_input_gone()) {
			/* The terminal went away without a hangup signal: do
			 * what a hangup does (keep drafts), never spin. */
			if (cfg->on_signal != NULL)
				cfg->on_signal(cfg->app, SIGHUP);
			status = 128 + SIGHUP;
			break;
		}
		if (got == KEYS_GOT_NOTHING)
			continue;	/* timeout or a signal */
		if (got == KEYS_GOT_KEY && k.fn && k.code == KEY_MOUSE) {
			if (!tui_curses_mouse(&reader))
				continue;
			got = KEYS_GOT_MOUSE;
		}
		tui_handle_read(ui, got, k, &reader);
		dirty = true;
	}
	tui_free(&ui);
	term_stop();
	term_signals_restore();
	return status;
}
