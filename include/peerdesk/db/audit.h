/* audit.h - who did what, when, to which record.  Rows can never be
 * changed or removed (the schema's triggers refuse it), and each row
 * carries a SHA-256 hash of the previous row's hash and its own fields
 * (a chain: docs/data-model.md), so a change made by going round the
 * triggers shows. */
#ifndef PEERDESK_DB_AUDIT_H
#define PEERDESK_DB_AUDIT_H

#include <stdint.h>

#include "peerdesk/core/sha256.h"
#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/audit.h"

/* Write one audit row, chained to the one before.  Its time is always
 * the real UTC time now (a->at is not used); a->day is the business day
 * ("" = the real UTC date).  a->action and a->entity are required; ids
 * of 0 are stored as "none".  Call inside the caller's transaction, with
 * the change it records (without one, it makes its own). */
enum pd_status db_audit_insert(struct db *db, const struct audit_entry *a,
    struct pd_err *err);

/* Call cb for each row q asks for, newest first.  The row is valid only
 * during the call; nonzero from cb stops. */
enum pd_status db_audit_list(struct db *db, const struct audit_query *q,
    int (*cb)(void *arg, const struct audit_entry *row), void *arg,
    struct pd_err *err);

/* *n = how many rows db_audit_list would give for q (limit and offset
 * aside). */
enum pd_status db_audit_count(struct db *db, const struct audit_query *q,
    int64_t *n, struct pd_err *err);

/* *h = the newest audit row's id and hash. */
enum pd_status db_audit_head(struct db *db, struct audit_head *h,
    struct pd_err *err);

/* *h = the newest head a full check found whole and wrote down (the
 * rows a backup or `audit --verify` writes: entity "audit_chain",
 * entity_id the row, after its hash); id 0 when there is none. */
enum pd_status db_audit_seal(struct db *db, struct audit_head *h,
    struct pd_err *err);

/* Recompute the whole chain in id order.  PD_OK when it could be read:
 * then out->bad_id is 0 when every row fits, or names the first row that
 * was changed, added or follows removed rows.  Another status when the
 * table could not be read. */
enum pd_status db_audit_verify(struct db *db, struct audit_verify *out,
    struct pd_err *err);

/* The same from a head verified before (start): row start->id must
 * still be there with the same hash, and every later row must fit.
 * start NULL or with id 0: the whole chain.  out->rows counts the rows
 * checked after start. */
enum pd_status db_audit_verify_from(struct db *db,
    const struct audit_head *start, struct audit_verify *out,
    struct pd_err *err);

#endif
