/* summary.h - how much is in the database, at a glance (the admin
 * "status" command and the demo's closing words). */
#ifndef PEERDESK_DB_SUMMARY_H
#define PEERDESK_DB_SUMMARY_H

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"

struct db_summary {
	int clients;			/* every client */
	int clients_by_status[5];	/* indexed by enum client_status */
	int staff_active;		/* active staff of every role */
	int pals_active;		/* active staff whose role is PAL */
	int sessions;			/* session notes, done and booked */
	int timesheet_lines;
	int weeks;			/* timesheet weeks */
	int weeks_by_status[4];		/* indexed by enum week_status */
	int plans;			/* clients' Wellness and Safety Plans */
	int assignments_active;		/* not ended by today (today_get) */
	char first_session[11];		/* "" when there are none */
	char last_session[11];
};

/* Fill *out with the counts above. */
enum pd_status db_summary(struct db *db, struct db_summary *out,
    struct pd_err *err);

#endif
