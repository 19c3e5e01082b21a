/* timesheets.c - a PAL's week: lines, the permitted-work check,
 * submitting and approving (see timesheets.h). */
#include "peerdesk/app/timesheets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/sessions.h"
#include "peerdesk/app/weekpay.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/str.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/approval.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/group.h"
#include "peerdesk/db/override.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/session.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"
#include "peerdesk/model/rules.h"
#include "peerdesk/model/today.h"
#include "app_priv.h"
#include "time_priv.h"


/* ---- weeks -------------------------------------------------------------------- */

enum pd_status
app_week_parse(const struct app *app, const char *text,
    struct week_range *out, struct pd_err *err)
{
	pd_date d;
	int ws = app->settings != NULL ? app->settings->week_start :
	    WEEK_DEFAULT_START;

	if (text == NULL || text[0] == '\0') {
		*out = week_of(today_get(), ws);
		return PD_OK;
	}
	if (strchr(text, 'W') != NULL || strchr(text, 'w') != NULL)
		return week_parse(text, ws, out, err);
	if (date_parse(text, &d, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, "week", "'%s' is not a week: "
		    "give one like 2026-W48, or a date in it like 2026-11-25",
		    text);
	*out = week_of(d, ws);
	return PD_OK;
}

enum pd_status
app_pal_by_login(struct app *app, const char *login, int64_t *pal_id,
    struct pd_err *err)
{
	struct staff st;
	enum pd_status s;

	if ((s = app_require(app, APP_ANYONE, "look up a PAL", err)) != PD_OK)
		return s;
	memset(&st, 0, sizeof st);
	s = db_staff_by_login(app->db, login ? login : "", &st, NULL);
	if (s == PD_OK && st.role != ROLE_PAL)
		s = PD_NOT_FOUND;
	*pal_id = st.id;
	staff_fini(&st);
	if (s == PD_NOT_FOUND)
		return pd_fail(err, PD_NOT_FOUND, "pal",
		    "there is no PAL with the login '%s'", login ? login : "");
	if (s != PD_OK)
		return pd_fail(err, s, NULL, "could not read the staff list");
	if (app_actor_is_pal(app) && *pal_id != access_staff_id(app))
		return pd_fail(err, PD_DENIED, "pal",
		    "a PAL may look only at their own record and week");
	return PD_OK;
}

void
week_view_fini(struct week_view *v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < v->n_lines; i++) {
		ts_line_fini(&v->lines[i].line);
		free(v->lines[i].client_name);
	}
	free(v->lines);
	free(v->pal_name);
	free(v->pal_login);
	hours_row_fini(&v->row);
	memset(v, 0, sizeof *v);
}

struct time_lines {
	struct week_view *v;
	size_t cap;
};

/* A new, zeroed line at the end of the week's list. */
static struct week_line *
time_lines_add(struct time_lines *tl)
{
	struct week_line *wl;

	if (tl->v->n_lines == tl->cap) {
		tl->cap = tl->cap ? tl->cap * 2 : 16;
		tl->v->lines = xreallocarray(tl->v->lines, tl->cap,
		    sizeof *tl->v->lines);
	}
	wl = &tl->v->lines[tl->v->n_lines++];
	memset(wl, 0, sizeof *wl);
	return wl;
}

static int
time_lines_cb(void *arg, const struct ts_line *row)
{
	struct week_line *wl = time_lines_add(arg);

	wl->line = *row;
	wl->line.note = xstrdup(row->note);
	return 0;
}

static int
time_booked_cb(void *arg, const struct session *row)
{
	struct week_line *wl = time_lines_add(arg);

	wl->booked = true;
	wl->line.pal_id = row->pal_id;
	memcpy(wl->line.date, row->date, sizeof wl->line.date);
	wl->line.minutes = row->minutes;
	wl->line.kind = LINE_SESSION;
	wl->line.client_id = row->client_id;
	wl->line.session_id = row->id;
	return 0;
}

/* Booked sessions go after the lines of their day (both lists are in
 * date order: merge them, keeping each one's own order). */
static void
time_merge_booked(struct week_view *v, size_t nlines)
{
	struct week_line *out = xcalloc(v->n_lines ? v->n_lines : 1,
	    sizeof *out);
	size_t i = 0, j = nlines, k = 0;

	while (i < nlines || j < v->n_lines) {
		if (j == v->n_lines || (i < nlines &&
		    strcmp(v->lines[i].line.date, v->lines[j].line.date) <= 0))
			out[k++] = v->lines[i++];
		else
			out[k++] = v->lines[j++];
	}
	free(v->lines);
	v->lines = out;
}

static int
time_count_cb(void *arg, const struct limit_override_row *row)
{
	(void)row;
	++*(int *)arg;
	return 0;
}

/* Client names for the lines (a line's client may since have moved on,
 * so this is not scoped: the PAL is reading their own past work). */
static void
time_name_lines(struct app *app, struct week_view *v)
{
	size_t i, j;

	for (i = 0; i < v->n_lines; i++) {
		struct client c;
		int64_t id = v->lines[i].line.client_id;

		if (id == 0)
			continue;
		for (j = 0; j < i; j++)
			if (v->lines[j].line.client_id == id &&
			    v->lines[j].client_name != NULL)
				break;
		if (j < i) {
			v->lines[i].client_name = xstrdup(v->lines[j].client_name);
			continue;
		}
		memset(&c, 0, sizeof c);
		if (db_client_get(app->db, id, 0, &c, NULL) == PD_OK)
			v->lines[i].client_name = xstrdup(c.name);
		client_fini(&c);
	}
}

enum pd_status
app_week_status(struct app *app, int64_t pal_id, const char *week,
    struct week_view *out, struct pd_err *err)
{
	struct week_range wk;
	struct time_week w;
	struct time_lines tl;
	struct staff st;
	enum pd_status s;
	size_t nlines;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_ANYONE, "see a timesheet", err)) != PD_OK)
		return s;
	if ((s = app_week_parse(app, week, &wk, err)) != PD_OK)
		return s;
	if ((s = time_pal_resolve(app, &pal_id, &out->pal_name, err)) != PD_OK)
		return s;
	out->pal_id = pal_id;
	memset(&st, 0, sizeof st);
	db_staff_get(app->db, pal_id, &st, NULL);
	out->pal_login = xstrdup(st.login != NULL ? st.login : "");
	staff_fini(&st);
	if ((s = time_week_load(app, pal_id, time_shown_day(wk), &w, err))
	    != PD_OK)
		goto fail;
	memcpy(out->label, w.label, sizeof out->label);
	memcpy(out->first, w.first, sizeof out->first);
	memcpy(out->last, w.last, sizeof out->last);
	out->week = w.week;
	if ((s = time_row(app, &w, &w.totals, &out->row, err)) != PD_OK)
		goto fail;
	out->shows_pay = time_shows_pay(app, pal_id);
	if (!out->shows_pay) {
		char d[DURATION_STR_LEN];

		out->row.pay_pence = out->row.holiday_pence = 0;
		out->row.gross_pence = 0;
		out->row.rule = RULE_NONE;
		memset(&out->row.check, 0, sizeof out->row.check);
		out->row.check.verdict = PERMITTED_NA;
		out->row.check.minutes = out->row.minutes;
		snprintf(out->row.check.sentence,
		    sizeof out->row.check.sentence, "This week so far: %s",
		    duration_format(out->row.minutes, d));
	}
	tl.v = out;
	tl.cap = 0;
	if (w.week.id != 0 && (s = db_line_list(app->db, w.week.id,
	    time_lines_cb, &tl, err)) != PD_OK)
		goto fail;
	nlines = out->n_lines;
	if ((s = db_session_booked(app->db, pal_id, w.first, w.last,
	    time_booked_cb, &tl, err)) != PD_OK)
		goto fail;
	if (out->n_lines > nlines)
		time_merge_booked(out, nlines);
	time_name_lines(app, out);
	if ((s = db_override_list(app->db, pal_id, w.first, time_count_cb,
	    &out->overrides, err)) != PD_OK)
		goto fail;
	return PD_OK;
fail:
	week_view_fini(out);
	return s;
}

enum pd_status
app_week_submit(struct app *app, int64_t pal_id, const char *week,
    struct pd_err *err)
{
	struct week_range wk;
	struct ts_week w;
	enum pd_status s;
	char first[11], label[WEEK_LABEL_LEN], *summary;

	if ((s = app_require(app, APP_ANYONE, "send a week for approval",
	    err)) != PD_OK)
		return s;
	if ((s = app_week_parse(app, week, &wk, err)) != PD_OK)
		return s;
	if ((s = time_pal_resolve(app, &pal_id, NULL, err)) != PD_OK)
		return s;
	date_format(wk.first, first);
	week_label_of(wk.first, app->settings->week_start, label);
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	memset(&w, 0, sizeof w);
	s = db_week_get_or_create(app->db, pal_id, first, &w, err);
	if (s == PD_OK && w.status == WEEK_SUBMITTED)
		s = pd_fail(err, PD_DUPLICATE, NULL, "week %s is already with "
		    "the manager", label);
	else if (s == PD_OK && time_status_locked(w.status))
		s = pd_fail(err, PD_DUPLICATE, NULL, "week %s is approved "
		    "already", label);
	if (s == PD_OK)
		s = db_week_set_status(app->db, &w, WEEK_SUBMITTED,
		    access_staff_id(app), err);
	if (s == PD_OK) {
		summary = xasprintf("sent week %s for approval", label);
		s = app_audit(app, "submit", "timesheet_week", w.id, 0, summary,
		    "open", "submitted", NULL, err);
		free(summary);
	}
	return app_finish(app, s, err);
}

enum pd_status
app_week_approve(struct app *app, int64_t week_id, struct pd_err *err)
{
	return app_week_approve_with(app, week_id, NULL, err);
}

void
week_waiting_free(struct week_waiting *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(w[i].pal_name);
		free(w[i].pal_login);
	}
	free(w);
}

struct time_waiting {
	struct week_waiting *v;
	size_t n, cap;
};

static int
time_waiting_cb(void *arg, const struct approval_row *row)
{
	struct time_waiting *tw = arg;
	struct week_waiting *w;

	if (tw->n == tw->cap) {
		tw->cap = tw->cap ? tw->cap * 2 : 16;
		tw->v = xreallocarray(tw->v, tw->cap, sizeof *tw->v);
	}
	w = &tw->v[tw->n++];
	memset(w, 0, sizeof *w);
	w->week_id = row->week.id;
	w->pal_id = row->week.pal_id;
	w->pal_name = xstrdup(row->pal_name != NULL ? row->pal_name : "");
	w->pal_login = xstrdup(row->pal_login != NULL ? row->pal_login : "");
	memcpy(w->first, row->week.week_start, sizeof w->first);
	memcpy(w->submitted_at, row->week.submitted_at,
	    sizeof w->submitted_at);
	w->minutes = row->minutes;
	return 0;
}

enum pd_status
app_weeks_waiting(struct app *app, struct week_waiting **out, size_t *n,
    struct pd_err *err)
{
	struct time_waiting tw = { NULL, 0, 0 };
	enum pd_status s;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((s = app_require(app, APP_MANAGER, "approve timesheets", err))
	    != PD_OK)
		return s;
	s = db_week_waiting(app->db, time_waiting_cb, &tw, err);
	for (i = 0; s == PD_OK && i < tw.n; i++) {
		struct week_waiting *w = &tw.v[i];
		struct time_week tk;
		struct hours_row row;
		pd_date d;

		if (date_parse(w->first, &d, NULL) != PD_OK)
			continue;
		if ((s = time_week_load(app, w->pal_id, d, &tk, err)) != PD_OK)
			break;
		memcpy(w->label, tk.label, sizeof w->label);
		if ((s = time_row(app, &tk, &tk.totals, &row, err)) != PD_OK)
			break;
		w->minutes = row.minutes;
		w->gross_pence = row.gross_pence;
		w->rule = row.rule;
		w->check = row.check;
		hours_row_fini(&row);
	}
	if (s != PD_OK) {
		week_waiting_free(tw.v, tw.n);
		return s;
	}
	*out = tw.v;
	*n = tw.n;
	return PD_OK;
}

/* ---- lines: the use cases ------------------------------------------------------ */

/* The client of a line must be one the PAL works with (for a PAL) or
 * exist (staff). */
static enum pd_status
time_check_client(struct app *app, int64_t pal_id, int64_t client_id,
    struct pd_err *err)
{
	struct client c;
	enum pd_status s;

	if (client_id == 0)
		return PD_OK;
	memset(&c, 0, sizeof c);
	s = db_client_get(app->db, client_id, app_actor_is_pal(app) ? pal_id : 0,
	    &c, NULL);
	client_fini(&c);
	if (s == PD_NOT_FOUND)
		return pd_fail(err, PD_NOT_FOUND, "client", "there is no such "
		    "client, or they are not one of yours");
	if (s != PD_OK)
		return pd_fail(err, s, "client", "could not read the client");
	return PD_OK;
}

enum pd_status
app_line_preview(struct app *app, const struct ts_line *l,
    struct time_preview *out, struct pd_err *err)
{
	struct ts_line old;
	int64_t pal_id = l->pal_id;
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_ANYONE, "add to a timesheet", err))
	    != PD_OK)
		return s;
	if ((s = time_line_check(l, err)) != PD_OK)
		return s;
	if (l->id == 0) {
		if ((s = time_pal_resolve(app, &pal_id, NULL, err)) != PD_OK)
			return s;
		return time_preview_calc(app, pal_id, l->date, l->kind,
		    l->minutes, NULL, out, NULL, err);
	}
	memset(&old, 0, sizeof old);
	if ((s = db_line_get(app->db, l->id, &old, err)) != PD_OK)
		return s;
	pal_id = old.pal_id;
	if ((s = time_pal_resolve(app, &pal_id, NULL, err)) == PD_OK)
		s = time_preview_calc(app, pal_id, l->date, l->kind,
		    l->minutes, &old, out, NULL, err);
	ts_line_fini(&old);
	return s;
}

/* Record the supervision or training a new line stands for. */
static enum pd_status
time_line_record(struct app *app, struct ts_line *l, struct pd_err *err)
{
	int64_t id = 0, by = 0;
	enum pd_status s = PD_OK;

	if (app_actor_signed_in(app) && access_role(app) != ROLE_PAL)
		by = access_staff_id(app);
	if (l->kind == LINE_SUPERVISION && l->supervision_id == 0) {
		s = db_pal_supervision_add(app->db, l->pal_id, l->date, by,
		    l->minutes, 1, l->note, &id, err);
		l->supervision_id = id;
	} else if (l->kind == LINE_TRAINING && l->training_id == 0) {
		s = db_pal_training_add(app->db, l->pal_id, l->date,
		    str_blank(l->note) ? "Training" : l->note, l->minutes, 1,
		    &id, err);
		l->training_id = id;
	}
	return s;
}

enum pd_status
app_line_add(struct app *app, struct ts_line *l, const char *reason,
    struct pd_err *err)
{
	struct time_preview p;
	enum pd_status s;

	if ((s = app_require(app, APP_ANYONE, "add to a timesheet", err))
	    != PD_OK)
		return s;
	if ((s = time_pal_resolve(app, &l->pal_id, NULL, err)) != PD_OK)
		return s;
	if (l->kind == LINE_SESSION)
		return pd_fail(err, PD_INVALID, "kind", "log a session for "
		    "that: its timesheet line is made for you");
	if ((s = time_line_check(l, err)) != PD_OK)
		return s;
	if (l->kind != LINE_TRAVEL)
		l->client_id = 0;
	l->session_id = 0;
	if ((s = time_check_client(app, l->pal_id, l->client_id, err))
	    != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = time_preview_calc(app, l->pal_id, l->date, l->kind, l->minutes,
	    NULL, &p, NULL, err);
	if (s == PD_OK)
		s = time_gate(app, &p, 0, reason, err);
	if (s == PD_OK)
		s = time_line_record(app, l, err);
	if (s == PD_OK)
		s = time_line_put(app, l, NULL, err);
	if (s == PD_OK)
		s = time_line_audit(app, "create", NULL, l,
		    p.locked ? reason : NULL, err);
	if (s == PD_OK)
		s = time_adjust_record(app, &p, reason, err);
	if (s == PD_OK)
		s = time_override_record(app, &p, reason, l->id, l->client_id,
		    err);
	return app_finish(app, s, err);
}

/* The stored line id, if the actor may touch it (a PAL: their own). */
static enum pd_status
time_line_own(struct app *app, int64_t id, struct ts_line *old,
    struct pd_err *err)
{
	enum pd_status s;

	memset(old, 0, sizeof *old);
	s = db_line_get(app->db, id, old, err);
	if (s == PD_OK && app_actor_is_pal(app) &&
	    old->pal_id != access_staff_id(app)) {
		ts_line_fini(old);
		s = pd_fail(err, PD_NOT_FOUND, NULL,
		    "That timesheet line cannot be found.");
	}
	return s;
}

/* A session line with no session is the time a PAL ran a group
 * meeting: it is changed or removed through the meeting. */
static enum pd_status
time_line_of_meeting(struct app *app, const struct ts_line *old,
    struct pd_err *err)
{
	int64_t m = db_group_line_meeting(app->db, old->id);

	if (m == 0)
		return pd_fail(err, PD_INVALID, "kind", "this is the time for "
		    "running a group meeting: change or remove the meeting "
		    "instead (its note names the group)");
	return pd_fail(err, PD_INVALID, "kind", "this is the time for "
	    "running a group meeting (meeting %lld): change or remove the "
	    "meeting instead, from its group", (long long)m);
}

enum pd_status
app_line_meeting_check(struct app *app, const struct ts_line *l,
    struct pd_err *err)
{
	if (l->session_id != 0 || l->kind != LINE_SESSION)
		return PD_OK;
	return time_line_of_meeting(app, l, err);
}

/* A session's line is changed through the session. */
static enum pd_status
time_line_update_session(struct app *app, struct ts_line *l,
    const struct ts_line *old, const char *reason, struct pd_err *err)
{
	struct session se;
	struct ts_line now;
	enum pd_status s;

	if (l->kind != LINE_SESSION)
		return pd_fail(err, PD_INVALID, "kind", "a session's line stays "
		    "a session: change the session instead");
	if (l->version != old->version)
		return pd_fail(err, PD_CONFLICT, NULL, "someone changed this "
		    "line after you opened it.");
	memset(&se, 0, sizeof se);
	if ((s = db_session_get(app->db, old->session_id, 0, &se, err))
	    != PD_OK)
		return s;
	memcpy(se.date, l->date, sizeof se.date);
	se.minutes = l->minutes;
	s = app_session_update(app, &se, reason, err);
	session_fini(&se);
	if (s != PD_OK)
		return s;
	memset(&now, 0, sizeof now);
	if (db_line_by_session(app->db, old->session_id, &now, NULL) == PD_OK) {
		ts_line_fini(l);
		*l = now;
	}
	return PD_OK;
}

enum pd_status
app_line_update(struct app *app, struct ts_line *l, const char *reason,
    struct pd_err *err)
{
	struct ts_line old;
	struct ts_week ow;
	struct time_preview p, po;
	enum pd_status s;

	if ((s = app_require(app, APP_ANYONE, "change a timesheet", err))
	    != PD_OK)
		return s;
	if ((s = time_line_check(l, err)) != PD_OK)
		return s;
	memset(&po, 0, sizeof po);
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	if ((s = time_line_own(app, l->id, &old, err)) != PD_OK) {
		db_rollback(app->db);
		return s;
	}
	l->pal_id = old.pal_id;
	if (old.session_id != 0) {
		s = time_line_update_session(app, l, &old, reason, err);
		goto done;
	}
	if (old.kind == LINE_SESSION) {
		/* no session: the time a PAL ran a group meeting */
		s = time_line_of_meeting(app, &old, err);
		goto done;
	}
	l->supervision_id = old.supervision_id;
	l->training_id = old.training_id;
	l->session_id = 0;
	if (l->kind == LINE_SESSION) {
		s = pd_fail(err, PD_INVALID, "kind", "log a session for that: "
		    "its timesheet line is made for you");
		goto done;
	}
	if (l->kind != LINE_TRAVEL)
		l->client_id = 0;
	if ((s = time_check_client(app, l->pal_id, l->client_id, err))
	    != PD_OK)
		goto done;
	memset(&ow, 0, sizeof ow);
	s = db_week_get(app->db, old.week_id, &ow, err);
	if (s == PD_OK)
		s = time_preview_calc(app, l->pal_id, l->date, l->kind,
		    l->minutes, &old, &p, NULL, err);
	if (s == PD_OK)
		s = time_gate(app, &p, time_status_locked(ow.status), reason,
		    err);
	/* a line leaving an approved or paid week changes that week too */
	if (s == PD_OK && time_status_locked(ow.status) &&
	    strcmp(ow.week_start, p.first) != 0)
		s = time_preview_calc(app, old.pal_id, old.date, old.kind, 0,
		    &old, &po, NULL, err);
	if (s == PD_OK)
		s = time_line_put(app, l, &old, err);
	if (s == PD_OK)
		s = time_line_audit(app, "update", &old, l, reason, err);
	if (s == PD_OK)
		s = time_adjust_record(app, &p, reason, err);
	if (s == PD_OK)
		s = time_adjust_record(app, &po, reason, err);
	if (s == PD_OK)
		s = time_override_record(app, &p, reason, l->id, l->client_id,
		    err);
done:
	ts_line_fini(&old);
	return app_finish(app, s, err);
}

enum pd_status
app_line_get(struct app *app, int64_t id, struct ts_line *out,
    struct pd_err *err)
{
	enum pd_status s;

	if ((s = app_require(app, APP_ANYONE, "read a timesheet", err))
	    != PD_OK)
		return s;
	return time_line_own(app, id, out, err);
}

enum pd_status
app_line_delete(struct app *app, int64_t line_id, const char *reason,
    struct pd_err *err)
{
	struct ts_line old;
	struct ts_week ow;
	struct time_preview p;
	enum pd_status s;

	if ((s = app_require(app, APP_ANYONE, "change a timesheet", err))
	    != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	if ((s = time_line_own(app, line_id, &old, err)) != PD_OK) {
		db_rollback(app->db);
		return s;
	}
	if (old.session_id != 0)
		s = pd_fail(err, PD_INVALID, NULL, "this line is a session's: "
		    "change or remove the session instead");
	else if (old.kind == LINE_SESSION)
		s = time_line_of_meeting(app, &old, err);
	memset(&ow, 0, sizeof ow);
	memset(&p, 0, sizeof p);
	if (s == PD_OK)
		s = db_week_get(app->db, old.week_id, &ow, err);
	if (s == PD_OK && time_status_locked(ow.status))
		s = time_preview_calc(app, old.pal_id, old.date, old.kind, 0,
		    &old, &p, NULL, err);
	p.locked = time_status_locked(ow.status);
	p.needs_override = 0;
	if (s == PD_OK)
		s = time_gate(app, &p, 0, reason, err);
	if (s == PD_OK)
		s = db_line_delete(app->db, line_id, err);
	if (s == PD_OK)
		s = time_line_audit(app, "delete", &old, NULL, reason, err);
	if (s == PD_OK)
		s = time_adjust_record(app, &p, reason, err);
	ts_line_fini(&old);
	return app_finish(app, s, err);
}
