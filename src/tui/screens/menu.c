/* menu.c - where the dashboard and a client's record lead, by key.
 *
 * To add a screen: one line in the right table (see menu.h).  Keep the
 * keys unique within a table; tests/tui/check_app_screens.c checks.
 */
#include "peerdesk/tui/menu.h"

#include <stddef.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/app.h"
#include "peerdesk/app/groups.h"
#include "peerdesk/tui/screens.h"

/* A PAL sees Groups only when they run one (a phone's screen is
 * small). */
static bool
menu_groups_shown(void *app)
{
	return app_groups_any(app) != 0;
}

const struct menu_entry home_menu[] = {
	{ "Clients", "c", APP_ANYONE, &clients_screen, false, NULL },
	{ "New referral", "n", APP_STAFF, &intake_screen, false, NULL },
	{ "Log a session", "l", APP_PAL, &session_screen, false, NULL },
	{ "My week", "w", APP_PAL, &week_screen, false, NULL },
	{ "My own plan", "m", APP_PAL, &palplan_screen, false, NULL },
	{ "PALs", "p", APP_STAFF, &pals_screen, false, NULL },
	{ "Timesheets", "t", APP_MANAGER, &approve_screen, false, NULL },
	{ "Weekly hours", "h", APP_MANAGER, &hours_screen, false, NULL },
	{ "Goals progress", "g", APP_STAFF, &plan_progress_screen, false, NULL },
	{ "PALs' own plans", "o", APP_MANAGER, &palplan_people_screen, false, NULL },
	{ "Audit trail", "a", APP_MANAGER, &audit_screen, false, NULL },
	{ "Groups", "r", APP_ANYONE, &groups_screen, false,
	  menu_groups_shown },
	{ "Outcomes", "f", APP_MANAGER, &outcomes_screen, false, NULL },
	{ NULL, NULL, 0, NULL, false, NULL }
};

const struct menu_entry client_menu[] = {
	{ "Edit details", "e", APP_STAFF, &client_edit_screen, true, NULL },
	{ "Wellness plan", "w", APP_ANYONE, &plan_screen, true, NULL },
	{ "Choose a PAL", "a", APP_STAFF, &shortlist_screen, true, NULL },
	{ "Support and reviews", "s", APP_ANYONE, &assignment_screen, true, NULL },
	{ "Log a session", "l", APP_PAL, &session_client_screen, true, NULL },
	{ NULL, NULL, 0, NULL, false, NULL }
};

bool
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
