/* Tier 3: terminal start-up refuses clearly (locale, TERM, no terminal)
 * and signals only set a flag. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/testlib.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/sampler.h"
#include "peerdesk/tui/term.h"
#include "peerdesk/tui/tui.h"

START_TEST(test_term_names)
{
	struct pd_err err;

	ck_assert_int_eq(term_check_name(NULL, &err), PD_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.msg, "TERM is not set"));
	ck_assert_int_eq(term_check_name("", &err), PD_CONFIG);
	ck_assert_int_eq(term_check_name("dumb", &err), PD_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot move the cursor"));
	ck_assert_int_eq(term_check_name("xterm-256color", &err), PD_OK);
}
END_TEST

static const char *const bad_terms[] = { NULL, "", "dumb",
	"no-such-terminal-xyz" };

START_TEST(test_start_refuses)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	struct pd_err err;

	ck_assert_int_eq(term_locale(NULL, NULL), PD_OK);
	pd_err_clear(&err);
	ck_assert_int_eq(term_start(bad_terms[_i], out, in, false, &err),
	    PD_CONFIG);
	ck_assert(err.msg[0] != '\0');
	ck_assert(!term_active());
	if (_i == 3)
		ck_assert_ptr_nonnull(strstr(err.msg,
		    "Unknown terminal type \"no-such-terminal-xyz\""));
	fclose(out);
	fclose(in);
}
END_TEST

START_TEST(test_start_and_stop)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	struct pd_err err;

	ck_assert_int_eq(term_locale(NULL, NULL), PD_OK);
	ck_assert_int_eq(term_start("xterm-256color", out, in, false, &err),
	    PD_OK);
	ck_assert(term_active());
	term_suspend();
	term_resume();
	term_stop();
	ck_assert(!term_active());
	term_stop();		/* twice is fine (fatal hook, then atexit) */
	fclose(out);
	fclose(in);
}
END_TEST

/* Runs at exit before term_start's own handler: the terminal must have
 * been restored already, by the fatal hook. */
static void
check_restored(void)
{
	if (term_active())
		_exit(99);
}

/* die() while curses is active restores the terminal first (the fatal
 * hook), then exits with its status. */
START_TEST(test_die_restores)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	struct pd_err err;

	ck_assert_int_eq(term_locale(NULL, NULL), PD_OK);
	ck_assert_int_eq(term_start("xterm-256color", out, in, false, &err),
	    PD_OK);
	atexit(check_restored);
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
	die(70, "simulated out of memory");
}
END_TEST

static const char *const bad_locales[] = { "C", "POSIX",
	"xx_NOWHERE.ISO-8859-1", "de_DE.UTF-8-not-installed" };

START_TEST(test_locale_fallback)
{
	struct strbuf note = STRBUF_INIT;
	struct pd_err err;

	setenv("LC_ALL", bad_locales[_i], 1);
	ck_assert_int_eq(term_locale(&note, &err), PD_OK);
	ck_assert(term_locale_is_utf8());
	ck_assert_ptr_nonnull(strstr(strbuf_str(&note), "using C.UTF-8"));
	/* programs we start (the editor) get the same locale */
	ck_assert_str_eq(getenv("LC_ALL"), "C.UTF-8");
	strbuf_fini(&note);
}
END_TEST

START_TEST(test_locale_utf8_quiet)
{
	struct strbuf note = STRBUF_INIT;

	setenv("LC_ALL", "C.UTF-8", 1);
	ck_assert_int_eq(term_locale(&note, NULL), PD_OK);
	ck_assert_uint_eq(note.len, 0);
	strbuf_fini(&note);
}
END_TEST

START_TEST(test_signals_set_a_flag)
{
	term_signals_install();
	ck_assert_int_eq(term_signal_pending(), 0);
	raise(SIGTERM);
	ck_assert_int_eq(term_signal_pending(), SIGTERM);
	ck_assert_int_eq(term_signal_pending(), 0);
	raise(SIGHUP);
	term_signal_forget(SIGINT);	/* only drops that one signal */
	ck_assert_int_eq(term_signal_pending(), SIGHUP);
	raise(SIGINT);
	term_signal_forget(SIGINT);
	ck_assert_int_eq(term_signal_pending(), 0);
	term_signals_restore();
}
END_TEST

/* tui_run without a terminal says so and returns a status. */
START_TEST(test_run_needs_a_terminal)
{
	struct tui_config cfg = { 0 };
	char *errpath = test_path("stderr.txt");
	FILE *fp;
	char buf[512] = "";
	int status;

	setenv("LC_ALL", "C.UTF-8", 1);
	ck_assert_ptr_nonnull(freopen("/dev/null", "r", stdin));
	ck_assert_ptr_nonnull(freopen(errpath, "w", stderr));
	status = tui_run(&cfg, &sampler_list_screen, NULL);
	fflush(stderr);
	ck_assert_int_eq(status, TUI_EXIT_TERMINAL);
	fp = fopen(errpath, "r");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_gt(fread(buf, 1, sizeof buf - 1, fp), 0);
	fclose(fp);
	ck_assert_ptr_nonnull(strstr(buf, "the screens need a terminal"));
	ck_assert(!term_active());
	free(errpath);
}
END_TEST

static Suite *
term_suite(void)
{
	Suite *s = suite_create("term");
	TCase *tc = tcase_create("term");

	tcase_add_test(tc, test_term_names);
	tcase_add_loop_test(tc, test_start_refuses, 0,
	    (int)(sizeof bad_terms / sizeof bad_terms[0]));
	tcase_add_test(tc, test_start_and_stop);
	tcase_add_exit_test(tc, test_die_restores, 70);
	tcase_add_loop_test(tc, test_locale_fallback, 0,
	    (int)(sizeof bad_locales / sizeof bad_locales[0]));
	tcase_add_test(tc, test_locale_utf8_quiet);
	tcase_add_test(tc, test_signals_set_a_flag);
	tcase_add_test(tc, test_run_needs_a_terminal);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(term_suite)
