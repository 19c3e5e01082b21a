/* choose.h - a client chooses their PAL: suggestions with reasons, the
 * shortlist of two or three, interviews, and the first meeting where
 * either side may decline.  When both say yes, the assignment starts
 * (app/assignments.h).
 *
 * Office work: office staff and managers only.  A PAL is refused.
 */
#ifndef PEERDESK_APP_CHOOSE_H
#define PEERDESK_APP_CHOOSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/model/shortlist.h"
#include "peerdesk/model/suggest.h"

#define CHOOSE_SHORTLIST_USUAL 3	/* "two or three PALs" */

/* One suggested PAL: who, and the ranking with its reasons. */
struct pal_suggestion {
	int64_t pal_id;
	char *name;
	char *login;
	struct suggestion s;
};

/* What the client asked for, and the PALs suggested, best first. */
struct suggestion_list {
	int64_t client_id;
	char *client_name;
	char *preferences, *interests, *skills_wanted;	/* NULL = not said */
	bool plan_established;
	struct pal_suggestion *v;
	size_t n;
};

/* The client's shortlist, in the order PALs were added. */
struct shortlist {
	struct shortlist_entry *v;
	size_t n;
	size_t open;		/* entries not yet settled */
};

/* What was decided at a first meeting. */
struct first_meeting {
	char date[11];			/* "" = today */
	enum decision client;		/* DECISION_NONE = not yet said */
	enum decision pal;
	const char *reason;		/* why not; needed when either says no */
	int contracted_minutes;		/* a week, for the assignment; -1 */
	const char *override_reason;	/* the plan is not established yet */
};

void suggestion_list_fini(struct suggestion_list *l);
void shortlist_fini(struct shortlist *l);

/* Rank every active PAL who is not on the client's open shortlist and
 * not already supporting them, by what the client asked for and by
 * room (caseload; time and pay left this week). */
enum pd_status app_suggest_pals(struct app *app, int64_t client_id,
    struct suggestion_list *out, struct pd_err *err);

/* The client's shortlist (every entry, settled ones too). */
enum pd_status app_shortlist_list(struct app *app, int64_t client_id,
    struct shortlist *out, struct pd_err *err);

/* Put PAL pal_id on the client's shortlist; why is the reasons in words
 * (NULL: worked out now).  PD_DUPLICATE when the PAL is already on the
 * open shortlist or supporting the client.  *id (may be NULL) gets the
 * entry's id. */
enum pd_status app_shortlist_add(struct app *app, int64_t client_id,
    int64_t pal_id, const char *why, int64_t *id, struct pd_err *err);

/* Record the client's interview of the PAL on date ("" = today), with a
 * note (may be NULL).  e is as read by app_shortlist_list (its version
 * guards it) and is updated. */
enum pd_status app_shortlist_interview(struct app *app,
    struct shortlist_entry *e, const char *date, const char *note,
    struct pd_err *err);

/* Record the first meeting.  Either side saying no declines the PAL
 * (a reason is needed, field "reason"); both yes chooses them and starts
 * the assignment from the meeting's date, with *assignment_id (may be
 * NULL) set.  If the client's plan is not established, starting needs
 * m->override_reason: without one this fails with PD_INVALID and field
 * "override_reason", and nothing is saved. */
enum pd_status app_shortlist_first_meeting(struct app *app,
    struct shortlist_entry *e, const struct first_meeting *m,
    int64_t *assignment_id, struct pd_err *err);

/* Take a PAL off the shortlist (the client no longer wants to meet
 * them, or the PAL cannot), with a reason. */
enum pd_status app_shortlist_withdraw(struct app *app,
    struct shortlist_entry *e, const char *reason, struct pd_err *err);

#endif
