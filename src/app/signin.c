/* signin.c - sessions of the screens: shared accounts, signing in and
 * out, and drafts kept when the person at the keyboard changes. */
#include "peerdesk/app/signin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/users.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"
#include "peerdesk/app/draftfile.h"
#include "peerdesk/db/draft.h"
#include "peerdesk/db/staff.h"

int
app_on_shared_account(const struct app *app)
{
	char login[64];

	if (app->settings == NULL || app_unix_login(login, sizeof login) != 0)
		return 0;
	return settings_is_shared_account(app->settings, login) ? 1 : 0;
}

enum pd_status
app_session_start(struct app *app, int *shared, struct pd_err *err)
{
	char login[64];

	*shared = 0;
	if (!app_on_shared_account(app))
		return app_identify(app, err);
	if (app_unix_login(login, sizeof login) != 0)
		return pd_fail(err, PD_DENIED, NULL, "your Unix account has no "
		    "name");
	memset(&app->actor, 0, sizeof app->actor);
	snprintf(app->actor.login, sizeof app->actor.login, "%s", login);
	app->have_actor = 0;
	app->system = 0;
	*shared = 1;
	return PD_OK;
}

struct signin_people {
	int (*cb)(void *arg, const struct staff *row);
	void *arg;
};

static int
signin_people_cb(void *arg, const struct staff *row)
{
	struct signin_people *p = arg;
	struct staff copy;

	if (!row->active || row->login == NULL || row->login[0] == '\0')
		return 0;
	copy = *row;
	copy.passphrase = NULL;	/* the screens have no use for it */
	return p->cb(p->arg, &copy);
}

enum pd_status
app_signin_people(struct app *app,
    int (*cb)(void *arg, const struct staff *row), void *arg,
    struct pd_err *err)
{
	struct signin_people p = { cb, arg };

	if (!app->have_actor && !app->system && !app_on_shared_account(app))
		return pd_fail(err, PD_DENIED, NULL, "signing in by name is "
		    "only for shared office accounts");
	return db_staff_list(app->db, -1, signin_people_cb, &p, err);
}

enum pd_status
app_signin_check(struct app *app, const char *login, const char *passphrase,
    struct pd_err *err)
{
	struct pd_err aerr;
	char summary[160];

	if (login != NULL && app_user_verify(app, login, passphrase, err) ==
	    PD_OK)
		return PD_OK;
	/* Written even though nobody may be signed in: the audit says which
	 * Unix account it came from.  A busy database must not hide the
	 * answer, so its own errors are dropped. */
	snprintf(summary, sizeof summary, "a sign-in as %s failed",
	    login ? login : "?");
	if (db_begin(app->db, &aerr) == PD_OK) {
		if (app_audit(app, "sign_in_failed", "staff", 0, 0, summary,
		    NULL, NULL, NULL, &aerr) == PD_OK)
			db_commit(app->db, &aerr);
		else
			db_rollback(app->db);
	}
	return pd_fail(err, PD_DENIED, "passphrase", "that name and "
	    "passphrase do not match; please try again");
}

void
app_sign_out(struct app *app)
{
	struct pd_err err;
	char login[64];

	if (app->have_actor && db_begin(app->db, &err) == PD_OK) {
		if (app_audit(app, "sign_out", "staff", app->actor.staff_id, 0,
		    "signed out", NULL, NULL, NULL, &err) == PD_OK)
			db_commit(app->db, &err);
		else
			db_rollback(app->db);
	}
	memset(&app->actor, 0, sizeof app->actor);
	if (app_unix_login(login, sizeof login) == 0)
		snprintf(app->actor.login, sizeof app->actor.login, "%s", login);
	app->have_actor = 0;
	app->system = 0;
}

enum pd_status
app_draft_keep(struct app *app, const char *form, const char *key,
    const char *content, struct pd_err *err)
{
	enum pd_status s;

	if (!app->have_actor)
		return pd_fail(err, PD_DENIED, NULL, "only a signed-in peerdesk "
		    "user has drafts");
	s = db_draft_save(app->db, app->actor.staff_id, form, key, content,
	    err);
	if (s == PD_OK) {
		/* an older copy kept in a file while the database was full */
		(void)draftfile_delete(app->actor.login, form, key, NULL);
		return PD_OK;
	}
	/* The database cannot take it (a full disk, a lost connection at
	 * hangup): the person's own file keeps it instead, word for word. */
	if (draftfile_save(app->actor.login, form, key, content, NULL, NULL)
	    == PD_OK)
		return PD_OK;
	return s;
}

enum pd_status
app_draft_take(struct app *app, const char *form, const char *key,
    char **content, char saved_at[21], struct pd_err *err)
{
	enum pd_status s;

	*content = NULL;
	if (!app->have_actor)
		return pd_fail(err, PD_NOT_FOUND, NULL, "nobody is signed in");
	/* a file is there only when it is newer than the database's copy */
	if (draftfile_load(app->actor.login, form, key, content, saved_at,
	    NULL) == PD_OK) {
		(void)draftfile_delete(app->actor.login, form, key, NULL);
		(void)db_draft_delete(app->db, app->actor.staff_id, form, key,
		    NULL);
		return PD_OK;
	}
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = db_draft_load(app->db, app->actor.staff_id, form, key, content,
	    saved_at, err);
	if (s == PD_OK)
		s = db_draft_delete(app->db, app->actor.staff_id, form, key,
		    err);
	if (s == PD_OK)
		s = db_commit(app->db, err);
	else
		db_rollback(app->db);
	if (s != PD_OK)
		FREE(content);
	return s;
}
