/* drafts.h - "Kept for you": the signed-in person's kept drafts (form
 * text saved every few seconds and on a dropped line), each to put back
 * in its form, read first, or let go.  The session's tick pushes it
 * over the dashboard once per person signed in when there are any (see
 * app_tui.h); it closes by itself when none are left.
 */
#ifndef PEERDESK_TUI_DRAFTS_H
#define PEERDESK_TUI_DRAFTS_H

#include "peerdesk/tui/screen.h"

/* Push with arg NULL.  enter fails with PD_NOT_FOUND when nothing is
 * kept. */
extern const struct screen_ops drafts_screen;

#endif
