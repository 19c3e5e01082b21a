/* open.c - open and close, checks, copies and the schema check. */
#include "peerdesk/db/db.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db_priv.h"
#include "peerdesk/core/xalloc.h"

#define DB_BUSY_MS 30000

/* ---- open and close -------------------------------------------------- */

/* How many tables the schema has (-1 when it cannot be read). */
static int
db_table_count(struct db *db)
{
	sqlite3_stmt *st;
	int n = -1;

	if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM sqlite_schema "
	    "WHERE type = 'table'", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Refuse what is plainly not a database before SQLite sees it: a
 * missing file where one must exist, an empty or too short file. */
static enum pd_status
db_open_precheck(const char *path, enum db_open_mode mode, bool exists,
    const struct stat *sb, struct pd_err *err)
{
	if (!exists && (mode == DB_OPEN_EXISTING || mode == DB_OPEN_READONLY))
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "there is no database at %s (create one with "
		    "'peerdesk --db %s init')", path, path);
	/* SQLite would take an empty file for a new database: a database
	 * that has become 0 bytes is damaged, never made afresh.  Only a
	 * scratch file this program has just made may be empty. */
	if (exists && S_ISREG(sb->st_mode) && sb->st_size == 0 &&
	    mode != DB_OPEN_SCRATCH)
		return pd_fail(err, PD_DAMAGED, NULL, "the database %s is "
		    "damaged: the file is empty (0 bytes). " DB_RESTORE_ADVICE,
		    path);
	if (exists && S_ISREG(sb->st_mode) && sb->st_size > 0 &&
	    sb->st_size < 512)
		return pd_fail(err, PD_DAMAGED, NULL, "the database %s is "
		    "damaged or is not a peerdesk database: the file is too "
		    "short to be one. " DB_RESTORE_ADVICE, path);
	return PD_OK;
}

/* Open the connection itself with our SQL functions and settings. */
static enum pd_status
db_connect(struct db *db, enum db_open_mode mode, struct pd_err *err)
{
	int flags = mode == DB_OPEN_READONLY ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | (mode == DB_OPEN_EXISTING ? 0 :
	    SQLITE_OPEN_CREATE);
	int rc = sqlite3_open_v2(db->path, &db->h, flags | SQLITE_OPEN_NOMUTEX,
	    NULL);
	enum pd_status s;

	if (rc != SQLITE_OK)
		return db_error(db, rc, err);
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, DB_BUSY_MS);
	rc = db_textfn_register(db->h);
	if (rc != SQLITE_OK)
		return db_error(db, rc, err);
	/* Touch the file header now so "not a database" shows here. */
	/* secure_delete: a removed or changed record's old bytes are
	 * overwritten with zeros, not left in free space (an erase must
	 * leave no copy in the file). */
	s = db_exec_sql(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
	    "PRAGMA temp_store = MEMORY; PRAGMA secure_delete = ON;",
	    err);
	if (s == PD_OK && mode == DB_OPEN_SCRATCH)
		s = db_exec_sql(db, "PRAGMA journal_mode = MEMORY; "
		    "PRAGMA synchronous = OFF", err);
	else if (s == PD_OK && mode != DB_OPEN_READONLY)
		s = db_exec_sql(db, "PRAGMA journal_mode = WAL", err);
	if (s == PD_OK && db_schema_version(db) < 0)
		s = db_error(db, sqlite3_errcode(db->h), err);
	return s;
}

/* Bring the schema up to date (or refuse one too new), unless the mode
 * says to leave it; a file that was a database and has lost its tables
 * is damaged. */
static enum pd_status
db_open_upgrade(struct db *db, enum db_open_mode mode, bool had_bytes,
    struct pd_err *err)
{
	int v;

	if (mode == DB_OPEN_NO_UPGRADE || mode == DB_OPEN_SCRATCH)
		return PD_OK;
	v = db_schema_version(db);
	if (had_bytes && v == 0 && db_table_count(db) == 0)
		return pd_fail(err, PD_DAMAGED, NULL, "the database %s is "
		    "damaged: it holds no tables. " DB_RESTORE_ADVICE,
		    db->path);
	if (v > db_schema_latest())
		return db_migrate_to(db, v, err);	/* refuses, PD_TOO_NEW */
	if (v == db_schema_latest())
		return PD_OK;
	if (mode == DB_OPEN_READONLY)
		return pd_fail(err, PD_READONLY, NULL, "the database needs "
		    "upgrading, which cannot be done read-only");
	return db_migrate_to(db, db_schema_latest(), err);
}

enum pd_status
db_open(const char *path, enum db_open_mode mode, struct db **out,
    struct pd_err *err)
{
	struct db *db;
	enum pd_status s;
	struct stat sb;
	bool exists = stat(path, &sb) == 0;

	*out = NULL;
	if ((s = db_open_precheck(path, mode, exists, &sb, err)) != PD_OK)
		return s;
	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db->scratch = mode == DB_OPEN_SCRATCH;
	s = db_connect(db, mode, err);
	if (s == PD_OK)
		s = db_open_upgrade(db, mode, exists && sb.st_size > 0, err);
	if (s != PD_OK) {
		db_close(&db);
		return s;
	}
	*out = db;
	return PD_OK;
}

enum pd_status
db_checkpoint_truncate(struct db *db, struct pd_err *err)
{
	int rc, log = -1, done = -1;

	if (db->tx_depth > 0)
		return pd_fail(err, PD_INVALID, NULL, "internal error: a "
		    "checkpoint inside a transaction");
	/* SQLITE_BUSY while someone else is part way through reading or
	 * writing: the busy handler has waited DB_BUSY_MS for them. */
	rc = sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_TRUNCATE,
	    &log, &done);
	if (rc == SQLITE_OK)
		return PD_OK;
	if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
		return db_error(db, rc, err);
	return pd_fail(err, PD_BUSY, NULL, "another peerdesk is still "
	    "reading the database, so its journal (%s-wal) could not be "
	    "emptied yet", db->path);
}

void
db_close(struct db **dbp)
{
	struct db *db;
	size_t i;

	if (dbp == NULL || *dbp == NULL)
		return;
	db = *dbp;
	if (db->tx_depth > 0) {
		db->tx_depth = 1;
		db_rollback(db);
	}
	for (i = 0; i < db->ncache; i++)
		sqlite3_finalize(db->cache[i].st);
	free(db->cache);
	if (db->h != NULL)
		sqlite3_close(db->h);
	free(db->path);
	free(db);
	*dbp = NULL;
}

/* ---- checks and backup ----------------------------------------------- */

static const char sql_integrity[] = "PRAGMA integrity_check";
static const char sql_fk_check[] = "PRAGMA foreign_key_check";

enum pd_status
db_check(struct db *db, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_integrity, err);
	enum pd_status s;
	char first[256] = "";

	if (st == NULL)
		return PD_DB;
	s = db_step_row(db, st, err);
	if (s == PD_OK)
		db_col_copy(st, 0, first, sizeof first);
	db_done(st);
	if (s != PD_OK)
		return s;
	if (strcmp(first, "ok") != 0)
		return pd_fail(err, PD_DB, NULL, "the database is damaged: %s",
		    first);
	if ((st = db_stmt(db, sql_fk_check, err)) == NULL)
		return PD_DB;
	s = db_step_row(db, st, NULL);
	if (s == PD_OK) {
		db_col_copy(st, 0, first, sizeof first);
		db_done(st);
		return pd_fail(err, PD_DB, NULL,
		    "the database has a broken link in table %s", first);
	}
	db_done(st);
	return s == PD_NOT_FOUND ? PD_OK : pd_fail(err, PD_DB, NULL,
	    "could not check the database");
}

/* Let cached statements go: a copy into this connection changes its
 * schema under them. */
static void
db_forget_statements(struct db *db)
{
	size_t i;

	for (i = 0; i < db->ncache; i++)
		sqlite3_finalize(db->cache[i].st);
	db->ncache = 0;
}

enum pd_status
db_copy(struct db *from, struct db *to, struct pd_err *err)
{
	sqlite3_backup *b;
	int rc;

	if (to->tx_depth > 0 || from->tx_depth > 0)
		return pd_fail(err, PD_DB, NULL,
		    "internal error: a copy inside a transaction");
	db_forget_statements(to);
	b = sqlite3_backup_init(to->h, "main", from->h, "main");
	if (b == NULL)
		return db_error(to, sqlite3_errcode(to->h), err);
	/* One step: the source stays under one read transaction, so the
	 * copy is one consistent moment however busy the writers are
	 * (in WAL they are not held up), and it never starts over. */
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		if ((rc & 0xff) == SQLITE_FULL)
			return pd_fail(err, PD_FULL, NULL, "the disk is full, so "
			    "the copy of the database could not be finished");
		return pd_fail(err, PD_IO, NULL, "copying the database "
		    "failed: %s", sqlite3_errstr(rc));
	}
	return PD_OK;
}

enum pd_status
db_single_file(struct db *db, struct pd_err *err)
{
	return db_exec_sql(db, "PRAGMA journal_mode = DELETE", err);
}

static const char sql_schema_rows[] =
	"SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
	"WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name";

/* The schema rows of h, one "type name tbl_name\nsql\n" each, in order,
 * into a new string; NULL on error. */
static char *
db_schema_text(sqlite3 *h, int *nrows)
{
	sqlite3_stmt *st;
	size_t len = 0, cap = 4096;
	char *out = xmalloc(cap);
	int rc, i;

	*nrows = 0;
	out[0] = '\0';
	if (sqlite3_prepare_v2(h, sql_schema_rows, -1, &st, NULL) != SQLITE_OK) {
		free(out);
		return NULL;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < 4; i++) {
			const char *t = (const char *)sqlite3_column_text(st, i);
			size_t n = t ? strlen(t) : 0;

			while (len + n + 2 >= cap)
				out = xrealloc(out, cap *= 2);
			memcpy(out + len, t ? t : "", n);
			len += n;
			out[len++] = i == 3 ? '\x1e' : '\x1f';
			out[len] = '\0';
		}
		(*nrows)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(out);
		return NULL;
	}
	return out;
}

/* The first row of a schema text that b lacks, as "type name", into
 * buf. */
static void
db_schema_first_missing(const char *a, const char *b, char *buf, size_t n)
{
	const char *row = a, *end;

	buf[0] = '\0';
	while (*row != '\0') {
		end = strchr(row, '\x1e');
		if (end == NULL)
			break;
		{
			size_t len = (size_t)(end - row) + 1;
			const char *p = b;
			bool found = false;

			while (*p != '\0') {
				const char *e = strchr(p, '\x1e');

				if (e == NULL)
					break;
				if ((size_t)(e - p) + 1 == len &&
				    memcmp(p, row, len) == 0) {
					found = true;
					break;
				}
				p = e + 1;
			}
			if (!found) {
				const char *u1 = memchr(row, '\x1f', len);
				const char *u2 = u1 ? memchr(u1 + 1, '\x1f',
				    (size_t)(end - u1 - 1)) : NULL;

				if (u1 != NULL && u2 != NULL)
					snprintf(buf, n, "%.*s %.*s",
					    (int)(u1 - row), row,
					    (int)(u2 - u1 - 1), u1 + 1);
				return;
			}
		}
		row = end + 1;
	}
}

enum pd_status
db_schema_check(struct db *db, struct pd_err *err)
{
	struct db *fresh = NULL;
	enum pd_status s;
	char *have = NULL, *want = NULL, what[200];
	int v = db_schema_version(db), nh = 0, nw = 0;

	if (v < 1 || v > db_schema_latest())
		return pd_fail(err, PD_INVALID, NULL, "it is not a peerdesk "
		    "database (schema version %d)", v);
	if ((s = db_open(":memory:", DB_OPEN_NO_UPGRADE, &fresh, err)) != PD_OK)
		return s;
	s = db_migrate_to(fresh, v, err);
	if (s == PD_OK) {
		have = db_schema_text(db->h, &nh);
		want = db_schema_text(fresh->h, &nw);
		if (have == NULL || want == NULL)
			s = db_error(db, sqlite3_errcode(db->h), err);
	}
	if (s == PD_OK && strcmp(have, want) != 0) {
		db_schema_first_missing(want, have, what, sizeof what);
		if (what[0] != '\0')
			s = pd_fail(err, PD_INVALID, NULL, "its tables differ "
			    "from what peerdesk makes (the %s is missing or "
			    "changed)", what);
		else {
			db_schema_first_missing(have, want, what, sizeof what);
			s = pd_fail(err, PD_INVALID, NULL, "its tables differ "
			    "from what peerdesk makes (it has %s %s that "
			    "peerdesk does not make)", what[0] == 'i' ? "an" :
			    "a", what[0] ? what : "different layout");
		}
	}
	free(have);
	free(want);
	db_close(&fresh);
	return s;
}
