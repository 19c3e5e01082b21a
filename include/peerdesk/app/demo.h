/* demo.h - a believable demo organisation, generated.
 *
 * The same seed gives the same organisation: names, plans, sessions and
 * timesheets all come from a fixed pseudo-random sequence, laid out so
 * that the story ends "today" (app_today()).
 */
#ifndef PEERDESK_APP_DEMO_H
#define PEERDESK_APP_DEMO_H

#include "peerdesk/app/app.h"

enum demo_scale {
	DEMO_SMALL,	/* ~48 clients, 18 PALs, two years */
	DEMO_LARGE	/* ~2,000 clients, 300 PALs, ten years, ~1.5M sessions */
};

struct demo_stats {
	int staff, pals, clients, assignments, reviews, plans, goals;
	long sessions, lines, weeks;
	double seconds;
};

/* Fill an empty database with a demo organisation, in one transaction.
 * PD_DUPLICATE when the database already has clients or PALs (nothing
 * is changed).  The Unix user running it is added as a manager so the
 * demo opens for them.  Only the system or a manager may do this. */
enum pd_status app_demo_create(struct app *app, enum demo_scale scale,
    struct demo_stats *stats, struct pd_err *err);

/* Make a new database at app->db_path (app has its settings loaded and
 * no database open) holding the demo organisation.  It is built in a
 * temporary file beside it (journal in memory, no syncs: fast), synced
 * and renamed into place only when whole, so an interrupted demo leaves
 * no database or a whole one; then shared with the group as init does.
 * PD_DUPLICATE, nothing changed, when there is a file there already.
 * The person running it becomes a manager of the demo. */
enum pd_status app_demo_build(struct app *app, enum demo_scale scale,
    struct demo_stats *stats, struct pd_err *err);

/* Parse "small" / "large". 0 on success, -1 otherwise. */
int demo_scale_parse(const char *s, enum demo_scale *out);

#endif
