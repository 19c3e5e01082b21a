/* testsupport_work.h - rows for the tests of the work aggregates.
 *
 * Test code only (the program never calls it): a fresh in-memory
 * database with a few people, and helpers that insert the "people" rows
 * those tests need.  Every helper aborts the test program on failure.
 * To be replaced by tests/support/dbfix once that lands.
 */
#ifndef PEERDESK_DB_TESTSUPPORT_WORK_H
#define PEERDESK_DB_TESTSUPPORT_WORK_H

#include <stdint.h>

#include "peerdesk/db/db.h"

/* The people made by twork_open: staff "mia" (manager, "Mia Manager"),
 * "oli" (office), PALs "ann" (Ann Able), "bob" (Bob Brown), "cat" (Cat
 * Cole), and clients Dee Dale, Eve Ellis, Fay Ford (all active). */
struct twork {
	struct db *db;
	int64_t manager, office;
	int64_t ann, bob, cat;
	int64_t dee, eve, fay;
};

/* Fresh database in memory with the people above; today is fixed at
 * 2024-03-04 (model/today_set); twork_close goes back to the clock. */
void twork_open(struct twork *f);
void twork_close(struct twork *f);

/* Fix today ("YYYY-MM-DD") for model/ and the data layer. */
void twork_today(const char *ymd);

/* A staff member (role "office", "pal" or "manager"); with role "pal"
 * also the PAL's own row.  Returns the id. */
int64_t twork_staff(struct db *db, const char *login, const char *name,
    const char *role, int active);

/* A client with status ("referred" ... "closed"); returns the id. */
int64_t twork_client(struct db *db, const char *name, const char *status);

/* pal_rate row: rate_pence from date `from`. */
void twork_rate(struct db *db, int64_t pal, int64_t rate_pence,
    const char *from);

/* pal_dbs row (level enhanced); returns the id. */
int64_t twork_dbs(struct db *db, int64_t pal, const char *issued,
    const char *recheck_due);

/* pal_supervision row of 60 minutes on date. */
void twork_supervision(struct db *db, int64_t pal, const char *date);

/* funding row (personal budget); ends_on NULL/"" = open; returns id. */
int64_t twork_funding(struct db *db, int64_t client, const char *review_due,
    const char *ends_on);

/* Set the PAL's left_on date. */
void twork_pal_left(struct db *db, int64_t pal, const char *left_on);

/* An audit row saying actor changed entity/entity_id at `at`. */
void twork_audit(struct db *db, int64_t actor, const char *entity,
    int64_t entity_id, const char *at);

/* Number of rows in table `table`, one of: session, timesheet_line,
 * timesheet_week, plan, plan_version, assignment, review, goal_score. */
int twork_count(struct db *db, const char *table);

#endif
