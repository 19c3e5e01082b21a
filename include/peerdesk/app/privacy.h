/* privacy.h - data-protection requests: a copy of everything held about
 * a client (subject access), erasing a closed client, and retention.
 * Managers only (and the system).
 */
#ifndef PEERDESK_APP_PRIVACY_H
#define PEERDESK_APP_PRIVACY_H

#include "peerdesk/app/app.h"
#include "peerdesk/db/privacy.h"
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

/* Other clients' records whose free text names client id (see
 * db_privacy_mentions): erasure replaces the name and phone number
 * there; the manager is shown where before confirming.  Managers only. */
enum pd_status app_erase_mentions(struct app *app, int64_t id,
    int (*cb)(void *arg, const struct privacy_mention *m), void *arg,
    struct pd_err *err);

/* Anonymise closed client id (see db_privacy_erase for what goes and
 * what stays) in one transaction, audited as "erase" with no personal
 * data in the audit row. */
enum pd_status app_erase(struct app *app, int64_t id, struct pd_err *err);

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
