/* access.c - who may see and do what (include/peerdesk/app/access.h).
 *
 * The only file that knows the actor's fields.  Every role check, every
 * client scope and every "may give this role" decision is made here, so
 * the rules are written once and agree everywhere. */
#include "peerdesk/app/access.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/app.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/db.h"
#include "app_priv.h"

struct app_actor {
	int64_t staff_id;	/* 0 for the system or nobody */
	enum role role;
	char login[64];
	bool user;		/* a peerdesk staff user is acting */
	bool system;		/* root at the command line */
};

static const struct app_actor nobody;

static const struct app_actor *
who(const struct app *app)
{
	return app != NULL && app->actor != NULL ? app->actor : &nobody;
}

static struct app_actor *
who_rw(struct app *app)
{
	if (app->actor == NULL)
		app->actor = xcalloc(1, sizeof *app->actor);
	return app->actor;
}

/* ---- setting ------------------------------------------------------------- */

void
access_set_user(struct app *app, int64_t staff_id, enum role role,
    const char *login)
{
	struct app_actor *a = who_rw(app);

	memset(a, 0, sizeof *a);
	a->staff_id = staff_id;
	a->role = role;
	a->user = true;
	snprintf(a->login, sizeof a->login, "%s", login ? login : "");
}

void
access_set_system(struct app *app, const char *login)
{
	struct app_actor *a = who_rw(app);

	memset(a, 0, sizeof *a);
	a->role = ROLE_MANAGER;
	a->system = true;
	snprintf(a->login, sizeof a->login, "%s", login ? login : "root");
}

void
access_set_nobody(struct app *app, const char *login)
{
	struct app_actor *a = who_rw(app);

	memset(a, 0, sizeof *a);
	snprintf(a->login, sizeof a->login, "%s", login ? login : "");
}

void
access_fini(struct app *app)
{
	FREE(&app->actor);
}

/* ---- questions --------------------------------------------------------- */

bool
app_actor_signed_in(const struct app *app)
{
	return who(app)->user;
}

bool
app_actor_is_system(const struct app *app)
{
	return who(app)->system && !who(app)->user;
}

bool
app_actor_is_manager(const struct app *app)
{
	const struct app_actor *a = who(app);

	return a->system || (a->user && a->role == ROLE_MANAGER);
}

bool
app_actor_is_pal(const struct app *app)
{
	const struct app_actor *a = who(app);

	return !a->system && a->user && a->role == ROLE_PAL;
}

bool
app_actor_is(const struct app *app, int64_t staff_id)
{
	const struct app_actor *a = who(app);

	return staff_id > 0 && a->user && a->staff_id == staff_id;
}

unsigned
app_actor_roles(const struct app *app)
{
	const struct app_actor *a = who(app);

	if (a->user)
		return 1u << a->role;
	return a->system ? APP_ANYONE : 0;
}

const char *
app_actor_login(const struct app *app)
{
	return who(app)->login;
}

/* ---- deciding ------------------------------------------------------------ */

enum pd_status
app_require(const struct app *app, unsigned mask, const char *what,
    struct pd_err *err)
{
	const struct app_actor *a = who(app);

	if (a->system)
		return PD_OK;
	if (a->user && (mask & (1u << a->role)) != 0)
		return PD_OK;
	if (!a->user)
		return pd_fail(err, PD_DENIED, NULL,
		    "only a signed-in peerdesk user may %s", what);
	return pd_fail(err, PD_DENIED, NULL, "a %s may not %s",
	    role_label(a->role), what);
}

int64_t
access_scope(const struct app *app)
{
	return app_actor_is_pal(app) ? who(app)->staff_id : 0;
}

int64_t
access_staff_id(const struct app *app)
{
	return who(app)->user ? who(app)->staff_id : 0;
}

enum role
access_role(const struct app *app)
{
	return who(app)->system ? ROLE_MANAGER : who(app)->role;
}

void
access_refused(struct app *app, const char *entity, int64_t id,
    int64_t client_id, const char *what)
{
	char *sum = xasprintf("refused: asked to %s", what ? what : "see it");

	(void)app_audit_one(app, "refused", entity, id, client_id, sum, NULL);
	free(sum);
}

enum pd_status
access_client(struct app *app, int64_t client_id, const char *what,
    struct pd_err *err)
{
	struct client c;
	enum pd_status s;
	int64_t scope = access_scope(app);

	if (scope == 0)
		return PD_OK;
	memset(&c, 0, sizeof c);
	s = db_client_get(app->db, client_id, scope, &c, NULL);
	client_fini(&c);
	if (s == PD_OK)
		return PD_OK;
	if (s != PD_NOT_FOUND)
		return pd_fail(err, s, NULL, "could not check the client");
	access_refused(app, "client", client_id, client_id, what);
	return pd_fail(err, PD_DENIED, NULL, "there is no client %lld, or "
	    "they are not one of yours", (long long)client_id);
}

enum pd_status
access_own_pal(struct app *app, int64_t *pal_id, const char *what,
    struct pd_err *err)
{
	if (app_actor_is_pal(app)) {
		if (*pal_id == 0)
			*pal_id = who(app)->staff_id;
		if (*pal_id != who(app)->staff_id) {
			access_refused(app, "staff", *pal_id, 0, what);
			return pd_fail(err, PD_DENIED, NULL, "a PAL may only "
			    "%s of their own", what);
		}
		return PD_OK;
	}
	if (*pal_id == 0 && who(app)->user && who(app)->role != ROLE_PAL)
		return pd_fail(err, PD_INVALID, "pal", "say which PAL");
	return PD_OK;
}

bool
access_sees_pay(const struct app *app, int64_t pal_id)
{
	return app_actor_is_manager(app) || app_actor_is(app, pal_id);
}

enum pd_status
access_give_role(const struct app *app, enum role role, struct pd_err *err)
{
	const struct app_actor *a = who(app);

	if (a->system || (a->user && a->role == ROLE_MANAGER))
		return PD_OK;
	if (a->user && a->role == ROLE_OFFICE && role == ROLE_PAL)
		return PD_OK;
	if (a->user && a->role == ROLE_OFFICE)
		return pd_fail(err, PD_DENIED, "role", "only a manager may add "
		    "%s", role == ROLE_OFFICE ? "office staff" : "a manager");
	return pd_fail(err, PD_DENIED, "role", "only a manager or the office "
	    "may add people");
}

/* ---- the audit row, which names the actor (app/app.h) ------------------- */

enum pd_status
app_audit(struct app *app, const char *action, const char *entity,
    int64_t entity_id, int64_t client_id, const char *summary,
    const char *before, const char *after, const char *reason,
    struct pd_err *err)
{
	struct audit_entry a;

	enum pd_status s;

	memset(&a, 0, sizeof a);
	app_today(a.day);	/* the business day; `at` is always real */
	a.actor_id = access_staff_id(app);
	a.actor_login = app_actor_login(app)[0] ?
	    xstrdup(app_actor_login(app)) : NULL;
	a.action = xstrdup(action);
	a.entity = xstrdup(entity);
	a.entity_id = entity_id;
	a.client_id = client_id;
	a.summary = xstrdup(summary);
	a.before = xstrdup(before);
	a.after = xstrdup(after);
	a.reason = xstrdup(reason);
	s = db_audit_insert(app->db, &a, err);
	audit_entry_fini(&a);
	return s;
}

enum pd_status
app_audit_one(struct app *app, const char *action, const char *entity,
    int64_t entity_id, int64_t client_id, const char *summary,
    struct pd_err *err)
{
	enum pd_status s;

	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = app_audit(app, action, entity, entity_id, client_id, summary,
	    NULL, NULL, NULL, err);
	return app_finish(app, s, err);
}
