/* clientstory.h - SQL for a client's story: the dated status history
 * (client_status_change), the status columns of client kept in step
 * with it, counts by status, the rows the duplicate check compares, and
 * moving a record's rows to another when two are merged.
 */
#ifndef PEERDESK_DB_CLIENTSTORY_H
#define PEERDESK_DB_CLIENTSTORY_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/clientstory.h"

/* Add one dated line to client_id's history (episode, status, the day
 * it took effect, the closed reason or CLOSED_NONE, a note or NULL),
 * made by staff `by` (0 = the system). */
enum pd_status db_status_change_insert(struct db *db, int64_t client_id,
    int episode, enum client_status st, const char *on,
    enum closed_reason reason, const char *note, int64_t by,
    struct pd_err *err);

/* The client's history, oldest first (by day, then as made).  cb
 * returns non-zero to stop. */
enum pd_status db_status_change_list(struct db *db, int64_t client_id,
    int (*cb)(void *arg, const struct status_change *c), void *arg,
    struct pd_err *err);

/* Set client id's status columns to match a new line: status,
 * status_changed_on = on, closed_on = on when closed (else none),
 * closed_reason (CLOSED_NONE clears it), episode, merged_into (0 keeps
 * what is there); updated_at/by, and the version moves on (a form open
 * on the old version then meets a conflict, not a silent undo). */
enum pd_status db_client_set_status(struct db *db, int64_t id,
    enum client_status st, const char *on, enum closed_reason reason,
    int episode, int64_t merged_into, int64_t by, struct pd_err *err);

/* How many clients have each status (indexed by enum client_status),
 * records merged into another left out; scope_pal as db/client.h. */
enum pd_status db_client_status_counts(struct db *db, int64_t scope_pal,
    int counts[5], struct pd_err *err);

/* Each client the duplicate check compares against: not merged into
 * another and not erased.  dob "" and phone NULL when not recorded. */
enum pd_status db_client_each_for_match(struct db *db,
    int (*cb)(void *arg, int64_t id, const char *name, const char *pref,
    const char *dob, const char *phone, const char *status), void *arg,
    struct pd_err *err);

/* *has is true when client id has a wellness plan. */
enum pd_status db_client_has_plan(struct db *db, int64_t id, bool *has,
    struct pd_err *err);

/* Move every row of client `other` to client `keep`: people who matter,
 * referrals, funding, shortlist, assignments (their reviews go with
 * them), sessions, timesheet lines, the wellness plan when move_plan,
 * and text kept from editing the other's details.  *moved gets the
 * number of rows moved.  Audit rows are never changed. */
enum pd_status db_client_merge_rows(struct db *db, int64_t keep,
    int64_t other, bool move_plan, int *moved, struct pd_err *err);

#endif
