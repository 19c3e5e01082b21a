/* hours.h - the weekly hours summary as a plain struct, and its sums.
 *
 * One row per PAL: minutes by kind of work, pay worked out per pay-rate
 * band, rolled-up holiday pay when the organisation pays it, and the
 * permitted-work verdict for the week; then per-client lines (delivered
 * against contracted minutes) and totals.  Pure: no I/O.  The renderers
 * in src/report/ turn it into text, CSV and PDF; docs/reports.md and
 * docs/model-rules.md give the rounding rules.
 */
#ifndef PEERDESK_MODEL_HOURS_H
#define PEERDESK_MODEL_HOURS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/people.h"
#include "peerdesk/model/permitted.h"
#include "peerdesk/model/timesheet.h"
#include "peerdesk/model/week.h"

#define HOURS_KINDS 6		/* enum line_kind: session ... admin */
#define HOURS_BANDS_MAX 8	/* pay rates in force within one week */

/* Minutes paid at one hourly rate (a rate that changes inside the week
 * gives two bands).  rate_pence -1: no rate recorded for those days. */
struct hours_band {
	int64_t rate_pence;
	int minutes;
};

/* What the database knows about one PAL's week.  Strings are borrowed. */
struct hours_input {
	int64_t pal_id;		/* matches hours_client.worker_id */
	const char *login;	/* NULL or "" when the person has none */
	const char *name;
	int minutes_by_kind[HOURS_KINDS];	/* indexed by enum line_kind */
	const struct hours_band *bands;	/* they add up to the minutes */
	size_t n_bands;
	enum benefit_rule rule;	/* shown as the PAL's rule */
	const struct permitted_basis *basis;	/* NULL: judge against rule
				 * and opt->limits; else against every
				 * stretch of the week (a rule or limit
				 * that changed inside it) */
	unsigned missing;	/* PERMITTED_NO_RULE, PERMITTED_NO_RATE (no
				 * rate at all); minutes in a band with no
				 * rate add PERMITTED_NO_RATE themselves */
};

/* The settings and figures the sums use. */
struct hours_options {
	const struct permitted_limits *limits;	/* in force on the week's
						 * first day; NULL: none */
	int near_percent;	/* settings near_percent (10) */
	bool holiday_pay;	/* add rolled-up holiday pay */
	int holiday_rate_bp;	/* 1207 = 12.07% */
};

/* One PAL's row.  Strings are owned. */
struct hours_row {
	int64_t pal_id;
	char *login;		/* "" when the person has none */
	char *name;
	int minutes_by_kind[HOURS_KINDS];
	int minutes;		/* every paid minute of the week */
	int unrated_minutes;	/* minutes with no pay rate recorded */
	int64_t pay_pence;	/* sum over bands, each rounded on its own */
	int64_t holiday_pence;	/* 0 when holiday pay is off */
	int64_t gross_pence;	/* pay + holiday pay: what the rule sees */
	enum benefit_rule rule;
	struct permitted_result check;	/* verdict, limits, room, sentence */
	/* Where the week stands (hours_report_set_status); has_status 0:
	 * not known (the renderers then leave it out). */
	bool has_status;
	enum week_status status;	/* WEEK_LOCKED: approved and paid */
	int overrides;		/* times the manager agreed to go over */
	char *override_reason;	/* the last agreement's reason; NULL none */
	char *override_by;	/* who agreed it; NULL none */
};

/* A change to an approved or paid week, shown in the week it was made. */
struct hours_adjust {
	int64_t pal_id;
	char *login;		/* "" when none */
	char *name;
	char week_label[WEEK_LABEL_LEN];	/* the week that was changed */
	pd_date week_first;
	pd_date made_on;
	bool was_paid;		/* the week was paid (locked) already */
	int minutes_before, minutes_after;
	int64_t gross_before, gross_after;
	char *reason;
	char *made_by;
};

/* Contracted against delivered minutes for one client and worker. */
struct hours_client {
	char *client;		/* owned */
	int64_t worker_id;
	char *worker;		/* owned: the worker's name */
	int contracted_minutes;	/* a week; -1 = not agreed */
	int delivered_minutes;	/* done sessions in the week */
	int sessions;
};

struct hours_totals {
	int minutes_by_kind[HOURS_KINDS];
	int minutes;
	int unrated_minutes;
	int64_t pay_pence, holiday_pence, gross_pence;
	int n_near, n_over;	/* PALs close to or over a limit */
	int contracted_minutes;	/* over client lines that have one */
	int delivered_minutes;	/* over every client line */
};

struct hours_report {
	char *org_name;
	char week_label[WEEK_LABEL_LEN];	/* "2026-W48" */
	pd_date first, last;
	char *generated_at;	/* text, e.g. "2026-11-27 16:05 UTC" */
	bool holiday_pay;	/* as in the options used */
	int holiday_rate_bp;
	int near_percent;
	bool has_limits;
	struct permitted_limits limits;	/* valid when has_limits */
	struct hours_row *rows;		/* by login after hours_report_finish */
	size_t n_rows, cap_rows;
	struct hours_client *clients;	/* by client, then worker */
	size_t n_clients, cap_clients;
	char *limits_note;	/* NULL, or the limit changing inside the
				 * week, in words (hours_report_set_note) */
	bool has_status;		/* rows carry where each week stands */
	struct hours_adjust *adjusts;	/* changes made this week to
					 * approved or paid weeks, by day */
	size_t n_adjusts, cap_adjusts;
	struct hours_totals totals;	/* filled by hours_report_finish */
	unsigned csv_flags;	/* CSV_RAW, CSV_EXCEL (core/csvout.h) */
};

/* Work out one PAL's row: pay per band (money_pay_for_minutes), holiday
 * pay on the week's pay (money_holiday_pay) and permitted_check on every
 * minute and the gross.  PD_INVALID when the bands do not add up to the
 * minutes, a rate or time is out of range; *out is then left empty. */
enum pd_status hours_row_build(const struct hours_input *in,
    const struct hours_options *opt, struct hours_row *out,
    struct pd_err *err);

/* Free what a row owns; it is then all zeros.  NULL allowed. */
void hours_row_fini(struct hours_row *row);

/* Start an empty report for week wk; org and generated_at are copied
 * (NULL is taken as ""); opt is remembered for hours_report_add_pal. */
void hours_report_init(struct hours_report *r, const char *org,
    struct week_range wk, const char *generated_at,
    const struct hours_options *opt);

/* Build a row (as hours_row_build) with the report's options and add
 * it; errors as hours_row_build, and nothing is added then. */
enum pd_status hours_report_add_pal(struct hours_report *r,
    const struct hours_input *in, struct pd_err *err);

/* Add a per-client line; strings are copied. */
void hours_report_add_client(struct hours_report *r, const char *client,
    int64_t worker_id, const char *worker, int contracted_minutes,
    int delivered_minutes, int sessions);

/* Say where pal_id's week stands: its status and the manager's
 * agreements to go over (reason and by may be NULL; copied).  Sets
 * r->has_status.  Nothing when there is no row for pal_id. */
void hours_report_set_status(struct hours_report *r, int64_t pal_id,
    enum week_status status, int overrides, const char *reason,
    const char *by);

/* Say in words that the limits change inside the week (copied; NULL
 * clears it). */
void hours_report_set_note(struct hours_report *r, const char *note);

/* Add a change made this week to an approved or paid week: the numbers
 * from a (its strings are not read), the strings given (copied; NULL
 * taken as ""). */
void hours_report_add_adjust(struct hours_report *r,
    const struct hours_adjust *a, const char *login, const char *name,
    const char *reason, const char *made_by);

/* Sort rows by login (then name) and client lines by client, then
 * worker, and work out the totals.  Call once every row is in. */
void hours_report_finish(struct hours_report *r);

/* Free everything r owns; it is then all zeros.  NULL allowed. */
void hours_report_fini(struct hours_report *r);

/* The row for pal_id, or NULL. */
const struct hours_row *hours_report_row_for(const struct hours_report *r,
    int64_t pal_id);

#endif
