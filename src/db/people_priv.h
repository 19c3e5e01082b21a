/* people_priv.h - helpers shared by the "people" files of src/db
 * (staff, pal, client, referral, funding, ally, audit, draft, summary).
 */
#ifndef PEERDESK_DB_PEOPLE_PRIV_H
#define PEERDESK_DB_PEOPLE_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "db_priv.h"

/* True (1) when the client with id `cid` (an SQL expression) is in the
 * scope bound by people_bind_scope: :scope_pal = 0 means everyone, else
 * the client must have an assignment of that worker in force on
 * :today (DB_IN_FORCE: started, not ended).  Scope is part of the query, never a filter applied later. */
#define PEOPLE_IN_SCOPE(cid) \
	"(:scope_pal = 0 OR EXISTS (SELECT 1 FROM assignment sa " \
	"WHERE sa.client_id = " cid " AND sa.worker_id = :scope_pal " \
	"AND " DB_IN_FORCE("sa") "))"

/* Bind :scope_pal and :today.  today NULL or "" means people_today(). */
void people_bind_scope(sqlite3_stmt *st, int64_t scope_pal,
    const char *today);

/* The date scope checks treat as today: model/'s today_get() (which
 * --today, PEERDESK_TODAY and tests can fix), as "YYYY-MM-DD". */
void people_today(char out[11]);

/* Copy column i into buf[n], cutting long text at a UTF-8 character
 * boundary; "" for NULL. */
void people_copy(sqlite3_stmt *st, int i, char *buf, size_t n);

/* An UPDATE ... WHERE id = :id AND version = :version changed nothing:
 * run probe (one row: version, who-name-or-NULL, updated_at-or-NULL,
 * bound by :id) and fail with PD_NOT_FOUND if the row is gone, or
 * PD_CONFLICT saying who changed it and when ("Sam Reid changed this
 * client at 14:02 ..."); what names the record ("client"). */
enum pd_status people_stale(struct db *db, const char *probe, int64_t id,
    const char *what, struct pd_err *err);

/* Finish a row loop: rc is the last sqlite3_step result (SQLITE_ROW when
 * the callback stopped early).  Resets st; maps errors. */
enum pd_status people_end(struct db *db, sqlite3_stmt *st, int rc,
    struct pd_err *err);

/* How one table's rows are written: an INSERT and a versioned UPDATE
 * (WHERE id = :id AND version = :version) that bind the same columns. */
struct people_table {
	const char *insert_sql, *update_sql;
	const char *probe_sql;	/* for people_stale */
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
enum pd_status people_insert(struct db *db, const struct people_table *t,
    const void *rec, int64_t by, int64_t *id, int *version, char *now,
    struct pd_err *err);

/* Check and update the row id at *version; then *version goes up by one.
 * PD_CONFLICT or PD_NOT_FOUND from people_stale when it changed or went. */
enum pd_status people_update(struct db *db, const struct people_table *t,
    const void *rec, int64_t by, int64_t id, int *version, char *now,
    struct pd_err *err);

/* Step st for its one row.  PD_OK: the row is there to read (call
 * db_done after); else st is done and PD_NOT_FOUND says missing. */
enum pd_status people_one(struct db *db, sqlite3_stmt *st,
    const char *missing, struct pd_err *err);

/* Text for a NOT NULL enum column when the value is out of range. */
enum pd_status people_bad_value(struct pd_err *err, const char *field,
    const char *what);

#endif
