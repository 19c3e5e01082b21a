/* check_editor.c - the external editor ($VISUAL, $EDITOR) runs as the
 * person without the setgid group, on a private copy (0600, in its own
 * 0700 folder, all removed afterwards), and its text comes back only
 * when it finishes cleanly.  A setgid process is simulated as in
 * tests/unit/check_privilege.c: in a forked child, as root, real ids
 * nobody/nogroup, effective and saved group another; so these tests
 * must run as root (they fail, never skip, otherwise). */
#define _GNU_SOURCE	/* setresgid, setgroups */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/testlib.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/tui.h"

#define NOBODY ((uid_t)65534)
#define NOGROUP ((gid_t)65534)
#define PDGROUP ((gid_t)54321)	/* stands in for group peerdesk */

static char dir[64];

/* The "editor": reports what it sees into $dir/report, leaves a swap
 * file beside the text, and appends a line (exit status $1). */
static const char editor_sh[] =
	"f=$1\n"
	"d=$(dirname \"$f\")\n"
	"{\n"
	"  grep '^Gid:' /proc/self/status\n"
	"  echo \"dir $d\"\n"
	"  echo \"dirmode $(stat -c %a \"$d\")\"\n"
	"  echo \"filemode $(stat -c %a \"$f\")\"\n"
	"  echo \"owner $(stat -c %u \"$f\")\"\n"
	"} >\"$REPORT\"\n"
	"echo swap >\"$d/.note.txt.swp\"\n"
	"echo 'written in the editor' >>\"$f\"\n"
	"exit \"$EDITOR_RC\"\n";

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = xcalloc(1, 65536);

	if (f != NULL) {
		if (fread(buf, 1, 65535, f) == 0)
			buf[0] = '\0';
		fclose(f);
	}
	return buf;
}

static void
setup(void)
{
	char *script;
	FILE *f;

	snprintf(dir, sizeof dir, "/tmp/pdtest-editor.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(chmod(dir, 0777), 0);
	script = xasprintf("%s/editor.sh", dir);
	f = fopen(script, "w");
	ck_assert_ptr_nonnull(f);
	fputs(editor_sh, f);
	fclose(f);
	ck_assert_int_eq(chmod(script, 0755), 0);
	setenv("VISUAL", script, 1);
	unsetenv("EDITOR");
	free(script);
	script = xasprintf("%s/report", dir);
	setenv("REPORT", script, 1);
	free(script);
	setenv("TMPDIR", dir, 1);
	setenv("EDITOR_RC", "0", 1);
}

static void
teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

/* In the child: like `peerdesk` run by nobody, setgid PDGROUP; write
 * the note and run the editor on it.  0 or a step number. */
static int
child_edit(const char *note)
{
	FILE *f;
	int rc;

	if (setgroups(0, NULL) != 0 ||
	    setresgid(NOGROUP, PDGROUP, PDGROUP) != 0 ||
	    setresuid(NOBODY, NOBODY, NOBODY) != 0)
		return 90;
	umask(022);
	f = fopen(note, "w");
	if (f == NULL)
		return 91;
	fputs("typed in peerdesk\n", f);
	fclose(f);
	rc = tui_editor_default(note, NULL);
	return rc == 0 ? 0 : 100 + (rc & 0x7f);
}

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

/* Nothing but the note, the script and the report is left in dir. */
static void
assert_only_ours_left(void)
{
	char *cmd = xasprintf("ls -A '%s' | grep -v -e '^note$' -e "
	    "'^editor.sh$' -e '^report$' | grep -q .", dir);

	ck_assert_msg(system(cmd) != 0, "the editor's folder was left in %s",
	    dir);
	free(cmd);
}

START_TEST(test_editor_without_group)
{
	char *note = xasprintf("%s/note", dir);
	char *report_path = xasprintf("%s/report", dir);
	char *report, *text, want[160];

	ck_assert_int_eq(in_child(child_edit, note), 0);
	report = slurp(report_path);
	/* real, effective, saved and filesystem group: all nogroup */
	snprintf(want, sizeof want, "Gid:\t%u\t%u\t%u\t%u", NOGROUP, NOGROUP,
	    NOGROUP, NOGROUP);
	ck_assert_msg(strstr(report, want) != NULL, "the editor kept the "
	    "group:\n%s", report);
	ck_assert_msg(strstr(report, "dirmode 700\n") != NULL, "%s", report);
	ck_assert_msg(strstr(report, "filemode 600\n") != NULL, "%s", report);
	snprintf(want, sizeof want, "owner %u\n", NOBODY);
	ck_assert_msg(strstr(report, want) != NULL, "%s", report);
	/* a folder of its own, not the shared temporary folder */
	snprintf(want, sizeof want, "dir %s/peerdesk-edit-", dir);
	ck_assert_msg(strstr(report, want) != NULL, "%s", report);
	text = slurp(note);
	ck_assert_str_eq(text, "typed in peerdesk\nwritten in the editor\n");
	assert_only_ours_left();
	free(text);
	free(report);
	free(report_path);
	free(note);
}
END_TEST

START_TEST(test_editor_failure_keeps_text)
{
	char *note = xasprintf("%s/note", dir);
	char *text;

	setenv("EDITOR_RC", "3", 1);
	ck_assert_int_eq(in_child(child_edit, note), 103);
	text = slurp(note);
	ck_assert_str_eq(text, "typed in peerdesk\n");
	assert_only_ours_left();
	free(text);
	free(note);
}
END_TEST

START_TEST(test_editor_from_editor_variable)
{
	char *note = xasprintf("%s/note", dir);
	char *text;

	setenv("EDITOR", getenv("VISUAL"), 1);
	unsetenv("VISUAL");
	ck_assert_int_eq(in_child(child_edit, note), 0);
	text = slurp(note);
	ck_assert_str_eq(text, "typed in peerdesk\nwritten in the editor\n");
	assert_only_ours_left();
	free(text);
	free(note);
}
END_TEST

static Suite *
editor_suite(void)
{
	Suite *s = suite_create("editor");
	TCase *tc = tcase_create("editor");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_editor_without_group);
	tcase_add_test(tc, test_editor_failure_keeps_text);
	tcase_add_test(tc, test_editor_from_editor_variable);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(editor_suite)
