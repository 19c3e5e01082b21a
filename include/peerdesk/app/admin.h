/* admin.h - looking after the data: backups, restores, the audit trail.
 */
#ifndef PEERDESK_APP_ADMIN_H
#define PEERDESK_APP_ADMIN_H

#include <stdbool.h>

#include "peerdesk/app/app.h"
#include "peerdesk/model/audit.h"

/* What a backup found. */
struct backup_info {
	struct audit_head head;	/* the audit chain was whole up to here */
	int64_t chain_bad;	/* or: the first row that did not fit; 0 */
};

/* Copy the open database to path (a file of the person's own: checked
 * with userfile_check_target, never overwritten) with SQLite's online
 * backup in one pass while others keep working, under a temporary name
 * beside it, renamed into place only when whole, synced and checked
 * (integrity and links).  The head of the audit chain (id and hash) is
 * recorded in an audit row of the copy and of the database.  Managers
 * (and the system).  PD_DB (the copy is made) when the chain does not
 * verify. */
enum pd_status app_backup(struct app *app, const char *path,
    struct backup_info *bi, struct pd_err *err);

/* What a restore did. */
struct restore_info {
	int version;		/* the backup's schema version */
	struct audit_head head;	/* its audit chain was whole up to here */
	bool damaged;		/* the database was damaged or missing */
	bool missing;		/* it was not there at all */
	char *aside;		/* where the database as it was is kept;
				 * NULL when there was none (owned) */
};

/* Make the backup at path the database (app has its settings loaded,
 * no database open).  The file is read with the person's rights, copied
 * into the data folder, and refused - nothing changed - unless it is a
 * peerdesk database, not newer, sound, laid out exactly as the
 * migrations make it and with a whole audit chain.  Over a sound
 * database (a manager, or root): audited there, copied aside whole to
 * ri->aside, then the backup is copied into the live connection.  Over
 * a damaged or missing one (root only): the old file is renamed aside,
 * the checked copy renamed into place.  Audited in both files. */
enum pd_status app_restore(struct app *app, const char *path,
    struct restore_info *ri, struct pd_err *err);
void restore_info_fini(struct restore_info *ri);

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
 * when whole (and a "verify" row records the head checked), or the
 * first row that does not fit (out->why says how). */
enum pd_status app_audit_verify(struct app *app, struct audit_verify *out,
    struct pd_err *err);

/* The same, cheaply, for the dashboard: the rows after the last head a
 * full check wrote down (a backup's or audit --verify's; the whole chain
 * when there is none), then only the rows added since (and that head
 * itself).  *bad_id 0: whole.  Managers and the system only;
 * others get 0 and nothing is read. */
enum pd_status app_audit_watch(struct app *app, int64_t *bad_id,
    struct pd_err *err);

#endif
