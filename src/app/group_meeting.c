/* group_meeting.c - a group's meetings: checking one, who ran it and
 * their paid time, adding, changing, reading and deleting it
 * (app/groups.h). */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/groups.h"
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
#include "time_priv.h"

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
	bool active;

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
enum pd_status
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

/* Who came to meeting m: each client once (counted in *named and said
 * in after), the rest by first name (*firsts). */
static enum pd_status
groups_came_add(struct app *app, const struct group_meeting *m,
    const struct group_came *came, size_t ncame,
    const struct group_regular *regs, size_t nregs, int *named, int *firsts,
    struct strbuf *after, struct pd_err *err)
{
	int64_t *seen = NULL;
	size_t nseen = 0, i, j;
	enum pd_status st = PD_OK;

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
			(*named)++;
			strbuf_addf(after, "%sclient #%lld", *named > 1 ?
			    ", " : "came: ", (long long)cid);
		} else
			(*firsts)++;
		st = db_group_attendance_add(app->db, m->id, cid, first, err);
	}
	free(seen);
	return st;
}

/* Each PAL's paid line for running meeting m (previews pv), linked to
 * it, with what an approved week or a limit needs. */
static enum pd_status
groups_pal_lines(struct app *app, const struct group_meeting *m,
    const int64_t *pals, size_t npals, const struct time_preview *pv,
    const char *group_name, const char *reason, struct pd_err *err)
{
	enum pd_status st = PD_OK;
	size_t i;

	for (i = 0; st == PD_OK && i < npals; i++) {
		struct ts_line l;

		memset(&l, 0, sizeof l);
		l.pal_id = pals[i];
		memcpy(l.date, m->date, sizeof l.date);
		l.minutes = m->minutes;
		l.kind = LINE_SESSION;
		l.note = xasprintf("group: %s", group_name);
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
	return st;
}

enum pd_status
app_group_meeting_add(struct app *app, struct group_meeting *m,
    const int64_t *staff, size_t nstaff, const struct group_came *came,
    size_t ncame, const char *reason, struct pd_err *err)
{
	struct group_regular *regs = NULL;
	struct time_preview *pv = NULL;
	int64_t *all = NULL, *pals = NULL;
	size_t nall = 0, npals = 0, nregs = 0, i;
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
	if (st == PD_OK)
		st = groups_came_add(app, m, came, ncame, regs, nregs, &named,
		    &firsts, &after, err);
	if (st == PD_OK)
		st = groups_pal_lines(app, m, pals, npals, pv, gr.g.name,
		    reason, err);
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
enum pd_status
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
	st = app_finish(app, st, err);
out:
	strbuf_fini(&sum);
	strbuf_fini(&before);
	group_meeting_fini(&old);
	free(lines);
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
