/* clientstory.c - closed reasons and the status rules (clientstory.h). */
#include "peerdesk/model/clientstory.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"

static const char *const reason_names[] = {
	"support_ended", "moved_away", "declined", "not_reached", "died",
	"other", "merged"
};
static const char *const reason_labels[] = {
	"support ended", "moved away", "declined", "could not be reached",
	"died", "other", "merged into another record"
};

const char *
closed_reason_str(enum closed_reason r)
{
	if ((int)r < 0 || (int)r >= CLOSED_REASONS)
		return NULL;
	return reason_names[r];
}

int
closed_reason_from_str(const char *s, enum closed_reason *out)
{
	char buf[32];
	size_t i;

	if (s == NULL || strlen(s) >= sizeof buf)
		return -1;
	for (i = 0; s[i] != '\0'; i++)
		buf[i] = s[i] == '-' ? '_' : s[i];
	buf[i] = '\0';
	for (i = 0; i < CLOSED_REASONS; i++)
		if (strcmp(buf, reason_names[i]) == 0) {
			*out = (enum closed_reason)i;
			return 0;
		}
	return -1;
}

const char *
closed_reason_label(enum closed_reason r)
{
	if ((int)r < 0 || (int)r >= CLOSED_REASONS)
		return "";
	return reason_labels[r];
}

void
status_change_fini(struct status_change *c)
{
	FREE(&c->note);
	FREE(&c->by_name);
}

const char *
client_status_refusal(enum client_status from, enum client_status to)
{
	if (from == to)
		return "the client already has that status";
	if (from == CLIENT_CLOSED)
		return "the client is closed; reopen them first (a new episode "
		    "starts at referred)";
	if (to == CLIENT_REFERRED)
		return "referred is where a client starts; to start again, "
		    "close them and reopen them";
	return NULL;
}
