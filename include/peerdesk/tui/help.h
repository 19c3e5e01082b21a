/* help.h - the `?` screen: what the keys do on the screen below.
 *
 * Built from the screen's help text, its help_more() (the focused field,
 * say) and the actions bound along its key map sections, each with its
 * keys and help text, so it always matches the keys in force.
 */
#ifndef PEERDESK_TUI_HELP_H
#define PEERDESK_TUI_HELP_H

#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/screen.h"

/* Push with arg = the struct screen * to explain. */
extern const struct screen_ops help_screen;

/* The help text for s as lines ("Keys:" then "C-s, F2  Save the form"). */
void help_text(const struct screen *s, struct strbuf *out);

#endif
