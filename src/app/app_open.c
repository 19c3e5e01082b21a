/* app_open.c - opening and closing the use cases' shared context: the
 * settings and rules, the database (the only place the group is taken up
 * to open it), and who is using it (app/app.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/app.h"
#include "peerdesk/app/privilege.h"
#include "peerdesk/app/userfile.h"
#include "peerdesk/config/rules.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/model/rules.h"

enum pd_status
app_load_settings(struct app *app, const struct app_options *o,
    struct pd_err *err)
{
	enum pd_status s;

	memset(app, 0, sizeof *app);
	app->settings = xcalloc(1, sizeof *app->settings);
	app->rules = xcalloc(1, sizeof *app->rules);
	rules_init(app->rules);
	/* A setgid peerdesk trusts only the system settings file. */
	s = settings_resolve(o->privileged ? NULL : o->config_path,
	    o->privileged ? NULL : o->config_env, app->settings, err);
	if (s == PD_OK)
		s = rules_load_for(app->settings, app->rules, err);
	if (s != PD_OK) {
		app_close(app);
		return s;
	}
	app->config_used = xstrdup(app->settings->file);
	app->db_path = xstrdup(o->db_path && !o->privileged ? o->db_path :
	    app->settings->db_path);
	return PD_OK;
}

enum pd_status
app_open(struct app *app, const struct app_options *o, struct pd_err *err)
{
	enum pd_status s = app_load_settings(app, o, err);

	if (s != PD_OK)
		return s;
	/* The group is up only while the database (with its -wal and -shm)
	 * is opened from the system's own path; then down for the rest of
	 * the run.  A new database is shared with the group at once. */
	if ((s = privilege_raise(err)) != PD_OK) {
		app_close(app);
		return s;
	}
	s = db_open(app->db_path, o->create ? DB_OPEN_CREATE : DB_OPEN_EXISTING,
	    &app->db, err);
	if (s == PD_OK && o->create)
		s = privilege_share_db(app->db_path, err);
	if (s == PD_OK)	/* while its folder can still be looked at */
		userfile_protect(app->db_path);
	if (privilege_lower(s == PD_OK ? err : NULL) != PD_OK && s == PD_OK)
		s = PD_DENIED;
	if (s != PD_OK)
		app_close(app);
	return s;
}

void
app_close(struct app *app)
{
	db_close(&app->db);
	if (app->settings != NULL) {
		settings_fini(app->settings);
		FREE(&app->settings);
	}
	if (app->rules != NULL) {
		rules_fini(app->rules);
		FREE(&app->rules);
	}
	FREE(&app->db_path);
	FREE(&app->config_used);
	access_fini(app);
}

enum pd_status
app_identify(struct app *app, struct pd_err *err)
{
	char login[64];
	struct staff st;
	enum pd_status s;

	access_set_nobody(app, NULL);
	if (app_unix_login(login, sizeof login) != 0)
		return pd_fail(err, PD_DENIED, NULL,
		    "your Unix account (uid %u) has no name", (unsigned)getuid());
	access_set_nobody(app, login);
	memset(&st, 0, sizeof st);
	s = db_staff_by_login(app->db, login, &st, NULL);
	if (s == PD_OK && st.active) {
		access_set_user(app, st.id, st.role, login);
		staff_fini(&st);
		return PD_OK;
	}
	staff_fini(&st);
	if (getuid() == 0) {
		access_set_system(app, login);
		return PD_OK;
	}
	if (s == PD_OK)
		return pd_fail(err, PD_DENIED, NULL,
		    "your peerdesk account (%s) has been switched off; "
		    "please ask the manager", login);
	if (s != PD_NOT_FOUND)
		return s;
	return pd_fail(err, PD_DENIED, NULL,
	    "'%s' is not a peerdesk user yet; please ask the manager to run: "
	    "peerdesk user add %s \"Your Name\" ROLE", login, login);
}
