/* timeweek.c - a PAL's week and the lines in it, shared by timesheets.c,
 * sessions.c and weekpay.c (time_priv.h): loading a week with its rules
 * and sums, what a change does to it, the rules every change passes,
 * writing and auditing a line, and keeping a change to an approved week. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/app.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/str.h"
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
#include "peerdesk/db/weekpay.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"
#include "peerdesk/model/rules.h"
#include "peerdesk/model/today.h"
#include "time_priv.h"

/* ---- small helpers ------------------------------------------------------ */

bool
time_is_manager(const struct app *app)
{
	return app_actor_is_manager(app);
}

bool
time_shows_pay(const struct app *app, int64_t pal_id)
{
	return access_sees_pay(app, pal_id);
}

bool
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
		if (!app_actor_is_pal(app))
			return pd_fail(err, PD_INVALID, "pal",
			    "please say which PAL");
		*pal_id = access_staff_id(app);
	}
	if (app_actor_is_pal(app) && *pal_id != access_staff_id(app))
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
	bool found;
};

static int
time_find_week_cb(void *arg, const struct ts_week *row)
{
	struct time_find_week *f = arg;

	if (row->pal_id != f->pal_id)
		return 0;
	*f->out = *row;
	f->found = true;
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
	bool recorded = false;
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
	bool recorded = false;
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
		w->has_limits = true;
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
time_gate(struct app *app, const struct time_preview *p, bool old_locked,
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
/* ---- who a week is for ------------------------------------------------------ */

char *
time_pal_name(struct app *app, int64_t pal_id)
{
	struct staff st;
	char *name;

	memset(&st, 0, sizeof st);
	db_staff_get(app->db, pal_id, &st, NULL);
	name = xstrdup(st.name != NULL ? st.name : "a PAL");
	staff_fini(&st);
	return name;
}

/* ---- adjustments (time_priv.h) -------------------------------------------- */

enum pd_status
time_adjust_record(struct app *app, const struct time_preview *p,
    const char *reason, struct pd_err *err)
{
	struct week_adjust_row a;
	enum pd_status s;
	char *name, *summary, before[120], after[120];
	char d1[DURATION_STR_LEN], d2[DURATION_STR_LEN];
	char m1[MONEY_STR_LEN], m2[MONEY_STR_LEN];

	if (!p->locked)
		return PD_OK;
	memset(&a, 0, sizeof a);
	a.pal_id = p->pal_id;
	memcpy(a.week_start, p->first, sizeof a.week_start);
	app_today(a.made_on);
	a.status = p->status == WEEK_LOCKED ? WEEK_LOCKED : WEEK_APPROVED;
	a.minutes_before = p->change.before.minutes;
	a.minutes_after = p->change.after.minutes;
	a.gross_before = p->change.before.pence;
	a.gross_after = p->change.after.pence;
	a.reason = reason;
	a.made_by = access_staff_id(app);
	if ((s = db_adjust_insert(app->db, &a, err)) != PD_OK)
		return s;
	snprintf(before, sizeof before, "%s, %s",
	    duration_format(a.minutes_before, d1),
	    money_format(a.gross_before, m1));
	snprintf(after, sizeof after, "%s, %s",
	    duration_format(a.minutes_after, d2),
	    money_format(a.gross_after, m2));
	name = time_pal_name(app, p->pal_id);
	summary = xasprintf("changed %s's %s week %s (an adjustment)", name,
	    a.status == WEEK_LOCKED ? "paid" : "approved", p->label);
	s = app_audit(app, "adjust", "week_adjustment", a.id, 0, summary,
	    before, after, reason, err);
	free(summary);
	free(name);
	return s;
}

/* ---- what a week is judged against (time_priv.h) ------------------------------ */

pd_date
time_shown_day(struct week_range wk)
{
	pd_date t;
	char today[11];

	app_today(today);
	if (date_parse(today, &t, NULL) == PD_OK && t >= wk.first &&
	    t <= wk.last)
		return t;
	return wk.first;
}

struct pay_rules {
	struct pal_benefit_row v[16];	/* newest first */
	int n;
	pd_date first, last;
};

static int
pay_rules_cb(void *arg, const struct pal_benefit_row *row)
{
	struct pay_rules *pr = arg;
	pd_date d;

	if (date_parse(row->effective_from, &d, NULL) != PD_OK ||
	    d > pr->last)
		return 0;	/* from after the week: not yet in force */
	pr->v[pr->n] = *row;
	pr->v[pr->n].note = NULL;
	/* rows are newest first: once one is in force on the first day
	 * the older ones cannot matter */
	return ++pr->n == (int)(sizeof pr->v / sizeof pr->v[0]) ||
	    d <= pr->first;
}

enum pd_status
time_basis(struct app *app, int64_t pal_id, pd_date first,
    struct permitted_basis *b, struct pd_err *err)
{
	struct pay_rules pr;
	struct permitted_limits lim;
	const struct rules_pw_row *pw;
	enum benefit_rule rule;
	enum pd_status s;
	pd_date d, from;
	char ds[11];
	int i, k;

	permitted_basis_init(b);
	memset(&pr, 0, sizeof pr);
	pr.first = first;
	pr.last = date_add_days(first, 6);
	if ((s = db_pal_benefit_list(app->db, pal_id, pay_rules_cb, &pr, err))
	    != PD_OK)
		return s;
	for (i = 0; i < 7; i++) {
		d = date_add_days(first, i);
		date_format(d, ds);
		rule = RULE_NONE;
		for (k = 0; k < pr.n; k++)
			if (date_parse(pr.v[k].effective_from, &from, NULL) ==
			    PD_OK && from <= d) {
				rule = pr.v[k].rule;
				break;
			}
		if ((pw = rules_pw_on(app->rules, ds)) != NULL) {
			lim.lower_pence = pw->lower_pence;
			lim.higher_pence = pw->higher_pence;
			lim.hours_limit_minutes = PERMITTED_HOURS_LIMIT_MINUTES;
		}
		permitted_basis_day(b, d, rule, pw != NULL ? &lim : NULL);
	}
	return PD_OK;
}
