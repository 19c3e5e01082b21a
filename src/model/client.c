/* client.c - fini functions and names for the records in client.h. */
#include "peerdesk/model/client.h"

#include "record_priv.h"

static const char *const status_names[] = {
	"referred", "intake", "active", "paused", "closed"
};
RECORD_STR(client_status_str, enum client_status, status_names)
RECORD_FROM_STR(client_status_from_str, enum client_status, status_names)
RECORD_LABEL(client_status_label, enum client_status, status_names)

static const char *const route_names[] = {
	"self", "social_worker", "gp", "mental_health_team", "family", "other"
};
RECORD_STR(referral_route_str, enum referral_route, route_names)
RECORD_FROM_STR(referral_route_from_str, enum referral_route, route_names)

static const char *const kind_names[] = {
	"personal_budget", "personal_health_budget", "direct_payment",
	"self_funded", "none"
};
static const char *const kind_labels[] = {
	"personal budget", "personal health budget", "direct payment",
	"self-funded", "none"
};
RECORD_STR(funding_kind_str, enum funding_kind, kind_names)
RECORD_FROM_STR(funding_kind_from_str, enum funding_kind, kind_names)
RECORD_LABEL(funding_kind_label, enum funding_kind, kind_labels)

void
client_fini(struct client *c)
{
	FREES(&c->name, &c->preferred_name, &c->pronouns, &c->gender,
	    &c->phone, &c->email, &c->address, &c->contact_notes,
	    &c->pal_preferences, &c->interests, &c->skills_wanted,
	    &c->diagnosis_note);
}

void
referral_fini(struct referral *r)
{
	FREES(&r->referrer_name, &r->referrer_org, &r->referrer_team,
	    &r->referrer_contact, &r->notes, &r->heard_about);
}

void
funding_fini(struct funding *f)
{
	FREES(&f->funder, &f->negotiator, &f->negotiator_contact, &f->notes);
}

void
ally_fini(struct ally *a)
{
	FREES(&a->name, &a->relationship, &a->phone, &a->notes);
}
