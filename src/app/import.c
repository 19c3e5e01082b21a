/* import.c - CSV imports of PALs, timesheet lines and clients. */
#include "peerdesk/app/import.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/userfile.h"
#include "peerdesk/app/weekpay.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/csv.h"
#include "peerdesk/core/sha256.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/funding.h"
#include "peerdesk/db/importlog.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/referral.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/today.h"
#include "peerdesk/model/contact.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/money.h"
#include "peerdesk/model/rules.h"
#include "peerdesk/model/week.h"

/* One column a kind of file knows. */
struct import_col {
	const char *name;
	int required;	/* must be in the header */
};

static const struct import_col pal_cols[] = {
	{ "name", 1 }, { "login", 1 }, { "role", 1 }, { "hourly_rate", 1 },
	{ "rate_from", 1 }, { "benefit_rule", 1 }, { NULL, 0 }
};
static const struct import_col ts_cols[] = {
	{ "pal_login", 1 }, { "date", 1 }, { "minutes", 1 }, { "kind", 1 },
	{ "client_id", 0 }, { "note", 0 }, { NULL, 0 }
};
static const struct import_col client_cols[] = {
	{ "name", 1 }, { "referred_on", 1 }, { "referrer", 1 },
	{ "funding", 1 }, { "contracted_minutes_per_week", 1 },
	{ "preferred_name", 0 }, { "pronouns", 0 }, { "date_of_birth", 0 },
	{ "phone", 0 }, { "email", 0 }, { "address", 0 },
	{ "referrer_org", 0 }, { "pal_preferences", 0 }, { "interests", 0 },
	{ "notes", 0 },
	/* the rest of the referral form, each optional */
	{ "referrer_contact", 0 }, { "route", 0 }, { "heard_about", 0 },
	{ "first_contact_on", 0 }, { "plan_submitted_on", 0 },
	{ "plan_approved_on", 0 }, { "funding_received_on", 0 },
	{ "funder", 0 }, { "negotiator", 0 }, { "negotiator_contact", 0 },
	{ "hourly_charge", 0 }, { "funder_review", 0 }, { NULL, 0 }
};

/* The state of one import. */
struct imp {
	struct app *app;
	const char *name;
	int idx[40];		/* column index per import_col, -1 if absent */
	const struct import_col *cols;
	struct csv_record *rec;
	import_warn_fn warn;
	void *warn_arg;
	struct import_result *res;
	/* timesheet caches */
	struct imp_pal { char *login; int64_t id; } *pals;
	size_t npals, cappals;
	struct imp_week { int64_t pal_id; pd_date start; int64_t id; int locked; }
	    *weeks;
	size_t nweeks, capweeks;
	/* weeks by (PAL, start): open addressing, index + 1, 0 empty; a
	 * file of ten years for 300 PALs has 150,000 weeks */
	size_t *wslot;
	size_t nwslot;		/* a power of two, > 2 * nweeks */
	unsigned flags;		/* IMPORT_AGAIN */
	int64_t import_id;	/* this import's import_log row */
	/* lines an earlier import brought in already: how many, and the
	 * first few, said plainly */
	long again_lines;
	struct strbuf again_said;
	/* clients: the likely-duplicate check, read once */
	struct client_matcher *matcher;
	int skipped;		/* this row was left out (a likely duplicate) */
};

static const char *const kind_names[] = { "pals", "timesheet", "clients" };

/* "2026-11-20 at 14:02 UTC" for a moment "2026-11-20T14:02:03Z". */
static void
imp_when(const char *at, char buf[32])
{
	snprintf(buf, 32, "%.10s at %.5s UTC", at, strlen(at) > 11 ? at + 11 :
	    "?");
}

int
import_kind_parse(const char *s, enum import_kind *out)
{
	if (strcmp(s, "pals") == 0)
		*out = IMPORT_PALS;
	else if (strcmp(s, "timesheet") == 0)
		*out = IMPORT_TIMESHEET;
	else if (strcmp(s, "clients") == 0)
		*out = IMPORT_CLIENTS;
	else
		return -1;
	return 0;
}

/* The value of column c in the current record ("" when the column is
 * absent or the record is short), spaces trimmed in place. */
static char *
imp_val(struct imp *im, int c)
{
	int i = im->idx[c];
	char *v, *e;

	if (i < 0 || (size_t)i >= im->rec->n)
		return (char *)"";
	v = im->rec->field[i];
	while (*v == ' ' || *v == '\t')
		v++;
	e = v + strlen(v);
	while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return v;
}

static int
imp_col(const struct imp *im, const char *name)
{
	int c;

	for (c = 0; im->cols[c].name != NULL; c++)
		if (strcmp(im->cols[c].name, name) == 0)
			return c;
	return -1;
}

#define V(im, name) imp_val((im), imp_col((im), (name)))

static enum pd_status
imp_bad(struct imp *im, const char *field, struct pd_err *err,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static enum pd_status
imp_bad(struct imp *im, const char *field, struct pd_err *err,
    const char *fmt, ...)
{
	va_list ap;
	char msg[400];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return pd_fail_at(err, PD_INVALID, im->name, im->rec->line, 0, field,
	    "%s", msg);
}

static void
imp_warn(struct imp *im, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
imp_warn(struct imp *im, const char *field, const char *fmt, ...)
{
	va_list ap;
	char msg[400], line[600];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(line, sizeof line, "%s:%d: %s%s%s", im->name, im->rec->line,
	    field, field[0] ? ": " : "", msg);
	im->res->warnings++;
	if (im->warn != NULL)
		im->warn(im->warn_arg, line);
}

/* Map header names to columns; every required one present, no unknown
 * or repeated ones. */
static enum pd_status
imp_header(struct imp *im, struct csv_record *h, struct pd_err *err)
{
	size_t i;
	int c;
	struct strbuf known = STRBUF_INIT;

	for (c = 0; im->cols[c].name != NULL; c++) {
		im->idx[c] = -1;
		strbuf_addf(&known, "%s%s", c ? ", " : "", im->cols[c].name);
	}
	for (i = 0; i < h->n; i++) {
		char *name = h->field[i];

		while (*name == ' ')
			name++;
		c = imp_col(im, name);
		if (c < 0) {
			pd_fail_at(err, PD_INVALID, im->name, h->line, 0, name,
			    "this column is not one peerdesk knows; the columns "
			    "are: %s", known.buf);
			strbuf_fini(&known);
			return PD_INVALID;
		}
		if (im->idx[c] >= 0) {
			strbuf_fini(&known);
			return pd_fail_at(err, PD_INVALID, im->name, h->line, 0,
			    name, "this column appears twice in the header");
		}
		im->idx[c] = (int)i;
	}
	for (c = 0; im->cols[c].name != NULL; c++)
		if (im->cols[c].required && im->idx[c] < 0) {
			pd_fail_at(err, PD_INVALID, im->name, h->line, 0,
			    im->cols[c].name, "the header has no '%s' column "
			    "(it needs: %s)", im->cols[c].name, known.buf);
			strbuf_fini(&known);
			return PD_INVALID;
		}
	strbuf_fini(&known);
	return PD_OK;
}

static enum pd_status
imp_date(struct imp *im, const char *field, const char *v, int required,
    pd_date *out, struct pd_err *err)
{
	struct pd_err e;

	if (v[0] == '\0') {
		if (required)
			return imp_bad(im, field, err, "a date is needed, "
			    "written like " DATE_SHAPES);
		*out = 0;
		return PD_NOT_FOUND;
	}
	if (date_parse_typed(v, today_get(), out, &e) != PD_OK)
		return imp_bad(im, field, err, "%s", e.msg);
	return PD_OK;
}

static enum pd_status
imp_minutes(struct imp *im, const char *field, const char *v, int required,
    int max, int *out, struct pd_err *err)
{
	char *end;
	long n;

	if (v[0] == '\0') {
		*out = -1;
		return required ? imp_bad(im, field, err,
		    "a number of minutes is needed") : PD_OK;
	}
	n = strtol(v, &end, 10);
	if (!isdigit((unsigned char)v[0]) || *end != '\0')
		return imp_bad(im, field, err, "'%s' is not a whole number of "
		    "minutes", v);
	if (n < 1 || n > max)
		return imp_bad(im, field, err, "%ld minutes is out of range "
		    "(1 to %d)", n, max);
	*out = (int)n;
	return PD_OK;
}

/* ---- PALs -------------------------------------------------------------- */

static enum pd_status
imp_pal_row(struct imp *im, struct pd_err *err)
{
	struct app *app = im->app;
	const char *name = V(im, "name"), *login = V(im, "login");
	const char *rate_s = V(im, "hourly_rate"), *rule_s = V(im, "benefit_rule");
	const char *role_s = V(im, "role");
	struct staff st, old;
	struct pal_profile prof;
	enum role role;
	enum benefit_rule rule = RULE_NONE;
	int64_t rate = -1;
	pd_date from = 0;
	char froms[11];
	enum pd_status s;
	const char *p;

	if (name[0] == '\0')
		return imp_bad(im, "name", err, "a name is needed");
	if (login[0] == '\0')
		return imp_bad(im, "login", err, "a Unix login is needed");
	for (p = login; *p; p++)
		if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '-' ||
		    *p == '.') || (p == login && *p == '-'))
			return imp_bad(im, "login", err, "'%s' is not a Unix login "
			    "(letters, digits, '.', '_' and '-' only)", login);
	if (role_from_str(role_s, &role) != 0)
		return imp_bad(im, "role", err, "'%s' is not a role; use office, "
		    "pal or manager", role_s);
	if ((s = access_give_role(app, role, NULL)) != PD_OK)
		return pd_fail_at(err, s, im->name, im->rec->line, 0, "role",
		    "only a manager may add %s; this row would make %s %s",
		    role == ROLE_OFFICE ? "office staff" : "a manager", login,
		    role == ROLE_OFFICE ? "office staff" : "a manager");
	/* Pay and benefit status are the manager's alone (special-category
	 * data): office staff may bring PALs in without them. */
	if (!app_actor_is_manager(app) && (rate_s[0] != '\0' ||
	    rule_s[0] != '\0'))
		return pd_fail_at(err, PD_DENIED, im->name, im->rec->line, 0,
		    rate_s[0] != '\0' ? "hourly_rate" : "benefit_rule",
		    "only a manager records a PAL's pay rate and benefit rule; "
		    "leave hourly_rate and benefit_rule empty and the manager "
		    "adds them");
	if (rule_s[0] != '\0' && benefit_rule_from_str(rule_s, &rule) != 0)
		return imp_bad(im, "benefit_rule", err, "'%s' is not a benefit "
		    "rule; use none, lower, permitted, supported or uc", rule_s);
	if (rule_s[0] != '\0' && role != ROLE_PAL && rule != RULE_NONE)
		return imp_bad(im, "benefit_rule", err, "only PALs have a "
		    "benefit rule here; leave it empty or 'none'");
	if (rate_s[0] != '\0' && money_parse(rate_s, 0, &rate, NULL) != PD_OK)
		return imp_bad(im, "hourly_rate", err, "'%s' is not an amount "
		    "in pounds, e.g. 12.71", rate_s);
	if (rate == 0)
		return imp_bad(im, "hourly_rate", err, "a pay rate of £0.00 "
		    "cannot be right; leave it empty if not known");
	s = imp_date(im, "rate_from", V(im, "rate_from"), rate >= 0, &from, err);
	if (s != PD_OK && s != PD_NOT_FOUND)
		return s;
	memset(&old, 0, sizeof old);
	if (db_staff_by_login(app->db, login, &old, NULL) == PD_OK) {
		staff_fini(&old);
		return imp_bad(im, "login", err, "'%s' is already a peerdesk "
		    "user", login);
	}
	memset(&st, 0, sizeof st);
	st.login = (char *)login;
	st.name = (char *)name;
	st.role = role;
	st.active = 1;
	if ((s = db_staff_insert(app->db, &st, err)) != PD_OK)
		return s;
	if (role != ROLE_PAL)
		return PD_OK;
	memset(&prof, 0, sizeof prof);
	prof.staff_id = st.id;
	prof.max_clients = -1;
	if (from == 0)
		from = today_get();	/* no rate_from: the PAL starts today */
	date_format(from, froms);
	snprintf(prof.started_on, sizeof prof.started_on, "%s", froms);
	if ((s = db_pal_insert(app->db, &prof, err)) != PD_OK)
		return s;
	/* no rate given: none recorded ("no pay rate recorded") */
	if (rate >= 0 && (s = db_pal_rate_add(app->db, st.id, rate, froms,
	    access_staff_id(app), err)) != PD_OK)
		return s;
	/* an empty benefit_rule records nothing: "no rule recorded" */
	if (rule_s[0] != '\0' && (s = db_pal_benefit_set(app->db, st.id, rule,
	    froms, "imported", access_staff_id(app), err)) != PD_OK)
		return s;
	{
		const struct rules_wage_row *row = rules_wage_row_on(app->rules, froms);
		const struct rules_band *top = row ? rules_wage_top(row) : NULL;

		if (top != NULL && rate >= 0 && rate < top->rate_pence) {
			char a[MONEY_STR_LEN], b[MONEY_STR_LEN];

			imp_warn(im, "hourly_rate", "%s is below the National "
			    "Living Wage on %s (%s an hour for %s); check the "
			    "rate, or record the PAL's date of birth if a "
			    "younger age band applies", money_format(rate, a),
			    froms, money_format(top->rate_pence, b), top->name);
		}
	}
	return PD_OK;
}

/* ---- timesheet lines ------------------------------------------------------ */

static enum pd_status
imp_pal_id(struct imp *im, const char *login, int64_t *id, struct pd_err *err)
{
	struct staff st;
	size_t i;
	enum pd_status s;

	for (i = 0; i < im->npals; i++)
		if (strcmp(im->pals[i].login, login) == 0) {
			*id = im->pals[i].id;
			return PD_OK;
		}
	memset(&st, 0, sizeof st);
	s = db_staff_by_login(im->app->db, login, &st, NULL);
	if (s == PD_NOT_FOUND || (s == PD_OK && st.role != ROLE_PAL)) {
		staff_fini(&st);
		return imp_bad(im, "pal_login", err, "'%s' is not a PAL in "
		    "peerdesk (import PALs first)", login);
	}
	if (s != PD_OK)
		return pd_fail_at(err, s, im->name, im->rec->line, 0, "pal_login",
		    "could not look up '%s'", login);
	staff_fini(&st);
	if (im->npals == im->cappals) {
		im->cappals = im->cappals ? im->cappals * 2 : 16;
		im->pals = xreallocarray(im->pals, im->cappals, sizeof *im->pals);
	}
	im->pals[im->npals].login = xstrdup(login);
	im->pals[im->npals].id = st.id;
	im->npals++;
	*id = st.id;
	return PD_OK;
}

static size_t
imp_week_hash(int64_t pal_id, pd_date start, size_t mask)
{
	uint64_t h = (uint64_t)pal_id * 0x9e3779b97f4a7c15u ^
	    (uint64_t)start * 0xc2b2ae3d27d4eb4fu;

	return (size_t)(h ^ (h >> 29)) & mask;
}

/* Grow the slot table to keep it under half full. */
static void
imp_week_rehash(struct imp *im)
{
	size_t i, j, mask;

	if (im->nwslot > 2 * (im->nweeks + 1))
		return;
	free(im->wslot);
	im->nwslot = im->nwslot ? im->nwslot * 2 : 256;
	im->wslot = xcalloc(im->nwslot, sizeof *im->wslot);
	mask = im->nwslot - 1;
	for (i = 0; i < im->nweeks; i++) {
		j = imp_week_hash(im->weeks[i].pal_id, im->weeks[i].start, mask);
		while (im->wslot[j] != 0)
			j = (j + 1) & mask;
		im->wslot[j] = i + 1;
	}
}

static enum pd_status
imp_week(struct imp *im, int64_t pal_id, pd_date day, struct imp_week **out,
    struct pd_err *err)
{
	pd_date start = week_start_of(day, im->app->settings->week_start);
	struct ts_week w;
	char ws[11];
	size_t j, mask;
	enum pd_status s;

	imp_week_rehash(im);
	mask = im->nwslot - 1;
	for (j = imp_week_hash(pal_id, start, mask); im->wslot[j] != 0;
	    j = (j + 1) & mask) {
		struct imp_week *k = &im->weeks[im->wslot[j] - 1];

		if (k->pal_id == pal_id && k->start == start) {
			*out = k;
			return PD_OK;
		}
	}
	memset(&w, 0, sizeof w);
	date_format(start, ws);
	if ((s = db_week_get_or_create(im->app->db, pal_id, ws, &w, err)) != PD_OK)
		return s;
	if (im->nweeks == im->capweeks) {
		im->capweeks = im->capweeks ? im->capweeks * 2 : 64;
		im->weeks = xreallocarray(im->weeks, im->capweeks,
		    sizeof *im->weeks);
	}
	im->weeks[im->nweeks].pal_id = pal_id;
	im->weeks[im->nweeks].start = start;
	im->weeks[im->nweeks].id = w.id;
	im->weeks[im->nweeks].locked = w.status == WEEK_APPROVED ||
	    w.status == WEEK_LOCKED;
	im->wslot[j] = im->nweeks + 1;
	*out = &im->weeks[im->nweeks++];
	return PD_OK;
}

/* Is l the same as a line already in the week?  One an earlier import
 * brought in stops the import (unless IMPORT_AGAIN); one typed in, or
 * from this same file, is reported and imported. */
static enum pd_status
imp_twin(struct imp *im, const char *login, const struct ts_line *l,
    struct pd_err *err)
{
	struct import_seen seen;
	int64_t twin = 0;
	enum pd_status s;
	char when[32], what[160];

	s = db_import_twin(im->app->db, l, &twin, &seen, err);
	if (s == PD_NOT_FOUND)
		return PD_OK;
	if (s != PD_OK)
		return s;
	snprintf(what, sizeof what, "%s, %s, %d minutes, %s%s%s", login,
	    l->date, l->minutes, line_kind_label(l->kind),
	    l->note != NULL ? ", " : "", l->note != NULL ? l->note : "");
	if (seen.id != 0 && seen.id == im->import_id)
		imp_warn(im, "", "this line (%s) is the same as an earlier line "
		    "of this file; both are imported, so check it is not "
		    "counted twice", what);
	else if (seen.id != 0) {
		imp_when(seen.at, when);
		if (!(im->flags & IMPORT_AGAIN)) {
			if (im->again_lines++ < 3)
				strbuf_addf(&im->again_said, "%sline %d (%s) came "
				    "in on %s, imported by %s from %s",
				    im->again_lines > 1 ? "; " : "",
				    im->rec->line, what, when, seen.who,
				    seen.file_name);
		} else
			imp_warn(im, "", "the same line (%s) was imported on %s "
			    "by %s from %s; it is imported again (--again), so "
			    "it now counts twice", what, when, seen.who,
			    seen.file_name);
	} else
		imp_warn(im, "", "this line (%s) is the same as one already in "
		    "the week; it is imported too, so check it is not "
		    "counted twice", what);
	import_seen_fini(&seen);
	return PD_OK;
}

static enum pd_status
imp_ts_row(struct imp *im, struct pd_err *err)
{
	const char *login = V(im, "pal_login"), *kind_s = V(im, "kind");
	struct ts_line l;
	struct imp_week *wk;
	int64_t pal_id = 0;
	pd_date day;
	enum pd_status s;
	const char *cid = V(im, "client_id");

	memset(&l, 0, sizeof l);
	if (login[0] == '\0')
		return imp_bad(im, "pal_login", err, "the PAL's login is needed");
	if ((s = imp_date(im, "date", V(im, "date"), 1, &day, err)) != PD_OK)
		return s;
	if ((s = imp_minutes(im, "minutes", V(im, "minutes"), 1, 1440,
	    &l.minutes, err)) != PD_OK)
		return s;
	if (line_kind_from_str(kind_s, &l.kind) != 0)
		return imp_bad(im, "kind", err, "'%s' is not a kind of time; use "
		    "session, supervision, training, travel, shadowing or admin",
		    kind_s);
	if (cid[0] != '\0') {
		char *end;

		l.client_id = strtoll(cid, &end, 10);
		if (*end != '\0' || l.client_id <= 0)
			return imp_bad(im, "client_id", err, "'%s' is not a "
			    "client number", cid);
	}
	if ((s = imp_pal_id(im, login, &pal_id, err)) != PD_OK)
		return s;
	if ((s = imp_week(im, pal_id, day, &wk, err)) != PD_OK)
		return s;
	if (wk->locked) {
		char ws[11];

		return imp_bad(im, "date", err, "%s's week starting %s is "
		    "already approved; a change to it needs the manager and a "
		    "reason, so it cannot be imported", login,
		    date_format(wk->start, ws));
	}
	l.week_id = wk->id;
	l.pal_id = pal_id;
	date_format(day, l.date);
	l.note = V(im, "note")[0] ? V(im, "note") : NULL;
	if ((s = imp_twin(im, login, &l, err)) != PD_OK)
		return s;
	l.import_id = im->import_id;
	s = db_line_insert(im->app->db, &l, access_staff_id(im->app), err);
	if (s == PD_NOT_FOUND && l.client_id > 0)
		return imp_bad(im, "client_id", err, "there is no client %s",
		    cid);
	if (s != PD_OK && err != NULL && err->line == 0) {
		char why[sizeof err->msg];

		snprintf(why, sizeof why, "%s", err->msg);
		return imp_bad(im, "", err, "%s", why);
	}
	return s;
}

/* ---- clients ------------------------------------------------------------- */

/* An optional date column into out ("" when empty). */
static enum pd_status
imp_client_date(struct imp *im, const char *col, char out[11],
    struct pd_err *err)
{
	pd_date day;
	enum pd_status s = imp_date(im, col, V(im, col), 0, &day, err);

	out[0] = '\0';
	if (s == PD_OK)
		date_format(day, out);
	return s == PD_NOT_FOUND ? PD_OK : s;
}

/* The optional columns of the referral form: route, how they heard of
 * us, the dates on the way to funding, the funder and who negotiated,
 * the hourly charge and the funder's review.  Strings are borrowed from
 * the record. */
static enum pd_status
imp_client_more(struct imp *im, struct referral *r, struct funding *f,
    struct pd_err *err)
{
	const char *route_s = V(im, "route"), *charge_s = V(im, "hourly_charge");
	enum pd_status s;

	if (route_s[0] != '\0' &&
	    referral_route_from_str(route_s, &r->route) != 0)
		return imp_bad(im, "route", err, "'%s' is not a route; use self, "
		    "social_worker, gp, mental_health_team, family or other",
		    route_s);
	if ((s = imp_client_date(im, "first_contact_on", r->first_contact_on,
	    err)) != PD_OK ||
	    (s = imp_client_date(im, "plan_submitted_on",
	    r->plan_submitted_on, err)) != PD_OK ||
	    (s = imp_client_date(im, "plan_approved_on", r->plan_approved_on,
	    err)) != PD_OK ||
	    (s = imp_client_date(im, "funding_received_on",
	    r->funding_received_on, err)) != PD_OK ||
	    (s = imp_client_date(im, "funder_review", f->review_due, err))
	    != PD_OK)
		return s;
	if (charge_s[0] != '\0' &&
	    money_parse(charge_s, 0, &f->hourly_charge_pence, NULL) != PD_OK)
		return imp_bad(im, "hourly_charge", err, "'%s' is not an amount "
		    "in pounds, e.g. 22.50", charge_s);
	r->referrer_contact = V(im, "referrer_contact");
	r->heard_about = V(im, "heard_about");
	f->funder = V(im, "funder");
	f->negotiator = V(im, "negotiator");
	f->negotiator_contact = V(im, "negotiator_contact");
	return PD_OK;
}

static enum pd_status
imp_client_row(struct imp *im, struct pd_err *err)
{
	struct app *app = im->app;
	struct client c;
	struct referral r;
	struct funding f;
	pd_date day;
	const char *fund_s = V(im, "funding");
	enum pd_status s;
	int cm;

	memset(&c, 0, sizeof c);
	memset(&r, 0, sizeof r);
	memset(&f, 0, sizeof f);
	r.route = ROUTE_UNSET;
	c.name = V(im, "name");
	if (c.name[0] == '\0')
		return imp_bad(im, "name", err, "a name is needed");
	s = imp_date(im, "referred_on", V(im, "referred_on"), 0, &day, err);
	if (s == PD_NOT_FOUND)
		day = 0;
	else if (s != PD_OK)
		return s;
	if (s == PD_NOT_FOUND) {
		char t[11];

		app_today(t);
		date_parse(t, &day, NULL);
	}
	date_format(day, r.referred_on);
	if (day > today_get())
		imp_warn(im, "referred_on", "the referral date %s is in the "
		    "future; imported as it is", r.referred_on);
	s = imp_date(im, "date_of_birth", V(im, "date_of_birth"), 0, &day, err);
	if (s == PD_OK) {
		struct pd_err e;
		int ask;

		if (contact_dob_check(day, today_get(), &ask, &e) != PD_OK)
			return imp_bad(im, "date_of_birth", err, "%s", e.msg);
		date_format(day, c.date_of_birth);
		if (ask)
			imp_warn(im, "date_of_birth", "the date of birth %s "
			    "makes them %d; please check it", c.date_of_birth,
			    date_age_on(day, today_get()));
	} else if (s != PD_NOT_FOUND)
		return s;
	if (!contact_email_ok(V(im, "email")))
		imp_warn(im, "email", "'%s' does not look like an email "
		    "address; imported as it is", V(im, "email"));
	if (!contact_phone_ok(V(im, "phone")))
		imp_warn(im, "phone", "'%s' does not look like a UK phone "
		    "number; imported as it is", V(im, "phone"));
	f.kind = FUNDING_NONE;
	if (fund_s[0] != '\0' && funding_kind_from_str(fund_s, &f.kind) != 0)
		return imp_bad(im, "funding", err, "'%s' is not a kind of "
		    "funding; use personal_budget, personal_health_budget, "
		    "direct_payment, self_funded or none", fund_s);
	if ((s = imp_minutes(im, "contracted_minutes_per_week",
	    V(im, "contracted_minutes_per_week"), 0, 7 * 1440, &cm, err)) != PD_OK)
		return s;
	f.contracted_minutes_per_week = cm;
	f.hourly_charge_pence = -1;
	if ((s = imp_client_more(im, &r, &f, err)) != PD_OK)
		return s;
	c.preferred_name = V(im, "preferred_name");
	c.pronouns = V(im, "pronouns");
	c.phone = V(im, "phone");
	c.email = V(im, "email");
	c.address = V(im, "address");
	c.pal_preferences = V(im, "pal_preferences");
	c.interests = V(im, "interests");
	c.status = CLIENT_REFERRED;
	memcpy(c.status_changed_on, r.referred_on, 11);
	if (im->matcher == NULL &&
	    (s = client_matcher_new(app, &im->matcher, err)) != PD_OK)
		return s;
	{
		struct client_matches m;
		char why[80];
		size_t k;

		client_matcher_find(im->matcher, &c, 0, &m);
		for (k = 0; k < m.n; k++) {
			client_match_words(m.v[k].why, why, sizeof why);
			imp_warn(im, "name", "%s is likely the same person as "
			    "client %lld (%s): %s%s", c.name,
			    (long long)m.v[k].id, m.v[k].name, why,
			    (im->flags & IMPORT_SKIP_DUPLICATES) ?
			    "; left out" : "");
		}
		im->res->duplicates += (long)(m.n > 0);
		client_matches_fini(&m);
		if (k > 0 && (im->flags & IMPORT_SKIP_DUPLICATES)) {
			im->skipped = 1;
			im->res->skipped++;
			return PD_OK;
		}
	}
	if ((s = db_client_insert(app->db, &c, access_staff_id(app), err)) != PD_OK)
		return s;
	client_matcher_add(im->matcher, c.id, &c);
	r.client_id = c.id;
	r.referrer_name = V(im, "referrer");
	r.referrer_org = V(im, "referrer_org");
	r.notes = V(im, "notes");
	if ((s = db_referral_insert(app->db, &r, access_staff_id(app), err)) != PD_OK)
		return s;
	f.client_id = c.id;
	return db_funding_insert(app->db, &f, access_staff_id(app), err);
}

/* ---- the file ------------------------------------------------------------- */

static const char *const kind_words[] = { "PALs", "timesheet lines", "clients" };

/* Say how each PAL-week the file touched stands, when close or over. */
static enum pd_status
imp_verdicts(struct imp *im, struct pd_err *err)
{
	enum permitted_verdict v;
	enum pd_status s;
	char first[11], text[2 * PERMITTED_SENTENCE_LEN];
	size_t i;

	for (i = 0; i < im->nweeks; i++) {
		date_format(im->weeks[i].start, first);
		s = app_week_verdict_text(im->app, im->weeks[i].pal_id, first,
		    text, sizeof text, &v, err);
		if (s != PD_OK)
			return s;
		im->res->weeks++;
		if (v != PERMITTED_NEAR && v != PERMITTED_OVER)
			continue;
		if (v == PERMITTED_NEAR)
			im->res->near++;
		else
			im->res->over++;
		im->res->warnings++;
		if (im->warn != NULL)
			im->warn(im->warn_arg, text);
	}
	return PD_OK;
}

/* Refuse a file imported before (same kind, same bytes). */
static enum pd_status
imp_seen_file(struct imp *im, const char *kind, const char *hash,
    struct pd_err *err)
{
	struct import_seen seen;
	enum pd_status s;
	char when[32];

	s = db_import_find(im->app->db, kind, hash, &seen, err);
	if (s == PD_NOT_FOUND || (s == PD_OK && (im->flags & IMPORT_AGAIN))) {
		import_seen_fini(&seen);
		return PD_OK;
	}
	if (s != PD_OK)
		return s;
	imp_when(seen.at, when);
	s = pd_fail_at(err, PD_DUPLICATE, im->name, 0, 0, NULL, "this file "
	    "was imported already, on %s by %s (%ld row%s, from %s). Nothing "
	    "was imported. To bring it in a second time on purpose, add "
	    "--again", when, seen.who, seen.rows, seen.rows == 1 ? "" : "s",
	    seen.file_name);
	import_seen_fini(&seen);
	return s;
}

enum pd_status
app_import_text(struct app *app, enum import_kind kind, const char *text,
    size_t len, const char *name, unsigned flags, import_warn_fn warn,
    void *warn_arg, struct import_result *res, struct pd_err *err)
{
	int dry = (flags & IMPORT_DRY_RUN) != 0;
	struct imp im;
	struct csv_reader *r;
	struct csv_record rec;
	enum pd_status s;
	size_t i, nhead = 0;
	int began = 0;

	char summary[300], hash[65];

	memset(res, 0, sizeof *res);
	if ((s = app_require(app, APP_STAFF, "import files", err)) != PD_OK)
		return s;
	memset(&im, 0, sizeof im);
	im.app = app;
	im.name = name;
	im.warn = warn;
	im.warn_arg = warn_arg;
	im.res = res;
	im.rec = &rec;
	im.flags = flags;
	strbuf_init(&im.again_said);
	sha256_hex(text, len, hash);
	im.cols = kind == IMPORT_PALS ? pal_cols : kind == IMPORT_TIMESHEET ?
	    ts_cols : client_cols;
	r = csv_open(text, len, name);
	s = csv_next(r, &rec, err);
	if (s == PD_NOT_FOUND)
		s = pd_fail_at(err, PD_INVALID, name, 1, 0, NULL,
		    "the file is empty; it needs a header row first");
	if (s == PD_OK) {
		nhead = rec.n;
		s = imp_header(&im, &rec, err);
	}
	if (s == PD_OK) {
		db_bulk_begin(app->db);
		s = db_begin(app->db, err);
		began = s == PD_OK;
		if (!began)
			db_bulk_end(app->db);
	}
	/* inside the transaction: two people importing the same file at
	 * once cannot both get in */
	if (s == PD_OK)
		s = imp_seen_file(&im, kind_names[kind], hash, err);
	if (s == PD_OK)
		s = db_import_record(app->db, kind_names[kind], hash, name,
		    (flags & IMPORT_AGAIN) != 0,
		    access_staff_id(app),
		    app_actor_login(app)[0] ? app_actor_login(app) : NULL,
		    &im.import_id, err);
	while (s == PD_OK) {
		s = csv_next(r, &rec, err);
		if (s == PD_NOT_FOUND) {
			s = PD_OK;
			break;
		}
		if (s != PD_OK)
			break;
		if (rec.n != nhead) {
			s = pd_fail_at(err, PD_INVALID, name, rec.line, 0, NULL,
			    "this row has %zu fields but the header has %zu",
			    rec.n, nhead);
			break;
		}
		s = kind == IMPORT_PALS ? imp_pal_row(&im, err) :
		    kind == IMPORT_TIMESHEET ? imp_ts_row(&im, err) :
		    imp_client_row(&im, err);
		if (s != PD_OK && err != NULL && err->line == 0) {
			char why[sizeof err->msg], field[sizeof err->field];

			snprintf(why, sizeof why, "%s", err->msg);
			snprintf(field, sizeof field, "%s", err->field);
			pd_fail_at(err, s, name, rec.line, 0, field, "%s", why);
		}
		if (s == PD_OK && !im.skipped)
			res->rows++;
		im.skipped = 0;
	}
	if (s == PD_OK && im.again_lines > 0)
		s = pd_fail_at(err, PD_DUPLICATE, name, 0, 0, NULL, "%ld line%s "
		    "of this file %s imported already: %s%s. Nothing was "
		    "imported. If these are new hours, add --again",
		    im.again_lines, im.again_lines == 1 ? "" : "s",
		    im.again_lines == 1 ? "was" : "were",
		    strbuf_str(&im.again_said), im.again_lines > 3 ? "; ..." : "");
	if (began && s == PD_OK && kind == IMPORT_TIMESHEET)
		s = imp_verdicts(&im, err);
	if (began && s == PD_OK && dry) {
		/* a dry run: everything was checked; keep nothing, not even
		 * the import_log record (the same transaction) */
		db_rollback(app->db);
		db_bulk_end(app->db);
		began = 0;
		res->dry_run = 1;
	}
	if (began) {
		if (s == PD_OK)
			s = db_import_rows(app->db, im.import_id, res->rows, err);
		if (s == PD_OK) {
			snprintf(summary, sizeof summary, "imported %ld %s from %s%s",
			    res->rows, kind_words[kind], name,
			    (flags & IMPORT_AGAIN) ? " (again, on purpose)" : "");
			if (res->near > 0 || res->over > 0)
				snprintf(summary + strlen(summary),
				    sizeof summary - strlen(summary), " (PAL-weeks "
				    "over a limit: %ld, close to one: %ld)",
				    res->over, res->near);
			s = app_audit(app, "import", kind == IMPORT_TIMESHEET ?
			    "timesheet_line" : kind == IMPORT_PALS ? "staff" :
			    "client", 0, 0, summary, NULL, NULL, NULL, err);
		}
		if (s == PD_OK)
			s = db_commit(app->db, err);
		else
			db_rollback(app->db);
		db_bulk_end(app->db);
	}
	if (s != PD_OK)
		res->rows = 0;
	csv_free(&r);
	for (i = 0; i < im.npals; i++)
		free(im.pals[i].login);
	free(im.pals);
	free(im.weeks);
	free(im.wslot);
	client_matcher_free(im.matcher);
	strbuf_fini(&im.again_said);
	return s;
}

enum pd_status
app_import_file(struct app *app, enum import_kind kind, const char *path,
    unsigned flags, import_warn_fn warn, void *warn_arg,
    struct import_result *res, struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	const char *name = userfile_is_std(path) ? "standard input" : path;
	enum pd_status s;

	memset(res, 0, sizeof *res);
	/* with the person's own rights, never the database itself */
	if ((s = userfile_read_all(path, (size_t)1 << 30, &sb, err)) != PD_OK) {
		strbuf_fini(&sb);
		if (err != NULL && err->file[0] == '\0')
			snprintf(err->file, sizeof err->file, "%s", name);
		return s;
	}
	s = app_import_text(app, kind, sb.buf != NULL ? sb.buf : "", sb.len,
	    name, flags, warn, warn_arg, res, err);
	strbuf_fini(&sb);
	return s;
}
