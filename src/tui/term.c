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
static bool term_exit_registered;
static volatile sig_atomic_t term_sig;
static struct sigaction term_old_term, term_old_hup, term_old_int;
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
	set_escdelay(50);
	curs_set(1);
	nc = getenv("NO_COLOR");
	style_init(!monochrome && (nc == NULL || nc[0] == '\0'));
	return PD_OK;
}

void
term_stop(void)
{
	if (term_screen == NULL)
		return;
	set_term(term_screen);
	endwin();
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
