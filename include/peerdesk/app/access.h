/* access.h - who may see and do what: the one place that decides.
 *
 * The actor (who is at the keyboard: a staff user with a role, the
 * system, or nobody yet) is opaque: only src/app/access.c knows its
 * fields.  The faces (src/tui, src/cli) ask the small questions below
 * (app_actor_*) to decide what to show; the use cases in app/ ask the
 * access_* functions what the actor may do and which clients they may
 * see.  docs/ARCHITECTURE.md ("Who may do what") has the table.
 *
 *   manager   everything
 *   office    clients, plans, PAL records (not pay or benefit rules),
 *             timesheets of any PAL (not approval), imports; may give
 *             only the PAL role
 *   PAL       their own record, week and timesheet; a client only while
 *             one of their assignments to that client is in force:
 *             started on or before the day and not ended by it
 *   system    root at the command line: as a manager
 */
#ifndef PEERDESK_APP_ACCESS_H
#define PEERDESK_APP_ACCESS_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/model/people.h"

struct app;

/* Role masks for app_require and app_actor_roles (bit 1 << role). */
#define APP_OFFICE  (1u << ROLE_OFFICE)
#define APP_PAL     (1u << ROLE_PAL)
#define APP_MANAGER (1u << ROLE_MANAGER)
#define APP_STAFF   (APP_OFFICE | APP_MANAGER)
#define APP_ANYONE  (APP_OFFICE | APP_PAL | APP_MANAGER)

/* ---- questions the faces may ask ---------------------------------------- */

/* True when a peerdesk staff user is acting (signed in or identified). */
bool app_actor_signed_in(const struct app *app);

/* True when the system (root at the command line) is acting, not a user. */
bool app_actor_is_system(const struct app *app);

/* True for a manager, or the system. */
bool app_actor_is_manager(const struct app *app);

/* True for a signed-in PAL (never the system). */
bool app_actor_is_pal(const struct app *app);

/* True when the actor is staff member staff_id (0 never matches). */
bool app_actor_is(const struct app *app, int64_t staff_id);

/* The actor's role as a mask of APP_*: one bit for a user, APP_ANYONE
 * for the system, 0 for nobody. */
unsigned app_actor_roles(const struct app *app);

/* The Unix login of whoever is at the keyboard ("" when unknown). */
const char *app_actor_login(const struct app *app);

/* ---- for the use cases in app/ ------------------------------------------- */

/* Refuse (PD_DENIED, a plain message naming `what`) unless the actor has
 * one of the roles in mask, or is the system. */
enum pd_status app_require(const struct app *app, unsigned mask,
    const char *what, struct pd_err *err);

/* The PAL whose clients limit what the actor may read: their staff id
 * for a PAL, 0 (everyone) for office staff, managers and the system.
 * Every client query takes it (db/'s :scope_pal). */
int64_t access_scope(const struct app *app);

/* The staff id to record as the author of a change: 0 for the system
 * or nobody. */
int64_t access_staff_id(const struct app *app);

/* The actor's role (ROLE_MANAGER for the system). */
enum role access_role(const struct app *app);

/* May the actor see client_id today?  PD_OK for staff and the system
 * (whether the client exists is the use case's business).  For a PAL:
 * PD_OK while one of their assignments to the client is in force;
 * otherwise PD_DENIED ("no such client, or not one of yours": the same
 * words whether or not the client exists) and the refusal is audited
 * (who, which id, what was asked) in its own transaction, so call this
 * before the use case's transaction begins. */
enum pd_status access_client(struct app *app, int64_t client_id,
    const char *what, struct pd_err *err);

/* Write one "refused" audit row (entity, id, what was asked) in its own
 * small transaction; used by access_client and by use cases that find
 * the refusal themselves.  Errors are ignored: the refusal stands. */
void access_refused(struct app *app, const char *entity, int64_t id,
    int64_t client_id, const char *what);

/* Which PAL's own data (week, timesheet, record) is meant: *pal_id 0
 * means "mine" for a PAL.  A PAL asking for another PAL gets PD_DENIED
 * (audited as refused); staff and the system may name anyone, but must
 * name someone (PD_INVALID on 0). */
enum pd_status access_own_pal(struct app *app, int64_t *pal_id,
    const char *what, struct pd_err *err);

/* May the actor see pal_id's pay, benefit rule and limits?  Managers and
 * the system, and the PAL themselves. */
bool access_sees_pay(const struct app *app, int64_t pal_id);

/* May the actor give someone `role` (adding a user, importing PALs, any
 * change of role)?  A manager or the system may give any role; office
 * staff only the PAL role; a PAL none.  PD_DENIED says so. */
enum pd_status access_give_role(const struct app *app, enum role role,
    struct pd_err *err);

/* ---- setting who is acting (app/ and tier-2 tests; never the faces) ---- */

/* Staff member staff_id with role is acting, as login. */
void access_set_user(struct app *app, int64_t staff_id, enum role role,
    const char *login);

/* The system is acting (root); login may be NULL ("root"). */
void access_set_system(struct app *app, const char *login);

/* Nobody is acting yet; login (may be NULL) is who is at the keyboard. */
void access_set_nobody(struct app *app, const char *login);

/* Free the actor (app_close does this). */
void access_fini(struct app *app);

#endif
