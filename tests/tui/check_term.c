/* Tier 3: terminal start-up refuses clearly (locale, TERM, no terminal)
 * and signals only set a flag. */
#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/testlib.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/keys.h"
#include "tui/support/sampler.h"
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

/* ---- keys from real terminal types, through curses ---------------------- */

/* Terminal types whose databases differ in what they know: PuTTY's
 * usual TERM=xterm, xterm-256color, screen and tmux (what tmux gives
 * programs inside it), the Linux console and rxvt. */
static const char *const key_terms[] = { "xterm", "xterm-256color",
	"screen", "tmux-256color", "linux", "rxvt" };

/* Bytes a terminal sends, and the key peerdesk reads ("" when the
 * sequence is read whole and ignored). */
static const struct {
	const char *bytes;
	const char *key;
} key_bytes[] = {
	{ "\033[1~", "Home" }, { "\033[4~", "End" },
	{ "\033[7~", "Home" }, { "\033[8~", "End" },
	{ "\033[H", "Home" }, { "\033[F", "End" },
	{ "\033OH", "Home" }, { "\033OF", "End" },
	{ "\033[2~", "Insert" }, { "\033[3~", "Delete" },
	{ "\033[5~", "PgUp" }, { "\033[6~", "PgDn" },
	{ "\033[A", "Up" }, { "\033OB", "Down" },
	{ "\033[11~", "F1" }, { "\033[12~", "F2" }, { "\033[13~", "F3" },
	{ "\033[14~", "F4" }, { "\033[15~", "F5" }, { "\033[17~", "F6" },
	{ "\033[18~", "F7" }, { "\033[19~", "F8" }, { "\033[20~", "F9" },
	{ "\033[21~", "F10" }, { "\033[23~", "F11" },
	{ "\033[24~", "F12" },
	{ "\033[[A", "F1" }, { "\033[[B", "F2" }, { "\033[[C", "F3" },
	{ "\033[[D", "F4" }, { "\033[[E", "F5" },
	{ "\033OP", "F1" }, { "\033OQ", "F2" }, { "\033OR", "F3" },
	{ "\033OS", "F4" },
	{ "\033[1;5H", "Home" }, { "\033[1;5F", "End" },
	{ "\033[1;2D", "S-Left" }, { "\033[3;5~", "Delete" },
	{ "\033[1;5A", "Up" }, { "\033[Z", "S-Tab" },
	{ "\033[99~", "" }, { "\033[200~", "" }, { "\033[I", "" },
	{ "\033[2;3;4H", "" }, { "\033x", "Esc x" },
};

/* Start curses on term with input from a pipe; returns the write end. */
static int
start_on_pipe(const char *term, FILE **in, FILE **out)
{
	int fd[2];
	struct pd_err err;

	ck_assert_int_eq(pipe(fd), 0);
	*in = fdopen(fd[0], "r");
	*out = fopen("/dev/null", "w");
	ck_assert_ptr_nonnull(*in);
	ck_assert_int_eq(term_locale(NULL, NULL), PD_OK);
	ck_assert_msg(term_start(term, *out, *in, false, &err) == PD_OK,
	    "%s: %s", term, err.msg);
	return fd[1];
}

static void
stop_on_pipe(int wfd, FILE *in, FILE *out)
{
	term_stop();
	close(wfd);
	fclose(in);
	fclose(out);
}

START_TEST(test_keys_from_terminals)
{
	const char *term = key_terms[_i];
	struct keys_reader r = { .next = term_next };
	struct tui_key k;
	char name[KEYS_NAME_MAX], got[128];
	enum keys_got g;
	FILE *in, *out;
	size_t i, len;
	int wfd = start_on_pipe(term, &in, &out);

	for (i = 0; i < sizeof key_bytes / sizeof key_bytes[0]; i++) {
		/* the sequence, then a z: the z must come out as z */
		ck_assert(write(wfd, key_bytes[i].bytes,
		    strlen(key_bytes[i].bytes)) > 0);
		ck_assert(write(wfd, "z", 1) == 1);
		got[0] = '\0';
		len = 0;
		for (;;) {
			g = keys_read(&r, 1000, term_seq_ms(), &k);
			ck_assert_msg(g != KEYS_GOT_NOTHING,
			    "%s: nothing read after %s", term,
			    key_bytes[i].bytes + 1);
			if (g == KEYS_GOT_IGNORED)
				continue;
			if (!k.fn && !k.meta && k.code == 'z')
				break;
			len += (size_t)snprintf(got + len, sizeof got - len,
			    "%s%s", len ? " " : "", keys_name(k, name));
		}
		ck_assert_msg(strcmp(got, key_bytes[i].key) == 0,
		    "TERM=%s: ESC%s read as \"%s\", wanted \"%s\"", term,
		    key_bytes[i].bytes + 1, got, key_bytes[i].key);
	}
	stop_on_pipe(wfd, in, out);
}
END_TEST

/* Mouse reports through curses itself, on each terminal, mouse on and
 * off: SGR and X10 reports are read whole (a click at row 4, column 9),
 * and the z after each is z; with the mouse off they are still read
 * whole and type nothing. */
START_TEST(test_mouse_from_terminals)
{
	static const char *const reports[] = {
		"\033[<0;10;5M", "\033[M *%", "\033[<0;10;5m",
		"\033[<65;10;5M",
	};
	static const char *const want[] = { "click@4,9", "click@4,9", "",
	    "wheeldown@4,9" };
	const char *term = key_terms[_i / 2];
	bool on = _i % 2 == 0;
	struct keys_reader r = { .next = term_next };
	struct tui_key k;
	char got[128];
	enum keys_got g;
	FILE *in, *out;
	size_t i, len;
	int wfd = start_on_pipe(term, &in, &out);

	(void)term_mouse(on);
	for (i = 0; i < sizeof reports / sizeof reports[0]; i++) {
		ck_assert(write(wfd, reports[i], strlen(reports[i])) > 0);
		ck_assert(write(wfd, "z", 1) == 1);
		got[0] = '\0';
		len = 0;
		for (;;) {
			g = keys_read(&r, 1000, term_seq_ms(), &k);
			ck_assert_msg(g != KEYS_GOT_NOTHING,
			    "%s: nothing read after %s", term, reports[i] + 1);
			if (g == KEYS_GOT_IGNORED)
				continue;
			if (g == KEYS_GOT_MOUSE) {
				len += (size_t)snprintf(got + len,
				    sizeof got - len, "%s%s@%d,%d",
				    len ? " " : "",
				    r.mouse.what == TUI_CLICK ? "click" :
				    r.mouse.what == TUI_WHEEL_UP ? "wheelup" :
				    "wheeldown", r.mouse.y, r.mouse.x);
				continue;
			}
			if (!k.fn && !k.meta && k.code == 'z')
				break;
			len += (size_t)snprintf(got + len, sizeof got - len,
			    "%s%s", len ? " " : "", "key");
		}
		ck_assert_msg(strcmp(got, want[i]) == 0,
		    "TERM=%s, mouse %s: ESC%s read as \"%s\", wanted \"%s\"",
		    term, on ? "on" : "off", reports[i] + 1, got, want[i]);
	}
	stop_on_pipe(wfd, in, out);
}
END_TEST

/* The terminal is asked for the mouse (xterm's 1000, and SGR 1006
 * where the database says so) only when the mouse is on and the
 * database says it has one; nothing is written otherwise, and it is
 * asked to stop at the end. */
START_TEST(test_mouse_request)
{
	static const struct {
		const char *term;
		bool on, asked;
	} cases[] = {
		{ "xterm-256color", true, true },
		{ "xterm-256color", false, false },
		{ "screen", true, true },
		{ "vt100", true, false },
		{ "vt220", true, false },
	};
	char path[] = "/tmp/peerdesk-mouse-XXXXXX", buf[8192];
	FILE *out, *in = fopen("/dev/null", "r");
	struct pd_err err;
	size_t n;
	int fd;

	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	out = fdopen(fd, "w");
	ck_assert_ptr_nonnull(out);
	ck_assert_int_eq(term_locale(NULL, NULL), PD_OK);
	ck_assert_msg(term_start(cases[_i].term, out, in, false, &err) ==
	    PD_OK, "%s", err.msg);
	ck_assert(term_mouse(cases[_i].on) == cases[_i].asked);
	refresh();
	term_stop();
	fclose(out);
	fclose(in);
	in = fopen(path, "r");
	n = fread(buf, 1, sizeof buf - 1, in);
	buf[n] = '\0';
	fclose(in);
	unlink(path);
	if (cases[_i].asked) {
		ck_assert_msg(strstr(buf, "\033[?1000h") != NULL ||
		    strstr(buf, ";1000h") != NULL, "%s: not asked",
		    cases[_i].term);
		ck_assert_msg(strstr(buf, "1000l") != NULL,
		    "%s: not asked to stop", cases[_i].term);
	} else {
		ck_assert_msg(strstr(buf, "1000h") == NULL &&
		    strstr(buf, "1006") == NULL, "%s (mouse %s): asked",
		    cases[_i].term, cases[_i].on ? "on" : "off");
	}
	if (cases[_i].asked) {
		/* SGR too: asked by curses for xterm, by us for screen */
		ck_assert_msg(strstr(buf, "1006") != NULL, "%s: no SGR",
		    cases[_i].term);
	}
	if (strcmp(cases[_i].term, "screen") == 0) {
		ck_assert(strstr(buf, "\033[?1006h") != NULL);
		ck_assert(strstr(buf, "\033[?1006l") != NULL);
	}
}
END_TEST

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A lone Esc answers promptly (well under a second), and the key typed
 * after it is itself. */
START_TEST(test_lone_esc)
{
	struct keys_reader r = { .next = term_next };
	struct tui_key k;
	FILE *in, *out;
	long long t0;
	int wfd = start_on_pipe("xterm", &in, &out);

	ck_assert(write(wfd, "\033", 1) == 1);
	t0 = now_ms();
	ck_assert_int_eq(keys_read(&r, 1000, term_seq_ms(), &k),
	    KEYS_GOT_KEY);
	ck_assert(!k.fn && !k.meta && k.code == 27);
	ck_assert_int_lt(now_ms() - t0, 500);
	ck_assert(write(wfd, "[", 1) == 1);
	ck_assert_int_eq(keys_read(&r, 1000, term_seq_ms(), &k),
	    KEYS_GOT_KEY);
	ck_assert(!k.fn && !k.meta && k.code == '[');
	/* nothing at all: nothing is read */
	ck_assert_int_eq(keys_read(&r, 10, term_seq_ms(), &k),
	    KEYS_GOT_NOTHING);
	stop_on_pipe(wfd, in, out);
}
END_TEST

START_TEST(test_escdelay)
{
	ck_assert_int_eq(term_escdelay_from(NULL), TERM_ESCDELAY_MS);
	ck_assert_int_eq(term_escdelay_from(""), TERM_ESCDELAY_MS);
	ck_assert_int_eq(term_escdelay_from("200"), 200);
	ck_assert_int_eq(term_escdelay_from("0"), TERM_ESCDELAY_MS);
	ck_assert_int_eq(term_escdelay_from("99999"), TERM_ESCDELAY_MS);
	ck_assert_int_eq(term_escdelay_from("12ms"), TERM_ESCDELAY_MS);
}
END_TEST

/* SIGTSTP and SIGCONT only set flags, apart from the others. */
START_TEST(test_stop_and_continue_set_flags)
{
	term_signals_install();
	ck_assert(!term_stop_requested());
	ck_assert(!term_continued());
	raise(SIGTSTP);
	ck_assert(term_stop_requested());
	ck_assert(!term_stop_requested());
	ck_assert_int_eq(term_signal_pending(), 0);
	raise(SIGCONT);
	ck_assert(term_continued());
	ck_assert(!term_continued());
	term_signals_restore();
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
	tcase_add_loop_test(tc, test_keys_from_terminals, 0,
	    (int)(sizeof key_terms / sizeof key_terms[0]));
	tcase_add_loop_test(tc, test_mouse_from_terminals, 0,
	    2 * (int)(sizeof key_terms / sizeof key_terms[0]));
	tcase_add_loop_test(tc, test_mouse_request, 0, 5);
	tcase_add_test(tc, test_lone_esc);
	tcase_add_test(tc, test_escdelay);
	tcase_add_test(tc, test_stop_and_continue_set_flags);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(term_suite)
