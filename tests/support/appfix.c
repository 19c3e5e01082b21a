#include "support/appfix.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/config/rules.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/rules.h"
#include "support/dbfix.h"

void
appfix_open(struct app *app)
{
	struct pd_err err;

	memset(app, 0, sizeof *app);
	app->settings = xcalloc(1, sizeof *app->settings);
	settings_defaults(app->settings);
	app->rules = xcalloc(1, sizeof *app->rules);
	rules_init(app->rules);
	if (rules_load_default(app->rules, &err) != PD_OK)
		ck_abort_msg("rules: %s", err.msg);
	app->db = dbfix_open();
	app->db_path = xstrdup("test.db");
	access_set_system(app, "root");
}

void
appfix_act_as(struct app *app, int64_t id, enum role role, const char *login)
{
	access_set_user(app, id, role, login);
}
