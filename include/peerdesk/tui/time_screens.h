/* time_screens.h - the screens for sessions, timesheets and the weekly
 * hours summary (src/tui/screens/{session,week,approve,hours}.c).
 *
 *   session_screen         "Log a session": a PAL's session note and
 *                          the room left this week before saving; works
 *                          at 40x15.  arg: NULL (a new session by the
 *                          PAL at the keyboard) or a struct
 *                          session_screen_arg.
 *   session_client_screen  the same for one client: arg is the
 *                          client's id (const int64_t *), for the
 *                          client record's menu.
 *   week_screen            "My week": the lines of a PAL's week, its
 *                          totals and permitted-work sentence, Submit.
 *                          arg: NULL (the PAL's own, this week) or a
 *                          struct week_screen_arg.  40x15.
 *   approve_screen         "Timesheets": weeks waiting for the
 *                          manager's approval.  arg: NULL.  80x24.
 *   hours_screen           "Weekly hours": the summary on screen, with
 *                          keys to print it or save CSV and PDF.
 *                          arg: NULL (this week) or a week label.
 */
#ifndef PEERDESK_TUI_TIME_SCREENS_H
#define PEERDESK_TUI_TIME_SCREENS_H

#include <stdint.h>

#include "peerdesk/tui/screen.h"

struct session_screen_arg {
	int64_t session_id;	/* 0: a new session */
	int64_t pal_id;		/* new sessions by staff: for this PAL */
	int64_t client_id;	/* new sessions: this client, 0 = choose */
};

struct week_screen_arg {
	int64_t pal_id;		/* 0: the PAL at the keyboard */
	char week[11];		/* a date in the week, "" = this week */
};

extern const struct screen_ops session_screen;
extern const struct screen_ops session_client_screen;
extern const struct screen_ops line_screen;	/* pushed by week_screen */
extern const struct screen_ops week_screen;
extern const struct screen_ops approve_screen;
extern const struct screen_ops hours_screen;

#endif
