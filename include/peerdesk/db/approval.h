/* approval.h - timesheet weeks waiting for the manager's approval.
 * Works inside the caller's transaction (or none, for reads). */
#ifndef PEERDESK_DB_APPROVAL_H
#define PEERDESK_DB_APPROVAL_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/timesheet.h"

/* A submitted week with its PAL; strings valid only during the call. */
struct approval_row {
	struct ts_week week;
	const char *pal_login;		/* NULL when the PAL has none */
	const char *pal_name;
	int minutes;			/* every line of the week */
	int lines;
};

/* Every submitted week, oldest week first, then by PAL login.  cb
 * returns nonzero to stop. */
enum pd_status db_week_waiting(struct db *db,
    int (*cb)(void *arg, const struct approval_row *row), void *arg,
    struct pd_err *err);

#endif
