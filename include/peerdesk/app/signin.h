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

#include <stdbool.h>
#include <stddef.h>

#include "peerdesk/app/app.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/model/people.h"

/* Is this peerdesk running over SSH (sshd set SSH_CONNECTION,
 * SSH_CLIENT, SSH_TTY or SSH_ORIGINAL_COMMAND)?  When from is
 * not NULL it gets where from, as sshd said it: "ADDRESS port N" from
 * SSH_CONNECTION or SSH_CLIENT (only digits, letters, '.', ':' and '%'
 * pass), or "" when neither is usable. */
bool app_over_ssh(char *from, size_t n);

/* How this peerdesk was reached, for the audit: "over SSH from ADDRESS
 * port N", "over SSH", or "at a terminal of this computer (/dev/pts/N)". */
void app_session_how(char *buf, size_t n);

/* What Ctrl-E may start for the person signed in now: their own editor
 * only for office staff and managers not over SSH whose setting
 * `editor` says own; a PAL gets `pal_editor` (restricted or off);
 * anyone over SSH at most restricted; nobody signed in: off. */
enum settings_editor app_editor_mode(const struct app *app);

/* The screens open (a session of one person, not a shared account):
 * write a sign_in row saying how (over SSH from where, or at a terminal
 * of this computer).  Errors are not the person's business: dropped. */
void app_session_signed_in(struct app *app);

/* The screens closed: write a sign_out row for whoever was signed in
 * (how: "left peerdesk", or the line dropped when hangup) and forget
 * them.  Nothing when nobody was. */
void app_session_end(struct app *app, bool hangup);

/* The screens locked themselves (idle for minutes) or were locked by
 * the person: audited as lock.  app_session_unlocked: the same person
 * gave their passphrase again at the lock (unlock). */
void app_session_locked(struct app *app, int idle_minutes);
void app_session_unlocked(struct app *app);

/* A person whose Unix login is not a peerdesk user (or is switched
 * off) tried to open peerdesk: audited as sign_in_refused, with why. */
void app_session_refused(struct app *app, const char *why);

/* Start a session for the screens.  On a shared account *shared is true and
 * nobody is signed in yet (actor empty, login = the Unix login).
 * Otherwise *shared is false and it is app_identify(). */
enum pd_status app_session_start(struct app *app, bool *shared,
    struct pd_err *err);

/* True when the real uid's Unix login is a shared office account. */
bool app_on_shared_account(const struct app *app);

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

/* Act as this staff user from now on (after sign-in on a shared
 * account).  PD_NOT_FOUND / PD_DENIED for unknown or switched-off users. */
enum pd_status app_sign_in_as(struct app *app, const char *login,
    struct pd_err *err);

#endif
