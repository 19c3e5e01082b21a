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
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"

struct db_cached {
	const char *sql;
	sqlite3_stmt *st;
};

struct db {
	sqlite3 *h;
	char *path;
	int tx_depth;		/* nesting count of db_begin */
	bool tx_failed;		/* a nested rollback happened */
	struct db_cached *cache;
	size_t ncache, capcache;
	bool bulk;
	bool scratch;		/* opened DB_OPEN_SCRATCH: never WAL */
};

/* What to do about a damaged database, in the same words everywhere. */
#define DB_RESTORE_ADVICE "Nothing was changed. To bring back the last " \
	"good backup, the person who looks after this computer runs, as " \
	"root: peerdesk restore FILE (see 'man peerdesk', DAMAGED DATABASE)."

/* ---- SQL text shared by several files -------------------------------- */

/* Assignment `a` (a table alias) is in force on :today: it started on or
 * before the day and has not ended by it (an assignment whose ended_on
 * is today no longer counts).  The one definition of "a PAL may see this
 * client"; app/access.c decides who is scoped. */
#define DB_IN_FORCE(a) \
	"(" a ".started_on <= :today AND (" a ".ended_on IS NULL OR " \
	a ".ended_on > :today))"

/* The client whose id is `cid` (an SQL expression) is one the scope
 * bound by db_scope_bind() may see: :scope_pal = 0 means everyone, else
 * that worker must have an assignment to the client in force on :today.
 * Scope is part of the query, never a filter applied later. */
#define DB_IN_SCOPE(cid) \
	"(:scope_pal = 0 OR EXISTS (SELECT 1 FROM assignment sa" \
	" WHERE sa.client_id = " cid " AND sa.worker_id = :scope_pal" \
	" AND " DB_IN_FORCE("sa") "))"

/* Minutes per line kind as six columns, in enum line_kind order, for a
 * query over timesheet_line grouped by something. */
#define DB_KIND_SUMS \
	" sum(CASE kind WHEN 'session' THEN minutes END) AS k0," \
	" sum(CASE kind WHEN 'supervision' THEN minutes END) AS k1," \
	" sum(CASE kind WHEN 'training' THEN minutes END) AS k2," \
	" sum(CASE kind WHEN 'travel' THEN minutes END) AS k3," \
	" sum(CASE kind WHEN 'shadowing' THEN minutes END) AS k4," \
	" sum(CASE kind WHEN 'admin' THEN minutes END) AS k5"

/* The hourly rate in force for PAL `pal` on date `date`. */
#define DB_RATE_ON(pal, date) \
	"(SELECT r.rate_pence FROM pal_rate r WHERE r.pal_id = " pal \
	" AND r.effective_from <= " date \
	" ORDER BY r.effective_from DESC LIMIT 1)"

/* A probe for db_stale() on a table whose rows carry no "changed by"
 * columns: one row for :id of (version-or-anything, who, at), the who
 * and when of the last audit row about it (entity = the table's name)
 * other than an 'open'. */
#define DB_PROBE_AUDITED(table) \
	"SELECT NULL, lc.who, lc.at FROM " table " t LEFT JOIN" \
	" (SELECT coalesce(s.name, a.actor_login) AS who, a.at AS at" \
	" FROM audit a LEFT JOIN staff s ON s.id = a.actor_id" \
	" WHERE a.entity = '" table "' AND a.entity_id = :id" \
	" AND a.action <> 'open' ORDER BY a.at DESC, a.id DESC LIMIT 1)" \
	" lc ON 1 WHERE t.id = :id"

/* ---- statements (db.c) ----------------------------------------------
 *
 * The one way to run SQL in src/db:
 *
 *	sqlite3_stmt *st = db_stmt(db, sql_x, err);	prepare (cached)
 *	if (st == NULL)
 *		return PD_DB;
 *	db_bind_int64(st, ":id", id);			bind by name
 *	then one of
 *	  db_exec_stmt(db, st, err)			no rows; resets
 *	  db_one(db, st, "no such x", err)		one row: read it with
 *	  ... db_col_*(st, i ...); db_done(st);		the db_col_* readers
 *	  DB_EACH(db, st, struct x, x_read, x_fini, cb, arg, err, rc);
 *	  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {...}
 *	  return db_end(db, st, rc, err);		a loop that builds
 *
 * Every path resets the statement (db_done), so it is ready for the
 * next use.
 */

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

/* Today as "YYYY-MM-DD" into buf (model/'s today_get(), which --today,
 * PEERDESK_TODAY and tests fix); returns buf. */
char *db_scope_today(char buf[11]);

/* Bind :scope_pal and :today (see DB_IN_SCOPE).  scope_pal 0 is
 * everyone; any other value only that worker (so a negative one, which
 * no caller passes, sees no one rather than everyone). */
void db_scope_bind(sqlite3_stmt *st, int64_t scope_pal);

/* Bind :today only. */
void db_scope_bind_today(sqlite3_stmt *st);

/* Column readers.  col_str: a new copy or NULL for SQL NULL.  col_copy:
 * into buf[n], "" for NULL, long text cut at a UTF-8 character
 * boundary.  col_int: if_null for SQL NULL. */
char *db_col_str(sqlite3_stmt *st, int i);
void db_col_copy(sqlite3_stmt *st, int i, char *buf, size_t n);
int64_t db_col_int(sqlite3_stmt *st, int i, int64_t if_null);

/* Text column copied into a char[11] date ("" for NULL). */
#define db_col_date(st, i, buf) db_col_copy((st), (i), (buf), 11)

/* Step a statement that returns no rows (INSERT/UPDATE/DELETE).
 * Maps SQLite errors to statuses with a plain message. */
enum pd_status db_exec_stmt(struct db *db, sqlite3_stmt *st,
    struct pd_err *err);

/* Step once: SQLITE_ROW -> PD_OK, SQLITE_DONE -> PD_NOT_FOUND, else an
 * error status.  For queries of one row; the caller resets st. */
enum pd_status db_step_row(struct db *db, sqlite3_stmt *st,
    struct pd_err *err);

/* Step st for its one row.  PD_OK: the row is there to read (call
 * db_done after); else st is done and PD_NOT_FOUND says missing. */
enum pd_status db_one(struct db *db, sqlite3_stmt *st, const char *missing,
    struct pd_err *err);

/* Prepare sql, bind :id, run it (no rows).  With missing not NULL, a
 * run that changed no row is PD_NOT_FOUND saying missing. */
enum pd_status db_exec_id(struct db *db, const char *sql, int64_t id,
    const char *missing, struct pd_err *err);

/* db_stmt with :key (e.g. ":pal_id") bound to id. */
sqlite3_stmt *db_stmt_id(struct db *db, const char *sql, const char *key,
    int64_t id, struct pd_err *err);

/* db_stmt with :key (e.g. ":client_id") bound to id, and :scope_pal and
 * :today bound by db_scope_bind (see DB_IN_SCOPE). */
sqlite3_stmt *db_stmt_scoped(struct db *db, const char *sql, const char *key,
    int64_t id, int64_t scope_pal, struct pd_err *err);

/* db_stmt_scoped and db_one: PD_OK with *stp on its one row (db_done it
 * after reading), else PD_NOT_FOUND saying missing, or an error. */
enum pd_status db_one_scoped(struct db *db, const char *sql, const char *key,
    int64_t id, int64_t scope_pal, const char *missing, sqlite3_stmt **stp,
    struct pd_err *err);

/* Read column 0 of every row of st (NULL: PD_DB) as ids into a new
 * array: PD_OK with *out (NULL when none; the caller frees it) and *n,
 * else nothing.  Resets st. */
enum pd_status db_ids(struct db *db, sqlite3_stmt *st, int64_t **out,
    size_t *n, struct pd_err *err);

/* Finish a row loop: rc is the last sqlite3_step result (SQLITE_ROW when
 * the loop stopped early).  Resets st; maps errors. */
enum pd_status db_end(struct db *db, sqlite3_stmt *st, int rc,
    struct pd_err *err);

/* Step st to the end, reading each row into a rowtype with read(),
 * handing it to cb(arg, &row) and fini()-ing it; stops early when cb
 * returns nonzero.  Sets rc on an SQLite error, or to PD_DB when st is
 * NULL (db_stmt failed and filled err); resets st. */
#define DB_EACH(db, st, rowtype, read, fini, cb, arg, err, rc) do { \
	rowtype row_; \
	int step_ = SQLITE_DONE, stop_ = 0; \
	if ((st) == NULL) { \
		(rc) = PD_DB; \
		break; \
	} \
	while (!stop_ && (step_ = sqlite3_step(st)) == SQLITE_ROW) { \
		read((st), &row_); \
		stop_ = (cb)((arg), &row_); \
		fini(&row_); \
	} \
	if (!stop_ && step_ != SQLITE_DONE) \
		(rc) = db_error((db), step_, (err)); \
	db_done(st); \
} while (0)

/* Step st to the end, adding one zeroed element to the array v (of k
 * elements) per row and filling it with read(st, &v[i], i).  On an
 * SQLite error free_all(v, k) and leave v NULL and k 0, with rc set;
 * st NULL: rc = PD_DB.  Resets st. */
#define DB_ARRAY(db, st, v, k, read, free_all, err, rc) do { \
	int step_ = SQLITE_DONE; \
	if ((st) == NULL) { \
		(rc) = PD_DB; \
		break; \
	} \
	while ((step_ = sqlite3_step(st)) == SQLITE_ROW) { \
		(v) = xreallocarray((v), (k) + 1, sizeof *(v)); \
		memset(&(v)[(k)], 0, sizeof *(v)); \
		read((st), &(v)[(k)], (k)); \
		(k)++; \
	} \
	if (step_ != SQLITE_DONE) { \
		(rc) = db_error((db), step_, (err)); \
		free_all((v), (k)); \
		(v) = NULL; \
		(k) = 0; \
	} \
	db_done(st); \
} while (0)

/* Map an SQLite result code (and the connection's message) to a status
 * and fill err. */
enum pd_status db_error(struct db *db, int rc, struct pd_err *err);

/* Text for a NOT NULL enum column when the value is out of range. */
enum pd_status db_bad_value(struct pd_err *err, const char *field,
    const char *what);

/* Run SQL text with no parameters (schema, pragmas). */
enum pd_status db_exec_sql(struct db *db, const char *sql,
    struct pd_err *err);

/* Now in UTC as "YYYY-MM-DDTHH:MM:SSZ" into a char[21]. */
void db_now(char out[21]);

/* Last inserted rowid. */
int64_t db_last_id(struct db *db);

/* Number of rows changed by the last statement. */
int db_changes(struct db *db);

/* ---- versioned rows (rows.c) ------------------------------------------ */

/* The conflict message itself, in the same words everywhere
 * ("Sam Reid changed this plan at 14:02, after you opened it. ..."),
 * when the caller knows who and when (NULL or "" = unknown). */
enum pd_status db_conflict(const char *what, const char *who,
    const char *at, struct pd_err *err);

/* An UPDATE ... WHERE id = :id AND version = :version changed nothing:
 * run probe (one row for :id: anything, who-name-or-NULL,
 * changed-at-or-NULL; see DB_PROBE_AUDITED) and fail with PD_NOT_FOUND
 * if the row is gone, or PD_CONFLICT saying who changed it and when
 * ("Sam Reid changed this client at 14:02 ..."); what names the record
 * ("client"). */
enum pd_status db_stale(struct db *db, const char *probe, int64_t id,
    const char *what, struct pd_err *err);

/* Run st, a bound UPDATE ... WHERE id = :id AND version = :version,
 * binding those two; then *version goes up by one, or db_stale(probe,
 * what) says why no row changed. */
enum pd_status db_exec_versioned(struct db *db, sqlite3_stmt *st, int64_t id,
    int *version, const char *probe, const char *what, struct pd_err *err);

/* How one table's rows are written: an INSERT and a versioned UPDATE
 * (WHERE id = :id AND version = :version) that bind the same columns. */
struct db_table {
	const char *insert_sql, *update_sql;
	const char *probe_sql;	/* for db_stale */
	const char *what;	/* names the record in a conflict: "referral" */
	const char *missing;	/* the write found no parent row (PD_NOT_FOUND),
				 * e.g. "that client's record was not found";
				 * NULL: leave the message as it is */
	enum pd_status (*check)(const void *rec, struct pd_err *err);
	void (*bind)(sqlite3_stmt *st, const void *rec, int64_t by,
	    const char *now);
};

/* Check and insert rec; then *id is the new row's and *version 1.  now
 * (NULL or 21 bytes) receives the time written. */
enum pd_status db_row_insert(struct db *db, const struct db_table *t,
    const void *rec, int64_t by, int64_t *id, int *version, char *now,
    struct pd_err *err);

/* Check and update the row id at *version; then *version goes up by one.
 * PD_CONFLICT or PD_NOT_FOUND from db_stale when it changed or went. */
enum pd_status db_row_update(struct db *db, const struct db_table *t,
    const void *rec, int64_t by, int64_t id, int *version, char *now,
    struct pd_err *err);

/* ---- the clients' search index (clientsearch.c) --------------------- */

/* Fold the words of every client marked stale in client_search_stale
 * into the search index (inside the caller's transaction).  Called by
 * db_client_insert and db_client_update, and after migration 0012. */
enum pd_status db_client_search_sync(struct db *db, struct pd_err *err);

/* The same, in a transaction of its own, when any client is stale (one
 * index probe when none is).  Best effort: a failure leaves the stale
 * clients for the next time. */
enum pd_status db_client_search_catch_up(struct db *db);

/* After a client's details were erased: sync, then rewrite the index so
 * that no old segment keeps their words (FTS5 'optimize'). */
enum pd_status db_client_search_forget(struct db *db, struct pd_err *err);

/* The FTS5 query for words a person typed (see client_query.filter), or
 * NULL when there is no word in it.  The caller frees it. */
char *db_client_search_expr(const char *filter);

/* ---- between files ---------------------------------------------------- */

struct week_totals;

/* Add one result row to t: the rate (NULL = none) in column `first`,
 * then minutes for the six line kinds.  PD_LIMIT when a new rate band
 * does not fit (timesheet.c). */
enum pd_status db_totals_add_row(sqlite3_stmt *st, int first,
    struct week_totals *t, struct pd_err *err);

struct audit_entry;

/* db_audit_insert with the time at ("YYYY-MM-DDTHH:MM:SSZ"; NULL = now):
 * for db_audit_insert itself, and test fixtures (tests/support/dbtest.c)
 * only. */
enum pd_status audit_insert_at(struct db *db, const struct audit_entry *a,
    const char *at, struct pd_err *err);

/* Migration 0008's second half (audit.c): give every audit row already
 * there its hash, in id order, lifting the audit_no_update trigger for
 * that alone and putting its exact text back.  Inside the migration's
 * transaction. */
enum pd_status audit_chain_existing(struct db *db, struct pd_err *err);

#endif
