/* users.h - staff users: the first manager, adding people, passphrases.
 *
 * Passphrases are stored only as crypt(3) yescrypt hashes.
 */
#ifndef PEERDESK_APP_USERS_H
#define PEERDESK_APP_USERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/model/people.h"

/* Set up a new database: if it has no staff yet, add the Unix user
 * running this as its first manager (name from the account's full name
 * when there is one).  *added is true when a manager was added. */
enum pd_status app_setup_first_manager(struct app *app, bool *added,
    struct pd_err *err);

/* Add a staff user.  role: office, pal or manager; who may give which
 * role is access_give_role's (a manager any, the office only PAL).
 * A PAL also gets an empty PAL record. */
enum pd_status app_user_add(struct app *app, const char *login,
    const char *name, enum role role, int64_t *id, struct pd_err *err);

/* Add a PAL with what is known of their pay, in one transaction:
 * rate_pence > 0 records an hourly rate from the first day of this
 * week, -1 none; has_rule records rule from then too.  With neither, the PAL is added with nothing
 * recorded (every screen, report and `peerdesk week` then says "no pay
 * rate recorded" / "no benefit rule recorded").  Recording a rate or a
 * rule needs a manager (special-category data).  warning (may be NULL)
 * gets a below-minimum-wage sentence, else "". */
enum pd_status app_pal_add(struct app *app, const char *login,
    const char *name, int64_t rate_pence, bool has_rule,
    enum benefit_rule rule, int64_t *id, char *warning, size_t n,
    struct pd_err *err);

/* Set login's passphrase (managers, or the person themselves).
 * PD_INVALID when shorter than 8 characters. */
enum pd_status app_user_passwd(struct app *app, const char *login,
    const char *passphrase, struct pd_err *err);

/* Does passphrase match login's stored hash?  PD_OK when it does,
 * PD_DENIED when it does not or none is set (same message, so nobody
 * learns which logins exist). */
enum pd_status app_user_verify(struct app *app, const char *login,
    const char *passphrase, struct pd_err *err);

/* Every staff user, by name; row valid during the call. */
enum pd_status app_user_list(struct app *app,
    int (*cb)(void *arg, const struct staff *row), void *arg,
    struct pd_err *err);

#endif
