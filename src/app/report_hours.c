/* report_hours.c - the weekly hours summary from the database (see
 * report_hours.h). */
#include "peerdesk/app/report_hours.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/print.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/app/userfile.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/override.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/report.h"
#include "peerdesk/db/weekpay.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/money.h"
#include "peerdesk/model/rules.h"
#include "peerdesk/model/today.h"
#include "peerdesk/report/hours_csv.h"
#include "peerdesk/report/hours_pdf.h"
#include "peerdesk/report/hours_text.h"
#include "time_priv.h"

int
report_format_parse(const char *s, enum report_format *out)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "text") == 0 || strcmp(s, "txt") == 0)
		*out = REPORT_TEXT;
	else if (strcmp(s, "csv") == 0)
		*out = REPORT_CSV;
	else if (strcmp(s, "pdf") == 0)
		*out = REPORT_PDF;
	else
		return -1;
	return 0;
}

const char *
report_format_ext(enum report_format f)
{
	switch (f) {
	case REPORT_CSV: return "csv";
	case REPORT_PDF: return "pdf";
	default: return "txt";
	}
}

/* The rows copied out of the database before the per-PAL lookups. */
struct report_rows {
	struct report_row *v;
	size_t n, cap;
};

static int
report_rows_cb(void *arg, const struct report_row *row)
{
	struct report_rows *rr = arg;
	struct report_row *r;

	if (rr->n == rr->cap) {
		rr->cap = rr->cap ? rr->cap * 2 : 32;
		rr->v = xreallocarray(rr->v, rr->cap, sizeof *rr->v);
	}
	r = &rr->v[rr->n++];
	*r = *row;
	r->login = xstrdup(row->login);
	r->name = xstrdup(row->name);
	return 0;
}

static int
report_client_cb(void *arg, const struct delivery_row *row)
{
	hours_report_add_client(arg, row->client_name, row->worker_id,
	    row->worker_name, row->contracted_minutes_per_week,
	    row->delivered_minutes, row->sessions);
	return 0;
}

/* The manager's agreements to go over for a PAL's week: how many, and
 * the last one's reason and who gave it. */
struct report_over {
	int n;
	char *reason, *by;
};

static int
report_over_cb(void *arg, const struct limit_override_row *row)
{
	struct report_over *o = arg;

	o->n++;
	free(o->reason);
	free(o->by);
	o->reason = xstrdup(row->reason != NULL ? row->reason : "");
	o->by = row->agreed_by_name != NULL ? xstrdup(row->agreed_by_name) :
	    NULL;
	return 0;
}

/* Where the row's week stands: status and agreements. */
static enum pd_status
report_status(struct app *app, struct hours_report *out,
    const struct report_row *r, const char *first, struct pd_err *err)
{
	struct report_over o = { 0, NULL, NULL };
	enum pd_status s;

	s = db_override_list(app->db, r->pal_id, first, report_over_cb, &o,
	    err);
	if (s == PD_OK)
		hours_report_set_status(out, r->pal_id, r->week_id != 0 ?
		    r->week_status : WEEK_OPEN, o.n, o.reason, o.by);
	free(o.reason);
	free(o.by);
	return s;
}

struct report_adjusts {
	struct app *app;
	struct hours_report *out;
};

static int
report_adjust_cb(void *arg, const struct week_adjust_row *row)
{
	struct report_adjusts *ra = arg;
	struct hours_adjust a;

	memset(&a, 0, sizeof a);
	a.pal_id = row->pal_id;
	if (date_parse(row->week_start, &a.week_first, NULL) == PD_OK)
		week_label_of(a.week_first, ra->app->settings->week_start,
		    a.week_label);
	date_parse(row->made_on, &a.made_on, NULL);
	a.was_paid = row->status == WEEK_LOCKED;
	a.minutes_before = row->minutes_before;
	a.minutes_after = row->minutes_after;
	a.gross_before = row->gross_before;
	a.gross_after = row->gross_after;
	hours_report_add_adjust(ra->out, &a, row->pal_login, row->pal_name,
	    row->reason, row->made_by_name);
	return 0;
}

/* When the limit DWP applies changes inside the week (a week that does
 * not start on Monday, over the uprating Monday), say so. */
static void
report_limits_note(struct app *app, struct week_range wk,
    struct hours_report *out)
{
	const struct rules_pw_row *a, *b;
	char ds[11], day[DATE_LONG_LEN], m[MONEY_STR_LEN], m2[MONEY_STR_LEN];
	char *note;
	pd_date d;

	date_format(wk.first, ds);
	a = rules_pw_on(app->rules, ds);
	for (d = date_add_days(wk.first, 1); d <= wk.last; d++) {
		date_format(d, ds);
		b = rules_pw_on(app->rules, ds);
		if (b == a || b == NULL)
			continue;
		note = xasprintf("From %s DWP applies the new limits: lower "
		    "limit %s; permitted and supported permitted work %s. "
		    "Each PAL's week is judged against both, and the stricter "
		    "verdict stands.", date_format_long(d, day),
		    money_format(b->lower_pence, m),
		    money_format(b->higher_pence, m2));
		hours_report_set_note(out, note);
		free(note);
		return;
	}
}

/* "Printed" on a report: the date alone when today is fixed (tests, a
 * demo), else the time now in UTC.  time_priv.h. */
void
report_generated_at(char *buf, size_t n)
{
	time_t now;
	struct tm tm;

	if (today_is_set()) {
		date_format(today_get(), buf);
		return;
	}
	now = time(NULL);
	if (gmtime_r(&now, &tm) == NULL || strftime(buf, n,
	    "%Y-%m-%d %H:%M UTC", &tm) == 0)
		date_format(today_get(), buf);
}

/* The summary; with_clients 0 leaves out contracted against delivered
 * (a CSV has no place for it, and on a large database it is a third of
 * the work). */
static enum pd_status
report_build(struct app *app, const char *week, bool with_clients,
    struct hours_report *out, struct pd_err *err)
{
	struct week_range wk;
	struct permitted_limits lim;
	struct hours_options opt;
	const struct rules_pw_row *pw;
	struct report_rows rr = { NULL, 0, 0 };
	struct report_adjusts ra = { app, out };
	char first[11], last[11], gen[32];
	enum pd_status s;
	size_t i;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_MANAGER, "see everyone's hours and pay",
	    err)) != PD_OK)
		return s;
	if ((s = app_week_parse(app, week, &wk, err)) != PD_OK)
		return s;
	date_format(wk.first, first);
	date_format(wk.last, last);
	memset(&opt, 0, sizeof opt);
	if ((pw = rules_pw_on(app->rules, first)) != NULL) {
		lim.lower_pence = pw->lower_pence;
		lim.higher_pence = pw->higher_pence;
		lim.hours_limit_minutes = PERMITTED_HOURS_LIMIT_MINUTES;
		opt.limits = &lim;
	}
	opt.near_percent = app->settings->near_percent;
	opt.holiday_pay = app->settings->holiday_pay;
	opt.holiday_rate_bp = app->settings->holiday_pay_rate;
	report_generated_at(gen, sizeof gen);
	hours_report_init(out, app->settings->org_name, wk, gen, &opt);
	report_limits_note(app, wk, out);
	s = db_report_week(app->db, first, last, report_rows_cb, &rr, err);
	for (i = 0; s == PD_OK && i < rr.n; i++) {
		const struct report_row *r = &rr.v[i];
		struct hours_band bands[WEEK_BANDS_MAX];
		struct hours_input in;
		struct permitted_basis basis;
		int k;

		memset(&in, 0, sizeof in);
		in.pal_id = r->pal_id;
		in.login = r->login;
		in.name = r->name;
		for (k = 0; k < HOURS_KINDS && k < LINE_KINDS; k++)
			in.minutes_by_kind[k] = r->totals.minutes_by_kind[k];
		for (k = 0; k < r->totals.nbands && k < WEEK_BANDS_MAX; k++) {
			bands[k].rate_pence = r->totals.bands[k].rate_pence;
			bands[k].minutes = r->totals.bands[k].minutes;
		}
		in.bands = bands;
		in.n_bands = (size_t)r->totals.nbands;
		s = time_missing(app, r->pal_id, first, last, &in.rule,
		    &in.missing, err);
		/* judged against every rule and limit in force in the week */
		if (s == PD_OK)
			s = time_basis(app, r->pal_id, wk.first, &basis, err);
		in.basis = &basis;
		if (s == PD_OK)
			s = hours_report_add_pal(out, &in, err);
		if (s == PD_OK)
			s = report_status(app, out, r, first, err);
	}
	if (s == PD_OK)
		s = db_adjust_made(app->db, first, last, report_adjust_cb, &ra,
		    err);
	for (i = 0; i < rr.n; i++)
		report_row_fini(&rr.v[i]);
	free(rr.v);
	if (s == PD_OK && with_clients)
		s = db_contracted_vs_delivered(app->db, first, last,
		    report_client_cb, out, err);
	if (s != PD_OK) {
		hours_report_fini(out);
		return s;
	}
	hours_report_finish(out);
	return PD_OK;
}

enum pd_status
app_report_hours(struct app *app, const char *week, struct hours_report *out,
    struct pd_err *err)
{
	return report_build(app, week, 1, out, err);
}

enum pd_status
app_report_hours_pals(struct app *app, const char *week,
    struct hours_report *out, struct pd_err *err)
{
	return report_build(app, week, 0, out, err);
}

enum pd_status
app_report_hours_render(const struct hours_report *r, enum report_format f,
    struct strbuf *out, struct pd_err *err)
{
	switch (f) {
	case REPORT_CSV:
		hours_csv_render(r, out);
		return PD_OK;
	case REPORT_PDF:
		return hours_pdf_render(r, out, err);
	default:
		hours_text_render(r, out);
		return PD_OK;
	}
}

enum pd_status
app_report_hours_save(struct app *app, const struct hours_report *r,
    enum report_format f, const char *path, struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	enum pd_status s;

	if ((s = app_report_hours_render(r, f, &sb, err)) != PD_OK) {
		strbuf_fini(&sb);
		return s;
	}
	s = userfile_save(path, sb.buf, sb.len, 0, err);
	strbuf_fini(&sb);
	if (s == PD_OK && app != NULL && !userfile_is_std(path)) {
		char *sum = xasprintf("wrote the weekly hours summary for %s "
		    "to %s", r->week_label, path);

		s = app_audit_one(app, "export", "report", 0, 0, sum, err);
		free(sum);
	}
	return s;
}

enum pd_status
app_report_hours_print(struct app *app, const struct hours_report *r,
    enum report_format f, struct print_outcome *out, struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	struct print_outcome mine;
	enum pd_status s;
	char *name, *sum, job[64];

	if ((s = app_require(app, APP_MANAGER, "print everyone's hours",
	    err)) != PD_OK)
		return s;
	if (out == NULL)
		out = &mine;
	if ((s = app_report_hours_render(r, f, &sb, err)) != PD_OK) {
		strbuf_fini(&sb);
		return s;
	}
	name = xasprintf("peerdesk-hours-%s", r->week_label);
	s = app_print_bytes(app->settings->print_command, name,
	    report_format_ext(f), sb.buf, sb.len, out, err);
	free(name);
	strbuf_fini(&sb);
	if (s != PD_OK)
		return s;	/* not printed: nothing to record */
	print_job_id(out, job, sizeof job);
	sum = xasprintf("printed the weekly hours summary for %s%s%s",
	    r->week_label, job[0] ? ", print job " : "", job);
	s = app_audit_one(app, "print", "report", 0, 0, sum, err);
	free(sum);
	return s;
}
