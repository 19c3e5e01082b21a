/* plan_screens.h - the screens of the wellness plans (src/tui/screens/
 * plan.c, goal.c, plan_history.c, palplan.c).
 *
 * Push arguments: the client's screens take a pointer to the client's
 * id (const int64_t *); the PAL's plan takes a pointer to the PAL's id,
 * or NULL for the person signed in.
 */
#ifndef PEERDESK_TUI_PLAN_SCREENS_H
#define PEERDESK_TUI_PLAN_SCREENS_H

#include <stdint.h>

#include "peerdesk/tui/screen.h"

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

/* plan_review_at_screen: the scores given at an assignment review. */
struct plan_review_arg {
	int64_t client_id;
	int64_t review_id;	/* the assignment review (0 = none) */
	char on[11];		/* its date: every score is dated with it */
};

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
