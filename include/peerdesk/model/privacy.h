/* privacy.h - what erasure and retention need to know about a client
 * (db/privacy.h reads it; app/ and the faces show it). */
#ifndef PEERDESK_MODEL_PRIVACY_H
#define PEERDESK_MODEL_PRIVACY_H

#include <stdint.h>

/* What erasure and retention need to know about a client. */
struct privacy_client {
	int64_t id;
	char *name;
	char *preferred_name;	/* NULL when none */
	char *phone;		/* NULL when none */
	char date_of_birth[11];	/* "" when not known */
	char status[12];	/* "closed", ... */
	char closed_on[11];	/* "" when not closed */
	char anonymised_at[21];	/* "" when not erased */
	int64_t merged_into;	/* 0, or the record it was merged into */
};

void privacy_client_fini(struct privacy_client *c);

#endif
