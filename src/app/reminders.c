/* reminders.c - what is due, for the actor. */
#include "peerdesk/app/reminders.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign_priv.h"
#include "peerdesk/app/access.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/reminder.h"
#include "peerdesk/model/date.h"

void
reminder_list_fini(struct reminder_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		reminder_fini(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static int
reminders_cb(void *arg, const struct reminder *row)
{
	struct reminder_list *l = arg;
	struct reminder *r;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	r = &l->v[l->n++];
	*r = *row;
	r->client_name = row->client_name ? xstrdup(row->client_name) : NULL;
	r->pal_name = row->pal_name ? xstrdup(row->pal_name) : NULL;
	if ((int)row->kind >= 0 && (int)row->kind < REMIND_KINDS)
		l->counts[row->kind]++;
	return 0;
}

enum pd_status
app_reminders(struct app *app, int days, struct reminder_list *out,
    struct pd_err *err)
{
	struct reminder_query q;
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_ANYONE, "see reminders", err)) != PD_OK)
		return s;
	if (days > 3660)
		return pd_fail(err, PD_INVALID, "days",
		    "please look at most ten years ahead");
	app_today(out->today);
	memset(&q, 0, sizeof q);
	q.today = out->today;
	q.upcoming_days = days >= 0 ? days : app->settings->review_upcoming_days;
	q.horizon_days = days >= 0 ? days : REMINDERS_HORIZON_DAYS;
	q.supervision_weeks = app->settings->supervision_due_weeks;
	q.scope_pal = assign_scope(app);
	s = db_reminders(app->db, &q, reminders_cb, out, err);
	if (s != PD_OK)
		reminder_list_fini(out);
	return s;
}

/* "Amy Baker with Jo Bennett", "Jo Bennett", "Amy Baker". */
static void
reminders_who(const struct reminder *r, char *buf, size_t n)
{
	if (r->client_name != NULL && r->pal_name != NULL)
		snprintf(buf, n, "%s with %s", r->client_name, r->pal_name);
	else
		snprintf(buf, n, "%s", r->client_name ? r->client_name :
		    r->pal_name ? r->pal_name : "?");
}

char *
app_reminder_title(const struct reminder *r, char *buf, size_t n)
{
	char who[300];
	const char *label = reminder_kind_label(r->kind);

	reminders_who(r, who, sizeof who);
	snprintf(buf, n, "%c%s: %s", label[0] >= 'a' && label[0] <= 'z' ?
	    label[0] - 'a' + 'A' : label[0], label + 1, who);
	return buf;
}

char *
app_reminder_text(const struct reminder *r, const char *today, char *buf,
    size_t n)
{
	char title[400], day[DATE_LONG_LEN];
	pd_date d;
	const char *when;

	app_reminder_title(r, title, sizeof title);
	if (r->due_on[0] == '\0' || date_parse(r->due_on, &d, NULL) != PD_OK) {
		snprintf(buf, n, "%s, %s", title, r->kind == REMIND_SUPERVISION ?
		    "none recorded yet" : "no date");
		return buf;
	}
	date_format_long(d, day);
	if (r->kind == REMIND_REVIEW_UPCOMING)
		when = "due from";
	else if (today != NULL && strcmp(r->due_on, today) > 0)
		when = "due on";
	else if (today != NULL && strcmp(r->due_on, today) == 0) {
		snprintf(buf, n, "%s, today (%s)", title, day);
		return buf;
	} else
		when = "since";
	snprintf(buf, n, "%s, %s %s", title, when, day);
	return buf;
}
