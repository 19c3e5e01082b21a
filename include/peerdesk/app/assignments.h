/* assignments.h - a worker supporting a client: starting at the first
 * meeting, the four-to-six-week review, change of PAL, the end.
 *
 * The review window comes from the settings (review_due_days,
 * review_overdue_days).  A client is handed to a PAL only once their
 * plan is established (app_plan_is_established() in app/plans.h); before
 * that, starting needs a recorded reason.
 * Office staff and managers change assignments; a PAL reads those of
 * their own clients (another PAL's client is "not found").
 */
#ifndef PEERDESK_APP_ASSIGNMENTS_H
#define PEERDESK_APP_ASSIGNMENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/model/assignment.h"
#include "peerdesk/model/people.h"
#include "peerdesk/model/review.h"

struct assignment_start {
	int64_t client_id;
	int64_t worker_id;		/* a PAL, or any active staff member */
	int64_t shortlist_id;		/* 0 = none */
	char started_on[11];		/* the first meeting; "" = today */
	int contracted_minutes;		/* a week; -1 = not agreed yet */
	const char *override_reason;	/* needed while the plan is not
					 * established */
};

/* An assignment and where its review stands today. */
struct assignment_item {
	struct assignment a;
	enum review_state review;	/* REVIEW_DONE once reviewed */
	bool active;			/* not ended by today */
};

struct assignment_list {
	struct assignment_item *v;
	size_t n;
};

struct review_list {
	struct review *v;
	size_t n;
};

void assignment_list_fini(struct assignment_list *l);
void review_list_fini(struct review_list *l);

/* Start an assignment (office, managers).  Refused (PD_DUPLICATE) when
 * the worker already supports the client; PD_INVALID with field
 * "override_reason" when the plan is not established and no reason is
 * given.  A client who was referred, at intake or paused becomes active (a dated line in
 * their story).  *id
 * (may be NULL) gets the new id. */
enum pd_status app_assignment_start(struct app *app,
    const struct assignment_start *in, int64_t *id, struct pd_err *err);

/* The client's assignments (active_only: those not ended), oldest
 * first, each with its review state today. */
enum pd_status app_assignment_list(struct app *app, int64_t client_id,
    bool active_only, struct assignment_list *out, struct pd_err *err);

/* Assignment id with its review state (assignment_fini out->a). */
enum pd_status app_assignment_get(struct app *app, int64_t id,
    struct assignment_item *out, struct pd_err *err);

/* Record the review of assignment a (a->version guards it): r->held_on
 * ("" = today), participants, outcome, notes.  It clears the review
 * reminder.  Outcome change_requested or pal_withdraws ends the
 * assignment on held_on as a change of PAL (the client chooses again);
 * end ends it as completed.  r->id is set. */
enum pd_status app_review_record(struct app *app, struct assignment *a,
    struct review *r, struct pd_err *err);

/* The assignment's reviews, oldest first. */
enum pd_status app_review_list(struct app *app, int64_t assignment_id,
    struct review_list *out, struct pd_err *err);

/* Change of PAL at any time: end a on `on` ("" = today) as a change of
 * PAL with a reason (required, field "reason"). */
enum pd_status app_assignment_change(struct app *app, struct assignment *a,
    const char *on, const char *reason, struct pd_err *err);

/* End a on `on` ("" = today) for another reason (kind not END_NONE). */
enum pd_status app_assignment_end(struct app *app, struct assignment *a,
    const char *on, enum end_kind kind, const char *reason,
    struct pd_err *err);

/* Set the support time agreed a week (-1 = not agreed). */
enum pd_status app_assignment_set_minutes(struct app *app,
    struct assignment *a, int minutes, struct pd_err *err);

/* Who may be assigned directly (active PALs and staff), for pickers. */
enum pd_status app_assignment_workers(struct app *app,
    int (*cb)(void *arg, int64_t id, const char *name, enum role role),
    void *arg, struct pd_err *err);

#endif
