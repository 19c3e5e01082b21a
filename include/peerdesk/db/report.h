/* report.h - the weekly hours summary, and contracted against delivered
 * hours.  Manager reports: no scope_pal; app/ decides who may run them.
 */
#ifndef PEERDESK_DB_REPORT_H
#define PEERDESK_DB_REPORT_H

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/assignment.h"
#include "peerdesk/model/timesheet.h"

/* Callbacks: row is borrowed for the call; return nonzero to stop.
 * They must not call the same db_* report function again. */
typedef int (*db_report_cb)(void *arg, const struct report_row *row);
typedef int (*db_delivery_cb)(void *arg, const struct delivery_row *row);

/* One row per PAL, sorted by login: every active PAL (all zero when they
 * have no lines) and anyone else with lines dated from..to.  Totals are
 * as db_week_totals gives them; week_id/week_status are those of the
 * PAL's timesheet week starting on `from`, if any.  One query, driven by
 * the date index on timesheet_line.  PD_LIMIT: a PAL has more than
 * WEEK_BANDS_MAX rates in the range. */
enum pd_status db_report_week(struct db *db, const char *from,
    const char *to, db_report_cb cb, void *arg, struct pd_err *err);

/* One row per assignment active on some day in from..to (started on or
 * before `to`, ended_on empty or after `from`), by client, then worker:
 * contracted minutes a week and the minutes of done sessions the worker
 * had with the client dated from..to. */
enum pd_status db_contracted_vs_delivered(struct db *db, const char *from,
    const char *to, db_delivery_cb cb, void *arg, struct pd_err *err);

#endif
