/* reminder.h - everything that is due, in one query: reviews coming up,
 * due and overdue; DBS re-checks; supervision; funders' reviews.
 *
 * The same call drives the dashboard list, the counts and the CLI.
 */
#ifndef PEERDESK_DB_REMINDER_H
#define PEERDESK_DB_REMINDER_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/reminder.h"

struct reminder_query {
	const char *today;	/* "YYYY-MM-DD"; NULL = today_get() */
	int horizon_days;	/* DBS and funder reviews due within this */
	int upcoming_days;	/* a review window opening within this */
	int supervision_weeks;	/* no supervision for longer (0: off) */
	int64_t scope_pal;	/* 0 = everyone; else only this PAL's */
};

/* Callback: row is borrowed for the call; return nonzero to stop.  It
 * must not call db_reminders again. */
typedef int (*db_reminder_cb)(void *arg, const struct reminder *row);

/* Every reminder for q, by due date (then kind and name):
 *  - review_upcoming: today < due_on <= today + upcoming_days;
 *    review_due: due_on <= today < overdue_on; review_overdue: today >=
 *    overdue_on (due_on is then the overdue date); only assignments not
 *    reviewed and not ended (ended_on empty or after today);
 *  - dbs_recheck: an active PAL's latest certificate's re-check is due
 *    on or before today + horizon_days;
 *  - supervision: an active PAL's latest supervision is older than
 *    today - 7 * supervision_weeks days, or there is none (due_on "");
 *  - funding_review: a funder's review due on or before today +
 *    horizon_days, for clients not closed and funding not ended.
 * With scope_pal, a PAL gets reviews of their own assignments, their own
 * DBS and supervision, and funder reviews of clients they support now. */
enum pd_status db_reminders(struct db *db, const struct reminder_query *q,
    db_reminder_cb cb, void *arg, struct pd_err *err);

#endif
