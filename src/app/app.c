/* app.c - the shared context of the use cases: the Unix login and today
 * (app/app.h), and ending a use case's transaction (app_priv.h).  It
 * calls nothing else in app/, so every use case may use it; opening and
 * closing are app_open.c, the audit row access.c (it names the actor,
 * whom only access.c knows). */
#include "peerdesk/app/app.h"

#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

#include "peerdesk/db/db.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "app_priv.h"

int
app_unix_login(char *buf, size_t n)
{
	struct passwd *pw = getpwuid(getuid());

	if (pw == NULL || pw->pw_name == NULL)
		return -1;
	snprintf(buf, n, "%s", pw->pw_name);
	return 0;
}

void
app_today(char out[11])
{
	date_format(today_get(), out);
}

enum pd_status
app_finish(struct app *app, enum pd_status s, struct pd_err *err)
{
	if (s == PD_OK)
		return db_commit(app->db, err);
	db_rollback(app->db);
	return s;
}
