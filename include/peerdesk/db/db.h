/* db.h - the database: opening, migrations, transactions.
 *
 * Only src/db/ includes sqlite3.h; everything above sees struct db as an
 * opaque handle.  One connection per process, one thread.
 */
#ifndef PEERDESK_DB_DB_H
#define PEERDESK_DB_DB_H

#include <stdint.h>

#include "peerdesk/core/status.h"

struct db;

enum db_open_mode {
	DB_OPEN_EXISTING,	/* fail with PD_NOT_FOUND if the file is missing */
	DB_OPEN_CREATE,		/* create if missing */
	DB_OPEN_READONLY,
	DB_OPEN_NO_UPGRADE,	/* create if missing, apply no migrations
				 * (tests) */
	DB_OPEN_SCRATCH		/* a file this process has just made and
				 * alone uses (demo, restore's copy): may be
				 * empty; journal in memory, no syncs (the
				 * caller syncs and renames it into place),
				 * never WAL, no migrations */
};

/* Open (or create) the database at path, set WAL, foreign_keys=ON,
 * synchronous=FULL, a busy timeout of at least 5 s, and apply any
 * migrations this program knows.  A database newer than the program is
 * refused with PD_TOO_NEW and left untouched.  A file that is empty
 * (0 bytes), too short, not a database or has lost its tables is
 * PD_DAMAGED, saying how to restore, and is never made afresh.  On success *out is a new
 * handle the caller frees with db_close(). */
enum pd_status db_open(const char *path, enum db_open_mode mode,
    struct db **out, struct pd_err *err);

/* Finalise cached statements and close; *dbp becomes NULL. NULL ok. */
void db_close(struct db **dbp);

/* Copy everything in the write-ahead log into the database file and
 * empty the log to 0 bytes (PRAGMA wal_checkpoint(TRUNCATE)), so old
 * copies of changed pages are nowhere on disk.  Outside a transaction.
 * PD_BUSY when another connection kept it from finishing. */
enum pd_status db_checkpoint_truncate(struct db *db, struct pd_err *err);

/* PRAGMA user_version of the open database. */
int db_schema_version(struct db *db);

/* The newest schema version this program knows (number of migrations). */
int db_schema_latest(void);

/* Apply migrations up to version `upto` only (tests: build an old
 * database, then let db_open finish the job). */
enum pd_status db_migrate_to(struct db *db, int upto, struct pd_err *err);

/* Write transactions: BEGIN IMMEDIATE ... COMMIT.  Nested begin/commit
 * pairs are counted; only the outermost one talks to SQLite.  A
 * rollback anywhere rolls back the whole transaction. */
enum pd_status db_begin(struct db *db, struct pd_err *err);
enum pd_status db_commit(struct db *db, struct pd_err *err);
void db_rollback(struct db *db);

/* PRAGMA integrity_check and foreign_key_check: PD_OK when both clean. */
enum pd_status db_check(struct db *db, struct pd_err *err);

/* Copy the whole of from into to with SQLite's backup API, in one pass
 * under one read transaction of from (so writers elsewhere go on, and
 * the copy is one moment).  to's contents are replaced; other
 * connections to it see the change as one transaction.  Neither may be
 * inside a transaction. */
enum pd_status db_copy(struct db *from, struct db *to, struct pd_err *err);

/* Leave WAL for a rollback journal, so the file stands alone (a backup
 * to be copied or moved). */
enum pd_status db_single_file(struct db *db, struct pd_err *err);

/* PD_OK when db's tables, indexes and triggers are exactly those the
 * migrations make for its schema version (compared, row by row, with a
 * fresh database in memory); PD_INVALID naming the first difference. */
enum pd_status db_schema_check(struct db *db, struct pd_err *err);

/* For bulk loads (demo, import): bigger cache while the transaction
 * runs.  Call before db_begin; undone by db_bulk_end. */
void db_bulk_begin(struct db *db);
void db_bulk_end(struct db *db);

/* For filling a brand-new database nobody else uses (the demo): keep
 * the rollback journal in memory and skip syncs until db_fresh_end,
 * which syncs, returns to WAL and synchronous=FULL.  A crash meanwhile
 * can leave the new file unusable, never an existing one: call it only
 * on a file this process just created. */
void db_fresh_begin(struct db *db);
void db_fresh_end(struct db *db);

#endif
