/* menu.c - where the dashboard and a client's record lead, by key.
 *
 * To add a screen: one line in the right table (see menu.h).  Keep the
 * keys unique within a table; tests/tui/check_app_screens.c checks.
 */
#include "peerdesk/tui/menu.h"

#include <stddef.h>

#include "peerdesk/app/app.h"
#include "peerdesk/tui/screens.h"

const struct menu_entry home_menu[] = {
	{ "Clients", "c", APP_ANYONE, &clients_screen, 0 },
	{ "New referral", "n", APP_STAFF, &intake_screen, 0 },
	{ NULL, NULL, 0, NULL, 0 }
};

const struct menu_entry client_menu[] = {
	{ "Edit details", "e", APP_STAFF, &client_edit_screen, 1 },
	{ NULL, NULL, 0, NULL, 0 }
};

int
menu_allowed(const struct menu_entry *e, unsigned role_mask)
{
	return (e->roles & role_mask) != 0;
}

const struct menu_entry *
menu_find(const struct menu_entry *menu, int32_t code, unsigned role_mask)
{
	const struct menu_entry *e;

	if (code <= ' ' || code > 126)
		return NULL;
	for (e = menu; e->label != NULL; e++)
		if (e->key != NULL && e->key[0] == (char)code &&
		    e->key[1] == '\0' && menu_allowed(e, role_mask))
			return e;
	return NULL;
}
