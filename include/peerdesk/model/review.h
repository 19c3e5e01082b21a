/* review.h - the four-to-six-week review after a client's first meeting.
 *
 * The review is due from the first meeting + 28 days (day 29, counting
 * the first meeting as day 1) and overdue from + 42 days (day 43), until
 * a review is recorded.  The day counts come from settings; the defaults
 * are below.
 */
#ifndef PEERDESK_MODEL_REVIEW_H
#define PEERDESK_MODEL_REVIEW_H

#include "peerdesk/model/date.h"

#define REVIEW_DUE_DAYS 28	/* due from the first meeting + 28 days */
#define REVIEW_OVERDUE_DAYS 42	/* overdue from the first meeting + 42 */
#define REVIEW_UPCOMING_DAYS 7	/* "coming up" this many days before */

struct review_window {
	pd_date first_meeting;
	pd_date due_on;		/* first day the review is due */
	pd_date overdue_on;	/* first day it is overdue */
};

enum review_state {
	REVIEW_NONE,		/* not due for a while */
	REVIEW_UPCOMING,	/* due within upcoming_days */
	REVIEW_DUE,		/* due_on <= today < overdue_on */
	REVIEW_OVERDUE,		/* today >= overdue_on */
	REVIEW_DONE		/* a review has been recorded */
};

/* The window for a first meeting: due_on = first + due_days, overdue_on
 * = first + overdue_days.  Negative day counts are taken as 0, and an
 * overdue count below the due count as the due count. */
struct review_window review_window_for(pd_date first_meeting, int due_days,
    int overdue_days);

/* Where a review stands on `today`: DONE when reviewed is non-zero, else
 * OVERDUE from overdue_on, DUE from due_on, UPCOMING from upcoming_days
 * (negative taken as 0) before due_on, NONE before that. */
enum review_state review_state(pd_date today, pd_date due_on,
    pd_date overdue_on, int upcoming_days, int reviewed);

/* "none", "upcoming", "due", "overdue", "done"; NULL when out of range. */
const char *review_state_str(enum review_state s);

/* For people: "", "review coming up", "review due", "review overdue",
 * "reviewed"; "?" when out of range. */
const char *review_state_label(enum review_state s);

#endif
