/* menu.c - where the dashboard and a client's record lead, by key.
 *
 * To add a screen: one line in the right table (see menu.h).  Keep the
 * keys unique within a table; tests/tui/check_app_screens.c checks.
 */
#include "peerdesk/tui/menu.h"

#include <stddef.h>

#include "peerdesk/app/app.h"
#include "peerdesk/app/groups.h"
#include "peerdesk/tui/screens.h"

/* A PAL sees Groups only when they run one (a phone's screen is
 * small). */
static int
menu_groups_shown(void *app)
{
	return app_groups_any(app);
}

const struct menu_entry home_menu[] = {
	{ "Clients", "c", APP_ANYONE, &clients_screen, 0, NULL },
	{ "New referral", "n", APP_STAFF, &intake_screen, 0, NULL },
	{ "Log a session", "l", APP_PAL, &session_screen, 0, NULL },
	{ "My week", "w", APP_PAL, &week_screen, 0, NULL },
	{ "My own plan", "m", APP_PAL, &palplan_screen, 0, NULL },
	{ "PALs", "p", APP_STAFF, &pals_screen, 0, NULL },
	{ "Timesheets", "t", APP_MANAGER, &approve_screen, 0, NULL },
	{ "Weekly hours", "h", APP_MANAGER, &hours_screen, 0, NULL },
	{ "Goals progress", "g", APP_STAFF, &plan_progress_screen, 0, NULL },
	{ "PALs' own plans", "o", APP_MANAGER, &palplan_people_screen, 0, NULL },
	{ "Audit trail", "a", APP_MANAGER, &audit_screen, 0, NULL },
	{ "Groups", "r", APP_ANYONE, &groups_screen, 0,
	  menu_groups_shown },
	{ "Outcomes", "f", APP_MANAGER, &outcomes_screen, 0, NULL },
	{ NULL, NULL, 0, NULL, 0, NULL }
};

const struct menu_entry client_menu[] = {
	{ "Edit details", "e", APP_STAFF, &client_edit_screen, 1, NULL },
	{ "Wellness plan", "w", APP_ANYONE, &plan_screen, 1, NULL },
	{ "Choose a PAL", "a", APP_STAFF, &shortlist_screen, 1, NULL },
	{ "Support and reviews", "s", APP_ANYONE, &assignment_screen, 1, NULL },
	{ "Log a session", "l", APP_PAL, &session_client_screen, 1, NULL },
	{ NULL, NULL, 0, NULL, 0, NULL }
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
