/* Tier 2: the manager's week.  Never silent over a limit: an import
 * says how each PAL-week it touched stands (a dry run keeps nothing);
 * approving a week close to or over a limit needs a reason, kept with
 * who and when; a change to an approved week is an adjustment in the
 * week it is made; paid weeks are locked. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/import.h"
#include "peerdesk/app/report_hours.h"
#include "peerdesk/app/sessions.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/app/weekpay.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "peerdesk/db/override.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/db/weekpay.h"
#include "peerdesk/model/payexport.h"
#include "peerdesk/report/hours_csv.h"
#include "peerdesk/report/hours_text.h"

static struct app app;
static struct dbfix_world w;

/* Today is Wednesday 2026-11-25, in week 2026-W48 (Mon 23 - Sun 29).
 * Sam and Jo are on permitted work at £12.50 an hour. */
static void
setup(void)
{
	appfix_open(&app);
	dbfix_world(app.db, &w);
	dbfix_today("2026-11-25");
}

static void
teardown(void)
{
	dbfix_today(NULL);
	app_close(&app);
}

static void
as_manager(void)
{
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
}

static void
as_office(void)
{
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
}

static void
as_sam(void)
{
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
}

/* An admin line for pal on date through the use case (as the manager,
 * with a reason should it go over). */
static int64_t
admin(int64_t pal, const char *date, int minutes)
{
	struct ts_line l;
	struct pd_err err;

	memset(&l, 0, sizeof l);
	l.pal_id = pal;
	snprintf(l.date, sizeof l.date, "%s", date);
	l.minutes = minutes;
	l.kind = LINE_ADMIN;
	ck_assert_msg(app_line_add(&app, &l, "agreed extra hours", &err) ==
	    PD_OK, "%s", err.msg);
	return l.id;
}

static int64_t
week_id(int64_t pal, const char *week)
{
	struct week_view v;
	struct pd_err err;
	int64_t id;

	ck_assert_int_eq(app_week_status(&app, pal, week, &v, &err), PD_OK);
	id = v.week.id;
	week_view_fini(&v);
	return id;
}

static enum week_status
week_status_of(int64_t pal, const char *week)
{
	struct week_view v;
	struct pd_err err;
	enum week_status st;

	ck_assert_int_eq(app_week_status(&app, pal, week, &v, &err), PD_OK);
	st = v.week.status;
	week_view_fini(&v);
	return st;
}

struct overrides {
	int n;
	char reason[200];
	int64_t agreed_by, line_id;
	char created_at[21];
};

static int
override_cb(void *arg, const struct limit_override_row *row)
{
	struct overrides *o = arg;

	o->n++;
	snprintf(o->reason, sizeof o->reason, "%s", row->reason);
	o->agreed_by = row->agreed_by;
	o->line_id = row->line_id;
	memcpy(o->created_at, row->created_at, sizeof o->created_at);
	return 0;
}

/* s with every run of spaces and line ends made one space. */
static char *
squash(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n') {
			if (o > out && o[-1] == ' ')
				continue;
			*o++ = ' ';
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}

/* ---- approving ------------------------------------------------------------ */

static const struct {
	int minutes;			/* Sam's admin on Mon 23 Nov */
	enum permitted_verdict verdict;
	int needs_reason;
} approve_cases[] = {
	{ 600, PERMITTED_OK, 0 },	/* 10h, £125.00 */
	{ 864, PERMITTED_NEAR, 1 },	/* 14h 24m: close on hours */
	{ 959, PERMITTED_NEAR, 1 },	/* 15h 59m, £199.79: close */
	{ 960, PERMITTED_OVER, 1 },	/* 16h: over */
	{ 1100, PERMITTED_OVER, 1 },
};

START_TEST(test_approve_needs_reason_when_near_or_over)
{
	struct pd_err err;
	struct overrides o;
	int64_t id;

	as_manager();
	admin(w.sam, "2026-11-23", approve_cases[_i].minutes);
	id = week_id(w.sam, "2026-W48");
	if (approve_cases[_i].needs_reason) {
		ck_assert_int_eq(app_week_approve(&app, id, &err), PD_LIMIT);
		ck_assert_str_eq(err.field, "reason");
		ck_assert_msg(strstr(err.msg, permitted_verdict_label(
		    approve_cases[_i].verdict)) != NULL, "%s", err.msg);
		ck_assert_int_eq(app_week_approve_with(&app, id, "  ", &err),
		    PD_LIMIT);
		ck_assert_int_ne(week_status_of(w.sam, "2026-W48"),
		    WEEK_APPROVED);
	}
	ck_assert_int_eq(app_week_approve_with(&app, id,
	    "Sam covered for Jo while she was ill", &err), PD_OK);
	ck_assert_int_eq(week_status_of(w.sam, "2026-W48"), WEEK_APPROVED);
	memset(&o, 0, sizeof o);
	ck_assert_int_eq(db_override_list(app.db, w.sam, "2026-11-23",
	    override_cb, &o, &err), PD_OK);
	if (approve_cases[_i].needs_reason) {
		/* the last agreement is the approval's: no line, who, when */
		ck_assert_str_eq(o.reason,
		    "Sam covered for Jo while she was ill");
		ck_assert_int_eq(o.agreed_by, w.manager);
		ck_assert_int_eq(o.line_id, 0);
		ck_assert_int_eq(strlen(o.created_at), 20);
	} else {
		ck_assert_int_eq(o.n, 0);
	}
}
END_TEST

START_TEST(test_approve_ok_week_needs_no_reason)
{
	struct pd_err err;
	int64_t id;

	as_manager();
	admin(w.sam, "2026-11-23", 120);
	id = week_id(w.sam, "2026-W48");
	ck_assert_int_eq(app_week_approve(&app, id, &err), PD_OK);
	ck_assert_int_eq(dbfix_count(app.db, "limit_override"), 0);
}
END_TEST

/* ---- importing -------------------------------------------------------------- */

struct warns {
	int n;
	char all[4000];
};

static void
warn_cb(void *arg, const char *msg)
{
	struct warns *wa = arg;
	size_t len = strlen(wa->all);

	wa->n++;
	snprintf(wa->all + len, sizeof wa->all - len, "%s\n", msg);
}

static const char ts_csv[] =
	"pal_login,date,minutes,kind\n"
	"sam,2026-11-23,600,admin\n"
	"sam,2026-11-24,400,admin\n"	/* Sam W48: 16h 40m: over */
	"jo,2026-11-24,870,admin\n"	/* Jo W48: 14h 30m: close */
	"jo,2026-11-30,60,admin\n";	/* Jo W49: 1h: fine */

static int
audit_summary_cb(void *arg, const struct audit_entry *a)
{
	snprintf(arg, 200, "%s", a->summary);
	return 1;
}

START_TEST(test_import_says_verdicts)
{
	struct audit_query q;
	char summary[200] = "";
	struct import_result res;
	struct warns wa;
	struct pd_err err;

	as_manager();
	memset(&wa, 0, sizeof wa);
	ck_assert_msg(app_import_text(&app, IMPORT_TIMESHEET, ts_csv,
	    strlen(ts_csv), "week.csv", 0, warn_cb, &wa, &res, &err) == PD_OK,
	    "%s", err.msg);
	ck_assert_int_eq(res.rows, 4);
	ck_assert_int_eq(res.weeks, 3);
	ck_assert_int_eq(res.over, 1);
	ck_assert_int_eq(res.near, 1);
	ck_assert_int_eq(res.dry_run, 0);
	ck_assert_int_eq(wa.n, 2);
	ck_assert_msg(strstr(wa.all, "Sam Reid (sam), week 2026-W48 (Mon 23 "
	    "Nov 2026 to Sun 29 Nov 2026): This week: 16h 40m of less than "
	    "16h; £208.33 of £203.50 – over the limit") != NULL, "%s", wa.all);
	ck_assert_msg(strstr(wa.all, "week 2026-W48 (Mon 23 Nov 2026 to Sun "
	    "29 Nov 2026): This week: 14h 30m of less than 16h; £181.25 of "
	    "£203.50 – close to the limit") != NULL, "%s", wa.all);
	ck_assert_ptr_null(strstr(wa.all, "2026-W49"));
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 4);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), 1);
	memset(&q, 0, sizeof q);
	ck_assert_int_eq(db_audit_list(app.db, &q, audit_summary_cb, summary,
	    &err), PD_OK);
	ck_assert_str_eq(summary, "imported 4 timesheet lines from week.csv "
	    "(PAL-weeks over a limit: 1, close to one: 1)");
}
END_TEST

START_TEST(test_import_dry_run_keeps_nothing)
{
	struct import_result res;
	struct warns wa;
	struct pd_err err;
	int64_t audits = dbfix_count(app.db, "audit");

	as_manager();
	memset(&wa, 0, sizeof wa);
	ck_assert_int_eq(app_import_text(&app, IMPORT_TIMESHEET, ts_csv,
	    strlen(ts_csv), "week.csv", IMPORT_DRY_RUN, warn_cb, &wa, &res,
	    &err), PD_OK);
	ck_assert_int_eq(res.dry_run, 1);
	ck_assert_int_eq(res.rows, 4);
	ck_assert_int_eq(res.over, 1);
	ck_assert_int_eq(res.near, 1);
	ck_assert_int_eq(wa.n, 2);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 0);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_week"), 0);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), audits);
	/* not even the record of the file: the real import is not refused
	 * as "imported already" */
	ck_assert_int_eq(dbfix_count(app.db, "import_log"), 0);
	memset(&wa, 0, sizeof wa);
	ck_assert_msg(app_import_text(&app, IMPORT_TIMESHEET, ts_csv,
	    strlen(ts_csv), "week.csv", 0, warn_cb, &wa, &res, &err) == PD_OK,
	    "%s", err.msg);
	ck_assert_int_eq(res.dry_run, 0);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 4);
	ck_assert_int_eq(dbfix_count(app.db, "import_log"), 1);
	/* and a dry run of it now says it was imported already */
	ck_assert_int_eq(app_import_text(&app, IMPORT_TIMESHEET, ts_csv,
	    strlen(ts_csv), "week.csv", IMPORT_DRY_RUN, warn_cb, &wa, &res,
	    &err), PD_DUPLICATE);
}
END_TEST

START_TEST(test_import_office_sees_no_figures)
{
	struct import_result res;
	struct warns wa;
	struct pd_err err;

	as_office();
	memset(&wa, 0, sizeof wa);
	ck_assert_int_eq(app_import_text(&app, IMPORT_TIMESHEET, ts_csv,
	    strlen(ts_csv), "week.csv", 0, warn_cb, &wa, &res, &err), PD_OK);
	ck_assert_int_eq(wa.n, 2);
	ck_assert_msg(strstr(wa.all, "Sam Reid (sam), week 2026-W48 (Mon 23 "
	    "Nov 2026 to Sun 29 Nov 2026): over a limit; the manager will "
	    "need a reason to approve it") != NULL, "%s", wa.all);
	ck_assert_ptr_null(strstr(wa.all, "£"));
}
END_TEST

/* ---- adjustments and paid weeks ---------------------------------------------- */

struct adjusts {
	int n;
	struct week_adjust_row last;
	char reason[200];
};

static int
adjust_cb(void *arg, const struct week_adjust_row *row)
{
	struct adjusts *a = arg;

	a->n++;
	a->last = *row;
	snprintf(a->reason, sizeof a->reason, "%s", row->reason);
	a->last.reason = a->reason;
	a->last.made_by_name = a->last.pal_name = a->last.pal_login = NULL;
	return 0;
}

/* Sam's W47 (16 - 22 Nov): 2h admin on Mon 16 Nov, approved. */
static int64_t
approved_w47(int64_t *line)
{
	struct pd_err err;
	int64_t id;

	as_manager();
	*line = admin(w.sam, "2026-11-16", 120);
	id = week_id(w.sam, "2026-W47");
	ck_assert_int_eq(app_week_approve(&app, id, &err), PD_OK);
	return id;
}

START_TEST(test_change_to_approved_week_is_adjustment)
{
	struct ts_line l;
	struct adjusts a;
	struct pd_err err;
	int64_t line;

	approved_w47(&line);
	ck_assert_int_eq(db_line_get(app.db, line, &l, &err), PD_OK);
	l.minutes = 180;
	ck_assert_msg(app_line_update(&app, &l, "the meeting ran on",
	    &err) == PD_OK, "%s", err.msg);
	ts_line_fini(&l);
	memset(&a, 0, sizeof a);
	/* made today (Wed 25 Nov), so it shows in week 2026-W48 */
	ck_assert_int_eq(db_adjust_made(app.db, "2026-11-23", "2026-11-29",
	    adjust_cb, &a, &err), PD_OK);
	ck_assert_int_eq(a.n, 1);
	ck_assert_str_eq(a.last.week_start, "2026-11-16");
	ck_assert_str_eq(a.last.made_on, "2026-11-25");
	ck_assert_int_eq(a.last.status, WEEK_APPROVED);
	ck_assert_int_eq(a.last.minutes_before, 120);
	ck_assert_int_eq(a.last.minutes_after, 180);
	ck_assert_int_eq(a.last.gross_before, 2500);
	ck_assert_int_eq(a.last.gross_after, 3750);
	ck_assert_str_eq(a.last.reason, "the meeting ran on");
	ck_assert_int_eq(a.last.made_by, w.manager);
	/* removing the line is one more */
	ck_assert_int_eq(app_line_delete(&app, line, "it was a training day",
	    &err), PD_OK);
	memset(&a, 0, sizeof a);
	ck_assert_int_eq(db_adjust_for_week(app.db, w.sam, "2026-11-16",
	    adjust_cb, &a, &err), PD_OK);
	ck_assert_int_eq(a.n, 2);
	ck_assert_int_eq(a.last.minutes_before, 180);
	ck_assert_int_eq(a.last.minutes_after, 0);
	ck_assert_int_eq(a.last.gross_after, 0);
	/* an open week's changes are not adjustments */
	admin(w.sam, "2026-11-24", 60);
	ck_assert_int_eq(dbfix_count(app.db, "week_adjustment"), 2);
}
END_TEST

/* Sessions and lines that move out of an approved week are adjustments
 * too: for the week they leave. */
START_TEST(test_sessions_and_moves_are_adjustments)
{
	struct ts_line l;
	struct session se;
	struct adjusts a;
	struct pd_err err;
	int64_t line;

	approved_w47(&line);
	/* the line moves to W48 (open): W47 loses 2h */
	ck_assert_int_eq(db_line_get(app.db, line, &l, &err), PD_OK);
	snprintf(l.date, sizeof l.date, "2026-11-24");
	ck_assert_int_eq(app_line_update(&app, &l, "it was Tuesday's", &err),
	    PD_OK);
	ts_line_fini(&l);
	memset(&a, 0, sizeof a);
	ck_assert_int_eq(db_adjust_for_week(app.db, w.sam, "2026-11-16",
	    adjust_cb, &a, &err), PD_OK);
	ck_assert_int_eq(a.n, 1);
	ck_assert_int_eq(a.last.minutes_before, 120);
	ck_assert_int_eq(a.last.minutes_after, 0);
	ck_assert_int_eq(dbfix_count(app.db, "week_adjustment"), 1);
	/* a session logged into the approved week, then made longer */
	memset(&se, 0, sizeof se);
	se.pal_id = w.sam;
	se.client_id = w.ana;
	snprintf(se.date, sizeof se.date, "2026-11-18");
	se.minutes = 60;
	se.place = PLACE_TOWN;
	ck_assert_int_eq(app_session_log(&app, &se, NULL, &err), PD_INVALID);
	ck_assert_int_eq(app_session_log(&app, &se, "logged late", &err), PD_OK);
	se.minutes = 90;
	ck_assert_int_eq(app_session_update(&app, &se, "it ran over", &err),
	    PD_OK);
	memset(&a, 0, sizeof a);
	ck_assert_int_eq(db_adjust_for_week(app.db, w.sam, "2026-11-16",
	    adjust_cb, &a, &err), PD_OK);
	ck_assert_int_eq(a.n, 3);
	ck_assert_int_eq(a.last.minutes_before, 60);
	ck_assert_int_eq(a.last.minutes_after, 90);
	ck_assert_str_eq(a.last.reason, "it ran over");
	/* moved to the open week: W47 loses it */
	snprintf(se.date, sizeof se.date, "2026-11-25");
	ck_assert_int_eq(app_session_update(&app, &se, "wrong week", &err),
	    PD_OK);
	memset(&a, 0, sizeof a);
	ck_assert_int_eq(db_adjust_for_week(app.db, w.sam, "2026-11-16",
	    adjust_cb, &a, &err), PD_OK);
	ck_assert_int_eq(a.n, 4);
	ck_assert_int_eq(a.last.minutes_before, 90);
	ck_assert_int_eq(a.last.minutes_after, 0);
	session_fini(&se);
}
END_TEST

START_TEST(test_paid_week_is_locked)
{
	struct ts_line l;
	struct adjusts a;
	struct pd_err err;
	int64_t line, id, open_id;

	id = approved_w47(&line);
	admin(w.sam, "2026-11-24", 60);
	open_id = week_id(w.sam, "2026-W48");
	/* only an approved week can be paid; only the manager marks it */
	ck_assert_int_eq(app_week_mark_paid(&app, open_id, &err), PD_CONFLICT);
	as_office();
	ck_assert_int_eq(app_week_mark_paid(&app, id, &err), PD_DENIED);
	as_sam();
	ck_assert_int_eq(app_week_mark_paid(&app, id, &err), PD_DENIED);
	as_manager();
	ck_assert_int_eq(app_week_mark_paid(&app, id, &err), PD_OK);
	ck_assert_int_eq(week_status_of(w.sam, "2026-W47"), WEEK_LOCKED);
	ck_assert_int_eq(app_week_mark_paid(&app, id, &err), PD_DUPLICATE);
	/* a PAL cannot change it; the manager needs a reason */
	as_sam();
	memset(&l, 0, sizeof l);
	snprintf(l.date, sizeof l.date, "2026-11-17");
	l.minutes = 30;
	l.kind = LINE_ADMIN;
	ck_assert_int_eq(app_line_add(&app, &l, "forgot", &err), PD_DENIED);
	as_manager();
	l.pal_id = w.sam;
	ck_assert_int_eq(app_line_add(&app, &l, NULL, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "reason");
	ck_assert_int_eq(app_line_add(&app, &l, "Sam forgot Tuesday's "
	    "admin", &err), PD_OK);
	ck_assert_int_eq(week_status_of(w.sam, "2026-W47"), WEEK_LOCKED);
	memset(&a, 0, sizeof a);
	ck_assert_int_eq(db_adjust_made(app.db, "2026-11-23", "2026-11-29",
	    adjust_cb, &a, &err), PD_OK);
	ck_assert_int_eq(a.n, 1);
	ck_assert_int_eq(a.last.status, WEEK_LOCKED);
	ck_assert_int_eq(a.last.minutes_before, 120);
	ck_assert_int_eq(a.last.minutes_after, 150);
	ck_assert_int_eq(a.last.gross_after - a.last.gross_before, 625);
}
END_TEST

START_TEST(test_paid_up_to_a_date)
{
	struct pd_err err;
	size_t n;
	int64_t line;

	as_manager();
	admin(w.sam, "2026-11-09", 60);		/* W46, approved below */
	ck_assert_int_eq(app_week_approve(&app, week_id(w.sam, "2026-W46"),
	    &err), PD_OK);
	approved_w47(&line);
	admin(w.jo, "2026-11-17", 60);		/* Jo W47, not approved */
	admin(w.jo, "2026-11-24", 60);		/* Jo W48, approved, not ended */
	ck_assert_int_eq(app_week_approve(&app, week_id(w.jo, "2026-W48"),
	    &err), PD_OK);
	ck_assert_int_eq(app_weeks_mark_paid_upto(&app, "2026-11-21", 0, &n,
	    &err), PD_OK);
	ck_assert_int_eq(n, 1);		/* W47 ends on Sunday 22nd */
	ck_assert_int_eq(week_status_of(w.sam, "2026-W46"), WEEK_LOCKED);
	ck_assert_int_eq(week_status_of(w.sam, "2026-W47"), WEEK_APPROVED);
	ck_assert_int_eq(app_weeks_mark_paid_upto(&app, "2026-11-22", w.jo,
	    &n, &err), PD_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(app_weeks_mark_paid_upto(&app, "2026-11-22", 0, &n,
	    &err), PD_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(week_status_of(w.sam, "2026-W47"), WEEK_LOCKED);
	ck_assert_int_eq(week_status_of(w.jo, "2026-W47"), WEEK_OPEN);
	ck_assert_int_eq(week_status_of(w.jo, "2026-W48"), WEEK_APPROVED);
	ck_assert_int_eq(app_weeks_mark_paid_upto(&app, "2026-11-3x", 0, &n,
	    &err), PD_INVALID);
}
END_TEST

/* The next summary shows the change as an adjustment, where each week
 * stands, the manager's reason, and who has not sent their week. */
START_TEST(test_summary_shows_week_and_adjustments)
{
	struct hours_report rep;
	struct strbuf sb = STRBUF_INIT;
	struct ts_line l;
	struct pd_err err;
	const struct hours_row *row;
	int64_t line;
	char *text;

	approved_w47(&line);
	ck_assert_int_eq(db_line_get(app.db, line, &l, &err), PD_OK);
	l.minutes = 180;
	ck_assert_int_eq(app_line_update(&app, &l, "the meeting ran on",
	    &err), PD_OK);
	ts_line_fini(&l);
	/* Sam's W48: close to the limit, approved with a reason; Jo's W48
	 * not sent */
	admin(w.sam, "2026-11-24", 900);
	ck_assert_int_eq(app_week_approve_with(&app, week_id(w.sam,
	    "2026-W48"), "=Sam covered, as agreed", &err), PD_OK);
	admin(w.jo, "2026-11-24", 90);
	ck_assert_int_eq(app_report_hours(&app, "2026-W48", &rep, &err), PD_OK);
	ck_assert_int_eq(rep.has_status, 1);
	ck_assert_int_eq(rep.n_adjusts, 1);
	ck_assert_str_eq(rep.adjusts[0].week_label, "2026-W47");
	ck_assert_int_eq(rep.adjusts[0].gross_after - rep.adjusts[0].gross_before,
	    1250);
	row = hours_report_row_for(&rep, w.sam);
	ck_assert_int_eq(row->status, WEEK_APPROVED);
	ck_assert_int_eq(row->overrides, 1);
	ck_assert_str_eq(row->override_reason, "=Sam covered, as agreed");
	row = hours_report_row_for(&rep, w.jo);
	ck_assert_int_eq(row->status, WEEK_OPEN);
	hours_text_render(&rep, &sb);
	text = squash(strbuf_str(&sb));
	ck_assert_msg(strstr(text, "Not sent for approval Jo Evans (jo) 1h 30m "
	    "logged") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "Week: approved Limit agreed by Maya Shah: "
	    "=Sam covered, as agreed") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "Sam Reid (sam), week 2026-W47 (approved): "
	    "2h to 3h, £25.00 to £37.50 (£12.50 more); changed on Wed 25 Nov "
	    "2026 by Maya Shah: the meeting ran on") != NULL, "%s", text);
	free(text);
	strbuf_reset(&sb);
	hours_csv_render(&rep, &sb);
	ck_assert_msg(strstr(sb.buf, ",near,approved,1,\"'=Sam covered, as "
	    "agreed\",\r\n") != NULL, "%s", sb.buf);
	ck_assert(strstr(sb.buf, "\njo,Jo Evans,1.50,18.75,permitted,16.00,"
	    "203.50,14.48,184.75,ok,open,0,,\r\n") != NULL);
	strbuf_fini(&sb);
	hours_report_fini(&rep);
	/* the PDF draws too */
	ck_assert_int_eq(app_report_hours(&app, "2026-W48", &rep, &err), PD_OK);
	ck_assert_int_eq(app_report_hours_render(&rep, REPORT_PDF, &sb, &err),
	    PD_OK);
	ck_assert_int_gt((int)sb.len, 1000);
	strbuf_fini(&sb);
	hours_report_fini(&rep);
}
END_TEST

/* ---- the payroll export ------------------------------------------------------ */

static const struct {
	const char *from, *to, *month, *tax_year;
	enum pd_status want;
	const char *a, *b;
} ranges[] = {
	{ "2026-11-02", "2026-11-29", NULL, NULL, PD_OK, "2026-11-02",
	  "2026-11-29" },
	{ NULL, NULL, "2026-11", NULL, PD_OK, "2026-11-01", "2026-11-30" },
	{ NULL, NULL, "2024-02", NULL, PD_OK, "2024-02-01", "2024-02-29" },
	{ NULL, NULL, NULL, "2026", PD_OK, "2026-04-06", "2027-04-05" },
	{ NULL, NULL, NULL, "2026/27", PD_OK, "2026-04-06", "2027-04-05" },
	{ NULL, NULL, "2026-13", NULL, PD_INVALID, "", "" },
	{ NULL, NULL, "2026-1", NULL, PD_INVALID, "", "" },
	{ NULL, NULL, NULL, "26", PD_INVALID, "", "" },
	{ "2026-11-02", NULL, NULL, NULL, PD_INVALID, "", "" },
	{ "2026-11-29", "2026-11-02", NULL, NULL, PD_INVALID, "", "" },
	{ "2026-11-02", "2026-11-29", "2026-11", NULL, PD_INVALID, "", "" },
	{ NULL, NULL, NULL, NULL, PD_INVALID, "", "" },
};

START_TEST(test_pay_range)
{
	char a[11], b[11];
	struct pd_err err;

	ck_assert_int_eq(app_pay_range(ranges[_i].from, ranges[_i].to,
	    ranges[_i].month, ranges[_i].tax_year, a, b, &err),
	    ranges[_i].want);
	ck_assert_str_eq(a, ranges[_i].a);
	ck_assert_str_eq(b, ranges[_i].b);
}
END_TEST

START_TEST(test_pay_export)
{
	struct pay_export e;
	struct pd_err err;
	int64_t line;

	/* Sam W47: 2h approved and paid; W48: 15h at £12.50, then £13.00
	 * from Thursday 26 Nov, approved with a reason; Jo W48: 1h 30m, open */
	approved_w47(&line);
	ck_assert_int_eq(app_week_mark_paid(&app, week_id(w.sam, "2026-W47"),
	    &err), PD_OK);
	ck_assert_int_eq(db_pal_rate_add(app.db, w.sam, 1300, "2026-11-26",
	    w.manager, &err), PD_OK);
	admin(w.sam, "2026-11-24", 840);
	admin(w.sam, "2026-11-26", 60);
	ck_assert_int_eq(app_week_approve_with(&app, week_id(w.sam,
	    "2026-W48"), "covering the Friday group", &err), PD_OK);
	admin(w.jo, "2026-11-24", 90);
	as_office();
	ck_assert_int_eq(app_report_pay(&app, "2026-11-01", "2026-11-30", &e,
	    &err), PD_DENIED);
	as_manager();
	ck_assert_int_eq(app_report_pay(&app, "2026-11-01", "2026-11-30", &e,
	    &err), PD_OK);
	ck_assert_uint_eq(e.n, 3);
	ck_assert_str_eq(e.v[0].week_label, "2026-W47");
	ck_assert_str_eq(e.v[0].login, "sam");
	ck_assert_int_eq(e.v[0].status, WEEK_LOCKED);
	ck_assert_int_eq(e.v[0].gross_pence, 2500);
	ck_assert_str_eq(e.v[1].login, "jo");
	ck_assert_int_eq(e.v[1].status, WEEK_OPEN);
	ck_assert_str_eq(e.v[2].login, "sam");
	ck_assert_str_eq(e.v[2].first, "2026-11-23");
	ck_assert_str_eq(e.v[2].last, "2026-11-29");
	ck_assert_int_eq(e.v[2].n_rates, 2);
	ck_assert_int_eq(e.v[2].rates[0], 1250);
	ck_assert_int_eq(e.v[2].rates[1], 1300);
	/* 14h at £12.50 = £175.00, 1h at £13.00 */
	ck_assert_int_eq(e.v[2].pay_pence, 18800);
	ck_assert_int_eq(e.v[2].minutes_by_kind[LINE_ADMIN], 900);
	ck_assert_int_eq(e.v[2].verdict, PERMITTED_NEAR);
	ck_assert_int_eq(e.v[2].overrides, 1);
	ck_assert_str_eq(e.v[2].override_reason, "covering the Friday group");
	pay_export_fini(&e);
	/* a week is in the month its first day is in */
	ck_assert_int_eq(app_report_pay(&app, "2026-11-17", "2026-11-30", &e,
	    &err), PD_OK);
	ck_assert_uint_eq(e.n, 2);
	pay_export_fini(&e);
}
END_TEST

static Suite *
weekpay_suite(void)
{
	Suite *s = suite_create("app_weekpay");
	TCase *ta = tcase_create("approve");
	TCase *ti = tcase_create("import");
	TCase *tp = tcase_create("paid");
	/* Report columns are counted as the program counts them, in
	 * the UTF-8 character type cli.c sets up. */
	setlocale(LC_CTYPE, "C.UTF-8");

	tcase_add_checked_fixture(ta, setup, teardown);
	tcase_add_loop_test(ta, test_approve_needs_reason_when_near_or_over,
	    0, (int)(sizeof approve_cases / sizeof approve_cases[0]));
	tcase_add_test(ta, test_approve_ok_week_needs_no_reason);
	suite_add_tcase(s, ta);
	tcase_add_checked_fixture(ti, setup, teardown);
	tcase_add_test(ti, test_import_says_verdicts);
	tcase_add_test(ti, test_import_dry_run_keeps_nothing);
	tcase_add_test(ti, test_import_office_sees_no_figures);
	suite_add_tcase(s, ti);
	tcase_add_checked_fixture(tp, setup, teardown);
	tcase_add_test(tp, test_change_to_approved_week_is_adjustment);
	tcase_add_test(tp, test_sessions_and_moves_are_adjustments);
	tcase_add_test(tp, test_paid_week_is_locked);
	tcase_add_test(tp, test_paid_up_to_a_date);
	tcase_add_test(tp, test_summary_shows_week_and_adjustments);
	tcase_add_loop_test(tp, test_pay_range, 0,
	    (int)(sizeof ranges / sizeof ranges[0]));
	tcase_add_test(tp, test_pay_export);
	suite_add_tcase(s, tp);
	return s;
}

PD_TEST_MAIN(weekpay_suite)
