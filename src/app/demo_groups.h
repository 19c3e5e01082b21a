/* demo_groups.h - the demo organisation's groups (private to app/). */
#ifndef PEERDESK_APP_DEMO_GROUPS_H
#define PEERDESK_APP_DEMO_GROUPS_H

#include <stdint.h>

#include "peerdesk/db/db.h"
#include "peerdesk/model/date.h"

/* The walking group (Thursdays 13:30, since January, run by walk_pal)
 * and the communal meal (Wednesday evenings at the café, run by staff_id
 * and meal_pal), each meeting with its register and the PALs' paid
 * lines (weeks start on week_wd); goals about the walking group name
 * it; some reviews carry words the client lets us quote.  All in the
 * caller's transaction, from a fixed seed. */
enum pd_status demo_groups(struct db *db, pd_date today, pd_date start,
    int week_wd, int64_t by, int64_t staff_id, int64_t walk_pal,
    int64_t meal_pal, struct pd_err *err);

#endif
