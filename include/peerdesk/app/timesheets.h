/* timesheets.h - a PAL's week: its lines, its permitted-work check, and
 * submitting and approving it.
 *
 * Who may do what:
 *   - a PAL sees and changes only their own week; their pay, rule and
 *     room left are theirs to see, never another PAL's;
 *   - office staff may add lines for a PAL, and see a PAL's hours, but
 *     not their pay or benefit rule (special-category data);
 *   - the manager sees everything, approves weeks, agrees to a week going
 *     over a limit (with a reason), and alone may change an approved
 *     week (with a reason; the audit keeps the line before and after).
 * Weeks start on the settings' week_start day; the permitted-work limits
 * are those in force on the week's first day (docs/model-rules.md).
 */
#ifndef PEERDESK_APP_TIMESHEETS_H
#define PEERDESK_APP_TIMESHEETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/model/hours.h"
#include "peerdesk/model/people.h"
#include "peerdesk/model/permitted.h"
#include "peerdesk/model/timesheet.h"
#include "peerdesk/model/week.h"

/* One line of a week as screens show it.  A booked session (dated, not
 * yet confirmed as held) is listed too, with booked set, line.id 0 and
 * line.session_id its session: it has no timesheet line and counts in
 * no sums until it is opened and saved on or after its day. */
struct week_line {
	struct ts_line line;
	char *client_name;	/* NULL when the line has no client */
	bool booked;
};

/* A PAL's week. */
struct week_view {
	int64_t pal_id;
	char *pal_name;
	char *pal_login;	/* "" when none */
	char label[WEEK_LABEL_LEN];
	char first[11], last[11];
	struct ts_week week;	/* id 0 when no line was ever added */
	struct week_line *lines;	/* by date, then as entered; booked
					 * sessions after the lines of
					 * their day */
	size_t n_lines;
	bool shows_pay;		/* as time_preview.shows_pay */
	struct hours_row row;	/* minutes by kind and in all; pay, holiday
				 * pay, gross, rule and check only when
				 * shows_pay (else 0, RULE_NONE, NA) */
	int overrides;		/* times the manager agreed to go over */
};

/* A week waiting for approval. */
struct week_waiting {
	int64_t week_id;
	int64_t pal_id;
	char *pal_name;
	char *pal_login;	/* "" when none */
	char label[WEEK_LABEL_LEN];
	char first[11];
	char submitted_at[21];
	int minutes;
	int64_t gross_pence;
	enum benefit_rule rule;
	struct permitted_result check;
};

void week_view_fini(struct week_view *v);
void week_waiting_free(struct week_waiting *w, size_t n);

/* The organisation week named by text: "2026-W48", a date in it
 * ("2026-11-25"), or NULL/"" for the week holding today.  PD_INVALID
 * with a plain message otherwise. */
enum pd_status app_week_parse(const struct app *app, const char *text,
    struct week_range *out, struct pd_err *err);

/* The staff id of the PAL with this login; a PAL may name only
 * themselves.  PD_NOT_FOUND when there is no such PAL. */
enum pd_status app_pal_by_login(struct app *app, const char *login,
    int64_t *pal_id, struct pd_err *err);

/* The week of pal_id (0 = the actor, who must be a PAL) named by week
 * (as app_week_parse).  A PAL: only their own (PD_DENIED otherwise). */
enum pd_status app_week_status(struct app *app, int64_t pal_id,
    const char *week, struct week_view *out, struct pd_err *err);

/* The PAL sends their week for approval (open -> submitted).  Staff may
 * do it for a PAL.  PD_DUPLICATE when already submitted or approved. */
enum pd_status app_week_submit(struct app *app, int64_t pal_id,
    const char *week, struct pd_err *err);

/* The manager approves week_id (open or submitted -> approved); from
 * then on the week is locked.  Audited. */
enum pd_status app_week_approve(struct app *app, int64_t week_id,
    struct pd_err *err);

/* Every submitted week, oldest first, with its hours, gross pay and
 * verdict.  The manager only.  *out is freed with week_waiting_free. */
enum pd_status app_weeks_waiting(struct app *app, struct week_waiting **out,
    size_t *n, struct pd_err *err);

/* What saving line l would do to its PAL's week.  l->id 0: a new line;
 * otherwise the stored line is taken off first.  l->pal_id 0 means the
 * actor.  Errors as app_line_add, less the ones about limits. */
enum pd_status app_line_preview(struct app *app, const struct ts_line *l,
    struct time_preview *out, struct pd_err *err);

/* Add a line to l->pal_id's week (0 = the actor) for l->date: any kind
 * but a session (those come from app_session_log).  A supervision or
 * training line also records the supervision or training on the PAL's
 * record.  reason: NULL, or the manager's reason for going over a limit
 * or changing an approved week.  Refused, saying why:
 *   PD_LIMIT   the week would be over a limit and no manager agreed
 *              (err->field "minutes" for a PAL or office, "reason" for
 *              a manager who gave none);
 *   PD_DENIED  the week is approved and the actor is not the manager;
 *   PD_INVALID a bad field, or an approved week with no reason.
 * Sets l->id, l->week_id, l->version. */
enum pd_status app_line_add(struct app *app, struct ts_line *l,
    const char *reason, struct pd_err *err);

/* Save a changed line read with app_week_status (same rules as
 * app_line_add; its kind cannot change to or from session).  A session's
 * line updates the session too.  PD_CONFLICT when changed meanwhile. */
enum pd_status app_line_update(struct app *app, struct ts_line *l,
    const char *reason, struct pd_err *err);

/* Read line id as it is saved now into *out (ts_line_fini it), for a
 * save that met someone else's: a PAL reads only their own lines
 * (another's is PD_NOT_FOUND). */
enum pd_status app_line_get(struct app *app, int64_t id, struct ts_line *out,
    struct pd_err *err);

/* PD_INVALID, with words pointing to the meeting, when stored line l
 * is the time a PAL ran a group meeting (changed or removed only
 * through the meeting); PD_OK otherwise.  Screens ask before offering
 * to change or remove a line; app_line_update/_delete refuse the same. */
enum pd_status app_line_meeting_check(struct app *app,
    const struct ts_line *l, struct pd_err *err);

/* Remove a line (not a session's: change or remove the session; not a
 * group meeting's: change or remove the meeting).  An approved week
 * needs the manager and a reason. */
enum pd_status app_line_delete(struct app *app, int64_t line_id,
    const char *reason, struct pd_err *err);

#endif
