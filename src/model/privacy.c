/* privacy.c - what erasure and retention know about a client
 * (include/peerdesk/model/privacy.h). */
#include "peerdesk/model/privacy.h"

#include <stdlib.h>
#include <string.h>

void
privacy_client_fini(struct privacy_client *c)
{
	if (c == NULL)
		return;
	free(c->name);
	free(c->preferred_name);
	free(c->phone);
	memset(c, 0, sizeof *c);
}
