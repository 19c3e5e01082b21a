/* privacy.h - data-protection requests: a copy of everything held about
 * a client (subject access), erasing a closed client, and retention.
 * Managers only (and the system).
 */
#ifndef PEERDESK_APP_PRIVACY_H
#define PEERDESK_APP_PRIVACY_H

#include <stdbool.h>

#include "peerdesk/app/app.h"
#include "peerdesk/model/mention.h"
#include "peerdesk/model/privacy.h"
#include "peerdesk/model/sar.h"

/* Everything held about client id into *b (read in one transaction),
 * without writing files or an audit row: for app_sar_write and tests. */
enum pd_status app_sar_collect(struct app *app, int64_t id,
    struct sar_bundle *b, struct pd_err *err);

/* Write dir/client-ID.yaml and dir/client-ID.pdf (dir NULL = ".") and
 * audit it (action "sar").  Never overwrites: PD_DUPLICATE if either
 * file is there.  *yaml_out and *pdf_out (may be NULL) get the paths. */
enum pd_status app_sar_write(struct app *app, int64_t id, const char *dir,
    char **yaml_out, char **pdf_out, struct pd_err *err);

/* Check that client id may be erased by the actor: a manager, the client
 * exists, is closed and not already erased.  *out gets the name (for
 * the confirmation); free it with privacy_client_fini. */
enum pd_status app_erase_check(struct app *app, int64_t id,
    struct privacy_client *out, struct pd_err *err);

/* A place in someone else's record that names the client being erased
 * (model/mention.h has the rule). */
struct erase_mention {
	size_t n;		/* 1, 2, ... in the order listed */
	const char *what;	/* "session note", ... (privacy_text) */
	int64_t record_id;
	int64_t client_id;	/* whose record (0: a PAL's or staff's) */
	const char *owner;	/* their name, may be NULL */
	const char *on;		/* "YYYY-MM-DD" */
	enum mention_kind kind;
	const char *context;	/* "...about the [Will Jones] job..." */
	bool replace;		/* the default: true for the whole name or
				 * the phone number, false for one word of
				 * the name */
};

/* The manager's answer for each mention: replace[i] for mention i + 1
 * (nonzero: becomes "(erased)"; 0: kept as written), and the sum
 * app_erase_mentions gave, so a list that changed meanwhile is refused
 * rather than applied to the wrong places. */
struct erase_choices {
	size_t n;
	const unsigned char *replace;
	unsigned long long sum;
};

/* What app_erase did. */
struct erase_result {
	size_t replaced;	/* mentions elsewhere replaced */
	size_t kept;		/* mentions elsewhere left as written */
	bool journal_emptied;	/* the database's -wal was emptied */
	size_t merged;		/* records merged into it, erased with it */
};

/* Call cb for each place in other people's records (db_privacy_texts)
 * that names client id: the whole name, first and last, preferred and
 * last, the phone number, or one word of the name of 4+ letters, each
 * with its context.  *sum (may be NULL) gets the list's fingerprint for
 * erase_choices.  Managers only. */
enum pd_status app_erase_mentions(struct app *app, int64_t id,
    int (*cb)(void *arg, const struct erase_mention *m), void *arg,
    unsigned long long *sum, struct pd_err *err);

/* Anonymise closed client id (see db_privacy_erase for what goes and
 * what stays) and replace the mentions elsewhere that choices says (NULL:
 * each mention's default) with "(erased)", in one transaction, audited
 * as "erase" with no personal data in the audit row.  Then empty the
 * write-ahead log so no old copy stays on disk (res->journal_emptied;
 * 0 when another peerdesk kept it busy: it empties when they close).
 * PD_CONFLICT if the mentions changed since choices was made.  res may
 * be NULL. */
enum pd_status app_erase(struct app *app, int64_t id,
    const struct erase_choices *choices, struct erase_result *res,
    struct pd_err *err);

/* A closed client past the retention period. */
struct retention_row {
	int64_t id;
	const char *name;
	const char *closed_on;
	int years;		/* whole years since closed_on */
};

/* Call cb for each closed, not yet erased client whose closure was
 * settings->retention_years or more years before today (YYYY-MM-DD,
 * NULL = app_today), oldest first; nonzero from cb stops. */
enum pd_status app_retention_list(struct app *app, const char *today,
    int (*cb)(void *arg, const struct retention_row *row), void *arg,
    struct pd_err *err);

#endif
