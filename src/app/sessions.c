/* sessions.c - session notes and the timesheet line each makes (see
 * sessions.h). */
#include "peerdesk/app/sessions.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/str.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/assignment.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/session.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/today.h"
#include "app_priv.h"
#include "time_priv.h"

void
session_clients_free(struct session_client *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

struct sessions_pick {
	struct session_client *v;
	size_t n, cap;
};

static int
sessions_client_cb(void *arg, const struct assignment *a)
{
	struct sessions_pick *p = arg;
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->v[i].client_id == a->client_id)
			return 0;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	p->v[p->n].client_id = a->client_id;
	p->v[p->n].name = xstrdup(a->client_name != NULL ? a->client_name : "");
	p->v[p->n].contracted_minutes = a->contracted_minutes_per_week;
	p->n++;
	return 0;
}

enum pd_status
app_session_clients(struct app *app, int64_t pal_id,
    struct session_client **out, size_t *n, struct pd_err *err)
{
	struct sessions_pick p = { NULL, 0, 0 };
	enum pd_status s;

	*out = NULL;
	*n = 0;
	if ((s = app_require(app, APP_ANYONE, "log a session", err)) != PD_OK)
		return s;
	if ((s = time_pal_resolve(app, &pal_id, NULL, err)) != PD_OK)
		return s;
	s = db_assignment_list_for_worker(app->db, pal_id, 1,
	    sessions_client_cb, &p, err);
	if (s != PD_OK) {
		session_clients_free(p.v, p.n);
		return s;
	}
	*out = p.v;
	*n = p.n;
	return PD_OK;
}

/* ---- checks ------------------------------------------------------------- */

static enum pd_status
sessions_check(struct session *s, struct pd_err *err)
{
	pd_date d;
	int t;

	if (s->client_id == 0)
		return pd_fail(err, PD_INVALID, "client",
		    "please choose the client");
	if (date_parse(s->date, &d, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, "date",
		    "the date should look like 2026-11-24");
	if (s->minutes <= 0 || s->minutes > DURATION_MAX_MINUTES)
		return pd_fail(err, PD_INVALID, "minutes",
		    "how long should be between 1 minute and 24 hours");
	if (s->start_time[0] != '\0') {
		if (date_hhmm_parse(s->start_time, &t, NULL) != PD_OK)
			return pd_fail(err, PD_INVALID, "start",
			    "the start should be a time like 14:30");
		date_hhmm_format(t, s->start_time);
	}
	if (place_str(s->place) == NULL)
		return pd_fail(err, PD_INVALID, "place",
		    "please choose where it was");
	return PD_OK;
}

/* The client must be one pal_id works with now (the same scope a PAL's
 * every read goes through). */
static enum pd_status
sessions_client_ok(struct app *app, int64_t pal_id, int64_t client_id,
    struct pd_err *err)
{
	struct client c;
	enum pd_status s;

	memset(&c, 0, sizeof c);
	s = db_client_get(app->db, client_id, pal_id, &c, NULL);
	client_fini(&c);
	if (s == PD_NOT_FOUND)
		return pd_fail(err, PD_NOT_FOUND, "client",
		    app_actor_signed_in(app) && access_staff_id(app) == pal_id ?
		    "that client is not one of yours" :
		    "that client is not one of the PAL's");
	if (s != PD_OK)
		return pd_fail(err, s, "client", "could not read the client");
	return PD_OK;
}

static bool
sessions_is_booked(const char *date)
{
	char today[11];

	date_format(today_get(), today);
	return strcmp(date, today) > 0;
}

/* The stored session id, if the actor may see it (a PAL: their own,
 * with a client they still work with). */
static enum pd_status
sessions_own(struct app *app, int64_t id, struct session *out,
    struct pd_err *err)
{
	bool pal = app_actor_is_pal(app);
	enum pd_status s;

	memset(out, 0, sizeof *out);
	s = db_session_get(app->db, id, pal ? access_staff_id(app) : 0, out,
	    err);
	if (s == PD_OK && pal && out->pal_id != access_staff_id(app)) {
		session_fini(out);
		s = pd_fail(err, PD_NOT_FOUND, NULL,
		    "That session cannot be found.");
	}
	return s;
}

static void
sessions_text(const struct session *s, struct strbuf *out)
{
	char d[DURATION_STR_LEN];

	strbuf_addf(out, "%s", s->date);
	if (s->start_time[0] != '\0')
		strbuf_addf(out, " %s", s->start_time);
	strbuf_addf(out, ", %s, %s%s", duration_format(s->minutes, d),
	    place_label(s->place), s->booked ? ", booked" : "");
}

static enum pd_status
sessions_audit(struct app *app, const char *action, const struct session *b,
    const struct session *a, const char *reason, struct pd_err *err)
{
	struct strbuf tb = STRBUF_INIT, ta = STRBUF_INIT, sum = STRBUF_INIT;
	const struct session *s = a != NULL ? a : b;
	enum pd_status st;

	if (b != NULL)
		sessions_text(b, &tb);
	if (a != NULL)
		sessions_text(a, &ta);
	if (strcmp(action, "create") == 0)
		strbuf_addf(&sum, "%s a session on %s", s->booked ? "booked" :
		    "logged", s->date);
	else if (strcmp(action, "delete") == 0)
		strbuf_addf(&sum, "removed the session of %s", s->date);
	else
		strbuf_addf(&sum, "changed the session of %s", s->date);
	st = app_audit(app, action, "session", s->id, s->client_id,
	    strbuf_str(&sum), b != NULL ? strbuf_str(&tb) : NULL,
	    a != NULL ? strbuf_str(&ta) : NULL, str_blank(reason) ? NULL :
	    reason, err);
	strbuf_fini(&tb);
	strbuf_fini(&ta);
	strbuf_fini(&sum);
	return st;
}

/* ---- the use cases ------------------------------------------------------- */

enum pd_status
app_session_preview(struct app *app, const struct session *in,
    struct time_preview *out, struct pd_err *err)
{
	struct session s = *in, old;
	struct ts_line line;
	bool have_line = false;
	enum pd_status st;

	memset(out, 0, sizeof *out);
	if ((st = app_require(app, APP_ANYONE, "log a session", err)) != PD_OK)
		return st;
	if (s.id != 0) {
		if ((st = sessions_own(app, s.id, &old, err)) != PD_OK)
			return st;
		s.pal_id = old.pal_id;
		session_fini(&old);
	}
	if ((st = time_pal_resolve(app, &s.pal_id, NULL, err)) != PD_OK)
		return st;
	if ((st = sessions_check(&s, err)) != PD_OK)
		return st;
	if ((st = sessions_client_ok(app, s.pal_id, s.client_id, err))
	    != PD_OK)
		return st;
	memset(&line, 0, sizeof line);
	if (s.id != 0 && db_line_by_session(app->db, s.id, &line, NULL) ==
	    PD_OK)
		have_line = true;
	st = time_preview_calc(app, s.pal_id, s.date, LINE_SESSION, s.minutes,
	    have_line ? &line : NULL, out, NULL, err);
	ts_line_fini(&line);
	return st;
}

/* The paid line of session s (its PAL, day, minutes, client). */
static void
sessions_line_of(const struct session *s, struct ts_line *l)
{
	l->pal_id = s->pal_id;
	memcpy(l->date, s->date, sizeof l->date);
	l->minutes = s->minutes;
	l->kind = LINE_SESSION;
	l->client_id = s->client_id;
	l->session_id = s->id;
}

enum pd_status
app_session_log(struct app *app, struct session *s, const char *reason,
    struct pd_err *err)
{
	struct time_preview p;
	struct ts_line l;
	enum pd_status st;

	if ((st = app_require(app, APP_ANYONE, "log a session", err)) != PD_OK)
		return st;
	if (app_actor_is_pal(app))
		s->pal_id = access_staff_id(app);
	if ((st = time_pal_resolve(app, &s->pal_id, NULL, err)) != PD_OK)
		return st;
	if ((st = sessions_check(s, err)) != PD_OK)
		return st;
	if ((st = sessions_client_ok(app, s->pal_id, s->client_id, err))
	    != PD_OK)
		return st;
	s->id = 0;
	s->booked = sessions_is_booked(s->date);
	memset(&l, 0, sizeof l);
	if ((st = db_begin(app->db, err)) != PD_OK)
		return st;
	st = time_preview_calc(app, s->pal_id, s->date, LINE_SESSION,
	    s->minutes, NULL, &p, NULL, err);
	if (st == PD_OK)
		st = time_gate(app, &p, 0, reason, err);
	if (st == PD_OK)
		st = db_session_insert(app->db, s, access_staff_id(app), err);
	if (st == PD_OK && !s->booked) {
		sessions_line_of(s, &l);
		st = time_line_put(app, &l, NULL, err);
		if (st == PD_OK && p.locked)
			st = time_line_audit(app, "create", NULL, &l, reason,
			    err);
	}
	if (st == PD_OK)
		st = sessions_audit(app, "create", NULL, s,
		    p.needs_reason ? reason : NULL, err);
	if (st == PD_OK && !s->booked)
		st = time_adjust_record(app, &p, reason, err);
	if (st == PD_OK)
		st = time_override_record(app, &p, reason, l.id, s->client_id,
		    err);
	if (st == PD_OK)
		return db_commit(app->db, err);
	db_rollback(app->db);
	s->id = 0;
	return st;
}

enum pd_status
app_session_get(struct app *app, int64_t id, struct session *out,
    struct pd_err *err)
{
	enum pd_status st;

	memset(out, 0, sizeof *out);
	if ((st = app_require(app, APP_ANYONE, "read session notes", err))
	    != PD_OK)
		return st;
	return sessions_own(app, id, out, err);
}

/* The week a stored line is in, locked or not. */
static enum pd_status
sessions_line_locked(struct app *app, const struct ts_line *l, bool *locked,
    struct pd_err *err)
{
	struct ts_week w;
	enum pd_status st;

	memset(&w, 0, sizeof w);
	st = db_week_get(app->db, l->week_id, &w, err);
	*locked = st == PD_OK && time_status_locked(w.status);
	return st;
}

/* Bring the session's line in line with s (inside the transaction). */
static enum pd_status
sessions_follow(struct app *app, const struct session *s,
    struct ts_line *old, bool have_old, bool locked, const char *reason,
    struct pd_err *err)
{
	struct ts_line l;
	enum pd_status st;

	if (s->booked) {
		if (!have_old)
			return PD_OK;
		st = db_line_delete(app->db, old->id, err);
		if (st == PD_OK && locked)
			st = time_line_audit(app, "delete", old, NULL, reason,
			    err);
		return st;
	}
	memset(&l, 0, sizeof l);
	if (have_old) {
		l = *old;
		l.note = xstrdup(old->note);
	}
	sessions_line_of(s, &l);
	st = time_line_put(app, &l, have_old ? old : NULL, err);
	if (st == PD_OK && locked)
		st = time_line_audit(app, have_old ? "update" : "create",
		    have_old ? old : NULL, &l, reason, err);
	ts_line_fini(&l);
	return st;
}

/* True when dates a and b are in the same organisation week. */
static bool
sessions_same_week(const struct app *app, const char *a, const char *b)
{
	pd_date da, db;

	if (date_parse(a, &da, NULL) != PD_OK ||
	    date_parse(b, &db, NULL) != PD_OK)
		return false;
	return week_start_of(da, app->settings->week_start) ==
	    week_start_of(db, app->settings->week_start);
}

enum pd_status
app_session_update(struct app *app, struct session *s, const char *reason,
    struct pd_err *err)
{
	struct session old;
	struct ts_line line;
	struct time_preview p, po;
	bool have_line = false;
	bool old_locked = false;
	enum pd_status st;

	if ((st = app_require(app, APP_ANYONE, "change a session", err))
	    != PD_OK)
		return st;
	memset(&po, 0, sizeof po);
	if ((st = sessions_check(s, err)) != PD_OK)
		return st;
	if ((st = db_begin(app->db, err)) != PD_OK)
		return st;
	memset(&line, 0, sizeof line);
	if ((st = sessions_own(app, s->id, &old, err)) != PD_OK) {
		db_rollback(app->db);
		return st;
	}
	s->pal_id = old.pal_id;
	s->booked = sessions_is_booked(s->date);
	st = sessions_client_ok(app, s->pal_id, s->client_id, err);
	if (st == PD_OK && db_line_by_session(app->db, s->id, &line, NULL) ==
	    PD_OK) {
		have_line = true;
		st = sessions_line_locked(app, &line, &old_locked, err);
	}
	if (st == PD_OK)
		st = time_preview_calc(app, s->pal_id, s->date, LINE_SESSION,
		    s->minutes, have_line ? &line : NULL, &p, NULL, err);
	if (st == PD_OK && s->booked) {
		p.locked = false;	/* a booked session adds no line */
		p.needs_reason = p.needs_override;
	}
	if (st == PD_OK)
		st = time_gate(app, &p, old_locked, reason, err);
	/* the line leaving an approved or paid week changes that week */
	if (st == PD_OK && old_locked && (s->booked ||
	    !sessions_same_week(app, line.date, s->date)))
		st = time_preview_calc(app, line.pal_id, line.date, line.kind,
		    0, &line, &po, NULL, err);
	if (st == PD_OK)
		st = db_session_update(app->db, s, access_staff_id(app), err);
	if (st == PD_OK)
		st = sessions_follow(app, s, &line, have_line,
		    old_locked || p.locked, reason, err);
	if (st == PD_OK && !s->booked)
		st = time_adjust_record(app, &p, reason, err);
	if (st == PD_OK)
		st = time_adjust_record(app, &po, reason, err);
	if (st == PD_OK)
		st = sessions_audit(app, "update", &old, s,
		    old_locked || p.needs_reason ? reason : NULL, err);
	if (st == PD_OK && p.needs_override) {
		struct ts_line now;

		memset(&now, 0, sizeof now);
		db_line_by_session(app->db, s->id, &now, NULL);
		st = time_override_record(app, &p, reason, now.id,
		    s->client_id, err);
		ts_line_fini(&now);
	}
	session_fini(&old);
	ts_line_fini(&line);
	return app_finish(app, st, err);
}

enum pd_status
app_session_delete(struct app *app, int64_t id, const char *reason,
    struct pd_err *err)
{
	struct session old;
	struct ts_line line;
	struct time_preview p;
	bool have_line = false;
	enum pd_status st;

	if ((st = app_require(app, APP_ANYONE, "remove a session", err))
	    != PD_OK)
		return st;
	if ((st = db_begin(app->db, err)) != PD_OK)
		return st;
	if ((st = sessions_own(app, id, &old, err)) != PD_OK) {
		db_rollback(app->db);
		return st;
	}
	memset(&line, 0, sizeof line);
	memset(&p, 0, sizeof p);
	if (db_line_by_session(app->db, id, &line, NULL) == PD_OK) {
		have_line = true;
		st = sessions_line_locked(app, &line, &p.locked, err);
		if (st == PD_OK && p.locked)
			st = time_preview_calc(app, line.pal_id, line.date,
			    line.kind, 0, &line, &p, NULL, err);
		p.needs_override = 0;
	}
	if (st == PD_OK)
		st = time_gate(app, &p, 0, reason, err);
	if (st == PD_OK)
		st = db_session_delete(app->db, id, err);
	if (st == PD_OK && have_line && p.locked)
		st = time_line_audit(app, "delete", &line, NULL, reason, err);
	if (st == PD_OK && have_line && p.locked)
		st = time_adjust_record(app, &p, reason, err);
	if (st == PD_OK)
		st = sessions_audit(app, "delete", &old, NULL,
		    p.locked ? reason : NULL, err);
	session_fini(&old);
	ts_line_fini(&line);
	return app_finish(app, st, err);
}
