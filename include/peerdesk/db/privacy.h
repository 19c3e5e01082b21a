/* privacy.h - the SQL for subject access requests and erasure: read
 * everything held about a client, anonymise a closed client, and find
 * closed clients past the retention period.
 */
#ifndef PEERDESK_DB_PRIVACY_H
#define PEERDESK_DB_PRIVACY_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/sar.h"

/* What erasure and retention need to know about a client. */
struct privacy_client {
	int64_t id;
	char *name;
	char status[12];	/* "closed", ... */
	char closed_on[11];	/* "" when not closed */
	char anonymised_at[21];	/* "" when not erased */
};

void privacy_client_fini(struct privacy_client *c);

/* Read client id's name and state into *out.  PD_NOT_FOUND when there
 * is no such client. */
enum pd_status db_privacy_client(struct db *db, int64_t id,
    struct privacy_client *out, struct pd_err *err);

/* Everything held about client id, read in one read transaction (or in
 * the caller's), appended to b as sections (client, referrals, funding,
 * allies, plan, plan versions, goals, plan notes, shortlist,
 * assignments, reviews, sessions, audit).  PD_NOT_FOUND if no client. */
enum pd_status db_privacy_read(struct db *db, int64_t id,
    struct sar_bundle *b, struct pd_err *err);

/* Anonymise client id inside the caller's transaction: remove the name
 * (becomes "Erased client #ID"), contact and personal fields, allies,
 * referral people and notes, funding notes and negotiator, plan text,
 * goals' words, plan notes, session and review notes, shortlist and
 * assignment reasons, timesheet line notes, drafts naming the client;
 * in other clients' session, plan and review notes and records, their
 * name and phone number become "(erased)";
 * redact the client's audit rows (and any row naming them); set
 * anonymised_at to now.  Keeps dates, minutes, pay and who/when/what. */
enum pd_status db_privacy_erase(struct db *db, int64_t id,
    int64_t actor_id, struct pd_err *err);

/* A record of someone else that names the client in its free text. */
struct privacy_mention {
	const char *what;	/* "session note", "plan note", "review",
				 * "client record" */
	int64_t record_id;	/* that record's number */
	int64_t client_id;	/* whose record it is */
	const char *client_name;
	const char *on;		/* its date, "YYYY-MM-DD" */
};

/* Call cb for each record of another client whose free text names client
 * id (their name of 4 or more bytes, or their phone number), oldest
 * first: erasure replaces the name and number there, and says where.
 * The row is valid only during the call; nonzero from cb stops. */
enum pd_status db_privacy_mentions(struct db *db, int64_t id,
    int (*cb)(void *arg, const struct privacy_mention *m), void *arg,
    struct pd_err *err);

/* Call cb for each closed, not yet erased client whose closed_on is on
 * or before cutoff ("YYYY-MM-DD"), oldest closure first; nonzero from cb
 * stops.  The row is valid only during the call. */
enum pd_status db_privacy_past(struct db *db, const char *cutoff,
    int (*cb)(void *arg, const struct privacy_client *c), void *arg,
    struct pd_err *err);

#endif
