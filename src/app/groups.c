/* groups.c - groups and drop-ins: who may see them, adding and listing
 * them, their facilitators, goals and quotes (app/groups.h).  Meetings
 * are in group_meeting.c, their registers in group_register.c. */
#include "peerdesk/app/groups.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "peerdesk/app/access.h"
#include "peerdesk/core/str.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/group.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/today.h"
#include "app_priv.h"
#include "group_priv.h"

void
group_detail_fini(struct group_detail *d)
{
	size_t i;

	group_row_fini(&d->row);
	for (i = 0; i < d->nmeetings; i++)
		group_meeting_fini(&d->meetings[i]);
	free(d->meetings);
	group_regulars_free(d->regulars, d->nregulars);
	memset(d, 0, sizeof *d);
}

/* A PAL sees only the groups they facilitate; the same words whether
 * the group is missing or not theirs. */
enum pd_status
groups_may_see(struct app *app, int64_t id, struct pd_err *err)
{
	struct group_row r;
	enum pd_status st;

	if (app_actor_is_pal(app) &&
	    !db_group_is_facilitator(app->db, id, access_staff_id(app))) {
		access_refused(app, "client_group", id, 0, "see a group");
		return pd_fail(err, PD_DENIED, NULL, "there is no group %lld, "
		    "or it is not one of yours", (long long)id);
	}
	memset(&r, 0, sizeof r);
	st = db_group_get(app->db, id, &r, err);
	group_row_fini(&r);
	return st;
}

enum pd_status
app_groups_list(struct app *app, bool all, struct group_row **out,
    size_t *n, struct pd_err *err)
{
	enum pd_status st;

	*out = NULL;
	*n = 0;
	if ((st = app_require(app, APP_ANYONE, "see the groups", err))
	    != PD_OK)
		return st;
	return db_group_list(app->db, app_actor_is_pal(app) ?
	    access_staff_id(app) : 0, all, out, n, err);
}

enum pd_status
app_group_find(struct app *app, const char *what, int64_t *id,
    struct pd_err *err)
{
	enum pd_status st;
	const char *p;

	if ((st = app_require(app, APP_ANYONE, "see the groups", err))
	    != PD_OK)
		return st;
	if (what == NULL || *what == '\0')
		return pd_fail(err, PD_INVALID, "group", "say which group");
	for (p = what; isdigit((unsigned char)*p); p++)
		;
	if (*p == '\0')
		*id = strtoll(what, NULL, 10);
	else if ((st = db_group_by_name(app->db, what, id, err)) != PD_OK) {
		if (st == PD_NOT_FOUND && app_actor_is_pal(app))
			return pd_fail(err, PD_DENIED, NULL, "there is no group "
			    "called \"%s\", or it is not one of yours", what);
		return st;
	}
	return groups_may_see(app, *id, err);
}

enum pd_status
app_group_get(struct app *app, int64_t id, int limit,
    struct group_detail *out, struct pd_err *err)
{
	enum pd_status st;

	memset(out, 0, sizeof *out);
	if ((st = app_require(app, APP_ANYONE, "see a group", err)) != PD_OK)
		return st;
	if ((st = groups_may_see(app, id, err)) != PD_OK)
		return st;
	st = db_group_get(app->db, id, &out->row, err);
	if (st == PD_OK)
		st = db_group_meetings(app->db, id, limit, &out->meetings,
		    &out->nmeetings, err);
	if (st == PD_OK)
		st = db_group_regulars(app->db, id, access_scope(app),
		    &out->regulars, &out->nregulars, err);
	if (st != PD_OK)
		group_detail_fini(out);
	return st;
}

/* staff_id is an active PAL or member of staff; *out (may be NULL) gets
 * the record. */
enum pd_status
groups_staff_ok(struct app *app, int64_t staff_id, struct staff *out,
    struct pd_err *err)
{
	struct staff s;
	enum pd_status st;

	memset(&s, 0, sizeof s);
	st = db_staff_get(app->db, staff_id, &s, NULL);
	if (st == PD_NOT_FOUND || (st == PD_OK && !s.active)) {
		staff_fini(&s);
		return pd_fail(err, PD_INVALID, "facilitator", "there is no "
		    "PAL or member of staff %lld", (long long)staff_id);
	}
	if (st != PD_OK)
		return pd_fail(err, st, NULL, "could not read staff %lld",
		    (long long)staff_id);
	if (out != NULL)
		*out = s;
	else
		staff_fini(&s);
	return PD_OK;
}

enum pd_status
app_group_add(struct app *app, struct group *g, const int64_t *fac,
    size_t nfac, struct pd_err *err)
{
	struct strbuf sum = STRBUF_INIT;
	enum pd_status st;
	int64_t other;
	size_t i;
	int t;

	if ((st = app_require(app, APP_STAFF, "add a group", err)) != PD_OK)
		return st;
	if (g->name == NULL || str_blank(g->name))
		return pd_fail(err, PD_INVALID, "name", "please give the group "
		    "a name");
	if (group_kind_str(g->kind) == NULL)
		return pd_fail(err, PD_INVALID, "kind", "the kind should be "
		    "walk, meal, drop-in, peer group or course");
	if (g->usual_day < 0 || g->usual_day > 7)
		return pd_fail(err, PD_INVALID, "day", "the day should be "
		    "Monday to Sunday");
	if (g->usual_time[0] != '\0') {
		if (date_hhmm_parse(g->usual_time, &t, NULL) != PD_OK)
			return pd_fail(err, PD_INVALID, "time", "the time "
			    "should look like 13:30");
		date_hhmm_format(t, g->usual_time);
	}
	if (db_group_by_name(app->db, g->name, &other, NULL) == PD_OK)
		return pd_fail(err, PD_INVALID, "name", "there is already a "
		    "group called \"%s\" (number %lld)", g->name,
		    (long long)other);
	for (i = 0; i < nfac; i++)
		if ((st = groups_staff_ok(app, fac[i], NULL, err)) != PD_OK)
			return st;
	g->active = true;
	if ((st = db_begin(app->db, err)) != PD_OK)
		return st;
	st = db_group_insert(app->db, g, access_staff_id(app), err);
	for (i = 0; st == PD_OK && i < nfac; i++)
		st = db_group_facilitator_add(app->db, g->id, fac[i], err);
	if (st == PD_OK) {
		strbuf_addf(&sum, "added the group %s (%s)", g->name,
		    group_kind_label(g->kind));
		st = app_audit(app, "create", "client_group", g->id, 0,
		    strbuf_str(&sum), NULL, NULL, NULL, err);
		strbuf_fini(&sum);
	}
	if (st == PD_OK)
		return db_commit(app->db, err);
	db_rollback(app->db);
	g->id = 0;
	return st;
}

enum pd_status
app_group_facilitator_add(struct app *app, int64_t group_id,
    int64_t staff_id, struct pd_err *err)
{
	enum pd_status st;
	char sum[96];

	if ((st = app_require(app, APP_STAFF, "change who runs a group",
	    err)) != PD_OK)
		return st;
	if ((st = groups_may_see(app, group_id, err)) != PD_OK)
		return st;
	if ((st = groups_staff_ok(app, staff_id, NULL, err)) != PD_OK)
		return st;
	if ((st = db_begin(app->db, err)) != PD_OK)
		return st;
	st = db_group_facilitator_add(app->db, group_id, staff_id, err);
	snprintf(sum, sizeof sum, "staff %lld runs group %lld",
	    (long long)staff_id, (long long)group_id);
	if (st == PD_OK)
		st = app_audit(app, "update", "client_group", group_id, 0, sum,
		    NULL, NULL, NULL, err);
	return app_finish(app, st, err);
}

enum pd_status
app_group_set_active(struct app *app, int64_t id, int active,
    struct pd_err *err)
{
	struct group_row r;
	enum pd_status st;
	char sum[160];

	if ((st = app_require(app, APP_STAFF, active ? "start a group again" :
	    "mark a group no longer running", err)) != PD_OK)
		return st;
	memset(&r, 0, sizeof r);
	if ((st = db_group_get(app->db, id, &r, err)) != PD_OK)
		return st;
	if ((r.g.active != 0) == (active != 0)) {
		st = pd_fail(err, PD_INVALID, NULL, active ? "%s is already "
		    "running" : "%s is already marked no longer running",
		    r.g.name);
		group_row_fini(&r);
		return st;
	}
	snprintf(sum, sizeof sum, active ? "started the group %s again" :
	    "marked the group %s no longer running", r.g.name);
	group_row_fini(&r);
	if ((st = db_begin(app->db, err)) != PD_OK)
		return st;
	st = db_group_set_active(app->db, id, active, err);
	if (st == PD_OK)
		st = app_audit(app, "update", "client_group", id, 0, sum,
		    active ? "no longer running" : "running",
		    active ? "running" : "no longer running", NULL, err);
	return app_finish(app, st, err);
}

enum pd_status
app_client_groups(struct app *app, int64_t client_id, struct group_row **out,
    size_t *n, struct pd_err *err)
{
	enum pd_status st;

	*out = NULL;
	*n = 0;
	if ((st = app_require(app, APP_ANYONE, "see a client's groups", err))
	    != PD_OK)
		return st;
	if ((st = access_client(app, client_id, "see a client's groups", err))
	    != PD_OK)
		return st;
	return db_group_of_client(app->db, client_id, out, n, err);
}

enum pd_status
app_goal_group_set(struct app *app, int64_t goal_id, int64_t group_id,
    struct pd_err *err)
{
	struct group_row r;
	int64_t client_id = 0, was = 0;
	enum pd_status st;
	char sum[96];

	if ((st = app_require(app, APP_ANYONE, "change a goal", err)) != PD_OK)
		return st;
	if ((st = db_group_goal_get(app->db, goal_id, &client_id, &was, err))
	    != PD_OK) {
		if (st == PD_NOT_FOUND && app_actor_is_pal(app))
			return pd_fail(err, PD_DENIED, NULL, "there is no goal "
			    "%lld, or it is not of one of your clients",
			    (long long)goal_id);
		return st;
	}
	if ((st = access_client(app, client_id, "change a goal", err))
	    != PD_OK)
		return st;
	if (group_id != 0) {
		memset(&r, 0, sizeof r);
		st = db_group_get(app->db, group_id, &r, err);
		group_row_fini(&r);
		if (st != PD_OK)
			return st;
	}
	if ((st = db_begin(app->db, err)) != PD_OK)
		return st;
	st = db_group_goal_set(app->db, goal_id, group_id, err);
	if (group_id != 0)
		snprintf(sum, sizeof sum, "goal %lld names group %lld",
		    (long long)goal_id, (long long)group_id);
	else
		snprintf(sum, sizeof sum, "goal %lld names no group",
		    (long long)goal_id);
	if (st == PD_OK)
		st = app_audit(app, "update", "plan_goal", goal_id, client_id,
		    sum, NULL, NULL, NULL, err);
	return app_finish(app, st, err);
}

enum pd_status
app_quote_set(struct app *app, bool is_review, int64_t id, bool on,
    struct pd_err *err)
{
	int64_t client_id = 0;
	enum pd_status st;
	char sum[96];

	if ((st = app_require(app, APP_STAFF, "mark words as ones the client "
	    "lets us quote", err)) != PD_OK)
		return st;
	if ((st = db_begin(app->db, err)) != PD_OK)
		return st;
	st = db_quote_set(app->db, is_review, id, on, &client_id, err);
	snprintf(sum, sizeof sum, "%s %lld %s be quoted", is_review ?
	    "review" : "plan note", (long long)id, on ? "may" : "may no longer");
	if (st == PD_OK)
		st = app_audit(app, "update", is_review ? "review" :
		    "plan_note", id, client_id, sum, NULL, NULL, NULL, err);
	return app_finish(app, st, err);
}

enum pd_status
app_group_staff_by_login(struct app *app, const char *login,
    int64_t *staff_id, struct pd_err *err)
{
	struct staff s;
	enum pd_status st;

	if ((st = app_require(app, APP_ANYONE, "look up staff", err)) != PD_OK)
		return st;
	memset(&s, 0, sizeof s);
	st = db_staff_by_login(app->db, login != NULL ? login : "", &s, NULL);
	*staff_id = s.id;
	staff_fini(&s);
	if (st == PD_NOT_FOUND)
		return pd_fail(err, PD_NOT_FOUND, "facilitator", "there is no "
		    "PAL or member of staff with the login '%s'",
		    login != NULL ? login : "");
	return st == PD_OK ? PD_OK : pd_fail(err, st, NULL,
	    "could not read the staff list");
}

bool
app_groups_any(struct app *app)
{
	struct group_row *v;
	size_t n;
	bool any;

	if (!app_actor_is_pal(app))
		return true;
	if (db_group_list(app->db, access_staff_id(app), 0, &v, &n, NULL)
	    != PD_OK)
		return false;
	any = n > 0;
	group_rows_free(v, n);
	return any;
}
