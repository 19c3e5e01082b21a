/* review.h - the four-to-six-week review of an assignment.
 *
 * Functions work inside the caller's transaction (app/ records the
 * review, the goal scores and the audit row together).
 */
#ifndef PEERDESK_DB_REVIEW_H
#define PEERDESK_DB_REVIEW_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/assignment.h"

/* List callback: row is borrowed for the call; return nonzero to stop.
 * It must not call db_review_list again. */
typedef int (*db_review_cb)(void *arg, const struct review *row);

/* Record review r and mark its assignment reviewed on r->held_on (which
 * clears its review reminder).  Sets r->id and r->created_at.
 * PD_NOT_FOUND: no such assignment; PD_INVALID: bad outcome. */
enum pd_status db_review_insert(struct db *db, struct review *r,
    struct pd_err *err);

/* The assignment's reviews, oldest first. */
enum pd_status db_review_list(struct db *db, int64_t assignment_id,
    db_review_cb cb, void *arg, struct pd_err *err);

#endif
