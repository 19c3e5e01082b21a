/* admin.c - backups, restores and reading the audit trail. */
#include "peerdesk/app/admin.h"

#include "peerdesk/app/access.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dbfile_priv.h"
#include "peerdesk/app/privilege.h"
#include "peerdesk/app/userfile.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/staff.h"

/* One audit row in db (not necessarily app->db: a backup, the database
 * restored or the one set aside), chained there.  actor_id is used only
 * in app->db, where the staff row surely is. */
static enum pd_status
admin_audit_in(struct app *app, struct db *db, const char *action,
    const char *entity, int64_t entity_id, const char *summary,
    const char *after, struct pd_err *err)
{
	struct audit_entry a;
	char login[64];
	enum pd_status s;

	memset(&a, 0, sizeof a);
	app_today(a.day);
	if (db == app->db && app_actor_signed_in(app))
		a.actor_id = access_staff_id(app);
	if (app_actor_login(app)[0] != '\0')
		snprintf(login, sizeof login, "%s", app_actor_login(app));
	else if (app_unix_login(login, sizeof login) != 0)
		login[0] = '\0';
	a.actor_login = login[0] ? xstrdup(login) : NULL;
	a.action = xstrdup(action);
	a.entity = xstrdup(entity);
	a.entity_id = entity_id;
	a.summary = xstrdup(summary);
	a.after = xstrdup(after);
	if ((s = db_begin(db, err)) == PD_OK) {
		if ((s = db_audit_insert(db, &a, err)) == PD_OK)
			s = db_commit(db, err);
		else
			db_rollback(db);
	}
	audit_entry_fini(&a);
	return s;
}

/* ---- backup -------------------------------------------------------- */

/* The copy of the database made in tmp (open as fd, beside path, with
 * the person's rights), said in the copy, checked and renamed to path. */
static enum pd_status
backup_copy(struct app *app, const char *path, const struct audit_verify *v,
    const char *tmp, int fd, struct pd_err *err)
{
	struct db *to = NULL;
	char summary[1200];
	enum pd_status s;

	s = userfile_check_fd(fd, path, err);
	if (s == PD_OK)
		s = db_open(tmp, DB_OPEN_SCRATCH, &to, err);
	if (s == PD_OK)
		s = db_copy(app->db, to, err);
	/* closed at once: the copy's header may say WAL (dbfile_unwal) */
	db_close(&to);
	if (s == PD_OK)
		s = dbfile_unwal(fd, path, err);
	if (s == PD_OK)
		s = db_open(tmp, DB_OPEN_SCRATCH, &to, err);
	if (s == PD_OK) {
		if (v->bad_id == 0)
			snprintf(summary, sizeof summary, "this copy of %s was "
			    "made as a backup; the audit trail was whole up to "
			    "row %lld", app->db_path, (long long)v->head.id);
		else
			snprintf(summary, sizeof summary, "this copy of %s was "
			    "made as a backup; the audit trail did not fit "
			    "its chain at row %lld", app->db_path,
			    (long long)v->bad_id);
		s = admin_audit_in(app, to, "backup", v->bad_id == 0 ?
		    "audit_chain" : "database", v->head.id, summary,
		    v->bad_id == 0 ? v->head.hash : NULL, err);
	}
	if (s == PD_OK)
		s = db_check(to, err);
	if (s == PD_OK)
		s = db_single_file(to, err);
	db_close(&to);
	if (s == PD_OK)
		s = userfile_check_fd(fd, path, err);
	if (s == PD_OK)
		s = dbfile_sync_close(fd, path, err);
	else
		close(fd);
	if (s == PD_OK)
		s = dbfile_place(tmp, path, err);
	return s;
}

enum pd_status
app_backup(struct app *app, const char *path, struct backup_info *bi,
    struct pd_err *err)
{
	struct audit_verify v;
	struct stat st;
	enum pd_status s;
	char *tmp = NULL, summary[1200];
	int fd = -1;

	memset(bi, 0, sizeof *bi);
	if ((s = app_require(app, APP_MANAGER, "make backups", err)) != PD_OK)
		return s;
	if ((s = userfile_check_target(path, err)) != PD_OK)
		return s;
	if (userfile_is_std(path))
		return pd_fail(err, PD_INVALID, NULL, "a backup goes to a "
		    "file; name one");
	if (lstat(path, &st) == 0)
		return pd_fail_at(err, PD_DUPLICATE, path, 0, 0, NULL,
		    "there is already a file here; choose a new name so no "
		    "backup is overwritten");
	/* the whole chain, so the copy can say how far it was whole */
	if ((s = db_audit_verify(app->db, &v, err)) != PD_OK)
		return s;
	bi->head = v.head;
	bi->chain_bad = v.bad_id;
	/* Made under a temporary name beside it (the person's own rights),
	 * then renamed: never a part-written file under the real name. */
	if ((s = dbfile_temp(path, "part", &fd, &tmp, err)) != PD_OK)
		return s;
	s = backup_copy(app, path, &v, tmp, fd, err);
	if (s != PD_OK) {
		dbfile_remove(tmp);
		free(tmp);
		return s;
	}
	free(tmp);
	if (v.bad_id == 0)
		snprintf(summary, sizeof summary, "backed up to %s; the audit "
		    "trail was whole up to row %lld", path,
		    (long long)v.head.id);
	else
		snprintf(summary, sizeof summary, "backed up to %s; the audit "
		    "trail did not fit its chain at row %lld", path,
		    (long long)v.bad_id);
	s = admin_audit_in(app, app->db, "backup", v.bad_id == 0 ?
	    "audit_chain" : "database", v.head.id, summary,
	    v.bad_id == 0 ? v.head.hash : NULL, err);
	if (s == PD_OK && v.bad_id != 0)
		s = pd_fail(err, PD_DB, NULL, "the backup %s was made and "
		    "checked, but the audit trail has been altered at row "
		    "%lld (%s); run 'peerdesk audit --verify'", path,
		    (long long)v.bad_id, v.why);
	return s;
}

/* ---- restore ------------------------------------------------------- */

/* The checks a file must pass before it may become the database: a
 * peerdesk database, not newer, sound, laid out exactly as the
 * migrations make it, its audit chain whole.  Nothing is changed. */
static enum pd_status
restore_check(struct db *db, const char *path, int *version,
    struct audit_head *head, struct pd_err *err)
{
	struct audit_verify v;
	struct pd_err why;
	enum pd_status s;

	memset(head, 0, sizeof *head);
	*version = db_schema_version(db);
	if (*version < 1)
		return pd_fail(err, PD_INVALID, NULL, "%s is an SQLite file "
		    "but not a peerdesk database", path);
	if (*version > db_schema_latest())
		return pd_fail(err, PD_TOO_NEW, NULL, "%s was made by a newer "
		    "peerdesk (schema %d; this program knows up to %d)", path,
		    *version, db_schema_latest());
	if ((s = db_check(db, &why)) != PD_OK)
		return pd_fail(err, PD_DAMAGED, NULL, "%s is damaged (%s)",
		    path, why.msg);
	if ((s = db_schema_check(db, &why)) != PD_OK)
		return pd_fail(err, PD_INVALID, NULL, "%s is not a peerdesk "
		    "database as peerdesk makes it: %s", path, why.msg);
	if (*version < 8)
		return PD_OK;	/* made before the audit had its chain */
	if ((s = db_audit_verify(db, &v, &why)) != PD_OK)
		return pd_fail(err, s, NULL, "the audit trail of %s could not "
		    "be read (%s)", path, why.msg);
	if (v.bad_id != 0)
		return pd_fail(err, PD_INVALID, NULL, "the audit trail of %s "
		    "has been altered at row %lld (%s), so it will not be "
		    "restored", path, (long long)v.bad_id, v.why);
	*head = v.head;
	return PD_OK;
}

/* Copy all of fd (the person's file, opened with their rights) into
 * out. */
static enum pd_status
restore_copy_fd(int fd, int out, const char *path, struct pd_err *err)
{
	char buf[65536];
	ssize_t n, w, done;

	for (;;) {
		n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return pd_fail(err, PD_IO, NULL, "cannot read %s: %s",
			    path, strerror(errno));
		if (n == 0)
			return PD_OK;
		for (done = 0; done < n; done += w) {
			w = write(out, buf + done, (size_t)(n - done));
			if (w < 0 && errno == EINTR) {
				w = 0;
				continue;
			}
			if (w < 0)
				return pd_fail(err, errno == ENOSPC ? PD_FULL :
				    PD_IO, NULL, "cannot copy %s into the data "
				    "folder: %s", path, strerror(errno));
		}
	}
}


/* The refusal: the copy goes, and the message says nothing changed. */
static enum pd_status
restore_refuse(struct db **cand, char **tmp, enum pd_status s,
    struct pd_err *err)
{
	char why[sizeof err->msg];

	db_close(cand);
	if (*tmp != NULL && privilege_raise(NULL) == PD_OK) {
		dbfile_remove(*tmp);
		(void)privilege_lower(NULL);
	}
	FREE(tmp);
	if (err != NULL && strstr(err->msg, "othing was changed") == NULL) {
		snprintf(why, sizeof why, "%s", err->msg);
		pd_fail(err, s, NULL, "%.900s%s Nothing was changed.", why,
		    why[0] && why[strlen(why) - 1] == '.' ? "" : ".");
		err->code = s;
	}
	return s;
}

static enum pd_status
restore_open(const char *path, enum db_open_mode mode, struct db **db,
    struct pd_err *err)
{
	return db_open(path, mode, db, err);
}

/* The backup copied into a temporary file beside the database (*tmp,
 * still open as *tfd), opened as *cand and checked; when refused, the
 * copy is gone and the message says nothing changed. */
static enum pd_status
restore_candidate(struct app *app, const char *path, struct restore_info *ri,
    struct db **cand, char **tmp, int *tfd, struct pd_err *err)
{
	enum pd_status s;
	int src = -1;

	/* The backup is read with the person's own rights, before the
	 * group is taken up; from here on only this fd is read. */
	if ((s = userfile_open_read(path, &src, err)) != PD_OK)
		return restore_refuse(cand, tmp, s, err);
	PRIVILEGE_RAISED(s, dbfile_temp(app->db_path, "restore", tfd, tmp, err));
	if (s == PD_OK)
		s = restore_copy_fd(src, *tfd, path, err);
	close(src);
	if (s == PD_OK)		/* a whole file: never a -wal beside it */
		s = dbfile_unwal(*tfd, path, err);
	if (s == PD_OK) {
		PRIVILEGE_RAISED(s, restore_open(*tmp, DB_OPEN_SCRATCH, cand, err));
		if (s == PD_DAMAGED || s == PD_DB)
			s = pd_fail(err, PD_INVALID, NULL, "%s is not a "
			    "peerdesk database, or is damaged", path);
	}
	if (s == PD_OK)
		s = restore_check(*cand, path, &ri->version, &ri->head, err);
	if (s != PD_OK) {
		if (*tfd >= 0)
			close(*tfd);
		return restore_refuse(cand, tmp, s, err);
	}
	return PD_OK;
}

/* The live database: sound (*healthy, open as *live), damaged, or not
 * there (ri->damaged, ri->missing).  Returns how opening it went, the
 * words in *live_err. */
static enum pd_status
restore_live(struct app *app, struct restore_info *ri, struct db **live,
    bool *healthy, struct pd_err *live_err, struct pd_err *err)
{
	enum pd_status ls;
	char *cut;

	PRIVILEGE_RAISED(ls, restore_open(app->db_path, DB_OPEN_EXISTING, live,
	    live_err));
	cut = strstr(live_err->msg, ". Nothing was changed");
	if (ls != PD_OK && cut != NULL)
		*cut = '\0';	/* the audit row needs the what only */
	*healthy = false;
	if (ls == PD_OK && db_check(*live, live_err) == PD_OK) {
		struct audit_verify v;

		if (db_audit_verify(*live, &v, NULL) == PD_OK && v.bad_id == 0)
			*healthy = true;
	}
	ri->damaged = !*healthy;
	ri->missing = ls == PD_NOT_FOUND;
	return ls;
}

/* Who may: a manager of a sound database (which becomes app->db); over
 * a damaged or missing one, only root (nobody can be looked up there). */
static enum pd_status
restore_may(struct app *app, const struct restore_info *ri, bool healthy,
    struct db **live, struct pd_err *err)
{
	enum pd_status s = PD_OK;

	if (healthy) {
		app->db = *live;
		*live = NULL;
		s = app_identify(app, err);
		if (s == PD_OK)
			s = app_require(app, APP_MANAGER, "restore backups",
			    err);
	} else if (getuid() != 0) {
		s = pd_fail(err, PD_DENIED, NULL, "the database %s is %s, so "
		    "only root may bring a backup back over it",
		    app->db_path, ri->missing ? "not there" : "damaged");
	}
	return s;
}

/* The sound live database copied aside whole as ri->aside (shared with
 * the group), its last audit row into *old. */
static enum pd_status
restore_keep_aside(struct app *app, struct restore_info *ri,
    struct audit_head *old, struct pd_err *err)
{
	struct db *adb = NULL;
	char *atmp = NULL;
	int afd = -1;
	enum pd_status s;

	PRIVILEGE_RAISED(s, dbfile_temp(app->db_path, "aside", &afd, &atmp,
	    err));
	if (s == PD_OK)
		PRIVILEGE_RAISED(s, restore_open(atmp, DB_OPEN_SCRATCH, &adb,
		    err));
	if (s == PD_OK)
		s = db_copy(app->db, adb, err);
	/* closed at once: its header may say WAL, and no -wal may be
	 * made with the group down (dbfile_unwal) */
	db_close(&adb);
	if (s == PD_OK)
		s = dbfile_unwal(afd, atmp, err);
	if (s == PD_OK)
		PRIVILEGE_RAISED(s, restore_open(atmp, DB_OPEN_SCRATCH, &adb,
		    err));
	if (s == PD_OK)
		s = db_audit_head(adb, old, err);
	db_close(&adb);
	if (afd >= 0 && s == PD_OK)
		s = dbfile_sync_close(afd, atmp, err);
	else if (afd >= 0)
		close(afd);
	if (s == PD_OK)
		PRIVILEGE_RAISED(s, dbfile_place(atmp, ri->aside, err));
	if (s == PD_OK)
		PRIVILEGE_RAISED(s, privilege_share_db(ri->aside, err));
	if (s != PD_OK && atmp != NULL && privilege_raise(NULL) ==
	    PD_OK) {
		dbfile_remove(atmp);
		(void)privilege_lower(NULL);
	}
	free(atmp);
	return s;
}

/* Over a sound database: 1. said in the database as it is, 2. which is
 * copied aside whole, 3. then the backup is copied into the live
 * connection (others see it as one change), 4. said there.  The
 * candidate is closed and its file tmp removed. */
static enum pd_status
restore_over_sound(struct app *app, const char *path,
    struct restore_info *ri, struct db **cand, const char *tmp, int tfd,
    struct pd_err *err)
{
	struct audit_head old;
	char summary[1600];
	enum pd_status s;

	memset(&old, 0, sizeof old);
	snprintf(summary, sizeof summary, "the database is about to be "
	    "replaced by the backup %s; this copy of it is kept as %s",
	    path, ri->aside);
	s = admin_audit_in(app, app->db, "restore", "database", 0,
	    summary, NULL, err);
	if (s == PD_OK)
		s = restore_keep_aside(app, ri, &old, err);
	if (s == PD_OK)
		s = db_copy(*cand, app->db, err);
	if (s == PD_OK) {
		/* the person may not be in the backup's staff */
		(void)app_identify(app, NULL);
		snprintf(summary, sizeof summary, "restored the database "
		    "from %s (schema %d, audit trail whole up to row "
		    "%lld, hash %s); the database as it was is kept as "
		    "%s (its last audit row %lld, hash %s)", path,
		    ri->version, (long long)ri->head.id,
		    ri->head.hash[0] ? ri->head.hash : "none", ri->aside,
		    (long long)old.id, old.hash[0] ? old.hash : "none");
		s = admin_audit_in(app, app->db, "restore",
		    "database", 0, summary, old.hash[0] ? old.hash :
		    NULL, err);
	}
	db_close(cand);
	close(tfd);
	if (privilege_raise(NULL) == PD_OK) {
		dbfile_remove(tmp);
		(void)privilege_lower(NULL);
	}
	return s;
}

/* Over a damaged or missing database: said in the old file where it can
 * still be written (then closed), and said in the candidate. */
static enum pd_status
restore_say_damaged(struct app *app, const char *path,
    const struct restore_info *ri, struct db *cand, struct db **live,
    enum pd_status ls, const struct pd_err *live_err, struct pd_err *err)
{
	struct audit_head old;
	char summary[1600];

	memset(&old, 0, sizeof old);
	if (*live != NULL) {
		snprintf(summary, sizeof summary, "this damaged database is "
		    "set aside as %s; the backup %s takes its place", ri->aside,
		    path);
		if (admin_audit_in(app, *live, "restore", "database", 0, summary,
		    NULL, NULL) != PD_OK || db_audit_head(*live, &old, NULL) !=
		    PD_OK)
			memset(&old, 0, sizeof old);
		db_close(live);
	}
	if (ri->missing)
		snprintf(summary, sizeof summary, "restored the database from "
		    "%s (schema %d, audit trail whole up to row %lld, hash %s) "
		    "where there was no database", path, ri->version,
		    (long long)ri->head.id, ri->head.hash[0] ? ri->head.hash :
		    "none");
	else
		snprintf(summary, sizeof summary, "restored the database from "
		    "%s (schema %d, audit trail whole up to row %lld, hash %s) "
		    "over a damaged database (%.300s), which is kept as %s "
		    "(its last audit row %lld, hash %s)", path, ri->version,
		    (long long)ri->head.id, ri->head.hash[0] ? ri->head.hash :
		    "none", ls == PD_OK ? "its checks failed" : live_err->msg,
		    ri->aside, (long long)old.id, old.hash[0] ? old.hash :
		    "unreadable");
	return admin_audit_in(app, cand, "restore", "database", 0, summary,
	    old.hash[0] ? old.hash : NULL, err);
}

/* The checked copy tmp (s: how making it went) renamed into the
 * database's place, the damaged one renamed aside first; both shared
 * with the group.  Not placed: the old file goes back, tmp goes. */
static enum pd_status
restore_place(struct app *app, struct restore_info *ri, const char *tmp,
    enum pd_status s, struct pd_err *err)
{
	int moved = 0;

	if (s == PD_OK && !ri->missing)
		PRIVILEGE_RAISED(s, dbfile_set_aside(app->db_path, ri->aside, &moved,
		    err));
	if (s == PD_OK) {
		PRIVILEGE_RAISED(s, dbfile_place(tmp, app->db_path, err));
		/* not placed: the old file goes back where it was */
		if (s != PD_OK && moved && privilege_raise(NULL) == PD_OK) {
			if (rename(ri->aside, app->db_path) == 0)
				moved = 0;
			(void)privilege_lower(NULL);
		}
	}
	if (s == PD_OK)
		PRIVILEGE_RAISED(s, privilege_share_db(app->db_path, err));
	if (s == PD_OK && moved)
		PRIVILEGE_RAISED(s, privilege_share_db(ri->aside, err));
	if (!moved)
		FREE(&ri->aside);
	if (privilege_raise(NULL) == PD_OK) {
		if (s != PD_OK)
			dbfile_remove(tmp);
		(void)privilege_lower(NULL);
	}
	return s;
}

enum pd_status
app_restore(struct app *app, const char *path, struct restore_info *ri,
    struct pd_err *err)
{
	struct db *cand = NULL, *live = NULL;
	struct pd_err live_err;
	enum pd_status s, ls;
	char *tmp = NULL;
	int tfd = -1;
	bool healthy;

	memset(ri, 0, sizeof *ri);
	if (userfile_is_std(path))
		return pd_fail(err, PD_INVALID, NULL, "name the backup file to "
		    "restore. Nothing was changed.");
	PRIVILEGE_RAISED(s, (userfile_protect(app->db_path), PD_OK));
	if (s != PD_OK)
		return s;
	if ((s = restore_candidate(app, path, ri, &cand, &tmp, &tfd, err))
	    != PD_OK)
		return s;
	ls = restore_live(app, ri, &live, &healthy, &live_err, err);
	/* Busy, newer, unreadable for want of rights: not damaged.  Only
	 * a file that is damaged (or whose checks fail) is set aside. */
	if (ls != PD_OK && ls != PD_DAMAGED && ls != PD_NOT_FOUND) {
		if (err != NULL)
			*err = live_err;
		close(tfd);
		return restore_refuse(&cand, &tmp, ls, err);
	}
	s = restore_may(app, ri, healthy, &live, err);
	/* an older backup is upgraded, like any older database */
	if (s == PD_OK && ri->version < db_schema_latest())
		s = db_migrate_to(cand, db_schema_latest(), err);
	if (s != PD_OK) {
		db_close(&live);
		close(tfd);
		return restore_refuse(&cand, &tmp, s, err);
	}
	ri->aside = dbfile_aside_name(app->db_path);
	if (healthy) {
		s = restore_over_sound(app, path, ri, &cand, tmp, tfd, err);
		free(tmp);
		return s;
	}
	/* Damaged or missing: said in the old file where it can still be
	 * written, said in the new one, then the old one is renamed aside
	 * and the checked copy renamed into its place. */
	s = restore_say_damaged(app, path, ri, cand, &live, ls, &live_err,
	    err);
	if (s == PD_OK)
		s = db_single_file(cand, err);
	db_close(&cand);
	if (s == PD_OK)
		s = dbfile_sync_close(tfd, tmp, err);
	else
		close(tfd);
	s = restore_place(app, ri, tmp, s, err);
	free(tmp);
	return s;
}

void
restore_info_fini(struct restore_info *ri)
{
	FREE(&ri->aside);
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
	    out->bad_id == 0 && out->head.id > 0) {
		char summary[200];

		app->audit_ok_id = out->head.id;
		memcpy(app->audit_ok_hash, out->head.hash,
		    sizeof app->audit_ok_hash);
		/* written down, so dashboards check only what comes after */
		snprintf(summary, sizeof summary, "checked the audit trail: "
		    "whole up to row %lld", (long long)out->head.id);
		s = admin_audit_in(app, app->db, "verify", "audit_chain",
		    out->head.id, summary, out->head.hash, err);
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
	if (!app_actor_is_manager(app))
		return PD_OK;
	memset(&start, 0, sizeof start);
	start.id = app->audit_ok_id;
	memcpy(start.hash, app->audit_ok_hash, sizeof start.hash);
	/* First time in this run: from the last full check written down
	 * (the nightly backup's), so sign-in reads only the rows since. */
	if (start.id == 0 && (s = db_audit_seal(app->db, &start, err)) !=
	    PD_OK)
		return s;
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
