/* signin.h - who is at the keyboard of the screens: signing in on a
 * shared office account, signing out, and keeping a person's unsaved
 * form text when someone else signs in at a locked screen.
 *
 * On a shared account (settings' shared_accounts lists the Unix login
 * of the real uid) nobody acts until they give their passphrase; any
 * other login is one person and is never asked for one.
 */
#ifndef PEERDESK_APP_SIGNIN_H
#define PEERDESK_APP_SIGNIN_H

#include "peerdesk/app/app.h"

/* Start a session for the screens.  On a shared account *shared = 1 and
 * nobody is signed in yet (actor empty, login = the Unix login).
 * Otherwise *shared = 0 and it is app_identify(). */
enum pd_status app_session_start(struct app *app, int *shared,
    struct pd_err *err);

/* True when the real uid's Unix login is a shared office account. */
int app_on_shared_account(const struct app *app);

/* The people who may sign in here: active staff, by name (row valid
 * during the call; the passphrase hash is never passed on).  Allowed on
 * a shared account, or to anyone signed in. */
enum pd_status app_signin_people(struct app *app,
    int (*cb)(void *arg, const struct staff *row), void *arg,
    struct pd_err *err);

/* Does passphrase belong to login?  Changes nobody's sign-in.  PD_DENIED
 * with the same plain message for a wrong name, a wrong passphrase or
 * none set; each failure is written to the audit. */
enum pd_status app_signin_check(struct app *app, const char *login,
    const char *passphrase, struct pd_err *err);

/* Nobody is signed in any more (audited when someone was). */
void app_sign_out(struct app *app);

/* Keep content as the signed-in person's draft of form for record key
 * (NULL or "" for a new record), replacing an older one.  PD_DENIED when
 * nobody is signed in. */
enum pd_status app_draft_keep(struct app *app, const char *form,
    const char *key, const char *content, struct pd_err *err);

/* Take that draft back and remove it: *content is a new string (caller
 * frees), saved_at its UTC moment.  PD_NOT_FOUND when there is none. */
enum pd_status app_draft_take(struct app *app, const char *form,
    const char *key, char **content, char saved_at[21], struct pd_err *err);

#endif
