/* client.c - fini functions and names for the records in client.h. */
#include "peerdesk/model/client.h"

#include "record_priv.h"

RECORD_NAMES(client_status, enum client_status, CLIENT_STATUS_LIST,
    RECORD_NAME_OF)
RECORD_LABELS(client_status, enum client_status, CLIENT_STATUS_LIST)
RECORD_NAMES(referral_route, enum referral_route, REFERRAL_ROUTE_LIST,
    RECORD_NAME_OF)
RECORD_LABELS(referral_route, enum referral_route, REFERRAL_ROUTE_LIST)
RECORD_NAMES(funding_kind, enum funding_kind, FUNDING_KIND_LIST,
    RECORD_NAME_OF)
RECORD_LABELS(funding_kind, enum funding_kind, FUNDING_KIND_LIST)

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
