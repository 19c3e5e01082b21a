/* privacy.h - the SQL for subject access requests and erasure: read
 * everything held about a client, anonymise a closed client, and find
 * closed clients past the retention period.
 */
#ifndef PEERDESK_DB_PRIVACY_H
#define PEERDESK_DB_PRIVACY_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/privacy.h"
#include "peerdesk/model/sar.h"

/* Read client id's name and state into *out.  PD_NOT_FOUND when there
 * is no such client. */
enum pd_status db_privacy_client(struct db *db, int64_t id,
    struct privacy_client *out, struct pd_err *err);

/* The records merged into client id, and those merged into them, in
 * number order, into *ids (malloc'd, NULL when none) and *n. */
enum pd_status db_privacy_stubs(struct db *db, int64_t id, int64_t **ids,
    size_t *n, struct pd_err *err);

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
 * assignment reasons, the notes of their timesheet lines, the drafts
 * about them (DRAFT_ABOUT: a draft of their record, or of a new record
 * for them), and the before and after kept beside the audit's rows about
 * them (audit_detail); set anonymised_at to now.  Keeps dates, minutes,
 * pay and the audit rows.  Other people's records are not touched here
 * (db_privacy_texts, db_privacy_text_set). */
enum pd_status db_privacy_erase(struct db *db, int64_t id,
    int64_t actor_id, struct pd_err *err);

/* Where someone else's free text may name a client. */
enum privacy_field {
	PRIVACY_SESSION_DID, PRIVACY_SESSION_WELL, PRIVACY_SESSION_FOLLOW,
	PRIVACY_PLAN_NOTE, PRIVACY_REVIEW, PRIVACY_CONTACT_NOTES,
	PRIVACY_DIAGNOSIS_NOTE, PRIVACY_CRISIS_CONTACTS, PRIVACY_PLAN_VERSION_NOTE,
	PRIVACY_LINE_NOTE, PRIVACY_DRAFT, PRIVACY_AUDIT_BEFORE,
	PRIVACY_AUDIT_AFTER, PRIVACY_FIELD_COUNT
};

/* One such text. */
struct privacy_text {
	enum privacy_field field;
	const char *what;	/* "session note", "plan note", "review",
				 * "client record", "plan", "timesheet line",
				 * "kept draft", "audit's copy of a change" */
	int64_t record_id;	/* that record's number */
	int64_t client_id;	/* whose record it is (0: a PAL's line, a
				 * member of staff's draft) */
	const char *owner;	/* that client's name, or the staff member's
				 * for a draft (may be NULL) */
	const char *on;		/* its date, "YYYY-MM-DD" */
	const char *text;
};

/* Call cb for every non-empty free text of records that are not client
 * id's (other clients' session, plan and review notes, contact and
 * diagnosis notes, crisis contacts and plan notes of their plans, other
 * timesheet lines' notes, drafts not about them, the audit's copies of
 * other clients' changes), oldest first.  Valid only during the call;
 * nonzero from cb stops. */
enum pd_status db_privacy_texts(struct db *db, int64_t id,
    int (*cb)(void *arg, const struct privacy_text *t), void *arg,
    struct pd_err *err);

/* Set that text of record_id to now, if it is still old; PD_CONFLICT
 * when it has changed since it was read. */
enum pd_status db_privacy_text_set(struct db *db, enum privacy_field f,
    int64_t record_id, const char *old, const char *now,
    struct pd_err *err);

/* Call cb for each closed, not yet erased client, not merged into
 * another record (a merged record goes with the one it was merged
 * into), whose closed_on is on
 * or before cutoff ("YYYY-MM-DD"), oldest closure first; nonzero from cb
 * stops.  The row is valid only during the call. */
enum pd_status db_privacy_past(struct db *db, const char *cutoff,
    int (*cb)(void *arg, const struct privacy_client *c), void *arg,
    struct pd_err *err);

#endif
