/* check_editor.c - the external editor ($VISUAL, $EDITOR) runs as the
 * person without the setgid group, on a private copy (0600, in its own
 * 0700 folder, all removed afterwards), and its text comes back only
 * when it finishes cleanly, read through the folder peerdesk made and
 * never through a link an editor put in the copy's place.  The
 * restricted editor (for PALs and SSH) never runs $VISUAL or $EDITOR
 * and gets a clean environment.  A setgid process is simulated as in
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
#include "peerdesk/core/strbuf.h"
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

/* In the child: like `peerdesk` run by nobody, setgid PDGROUP; edit
 * "typed in peerdesk" with run and write what came back to note.  0 or
 * a step number. */
static int
child_run(const char *note, int (*run)(const char *path, void *ctx))
{
	struct strbuf out = STRBUF_INIT;
	FILE *f;
	int rc;

	if (setgroups(0, NULL) != 0 ||
	    setresgid(NOGROUP, PDGROUP, PDGROUP) != 0 ||
	    setresuid(NOBODY, NOBODY, NOBODY) != 0)
		return 90;
	umask(022);
	rc = tui_edit_text(run, NULL, "typed in peerdesk", &out);
	if (rc != 0)
		return 100 + (rc & 0x7f);
	f = fopen(note, "w");
	if (f == NULL)
		return 91;
	fputs(strbuf_str(&out), f);
	fclose(f);
	strbuf_fini(&out);
	return 0;
}

static int
child_edit(const char *note)
{
	return child_run(note, tui_editor_default);
}

static int
child_restricted(const char *note)
{
	return child_run(note, tui_editor_restricted);
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
	ck_assert_str_eq(text, "");	/* nothing came back */
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

/* An editor that swaps its copy for a link to a secret file, or for a
 * second name of it, or for a pipe: nothing is read back, and the
 * secret is neither read nor written. */
static const char swap_sh[] =
	"f=$1\n"
	"rm -f \"$f\"\n"
	"case $SWAP in\n"
	"link) ln -s \"$SECRET\" \"$f\" ;;\n"
	"hard) ln \"$SECRET\" \"$f\" ;;\n"
	"fifo) mkfifo \"$f\" ;;\n"
	"dir) mkdir \"$f\" ;;\n"
	"esac\n"
	"exit 0\n";

static void
swap_case(const char *how)
{
	char *note = xasprintf("%s/note", dir);
	char *secret = xasprintf("%s/secret", dir);
	char *script = xasprintf("%s/swap.sh", dir);
	char *text;
	FILE *f;

	f = fopen(script, "w");
	ck_assert_ptr_nonnull(f);
	fputs(swap_sh, f);
	fclose(f);
	ck_assert_int_eq(chmod(script, 0755), 0);
	/* the person's own file, so that even a hard link can be made */
	f = fopen(secret, "w");
	ck_assert_ptr_nonnull(f);
	fputs("SECRET\n", f);
	fclose(f);
	ck_assert_int_eq(chown(secret, NOBODY, NOGROUP), 0);
	ck_assert_int_eq(chmod(secret, 0666), 0);
	setenv("VISUAL", script, 1);
	setenv("SECRET", secret, 1);
	setenv("SWAP", how, 1);
	/* 100 + (-1 & 0x7f): the copy could not be read back */
	ck_assert_int_eq(in_child(child_edit, note), 100 + (-1 & 0x7f));
	text = slurp(note);
	ck_assert_msg(strstr(text, "SECRET") == NULL, "%s: read through "
	    "the %s", text, how);
	free(text);
	text = slurp(secret);
	ck_assert_str_eq(text, "SECRET\n");
	free(text);
	unlink(secret);
	unlink(script);
	assert_only_ours_left();
	free(script);
	free(secret);
	free(note);
}

START_TEST(test_editor_copy_not_through_link)
{
	swap_case("link");
}
END_TEST

START_TEST(test_editor_copy_not_second_name)
{
	swap_case("hard");
}
END_TEST

START_TEST(test_editor_copy_not_fifo)
{
	swap_case("fifo");
}
END_TEST

START_TEST(test_editor_copy_not_folder)
{
	swap_case("dir");
}
END_TEST

/* The restricted editor: a stand-in that reports its arguments and
 * environment.  $VISUAL and $EDITOR are never run, and nothing of the
 * person's environment but the terminal and the language reaches it. */
static const char fake_nano_sh[] =
	"#!/bin/sh\n"
	"{ echo \"args $*\"; env; } >\"$(dirname \"$0\")/report\"\n"
	"echo 'written in rnano' >>\"$4\"\n"
	"exit 0\n";

START_TEST(test_editor_restricted)
{
	char *note = xasprintf("%s/note", dir);
	char *nano = xasprintf("%s/nano", dir);
	char *report_path = xasprintf("%s/report", dir);
	char *report, *text, *want;
	FILE *f;

	f = fopen(nano, "w");
	ck_assert_ptr_nonnull(f);
	fputs(fake_nano_sh, f);
	fclose(f);
	ck_assert_int_eq(chmod(nano, 0755), 0);
	tui_restricted_editor = nano;
	setenv("EDITOR", getenv("VISUAL"), 1);
	setenv("HOME", dir, 1);
	setenv("LD_PRELOAD", "/nonexistent/evil.so", 1);
	setenv("TERM", "xterm-256color", 1);
	ck_assert_int_eq(in_child(child_restricted, note), 0);
	unsetenv("LD_PRELOAD");
	report = slurp(report_path);
	text = slurp(note);
	/* the stand-in ran, not $VISUAL (editor.sh writes no "args") */
	want = xasprintf("args --restricted --ignorercfiles -- %s/"
	    "peerdesk-edit-", dir);
	ck_assert_msg(strstr(report, want) != NULL, "%s", report);
	ck_assert_str_eq(text, "typed in peerdesk\nwritten in rnano\n");
	ck_assert_msg(strstr(report, "VISUAL=") == NULL, "%s", report);
	ck_assert_msg(strstr(report, "EDITOR=") == NULL, "%s", report);
	ck_assert_msg(strstr(report, "HOME=") == NULL, "%s", report);
	ck_assert_msg(strstr(report, "LD_PRELOAD") == NULL, "%s", report);
	ck_assert_msg(strstr(report, "TERM=xterm-256color\n") != NULL, "%s",
	    report);
	ck_assert_msg(strstr(report, "PATH=/usr/bin:/bin\n") != NULL, "%s",
	    report);
	unlink(nano);
	free(want);
	free(text);
	free(report);
	free(report_path);
	free(nano);
	free(note);
}
END_TEST

START_TEST(test_editor_restricted_missing)
{
	char *note = xasprintf("%s/note", dir);

	tui_restricted_editor = "/nonexistent/nano";
	/* 100 + (TUI_EDITOR_MISSING & 0x7f) */
	ck_assert_int_eq(in_child(child_restricted, note),
	    100 + (TUI_EDITOR_MISSING & 0x7f));
	assert_only_ours_left();
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
	tcase_add_test(tc, test_editor_copy_not_through_link);
	tcase_add_test(tc, test_editor_copy_not_second_name);
	tcase_add_test(tc, test_editor_copy_not_fifo);
	tcase_add_test(tc, test_editor_copy_not_folder);
	tcase_add_test(tc, test_editor_restricted);
	tcase_add_test(tc, test_editor_restricted_missing);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(editor_suite)
