/* plan.h - the client's Wellness and Safety Plan: the plan row, its
 * saved sections, goals with their steps and scores, and dated notes
 * (conventions in model/people.h). */
#ifndef PEERDESK_MODEL_PLAN_H
#define PEERDESK_MODEL_PLAN_H

#include <stdint.h>

#include "peerdesk/model/enumlist.h"

#define PLAN_STATUS_LIST(X) \
	X(PLAN_DRAFT,       "draft") \
	X(PLAN_ESTABLISHED, "established")

enum plan_status { PLAN_STATUS_LIST(ENUM_VALUE) };

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
#define GOAL_AREA_LIST(X) \
	X(GOAL_AMBITION,    "ambition",    "My ambitions") \
	X(GOAL_CONNECT,     "connect",     "Connect") \
	X(GOAL_BE_ACTIVE,   "be_active",   "Be active") \
	X(GOAL_TAKE_NOTICE, "take_notice", "Take notice") \
	X(GOAL_LEARN,       "learn",       "Learn") \
	X(GOAL_GIVE,        "give",        "Give")

enum goal_area { GOAL_AREA_LIST(ENUM_VALUE) };

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

void plan_sections_fini(struct plan_sections *s);
void plan_goal_fini(struct plan_goal *g);
void goal_step_fini(struct goal_step *s);
void goal_score_fini(struct goal_score *s);
void plan_note_fini(struct plan_note *n);

/* Stored names ("draft", "be_active"). */
const char *plan_status_str(enum plan_status s);
int plan_status_from_str(const char *s, enum plan_status *out);
const char *goal_area_str(enum goal_area a);
int goal_area_from_str(const char *s, enum goal_area *out);

/* Words for people: "Be active", ... */
const char *goal_area_label(enum goal_area a);

#endif
