/* ally.h - people who matter to a client (family, friends, workers). */
#ifndef PEERDESK_DB_ALLY_H
#define PEERDESK_DB_ALLY_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/client.h"

/* Insert a for client a->client_id (who must exist); a->name is
 * required.  a->position 0 puts it after the others.  Sets a->id,
 * a->position and a->version = 1. */
enum pd_status db_ally_insert(struct db *db, struct ally *a,
    struct pd_err *err);

/* Call cb for each ally of the client, in position order.  Nothing (and
 * PD_OK) when the client is outside scope_pal's scope (0 = everyone).
 * The row is valid only during the call; nonzero from cb stops. */
enum pd_status db_ally_list(struct db *db, int64_t client_id,
    int64_t scope_pal, int (*cb)(void *arg, const struct ally *row),
    void *arg, struct pd_err *err);

/* Save name, relationship, phone, notes and position if still at
 * a->version; bumps it.  PD_CONFLICT or PD_NOT_FOUND. */
enum pd_status db_ally_update(struct db *db, struct ally *a,
    struct pd_err *err);

/* Remove ally id.  PD_NOT_FOUND if it is not there. */
enum pd_status db_ally_delete(struct db *db, int64_t id,
    struct pd_err *err);

#endif
