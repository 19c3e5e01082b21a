/* timesheets.c - a PAL's week: lines, the permitted-work check,
 * submitting and approving (see timesheets.h). */
#include "peerdesk/app/timesheets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/sessions.h"
#include "peerdesk/app/weekpay.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/strbuf.h"
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
#include "time_priv.h"

/* ---- small helpers ------------------------------------------------------ */

int
time_is_manager(const struct app *app)
{
	return app_actor_is_manager(app);
}

int
time_shows_pay(const struct app *app, int64_t pal_id)
{
	return access_sees_pay(app, pal_id);
}

static int
time_is_pal(const struct app *app)
{
	return app_actor_is_pal(app);
}

int
time_status_locked(enum week_status st)
{
	return st == WEEK_APPROVED || st == WEEK_LOCKED;
}

enum pd_status
time_pal_resolve(struct app *app, int64_t *pal_id, char **name,
    struct pd_err *err)
{
	struct staff st;
	enum pd_status s;

	if (*pal_id == 0) {
		if (!time_is_pal(app))
			return pd_fail(err, PD_INVALID, "pal",
			    "please say which PAL");
		*pal_id = access_staff_id(app);
	}
	if (time_is_pal(app) && *pal_id != access_staff_id(app))
		return pd_fail(err, PD_DENIED, "pal",
		    "a PAL may see and change only their own week");
	memset(&st, 0, sizeof st);
	s = db_staff_get(app->db, *pal_id, &st, NULL);
	if (s == PD_NOT_FOUND || (s == PD_OK && st.role != ROLE_PAL)) {
		staff_fini(&st);
		return pd_fail(err, PD_NOT_FOUND, "pal", "there is no such PAL");
	}
	if (s != PD_OK) {
		staff_fini(&st);
		return pd_fail(err, s, NULL, "could not read the PAL's record");
	}
	if (name != NULL)
		*name = xstrdup(st.name != NULL ? st.name : "");
	staff_fini(&st);
	return PD_OK;
}

int64_t
time_rate_on(struct app *app, int64_t pal_id, const char *date)
{
	int64_t rate = -1;

	if (db_pal_rate_on(app->db, pal_id, date, &rate, NULL) != PD_OK)
		return -1;
	return rate;
}

struct time_find_week {
	int64_t pal_id;
	struct ts_week *out;
	int found;
};

static int
time_find_week_cb(void *arg, const struct ts_week *row)
{
	struct time_find_week *f = arg;

	if (row->pal_id != f->pal_id)
		return 0;
	*f->out = *row;
	f->found = 1;
	return 1;
}

enum pd_status
time_week_row(struct app *app, int64_t pal_id, const char *first,
    struct ts_week *out, struct pd_err *err)
{
	struct ts_week tmp;
	struct time_find_week f = { pal_id, out != NULL ? out : &tmp, 0 };
	enum pd_status s;

	memset(f.out, 0, sizeof *f.out);
	s = db_week_list(app->db, first, time_find_week_cb, &f, err);
	if (s == PD_OK && !f.found) {
		f.out->pal_id = pal_id;
		snprintf(f.out->week_start, sizeof f.out->week_start, "%s",
		    first);
		f.out->status = WEEK_OPEN;
	}
	return s;
}

enum pd_status
time_missing(struct app *app, int64_t pal_id, const char *first,
    const char *last, enum benefit_rule *rule, unsigned *missing,
    struct pd_err *err)
{
	int64_t rate;
	int recorded = 0;
	enum pd_status s;

	*missing = 0;
	if ((s = db_pal_benefit_find(app->db, pal_id, first, rule, &recorded,
	    err)) != PD_OK)
		return s;
	/* first recorded inside the week: judge the week by it */
	if (!recorded && (s = db_pal_benefit_find(app->db, pal_id, last, rule,
	    &recorded, err)) != PD_OK)
		return s;
	if (!recorded)
		*missing |= PERMITTED_NO_RULE;
	/* rates run from a date: none by the last day is none all week */
	s = db_pal_rate_on(app->db, pal_id, last, &rate, NULL);
	if (s == PD_NOT_FOUND)
		*missing |= PERMITTED_NO_RATE;
	else if (s != PD_OK)
		return pd_fail(err, s, NULL, "could not read the pay rate");
	return PD_OK;
}

enum pd_status
time_week_load(struct app *app, int64_t pal_id, pd_date day,
    struct time_week *w, struct pd_err *err)
{
	enum pd_status s;

	if ((s = time_week_basis(app, pal_id, day, w, err)) != PD_OK)
		return s;
	return time_week_row(app, pal_id, w->first, &w->week, err);
}

enum pd_status
time_week_basis(struct app *app, int64_t pal_id, pd_date day,
    struct time_week *w, struct pd_err *err)
{
	const struct rules_pw_row *pw;
	enum benefit_rule day_rule;
	int recorded = 0;
	char on[11];
	enum pd_status s;

	memset(w, 0, sizeof *w);
	w->pal_id = pal_id;
	w->wk = week_of(day, app->settings->week_start);
	date_format(w->wk.first, w->first);
	date_format(w->wk.last, w->last);
	week_label_of(day, app->settings->week_start, w->label);
	date_format(day, on);
	/* the rule and limits of the day asked (what screens show), and of
	 * every day of the week (what it is judged against) */
	if ((pw = rules_pw_on(app->rules, on)) != NULL) {
		w->has_limits = 1;
		w->lim.lower_pence = pw->lower_pence;
		w->lim.higher_pence = pw->higher_pence;
		w->lim.hours_limit_minutes = PERMITTED_HOURS_LIMIT_MINUTES;
	}
	/* what is not recorded (no rule, no rate) is said in words */
	if ((s = time_missing(app, pal_id, w->first, w->last, &w->rule,
	    &w->missing, err)) != PD_OK)
		return s;
	if ((s = db_pal_benefit_find(app->db, pal_id, on, &day_rule,
	    &recorded, err)) != PD_OK)
		return s;
	if (recorded)
		w->rule = day_rule;
	if ((s = time_basis(app, pal_id, w->wk.first, &w->basis, err))
	    != PD_OK)
		return s;
	return db_week_totals(app->db, pal_id, w->first, w->last,
	    &w->totals, err);
}

enum pd_status
time_row(const struct app *app, const struct time_week *w,
    const struct week_totals *t, struct hours_row *out, struct pd_err *err)
{
	struct hours_band bands[WEEK_BANDS_MAX];
	struct hours_input in;
	struct hours_options opt;
	int i;

	memset(&in, 0, sizeof in);
	for (i = 0; i < t->nbands && i < WEEK_BANDS_MAX; i++) {
		bands[i].rate_pence = t->bands[i].rate_pence;
		bands[i].minutes = t->bands[i].minutes;
	}
	in.pal_id = w->pal_id;
	for (i = 0; i < HOURS_KINDS && i < LINE_KINDS; i++)
		in.minutes_by_kind[i] = t->minutes_by_kind[i];
	in.bands = bands;
	in.n_bands = (size_t)t->nbands;
	in.rule = w->rule;
	in.basis = &w->basis;
	in.missing = w->missing;
	memset(&opt, 0, sizeof opt);
	opt.limits = w->has_limits ? &w->lim : NULL;
	opt.near_percent = app->settings->near_percent;
	opt.holiday_pay = app->settings->holiday_pay;
	opt.holiday_rate_bp = app->settings->holiday_pay_rate;
	return hours_row_build(&in, &opt, out, err);
}

/* ---- what a change does to the week ---------------------------------------- */

static void
time_hours_only(const struct time_preview *p, int before, char *now,
    size_t nnow, char *sentence, size_t nsent)
{
	char a[DURATION_STR_LEN], b[DURATION_STR_LEN];

	snprintf(now, nnow, "This week so far: %s", duration_format(before, a));
	if (p->add_minutes == 0) {
		snprintf(sentence, nsent, "%s", now);
		return;
	}
	snprintf(sentence, nsent, "%s %s: this week would be %s%s",
	    p->add_minutes < 0 ? "Taking off" : "Adding",
	    duration_format(p->add_minutes < 0 ? -p->add_minutes :
	    p->add_minutes, a), duration_format(before + p->add_minutes, b),
	    p->needs_override ? ", over a limit: the manager must agree" : "");
}

enum pd_status
time_preview_calc(struct app *app, int64_t pal_id, const char *date,
    enum line_kind kind, int minutes, const struct ts_line *old,
    struct time_preview *out, struct time_week *wk_out, struct pd_err *err)
{
	struct time_week w;
	struct week_totals after;
	struct hours_row rb, ra;
	pd_date day;
	enum pd_status s;
	const struct permitted_result *pa;

	memset(out, 0, sizeof *out);
	if (date_parse(date, &day, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, "date",
		    "the date should look like 2026-11-24");
	if ((s = time_week_load(app, pal_id, day, &w, err)) != PD_OK)
		return s;
	after = w.totals;
	if (old != NULL && strcmp(old->date, w.first) >= 0 &&
	    strcmp(old->date, w.last) <= 0 &&
	    week_totals_add(&after, old->kind, time_rate_on(app, pal_id,
	    old->date), -old->minutes) != 0)
		return pd_fail(err, PD_LIMIT, NULL, "that line cannot be "
		    "taken off the week's sums");
	if (minutes > 0 && week_totals_add(&after, kind,
	    time_rate_on(app, pal_id, date), minutes) != 0)
		return pd_fail(err, PD_LIMIT, NULL,
		    "there are more than %d pay rates in this week",
		    WEEK_BANDS_MAX);
	if ((s = time_row(app, &w, &w.totals, &rb, err)) != PD_OK)
		return s;
	if ((s = time_row(app, &w, &after, &ra, err)) != PD_OK) {
		hours_row_fini(&rb);
		return s;
	}
	out->pal_id = pal_id;
	memcpy(out->label, w.label, sizeof out->label);
	memcpy(out->first, w.first, sizeof out->first);
	memcpy(out->last, w.last, sizeof out->last);
	out->status = w.week.status;
	out->locked = time_status_locked(w.week.status);
	out->shows_pay = time_shows_pay(app, pal_id);
	out->add_minutes = ra.minutes - rb.minutes;
	out->add_pence = ra.gross_pence - rb.gross_pence;
	permitted_check_adding_basis(&w.basis, w.missing |
	    (rb.unrated_minutes > 0 || ra.unrated_minutes > 0 ?
	    PERMITTED_NO_RATE : 0), rb.minutes, rb.gross_pence,
	    out->add_minutes, out->add_pence, app->settings->near_percent,
	    &out->change);
	pa = &out->change.after;
	out->needs_override = (pa->hours_over && out->add_minutes > 0) ||
	    (pa->pay_over && out->add_pence > 0);
	out->needs_reason = out->locked || out->needs_override;
	if (out->shows_pay) {
		snprintf(out->now, sizeof out->now, "%s",
		    out->change.before.sentence);
		snprintf(out->sentence, sizeof out->sentence, "%s",
		    out->add_minutes != 0 || out->add_pence != 0 ?
		    out->change.sentence : out->change.before.sentence);
	} else {
		time_hours_only(out, rb.minutes, out->now, sizeof out->now,
		    out->sentence, sizeof out->sentence);
		memset(&out->change, 0, sizeof out->change);
		out->add_pence = 0;
	}
	if (wk_out != NULL)
		*wk_out = w;
	hours_row_fini(&rb);
	hours_row_fini(&ra);
	return PD_OK;
}

enum pd_status
time_gate(struct app *app, const struct time_preview *p, int old_locked,
    const char *reason, struct pd_err *err)
{
	if (p->locked || old_locked) {
		if (!time_is_manager(app))
			return pd_fail(err, PD_DENIED, NULL, "this week has been "
			    "approved, so only the manager can change it now, "
			    "with a reason");
		if (str_blank(reason))
			return pd_fail(err, PD_INVALID, "reason", "this week "
			    "has been approved: please give the reason for "
			    "the change");
	}
	if (!p->needs_override)
		return PD_OK;
	if (!time_is_manager(app)) {
		if (p->shows_pay)
			return pd_fail(err, PD_LIMIT, "minutes", "That would "
			    "take the week over the limit. %s. The manager "
			    "must agree before it can be saved.", p->sentence);
		return pd_fail(err, PD_LIMIT, "minutes", "That would take the "
		    "PAL's week over a limit. The manager must agree before "
		    "it can be saved.");
	}
	if (str_blank(reason))
		return pd_fail(err, PD_LIMIT, "reason", "%s. To go over the "
		    "limit, please give the reason you agree to it.",
		    p->sentence);
	if (!app_actor_signed_in(app) || access_staff_id(app) == 0)
		return pd_fail(err, PD_DENIED, "reason", "only a signed-in "
		    "manager can agree to go over a limit");
	return PD_OK;
}

enum pd_status
time_override_record(struct app *app, const struct time_preview *p,
    const char *reason, int64_t line_id, int64_t client_id,
    struct pd_err *err)
{
	struct staff st;
	enum pd_status s;
	int64_t id = 0;
	char *summary;

	if (!p->needs_override)
		return PD_OK;
	s = db_override_insert(app->db, p->pal_id, p->first, reason,
	    access_staff_id(app), line_id, &id, err);
	if (s != PD_OK)
		return s;
	memset(&st, 0, sizeof st);
	db_staff_get(app->db, p->pal_id, &st, NULL);
	summary = xasprintf("agreed that %s's week %s may go over the limit",
	    st.name != NULL ? st.name : "the PAL", p->label);
	staff_fini(&st);
	s = app_audit(app, "override", "limit_override", id, client_id,
	    summary, p->change.before.sentence, p->change.after.sentence,
	    reason, err);
	free(summary);
	return s;
}

/* ---- lines ------------------------------------------------------------------ */

void
time_line_text(const struct ts_line *l, struct strbuf *out)
{
	char d[DURATION_STR_LEN];

	strbuf_addf(out, "%s, %s, %s", l->date, duration_format(l->minutes, d),
	    line_kind_label(l->kind));
	if (l->client_id != 0)
		strbuf_addf(out, ", client %lld", (long long)l->client_id);
	if (!str_blank(l->note))
		strbuf_addf(out, ", note: %s", l->note);
}

enum pd_status
time_line_check(const struct ts_line *l, struct pd_err *err)
{
	pd_date d;

	if (date_parse(l->date, &d, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, "date",
		    "the date should look like 2026-11-24");
	if (l->minutes <= 0 || l->minutes > DURATION_MAX_MINUTES)
		return pd_fail(err, PD_INVALID, "minutes",
		    "how long should be between 1 minute and 24 hours");
	if (line_kind_str(l->kind) == NULL)
		return pd_fail(err, PD_INVALID, "kind",
		    "that is not a kind of timesheet line");
	return PD_OK;
}

enum pd_status
time_line_put(struct app *app, struct ts_line *l, const struct ts_line *old,
    struct pd_err *err)
{
	struct ts_week wk;
	pd_date day;
	char first[11];
	enum pd_status s;
	int64_t by = access_staff_id(app);

	if (date_parse(l->date, &day, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, "date",
		    "the date should look like 2026-11-24");
	date_format(week_start_of(day, app->settings->week_start), first);
	memset(&wk, 0, sizeof wk);
	if ((s = db_week_get_or_create(app->db, l->pal_id, first, &wk, err))
	    != PD_OK)
		return s;
	if (old == NULL) {
		l->week_id = wk.id;
		return db_line_insert(app->db, l, by, err);
	}
	if (old->version != l->version)
		return pd_fail(err, PD_CONFLICT, NULL, "someone changed this "
		    "line after you opened it.");
	if (old->week_id == wk.id) {
		l->week_id = wk.id;
		return db_line_update(app->db, l, by, err);
	}
	if ((s = db_line_delete(app->db, old->id, err)) != PD_OK)
		return s;
	l->id = 0;
	l->week_id = wk.id;
	return db_line_insert(app->db, l, by, err);
}

enum pd_status
time_line_audit(struct app *app, const char *action,
    const struct ts_line *before, const struct ts_line *after,
    const char *reason, struct pd_err *err)
{
	struct strbuf b = STRBUF_INIT, a = STRBUF_INIT, sum = STRBUF_INIT;
	const struct ts_line *l = after != NULL ? after : before;
	enum pd_status s;

	if (before != NULL)
		time_line_text(before, &b);
	if (after != NULL)
		time_line_text(after, &a);
	strbuf_addf(&sum, "%s a %s line of %s",
	    strcmp(action, "create") == 0 ? "added" :
	    strcmp(action, "delete") == 0 ? "removed" : "changed",
	    line_kind_label(l->kind), l->date);
	s = app_audit(app, action, "timesheet_line", l->id, l->client_id,
	    strbuf_str(&sum), before != NULL ? strbuf_str(&b) : NULL,
	    after != NULL ? strbuf_str(&a) : NULL,
	    str_blank(reason) ? NULL : reason, err);
	strbuf_fini(&b);
	strbuf_fini(&a);
	strbuf_fini(&sum);
	return s;
}

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
	if (time_is_pal(app) && *pal_id != access_staff_id(app))
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

	wl->booked = 1;
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
	if (s == PD_OK)
		return db_commit(app->db, err);
	db_rollback(app->db);
	return s;
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
	s = db_client_get(app->db, client_id, time_is_pal(app) ? pal_id : 0,
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
	if (s == PD_OK)
		return db_commit(app->db, err);
	db_rollback(app->db);
	return s;
}

/* The stored line id, if the actor may touch it (a PAL: their own). */
static enum pd_status
time_line_own(struct app *app, int64_t id, struct ts_line *old,
    struct pd_err *err)
{
	enum pd_status s;

	memset(old, 0, sizeof *old);
	s = db_line_get(app->db, id, old, err);
	if (s == PD_OK && time_is_pal(app) &&
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
	if (s == PD_OK)
		return db_commit(app->db, err);
	db_rollback(app->db);
	return s;
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
	if (s == PD_OK)
		return db_commit(app->db, err);
	db_rollback(app->db);
	return s;
}
