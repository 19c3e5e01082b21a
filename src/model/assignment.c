/* assignment.c - fini functions and names for the records in
 * assignment.h. */
#include "peerdesk/model/assignment.h"

#include "record_priv.h"

RECORD_NAMES(end_kind, enum end_kind, END_KIND_LIST, RECORD_NAME_OF)
RECORD_LABELS(end_kind, enum end_kind, END_KIND_LIST)
RECORD_NAMES(review_outcome, enum review_outcome, REVIEW_OUTCOME_LIST,
    RECORD_NAME_OF)
RECORD_LABELS(review_outcome, enum review_outcome, REVIEW_OUTCOME_LIST)

void
assignment_fini(struct assignment *a)
{
	FREES(&a->client_name, &a->worker_name, &a->end_reason,
	    &a->override_reason);
}

void
review_fini(struct review *r)
{
	FREES(&r->participants, &r->notes);
}

void
delivery_row_fini(struct delivery_row *r)
{
	FREES(&r->client_name, &r->worker_name);
}
