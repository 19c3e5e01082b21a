/* assignment.h - a worker (PAL or staff) supporting a client, from the
 * first meeting to the end.
 *
 * Functions work inside the caller's transaction.  An assignment is
 * active while ended_on is empty or later than today (model/today_get).
 * The review window (review_due_on, review_overdue_on) is computed in
 * model/ by the caller and stored here.
 */
#ifndef PEERDESK_DB_ASSIGNMENT_H
#define PEERDESK_DB_ASSIGNMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/assignment.h"

/* List callback: row is borrowed for the call; return nonzero to stop.
 * It must not call the same db_* list function again. */
typedef int (*db_assignment_cb)(void *arg, const struct assignment *row);

/* Insert a (not ended), made by a->created_by; sets a->id and
 * a->version = 1.  PD_NOT_FOUND: no such client, worker or shortlist. */
enum pd_status db_assignment_insert(struct db *db, struct assignment *a,
    struct pd_err *err);

/* Assignment id into *out (caller finis it), with the client's and
 * worker's names, or PD_NOT_FOUND. */
enum pd_status db_assignment_get(struct db *db, int64_t id,
    struct assignment *out, struct pd_err *err);

/* Save a's contracted minutes, review window and override reason if
 * nobody saved it since a->version was read; bumps a->version.
 * PD_CONFLICT or PD_NOT_FOUND. */
enum pd_status db_assignment_update(struct db *db, struct assignment *a,
    struct pd_err *err);

/* End assignment id on ended_on, of kind k with a reason, by `by`.
 * PD_CONFLICT when it has already ended; PD_NOT_FOUND; PD_INVALID for
 * END_NONE. */
enum pd_status db_assignment_end(struct db *db, int64_t id,
    const char *ended_on, enum end_kind k, const char *reason, int64_t by,
    struct pd_err *err);

/* The client's assignments (active_only: only active ones), oldest
 * first. */
enum pd_status db_assignment_list_for_client(struct db *db,
    int64_t client_id, bool active_only, db_assignment_cb cb, void *arg,
    struct pd_err *err);

/* The worker's assignments (active_only: only active ones), by client
 * name. */
enum pd_status db_assignment_list_for_worker(struct db *db,
    int64_t worker_id, bool active_only, db_assignment_cb cb, void *arg,
    struct pd_err *err);

#endif
