/* signin.c - sessions of the screens: shared accounts, signing in and
 * out, and drafts kept when the person at the keyboard changes. */
#include "peerdesk/app/signin.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/users.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"
#include "peerdesk/app/draftfile.h"
#include "peerdesk/db/draft.h"
#include "peerdesk/db/staff.h"
#include "app_priv.h"

/* A word of sshd's variables: only what an address or port holds. */
static bool
signin_word_ok(const char *w, size_t n)
{
	size_t i;

	if (n == 0 || n > 64)
		return false;
	for (i = 0; i < n; i++) {
		char c = w[i];

		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || c == '.' || c == ':' || c == '%'))
			return false;
	}
	return true;
}

/* "ADDRESS port N" from "ADDRESS N ..." into from; 0, or -1 if v is
 * not like that. */
static int
signin_parse_from(const char *v, char *from, size_t n)
{
	const char *a, *p;
	size_t alen, plen;

	if (v == NULL)
		return -1;
	a = v + strspn(v, " ");
	alen = strcspn(a, " ");
	p = a + alen + strspn(a + alen, " ");
	plen = strcspn(p, " ");
	if (!signin_word_ok(a, alen) || !signin_word_ok(p, plen) ||
	    strspn(p, "0123456789") != plen)
		return -1;
	snprintf(from, n, "%.*s port %.*s", (int)alen, a, (int)plen, p);
	return 0;
}

bool
app_over_ssh(char *from, size_t n)
{
	static const char *const vars[] = { "SSH_CONNECTION", "SSH_CLIENT",
	    "SSH_TTY", "SSH_ORIGINAL_COMMAND" };
	const char *v;
	size_t i;
	bool ssh = false;

	if (from != NULL && n > 0)
		from[0] = '\0';
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if ((v = getenv(vars[i])) != NULL && v[0] != '\0')
			ssh = true;
	if (ssh && from != NULL && n > 0 &&
	    signin_parse_from(getenv("SSH_CONNECTION"), from, n) != 0 &&
	    signin_parse_from(getenv("SSH_CLIENT"), from, n) != 0)
		from[0] = '\0';
	return ssh;
}

enum settings_editor
app_editor_mode(const struct app *app)
{
	enum settings_editor m;

	if (app->settings == NULL || (!app_actor_signed_in(app) &&
	    !app_actor_is_system(app)))
		return SETTINGS_EDITOR_OFF;
	if (app_actor_is_pal(app)) {
		m = app->settings->pal_editor;
		if (m == SETTINGS_EDITOR_OWN)
			m = SETTINGS_EDITOR_RESTRICTED;
	} else {
		m = app->settings->editor;
	}
	if (m == SETTINGS_EDITOR_OWN && app_over_ssh(NULL, 0))
		m = SETTINGS_EDITOR_RESTRICTED;
	return m;
}

/* One audit row in a transaction of its own; a busy or broken database
 * must not stop anyone signing in or out, so errors are dropped. */
static void
signin_audit(struct app *app, const char *action, int64_t staff_id,
    const char *summary)
{
	if (app->db != NULL)
		(void)app_audit_one(app, action, "staff", staff_id, 0, summary,
		    NULL);
}

void
app_session_how(char *buf, size_t n)
{
	char from[160];
	const char *tty;

	if (app_over_ssh(from, sizeof from))
		snprintf(buf, n, "over SSH%s%s", from[0] ? " from " : "", from);
	else if ((tty = ttyname(STDIN_FILENO)) != NULL && strlen(tty) < 64 &&
	    strspn(tty, "/abcdefghijklmnopqrstuvwxyz0123456789") ==
	    strlen(tty))
		snprintf(buf, n, "at a terminal of this computer (%s)", tty);
	else
		snprintf(buf, n, "at a terminal of this computer");
}

void
app_session_signed_in(struct app *app)
{
	char how[200], summary[240];

	if (!app_actor_signed_in(app))
		return;
	app_session_how(how, sizeof how);
	snprintf(summary, sizeof summary, "signed in %s", how);
	signin_audit(app, "sign_in", access_staff_id(app), summary);
}

void
app_session_end(struct app *app, bool hangup)
{
	char how[200], summary[240];
	char login[64];

	if (app_actor_signed_in(app)) {
		app_session_how(how, sizeof how);
		snprintf(summary, sizeof summary, "%s %s", hangup ?
		    "signed out: the line dropped," : "signed out", how);
		signin_audit(app, "sign_out", access_staff_id(app), summary);
	}
	access_set_nobody(app, app_unix_login(login, sizeof login) == 0 ?
	    login : NULL);
}

void
app_session_locked(struct app *app, int idle_minutes)
{
	char summary[160];

	if (!app_actor_signed_in(app))
		return;
	if (idle_minutes > 0)
		snprintf(summary, sizeof summary, "the screen locked itself "
		    "after %d minute%s without a key", idle_minutes,
		    idle_minutes == 1 ? "" : "s");
	else
		snprintf(summary, sizeof summary, "locked the screen");
	signin_audit(app, "lock", access_staff_id(app), summary);
}

void
app_session_unlocked(struct app *app)
{
	if (app_actor_signed_in(app))
		signin_audit(app, "unlock", access_staff_id(app),
		    "unlocked the screen with their passphrase");
}

void
app_session_refused(struct app *app, const char *why)
{
	char how[200], summary[400];

	app_session_how(how, sizeof how);
	snprintf(summary, sizeof summary, "refused %s: %s", how, why);
	signin_audit(app, "sign_in_refused", 0, summary);
}

bool
app_on_shared_account(const struct app *app)
{
	char login[64];

	if (app->settings == NULL || app_unix_login(login, sizeof login) != 0)
		return false;
	return settings_is_shared_account(app->settings, login);
}

enum pd_status
app_session_start(struct app *app, bool *shared, struct pd_err *err)
{
	char login[64];

	*shared = false;
	if (!app_on_shared_account(app))
		return app_identify(app, err);
	if (app_unix_login(login, sizeof login) != 0)
		return pd_fail(err, PD_DENIED, NULL, "your Unix account has no "
		    "name");
	access_set_nobody(app, login);
	*shared = true;
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

	if (!app_actor_signed_in(app) && !app_actor_is_system(app) &&
	    !app_on_shared_account(app))
		return pd_fail(err, PD_DENIED, NULL, "signing in by name is "
		    "only for shared office accounts");
	return db_staff_list(app->db, -1, signin_people_cb, &p, err);
}

enum pd_status
app_signin_check(struct app *app, const char *login, const char *passphrase,
    struct pd_err *err)
{
	struct staff st;
	const char *why;
	char summary[240], shown[70];
	int64_t id = 0;

	if (login != NULL && app_user_verify(app, login, passphrase, err) ==
	    PD_OK)
		return PD_OK;
	/* Written even though nobody may be signed in: the audit says which
	 * Unix account it came from, and (for the manager only) why. */
	memset(&st, 0, sizeof st);
	if (login == NULL || login[0] == '\0' ||
	    db_staff_by_login(app->db, login, &st, NULL) != PD_OK)
		why = "no peerdesk user has that name";
	else if (!st.active)
		why = "the account is switched off";
	else if (st.passphrase == NULL || st.passphrase[0] == '\0')
		why = "no passphrase has been set";
	else
		why = "wrong passphrase";
	id = st.id;
	staff_fini(&st);
	/* the name as typed, kept short and plain */
	snprintf(shown, sizeof shown, "%s", login ? login : "?");
	snprintf(summary, sizeof summary, "a sign-in as %s failed: %s", shown,
	    why);
	signin_audit(app, "sign_in_failed", id, summary);
	return pd_fail(err, PD_DENIED, "passphrase", "that name and "
	    "passphrase do not match; please try again");
}

void
app_sign_out(struct app *app)
{
	char login[64];

	if (app_actor_signed_in(app))
		signin_audit(app, "sign_out", access_staff_id(app),
		    "signed out");
	access_set_nobody(app, app_unix_login(login, sizeof login) == 0 ?
	    login : NULL);
}

enum pd_status
app_draft_keep(struct app *app, const char *form, const char *key,
    const char *content, struct pd_err *err)
{
	enum pd_status s;

	if (!app_actor_signed_in(app))
		return pd_fail(err, PD_DENIED, NULL, "only a signed-in peerdesk "
		    "user has drafts");
	s = db_draft_save(app->db, access_staff_id(app), form, key, content,
	    err);
	if (s == PD_OK) {
		/* an older copy kept in a file while the database was full */
		(void)draftfile_delete(app_actor_login(app), form, key, NULL);
		return PD_OK;
	}
	/* The database cannot take it (a full disk, a lost connection at
	 * hangup): the person's own file keeps it instead, word for word. */
	if (draftfile_save(app_actor_login(app), form, key, content, NULL, NULL)
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
	if (!app_actor_signed_in(app))
		return pd_fail(err, PD_NOT_FOUND, NULL, "nobody is signed in");
	/* a file is there only when it is newer than the database's copy */
	if (draftfile_load(app_actor_login(app), form, key, content, saved_at,
	    NULL) == PD_OK) {
		(void)draftfile_delete(app_actor_login(app), form, key, NULL);
		(void)db_draft_delete(app->db, access_staff_id(app), form, key,
		    NULL);
		return PD_OK;
	}
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = db_draft_load(app->db, access_staff_id(app), form, key, content,
	    saved_at, err);
	if (s == PD_OK)
		s = db_draft_delete(app->db, access_staff_id(app), form, key,
		    err);
	s = app_finish(app, s, err);
	if (s != PD_OK)
		FREE(content);
	return s;
}

enum pd_status
app_sign_in_as(struct app *app, const char *login, struct pd_err *err)
{
	char unix_login[64] = "", how[200], summary[300];
	struct staff st;
	enum pd_status s;

	memset(&st, 0, sizeof st);
	s = db_staff_by_login(app->db, login, &st, err);
	if (s == PD_OK && !st.active)
		s = pd_fail(err, PD_DENIED, NULL, "this account has been "
		    "switched off; please ask the manager");
	if (s == PD_OK) {
		access_set_user(app, st.id, st.role, login);
		app_unix_login(unix_login, sizeof unix_login);
		app_session_how(how, sizeof how);
		snprintf(summary, sizeof summary, "signed in on the shared "
		    "account %s, %s", unix_login, how);
		s = db_begin(app->db, err);
		if (s == PD_OK)
			s = app_audit(app, "sign_in", "staff", st.id, 0,
			    summary, NULL, NULL, NULL, err);
		s = app_finish(app, s, err);
	}
	staff_fini(&st);
	return s;
}
