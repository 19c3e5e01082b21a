/* shortlist.h - the PALs a client is choosing between: interview, first
 * meeting and both sides' decisions.
 *
 * Functions work inside the caller's transaction.  Shortlists are office
 * work: app/ decides who may read them (there is no scope_pal).
 */
#ifndef PEERDESK_DB_SHORTLIST_H
#define PEERDESK_DB_SHORTLIST_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/shortlist.h"

/* List callback: row is borrowed for the call; return nonzero to stop.
 * It must not call db_shortlist_list again. */
typedef int (*db_shortlist_cb)(void *arg, const struct shortlist_entry *row);

/* Add e (added_on "" = today); sets e->id and e->version = 1.
 * PD_NOT_FOUND: no such client or PAL. */
enum pd_status db_shortlist_insert(struct db *db, struct shortlist_entry *e,
    struct pd_err *err);

/* Entry id into *out (caller finis it), with the PAL's name, or
 * PD_NOT_FOUND. */
enum pd_status db_shortlist_get(struct db *db, int64_t id,
    struct shortlist_entry *out, struct pd_err *err);

/* Save e (status, interview, first meeting, decisions, reason, closed)
 * if nobody saved it since e->version was read; bumps e->version.
 * PD_CONFLICT or PD_NOT_FOUND. */
enum pd_status db_shortlist_update(struct db *db, struct shortlist_entry *e,
    struct pd_err *err);

/* The client's shortlist, in the order PALs were added. */
enum pd_status db_shortlist_list(struct db *db, int64_t client_id,
    db_shortlist_cb cb, void *arg, struct pd_err *err);

#endif
