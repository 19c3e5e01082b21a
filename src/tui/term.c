#include "peerdesk/tui/term.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <term.h>

#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/style.h"

static SCREEN *term_screen;
static FILE *term_out;
static bool term_sgr_asked;	/* we asked for SGR (1006) ourselves */
static bool term_exit_registered;
static volatile sig_atomic_t term_sig, term_tstp, term_cont;
static struct sigaction term_old_term, term_old_hup, term_old_int;
static struct sigaction term_old_tstp, term_old_cont;
static int term_escdelay = TERM_ESCDELAY_MS;
static bool term_handlers_on;

bool
term_locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
	    strcasecmp(cs, "utf8") == 0);
}

enum pd_status
term_locale(struct strbuf *note, struct pd_err *err)
{
	const char *was;
	char old[128];

	setlocale(LC_ALL, "");
	if (term_locale_is_utf8())
		return PD_OK;
	was = setlocale(LC_CTYPE, NULL);
	snprintf(old, sizeof old, "%s", was ? was : "C");
	if (setlocale(LC_ALL, "C.UTF-8") == NULL &&
	    setlocale(LC_ALL, "C.utf8") == NULL) {
		setlocale(LC_ALL, "");
		return pd_fail(err, PD_CONFIG, NULL,
		    "A UTF-8 locale is needed, and this system has none "
		    "it can use (the current one is %s). Ask whoever looks "
		    "after this computer to install C.UTF-8, or set "
		    "LANG to a UTF-8 locale such as en_GB.UTF-8.", old);
	}
	if (!term_locale_is_utf8())
		return pd_fail(err, PD_CONFIG, NULL,
		    "A UTF-8 locale is needed; C.UTF-8 did not work here");
	/* Programs we start (the editor) should agree with us. */
	setenv("LC_ALL", "C.UTF-8", 1);
	if (note != NULL)
		strbuf_addf(note, "Your locale (%s) is not UTF-8, or is not "
		    "installed here; using C.UTF-8 instead. Accented letters "
		    "will work. To choose your own, set LANG to a UTF-8 "
		    "locale.", old);
	return PD_OK;
}

enum pd_status
term_check_name(const char *term, struct pd_err *err)
{
	if (term == NULL || term[0] == '\0')
		return pd_fail(err, PD_CONFIG, NULL,
		    "TERM is not set, so peerdesk cannot tell what kind of "
		    "terminal this is. Try: TERM=xterm-256color peerdesk");
	if (strcmp(term, "dumb") == 0)
		return pd_fail(err, PD_CONFIG, NULL,
		    "This terminal (TERM=dumb) cannot move the cursor, which "
		    "peerdesk's screens need. Use a full terminal, or the "
		    "peerdesk commands (peerdesk --help).");
	return PD_OK;
}

int
term_escdelay_from(const char *env)
{
	char *end;
	long v;

	if (env == NULL || env[0] == '\0')
		return TERM_ESCDELAY_MS;
	v = strtol(env, &end, 10);
	if (*end != '\0' || v < 1 || v > 5000)
		return TERM_ESCDELAY_MS;
	return (int)v;
}

int
term_seq_ms(void)
{
	return term_escdelay;
}

int
term_next(void *ctx, int timeout_ms, uint32_t *wc)
{
	wint_t w = 0;
	int rc;

	(void)ctx;
	timeout(timeout_ms);
	rc = get_wch(&w);
	*wc = (uint32_t)w;
	return rc;
}

static void
term_atexit(void)
{
	term_stop();
}

enum pd_status
term_start(const char *term, FILE *out, FILE *in, bool monochrome,
    struct pd_err *err)
{
	const char *cup;
	const char *nc;
	int errret = 0;
	bool can_move;

	if (term_check_name(term, err) != PD_OK)
		return PD_CONFIG;
	if (term_screen != NULL)
		term_stop();
	/* Look the terminal up first: a failed newterm() leaks, and this
	 * also lets us ask whether it can address the cursor. */
	if (setupterm(term, fileno(out), &errret) != OK)
		return pd_fail(err, PD_CONFIG, NULL,
		    "Unknown terminal type \"%s\" (from "
		    "TERM). Try: TERM=xterm-256color peerdesk", term);
	cup = tigetstr("cup");
	can_move = cup != NULL && cup != (char *)-1;
	del_curterm(cur_term);
	if (!can_move)
		return pd_fail(err, PD_CONFIG, NULL,
		    "This terminal (TERM=%s) cannot move the cursor, which "
		    "peerdesk's screens need. Use a full terminal, or the "
		    "peerdesk commands (peerdesk --help).", term);
	/* Real line-drawing characters in UTF-8 (tmux capture-pane too). */
	if (term_locale_is_utf8())
		setenv("NCURSES_NO_UTF8_ACS", "1", 1);
	term_screen = newterm(term, out, in);
	term_out = out;
	term_sgr_asked = false;
	if (term_screen == NULL)
		return pd_fail(err, PD_CONFIG, NULL,
		    "Could not start the terminal \"%s\" (from "
		    "TERM). Try: TERM=xterm-256color peerdesk", term);
	set_term(term_screen);
	xalloc_set_fatal_hook(term_stop);
	if (!term_exit_registered) {
		atexit(term_atexit);
		term_exit_registered = true;
	}
	raw();		/* C-s, C-q and C-c arrive as keys */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	term_escdelay = term_escdelay_from(getenv("ESCDELAY"));
	set_escdelay(term_escdelay);
	curs_set(1);
	/* Mouse reports are read whole by keys_read (every form of them),
	 * never by curses, which would take the kmous prefix alone as
	 * KEY_MOUSE when the mouse is off and leave the rest as letters. */
	keyok(KEY_MOUSE, FALSE);
	nc = getenv("NO_COLOR");
	style_init(!monochrome && (nc == NULL || nc[0] == '\0'));
	return PD_OK;
}

bool
term_mouse(bool on)
{
	const char *kmous;

	if (term_screen == NULL)
		return false;
	/* Only a terminal whose database entry says it reports the mouse
	 * (kmous) is asked to: curses sends the xterm request (1000, and
	 * SGR 1006 where kmous says so) now and after each pause, and
	 * takes it back at the end.  Nothing is sent to any other. */
	kmous = tigetstr("kmous");
	if (!on || kmous == NULL || kmous == (char *)-1 || kmous[0] == '\0') {
		mousemask(0, NULL);
		return false;
	}
	if (mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED,
	    NULL) == 0)
		return false;
	mouseinterval(0);
	if (strcmp(kmous, "\033[<") != 0 && !term_sgr_asked) {
		/* screen, tmux, rxvt: curses asks for the old X10 form only,
		 * whose columns end at 223 and go past 127 (not UTF-8) from
		 * 95; ask for SGR too, which a terminal that does not know
		 * it ignores (keys_read reads both). */
		if (term_out != NULL) {
			fputs("\033[?1006h", term_out);
			fflush(term_out);
			term_sgr_asked = true;
		}
	}
	keyok(KEY_MOUSE, FALSE);	/* as term_start: keys_read reads them */
	return true;
}

void
term_stop(void)
{
	if (term_screen == NULL)
		return;
	set_term(term_screen);
	endwin();
	if (term_sgr_asked && term_out != NULL) {
		fputs("\033[?1006l", term_out);
		fflush(term_out);
		term_sgr_asked = false;
	}
	delscreen(term_screen);
	term_screen = NULL;
	xalloc_set_fatal_hook(NULL);
}

bool
term_active(void)
{
	return term_screen != NULL;
}

static void
term_on_signal(int sig)
{
	term_sig = sig;
}

static void
term_on_stop(int sig)
{
	(void)sig;
	term_tstp = 1;
}

static void
term_on_cont(int sig)
{
	(void)sig;
	term_cont = 1;
}

void
term_signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = term_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: get_wch returns at once */
	sigaction(SIGTERM, &sa, &term_old_term);
	sigaction(SIGHUP, &sa, &term_old_hup);
	sigaction(SIGINT, &sa, &term_old_int);
	/* Ours before curses starts, so it installs no SIGTSTP handler of
	 * its own: stopping happens in the main loop (term_suspend_job). */
	sa.sa_handler = term_on_stop;
	sigaction(SIGTSTP, &sa, &term_old_tstp);
	sa.sa_handler = term_on_cont;
	sigaction(SIGCONT, &sa, &term_old_cont);
	term_handlers_on = true;
}

void
term_signals_restore(void)
{
	if (!term_handlers_on)
		return;
	sigaction(SIGTERM, &term_old_term, NULL);
	sigaction(SIGHUP, &term_old_hup, NULL);
	sigaction(SIGINT, &term_old_int, NULL);
	sigaction(SIGTSTP, &term_old_tstp, NULL);
	sigaction(SIGCONT, &term_old_cont, NULL);
	term_handlers_on = false;
}

int
term_signal_pending(void)
{
	int s = term_sig;

	term_sig = 0;
	return s;
}

void
term_signal_forget(int sig)
{
	if (term_sig == sig)
		term_sig = 0;
}

void
term_suspend(void)
{
	if (term_screen == NULL)
		return;
	def_prog_mode();
	endwin();
}

void
term_resume(void)
{
	if (term_screen == NULL)
		return;
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
}

bool
term_stop_requested(void)
{
	bool r = term_tstp != 0;

	term_tstp = 0;
	return r;
}

bool
term_continued(void)
{
	bool r = term_cont != 0;

	term_cont = 0;
	return r;
}

bool
term_stop_self(void)
{
	struct sigaction dfl, old;
	sigset_t set, oldset;
	bool stopped;

	fflush(stdout);
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, &oldset);
	term_cont = 0;
	/* Stops here until `fg` (SIGCONT).  With no shell to come back to
	 * (an orphaned process group) the system drops it instead. */
	raise(SIGTSTP);
	sigprocmask(SIG_SETMASK, &oldset, NULL);
	sigaction(SIGTSTP, &old, NULL);
	stopped = term_cont != 0;
	term_cont = 0;
	term_tstp = 0;
	return stopped;
}

bool
term_suspend_job(void)
{
	bool stopped;

	term_suspend();
	stopped = term_stop_self();
	term_resume();
	return stopped;
}
