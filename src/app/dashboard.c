/* dashboard.c - the home screen's counts and reminders from one query. */
#include "peerdesk/app/dashboard.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/admin.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/reminder.h"
#include "peerdesk/db/session.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/db/dashboard.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "peerdesk/model/week.h"

struct dash_collect {
	struct dashboard *d;
	char week_end[11];
};

static int
dashboard_collect(void *arg, const struct reminder *r)
{
	struct dash_collect *c = arg;
	struct dashboard *d = c->d;
	struct reminder *copy;

	switch (r->kind) {
	case REMIND_REVIEW_DUE:
		d->reviews_due++;
		break;
	case REMIND_REVIEW_UPCOMING:
		if (strcmp(r->due_on, c->week_end) <= 0)
			d->reviews_due++;
		break;
	case REMIND_REVIEW_OVERDUE:
		d->reviews_overdue++;
		break;
	case REMIND_DBS:
		d->dbs_due++;
		break;
	case REMIND_SUPERVISION:
		d->supervision_due++;
		break;
	case REMIND_FUNDING:
		d->funding_due++;
		break;
	}
	d->nrem_total++;
	if (d->nrem >= DASHBOARD_REMINDERS_MAX)
		return 0;
	d->rem = xreallocarray(d->rem, d->nrem + 1, sizeof *d->rem);
	copy = &d->rem[d->nrem++];
	*copy = *r;
	copy->client_name = xstrdup(r->client_name);
	copy->pal_name = xstrdup(r->pal_name);
	return 0;
}

static void
dashboard_who(struct app *app, struct dashboard *d)
{
	struct staff st;

	d->role = access_role(app);
	d->system = app_actor_is_system(app);
	memset(&st, 0, sizeof st);
	if (app_actor_signed_in(app) &&
	    db_staff_get(app->db, access_staff_id(app), &st, NULL) == PD_OK &&
	    st.name != NULL)
		d->who = xstrdup(st.name);
	else if (d->system)
		d->who = xasprintf("%s (system)", app_actor_login(app)[0] ?
		    app_actor_login(app) : "root");
	else
		d->who = xstrdup(app_actor_login(app));
	staff_fini(&st);
}

enum pd_status
app_dashboard(struct app *app, const char *today, struct dashboard *d,
    struct pd_err *err)
{
	struct reminder_query q;
	struct dash_collect c;
	struct week_range wk;
	struct client_query cq;
	struct week_totals tot;
	enum pd_status s;
	pd_date t;
	int n;
	char from[11], to[11];

	memset(d, 0, sizeof *d);
	d->timesheets_waiting = d->new_referrals = -1;
	d->my_clients = d->minutes_this_week = -1;
	d->booked_to_confirm = -1;
	if ((s = app_require(app, APP_ANYONE, "see the dashboard", err)) !=
	    PD_OK)
		return s;
	if (today == NULL || date_parse(today, &t, NULL) != PD_OK)
		t = today_get();
	date_format(t, d->today);
	d->org = xstrdup(app->settings->org_name);
	dashboard_who(app, d);
	wk = week_of(t, app->settings->week_start);

	memset(&q, 0, sizeof q);
	q.today = d->today;
	q.horizon_days = DASHBOARD_HORIZON_DAYS;
	q.upcoming_days = app->settings->review_upcoming_days;
	q.supervision_weeks = app->settings->supervision_due_weeks;
	q.scope_pal = access_scope(app);
	c.d = d;
	date_format(wk.last, c.week_end);
	if ((s = db_reminders(app->db, &q, dashboard_collect, &c, err)) !=
	    PD_OK)
		return s;

	memset(&cq, 0, sizeof cq);
	cq.today = d->today;
	if (q.scope_pal != 0) {
		cq.status_or_minus1 = -1;
		if ((s = app_client_count(app, &cq, &n, err)) != PD_OK)
			return s;
		d->my_clients = n;
		date_format(wk.first, from);
		date_format(wk.last, to);
		memset(&tot, 0, sizeof tot);
		if ((s = db_week_totals(app->db, q.scope_pal, from, to, &tot,
		    err)) != PD_OK && s != PD_LIMIT)
			return s;
		d->minutes_this_week = tot.minutes;
		return db_session_booked_due(app->db, q.scope_pal, d->today,
		    &d->booked_to_confirm, err);
	}
	{
		int64_t bad;

		/* the whole chain at sign-in, then only what was added */
		if ((s = app_audit_watch(app, &bad, err)) != PD_OK)
			return s;
		d->audit_broken = bad;
	}
	cq.status_or_minus1 = CLIENT_REFERRED;
	if ((s = app_client_count(app, &cq, &n, err)) != PD_OK)
		return s;
	d->new_referrals = n;
	if ((s = app_client_status_counts(app, d->by_status, err)) != PD_OK)
		return s;
	if ((s = db_weeks_waiting(app->db, &n, err)) != PD_OK)
		return s;
	d->timesheets_waiting = n;
	return PD_OK;
}

void
dashboard_fini(struct dashboard *d)
{
	size_t i;

	for (i = 0; i < d->nrem; i++)
		reminder_fini(&d->rem[i]);
	FREE(&d->rem);
	FREE(&d->org);
	FREE(&d->who);
	d->nrem = d->nrem_total = 0;
}

/* ---- words -------------------------------------------------------------- */

static void
dashboard_add(struct dashboard_line *out, size_t max, size_t *n, bool alert,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
dashboard_add(struct dashboard_line *out, size_t max, size_t *n, bool alert,
    const char *fmt, ...)
{
	va_list ap;

	if (*n >= max)
		return;
	va_start(ap, fmt);
	vsnprintf(out[*n].text, sizeof out[*n].text, fmt, ap);
	va_end(ap);
	out[*n].alert = alert;
	(*n)++;
}

#define PLURAL(n) ((n) == 1 ? "" : "s")

static void
dashboard_reviews(const struct dashboard *d, struct dashboard_line *out,
    size_t max, size_t *n)
{
	if (d->reviews_due > 0)
		dashboard_add(out, max, n, 0, "%d review%s due this week",
		    d->reviews_due, PLURAL(d->reviews_due));
	else
		dashboard_add(out, max, n, 0, "No reviews due this week");
	if (d->reviews_overdue > 0)
		dashboard_add(out, max, n, 1, "%d review%s overdue",
		    d->reviews_overdue, PLURAL(d->reviews_overdue));
	else
		dashboard_add(out, max, n, 0, "No reviews overdue");
}

size_t
dashboard_lines(const struct dashboard *d, struct dashboard_line *out,
    size_t max)
{
	size_t n = 0;
	char dur[32];

	if (d->my_clients >= 0) {
		dashboard_add(out, max, &n, 0, "You support %d client%s",
		    d->my_clients, PLURAL(d->my_clients));
		dashboard_reviews(d, out, max, &n);
		if (d->minutes_this_week >= 0) {
			if (d->minutes_this_week % 60 == 0)
				snprintf(dur, sizeof dur, "%dh",
				    d->minutes_this_week / 60);
			else
				snprintf(dur, sizeof dur, "%dh %02dm",
				    d->minutes_this_week / 60,
				    d->minutes_this_week % 60);
			dashboard_add(out, max, &n, 0, "%s on your timesheet "
			    "this week", dur);
		}
		if (d->booked_to_confirm > 0)
			dashboard_add(out, max, &n, 1, "%d booked session%s to "
			    "confirm in My week", d->booked_to_confirm,
			    PLURAL(d->booked_to_confirm));
		if (d->dbs_due > 0)
			dashboard_add(out, max, &n, 1, "Your DBS re-check is "
			    "due soon");
		if (d->supervision_due > 0)
			dashboard_add(out, max, &n, 0, "Supervision is due");
		return n;
	}
	if (d->audit_broken > 0)
		dashboard_add(out, max, &n, 1, "Audit trail altered at row %lld",
		    d->audit_broken);
	dashboard_reviews(d, out, max, &n);
	if (d->dbs_due > 0)
		dashboard_add(out, max, &n, 0, "%d DBS re-check%s due soon",
		    d->dbs_due, PLURAL(d->dbs_due));
	else
		dashboard_add(out, max, &n, 0, "No DBS re-checks due soon");
	if (d->timesheets_waiting > 0)
		dashboard_add(out, max, &n, 0, "%d timesheet%s waiting for %s"
		    "approval", d->timesheets_waiting,
		    PLURAL(d->timesheets_waiting),
		    d->role == ROLE_MANAGER || d->system ? "your " : "");
	else
		dashboard_add(out, max, &n, 0, "No timesheets waiting for "
		    "approval");
	if (d->new_referrals > 0)
		dashboard_add(out, max, &n, 0, "%d new referral%s",
		    d->new_referrals, PLURAL(d->new_referrals));
	else
		dashboard_add(out, max, &n, 0, "No new referrals");
	dashboard_add(out, max, &n, 0, "%d active client%s, %d paused",
	    d->by_status[CLIENT_ACTIVE], PLURAL(d->by_status[CLIENT_ACTIVE]),
	    d->by_status[CLIENT_PAUSED]);
	dashboard_add(out, max, &n, 0, "%d at intake, %d closed",
	    d->by_status[CLIENT_INTAKE], d->by_status[CLIENT_CLOSED]);
	if (d->supervision_due > 0)
		dashboard_add(out, max, &n, 0, "%d PAL%s due supervision",
		    d->supervision_due, PLURAL(d->supervision_due));
	if (d->funding_due > 0)
		dashboard_add(out, max, &n, 0, "%d funder review%s coming up",
		    d->funding_due, PLURAL(d->funding_due));
	return n;
}

static const char *const dash_months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
	"Oct", "Nov", "Dec"
};

/* "20 Nov", or "20 Nov 2027" in another year than today's. */
static void
dashboard_day(const struct dashboard *d, const char *ymd, struct strbuf *out)
{
	pd_date x, t;
	int y, m, day, ty;

	if (date_parse(ymd, &x, NULL) != PD_OK) {
		strbuf_adds(out, ymd);
		return;
	}
	date_to_ymd(x, &y, &m, &day);
	ty = y;
	if (date_parse(d->today, &t, NULL) == PD_OK)
		date_to_ymd(t, &ty, NULL, NULL);
	strbuf_addf(out, "%d %s", day, dash_months[m - 1]);
	if (y != ty)
		strbuf_addf(out, " %d", y);
}

/* What each kind is called, in full and in a few letters. */
static const char *const dash_kind_words[REMIND_KINDS][2] = {
	[REMIND_REVIEW_UPCOMING] = { "Review soon", "Soon" },
	[REMIND_REVIEW_DUE] = { "Review due", "Review" },
	[REMIND_REVIEW_OVERDUE] = { "Review overdue", "Overdue" },
	[REMIND_DBS] = { "DBS re-check", "DBS" },
	[REMIND_SUPERVISION] = { "Supervision due", "Supervise" },
	[REMIND_FUNDING] = { "Funder review", "Funder" },
};

void
dashboard_reminder_words(const struct dashboard *d, const struct reminder *r,
    bool brief, struct strbuf *what, struct strbuf *who, struct strbuf *when)
{
	bool pal_view = d->my_clients >= 0;
	const char *client = r->client_name ? r->client_name : "";
	const char *pal = r->pal_name ? r->pal_name : "";

	if ((int)r->kind >= 0 && (int)r->kind < REMIND_KINDS)
		strbuf_adds(what, dash_kind_words[r->kind][brief ? 1 : 0]);
	switch (r->kind) {
	case REMIND_REVIEW_OVERDUE:
	case REMIND_REVIEW_DUE:
	case REMIND_REVIEW_UPCOMING:
		strbuf_adds(who, client);
		if (!pal_view && pal[0] != '\0')
			strbuf_addf(who, " with %s", pal);
		strbuf_adds(when, r->kind == REMIND_REVIEW_OVERDUE ? "since " :
		    r->kind == REMIND_REVIEW_DUE ? "since " : "from ");
		dashboard_day(d, r->due_on, when);
		break;
	case REMIND_DBS:
		strbuf_adds(who, pal_view ? "yours" : pal);
		strbuf_adds(when, strcmp(r->due_on, d->today) < 0 ? "was due " :
		    "by ");
		dashboard_day(d, r->due_on, when);
		break;
	case REMIND_SUPERVISION:
		strbuf_adds(who, pal_view ? "yours" : pal);
		if (r->due_on[0] == '\0') {
			strbuf_adds(when, "none yet");
		} else {
			strbuf_adds(when, "since ");
			dashboard_day(d, r->due_on, when);
		}
		break;
	case REMIND_FUNDING:
		strbuf_adds(who, client);
		strbuf_adds(when, strcmp(r->due_on, d->today) < 0 ? "was due " :
		    "by ");
		dashboard_day(d, r->due_on, when);
		break;
	}
}
