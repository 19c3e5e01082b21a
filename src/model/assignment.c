/* assignment.c - fini functions and names for the records in
 * assignment.h. */
#include "peerdesk/model/assignment.h"

#include "record_priv.h"

static const char *const end_kind_names[] = {
	"change_of_pal", "client_left", "pal_left", "completed", "other"
};
static const char *const end_kind_labels[] = {
	"change of PAL", "the client left", "the PAL left", "completed",
	"other"
};
RECORD_STR(end_kind_str, enum end_kind, end_kind_names)
RECORD_FROM_STR(end_kind_from_str, enum end_kind, end_kind_names)
RECORD_LABEL(end_kind_label, enum end_kind, end_kind_labels)

static const char *const outcome_names[] = {
	"continue", "change_requested", "pal_withdraws", "end"
};
static const char *const outcome_labels[] = {
	"carry on", "change of PAL asked for", "the PAL withdraws",
	"support ends"
};
RECORD_STR(review_outcome_str, enum review_outcome, outcome_names)
RECORD_FROM_STR(review_outcome_from_str, enum review_outcome, outcome_names)
RECORD_LABEL(review_outcome_label, enum review_outcome, outcome_labels)

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
