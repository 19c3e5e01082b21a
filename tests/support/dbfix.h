/* dbfix.h - a fresh database with a few people in it, for tier-2 tests.
 *
 * Every helper fails the running Check test (ck_abort) on error, so
 * callers need no error handling.  Rows are written with direct SQL
 * (tests/support/dbtest.c), not through the db_* functions under test.
 *
 *   struct db *db = dbfix_open();
 *   struct dbfix_world w;
 *   dbfix_world(db, &w);          (optional: the standard cast below)
 *   ...
 *   db_close(&db);
 */
#ifndef PEERDESK_TESTS_DBFIX_H
#define PEERDESK_TESTS_DBFIX_H

#include <stdint.h>

#include "peerdesk/db/db.h"
#include "peerdesk/model/people.h"

/* What dbfix_pal gives every PAL, in force from DBFIX_FROM. */
#define DBFIX_FROM "2020-01-01"
#define DBFIX_RATE_PENCE 1250
#define DBFIX_RULE RULE_PERMITTED

/* A new, fully migrated database file in test_tmpdir(); db_close it. */
struct db *dbfix_open(void);

/* A staff member (login may be NULL).  Returns the staff id. */
int64_t dbfix_staff(struct db *db, const char *login, const char *name,
    enum role role);

/* A PAL: staff row (role pal) + pal row (started DBFIX_FROM) + hourly
 * rate DBFIX_RATE_PENCE + benefit rule "permitted", both from
 * DBFIX_FROM.  Returns the staff id (= pal id). */
int64_t dbfix_pal(struct db *db, const char *login, const char *name);

/* A client with status "referred" and no referral row.  Returns its id. */
int64_t dbfix_client(struct db *db, const char *name);

/* An open assignment of worker pal_id (any staff id) to client_id from
 * started_on ("YYYY-MM-DD").  Returns the assignment id. */
int64_t dbfix_assign(struct db *db, int64_t client_id, int64_t pal_id,
    const char *started_on);

/* End an assignment on ended_on. */
void dbfix_end(struct db *db, int64_t assignment_id, const char *ended_on);

/* Fix "today" for model/ and the data layer (today_set); NULL goes back
 * to the clock (today_clear). */
void dbfix_today(const char *ymd);

/* Rows in a table of the schema (by name). */
int64_t dbfix_count(struct db *db, const char *table);

/* The standard cast, all ids:
 *   office  "olive" Olive Okafor (office)
 *   manager "maya"  Maya Shah (manager)
 *   sam     "sam"   Sam Reid (PAL)        jo  "jo" Jo Evans (PAL)
 *   ana     Ana Silva,   assigned to Sam from 2026-01-05 (ana_sam)
 *   ben     Ben Carter,  assigned to Jo from 2026-01-05 (ben_jo)
 *   chloe   Chloé Dubois, no assignment */
struct dbfix_world {
	int64_t office, manager, sam, jo;
	int64_t ana, ben, chloe;
	int64_t ana_sam, ben_jo;
};
void dbfix_world(struct db *db, struct dbfix_world *w);

#endif
