/* people.c - fini functions and names for the records in people.h. */
#include "peerdesk/model/people.h"

#include "record_priv.h"

RECORD_NAMES(role, enum role, ROLE_LIST, RECORD_NAME_OF)
RECORD_LABELS(role, enum role, ROLE_LIST)
RECORD_NAMES(benefit_rule, enum benefit_rule, BENEFIT_RULE_LIST,
    RECORD_NAME_OF)
RECORD_LABELS(benefit_rule, enum benefit_rule, BENEFIT_RULE_LIST)

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
