/* assignment.h - a worker supporting a client, its reviews and how it
 * ended, and contracted against delivered time per assignment
 * (conventions in model/people.h). */
#ifndef PEERDESK_MODEL_ASSIGNMENT_H
#define PEERDESK_MODEL_ASSIGNMENT_H

#include <stdint.h>

#include "peerdesk/model/enumlist.h"

#define END_KIND_LIST(X) \
	X(END_CHANGE_OF_PAL, "change_of_pal", "change of PAL") \
	X(END_CLIENT_LEFT,   "client_left",   "the client left") \
	X(END_PAL_LEFT,      "pal_left",      "the PAL left") \
	X(END_COMPLETED,     "completed",     "completed") \
	X(END_OTHER,         "other",         "other")

enum end_kind { END_NONE = -1, END_KIND_LIST(ENUM_VALUE) };

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

#define REVIEW_OUTCOME_LIST(X) \
	X(OUTCOME_CONTINUE,         "continue",         "carry on") \
	X(OUTCOME_CHANGE_REQUESTED, "change_requested", \
	    "change of PAL asked for") \
	X(OUTCOME_PAL_WITHDRAWS,    "pal_withdraws",    "the PAL withdraws") \
	X(OUTCOME_END,              "end",              "support ends")

enum review_outcome { REVIEW_OUTCOME_LIST(ENUM_VALUE) };

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

void assignment_fini(struct assignment *a);
void review_fini(struct review *r);
void delivery_row_fini(struct delivery_row *r);

/* Stored names ("change_of_pal", "change_requested"); end_kind_str is
 * NULL for END_NONE. */
const char *end_kind_str(enum end_kind k);
int end_kind_from_str(const char *s, enum end_kind *out);
const char *review_outcome_str(enum review_outcome o);
int review_outcome_from_str(const char *s, enum review_outcome *out);

/* Words for people: "change of PAL", "carry on", ... */
const char *end_kind_label(enum end_kind k);
const char *review_outcome_label(enum review_outcome o);

#endif
