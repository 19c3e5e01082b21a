/* dbtest_limits.h - test-only: make the database behave as if the disk
 * were full.  Never called by the program. */
#ifndef PEERDESK_TESTS_DBTEST_LIMITS_H
#define PEERDESK_TESTS_DBTEST_LIMITS_H

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"

/* Cap the file at its current size plus extra pages
 * (PRAGMA max_page_count), so the next growth fails with SQLITE_FULL. */
enum pd_status dbtest_fill_disk(struct db *db, int extra_pages,
    struct pd_err *err);

/* Make every write fail (on != 0: PRAGMA query_only), as when the
 * database cannot be written at a hangup; 0 puts writing back. */
enum pd_status dbtest_refuse_writes(struct db *db, int on,
    struct pd_err *err);

#endif
