/* client.h - a client and what comes with them: status, referral,
 * funding and allies (conventions in model/people.h). */
#ifndef PEERDESK_MODEL_CLIENT_H
#define PEERDESK_MODEL_CLIENT_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/model/enumlist.h"

#define CLIENT_STATUS_LIST(X) \
	X(CLIENT_REFERRED, "referred", "referred") \
	X(CLIENT_INTAKE,   "intake",   "intake") \
	X(CLIENT_ACTIVE,   "active",   "active") \
	X(CLIENT_PAUSED,   "paused",   "paused") \
	X(CLIENT_CLOSED,   "closed",   "closed")

enum client_status { CLIENT_STATUS_LIST(ENUM_VALUE) };

struct client {
	int64_t id;
	char *name, *preferred_name, *pronouns;
	char date_of_birth[11];
	char *gender, *phone, *email, *address, *contact_notes;
	char *pal_preferences, *interests, *skills_wanted, *diagnosis_note;
	enum client_status status;
	char status_changed_on[11];
	char closed_on[11];
	char referred_on[11];	/* newest referral's date; read-only */
	int episode;		/* 1, 2, ... (a reopened client starts one);
				 * read-only: set by app/clientstory.c */
	char closed_reason[16];	/* stored name (model/clientstory.h), "" */
	int64_t merged_into;	/* the record this one was merged into, 0 */
	bool erased;		/* true once anonymised (erase); read-only */
	char updated_at[21];
	int64_t updated_by;
	int version;
};

#define REFERRAL_ROUTE_LIST(X) \
	X(ROUTE_SELF,               "self",               "self-referral") \
	X(ROUTE_SOCIAL_WORKER,      "social_worker",      "social worker") \
	X(ROUTE_GP,                 "gp",                 "GP") \
	X(ROUTE_MENTAL_HEALTH_TEAM, "mental_health_team", "mental health team") \
	X(ROUTE_FAMILY,             "family",             "family or friend") \
	X(ROUTE_OTHER,              "other",              "other")

enum referral_route { ROUTE_UNSET = -1, REFERRAL_ROUTE_LIST(ENUM_VALUE) };

struct referral {
	int64_t id;
	int64_t client_id;
	char referred_on[11];
	char *referrer_name, *referrer_org, *referrer_team, *referrer_contact;
	enum referral_route route;
	char first_contact_on[11];
	char plan_submitted_on[11];
	char plan_approved_on[11];
	char funding_received_on[11];
	char *notes;		/* why they were referred, and notes */
	char *heard_about;	/* how they heard of us (free words) */
	int version;
};

#define FUNDING_KIND_LIST(X) \
	X(FUNDING_PERSONAL_BUDGET, "personal_budget", "personal budget") \
	X(FUNDING_PERSONAL_HEALTH_BUDGET, "personal_health_budget", \
	    "personal health budget") \
	X(FUNDING_DIRECT_PAYMENT,  "direct_payment",  "direct payment") \
	X(FUNDING_SELF_FUNDED,     "self_funded",     "self-funded") \
	X(FUNDING_NONE,            "none",            "none")

enum funding_kind { FUNDING_KIND_LIST(ENUM_VALUE) };

struct funding {
	int64_t id;
	int64_t client_id;
	enum funding_kind kind;
	int contracted_minutes_per_week;	/* -1 = not recorded */
	int64_t hourly_charge_pence;		/* -1 = not recorded */
	char *funder, *negotiator, *negotiator_contact;
	char review_due[11];
	char starts_on[11];
	char ends_on[11];
	char *notes;
	int version;
};

struct ally {
	int64_t id;
	int64_t client_id;
	char *name, *relationship, *phone, *notes;
	int position;		/* order on screen; 0 = put it last */
	int version;
};

void client_fini(struct client *c);
void referral_fini(struct referral *r);
void funding_fini(struct funding *f);
void ally_fini(struct ally *a);

/* Stored names ("referred", "social_worker", "direct_payment"). */
const char *client_status_str(enum client_status s);
int client_status_from_str(const char *s, enum client_status *out);
const char *referral_route_str(enum referral_route r);	/* NULL for unset */
int referral_route_from_str(const char *s, enum referral_route *out);
const char *funding_kind_str(enum funding_kind k);
int funding_kind_from_str(const char *s, enum funding_kind *out);

/* Words for people: "referred", "self-referral", "direct payment", ... */
const char *client_status_label(enum client_status s);
const char *referral_route_label(enum referral_route r);
const char *funding_kind_label(enum funding_kind k);

#endif
