/* palplan.h - a PAL's Wellness and Development Plan: every save is a new
 * version (table pal_plan_version), so nothing is ever overwritten.
 *
 * Functions work inside the caller's transaction.  Who may see a PAL's
 * plan (that PAL and managers) is decided by app/, not here.
 */
#ifndef PEERDESK_DB_PALPLAN_H
#define PEERDESK_DB_PALPLAN_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/plandoc.h"

/* List callback: row is borrowed for the call; return nonzero to stop.
 * It must not call db_pal_plan_list again. */
typedef int (*db_pal_plan_cb)(void *arg, const struct pal_plan *row);

/* The number of the PAL's newest version into *out (0 when none).
 * PD_NOT_FOUND when pal_id is not a PAL. */
enum pd_status db_pal_plan_current(struct db *db, int64_t pal_id, int *out,
    struct pd_err *err);

/* Save p as version expected + 1 of PAL p->pal_id, by `by`, at moment
 * p->saved_at ("" = now), if the newest version is still `expected`;
 * sets p->version_no, p->saved_by and p->saved_at.  PD_CONFLICT (naming who saved the newer version and
 * when; nothing written) or PD_NOT_FOUND (not a PAL). */
enum pd_status db_pal_plan_insert(struct db *db, struct pal_plan *p,
    int expected, int64_t by, struct pd_err *err);

/* Version version_no (0 = the newest) into *out, with the saver's
 * name (caller finis it).  PD_NOT_FOUND when there is no such version. */
enum pd_status db_pal_plan_get(struct db *db, int64_t pal_id,
    int version_no, struct pal_plan *out, struct pd_err *err);

/* Every version of the PAL's plan, newest first, with savers' names. */
enum pd_status db_pal_plan_list(struct db *db, int64_t pal_id,
    db_pal_plan_cb cb, void *arg, struct pd_err *err);

#endif
