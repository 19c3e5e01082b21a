/* weekpay.h - after approval: changes to approved weeks kept as
 * adjustments, and weeks marked paid (status 'locked').  Works inside the
 * caller's transaction.  Rules (who may, and when) are in app/weekpay.c.
 */
#ifndef PEERDESK_DB_WEEKPAY_H
#define PEERDESK_DB_WEEKPAY_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/timesheet.h"

/* A change to an approved or paid week. */
struct week_adjust_row {
	int64_t id;
	int64_t pal_id;
	char week_start[11];	/* the week that was changed */
	char made_on[11];	/* the day it was changed */
	enum week_status status;	/* the week's status then */
	int minutes_before, minutes_after;
	int64_t gross_before, gross_after;	/* pence */
	const char *reason;
	int64_t made_by;
	const char *made_by_name;	/* read only */
	const char *pal_login;		/* read only; NULL when none */
	const char *pal_name;		/* read only */
	char created_at[21];
};

/* Keep a change (a->id is set). */
enum pd_status db_adjust_insert(struct db *db, struct week_adjust_row *a,
    struct pd_err *err);

/* Every change made from `from` to `to` (dates, both included), by day
 * then PAL.  Strings valid only during cb; cb returns nonzero to stop. */
enum pd_status db_adjust_made(struct db *db, const char *from,
    const char *to,
    int (*cb)(void *arg, const struct week_adjust_row *row), void *arg,
    struct pd_err *err);

/* Every change to pal_id's week starting week_start, oldest first. */
enum pd_status db_adjust_for_week(struct db *db, int64_t pal_id,
    const char *week_start,
    int (*cb)(void *arg, const struct week_adjust_row *row), void *arg,
    struct pd_err *err);

/* Mark an approved week paid: status 'locked', paid_at now, paid_by by.
 * PD_CONFLICT when the week is not approved (any more). */
enum pd_status db_week_set_paid(struct db *db, int64_t week_id, int64_t by,
    struct pd_err *err);

/* Who marked the week paid and when ("" and 0 when not paid). */
enum pd_status db_week_paid_info(struct db *db, int64_t week_id,
    char paid_at[21], int64_t *paid_by, struct pd_err *err);

/* Every approved (not yet paid) week whose first day is on or before
 * last_start, oldest first, then by PAL; pal_id 0 = every PAL.  cb gets
 * the week id, the PAL and the first day. */
enum pd_status db_weeks_approved_upto(struct db *db, const char *last_start,
    int64_t pal_id,
    int (*cb)(void *arg, int64_t week_id, int64_t pal_id,
    const char *week_start), void *arg, struct pd_err *err);

/* A PAL-week in a range (db_weeks_between); strings valid only during
 * the call. */
struct week_between_row {
	int64_t week_id;
	int64_t pal_id;
	char week_start[11];
	enum week_status status;
	const char *login;	/* NULL when none */
	const char *name;
};

/* Every PAL's week whose first day is from `from` to `to` (both
 * included), by week, then login and name. */
enum pd_status db_weeks_between(struct db *db, const char *from,
    const char *to,
    int (*cb)(void *arg, const struct week_between_row *row), void *arg,
    struct pd_err *err);

#endif
