/* statusline.h - the bottom row: the current screen's keys, or a message.
 *
 * Hints come from the screen's hints list and the key map in force, so
 * what the row says is what the keys do.  Each hint is "<key> <label>";
 * as many as fit are shown, in the screen's order.
 */
#ifndef PEERDESK_TUI_STATUSLINE_H
#define PEERDESK_TUI_STATUSLINE_H

#include <stdbool.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/screen.h"

/* The hint text for s that fits in width columns ("C-s Save  Esc Back"). */
void statusline_text(const struct screen *s, int width, struct strbuf *out);

/* Draw row y: msg (NULL = none; is_error shows it as a problem with "! "
 * in front) or else the hints of s. */
void statusline_draw(const struct screen *s, int y, int width,
    const char *msg, bool is_error);

/* The hint drawn at column x of the row (width columns): its action,
 * with the key shown for it in key; ACT_NONE (key "") when none. */
enum action statusline_hit(const struct screen *s, int width, int x,
    char key[KEYS_NAME_MAX]);

#endif
