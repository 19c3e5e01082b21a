/* import_clients.c - a CSV file of clients with their referral and
 * funding, one row at a time, likely duplicates left out (app/import.h). */
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
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
#include "import_row_priv.h"

const struct import_col import_client_cols[] = {
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

/* The row's referral date (today when empty) into r, and the date of
 * birth into c, with a warning for what looks wrong. */
static enum pd_status
imp_client_dates(struct imp *im, struct client *c, struct referral *r,
    struct pd_err *err)
{
	pd_date day;
	enum pd_status s;

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
	date_format(day, r->referred_on);
	if (day > today_get())
		imp_warn(im, "referred_on", "the referral date %s is in the "
		    "future; imported as it is", r->referred_on);
	s = imp_date(im, "date_of_birth", V(im, "date_of_birth"), 0, &day, err);
	if (s == PD_OK) {
		struct pd_err e;
		bool ask;

		if (contact_dob_check(day, today_get(), &ask, &e) != PD_OK)
			return imp_bad(im, "date_of_birth", err, "%s", e.msg);
		date_format(day, c->date_of_birth);
		if (ask)
			imp_warn(im, "date_of_birth", "the date of birth %s "
			    "makes them %d; please check it", c->date_of_birth,
			    date_age_on(day, today_get()));
	} else if (s != PD_NOT_FOUND)
		return s;
	return PD_OK;
}

/* Warn of each client c is likely the same person as; with
 * IMPORT_SKIP_DUPLICATES such a row is left out (im->skipped). */
static void
imp_client_duplicates(struct imp *im, const struct client *c)
{
	struct client_matches m;
	char why[80];
	size_t k;

	client_matcher_find(im->matcher, c, 0, &m);
	for (k = 0; k < m.n; k++) {
		client_match_words(m.v[k].why, why, sizeof why);
		imp_warn(im, "name", "%s is likely the same person as "
		    "client %lld (%s): %s%s", c->name,
		    (long long)m.v[k].id, m.v[k].name, why,
		    (im->flags & IMPORT_SKIP_DUPLICATES) ?
		    "; left out" : "");
	}
	im->res->duplicates += (long)(m.n > 0);
	client_matches_fini(&m);
	if (k > 0 && (im->flags & IMPORT_SKIP_DUPLICATES)) {
		im->skipped = true;
		im->res->skipped++;
	}
}

enum pd_status
imp_client_row(struct imp *im, struct pd_err *err)
{
	struct app *app = im->app;
	struct client c;
	struct referral r;
	struct funding f;
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
	if ((s = imp_client_dates(im, &c, &r, err)) != PD_OK)
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
	imp_client_duplicates(im, &c);
	if (im->skipped)
		return PD_OK;
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
