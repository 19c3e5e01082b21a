/* harness.h - run screens without a terminal, for tests and smoke runs.
 *
 * A harness is a curses screen of a fixed size drawn to /dev/null (via
 * term_start, the same start-up the real program uses), a screen
 * manager, scripted keys in keys.yaml notation, and the screen read back
 * as text for golden files:
 *
 *   struct harness *h = harness_new(40, 15, NULL, &err);
 *   harness_push(h, &my_screen, NULL, &err);
 *   harness_keys(h, "Jo<Tab>2h<C-s>", &err);
 *   ok = harness_golden(h, "tests/tui/expected/x.txt", &diff);
 *   harness_free(&h);
 *
 * Golden files are rewritten instead of compared when the environment
 * has PEERDESK_UPDATE_GOLDEN=1.  Only one harness may exist at a time.
 */
#ifndef PEERDESK_TESTS_HARNESS_H
#define PEERDESK_TESTS_HARNESS_H

#include <stdbool.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/screen.h"
#include "peerdesk/tui/tui.h"

struct harness;

/* A cols x rows terminal (TERM=xterm-256color) and a screen manager set
 * up from cfg (NULL = defaults).  NULL with err filled on failure. */
struct harness *harness_new(int cols, int rows, const struct tui_config *cfg,
    struct pd_err *err);

/* Leave all screens, stop curses, free *h and set it to NULL. */
void harness_free(struct harness **h);

struct tui *harness_tui(struct harness *h);

/* Push a screen and draw. */
enum pd_status harness_push(struct harness *h, const struct screen_ops *ops,
    const void *arg, struct pd_err *err);

/* Feed keys ("text<Tab><C-s>", see keys_script), drawing after each one
 * as the main loop does.  PD_INVALID for a bad key name. */
enum pd_status harness_keys(struct harness *h, const char *script,
    struct pd_err *err);

/* Feed raw terminal input (escape sequences, mouse reports) through
 * keys_read() as the main loop does, drawing after each key or report;
 * a pause is never needed (sequences are read whole). */
void harness_input(struct harness *h, const char *bytes, size_t len);

/* A mouse report as a terminal sends it, fed through harness_input:
 * button 0 the left one, 64 and 65 the wheel up and down, at row y,
 * column x (from 0); SGR 1006 when sgr, else the old X10 form. */
void harness_mouse(struct harness *h, bool sgr, int button, int y, int x);

/* Where text first shows on screen: its row and its column in cells.
 * False when it does not show. */
bool harness_find(struct harness *h, const char *text, int *y, int *x);

/* A left click in the middle of text where it first shows; false (and
 * nothing sent) when it does not show. */
bool harness_click_text(struct harness *h, bool sgr, const char *text);

/* Resize the terminal and lay everything out again, then draw. */
void harness_resize(struct harness *h, int cols, int rows);

/* Run the tick callback and draw. */
void harness_tick(struct harness *h);

/* Draw now (after changing state from outside). */
void harness_draw(struct harness *h);

/* The screen as UTF-8 text, one line per row, trailing blanks removed
 * (caller frees). */
char *harness_screen(struct harness *h);

/* Where the terminal cursor was left by the last draw. */
void harness_cursor(const struct harness *h, int *y, int *x);

/* The curses attributes of the cell at (y, x) (A_REVERSE, ...). */
unsigned long harness_attr_at(struct harness *h, int y, int x);

/* Compare the screen with the file at path (or rewrite the file when
 * PEERDESK_UPDATE_GOLDEN=1).  On a difference, false with both texts in
 * msg. */
bool harness_golden(struct harness *h, const char *path, struct strbuf *msg);

/* The same for a text made from the screen (say with clock times
 * masked). */
bool harness_golden_text(const char *text, const char *path,
    struct strbuf *msg);

#endif
