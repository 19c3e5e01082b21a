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

/* The private folder: remove what the editor left in it (swap and
 * backup files, through dfd, never following a link), then the folder
 * itself. */
static void
tui_remove_dir(const char *dir, int dfd)
{
	DIR *d;
	struct dirent *e;
	int fd = dup(dfd);

	if (fd >= 0 && (d = fdopendir(fd)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			if (unlinkat(dfd, e->d_name, 0) != 0)
				unlinkat(dfd, e->d_name, AT_REMOVEDIR);
		}
		closedir(d);
	} else if (fd >= 0) {
		close(fd);
	}
	rmdir(dir);
}

/* Write text to a new file name in the folder dfd (0600, O_EXCL, not
 * through a link), ending it with a newline.  0 or -1. */
static int
tui_edit_write(int dfd, const char *name, const char *text)
{
	size_t len = strlen(text), off = 0;
	ssize_t n;
	int fd, rc = 0;

	fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, S_IRUSR | S_IWUSR);
	if (fd < 0)
		return -1;
	while (off < len) {
		n = write(fd, text + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = -1;
			break;
		}
		off += (size_t)n;
	}
	if (rc == 0 && len > 0 && text[len - 1] != '\n' &&
	    write(fd, "\n", 1) != 1)
		rc = -1;
	if (close(fd) != 0)
		rc = -1;
	return rc;
}

/* Read back what the editor left at name in the folder dfd: only a
 * regular file of the person's own with one name (not a link, a
 * folder, a pipe, or a second name of some other file), at most
 * TUI_EDIT_MAX bytes.  0 or -1. */
#define TUI_EDIT_MAX (4u << 20)
static int
tui_edit_read(int dfd, const char *name, struct strbuf *out)
{
	char buf[8192];
	struct stat st;
	ssize_t n;
	int fd, rc = 0;

	fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY |
	    O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_uid != getuid() || st.st_nlink != 1) {
		close(fd);
		return -1;
	}
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = -1;
			break;
		}
		if (out->len + (size_t)n > TUI_EDIT_MAX) {
			rc = -1;
			break;
		}
		strbuf_add(out, buf, (size_t)n);
	}
	close(fd);
	return rc;
}

int
tui_edit_text(int (*run)(const char *path, void *ctx), void *ctx,
    const char *text, struct strbuf *out)
{
	const char *tmp = getenv("TMPDIR");
	char *dir, *file;
	int dfd, rc = -1;

	strbuf_reset(out);
	if (tmp == NULL || tmp[0] != '/')
		tmp = "/tmp";
	/* The editor works on a copy in a folder of its own (mode 0700),
	 * so its swap and backup files are private too and go with it.
	 * The folder is held open: the copy is read back through it,
	 * whatever is put in the folder's place meanwhile. */
	dir = xasprintf("%s/peerdesk-edit-XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		free(dir);
		return -1;
	}
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dfd < 0) {
		rmdir(dir);
		free(dir);
		return -1;
	}
	file = xasprintf("%s/note.txt", dir);
	if (tui_edit_write(dfd, "note.txt", text) == 0) {
		rc = run(file, ctx);
		if (rc == 0 && tui_edit_read(dfd, "note.txt", out) != 0) {
			strbuf_reset(out);
			rc = -1;
		}
	}
	tui_remove_dir(dir, dfd);
	close(dfd);
	free(file);
	free(dir);
	return rc;
}

/* Wait for the editor's process; its exit status, or -1. */
static int
tui_editor_wait(pid_t pid)
{
	int status;

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

/* Fork and run cmd on file through /bin/sh as the person: without the
 * setgid group (privilege_drop) or exec does not happen.  The editor's
 * exit status, or -1. */
static int
tui_editor_spawn(const char *cmd, const char *file)
{
	pid_t pid;

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
	return tui_editor_wait(pid);
}

int
tui_editor_default(const char *path, void *ctx)
{
	const char *ed = getenv("VISUAL");
	char *cmd;
	int rc;

	(void)ctx;
	if (ed == NULL || ed[0] == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || ed[0] == '\0')
		ed = "vi";
	cmd = xasprintf("%s \"$1\"", ed);
	rc = tui_editor_spawn(cmd, path);
	free(cmd);
	return rc;
}

/* Is value safe to hand on in the restricted editor's environment (no
 * control characters, not absurdly long)? */
static bool
tui_env_ok(const char *v)
{
	size_t n = 0;

	if (v == NULL || v[0] == '\0')
		return false;
	for (; v[n] != '\0'; n++)
		if ((unsigned char)v[n] < 0x20 || v[n] == 0x7f || n > 200)
			return false;
	return true;
}

const char *tui_restricted_editor = TUI_RESTRICTED_EDITOR;

int
tui_editor_restricted(const char *path, void *ctx)
{
	static const char *const keep[] = { "TERM", "LANG", "LC_ALL",
	    "LC_CTYPE", "LC_MESSAGES", "COLUMNS", "LINES" };
	const char *nano = tui_restricted_editor;
	char *env[sizeof keep / sizeof keep[0] + 2], *argv[6];
	char a_name[] = "rnano", a_restricted[] = "--restricted",
	    a_norc[] = "--ignorercfiles", a_end[] = "--";
	const char *v;
	size_t i, n = 0;
	pid_t pid;
	int rc;

	(void)ctx;
	if (access(nano, X_OK) != 0)
		return TUI_EDITOR_MISSING;
	/* Nothing the person set ($VISUAL, $EDITOR, $SPELL, $HOME and its
	 * nanorc, $PATH, LD_*) reaches it: only the terminal's name and
	 * the language. */
	env[n++] = xstrdup("PATH=/usr/bin:/bin");
	for (i = 0; i < sizeof keep / sizeof keep[0]; i++)
		if (tui_env_ok(v = getenv(keep[i])))
			env[n++] = xasprintf("%s=%s", keep[i], v);
	env[n] = NULL;
	argv[0] = a_name;
	argv[1] = a_restricted;
	argv[2] = a_norc;
	argv[3] = a_end;
	argv[4] = xstrdup(path);
	argv[5] = NULL;
	pid = fork();
	if (pid == 0) {
		if (privilege_drop(NULL) != PD_OK)
			_exit(126);
		execve(nano, argv, env);
		_exit(127);
	}
	for (i = 0; i < n; i++)
		free(env[i]);
	free(argv[4]);
	if (pid < 0)
		return -1;
	rc = tui_editor_wait(pid);
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
	if (term_start(getenv("TERM"), stdout, stdin, cfg->monochrome, &err) !=
	    PD_OK) {
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

int
tui_run(const struct tui_config *cfg, const struct screen_ops *first,
    const void *first_arg)
{
	struct tui *ui;
	int status = TUI_EXIT_OK, sig;
	struct keys_reader reader = { .next = term_next };
	enum keys_got got;
	struct tui_key k;
	long long next_tick;
	bool dirty = true;

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
