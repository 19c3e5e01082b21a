/* plans.c - the client's Wellness and Safety Plan: the helpers its files
 * share (plans_priv.h), reading a plan, whether it is established, and
 * every plan's progress.  Changing one is plan_edit.c; versions and
 * history planhist.c; export and import planio.c. */
#include "peerdesk/app/plans.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "peerdesk/app/access.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/plan.h"
#include "peerdesk/db/planquery.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "app_priv.h"
#include "plans_priv.h"

/* ---- shared helpers (plans_priv.h) ------------------------------------- */

int64_t
plans_scope(const struct app *app)
{
	return access_scope(app);
}

int64_t
plans_actor(const struct app *app)
{
	return access_staff_id(app);
}

enum pd_status
plans_may(struct app *app, int64_t client_id, const char *does,
    const char *reach, struct pd_err *err)
{
	enum pd_status s;

	if ((s = app_require(app, APP_ANYONE, does, err)) != PD_OK)
		return s;
	return access_client(app, client_id, reach, err);
}

enum pd_status
plans_client(struct app *app, int64_t client_id, char **name,
    struct pd_err *err)
{
	struct client c;
	enum pd_status s;

	memset(&c, 0, sizeof c);
	s = db_client_get(app->db, client_id, plans_scope(app), &c, err);
	if (s == PD_NOT_FOUND)
		return pd_fail(err, PD_NOT_FOUND, NULL, "there is no client "
		    "%lld, or they are not one of yours", (long long)client_id);
	if (s == PD_OK && name != NULL)
		*name = xstrdup(c.name);
	client_fini(&c);
	return s;
}

char *
plans_staff_name(struct app *app, int64_t id)
{
	struct staff st;
	char *name = NULL;

	if (id <= 0)
		return NULL;
	memset(&st, 0, sizeof st);
	if (db_staff_get(app->db, id, &st, NULL) == PD_OK)
		name = xstrdup(st.name);
	staff_fini(&st);
	return name;
}

enum pd_status
plans_check_day(const char *day, const char *field, const char *what,
    bool not_after_today, struct pd_err *err)
{
	pd_date d;
	char today[11];

	if (day == NULL || day[0] == '\0')
		return PD_OK;
	if (date_parse(day, &d, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, field, "%s should be a date "
		    "like 2026-11-25", what);
	app_today(today);
	if (not_after_today && strcmp(day, today) > 0)
		return pd_fail(err, PD_INVALID, field, "%s cannot be later "
		    "than today", what);
	return PD_OK;
}

/* loc's time of day on y-m-d, as a UTC moment "YYYY-MM-DDTHH:MM:SSZ". */
static void
plans_moment_on(struct tm *loc, int y, int m, int d, char out[21])
{
	struct tm utc;
	time_t t;

	loc->tm_year = y - 1900;
	loc->tm_mon = m - 1;
	loc->tm_mday = d;
	loc->tm_isdst = -1;
	t = mktime(loc);
	gmtime_r(&t, &utc);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &utc);
}

void
plans_moment(char out[21])
{
	time_t t = time(NULL);
	struct tm loc, utc;
	int y, m, d;

	localtime_r(&t, &loc);
	if (today_is_set()) {
		/* this time of day on the day --today says */
		date_to_ymd(today_get(), &y, &m, &d);
		plans_moment_on(&loc, y, m, d, out);
		return;
	}
	gmtime_r(&t, &utc);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &utc);
}

int
plans_local(const char *at, struct tm *loc)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof tm);
	if (at == NULL || sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) !=
	    6)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	localtime_r(&t, loc);
	return 0;
}

void
plans_moment_of(const char *at, const char *day, char out[21])
{
	struct tm loc;
	int y, m, d;

	if (day == NULL || sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    plans_local(at, &loc) != 0) {
		snprintf(out, 21, "%s", at ? at : "");
		return;
	}
	/* as plans_moment: this time of day, on that day */
	plans_moment_on(&loc, y, m, d, out);
}

void
plans_day_of(const char *at, char out[11])
{
	struct tm loc;

	if (plans_local(at, &loc) != 0) {
		snprintf(out, 11, "%.10s", at ? at : "");
		return;
	}
	strftime(out, 11, "%Y-%m-%d", &loc);
}

enum pd_status
plans_audit(struct app *app, const char *action, const char *entity,
    int64_t entity_id, int64_t client_id, const char *summary,
    const char *before, const char *after, struct pd_err *err)
{
	struct audit_entry a;

	memset(&a, 0, sizeof a);
	app_today(a.day);	/* plan history reads it; `at` is real time */
	a.actor_id = access_staff_id(app);
	a.actor_login = app_actor_login(app)[0] ?
	    (char *)(uintptr_t)app_actor_login(app) : NULL;
	a.action = (char *)(uintptr_t)action;
	a.entity = (char *)(uintptr_t)entity;
	a.entity_id = entity_id;
	a.client_id = client_id;
	a.summary = (char *)(uintptr_t)summary;
	a.before = (char *)(uintptr_t)before;
	a.after = (char *)(uintptr_t)after;
	return db_audit_insert(app->db, &a, err);
}

enum pd_status
plans_finish(struct app *app, enum pd_status s, struct pd_err *err)
{
	return app_finish(app, s, err);
}

/* ---- reading ----------------------------------------------------------- */

int
plans_goal_cb(void *arg, const struct plan_goal *row)
{
	struct goal_list *l = arg;

	l->g = xreallocarray(l->g, l->n + 1, sizeof *l->g);
	plan_goal_copy(&l->g[l->n++], row);
	return 0;
}

void
plans_goal_list_fini(struct goal_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		plan_goal_fini(&l->g[i]);
	FREE(&l->g);
	l->n = 0;
}

static int
plans_step_cb(void *arg, const struct goal_step *row)
{
	plan_doc_goal_add_step(arg, row, 0);
	return 0;
}

static int
plans_score_cb(void *arg, const struct goal_score *row)
{
	plan_doc_goal_add_score(arg, row, 0);
	return 0;
}

static int
plans_note_cb(void *arg, const struct plan_note *row)
{
	plan_doc_add_note(arg, row, 0);
	return 0;
}

/* The plan's goals (with steps and scores) into doc. */
static enum pd_status
plans_read_goals(struct app *app, struct plan_doc *doc, struct pd_err *err)
{
	struct goal_list l = { NULL, 0 };
	int64_t scope = plans_scope(app);
	enum pd_status s;
	size_t i;

	s = db_goal_list(app->db, doc->info.id, scope, plans_goal_cb, &l, err);
	for (i = 0; s == PD_OK && i < l.n; i++) {
		struct plan_doc_goal *g = plan_doc_add_goal(doc);

		g->goal = l.g[i];
		memset(&l.g[i], 0, sizeof l.g[i]);
		s = db_goal_step_list(app->db, g->goal.id, scope, plans_step_cb,
		    g, err);
		if (s == PD_OK)
			s = db_goal_score_list(app->db, g->goal.id, scope,
			    plans_score_cb, g, err);
	}
	plans_goal_list_fini(&l);
	return s;
}

enum pd_status
plans_read(struct app *app, int64_t client_id, struct plan_doc *doc,
    struct pd_err *err)
{
	int64_t scope = plans_scope(app);
	enum pd_status s;

	plan_doc_init(doc);
	doc->client_id = client_id;
	if ((s = plans_client(app, client_id, &doc->client_name, err)) != PD_OK)
		return s;
	s = db_plan_find(app->db, client_id, scope, &doc->info, NULL);
	if (s == PD_NOT_FOUND) {
		doc->info.client_id = client_id;
		return PD_OK;
	}
	if (s != PD_OK)
		return pd_fail(err, s, NULL, "could not read the plan");
	if (doc->info.current_version > 0) {
		s = db_plan_version_get(app->db, doc->info.id, 0, scope,
		    &doc->sections, err);
		plans_day_of(doc->sections.saved_at, doc->sections.saved_on);
		if (s != PD_OK)
			return s;
		doc->saved_by_name = plans_staff_name(app,
		    doc->sections.saved_by);
	}
	doc->established_by_name = plans_staff_name(app,
	    doc->info.established_by);
	if ((s = plans_read_goals(app, doc, err)) != PD_OK)
		return s;
	return db_plan_note_list(app->db, doc->info.id, scope, plans_note_cb,
	    doc, err);
}

enum pd_status
app_plan_load(struct app *app, int64_t client_id, struct plan_doc *out,
    struct pd_err *err)
{
	/* every read of a plan is audited, like opening the client record */
	return app_plan_open(app, client_id, out, err);
}

enum pd_status
app_plan_open(struct app *app, int64_t client_id, struct plan_doc *out,
    struct pd_err *err)
{
	enum pd_status s;

	plan_doc_init(out);
	if ((s = plans_may(app, client_id, "read wellness plans",
	    "read the wellness plan", err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = plans_read(app, client_id, out, err);
	if (s == PD_OK)
		s = app_audit(app, "open", "plan", out->info.id, client_id,
		    "opened the wellness plan", NULL, NULL, NULL, err);
	s = plans_finish(app, s, err);
	if (s != PD_OK)
		plan_doc_fini(out);
	return s;
}

/* ---- established ------------------------------------------------------- */

enum pd_status
app_plan_is_established(struct app *app, int64_t client_id, bool *yes,
    char on[11], struct pd_err *err)
{
	struct plan_info plan;
	enum pd_status s;

	*yes = false;
	if (on != NULL)
		on[0] = '\0';
	if ((s = plans_may(app, client_id, "read wellness plans",
	    "read the wellness plan", err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = plans_client(app, client_id, NULL, err);
	if (s == PD_OK) {
		s = db_plan_find(app->db, client_id, plans_scope(app), &plan,
		    err);
		if (s == PD_OK && plan.status == PLAN_ESTABLISHED) {
			*yes = true;
			if (on != NULL)
				memcpy(on, plan.established_on, 11);
		}
		if (s == PD_NOT_FOUND)
			s = PD_OK;
	}
	return plans_finish(app, s, err);
}

/* ---- every plan at a glance -------------------------------------------- */

struct progress_acc {
	struct plan_progress_row *rows;
	size_t n;
};

static int
plans_progress_cb(void *arg, const struct plan_goal_row *row)
{
	struct progress_acc *acc = arg;
	struct plan_progress_row *r;
	struct goal_progress g;

	if (row->client_status == CLIENT_CLOSED)
		return 0;
	if (acc->n == 0 || acc->rows[acc->n - 1].client_id != row->client_id) {
		acc->rows = xreallocarray(acc->rows, acc->n + 1,
		    sizeof *acc->rows);
		r = &acc->rows[acc->n++];
		memset(r, 0, sizeof *r);
		r->client_id = row->client_id;
		r->client_name = xstrdup(row->client_name);
		r->status = row->plan_status;
		r->current_version = row->current_version;
	}
	r = &acc->rows[acc->n - 1];
	if (row->goal_id == 0)
		return 0;
	memset(&g, 0, sizeof g);
	g.n = (size_t)row->n_scores;
	g.latest = row->latest;
	g.previous = row->previous;
	memcpy(g.latest_on, row->latest_on, sizeof g.latest_on);
	memcpy(g.previous_on, row->previous_on, sizeof g.previous_on);
	if (g.n == 0)
		g.trend = GOAL_TREND_NONE;
	else if (g.n == 1)
		g.trend = GOAL_TREND_FIRST;
	else
		g.trend = g.latest > g.previous ? GOAL_TREND_UP :
		    g.latest < g.previous ? GOAL_TREND_DOWN : GOAL_TREND_SAME;
	plan_progress_add(&r->progress, &g);
	return 0;
}

void
plan_progress_rows_free(struct plan_progress_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(rows[i].client_name);
	free(rows);
}

enum pd_status
app_plan_progress_list(struct app *app, struct plan_progress_row **rows,
    size_t *n, struct pd_err *err)
{
	struct progress_acc acc = { NULL, 0 };
	enum pd_status s;

	*rows = NULL;
	*n = 0;
	if ((s = app_require(app, APP_ANYONE, "read wellness plans", err))
	    != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = db_plan_goal_rows(app->db, plans_scope(app), plans_progress_cb,
	    &acc, err);
	s = plans_finish(app, s, err);
	if (s != PD_OK) {
		plan_progress_rows_free(acc.rows, acc.n);
		return s;
	}
	*rows = acc.rows;
	*n = acc.n;
	return PD_OK;
}

/* s padded with spaces (or cut) to width columns. */
static void
plans_pad(struct strbuf *out, const char *s, size_t width)
{
	struct strbuf cut = STRBUF_INIT;
	size_t w;

	utf8_truncate(s, width, &cut);
	w = utf8_width(cut.buf);
	strbuf_adds(out, cut.buf);
	while (w++ < width)
		strbuf_addc(out, ' ');
	strbuf_fini(&cut);
}

void
plan_progress_text(const struct plan_progress_row *rows, size_t n,
    struct strbuf *out)
{
	size_t i;
	struct plan_progress all;
	struct strbuf line = STRBUF_INIT;

	memset(&all, 0, sizeof all);
	strbuf_adds(out, "   ID  Client                    Plan         Goals  "
	    "Up Same Down  New  Last scored\n");
	for (i = 0; i < n; i++) {
		const struct plan_progress *p = &rows[i].progress;
		const char *state = rows[i].status == PLAN_ESTABLISHED ?
		    "established" : rows[i].current_version > 0 ? "draft" :
		    "not written";

		strbuf_addf(out, "%5lld  ", (long long)rows[i].client_id);
		plans_pad(out, rows[i].client_name ? rows[i].client_name : "",
		    24);
		strbuf_addf(out, "  %-11s  %5d %3d %4d %4d %4d  %s\n", state,
		    p->goals, p->up, p->same, p->down, p->first + p->unscored,
		    p->last_scored[0] ? p->last_scored : "-");
		plan_progress_sum(&all, p);
	}
	plan_progress_line(&all, &line);
	strbuf_addf(out, "\n%zu plan%s; %s.\n", n, n == 1 ? "" : "s",
	    line.buf);
	strbuf_adds(out, "Up, Same and Down compare each goal's last score "
	    "with the one before.\n");
	strbuf_fini(&line);
}
