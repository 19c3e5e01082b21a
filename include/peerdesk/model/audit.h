/* audit.h - what the audit trail is asked for and what its checks
 * find: the rows the faces see (db/audit.h reads and writes them). */
#ifndef PEERDESK_MODEL_AUDIT_H
#define PEERDESK_MODEL_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/core/sha256.h"

/* One row of the audit trail. */
struct audit_entry {
	int64_t id;
	char at[21];	/* the real UTC moment it was written (never --today) */
	char day[11];	/* the business day ("today", --today in tests);
			 * "" in rows written before schema 8 */
	int64_t actor_id;
	char *actor_login;
	char *action;	/* create, update, delete, open, approve, ... */
	char *entity;	/* table name */
	int64_t entity_id;
	int64_t client_id;	/* 0 = none */
	char *summary, *before, *after, *reason;
	char *client_name;	/* read only: the client's name now, or NULL */
};

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

void audit_entry_fini(struct audit_entry *a);
/* A deep copy of from into to (free it with audit_entry_fini). */
void audit_entry_copy(struct audit_entry *to, const struct audit_entry *from);

/* Signing in and out, and the lock, are about the person, not a record:
 * true for sign_in, sign_out, sign_in_failed, sign_in_refused, lock and
 * unlock. */
bool audit_is_session(const char *action);

/* True for a refused attempt (sign_in_failed, sign_in_refused). */
bool audit_is_refusal(const char *action);

/* The action as shown on screen and in text (at most 9 columns): the
 * stored name, except "failed" for sign_in_failed and "refused" for
 * sign_in_refused.  CSV keeps the stored name. */
const char *audit_action_label(const char *action);

#endif
