/* pals.h - PAL records: the profile clients choose from, DBS checks,
 * training, supervision, pay rates and benefit rules; the PAL list with
 * each PAL's caseload and week so far.
 *
 * Who may do what: office staff and managers read every PAL and record
 * DBS checks, training and supervision; only a manager sees and changes
 * pay rates and benefit rules (special-category data).  A PAL reads
 * their own record (their own rate and rule too, read only) and edits
 * what they share on their profile; another PAL is "not found".
 */
#ifndef PEERDESK_APP_PALS_H
#define PEERDESK_APP_PALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/model/people.h"
#include "peerdesk/model/permitted.h"

/* A PAL's week so far (the organisation's week holding a date). */
struct pal_week {
	char first[11], last[11];
	int minutes;			/* every paid minute on the timesheet */
	int64_t pence;			/* gross: pay, plus holiday pay if paid */
	int unrated_minutes;		/* minutes with no pay rate then */
	int64_t rate_pence;		/* hourly rate on the date; -1 none */
	bool has_limits;		/* limits below are known */
	struct permitted_limits limits;	/* DWP applies on the date */
	enum benefit_rule rule;		/* in force on the date */
	struct permitted_result check;	/* verdict, room left, sentence:
					 * the week judged against every
					 * rule in force in it */
};

/* One line of the PAL list. */
struct pal_summary {
	int64_t id;
	char *login;			/* "" when none */
	char *name;
	bool active;
	int caseload;			/* clients supported now */
	int max_clients;		/* -1 = no limit set */
	struct pal_week week;
	bool rule_visible;		/* week.check.rule may be shown */
	char dbs_recheck_due[11];	/* latest certificate's; "" none */
};

struct pal_list {
	struct pal_summary *v;
	size_t n;
};

/* Owned copies of a PAL's history, newest first. */
struct pal_dbs {
	int64_t id;
	char level[16];			/* basic, standard, enhanced, ... */
	char *certificate_no;
	char issued_on[11];
	bool update_service;
	char recheck_due[11];
};

struct pal_training {
	int64_t id;
	char date[11];
	char *title;
	int minutes;
	int paid;
};

struct pal_supervision {
	int64_t id;
	char date[11];
	char *supervisor;		/* name, NULL = not recorded */
	int minutes;
	int paid;
	char *notes;
};

struct pal_rate {
	int64_t rate_pence;
	char from[11];
	char *warning;			/* below the minimum wage; NULL */
};

struct pal_benefit {
	enum benefit_rule rule;
	char from[11];
	char *note;
};

/* Everything the PAL record screen shows. */
struct pal_record {
	struct staff staff;
	struct pal_profile profile;
	int caseload;
	char *clients;			/* current clients, ", "-joined; "" */
	struct pal_week week;
	bool private_visible;		/* rates and benefits are filled in */
	bool may_edit_profile;		/* the actor may save the profile */
	bool may_edit_all;		/* also date of birth, dates, limit */
	bool may_add_records;		/* DBS, training, supervision */
	bool may_edit_pay;		/* rates and benefit rules (manager) */
	enum benefit_rule rule;		/* today's; RULE_NONE if not visible */
	char *rate_warning;		/* today's rate against today's minimum
					 * wage; NULL when fine or not visible */
	struct pal_dbs *dbs;
	size_t n_dbs;
	struct pal_training *training;
	size_t n_training;
	struct pal_supervision *supervision;
	size_t n_supervision;
	struct pal_rate *rates;
	size_t n_rates;
	struct pal_benefit *benefits;
	size_t n_benefits;
};

void pal_list_fini(struct pal_list *l);
void pal_record_fini(struct pal_record *r);

/* Every PAL (with_inactive: also those who have left), by name, with
 * caseload and this week's hours and room.  A PAL gets only their own
 * line. */
enum pd_status app_pal_list(struct app *app, bool with_inactive,
    struct pal_list *out, struct pd_err *err);

/* Read PAL pal_id's whole record (pal_record_fini it); 0 means the
 * actor's own.  Pay and benefit history only for a manager or the PAL
 * themselves.  A PAL naming another PAL gets PD_DENIED (audited). */
enum pd_status app_pal_open(struct app *app, int64_t pal_id,
    struct pal_record *out, struct pd_err *err);

/* The PAL's week holding date ("" or NULL = today): minutes, gross pay
 * and the permitted-work check with the room left. */
enum pd_status app_pal_week(struct app *app, int64_t pal_id,
    const char *date, struct pal_week *out, struct pd_err *err);

/* Save a profile read by app_pal_open (p->version guards it).  Staff
 * save every field; a PAL saves only what they share (gender, pronouns,
 * experience, interests, likes, dislikes, activities, languages, skills,
 * their story).  PD_CONFLICT when someone saved it first. */
enum pd_status app_pal_profile_save(struct app *app, struct pal_profile *p,
    struct pd_err *err);

/* Is rate_pence below the National Minimum/Living Wage for the PAL's
 * age on date?  Returns true and a sentence in msg when it is; false (msg "")
 * when not.  Without a date of birth it compares with the adult rate
 * and says so in msg even when the rate is fine. */
bool app_pal_rate_check(struct app *app, const struct pal_profile *p,
    int64_t rate_pence, const char *date, char *msg, size_t n);

/* Record an hourly rate from date `from` (managers).  It is saved even
 * when below the minimum wage; warning (may be NULL) then gets the
 * sentence of app_pal_rate_check, else "". */
enum pd_status app_pal_rate_add(struct app *app, int64_t pal_id,
    int64_t rate_pence, const char *from, char *warning, size_t n,
    struct pd_err *err);

/* Set the benefit rule from date `from` (managers); note may be NULL. */
enum pd_status app_pal_benefit_set(struct app *app, int64_t pal_id,
    enum benefit_rule rule, const char *from, const char *note,
    struct pd_err *err);

/* When a certificate issued on `issued` should be checked again, by the
 * settings' policy (dbs_recheck_months, or _update_service when the PAL
 * is on the Update Service), into out; "" when issued is not a date. */
void app_dbs_recheck_due(const struct app *app, const char *issued,
    bool update_service, char out[11]);

/* Record a DBS check (office, managers).  in->recheck_due "" is worked
 * out by app_dbs_recheck_due; the level must be basic, standard,
 * enhanced or enhanced_barred. */
enum pd_status app_pal_dbs_add(struct app *app, int64_t pal_id,
    struct pal_dbs *in, struct pd_err *err);

/* Record training (office, managers); paid training also becomes a
 * timesheet line of kind training in the PAL's week, by the rules of
 * app_line_add (app/timesheets.h): a week already approved, or going
 * over a limit, needs the manager and a reason (may be NULL). */
enum pd_status app_pal_training_add(struct app *app, int64_t pal_id,
    const char *date, const char *title, int minutes, int paid,
    const char *reason, struct pd_err *err);

/* Record supervision (office, managers) by supervisor_id (0 = the
 * actor); paid supervision becomes a timesheet line of kind supervision
 * in the PAL's week, by the same rules as training.  Nothing is saved
 * when the line is refused (PD_LIMIT, PD_DENIED, PD_INVALID "reason"). */
enum pd_status app_pal_supervision_add(struct app *app, int64_t pal_id,
    const char *date, int64_t supervisor_id, int minutes, int paid,
    const char *notes, const char *reason, struct pd_err *err);

/* Staff who can supervise (office and managers, active), for pickers:
 * cb gets each one's id and name. */
enum pd_status app_pal_supervisors(struct app *app,
    int (*cb)(void *arg, int64_t id, const char *name), void *arg,
    struct pd_err *err);

#endif
