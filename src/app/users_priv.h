/* users_priv.h - adding a member of staff, shared by users.c and
 * import_pals.c (private to app/; defined in users.c). */
#ifndef PEERDESK_APP_USERS_PRIV_H
#define PEERDESK_APP_USERS_PRIV_H

#include <stdint.h>

#include "peerdesk/app/app.h"

/* Add login (name, role) as an active member of staff, into *id; a PAL
 * also gets a profile that starts on started_on ("" for none).  Inside
 * the caller's transaction; no audit row. */
enum pd_status users_staff_add(struct app *app, const char *login,
    const char *name, enum role role, const char *started_on, int64_t *id,
    struct pd_err *err);

#endif
