/* reminder.c - fini function and names for the records in reminder.h. */
#include "peerdesk/model/reminder.h"

#include "record_priv.h"

static const char *const reminder_names[] = {
	"review_upcoming", "review_due", "review_overdue", "dbs_recheck",
	"supervision", "funding_review"
};
static const char *const reminder_labels[] = {
	"review coming up", "review due", "review overdue",
	"DBS re-check due", "supervision due", "funder's review due"
};
RECORD_STR(reminder_kind_str, enum reminder_kind, reminder_names)
RECORD_FROM_STR(reminder_kind_from_str, enum reminder_kind, reminder_names)
RECORD_LABEL(reminder_kind_label, enum reminder_kind, reminder_labels)

void
reminder_fini(struct reminder *r)
{
	FREES(&r->client_name, &r->pal_name);
}
