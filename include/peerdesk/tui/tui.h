/* tui.h - starting the screens: the entry point and the main loop.
 *
 *   struct tui_config cfg = { .app = app, .tick = app_tick };
 *   return tui_run(&cfg, &dashboard_screen, NULL);
 *
 * tui_run() checks the locale and the terminal, starts curses, pushes the
 * first screen and runs until the last screen closes, the user quits or
 * a signal arrives; the terminal is restored on every way out.
 *
 * The other functions drive the same machinery without a terminal loop
 * (tests use them through tests/tui/support/harness.h).
 */
#ifndef PEERDESK_TUI_TUI_H
#define PEERDESK_TUI_TUI_H

#include <stdbool.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/keys.h"
#include "peerdesk/tui/screen.h"

/* Run the screens on the real terminal until done; returns an exit
 * status.  Prints a clear message to stderr when it cannot start. */
int tui_run(const struct tui_config *cfg, const struct screen_ops *first,
    const void *first_arg);

/* Fill in what cfg leaves NULL of the manager's own screens: F1's
 * help page and the "Leave peerdesk?" question (tui_run does this;
 * tests that start the manager themselves call it). */
void tui_config_defaults(struct tui_config *cfg);

#include "peerdesk/tui/tui_editor.h"

#endif
