/* workfix.h - the people the tests of the work aggregates (sessions,
 * timesheets, plans, assignments, reminders, reports) start from.
 *
 * Built on dbfix and the people db_* functions (no SQL here).  Every
 * helper fails the running Check test on error.
 */
#ifndef PEERDESK_TESTS_WORKFIX_H
#define PEERDESK_TESTS_WORKFIX_H

#include <stdint.h>

#include "peerdesk/db/db.h"

/* Staff "mia" (manager, Mia Manager), "oli" (office, Oli Office); PALs
 * "ann" (Ann Able), "bob" (Bob Brown), "cat" (Cat Cole) with no pay rate
 * yet; clients Dee Dale, Eve Ellis, Fay Ford.  Today is 2024-03-04. */
struct workfix {
	struct db *db;
	int64_t manager, office;
	int64_t ann, bob, cat;
	int64_t dee, eve, fay;
};

/* A fresh database with the people above; workfix_close undoes it (and
 * lets today follow the clock again). */
void workfix_open(struct workfix *f);
void workfix_close(struct workfix *f);

/* A PAL (staff row and profile) with no pay rate; active 0 makes them
 * inactive.  Returns the id. */
int64_t workfix_pal(struct db *db, const char *login, const char *name,
    int active);

/* Hourly rate_pence in force for pal from date `from`. */
void workfix_rate(struct db *db, int64_t pal, int64_t rate_pence,
    const char *from);

/* An enhanced DBS certificate issued on `issued`, re-check due. */
void workfix_dbs(struct db *db, int64_t pal, const char *issued,
    const char *recheck_due);

/* An hour of supervision on date. */
void workfix_supervision(struct db *db, int64_t pal, const char *date);

/* A personal budget for client with the funder's review due (NULL:
 * none) and an end (NULL: open).  Returns the funding id. */
int64_t workfix_funding(struct db *db, int64_t client,
    const char *review_due, const char *ends_on);

/* The PAL leaves on left_on. */
void workfix_pal_left(struct db *db, int64_t pal, const char *left_on);

/* A client whose status is closed.  Returns the id. */
int64_t workfix_closed_client(struct db *db, const char *name);

/* An audit row: actor updated entity/entity_id at the UTC moment `at`. */
void workfix_audit(struct db *db, int64_t actor, const char *entity,
    int64_t entity_id, const char *at);

#endif
