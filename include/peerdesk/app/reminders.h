/* reminders.h - what is due: reviews coming up, due and overdue; DBS
 * re-checks; supervision; funders' reviews.
 *
 * One query (db/reminder.h) drives the dashboard list, its counts and
 * `peerdesk reminders`.  A PAL sees only their own (reviews of their
 * clients, their own DBS and supervision, funder reviews of clients
 * they support); office staff and managers see everyone's.
 */
#ifndef PEERDESK_APP_REMINDERS_H
#define PEERDESK_APP_REMINDERS_H

#include <stddef.h>

#include "peerdesk/app/app.h"
#include "peerdesk/model/reminder.h"

/* How far ahead DBS re-checks and funders' reviews show by default. */
#define REMINDERS_HORIZON_DAYS 30

struct reminder_list {
	char today[11];
	struct reminder *v;		/* by due date, then kind and name */
	size_t n;
	int counts[REMIND_KINDS];	/* by enum reminder_kind */
};

void reminder_list_fini(struct reminder_list *l);

/* The actor's reminders on today.  days < 0: the defaults (reviews
 * coming up within the settings' review_upcoming_days, DBS and funder
 * reviews within REMINDERS_HORIZON_DAYS); days >= 0 looks that many
 * days ahead for all of them. */
enum pd_status app_reminders(struct app *app, int days,
    struct reminder_list *out, struct pd_err *err);

/* One line for people, e.g. "Review due: Amy Baker with Jo Bennett,
 * since Fri 20 Nov 2026"; today is "YYYY-MM-DD".  Returns buf. */
char *app_reminder_text(const struct reminder *r, const char *today,
    char *buf, size_t n);

/* A short title without the date, e.g. "Review due: Amy Baker with Jo
 * Bennett" (for calendars).  Returns buf. */
char *app_reminder_title(const struct reminder *r, char *buf, size_t n);

#endif
