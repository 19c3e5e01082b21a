/* planhist.c - a plan's history, one version's changes, and what
 * changed since the last review. */
#include "peerdesk/app/plans.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/plan.h"
#include "peerdesk/db/planquery.h"
#include "plans_priv.h"

static const char *const hist_days[] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};
static const char *const hist_months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

/* A UTC moment as local "Wed 25 Nov 2026 14:02" (the text as it is when
 * it is not a moment). */
static void
hist_when(const char *at, char *buf, size_t n)
{
	struct tm loc;

	if (plans_local(at, &loc) != 0) {
		snprintf(buf, n, "%s", at);
		return;
	}
	snprintf(buf, n, "%s %d %s %d %02d:%02d", hist_days[loc.tm_wday],
	    loc.tm_mday, hist_months[loc.tm_mon], loc.tm_year + 1900,
	    loc.tm_hour, loc.tm_min);
}

void
plan_history_fini(struct plan_history *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->events[i].who);
		free(h->events[i].what);
		free(h->events[i].before);
		free(h->events[i].after);
	}
	free(h->events);
	for (i = 0; i < h->nv; i++) {
		plan_sections_fini(&h->versions[i]);
		free(h->saved_by[i]);
	}
	free(h->versions);
	free(h->saved_by);
	for (i = 0; i < h->n_reviews; i++)
		free(h->review_days[i]);
	free(h->review_days);
	memset(h, 0, sizeof *h);
}

static struct plan_event *
hist_add_event(struct plan_history *h)
{
	struct plan_event *e;

	h->events = xreallocarray(h->events, h->n + 1, sizeof *h->events);
	e = &h->events[h->n++];
	memset(e, 0, sizeof *e);
	return e;
}

static int
hist_version_cb(void *arg, const struct plan_sections *row)
{
	struct plan_history *h = arg;

	h->versions = xreallocarray(h->versions, h->nv + 1,
	    sizeof *h->versions);
	plan_sections_copy(&h->versions[h->nv], row);
	plans_day_of(row->saved_at, h->versions[h->nv].saved_on);
	h->nv++;
	return 0;
}

/* Audit rows worth showing, copied (names resolved later). */
struct hist_audit {
	struct audit_entry *rows;
	size_t n;
};

static int
hist_audit_cb(void *arg, const struct audit_entry *row)
{
	struct hist_audit *a = arg;
	struct audit_entry *c;
	bool keep;

	if (row->entity == NULL || row->action == NULL)
		return 0;
	keep = (strcmp(row->entity, "plan_goal") == 0 ||
	    strcmp(row->entity, "plan_note") == 0 ||
	    (strcmp(row->entity, "plan") == 0 &&
	    (strcmp(row->action, "establish") == 0 ||
	    strcmp(row->action, "review") == 0))) &&
	    strcmp(row->action, "open") != 0;
	if (!keep)
		return 0;
	a->rows = xreallocarray(a->rows, a->n + 1, sizeof *a->rows);
	c = &a->rows[a->n++];
	memset(c, 0, sizeof *c);
	/* its business day, so it sorts and counts with the versions */
	plans_moment_of(row->at, row->day, c->at);
	c->actor_id = row->actor_id;
	c->actor_login = xstrdup(row->actor_login);
	c->action = xstrdup(row->action);
	c->entity = xstrdup(row->entity);
	c->entity_id = row->entity_id;
	c->summary = xstrdup(row->summary);
	if (strcmp(row->entity, "plan_goal") == 0) {
		c->before = xstrdup(row->before);
		c->after = xstrdup(row->after);
	}
	return 0;
}

static int
hist_day_cb(void *arg, const char *day)
{
	struct plan_history *h = arg;

	h->review_days = xreallocarray(h->review_days, h->n_reviews + 1,
	    sizeof *h->review_days);
	h->review_days[h->n_reviews++] = xstrdup(day);
	return 0;
}

static int
hist_event_cmp(const void *a, const void *b)
{
	const struct plan_event *x = a, *y = b;
	int c = strcmp(y->at, x->at);

	if (c != 0)
		return c;
	return (y->version_no > x->version_no) -
	    (y->version_no < x->version_no);
}

/* A name for staff id, looked up once per id. */
struct hist_names {
	int64_t *id;
	char **name;
	size_t n;
};

static const char *
hist_name(struct app *app, struct hist_names *nm, int64_t id)
{
	size_t i;

	for (i = 0; i < nm->n; i++)
		if (nm->id[i] == id)
			return nm->name[i];
	nm->id = xreallocarray(nm->id, nm->n + 1, sizeof *nm->id);
	nm->name = xreallocarray(nm->name, nm->n + 1, sizeof *nm->name);
	nm->id[nm->n] = id;
	nm->name[nm->n] = plans_staff_name(app, id);
	return nm->name[nm->n++];
}

static void
hist_names_fini(struct hist_names *nm)
{
	size_t i;

	for (i = 0; i < nm->n; i++)
		free(nm->name[i]);
	free(nm->id);
	free(nm->name);
}

/* An event for each of h's versions, with who saved it and what
 * changed (nm: the names looked up so far). */
static void
hist_version_events(struct app *app, struct plan_history *h,
    struct hist_names *nm)
{
	struct strbuf what = STRBUF_INIT;
	size_t i;

	for (i = 0; i < h->nv; i++) {
		const struct plan_sections *v = &h->versions[i];
		struct plan_event *e = hist_add_event(h);
		const char *who = hist_name(app, nm, v->saved_by);

		h->saved_by[i] = xstrdup(who);
		e->kind = PLAN_EVENT_VERSION;
		e->version_no = v->version_no;
		memcpy(e->at, v->saved_at, sizeof e->at);
		e->who = xstrdup(who);
		strbuf_reset(&what);
		strbuf_addf(&what, "Version %d: ", v->version_no);
		plan_changed_labels(plan_sections_changed(i > 0 ?
		    &h->versions[i - 1] : NULL, v), &what);
		if (v->note != NULL && v->note[0] != '\0')
			strbuf_addf(&what, " (\"%s\")", v->note);
		e->what = xstrdup(what.buf);
	}
	strbuf_fini(&what);
}

/* The history of plan_id (inside a transaction). */
static enum pd_status
hist_read(struct app *app, int64_t client_id, int64_t plan_id,
    struct plan_history *h, struct pd_err *err)
{
	struct hist_audit au = { NULL, 0 };
	struct hist_names nm = { NULL, NULL, 0 };
	struct audit_query q;
	enum pd_status s;
	size_t i;

	memset(h, 0, sizeof *h);
	s = db_plan_version_list(app->db, plan_id, plans_scope(app),
	    hist_version_cb, h, err);
	/* newest first from the list: turn it round */
	for (i = 0; i < h->nv / 2; i++) {
		struct plan_sections t = h->versions[i];

		h->versions[i] = h->versions[h->nv - 1 - i];
		h->versions[h->nv - 1 - i] = t;
	}
	h->saved_by = xcalloc(h->nv ? h->nv : 1, sizeof *h->saved_by);
	if (s == PD_OK)
		hist_version_events(app, h, &nm);
	memset(&q, 0, sizeof q);
	q.client_id = client_id;
	if (s == PD_OK)
		s = db_audit_list(app->db, &q, hist_audit_cb, &au, err);
	for (i = 0; i < au.n; i++) {
		struct audit_entry *a = &au.rows[i];
		struct plan_event *e;
		const char *who;

		if (s == PD_OK) {
			e = hist_add_event(h);
			e->kind = PLAN_EVENT_OTHER;
			memcpy(e->at, a->at, sizeof e->at);
			who = a->actor_id > 0 ?
			    hist_name(app, &nm, a->actor_id) : NULL;
			e->who = xstrdup(who ? who : a->actor_login);
			e->what = xstrdup(a->summary ? a->summary : a->action);
			if (strcmp(a->entity, "plan_goal") == 0) {
				e->goal_id = a->entity_id;
				e->before = a->before;
				e->after = a->after;
				a->before = a->after = NULL;
			}
		}
		free(a->actor_login);
		free(a->action);
		free(a->entity);
		free(a->summary);
		free(a->before);
		free(a->after);
	}
	free(au.rows);
	if (s == PD_OK)
		s = db_plan_review_days(app->db, client_id, plans_scope(app),
		    hist_day_cb, h, err);
	for (i = 0; i < h->n; i++)
		hist_when(h->events[i].at, h->events[i].when,
		    sizeof h->events[i].when);
	if (h->n > 1)
		qsort(h->events, h->n, sizeof *h->events, hist_event_cmp);
	hist_names_fini(&nm);
	if (s != PD_OK)
		plan_history_fini(h);
	return s;
}

/* The history, audited as an "open" of the plan with summary. */
static enum pd_status
hist_load(struct app *app, int64_t client_id, const char *summary,
    struct plan_history *out, struct pd_err *err)
{
	struct plan_info plan;
	enum pd_status s;

	memset(out, 0, sizeof *out);
	memset(&plan, 0, sizeof plan);
	if ((s = plans_may(app, client_id, "read wellness plans",
	    "read the plan's history", err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = plans_client(app, client_id, NULL, err);
	if (s == PD_OK) {
		s = db_plan_find(app->db, client_id, plans_scope(app), &plan,
		    NULL);
		if (s == PD_OK)
			s = hist_read(app, client_id, plan.id, out, err);
		else if (s == PD_NOT_FOUND)
			s = PD_OK;	/* no plan: no history */
	}
	if (s == PD_OK)
		s = app_audit(app, "open", "plan", plan.id, client_id, summary,
		    NULL, NULL, NULL, err);
	if (s != PD_OK)
		plan_history_fini(out);
	return plans_finish(app, s, err);
}

enum pd_status
app_plan_history(struct app *app, int64_t client_id,
    struct plan_history *out, struct pd_err *err)
{
	return hist_load(app, client_id, "looked at the plan's history", out,
	    err);
}

enum pd_status
app_plan_version_text(struct app *app, int64_t client_id, int version_no,
    int width, struct strbuf *out, struct pd_err *err)
{
	struct plan_history h;
	enum pd_status s;
	char sum[80];
	size_t i;

	snprintf(sum, sizeof sum, "opened version %d of the plan",
	    version_no);
	if ((s = hist_load(app, client_id, sum, &h, err)) != PD_OK)
		return s;
	for (i = 0; i < h.nv; i++)
		if (h.versions[i].version_no == version_no)
			break;
	if (i == h.nv) {
		plan_history_fini(&h);
		return pd_fail(err, PD_NOT_FOUND, NULL, "the plan has no "
		    "version %d", version_no);
	}
	plan_version_format(i > 0 ? &h.versions[i - 1] : NULL, &h.versions[i],
	    h.saved_by[i], width, out);
	plan_history_fini(&h);
	return PD_OK;
}

/* ---- what changed since ------------------------------------------------ */

void
plan_changes_fini(struct plan_changes *c)
{
	plan_delta_fini(&c->delta);
	plan_history_fini(&c->hist);
	plan_doc_fini(&c->doc);
}

/* Mark goals whose words changed after the date (from the history). */
static void
changes_mark_edits(struct plan_changes *c)
{
	struct plan_delta *d = &c->delta;
	size_t i, j, gi;

	for (i = 0; i < c->hist.n; i++) {
		const struct plan_event *e = &c->hist.events[i];
		struct plan_goal_delta *gd = NULL;
		const struct plan_doc_goal *g = NULL;
		char day[11];

		plans_day_of(e->at, day);
		/* a goal's words changed (its writing has no "before") */
		if (e->goal_id == 0 || e->before == NULL ||
		    (d->since[0] != '\0' && strcmp(day, d->since) <= 0))
			continue;
		for (gi = 0; gi < c->doc.n_goals; gi++)
			if (c->doc.goals[gi].goal.id == e->goal_id)
				g = &c->doc.goals[gi];
		if (g == NULL)
			continue;
		gi = (size_t)(g - c->doc.goals);
		for (j = 0; j < d->n_goals; j++)
			if (d->goals[j].goal == gi)
				gd = &d->goals[j];
		if (gd != NULL && (gd->what & GOAL_DELTA_NEW))
			continue;	/* new: its words are all new */
		if (gd == NULL) {
			d->goals = xreallocarray(d->goals, d->n_goals + 1,
			    sizeof *d->goals);
			gd = &d->goals[d->n_goals++];
			memset(gd, 0, sizeof *gd);
			gd->goal = gi;
			gd->before = gd->after = GOAL_SCORE_NONE;
			if (g->n_scores > 0)
				gd->before = gd->after =
				    g->scores[g->n_scores - 1].score;
		}
		gd->what |= GOAL_DELTA_EDITED;
		/* events are newest first: the newest edit's day and words,
		 * and the words before the oldest edit since then */
		if (gd->edited_on[0] == '\0') {
			snprintf(gd->edited_on, sizeof gd->edited_on, "%s",
			    day);
			gd->words_now = e->after;
		}
		gd->words_before = e->before;
	}
}

enum pd_status
app_plan_changes(struct app *app, int64_t client_id, const char *since,
    struct plan_changes *out, struct pd_err *err)
{
	char today[11], day[11] = "";
	enum pd_status s;
	size_t i;

	memset(out, 0, sizeof *out);
	if ((s = plans_may(app, client_id, "read wellness plans",
	    "read what changed in the plan", err)) != PD_OK)
		return s;
	if ((s = plans_check_day(since, "since", "The date", 0, err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = plans_read(app, client_id, &out->doc, err);
	if (s == PD_OK && out->doc.info.id > 0)
		s = hist_read(app, client_id, out->doc.info.id, &out->hist,
		    err);
	if (s == PD_OK)
		s = app_audit(app, "open", "plan", out->doc.info.id, client_id,
		    "looked at what changed in the plan", NULL, NULL, NULL,
		    err);
	s = plans_finish(app, s, err);
	if (s != PD_OK) {
		plan_changes_fini(out);
		return s;
	}
	if (since != NULL && since[0] != '\0') {
		snprintf(day, sizeof day, "%s", since);
	} else {
		app_today(today);
		for (i = 0; i < out->hist.n_reviews; i++)
			if (strcmp(out->hist.review_days[i], today) < 0)
				snprintf(day, sizeof day, "%s",
				    out->hist.review_days[i]);
	}
	plan_delta_compute(&out->doc, out->hist.versions, out->hist.nv, day,
	    &out->delta);
	changes_mark_edits(out);
	return PD_OK;
}

/* What plan_delta_format's name callback is given: the changes. */
struct changes_ctx {
	const struct plan_changes *c;
};

static const char *
changes_name_of(void *ctx, int64_t id)
{
	const struct changes_ctx *k = ctx;
	const struct plan_changes *c = k->c;
	size_t i;

	for (i = 0; i < c->hist.nv; i++)
		if (c->hist.versions[i].saved_by == id)
			return c->hist.saved_by[i];
	return NULL;
}

void
plan_changes_text(const struct plan_changes *c, int width,
    struct strbuf *out)
{
	struct changes_ctx k = { c };

	plan_delta_format(&c->doc, &c->delta, changes_name_of, &k, width, out);
}
