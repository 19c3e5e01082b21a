/* admin.c - backups, restores and reading the audit trail. */
#include "peerdesk/app/admin.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "peerdesk/db/db.h"
#include "peerdesk/db/staff.h"

enum pd_status
app_backup_check(const char *path, int *version, struct pd_err *err)
{
	struct db *db = NULL;
	enum pd_status s;

	*version = 0;
	if (access(path, R_OK) != 0)
		return pd_fail_at(err, PD_NOT_FOUND, path, 0, 0, NULL,
		    "cannot read the backup file");
	s = db_open(path, DB_OPEN_READONLY, &db, err);
	if (s == PD_READONLY || s == PD_OK) {
		/* an older backup cannot be upgraded read-only: look anyway */
		db_close(&db);
		s = db_open(path, DB_OPEN_NO_UPGRADE, &db, err);
	}
	if (s != PD_OK)
		return s;
	*version = db_schema_version(db);
	if (*version < 1)
		s = pd_fail_at(err, PD_INVALID, path, 0, 0, NULL,
		    "this is an SQLite file but not a peerdesk database");
	else if (*version > db_schema_latest())
		s = pd_fail_at(err, PD_TOO_NEW, path, 0, 0, NULL,
		    "this backup was made by a newer peerdesk (schema %d; this "
		    "program knows up to %d)", *version, db_schema_latest());
	else
		s = db_check(db, err);
	db_close(&db);
	return s;
}

enum pd_status
app_backup(struct app *app, const char *path, struct pd_err *err)
{
	enum pd_status s;
	int v;

	if ((s = app_require(app, APP_MANAGER, "make backups", err)) != PD_OK)
		return s;
	if (access(path, F_OK) == 0)
		return pd_fail_at(err, PD_DUPLICATE, path, 0, 0, NULL,
		    "there is already a file here; choose a new name so no "
		    "backup is overwritten");
	s = db_backup(app->db, path, err);
	if (s == PD_OK)
		s = app_backup_check(path, &v, err);
	if (s != PD_OK) {
		unlink(path);
		return s;
	}
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = app_audit(app, "backup", "database", 0, 0, path, NULL, NULL, NULL,
	    err);
	if (s == PD_OK)
		return db_commit(app->db, err);
	db_rollback(app->db);
	return s;
}

enum pd_status
app_restore(struct app *app, const char *path, struct pd_err *err)
{
	enum pd_status s;
	int v;
	char summary[600];

	if ((s = app_require(app, APP_MANAGER, "restore backups", err)) != PD_OK)
		return s;
	if ((s = app_backup_check(path, &v, err)) != PD_OK)
		return s;
	if ((s = db_restore_from(app->db, path, err)) != PD_OK)
		return s;
	/* an older backup is upgraded now, like any older database */
	if ((s = db_migrate_to(app->db, db_schema_latest(), err)) != PD_OK)
		return s;
	snprintf(summary, sizeof summary, "restored the database from %s "
	    "(schema %d)", path, v);
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = app_audit(app, "restore", "database", 0, 0, summary, NULL, NULL,
	    NULL, err);
	if (s == PD_OK)
		return db_commit(app->db, err);
	db_rollback(app->db);
	return s;
}

/* The manager check and login -> q->actor_id, shared by the list and
 * the count. */
static enum pd_status
audit_prepare(struct app *app, struct audit_query *q, const char *login,
    struct pd_err *err)
{
	enum pd_status s;
	struct staff st;

	if ((s = app_require(app, APP_MANAGER, "read the audit trail", err))
	    != PD_OK)
		return s;
	if (login == NULL || login[0] == '\0')
		return PD_OK;
	memset(&st, 0, sizeof st);
	s = db_staff_by_login(app->db, login, &st, err);
	q->actor_id = st.id;
	staff_fini(&st);
	if (s == PD_NOT_FOUND)
		return pd_fail(err, PD_NOT_FOUND, "user",
		    "'%s' is not a peerdesk user", login);
	return s;
}

enum pd_status
app_audit_list(struct app *app, struct audit_query *q, const char *login,
    int (*cb)(void *arg, const struct audit_entry *row), void *arg,
    struct pd_err *err)
{
	enum pd_status s;

	if ((s = audit_prepare(app, q, login, err)) != PD_OK)
		return s;
	return db_audit_list(app->db, q, cb, arg, err);
}

enum pd_status
app_audit_count(struct app *app, struct audit_query *q, const char *login,
    int64_t *n, struct pd_err *err)
{
	enum pd_status s;

	*n = 0;
	if ((s = audit_prepare(app, q, login, err)) != PD_OK)
		return s;
	return db_audit_count(app->db, q, n, err);
}

enum pd_status
app_audit_verify(struct app *app, struct audit_verify *out,
    struct pd_err *err)
{
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_MANAGER, "check the audit trail", err))
	    != PD_OK)
		return s;
	if ((s = db_audit_verify(app->db, out, err)) == PD_OK &&
	    out->bad_id == 0) {
		app->audit_ok_id = out->head.id;
		memcpy(app->audit_ok_hash, out->head.hash,
		    sizeof app->audit_ok_hash);
	}
	return s;
}

enum pd_status
app_audit_watch(struct app *app, int64_t *bad_id, struct pd_err *err)
{
	struct audit_head start;
	struct audit_verify v;
	enum pd_status s;

	*bad_id = 0;
	if (!app->system && !(app->have_actor &&
	    app->actor.role == ROLE_MANAGER))
		return PD_OK;
	memset(&start, 0, sizeof start);
	start.id = app->audit_ok_id;
	memcpy(start.hash, app->audit_ok_hash, sizeof start.hash);
	if ((s = db_audit_verify_from(app->db, &start, &v, err)) != PD_OK)
		return s;
	*bad_id = v.bad_id;
	if (v.bad_id == 0 && v.head.id > 0) {
		app->audit_ok_id = v.head.id;
		memcpy(app->audit_ok_hash, v.head.hash,
		    sizeof app->audit_ok_hash);
	}
	return PD_OK;
}
