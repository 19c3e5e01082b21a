/* reminder.c - fini function and names for the records in reminder.h. */
#include "peerdesk/model/reminder.h"

#include "record_priv.h"

RECORD_NAMES(reminder_kind, enum reminder_kind, REMINDER_KIND_LIST,
    RECORD_NAME_OF)
RECORD_LABELS(reminder_kind, enum reminder_kind, REMINDER_KIND_LIST)

void
reminder_fini(struct reminder *r)
{
	FREES(&r->client_name, &r->pal_name);
}
