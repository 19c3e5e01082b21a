/* userfile.c - the files a person names (userfile.h). */
#include "peerdesk/app/userfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "peerdesk/app/app.h"
#include "peerdesk/app/privilege.h"
#include "peerdesk/core/xalloc.h"

/* What no person's path may reach: the database's folder and files. */
struct userfile_guard {
	bool set;
	struct stat dir;
	struct stat file[3];	/* the database, -wal, -shm */
	bool have[3];
	char *dir_path;
	char *base;		/* the database's file name */
	bool whole_dir;		/* the folder is peerdesk's alone */
};

static struct userfile_guard guard;

static bool
userfile_same(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

char *
userfile_parent(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static const char *
userfile_base(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

void
userfile_protect(const char *db_path)
{
	static const char *const tail[3] = { "", "-wal", "-shm" };
	char *dir, *p;
	int i;

	const char *slash = strrchr(db_path, '/');

	free(guard.dir_path);
	free(guard.base);
	memset(&guard, 0, sizeof guard);
	dir = userfile_parent(db_path);
	if (stat(dir, &guard.dir) != 0) {
		free(dir);
		return;
	}
	guard.dir_path = dir;
	guard.base = xstrdup(slash != NULL ? slash + 1 : db_path);
	/* Installed setgid, the data folder is peerdesk's own: nothing a
	 * person names goes there.  A database of the person's own may sit
	 * among their files: then only its own names are kept away. */
	guard.whole_dir = privilege_elevated();
	for (i = 0; i < 3; i++) {
		p = xasprintf("%s%s", db_path, tail[i]);
		guard.have[i] = stat(p, &guard.file[i]) == 0;
		free(p);
	}
	guard.set = true;
}

bool
userfile_is_std(const char *path)
{
	return path != NULL && strcmp(path, "-") == 0;
}

/* PD_DENIED when st is one of the database's files. */
static enum pd_status
userfile_not_db(const struct stat *st, const char *path, struct pd_err *err)
{
	int i;

	if (!guard.set)
		return PD_OK;
	for (i = 0; i < 3; i++)
		if (guard.have[i] && userfile_same(st, &guard.file[i]))
			return pd_fail(err, PD_DENIED, NULL,
			    "%s is peerdesk's own database; it will not be "
			    "read or written as a file. Name another file.",
			    path);
	if (S_ISDIR(st->st_mode) && userfile_same(st, &guard.dir))
		return pd_fail(err, PD_DENIED, NULL, "%s is the folder where "
		    "peerdesk keeps its database; choose a file of your own "
		    "elsewhere.", path);
	return PD_OK;
}

enum pd_status
userfile_check_target(const char *path, struct pd_err *err)
{
	struct stat st;
	char *dir;
	enum pd_status s = PD_OK;

	if (path == NULL || path[0] == '\0')
		return pd_fail(err, PD_INVALID, NULL, "no file was named");
	if (userfile_is_std(path))
		return PD_OK;
	if (path[strlen(path) - 1] == '/')
		return pd_fail(err, PD_INVALID, NULL, "%s is a folder; name a "
		    "file in it", path);
	dir = userfile_parent(path);
	if (stat(dir, &st) == 0 && guard.set && userfile_same(&st, &guard.dir)
	    && (guard.whole_dir || strncmp(userfile_base(path), guard.base,
	    strlen(guard.base)) == 0))
		s = guard.whole_dir ? pd_fail(err, PD_DENIED, NULL, "%s is in "
		    "the folder where peerdesk keeps its database; choose a "
		    "file of your own elsewhere.", path) : pd_fail(err,
		    PD_DENIED, NULL, "%s would sit beside peerdesk's database "
		    "under its name; choose another name.", path);
	free(dir);
	if (s != PD_OK)
		return s;
	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode))
			return pd_fail(err, PD_DENIED, NULL, "%s is a link; "
			    "peerdesk writes only to a file named directly",
			    path);
		if ((s = userfile_not_db(&st, path, err)) != PD_OK)
			return s;
		if (S_ISDIR(st.st_mode))
			return pd_fail(err, PD_INVALID, NULL, "%s is a folder; "
			    "name a file in it", path);
	}
	return PD_OK;
}

enum pd_status
userfile_check_fd(int fd, const char *path, struct pd_err *err)
{
	struct stat st;

	if (fstat(fd, &st) != 0)
		return pd_fail(err, PD_IO, NULL, "cannot look at %s: %s", path,
		    strerror(errno));
	return userfile_not_db(&st, path, err);
}

static enum pd_status
userfile_errno(int e, const char *what, const char *path, struct pd_err *err)
{
	if (e == ELOOP)
		return pd_fail(err, PD_DENIED, NULL, "%s is a link; peerdesk "
		    "writes only to a file named directly", path);
	if (e == EACCES || e == EPERM)
		return pd_fail(err, PD_DENIED, NULL, "cannot %s %s: you do not "
		    "have permission there", what, path);
	if (e == ENOSPC || e == EDQUOT)
		return pd_fail(err, PD_FULL, NULL, "cannot %s %s: the disk is "
		    "full", what, path);
	if (e == ENOENT)
		return pd_fail(err, PD_NOT_FOUND, NULL, "cannot %s %s: there "
		    "is no such file or folder", what, path);
	return pd_fail(err, PD_IO, NULL, "cannot %s %s: %s", what, path,
	    strerror(e));
}

enum pd_status
userfile_create(const char *path, unsigned flags, int *fd, bool *created,
    struct pd_err *err)
{
	struct stat st;
	enum pd_status s;
	bool made = false;
	int f;

	*fd = -1;
	if (created != NULL)
		*created = false;
	if ((s = userfile_check_target(path, err)) != PD_OK)
		return s;
	if (userfile_is_std(path)) {
		if ((f = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)) < 0)
			return userfile_errno(errno, "write", "standard output",
			    err);
		*fd = f;
		return PD_OK;
	}
	/* No O_TRUNC: nothing is cut until the file is known to be fine. */
	f = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    S_IRUSR | S_IWUSR);
	if (f >= 0)
		made = true;
	else if (errno == EEXIST && (flags & USERFILE_NEW) != 0)
		return pd_fail(err, PD_DUPLICATE, NULL, "%s is already there; "
		    "nothing was overwritten. Name a new file.", path);
	else if (errno == EEXIST)
		f = open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
	if (f < 0)
		return userfile_errno(errno, "write", path, err);
	if (fstat(f, &st) != 0) {
		s = userfile_errno(errno, "write", path, err);
	} else if ((s = userfile_not_db(&st, path, err)) == PD_OK &&
	    S_ISDIR(st.st_mode)) {
		s = pd_fail(err, PD_INVALID, NULL, "%s is a folder", path);
	} else if (s == PD_OK && S_ISREG(st.st_mode) && !made &&
	    ftruncate(f, 0) != 0) {
		s = userfile_errno(errno, "write", path, err);
	}
	if (s != PD_OK) {
		close(f);
		if (made)
			unlink(path);
		return s;
	}
	*fd = f;
	if (created != NULL)
		*created = made;
	return PD_OK;
}

enum pd_status
userfile_write(int fd, const void *p, size_t n, const char *path,
    struct pd_err *err)
{
	const char *c = p;
	ssize_t w;

	while (n > 0) {
		w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return userfile_errno(errno, "write", path, err);
		if (w == 0)
			return userfile_errno(EIO, "write", path, err);
		c += w;
		n -= (size_t)w;
	}
	return PD_OK;
}

enum pd_status
userfile_finish(int fd, const char *path, struct pd_err *err)
{
	struct stat st;
	int e = 0;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && fsync(fd) != 0)
		e = errno;
	if (close(fd) != 0 && e == 0 && errno != EINTR)
		e = errno;
	if (e != 0)
		return userfile_errno(e, "write", path, err);
	return PD_OK;
}

enum pd_status
userfile_save(const char *path, const void *p, size_t n, unsigned flags,
    struct pd_err *err)
{
	enum pd_status s;
	bool created;
	int fd;

	if ((s = userfile_create(path, flags, &fd, &created, err)) != PD_OK)
		return s;
	s = userfile_write(fd, p, n, path, err);
	if (s == PD_OK)
		s = userfile_finish(fd, path, err);
	else
		close(fd);
	if (s != PD_OK && created)
		unlink(path);
	return s;
}

enum pd_status
userfile_save_audited(struct app *app, const char *path, const void *p,
    size_t n, unsigned flags, const char *action, const char *entity,
    int64_t entity_id, int64_t client_id, const char *what,
    struct pd_err *err)
{
	struct stat before;
	enum pd_status s;
	char *sum, cwd[PATH_MAX];
	bool existed = !userfile_is_std(path) && lstat(path, &before) == 0;

	if ((s = userfile_save(path, p, n, flags, err)) != PD_OK)
		return s;
	if (userfile_is_std(path))
		sum = xasprintf("wrote %s to standard output", what);
	else if (path[0] != '/' && getcwd(cwd, sizeof cwd) != NULL)
		sum = xasprintf("wrote %s to %s/%s", what, cwd, path);
	else
		sum = xasprintf("wrote %s to %s", what, path);
	s = app_audit_one(app, action, entity, entity_id, client_id, sum, err);
	free(sum);
	if (s != PD_OK && !existed && !userfile_is_std(path))
		unlink(path);
	return s;
}

enum pd_status
userfile_open_read(const char *path, int *fd, struct pd_err *err)
{
	struct stat st;
	enum pd_status s;
	int f;

	*fd = -1;
	if (path == NULL || path[0] == '\0')
		return pd_fail(err, PD_INVALID, NULL, "no file was named");
	if (userfile_is_std(path))
		f = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3);
	else
		f = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC);
	if (f < 0)
		return userfile_errno(errno, "read", path, err);
	if (fstat(f, &st) != 0)
		s = userfile_errno(errno, "read", path, err);
	else if ((s = userfile_not_db(&st, path, err)) == PD_OK &&
	    S_ISDIR(st.st_mode))
		s = pd_fail(err, PD_INVALID, NULL, "%s is a folder, not a "
		    "file", path);
	if (s != PD_OK) {
		close(f);
		return s;
	}
	*fd = f;
	return PD_OK;
}

enum pd_status
userfile_read_all(const char *path, size_t max, struct strbuf *out,
    struct pd_err *err)
{
	char buf[65536];
	enum pd_status s;
	ssize_t n;
	int fd;

	if ((s = userfile_open_read(path, &fd, err)) != PD_OK)
		return s;
	for (;;) {
		n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			s = userfile_errno(errno, "read", path, err);
			break;
		}
		if (n == 0)
			break;
		if (out->len + (size_t)n > max) {
			s = pd_fail(err, PD_LIMIT, NULL, "%s is larger than "
			    "peerdesk will read (%zu bytes at most)", path,
			    max);
			break;
		}
		strbuf_add(out, buf, (size_t)n);
	}
	close(fd);
	return s;
}
