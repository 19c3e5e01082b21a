/* db_priv.h - shared by the files of src/db only.
 *
 * Statements are prepared once (SQLITE_PREPARE_PERSISTENT) and cached in
 * struct db, keyed by the address of their static SQL text, so every
 * SQL string in src/db must be a `static const char` at file scope.
 * Parameters are bound by name only (":client_id"); an unknown name is a
 * programming error and fails loudly.
 */
#ifndef PEERDESK_DB_PRIV_H
#define PEERDESK_DB_PRIV_H

#include <sqlite3.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"

struct db_cached {
	const char *sql;
	sqlite3_stmt *st;
};

struct db {
	sqlite3 *h;
	char *path;
	int tx_depth;		/* nesting count of db_begin */
	int tx_failed;		/* a nested rollback happened */
	struct db_cached *cache;
	size_t ncache, capcache;
	int bulk;
	int scratch;		/* opened DB_OPEN_SCRATCH: never WAL */
};

/* SQL text: assignment `a` (a table alias) is in force on :today: it
 * started on or before the day and has not ended by it (an assignment
 * whose ended_on is today no longer counts).  The one definition of "a
 * PAL may see this client"; app/access.c decides who is scoped. */
#define DB_IN_FORCE(a) \
	"(" a ".started_on <= :today AND (" a ".ended_on IS NULL OR " \
	a ".ended_on > :today))"

/* Add pd_contains(text, part) and pd_replace(text, part, with) to a
 * connection: instr() > 0 and replace() in time linear in the lengths
 * (src/db/textfn.c).  An SQLite result code. */
int db_textfn_register(sqlite3 *h);

/* The cached, reset statement for sql (a static string), or NULL with
 * err filled. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct pd_err *err);

/* Reset and clear bindings: call on every exit path. NULL ok. */
void db_done(sqlite3_stmt *st);

/* Bind by name.  Text NULL or "" binds SQL NULL for the _opt forms;
 * db_bind_text binds "" as "".  int_opt binds NULL for negative values,
 * id_opt binds NULL for ids <= 0. */
void db_bind_text(sqlite3_stmt *st, const char *name, const char *v);
void db_bind_text_opt(sqlite3_stmt *st, const char *name, const char *v);
void db_bind_int64(sqlite3_stmt *st, const char *name, int64_t v);
void db_bind_int_opt(sqlite3_stmt *st, const char *name, int64_t v);
void db_bind_id_opt(sqlite3_stmt *st, const char *name, int64_t v);
void db_bind_null(sqlite3_stmt *st, const char *name);

/* Column readers.  col_str: a new copy or NULL for SQL NULL.
 * col_date copies up to 10 chars into a char[11] ("" for NULL).
 * col_int: -1 for NULL where noted by the caller's choice of default. */
char *db_col_str(sqlite3_stmt *st, int i);
void db_col_copy(sqlite3_stmt *st, int i, char *buf, size_t n);
int64_t db_col_int(sqlite3_stmt *st, int i, int64_t if_null);

/* Step a statement that returns no rows (INSERT/UPDATE/DELETE).
 * Maps SQLite errors to statuses with a plain message. */
enum pd_status db_exec_stmt(struct db *db, sqlite3_stmt *st,
    struct pd_err *err);

/* Step once: SQLITE_ROW -> PD_OK, SQLITE_DONE -> PD_NOT_FOUND, else an
 * error status.  For queries of one row. */
enum pd_status db_step_row(struct db *db, sqlite3_stmt *st,
    struct pd_err *err);

/* Map an SQLite result code (and the connection's message) to a status
 * and fill err. */
enum pd_status db_error(struct db *db, int rc, struct pd_err *err);

/* Run SQL text with no parameters (schema, pragmas). */
enum pd_status db_exec_sql(struct db *db, const char *sql,
    struct pd_err *err);

/* Now in UTC as "YYYY-MM-DDTHH:MM:SSZ" into a char[21]. */
void db_now(char out[21]);

/* Last inserted rowid. */
int64_t db_last_id(struct db *db);

/* Number of rows changed by the last statement. */
int db_changes(struct db *db);

/* The conflict message itself, in the same words everywhere
 * ("Sam Reid changed this plan at 14:02, after you opened it. ..."),
 * when the caller knows who and when (NULL or "" = unknown). */
enum pd_status db_conflict(const char *what, const char *who,
    const char *at, struct pd_err *err);

struct audit_entry;

/* db_audit_insert with the time at ("YYYY-MM-DDTHH:MM:SSZ"; NULL = now):
 * for db_audit_insert itself, and test fixtures (tests/support/dbtest.c) only. */
enum pd_status audit_insert_at(struct db *db, const struct audit_entry *a,
    const char *at, struct pd_err *err);

/* Migration 0008's second half (audit.c): give every audit row already
 * there its hash, in id order, lifting the audit_no_update trigger for
 * that alone and putting its exact text back.  Inside the migration's
 * transaction. */
enum pd_status audit_chain_existing(struct db *db, struct pd_err *err);

#endif
