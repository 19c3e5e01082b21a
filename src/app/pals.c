/* pals.c - PAL records: profile, DBS, training, supervision, pay rates,
 * benefit rules, and the PAL list. */
#include "peerdesk/app/pals.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_priv.h"
#include "assign_priv.h"
#include "time_priv.h"
#include "peerdesk/app/access.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/str.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/assignment.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/hours.h"
#include "peerdesk/model/money.h"
#include "peerdesk/model/rules.h"
#include "peerdesk/model/today.h"
#include "peerdesk/model/week.h"


/* ---- freeing ---------------------------------------------------------- */

void
pal_list_fini(struct pal_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].login);
		free(l->v[i].name);
	}
	FREE(&l->v);
	l->n = 0;
}

void
pal_record_fini(struct pal_record *r)
{
	size_t i;

	if (r == NULL)
		return;
	staff_fini(&r->staff);
	pal_profile_fini(&r->profile);
	free(r->clients);
	free(r->rate_warning);
	for (i = 0; i < r->n_dbs; i++)
		free(r->dbs[i].certificate_no);
	for (i = 0; i < r->n_training; i++)
		free(r->training[i].title);
	for (i = 0; i < r->n_supervision; i++) {
		free(r->supervision[i].supervisor);
		free(r->supervision[i].notes);
	}
	for (i = 0; i < r->n_rates; i++)
		free(r->rates[i].warning);
	for (i = 0; i < r->n_benefits; i++)
		free(r->benefits[i].note);
	free(r->dbs);
	free(r->training);
	free(r->supervision);
	free(r->rates);
	free(r->benefits);
	memset(r, 0, sizeof *r);
}

/* ---- the list --------------------------------------------------------- */

struct pals_staff {
	struct staff *v;
	size_t n, cap;
};

static int
pals_staff_cb(void *arg, const struct staff *row)
{
	struct pals_staff *l = arg;
	struct staff *c;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	c = &l->v[l->n++];
	memset(c, 0, sizeof *c);
	c->id = row->id;
	c->login = row->login ? xstrdup(row->login) : NULL;
	c->name = row->name ? xstrdup(row->name) : NULL;
	c->role = row->role;
	c->active = row->active;
	return 0;
}

static void
pals_staff_fini(struct pals_staff *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		staff_fini(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static int
pals_dbs_first_cb(void *arg, const struct pal_dbs_row *row)
{
	memcpy(arg, row->recheck_due, 11);
	return 1;	/* the newest certificate only */
}

enum pd_status
app_pal_list(struct app *app, bool with_inactive, struct pal_list *out,
    struct pd_err *err)
{
	struct pals_staff st = { NULL, 0, 0 };
	int64_t scope = assign_scope(app);
	enum pd_status s;
	size_t i;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_ANYONE, "see the PAL list", err))
	    != PD_OK)
		return s;
	if ((s = db_staff_list(app->db, ROLE_PAL, pals_staff_cb, &st, err))
	    != PD_OK) {
		pals_staff_fini(&st);
		return s;
	}
	out->v = xcalloc(st.n ? st.n : 1, sizeof *out->v);
	for (i = 0; i < st.n && s == PD_OK; i++) {
		struct staff *p = &st.v[i];
		struct pal_summary *row;
		struct pal_profile prof;

		if ((!p->active && !with_inactive) || (scope != 0 &&
		    p->id != scope))
			continue;
		row = &out->v[out->n++];
		row->id = p->id;
		row->login = xstrdup(p->login ? p->login : "");
		row->name = xstrdup(p->name ? p->name : "");
		row->active = p->active;
		row->max_clients = -1;
		row->rule_visible = assign_is_manager(app) || scope != 0;
		memset(&prof, 0, sizeof prof);
		if (db_pal_get(app->db, p->id, &prof, NULL) == PD_OK)
			row->max_clients = prof.max_clients;
		pal_profile_fini(&prof);
		s = assign_caseload(app, p->id, &row->caseload, err);
		if (s == PD_OK)
			s = assign_pal_week(app, p->id, NULL, &row->week, err);
		if (s == PD_OK)
			s = db_pal_dbs_list(app->db, p->id, pals_dbs_first_cb,
			    row->dbs_recheck_due, err);
		if (!row->rule_visible)
			row->week.check.rule = row->week.rule = RULE_NONE;
	}
	pals_staff_fini(&st);
	if (s != PD_OK)
		pal_list_fini(out);
	return s;
}

/* ---- the record ------------------------------------------------------- */

#define PUSH(arr, n) \
	((arr) = xreallocarray((arr), (n) + 1, sizeof *(arr)), \
	 memset(&(arr)[(n)], 0, sizeof *(arr)), &(arr)[(n)++])

static int
pals_dbs_cb(void *arg, const struct pal_dbs_row *row)
{
	struct pal_record *r = arg;
	struct pal_dbs *d = PUSH(r->dbs, r->n_dbs);

	d->id = row->id;
	snprintf(d->level, sizeof d->level, "%s", row->level);
	d->certificate_no = row->certificate_no ?
	    xstrdup(row->certificate_no) : NULL;
	memcpy(d->issued_on, row->issued_on, 11);
	d->update_service = row->update_service;
	memcpy(d->recheck_due, row->recheck_due, 11);
	return 0;
}

static int
pals_training_cb(void *arg, const struct pal_training_row *row)
{
	struct pal_record *r = arg;
	struct pal_training *t = PUSH(r->training, r->n_training);

	t->id = row->id;
	memcpy(t->date, row->date, 11);
	t->title = xstrdup(row->title ? row->title : "");
	t->minutes = row->minutes;
	t->paid = row->paid;
	return 0;
}

static int
pals_supervision_cb(void *arg, const struct pal_supervision_row *row)
{
	struct pal_record *r = arg;
	struct pal_supervision *v = PUSH(r->supervision, r->n_supervision);

	v->id = row->id;
	memcpy(v->date, row->date, 11);
	v->supervisor = row->supervisor_name ?
	    xstrdup(row->supervisor_name) : NULL;
	v->minutes = row->minutes;
	v->paid = row->paid;
	v->notes = row->notes ? xstrdup(row->notes) : NULL;
	return 0;
}

static int
pals_rate_cb(void *arg, const struct pal_rate_row *row)
{
	struct pal_record *r = arg;
	struct pal_rate *v = PUSH(r->rates, r->n_rates);

	v->rate_pence = row->rate_pence;
	memcpy(v->from, row->effective_from, 11);
	return 0;
}

static int
pals_benefit_cb(void *arg, const struct pal_benefit_row *row)
{
	struct pal_record *r = arg;
	struct pal_benefit *v = PUSH(r->benefits, r->n_benefits);

	v->rule = row->rule;
	memcpy(v->from, row->effective_from, 11);
	v->note = row->note ? xstrdup(row->note) : NULL;
	return 0;
}

static int
pals_client_cb(void *arg, const struct assignment *row)
{
	struct strbuf *sb = arg;

	if (sb->len > 0)
		strbuf_adds(sb, ", ");
	strbuf_adds(sb, row->client_name ? row->client_name : "?");
	return 0;
}

/* May the actor read PAL *pal_id at all?  0 means their own record. */
static enum pd_status
pals_may_read(struct app *app, int64_t *pal_id, struct pd_err *err)
{
	enum pd_status s;

	if ((s = app_require(app, APP_ANYONE, "read PAL records", err))
	    != PD_OK)
		return s;
	if (*pal_id == 0 && app_actor_signed_in(app))
		*pal_id = access_staff_id(app);
	return access_own_pal(app, pal_id, "read a PAL record", err);
}

static enum pd_status
pals_read(struct app *app, int64_t pal_id, struct pal_record *r,
    struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	bool self = assign_scope(app) == pal_id;
	char today[11];
	enum pd_status s;

	memset(r, 0, sizeof *r);
	app_today(today);
	s = db_staff_get(app->db, pal_id, &r->staff, err);
	if (s == PD_OK && r->staff.role != ROLE_PAL)
		s = pd_fail(err, PD_NOT_FOUND, NULL, "%s is not a PAL",
		    r->staff.name);
	if (s == PD_OK)
		s = db_pal_get(app->db, pal_id, &r->profile, err);
	if (s == PD_OK)
		s = assign_caseload(app, pal_id, &r->caseload, err);
	if (s == PD_OK)
		s = db_assignment_list_for_worker(app->db, pal_id, 1,
		    pals_client_cb, &sb, err);
	r->clients = strbuf_detach(&sb);
	if (s == PD_OK)
		s = assign_pal_week(app, pal_id, today, &r->week, err);
	if (s == PD_OK)
		s = db_pal_dbs_list(app->db, pal_id, pals_dbs_cb, r, err);
	if (s == PD_OK)
		s = db_pal_training_list(app->db, pal_id, pals_training_cb, r,
		    err);
	if (s == PD_OK)
		s = db_pal_supervision_list(app->db, pal_id,
		    pals_supervision_cb, r, err);
	r->private_visible = assign_is_manager(app) || self;
	r->may_edit_pay = assign_is_manager(app);
	r->may_add_records = assign_scope(app) == 0;
	r->may_edit_all = assign_scope(app) == 0;
	r->may_edit_profile = true;
	if (s == PD_OK && r->private_visible) {
		size_t i;
		char msg[400];

		s = db_pal_rate_list(app->db, pal_id, pals_rate_cb, r, err);
		if (s == PD_OK)
			s = db_pal_benefit_list(app->db, pal_id,
			    pals_benefit_cb, r, err);
		if (s == PD_OK)
			s = db_pal_benefit_on(app->db, pal_id, today, &r->rule,
			    err);
		for (i = 0; s == PD_OK && i < r->n_rates; i++)
			if (app_pal_rate_check(app, &r->profile,
			    r->rates[i].rate_pence, r->rates[i].from, msg,
			    sizeof msg))
				r->rates[i].warning = xstrdup(msg);
		if (s == PD_OK && r->week.rate_pence >= 0 &&
		    app_pal_rate_check(app, &r->profile, r->week.rate_pence,
		    today, msg, sizeof msg))
			r->rate_warning = xstrdup(msg);
	}
	if (!r->private_visible)
		r->week.check.rule = r->week.rule = RULE_NONE;
	if (s != PD_OK)
		pal_record_fini(r);
	return s;
}

enum pd_status
app_pal_open(struct app *app, int64_t pal_id, struct pal_record *out,
    struct pd_err *err)
{
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = pals_may_read(app, &pal_id, err)) != PD_OK)
		return s;
	s = pals_read(app, pal_id, out, err);
	if (s == PD_NOT_FOUND)
		return pd_fail(err, s, NULL, "there is no such PAL");
	return s;
}

enum pd_status
app_pal_week(struct app *app, int64_t pal_id, const char *date,
    struct pal_week *out, struct pd_err *err)
{
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = pals_may_read(app, &pal_id, err)) != PD_OK)
		return s;
	return assign_pal_week(app, pal_id, date, out, err);
}

/* ---- the profile ------------------------------------------------------ */

static void
pals_set(char **dst, const char *src)
{
	free(*dst);
	*dst = str_blank(src) ? NULL : xstrdup(src);
}

/* One line per shared field that is set, for the audit. */
static char *
pals_describe(const struct pal_profile *p)
{
	struct strbuf sb = STRBUF_INIT;

#define LINE(label, v) do { if ((v) != NULL && (v)[0] != '\0') \
	strbuf_addf(&sb, "%s: %s\n", label, v); } while (0)
	LINE("date of birth", p->date_of_birth);
	LINE("gender", p->gender);
	LINE("pronouns", p->pronouns);
	LINE("work experience", p->work_experience);
	LINE("interests", p->interests);
	LINE("likes", p->likes);
	LINE("dislikes", p->dislikes);
	LINE("activities", p->activities);
	LINE("languages", p->languages);
	LINE("skills", p->skills);
	LINE("my story", p->my_story);
	LINE("started", p->started_on);
	LINE("left", p->left_on);
#undef LINE
	if (p->max_clients >= 0)
		strbuf_addf(&sb, "most clients: %d\n", p->max_clients);
	return strbuf_detach(&sb);
}

static enum pd_status
pals_check_date(const char *d, const char *field, const char *what,
    struct pd_err *err)
{
	pd_date x;

	if (d[0] == '\0' || date_parse(d, &x, NULL) == PD_OK)
		return PD_OK;
	return pd_fail(err, PD_INVALID, field,
	    "%s should be a date like 2026-04-06", what);
}

enum pd_status
app_pal_profile_save(struct app *app, struct pal_profile *p,
    struct pd_err *err)
{
	struct pal_profile cur;
	struct staff st;
	char *before = NULL, *after = NULL, summary[200];
	int64_t scope = assign_scope(app);
	enum pd_status s;

	if ((s = pals_may_read(app, &p->staff_id, err)) != PD_OK)
		return s;
	if ((s = pals_check_date(p->date_of_birth, "date_of_birth",
	    "Date of birth", err)) != PD_OK ||
	    (s = pals_check_date(p->started_on, "started_on", "Started",
	    err)) != PD_OK ||
	    (s = pals_check_date(p->left_on, "left_on", "Left", err)) != PD_OK)
		return s;
	if (p->max_clients < -1 || p->max_clients > 100)
		return pd_fail(err, PD_INVALID, "max_clients",
		    "the most clients should be between 0 and 100");
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	memset(&cur, 0, sizeof cur);
	memset(&st, 0, sizeof st);
	s = db_pal_get(app->db, p->staff_id, &cur, err);
	if (s == PD_OK)
		s = db_staff_get(app->db, p->staff_id, &st, err);
	if (s == PD_OK) {
		struct pal_profile next;

		before = pals_describe(&cur);
		if (scope != 0) {
			/* a PAL changes only what they share */
			pals_set(&cur.gender, p->gender);
			pals_set(&cur.pronouns, p->pronouns);
			pals_set(&cur.work_experience, p->work_experience);
			pals_set(&cur.interests, p->interests);
			pals_set(&cur.likes, p->likes);
			pals_set(&cur.dislikes, p->dislikes);
			pals_set(&cur.activities, p->activities);
			pals_set(&cur.languages, p->languages);
			pals_set(&cur.skills, p->skills);
			pals_set(&cur.my_story, p->my_story);
			cur.version = p->version;
			s = db_pal_update(app->db, &cur, err);
			p->version = cur.version;
			after = pals_describe(&cur);
		} else {
			next = *p;
			s = db_pal_update(app->db, &next, err);
			p->version = next.version;
			after = pals_describe(p);
		}
	}
	if (s == PD_OK && strcmp(before, after) != 0) {
		snprintf(summary, sizeof summary, "changed the profile of %s",
		    st.name ? st.name : "a PAL");
		s = app_audit(app, "update", "pal", p->staff_id, 0, summary,
		    before, after, NULL, err);
	}
	s = app_finish(app, s, err);
	free(before);
	free(after);
	pal_profile_fini(&cur);
	staff_fini(&st);
	return s;
}

/* ---- pay -------------------------------------------------------------- */

bool
app_pal_rate_check(struct app *app, const struct pal_profile *p,
    int64_t rate_pence, const char *date, char *msg, size_t n)
{
	const struct rules_wage_row *row;
	const struct rules_band *band;
	char r[MONEY_STR_LEN], m[MONEY_STR_LEN];
	pd_date dob, on;
	int age;

	if (n > 0)
		msg[0] = '\0';
	if (date == NULL || date_parse(date, &on, NULL) != PD_OK ||
	    (row = rules_wage_row_on(app->rules, date)) == NULL)
		return false;
	money_format(rate_pence, r);
	if (p != NULL && date_parse(p->date_of_birth, &dob, NULL) == PD_OK &&
	    (age = date_age_on(dob, on)) >= 0) {
		band = rules_wage_on(app->rules, date, age);
		if (band == NULL || rate_pence >= band->rate_pence)
			return false;
		snprintf(msg, n, "%s an hour is below the minimum wage on %s "
		    "for someone aged %d (%s): %s", r, date, age, band->name,
		    money_format(band->rate_pence, m));
		return true;
	}
	if ((band = rules_wage_top(row)) == NULL)
		return false;
	money_format(band->rate_pence, m);
	if (rate_pence < band->rate_pence) {
		snprintf(msg, n, "%s an hour is below the adult minimum wage "
		    "on %s (%s, %s); no date of birth is recorded, so peerdesk "
		    "compared it with the adult rate", r, date, band->name, m);
		return true;
	}
	snprintf(msg, n, "No date of birth is recorded, so peerdesk compared "
	    "%s with the adult rate on %s (%s, %s)", r, date, band->name, m);
	return false;
}

static enum pd_status
pals_staff_name(struct app *app, int64_t pal_id, char *name, size_t n,
    struct pd_err *err)
{
	struct staff st;
	enum pd_status s;

	memset(&st, 0, sizeof st);
	s = db_staff_get(app->db, pal_id, &st, err);
	if (s == PD_OK && st.role != ROLE_PAL)
		s = pd_fail(err, PD_NOT_FOUND, NULL, "%s is not a PAL", st.name);
	if (s == PD_OK)
		snprintf(name, n, "%s", st.name ? st.name : "");
	staff_fini(&st);
	return s;
}

enum pd_status
app_pal_rate_add(struct app *app, int64_t pal_id, int64_t rate_pence,
    const char *from, char *warning, size_t n, struct pd_err *err)
{
	struct pal_profile prof;
	char on[11], name[128], summary[300], msg[400], money[MONEY_STR_LEN];
	bool below = false;
	enum pd_status s;

	if (warning != NULL && n > 0)
		warning[0] = '\0';
	if ((s = app_require(app, APP_MANAGER, "change pay rates", err))
	    != PD_OK)
		return s;
	if (rate_pence <= 0 || rate_pence > MONEY_MAX_PENCE)
		return pd_fail(err, PD_INVALID, "rate",
		    "please give the hourly rate, like 12.71");
	if ((s = assign_date_or_today(from, on, "effective_from",
	    "The date it starts", err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	memset(&prof, 0, sizeof prof);
	s = pals_staff_name(app, pal_id, name, sizeof name, err);
	if (s == PD_OK)
		s = db_pal_get(app->db, pal_id, &prof, err);
	if (s == PD_OK) {
		below = app_pal_rate_check(app, &prof, rate_pence, on, msg,
		    sizeof msg);
		s = db_pal_rate_add(app->db, pal_id, rate_pence, on,
		    access_staff_id(app), err);
	}
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "hourly rate for %s: %s from "
		    "%s%s", name, money_format(rate_pence, money), on,
		    below ? " (below the minimum wage)" : "");
		s = app_audit(app, "create", "pal_rate", pal_id, 0, summary,
		    NULL, NULL, NULL, err);
	}
	s = app_finish(app, s, err);
	if (s == PD_OK && below && warning != NULL)
		snprintf(warning, n, "%s", msg);
	pal_profile_fini(&prof);
	return s;
}

enum pd_status
app_pal_benefit_set(struct app *app, int64_t pal_id, enum benefit_rule rule,
    const char *from, const char *note, struct pd_err *err)
{
	char on[11], name[128], summary[300];
	enum pd_status s;

	if ((s = app_require(app, APP_MANAGER, "change benefit rules", err))
	    != PD_OK)
		return s;
	if (benefit_rule_str(rule) == NULL)
		return pd_fail(err, PD_INVALID, "rule", "please choose a rule");
	if ((s = assign_date_or_today(from, on, "effective_from",
	    "The date it starts", err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = pals_staff_name(app, pal_id, name, sizeof name, err);
	if (s == PD_OK)
		s = db_pal_benefit_set(app->db, pal_id, rule, on,
		    str_blank(note) ? NULL : note, access_staff_id(app), err);
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "benefit rule for %s: %s from "
		    "%s", name, benefit_rule_label(rule), on);
		s = app_audit(app, "update", "pal_benefit", pal_id, 0, summary,
		    NULL, NULL, NULL, err);
	}
	return app_finish(app, s, err);
}

/* ---- DBS, training, supervision --------------------------------------- */

void
app_dbs_recheck_due(const struct app *app, const char *issued,
    bool update_service, char out[11])
{
	pd_date d;
	int months = update_service ?
	    app->settings->dbs_recheck_months_update_service :
	    app->settings->dbs_recheck_months;

	out[0] = '\0';
	if (issued == NULL || date_parse(issued, &d, NULL) != PD_OK)
		return;
	date_format(date_add_months(d, months), out);
}

static const char *const pals_dbs_levels[] = {
	"basic", "standard", "enhanced", "enhanced_barred", NULL
};

enum pd_status
app_pal_dbs_add(struct app *app, int64_t pal_id, struct pal_dbs *in,
    struct pd_err *err)
{
	char name[128], summary[300];
	enum pd_status s;
	int i;

	if ((s = app_require(app, APP_STAFF, "record DBS checks", err))
	    != PD_OK)
		return s;
	for (i = 0; pals_dbs_levels[i] != NULL; i++)
		if (strcmp(in->level, pals_dbs_levels[i]) == 0)
			break;
	if (pals_dbs_levels[i] == NULL)
		return pd_fail(err, PD_INVALID, "level", "the DBS level should "
		    "be basic, standard, enhanced or enhanced with barred "
		    "lists");
	if ((s = pals_check_date(in->issued_on, "issued_on", "Issued",
	    err)) != PD_OK || (s = pals_check_date(in->recheck_due,
	    "recheck_due", "Re-check due", err)) != PD_OK)
		return s;
	if (in->recheck_due[0] == '\0')
		app_dbs_recheck_due(app, in->issued_on, in->update_service,
		    in->recheck_due);
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = pals_staff_name(app, pal_id, name, sizeof name, err);
	if (s == PD_OK)
		s = db_pal_dbs_add(app->db, pal_id, in->level,
		    str_blank(in->certificate_no) ? NULL :
		    in->certificate_no, in->issued_on, in->update_service,
		    in->recheck_due, err);
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "DBS check for %s: %s, issued "
		    "%s, re-check due %s", name, in->level,
		    in->issued_on[0] ? in->issued_on : "(not given)",
		    in->recheck_due[0] ? in->recheck_due : "(not set)");
		s = app_audit(app, "create", "pal_dbs", pal_id, 0, summary,
		    NULL, NULL, NULL, err);
	}
	return app_finish(app, s, err);
}

/* The timesheet line for paid supervision or training, through the
 * timesheet use case (inside the caller's transaction), so the same
 * rules hold as for any line: an approved week or going over a limit
 * needs the manager and a reason. */
static enum pd_status
pals_add_line(struct app *app, int64_t pal_id, const char *date,
    int minutes, enum line_kind kind, int64_t supervision_id,
    int64_t training_id, const char *note, const char *reason,
    struct pd_err *err)
{
	struct ts_line l;
	enum pd_status s;

	memset(&l, 0, sizeof l);
	l.pal_id = pal_id;
	snprintf(l.date, sizeof l.date, "%s", date);
	l.minutes = minutes;
	l.kind = kind;
	l.supervision_id = supervision_id;
	l.training_id = training_id;
	l.note = xstrdup(note);
	s = app_line_add(app, &l, str_blank(reason) ? NULL : reason, err);
	ts_line_fini(&l);
	return s;
}

static enum pd_status
pals_check_minutes(int minutes, struct pd_err *err)
{
	if (minutes <= 0 || minutes > 24 * 60)
		return pd_fail(err, PD_INVALID, "minutes",
		    "please say how long, like 1h or 45m");
	return PD_OK;
}

enum pd_status
app_pal_training_add(struct app *app, int64_t pal_id, const char *date,
    const char *title, int minutes, int paid, const char *reason,
    struct pd_err *err)
{
	char on[11], name[128], summary[400];
	int64_t id = 0;
	enum pd_status s;

	if ((s = app_require(app, APP_STAFF, "record training", err))
	    != PD_OK)
		return s;
	if ((s = assign_date_or_today(date, on, "date", "The date", err))
	    != PD_OK)
		return s;
	if (str_blank(title))
		return pd_fail(err, PD_INVALID, "title",
		    "please say what the training was");
	if ((s = pals_check_minutes(minutes, err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = pals_staff_name(app, pal_id, name, sizeof name, err);
	if (s == PD_OK)
		s = db_pal_training_add(app->db, pal_id, on, title, minutes,
		    paid ? 1 : 0, &id, err);
	if (s == PD_OK && paid)
		s = pals_add_line(app, pal_id, on, minutes, LINE_TRAINING, 0,
		    id, title, reason, err);
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "training for %s on %s: %s",
		    name, on, title);
		s = app_audit(app, "create", "pal_training", id, 0, summary,
		    NULL, NULL, NULL, err);
	}
	return app_finish(app, s, err);
}

enum pd_status
app_pal_supervision_add(struct app *app, int64_t pal_id, const char *date,
    int64_t supervisor_id, int minutes, int paid, const char *notes,
    const char *reason, struct pd_err *err)
{
	char on[11], name[128], summary[300];
	int64_t id = 0;
	enum pd_status s;

	if ((s = app_require(app, APP_STAFF, "record supervision", err))
	    != PD_OK)
		return s;
	if ((s = assign_date_or_today(date, on, "date", "The date", err))
	    != PD_OK)
		return s;
	if ((s = pals_check_minutes(minutes, err)) != PD_OK)
		return s;
	if (supervisor_id == 0)
		supervisor_id = access_staff_id(app);
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = pals_staff_name(app, pal_id, name, sizeof name, err);
	if (s == PD_OK)
		s = db_pal_supervision_add(app->db, pal_id, on, supervisor_id,
		    minutes, paid ? 1 : 0, str_blank(notes) ? NULL : notes,
		    &id, err);
	if (s == PD_OK && paid)
		s = pals_add_line(app, pal_id, on, minutes, LINE_SUPERVISION,
		    id, 0, "supervision", reason, err);
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "supervision for %s on %s",
		    name, on);
		s = app_audit(app, "create", "pal_supervision", id, 0, summary,
		    NULL, NULL, NULL, err);
	}
	return app_finish(app, s, err);
}

struct pals_sup {
	int (*cb)(void *arg, int64_t id, const char *name);
	void *arg;
	int stop;
};

static int
pals_sup_cb(void *arg, const struct staff *row)
{
	struct pals_sup *p = arg;

	if (!row->active || row->role == ROLE_PAL)
		return 0;
	p->stop = p->cb(p->arg, row->id, row->name ? row->name : "");
	return p->stop;
}

enum pd_status
app_pal_supervisors(struct app *app,
    int (*cb)(void *arg, int64_t id, const char *name), void *arg,
    struct pd_err *err)
{
	struct pals_sup p = { cb, arg, 0 };
	enum pd_status s;

	if ((s = app_require(app, APP_STAFF, "list supervisors", err))
	    != PD_OK)
		return s;
	return db_staff_list(app->db, -1, pals_sup_cb, &p, err);
}
