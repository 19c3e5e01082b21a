/* Tier 1: app/print - running the configured print command: arguments
 * without a shell, exit status and stderr in plain words, a time limit,
 * no terminal input, and setgid dropped in the child.  Stand-in print
 * commands are small sh scripts; tests/e2e/t_print.sh prints to a real
 * CUPS queue. */
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "support/testlib.h"
#include "peerdesk/app/print.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"

static char *doc;	/* the file to "print" */

static void
setup(void)
{
	doc = test_write_file("report.txt", "Weekly hours summary\n");
}

static void
teardown(void)
{
	FREE(&doc);
}

/* Write a script and return the command "sh PATH" (caller frees). */
static char *
script(const char *name, const char *body)
{
	char *path = test_write_file(name, body);
	char *cmd = xasprintf("sh %s", path);

	free(path);
	return cmd;
}

static char *
slurp(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[1024];
	size_t n;
	FILE *f = fopen(path, "rb");

	ck_assert_msg(f != NULL, "cannot read %s", path);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	return strbuf_detach(&sb);
}

START_TEST(test_ok_and_said)
{
	char *cmd = script("ok.sh", "echo 'request id is office-7 (1 file(s))'\n"
	    "exit 0\n");
	struct print_outcome out;
	struct pd_err err;

	ck_assert_int_eq(app_print_file(cmd, doc, 0, &out, &err), PD_OK);
	ck_assert_int_eq(out.exit_status, 0);
	ck_assert_str_eq(out.said, "request id is office-7 (1 file(s))");
	free(cmd);
}
END_TEST

/* Split on spaces and tabs, no shell: quotes and $ stay as they are;
 * the file comes last. */
START_TEST(test_arguments)
{
	char *out = test_path("args.out");
	char *body = xasprintf("printf '%%s\\n' \"$@\" > %s\n", out);
	char *cmd = script("args.sh", body);
	char *full = xasprintf("%s  -d\toffice \"two words\" $HOME", cmd);
	char *want = xasprintf("-d\noffice\n\"two\nwords\"\n$HOME\n%s\n", doc);
	char *got;

	ck_assert_int_eq(app_print_file(full, doc, 0, NULL, NULL), PD_OK);
	got = slurp(out);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	free(full);
	free(cmd);
	free(body);
	free(out);
}
END_TEST

START_TEST(test_failure_in_plain_words)
{
	char *cmd = script("fail.sh", "echo 'lp: The printer or class does "
	    "not exist.' >&2\necho 'second line' >&2\nexit 1\n");
	struct print_outcome out;
	struct pd_err err;

	ck_assert_int_eq(app_print_file(cmd, doc, 0, &out, &err), PD_IO);
	ck_assert_int_eq(out.exit_status, 1);
	ck_assert_msg(strstr(err.msg, "failed (exit status 1): lp: The "
	    "printer or class does not exist.; second line") != NULL, "%s",
	    err.msg);
	ck_assert_msg(strstr(err.msg, cmd) != NULL, "names the command: %s",
	    err.msg);
	free(cmd);
}
END_TEST

/* A folder of stand-ins for lp and lpstat put first on PATH: lp fails
 * as CUPS's does; lpstat -r answers "running" or not, lpstat -p lists
 * the printers given.  The old PATH is kept for sh and echo. */
static char *old_path;

static void
fake_cups(const char *lp_says, const char *lpstat_r, const char *printers)
{
	char *dir = test_path("fakebin"), *f, *body;

	(void)mkdir(dir, 0755);
	f = xasprintf("%s/lp", dir);
	body = xasprintf("#!/bin/sh\necho '%s' >&2\nexit 1\n", lp_says);
	ck_assert_int_eq(test_save_file(f, body, strlen(body), NULL), PD_OK);
	ck_assert_int_eq(chmod(f, 0755), 0);
	free(f);
	free(body);
	f = xasprintf("%s/lpstat", dir);
	body = xasprintf("#!/bin/sh\ncase $1 in\n-r) echo '%s' ;;\n"
	    "-p) printf '%s' ;;\nesac\nexit 0\n", lpstat_r, printers);
	ck_assert_int_eq(test_save_file(f, body, strlen(body), NULL), PD_OK);
	ck_assert_int_eq(chmod(f, 0755), 0);
	free(f);
	free(body);
	if (old_path == NULL)
		old_path = xstrdup(getenv("PATH") ? getenv("PATH") : "/bin");
	f = xasprintf("%s:%s", dir, old_path);
	setenv("PATH", f, 1);
	free(f);
	free(dir);
}

/* CUPS stopped: lp says the printer does not exist, but the truth is
 * that the print service is down, and lpstat -r says so. */
START_TEST(test_print_service_down)
{
	struct print_outcome out;
	struct pd_err err;

	fake_cups("lp: Error - The printer or class does not exist.",
	    "scheduler is not running", "");
	ck_assert_int_eq(app_print_file("lp -d office", doc, 0, &out, &err),
	    PD_IO);
	ck_assert_int_eq(out.exit_status, 1);
	ck_assert_msg(strstr(err.msg, "the print service (CUPS) on this "
	    "computer is not running, so nothing was printed.") != NULL,
	    "%s", err.msg);
	ck_assert_msg(strstr(err.msg, "does not exist") == NULL, "%s",
	    err.msg);
	ck_assert_str_eq(err.field, "print_command");
}
END_TEST

/* A printer name CUPS does not know: said, with the ones it knows. */
START_TEST(test_unknown_printer)
{
	struct pd_err err;

	fake_cups("lp: Error - The printer or class does not exist.",
	    "scheduler is running",
	    "printer office-laser is idle.  enabled since x\n"
	    "printer upstairs is idle.  enabled since x\n"
	    "printer reception disabled since x -\n");
	ck_assert_int_eq(app_print_file("lp -d ofice", doc, 0, NULL, &err),
	    PD_IO);
	ck_assert_msg(strstr(err.msg, "there is no printer called \"ofice\", "
	    "so nothing was printed; the printers this computer knows are "
	    "\"office-laser\", \"upstairs\" and \"reception\".  Check "
	    "print_command in the settings (now \"lp -d ofice\").") != NULL,
	    "%s", err.msg);
	fake_cups("lp: Error - The printer or class does not exist.",
	    "scheduler is running", "");
	ck_assert_int_eq(app_print_file("lp -dofice", doc, 0, NULL, &err),
	    PD_IO);
	ck_assert_msg(strstr(err.msg, "no printer called \"ofice\", so "
	    "nothing was printed; this computer knows no printers at all") !=
	    NULL, "%s", err.msg);
	/* no printer named and no default */
	fake_cups("lp: Error - No default destination.",
	    "scheduler is running", "printer office-laser is idle.\n");
	ck_assert_int_eq(app_print_file("lp", doc, 0, NULL, &err), PD_IO);
	ck_assert_msg(strstr(err.msg, "names no printer and this computer "
	    "has no default printer, so nothing was printed; the only printer "
	    "this computer knows is "
	    "\"office-laser\"") != NULL, "%s", err.msg);
	/* any other failure: lp's own words */
	fake_cups("lp: Error - Forbidden.", "scheduler is running", "");
	ck_assert_int_eq(app_print_file("lp -d office", doc, 0, NULL, &err),
	    PD_IO);
	ck_assert_msg(strstr(err.msg, "failed (exit status 1): lp: Error - "
	    "Forbidden.") != NULL, "%s", err.msg);
}
END_TEST

START_TEST(test_not_found)
{
	struct pd_err err;

	ck_assert_int_eq(app_print_file("/nonexistent/lp -d office", doc, 0,
	    NULL, &err), PD_NOT_FOUND);
	ck_assert_msg(strstr(err.msg, "\"/nonexistent/lp\" was not found") !=
	    NULL, "%s", err.msg);
	ck_assert_str_eq(err.field, "print_command");
	ck_assert_int_eq(app_print_file("no-such-print-command-here", doc, 0,
	    NULL, &err), PD_NOT_FOUND);
}
END_TEST

START_TEST(test_bad_command_line)
{
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	int i;

	ck_assert_int_eq(app_print_file(" \t ", doc, 0, NULL, &err),
	    PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "print_command"));
	for (i = 0; i < PRINT_ARGS_MAX; i++)
		strbuf_adds(&sb, "x ");
	ck_assert_int_eq(app_print_file(sb.buf, doc, 0, NULL, &err),
	    PD_INVALID);
	strbuf_fini(&sb);
}
END_TEST

START_TEST(test_unreadable_file)
{
	struct pd_err err;

	ck_assert_int_eq(app_print_file("true", "/nonexistent/report.pdf", 0,
	    NULL, &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "/nonexistent/report.pdf"));
}
END_TEST

/* A command that hangs is stopped at the time limit, with its
 * children, and the message says so. */
START_TEST(test_time_limit)
{
	char *cmd = script("slow.sh", "sleep 30 & wait\n");
	struct print_outcome out;
	struct pd_err err;
	time_t t0 = time(NULL);

	ck_assert_int_eq(app_print_file(cmd, doc, 300, &out, &err), PD_IO);
	ck_assert_int_le(time(NULL) - t0, 5);
	ck_assert_int_eq(out.exit_status, -1);
	ck_assert_msg(strstr(err.msg, "did not finish within 1 second ") !=
	    NULL, "%s", err.msg);
	free(cmd);
}
END_TEST

/* The command reads nothing from the terminal: stdin is /dev/null. */
START_TEST(test_no_terminal_input)
{
	char *cmd = script("reads.sh", "if read line; then echo \"read: "
	    "$line\"; else echo 'end of input'; fi\n");
	struct print_outcome out;

	ck_assert_int_eq(app_print_file(cmd, doc, 5000, &out, NULL), PD_OK);
	ck_assert_str_eq(out.said, "end of input");
	free(cmd);
}
END_TEST

START_TEST(test_killed_by_signal)
{
	char *cmd = script("dies.sh", "echo 'going' >&2\nkill -9 $$\n");
	struct pd_err err;

	ck_assert_int_eq(app_print_file(cmd, doc, 0, NULL, &err), PD_IO);
	ck_assert_msg(strstr(err.msg, "stopped by signal 9") != NULL, "%s",
	    err.msg);
	free(cmd);
}
END_TEST

/* Installed setgid, the program runs with a borrowed effective group:
 * the print command must not get it.  Simulated as root with setegid
 * (the test needs root, as CI and the development machines have). */
START_TEST(test_setgid_dropped)
{
	char *out = test_path("gid.out");
	char *body = xasprintf("id -g > %s\nid -rg >> %s\n", out, out);
	char *cmd = script("gid.sh", body);
	char *want = xasprintf("%d\n%d\n", (int)getgid(), (int)getgid());
	char *got;
	enum pd_status st;

	ck_assert_msg(getuid() == 0, "this test needs root to borrow a group "
	    "with setegid()");
	ck_assert_int_eq(setegid(65534), 0);
	ck_assert_int_eq((int)getegid(), 65534);
	st = app_print_file(cmd, doc, 0, NULL, NULL);
	ck_assert_int_eq(setegid(getgid()), 0);
	ck_assert_int_eq(st, PD_OK);
	got = slurp(out);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	free(cmd);
	free(body);
	free(out);
}
END_TEST

static Suite *
report_print_suite(void)
{
	Suite *s = suite_create("report_print");
	TCase *tc = tcase_create("print");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_ok_and_said);
	tcase_add_test(tc, test_arguments);
	tcase_add_test(tc, test_failure_in_plain_words);
	tcase_add_test(tc, test_not_found);
	tcase_add_test(tc, test_print_service_down);
	tcase_add_test(tc, test_unknown_printer);
	tcase_add_test(tc, test_bad_command_line);
	tcase_add_test(tc, test_unreadable_file);
	tcase_add_test(tc, test_time_limit);
	tcase_add_test(tc, test_no_terminal_input);
	tcase_add_test(tc, test_killed_by_signal);
	tcase_add_test(tc, test_setgid_dropped);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(report_print_suite)
