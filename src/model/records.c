#include "peerdesk/model/records.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"

#define NAMES(fn_str, fn_from, fn_label, type, count, names, labels) \
const char * \
fn_str(type v) \
{ \
	if ((int)v < 0 || (int)v >= (count)) \
		return NULL; \
	return names[v]; \
} \
int \
fn_from(const char *s, type *out) \
{ \
	int i; \
	if (s == NULL) \
		return -1; \
	for (i = 0; i < (count); i++) \
		if (strcmp(s, names[i]) == 0) { \
			*out = (type)i; \
			return 0; \
		} \
	return -1; \
} \
const char * \
fn_label(type v) \
{ \
	if ((int)v < 0 || (int)v >= (count)) \
		return "?"; \
	return labels[v]; \
}

static const char *const role_names[] = { "office", "pal", "manager" };
static const char *const role_labels[] = { "office", "PAL", "manager" };
NAMES(role_str, role_from_str, role_label, enum role, 3, role_names,
    role_labels)

static const char *const rule_names[] = {
	"none", "lower", "permitted", "supported", "uc"
};
static const char *const rule_labels[] = {
	"no benefit limit", "lower limit (£20 a week)", "permitted work",
	"supported permitted work", "Universal Credit"
};
NAMES(benefit_rule_str, benefit_rule_from_str, benefit_rule_label,
    enum benefit_rule, 5, rule_names, rule_labels)

static const char *const status_names[] = {
	"referred", "intake", "active", "paused", "closed"
};
NAMES(client_status_str, client_status_from_str, client_status_label,
    enum client_status, 5, status_names, status_names)

static const char *const kind_names[] = {
	"personal_budget", "personal_health_budget", "direct_payment",
	"self_funded", "none"
};
static const char *const kind_labels[] = {
	"personal budget", "personal health budget", "direct payment",
	"self-funded", "none"
};
NAMES(funding_kind_str, funding_kind_from_str, funding_kind_label,
    enum funding_kind, 5, kind_names, kind_labels)

static const char *const place_names[] = {
	"home", "town", "cafe", "phone", "online", "other"
};
static const char *const place_labels[] = {
	"home", "town", "café", "phone", "online", "other"
};
NAMES(place_str, place_from_str, place_label, enum place, 6, place_names,
    place_labels)

static const char *const line_names[] = {
	"session", "supervision", "training", "travel", "shadowing", "admin"
};
static const char *const line_labels[] = {
	"session", "supervision", "training", "travel between clients",
	"shadowing", "admin"
};
NAMES(line_kind_str, line_kind_from_str, line_kind_label, enum line_kind,
    6, line_names, line_labels)

static const char *const week_names[] = {
	"open", "submitted", "approved", "locked"
};
static const char *const route_names[] = {
	"self", "social_worker", "gp", "mental_health_team", "family", "other"
};

const char *
week_status_str(enum week_status s)
{
	if ((int)s < 0 || (int)s > WEEK_LOCKED)
		return NULL;
	return week_names[s];
}

int
week_status_from_str(const char *s, enum week_status *out)
{
	int i;

	for (i = 0; s != NULL && i <= WEEK_LOCKED; i++)
		if (strcmp(s, week_names[i]) == 0) {
			*out = (enum week_status)i;
			return 0;
		}
	return -1;
}

const char *
referral_route_str(enum referral_route r)
{
	if ((int)r < 0 || (int)r > ROUTE_OTHER)
		return NULL;
	return route_names[r];
}

int
referral_route_from_str(const char *s, enum referral_route *out)
{
	int i;

	for (i = 0; s != NULL && i <= ROUTE_OTHER; i++)
		if (strcmp(s, route_names[i]) == 0) {
			*out = (enum referral_route)i;
			return 0;
		}
	return -1;
}

#define FREES(...) do { \
	char **fs_[] = { __VA_ARGS__ }; \
	size_t fs_i; \
	for (fs_i = 0; fs_i < sizeof fs_ / sizeof fs_[0]; fs_i++) { \
		free(*fs_[fs_i]); \
		*fs_[fs_i] = NULL; \
	} \
} while (0)

void
staff_fini(struct staff *s)
{
	FREES(&s->login, &s->name, &s->passphrase, &s->email, &s->phone);
}

void
pal_profile_fini(struct pal_profile *p)
{
	FREES(&p->gender, &p->pronouns, &p->work_experience, &p->interests,
	    &p->likes, &p->dislikes, &p->activities, &p->languages,
	    &p->skills, &p->my_story);
}

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

void
session_fini(struct session *s)
{
	FREES(&s->did, &s->went_well, &s->follow_up);
}

void
ts_line_fini(struct ts_line *l)
{
	FREES(&l->note);
}

static char *
records_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
audit_entry_copy(struct audit_entry *to, const struct audit_entry *from)
{
	*to = *from;
	to->actor_login = records_dup(from->actor_login);
	to->action = records_dup(from->action);
	to->entity = records_dup(from->entity);
	to->summary = records_dup(from->summary);
	to->before = records_dup(from->before);
	to->after = records_dup(from->after);
	to->reason = records_dup(from->reason);
	to->client_name = records_dup(from->client_name);
}

bool
audit_is_session(const char *action)
{
	static const char *const kinds[] = { "sign_in", "sign_out",
	    "sign_in_failed", "sign_in_refused", "lock", "unlock" };
	size_t i;

	for (i = 0; action != NULL && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(action, kinds[i]) == 0)
			return true;
	return false;
}

bool
audit_is_refusal(const char *action)
{
	return action != NULL && (strcmp(action, "sign_in_failed") == 0 ||
	    strcmp(action, "sign_in_refused") == 0);
}

const char *
audit_action_label(const char *action)
{
	if (action == NULL)
		return "";
	if (strcmp(action, "sign_in_failed") == 0)
		return "failed";
	if (strcmp(action, "sign_in_refused") == 0)
		return "refused";
	return action;
}

void
audit_entry_fini(struct audit_entry *a)
{
	FREES(&a->actor_login, &a->action, &a->entity, &a->summary,
	    &a->before, &a->after, &a->reason, &a->client_name);
}
