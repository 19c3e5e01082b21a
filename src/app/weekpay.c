/* weekpay.c - approving with a reason, paid weeks, adjustments (see
 * weekpay.h). */
#include "peerdesk/app/weekpay.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/userfile.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/str.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/override.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/db/weekpay.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"
#include "peerdesk/model/payexport.h"
#include "peerdesk/model/rules.h"
#include "peerdesk/model/taxyear.h"
#include "peerdesk/report/pay_csv.h"
#include "app_priv.h"
#include "time_priv.h"

/* The judgement of pal_id's week starting first: the week's rules and
 * sums (not its own row) and its hours row (hours_row_fini it). */
static enum pd_status
pay_judge(struct app *app, int64_t pal_id, const char *first,
    struct time_week *w, struct hours_row *row, struct pd_err *err)
{
	pd_date d;
	enum pd_status s;

	if (date_parse(first, &d, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, "week", "that week's date is "
		    "not a date");
	if ((s = time_week_basis(app, pal_id, d, w, err)) != PD_OK)
		return s;
	return time_row(app, w, &w->totals, row, err);
}

enum pd_status
app_week_approve_with(struct app *app, int64_t week_id, const char *reason,
    struct pd_err *err)
{
	struct ts_week w;
	struct time_week tw;
	struct hours_row row;
	enum pd_status s;
	int64_t oid = 0;
	char *summary, *name;
	const char *was;
	bool needs = false;

	if ((s = app_require(app, APP_MANAGER, "approve timesheets", err))
	    != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	memset(&w, 0, sizeof w);
	memset(&row, 0, sizeof row);
	s = db_week_get(app->db, week_id, &w, err);
	if (s == PD_OK && time_status_locked(w.status))
		s = pd_fail(err, PD_DUPLICATE, NULL, "that week is approved "
		    "already");
	was = week_status_str(w.status);
	if (s == PD_OK)
		s = pay_judge(app, w.pal_id, w.week_start, &tw, &row, err);
	if (s == PD_OK) {
		needs = row.check.verdict == PERMITTED_NEAR ||
		    row.check.verdict == PERMITTED_OVER;
		if (needs && str_blank(reason))
			s = pd_fail(err, PD_LIMIT, "reason", "%s. The week is "
			    "%s: to approve it, please give the reason you "
			    "agree to it.", row.check.sentence,
			    permitted_verdict_label(row.check.verdict));
		else if (needs && (!app_actor_signed_in(app) ||
		    access_staff_id(app) == 0))
			s = pd_fail(err, PD_DENIED, "reason", "only a "
			    "signed-in manager can agree to a week close to "
			    "or over a limit");
	}
	if (s == PD_OK)
		s = db_week_set_status(app->db, &w, WEEK_APPROVED,
		    access_staff_id(app), err);
	name = time_pal_name(app, w.pal_id);
	if (s == PD_OK && needs) {
		s = db_override_insert(app->db, w.pal_id, w.week_start, reason,
		    access_staff_id(app), 0, &oid, err);
		if (s == PD_OK) {
			summary = xasprintf("agreed, approving it, that %s's "
			    "week %s is %s", name, tw.label,
			    permitted_verdict_label(row.check.verdict));
			s = app_audit(app, "override", "limit_override", oid, 0,
			    summary, NULL, row.check.sentence, reason, err);
			free(summary);
		}
	}
	if (s == PD_OK) {
		summary = xasprintf("approved %s's week %s", name, tw.label);
		s = app_audit(app, "approve", "timesheet_week", w.id, 0,
		    summary, was, "approved", needs ? reason : NULL, err);
		free(summary);
	}
	free(name);
	hours_row_fini(&row);
	return app_finish(app, s, err);
}

/* Mark one week paid inside the caller's transaction, with its audit. */
static enum pd_status
pay_mark(struct app *app, int64_t week_id, struct pd_err *err)
{
	struct ts_week w;
	enum pd_status s;
	pd_date d;
	char label[WEEK_LABEL_LEN], *name, *summary;

	memset(&w, 0, sizeof w);
	if ((s = db_week_get(app->db, week_id, &w, err)) != PD_OK)
		return s;
	if (w.status == WEEK_LOCKED)
		return pd_fail(err, PD_DUPLICATE, NULL, "that week is marked "
		    "paid already");
	if (w.status != WEEK_APPROVED)
		return pd_fail(err, PD_CONFLICT, NULL, "that week is not "
		    "approved yet: approve it first, then mark it paid");
	if ((s = db_week_set_paid(app->db, week_id,
	    access_staff_id(app), err)) != PD_OK)
		return s;
	label[0] = '\0';
	if (date_parse(w.week_start, &d, NULL) == PD_OK)
		week_label_of(d, app->settings->week_start, label);
	name = time_pal_name(app, w.pal_id);
	summary = xasprintf("marked %s's week %s paid", name, label);
	s = app_audit(app, "paid", "timesheet_week", w.id, 0, summary,
	    "approved", "paid", NULL, err);
	free(summary);
	free(name);
	return s;
}

enum pd_status
app_week_mark_paid(struct app *app, int64_t week_id, struct pd_err *err)
{
	enum pd_status s;

	if ((s = app_require(app, APP_MANAGER, "mark weeks paid", err))
	    != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = pay_mark(app, week_id, err);
	return app_finish(app, s, err);
}

struct pay_ids {
	int64_t *v;
	size_t n, cap;
};

static int
pay_ids_cb(void *arg, int64_t week_id, int64_t pal_id, const char *start)
{
	struct pay_ids *ids = arg;

	(void)pal_id;
	(void)start;
	if (ids->n == ids->cap) {
		ids->cap = ids->cap ? ids->cap * 2 : 32;
		ids->v = xreallocarray(ids->v, ids->cap, sizeof *ids->v);
	}
	ids->v[ids->n++] = week_id;
	return 0;
}

enum pd_status
app_weeks_mark_paid_upto(struct app *app, const char *upto, int64_t pal_id,
    size_t *n, struct pd_err *err)
{
	struct pay_ids ids = { NULL, 0, 0 };
	enum pd_status s;
	pd_date d, last_start;
	char ls[11];
	size_t i;

	*n = 0;
	if ((s = app_require(app, APP_MANAGER, "mark weeks paid", err))
	    != PD_OK)
		return s;
	if (upto == NULL || date_parse(upto, &d, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, "upto", "the date should look "
		    "like 2026-11-29");
	/* a week has ended by d when its last day, first + 6, is <= d */
	last_start = date_add_days(d, -6);
	date_format(last_start, ls);
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = db_weeks_approved_upto(app->db, ls, pal_id, pay_ids_cb, &ids,
	    err);
	for (i = 0; s == PD_OK && i < ids.n; i++)
		s = pay_mark(app, ids.v[i], err);
	free(ids.v);
	if (s == PD_OK && (s = db_commit(app->db, err)) == PD_OK) {
		*n = i;
		return PD_OK;
	}
	if (s != PD_OK)
		db_rollback(app->db);
	return s;
}

enum pd_status
app_week_verdict_text(struct app *app, int64_t pal_id, const char *first,
    char *buf, size_t len, enum permitted_verdict *verdict,
    struct pd_err *err)
{
	struct time_week w;
	struct hours_row row;
	struct staff st;
	enum pd_status s;
	char a[DATE_LONG_LEN], b[DATE_LONG_LEN];

	memset(&row, 0, sizeof row);
	if ((s = pay_judge(app, pal_id, first, &w, &row, err)) != PD_OK)
		return s;
	*verdict = row.check.verdict;
	memset(&st, 0, sizeof st);
	db_staff_get(app->db, pal_id, &st, NULL);
	snprintf(buf, len, "%s%s%s%s, week %s (%s to %s): %s",
	    st.name != NULL ? st.name : "a PAL",
	    st.login != NULL && st.login[0] ? " (" : "",
	    st.login != NULL ? st.login : "",
	    st.login != NULL && st.login[0] ? ")" : "", w.label,
	    date_format_long(w.wk.first, a), date_format_long(w.wk.last, b),
	    time_shows_pay(app, pal_id) ? row.check.sentence :
	    row.check.verdict == PERMITTED_OVER ? "over a limit; the manager "
	    "will need a reason to approve it" :
	    row.check.verdict == PERMITTED_NEAR ? "close to a limit; the "
	    "manager will need a reason to approve it" : "within the limits");
	staff_fini(&st);
	hours_row_fini(&row);
	return PD_OK;
}

/* ---- the payroll export ---------------------------------------------------------- */

enum pd_status
app_pay_range(const char *from, const char *to, const char *month,
    const char *tax_year, char from_out[11], char to_out[11],
    struct pd_err *err)
{
	pd_date a, b;
	int n = (from != NULL || to != NULL) + (month != NULL) +
	    (tax_year != NULL);
	int y, m, ty;
	char extra;

	from_out[0] = to_out[0] = '\0';
	if (n != 1)
		return pd_fail(err, PD_INVALID, "from", "please give the weeks "
		    "as --from DATE --to DATE, or --month YYYY-MM, or "
		    "--tax-year YYYY (one of them)");
	if (month != NULL) {
		if (sscanf(month, "%4d-%2d%c", &y, &m, &extra) != 2 ||
		    strlen(month) != 7 || date_from_ymd(y, m, 1, &a, NULL) !=
		    PD_OK)
			return pd_fail(err, PD_INVALID, "month", "--month "
			    "should look like 2026-11, not '%s'", month);
		b = date_add_days(date_add_months(a, 1), -1);
	} else if (tax_year != NULL) {
		if (taxyear_parse(tax_year, &ty, NULL) != PD_OK &&
		    (sscanf(tax_year, "%4d%c", &ty, &extra) != 1 ||
		    strlen(tax_year) != 4 || ty < 1 || ty > 9998))
			return pd_fail(err, PD_INVALID, "tax-year", "--tax-year "
			    "should look like 2026 or 2026/27, not '%s'",
			    tax_year);
		a = taxyear_first_day(ty);
		b = taxyear_last_day(ty);
	} else {
		if (from == NULL || to == NULL)
			return pd_fail(err, PD_INVALID, from == NULL ? "from" :
			    "to", "please give both --from DATE and --to DATE");
		if (date_parse(from, &a, NULL) != PD_OK)
			return pd_fail(err, PD_INVALID, "from", "--from should "
			    "be a date like 2026-11-02, not '%s'", from);
		if (date_parse(to, &b, NULL) != PD_OK)
			return pd_fail(err, PD_INVALID, "to", "--to should be "
			    "a date like 2026-11-29, not '%s'", to);
		if (b < a)
			return pd_fail(err, PD_INVALID, "to", "--to (%s) is "
			    "before --from (%s)", to, from);
	}
	date_format(a, from_out);
	date_format(b, to_out);
	return PD_OK;
}

struct pay_weeks {
	struct week_between_row *v;
	char **logins, **names;
	size_t n, cap;
};

static int
pay_weeks_cb(void *arg, const struct week_between_row *row)
{
	struct pay_weeks *pw = arg;

	if (pw->n == pw->cap) {
		pw->cap = pw->cap ? pw->cap * 2 : 64;
		pw->v = xreallocarray(pw->v, pw->cap, sizeof *pw->v);
		pw->logins = xreallocarray(pw->logins, pw->cap,
		    sizeof *pw->logins);
		pw->names = xreallocarray(pw->names, pw->cap,
		    sizeof *pw->names);
	}
	pw->v[pw->n] = *row;
	pw->logins[pw->n] = xstrdup(row->login != NULL ? row->login : "");
	pw->names[pw->n] = xstrdup(row->name != NULL ? row->name : "");
	pw->n++;
	return 0;
}

struct pay_over {
	int n;
	char *reason;
};

static int
pay_over_cb(void *arg, const struct limit_override_row *row)
{
	struct pay_over *o = arg;

	o->n++;
	free(o->reason);
	o->reason = xstrdup(row->reason != NULL ? row->reason : "");
	return 0;
}

enum pd_status
app_report_pay(struct app *app, const char *from, const char *to,
    struct pay_export *out, struct pd_err *err)
{
	struct pay_weeks pw;
	enum pd_status s;
	size_t i;
	int k;

	memset(out, 0, sizeof *out);
	memset(&pw, 0, sizeof pw);
	if ((s = app_require(app, APP_MANAGER, "see everyone's pay", err))
	    != PD_OK)
		return s;
	snprintf(out->from, sizeof out->from, "%s", from);
	snprintf(out->to, sizeof out->to, "%s", to);
	s = db_weeks_between(app->db, from, to, pay_weeks_cb, &pw, err);
	for (i = 0; s == PD_OK && i < pw.n; i++) {
		struct time_week w;
		struct hours_row row;
		struct pay_line l;
		struct pay_over o = { 0, NULL };

		memset(&row, 0, sizeof row);
		s = pay_judge(app, pw.v[i].pal_id, pw.v[i].week_start, &w, &row,
		    err);
		if (s == PD_OK)
			s = db_override_list(app->db, pw.v[i].pal_id,
			    pw.v[i].week_start, pay_over_cb, &o, err);
		if (s == PD_OK) {
			memset(&l, 0, sizeof l);
			memcpy(l.week_label, w.label, sizeof l.week_label);
			memcpy(l.first, w.first, sizeof l.first);
			memcpy(l.last, w.last, sizeof l.last);
			l.pal_id = pw.v[i].pal_id;
			for (k = 0; k < w.totals.nbands && k < PAY_RATES_MAX;
			    k++)
				if (w.totals.bands[k].rate_pence >= 0)
					l.rates[l.n_rates++] =
					    w.totals.bands[k].rate_pence;
			for (k = 0; k < PAY_KINDS && k < HOURS_KINDS; k++)
				l.minutes_by_kind[k] = row.minutes_by_kind[k];
			l.minutes = row.minutes;
			l.unrated_minutes = row.unrated_minutes;
			l.pay_pence = row.pay_pence;
			l.holiday_pence = row.holiday_pence;
			l.gross_pence = row.gross_pence;
			l.status = pw.v[i].status;
			l.verdict = row.check.verdict;
			l.not_checked = (row.check.missing &
			    PERMITTED_NO_RULE) || row.check.pay_unchecked;
			l.overrides = o.n;
			pay_export_add(out, &l, pw.logins[i], pw.names[i],
			    row.check.note, o.reason);
		}
		free(o.reason);
		hours_row_fini(&row);
	}
	for (i = 0; i < pw.n; i++) {
		free(pw.logins[i]);
		free(pw.names[i]);
	}
	free(pw.v);
	free(pw.logins);
	free(pw.names);
	if (s != PD_OK)
		pay_export_fini(out);
	return s;
}

enum pd_status
app_report_pay_save(struct app *app, const struct pay_export *e,
    unsigned flags, const char *path, struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	enum pd_status s;
	char *what;

	pay_csv_render(e, flags, &sb);
	if (userfile_is_std(path)) {
		s = userfile_save(path, sb.buf, sb.len, 0, err);
	} else {
		what = xasprintf("the payroll export for the weeks starting %s "
		    "to %s (%zu PAL-week%s)", e->from, e->to, e->n,
		    e->n == 1 ? "" : "s");
		s = userfile_save_audited(app, path, sb.buf, sb.len, 0,
		    "export", "report", 0, 0, what, err);
		free(what);
	}
	strbuf_fini(&sb);
	return s;
}
