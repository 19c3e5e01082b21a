/* draftfile.c - drafts kept in the person's own files (draftfile.h). */
#include "peerdesk/app/draftfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "peerdesk/app/privilege.h"
#include "peerdesk/core/sha256.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"

#define DRAFTFILE_MAGIC "peerdesk draft 1\n"
#define DRAFTFILE_MAX (4 << 20)	/* a draft is text typed by hand */

enum pd_status
draftfile_dir(char **dir, struct pd_err *err)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	struct passwd *pw;

	*dir = NULL;
	if (xdg != NULL && xdg[0] == '/') {
		*dir = xasprintf("%s/peerdesk", xdg);
		return PD_OK;
	}
	if ((pw = getpwuid(getuid())) == NULL || pw->pw_dir == NULL ||
	    pw->pw_dir[0] != '/')
		return pd_fail(err, PD_NOT_FOUND, NULL, "your account has no "
		    "home folder to keep a draft in");
	*dir = xasprintf("%s/.local/state/peerdesk", pw->pw_dir);
	return PD_OK;
}

/* Make each missing folder of path (mode 0700, as XDG asks). */
static void
draftfile_mkdirs(const char *path)
{
	char *p = xstrdup(path), *s;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		(void)mkdir(p, 0700);
		*s = '/';
	}
	(void)mkdir(p, 0700);
	free(p);
}

/* Open the folder (making it when create): a real folder, the person's,
 * open to nobody else.  *fd its descriptor; PD_NOT_FOUND when it is not
 * there and create is 0. */
static enum pd_status
draftfile_open_dir(bool create, int *fd, struct pd_err *err)
{
	struct stat sb;
	enum pd_status s;
	char *dir;

	*fd = -1;
	if ((s = draftfile_dir(&dir, err)) != PD_OK)
		return s;
	if (create)
		draftfile_mkdirs(dir);
	*fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (*fd < 0) {
		int e = errno;

		if ((e == ELOOP || e == ENOTDIR) && lstat(dir, &sb) == 0 &&
		    S_ISLNK(sb.st_mode))
			e = ELOOP;

		if (e == ENOENT && !create)
			s = PD_NOT_FOUND;
		else
			s = pd_fail(err, e == ELOOP || e == ENOTDIR ? PD_DENIED :
			    PD_IO, NULL, "cannot keep drafts in %s: %s", dir,
			    e == ELOOP ? "it is a link, not a folder" :
			    strerror(e));
		free(dir);
		return s;
	}
	if (fstat(*fd, &sb) != 0 || sb.st_uid != getuid() ||
	    (sb.st_mode & 077) != 0) {
		s = pd_fail(err, PD_DENIED, NULL, "cannot keep drafts in %s: "
		    "it must be your own folder, open to nobody else (chmod "
		    "700 it)", dir);
		close(*fd);
		*fd = -1;
	}
	free(dir);
	return s;
}

/* "LOGIN-0123456789abcdef.draft": one file per person, form and record. */
static void
draftfile_name(const char *login, const char *form, const char *key,
    char *buf, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	char hex[65];

	strbuf_addf(&sb, "%s\n%s\n%s", login, form, key != NULL ? key : "");
	sha256_hex(strbuf_str(&sb), sb.len, hex);
	strbuf_fini(&sb);
	snprintf(buf, n, "%s-%.16s.draft", login, hex);
}

static bool
draftfile_login_ok(const char *login)
{
	const char *p;

	if (login == NULL || login[0] == '\0' || login[0] == '.' ||
	    strlen(login) > 64)
		return false;
	for (p = login; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
		    *p == '-'))
			return false;
	return true;
}

static int
draftfile_write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, p, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static enum pd_status
draftfile_save_in(int dfd, const char *login, const char *form,
    const char *key, const char *content, char **path, struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	char name[128], tmp[160], now[21];
	time_t t = time(NULL);
	struct tm tm;
	int fd, e;

	draftfile_name(login, form, key, name, sizeof name);
	snprintf(tmp, sizeof tmp, ".%s.%ld.tmp", name, (long)getpid());
	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	strbuf_addf(&sb, DRAFTFILE_MAGIC "login: %s\nform: %s\nkey: %s\n"
	    "saved: %s\n\n", login, form, key != NULL ? key : "", now);
	strbuf_adds(&sb, content);
	(void)unlinkat(dfd, tmp, 0);
	fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600);
	if (fd < 0 || draftfile_write_all(fd, sb.buf, sb.len) != 0 ||
	    fsync(fd) != 0) {
		e = errno;
		if (fd >= 0) {
			close(fd);
			(void)unlinkat(dfd, tmp, 0);
		}
		strbuf_fini(&sb);
		return pd_fail(err, e == ENOSPC ? PD_FULL : PD_IO, NULL,
		    "could not keep the draft in a file either: %s",
		    strerror(e));
	}
	strbuf_fini(&sb);
	if (close(fd) != 0 || renameat(dfd, tmp, dfd, name) != 0) {
		e = errno;
		(void)unlinkat(dfd, tmp, 0);
		return pd_fail(err, PD_IO, NULL, "could not keep the draft in "
		    "a file either: %s", strerror(e));
	}
	(void)fsync(dfd);
	if (path != NULL) {
		char *dir = NULL;

		if (draftfile_dir(&dir, NULL) == PD_OK)
			*path = xasprintf("%s/%s", dir, name);
		free(dir);
	}
	return PD_OK;
}

enum pd_status
draftfile_save(const char *login, const char *form, const char *key,
    const char *content, char **path, struct pd_err *err)
{
	enum pd_status s;
	int dfd;

	if (path != NULL)
		*path = NULL;
	if (!draftfile_login_ok(login))
		return pd_fail(err, PD_INVALID, NULL, "internal error: no "
		    "login for a draft file");
	if ((s = privilege_suspend(err)) != PD_OK)
		return s;
	s = draftfile_open_dir(1, &dfd, err);
	if (s == PD_OK) {
		s = draftfile_save_in(dfd, login, form, key, content, path, err);
		close(dfd);
	}
	privilege_resume(NULL);
	return s;
}

/* The value of "field: " in a header, up to its newline, into buf. */
static int
draftfile_field(const char *head, const char *field, char *buf, size_t n)
{
	size_t fl = strlen(field), len;
	const char *p = head;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, field, fl) == 0 && p[fl] == ':' &&
		    p[fl + 1] == ' ') {
			p += fl + 2;
			len = strcspn(p, "\n");
			if (len >= n)
				return -1;
			memcpy(buf, p, len);
			buf[len] = '\0';
			return 0;
		}
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return -1;
}

/* One parsed file. */
struct draftfile {
	char login[80], form[128], key[80], saved[21];
	char *text;		/* the whole file */
	const char *content;	/* inside text */
};

/* Read and parse the file name in dfd: a regular file of the person's. */
static enum pd_status
draftfile_read(int dfd, const char *name, struct draftfile *d,
    struct pd_err *err)
{
	struct stat sb;
	char *end;
	ssize_t r;
	size_t got = 0;
	int fd;

	memset(d, 0, sizeof *d);
	fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return errno == ENOENT ? PD_NOT_FOUND : pd_fail(err, PD_IO,
		    NULL, "cannot read the draft %s: %s", name, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_uid != getuid() || sb.st_size > DRAFTFILE_MAX) {
		close(fd);
		return pd_fail(err, PD_DENIED, NULL, "the draft %s is not a "
		    "file of yours", name);
	}
	d->text = xmalloc((size_t)sb.st_size + 1);
	while (got < (size_t)sb.st_size &&
	    (r = read(fd, d->text + got, (size_t)sb.st_size - got)) > 0)
		got += (size_t)r;
	close(fd);
	d->text[got] = '\0';
	end = strstr(d->text, "\n\n");
	if (strncmp(d->text, DRAFTFILE_MAGIC, strlen(DRAFTFILE_MAGIC)) != 0 ||
	    end == NULL) {
		FREE(&d->text);
		return pd_fail(err, PD_PARSE, NULL, "%s is not a peerdesk draft",
		    name);
	}
	*end = '\0';
	d->content = end + 2;
	if (draftfile_field(d->text, "login", d->login, sizeof d->login) ||
	    draftfile_field(d->text, "form", d->form, sizeof d->form) ||
	    draftfile_field(d->text, "key", d->key, sizeof d->key) ||
	    draftfile_field(d->text, "saved", d->saved, sizeof d->saved)) {
		FREE(&d->text);
		return pd_fail(err, PD_PARSE, NULL, "%s is not a peerdesk draft",
		    name);
	}
	return PD_OK;
}

enum pd_status
draftfile_list(const char *login,
    int (*cb)(void *arg, const struct draft_row *row), void *arg,
    struct pd_err *err)
{
	struct dirent *de;
	struct draft_row row;
	struct draftfile d;
	enum pd_status s;
	size_t ll;
	DIR *dh;
	int dfd, stop = 0;

	if (!draftfile_login_ok(login))
		return PD_OK;
	ll = strlen(login);
	if ((s = privilege_suspend(err)) != PD_OK)
		return s;
	s = draftfile_open_dir(0, &dfd, err);
	if (s == PD_NOT_FOUND) {
		privilege_resume(NULL);
		return PD_OK;
	}
	if (s != PD_OK || (dh = fdopendir(dfd)) == NULL) {
		if (s == PD_OK) {
			close(dfd);
			s = pd_fail(err, PD_IO, NULL, "cannot list drafts: %s",
			    strerror(errno));
		}
		privilege_resume(NULL);
		return s;
	}
	while (!stop && (de = readdir(dh)) != NULL) {
		size_t nl = strlen(de->d_name);

		if (strncmp(de->d_name, login, ll) != 0 ||
		    de->d_name[ll] != '-' || nl < 6 ||
		    strcmp(de->d_name + nl - 6, ".draft") != 0)
			continue;
		if (draftfile_read(dirfd(dh), de->d_name, &d, NULL) != PD_OK)
			continue;
		if (strcmp(d.login, login) == 0) {
			memset(&row, 0, sizeof row);
			row.form = d.form;
			row.key = d.key;
			row.content = d.content;
			snprintf(row.saved_at, sizeof row.saved_at, "%s",
			    d.saved);
			stop = cb(arg, &row);
		}
		free(d.text);
	}
	closedir(dh);
	privilege_resume(NULL);
	return PD_OK;
}

enum pd_status
draftfile_load(const char *login, const char *form, const char *key,
    char **content, char saved_at[21], struct pd_err *err)
{
	struct draftfile d;
	enum pd_status s;
	char name[128];
	int dfd;

	*content = NULL;
	if (!draftfile_login_ok(login))
		return PD_NOT_FOUND;
	if ((s = privilege_suspend(err)) != PD_OK)
		return s;
	if ((s = draftfile_open_dir(0, &dfd, err)) == PD_OK) {
		draftfile_name(login, form, key, name, sizeof name);
		s = draftfile_read(dfd, name, &d, err);
		close(dfd);
		if (s == PD_OK && (strcmp(d.login, login) != 0 ||
		    strcmp(d.form, form) != 0 ||
		    strcmp(d.key, key != NULL ? key : "") != 0))
			s = PD_NOT_FOUND;
		if (s == PD_OK) {
			*content = xstrdup(d.content);
			if (saved_at != NULL)
				snprintf(saved_at, 21, "%s", d.saved);
		}
		free(d.text);
	}
	privilege_resume(NULL);
	return s;
}

enum pd_status
draftfile_delete(const char *login, const char *form, const char *key,
    struct pd_err *err)
{
	enum pd_status s;
	char name[128];
	int dfd;

	if (!draftfile_login_ok(login))
		return PD_OK;
	if ((s = privilege_suspend(err)) != PD_OK)
		return s;
	s = draftfile_open_dir(0, &dfd, err);
	if (s == PD_OK) {
		draftfile_name(login, form, key, name, sizeof name);
		if (unlinkat(dfd, name, 0) != 0 && errno != ENOENT)
			s = pd_fail(err, PD_IO, NULL, "cannot remove the kept "
			    "draft: %s", strerror(errno));
		close(dfd);
	} else if (s == PD_NOT_FOUND)
		s = PD_OK;
	privilege_resume(NULL);
	return s;
}
