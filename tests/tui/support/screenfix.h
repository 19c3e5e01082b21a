/* screenfix.h - the one fixture of the screen tests (tests/tui).
 *
 * Start a harness with a screen, feed it keys, look for text on it and
 * compare it with a golden file, each failing the running Check test
 * with the words that say why:
 *
 *   h = screenfix_start(40, 15, &cfg, &my_screen, NULL);
 *   screenfix_keys(h, "Jo<Tab>2h<C-s>");
 *   ck_assert(screenfix_has(h, "Saved"));
 *   screenfix_golden(h, "assign_", "saved_40x15");
 *
 * Golden files are tests/tui/expected/PREFIXNAME.txt under
 * $PEERDESK_TOP (tests/run.sh sets it), rewritten instead of compared
 * when PEERDESK_UPDATE_GOLDEN=1.
 */
#ifndef PEERDESK_TESTS_SCREENFIX_H
#define PEERDESK_TESTS_SCREENFIX_H

#include <stdbool.h>

#include "peerdesk/tui/screen.h"
#include "peerdesk/tui/tui.h"
#include "tui/support/harness.h"

/* A cols x rows harness set up from cfg (NULL = defaults) with ops
 * pushed on it (none when ops is NULL). */
struct harness *screenfix_start(int cols, int rows,
    const struct tui_config *cfg, const struct screen_ops *ops,
    const void *arg);

/* Feed keys ("text<Tab><C-s>", see keys_script). */
void screenfix_keys(struct harness *h, const char *script);

/* Is text somewhere on the screen (quietly)? */
bool screenfix_has(struct harness *h, const char *text);

/* The screen, or text made from it, against its golden file. */
void screenfix_golden(struct harness *h, const char *prefix,
    const char *name);
void screenfix_golden_text(const char *text, const char *prefix,
    const char *name);

#endif
