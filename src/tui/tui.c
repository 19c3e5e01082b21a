/* tui.c - tui_run(): start the terminal, run the input loop, restore. */
#include "peerdesk/tui/tui.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/term.h"

static long long
tui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
tui_editor_default(const char *path, void *ctx)
{
	const char *ed = getenv("VISUAL");
	char *cmd;
	pid_t pid;
	int status;

	(void)ctx;
	if (ed == NULL || ed[0] == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || ed[0] == '\0')
		ed = "vi";
	/* The path goes in as $1, so it needs no quoting. */
	cmd = xasprintf("%s \"$1\"", ed);
	pid = fork();
	if (pid < 0) {
		free(cmd);
		return -1;
	}
	if (pid == 0) {
		/* TODO(privileges): drop setgid here before exec. */
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	free(cmd);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return -1;
	}
	/* Ctrl-C inside the editor reached us too; it was meant for it. */
	term_signal_forget(SIGINT);
	if (!WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

int
tui_run(const struct tui_config *cfg, const struct screen_ops *first,
    const void *first_arg)
{
	struct strbuf note = STRBUF_INIT;
	struct pd_err err;
	struct tui *ui;
	int status = TUI_EXIT_OK, rc, sig;
	wint_t wc;
	long long next_tick;
	bool dirty = true;

	pd_err_clear(&err);
	if (term_locale(&note, &err) != PD_OK) {
		fprintf(stderr, "peerdesk: %s\n", err.msg);
		strbuf_fini(&note);
		return TUI_EXIT_TERMINAL;
	}
	if (note.len > 0)
		fprintf(stderr, "peerdesk: %s\n", note.buf);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "peerdesk: the screens need a terminal; for "
		    "scripts, use the peerdesk commands (peerdesk --help)\n");
		strbuf_fini(&note);
		return TUI_EXIT_TERMINAL;
	}
	term_signals_install();
	if (term_start(getenv("TERM"), stdout, stdin, cfg->monochrome, &err) !=
	    PD_OK) {
		term_signals_restore();
		fprintf(stderr, "peerdesk: %s\n", err.msg);
		strbuf_fini(&note);
		return TUI_EXIT_TERMINAL;
	}
	ui = tui_new(cfg, &err);
	if (ui == NULL) {
		term_stop();
		term_signals_restore();
		fprintf(stderr, "peerdesk: %s\n", err.msg);
		strbuf_fini(&note);
		return TUI_EXIT_START;
	}
	if (tui_push(ui, first, first_arg, 0, &err) != PD_OK) {
		tui_free(&ui);
		term_stop();
		term_signals_restore();
		fprintf(stderr, "peerdesk: %s\n", err.msg);
		strbuf_fini(&note);
		return TUI_EXIT_START;
	}
	if (note.len > 0)
		tui_message(ui, "%s", note.buf);
	strbuf_fini(&note);
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
		timeout((int)(next_tick - tui_now_ms() > 0 ?
		    next_tick - tui_now_ms() : 0));
		rc = get_wch(&wc);
		if (rc == ERR)
			continue;	/* timeout or a signal */
		tui_handle_key(ui, keys_from_wch(rc, (uint32_t)wc));
		dirty = true;
	}
	tui_free(&ui);
	term_stop();
	term_signals_restore();
	return status;
}
