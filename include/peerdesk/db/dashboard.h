/* dashboard.h - small counts for the dashboard that the aggregates do
 * not give cheaply (db_summary counts every table; this reads only the
 * timesheet weeks). */
#ifndef PEERDESK_DB_DASHBOARD_H
#define PEERDESK_DB_DASHBOARD_H

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"

/* Timesheet weeks submitted and waiting for approval, every PAL's. */
enum pd_status db_weeks_waiting(struct db *db, int *n, struct pd_err *err);

#endif
