/* shortlist.h - choosing a PAL: the shortlist, interviews, the first
 * meeting and both sides' answers (conventions in model/people.h). */
#ifndef PEERDESK_MODEL_SHORTLIST_H
#define PEERDESK_MODEL_SHORTLIST_H

#include <stdint.h>

#include "peerdesk/model/enumlist.h"

#define SHORTLIST_STATUS_LIST(X) \
	X(SHORTLIST_SHORTLISTED, "shortlisted", "shortlisted") \
	X(SHORTLIST_INTERVIEWED, "interviewed", "interviewed") \
	X(SHORTLIST_MET,         "met",         "met") \
	X(SHORTLIST_DECLINED,    "declined",    "declined") \
	X(SHORTLIST_CHOSEN,      "chosen",      "chosen") \
	X(SHORTLIST_WITHDRAWN,   "withdrawn",   "withdrawn")

enum shortlist_status { SHORTLIST_STATUS_LIST(ENUM_VALUE) };

/* Either side's answer after the first meeting; DECISION_NONE is
 * stored as NULL. */
#define DECISION_LIST(X) \
	X(DECISION_YES, "yes") \
	X(DECISION_NO,  "no")

enum decision { DECISION_NONE, DECISION_LIST(ENUM_VALUE) };

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

void shortlist_entry_fini(struct shortlist_entry *e);

/* Stored names ("chosen", "yes"); decision_str is NULL for
 * DECISION_NONE. */
const char *shortlist_status_str(enum shortlist_status s);
int shortlist_status_from_str(const char *s, enum shortlist_status *out);
const char *decision_str(enum decision d);
int decision_from_str(const char *s, enum decision *out);

/* Words for people. */
const char *shortlist_status_label(enum shortlist_status s);

#endif
