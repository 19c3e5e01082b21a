/* dbfile.c - whole database files made, placed and set aside
 * (dbfile_priv.h). */
#define _GNU_SOURCE	/* renameat2 */
#include "dbfile_priv.h"

#include "peerdesk/app/privilege.h"
#include "peerdesk/app/userfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "peerdesk/core/xalloc.h"

static enum pd_status
dbfile_errno(int e, const char *what, const char *path, struct pd_err *err)
{
	if (e == ENOSPC || e == EDQUOT)
		return pd_fail(err, PD_FULL, NULL, "cannot %s %s: the disk is "
		    "full", what, path);
	if (e == ENOENT)
		return pd_fail(err, PD_NOT_FOUND, NULL, "cannot %s %s: there "
		    "is no such folder", what, path);
	if (e == EACCES || e == EPERM)
		return pd_fail(err, PD_DENIED, NULL, "cannot %s %s: there is "
		    "no permission there", what, path);
	return pd_fail(err, PD_IO, NULL, "cannot %s %s: %s", what, path,
	    strerror(e));
}

enum pd_status
dbfile_temp(const char *path, const char *tag, int *fd, char **tmp,
    struct pd_err *err)
{
	char *name = xasprintf("%s.%s-XXXXXX", path, tag);
	int f;

	*fd = -1;
	*tmp = NULL;
	/* mkstemp: O_CREAT | O_EXCL, mode 0600 */
	if ((f = mkstemp(name)) < 0) {
		enum pd_status s = dbfile_errno(errno, "make a file beside",
		    path, err);

		free(name);
		return s;
	}
	(void)fcntl(f, F_SETFD, FD_CLOEXEC);
	*fd = f;
	*tmp = name;
	return PD_OK;
}

enum pd_status
dbfile_sync_close(int fd, const char *path, struct pd_err *err)
{
	int e = 0;

	if (fsync(fd) != 0)
		e = errno;
	if (close(fd) != 0 && e == 0 && errno != EINTR)
		e = errno;
	return e != 0 ? dbfile_errno(e, "save", path, err) : PD_OK;
}

static void
dbfile_sync_dir(const char *path)
{
	char *dir = userfile_parent(path);
	int d = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (d >= 0) {
		(void)fsync(d);
		close(d);
	}
	free(dir);
}

/* rename without replacing: renameat2, or link and unlink where the
 * file system cannot do that. */
static int
dbfile_rename_new(const char *from, const char *to)
{
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	if (link(from, to) != 0)
		return -1;
	(void)unlink(from);
	return 0;
}

enum pd_status
dbfile_place(const char *tmp, const char *path, struct pd_err *err)
{
	if (dbfile_rename_new(tmp, path) != 0) {
		if (errno == EEXIST)
			return pd_fail(err, PD_DUPLICATE, NULL, "%s is there "
			    "already; nothing was overwritten", path);
		return dbfile_errno(errno, "put in place", path, err);
	}
	dbfile_sync_dir(path);
	return PD_OK;
}

enum pd_status
dbfile_set_aside(const char *path, const char *aside, int *moved,
    struct pd_err *err)
{
	char *from, *to;
	struct stat st;
	enum pd_status s = PD_OK;

	*moved = 0;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? PD_OK :
		    dbfile_errno(errno, "look at", path, err);
	if (dbfile_rename_new(path, aside) != 0)
		return dbfile_errno(errno, "set aside", path, err);
	*moved = 1;
	/* the -wal may hold the last changes: it goes with the file */
	from = xasprintf("%s-wal", path);
	to = xasprintf("%s-wal", aside);
	if (lstat(from, &st) == 0 && dbfile_rename_new(from, to) != 0)
		s = dbfile_errno(errno, "set aside", from, err);
	free(from);
	free(to);
	from = xasprintf("%s-shm", path);
	(void)unlink(from);	/* an index of the -wal, rebuilt when needed */
	free(from);
	dbfile_sync_dir(path);
	return s;
}

enum pd_status
dbfile_unwal(int fd, const char *path, struct pd_err *err)
{
	static const unsigned char legacy[2] = { 1, 1 };
	unsigned char head[20];

	if (pread(fd, head, sizeof head, 0) != (ssize_t)sizeof head ||
	    memcmp(head, "SQLite format 3", 16) != 0 ||
	    (head[18] != 2 && head[19] != 2))
		return PD_OK;	/* not SQLite (the checks say so), or not WAL */
	if (pwrite(fd, legacy, sizeof legacy, 18) != (ssize_t)sizeof legacy)
		return dbfile_errno(errno, "write", path, err);
	return PD_OK;
}

void
dbfile_remove(const char *tmp)
{
	static const char *const tail[] = { "", "-journal", "-wal", "-shm" };
	size_t i;
	char *p;

	for (i = 0; i < sizeof tail / sizeof tail[0]; i++) {
		p = xasprintf("%s%s", tmp, tail[i]);
		(void)unlink(p);
		free(p);
	}
}

char *
dbfile_aside_name(const char *path)
{
	char stamp[32];
	time_t t = time(NULL);
	struct tm tm;

	char *name;
	struct stat st;
	int n;

	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	name = xasprintf("%s.before-restore-%s", path, stamp);
	/* two restores in one second: the second gets "-2", and so on (the
	 * data folder is looked at with the group, as it is then used) */
	if (privilege_raise(NULL) != PD_OK)
		return name;
	for (n = 2; n < 100 && lstat(name, &st) == 0; n++) {
		free(name);
		name = xasprintf("%s.before-restore-%s-%d", path, stamp, n);
	}
	(void)privilege_lower(NULL);
	return name;
}
