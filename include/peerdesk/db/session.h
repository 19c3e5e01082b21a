/* session.h - session notes.
 *
 * Functions work inside the caller's transaction.  Reads that take
 * scope_pal return only sessions of clients that PAL is assigned to now
 * (0 = everyone); anything else is PD_NOT_FOUND, never a refusal that
 * tells the record exists.
 */
#ifndef PEERDESK_DB_SESSION_H
#define PEERDESK_DB_SESSION_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/timesheet.h"

/* List callback: row is borrowed for the call; return nonzero to stop.
 * It must not call the same db_* list function again. */
typedef int (*db_session_cb)(void *arg, const struct session *row);

/* Insert s (booked or done) written by `by`; sets s->id and
 * s->version = 1.  PD_NOT_FOUND when the client or PAL does not exist. */
enum pd_status db_session_insert(struct db *db, struct session *s,
    int64_t by, struct pd_err *err);

/* Read session id into *out (caller finis it).  PD_NOT_FOUND when there
 * is none or it is outside scope_pal's clients. */
enum pd_status db_session_get(struct db *db, int64_t id, int64_t scope_pal,
    struct session *out, struct pd_err *err);

/* Save s if nobody saved it since s->version was read; bumps
 * s->version.  PD_CONFLICT (names who and when) or PD_NOT_FOUND. */
enum pd_status db_session_update(struct db *db, struct session *s,
    int64_t by, struct pd_err *err);

/* Remove session id and its timesheet line, if any.  PD_NOT_FOUND when
 * there is no such session. */
enum pd_status db_session_delete(struct db *db, int64_t id,
    struct pd_err *err);

/* The client's sessions, newest first (date, start time), skipping
 * `offset` and giving at most `limit` (limit <= 0: all).  Nothing for a
 * client outside scope_pal's. */
enum pd_status db_session_list(struct db *db, int64_t client_id,
    int64_t scope_pal, int offset, int limit, db_session_cb cb, void *arg,
    struct pd_err *err);

/* pal_id's sessions still booked (not yet confirmed as held) dated
 * first..last, by date and start time.  They have no timesheet line. */
enum pd_status db_session_booked(struct db *db, int64_t pal_id,
    const char *first, const char *last, db_session_cb cb, void *arg,
    struct pd_err *err);

/* *n = pal_id's booked sessions whose day has come (dated today or
 * before): they wait for the PAL to confirm them. */
enum pd_status db_session_booked_due(struct db *db, int64_t pal_id,
    const char *today, int *n, struct pd_err *err);

#endif
