#include "peerdesk/app/print.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "peerdesk/app/userfile.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"

#define PRINT_KEEP 2048		/* bytes of output kept from each stream */
#define PRINT_GRACE_MS 1000	/* after SIGTERM, before SIGKILL */
#define PRINT_ASK_MS 5000	/* lpstat, asked why lp failed */

struct print_stream {
	int fd;			/* -1 once at end of file */
	char buf[PRINT_KEEP];
	size_t len;
};

static long long
print_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A pipe whose ends close on exec. */
static int
print_pipe(int fd[2])
{
	if (pipe(fd) != 0)
		return -1;
	if (fcntl(fd[0], F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(fd[1], F_SETFD, FD_CLOEXEC) != 0) {
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	return 0;
}

static void
print_nap(void)
{
	struct timespec ts = { 0, 10 * 1000000L };

	nanosleep(&ts, NULL);
}

/* Split copy on spaces and tabs into argv (NULL-terminated), leaving
 * room for one more word; returns the count, or -1 when too many. */
static int
print_split(char *copy, char *argv[PRINT_ARGS_MAX])
{
	char *save = NULL, *w;
	int n = 0;

	for (w = strtok_r(copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save)) {
		if (n >= PRINT_ARGS_MAX - 2)
			return -1;
		argv[n++] = w;
	}
	argv[n] = NULL;
	return n;
}

/* One line of what a stream said: trimmed, line breaks as "; ". */
static void
print_tidy(const struct print_stream *s, char *out, size_t n)
{
	size_t i, o = 0;
	bool pending = false;

	for (i = 0; i < s->len && o + 3 < n; i++) {
		char c = s->buf[i];

		if (c == '\n' || c == '\r') {
			pending = o > 0;
			continue;
		}
		if (pending) {
			out[o++] = ';';
			out[o++] = ' ';
			pending = false;
			if (o + 3 >= n)
				break;
		}
		out[o++] = (c == '\t') ? ' ' : c;
	}
	while (o > 0 && (out[o - 1] == ' '))
		o--;
	out[o] = '\0';
}

/* The child: give up privileges, wire up stdin/stdout/stderr, exec.
 * Only async-signal-safe calls; errno goes back through fail_fd. */
static void
print_child(char *const argv[], int out_fd, int err_fd, int fail_fd)
{
	sigset_t none;
	int e, devnull, sig;

	/* The program may be installed setgid: the print command must run
	 * as the person, with their own group. */
	if (setgid(getgid()) != 0 || getegid() != getgid() ||
	    setuid(getuid()) != 0 || geteuid() != getuid()) {
		e = errno ? errno : EPERM;
		goto fail;
	}
	setpgid(0, 0);
	for (sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			signal(sig, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	devnull = open("/dev/null", O_RDONLY);
	if (devnull < 0 || dup2(devnull, 0) < 0 || dup2(out_fd, 1) < 0 ||
	    dup2(err_fd, 2) < 0) {
		e = errno;
		goto fail;
	}
	execvp(argv[0], argv);
	e = errno;
fail:
	if (write(fail_fd, &e, sizeof e) < 0)
		_exit(126);
	_exit(127);
}

/* Read what is there on the streams until both end or the deadline. */
static int
print_collect(struct print_stream *s, long long deadline)
{
	struct pollfd pfd[2];
	char scratch[512];
	int i, n;

	while (s[0].fd >= 0 || s[1].fd >= 0) {
		long long left = deadline - print_now_ms();

		if (left <= 0)
			return -1;
		for (i = 0; i < 2; i++) {
			pfd[i].fd = s[i].fd;
			pfd[i].events = POLLIN;
			pfd[i].revents = 0;
		}
		n = poll(pfd, 2, left > 1000 ? 1000 : (int)left);
		if (n < 0 && errno != EINTR)
			return -1;
		for (i = 0; i < 2 && n > 0; i++) {
			ssize_t got;

			if (pfd[i].fd < 0 || pfd[i].revents == 0)
				continue;
			got = read(s[i].fd, scratch, sizeof scratch);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				close(s[i].fd);
				s[i].fd = -1;
				continue;
			}
			if (s[i].len < sizeof s[i].buf) {
				size_t room = sizeof s[i].buf - s[i].len;
				size_t take = (size_t)got < room ?
				    (size_t)got : room;

				memcpy(s[i].buf + s[i].len, scratch, take);
				s[i].len += take;
			}
		}
	}
	return 0;
}

/* Wait for pid until the deadline; 0 and *status when it exited. */
static int
print_wait(pid_t pid, long long deadline, int *status)
{
	for (;;) {
		pid_t got = waitpid(pid, status, WNOHANG);

		if (got == pid)
			return 0;
		if (got < 0 && errno != EINTR)
			return 0;
		if (print_now_ms() >= deadline)
			return -1;
		print_nap();
	}
}

static void
print_stop(pid_t pid, int *status)
{
	kill(-pid, SIGTERM);
	kill(pid, SIGTERM);
	if (print_wait(pid, print_now_ms() + PRINT_GRACE_MS, status) == 0)
		return;
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
}

/* Run argv (no shell) as the person, input /dev/null, for at most
 * timeout_ms.  0 when it ran: *status from waitpid, *timed_out when it
 * was stopped, s[0] and s[1] what it wrote to stdout and stderr.  -1
 * when it could not be started (no pipe, no fork), -2 when the command
 * could not be run: *exec_err is errno (ENOENT: no such command). */
static int
print_run(char *const argv[], int timeout_ms, struct print_stream s[2],
    int *status, bool *timed_out, int *exec_err)
{
	int outp[2], errp[2], failp[2];
	int e = 0, i;
	long long deadline;
	ssize_t got;
	pid_t pid;

	*status = 0;
	*timed_out = false;
	*exec_err = 0;
	memset(s, 0, 2 * sizeof *s);
	s[0].fd = s[1].fd = -1;
	if (print_pipe(outp) != 0) {
		*exec_err = errno;
		return -1;
	}
	if (print_pipe(errp) != 0) {
		*exec_err = errno;
		close(outp[0]);
		close(outp[1]);
		return -1;
	}
	if (print_pipe(failp) != 0) {
		*exec_err = errno;
		for (i = 0; i < 2; i++) {
			close(outp[i]);
			close(errp[i]);
		}
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0)
		print_child(argv, outp[1], errp[1], failp[1]);
	e = errno;
	close(outp[1]);
	close(errp[1]);
	close(failp[1]);
	if (pid < 0) {
		close(outp[0]);
		close(errp[0]);
		close(failp[0]);
		*exec_err = e;
		return -1;
	}
	/* Wait for the exec: the pipe closes on success, or carries errno. */
	do
		got = read(failp[0], &e, sizeof e);
	while (got < 0 && errno == EINTR);
	close(failp[0]);
	if (got == (ssize_t)sizeof e) {
		close(outp[0]);
		close(errp[0]);
		while (waitpid(pid, status, 0) < 0 && errno == EINTR)
			;
		*exec_err = e ? e : ENOEXEC;
		return -2;
	}
	s[0].fd = outp[0];
	s[1].fd = errp[0];
	deadline = print_now_ms() + timeout_ms;
	if (print_collect(s, deadline) != 0 ||
	    print_wait(pid, deadline, status) != 0) {
		*timed_out = true;
		print_stop(pid, status);
	}
	for (i = 0; i < 2; i++)
		if (s[i].fd >= 0) {
			close(s[i].fd);
			s[i].fd = -1;
		}
	return 0;
}

/* Ask CUPS's lpstat (args: "-r" or "-p") and return what it printed on
 * stdout, NUL-terminated in out; 0 when it ran and exited 0. */
static int
print_ask_lpstat(const char *arg, char *out, size_t n)
{
	char *argv[3] = { (char *)(uintptr_t)"lpstat",
	    (char *)(uintptr_t)arg, NULL };
	struct print_stream s[2];
	int status, e;
	bool timed_out;
	size_t k;

	out[0] = '\0';
	if (print_run(argv, PRINT_ASK_MS, s, &status, &timed_out, &e) != 0 ||
	    timed_out || !WIFEXITED(status))
		return -1;
	k = s[0].len < n - 1 ? s[0].len : n - 1;
	memcpy(out, s[0].buf, k);
	out[k] = '\0';
	return WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* The printer the command names: lp's -d NAME or -dNAME, lpr's -P NAME
 * or -PNAME; NULL when none. */
static const char *
print_dest(char *const argv[], int argc, bool lpr)
{
	const char *opt = lpr ? "-P" : "-d";
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], opt) == 0 && i + 1 < argc)
			return argv[i + 1];
		if (strncmp(argv[i], opt, 2) == 0 && argv[i][2] != '\0')
			return argv[i] + 2;
	}
	return NULL;
}

/* "\"a\", \"b\" and \"c\"": the printers in lpstat -p's lines
 * "printer NAME is ...", in words for the message. */
static void
print_known(const char *lpstat_p, char *out, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = lpstat_p, *name[16];
	size_t len[16];
	int count = 0, i;

	while (*p != '\0' && count < 16) {
		size_t line = strcspn(p, "\n");

		if (line > 8 && strncmp(p, "printer ", 8) == 0) {
			name[count] = p + 8;
			len[count] = strcspn(p + 8, " \n");
			if (len[count] > 0)
				count++;
		}
		p += line;
		if (*p == '\n')
			p++;
	}
	if (count == 0)
		strbuf_adds(&sb, "this computer knows no printers at all: ask "
		    "whoever looks after it to add one");
	else
		strbuf_adds(&sb, count == 1 ? "the only printer this computer "
		    "knows is " : "the printers this computer knows are ");
	for (i = 0; i < count; i++) {
		if (i > 0)
			strbuf_adds(&sb, i + 1 == count ? " and " : ", ");
		strbuf_addf(&sb, "\"%.*s\"", (int)len[i], name[i]);
	}
	snprintf(out, n, "%s", sb.buf ? sb.buf : "");
	strbuf_fini(&sb);
}

/* lp or lpr failed: say why in plain words when CUPS can tell us.
 * Returns PD_IO with err filled in, or PD_OK when there is nothing
 * better to say than the command's own words. */
static enum pd_status
print_explain(char *const argv[], int argc, const char *command,
    const char *said, struct pd_err *err)
{
	const char *base = strrchr(argv[0], '/');
	char answer[PRINT_KEEP], known[PRINT_SAID_LEN];
	const char *dest;
	bool lpr;

	base = base ? base + 1 : argv[0];
	if (strcmp(base, "lp") != 0 && strcmp(base, "lpr") != 0)
		return PD_OK;
	lpr = strcmp(base, "lpr") == 0;
	/* Is the print service there at all? */
	if (print_ask_lpstat("-r", answer, sizeof answer) == 0 &&
	    strstr(answer, "not running") != NULL)
		return pd_fail(err, PD_IO, "print_command", "the print "
		    "service (CUPS) on this computer is not running, so "
		    "nothing was printed.  Ask whoever looks after the "
		    "computer to start it (as root: systemctl start cups), "
		    "then print again.");
	if (strstr(answer, "is running") == NULL)
		return PD_OK;	/* no lpstat, or it said something else */
	dest = print_dest(argv, argc, lpr);
	if (dest != NULL && (strstr(said, "does not exist") != NULL ||
	    strstr(said, "nknown destination") != NULL ||
	    strstr(said, "not found") != NULL)) {
		print_ask_lpstat("-p", answer, sizeof answer);
		print_known(answer, known, sizeof known);
		return pd_fail(err, PD_IO, "print_command", "there is no "
		    "printer called \"%s\", so nothing was printed; %s.  "
		    "Check print_command in the settings (now \"%s\").", dest,
		    known, command);
	}
	if (dest == NULL && strstr(said, "o default destination") != NULL) {
		print_ask_lpstat("-p", answer, sizeof answer);
		print_known(answer, known, sizeof known);
		return pd_fail(err, PD_IO, "print_command", "print_command "
		    "(\"%s\") names no printer and this computer has no "
		    "default printer, so nothing was printed; %s.  Name one "
		    "in print_command, for example \"%s %s NAME\".", command,
		    known, argv[0], lpr ? "-P" : "-d");
	}
	return PD_OK;
}

enum pd_status
app_print_file(const char *command, const char *path, int timeout_ms,
    struct print_outcome *out, struct pd_err *err)
{
	struct print_stream s[2];
	char *argv[PRINT_ARGS_MAX], *copy;
	int argc, status = 0, e = 0, ran;
	bool timed_out = false;
	char said[512];
	enum pd_status st = PD_OK;

	if (out != NULL) {
		out->exit_status = -1;
		out->said[0] = '\0';
	}
	if (command == NULL || command[0] == '\0')
		command = PRINT_COMMAND_DEFAULT;
	if (timeout_ms <= 0)
		timeout_ms = PRINT_TIMEOUT_MS;
	if (path == NULL || access(path, R_OK) != 0)
		return pd_fail(err, PD_INVALID, "file", "cannot read %s: %s",
		    path ? path : "(no file)", strerror(path ? errno : EINVAL));
	copy = xstrdup(command);
	argc = print_split(copy, argv);
	if (argc <= 0) {
		free(copy);
		return pd_fail(err, PD_INVALID, "print_command", "the print "
		    "command is empty or has more than %d words: check "
		    "print_command in the settings", PRINT_ARGS_MAX - 2);
	}
	argv[argc] = (char *)(uintptr_t)path;	/* never written to */
	argv[argc + 1] = NULL;

	ran = print_run(argv, timeout_ms, s, &status, &timed_out, &e);
	if (ran != 0) {
		if (ran == -1)
			st = pd_fail(err, PD_IO, NULL, "cannot start the print "
			    "command: %s", strerror(e));
		else if (e == ENOENT)
			st = pd_fail(err, PD_NOT_FOUND, "print_command",
			    "the print command \"%s\" was not found: check "
			    "print_command in the settings", argv[0]);
		else
			st = pd_fail(err, PD_IO, "print_command", "the print "
			    "command \"%s\" could not be run: %s", argv[0],
			    strerror(e));
		free(copy);
		return st;
	}

	print_tidy(&s[0], said, sizeof said);
	if (out != NULL) {
		snprintf(out->said, sizeof out->said, "%s", said);
		out->exit_status = !timed_out && WIFEXITED(status) ?
		    WEXITSTATUS(status) : -1;
	}
	print_tidy(&s[1], said, sizeof said);
	if (timed_out)
		st = pd_fail(err, PD_IO, NULL, "the print command \"%s\" did "
		    "not finish within %d second%s and was stopped; is the "
		    "printer there?", command, (timeout_ms + 999) / 1000,
		    timeout_ms > 1000 ? "s" : "");
	else if (WIFSIGNALED(status))
		st = pd_fail(err, PD_IO, NULL, "the print command \"%s\" was "
		    "stopped by signal %d%s%s", command, WTERMSIG(status),
		    said[0] ? ": " : "", said);
	else if (WIFEXITED(status) && WEXITSTATUS(status) != 0 &&
	    print_explain(argv, argc, command, said, err) == PD_OK)
		st = pd_fail(err, PD_IO, NULL, "the print command \"%s\" "
		    "failed (exit status %d)%s%s", command,
		    WEXITSTATUS(status), said[0] ? ": " : "", said);
	else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		st = PD_IO;	/* print_explain said why */
	free(copy);
	return st;
}

enum pd_status
app_print_bytes(const char *command, const char *name, const char *ext,
    const void *p, size_t n, struct print_outcome *out, struct pd_err *err)
{
	const char *dir = getenv("TMPDIR");
	enum pd_status s;
	char *path;
	int fd;

	if (dir == NULL || dir[0] != '/')
		dir = "/tmp";
	/* the job's name shows in the print queue: no client's name in it */
	path = xasprintf("%s/%s-XXXXXX.%s", dir, name, ext);
	fd = mkstemps(path, (int)strlen(ext) + 1);	/* 0600, O_EXCL */
	if (fd < 0) {
		s = pd_fail(err, PD_IO, NULL, "could not make a file to print "
		    "in %s: %s", dir, strerror(errno));
	} else {
		if ((s = userfile_check_fd(fd, path, err)) == PD_OK)
			s = userfile_write(fd, p, n, path, err);
		if (s == PD_OK)
			s = userfile_finish(fd, path, err);
		else
			close(fd);
		if (s == PD_OK)
			s = app_print_file(command, path, 0, out, err);
		unlink(path);
	}
	free(path);
	return s;
}

void
print_job_id(const struct print_outcome *o, char *buf, size_t n)
{
	const char *p = o != NULL ? strstr(o->said, "request id is ") : NULL;
	size_t k = 0;

	if (n == 0)
		return;
	if (p != NULL) {
		p += strlen("request id is ");
		while (p[k] != '\0' && p[k] != ' ' && p[k] != '\n' &&
		    k + 1 < n)
			k++;
		memcpy(buf, p, k);
	}
	buf[k] = '\0';
}
