/* dashboard.h - the home screen's numbers and reminders, in one go.
 *
 * One reminder query (db_reminders) gives both the list and the counts,
 * so they can never disagree.  A PAL gets only their own reminders and
 * clients; office staff and managers get everyone's.
 */
#ifndef PEERDESK_APP_DASHBOARD_H
#define PEERDESK_APP_DASHBOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "peerdesk/app/app.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/people.h"
#include "peerdesk/model/reminder.h"

#define DASHBOARD_HORIZON_DAYS 42	/* DBS and funder reviews ahead */
#define DASHBOARD_REMINDERS_MAX 200	/* reminders kept for the list */
#define DASHBOARD_LINES_MAX 10

struct dashboard {
	char today[11];
	char *org;			/* organisation name */
	char *who;			/* the signed-in person's name */
	enum role role;
	bool system;			/* root without a staff record */
	int reviews_due;		/* due now, or due by the week's end */
	int reviews_overdue;
	int dbs_due;			/* DBS re-checks within the horizon */
	int supervision_due;
	int funding_due;		/* funders' reviews within the horizon */
	int timesheets_waiting;		/* weeks submitted; -1 for a PAL */
	int new_referrals;		/* clients "referred"; -1 for a PAL */
	int by_status[5];		/* staff: clients at each status
					 * (enum client_status); merged
					 * records left out */
	int my_clients;			/* a PAL's clients now; -1 otherwise */
	int minutes_this_week;		/* a PAL's timesheet; -1 otherwise */
	int booked_to_confirm;		/* a PAL's booked sessions whose day
					 * has come; -1 otherwise */
	long long audit_broken;		/* a manager's: the first audit row
					 * that does not fit its chain; 0 */
	struct reminder *rem;		/* by due date, at most _MAX */
	size_t nrem;
	size_t nrem_total;		/* all there were */
};

/* One line of counts, in plain words. */
struct dashboard_line {
	char text[96];
	bool alert;			/* something is late: show it so */
};

/* Fill *d for the signed-in person (dashboard_fini it, also on error).
 * today is "YYYY-MM-DD" or NULL for today_get(). */
enum pd_status app_dashboard(struct app *app, const char *today,
    struct dashboard *d, struct pd_err *err);
void dashboard_fini(struct dashboard *d);

/* The counts that matter to d->role as lines ("2 reviews due this
 * week", "1 review overdue"); returns how many (at most max). */
size_t dashboard_lines(const struct dashboard *d, struct dashboard_line *out,
    size_t max);

/* A reminder in words: what ("Review overdue", or "Overdue" when brief,
 * for narrow screens), who ("Ann Smith with Jo Bennett"; a PAL is left
 * out of their own) and when ("since 20 Nov"). */
void dashboard_reminder_words(const struct dashboard *d,
    const struct reminder *r, bool brief, struct strbuf *what,
    struct strbuf *who, struct strbuf *when);

#endif
