/* work.h - records for the work itself: wellness plans, choosing a PAL,
 * assignments and reviews, reminders, and the week's totals.
 *
 * Same conventions as records.h: strings are UTF-8 owned by the struct
 * (NULL = not recorded) and freed by the matching *_fini(); dates are
 * "YYYY-MM-DD" in char[11] ("" = none), moments "YYYY-MM-DDTHH:MM:SSZ"
 * in char[21]; ids are 0 for "none"; -1 means "not recorded" for
 * optional numbers.
 */
#ifndef PEERDESK_MODEL_WORK_H
#define PEERDESK_MODEL_WORK_H

#include <stdint.h>

#include "peerdesk/model/records.h"

/* ---- the client's Wellness and Safety Plan ------------------------- */

enum plan_status { PLAN_DRAFT, PLAN_ESTABLISHED };

/* The plan row: what is not versioned. */
struct plan_info {
	int64_t id;
	int64_t client_id;
	enum plan_status status;
	char established_on[11];
	int64_t established_by;	/* 0 = not established */
	int current_version;	/* 0 = no sections saved yet */
	int version;
};

/* One saved version of sections 1-7 (every save is a new version). */
struct plan_sections {
	int version_no;
	char *ambitions;		/* 1. my ambitions and goals */
	char *support_wanted;		/* 2. the support I want */
	char *support_hopes;		/*    and what I want from it */
	char *keeps_me_well;		/* 3. my wellness toolbox */
	char *triggers;			/* 4. what makes me unwell */
	char *triggers_plan;		/*    my plan to lessen them */
	char *warning_signs;		/* 5. early warning signs */
	char *warning_plan;		/*    what I and others will do */
	char *crisis_plan;		/* 6. when things break down */
	char *crisis_contacts;
	char *crisis_helps;
	char *crisis_avoid;		/*    what does not help */
	char *advance_statement;
	char *unsafe_places;		/* 7. where I feel unsafe */
	char *note;			/* what changed in this version */
	int64_t saved_by;
	char saved_at[21];		/* UTC moment */
	char saved_on[11];		/* its local day, when the reader
					 * filled it in; "" = saved_at's date */
};

/* Ambitions, and the Five Ways to Wellbeing (section 8). */
enum goal_area {
	GOAL_AMBITION, GOAL_CONNECT, GOAL_BE_ACTIVE, GOAL_TAKE_NOTICE,
	GOAL_LEARN, GOAL_GIVE
};

struct plan_goal {
	int64_t id;
	int64_t plan_id;
	enum goal_area area;
	char *title;
	char *detail;		/* SMART: what, how much, by when */
	char *set_by;		/* who set it, in words: "me", "me and Jo" */
	char target_date[11];
	char created_on[11];
	char closed_on[11];
	int position;
	int version;
	int64_t group_id;	/* the group the goal names; 0 none (read only
				 * here: app_goal_group_set changes it) */
};

struct goal_step {
	int64_t id;
	int64_t goal_id;
	int position;
	char *text;
	char done_on[11];
};

/* Goal-attainment score, -2 .. +2. */
struct goal_score {
	int64_t id;
	int64_t goal_id;
	char scored_on[11];
	int score;
	int64_t review_id;	/* 0 = not at a review */
	int64_t recorded_by;
	char *note;
};

/* A loose-leaf dated note (section 9). */
struct plan_note {
	int64_t id;
	int64_t plan_id;
	char written_on[11];
	int64_t author_id;
	char *author_name;	/* read only: filled by lists */
	char *text;
	char created_at[21];
};

/* ---- choosing a PAL --------------------------------------------------- */

enum shortlist_status {
	SHORTLIST_SHORTLISTED, SHORTLIST_INTERVIEWED, SHORTLIST_MET,
	SHORTLIST_DECLINED, SHORTLIST_CHOSEN, SHORTLIST_WITHDRAWN
};

/* Either side's answer after the first meeting. */
enum decision { DECISION_NONE, DECISION_YES, DECISION_NO };

struct shortlist_entry {
	int64_t id;
	int64_t client_id;
	int64_t pal_id;
	char *pal_name;		/* read only: filled by get and list */
	char added_on[11];
	int64_t added_by;
	char *why;		/* why suggested, in words */
	enum shortlist_status status;
	char interview_on[11];
	char *interview_note;
	char first_meeting_on[11];
	enum decision client_decision;
	enum decision pal_decision;
	char *decline_reason;
	char closed_on[11];
	int version;
};

/* ---- assignments and reviews ------------------------------------------ */

enum end_kind {
	END_NONE = -1, END_CHANGE_OF_PAL, END_CLIENT_LEFT, END_PAL_LEFT,
	END_COMPLETED, END_OTHER
};

/* A worker (PAL or staff) supporting a client from the first meeting. */
struct assignment {
	int64_t id;
	int64_t client_id;
	int64_t worker_id;
	char *client_name;	/* read only: filled by get and list */
	char *worker_name;	/* read only: filled by get and list */
	int64_t shortlist_id;	/* 0 = none */
	char started_on[11];	/* the first meeting */
	int contracted_minutes_per_week;	/* -1 = not agreed */
	char review_due_on[11];	/* first day of the review window */
	char review_overdue_on[11];	/* first day it is overdue */
	char reviewed_on[11];
	char ended_on[11];
	enum end_kind end_kind;
	char *end_reason;
	int64_t ended_by;
	char *override_reason;	/* assigned before the plan was established */
	int64_t created_by;
	int version;
};

enum review_outcome {
	OUTCOME_CONTINUE, OUTCOME_CHANGE_REQUESTED, OUTCOME_PAL_WITHDRAWS,
	OUTCOME_END
};

struct review {
	int64_t id;
	int64_t assignment_id;
	char held_on[11];
	char *participants;
	enum review_outcome outcome;
	char *notes;
	int64_t recorded_by;
	char created_at[21];
};

/* ---- reminders ---------------------------------------------------------- */

enum reminder_kind {
	REMIND_REVIEW_UPCOMING,	/* review window opens within N days */
	REMIND_REVIEW_DUE,	/* in the window */
	REMIND_REVIEW_OVERDUE,	/* past the window */
	REMIND_DBS,		/* DBS re-check due within the horizon */
	REMIND_SUPERVISION,	/* no supervision within N weeks */
	REMIND_FUNDING		/* funder's review due within the horizon */
};
#define REMIND_KINDS 6

struct reminder {
	enum reminder_kind kind;
	char due_on[11];	/* the date that makes it due ("" = never
				 * happened, e.g. no supervision ever) */
	int64_t client_id;	/* 0 = not about a client */
	char *client_name;
	int64_t pal_id;		/* 0 = not about a PAL */
	char *pal_name;
	int64_t ref_id;		/* assignment, pal_dbs or funding id; 0 */
};

/* ---- the week's totals ------------------------------------------------ */

#define LINE_KINDS 6		/* enum line_kind has six kinds */
#define WEEK_BANDS_MAX 8

/* Minutes grouped by the hourly rate in force on each line's date, so
 * pay is computed per band (rate_pence -1: no rate recorded then). */
struct week_band {
	int64_t rate_pence;
	int minutes;
};

struct week_totals {
	int minutes_by_kind[LINE_KINDS];	/* indexed by enum line_kind */
	int minutes;
	struct week_band bands[WEEK_BANDS_MAX];	/* by rate, lowest first */
	int nbands;
};

/* One PAL's row of the weekly hours summary. */
struct report_row {
	int64_t pal_id;
	char *login;		/* NULL if the person has no login */
	char *name;
	int64_t week_id;	/* 0 = no timesheet week started */
	enum week_status week_status;	/* WEEK_OPEN when week_id is 0 */
	struct week_totals totals;
};

/* Contracted against delivered, per assignment. */
struct delivery_row {
	int64_t assignment_id;
	int64_t client_id;
	char *client_name;
	int64_t worker_id;
	char *worker_name;
	int contracted_minutes_per_week;	/* -1 = not agreed */
	int delivered_minutes;	/* done sessions in the range */
	int sessions;		/* how many */
};

void plan_sections_fini(struct plan_sections *s);
void plan_goal_fini(struct plan_goal *g);
void goal_step_fini(struct goal_step *s);
void goal_score_fini(struct goal_score *s);
void plan_note_fini(struct plan_note *n);
void shortlist_entry_fini(struct shortlist_entry *e);
void assignment_fini(struct assignment *a);
void review_fini(struct review *r);
void reminder_fini(struct reminder *r);
void report_row_fini(struct report_row *r);
void delivery_row_fini(struct delivery_row *r);

/* Add minutes of one kind at one rate to t, keeping bands sorted by
 * rate; returns -1 (and adds nothing) when a new band would exceed
 * WEEK_BANDS_MAX, else 0.  kind out of range also returns -1. */
int week_totals_add(struct week_totals *t, enum line_kind kind,
    int64_t rate_pence, int minutes);

/* Names as stored in the database ("draft", "be_active", "chosen",
 * "yes", "change_of_pal", "change_requested", "review_due").
 * *_str returns NULL for a value out of range (and for DECISION_NONE,
 * END_NONE); *_from_str returns 0 and sets *out, or -1. */
const char *plan_status_str(enum plan_status s);
int plan_status_from_str(const char *s, enum plan_status *out);
const char *goal_area_str(enum goal_area a);
int goal_area_from_str(const char *s, enum goal_area *out);
const char *shortlist_status_str(enum shortlist_status s);
int shortlist_status_from_str(const char *s, enum shortlist_status *out);
const char *decision_str(enum decision d);
int decision_from_str(const char *s, enum decision *out);
const char *end_kind_str(enum end_kind k);
int end_kind_from_str(const char *s, enum end_kind *out);
const char *review_outcome_str(enum review_outcome o);
int review_outcome_from_str(const char *s, enum review_outcome *out);
const char *reminder_kind_str(enum reminder_kind k);
int reminder_kind_from_str(const char *s, enum reminder_kind *out);

/* Words for people: "Be active", "change of PAL", "review overdue", ...
 * Never NULL ("?" when out of range). */
const char *goal_area_label(enum goal_area a);
const char *shortlist_status_label(enum shortlist_status s);
const char *end_kind_label(enum end_kind k);
const char *review_outcome_label(enum review_outcome o);
const char *reminder_kind_label(enum reminder_kind k);

#endif
