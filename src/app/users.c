/* users.c - staff users and passphrases. */
#include "peerdesk/app/users.h"

#include <crypt.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "peerdesk/model/week.h"
#include "users_priv.h"
#include "app_priv.h"

#define PASSPHRASE_MIN 8

static int
users_count_cb(void *arg, const struct staff *row)
{
	(void)row;
	(*(int *)arg)++;
	return 1;	/* one is enough */
}

enum pd_status
users_staff_add(struct app *app, const char *login, const char *name,
    enum role role, const char *started_on, int64_t *id, struct pd_err *err)
{
	struct staff st;
	struct pal_profile prof;
	enum pd_status s;

	memset(&st, 0, sizeof st);
	st.login = xstrdup(login);
	st.name = xstrdup(name);
	st.role = role;
	st.active = 1;
	s = db_staff_insert(app->db, &st, err);
	*id = st.id;
	staff_fini(&st);
	if (s != PD_OK || role != ROLE_PAL)
		return s;
	memset(&prof, 0, sizeof prof);
	prof.staff_id = *id;
	prof.max_clients = -1;
	snprintf(prof.started_on, sizeof prof.started_on, "%s", started_on);
	return db_pal_insert(app->db, &prof, err);
}

static enum pd_status
users_insert(struct app *app, const char *login, const char *name,
    enum role role, int64_t *id, struct pd_err *err)
{
	enum pd_status s;
	int64_t sid;
	char summary[200];

	if ((s = users_staff_add(app, login, name, role, "", &sid, err))
	    != PD_OK)
		return s;
	snprintf(summary, sizeof summary, "added %s (%s) as %s", name, login,
	    role_label(role));
	if ((s = app_audit(app, "create", "staff", sid, 0, summary, NULL,
	    NULL, NULL, err)) != PD_OK)
		return s;
	if (id != NULL)
		*id = sid;
	return PD_OK;
}

enum pd_status
app_setup_first_manager(struct app *app, bool *added, struct pd_err *err)
{
	char login[64], name[128];
	struct passwd *pw;
	int n = 0;
	enum pd_status s;

	*added = false;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = db_staff_list(app->db, -1, users_count_cb, &n, err);
	if (s == PD_OK && n == 0) {
		if (app_unix_login(login, sizeof login) != 0) {
			db_rollback(app->db);
			return pd_fail(err, PD_DENIED, NULL,
			    "your Unix account has no name");
		}
		pw = getpwuid(getuid());
		snprintf(name, sizeof name, "%s", login);
		if (pw != NULL && pw->pw_gecos != NULL && pw->pw_gecos[0] != '\0' &&
		    pw->pw_gecos[0] != ',') {
			snprintf(name, sizeof name, "%s", pw->pw_gecos);
			name[strcspn(name, ",")] = '\0';
		}
		s = users_insert(app, login, name, ROLE_MANAGER, NULL, err);
		*added = s == PD_OK;
	}
	return app_finish(app, s, err);
}

enum pd_status
app_user_add(struct app *app, const char *login, const char *name,
    enum role role, int64_t *id, struct pd_err *err)
{
	enum pd_status s;
	const char *p;

	if ((s = app_require(app, APP_STAFF, "add staff users", err)) != PD_OK)
		return s;
	if ((s = access_give_role(app, role, err)) != PD_OK)
		return s;
	if (login == NULL || login[0] == '\0')
		return pd_fail(err, PD_INVALID, "login", "a Unix login is needed");
	for (p = login; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' ||
		    (*p == '-' && p != login)))
			return pd_fail(err, PD_INVALID, "login", "'%s' is not a "
			    "Unix login (letters, digits, '.', '_' and '-')", login);
	if (name == NULL || name[strspn(name, " \t")] == '\0')
		return pd_fail(err, PD_INVALID, "name", "a name is needed");
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = users_insert(app, login, name, role, id, err);
	if (s == PD_DUPLICATE)
		pd_fail(err, PD_DUPLICATE, "login", "'%s' is already a peerdesk "
		    "user", login);
	return app_finish(app, s, err);
}

enum pd_status
app_pal_add(struct app *app, const char *login, const char *name,
    int64_t rate_pence, bool has_rule, enum benefit_rule rule, int64_t *id,
    char *warning, size_t n, struct pd_err *err)
{
	int64_t pal_id = 0;
	enum pd_status s;
	char from[11];

	if (warning != NULL && n > 0)
		warning[0] = '\0';
	/* from the first day of this week, so the week is judged whole */
	date_format(week_start_of(today_get(), app->settings->week_start),
	    from);
	if ((rate_pence >= 0 || has_rule) && (s = app_require(app,
	    APP_MANAGER, "record pay rates and benefit rules", err)) != PD_OK)
		return s;
	if (rate_pence == 0 || rate_pence < -1)
		return pd_fail(err, PD_INVALID, "rate", "a pay rate of £0.00 "
		    "cannot be right; leave it out if it is not known");
	if (has_rule && benefit_rule_str(rule) == NULL)
		return pd_fail(err, PD_INVALID, "benefit", "that is not a "
		    "benefit rule");
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	/* the inner use cases nest: one commit, or nothing at all */
	s = app_user_add(app, login, name, ROLE_PAL, &pal_id, err);
	if (s == PD_OK && rate_pence > 0)
		s = app_pal_rate_add(app, pal_id, rate_pence, from, warning, n,
		    err);
	if (s == PD_OK && has_rule)
		s = app_pal_benefit_set(app, pal_id, rule, from, NULL, err);
	s = app_finish(app, s, err);
	if (s == PD_OK && id != NULL)
		*id = pal_id;
	return s;
}

enum pd_status
app_user_passwd(struct app *app, const char *login, const char *passphrase,
    struct pd_err *err)
{
	struct staff st;
	struct crypt_data *cd;
	char *salt, *hash;
	enum pd_status s;

	memset(&st, 0, sizeof st);
	if ((s = db_staff_by_login(app->db, login, &st, err)) != PD_OK) {
		staff_fini(&st);
		return s == PD_NOT_FOUND ? pd_fail(err, s, "login",
		    "'%s' is not a peerdesk user", login) : s;
	}
	if (!app_actor_is_manager(app) && !app_actor_is(app, st.id)) {
		staff_fini(&st);
		return pd_fail(err, PD_DENIED, NULL, "only a manager may set "
		    "someone else's passphrase");
	}
	if (passphrase == NULL || strlen(passphrase) < PASSPHRASE_MIN) {
		staff_fini(&st);
		return pd_fail(err, PD_INVALID, "passphrase", "a passphrase needs "
		    "at least %d characters; a few words together are easy "
		    "to remember", PASSPHRASE_MIN);
	}
	salt = crypt_gensalt_ra("$y$", 0, NULL, 0);
	if (salt == NULL) {
		staff_fini(&st);
		return pd_fail(err, PD_IO, NULL, "could not make a salt for the "
		    "passphrase");
	}
	cd = xcalloc(1, sizeof *cd);
	hash = crypt_r(passphrase, salt, cd);
	free(salt);
	if (hash == NULL || hash[0] == '*') {
		free(cd);
		staff_fini(&st);
		return pd_fail(err, PD_IO, NULL, "could not hash the passphrase");
	}
	s = db_begin(app->db, err);
	if (s == PD_OK)
		s = db_staff_set_passphrase(app->db, st.id, hash, err);
	if (s == PD_OK)
		s = app_audit(app, "passphrase", "staff", st.id, 0,
		    "set the passphrase", NULL, NULL, NULL, err);
	s = app_finish(app, s, err);
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	staff_fini(&st);
	return s;
}

enum pd_status
app_user_verify(struct app *app, const char *login, const char *passphrase,
    struct pd_err *err)
{
	struct staff st;
	struct crypt_data *cd;
	const char *hash;
	bool ok = false;

	memset(&st, 0, sizeof st);
	if (db_staff_by_login(app->db, login, &st, NULL) == PD_OK && st.active &&
	    st.passphrase != NULL && passphrase != NULL) {
		cd = xcalloc(1, sizeof *cd);
		hash = crypt_r(passphrase, st.passphrase, cd);
		ok = hash != NULL && hash[0] != '*' &&
		    strcmp(hash, st.passphrase) == 0;
		explicit_bzero(cd, sizeof *cd);
		free(cd);
	}
	staff_fini(&st);
	if (!ok)
		return pd_fail(err, PD_DENIED, "passphrase", "that name and "
		    "passphrase do not match; please try again");
	return PD_OK;
}

enum pd_status
app_user_list(struct app *app, int (*cb)(void *arg, const struct staff *row),
    void *arg, struct pd_err *err)
{
	enum pd_status s;

	if ((s = app_require(app, APP_STAFF, "list staff users", err)) != PD_OK)
		return s;
	return db_staff_list(app->db, -1, cb, arg, err);
}
