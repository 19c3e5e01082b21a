/* time_priv.h - a PAL's week and its lines (timeweek.c), shared by
 * sessions.c, timesheets.c, weekpay.c and report_hours.c: loading a
 * PAL's week, working out what a change does to it, and the rules every
 * change to a week passes (approved weeks, limits). */
#ifndef PEERDESK_APP_TIME_PRIV_H
#define PEERDESK_APP_TIME_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/hours.h"
#include "peerdesk/model/people.h"
#include "peerdesk/model/permitted.h"
#include "peerdesk/model/timesheet.h"

struct app;

/* A PAL's week with what the sums need. */
struct time_week {
	int64_t pal_id;
	struct week_range wk;
	char first[11], last[11];
	char label[WEEK_LABEL_LEN];
	bool has_limits;
	struct permitted_limits lim;	/* DWP applies on the day asked */
	enum benefit_rule rule;		/* in force on the day asked (or
					 * the first recorded in the week) */
	unsigned missing;		/* PERMITTED_NO_RULE / _NO_RATE */
	struct permitted_basis basis;	/* every day's rule and limits:
					 * what the week is judged against */
	struct week_totals totals;	/* every line dated first..last */
	struct ts_week week;		/* id 0 when none yet */
};

/* The rule in force on first and what is missing for pal_id's week
 * first..last: PERMITTED_NO_RULE (no rule recorded by last; the rule
 * on first, else the one first recorded inside the week),
 * PERMITTED_NO_RATE (no pay rate by last). */
enum pd_status time_missing(struct app *app, int64_t pal_id,
    const char *first, const char *last, enum benefit_rule *rule,
    unsigned *missing, struct pd_err *err);

/* The PAL's name (a new copy; "a PAL" when there is none). */
char *time_pal_name(struct app *app, int64_t pal_id);

/* True when the actor is the manager or the system. */
bool time_is_manager(const struct app *app);

/* True when the actor may see pal_id's pay and rule (that PAL, a manager,
 * the system). */
bool time_shows_pay(const struct app *app, int64_t pal_id);

/* *pal_id 0 becomes the actor (who must be a PAL); a PAL may name only
 * themselves; the id must be a PAL's.  name (may be NULL) gets a new
 * copy of the PAL's name. */
enum pd_status time_pal_resolve(struct app *app, int64_t *pal_id,
    char **name, struct pd_err *err);

/* Load pal_id's week holding day. */
enum pd_status time_week_load(struct app *app, int64_t pal_id, pd_date day,
    struct time_week *out, struct pd_err *err);

/* The day whose rule a screen showing week wk shows: today when the week
 * holds it, else the week's first day. */
pd_date time_shown_day(struct week_range wk);

/* Every day of pal_id's week starting first: the benefit rule in force
 * and the limits DWP applies (docs/model-rules.md). */
enum pd_status time_basis(struct app *app, int64_t pal_id, pd_date first,
    struct permitted_basis *b, struct pd_err *err);

/* As time_week_load, less the week's own row (out->week stays empty):
 * the rules, limits and sums only. */
enum pd_status time_week_basis(struct app *app, int64_t pal_id, pd_date day,
    struct time_week *out, struct pd_err *err);

/* The week's row (pay per band, holiday pay, check) for totals t. */
enum pd_status time_row(const struct app *app, const struct time_week *w,
    const struct week_totals *t, struct hours_row *out,
    struct pd_err *err);

/* The hourly rate in force for pal_id on date; -1 when none. */
int64_t time_rate_on(struct app *app, int64_t pal_id, const char *date);

/* What a line of kind/minutes on date does to pal_id's week, taking
 * `old` (a stored line, or NULL) off first when it is in that week.
 * *wk (may be NULL) gets the week loaded. */
enum pd_status time_preview_calc(struct app *app, int64_t pal_id,
    const char *date, enum line_kind kind, int minutes,
    const struct ts_line *old, struct time_preview *out,
    struct time_week *wk, struct pd_err *err);

/* The rules a change passes before it is written: an approved week (the
 * new one, or old_locked for the one a line leaves) needs the manager
 * and a reason; a week going over a limit needs the manager's reason. */
enum pd_status time_gate(struct app *app, const struct time_preview *p,
    bool old_locked, const char *reason, struct pd_err *err);

/* True when a week in this status is locked. */
bool time_status_locked(enum week_status st);

/* The status of pal_id's week starting first (WEEK_OPEN when none), and
 * the week into *out when not NULL (id 0 when none). */
enum pd_status time_week_row(struct app *app, int64_t pal_id,
    const char *first, struct ts_week *out, struct pd_err *err);

/* Record the manager's agreement (limit_override row and audit) when
 * p->needs_override; does nothing otherwise. */
enum pd_status time_override_record(struct app *app,
    const struct time_preview *p, const char *reason, int64_t line_id,
    int64_t client_id, struct pd_err *err);

/* When p->locked: keep the change to an approved or paid week (hours and
 * gross before and after, from p->change) as an adjustment made today,
 * and audit it.  Does nothing otherwise. */
enum pd_status time_adjust_record(struct app *app,
    const struct time_preview *p, const char *reason, struct pd_err *err);

/* A line in words for the audit: "2026-11-24, 2h, session, client 12". */
void time_line_text(const struct ts_line *l, struct strbuf *out);

/* Validate a line's date, minutes and kind (field ids "date", "minutes",
 * "kind"). */
enum pd_status time_line_check(const struct ts_line *l, struct pd_err *err);

/* Write l (a new line: l->id 0; or a stored one) into its PAL's week for
 * l->date, creating the week, moving the line when the week changed
 * (then it gets a new id).  old: the stored line or NULL. */
enum pd_status time_line_put(struct app *app, struct ts_line *l,
    const struct ts_line *old, struct pd_err *err);

/* Audit a line change (action "create", "update" or "delete"); the
 * reason goes with it. */
enum pd_status time_line_audit(struct app *app, const char *action,
    const struct ts_line *before, const struct ts_line *after,
    const char *reason, struct pd_err *err);

/* When a report was made, for its "Printed" line: the date alone when
 * today is fixed, else "YYYY-MM-DD HH:MM UTC" (report_hours.c). */
void report_generated_at(char *buf, size_t n);

#endif
