/* audit.h - who did what, when, to which record.  Rows can never be
 * changed or removed (the schema's triggers refuse it). */
#ifndef PEERDESK_DB_AUDIT_H
#define PEERDESK_DB_AUDIT_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/records.h"

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

/* Write one audit row; a->at "" means now.  a->action and a->entity are
 * required; ids of 0 are stored as "none".  Call inside the caller's
 * transaction, with the change it records. */
enum pd_status db_audit_insert(struct db *db, const struct audit_entry *a,
    struct pd_err *err);

/* Call cb for each row q asks for, newest first.  The row is valid only
 * during the call; nonzero from cb stops. */
enum pd_status db_audit_list(struct db *db, const struct audit_query *q,
    int (*cb)(void *arg, const struct audit_entry *row), void *arg,
    struct pd_err *err);

/* *n = how many rows db_audit_list would give for q (limit and offset
 * aside). */
enum pd_status db_audit_count(struct db *db, const struct audit_query *q,
    int64_t *n, struct pd_err *err);

#endif
