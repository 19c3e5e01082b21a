/* funding.h - who pays for a client's support, and the funder's terms. */
#ifndef PEERDESK_DB_FUNDING_H
#define PEERDESK_DB_FUNDING_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/client.h"

/* Insert f for client f->client_id (who must exist), by staff `by`
 * (0 = the system).  Sets f->id and f->version = 1. */
enum pd_status db_funding_insert(struct db *db, struct funding *f,
    int64_t by, struct pd_err *err);

/* The client's current funding (latest starts_on, then the newest row)
 * into *out (funding_fini it).  PD_NOT_FOUND if there is none or the
 * client is outside scope_pal's scope (0 = everyone). */
enum pd_status db_funding_for_client(struct db *db, int64_t client_id,
    int64_t scope_pal, struct funding *out, struct pd_err *err);

/* Save every field of f if still at f->version (by = who saves); bumps
 * f->version.  PD_CONFLICT (who and when) or PD_NOT_FOUND. */
enum pd_status db_funding_update(struct db *db, struct funding *f,
    int64_t by, struct pd_err *err);

#endif
