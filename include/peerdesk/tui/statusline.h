/* statusline.h - the bottom row: the current screen's keys, or a message.
 *
 * Hints come from the screen's hints list and the key map in force (the
 * screen manager hands them over as a struct statusline_hints), so what
 * the row says is what the keys do.  Each hint is "<key> <label>"; as
 * many as fit are shown, in the screen's order.
 */
#ifndef PEERDESK_TUI_STATUSLINE_H
#define PEERDESK_TUI_STATUSLINE_H

#include <stdbool.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/action.h"
#include "peerdesk/tui/keys.h"

/* The keys a screen offers: its actions in order, and the key shown for
 * each ("" when nothing triggers it). */
struct statusline_hints {
	const enum action *actions;	/* ends with ACT_NONE; NULL: none */
	void (*key)(const void *ctx, enum action a, char key[KEYS_NAME_MAX]);
	const void *ctx;
};

/* The hint text that fits in width columns ("C-s Save  Esc Back"). */
void statusline_text(const struct statusline_hints *h, int width,
    struct strbuf *out);

/* Draw row y: msg (NULL = none; is_error shows it as a problem with "! "
 * in front) or else the hints. */
void statusline_draw(const struct statusline_hints *h, int y, int width,
    const char *msg, bool is_error);

/* The hint drawn at column x of the row (width columns): its action,
 * with the key shown for it in key; ACT_NONE (key "") when none. */
enum action statusline_hit(const struct statusline_hints *h, int width,
    int x, char key[KEYS_NAME_MAX]);

#endif
