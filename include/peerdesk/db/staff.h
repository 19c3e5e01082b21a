/* staff.h - people who sign in: office staff, PALs and managers. */
#ifndef PEERDESK_DB_STAFF_H
#define PEERDESK_DB_STAFF_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/people.h"

/* Insert s (login may be NULL; passphrase a crypt(3) hash or NULL); sets
 * s->id and s->version = 1.  PD_DUPLICATE (field "login") when the login
 * is taken, PD_INVALID (field "name") for an empty name. */
enum pd_status db_staff_insert(struct db *db, struct staff *s,
    struct pd_err *err);

/* Read staff id into *out (staff_fini it).  PD_NOT_FOUND if none. */
enum pd_status db_staff_get(struct db *db, int64_t id, struct staff *out,
    struct pd_err *err);

/* Read the staff member with this login.  PD_NOT_FOUND if none. */
enum pd_status db_staff_by_login(struct db *db, const char *login,
    struct staff *out, struct pd_err *err);

/* Save login, name, role, email, phone and active (not the passphrase)
 * if the row is still at s->version; then s->version is bumped.
 * PD_CONFLICT if someone saved it since, PD_NOT_FOUND if it is gone. */
enum pd_status db_staff_update(struct db *db, struct staff *s,
    struct pd_err *err);

/* Replace the passphrase hash (NULL clears it).  Does not change the
 * record's version.  PD_NOT_FOUND if there is no such staff member. */
enum pd_status db_staff_set_passphrase(struct db *db, int64_t id,
    const char *hash, struct pd_err *err);

/* Call cb for every staff member (role_or_minus1: an enum role, or -1
 * for all; active and inactive), by name.  The row is valid only during
 * the call.  A nonzero return from cb stops the list. */
enum pd_status db_staff_list(struct db *db, int role_or_minus1,
    int (*cb)(void *arg, const struct staff *row), void *arg,
    struct pd_err *err);

#endif
