/* check_userfile.c - files a person names never reach the database: not
 * the database itself, its -wal or -shm, its folder, or a link; "-" is
 * standard input/output; never-overwrite means it; a failed write leaves
 * no new file behind. */
#include "peerdesk/app/userfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/testlib.h"

/* A pretend data folder with a database and its -wal/-shm in it. */
static char *datadir, *db;

static void
setup(void)
{
	datadir = test_path("data");
	ck_assert(mkdir(datadir, 0770) == 0 || errno == EEXIST);
	db = test_write_file("data/peerdesk.db", "SQLite format 3");
	free(test_write_file("data/peerdesk.db-wal", "SQLite format 3"));
	free(test_write_file("data/peerdesk.db-shm", "SQLite format 3"));
	userfile_protect(db);
}

static void
teardown(void)
{
	free(datadir);
	free(db);
}

static char *
content(const char *path)
{
	static char buf[256];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	ck_assert_int_ge(fd, 0);
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	ck_assert_int_ge(n, 0);
	buf[n] = '\0';
	return buf;
}

/* Every way of naming the database or its folder is refused, and the
 * database is unchanged. */
START_TEST(test_database_refused)
{
	const char *tails[] = { "", "-wal", "-shm" };
	char *p, *link, *other;
	struct pd_err err;
	size_t i;

	for (i = 0; i < 3; i++) {
		p = malloc(strlen(db) + 8);
		sprintf(p, "%s%s", db, tails[i]);
		ck_assert_int_eq(userfile_save(p, "x", 1, 0, &err), PD_DENIED);
		ck_assert_str_eq(content(p), "SQLite format 3");
		free(p);
	}
	/* a new file under the database's name (its journal, say) */
	p = test_path("data/peerdesk.db-journal");
	ck_assert_int_eq(userfile_save(p, "x", 1, 0, &err), PD_DENIED);
	ck_assert_ptr_nonnull(strstr(err.msg, "database"));
	ck_assert_int_ne(access(p, F_OK), 0);
	free(p);
	/* a database of the person's own may sit among their files: another
	 * name beside it is fine (installed setgid, the whole data folder
	 * is refused: tests/e2e/t_attack.sh) */
	p = test_path("data/new.yaml");
	ck_assert_int_eq(userfile_save(p, "x", 1, 0, &err), PD_OK);
	free(p);
	/* through a different spelling of the folder */
	p = test_path("data/../data/./peerdesk.db");
	ck_assert_int_eq(userfile_save(p, "x", 1, 0, &err), PD_DENIED);
	free(p);
	/* through a link to the database, and to its folder */
	link = test_path("link.pdf");
	ck_assert_int_eq(symlink(db, link), 0);
	ck_assert_int_eq(userfile_save(link, "x", 1, 0, &err), PD_DENIED);
	ck_assert_ptr_nonnull(strstr(err.msg, "link"));
	ck_assert_str_eq(content(db), "SQLite format 3");
	other = test_path("dirlink");
	ck_assert_int_eq(symlink(datadir, other), 0);
	free(other);
	other = test_path("dirlink/peerdesk.db");
	ck_assert_int_eq(userfile_save(other, "x", 1, 0, &err), PD_DENIED);
	ck_assert_str_eq(content(db), "SQLite format 3");
	free(other);
	other = test_path("dirlink/peerdesk.db.pdf");
	ck_assert_int_eq(userfile_save(other, "x", 1, 0, &err), PD_DENIED);
	free(other);
	free(link);
	/* reading the database as a file is refused too */
	{
		struct strbuf sb = STRBUF_INIT;

		ck_assert_int_eq(userfile_read_all(db, 1 << 20, &sb, &err),
		    PD_DENIED);
		strbuf_fini(&sb);
	}
	/* the folder itself */
	ck_assert_int_eq(userfile_save(datadir, "x", 1, 0, &err), PD_DENIED);
}
END_TEST

START_TEST(test_ordinary_files)
{
	char *p = test_path("plan.yaml");
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	struct stat st;

	ck_assert_int_eq(userfile_save(p, "first", 5, 0, &err), PD_OK);
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_str_eq(content(p), "first");
	/* replaced, shorter: nothing of the old left */
	ck_assert_int_eq(userfile_save(p, "2nd", 3, 0, &err), PD_OK);
	ck_assert_str_eq(content(p), "2nd");
	/* never overwritten when asked */
	ck_assert_int_eq(userfile_save(p, "x", 1, USERFILE_NEW, &err),
	    PD_DUPLICATE);
	ck_assert_str_eq(content(p), "2nd");
	ck_assert_int_eq(userfile_read_all(p, 100, &sb, &err), PD_OK);
	ck_assert_str_eq(sb.buf, "2nd");
	strbuf_reset(&sb);
	ck_assert_int_eq(userfile_read_all(p, 2, &sb, &err), PD_LIMIT);
	strbuf_fini(&sb);
	free(p);
	/* a folder that is not there */
	ck_assert_int_eq(userfile_save("/nonexistent/dir/x.pdf", "x", 1, 0,
	    &err), PD_NOT_FOUND);
	ck_assert_ptr_nonnull(strstr(err.msg, "/nonexistent/dir/x.pdf"));
}
END_TEST

/* A full disk: the new file is not left behind half written. */
START_TEST(test_full_disk)
{
	struct pd_err err;

	ck_assert_int_eq(userfile_save("/dev/full", "x", 1, 0, &err), PD_FULL);
	ck_assert_ptr_nonnull(strstr(err.msg, "full"));
}
END_TEST

START_TEST(test_standard_streams)
{
	int saved = dup(STDOUT_FILENO), fd[2];
	char buf[16] = "";
	struct pd_err err;

	ck_assert(userfile_is_std("-"));
	ck_assert(!userfile_is_std("-x"));
	ck_assert_int_eq(pipe(fd), 0);
	ck_assert_int_ge(dup2(fd[1], STDOUT_FILENO), 0);
	ck_assert_int_eq(userfile_save("-", "hello", 5, 0, &err), PD_OK);
	ck_assert_int_ge(dup2(saved, STDOUT_FILENO), 0);
	close(fd[1]);
	ck_assert_int_eq(read(fd[0], buf, sizeof buf), 5);
	ck_assert_str_eq(buf, "hello");
	close(fd[0]);
	close(saved);
}
END_TEST

static Suite *
userfile_suite(void)
{
	Suite *s = suite_create("userfile");
	TCase *tc = tcase_create("userfile");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_database_refused);
	tcase_add_test(tc, test_ordinary_files);
	tcase_add_test(tc, test_full_disk);
	tcase_add_test(tc, test_standard_streams);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(userfile_suite)
