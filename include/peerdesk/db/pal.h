/* pal.h - a PAL's profile, pay rates, benefit rules, DBS checks,
 * training and supervision.  A PAL's id is their staff id. */
#ifndef PEERDESK_DB_PAL_H
#define PEERDESK_DB_PAL_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/people.h"

/* Rows handed to list callbacks: valid only during the call. */
struct pal_rate_row {
	int64_t id;
	int64_t rate_pence;
	char effective_from[11];
	int64_t recorded_by;		/* 0 = not recorded */
};

struct pal_benefit_row {
	int64_t id;
	enum benefit_rule rule;
	char effective_from[11];
	const char *note;		/* NULL = none */
	int64_t recorded_by;
};

struct pal_dbs_row {
	int64_t id;
	char level[16];			/* basic, standard, enhanced, enhanced_barred */
	const char *certificate_no;
	char issued_on[11];
	bool update_service;		/* on the DBS Update Service */
	char recheck_due[11];
};

struct pal_training_row {
	int64_t id;
	char date[11];
	const char *title;
	int minutes;
	int paid;
};

struct pal_supervision_row {
	int64_t id;
	char date[11];
	int64_t supervisor_id;		/* 0 = not recorded */
	const char *supervisor_name;	/* NULL = not recorded */
	int minutes;
	int paid;
	const char *notes;
};

/* Insert the profile of staff member p->staff_id (who must exist);
 * sets p->version = 1.  PD_NOT_FOUND if there is no such staff member,
 * PD_DUPLICATE if they already have a profile. */
enum pd_status db_pal_insert(struct db *db, struct pal_profile *p,
    struct pd_err *err);

/* Read the profile of PAL staff_id (pal_profile_fini it). */
enum pd_status db_pal_get(struct db *db, int64_t staff_id,
    struct pal_profile *out, struct pd_err *err);

/* Save every field if the row is still at p->version; bumps it.
 * PD_CONFLICT or PD_NOT_FOUND as for every update. */
enum pd_status db_pal_update(struct db *db, struct pal_profile *p,
    struct pd_err *err);

/* Record an hourly rate in force from date `from` (by = who, 0 = the
 * system).  PD_DUPLICATE if a rate from that date is already there. */
enum pd_status db_pal_rate_add(struct db *db, int64_t pal_id,
    int64_t rate_pence, const char *from, int64_t by, struct pd_err *err);

/* The hourly rate in force on date.  PD_NOT_FOUND if none yet. */
enum pd_status db_pal_rate_on(struct db *db, int64_t pal_id,
    const char *date, int64_t *rate_pence, struct pd_err *err);

/* Every rate of a PAL, newest first. */
enum pd_status db_pal_rate_list(struct db *db, int64_t pal_id,
    int (*cb)(void *arg, const struct pal_rate_row *row), void *arg,
    struct pd_err *err);

/* Set the benefit rule in force from date `from` (replacing one already
 * set for that same date).  note may be NULL. */
enum pd_status db_pal_benefit_set(struct db *db, int64_t pal_id,
    enum benefit_rule r, const char *from, const char *note, int64_t by,
    struct pd_err *err);

/* The rule in force on date; *recorded (may be NULL) 0 when none was
 * set on or before date.  RULE_NONE (and PD_OK) then. */
enum pd_status db_pal_benefit_find(struct db *db, int64_t pal_id,
    const char *date, enum benefit_rule *r, bool *recorded,
    struct pd_err *err);

/* The rule in force on date; RULE_NONE (and PD_OK) if none was set. */
enum pd_status db_pal_benefit_on(struct db *db, int64_t pal_id,
    const char *date, enum benefit_rule *r, struct pd_err *err);

/* Every benefit rule of a PAL, newest first. */
enum pd_status db_pal_benefit_list(struct db *db, int64_t pal_id,
    int (*cb)(void *arg, const struct pal_benefit_row *row), void *arg,
    struct pd_err *err);

/* Record a DBS check.  level: basic, standard, enhanced or
 * enhanced_barred; cert, issued and recheck_due may be NULL or "". */
enum pd_status db_pal_dbs_add(struct db *db, int64_t pal_id,
    const char *level, const char *cert, const char *issued,
    bool update_service, const char *recheck_due, struct pd_err *err);

/* Every DBS check of a PAL, newest issue date first. */
enum pd_status db_pal_dbs_list(struct db *db, int64_t pal_id,
    int (*cb)(void *arg, const struct pal_dbs_row *row), void *arg,
    struct pd_err *err);

/* Record training on date; *id_out (may be NULL) gets the new id. */
enum pd_status db_pal_training_add(struct db *db, int64_t pal_id,
    const char *date, const char *title, int minutes, int paid,
    int64_t *id_out, struct pd_err *err);

/* Every training record of a PAL, newest first. */
enum pd_status db_pal_training_list(struct db *db, int64_t pal_id,
    int (*cb)(void *arg, const struct pal_training_row *row), void *arg,
    struct pd_err *err);

/* Record supervision on date with supervisor_id (0 = not recorded);
 * minutes > 0.  *id_out (may be NULL) gets the new id. */
enum pd_status db_pal_supervision_add(struct db *db, int64_t pal_id,
    const char *date, int64_t supervisor_id, int minutes, int paid,
    const char *notes, int64_t *id_out, struct pd_err *err);

/* Every supervision of a PAL, newest first. */
enum pd_status db_pal_supervision_list(struct db *db, int64_t pal_id,
    int (*cb)(void *arg, const struct pal_supervision_row *row), void *arg,
    struct pd_err *err);

#endif
