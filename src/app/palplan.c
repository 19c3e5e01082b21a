/* palplan.c - the PAL's Wellness and Development Plan: only for that
 * PAL and the managers. */
#include "peerdesk/app/palplan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/palplan.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/model/plandiff.h"
#include "plans_priv.h"

/* Whose plan the actor may see: pal_id, or the actor's own for 0. */
static enum pd_status
palplan_whose(const struct app *app, int64_t pal_id, int64_t *out,
    struct pd_err *err)
{
	enum pd_status s;

	if ((s = app_require(app, APP_PAL | APP_MANAGER, "see a PAL's "
	    "Wellness and Development Plan", err)) != PD_OK)
		return s;
	if (pal_id == 0 && app_actor_is_pal(app))
		pal_id = access_staff_id(app);
	if (pal_id <= 0)
		return pd_fail(err, PD_INVALID, NULL, "say which PAL's plan");
	if (app_actor_is_pal(app) && !app_actor_is(app, pal_id))
		return pd_fail(err, PD_DENIED, NULL, "a PAL's Wellness and "
		    "Development Plan is only for them and the managers");
	*out = pal_id;
	return PD_OK;
}

enum pd_status
app_pal_plan_open(struct app *app, int64_t pal_id, struct pal_plan *out,
    char **pal_name, struct pd_err *err)
{
	enum pd_status s;
	int newest = 0;

	memset(out, 0, sizeof *out);
	if (pal_name != NULL)
		*pal_name = NULL;
	if ((s = palplan_whose(app, pal_id, &pal_id, err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = db_pal_plan_current(app->db, pal_id, &newest, err);
	if (s == PD_OK && newest > 0)
		s = db_pal_plan_get(app->db, pal_id, 0, out, err);
	if (s == PD_OK) {
		out->pal_id = pal_id;
		s = app_audit(app, "open", "pal_plan_version", pal_id, 0,
		    "opened the Wellness and Development Plan", NULL, NULL,
		    NULL, err);
	}
	if (s == PD_OK && pal_name != NULL)
		*pal_name = plans_staff_name(app, pal_id);
	s = plans_finish(app, s, err);
	if (s != PD_OK) {
		pal_plan_fini(out);
		if (pal_name != NULL)
			FREE(pal_name);
	}
	return s;
}

enum pd_status
app_pal_plan_save(struct app *app, struct pal_plan *p, int expected,
    int *now, struct pd_err *err)
{
	struct pal_plan cur;
	struct strbuf sum = STRBUF_INIT;
	enum pd_status s;
	unsigned changed;
	int newest = 0;
	size_t i;

	if ((s = palplan_whose(app, p->pal_id, &p->pal_id, err)) != PD_OK)
		return s;
	for (i = 0; i < PAL_PLAN_NFIELDS; i++) {
		const char *t = pal_plan_field_get(p, i);

		if (t != NULL && strlen(t) > PLAN_TEXT_MAX)
			return pd_fail(err, PD_INVALID, pal_plan_fields[i].key,
			    "This is too long to keep; please shorten it");
	}
	memset(&cur, 0, sizeof cur);
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = db_pal_plan_current(app->db, p->pal_id, &newest, err);
	if (s == PD_OK && newest > 0 && newest == expected)
		s = db_pal_plan_get(app->db, p->pal_id, 0, &cur, err);
	if (s != PD_OK)
		goto out;
	changed = pal_plan_changed(&cur, p);
	if (newest == expected && changed == 0) {
		if (now != NULL)
			*now = newest;
		goto out;
	}
	plans_moment(p->saved_at);
	s = db_pal_plan_insert(app->db, p, expected, plans_actor(app), err);
	if (s != PD_OK)
		goto out;
	strbuf_addf(&sum, "saved version %d of the Wellness and Development "
	    "Plan:", p->version_no);
	for (i = 0; i < PAL_PLAN_NFIELDS; i++)
		if (changed & (1u << i))
			strbuf_addf(&sum, " %s;", pal_plan_fields[i].label);
	strbuf_truncate(&sum, sum.len - 1);
	s = plans_audit(app, "update", "pal_plan_version", p->pal_id, 0,
	    sum.buf, NULL, NULL, err);
	if (s == PD_OK && now != NULL)
		*now = p->version_no;
out:
	pal_plan_fini(&cur);
	strbuf_fini(&sum);
	return plans_finish(app, s, err);
}

struct palplan_list {
	struct pal_plan *v;
	size_t n;
};

static int
palplan_list_cb(void *arg, const struct pal_plan *row)
{
	struct palplan_list *l = arg;
	struct pal_plan *c;
	size_t i;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	c = &l->v[l->n++];
	memcpy(c, row, sizeof *c);
	for (i = 0; i < PAL_PLAN_NFIELDS; i++) {
		char **slot = (char **)(void *)((char *)c +
		    pal_plan_fields[i].offset);

		*slot = xstrdup(*slot);
	}
	c->saved_by_name = xstrdup(row->saved_by_name);
	return 0;
}

void
pal_plan_list_free(struct pal_plan *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		pal_plan_fini(&v[i]);
	free(v);
}

enum pd_status
app_pal_plan_history(struct app *app, int64_t pal_id, struct pal_plan **out,
    size_t *n, struct pd_err *err)
{
	struct palplan_list l = { NULL, 0 };
	enum pd_status s;
	int newest;

	*out = NULL;
	*n = 0;
	if ((s = palplan_whose(app, pal_id, &pal_id, err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = db_pal_plan_current(app->db, pal_id, &newest, err);
	if (s == PD_OK)
		s = db_pal_plan_list(app->db, pal_id, palplan_list_cb, &l, err);
	s = plans_finish(app, s, err);
	if (s != PD_OK) {
		pal_plan_list_free(l.v, l.n);
		return s;
	}
	*out = l.v;
	*n = l.n;
	return PD_OK;
}

struct palplan_people {
	struct pal_plan_row *rows;
	size_t n;
};

static int
palplan_people_cb(void *arg, const struct staff *row)
{
	struct palplan_people *p = arg;
	struct pal_plan_row *r;

	p->rows = xreallocarray(p->rows, p->n + 1, sizeof *p->rows);
	r = &p->rows[p->n++];
	memset(r, 0, sizeof *r);
	r->pal_id = row->id;
	r->name = xstrdup(row->name);
	r->active = row->active;
	return 0;
}

void
pal_plan_rows_free(struct pal_plan_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(rows[i].name);
	free(rows);
}

enum pd_status
app_pal_plan_people(struct app *app, struct pal_plan_row **rows, size_t *n,
    struct pd_err *err)
{
	struct palplan_people p = { NULL, 0 };
	enum pd_status s;
	size_t i;

	*rows = NULL;
	*n = 0;
	if ((s = app_require(app, APP_MANAGER, "see every PAL's Wellness and "
	    "Development Plan", err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = db_staff_list(app->db, ROLE_PAL, palplan_people_cb, &p, err);
	for (i = 0; s == PD_OK && i < p.n; i++) {
		struct pal_plan v;

		memset(&v, 0, sizeof v);
		s = db_pal_plan_current(app->db, p.rows[i].pal_id,
		    &p.rows[i].version_no, NULL);
		if (s == PD_NOT_FOUND) {	/* a PAL without a profile */
			s = PD_OK;
			continue;
		}
		if (s == PD_OK && p.rows[i].version_no > 0) {
			s = db_pal_plan_get(app->db, p.rows[i].pal_id, 0, &v,
			    err);
			memcpy(p.rows[i].saved_at, v.saved_at,
			    sizeof p.rows[i].saved_at);
		}
		pal_plan_fini(&v);
	}
	s = plans_finish(app, s, err);
	if (s != PD_OK) {
		pal_plan_rows_free(p.rows, p.n);
		return s;
	}
	*rows = p.rows;
	*n = p.n;
	return PD_OK;
}

void
pal_plan_version_text(const struct pal_plan *prev, const struct pal_plan *cur,
    int width, struct strbuf *out)
{
	struct strbuf line = STRBUF_INIT;
	char day[20], date[11];
	size_t i;
	int n = 0;

	snprintf(date, sizeof date, "%.10s", cur->saved_at);
	strbuf_addf(&line, "Version %d, saved on %s", cur->version_no,
	    plan_long_date(date, day));
	if (cur->saved_by_name != NULL)
		strbuf_addf(&line, " by %s", cur->saved_by_name);
	strbuf_addc(&line, '.');
	plan_wrap(out, line.buf, width, 0);
	strbuf_addc(out, '\n');
	for (i = 0; i < PAL_PLAN_NFIELDS; i++) {
		const char *a = prev ? pal_plan_field_get(prev, i) : NULL;
		const char *b = pal_plan_field_get(cur, i);
		enum plan_change c = plan_text_change(a, b);

		if (c == PLAN_SAME)
			continue;
		n++;
		strbuf_reset(&line);
		strbuf_addf(&line, "%s: %s", pal_plan_fields[i].label,
		    c == PLAN_ADDED ? "written" : c == PLAN_CLEARED ?
		    "emptied" : "changed");
		plan_wrap(out, line.buf, width, 2);
		if (a != NULL)
			plan_wrap_labelled(out, "Before: ", a, width, 4);
		if (b != NULL)
			plan_wrap_labelled(out, "Now: ", b, width, 4);
	}
	if (n == 0)
		plan_wrap(out, "Nothing changed in this version.", width, 2);
	strbuf_fini(&line);
}
