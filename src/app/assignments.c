/* assignments.c - starting support, the review, change of PAL, the end;
 * and the helpers every assignment file shares (assign_priv.h). */
#include "peerdesk/app/assignments.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_priv.h"
#include "assign_priv.h"
#include "peerdesk/app/access.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/str.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/assignment.h"
#include "peerdesk/db/clientstory.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/plan.h"
#include "peerdesk/db/planquery.h"
#include "peerdesk/db/review.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/hours.h"
#include "peerdesk/model/today.h"
#include "time_priv.h"

/* ---- shared helpers (assign_priv.h) ---------------------------------- */

int64_t
assign_scope(const struct app *app)
{
	return access_scope(app);
}

bool
assign_is_manager(const struct app *app)
{
	return app_actor_is_manager(app);
}

enum pd_status
assign_date_or_today(const char *in, char out[11], const char *field,
    const char *what, struct pd_err *err)
{
	pd_date d;

	if (in == NULL || in[0] == '\0') {
		app_today(out);
		return PD_OK;
	}
	if (date_parse(in, &d, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, field,
		    "%s should be a date like 2026-04-06", what);
	date_format(d, out);
	return PD_OK;
}

static int
assign_count_cb(void *arg, const struct assignment *row)
{
	(void)row;
	(*(int *)arg)++;
	return 0;
}

enum pd_status
assign_caseload(struct app *app, int64_t worker_id, int *n,
    struct pd_err *err)
{
	*n = 0;
	return db_assignment_list_for_worker(app->db, worker_id, 1,
	    assign_count_cb, n, err);
}

enum pd_status
assign_pal_week(struct app *app, int64_t pal_id, const char *date,
    struct pal_week *out, struct pd_err *err)
{
	struct time_week w;
	struct hours_row row;
	enum pd_status s;
	char on[11];
	pd_date d;

	memset(out, 0, sizeof *out);
	if ((s = assign_date_or_today(date, on, "date", "The date", err))
	    != PD_OK)
		return s;
	date_parse(on, &d, NULL);
	/* the same week, sums and limits as the timesheets use */
	if ((s = time_week_load(app, pal_id, d, &w, err)) != PD_OK)
		return s;
	memcpy(out->first, w.first, sizeof out->first);
	memcpy(out->last, w.last, sizeof out->last);
	out->has_limits = w.has_limits;
	out->limits = w.lim;
	out->rule = w.rule;
	out->rate_pence = -1;
	s = db_pal_rate_on(app->db, pal_id, on, &out->rate_pence, NULL);
	if (s != PD_OK && s != PD_NOT_FOUND)
		return pd_fail(err, s, NULL, "could not read the pay rate");
	if (s == PD_NOT_FOUND)
		out->rate_pence = -1;
	if ((s = time_row(app, &w, &w.totals, &row, err)) != PD_OK)
		return s;
	out->minutes = row.minutes;
	out->pence = row.gross_pence;
	out->unrated_minutes = row.unrated_minutes;
	out->check = row.check;
	hours_row_fini(&row);
	return PD_OK;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
assign_copy(struct assignment *dst, const struct assignment *src)
{
	*dst = *src;
	dst->client_name = dup_or_null(src->client_name);
	dst->worker_name = dup_or_null(src->worker_name);
	dst->end_reason = dup_or_null(src->end_reason);
	dst->override_reason = dup_or_null(src->override_reason);
}

void
assignment_list_fini(struct assignment_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		assignment_fini(&l->v[i].a);
	FREE(&l->v);
	l->n = 0;
}

void
review_list_fini(struct review_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		review_fini(&l->v[i]);
	FREE(&l->v);
	l->n = 0;
}

/* Active on today, and where the review stands. */
static void
assign_state(const struct app *app, const struct assignment *a,
    struct assignment_item *it)
{
	pd_date today = today_get(), due, overdue, end;

	it->active = a->ended_on[0] == '\0' ||
	    (date_parse(a->ended_on, &end, NULL) == PD_OK && end > today);
	it->review = REVIEW_NONE;
	if (a->reviewed_on[0] != '\0')
		it->review = REVIEW_DONE;
	else if (it->active && date_parse(a->review_due_on, &due, NULL) ==
	    PD_OK && date_parse(a->review_overdue_on, &overdue, NULL) ==
	    PD_OK)
		it->review = review_state(today, due, overdue,
		    app->settings->review_upcoming_days, 0);
}

/* The client must exist and be in the actor's scope. */
static enum pd_status
assign_client(struct app *app, int64_t client_id, struct client *out,
    struct pd_err *err)
{
	enum pd_status s;

	memset(out, 0, sizeof *out);
	s = db_client_get(app->db, client_id, assign_scope(app), out, NULL);
	if (s == PD_NOT_FOUND)
		return pd_fail(err, s, NULL, "there is no such client, or they "
		    "are not one of yours");
	if (s != PD_OK)
		return pd_fail(err, s, NULL, "could not read the client");
	return PD_OK;
}

struct assign_find {
	int64_t worker_id;
	bool found;
};

static int
assign_find_cb(void *arg, const struct assignment *row)
{
	struct assign_find *f = arg;

	if (row->worker_id == f->worker_id)
		f->found = true;
	return f->found;
}

/* The client's plan into *plan (empty when none); refused unless it is
 * established or in->override_reason says why to go ahead. */
static enum pd_status
assign_plan_ready(struct app *app, const struct assignment_start *in,
    const struct client *c, struct plan_info *plan, struct pd_err *err)
{
	enum pd_status s;

	/* read only: a client with no plan yet has none established */
	s = db_plan_find(app->db, in->client_id, 0, plan, NULL);
	if (s == PD_NOT_FOUND) {
		memset(plan, 0, sizeof *plan);
		s = PD_OK;
	} else if (s != PD_OK)
		return pd_fail(err, s, NULL, "could not read the plan");
	if (plan->status != PLAN_ESTABLISHED &&
	    str_blank(in->override_reason))
		return pd_fail(err, PD_INVALID, "override_reason", "%s's "
		    "wellness plan is not established yet. To go ahead "
		    "anyway, please give a reason.", c->preferred_name &&
		    c->preferred_name[0] ? c->preferred_name : c->name);
	return PD_OK;
}

/* The client's story: active from the first meeting, on. */
static enum pd_status
assign_client_active(struct app *app, const struct client *c,
    const char *on, struct pd_err *err)
{
	enum pd_status s;

	s = db_status_change_insert(app->db, c->id, c->episode,
	    CLIENT_ACTIVE, on, CLOSED_NONE, NULL, access_staff_id(app),
	    err);
	if (s == PD_OK)
		s = db_client_set_status(app->db, c->id, CLIENT_ACTIVE,
		    on, CLOSED_NONE, c->episode, 0,
		    access_staff_id(app), err);
	return s;
}

enum pd_status
assign_start_tx(struct app *app, const struct assignment_start *in,
    int64_t *id, struct pd_err *err)
{
	struct client c;
	struct staff w;
	struct plan_info plan;
	struct assignment a;
	struct assign_find f = { in->worker_id, 0 };
	struct review_window rw;
	char on[11], summary[400];
	pd_date start;
	enum pd_status s;

	if ((s = assign_date_or_today(in->started_on, on, "date",
	    "The first meeting", err)) != PD_OK)
		return s;
	if (in->contracted_minutes < -1 ||
	    in->contracted_minutes > 7 * 24 * 60)
		return pd_fail(err, PD_INVALID, "contracted",
		    "that is more hours than a week has");
	memset(&w, 0, sizeof w);
	memset(&plan, 0, sizeof plan);
	if ((s = assign_client(app, in->client_id, &c, err)) != PD_OK)
		return s;
	s = db_staff_get(app->db, in->worker_id, &w, err);
	if (s == PD_OK && !w.active)
		s = pd_fail(err, PD_INVALID, "worker", "%s no longer works "
		    "here", w.name);
	if (s == PD_OK)
		s = db_assignment_list_for_client(app->db, in->client_id, 1,
		    assign_find_cb, &f, err);
	if (s == PD_OK && f.found)
		s = pd_fail(err, PD_DUPLICATE, "worker", "%s already supports "
		    "%s", w.name, c.name);
	if (s == PD_OK)
		s = assign_plan_ready(app, in, &c, &plan, err);
	if (s != PD_OK) {
		client_fini(&c);
		staff_fini(&w);
		return s;
	}
	date_parse(on, &start, NULL);
	rw = review_window_for(start, app->settings->review_due_days,
	    app->settings->review_overdue_days);
	memset(&a, 0, sizeof a);
	a.client_id = in->client_id;
	a.worker_id = in->worker_id;
	a.shortlist_id = in->shortlist_id;
	memcpy(a.started_on, on, 11);
	a.contracted_minutes_per_week = in->contracted_minutes;
	date_format(rw.due_on, a.review_due_on);
	date_format(rw.overdue_on, a.review_overdue_on);
	a.end_kind = END_NONE;
	a.override_reason = plan.status == PLAN_ESTABLISHED ||
	    str_blank(in->override_reason) ? NULL :
	    xstrdup(in->override_reason);
	a.created_by = access_staff_id(app);
	s = db_assignment_insert(app->db, &a, err);
	if (s == PD_OK && (c.status == CLIENT_REFERRED ||
	    c.status == CLIENT_INTAKE || c.status == CLIENT_PAUSED))
		s = assign_client_active(app, &c, on, err);
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "%s supports %s from %s; "
		    "review due %s", w.name, c.name, on, a.review_due_on);
		s = app_audit(app, "create", "assignment", a.id, a.client_id,
		    summary, NULL, NULL, a.override_reason, err);
	}
	if (s == PD_OK && id != NULL)
		*id = a.id;
	free(a.override_reason);
	client_fini(&c);
	staff_fini(&w);
	return s;
}

enum pd_status
app_assignment_start(struct app *app, const struct assignment_start *in,
    int64_t *id, struct pd_err *err)
{
	enum pd_status s;

	if ((s = app_require(app, APP_STAFF, "assign a PAL", err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = assign_start_tx(app, in, id, err);
	return app_finish(app, s, err);
}

struct assign_collect {
	const struct app *app;
	struct assignment_list *l;
};

static int
assign_collect_cb(void *arg, const struct assignment *row)
{
	struct assign_collect *c = arg;
	struct assignment_item *it;

	c->l->v = xreallocarray(c->l->v, c->l->n + 1, sizeof *c->l->v);
	it = &c->l->v[c->l->n++];
	memset(it, 0, sizeof *it);
	assign_copy(&it->a, row);
	assign_state(c->app, &it->a, it);
	return 0;
}

enum pd_status
app_assignment_list(struct app *app, int64_t client_id, bool active_only,
    struct assignment_list *out, struct pd_err *err)
{
	struct assign_collect c = { app, out };
	struct client cl;
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_ANYONE, "see who supports a client",
	    err)) != PD_OK)
		return s;
	if ((s = access_client(app, client_id, "see who supports the client",
	    err)) != PD_OK)
		return s;
	if ((s = assign_client(app, client_id, &cl, err)) != PD_OK)
		return s;
	client_fini(&cl);
	s = db_assignment_list_for_client(app->db, client_id, active_only,
	    assign_collect_cb, &c, err);
	if (s != PD_OK)
		assignment_list_fini(out);
	return s;
}

/* Read assignment id, checking the actor may see its client. */
static enum pd_status
assign_read(struct app *app, int64_t id, struct assignment *out,
    struct pd_err *err)
{
	struct client cl;
	enum pd_status s;

	memset(out, 0, sizeof *out);
	s = db_assignment_get(app->db, id, out, NULL);
	if (s == PD_NOT_FOUND)
		return pd_fail(err, s, NULL, "there is no such assignment");
	if (s != PD_OK)
		return pd_fail(err, s, NULL, "could not read the assignment");
	if ((s = assign_client(app, out->client_id, &cl, err)) != PD_OK) {
		assignment_fini(out);
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "there is no such assignment");
	}
	client_fini(&cl);
	return PD_OK;
}

enum pd_status
app_assignment_get(struct app *app, int64_t id, struct assignment_item *out,
    struct pd_err *err)
{
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_ANYONE, "see who supports a client",
	    err)) != PD_OK)
		return s;
	if ((s = assign_read(app, id, &out->a, err)) != PD_OK)
		return s;
	assign_state(app, &out->a, out);
	return PD_OK;
}

/* The stored row must still be the one the caller read, and running. */
static enum pd_status
assign_current(struct app *app, const struct assignment *a,
    struct assignment *cur, struct pd_err *err)
{
	struct assignment_item it;
	enum pd_status s;

	if ((s = assign_read(app, a->id, cur, err)) != PD_OK)
		return s;
	if (a->version > 0 && cur->version != a->version) {
		assignment_fini(cur);
		return pd_fail(err, PD_CONFLICT, NULL, "someone else changed "
		    "this assignment since you opened it; please look again");
	}
	memset(&it, 0, sizeof it);
	assign_state(app, cur, &it);
	if (!it.active) {
		assignment_fini(cur);
		return pd_fail(err, PD_CONFLICT, NULL, "this support has "
		    "already ended");
	}
	return PD_OK;
}

/* date must be on or after the first meeting, and not after today. */
static enum pd_status
assign_check_on(const struct assignment *a, const char *on,
    const char *field, const char *what, struct pd_err *err)
{
	char today[11];

	app_today(today);
	if (strcmp(on, a->started_on) < 0)
		return pd_fail(err, PD_INVALID, field, "%s cannot be before "
		    "the first meeting (%s)", what, a->started_on);
	if (strcmp(on, today) > 0)
		return pd_fail(err, PD_INVALID, field, "%s cannot be in the "
		    "future", what);
	return PD_OK;
}

/* Re-read a after a change (keeps the caller's copy current). */
static void
assign_refresh(struct app *app, struct assignment *a)
{
	struct assignment fresh;

	if (db_assignment_get(app->db, a->id, &fresh, NULL) == PD_OK) {
		assignment_fini(a);
		*a = fresh;
	}
}

enum pd_status
app_review_record(struct app *app, struct assignment *a, struct review *r,
    struct pd_err *err)
{
	struct assignment cur;
	char on[11], summary[400];
	const char *why = NULL;
	enum end_kind end = END_NONE;
	enum pd_status s;

	if ((s = app_require(app, APP_STAFF, "record reviews", err)) != PD_OK)
		return s;
	if (review_outcome_str(r->outcome) == NULL)
		return pd_fail(err, PD_INVALID, "outcome",
		    "please choose what was decided");
	if ((s = assign_date_or_today(r->held_on, on, "held_on",
	    "The review date", err)) != PD_OK)
		return s;
	memcpy(r->held_on, on, 11);
	switch (r->outcome) {
	case OUTCOME_CHANGE_REQUESTED:
		end = END_CHANGE_OF_PAL;
		why = "the client asked for a change of PAL at the review";
		break;
	case OUTCOME_PAL_WITHDRAWS:
		end = END_CHANGE_OF_PAL;
		why = "the PAL withdrew at the review";
		break;
	case OUTCOME_END:
		end = END_COMPLETED;
		why = "support ended at the review";
		break;
	default:
		break;
	}
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = assign_current(app, a, &cur, err);
	if (s == PD_OK && (s = assign_check_on(&cur, on, "held_on",
	    "The review", err)) != PD_OK)
		assignment_fini(&cur);
	if (s != PD_OK) {
		db_rollback(app->db);
		return s;
	}
	r->assignment_id = cur.id;
	r->recorded_by = access_staff_id(app);
	s = db_review_insert(app->db, r, err);
	if (s == PD_OK && end != END_NONE)
		s = db_assignment_end(app->db, cur.id, on, end, why,
		    access_staff_id(app), err);
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "review of %s's support for "
		    "%s on %s: %s", cur.worker_name ? cur.worker_name : "?",
		    cur.client_name ? cur.client_name : "?", on,
		    review_outcome_label(r->outcome));
		s = app_audit(app, "create", "review", r->id, cur.client_id,
		    summary, NULL, NULL, NULL, err);
	}
	s = app_finish(app, s, err);
	assignment_fini(&cur);
	if (s == PD_OK)
		assign_refresh(app, a);
	return s;
}

static int
assign_review_cb(void *arg, const struct review *row)
{
	struct review_list *l = arg;
	struct review *r;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	r = &l->v[l->n++];
	*r = *row;
	r->participants = dup_or_null(row->participants);
	r->notes = dup_or_null(row->notes);
	return 0;
}

enum pd_status
app_review_list(struct app *app, int64_t assignment_id,
    struct review_list *out, struct pd_err *err)
{
	struct assignment a;
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_ANYONE, "see reviews", err)) != PD_OK)
		return s;
	if ((s = assign_read(app, assignment_id, &a, err)) != PD_OK)
		return s;
	assignment_fini(&a);
	s = db_review_list(app->db, assignment_id, assign_review_cb, out, err);
	if (s != PD_OK)
		review_list_fini(out);
	return s;
}

enum pd_status
app_assignment_end(struct app *app, struct assignment *a, const char *on,
    enum end_kind kind, const char *reason, struct pd_err *err)
{
	struct assignment cur;
	char day[11], summary[400];
	enum pd_status s;

	if ((s = app_require(app, APP_STAFF, "end support", err)) != PD_OK)
		return s;
	if (end_kind_str(kind) == NULL)
		return pd_fail(err, PD_INVALID, "kind", "please say how it ended");
	if (kind == END_CHANGE_OF_PAL && str_blank(reason))
		return pd_fail(err, PD_INVALID, "reason",
		    "please give the reason for the change");
	if ((s = assign_date_or_today(on, day, "date", "The last day", err))
	    != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = assign_current(app, a, &cur, err);
	if (s == PD_OK && (s = assign_check_on(&cur, day, "date",
	    "The end", err)) != PD_OK)
		assignment_fini(&cur);
	if (s != PD_OK) {
		db_rollback(app->db);
		return s;
	}
	s = db_assignment_end(app->db, cur.id, day, kind,
	    str_blank(reason) ? NULL : reason, access_staff_id(app), err);
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "%s: %s no longer supports "
		    "%s from %s", end_kind_label(kind),
		    cur.worker_name ? cur.worker_name : "?",
		    cur.client_name ? cur.client_name : "?", day);
		s = app_audit(app, "update", "assignment", cur.id,
		    cur.client_id, summary, NULL, NULL,
		    str_blank(reason) ? NULL : reason, err);
	}
	s = app_finish(app, s, err);
	assignment_fini(&cur);
	if (s == PD_OK)
		assign_refresh(app, a);
	return s;
}

enum pd_status
app_assignment_change(struct app *app, struct assignment *a, const char *on,
    const char *reason, struct pd_err *err)
{
	return app_assignment_end(app, a, on, END_CHANGE_OF_PAL, reason, err);
}

enum pd_status
app_assignment_set_minutes(struct app *app, struct assignment *a,
    int minutes, struct pd_err *err)
{
	struct assignment cur;
	char summary[300];
	enum pd_status s;

	if ((s = app_require(app, APP_STAFF, "change agreed hours", err))
	    != PD_OK)
		return s;
	if (minutes < -1 || minutes > 7 * 24 * 60)
		return pd_fail(err, PD_INVALID, "contracted",
		    "that is more hours than a week has");
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	if ((s = assign_read(app, a->id, &cur, err)) != PD_OK) {
		db_rollback(app->db);
		return s;
	}
	cur.version = a->version > 0 ? a->version : cur.version;
	cur.contracted_minutes_per_week = minutes;
	s = db_assignment_update(app->db, &cur, err);
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "agreed %d minutes a week "
		    "for %s with %s", minutes,
		    cur.worker_name ? cur.worker_name : "?",
		    cur.client_name ? cur.client_name : "?");
		s = app_audit(app, "update", "assignment", cur.id,
		    cur.client_id, summary, NULL, NULL, NULL, err);
	}
	s = app_finish(app, s, err);
	assignment_fini(&cur);
	if (s == PD_OK)
		assign_refresh(app, a);
	return s;
}

struct assign_workers {
	int (*cb)(void *arg, int64_t id, const char *name, enum role role);
	void *arg;
};

static int
assign_workers_cb(void *arg, const struct staff *row)
{
	struct assign_workers *w = arg;

	if (!row->active)
		return 0;
	return w->cb(w->arg, row->id, row->name ? row->name : "", row->role);
}

enum pd_status
app_assignment_workers(struct app *app,
    int (*cb)(void *arg, int64_t id, const char *name, enum role role),
    void *arg, struct pd_err *err)
{
	struct assign_workers w = { cb, arg };
	enum pd_status s;

	if ((s = app_require(app, APP_STAFF, "assign workers", err)) != PD_OK)
		return s;
	return db_staff_list(app->db, -1, assign_workers_cb, &w, err);
}
