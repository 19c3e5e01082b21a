/* groups.c - groups and drop-ins: who may see them, meetings and their
 * registers, and the PAL's paid time for running one (app/groups.h). */
#include "peerdesk/app/groups.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "peerdesk/app/access.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/group.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/today.h"
#include "time_priv.h"

#define FIRST_NAME_MAX 40

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
static enum pd_status
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
app_groups_list(struct app *app, int all, struct group_row **out,
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

static enum pd_status
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
	g->active = 1;
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
	if (st == PD_OK)
		return db_commit(app->db, err);
	db_rollback(app->db);
	return st;
}

/* The fields of a meeting, and the group must be one the actor sees. */
static enum pd_status
groups_meeting_check(struct app *app, struct group_meeting *m,
    struct pd_err *err)
{
	enum pd_status st;
	pd_date d;
	int t;

	if ((st = app_require(app, APP_ANYONE, "record a group meeting", err))
	    != PD_OK)
		return st;
	if (m->group_id == 0)
		return pd_fail(err, PD_INVALID, "group", "say which group");
	if ((st = groups_may_see(app, m->group_id, err)) != PD_OK)
		return st;
	if (date_parse(m->date, &d, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, "date",
		    "the date should look like 2026-11-26");
	if (date_diff_days(d, today_get()) > 0)
		return pd_fail(err, PD_INVALID, "date", "a meeting is recorded "
		    "on or after its day, not before");
	if (m->minutes <= 0 || m->minutes > DURATION_MAX_MINUTES)
		return pd_fail(err, PD_INVALID, "minutes",
		    "how long should be between 1 minute and 24 hours");
	if (m->start_time[0] != '\0') {
		if (date_hhmm_parse(m->start_time, &t, NULL) != PD_OK)
			return pd_fail(err, PD_INVALID, "start",
			    "the start should be a time like 13:30");
		date_hhmm_format(t, m->start_time);
	}
	if (m->extra_count < 0 || m->extra_count > 10000)
		return pd_fail(err, PD_INVALID, "extra", "the count of others "
		    "should be a number from 0");
	return PD_OK;
}

/* A new meeting needs a group that is still running. */
static enum pd_status
groups_running(struct app *app, int64_t group_id, struct pd_err *err)
{
	struct group_row r;
	enum pd_status st;
	int active;

	memset(&r, 0, sizeof r);
	if ((st = db_group_get(app->db, group_id, &r, err)) != PD_OK)
		return st;
	active = r.g.active;
	if (!active)
		st = pd_fail(err, PD_INVALID, "group", "%s is no longer "
		    "running, so it takes no new meetings; the office can "
		    "start it again", r.g.name);
	group_row_fini(&r);
	return st;
}

/* Who ran the meeting: as given, else (a PAL) themselves, else the
 * group's facilitators.  A PAL may name only themselves and the group's
 * facilitators.  *pals gets those who are PALs (paid time). */
static enum pd_status
groups_runners(struct app *app, int64_t group_id, const int64_t *staff,
    size_t nstaff, int64_t **all, size_t *nall, int64_t **pals,
    size_t *npals, struct pd_err *err)
{
	int64_t self = access_staff_id(app), *v = NULL;
	enum pd_status st = PD_OK;
	size_t n = 0, i, j;

	*all = *pals = NULL;
	*nall = *npals = 0;
	if (nstaff > 0) {
		v = xreallocarray(NULL, nstaff, sizeof *v);
		for (i = 0; i < nstaff; i++) {
			for (j = 0; j < n && v[j] != staff[i]; j++)
				;
			if (j == n)
				v[n++] = staff[i];
		}
	} else if (app_actor_is_pal(app)) {
		v = xmalloc(sizeof *v);
		v[n++] = self;
	} else if ((st = db_group_facilitators(app->db, group_id, &v, &n,
	    err)) != PD_OK)
		return st;
	for (i = 0; st == PD_OK && i < n; i++) {
		struct staff s;

		if (app_actor_is_pal(app) && v[i] != self &&
		    !db_group_is_facilitator(app->db, group_id, v[i])) {
			st = pd_fail(err, PD_DENIED, "facilitator", "a PAL may "
			    "name only themselves and the group's usual "
			    "facilitators as running it");
			break;
		}
		if ((st = groups_staff_ok(app, v[i], &s, err)) != PD_OK)
			break;
		if (s.role == ROLE_PAL) {
			*pals = xreallocarray(*pals, *npals + 1,
			    sizeof **pals);
			(*pals)[(*npals)++] = v[i];
		}
		staff_fini(&s);
	}
	if (st != PD_OK) {
		free(v);
		free(*pals);
		*pals = NULL;
		*npals = 0;
		return st;
	}
	*all = v;
	*nall = n;
	return PD_OK;
}

enum pd_status
app_group_meeting_preview(struct app *app, const struct group_meeting *in,
    const int64_t *staff, size_t nstaff, struct time_preview **out,
    size_t *n, struct pd_err *err)
{
	struct group_meeting m = *in;
	int64_t *all = NULL, *pals = NULL;
	size_t nall = 0, npals = 0, i;
	enum pd_status st;

	*out = NULL;
	*n = 0;
	if ((st = groups_meeting_check(app, &m, err)) != PD_OK)
		return st;
	if ((st = groups_running(app, m.group_id, err)) != PD_OK)
		return st;
	if ((st = groups_runners(app, m.group_id, staff, nstaff, &all, &nall,
	    &pals, &npals, err)) != PD_OK)
		return st;
	if (npals > 0)
		*out = xcalloc(npals, sizeof **out);
	for (i = 0; st == PD_OK && i < npals; i++)
		st = time_preview_calc(app, pals[i], m.date, LINE_SESSION,
		    m.minutes, NULL, &(*out)[i], NULL, err);
	free(all);
	free(pals);
	if (st != PD_OK) {
		free(*out);
		*out = NULL;
		return st;
	}
	*n = npals;
	return PD_OK;
}

/* One person in the register as a client id or a first name (into
 * *client or first[], one of them). */
static enum pd_status
groups_came_resolve(struct app *app, const struct group_came *c,
    const struct group_regular *regs, size_t nregs, int64_t *client,
    char first[FIRST_NAME_MAX + 1], struct pd_err *err)
{
	struct client cl;
	enum pd_status st;
	const char *s;
	size_t k;

	*client = 0;
	first[0] = '\0';
	if (c->client_id != 0) {
		if ((st = access_client(app, c->client_id, "take a register",
		    err)) != PD_OK)
			return st;
		memset(&cl, 0, sizeof cl);
		st = db_client_get(app->db, c->client_id, 0, &cl, NULL);
		client_fini(&cl);
		if (st != PD_OK)
			return pd_fail(err, PD_INVALID, "came", "there is no "
			    "client %lld", (long long)c->client_id);
		*client = c->client_id;
		return PD_OK;
	}
	if (c->regular != 0) {
		if (c->regular < 1 || (size_t)c->regular > nregs)
			return pd_fail(err, PD_INVALID, "came", "there is no "
			    "number %d in this group's list of people",
			    c->regular);
		*client = regs[c->regular - 1].client_id;
		if (*client == 0)
			snprintf(first, FIRST_NAME_MAX + 1, "%s",
			    regs[c->regular - 1].name);
		return PD_OK;
	}
	s = c->first_name != NULL ? c->first_name : "";
	while (*s == ' ')
		s++;
	k = strlen(s);
	while (k > 0 && s[k - 1] == ' ')
		k--;
	if (k == 0)
		return pd_fail(err, PD_INVALID, "came", "a first name is "
		    "needed for someone without a record");
	if (k > FIRST_NAME_MAX)
		return pd_fail(err, PD_INVALID, "came", "a first name is at "
		    "most %d characters; it is only to tell people apart",
		    FIRST_NAME_MAX);
	memcpy(first, s, k);
	first[k] = '\0';
	return PD_OK;
}

enum pd_status
app_group_meeting_add(struct app *app, struct group_meeting *m,
    const int64_t *staff, size_t nstaff, const struct group_came *came,
    size_t ncame, const char *reason, struct pd_err *err)
{
	struct group_regular *regs = NULL;
	struct time_preview *pv = NULL;
	int64_t *all = NULL, *pals = NULL, *seen = NULL;
	size_t nall = 0, npals = 0, nregs = 0, nseen = 0, i, j;
	int named = 0, firsts = 0;
	struct strbuf sum = STRBUF_INIT, after = STRBUF_INIT;
	struct group_row gr;
	enum pd_status st;

	memset(&gr, 0, sizeof gr);
	if ((st = groups_meeting_check(app, m, err)) != PD_OK)
		return st;
	if ((st = groups_running(app, m->group_id, err)) != PD_OK)
		return st;
	if ((st = groups_runners(app, m->group_id, staff, nstaff, &all, &nall,
	    &pals, &npals, err)) != PD_OK)
		return st;
	/* Regulars as the office sees them: a PAL's number for someone who
	 * is not theirs still finds the record, which the PAL never sees. */
	if ((st = db_group_regulars(app->db, m->group_id, 0, &regs, &nregs,
	    err)) != PD_OK)
		goto out;
	if ((st = db_group_get(app->db, m->group_id, &gr, err)) != PD_OK)
		goto out;
	if ((st = db_begin(app->db, err)) != PD_OK)
		goto out;
	if (npals > 0)
		pv = xcalloc(npals, sizeof *pv);
	for (i = 0; st == PD_OK && i < npals; i++) {
		st = time_preview_calc(app, pals[i], m->date, LINE_SESSION,
		    m->minutes, NULL, &pv[i], NULL, err);
		if (st == PD_OK)
			st = time_gate(app, &pv[i], 0, reason, err);
	}
	if (st == PD_OK)
		st = db_group_meeting_insert(app->db, m, access_staff_id(app),
		    err);
	for (i = 0; st == PD_OK && i < nall; i++)
		st = db_group_meeting_staff_add(app->db, m->id, all[i], err);
	for (i = 0; st == PD_OK && i < ncame; i++) {
		char first[FIRST_NAME_MAX + 1];
		int64_t cid;

		st = groups_came_resolve(app, &came[i], regs, nregs, &cid,
		    first, err);
		if (st != PD_OK)
			break;
		if (cid != 0) {
			for (j = 0; j < nseen && seen[j] != cid; j++)
				;
			if (j < nseen)
				continue;	/* named twice: once */
			seen = xreallocarray(seen, nseen + 1, sizeof *seen);
			seen[nseen++] = cid;
			named++;
			strbuf_addf(&after, "%sclient #%lld", named > 1 ?
			    ", " : "came: ", (long long)cid);
		} else
			firsts++;
		st = db_group_attendance_add(app->db, m->id, cid, first, err);
	}
	for (i = 0; st == PD_OK && i < npals; i++) {
		struct ts_line l;

		memset(&l, 0, sizeof l);
		l.pal_id = pals[i];
		memcpy(l.date, m->date, sizeof l.date);
		l.minutes = m->minutes;
		l.kind = LINE_SESSION;
		l.note = xasprintf("group: %s", gr.g.name);
		st = time_line_put(app, &l, NULL, err);
		if (st == PD_OK)
			st = db_group_line_link(app->db, l.id, m->id, err);
		if (st == PD_OK && pv[i].locked)
			st = time_line_audit(app, "create", NULL, &l, reason,
			    err);
		if (st == PD_OK)
			st = time_adjust_record(app, &pv[i], reason, err);
		if (st == PD_OK)
			st = time_override_record(app, &pv[i], reason, l.id, 0,
			    err);
		ts_line_fini(&l);
	}
	if (st == PD_OK) {
		strbuf_addf(&sum, "recorded a meeting of %s on %s: %d came",
		    gr.g.name, m->date, named + firsts + m->extra_count);
		if (firsts + m->extra_count > 0)
			strbuf_addf(&after, "%s%d by first name, %d more",
			    named > 0 ? "; " : "", firsts, m->extra_count);
		st = app_audit(app, "create", "group_meeting", m->id, 0,
		    strbuf_str(&sum), NULL, strbuf_str(&after),
		    str_blank(reason) ? NULL : reason, err);
	}
	if (st == PD_OK)
		st = db_commit(app->db, err);
	else {
		db_rollback(app->db);
		m->id = 0;
	}
out:
	strbuf_fini(&sum);
	strbuf_fini(&after);
	group_row_fini(&gr);
	group_regulars_free(regs, nregs);
	free(pv);
	free(all);
	free(pals);
	free(seen);
	return st;
}

/* A meeting in words for the audit. */
static void
groups_meeting_text(const struct group_meeting *m, struct strbuf *out)
{
	strbuf_addf(out, "%s, %d min", m->date, m->minutes);
	if (m->start_time[0] != '\0')
		strbuf_addf(out, ", from %s", m->start_time);
	if (m->extra_count > 0)
		strbuf_addf(out, ", %d more not named", m->extra_count);
	if (m->notes != NULL && *m->notes != '\0')
		strbuf_addf(out, ", notes: %s", m->notes);
}

/* The stored meeting id, when the actor may change it. */
static enum pd_status
groups_meeting_own(struct app *app, int64_t id, struct group_meeting *old,
    struct pd_err *err)
{
	enum pd_status st;

	memset(old, 0, sizeof *old);
	if ((st = db_group_meeting_get(app->db, id, old, err)) != PD_OK) {
		if (st == PD_NOT_FOUND && app_actor_is_pal(app))
			return pd_fail(err, PD_DENIED, NULL, "there is no "
			    "meeting %lld, or it is not of your groups",
			    (long long)id);
		return st;
	}
	if ((st = groups_may_see(app, old->group_id, err)) != PD_OK)
		group_meeting_fini(old);
	return st;
}

/* Move one PAL's paid line for a meeting to its corrected date and
 * length, through the rules of both weeks. */
static enum pd_status
groups_line_move(struct app *app, int64_t line_id,
    const struct group_meeting *m, const char *reason, struct pd_err *err)
{
	struct ts_line old, l;
	struct ts_week ow;
	struct time_preview p, po;
	enum pd_status st;

	memset(&old, 0, sizeof old);
	memset(&po, 0, sizeof po);
	if ((st = db_line_get(app->db, line_id, &old, err)) != PD_OK)
		return st;
	l = old;
	l.note = old.note != NULL ? xstrdup(old.note) : NULL;
	memcpy(l.date, m->date, sizeof l.date);
	l.minutes = m->minutes;
	memset(&ow, 0, sizeof ow);
	st = db_week_get(app->db, old.week_id, &ow, err);
	if (st == PD_OK)
		st = time_preview_calc(app, old.pal_id, l.date, l.kind,
		    l.minutes, &old, &p, NULL, err);
	if (st == PD_OK)
		st = time_gate(app, &p, time_status_locked(ow.status), reason,
		    err);
	if (st == PD_OK && time_status_locked(ow.status) &&
	    strcmp(ow.week_start, p.first) != 0)
		st = time_preview_calc(app, old.pal_id, old.date, old.kind, 0,
		    &old, &po, NULL, err);
	if (st == PD_OK)
		st = time_line_put(app, &l, &old, err);
	if (st == PD_OK)
		st = db_group_line_link(app->db, l.id, m->id, err);
	if (st == PD_OK)
		st = time_line_audit(app, "update", &old, &l, reason, err);
	if (st == PD_OK)
		st = time_adjust_record(app, &p, reason, err);
	if (st == PD_OK)
		st = time_adjust_record(app, &po, reason, err);
	if (st == PD_OK)
		st = time_override_record(app, &p, reason, l.id, 0, err);
	ts_line_fini(&l);
	ts_line_fini(&old);
	return st;
}

/* Remove one PAL's paid line for a meeting, through its week's rules. */
static enum pd_status
groups_line_remove(struct app *app, int64_t line_id, const char *reason,
    struct pd_err *err)
{
	struct ts_line old;
	struct ts_week ow;
	struct time_preview p;
	enum pd_status st;

	memset(&old, 0, sizeof old);
	memset(&ow, 0, sizeof ow);
	memset(&p, 0, sizeof p);
	if ((st = db_line_get(app->db, line_id, &old, err)) != PD_OK)
		return st;
	st = db_week_get(app->db, old.week_id, &ow, err);
	if (st == PD_OK && time_status_locked(ow.status))
		st = time_preview_calc(app, old.pal_id, old.date, old.kind, 0,
		    &old, &p, NULL, err);
	p.locked = time_status_locked(ow.status);
	p.needs_override = 0;
	if (st == PD_OK)
		st = time_gate(app, &p, 0, reason, err);
	if (st == PD_OK)
		st = db_line_delete(app->db, line_id, err);
	if (st == PD_OK)
		st = time_line_audit(app, "delete", &old, NULL, reason, err);
	if (st == PD_OK)
		st = time_adjust_record(app, &p, reason, err);
	ts_line_fini(&old);
	return st;
}

enum pd_status
app_group_meeting_update(struct app *app, struct group_meeting *m,
    const char *reason, struct pd_err *err)
{
	struct strbuf sum = STRBUF_INIT, before = STRBUF_INIT,
	    after = STRBUF_INIT;
	struct group_meeting old;
	int64_t *lines = NULL;
	size_t nlines = 0, i;
	enum pd_status st;

	if ((st = app_require(app, APP_ANYONE, "correct a group meeting",
	    err)) != PD_OK)
		return st;
	if ((st = groups_meeting_own(app, m->id, &old, err)) != PD_OK)
		return st;
	m->group_id = old.group_id;
	if ((st = groups_meeting_check(app, m, err)) != PD_OK)
		goto out;
	if (m->version != old.version) {
		st = db_group_meeting_stale(app->db, m->id, err);
		goto out;
	}
	if ((st = db_begin(app->db, err)) != PD_OK)
		goto out;
	st = db_group_meeting_lines(app->db, m->id, &lines, &nlines, err);
	for (i = 0; st == PD_OK && i < nlines; i++)
		st = groups_line_move(app, lines[i], m, reason, err);
	if (st == PD_OK)
		st = db_group_meeting_update(app->db, m, err);
	if (st == PD_OK) {
		groups_meeting_text(&old, &before);
		groups_meeting_text(m, &after);
		strbuf_addf(&sum, "corrected the meeting of group %lld on %s",
		    (long long)m->group_id, old.date);
		st = app_audit(app, "update", "group_meeting", m->id, 0,
		    strbuf_str(&sum), strbuf_str(&before), strbuf_str(&after),
		    str_blank(reason) ? NULL : reason, err);
	}
	if (st == PD_OK)
		st = db_commit(app->db, err);
	else {
		db_rollback(app->db);
		m->version = old.version;
	}
out:
	strbuf_fini(&sum);
	strbuf_fini(&before);
	strbuf_fini(&after);
	group_meeting_fini(&old);
	free(lines);
	return st;
}

/* Who came, in words for the audit: clients only as "client #N". */
static void
groups_register_text(struct app *app, int64_t meeting_id, int extra,
    struct strbuf *out)
{
	struct group_attendee *v = NULL;
	size_t n = 0, i;
	int named = 0, firsts = 0;

	if (db_group_attendees(app->db, meeting_id, 0, &v, &n, NULL) != PD_OK)
		n = 0;
	for (i = 0; i < n; i++) {
		if (v[i].client_id != 0)
			strbuf_addf(out, "%sclient #%lld", named++ > 0 ? ", " :
			    "came: ", (long long)v[i].client_id);
		else
			firsts++;
	}
	strbuf_addf(out, "%s%d by first name, %d more", named > 0 ? "; " :
	    "", firsts, extra);
	group_attendees_free(v, n);
}

/* The line to take out for drop: *client, or a first name in first. */
static enum pd_status
groups_drop_resolve(struct app *app, int64_t meeting_id,
    const struct group_came *c, const struct group_regular *regs,
    size_t nregs, int64_t *client, char first[FIRST_NAME_MAX + 1],
    struct pd_err *err)
{
	struct group_attendee *shown = NULL, *full = NULL;
	size_t nshown = 0, nfull = 0, i;
	enum pd_status st;

	if (c->client_id != 0 || c->regular != 0)
		return groups_came_resolve(app, c, regs, nregs, client, first,
		    err);
	if ((st = groups_came_resolve(app, c, regs, nregs, client, first,
	    err)) != PD_OK)
		return st;
	/* A first name as the actor sees the register: for a PAL, maybe a
	 * client who is not theirs (the same rows in the same order). */
	st = db_group_attendees(app->db, meeting_id, access_scope(app), &shown,
	    &nshown, err);
	if (st == PD_OK)
		st = db_group_attendees(app->db, meeting_id, 0, &full, &nfull,
		    err);
	for (i = 0; st == PD_OK && i < nshown && i < nfull; i++) {
		if (shown[i].client_id == 0 && shown[i].name != NULL &&
		    strcasecmp(shown[i].name, first) == 0) {
			*client = full[i].client_id;
			break;
		}
	}
	group_attendees_free(shown, nshown);
	group_attendees_free(full, nfull);
	return st;
}

enum pd_status
app_group_register_change(struct app *app, struct group_meeting *m,
    const struct group_came *add, size_t nadd, const struct group_came *drop,
    size_t ndrop, int extra, struct pd_err *err)
{
	struct strbuf sum = STRBUF_INIT, before = STRBUF_INIT,
	    after = STRBUF_INIT;
	struct group_regular *regs = NULL;
	struct group_meeting old, upd;
	size_t nregs = 0, i;
	enum pd_status st;

	if ((st = app_require(app, APP_ANYONE, "correct who came to a group "
	    "meeting", err)) != PD_OK)
		return st;
	if ((st = groups_meeting_own(app, m->id, &old, err)) != PD_OK)
		return st;
	if (extra < -1 || extra > 10000) {
		st = pd_fail(err, PD_INVALID, "extra", "the count of others "
		    "should be a number from 0");
		goto out;
	}
	if (m->version != old.version) {
		st = db_group_meeting_stale(app->db, m->id, err);
		goto out;
	}
	if ((st = db_group_regulars(app->db, old.group_id, 0, &regs, &nregs,
	    err)) != PD_OK)
		goto out;
	if ((st = db_begin(app->db, err)) != PD_OK)
		goto out;
	groups_register_text(app, m->id, old.extra_count, &before);
	for (i = 0; st == PD_OK && i < ndrop; i++) {
		char first[FIRST_NAME_MAX + 1];
		int64_t cid;

		st = groups_drop_resolve(app, m->id, &drop[i], regs, nregs,
		    &cid, first, err);
		if (st != PD_OK)
			break;
		st = db_group_attendance_remove(app->db, m->id, cid, first,
		    NULL);
		if (st == PD_NOT_FOUND) {
			if (drop[i].regular != 0)
				st = pd_fail(err, PD_INVALID, "remove",
				    "%s is not in this meeting's register",
				    regs[drop[i].regular - 1].name);
			else if (cid != 0 && first[0] == '\0')
				st = pd_fail(err, PD_INVALID, "remove",
				    "client %lld is not in this meeting's "
				    "register", (long long)cid);
			else
				st = pd_fail(err, PD_INVALID, "remove",
				    "%s is not in this meeting's register",
				    first);
		}
	}
	for (i = 0; st == PD_OK && i < nadd; i++) {
		char first[FIRST_NAME_MAX + 1];
		int64_t cid;

		st = groups_came_resolve(app, &add[i], regs, nregs, &cid,
		    first, err);
		if (st != PD_OK)
			break;
		if (cid != 0 && db_group_attended(app->db, m->id, cid)) {
			if (add[i].regular != 0)
				st = pd_fail(err, PD_INVALID, "add", "%s is "
				    "already in this meeting's register",
				    regs[add[i].regular - 1].name);
			else
				st = pd_fail(err, PD_INVALID, "add", "client "
				    "%lld is already in this meeting's "
				    "register", (long long)cid);
			break;
		}
		st = db_group_attendance_add(app->db, m->id, cid, first, err);
	}
	/* The version moves on even when only names changed, so a copy
	 * opened before is refused. */
	if (st == PD_OK) {
		upd = old;
		upd.version = m->version;
		if (extra >= 0)
			upd.extra_count = extra;
		st = db_group_meeting_update(app->db, &upd, err);
	}
	if (st == PD_OK) {
		groups_register_text(app, m->id, upd.extra_count, &after);
		strbuf_addf(&sum, "corrected who came to the meeting of group "
		    "%lld on %s", (long long)old.group_id, old.date);
		st = app_audit(app, "update", "group_meeting", m->id, 0,
		    strbuf_str(&sum), strbuf_str(&before), strbuf_str(&after),
		    NULL, err);
	}
	if (st == PD_OK)
		st = db_commit(app->db, err);
	else
		db_rollback(app->db);
	if (st == PD_OK) {
		m->version = upd.version;
		m->extra_count = upd.extra_count;
	}
out:
	strbuf_fini(&sum);
	strbuf_fini(&before);
	strbuf_fini(&after);
	group_regulars_free(regs, nregs);
	group_meeting_fini(&old);
	return st;
}

enum pd_status
app_group_meeting_came_nos(struct app *app, int64_t id, int **out,
    size_t *n, struct pd_err *err)
{
	struct group_regular *regs = NULL;
	struct group_attendee *who = NULL;
	struct group_meeting m;
	size_t nregs = 0, nwho = 0, i, j;
	enum pd_status st;

	*out = NULL;
	*n = 0;
	if ((st = groups_meeting_own(app, id, &m, err)) != PD_OK)
		return st;
	/* As the office sees them, to tell people apart; only numbers go
	 * back. */
	st = db_group_regulars(app->db, m.group_id, 0, &regs, &nregs, err);
	if (st == PD_OK)
		st = db_group_attendees(app->db, id, 0, &who, &nwho, err);
	if (st == PD_OK && nwho > 0)
		*out = xcalloc(nwho, sizeof **out);
	for (i = 0; st == PD_OK && i < nwho; i++) {
		for (j = 0; j < nregs; j++)
			if (who[i].client_id != 0 ? regs[j].client_id ==
			    who[i].client_id : (regs[j].client_id == 0 &&
			    regs[j].name != NULL && who[i].name != NULL &&
			    strcasecmp(regs[j].name, who[i].name) == 0))
				break;
		if (j < nregs)
			(*out)[(*n)++] = regs[j].no;
	}
	group_attendees_free(who, nwho);
	group_regulars_free(regs, nregs);
	group_meeting_fini(&m);
	return st;
}

enum pd_status
app_group_meeting_delete(struct app *app, int64_t id, const char *reason,
    struct pd_err *err)
{
	struct strbuf sum = STRBUF_INIT, before = STRBUF_INIT;
	struct group_meeting old;
	int64_t *lines = NULL;
	size_t nlines = 0, i;
	enum pd_status st;

	if ((st = app_require(app, APP_ANYONE, "remove a group meeting",
	    err)) != PD_OK)
		return st;
	if ((st = groups_meeting_own(app, id, &old, err)) != PD_OK)
		return st;
	if ((st = db_begin(app->db, err)) != PD_OK)
		goto out;
	st = db_group_meeting_lines(app->db, id, &lines, &nlines, err);
	for (i = 0; st == PD_OK && i < nlines; i++)
		st = groups_line_remove(app, lines[i], reason, err);
	if (st == PD_OK)
		st = db_group_meeting_delete(app->db, id, err);
	if (st == PD_OK) {
		groups_meeting_text(&old, &before);
		strbuf_addf(&before, "; %d came", old.came);
		strbuf_addf(&sum, "removed the meeting of group %lld on %s",
		    (long long)old.group_id, old.date);
		st = app_audit(app, "delete", "group_meeting", id, 0,
		    strbuf_str(&sum), strbuf_str(&before), NULL,
		    str_blank(reason) ? NULL : reason, err);
	}
	if (st == PD_OK)
		st = db_commit(app->db, err);
	else
		db_rollback(app->db);
out:
	strbuf_fini(&sum);
	strbuf_fini(&before);
	group_meeting_fini(&old);
	free(lines);
	return st;
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
	if (st == PD_OK)
		return db_commit(app->db, err);
	db_rollback(app->db);
	return st;
}

enum pd_status
app_group_meeting_get(struct app *app, int64_t id, struct group_meeting *m,
    struct group_attendee **who, size_t *n, struct pd_err *err)
{
	enum pd_status st;

	*who = NULL;
	*n = 0;
	memset(m, 0, sizeof *m);
	if ((st = app_require(app, APP_ANYONE, "see a group meeting", err))
	    != PD_OK)
		return st;
	if ((st = db_group_meeting_get(app->db, id, m, err)) != PD_OK) {
		if (st == PD_NOT_FOUND && app_actor_is_pal(app))
			return pd_fail(err, PD_DENIED, NULL, "there is no "
			    "meeting %lld, or it is not of your groups",
			    (long long)id);
		return st;
	}
	if ((st = groups_may_see(app, m->group_id, err)) == PD_OK)
		st = db_group_attendees(app->db, id, access_scope(app), who, n,
		    err);
	if (st != PD_OK)
		group_meeting_fini(m);
	return st;
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
	if (st == PD_OK)
		return db_commit(app->db, err);
	db_rollback(app->db);
	return st;
}

enum pd_status
app_quote_set(struct app *app, int is_review, int64_t id, int on,
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
	if (st == PD_OK)
		return db_commit(app->db, err);
	db_rollback(app->db);
	return st;
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

int
app_groups_any(struct app *app)
{
	struct group_row *v;
	size_t n;
	int any;

	if (!app_actor_is_pal(app))
		return 1;
	if (db_group_list(app->db, access_staff_id(app), 0, &v, &n, NULL)
	    != PD_OK)
		return 0;
	any = n > 0;
	group_rows_free(v, n);
	return any;
}
