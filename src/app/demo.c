/* demo.c - generate a demo organisation (see demo.h): the seeded
 * people, clients and weeks in order, and putting the database in
 * place.  The parts are demo_common.c (randomness, weeks, paid lines),
 * demo_people.c, demo_clients.c, demo_plans.c and demo_groups.c. */
#include "peerdesk/app/demo.h"

#include "peerdesk/app/access.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app_priv.h"
#include "dbfile_priv.h"
#include "demo_data.h"
#include "peerdesk/app/privilege.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/assignment.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/clientstory.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/funding.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/plan.h"
#include "peerdesk/db/referral.h"
#include "peerdesk/db/review.h"
#include "peerdesk/db/session.h"
#include "peerdesk/db/shortlist.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/db/summary.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/review.h"
#include "peerdesk/model/rules.h"
#include "peerdesk/model/week.h"
#include "demo_groups.h"
#include "demo_common_priv.h"


static enum pd_status
demo_week_statuses(struct demo *d, struct pd_err *err)
{
	int p, w, waiting = 0;
	int last = demo_week_index(d, d->today) - 1;
	enum pd_status s;

	for (p = 0; p < d->npals; p++)
		for (w = 0; w <= last && w < d->nweeks; w++) {
			int64_t id = d->week_ids[(size_t)p * d->nweeks + w];
			struct ts_week wk;
			enum week_status to;

			if (id == 0)
				continue;
			if (w < last)
				to = WEEK_APPROVED;
			else if (waiting < 3) {
				to = WEEK_SUBMITTED;
				waiting++;
			} else
				continue;
			if ((s = db_week_get(d->db, id, &wk, err)) != PD_OK)
				return s;
			if (to == WEEK_APPROVED &&
			    (s = db_week_set_status(d->db, &wk, WEEK_SUBMITTED,
			    d->pals[p].id, err)) != PD_OK)
				return s;
			if ((s = db_week_set_status(d->db, &wk, to,
			    to == WEEK_SUBMITTED ? d->pals[p].id : d->manager_id,
			    err)) != PD_OK)
				return s;
		}
	return PD_OK;
}

int
demo_scale_parse(const char *s, enum demo_scale *out)
{
	if (strcmp(s, "small") == 0)
		*out = DEMO_SMALL;
	else if (strcmp(s, "large") == 0)
		*out = DEMO_LARGE;
	else
		return -1;
	return 0;
}

static enum pd_status
demo_fill(struct demo *d, struct pd_err *err)
{
	char login[64], me[128];
	enum pd_status s;
	int64_t id;
	int i, nclients;

	if ((s = demo_staff(d, "priya", "Priya Shah", ROLE_MANAGER,
	    &d->manager_id, err)) != PD_OK)
		return s;
	if ((s = demo_staff(d, "dee", "Dee Walsh (Operations Manager)",
	    ROLE_OFFICE, &d->ops_id, err)) != PD_OK)
		return s;
	if ((s = demo_staff(d, "sam", "Sam Carter", ROLE_OFFICE, &id, err)) != PD_OK)
		return s;
	/* whoever runs the demo can open it as a manager */
	if (app_unix_login(login, sizeof login) == 0 &&
	    strcmp(login, "priya") != 0 && strcmp(login, "dee") != 0 &&
	    strcmp(login, "sam") != 0) {
		snprintf(me, sizeof me, "You (%s)", login);
		if ((s = demo_staff(d, login, me, ROLE_MANAGER, &id, err)) != PD_OK)
			return s;
	}
	for (i = 0; i < d->npals; i++)
		if ((s = demo_pal(d, i, err)) != PD_OK)
			return s;
	for (i = 0; i < d->npals; i++)
		if ((s = demo_pal_work(d, i, err)) != PD_OK)
			return s;
	nclients = d->scale == DEMO_SMALL ? 48 : 2000;
	for (i = 0; i < nclients; i++)
		if ((s = demo_client(d, i, nclients, err)) != PD_OK)
			return s;
	/* Grace (Universal Credit: no limit) leads the walks; Owen (no
	 * benefit) cooks with the Operations Manager. */
	if (d->scale == DEMO_SMALL && (s = demo_groups(d->db, d->today,
	    d->start, d->week_wd, d->manager_id, d->ops_id, d->pals[2].id,
	    d->pals[11].id, err)) != PD_OK)
		return s;
	return demo_week_statuses(d, err);
}

enum pd_status
app_demo_create(struct app *app, enum demo_scale scale,
    struct demo_stats *stats, struct pd_err *err)
{
	struct demo d;
	struct db_summary sum;
	enum pd_status s;
	struct timespec t0, t1;
	char today[11];

	if ((s = app_require(app, APP_MANAGER, "create a demo organisation",
	    err)) != PD_OK)
		return s;
	if ((s = db_summary(app->db, &sum, err)) != PD_OK)
		return s;
	if (sum.clients > 0 || sum.pals_active > 0)
		return pd_fail(err, PD_DUPLICATE, NULL,
		    "this database already has clients or PALs; the demo "
		    "needs an empty one (nothing was changed)");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(stats, 0, sizeof *stats);
	memset(&d, 0, sizeof d);
	d.app = app;
	d.db = app->db;
	d.scale = scale;
	d.st = stats;
	d.rng = scale == DEMO_SMALL ? 20240401u : 19820310u;
	app_today(today);
	date_parse(today, &d.today, NULL);
	d.week_wd = app->settings->week_start;
	d.start = date_add_days(d.today, scale == DEMO_SMALL ? -730 : -3652);
	d.this_week = week_start_of(d.today, d.week_wd);
	d.nweeks = demo_week_index(&d, d.today) + 2;
	d.npals = scale == DEMO_SMALL ? (int)NELEM(demo_pal_seeds) : 300;
	d.pals = xcalloc((size_t)d.npals, sizeof *d.pals);
	d.minutes = xcalloc((size_t)d.npals * d.nweeks, sizeof *d.minutes);
	d.week_ids = xcalloc((size_t)d.npals * d.nweeks, sizeof *d.week_ids);

	db_fresh_begin(app->db);
	s = db_begin(app->db, err);
	if (s == PD_OK)
		s = demo_fill(&d, err);
	if (s == PD_OK)
		s = app_audit(app, "create", "demo", 0, 0,
		    scale == DEMO_SMALL ? "created the small demo organisation" :
		    "created the large demo organisation", NULL, NULL, NULL, err);
	s = app_finish(app, s, err);
	db_fresh_end(app->db);
	free(d.pals);
	free(d.minutes);
	free(d.week_ids);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	stats->seconds = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	return s;
}


static enum pd_status
demo_lstat(const char *path, bool *exists, struct pd_err *err)
{
	struct stat st;

	*exists = lstat(path, &st) == 0;
	if (!*exists && errno != ENOENT)
		return pd_fail(err, PD_IO, NULL, "cannot look at %s: %s", path,
		    strerror(errno));
	return PD_OK;
}

/* The finished file: opened once as every open does (WAL), so it and
 * its -wal and -shm are shared with the group exactly as init does. */
static enum pd_status
demo_share(const char *path, struct pd_err *err)
{
	struct db *db = NULL;
	enum pd_status s = db_open(path, DB_OPEN_EXISTING, &db, err);

	if (s == PD_OK)
		s = privilege_share_db(path, err);
	db_close(&db);
	return s;
}

/* Open the database at path (the group up) when it holds no clients and
 * no PALs, as `peerdesk init` leaves it; else PD_DUPLICATE, nothing
 * changed. */
static enum pd_status
demo_open_empty(const char *path, struct db **out, struct pd_err *err)
{
	struct db_summary sum;
	enum pd_status s;

	*out = NULL;
	PRIVILEGE_RAISED(s, db_open(path, DB_OPEN_EXISTING, out, err));
	if (s == PD_OK)
		s = db_summary(*out, &sum, err);
	if (s == PD_OK && (sum.clients > 0 || sum.pals_active > 0))
		s = pd_fail(err, PD_DUPLICATE, NULL, "there is already a "
		    "database with clients or PALs at %s; the demo needs an "
		    "empty one (as `peerdesk init` makes), so nothing was "
		    "changed. Name a new file with --db, or move that one "
		    "away first.", path);
	if (s != PD_OK)
		db_close(out);
	return s;
}

/* Move the empty database at path (and its -wal, -shm) out of the way
 * for the demo that copied it, then remove it. */
static enum pd_status
demo_replace(const char *path, struct pd_err *err)
{
	char *aside = xasprintf("%s.before-demo", path);
	enum pd_status s;
	int moved = 0;

	dbfile_remove(aside);
	s = dbfile_set_aside(path, aside, &moved, err);
	if (s == PD_OK && moved)
		dbfile_remove(aside);
	free(aside);
	return s;
}

enum pd_status
app_demo_build(struct app *app, enum demo_scale scale,
    struct demo_stats *stats, struct pd_err *err)
{
	struct db *db = NULL, *old = NULL;
	char *tmp = NULL;
	enum pd_status s;
	int fd = -1;
	bool exists = false;

	memset(stats, 0, sizeof *stats);
	PRIVILEGE_RAISED(s, demo_lstat(app->db_path, &exists, err));
	if (s != PD_OK)
		return s;
	/* A database `peerdesk init` made (staff only) may be filled: the
	 * demo starts from a copy of it and replaces it whole. */
	if (exists && (s = demo_open_empty(app->db_path, &old, err)) != PD_OK)
		return s;
	PRIVILEGE_RAISED(s, dbfile_temp(app->db_path, "demo", &fd, &tmp, err));
	if (s != PD_OK) {
		db_close(&old);
		return s;
	}
	PRIVILEGE_RAISED(s, db_open(tmp, DB_OPEN_SCRATCH, &db, err));
	if (s == PD_OK && old != NULL)
		s = db_copy(old, db, err);
	else if (s == PD_OK)
		s = db_migrate_to(db, db_schema_latest(), err);
	db_close(&old);
	if (s == PD_OK) {
		/* a new file of this process: whoever makes it fills it, and
		 * becomes its manager (as with init) */
		char login[64];

		app->db = db;
		access_set_system(app, app_unix_login(login, sizeof login) ==
		    0 ? login : NULL);
		s = app_demo_create(app, scale, stats, err);
		app->db = NULL;
		access_set_nobody(app, app_unix_login(login, sizeof login) ==
		    0 ? login : NULL);
	}
	db_close(&db);
	if (s == PD_OK)
		s = dbfile_sync_close(fd, tmp, err);
	else
		close(fd);
	if (s == PD_OK && exists)
		PRIVILEGE_RAISED(s, demo_replace(app->db_path, err));
	if (s == PD_OK)
		PRIVILEGE_RAISED(s, dbfile_place(tmp, app->db_path, err));
	if (s == PD_OK)
		PRIVILEGE_RAISED(s, demo_share(app->db_path, err));
	else if (privilege_raise(NULL) == PD_OK) {
		dbfile_remove(tmp);
		(void)privilege_lower(NULL);
	}
	free(tmp);
	return s;
}
