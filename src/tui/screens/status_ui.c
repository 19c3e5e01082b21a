/* status_ui.c - a client's story in the screens (see status_ui.h). */
#include "status_ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/assignments.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/model/date.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/field.h"

enum {
	T_STATUS = STATUS_UI_TAG, T_REASON, T_DAY, T_END_SUPPORT, T_REOPEN,
	T_AFTER_END, T_MERGE_WHO, T_MERGE_SURE
};

static const enum client_status su_choices[] = {
	CLIENT_INTAKE, CLIENT_ACTIVE, CLIENT_PAUSED, CLIENT_CLOSED
};
static const char *const su_choice_words[] = {
	"At intake", "Active", "Paused", "Closed"
};
static const char *const su_reason_words[CLOSED_REASONS - 1] = {
	"Support ended", "Moved away", "Declined", "Could not be reached",
	"Died", "Other"
};

static int
su_load(struct screen *s, int64_t id, struct client *out)
{
	struct client_record r;
	struct pd_err err;

	if (app_client_open(s->app, id, &r, &err) != PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		return -1;
	}
	*out = r.client;
	memset(&r.client, 0, sizeof r.client);
	client_record_fini(&r);
	return 0;
}

static void
su_pals(struct screen *s, struct status_ui *su)
{
	struct assignment_list l;
	struct pd_err err;
	size_t i, len = 0;

	su->pals[0] = '\0';
	if (app_assignment_list(s->app, su->id, 1, &l, &err) != PD_OK)
		return;
	for (i = 0; i < l.n; i++) {
		snprintf(su->pals + len, sizeof su->pals - len, "%s%s",
		    i ? ", " : "", l.v[i].a.worker_name ? l.v[i].a.worker_name :
		    "?");
		len = strlen(su->pals);
	}
	assignment_list_fini(&l);
}

/* Keep the day (YYYY-MM-DD) and how it is shown back, unambiguous. */
static void
su_set_day(struct status_ui *su, const char *iso)
{
	pd_date d;

	snprintf(su->day, sizeof su->day, "%s", iso);
	if (date_parse(iso, &d, NULL) == PD_OK)
		date_format_long(d, su->day_shown);
	else
		snprintf(su->day_shown, sizeof su->day_shown, "%s", iso);
}

void
status_ui_change(struct screen *s, struct status_ui *su, int64_t client_id)
{
	struct client c;
	const char *items[4];
	char text[300];
	size_t n = 0, i;

	if (su_load(s, client_id, &c) != 0)
		return;
	memset(su, 0, sizeof *su);
	su->id = client_id;
	su->reason = CLOSED_NONE;
	snprintf(su->name, sizeof su->name, "%s", c.name ? c.name : "");
	if (c.merged_into > 0) {
		tui_error(s->ui, "This record was merged into client %lld",
		    (long long)c.merged_into);
	} else if (c.status == CLIENT_CLOSED) {
		snprintf(text, sizeof text, "%s is closed. Reopen them? A new "
		    "episode starts today at referred; the earlier history "
		    "is kept.", su->name);
		dialog_confirm(s->ui, T_REOPEN, "Reopen", text, "Reopen",
		    "Leave closed", true);
	} else {
		for (i = 0; i < 4; i++)
			if (su_choices[i] != c.status) {
				su->offered[n] = su_choices[i];
				items[n++] = su_choice_words[i];
			}
		dialog_pick(s->ui, T_STATUS, "Status from today", items, n, 0);
	}
	client_fini(&c);
}

void
status_ui_after_end(struct screen *s, struct status_ui *su, int64_t client_id,
    const char *day)
{
	static const char *const items[] = {
		"Pause: a break, they may come back", "Close: support is over",
		"Leave them active"
	};
	char title[200];

	memset(su, 0, sizeof *su);
	su->id = client_id;
	su->reason = CLOSED_NONE;
	su->end_support = 1;
	su_set_day(su, day);
	snprintf(title, sizeof title, "No PAL now: pause or close?");
	dialog_pick(s->ui, T_AFTER_END, title, items, 3, 0);
}

void
status_ui_merge(struct screen *s, struct status_ui *su, int64_t keep_id)
{
	memset(su, 0, sizeof *su);
	su->id = keep_id;
	dialog_prompt(s->ui, T_MERGE_WHO, "Merge a record into this one",
	    "Number of the other record (it is closed after)", NULL, 12);
}

static int
su_apply(struct screen *s, struct status_ui *su)
{
	struct status_request rq;
	struct pd_err err;

	memset(&rq, 0, sizeof rq);
	rq.client_id = su->id;
	rq.to = su->to;
	rq.reason = su->reason;
	rq.on = su->day;
	rq.end_support = su->end_support;
	if (app_client_set_status(s->app, &rq, &err) != PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		return 1;
	}
	tui_message(s->ui, "Saved: %s from %s", client_status_label(su->to),
	    su->day[0] ? su->day_shown : "today");
	return 2;
}

/* The reason is known (or not needed): ask the day, today first. */
static void
su_ask_day(struct screen *s)
{
	char today[11];

	app_today(today);
	dialog_prompt(s->ui, T_DAY, "Which day?", "The day, like "
	    "31/12/2025 or today (Enter: today)", today, 12);
}

static void
su_ask_reason(struct screen *s)
{
	dialog_pick(s->ui, T_REASON, "Why closed?",
	    su_reason_words, CLOSED_REASONS - 1, 0);
}

static int
su_merge_sure(struct screen *s, struct status_ui *su, const char *typed)
{
	struct client keep, other;
	char *end, text[500];
	long long v = strtoll(typed != NULL ? typed : "", &end, 10);

	if (typed == NULL || *typed == '\0' || *end != '\0' || v <= 0) {
		tui_error(s->ui, "Please type the other record's number, "
		    "like 12");
		return 1;
	}
	su->other = v;
	if (su_load(s, su->id, &keep) != 0)
		return 1;
	if (su_load(s, su->other, &other) != 0) {
		client_fini(&keep);
		return 1;
	}
	snprintf(text, sizeof text, "Move everything of %s (client %lld) "
	    "into %s (client %lld)? Referrals, funding, people who matter, "
	    "support, sessions and the plan move here; client %lld is then "
	    "closed and points here. peerdesk cannot undo this.",
	    other.name, (long long)su->other, keep.name, (long long)su->id,
	    (long long)su->other);
	dialog_confirm(s->ui, T_MERGE_SURE, "Merge two records", text,
	    "Merge", "Do not merge", false);
	client_fini(&keep);
	client_fini(&other);
	return 1;
}

/* The day was typed (Enter: today): close after asking about the
 * support still running, or save. */
static int
su_day_chosen(struct screen *s, struct status_ui *su, const char *typed)
{
	char today[11], iso[11], text[400];
	struct pd_err err;

	app_today(today);
	if (typed == NULL || typed[0] == '\0')
		snprintf(iso, sizeof iso, "%s", today);
	else if (field_parse_date(typed, today, iso, &err) != PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		su_ask_day(s);
		return 1;
	}
	su_set_day(su, iso);
	su_pals(s, su);
	if (su->to == CLIENT_CLOSED && su->pals[0] != '\0') {
		snprintf(text, sizeof text, "%s still has a PAL (%s). "
		    "End that support on %s and close?", su->name,
		    su->pals, su->day_shown);
		dialog_confirm(s->ui, T_END_SUPPORT, "End the support "
		    "too?", text, "End it and close", "Go back", false);
		return 1;
	}
	return su_apply(s, su);
}

static int
su_reopen(struct screen *s, struct status_ui *su)
{
	struct pd_err err;

	if (app_client_reopen(s->app, su->id, NULL, NULL, &err) != PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		return 1;
	}
	tui_message(s->ui, "Reopened: referred again, a new episode");
	return 2;
}

static int
su_merge(struct screen *s, struct status_ui *su)
{
	struct merge_result mr;
	struct pd_err err;

	if (app_client_merge(s->app, su->id, su->other, &mr, &err) != PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		return 1;
	}
	if (mr.plan_kept_apart)
		tui_message(s->ui, "Merged. Both had a plan: this one "
		    "stays; the other stays with client %lld",
		    (long long)su->other);
	else
		tui_message(s->ui, "Merged: client %lld is closed and "
		    "points here", (long long)su->other);
	return 2;
}

int
status_ui_result(struct screen *s, struct status_ui *su,
    const struct screen_result *r)
{
	if (r->tag < STATUS_UI_TAG || r->tag > T_MERGE_SURE)
		return 0;
	if (r->code != SCREEN_OK)
		return 1;
	switch (r->tag) {
	case T_STATUS:
		if (r->index < 0 || r->index > 3)
			return 1;
		su->to = su->offered[r->index];
		if (su->to == CLIENT_CLOSED)
			su_ask_reason(s);
		else
			su_ask_day(s);
		return 1;
	case T_REASON:
		if (r->index < 0 || r->index >= CLOSED_REASONS - 1)
			return 1;
		su->reason = (enum closed_reason)r->index;
		if (su->day[0] != '\0')	/* after ending the support */
			return su_apply(s, su);
		su_ask_day(s);
		return 1;
	case T_DAY:
		return su_day_chosen(s, su, r->text);
	case T_END_SUPPORT:
		su->end_support = 1;
		return su_apply(s, su);
	case T_REOPEN:
		return su_reopen(s, su);
	case T_AFTER_END:
		if (r->index == 0) {
			su->to = CLIENT_PAUSED;
			return su_apply(s, su);
		}
		if (r->index == 1) {
			su->to = CLIENT_CLOSED;
			su_ask_reason(s);
		}
		return 1;
	case T_MERGE_WHO:
		return su_merge_sure(s, su, r->text);
	case T_MERGE_SURE:
		return su_merge(s, su);
	default:
		return 1;
	}
}
