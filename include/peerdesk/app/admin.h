/* admin.h - looking after the data: backups, restores, the audit trail.
 */
#ifndef PEERDESK_APP_ADMIN_H
#define PEERDESK_APP_ADMIN_H

#include "peerdesk/app/app.h"
#include "peerdesk/db/audit.h"

/* Copy the open database to path with SQLite's online backup, while
 * others keep working.  Managers (and the system).  The copy is checked
 * (integrity and links) before PD_OK is returned; a failed copy is
 * removed. */
enum pd_status app_backup(struct app *app, const char *path,
    struct pd_err *err);

/* Check that path is a sound peerdesk database this program can use:
 * it opens, its schema is not newer than ours, integrity and links are
 * clean.  Nothing is changed.  *version gets its schema version. */
enum pd_status app_backup_check(const char *path, int *version,
    struct pd_err *err);

/* Replace the open database's contents with the backup at path, after
 * app_backup_check passes (then upgrades it if it is older).  Managers
 * (and the system) only.  Audited in the restored database. */
enum pd_status app_restore(struct app *app, const char *path,
    struct pd_err *err);

/* Each audit row matching q, newest first; managers only (a manager may
 * read who opened which record).  login (NULL = anyone) is looked up to
 * an actor id here. */
enum pd_status app_audit_list(struct app *app, struct audit_query *q,
    const char *login, int (*cb)(void *arg, const struct audit_entry *row),
    void *arg, struct pd_err *err);

/* *n = how many rows app_audit_list would give for q and login (its
 * limit and offset aside); managers only.  With q->limit and q->offset
 * the two page through the trail (the audit screen). */
enum pd_status app_audit_count(struct app *app, struct audit_query *q,
    const char *login, int64_t *n, struct pd_err *err);

/* Check the whole audit chain (every row's hash, in id order): managers
 * and the system.  PD_OK when it could be read; then out->bad_id is 0
 * when whole, or the first row that does not fit (out->why says how). */
enum pd_status app_audit_verify(struct app *app, struct audit_verify *out,
    struct pd_err *err);

/* The same, cheaply, for the dashboard: the whole chain the first time
 * in a run, then only the rows added since the head found whole (and
 * that head itself).  *bad_id 0: whole.  Managers and the system only;
 * others get 0 and nothing is read. */
enum pd_status app_audit_watch(struct app *app, int64_t *bad_id,
    struct pd_err *err);

#endif
