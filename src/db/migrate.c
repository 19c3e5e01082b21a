/* migrate.c - the numbered migrations (data/migrations/NNNN_*.sql,
 * embedded), applied in name order, each in one transaction that also
 * sets PRAGMA user_version; the two that need C run it here. */
#include "peerdesk/db/db.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "db_priv.h"
#include "peerdesk/core/embedded.h"

#define MIGRATION_PREFIX "migrations/"

static bool
db_is_migration(const struct embedded_file *f)
{
	size_t n = strlen(MIGRATION_PREFIX);

	return strncmp(f->name, MIGRATION_PREFIX, n) == 0 &&
	    strlen(f->name) > n + 4 &&
	    strcmp(f->name + strlen(f->name) - 4, ".sql") == 0;
}

int
db_schema_latest(void)
{
	const struct embedded_file *f;
	int n = 0;

	for (f = embedded_files; f->name != NULL; f++)
		if (db_is_migration(f))
			n++;
	return n;
}

/* The migration with number v (1-based, in name order), or NULL. */
static const struct embedded_file *
db_migration(int v)
{
	const struct embedded_file *f;
	int n = 0;

	for (f = embedded_files; f->name != NULL; f++)
		if (db_is_migration(f) && ++n == v)
			return f;
	return NULL;
}

/* Any broken link after a migration: PD_DB naming the table. */
static enum pd_status
db_migration_fk_check(struct db *db, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status s = PD_OK;

	if (sqlite3_prepare_v2(db->h, "PRAGMA foreign_key_check", -1, &st,
	    NULL) != SQLITE_OK)
		return db_error(db, sqlite3_errcode(db->h), err);
	if (sqlite3_step(st) == SQLITE_ROW)
		s = pd_fail(err, PD_DB, NULL, "a broken link in table %s",
		    (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return s;
}

/* Steps SQL cannot take, run in C after their migration's file, in the
 * same transaction: SHA-256 for the audit rows already there (0008),
 * folded text for the clients already there (0012). */
static const struct {
	const char *name;
	enum pd_status (*after)(struct db *db, struct pd_err *err);
} db_migration_steps[] = {
	{ MIGRATION_PREFIX "0008_audit_chain.sql", audit_chain_existing },
	{ MIGRATION_PREFIX "0012_client_search.sql", db_client_search_sync },
};

/* The migration f's file, its C step if any, the link check and the new
 * user_version v, inside the caller's transaction. */
static enum pd_status
db_migration_body(struct db *db, const struct embedded_file *f, int v,
    struct pd_err *err)
{
	enum pd_status s = db_exec_sql(db, f->data, err);
	char pragma[64];
	size_t i;

	for (i = 0; s == PD_OK && i < sizeof db_migration_steps /
	    sizeof db_migration_steps[0]; i++)
		if (strcmp(f->name, db_migration_steps[i].name) == 0)
			s = db_migration_steps[i].after(db, err);
	if (s == PD_OK)
		s = db_migration_fk_check(db, err);
	if (s == PD_OK) {
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v);
		s = db_exec_sql(db, pragma, err);
	}
	return s;
}

/* Apply migration v (the file f) in one transaction. */
static enum pd_status
db_migration_apply(struct db *db, const struct embedded_file *f, int v,
    struct pd_err *err)
{
	enum pd_status s;

	/* Foreign keys are off while a migration runs, so a table can
	 * be rebuilt (SQLite's documented way), and checked before it
	 * commits; the pragma only works outside a transaction. */
	db_exec_sql(db, "PRAGMA foreign_keys = OFF", NULL);
	if ((s = db_begin(db, err)) != PD_OK) {
		db_exec_sql(db, "PRAGMA foreign_keys = ON", NULL);
		return s;
	}
	if ((s = db_migration_body(db, f, v, err)) != PD_OK) {
		char why[sizeof err->msg];

		db_rollback(db);
		db_exec_sql(db, "PRAGMA foreign_keys = ON", NULL);
		if (err != NULL) {
			snprintf(why, sizeof why, "%s", err->msg);
			pd_fail(err, s, NULL, "upgrading the database with %s "
			    "failed, nothing was changed: %s", f->name, why);
		}
		return s;
	}
	s = db_commit(db, err);
	db_exec_sql(db, "PRAGMA foreign_keys = ON", NULL);
	return s;
}

enum pd_status
db_migrate_to(struct db *db, int upto, struct pd_err *err)
{
	int v = db_schema_version(db);
	int latest = db_schema_latest();
	enum pd_status s;

	if (v < 0)
		return db_error(db, sqlite3_errcode(db->h), err);
	if (v > latest)
		return pd_fail(err, PD_TOO_NEW, NULL,
		    "this database was made by a newer peerdesk (schema %d; "
		    "this program knows up to %d). It has not been changed; "
		    "please use the newer program.", v, latest);
	if (upto > latest)
		upto = latest;
	for (v = v + 1; v <= upto; v++)
		if ((s = db_migration_apply(db, db_migration(v), v, err)) !=
		    PD_OK)
			return s;
	return PD_OK;
}
