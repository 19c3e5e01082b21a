/* referral.h - how a client came to us, and the steps to funding. */
#ifndef PEERDESK_DB_REFERRAL_H
#define PEERDESK_DB_REFERRAL_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/client.h"

/* Insert r for client r->client_id (who must exist), recorded by staff
 * `by` (0 = the system).  r->referred_on is required.  Sets r->id and
 * r->version = 1; the client's list date follows the newest referral. */
enum pd_status db_referral_insert(struct db *db, struct referral *r,
    int64_t by, struct pd_err *err);

/* The client's newest referral (latest referred_on) into *out
 * (referral_fini it).  PD_NOT_FOUND if there is none or the client is
 * outside scope_pal's scope (0 = everyone). */
enum pd_status db_referral_for_client(struct db *db, int64_t client_id,
    int64_t scope_pal, struct referral *out, struct pd_err *err);

/* Save every field of r if still at r->version (by = who saves); bumps
 * r->version.  PD_CONFLICT (who and when) or PD_NOT_FOUND. */
enum pd_status db_referral_update(struct db *db, struct referral *r,
    int64_t by, struct pd_err *err);

#endif
