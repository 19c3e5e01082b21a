/* records.h - plain structs for the things peerdesk records.
 *
 * One struct per table row that the upper layers handle.  Strings are
 * UTF-8, owned by the struct (NULL means "not recorded"), freed by the
 * matching *_fini().  Dates are "YYYY-MM-DD" in char[11] ("" = none),
 * moments "YYYY-MM-DDTHH:MM:SSZ" in char[21].  Minutes and pence are
 * integers; -1 means "not recorded" where a field is optional.
 * docs/data-model.md describes each field's column.
 */
#ifndef PEERDESK_MODEL_RECORDS_H
#define PEERDESK_MODEL_RECORDS_H

#include <stdbool.h>
#include <stdint.h>

enum role { ROLE_OFFICE, ROLE_PAL, ROLE_MANAGER };

struct staff {
	int64_t id;
	char *login;
	char *name;
	enum role role;
	char *passphrase;	/* crypt(3) hash or NULL */
	char *email;
	char *phone;
	int active;
	int version;
};

enum benefit_rule {
	RULE_NONE, RULE_LOWER, RULE_PERMITTED, RULE_SUPPORTED, RULE_UC
};

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

enum client_status {
	CLIENT_REFERRED, CLIENT_INTAKE, CLIENT_ACTIVE, CLIENT_PAUSED,
	CLIENT_CLOSED
};

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
	int erased;		/* 1 once anonymised (erase); read-only */
	char updated_at[21];
	int64_t updated_by;
	int version;
};

enum referral_route {
	ROUTE_UNSET = -1, ROUTE_SELF, ROUTE_SOCIAL_WORKER, ROUTE_GP,
	ROUTE_MENTAL_HEALTH_TEAM, ROUTE_FAMILY, ROUTE_OTHER
};

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

enum funding_kind {
	FUNDING_PERSONAL_BUDGET, FUNDING_PERSONAL_HEALTH_BUDGET,
	FUNDING_DIRECT_PAYMENT, FUNDING_SELF_FUNDED, FUNDING_NONE
};

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

enum place {
	PLACE_HOME, PLACE_TOWN, PLACE_CAFE, PLACE_PHONE, PLACE_ONLINE,
	PLACE_OTHER
};

struct session {
	int64_t id;
	int64_t client_id;
	int64_t pal_id;
	char date[11];
	char start_time[6];	/* "HH:MM" or "" */
	int minutes;
	enum place place;
	char *did, *went_well, *follow_up;
	int booked;		/* 1 = a future session, not yet done */
	int version;
};

enum line_kind {
	LINE_SESSION, LINE_SUPERVISION, LINE_TRAINING, LINE_TRAVEL,
	LINE_SHADOWING, LINE_ADMIN
};

enum week_status {
	WEEK_OPEN, WEEK_SUBMITTED, WEEK_APPROVED, WEEK_LOCKED
};

struct ts_line {
	int64_t id;
	int64_t week_id;
	int64_t pal_id;
	char date[11];
	int minutes;
	enum line_kind kind;
	int64_t client_id;	/* 0 = none */
	int64_t session_id;	/* 0 = none */
	int64_t supervision_id;	/* 0 = none (pal_supervision row) */
	int64_t training_id;	/* 0 = none (pal_training row) */
	char *note;
	int version;
	int64_t import_id;	/* 0 = typed in; else the import_log row
				 * (written on insert only) */
};

struct ts_week {
	int64_t id;
	int64_t pal_id;
	char week_start[11];
	enum week_status status;
	char submitted_at[21];	/* "" = not submitted */
	int64_t submitted_by;
	char approved_at[21];	/* "" = not approved */
	int64_t approved_by;
	int version;
};

struct audit_entry {
	int64_t id;
	char at[21];	/* the real UTC moment it was written (never --today) */
	char day[11];	/* the business day ("today", --today in tests);
			 * "" in rows written before schema 8 */
	int64_t actor_id;
	char *actor_login;
	char *action;	/* create, update, delete, open, approve, ... */
	char *entity;	/* table name */
	int64_t entity_id;
	int64_t client_id;	/* 0 = none */
	char *summary, *before, *after, *reason;
	char *client_name;	/* read only: the client's name now, or NULL */
};

void staff_fini(struct staff *s);
void pal_profile_fini(struct pal_profile *p);
void client_fini(struct client *c);
void referral_fini(struct referral *r);
void funding_fini(struct funding *f);
void ally_fini(struct ally *a);
void session_fini(struct session *s);
void ts_line_fini(struct ts_line *l);
void audit_entry_fini(struct audit_entry *a);
/* A deep copy of from into to (free it with audit_entry_fini). */
void audit_entry_copy(struct audit_entry *to, const struct audit_entry *from);

/* Signing in and out, and the lock, are about the person, not a record:
 * true for sign_in, sign_out, sign_in_failed, sign_in_refused, lock and
 * unlock. */
bool audit_is_session(const char *action);

/* True for a refused attempt (sign_in_failed, sign_in_refused). */
bool audit_is_refusal(const char *action);

/* The action as shown on screen and in text (at most 9 columns): the
 * stored name, except "failed" for sign_in_failed and "refused" for
 * sign_in_refused.  CSV keeps the stored name. */
const char *audit_action_label(const char *action);

/* Names as stored in the database and shown in CSV ("office", "pal",
 * "manager"; "none", "lower", ...).  *_from_str returns 0 and sets *out,
 * or -1 when s is not one of the names. */
const char *role_str(enum role r);
int role_from_str(const char *s, enum role *out);
const char *benefit_rule_str(enum benefit_rule r);
int benefit_rule_from_str(const char *s, enum benefit_rule *out);
const char *client_status_str(enum client_status s);
int client_status_from_str(const char *s, enum client_status *out);
const char *referral_route_str(enum referral_route r);	/* NULL for unset */
int referral_route_from_str(const char *s, enum referral_route *out);
const char *funding_kind_str(enum funding_kind k);
int funding_kind_from_str(const char *s, enum funding_kind *out);
const char *place_str(enum place p);
int place_from_str(const char *s, enum place *out);
const char *line_kind_str(enum line_kind k);
int line_kind_from_str(const char *s, enum line_kind *out);
const char *week_status_str(enum week_status s);
int week_status_from_str(const char *s, enum week_status *out);

/* Words for people, for screens and reports: "office", "PAL",
 * "manager"; "permitted work", "supported permitted work", ... */
const char *role_label(enum role r);
const char *benefit_rule_label(enum benefit_rule r);
const char *client_status_label(enum client_status s);
const char *funding_kind_label(enum funding_kind k);
const char *place_label(enum place p);
const char *line_kind_label(enum line_kind k);

#endif
