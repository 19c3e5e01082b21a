/* term.h - the terminal: locale, TERM, curses start and stop, signals.
 *
 * Start-up refuses clearly instead of crashing: a locale that is not
 * UTF-8 falls back to C.UTF-8 (with a note) or is refused; TERM unset,
 * unknown, or without cursor addressing is refused with advice.  Once
 * started, the terminal is restored by term_stop() on a normal exit, by
 * the xalloc fatal hook (out of memory, die()), and at exit.
 *
 * SIGTERM, SIGHUP and SIGINT only set a flag (term_signal_pending());
 * the main loop notices it within one input timeout.  So do SIGTSTP
 * (term_stop_requested: the loop then calls term_suspend_job) and
 * SIGCONT (term_continued: the loop redraws).
 */
#ifndef PEERDESK_TUI_TERM_H
#define PEERDESK_TUI_TERM_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"

/* setlocale(LC_ALL, ""), and if the character set is not UTF-8 switch to
 * C.UTF-8, appending a note for the user to note.  PD_CONFIG with advice
 * when no UTF-8 locale can be had. */
enum pd_status term_locale(struct strbuf *note, struct pd_err *err);

/* True when the current LC_CTYPE character set is UTF-8. */
bool term_locale_is_utf8(void);

/* Refuse TERM values that cannot work: NULL/empty or "dumb".  PD_CONFIG
 * with advice. */
enum pd_status term_check_name(const char *term, struct pd_err *err);

/* Start curses with newterm(term, out, in) and set it up: raw keys (so
 * C-s, C-q and C-z arrive), no echo, keypad, a short Esc delay
 * (term_seq_ms), no mouse (term_mouse), colour unless monochrome, NO_COLOR or the terminal says no.  PD_CONFIG with a clear
 * message when the terminal is unknown or cannot address the cursor. */
enum pd_status term_start(const char *term, FILE *out, FILE *in,
    bool monochrome, struct pd_err *err);

/* Ask the terminal for clicks and the wheel (on), or not (off: the
 * default after term_start).  Only a terminal whose database entry
 * reports the mouse (kmous) is asked; nothing is written to any other.
 * True when the mouse is now on. */
bool term_mouse(bool on);

/* Restore the terminal and free the curses screen.  Safe to call twice,
 * and from the fatal hook. */
void term_stop(void);

/* True between term_start() and term_stop(). */
bool term_active(void);

/* Catch SIGTERM, SIGHUP and SIGINT by setting a flag (call before
 * term_start, so curses leaves them alone). */
void term_signals_install(void);

/* Put the previous handlers back. */
void term_signals_restore(void);

/* The signal that arrived (and clear it), or 0. */
int term_signal_pending(void);

/* Drop a pending sig (e.g. the SIGINT a child's Ctrl-C sent us too). */
void term_signal_forget(int sig);

/* How long (ms) the bytes of one escape sequence may be apart, and how
 * long a lone Esc waits: ESCDELAY from the environment (1-5000), else
 * TERM_ESCDELAY_MS. */
#define TERM_ESCDELAY_MS 50
int term_escdelay_from(const char *env);
int term_seq_ms(void);

/* A keys_next_fn (tui/keys.h) reading the terminal with get_wch. */
int term_next(void *ctx, int timeout_ms, uint32_t *wc);

/* A SIGTSTP arrived (and clear it). */
bool term_stop_requested(void);

/* A SIGCONT arrived (and clear it): the screen needs drawing again. */
bool term_continued(void);

/* Give the terminal back and stop as the shell's job (C-z); when `fg`
 * continues it, take the terminal again (the caller redraws).  False
 * when nothing stopped: there was no shell to go back to. */
bool term_suspend_job(void);

/* Stop as the shell's job until `fg`, curses left as it is (the editor
 * stopped: we stop with it).  False when nothing stopped. */
bool term_stop_self(void);

/* Leave curses for an outside program and come back afterwards. */
void term_suspend(void);
void term_resume(void);

#endif
