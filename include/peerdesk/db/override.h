/* override.h - the manager's agreement to let a PAL's week go over a
 * permitted-work limit, with the reason.  Functions work inside the
 * caller's transaction; app/ decides who may agree.
 */
#ifndef PEERDESK_DB_OVERRIDE_H
#define PEERDESK_DB_OVERRIDE_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"

/* One agreement; strings are valid only during a list callback. */
struct limit_override_row {
	int64_t id;
	int64_t pal_id;
	char week_start[11];
	const char *reason;
	int64_t agreed_by;
	const char *agreed_by_name;	/* NULL when unknown */
	int64_t line_id;		/* 0 = no line (or it was removed) */
	char created_at[21];
};

/* Record that agreed_by agreed to pal_id's week starting week_start going
 * over a limit, for line_id (0 = none yet).  *id (may be NULL) gets the
 * new id.  PD_INVALID for a blank reason; PD_NOT_FOUND for no such PAL,
 * manager or line. */
enum pd_status db_override_insert(struct db *db, int64_t pal_id,
    const char *week_start, const char *reason, int64_t agreed_by,
    int64_t line_id, int64_t *id, struct pd_err *err);

/* Tie agreement id to line_id (once the line exists). */
enum pd_status db_override_set_line(struct db *db, int64_t id,
    int64_t line_id, struct pd_err *err);

/* The agreements for pal_id's week starting week_start, oldest first;
 * cb returns nonzero to stop. */
enum pd_status db_override_list(struct db *db, int64_t pal_id,
    const char *week_start,
    int (*cb)(void *arg, const struct limit_override_row *row), void *arg,
    struct pd_err *err);

#endif
