/* clients.c - intake, the client list and the client record. */
#include "peerdesk/app/clients.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "peerdesk/app/access.h"
#include "peerdesk/core/str.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/ally.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/funding.h"
#include "peerdesk/db/referral.h"
#include "peerdesk/model/contact.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "app_priv.h"

void
intake_init(struct intake *in)
{
	memset(in, 0, sizeof *in);
	in->client.status = CLIENT_REFERRED;
	in->referral.route = ROUTE_UNSET;
	in->funding.kind = FUNDING_NONE;
	in->funding.contracted_minutes_per_week = -1;
	in->funding.hourly_charge_pence = -1;
}

void
intake_fini(struct intake *in)
{
	client_fini(&in->client);
	referral_fini(&in->referral);
	funding_fini(&in->funding);
	FREE(&in->allies);
}

void
client_record_fini(struct client_record *r)
{
	client_fini(&r->client);
	referral_fini(&r->referral);
	funding_fini(&r->funding);
	FREE(&r->allies);
}

/* A date as a person typed it (DATE_SHAPES), made YYYY-MM-DD in place;
 * "" stays "". */
static enum pd_status
clients_check_date(char d[DATE_STR_LEN], const char *field, const char *what,
    struct pd_err *err)
{
	pd_date x;
	struct pd_err e;

	if (d[0] == '\0')
		return PD_OK;
	if (date_parse_typed(d, today_get(), &x, &e) != PD_OK)
		return pd_fail(err, PD_INVALID, field, "%s should be a date "
		    "like " DATE_SHAPES " (%s)", what, e.msg);
	date_format(x, d);
	return PD_OK;
}

/* Any funding detail given? */
static bool
clients_has_funding(const struct funding *f)
{
	return f->kind != FUNDING_NONE || f->contracted_minutes_per_week >= 0 ||
	    f->hourly_charge_pence >= 0 || !str_blank(f->funder) ||
	    !str_blank(f->negotiator) ||
	    !str_blank(f->negotiator_contact) || f->review_due[0] != '\0';
}

static enum pd_status
clients_validate(struct client *c, struct referral *r, struct funding *f,
    struct pd_err *err)
{
	enum pd_status s;
	pd_date dob;
	bool ask;

	if (str_blank(c->name))
		return pd_fail(err, PD_INVALID, "name",
		    "please type the person's name");
	if ((s = clients_check_date(c->date_of_birth, "date_of_birth",
	    "Date of birth", err)) != PD_OK)
		return s;
	if (c->date_of_birth[0] != '\0' &&
	    date_parse(c->date_of_birth, &dob, NULL) == PD_OK &&
	    (s = contact_dob_check(dob, today_get(), &ask, err)) != PD_OK)
		return s;
	if ((s = clients_check_date(r->referred_on, "referred_on",
	    "Referral date", err)) != PD_OK)
		return s;
	if ((s = clients_check_date(f->review_due, "funder_review",
	    "Funder review", err)) != PD_OK)
		return s;
	if ((s = clients_check_date(r->first_contact_on, "first_contact",
	    "First contact", err)) != PD_OK ||
	    (s = clients_check_date(r->plan_submitted_on, "plan_submitted",
	    "Support plan submitted", err)) != PD_OK ||
	    (s = clients_check_date(r->plan_approved_on, "plan_approved",
	    "Support plan approved", err)) != PD_OK ||
	    (s = clients_check_date(r->funding_received_on, "funding_received",
	    "Funding received", err)) != PD_OK)
		return s;
	if (f->contracted_minutes_per_week > 7 * 24 * 60)
		return pd_fail(err, PD_INVALID, "contracted",
		    "that is more hours than a week has");
	return PD_OK;
}

static enum pd_status
clients_add_allies(struct app *app, int64_t client_id, const char *text,
    struct pd_err *err)
{
	const char *p = text;
	enum pd_status s;

	while (p != NULL && *p != '\0') {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);

		if (!str_blank(line)) {
			struct ally a;

			memset(&a, 0, sizeof a);
			a.client_id = client_id;
			a.name = line;
			s = db_ally_insert(app->db, &a, err);
			if (s != PD_OK) {
				free(line);
				return s;
			}
		}
		free(line);
		p += n;
		if (*p == '\n')
			p++;
	}
	return PD_OK;
}

enum pd_status
app_client_create(struct app *app, struct intake *in, int64_t *id,
    struct pd_err *err)
{
	enum pd_status s;
	char summary[300];

	if ((s = app_require(app, APP_STAFF, "take referrals", err)) != PD_OK)
		return s;
	if ((s = clients_validate(&in->client, &in->referral, &in->funding,
	    err)) != PD_OK)
		return s;
	if (in->referral.referred_on[0] == '\0')
		app_today(in->referral.referred_on);
	in->client.status = CLIENT_REFERRED;
	/* the first line of the client's story: referred that day */
	memcpy(in->client.status_changed_on, in->referral.referred_on, 11);
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = db_client_insert(app->db, &in->client, access_staff_id(app), err);
	if (s == PD_OK) {
		in->referral.client_id = in->client.id;
		s = db_referral_insert(app->db, &in->referral,
		    access_staff_id(app), err);
	}
	if (s == PD_OK && clients_has_funding(&in->funding)) {
		in->funding.client_id = in->client.id;
		s = db_funding_insert(app->db, &in->funding,
		    access_staff_id(app), err);
	}
	if (s == PD_OK)
		s = clients_add_allies(app, in->client.id, in->allies, err);
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "new referral: %s",
		    in->client.name);
		s = app_audit(app, "create", "client", in->client.id,
		    in->client.id, summary, NULL, NULL, NULL, err);
	}
	s = app_finish(app, s, err);
	if (s == PD_OK && id != NULL)
		*id = in->client.id;
	return s;
}

char *
app_client_ask(struct app *app, const struct client *c,
    const struct referral *r)
{
	struct strbuf sb = STRBUF_INIT;
	struct client was;
	struct referral was_ref;
	char when[DATE_LONG_LEN];
	pd_date d, today = today_get();
	bool ask = false;
	bool saved = false, saved_ref = false;

	/* A record already saved is asked about only what changes now: what
	 * was saved anyway once is not asked again at every save. */
	memset(&was, 0, sizeof was);
	memset(&was_ref, 0, sizeof was_ref);
	if (c->id > 0 && db_client_get(app->db, c->id, access_scope(app), &was,
	    NULL) == PD_OK) {
		saved = true;
		saved_ref = db_referral_for_client(app->db, c->id,
		    access_scope(app), &was_ref, NULL) == PD_OK;
	}
#define SAME(a, b) (saved && strcmp((a) ? (a) : "", (b) ? (b) : "") == 0)
	if (!SAME(c->date_of_birth, was.date_of_birth) &&
	    c->date_of_birth[0] != '\0' &&
	    date_parse_typed(c->date_of_birth, today, &d, NULL) == PD_OK &&
	    contact_dob_check(d, today, &ask, NULL) == PD_OK && ask)
		strbuf_addf(&sb, "The date of birth, %s, makes them %d. Is "
		    "that right?\n", date_format_long(d, when),
		    date_age_on(d, today));
	if (r != NULL && !(saved_ref && SAME(r->referred_on,
	    was_ref.referred_on)) && r->referred_on[0] != '\0' &&
	    date_parse_typed(r->referred_on, today, &d, NULL) == PD_OK &&
	    d > today)
		strbuf_addf(&sb, "The referral date, %s, is in the future. "
		    "Is that right?\n", date_format_long(d, when));
	if (!SAME(c->email, was.email) && !contact_email_ok(c->email))
		strbuf_addf(&sb, "The email \"%s\" does not look like an "
		    "email address (name@example.org).\n", c->email);
	if (!SAME(c->phone, was.phone) && !contact_phone_ok(c->phone))
		strbuf_addf(&sb, "The phone \"%s\" does not look like a UK "
		    "phone number (07700 900123, 0161 496 0000 or +44 ...).\n",
		    c->phone);
#undef SAME
	client_fini(&was);
	referral_fini(&was_ref);
	if (sb.len == 0) {
		strbuf_fini(&sb);
		return NULL;
	}
	sb.buf[--sb.len] = '\0';
	return strbuf_detach(&sb);
}

static int64_t
clients_scope(const struct app *app)
{
	return access_scope(app);
}

static int
clients_ally_cb(void *arg, const struct ally *a)
{
	struct strbuf *sb = arg;

	if (sb->len > 0)
		strbuf_addc(sb, '\n');
	strbuf_adds(sb, a->name ? a->name : "");
	return 0;
}

struct clients_ids {
	int64_t *id;
	size_t n, cap;
};

static int
clients_id_cb(void *arg, const struct ally *a)
{
	struct clients_ids *ids = arg;

	if (ids->n == ids->cap) {
		ids->cap = ids->cap ? ids->cap * 2 : 8;
		ids->id = xreallocarray(ids->id, ids->cap, sizeof *ids->id);
	}
	ids->id[ids->n++] = a->id;
	return 0;
}

/* Remove every ally of the client (inside the caller's transaction). */
static enum pd_status
clients_clear_allies(struct app *app, int64_t client_id, struct pd_err *err)
{
	struct clients_ids ids = { NULL, 0, 0 };
	enum pd_status s;
	size_t i;

	s = db_ally_list(app->db, client_id, 0, clients_id_cb, &ids, err);
	for (i = 0; s == PD_OK && i < ids.n; i++)
		s = db_ally_delete(app->db, ids.id[i], err);
	free(ids.id);
	return s;
}

/* Read the whole record (no audit, no transaction). */
static enum pd_status
clients_read(struct app *app, int64_t id, struct client_record *out,
    struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	enum pd_status s;

	memset(out, 0, sizeof *out);
	out->funding.contracted_minutes_per_week = -1;
	out->funding.hourly_charge_pence = -1;
	out->funding.kind = FUNDING_NONE;
	out->referral.route = ROUTE_UNSET;
	s = db_client_get(app->db, id, clients_scope(app), &out->client, err);
	if (s == PD_NOT_FOUND)
		return pd_fail(err, PD_NOT_FOUND, NULL, "there is no such client, "
		    "or they are not one of yours");
	if (s != PD_OK)
		return s;
	s = db_referral_for_client(app->db, id, clients_scope(app),
	    &out->referral, NULL);
	if (s != PD_OK && s != PD_NOT_FOUND)
		return pd_fail(err, s, NULL, "could not read the referral");
	s = db_funding_for_client(app->db, id, clients_scope(app),
	    &out->funding, NULL);
	if (s != PD_OK && s != PD_NOT_FOUND)
		return pd_fail(err, s, NULL, "could not read the funding");
	s = db_ally_list(app->db, id, clients_scope(app), clients_ally_cb, &sb,
	    err);
	out->allies = strbuf_detach(&sb);
	return s;
}

enum pd_status
app_client_open(struct app *app, int64_t id, struct client_record *out,
    struct pd_err *err)
{
	enum pd_status s;

	if ((s = app_require(app, APP_ANYONE, "open client records", err))
	    != PD_OK)
		return s;
	if ((s = access_client(app, id, "open the client record",
	    err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = clients_read(app, id, out, err);
	if (s == PD_OK)
		s = app_audit(app, "open", "client", id, id, "opened the record",
		    NULL, NULL, NULL, err);
	s = app_finish(app, s, err);
	if (s != PD_OK)
		client_record_fini(out);
	return s;
}

/* A plain "field: value" text of the editable parts, for the audit. */
static char *
clients_describe(const struct client_record *r)
{
	struct strbuf sb = STRBUF_INIT;
	const struct client *c = &r->client;
	char money[32];

#define LINE(k, v) do { if ((v) != NULL && (v)[0] != '\0') \
	strbuf_addf(&sb, "%s: %s\n", (k), (v)); } while (0)
	LINE("name", c->name);
	LINE("preferred name", c->preferred_name);
	LINE("pronouns", c->pronouns);
	LINE("date of birth", c->date_of_birth);
	LINE("phone", c->phone);
	LINE("email", c->email);
	LINE("address", c->address);
	LINE("PAL preferences", c->pal_preferences);
	LINE("interests", c->interests);
	LINE("status", client_status_str(c->status));
	LINE("referred on", r->referral.referred_on);
	LINE("referrer", r->referral.referrer_name);
	LINE("referrer organisation", r->referral.referrer_org);
	LINE("referrer contact", r->referral.referrer_contact);
	LINE("route", r->referral.route != ROUTE_UNSET ?
	    referral_route_str(r->referral.route) : NULL);
	LINE("why referred and notes", r->referral.notes);
	LINE("heard about us", r->referral.heard_about);
	LINE("first contact", r->referral.first_contact_on);
	LINE("support plan submitted", r->referral.plan_submitted_on);
	LINE("support plan approved", r->referral.plan_approved_on);
	LINE("funding received", r->referral.funding_received_on);
	LINE("funding", r->funding.id ? funding_kind_str(r->funding.kind) : NULL);
	LINE("funder", r->funding.funder);
	LINE("negotiated by", r->funding.negotiator);
	LINE("negotiator contact", r->funding.negotiator_contact);
	LINE("funder review", r->funding.review_due);
	if (r->funding.contracted_minutes_per_week >= 0) {
		snprintf(money, sizeof money, "%d",
		    r->funding.contracted_minutes_per_week);
		LINE("contracted minutes a week", money);
	}
	LINE("people who matter", r->allies);
#undef LINE
	return strbuf_detach(&sb);
}

enum pd_status
app_client_save(struct app *app, struct client_record *rec,
    struct pd_err *err)
{
	struct client_record old;
	struct referral kept_ref;
	struct funding kept_fund;
	int kept_client;
	enum pd_status s;
	char *before = NULL, *after = NULL;

	if ((s = app_require(app, APP_STAFF, "change client details", err))
	    != PD_OK)
		return s;
	if ((s = clients_validate(&rec->client, &rec->referral, &rec->funding,
	    err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	/* The db layer bumps versions and fills new ids as it goes: remember
	 * them so a rolled-back save can be retried without a false conflict. */
	kept_client = rec->client.version;
	kept_ref = rec->referral;
	kept_fund = rec->funding;
	memset(&old, 0, sizeof old);
	s = clients_read(app, rec->client.id, &old, err);
	if (s == PD_OK)
		s = db_client_update(app->db, &rec->client, access_staff_id(app),
		    err);
	if (s == PD_OK && rec->referral.id > 0)
		s = db_referral_update(app->db, &rec->referral,
		    access_staff_id(app), err);
	else if (s == PD_OK && rec->referral.referred_on[0] != '\0') {
		rec->referral.client_id = rec->client.id;
		s = db_referral_insert(app->db, &rec->referral,
		    access_staff_id(app), err);
	}
	if (s == PD_OK && rec->funding.id > 0)
		s = db_funding_update(app->db, &rec->funding,
		    access_staff_id(app), err);
	else if (s == PD_OK && clients_has_funding(&rec->funding)) {
		rec->funding.client_id = rec->client.id;
		s = db_funding_insert(app->db, &rec->funding,
		    access_staff_id(app), err);
	}
	if (s == PD_OK && strcmp(old.allies ? old.allies : "",
	    rec->allies ? rec->allies : "") != 0) {
		s = clients_clear_allies(app, rec->client.id, err);
		if (s == PD_OK)
			s = clients_add_allies(app, rec->client.id, rec->allies, err);
	}
	if (s == PD_OK) {
		before = clients_describe(&old);
		after = clients_describe(rec);
		if (strcmp(before, after) != 0)
			s = app_audit(app, "update", "client", rec->client.id,
			    rec->client.id, "changed the record", before, after,
			    NULL, err);
	}
	s = app_finish(app, s, err);
	if (s != PD_OK) {
		rec->client.version = kept_client;
		rec->referral.id = kept_ref.id;
		rec->referral.version = kept_ref.version;
		rec->referral.client_id = kept_ref.client_id;
		rec->funding.id = kept_fund.id;
		rec->funding.version = kept_fund.version;
		rec->funding.client_id = kept_fund.client_id;
	}
	free(before);
	free(after);
	client_record_fini(&old);
	return s;
}

static const char *const clients_sort_names[CLIENT_SORT_COUNT] = {
	"referral", "name", "status", "pal", "review"
};
static const char *const clients_sort_labels[CLIENT_SORT_COUNT] = {
	"newest referral first", "by name", "by status", "by PAL",
	"next review first"
};

const char *
client_sort_str(enum client_sort s)
{
	return (unsigned)s < CLIENT_SORT_COUNT ? clients_sort_names[s] : NULL;
}

const char *
client_sort_label(enum client_sort s)
{
	return (unsigned)s < CLIENT_SORT_COUNT ? clients_sort_labels[s] : "?";
}

int
client_sort_from_str(const char *s, enum client_sort *out)
{
	int i;

	for (i = 0; s != NULL && i < CLIENT_SORT_COUNT; i++)
		if (strcasecmp(s, clients_sort_names[i]) == 0) {
			*out = (enum client_sort)i;
			return 0;
		}
	return -1;
}

enum pd_status
app_client_page(struct app *app, struct client_query *q,
    struct client_row *rows, int max, int *n, struct pd_err *err)
{
	enum pd_status s;

	*n = 0;
	if ((s = app_require(app, APP_ANYONE, "see clients", err)) != PD_OK)
		return s;
	q->scope_pal = clients_scope(app);
	return db_client_page(app->db, q, rows, max, n, err);
}

enum pd_status
app_client_count(struct app *app, struct client_query *q, int *n,
    struct pd_err *err)
{
	enum pd_status s;

	*n = 0;
	if ((s = app_require(app, APP_ANYONE, "see clients", err)) != PD_OK)
		return s;
	q->scope_pal = clients_scope(app);
	return db_client_count(app->db, q, n, err);
}
