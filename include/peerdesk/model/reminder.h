/* reminder.h - what is coming due: reviews, DBS re-checks, supervision
 * and funders' reviews (conventions in model/people.h). */
#ifndef PEERDESK_MODEL_REMINDER_H
#define PEERDESK_MODEL_REMINDER_H

#include <stdint.h>

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

void reminder_fini(struct reminder *r);

/* Stored names ("review_due"). */
const char *reminder_kind_str(enum reminder_kind k);
int reminder_kind_from_str(const char *s, enum reminder_kind *out);

/* Words for people: "review overdue", ... */
const char *reminder_kind_label(enum reminder_kind k);

#endif
