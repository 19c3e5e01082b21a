/* people.c - fini functions and names for the records in people.h. */
#include "peerdesk/model/people.h"

#include "record_priv.h"

static const char *const role_names[] = { "office", "pal", "manager" };
static const char *const role_labels[] = { "office", "PAL", "manager" };
RECORD_STR(role_str, enum role, role_names)
RECORD_FROM_STR(role_from_str, enum role, role_names)
RECORD_LABEL(role_label, enum role, role_labels)

static const char *const rule_names[] = {
	"none", "lower", "permitted", "supported", "uc"
};
static const char *const rule_labels[] = {
	"no benefit limit", "lower limit (£20 a week)", "permitted work",
	"supported permitted work", "Universal Credit"
};
RECORD_STR(benefit_rule_str, enum benefit_rule, rule_names)
RECORD_FROM_STR(benefit_rule_from_str, enum benefit_rule, rule_names)
RECORD_LABEL(benefit_rule_label, enum benefit_rule, rule_labels)

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
