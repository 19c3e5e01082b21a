/* clientstory.h - a client's story: status from referral to closed,
 * reopening, likely duplicates, and merging two records into one.
 *
 * Office staff and managers change status and see the history and the
 * likely duplicates; only a manager merges.  A PAL is refused all of it
 * (PD_DENIED).  Every change writes its dated line (client_status_change),
 * keeps client.status, status_changed_on, closed_on and closed_reason in
 * step, and writes its audit row, in one transaction.
 */
#ifndef PEERDESK_APP_CLIENTSTORY_H
#define PEERDESK_APP_CLIENTSTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/model/clientstory.h"

/* A change of status asked for. */
struct status_request {
	int64_t client_id;
	enum client_status to;		/* intake, active, paused or closed */
	enum closed_reason reason;	/* needed to close; else CLOSED_NONE */
	const char *on;			/* the day, NULL or "" = today */
	const char *note;		/* optional words */
	bool end_support;		/* end every support on that day first */
};

/* Move a client to another status.  Refused (PD_INVALID, words that say
 * why and what to do) when it makes no sense: the same status, a closed
 * client (reopen them), "referred", closing without a reason, a day in
 * the future or before the last change, closing a client who still has
 * a PAL unless end_support.  PD_NOT_FOUND for no such client. */
enum pd_status app_client_set_status(struct app *app,
    const struct status_request *rq, struct pd_err *err);

/* Reopen a closed client: a new episode starts at "referred" on `on`
 * (NULL or "" = today); the earlier history stays.  Refused for a
 * client who is not closed, or was merged into another record. */
enum pd_status app_client_reopen(struct app *app, int64_t id,
    const char *on, const char *note, struct pd_err *err);

struct status_history {
	struct status_change *v;
	size_t n;
};
void status_history_fini(struct status_history *h);

/* The client's dated status lines, oldest first. */
enum pd_status app_client_history(struct app *app, int64_t id,
    struct status_history *out, struct pd_err *err);

/* How many of the actor's clients have each status (by enum
 * client_status; merged records left out).  Anyone (a PAL: their own). */
enum pd_status app_client_status_counts(struct app *app, int counts[5],
    struct pd_err *err);

/* "3 referred, 1 at intake, 40 active, 2 paused, 9 closed" */
void client_status_counts_words(const int counts[5], char *buf,
    size_t size);

/* ---- likely duplicates ---------------------------------------------- */

#define MATCH_NAME  1u	/* the same name (or preferred name), accents and
			 * case ignored */
#define MATCH_PHONE 2u	/* the same phone digits */
#define MATCH_DOB   4u	/* the same date of birth, and a name in common */

struct client_match {
	int64_t id;
	char *name;
	char date_of_birth[11];
	char status[12];
	unsigned why;		/* MATCH_* */
};

struct client_matches {
	struct client_match *v;
	size_t n;
};
void client_matches_fini(struct client_matches *m);

/* "the same name and phone" for why. */
void client_match_words(unsigned why, char *buf, size_t size);

/* The records that look like the same person as c (name, preferred
 * name, date of birth, phone), leaving out except_id (the record being
 * edited; 0 for a new one) and records merged into another.  Staff. */
enum pd_status app_client_matches(struct app *app, const struct client *c,
    int64_t except_id, struct client_matches *out, struct pd_err *err);

/* For many checks in a row (an import): the clients read once. */
struct client_matcher;
enum pd_status client_matcher_new(struct app *app,
    struct client_matcher **out, struct pd_err *err);
void client_matcher_find(const struct client_matcher *m,
    const struct client *c, int64_t except_id, struct client_matches *out);
/* Count c (just saved as id) in later checks. */
void client_matcher_add(struct client_matcher *m, int64_t id,
    const struct client *c);
void client_matcher_free(struct client_matcher *m);

/* ---- merging -------------------------------------------------------- */

struct merge_result {
	int moved;		/* rows moved to the one kept */
	bool plan_kept_apart;	/* both had a plan: the other's stays with
				 * the closed record (peerdesk plan show) */
};

/* Merge record `other` into `keep` (managers): everything of the other
 * moves to the one kept (see clientstory.c for the list); the other
 * becomes a closed record (reason "merged") that points to the one
 * kept.  Refused when they are the same, either was merged already,
 * the one kept is closed (reopen it first), or one PAL supports both
 * (end one support first). */
enum pd_status app_client_merge(struct app *app, int64_t keep,
    int64_t other, struct merge_result *res, struct pd_err *err);

#endif
