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
#include "peerdesk/tui/term.h"

static long long
tui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Copy the file at from to a new file at to (O_EXCL, mode 0600, not
 * through a link), or over the existing file at to when replace. */
static int
tui_copy_file(const char *from, const char *to, bool replace)
{
	char buf[8192];
	ssize_t n;
	int in, out, rc = 0;

	if ((in = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return -1;
	out = replace ? open(to, O_WRONLY | O_TRUNC | O_CLOEXEC) :
	    open(to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    S_IRUSR | S_IWUSR);
	if (out < 0) {
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = -1;
			break;
		}
		if (write(out, buf, (size_t)n) != n) {
			rc = -1;
			break;
		}
	}
	close(in);
	if (close(out) != 0)
		rc = -1;
	return rc;
}

/* Remove dir and whatever the editor left in it (swap and backup
 * files); it holds no folders. */
static void
tui_remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *p;

	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			p = xasprintf("%s/%s", dir, e->d_name);
			unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(dir);
}

/* Fork and run cmd on file through /bin/sh as the person: without the
 * setgid group (privilege_drop) or exec does not happen.  The editor's
 * exit status, or -1. */
static int
tui_editor_spawn(const char *cmd, const char *file)
{
	pid_t pid;
	int status;

	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		if (privilege_drop(NULL) != PD_OK)
			_exit(126);
		/* The path goes in as $1, so it needs no quoting. */
		execl("/bin/sh", "sh", "-c", cmd, "sh", file, (char *)NULL);
		_exit(127);
	}
	for (;;) {
		if (waitpid(pid, &status, WUNTRACED) < 0) {
			if (errno != EINTR)
				return -1;
			continue;
		}
		if (!WIFSTOPPED(status))
			break;
		/* C-z in the editor stopped it: stop with it, as a shell's
		 * job, and carry it on when `fg` carries us on. */
		term_stop_self();
		kill(pid, SIGCONT);
	}
	/* Ctrl-C and Ctrl-Z inside the editor reached us too; they were
	 * meant for it. */
	term_signal_forget(SIGINT);
	(void)term_stop_requested();
	(void)term_continued();
	if (!WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

int
tui_editor_default(const char *path, void *ctx)
{
	const char *ed = getenv("VISUAL");
	const char *tmp = getenv("TMPDIR");
	char *cmd, *dir, *file;
	int rc = -1;

	(void)ctx;
	if (ed == NULL || ed[0] == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || ed[0] == '\0')
		ed = "vi";
	if (tmp == NULL || tmp[0] != '/')
		tmp = "/tmp";
	/* The editor works on a copy in a folder of its own (mode 0700),
	 * so its swap and backup files are private too and go with it. */
	dir = xasprintf("%s/peerdesk-edit-XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		free(dir);
		return -1;
	}
	file = xasprintf("%s/note.txt", dir);
	cmd = xasprintf("%s \"$1\"", ed);
	if (tui_copy_file(path, file, false) == 0) {
		rc = tui_editor_spawn(cmd, file);
		if (rc == 0 && tui_copy_file(file, path, true) != 0)
			rc = -1;
	}
	tui_remove_dir(dir);
	free(cmd);
	free(file);
	free(dir);
	return rc;
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

int
tui_run(const struct tui_config *cfg, const struct screen_ops *first,
    const void *first_arg)
{
	struct strbuf note = STRBUF_INIT;
	struct pd_err err;
	struct tui *ui;
	int status = TUI_EXIT_OK, rc, sig;
	struct keys_reader reader = { .next = term_next };
	enum keys_got got;
	struct tui_key k;
	MEVENT me;
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
		if (term_stop_requested() || tui_suspend_wanted(ui)) {
			if (!term_suspend_job())
				tui_message(ui, "peerdesk cannot pause here: "
				    "there is no shell to go back to.");
			dirty = true;
			continue;
		}
		if (term_continued()) {
			clearok(curscr, TRUE);
			dirty = true;
			continue;
		}
		got = keys_read(&reader, (int)(next_tick - tui_now_ms() > 0 ?
		    next_tick - tui_now_ms() : 0), term_seq_ms(), &k);
		if (got == KEYS_GOT_IGNORED)
			continue;	/* a sequence no key stands for */
		rc = got == KEYS_GOT_KEY ? OK : ERR;
		if (rc == ERR && tui_input_gone()) {
			/* The terminal went away without a hangup signal: do
			 * what a hangup does (keep drafts), never spin. */
			if (cfg->on_signal != NULL)
				cfg->on_signal(cfg->app, SIGHUP);
			status = 128 + SIGHUP;
			break;
		}
		if (rc == ERR)
			continue;	/* timeout or a signal */
		if (k.fn && k.code == KEY_MOUSE) {
			if (getmouse(&me) != OK)
				continue;
			if (me.bstate & BUTTON4_PRESSED)
				tui_handle_mouse(ui, me.y, me.x, TUI_WHEEL_UP);
			else if (me.bstate & BUTTON5_PRESSED)
				tui_handle_mouse(ui, me.y, me.x,
				    TUI_WHEEL_DOWN);
			else if (me.bstate & (BUTTON1_PRESSED |
			    BUTTON1_CLICKED))
				tui_handle_mouse(ui, me.y, me.x, TUI_CLICK);
		} else {
			tui_handle_key(ui, k);
		}
		dirty = true;
	}
	tui_free(&ui);
	term_stop();
	term_signals_restore();
	return status;
}
