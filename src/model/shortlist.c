/* shortlist.c - fini functions and names for the records in
 * shortlist.h. */
#include "peerdesk/model/shortlist.h"

#include "record_priv.h"

RECORD_NAMES(shortlist_status, enum shortlist_status, SHORTLIST_STATUS_LIST,
    RECORD_NAME_OF)
RECORD_LABELS(shortlist_status, enum shortlist_status,
    SHORTLIST_STATUS_LIST)

/* DECISION_NONE is stored as NULL, so the table starts at YES. */
static const char *const decision_names[] = {
	DECISION_LIST(RECORD_NAME_ONLY)
};

const char *
decision_str(enum decision d)
{
	return record_name(decision_names, (int)NELEM(decision_names),
	    (int)d - 1);
}

int
decision_from_str(const char *s, enum decision *out)
{
	int i = record_find(decision_names, (int)NELEM(decision_names), s);

	if (i < 0)
		return -1;
	*out = (enum decision)(i + 1);
	return 0;
}

void
shortlist_entry_fini(struct shortlist_entry *e)
{
	FREES(&e->pal_name, &e->why, &e->interview_note, &e->decline_reason);
}
