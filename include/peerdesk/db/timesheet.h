/* timesheet.h - PALs' weeks and their lines, and a week's totals.
 *
 * Functions work inside the caller's transaction.  Whether a change is
 * allowed in a week's status (locked weeks, who may approve) is for
 * app/ to decide; these functions only store.
 */
#ifndef PEERDESK_DB_TIMESHEET_H
#define PEERDESK_DB_TIMESHEET_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/timesheet.h"

/* List callbacks: row is borrowed for the call; return nonzero to stop.
 * They must not call the same db_* list function again. */
typedef int (*db_week_cb)(void *arg, const struct ts_week *row);
typedef int (*db_line_cb)(void *arg, const struct ts_line *row);

/* The PAL's week starting week_start, made (open) if there is none yet;
 * calling it twice gives the same week.  PD_NOT_FOUND: no such PAL. */
enum pd_status db_week_get_or_create(struct db *db, int64_t pal_id,
    const char *week_start, struct ts_week *out, struct pd_err *err);

/* Week week_id into *out, or PD_NOT_FOUND. */
enum pd_status db_week_get(struct db *db, int64_t week_id,
    struct ts_week *out, struct pd_err *err);

/* Move w to status st if nobody saved it since w->version was read;
 * stamps submitted/approved with `by` and the time (back to open clears
 * both; back to submitted clears approved).  Updates *w.  PD_CONFLICT
 * or PD_NOT_FOUND. */
enum pd_status db_week_set_status(struct db *db, struct ts_week *w,
    enum week_status st, int64_t by, struct pd_err *err);

/* Every PAL's week that starts on week_start, by PAL login. */
enum pd_status db_week_list(struct db *db, const char *week_start,
    db_week_cb cb, void *arg, struct pd_err *err);

/* Insert l into week l->week_id; l->pal_id is taken from the week.
 * Sets l->id, l->pal_id, l->version = 1.  PD_NOT_FOUND: no such week;
 * PD_DUPLICATE: the session (or supervision, training) has a line. */
enum pd_status db_line_insert(struct db *db, struct ts_line *l, int64_t by,
    struct pd_err *err);

/* Save l (date, minutes, kind, client, links, note) if nobody saved it
 * since l->version was read; bumps l->version.  PD_CONFLICT or
 * PD_NOT_FOUND.  The line stays in its week. */
enum pd_status db_line_update(struct db *db, struct ts_line *l, int64_t by,
    struct pd_err *err);

/* Remove line id.  PD_NOT_FOUND when there is none. */
enum pd_status db_line_delete(struct db *db, int64_t id,
    struct pd_err *err);

/* Line id into *out (caller finis it), or PD_NOT_FOUND. */
enum pd_status db_line_get(struct db *db, int64_t id, struct ts_line *out,
    struct pd_err *err);

/* The line made for session_id into *out, or PD_NOT_FOUND. */
enum pd_status db_line_by_session(struct db *db, int64_t session_id,
    struct ts_line *out, struct pd_err *err);

/* The week's lines by date, then as entered. */
enum pd_status db_line_list(struct db *db, int64_t week_id, db_line_cb cb,
    void *arg, struct pd_err *err);

/* The PAL's minutes on lines dated from..to (inclusive): by kind, in all,
 * and by the hourly rate in force on each line's date (-1: none).
 * PD_LIMIT when there are more than WEEK_BANDS_MAX rates in the range. */
enum pd_status db_week_totals(struct db *db, int64_t pal_id,
    const char *from, const char *to, struct week_totals *out,
    struct pd_err *err);

#endif
