/* scope.h - the date the data layer takes as "today".
 *
 * A PAL's view (scope_pal) and "active" assignments depend on today: an
 * assignment is active while ended_on is empty or later than today.
 * Queries that are not given a date read it from here.
 */
#ifndef PEERDESK_DB_SCOPE_H
#define PEERDESK_DB_SCOPE_H

/* From now on the data layer takes ymd ("YYYY-MM-DD") as today; NULL
 * or "" goes back to the system's local date.  Call it where --today
 * or PEERDESK_TODAY is handled (one process-wide value). */
void db_scope_set_today(const char *ymd);

/* Today as the data layer sees it, into buf; returns buf. */
char *db_scope_today(char buf[11]);

#endif
