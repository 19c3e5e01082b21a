/* dbtest.h - direct inserts and probes for test fixtures only.
 *
 * tests/support/dbfix.c builds its small world with these so that SQL
 * stays in src/db.  They skip the rules the real db_* functions keep
 * (no audit, no version checks); app/ must never call them.
 */
#ifndef PEERDESK_TESTS_DBTEST_H
#define PEERDESK_TESTS_DBTEST_H

#include <stddef.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"

/* Insert a staff row (login may be NULL; role "office", "pal" or
 * "manager"), active, version 1.  *id gets its id. */
enum pd_status dbtest_staff(struct db *db, const char *login,
    const char *name, const char *role, int64_t *id, struct pd_err *err);

/* Give staff_id a pal row (started_on = from), an hourly rate and a
 * benefit rule ("none", "permitted", ...) both in force from `from`. */
enum pd_status dbtest_pal(struct db *db, int64_t staff_id,
    int64_t rate_pence, const char *rule, const char *from,
    struct pd_err *err);

/* Insert a client called name with status "referred".  *id gets its id. */
enum pd_status dbtest_client(struct db *db, const char *name, int64_t *id,
    struct pd_err *err);

/* Insert an open assignment of worker_id to client_id from started_on.
 * *id (may be NULL) gets its id. */
enum pd_status dbtest_assign(struct db *db, int64_t client_id,
    int64_t worker_id, const char *started_on, int64_t *id,
    struct pd_err *err);

/* Set ended_on (kind "other") on an assignment. */
enum pd_status dbtest_end_assignment(struct db *db, int64_t id,
    const char *ended_on, struct pd_err *err);

/* Number of rows in table (any table of the schema, by name); PD_INVALID
 * for a name that is not one of them. */
enum pd_status dbtest_count(struct db *db, const char *table, int64_t *n,
    struct pd_err *err);

/* Try to change (remove = 0) or delete (remove = 1) audit row id behind
 * the API's back; the schema's triggers must refuse it. */
enum pd_status dbtest_audit_tamper(struct db *db, int64_t id, int remove,
    struct pd_err *err);

/* An audit row written as db_audit_insert does (chained), but at the
 * time at instead of now: for lists by date. */
struct audit_entry;
enum pd_status dbtest_audit_insert_at(struct db *db,
    const struct audit_entry *a, const char *at, struct pd_err *err);

/* What root with sqlite3 could do: drop the audit triggers, then
 * 0: change row id's summary, 1: remove row id, 2: add a row after the
 * last with a made-up hash. */
enum pd_status dbtest_audit_forge(struct db *db, int64_t id, int how,
    struct pd_err *err);

/* An audit row as schema 1 to 7 had it (no day, no hash): for checking
 * that migration 0008 chains the rows already there. */
enum pd_status dbtest_audit_legacy(struct db *db, const char *summary,
    struct pd_err *err);

/* A done session note (place "other") of pal_id with client_id. */
enum pd_status dbtest_session(struct db *db, int64_t client_id,
    int64_t pal_id, const char *date, int minutes, int64_t *id,
    struct pd_err *err);

/* A timesheet week of pal_id with status ("open", ...). */
enum pd_status dbtest_week(struct db *db, int64_t pal_id,
    const char *week_start, const char *status, int64_t *id,
    struct pd_err *err);

/* An "admin" timesheet line in week_id. */
enum pd_status dbtest_line(struct db *db, int64_t week_id, int64_t pal_id,
    const char *date, int minutes, struct pd_err *err);

/* An empty draft plan for client_id. */
enum pd_status dbtest_client_plan(struct db *db, int64_t client_id,
    struct pd_err *err);

/* The statement already used (and cached) whose SQL text contains
 * `contains`: its EXPLAIN QUERY PLAN, one step a line, into buf[n].
 * PD_NOT_FOUND if no cached statement matches. */
enum pd_status dbtest_query_plan(struct db *db, const char *contains,
    char *buf, size_t n, struct pd_err *err);

/* Counters of that cached statement since the last call (which resets
 * them): rows stepped in full scans, sorts, and VM steps. */
enum pd_status dbtest_stmt_counters(struct db *db, const char *contains,
    int *fullscan_steps, int *sorts, int *vm_steps, struct pd_err *err);

/* The file the database was opened from. */
const char *dbtest_path(struct db *db);

/* In how many places the clients' search index holds `word` (lower
 * case, folded): its terms (fts5vocab), its stored text, its sort keys
 * and the raw bytes of its segments.  0 means no trace at all. */
enum pd_status dbtest_search_holds(struct db *db, const char *word,
    int64_t *n, struct pd_err *err);

#endif
