/* check_privilege.c - the setgid group is known, dropped for good before
 * a child program runs, and files made while elevated are shared with
 * the group.  A setgid process is simulated in a forked child: as root,
 * set real ids to nobody/nogroup and the effective and saved group to
 * another, then give up root; this needs the tests to run as root (they
 * fail, never skip, otherwise). */
#define _GNU_SOURCE	/* setresgid, getresgid, setgroups */
#include "peerdesk/app/privilege.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/testlib.h"

#define NOBODY ((uid_t)65534)
#define NOGROUP ((gid_t)65534)
#define PDGROUP ((gid_t)54321)	/* stands in for group peerdesk */

/* In the child: become like `peerdesk` run by nobody, setgid PDGROUP.
 * Returns 0 or a step number. */
static int
become_setgid(void)
{
	if (setgroups(0, NULL) != 0)
		return 90;
	if (setresgid(NOGROUP, PDGROUP, PDGROUP) != 0)
		return 91;
	if (setresuid(NOBODY, NOBODY, NOBODY) != 0)
		return 92;
	return 0;
}

/* Run fn in a child process; its exit status (0 = all well). */
static int
in_child(int (*fn)(const char *), const char *arg)
{
	pid_t pid;
	int st;

	ck_assert_msg(getuid() == 0, "these tests simulate a setgid process "
	    "and must run as root");
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		_exit(fn(arg));
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert_msg(WIFEXITED(st), "child died by a signal");
	return WEXITSTATUS(st);
}

static int
child_drop(const char *unused)
{
	gid_t r, e, s;
	int rc;

	(void)unused;
	if ((rc = become_setgid()) != 0)
		return rc;
	if (!privilege_elevated())
		return 1;
	if (privilege_drop(NULL) != PD_OK)
		return 2;
	if (getresgid(&r, &e, &s) != 0 || r != NOGROUP || e != NOGROUP ||
	    s != NOGROUP)
		return 3;
	if (privilege_elevated())
		return 4;
	/* The saved group is gone too: there is no way back. */
	if (setegid(PDGROUP) == 0 || errno != EPERM)
		return 5;
	if (setresgid(PDGROUP, PDGROUP, PDGROUP) == 0)
		return 6;
	return 0;
}

/* A file only the group may read: readable elevated, not while the
 * group is put aside (reading the person's own keys.yaml), and again
 * after it is taken back. */
static int
child_suspend(const char *path)
{
	int rc, fd;

	if ((rc = become_setgid()) != 0)
		return rc;
	if ((fd = open(path, O_RDONLY)) < 0)
		return 1;
	close(fd);
	if (privilege_suspend(NULL) != PD_OK)
		return 2;
	if (privilege_elevated())
		return 3;
	if ((fd = open(path, O_RDONLY)) >= 0 || errno != EACCES)
		return 4;
	if (privilege_resume(NULL) != PD_OK)
		return 5;
	if (!privilege_elevated() || getegid() != PDGROUP)
		return 6;
	if ((fd = open(path, O_RDONLY)) < 0)
		return 7;
	close(fd);
	return 0;
}

START_TEST(test_suspend_and_resume)
{
	char dir[] = "/tmp/pdtest-susp.XXXXXX";
	char path[64];
	int rc, fd;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(chmod(dir, 0755), 0);
	snprintf(path, sizeof path, "%s/group-only", dir);
	fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0640);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_int_eq(chown(path, 0, PDGROUP), 0);
	ck_assert_int_eq(chmod(path, 0640), 0);
	rc = in_child(child_suspend, path);
	unlink(path);
	rmdir(dir);
	ck_assert_int_eq(rc, 0);
	/* not elevated: nothing to put aside, nothing to take back */
	ck_assert_int_eq(privilege_suspend(NULL), PD_OK);
	ck_assert_int_eq(privilege_resume(NULL), PD_OK);
}
END_TEST

/* privilege_init: the group goes down at once and is kept only as the
 * saved group; privilege_raise takes it up for the database alone and
 * privilege_lower puts it down again; the umask is 077. */
static int
child_init(const char *path)
{
	gid_t r, e, s;
	mode_t old;
	int rc, fd;

	if ((rc = become_setgid()) != 0)
		return rc;
	if (privilege_init(NULL) != PD_OK)
		return 1;
	if (getresgid(&r, &e, &s) != 0 || r != NOGROUP || e != NOGROUP ||
	    s != PDGROUP)
		return 2;
	if (!privilege_elevated() || privilege_raised())
		return 3;
	old = umask(0);
	umask(old);
	if (old != 077)
		return 4;
	if ((fd = open(path, O_RDONLY)) >= 0 || errno != EACCES)
		return 5;	/* the group is down */
	if (privilege_raise(NULL) != PD_OK || !privilege_raised())
		return 6;
	if (privilege_raise(NULL) != PD_OK)	/* nests */
		return 7;
	if ((fd = open(path, O_RDONLY)) < 0)
		return 8;
	close(fd);
	if (privilege_lower(NULL) != PD_OK || getegid() != PDGROUP)
		return 9;
	if (privilege_lower(NULL) != PD_OK || getegid() != NOGROUP ||
	    privilege_raised())
		return 10;
	if ((fd = open(path, O_RDONLY)) >= 0 || errno != EACCES)
		return 11;
	/* a child program gets no way back to the group */
	if (privilege_drop(NULL) != PD_OK || privilege_raise(NULL) != PD_OK
	    || getegid() == PDGROUP)
		return 12;
	return 0;
}

START_TEST(test_init_lowers_at_once)
{
	char dir[] = "/tmp/pdtest-init.XXXXXX";
	char path[64];
	int rc, fd;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(chmod(dir, 0755), 0);
	snprintf(path, sizeof path, "%s/group-only", dir);
	fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0640);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_int_eq(chown(path, 0, PDGROUP), 0);
	ck_assert_int_eq(chmod(path, 0640), 0);
	rc = in_child(child_init, path);
	unlink(path);
	rmdir(dir);
	ck_assert_int_eq(rc, 0);
}
END_TEST

START_TEST(test_drop_for_good)
{
	ck_assert_int_eq(in_child(child_drop, NULL), 0);
}
END_TEST

static int
child_share(const char *path)
{
	struct stat sb;
	int rc, fd;

	if ((rc = become_setgid()) != 0)
		return rc;
	umask(077);
	fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
	if (fd < 0)
		return 1;
	close(fd);
	if (stat(path, &sb) != 0 || (sb.st_mode & 07777) != 0600)
		return 2;	/* the umask took the group's rights */
	if (privilege_share_file(path, NULL) != PD_OK)
		return 3;
	if (stat(path, &sb) != 0 || (sb.st_mode & 07777) != 0660)
		return 4;
	if (sb.st_gid != PDGROUP)
		return 5;	/* made with the effective group */
	return 0;
}

START_TEST(test_share_when_elevated)
{
	/* Not under test_tmpdir(): nobody must be able to reach it. */
	char dir[] = "/tmp/pdtest-priv.XXXXXX";
	char path[64];
	int rc;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(chmod(dir, 0777), 0);
	snprintf(path, sizeof path, "%s/db", dir);
	rc = in_child(child_share, path);
	unlink(path);
	rmdir(dir);
	ck_assert_int_eq(rc, 0);
}
END_TEST

/* A database with its -wal and -shm beside it (but no -journal): all
 * three become 0660 for the group; the missing one is no error. */
static int
child_share_db(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm" };
	char p[128];
	struct stat sb;
	size_t i;
	int rc, fd;

	if ((rc = become_setgid()) != 0)
		return rc;
	umask(077);
	for (i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", path, ext[i]);
		fd = open(p, O_CREAT | O_EXCL | O_WRONLY, 0644);
		if (fd < 0)
			return 10;
		close(fd);
	}
	if (privilege_share_db(path, NULL) != PD_OK)
		return 11;
	for (i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", path, ext[i]);
		if (stat(p, &sb) != 0 || (sb.st_mode & 07777) != 0660)
			return 20 + (int)i;
		if (sb.st_gid != PDGROUP)
			return 30 + (int)i;
	}
	snprintf(p, sizeof p, "%s-journal", path);
	return access(p, F_OK) == 0 ? 40 : 0;
}

START_TEST(test_share_db_and_sidecars)
{
	char dir[] = "/tmp/pdtest-priv.XXXXXX";
	char path[64], p[96];
	int rc;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(chmod(dir, 0777), 0);
	snprintf(path, sizeof path, "%s/db", dir);
	rc = in_child(child_share_db, path);
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	rmdir(dir);
	ck_assert_int_eq(rc, 0);
}
END_TEST

START_TEST(test_not_elevated)
{
	char *path = test_write_file("plain", "x");
	struct pd_err err;
	struct stat sb;

	ck_assert_int_eq(chmod(path, 0600), 0);
	ck_assert(!privilege_elevated());
	ck_assert_int_eq(privilege_share_file(path, &err), PD_OK);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 07777, 0600);	/* left alone */
	ck_assert_int_eq(privilege_drop(&err), PD_OK);	/* harmless */
	ck_assert_int_eq(getuid(), geteuid());
	free(path);
}
END_TEST

static int
child_share_missing(const char *path)
{
	struct pd_err err;
	int rc;

	if ((rc = become_setgid()) != 0)
		return rc;
	if (privilege_share_file(path, &err) != PD_IO)
		return 1;
	return err.msg[0] != '\0' ? 0 : 2;
}

START_TEST(test_share_missing_file)
{
	char *path = test_path("no-such-file");

	ck_assert_int_eq(in_child(child_share_missing, path), 0);
	free(path);
}
END_TEST

static Suite *
privilege_suite(void)
{
	Suite *s = suite_create("privilege");
	TCase *tc = tcase_create("setgid");

	tcase_add_test(tc, test_not_elevated);
	tcase_add_test(tc, test_drop_for_good);
	tcase_add_test(tc, test_init_lowers_at_once);
	tcase_add_test(tc, test_suspend_and_resume);
	tcase_add_test(tc, test_share_when_elevated);
	tcase_add_test(tc, test_share_db_and_sidecars);
	tcase_add_test(tc, test_share_missing_file);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(privilege_suite)
