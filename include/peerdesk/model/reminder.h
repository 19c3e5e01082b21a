/* reminder.h - what is coming due: reviews, DBS re-checks, supervision
 * and funders' reviews (conventions in model/people.h). */
#ifndef PEERDESK_MODEL_REMINDER_H
#define PEERDESK_MODEL_REMINDER_H

#include <stdint.h>

#include "peerdesk/model/enumlist.h"

/* Upcoming: the review window opens within N days; due: in the window;
 * overdue: past it; DBS: re-check due within the horizon; supervision:
 * none within N weeks; funding: the funder's review due within the
 * horizon. */
#define REMINDER_KIND_LIST(X) \
	X(REMIND_REVIEW_UPCOMING, "review_upcoming", "review coming up") \
	X(REMIND_REVIEW_DUE,      "review_due",      "review due") \
	X(REMIND_REVIEW_OVERDUE,  "review_overdue",  "review overdue") \
	X(REMIND_DBS,             "dbs_recheck",     "DBS re-check due") \
	X(REMIND_SUPERVISION,     "supervision",     "supervision due") \
	X(REMIND_FUNDING,         "funding_review",  "funder's review due")

enum reminder_kind { REMINDER_KIND_LIST(ENUM_VALUE) };
#define REMIND_KINDS (0 REMINDER_KIND_LIST(ENUM_COUNT))

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
