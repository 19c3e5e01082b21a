/* audit.h - what the audit trail is asked for and what its checks
 * find: the rows the faces see (db/audit.h reads and writes them; the
 * row itself is struct audit_entry in model/records.h). */
#ifndef PEERDESK_MODEL_AUDIT_H
#define PEERDESK_MODEL_AUDIT_H

#include <stdint.h>

#include "peerdesk/core/sha256.h"

/* Which audit rows to list: all conditions given must hold. */
struct audit_query {
	int64_t client_id;	/* 0 = any client (or none) */
	int64_t actor_id;	/* 0 = anyone */
	const char *from;	/* first date "YYYY-MM-DD", NULL/"" = open */
	const char *to;		/* last date, inclusive, NULL/"" = open */
	const char *text;	/* in the login, action, table or summary
				 * (any case); NULL/"" = anything */
	int limit;		/* at most this many rows, 0 = no limit */
	int offset;		/* skip this many rows first (paging) */
};

/* The newest row of the chain. */
struct audit_head {
	int64_t id;				/* 0: the trail is empty */
	char hash[SHA256_HEX_LEN + 1];		/* "" when id is 0 */
};

/* What db_audit_verify found. */
struct audit_verify {
	int64_t rows;		/* rows checked */
	struct audit_head head;	/* the newest row checked */
	int64_t bad_id;		/* the first row that does not fit; 0: none */
	char why[256];		/* what is wrong there, in plain words */
};

#endif
