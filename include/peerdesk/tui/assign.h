/* assign.h - the screens for PALs, choosing a PAL, support and reviews.
 *
 * Each screen's push argument is given below; s->app is the struct app
 * (app/app.h).  The app layer decides what each person may see and do:
 * a PAL sees the PAL list and record of themselves only, and the
 * shortlist screen is office work.
 */
#ifndef PEERDESK_TUI_ASSIGN_H
#define PEERDESK_TUI_ASSIGN_H

#include "peerdesk/tui/screen.h"

/* The PAL list: caseload, hours this week, room left.  Arg: none.
 * Enter opens the PAL's record. */
extern const struct screen_ops pals_screen;

/* One PAL's record: profile, DBS, supervision, training, pay and the
 * benefit rule (managers).  Arg: const int64_t *pal_id (NULL: the PAL
 * at the keyboard). */
extern const struct screen_ops pal_screen;

/* Only what a PAL shares on their profile, for a client to read while
 * choosing (no other clients, hours or checks).  Arg: const int64_t
 * *pal_id. */
extern const struct screen_ops pal_view_screen;

/* One PAL's weeks against the limit, a chart (arg: const int64_t *
 * pal id; NULL = the PAL signed in).  Managers, and the PAL themselves. */
extern const struct screen_ops pal_weeks_screen;

/* "Choose a PAL" for a client: suggestions with reasons and room left,
 * the shortlist, interviews and first meetings.  Arg: const int64_t
 * *client_id. */
extern const struct screen_ops shortlist_screen;

/* Who supports a client, and their reviews: record the review, change
 * of PAL, end, agreed hours.  Arg: const int64_t *client_id. */
extern const struct screen_ops assignment_screen;

/* Record the four-to-six-week review.  Arg: const int64_t
 * *assignment_id. */
extern const struct screen_ops review_screen;

#endif
