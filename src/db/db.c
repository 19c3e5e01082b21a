/* db.c - the one way to run SQL in src/db (db_priv.h): errors, the
 * statement cache, binding by name, stepping, reading columns; and
 * transactions. */
#include "peerdesk/db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db_priv.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"

/* ---- errors ---------------------------------------------------------- */

enum pd_status
db_error(struct db *db, int rc, struct pd_err *err)
{
	const char *why = db && db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return pd_fail(err, PD_BUSY, NULL,
		    "someone else is saving at the moment; please try again");
	case SQLITE_FULL:
		return pd_fail(err, PD_FULL, NULL,
		    "the disk is full, so nothing was saved");
	case SQLITE_READONLY:
		return pd_fail(err, PD_READONLY, NULL,
		    "the database is read-only, so nothing was saved");
	case SQLITE_CANTOPEN:
		return pd_fail(err, PD_IO, NULL, "cannot open the database: %s",
		    why);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return pd_fail(err, PD_DAMAGED, NULL,
		    "the database %s is damaged or is not a peerdesk database "
		    "(%s). " DB_RESTORE_ADVICE, db && db->path ? db->path : "",
		    why);
	case SQLITE_CONSTRAINT:
		switch (rc) {
		case SQLITE_CONSTRAINT_UNIQUE:
		case SQLITE_CONSTRAINT_PRIMARYKEY:
			return pd_fail(err, PD_DUPLICATE, NULL,
			    "that already exists (%s)", why);
		case SQLITE_CONSTRAINT_FOREIGNKEY:
			return pd_fail(err, PD_NOT_FOUND, NULL,
			    "it refers to a record that does not exist");
		case SQLITE_CONSTRAINT_NOTNULL:
		case SQLITE_CONSTRAINT_CHECK:
			return pd_fail(err, PD_INVALID, NULL,
			    "a value is missing or not allowed (%s)", why);
		default:
			return pd_fail(err, PD_INVALID, NULL, "%s", why);
		}
	case SQLITE_IOERR:
		return pd_fail(err, PD_IO, NULL, "disk error: %s", why);
	default:
		return pd_fail(err, PD_DB, NULL, "database error: %s", why);
	}
}

/* ---- statements ------------------------------------------------------ */

sqlite3_stmt *
db_stmt(struct db *db, const char *sql, struct pd_err *err)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int rc;

	for (i = 0; i < db->ncache; i++)
		if (db->cache[i].sql == sql) {
			sqlite3_reset(db->cache[i].st);
			sqlite3_clear_bindings(db->cache[i].st);
			return db->cache[i].st;
		}
	rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
	    NULL);
	if (rc != SQLITE_OK) {
		db_error(db, rc, err);
		return NULL;
	}
	if (db->ncache == db->capcache) {
		db->capcache = db->capcache ? db->capcache * 2 : 32;
		db->cache = xreallocarray(db->cache, db->capcache,
		    sizeof *db->cache);
	}
	db->cache[db->ncache].sql = sql;
	db->cache[db->ncache].st = st;
	db->ncache++;
	return st;
}

void
db_done(sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

static int
db_param(sqlite3_stmt *st, const char *name)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i == 0) {
		/* A programming error: the SQL has no such parameter. */
		fprintf(stderr, "peerdesk: internal error: no parameter %s in: %s\n",
		    name, sqlite3_sql(st));
		abort();
	}
	return i;
}

void
db_bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, db_param(st, name));
	else
		sqlite3_bind_text(st, db_param(st, name), v, -1, SQLITE_TRANSIENT);
}

void
db_bind_text_opt(sqlite3_stmt *st, const char *name, const char *v)
{
	db_bind_text(st, name, v != NULL && v[0] != '\0' ? v : NULL);
}

void
db_bind_int64(sqlite3_stmt *st, const char *name, int64_t v)
{
	sqlite3_bind_int64(st, db_param(st, name), v);
}

void
db_bind_int_opt(sqlite3_stmt *st, const char *name, int64_t v)
{
	if (v < 0)
		sqlite3_bind_null(st, db_param(st, name));
	else
		sqlite3_bind_int64(st, db_param(st, name), v);
}

void
db_bind_id_opt(sqlite3_stmt *st, const char *name, int64_t v)
{
	if (v <= 0)
		sqlite3_bind_null(st, db_param(st, name));
	else
		sqlite3_bind_int64(st, db_param(st, name), v);
}

void
db_bind_null(sqlite3_stmt *st, const char *name)
{
	sqlite3_bind_null(st, db_param(st, name));
}

char *
db_scope_today(char buf[11])
{
	return date_format(today_get(), buf);
}

void
db_scope_bind(sqlite3_stmt *st, int64_t scope_pal)
{
	char today[11];

	db_bind_int64(st, ":scope_pal", scope_pal);
	db_bind_text(st, ":today", db_scope_today(today));
}

void
db_scope_bind_today(sqlite3_stmt *st)
{
	char today[11];

	db_bind_text(st, ":today", db_scope_today(today));
}

char *
db_col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	if (t == NULL)
		return NULL;
	return xstrndup((const char *)t, (size_t)sqlite3_column_bytes(st, i));
}

void
db_col_copy(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	size_t len;

	if (n == 0)
		return;
	if (t == NULL)
		t = "";
	len = strlen(t);
	if (len >= n) {
		len = n - 1;
		/* t[len] is the first byte left out: never split a character. */
		while (len > 0 && ((unsigned char)t[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(buf, t, len);
	buf[len] = '\0';
}

int64_t
db_col_int(sqlite3_stmt *st, int i, int64_t if_null)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return if_null;
	return sqlite3_column_int64(st, i);
}

enum pd_status
db_exec_stmt(struct db *db, sqlite3_stmt *st, struct pd_err *err)
{
	int rc = sqlite3_step(st);
	enum pd_status s = PD_OK;

	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		s = db_error(db, rc, err);
	db_done(st);
	return s;
}

enum pd_status
db_step_row(struct db *db, sqlite3_stmt *st, struct pd_err *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return PD_OK;
	if (rc == SQLITE_DONE)
		return pd_fail(err, PD_NOT_FOUND, NULL, "not found");
	return db_error(db, rc, err);
}

enum pd_status
db_one(struct db *db, sqlite3_stmt *st, const char *missing,
    struct pd_err *err)
{
	enum pd_status rc = db_step_row(db, st, err);

	if (rc == PD_NOT_FOUND)
		pd_fail(err, rc, NULL, "%s", missing);
	if (rc != PD_OK)
		db_done(st);
	return rc;
}

enum pd_status
db_exec_id(struct db *db, const char *sql, int64_t id, const char *missing,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (missing != NULL && db_changes(db) == 0)
		return pd_fail(err, PD_NOT_FOUND, NULL, "%s", missing);
	return PD_OK;
}

sqlite3_stmt *
db_stmt_id(struct db *db, const char *sql, const char *key, int64_t id,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);

	if (st != NULL)
		db_bind_int64(st, key, id);
	return st;
}

sqlite3_stmt *
db_stmt_scoped(struct db *db, const char *sql, const char *key, int64_t id,
    int64_t scope_pal, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql, key, id, err);

	if (st != NULL)
		db_scope_bind(st, scope_pal);
	return st;
}

enum pd_status
db_one_scoped(struct db *db, const char *sql, const char *key, int64_t id,
    int64_t scope_pal, const char *missing, sqlite3_stmt **stp,
    struct pd_err *err)
{
	*stp = db_stmt_scoped(db, sql, key, id, scope_pal, err);
	if (*stp == NULL)
		return PD_DB;
	return db_one(db, *stp, missing, err);
}

static void
db_id_read(sqlite3_stmt *st, int64_t *id, size_t i)
{
	(void)i;
	*id = db_col_int(st, 0, 0);
}

static void
db_ids_free(int64_t *v, size_t n)
{
	(void)n;
	free(v);
}

enum pd_status
db_ids(struct db *db, sqlite3_stmt *st, int64_t **out, size_t *n,
    struct pd_err *err)
{
	enum pd_status rc = PD_OK;

	*out = NULL;
	*n = 0;
	DB_ARRAY(db, st, *out, *n, db_id_read, db_ids_free, err, rc);
	return rc;
}

enum pd_status
db_end(struct db *db, sqlite3_stmt *st, int rc, struct pd_err *err)
{
	enum pd_status s = PD_OK;

	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = db_error(db, rc, err);
	db_done(st);
	return s;
}

enum pd_status
db_bad_value(struct pd_err *err, const char *field, const char *what)
{
	return pd_fail(err, PD_INVALID, field, "%s is not one of the choices",
	    what);
}

enum pd_status
db_exec_sql(struct db *db, const char *sql, struct pd_err *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
	enum pd_status s = PD_OK;

	if (rc != SQLITE_OK)
		s = db_error(db, rc, err);
	sqlite3_free(msg);
	return s;
}

void
db_now(char out[21])
{
	/* An import stamps 100,000 rows within a second or two: format
	 * each second once (peerdesk has one thread). */
	static time_t last = (time_t)-1;
	static char text[21];
	time_t t = time(NULL);
	struct tm tm;

	if (t != last) {
		gmtime_r(&t, &tm);
		strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
		last = t;
	}
	memcpy(out, text, sizeof text);
}

int64_t
db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

int
db_changes(struct db *db)
{
	return sqlite3_changes(db->h);
}

/* The schema's PRAGMA user_version, or -1 when it cannot be read. */
int
db_schema_version(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* ---- transactions ---------------------------------------------------- */

enum pd_status
db_begin(struct db *db, struct pd_err *err)
{
	enum pd_status s;

	if (db->tx_depth > 0) {
		db->tx_depth++;
		return PD_OK;
	}
	s = db_exec_sql(db, "BEGIN IMMEDIATE", err);
	if (s == PD_OK) {
		db->tx_depth = 1;
		db->tx_failed = false;
	}
	return s;
}

enum pd_status
db_commit(struct db *db, struct pd_err *err)
{
	enum pd_status s;

	if (db->tx_depth <= 0)
		return pd_fail(err, PD_DB, NULL,
		    "internal error: commit without a transaction");
	if (db->tx_depth > 1) {
		db->tx_depth--;
		return PD_OK;
	}
	if (db->tx_failed) {
		db_rollback(db);
		return pd_fail(err, PD_DB, NULL,
		    "nothing was saved because part of the change failed");
	}
	s = db_exec_sql(db, "COMMIT", err);
	if (s != PD_OK) {
		db_rollback(db);
		return s;
	}
	db->tx_depth = 0;
	return PD_OK;
}

void
db_rollback(struct db *db)
{
	if (db->tx_depth <= 0)
		return;
	if (db->tx_depth > 1) {
		db->tx_depth--;
		db->tx_failed = true;
		return;
	}
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	db->tx_depth = 0;
	db->tx_failed = false;
}

void
db_bulk_begin(struct db *db)
{
	db->bulk = true;
	sqlite3_exec(db->h, "PRAGMA cache_size = -131072", NULL, NULL, NULL);
}

void
db_bulk_end(struct db *db)
{
	db->bulk = false;
	sqlite3_exec(db->h, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
}

void
db_fresh_begin(struct db *db)
{
	db_bulk_begin(db);
	if (db->scratch)
		return;		/* already so, and stays so */
	sqlite3_exec(db->h, "PRAGMA journal_mode = MEMORY; "
	    "PRAGMA synchronous = OFF", NULL, NULL, NULL);
}

void
db_fresh_end(struct db *db)
{
	if (db->scratch) {	/* the caller syncs the file itself */
		db_bulk_end(db);
		return;
	}
	sqlite3_exec(db->h, "PRAGMA synchronous = FULL; "
	    "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	db_bulk_end(db);
}
