/* screens.h - every screen of peerdesk, declared in one place beside the
 * registry of where they are reached from (src/tui/screens/menu.c,
 * peerdesk/tui/menu.h).  docs/peerdesk.1 (THE SCREENS) says what each
 * shows; docs/tui.md has the checklist for adding one.
 *
 * s->app is the struct app (app/app.h); the app layer decides what each
 * person may see and do.  Each screen's push argument is given beside
 * it.  Screens private to one group of files (the PAL forms, the
 * assignment forms, the plan's page of text) are declared in the
 * private headers beside them in src/tui/screens/.
 */
#ifndef PEERDESK_TUI_SCREENS_H
#define PEERDESK_TUI_SCREENS_H

#include <stdint.h>

#include "peerdesk/tui/screen.h"

/* ---- the everyday screens ------------------------------------------------ */

/* The dashboard (arg NULL): counts, reminders and the places to go. */
extern const struct screen_ops home_screen;
/* Every client the signed-in person may see, paged (arg NULL). */
extern const struct screen_ops clients_screen;
/* One client's record (arg: const int64_t * client id). */
extern const struct screen_ops client_screen;
/* A new referral (arg NULL); closes with text = the new client's id. */
extern const struct screen_ops intake_screen;
/* Edit a client's details (arg: const int64_t * client id). */
extern const struct screen_ops client_edit_screen;
/* "Who are you?" on a shared account (arg NULL): the bottom screen. */
extern const struct screen_ops signin_screen;
/* The idle lock (arg NULL): pushed on top by the tick. */
extern const struct screen_ops lock_screen;

/* The client being edited on a client_edit_screen. */
int64_t client_edit_id(const struct screen *s);

/* Read the dashboard's numbers again (the tick calls it every minute). */
void home_refresh(struct screen *s);

/* "Kept for you": the signed-in person's kept drafts (form text saved
 * every few seconds and on a dropped line), each to put back in its
 * form, read first, or let go.  The session's tick pushes it over the
 * dashboard once per person signed in when there are any (see
 * app_tui.h); it closes by itself when none are left.  Push with arg
 * NULL.  enter fails with PD_NOT_FOUND when nothing is kept. */
extern const struct screen_ops drafts_screen;

/* ---- the audit trail (src/tui/screens/audit.c) --------------------------- */

/* "Audit trail": who did what, when, to which record, newest first;
 * paged from the database, type to narrow, Tab to show one client, one
 * person or some dates.  arg: NULL (everything) or a const int64_t *
 * client id to start with.  Managers only (app_audit_count refuses
 * others). */
extern const struct screen_ops audit_screen;
/* One row in full, before and after included.  arg: a const struct
 * audit_entry * (copied). */
extern const struct screen_ops audit_entry_screen;

/* ---- PALs, choosing a PAL, support and reviews --------------------------- */

/* The PAL list: caseload, hours this week, room left.  Arg: none.
 * Enter opens the PAL's record.  A PAL sees themselves only. */
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

/* "Choose a PAL" for a client (office work): suggestions with reasons
 * and room left, the shortlist, interviews and first meetings.  Arg:
 * const int64_t *client_id. */
extern const struct screen_ops shortlist_screen;

/* Who supports a client, and their reviews: record the review, change
 * of PAL, end, agreed hours.  Arg: const int64_t *client_id. */
extern const struct screen_ops assignment_screen;

/* Record the four-to-six-week review.  Arg: const int64_t
 * *assignment_id. */
extern const struct screen_ops review_screen;

/* ---- sessions, timesheets and the weekly hours --------------------------- */

/* session_screen: arg NULL (a new session by the PAL at the keyboard)
 * or this. */
struct session_screen_arg {
	int64_t session_id;	/* 0: a new session */
	int64_t pal_id;		/* new sessions by staff: for this PAL */
	int64_t client_id;	/* new sessions: this client, 0 = choose */
};

/* week_screen: arg NULL (the PAL's own, this week) or this. */
struct week_screen_arg {
	int64_t pal_id;		/* 0: the PAL at the keyboard */
	char week[11];		/* a date in the week, "" = this week */
};

/* "Log a session": a PAL's session note and the room left this week
 * before saving; works at 40x15. */
extern const struct screen_ops session_screen;
/* The same for one client: arg is the client's id (const int64_t *),
 * for the client record's menu. */
extern const struct screen_ops session_client_screen;
/* One line of a timesheet (pushed by week_screen). */
extern const struct screen_ops line_screen;
/* "My week": the lines of a PAL's week, its totals and permitted-work
 * sentence, Submit.  40x15. */
extern const struct screen_ops week_screen;
/* "Timesheets": weeks waiting for the manager's approval.  arg: NULL.
 * 80x24. */
extern const struct screen_ops approve_screen;
/* "Weekly hours": the summary on screen, with keys to print it or save
 * CSV and PDF.  arg: NULL (this week) or a week label. */
extern const struct screen_ops hours_screen;

/* ---- groups and drop-ins ------------------------------------------------- */

/* "Groups and drop-ins": every group (a PAL: their own), Enter opens
 * one.  arg NULL.  40x15. */
extern const struct screen_ops groups_screen;
/* One group: when and where, who runs it, its meetings; Enter shows who
 * came, r takes the register of a new meeting.  arg: const int64_t *. */
extern const struct screen_ops group_screen;
/* A meeting's register in a few keys at 40 columns: Space marks who
 * came, a adds a first name, + and - count people not named, t the
 * length, e the date; Ctrl-S shows the room left in the PAL's week and
 * asks before saving.  arg: const int64_t * group. */
extern const struct screen_ops register_screen;
/* The same register opened again to correct a saved meeting (same
 * keys); pushed from group_screen.  arg: const int64_t * meeting. */
extern const struct screen_ops register_fix_screen;
/* The outcomes report for a quarter (managers); Left and Right move a
 * quarter.  arg NULL.  80x24. */
extern const struct screen_ops outcomes_screen;

/* ---- the wellness plans -------------------------------------------------- */
/* The client's screens take a pointer to the client's id (const int64_t
 * *); the PAL's plan takes a pointer to the PAL's id, or NULL for the
 * person signed in. */

/* plan_edit_screen: the sections form; focus = a plan_fields key or
 * NULL for the first. */
struct plan_edit_arg {
	int64_t client_id;
	const char *focus;
};

/* goal_edit_screen: goal_id 0 adds a goal of area `area`. */
struct goal_edit_arg {
	int64_t client_id;
	int64_t goal_id;
	int area;
};

/* plan_text_screen (a page of text, read only): what to show. */
enum plan_text_kind {
	PLAN_TEXT_CHANGES,	/* what changed since the last review */
	PLAN_TEXT_VERSION,	/* one version's changes (number) */
	PLAN_TEXT_GOAL,		/* a goal's change: its words before and
				 * after (number = the history event) */
	PLAN_TEXT_PAL_HISTORY	/* a PAL's plan, every version (id) */
};

struct plan_text_arg {
	enum plan_text_kind kind;
	int64_t id;		/* the client, or the PAL (0 = own) */
	int number;		/* the version, for PLAN_TEXT_VERSION */
};

/* plan_review_at_screen: the scores given at an assignment review. */
struct plan_review_arg {
	int64_t client_id;
	int64_t review_id;	/* the assignment review (0 = none) */
	char on[11];		/* its date: every score is dated with it */
};

/* The whole plan to read and move through; letters open the rest
 * (edit, add goal, review, note, changes, history, print, PDF,
 * established).  Works from 40x15.  Arg: &client_id. */
extern const struct screen_ops plan_screen;

/* The sections as a scrolling form; a conflict is merged, not lost.
 * Arg: struct plan_edit_arg. */
extern const struct screen_ops plan_edit_screen;

/* One goal (area, words, steps one a line).  Arg: struct
 * goal_edit_arg. */
extern const struct screen_ops goal_edit_screen;

/* A review: a score from -2 to +2 for each open goal, on one date.
 * Arg: &client_id. */
extern const struct screen_ops plan_review_screen;

/* The same, straight after an assignment review is recorded: the date
 * is the review's and cannot be changed.  Arg: struct plan_review_arg. */
extern const struct screen_ops plan_review_at_screen;

/* Who changed what and when; Enter shows a version's changes, c what
 * changed since the last review.  Arg: &client_id. */
extern const struct screen_ops plan_history_screen;

/* Every plan's goals at a glance (moved up, stayed, moved down); Enter
 * opens the plan.  No arg. */
extern const struct screen_ops plan_progress_screen;

/* A PAL's Wellness and Development Plan (only that PAL and managers).
 * Arg: &pal_id, or NULL for one's own. */
extern const struct screen_ops palplan_screen;

/* Managers: every PAL and their plan; Enter opens it.  No arg. */
extern const struct screen_ops palplan_people_screen;

#endif
