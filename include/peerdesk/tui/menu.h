/* menu.h - the places to go from the dashboard and from a client's
 * record, each with the key shown beside it.
 *
 * Add a screen with ONE line in src/tui/screens/menu.c.  key is one
 * character (a letter); it must not clash with another entry of the same
 * table, nor with "e" (edit) on the client record: a test checks.
 * home_menu entries are pushed with arg NULL (needs_client false);
 * client_menu entries with a const int64_t * to the client's id.
 */
#ifndef PEERDESK_TUI_MENU_H
#define PEERDESK_TUI_MENU_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/tui/screen.h"

struct menu_entry {
	const char *label;		/* "New referral" */
	const char *key;		/* "n" */
	unsigned roles;			/* APP_OFFICE | APP_PAL | APP_MANAGER */
	const struct screen_ops *ops;
	bool needs_client;		/* push with &client_id */
	/* Optional: shown only when this says true (NULL: always). */
	bool (*shown)(void *app);
};

extern const struct menu_entry home_menu[];	/* ends with label NULL */
extern const struct menu_entry client_menu[];	/* ends with label NULL */

/* The entry of menu whose key is the character code, for role mask
 * (1u << role; the system sees everything when all is set); NULL if
 * none. */
const struct menu_entry *menu_find(const struct menu_entry *menu,
    int32_t code, unsigned role_mask);

/* True when e is offered to role_mask. */
bool menu_allowed(const struct menu_entry *e, unsigned role_mask);

#endif
