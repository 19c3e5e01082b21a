/* Tier 2: drafts survive a full disk (issue 13): when the database cannot
 * take a draft it goes to the person's own private file, and comes back
 * from there word for word, like a database draft. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/draftfile.h"
#include "peerdesk/app/drafts.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/draft.h"
#include "support/dbtest_limits.h"

static struct app app;
static char *state, *folder;
static int64_t sam;

static void
setup(void)
{
	static int n;
	char name[64];

	snprintf(name, sizeof name, "state-%ld-%d", (long)getpid(), ++n);
	state = test_path(name);
	folder = xasprintf("%s/peerdesk", state);
	ck_assert_int_eq(setenv("XDG_STATE_HOME", state, 1), 0);
	appfix_open(&app);
	sam = dbfix_pal(app.db, "sam", "Sam Reid");
	appfix_act_as(&app, sam, ROLE_PAL, "sam");
}

static void
teardown(void)
{
	app_close(&app);
	free(state);
	free(folder);
}

/* A long note, with what a person types: accents, tabs, line breaks,
 * blank lines, a backslash, and trailing spaces. */
static char *
long_note(void)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	for (i = 0; i < 400; i++)
		strbuf_addf(&sb, "#label:did\tWhat we did\ndid\tLine %d: Zoë "
		    "and I walked to the café\\tby the river, \\\\ back at "
		    "%d:15.  \n\n", i, 10 + i % 8);
	return strbuf_detach(&sb);
}

struct rows {
	int n;
	char *content;
	char form[64], key[64];
};

static int
rows_cb(void *arg, const struct draft_row *row)
{
	struct rows *r = arg;

	r->n++;
	free(r->content);
	r->content = xstrdup(row->content);
	snprintf(r->form, sizeof r->form, "%s", row->form);
	snprintf(r->key, sizeof r->key, "%s", row->key);
	return 0;
}

/* The one file in the folder ("" when none), its mode in *mode. */
static void
only_file(char *name, size_t n, mode_t *mode)
{
	struct dirent *de;
	struct stat sb;
	DIR *d = opendir(folder);
	int count = 0;

	name[0] = '\0';
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		char *p;

		if (de->d_name[0] == '.')
			continue;
		count++;
		snprintf(name, n, "%s", de->d_name);
		p = xasprintf("%s/%s", folder, de->d_name);
		ck_assert_int_eq(lstat(p, &sb), 0);
		*mode = sb.st_mode;
		free(p);
	}
	closedir(d);
	ck_assert_int_le(count, 1);
}

START_TEST(test_full_database_keeps_draft_in_file)
{
	struct pd_err err;
	struct rows r;
	struct stat sb;
	char *note = long_note(), *got = NULL, *old = NULL, at[21], name[256];
	mode_t mode = 0;

	/* an older copy in the database, then the disk is full */
	ck_assert_int_eq(app_draft_keep(&app, "kept:session", "5",
	    "did\tthe start of it", &err), PD_OK);
	ck_assert_int_eq(dbtest_fill_disk(app.db, 0, &err), PD_OK);
	ck_assert_int_eq(app_draft_keep(&app, "kept:session", "5", note,
	    &err), PD_OK);
	/* the database could not take it: it still has the older copy */
	ck_assert_int_eq(db_draft_load(app.db, sam, "kept:session", "5", &old,
	    at, &err), PD_OK);
	ck_assert_str_eq(old, "did\tthe start of it");
	free(old);

	/* a private folder and file of the person's own */
	ck_assert_int_eq(lstat(folder, &sb), 0);
	ck_assert(S_ISDIR(sb.st_mode));
	ck_assert_int_eq(sb.st_mode & 0777, 0700);
	ck_assert_int_eq(sb.st_uid, getuid());
	only_file(name, sizeof name, &mode);
	ck_assert_msg(strncmp(name, "sam-", 4) == 0, "file %s", name);
	ck_assert(S_ISREG(mode));
	ck_assert_int_eq(mode & 0777, 0600);

	/* offered back at the next start, once, word for word */
	memset(&r, 0, sizeof r);
	ck_assert_int_eq(app_draft_list(&app, "kept:", rows_cb, &r, &err),
	    PD_OK);
	ck_assert_int_eq(r.n, 1);
	ck_assert_str_eq(r.form, "kept:session");
	ck_assert_str_eq(r.key, "5");
	ck_assert_str_eq(r.content, note);
	free(r.content);
	ck_assert_int_eq(app_draft_peek(&app, "kept:session", "5", &got, at,
	    &err), PD_OK);
	ck_assert_str_eq(got, note);
	free(got);
	ck_assert_int_eq(app_draft_take(&app, "kept:session", "5", &got, at,
	    &err), PD_OK);
	ck_assert_str_eq(got, note);
	ck_assert_int_eq(strlen(at), 20);
	free(got);
	/* taken: gone from the file and the database */
	only_file(name, sizeof name, &mode);
	ck_assert_str_eq(name, "");
	memset(&r, 0, sizeof r);
	ck_assert_int_eq(app_draft_list(&app, "", rows_cb, &r, &err), PD_OK);
	ck_assert_int_eq(r.n, 0);
	free(note);
}
END_TEST

/* Once the database takes drafts again, the file copy goes. */
START_TEST(test_file_copy_goes_when_database_takes_it)
{
	struct pd_err err;
	char name[256];
	mode_t mode = 0;

	ck_assert_int_eq(draftfile_save("sam", "kept:plan_note", "", "older",
	    NULL, &err), PD_OK);
	only_file(name, sizeof name, &mode);
	ck_assert_str_ne(name, "");
	ck_assert_int_eq(app_draft_keep(&app, "kept:plan_note", "", "newer",
	    &err), PD_OK);
	only_file(name, sizeof name, &mode);
	ck_assert_str_eq(name, "");
	/* and another person's file is not theirs to see */
	ck_assert_int_eq(draftfile_save("jo", "kept:session", "", "Jo's",
	    NULL, &err), PD_OK);
	{
		struct rows r;

		memset(&r, 0, sizeof r);
		ck_assert_int_eq(app_draft_list(&app, "", rows_cb, &r, &err),
		    PD_OK);
		ck_assert_int_eq(r.n, 1);
		ck_assert_str_eq(r.content, "newer");
		free(r.content);
	}
}
END_TEST

/* Never through a link, never into a folder open to others. */
START_TEST(test_unsafe_folder_refused)
{
	struct pd_err err;
	char *elsewhere = xasprintf("%s-elsewhere", state), *p;
	struct stat sb;

	ck_assert_int_eq(mkdir(state, 0700), 0);
	ck_assert_int_eq(mkdir(elsewhere, 0700), 0);
	ck_assert_int_eq(symlink(elsewhere, folder), 0);
	ck_assert_int_eq(dbtest_fill_disk(app.db, 0, &err), PD_OK);
	{
		char *note = long_note();	/* more than the database has room for */

		ck_assert_int_ne(app_draft_keep(&app, "kept:session", "", note,
		    &err), PD_OK);
		free(note);
	}
	ck_assert_int_eq(draftfile_save("sam", "kept:session", "", "x", NULL,
	    &err), PD_DENIED);
	ck_assert_ptr_nonnull(strstr(err.msg, "link"));
	ck_assert_int_eq(rmdir(elsewhere), 0);	/* still empty */
	ck_assert_int_eq(unlink(folder), 0);
	ck_assert_int_eq(mkdir(folder, 0755), 0);
	ck_assert_int_eq(draftfile_save("sam", "kept:session", "", "x", NULL,
	    &err), PD_DENIED);
	ck_assert_ptr_nonnull(strstr(err.msg, "nobody else"));
	ck_assert_int_eq(chmod(folder, 0700), 0);
	/* a link planted where the file goes is replaced, not followed */
	p = xasprintf("%s/target", state);
	{
		char *path = NULL;

		ck_assert_int_eq(draftfile_save("sam", "kept:session", "", "x",
		    &path, &err), PD_OK);
		ck_assert_int_eq(unlink(path), 0);
		ck_assert_int_eq(symlink(p, path), 0);
		ck_assert_int_eq(draftfile_save("sam", "kept:session", "", "y",
		    NULL, &err), PD_OK);
		ck_assert_int_ne(stat(p, &sb), 0);	/* nothing written there */
		ck_assert_int_eq(lstat(path, &sb), 0);
		ck_assert(S_ISREG(sb.st_mode));
		free(path);
	}
	free(p);
	free(elsewhere);
}
END_TEST

static Suite *
draftfile_suite(void)
{
	Suite *s = suite_create("app_draftfile");
	TCase *tc = tcase_create("draftfile");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_full_database_keeps_draft_in_file);
	tcase_add_test(tc, test_file_copy_goes_when_database_takes_it);
	tcase_add_test(tc, test_unsafe_folder_refused);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(draftfile_suite)
