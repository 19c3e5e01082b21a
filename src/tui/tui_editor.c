/* tui_editor.c - editing a text in an editor: a private copy, the
 * person's own or the restricted editor on it, the copy read back (see
 * tui_editor.h). */
#include "peerdesk/tui/tui_editor.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "peerdesk/app/privilege.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/term.h"

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
