/* people.h - the people who work here: staff and their roles, and a
 * PAL's profile and benefit rule.
 *
 * The record headers (people.h, client.h, plan.h, shortlist.h,
 * assignment.h, reminder.h, timesheet.h) share these conventions: one
 * struct per table row that the upper layers handle.  Strings are
 * UTF-8, owned by the struct (NULL means "not recorded"), freed by the
 * matching *_fini().  Dates are "YYYY-MM-DD" in char[11] ("" = none),
 * moments "YYYY-MM-DDTHH:MM:SSZ" in char[21].  Ids are 0 for "none".
 * Minutes and pence are integers; -1 means "not recorded" where a field
 * is optional.  docs/data-model.md describes each field's column.
 *
 * Names as stored in the database and shown in CSV: *_str returns NULL
 * for a value out of range; *_from_str returns 0 and sets *out, or -1
 * when s is not one of the names.  Words for people (*_label) are never
 * NULL ("?" when out of range).
 */
#ifndef PEERDESK_MODEL_PEOPLE_H
#define PEERDESK_MODEL_PEOPLE_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/model/enumlist.h"

#define ROLE_LIST(X) \
	X(ROLE_OFFICE,  "office",  "office") \
	X(ROLE_PAL,     "pal",     "PAL") \
	X(ROLE_MANAGER, "manager", "manager")

enum role { ROLE_LIST(ENUM_VALUE) };

struct staff {
	int64_t id;
	char *login;
	char *name;
	enum role role;
	char *passphrase;	/* crypt(3) hash or NULL */
	char *email;
	char *phone;
	bool active;
	int version;
};

#define BENEFIT_RULE_LIST(X) \
	X(RULE_NONE,      "none",      "no benefit limit") \
	X(RULE_LOWER,     "lower",     "lower limit (£20 a week)") \
	X(RULE_PERMITTED, "permitted", "permitted work") \
	X(RULE_SUPPORTED, "supported", "supported permitted work") \
	X(RULE_UC,        "uc",        "Universal Credit")

enum benefit_rule { BENEFIT_RULE_LIST(ENUM_VALUE) };

struct pal_profile {
	int64_t staff_id;
	char date_of_birth[11];
	char *gender, *pronouns, *work_experience, *interests, *likes;
	char *dislikes, *activities, *languages, *skills, *my_story;
	char started_on[11];
	char left_on[11];
	int max_clients;	/* -1 = no limit set */
	int version;
};

void staff_fini(struct staff *s);
void pal_profile_fini(struct pal_profile *p);

/* "office", "pal", "manager"; "none", "lower", ... */
const char *role_str(enum role r);
int role_from_str(const char *s, enum role *out);
const char *benefit_rule_str(enum benefit_rule r);
int benefit_rule_from_str(const char *s, enum benefit_rule *out);

/* "office", "PAL", "manager"; "permitted work", "supported permitted
 * work", ... */
const char *role_label(enum role r);
const char *benefit_rule_label(enum benefit_rule r);

#endif
