/* screens.h - the everyday screens: the dashboard, the clients list, a
 * client's record, a new referral, editing a client, signing in and the
 * lock.  docs/peerdesk.1 (THE SCREENS) says what each shows.
 */
#ifndef PEERDESK_TUI_SCREENS_H
#define PEERDESK_TUI_SCREENS_H

#include <stdint.h>

#include "peerdesk/tui/screen.h"

/* The dashboard (arg NULL): counts, reminders and the places to go. */
extern const struct screen_ops home_screen;
/* Every client the signed-in person may see, paged (arg NULL). */
extern const struct screen_ops clients_screen;
/* One client's record (arg: const int64_t * client id). */
extern const struct screen_ops client_screen;
/* A new referral (arg NULL); closes with text = the new client's id. */
extern const struct screen_ops intake_screen;
/* Edit a client's details (arg: const int64_t * client id). */
extern const struct screen_ops client_edit_screen;
/* "Who are you?" on a shared account (arg NULL): the bottom screen. */
extern const struct screen_ops signin_screen;
/* The idle lock (arg NULL): pushed on top by the tick. */
extern const struct screen_ops lock_screen;

/* The client being edited on a client_edit_screen. */
int64_t client_edit_id(const struct screen *s);

/* Read the dashboard's numbers again (the tick calls it every minute). */
void home_refresh(struct screen *s);

#endif
