/* choose.c - suggestions, the shortlist, interviews, the first meeting. */
#include "peerdesk/app/choose.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_priv.h"
#include "assign_priv.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/assignments.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/core/str.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/assignment.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/plan.h"
#include "peerdesk/db/planquery.h"
#include "peerdesk/db/shortlist.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/model/date.h"

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
assign_copy_entry(struct shortlist_entry *dst,
    const struct shortlist_entry *src)
{
	*dst = *src;
	dst->pal_name = dup_or_null(src->pal_name);
	dst->why = dup_or_null(src->why);
	dst->interview_note = dup_or_null(src->interview_note);
	dst->decline_reason = dup_or_null(src->decline_reason);
}

void
suggestion_list_fini(struct suggestion_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].login);
	}
	free(l->v);
	free(l->client_name);
	free(l->preferences);
	free(l->interests);
	free(l->skills_wanted);
	memset(l, 0, sizeof *l);
}

void
shortlist_fini(struct shortlist *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		shortlist_entry_fini(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static bool
choose_open(enum shortlist_status st)
{
	return st == SHORTLIST_SHORTLISTED || st == SHORTLIST_INTERVIEWED ||
	    st == SHORTLIST_MET;
}

/* ---- candidates -------------------------------------------------------- */

/* Who the client already has or had: the PALs on the open shortlist and
 * supporting them now are left out; those changed from are marked. */
struct choose_taken {
	int64_t *ids;
	size_t n;
	struct { int64_t id; char on[11]; } *changed;
	size_t nchanged;
};

static void
choose_taken_add(struct choose_taken *t, int64_t id)
{
	t->ids = xreallocarray(t->ids, t->n + 1, sizeof *t->ids);
	t->ids[t->n++] = id;
}

static bool
choose_taken_has(const struct choose_taken *t, int64_t id)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->ids[i] == id)
			return true;
	return false;
}

static int
choose_taken_entry_cb(void *arg, const struct shortlist_entry *row)
{
	if (choose_open(row->status))
		choose_taken_add(arg, row->pal_id);
	return 0;
}

static int
choose_taken_assign_cb(void *arg, const struct assignment *row)
{
	struct choose_taken *t = arg;
	char today[11];

	app_today(today);
	if (row->ended_on[0] == '\0' || strcmp(row->ended_on, today) > 0)
		choose_taken_add(t, row->worker_id);
	else if (row->end_kind == END_CHANGE_OF_PAL) {
		t->changed = xreallocarray(t->changed, t->nchanged + 1,
		    sizeof *t->changed);
		t->changed[t->nchanged].id = row->worker_id;
		memcpy(t->changed[t->nchanged].on, row->ended_on, 11);
		t->nchanged++;
	}
	return 0;
}

static enum pd_status
choose_taken_read(struct app *app, int64_t client_id, struct choose_taken *t,
    struct pd_err *err)
{
	enum pd_status s;

	memset(t, 0, sizeof *t);
	s = db_shortlist_list(app->db, client_id, choose_taken_entry_cb, t,
	    err);
	if (s == PD_OK)
		s = db_assignment_list_for_client(app->db, client_id, 0,
		    choose_taken_assign_cb, t, err);
	return s;
}

static void
choose_taken_fini(struct choose_taken *t)
{
	free(t->ids);
	free(t->changed);
	memset(t, 0, sizeof *t);
}

/* One PAL as the ranking sees them; prof keeps the strings alive. */
struct choose_cand {
	struct staff st;
	struct pal_profile prof;
	struct suggest_pal in;
};

static void
choose_cand_fini(struct choose_cand *c)
{
	staff_fini(&c->st);
	pal_profile_fini(&c->prof);
}

/* Fill c for PAL pal_id; *usable is false for someone who is not an active
 * PAL with a profile (or has left). */
static enum pd_status
choose_cand_read(struct app *app, int64_t pal_id,
    const struct choose_taken *t, struct choose_cand *c, bool *usable,
    struct pd_err *err)
{
	struct pal_week wk;
	char today[11];
	enum pd_status s;
	size_t i;

	memset(c, 0, sizeof *c);
	*usable = false;
	app_today(today);
	s = db_staff_get(app->db, pal_id, &c->st, NULL);
	if (s == PD_NOT_FOUND)
		return PD_OK;
	if (s != PD_OK)
		return pd_fail(err, s, NULL, "could not read the PAL");
	if (c->st.role != ROLE_PAL || !c->st.active)
		return PD_OK;
	s = db_pal_get(app->db, pal_id, &c->prof, NULL);
	if (s == PD_NOT_FOUND)
		return PD_OK;
	if (s != PD_OK)
		return pd_fail(err, s, NULL, "could not read the PAL's profile");
	if (c->prof.left_on[0] != '\0' && strcmp(c->prof.left_on, today) <= 0)
		return PD_OK;
	c->in.pal_id = pal_id;
	c->in.name = c->st.name;
	c->in.gender = c->prof.gender;
	c->in.interests = c->prof.interests;
	c->in.activities = c->prof.activities;
	c->in.likes = c->prof.likes;
	c->in.skills = c->prof.skills;
	c->in.work_experience = c->prof.work_experience;
	c->in.my_story = c->prof.my_story;
	c->in.languages = c->prof.languages;
	c->in.max_clients = c->prof.max_clients;
	if ((s = assign_caseload(app, pal_id, &c->in.caseload, err)) != PD_OK)
		return s;
	if ((s = assign_pal_week(app, pal_id, today, &wk, err)) != PD_OK)
		return s;
	c->in.has_limit = wk.check.has_hours_limit || wk.check.has_pay_limit;
	c->in.minutes_left = wk.check.has_hours_limit ?
	    wk.check.minutes_left : -1;
	c->in.pence_left = wk.check.has_pay_limit ? wk.check.pence_left : -1;
	c->in.rate_pence = wk.rate_pence;
	c->in.week_minutes = wk.minutes;
	for (i = 0; t != NULL && i < t->nchanged; i++)
		if (t->changed[i].id == pal_id)
			memcpy(c->in.changed_from_on, t->changed[i].on, 11);
	*usable = true;
	return PD_OK;
}

static int
choose_pal_ids_cb(void *arg, const struct staff *row)
{
	struct choose_taken *ids = arg;

	if (row->active)
		choose_taken_add(ids, row->id);
	return 0;
}

static enum pd_status
choose_client(struct app *app, int64_t client_id, struct client *c,
    struct pd_err *err)
{
	enum pd_status s;

	memset(c, 0, sizeof *c);
	s = db_client_get(app->db, client_id, 0, c, NULL);
	if (s == PD_NOT_FOUND)
		return pd_fail(err, s, NULL, "there is no such client");
	if (s != PD_OK)
		return pd_fail(err, s, NULL, "could not read the client");
	return PD_OK;
}

static enum pd_status
choose_suggest_tx(struct app *app, int64_t client_id,
    struct suggestion_list *out, struct pd_err *err)
{
	struct client c;
	struct plan_info plan;
	struct choose_taken taken, pals = { NULL, 0, NULL, 0 };
	struct choose_cand *cand = NULL;
	struct suggest_pal *in = NULL;
	struct suggestion *ranked = NULL;
	struct suggest_client sc;
	size_t i, n = 0;
	enum pd_status s;

	if ((s = choose_client(app, client_id, &c, err)) != PD_OK)
		return s;
	out->client_id = client_id;
	out->client_name = xstrdup(c.preferred_name && c.preferred_name[0] ?
	    c.preferred_name : c.name);
	out->preferences = dup_or_null(c.pal_preferences);
	out->interests = dup_or_null(c.interests);
	out->skills_wanted = dup_or_null(c.skills_wanted);
	client_fini(&c);
	memset(&plan, 0, sizeof plan);
	/* read only: no plan yet means not established */
	s = db_plan_find(app->db, client_id, 0, &plan, NULL);
	if (s == PD_NOT_FOUND) {
		memset(&plan, 0, sizeof plan);
		s = PD_OK;
	} else if (s != PD_OK)
		s = pd_fail(err, s, NULL, "could not read the plan");
	out->plan_established = s == PD_OK && plan.status == PLAN_ESTABLISHED;
	if (s == PD_OK)
		s = choose_taken_read(app, client_id, &taken, err);
	else
		memset(&taken, 0, sizeof taken);
	if (s == PD_OK)
		s = db_staff_list(app->db, ROLE_PAL, choose_pal_ids_cb, &pals,
		    err);
	cand = xcalloc(pals.n ? pals.n : 1, sizeof *cand);
	in = xcalloc(pals.n ? pals.n : 1, sizeof *in);
	for (i = 0; s == PD_OK && i < pals.n; i++) {
		bool usable;

		if (choose_taken_has(&taken, pals.ids[i]))
			continue;
		s = choose_cand_read(app, pals.ids[i], &taken, &cand[n],
		    &usable, err);
		if (s == PD_OK && usable) {
			in[n] = cand[n].in;
			n++;
		} else
			choose_cand_fini(&cand[n]);
	}
	if (s == PD_OK) {
		ranked = xcalloc(n ? n : 1, sizeof *ranked);
		sc.preferences = out->preferences;
		sc.interests = out->interests;
		sc.skills_wanted = out->skills_wanted;
		suggest_rank(&sc, in, n, ranked);
		out->v = xcalloc(n ? n : 1, sizeof *out->v);
		for (i = 0; i < n; i++) {
			const struct choose_cand *k = &cand[ranked[i].index];

			out->v[i].pal_id = ranked[i].pal_id;
			out->v[i].name = xstrdup(k->st.name ? k->st.name : "");
			out->v[i].login = xstrdup(k->st.login ? k->st.login : "");
			out->v[i].s = ranked[i];
		}
		out->n = n;
	}
	for (i = 0; i < n; i++)
		choose_cand_fini(&cand[i]);
	free(cand);
	free(in);
	free(ranked);
	choose_taken_fini(&taken);
	choose_taken_fini(&pals);
	return s;
}

enum pd_status
app_suggest_pals(struct app *app, int64_t client_id,
    struct suggestion_list *out, struct pd_err *err)
{
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_STAFF, "suggest PALs", err)) != PD_OK)
		return s;
	/* a transaction: the plan row may be made, and one snapshot */
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = choose_suggest_tx(app, client_id, out, err);
	s = app_finish(app, s, err);
	if (s != PD_OK)
		suggestion_list_fini(out);
	return s;
}

/* ---- the shortlist ------------------------------------------------------ */

static int
choose_entry_cb(void *arg, const struct shortlist_entry *row)
{
	struct shortlist *l = arg;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	assign_copy_entry(&l->v[l->n++], row);
	if (choose_open(row->status))
		l->open++;
	return 0;
}

enum pd_status
app_shortlist_list(struct app *app, int64_t client_id, struct shortlist *out,
    struct pd_err *err)
{
	struct client c;
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_STAFF, "see shortlists", err)) != PD_OK)
		return s;
	if ((s = choose_client(app, client_id, &c, err)) != PD_OK)
		return s;
	client_fini(&c);
	s = db_shortlist_list(app->db, client_id, choose_entry_cb, out, err);
	if (s != PD_OK)
		shortlist_fini(out);
	return s;
}

enum pd_status
app_shortlist_add(struct app *app, int64_t client_id, int64_t pal_id,
    const char *why, int64_t *id, struct pd_err *err)
{
	struct client c;
	struct choose_taken taken;
	struct choose_cand cand;
	struct shortlist_entry e;
	struct suggestion sg;
	struct suggest_client sc;
	char reasons[600], summary[400];
	bool usable = false;
	enum pd_status s;

	if ((s = app_require(app, APP_STAFF, "shortlist PALs", err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	memset(&cand, 0, sizeof cand);
	memset(&taken, 0, sizeof taken);
	s = choose_client(app, client_id, &c, err);
	if (s == PD_OK)
		s = choose_taken_read(app, client_id, &taken, err);
	if (s == PD_OK)
		s = choose_cand_read(app, pal_id, &taken, &cand, &usable, err);
	if (s == PD_OK && !usable)
		s = pd_fail(err, PD_NOT_FOUND, "pal", "there is no such PAL "
		    "working here now");
	if (s == PD_OK && choose_taken_has(&taken, pal_id))
		s = pd_fail(err, PD_DUPLICATE, "pal", "%s is already on %s's "
		    "shortlist or supporting them", cand.st.name, c.name);
	if (s == PD_OK) {
		if (why == NULL) {
			sc.preferences = c.pal_preferences;
			sc.interests = c.interests;
			sc.skills_wanted = c.skills_wanted;
			suggest_rank(&sc, &cand.in, 1, &sg);
			why = suggest_reasons_text(&sg, reasons, sizeof reasons);
		}
		memset(&e, 0, sizeof e);
		e.client_id = client_id;
		e.pal_id = pal_id;
		app_today(e.added_on);
		e.added_by = access_staff_id(app);
		e.why = str_blank(why) ? NULL : xstrdup(why);
		e.status = SHORTLIST_SHORTLISTED;
		s = db_shortlist_insert(app->db, &e, err);
		FREE(&e.why);
	}
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "added %s to %s's shortlist",
		    cand.st.name, c.name);
		s = app_audit(app, "create", "shortlist", e.id, client_id,
		    summary, NULL, NULL, NULL, err);
	}
	s = app_finish(app, s, err);
	if (s == PD_OK && id != NULL)
		*id = e.id;
	choose_cand_fini(&cand);
	choose_taken_fini(&taken);
	client_fini(&c);
	return s;
}

/* Save the changed copy `next` of an entry with an audit row, inside a
 * transaction the caller began. */
static enum pd_status
choose_save(struct app *app, struct shortlist_entry *next, const char *summary, const char *reason,
    struct pd_err *err)
{
	enum pd_status s = db_shortlist_update(app->db, next, err);

	if (s == PD_OK)
		s = app_audit(app, "update", "shortlist", next->id,
		    next->client_id, summary, NULL, NULL, reason, err);
	return s;
}

static void
choose_replace(char **dst, const char *src)
{
	free(*dst);
	*dst = str_blank(src) ? NULL : xstrdup(src);
}

static enum pd_status
choose_must_be_open(const struct shortlist_entry *e, struct pd_err *err)
{
	if (choose_open(e->status))
		return PD_OK;
	return pd_fail(err, PD_CONFLICT, NULL, "%s is no longer on the "
	    "shortlist (%s)", e->pal_name ? e->pal_name : "This PAL",
	    shortlist_status_label(e->status));
}

static enum pd_status
choose_finish(struct app *app, struct shortlist_entry *e,
    struct shortlist_entry *next, enum pd_status s, struct pd_err *err)
{
	s = app_finish(app, s, err);
	if (s == PD_OK) {
		shortlist_entry_fini(e);
		*e = *next;
	} else
		shortlist_entry_fini(next);
	return s;
}

enum pd_status
app_shortlist_interview(struct app *app, struct shortlist_entry *e,
    const char *date, const char *note, struct pd_err *err)
{
	struct shortlist_entry next;
	char on[11], summary[300];
	enum pd_status s;

	if ((s = app_require(app, APP_STAFF, "record interviews", err))
	    != PD_OK)
		return s;
	if ((s = choose_must_be_open(e, err)) != PD_OK)
		return s;
	if ((s = assign_date_or_today(date, on, "date", "The interview",
	    err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	assign_copy_entry(&next, e);
	memcpy(next.interview_on, on, 11);
	choose_replace(&next.interview_note, note);
	if (next.status == SHORTLIST_SHORTLISTED)
		next.status = SHORTLIST_INTERVIEWED;
	snprintf(summary, sizeof summary, "interview of %s on %s",
	    e->pal_name ? e->pal_name : "a PAL", on);
	s = choose_save(app, &next, summary, NULL, err);
	return choose_finish(app, e, &next, s, err);
}

enum pd_status
app_shortlist_first_meeting(struct app *app, struct shortlist_entry *e,
    const struct first_meeting *m, int64_t *assignment_id,
    struct pd_err *err)
{
	struct shortlist_entry next;
	struct assignment_start st;
	char on[11], summary[400];
	const char *who = e->pal_name ? e->pal_name : "the PAL";
	bool no = m->client == DECISION_NO || m->pal == DECISION_NO;
	bool yes = m->client == DECISION_YES && m->pal == DECISION_YES;
	enum pd_status s;

	if ((s = app_require(app, APP_STAFF, "record first meetings", err))
	    != PD_OK)
		return s;
	if ((s = choose_must_be_open(e, err)) != PD_OK)
		return s;
	if ((s = assign_date_or_today(m->date, on, "date",
	    "The first meeting", err)) != PD_OK)
		return s;
	if (no && str_blank(m->reason))
		return pd_fail(err, PD_INVALID, "reason", "please say why it "
		    "is not going ahead");
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	assign_copy_entry(&next, e);
	memcpy(next.first_meeting_on, on, 11);
	next.client_decision = m->client;
	next.pal_decision = m->pal;
	if (no) {
		next.status = SHORTLIST_DECLINED;
		memcpy(next.closed_on, on, 11);
		choose_replace(&next.decline_reason, m->reason);
		snprintf(summary, sizeof summary, "first meeting with %s on %s: "
		    "%s", who, on, m->client == DECISION_NO &&
		    m->pal == DECISION_NO ? "neither went ahead" :
		    m->client == DECISION_NO ? "the client said no" :
		    "the PAL said no");
	} else if (yes) {
		next.status = SHORTLIST_CHOSEN;
		memcpy(next.closed_on, on, 11);
		snprintf(summary, sizeof summary, "first meeting with %s on %s: "
		    "both said yes", who, on);
	} else {
		next.status = SHORTLIST_MET;
		snprintf(summary, sizeof summary, "first meeting with %s on %s",
		    who, on);
	}
	s = choose_save(app, &next, summary, no ? m->reason : NULL, err);
	if (s == PD_OK && yes) {
		memset(&st, 0, sizeof st);
		st.client_id = e->client_id;
		st.worker_id = e->pal_id;
		st.shortlist_id = e->id;
		memcpy(st.started_on, on, 11);
		st.contracted_minutes = m->contracted_minutes;
		st.override_reason = m->override_reason;
		s = assign_start_tx(app, &st, assignment_id, err);
	}
	return choose_finish(app, e, &next, s, err);
}

enum pd_status
app_shortlist_withdraw(struct app *app, struct shortlist_entry *e,
    const char *reason, struct pd_err *err)
{
	struct shortlist_entry next;
	char summary[300];
	enum pd_status s;

	if ((s = app_require(app, APP_STAFF, "change shortlists", err))
	    != PD_OK)
		return s;
	if ((s = choose_must_be_open(e, err)) != PD_OK)
		return s;
	if (str_blank(reason))
		return pd_fail(err, PD_INVALID, "reason", "please give a reason");
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	assign_copy_entry(&next, e);
	next.status = SHORTLIST_WITHDRAWN;
	app_today(next.closed_on);
	choose_replace(&next.decline_reason, reason);
	snprintf(summary, sizeof summary, "took %s off the shortlist",
	    e->pal_name ? e->pal_name : "a PAL");
	s = choose_save(app, &next, summary, reason, err);
	return choose_finish(app, e, &next, s, err);
}
