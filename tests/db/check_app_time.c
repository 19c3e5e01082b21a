/* Tier 2: sessions and timesheets through the use cases: scope, the
 * line each session makes, the week's permitted-work check, going over
 * a limit with the manager's reason, submitting, approving and the
 * locked-week rule with its audit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/sessions.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "peerdesk/db/override.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/session.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"

static struct app app;
static struct dbfix_world w;

/* Today is Wednesday 2026-11-25, in week 2026-W48 (Mon 23 - Sun 29). */
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
as_sam(void)
{
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
}

static void
as_jo(void)
{
	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
}

static void
as_office(void)
{
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
}

static void
as_manager(void)
{
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
}

static void
session_make(struct session *s, int64_t client, const char *date,
    int minutes)
{
	memset(s, 0, sizeof *s);
	s->client_id = client;
	snprintf(s->date, sizeof s->date, "%s", date);
	s->minutes = minutes;
	s->place = PLACE_TOWN;
}

/* Log a session as whoever is acting; returns the status. */
static enum pd_status
log_one(int64_t pal, int64_t client, const char *date, int minutes,
    const char *reason, int64_t *id, struct pd_err *err)
{
	struct session s;
	enum pd_status st;

	session_make(&s, client, date, minutes);
	s.pal_id = pal;
	s.did = xstrdup("Walked by the river.");
	st = app_session_log(&app, &s, reason, err);
	if (id != NULL)
		*id = s.id;
	session_fini(&s);
	return st;
}

/* An admin line for pal straight into the database (no checks). */
static void
admin_line(int64_t pal, const char *date, int minutes)
{
	struct ts_line l;
	struct ts_week wk;
	struct week_range r;
	struct pd_err err;
	char first[11];

	ck_assert_int_eq(app_week_parse(&app, date, &r, &err), PD_OK);
	date_format(r.first, first);
	memset(&wk, 0, sizeof wk);
	ck_assert_int_eq(db_week_get_or_create(app.db, pal, first, &wk, &err),
	    PD_OK);
	memset(&l, 0, sizeof l);
	l.week_id = wk.id;
	snprintf(l.date, sizeof l.date, "%s", date);
	l.minutes = minutes;
	l.kind = LINE_ADMIN;
	ck_assert_msg(db_line_insert(app.db, &l, 0, &err) == PD_OK, "%s",
	    err.msg);
}

static int
audit_count_cb(void *arg, const struct audit_entry *a)
{
	(void)a;
	++*(int *)arg;
	return 0;
}

struct audit_find {
	const char *action, *entity;
	struct audit_entry got;
	int found;
};

static int
audit_find_cb(void *arg, const struct audit_entry *a)
{
	struct audit_find *f = arg;

	if (f->found || strcmp(a->action, f->action) != 0 ||
	    strcmp(a->entity, f->entity) != 0)
		return 0;
	f->found = 1;
	f->got = *a;
	f->got.summary = xstrdup(a->summary);
	f->got.before = xstrdup(a->before);
	f->got.after = xstrdup(a->after);
	f->got.reason = xstrdup(a->reason);
	f->got.action = NULL;
	f->got.entity = NULL;
	f->got.actor_login = NULL;
	return 0;
}

/* The newest audit row with this action and entity (must exist). */
static void
audit_find(const char *action, const char *entity, struct audit_find *f)
{
	struct audit_query q;
	struct pd_err err;

	memset(&q, 0, sizeof q);
	memset(f, 0, sizeof *f);
	f->action = action;
	f->entity = entity;
	ck_assert_int_eq(db_audit_list(app.db, &q, audit_find_cb, f, &err),
	    PD_OK);
	ck_assert_msg(f->found, "no audit row %s %s", action, entity);
}

static void
audit_find_fini(struct audit_find *f)
{
	free(f->got.summary);
	free(f->got.before);
	free(f->got.after);
	free(f->got.reason);
}

/* ---- sessions ------------------------------------------------------------ */

START_TEST(test_log_own_client_makes_line)
{
	struct pd_err err;
	struct ts_line l;
	struct session s;
	int64_t id = 0;
	struct audit_find f;

	as_sam();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-24", 120, NULL, &id, &err),
	    PD_OK);
	ck_assert_int_gt(id, 0);
	memset(&l, 0, sizeof l);
	ck_assert_int_eq(db_line_by_session(app.db, id, &l, &err), PD_OK);
	ck_assert_int_eq(l.pal_id, w.sam);
	ck_assert_int_eq(l.minutes, 120);
	ck_assert_int_eq(l.kind, LINE_SESSION);
	ck_assert_int_eq(l.client_id, w.ana);
	ck_assert_str_eq(l.date, "2026-11-24");
	ts_line_fini(&l);
	ck_assert_int_eq(app_session_get(&app, id, &s, &err), PD_OK);
	ck_assert_int_eq(s.pal_id, w.sam);
	ck_assert_int_eq(s.booked, 0);
	ck_assert_str_eq(s.did, "Walked by the river.");
	session_fini(&s);
	audit_find("create", "session", &f);
	ck_assert_int_eq(f.got.client_id, w.ana);
	ck_assert_int_eq(f.got.actor_id, w.sam);
	ck_assert_str_eq(f.got.after, "2026-11-24, 2h, town");
	audit_find_fini(&f);
}
END_TEST

START_TEST(test_log_other_pals_client_refused)
{
	struct pd_err err;

	as_jo();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-24", 60, NULL, NULL, &err),
	    PD_NOT_FOUND);
	ck_assert_str_eq(err.field, "client");
	/* naming another PAL changes nothing: a PAL logs as themselves */
	ck_assert_int_eq(log_one(w.sam, w.ana, "2026-11-24", 60, NULL, NULL,
	    &err), PD_NOT_FOUND);
	ck_assert_int_eq(log_one(0, w.chloe, "2026-11-24", 60, NULL, NULL,
	    &err), PD_NOT_FOUND);
	ck_assert_int_eq(dbfix_count(app.db, "session"), 0);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 0);
}
END_TEST

START_TEST(test_staff_log_for_pal)
{
	struct pd_err err;
	struct week_view v;

	as_office();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-24", 60, NULL, NULL, &err),
	    PD_INVALID);
	ck_assert_str_eq(err.field, "pal");
	ck_assert_int_eq(log_one(w.sam, w.ben, "2026-11-24", 60, NULL, NULL,
	    &err), PD_NOT_FOUND);
	ck_assert_int_eq(log_one(w.office, w.ana, "2026-11-24", 60, NULL, NULL,
	    &err), PD_NOT_FOUND);
	ck_assert_int_eq(log_one(w.sam, w.ana, "2026-11-24", 60, NULL, NULL,
	    &err), PD_OK);
	as_manager();
	ck_assert_int_eq(log_one(w.jo, w.ben, "2026-11-23", 90, NULL, NULL,
	    &err), PD_OK);
	ck_assert_int_eq(app_week_status(&app, w.sam, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(v.row.minutes, 60);
	ck_assert_int_eq(v.n_lines, 1);
	ck_assert_str_eq(v.lines[0].client_name, "Ana Silva");
	week_view_fini(&v);
	ck_assert_int_eq(app_week_status(&app, w.jo, "2026-W48", &v, &err),
	    PD_OK);
	ck_assert_int_eq(v.row.minutes, 90);
	week_view_fini(&v);
}
END_TEST

static const struct {
	const char *date;
	int minutes;
	const char *start;
	int place;
	const char *field;
} bad_sessions[] = {
	{ "2026-11-31", 60, "", PLACE_HOME, "date" },
	{ "", 60, "", PLACE_HOME, "date" },
	{ "2026-11-24", 0, "", PLACE_HOME, "minutes" },
	{ "2026-11-24", 1441, "", PLACE_HOME, "minutes" },
	{ "2026-11-24", 60, "25:00", PLACE_HOME, "start" },
	{ "2026-11-24", 60, "9", PLACE_HOME, "start" },
	{ "2026-11-24", 60, "", 17, "place" },
};

START_TEST(test_log_checks_fields)
{
	struct session s;
	struct pd_err err;

	as_sam();
	session_make(&s, w.ana, bad_sessions[_i].date, bad_sessions[_i].minutes);
	snprintf(s.start_time, sizeof s.start_time, "%s",
	    bad_sessions[_i].start);
	s.place = (enum place)bad_sessions[_i].place;
	ck_assert_int_eq(app_session_log(&app, &s, NULL, &err), PD_INVALID);
	ck_assert_str_eq(err.field, bad_sessions[_i].field);
	session_make(&s, 0, "2026-11-24", 60);
	ck_assert_int_eq(app_session_log(&app, &s, NULL, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "client");
	ck_assert_int_eq(dbfix_count(app.db, "session"), 0);
}
END_TEST

START_TEST(test_start_time_tidied)
{
	struct session s;
	struct pd_err err;

	as_sam();
	session_make(&s, w.ana, "2026-11-24", 60);
	snprintf(s.start_time, sizeof s.start_time, "9:30");
	ck_assert_int_eq(app_session_log(&app, &s, NULL, &err), PD_OK);
	ck_assert_str_eq(s.start_time, "09:30");
	session_fini(&s);
}
END_TEST

START_TEST(test_booked_then_done)
{
	struct session s;
	struct ts_line l;
	struct pd_err err;
	int64_t id;

	as_sam();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-27", 60, NULL, &id, &err),
	    PD_OK);
	ck_assert_int_eq(app_session_get(&app, id, &s, &err), PD_OK);
	ck_assert_int_eq(s.booked, 1);
	ck_assert_int_eq(db_line_by_session(app.db, id, &l, &err),
	    PD_NOT_FOUND);
	/* it happened a day early */
	snprintf(s.date, sizeof s.date, "2026-11-25");
	ck_assert_int_eq(app_session_update(&app, &s, NULL, &err), PD_OK);
	ck_assert_int_eq(s.booked, 0);
	memset(&l, 0, sizeof l);
	ck_assert_int_eq(db_line_by_session(app.db, id, &l, &err), PD_OK);
	ck_assert_int_eq(l.minutes, 60);
	ts_line_fini(&l);
	/* and moved again into the future: the line goes */
	snprintf(s.date, sizeof s.date, "2026-12-01");
	ck_assert_int_eq(app_session_update(&app, &s, NULL, &err), PD_OK);
	ck_assert_int_eq(db_line_by_session(app.db, id, &l, &err),
	    PD_NOT_FOUND);
	session_fini(&s);
}
END_TEST

START_TEST(test_update_session_updates_line)
{
	struct session s;
	struct ts_line l, l2;
	struct pd_err err;
	int64_t id, week1;

	as_sam();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-24", 60, NULL, &id, &err),
	    PD_OK);
	ck_assert_int_eq(app_session_get(&app, id, &s, &err), PD_OK);
	s.minutes = 90;
	ck_assert_int_eq(app_session_update(&app, &s, NULL, &err), PD_OK);
	memset(&l, 0, sizeof l);
	ck_assert_int_eq(db_line_by_session(app.db, id, &l, &err), PD_OK);
	ck_assert_int_eq(l.minutes, 90);
	week1 = l.week_id;
	ts_line_fini(&l);
	/* into last week: the line moves to that week */
	snprintf(s.date, sizeof s.date, "2026-11-20");
	ck_assert_int_eq(app_session_update(&app, &s, NULL, &err), PD_OK);
	memset(&l2, 0, sizeof l2);
	ck_assert_int_eq(db_line_by_session(app.db, id, &l2, &err), PD_OK);
	ck_assert_int_ne(l2.week_id, week1);
	ck_assert_str_eq(l2.date, "2026-11-20");
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 1);
	ts_line_fini(&l2);
	/* a stale copy is a conflict */
	s.version--;
	s.minutes = 30;
	ck_assert_int_eq(app_session_update(&app, &s, NULL, &err), PD_CONFLICT);
	session_fini(&s);
}
END_TEST

/* A line read as saved now (for a merge): a PAL reads only their own,
 * staff any. */
START_TEST(test_line_get)
{
	struct week_view v;
	struct ts_line l, got;
	struct pd_err err;

	as_sam();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-24", 60, NULL, NULL, &err),
	    PD_OK);
	ck_assert_int_eq(app_week_status(&app, 0, NULL, &v, &err), PD_OK);
	l = v.lines[0].line;
	ck_assert_int_eq(app_line_get(&app, l.id, &got, &err), PD_OK);
	ck_assert_int_eq(got.minutes, 60);
	ck_assert_int_eq(got.version, l.version);
	ts_line_fini(&got);
	as_office();
	ck_assert_int_eq(app_line_get(&app, l.id, &got, &err), PD_OK);
	ts_line_fini(&got);
	as_jo();
	ck_assert_int_eq(app_line_get(&app, l.id, &got, &err), PD_NOT_FOUND);
	ck_assert_int_eq(app_line_get(&app, 99999, &got, &err), PD_NOT_FOUND);
	week_view_fini(&v);
}
END_TEST

START_TEST(test_update_line_updates_session)
{
	struct session s;
	struct week_view v;
	struct ts_line l;
	struct pd_err err;
	int64_t id;

	as_sam();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-24", 60, NULL, &id, &err),
	    PD_OK);
	ck_assert_int_eq(app_week_status(&app, 0, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(v.n_lines, 1);
	l = v.lines[0].line;
	l.note = NULL;
	l.minutes = 45;
	ck_assert_int_eq(app_line_update(&app, &l, NULL, &err), PD_OK);
	ck_assert_int_eq(app_session_get(&app, id, &s, &err), PD_OK);
	ck_assert_int_eq(s.minutes, 45);
	session_fini(&s);
	/* it stays a session's line */
	l.kind = LINE_ADMIN;
	ck_assert_int_eq(app_line_update(&app, &l, NULL, &err), PD_INVALID);
	ck_assert_int_eq(app_line_delete(&app, l.id, NULL, &err), PD_INVALID);
	ts_line_fini(&l);
	week_view_fini(&v);
}
END_TEST

START_TEST(test_session_other_pal_not_found)
{
	struct session s;
	struct pd_err err;
	int64_t id;

	as_sam();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-24", 60, NULL, &id, &err),
	    PD_OK);
	as_jo();
	ck_assert_int_eq(app_session_get(&app, id, &s, &err), PD_NOT_FOUND);
	ck_assert_int_eq(app_session_delete(&app, id, NULL, &err),
	    PD_NOT_FOUND);
	as_sam();
	ck_assert_int_eq(app_session_delete(&app, id, NULL, &err), PD_OK);
	ck_assert_int_eq(dbfix_count(app.db, "session"), 0);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 0);
}
END_TEST

START_TEST(test_session_clients)
{
	struct session_client *c;
	size_t n;
	struct pd_err err;
	int64_t chloe_sam = dbfix_assign(app.db, w.chloe, w.sam, "2026-02-01");
	int64_t old = dbfix_assign(app.db, w.ben, w.sam, "2026-01-01");

	(void)chloe_sam;
	dbfix_end(app.db, old, "2026-03-01");
	as_sam();
	ck_assert_int_eq(app_session_clients(&app, 0, &c, &n, &err), PD_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(c[0].name, "Ana Silva");
	ck_assert_str_eq(c[1].name, "Chlo\xc3\xa9 Dubois");
	session_clients_free(c, n);
	ck_assert_int_eq(app_session_clients(&app, w.jo, &c, &n, &err),
	    PD_DENIED);
	as_office();
	ck_assert_int_eq(app_session_clients(&app, w.jo, &c, &n, &err), PD_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(c[0].client_id, w.ben);
	session_clients_free(c, n);
}
END_TEST

/* ---- the week and its check ------------------------------------------------ */

START_TEST(test_week_status_sentence)
{
	struct week_view v;
	struct pd_err err;

	as_sam();
	/* 13h 30m at £12.50: £168.75 */
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-23", 480, NULL, NULL, &err),
	    PD_OK);
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-24", 330, NULL, NULL, &err),
	    PD_OK);
	ck_assert_int_eq(app_week_status(&app, 0, NULL, &v, &err), PD_OK);
	ck_assert_str_eq(v.label, "2026-W48");
	ck_assert_str_eq(v.first, "2026-11-23");
	ck_assert_str_eq(v.last, "2026-11-29");
	ck_assert_int_eq(v.shows_pay, 1);
	ck_assert_int_eq(v.row.minutes, 810);
	ck_assert_int_eq(v.row.minutes_by_kind[LINE_SESSION], 810);
	ck_assert_int_eq(v.row.gross_pence, 16875);
	ck_assert_int_eq(v.row.rule, RULE_PERMITTED);
	ck_assert_int_eq(v.row.check.verdict, PERMITTED_OK);
	ck_assert_str_eq(v.row.check.sentence, "This week: 13h 30m of less "
	    "than 16h; \xc2\xa3" "168.75 of \xc2\xa3" "203.50 \xe2\x80\x93 "
	    "room left: 2h 29m, \xc2\xa3" "34.75");
	ck_assert_int_eq(v.week.status, WEEK_OPEN);
	ck_assert_int_eq(v.n_lines, 2);
	ck_assert_str_eq(v.pal_login, "sam");
	week_view_fini(&v);
}
END_TEST

START_TEST(test_week_status_who_sees_what)
{
	struct week_view v;
	struct pd_err err;
	int64_t id;

	as_sam();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-23", 120, NULL, NULL, &err),
	    PD_OK);
	ck_assert_int_eq(app_week_status(&app, w.jo, NULL, &v, &err),
	    PD_DENIED);
	ck_assert_int_eq(app_pal_by_login(&app, "jo", &id, &err), PD_DENIED);
	ck_assert_int_eq(app_pal_by_login(&app, "sam", &id, &err), PD_OK);
	ck_assert_int_eq(id, w.sam);
	as_office();
	ck_assert_int_eq(app_pal_by_login(&app, "olive", &id, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(app_week_status(&app, w.sam, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(v.shows_pay, 0);
	ck_assert_int_eq(v.row.minutes, 120);
	ck_assert_int_eq(v.row.gross_pence, 0);
	ck_assert_int_eq(v.row.pay_pence, 0);
	ck_assert_int_eq(v.row.rule, RULE_NONE);
	ck_assert_int_eq(v.row.check.verdict, PERMITTED_NA);
	ck_assert_str_eq(v.row.check.sentence, "This week so far: 2h");
	week_view_fini(&v);
	as_manager();
	ck_assert_int_eq(app_week_status(&app, w.sam, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(v.shows_pay, 1);
	ck_assert_int_eq(v.row.gross_pence, 2500);
	week_view_fini(&v);
	ck_assert_int_eq(app_week_status(&app, w.office, NULL, &v, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(app_week_status(&app, 0, NULL, &v, &err), PD_INVALID);
}
END_TEST

START_TEST(test_week_parse)
{
	struct week_range r;
	struct pd_err err;
	char a[11], b[11];

	ck_assert_int_eq(app_week_parse(&app, NULL, &r, &err), PD_OK);
	ck_assert_str_eq(date_format(r.first, a), "2026-11-23");
	ck_assert_int_eq(app_week_parse(&app, "2026-W01", &r, &err), PD_OK);
	ck_assert_str_eq(date_format(r.first, a), "2025-12-29");
	ck_assert_int_eq(app_week_parse(&app, "2026-12-31", &r, &err), PD_OK);
	ck_assert_str_eq(date_format(r.first, a), "2026-12-28");
	ck_assert_str_eq(date_format(r.last, b), "2027-01-03");
	ck_assert_int_eq(app_week_parse(&app, "2025-W53", &r, &err),
	    PD_INVALID);
	ck_assert_int_eq(app_week_parse(&app, "next week", &r, &err),
	    PD_INVALID);
	/* a Sunday start */
	app.settings->week_start = 7;
	ck_assert_int_eq(app_week_parse(&app, "2026-W48", &r, &err), PD_OK);
	ck_assert_str_eq(date_format(r.first, a), "2026-11-22");
}
END_TEST

START_TEST(test_all_paid_time_counts)
{
	struct ts_line l;
	struct week_view v;
	struct pd_err err;

	as_sam();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-23", 60, NULL, NULL, &err),
	    PD_OK);
	memset(&l, 0, sizeof l);
	snprintf(l.date, sizeof l.date, "2026-11-24");
	l.minutes = 60;
	l.kind = LINE_SUPERVISION;
	ck_assert_int_eq(app_line_add(&app, &l, NULL, &err), PD_OK);
	ck_assert_int_gt(l.supervision_id, 0);
	memset(&l, 0, sizeof l);
	snprintf(l.date, sizeof l.date, "2026-11-24");
	l.minutes = 180;
	l.kind = LINE_TRAINING;
	l.note = (char[]){"Mental health first aid"};
	ck_assert_int_eq(app_line_add(&app, &l, NULL, &err), PD_OK);
	ck_assert_int_gt(l.training_id, 0);
	memset(&l, 0, sizeof l);
	snprintf(l.date, sizeof l.date, "2026-11-24");
	l.minutes = 20;
	l.kind = LINE_TRAVEL;
	l.client_id = w.ana;
	ck_assert_int_eq(app_line_add(&app, &l, NULL, &err), PD_OK);
	l.id = 0;
	l.client_id = w.ben;	/* not Sam's client */
	ck_assert_int_eq(app_line_add(&app, &l, NULL, &err), PD_NOT_FOUND);
	l.kind = LINE_SESSION;
	l.client_id = w.ana;
	ck_assert_int_eq(app_line_add(&app, &l, NULL, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "kind");
	ck_assert_int_eq(dbfix_count(app.db, "pal_supervision"), 1);
	ck_assert_int_eq(dbfix_count(app.db, "pal_training"), 1);
	ck_assert_int_eq(app_week_status(&app, 0, "2026-11-25", &v, &err),
	    PD_OK);
	ck_assert_int_eq(v.row.minutes, 320);
	ck_assert_int_eq(v.row.minutes_by_kind[LINE_SUPERVISION], 60);
	ck_assert_int_eq(v.row.minutes_by_kind[LINE_TRAINING], 180);
	ck_assert_int_eq(v.row.minutes_by_kind[LINE_TRAVEL], 20);
	ck_assert_int_eq(v.row.check.minutes, 320);
	/* 320 minutes at 1250p */
	ck_assert_int_eq(v.row.gross_pence, 6667);
	week_view_fini(&v);
}
END_TEST

START_TEST(test_holiday_pay_counts)
{
	struct week_view v;
	struct time_preview p;
	struct session s;
	struct pd_err err;

	app.settings->holiday_pay = true;
	app.settings->holiday_pay_rate = 1207;
	as_sam();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-23", 600, NULL, NULL, &err),
	    PD_OK);
	ck_assert_int_eq(app_week_status(&app, 0, NULL, &v, &err), PD_OK);
	/* £125.00 + 12.07% (£15.09) = £140.09 */
	ck_assert_int_eq(v.row.pay_pence, 12500);
	ck_assert_int_eq(v.row.holiday_pence, 1509);
	ck_assert_int_eq(v.row.gross_pence, 14009);
	ck_assert_int_eq(v.row.check.pence, 14009);
	week_view_fini(&v);
	session_make(&s, w.ana, "2026-11-24", 60);
	ck_assert_int_eq(app_session_preview(&app, &s, &p, &err), PD_OK);
	/* 11h: £137.50 + £16.60 = £154.10, less £140.09 */
	ck_assert_int_eq(p.add_minutes, 60);
	ck_assert_int_eq(p.add_pence, 1401);
}
END_TEST

START_TEST(test_limits_of_the_first_day)
{
	struct week_view v;
	struct pd_err err;

	/* Week 2026-W14 starts Mon 30 March, under the 2025/26 limit of
	 * £195.50, though its Thursday is in April. 15h 40m at £12.50 is
	 * £195.83: over then, close a week later. */
	admin_line(w.sam, "2026-04-02", 940);
	as_sam();
	ck_assert_int_eq(app_week_status(&app, 0, "2026-W14", &v, &err), PD_OK);
	ck_assert_int_eq(v.row.check.limit_pence, 19550);
	ck_assert_int_eq(v.row.check.verdict, PERMITTED_OVER);
	ck_assert_int_eq(v.row.check.pay_over, 1);
	week_view_fini(&v);
	admin_line(w.sam, "2026-04-09", 940);
	ck_assert_int_eq(app_week_status(&app, 0, "2026-W15", &v, &err), PD_OK);
	ck_assert_int_eq(v.row.check.limit_pence, 20350);
	ck_assert_int_eq(v.row.check.verdict, PERMITTED_NEAR);
	week_view_fini(&v);
}
END_TEST

START_TEST(test_rule_in_force_on_first_day)
{
	struct week_view v;
	struct pd_err err;

	ck_assert_int_eq(db_pal_benefit_set(app.db, w.sam, RULE_UC,
	    "2026-11-24", NULL, w.manager, &err), PD_OK);
	as_sam();
	/* this week shows the rule in force today (Wednesday), and is
	 * judged against both (tests/db/check_app_ruleweek.c has more) */
	ck_assert_int_eq(app_week_status(&app, 0, "2026-W48", &v, &err), PD_OK);
	ck_assert_int_eq(v.row.rule, RULE_UC);
	ck_assert_int_eq(v.row.check.rule, RULE_PERMITTED);
	ck_assert_int_eq(v.row.check.judged, 2);
	ck_assert_str_eq(v.row.check.note, "the benefit rule changed on Tue "
	    "24 Nov: judged against both");
	week_view_fini(&v);
	ck_assert_int_eq(app_week_status(&app, 0, "2026-W49", &v, &err), PD_OK);
	ck_assert_int_eq(v.row.rule, RULE_UC);
	ck_assert_int_eq(v.row.check.verdict, PERMITTED_NA);
	week_view_fini(&v);
}
END_TEST

/* ---- going over a limit ------------------------------------------------------ */

START_TEST(test_crossing_needs_manager)
{
	struct session s;
	struct time_preview p;
	struct pd_err err;
	struct audit_find f;
	int64_t id = 0;

	admin_line(w.sam, "2026-11-23", 900);	/* 15h */
	as_sam();
	session_make(&s, w.ana, "2026-11-24", 90);
	ck_assert_int_eq(app_session_preview(&app, &s, &p, &err), PD_OK);
	ck_assert_int_eq(p.needs_override, 1);
	ck_assert_int_eq(p.needs_reason, 1);
	ck_assert_int_eq(p.change.crosses, 1);
	ck_assert_int_eq(p.change.after.hours_over, 1);
	ck_assert_str_eq(p.label, "2026-W48");
	ck_assert_msg(strstr(p.sentence, "Adding 1h 30m and \xc2\xa3"
	    "18.75: this week would be 16h 30m of less than 16h") == p.sentence,
	    "%s", p.sentence);
	ck_assert_msg(strstr(p.now, "This week: 15h of less than 16h") ==
	    p.now, "%s", p.now);
	/* the PAL cannot save it */
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-24", 90, NULL, NULL, &err),
	    PD_LIMIT);
	ck_assert_str_eq(err.field, "minutes");
	ck_assert_msg(strstr(err.msg, "The manager must agree") != NULL, "%s",
	    err.msg);
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-24", 90, "please", NULL,
	    &err), PD_LIMIT);
	/* nor can the office */
	as_office();
	ck_assert_int_eq(log_one(w.sam, w.ana, "2026-11-24", 90, "ok", NULL,
	    &err), PD_LIMIT);
	ck_assert_msg(strstr(err.msg, "\xc2\xa3") == NULL, "office sees pay: %s",
	    err.msg);
	ck_assert_int_eq(dbfix_count(app.db, "session"), 0);
	/* the manager must give a reason */
	as_manager();
	ck_assert_int_eq(log_one(w.sam, w.ana, "2026-11-24", 90, "  ", NULL,
	    &err), PD_LIMIT);
	ck_assert_str_eq(err.field, "reason");
	ck_assert_int_eq(log_one(w.sam, w.ana, "2026-11-24", 90,
	    "Ana's move to the new flat", &id, &err), PD_OK);
	ck_assert_int_eq(dbfix_count(app.db, "limit_override"), 1);
	audit_find("override", "limit_override", &f);
	ck_assert_str_eq(f.got.reason, "Ana's move to the new flat");
	ck_assert_int_eq(f.got.actor_id, w.manager);
	ck_assert_int_eq(f.got.client_id, w.ana);
	ck_assert_msg(strstr(f.got.after, "over the limit") != NULL, "%s",
	    f.got.after);
	ck_assert_msg(strstr(f.got.summary, "Sam Reid's week 2026-W48") != NULL,
	    "%s", f.got.summary);
	audit_find_fini(&f);
}
END_TEST

static int
override_line_cb(void *arg, const struct limit_override_row *row)
{
	*(int64_t *)arg = row->line_id;
	return 0;
}

START_TEST(test_override_tied_to_line)
{
	struct ts_line l;
	struct pd_err err;
	struct week_view v;
	int64_t id = 0, line_id = 0;

	admin_line(w.sam, "2026-11-23", 900);
	as_manager();
	ck_assert_int_eq(log_one(w.sam, w.ana, "2026-11-24", 90, "agreed",
	    &id, &err), PD_OK);
	memset(&l, 0, sizeof l);
	ck_assert_int_eq(db_line_by_session(app.db, id, &l, &err), PD_OK);
	ck_assert_int_eq(db_override_list(app.db, w.sam, "2026-11-23",
	    override_line_cb, &line_id, &err), PD_OK);
	ck_assert_int_eq(line_id, l.id);
	ts_line_fini(&l);
	as_sam();
	ck_assert_int_eq(app_week_status(&app, 0, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(v.overrides, 1);
	ck_assert_int_eq(v.row.check.verdict, PERMITTED_OVER);
	week_view_fini(&v);
}
END_TEST

START_TEST(test_over_week_can_shrink)
{
	struct session s;
	struct pd_err err;
	int64_t id;

	admin_line(w.sam, "2026-11-23", 900);
	as_manager();
	ck_assert_int_eq(log_one(w.sam, w.ana, "2026-11-24", 120, "agreed",
	    &id, &err), PD_OK);
	as_sam();
	ck_assert_int_eq(app_session_get(&app, id, &s, &err), PD_OK);
	/* still over, but less: no agreement needed */
	s.minutes = 90;
	ck_assert_int_eq(app_session_update(&app, &s, NULL, &err), PD_OK);
	/* more again: needed */
	s.minutes = 100;
	ck_assert_int_eq(app_session_update(&app, &s, NULL, &err), PD_LIMIT);
	session_fini(&s);
	/* and the week being over already does not excuse a new line */
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-25", 15, NULL, NULL, &err),
	    PD_LIMIT);
}
END_TEST

START_TEST(test_within_limit_is_silent)
{
	struct time_preview p;
	struct session s;
	struct pd_err err;

	admin_line(w.sam, "2026-11-23", 810);
	as_sam();
	session_make(&s, w.ana, "2026-11-24", 149);	/* to 15h 59m */
	ck_assert_int_eq(app_session_preview(&app, &s, &p, &err), PD_OK);
	ck_assert_int_eq(p.needs_override, 0);
	ck_assert_int_eq(p.change.after.verdict, PERMITTED_NEAR);
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-24", 149, NULL, NULL, &err),
	    PD_OK);
	session_make(&s, w.ana, "2026-11-24", 1);	/* to 16h */
	ck_assert_int_eq(app_session_preview(&app, &s, &p, &err), PD_OK);
	ck_assert_int_eq(p.needs_override, 1);
	ck_assert_int_eq(dbfix_count(app.db, "limit_override"), 0);
}
END_TEST

START_TEST(test_booking_checked_too)
{
	struct pd_err err;

	admin_line(w.sam, "2026-11-30", 900);
	as_sam();
	ck_assert_int_eq(log_one(0, w.ana, "2026-12-02", 90, NULL, NULL, &err),
	    PD_LIMIT);
	ck_assert_int_eq(log_one(0, w.ana, "2026-12-02", 30, NULL, NULL, &err),
	    PD_OK);
}
END_TEST

/* ---- submit, approve, locked weeks ------------------------------------------- */

START_TEST(test_submit_and_approve)
{
	struct week_waiting *ww;
	struct week_view v;
	size_t n;
	struct pd_err err;
	struct audit_find f;

	as_sam();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-23", 120, NULL, NULL, &err),
	    PD_OK);
	ck_assert_int_eq(app_week_submit(&app, w.jo, NULL, &err), PD_DENIED);
	ck_assert_int_eq(app_week_submit(&app, 0, NULL, &err), PD_OK);
	ck_assert_int_eq(app_week_submit(&app, 0, NULL, &err), PD_DUPLICATE);
	ck_assert_int_eq(app_weeks_waiting(&app, &ww, &n, &err), PD_DENIED);
	ck_assert_int_eq(app_week_status(&app, 0, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(v.week.status, WEEK_SUBMITTED);
	ck_assert_int_eq(app_week_approve(&app, v.week.id, &err), PD_DENIED);
	as_office();
	ck_assert_int_eq(app_week_approve(&app, v.week.id, &err), PD_DENIED);
	as_manager();
	ck_assert_int_eq(app_weeks_waiting(&app, &ww, &n, &err), PD_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(ww[0].week_id, v.week.id);
	ck_assert_str_eq(ww[0].pal_name, "Sam Reid");
	ck_assert_str_eq(ww[0].label, "2026-W48");
	ck_assert_int_eq(ww[0].minutes, 120);
	ck_assert_int_eq(ww[0].gross_pence, 2500);
	ck_assert_int_eq(ww[0].check.verdict, PERMITTED_OK);
	week_waiting_free(ww, n);
	ck_assert_int_eq(app_week_approve(&app, v.week.id, &err), PD_OK);
	ck_assert_int_eq(app_week_approve(&app, v.week.id, &err),
	    PD_DUPLICATE);
	ck_assert_int_eq(app_weeks_waiting(&app, &ww, &n, &err), PD_OK);
	ck_assert_int_eq(n, 0);
	free(ww);
	audit_find("approve", "timesheet_week", &f);
	ck_assert_str_eq(f.got.summary, "approved Sam Reid's week 2026-W48");
	ck_assert_str_eq(f.got.before, "submitted");
	audit_find_fini(&f);
	week_view_fini(&v);
	ck_assert_int_eq(app_week_status(&app, w.sam, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(v.week.status, WEEK_APPROVED);
	week_view_fini(&v);
	as_sam();
	ck_assert_int_eq(app_week_submit(&app, 0, NULL, &err), PD_DUPLICATE);
}
END_TEST

/* Sam's week 2026-W48 with one admin line and one session, approved. */
static void
approved_week(int64_t *session_id, struct ts_line *admin)
{
	struct week_view v;
	struct pd_err err;
	size_t i;

	admin_line(w.sam, "2026-11-23", 60);
	as_sam();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-24", 60, NULL, session_id,
	    &err), PD_OK);
	ck_assert_int_eq(app_week_submit(&app, 0, NULL, &err), PD_OK);
	as_manager();
	ck_assert_int_eq(app_week_status(&app, w.sam, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(app_week_approve(&app, v.week.id, &err), PD_OK);
	for (i = 0; i < v.n_lines; i++)
		if (v.lines[i].line.kind == LINE_ADMIN) {
			*admin = v.lines[i].line;
			admin->note = NULL;
		}
	week_view_fini(&v);
}

START_TEST(test_locked_week_pal_refused)
{
	struct ts_line admin, l;
	struct session s;
	struct pd_err err;
	int64_t sid;

	approved_week(&sid, &admin);
	as_sam();
	ck_assert_int_eq(log_one(0, w.ana, "2026-11-25", 30, NULL, NULL, &err),
	    PD_DENIED);
	ck_assert_msg(strstr(err.msg, "only the manager") != NULL, "%s",
	    err.msg);
	admin.minutes = 30;
	ck_assert_int_eq(app_line_update(&app, &admin, "oops", &err),
	    PD_DENIED);
	ck_assert_int_eq(app_line_delete(&app, admin.id, "oops", &err),
	    PD_DENIED);
	ck_assert_int_eq(app_session_get(&app, sid, &s, &err), PD_OK);
	s.minutes = 30;
	ck_assert_int_eq(app_session_update(&app, &s, NULL, &err), PD_DENIED);
	/* moving it out of the approved week is a change to it too */
	s.minutes = 60;
	snprintf(s.date, sizeof s.date, "2026-11-30");
	ck_assert_int_eq(app_session_update(&app, &s, NULL, &err), PD_DENIED);
	ck_assert_int_eq(app_session_delete(&app, sid, NULL, &err), PD_DENIED);
	session_fini(&s);
	memset(&l, 0, sizeof l);
	snprintf(l.date, sizeof l.date, "2026-11-26");
	l.minutes = 30;
	l.kind = LINE_ADMIN;
	ck_assert_int_eq(app_line_add(&app, &l, NULL, &err), PD_DENIED);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 2);
	/* next week is open */
	snprintf(l.date, sizeof l.date, "2026-11-30");
	ck_assert_int_eq(app_line_add(&app, &l, NULL, &err), PD_OK);
}
END_TEST

START_TEST(test_locked_week_manager_with_reason)
{
	struct ts_line admin;
	struct session s;
	struct pd_err err;
	struct audit_find f;
	struct week_view v;
	int64_t sid;
	char want[80];

	approved_week(&sid, &admin);
	as_manager();
	admin.minutes = 45;
	ck_assert_int_eq(app_line_update(&app, &admin, NULL, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "reason");
	ck_assert_int_eq(app_line_update(&app, &admin,
	    "Sam's admin was 45 minutes, not an hour", &err), PD_OK);
	audit_find("update", "timesheet_line", &f);
	ck_assert_str_eq(f.got.before, "2026-11-23, 1h, admin");
	ck_assert_str_eq(f.got.after, "2026-11-23, 45m, admin");
	ck_assert_str_eq(f.got.reason, "Sam's admin was 45 minutes, not an "
	    "hour");
	ck_assert_int_eq(f.got.actor_id, w.manager);
	audit_find_fini(&f);
	/* the session's line, through the session */
	ck_assert_int_eq(app_session_get(&app, sid, &s, &err), PD_OK);
	s.minutes = 75;
	ck_assert_int_eq(app_session_update(&app, &s, NULL, &err), PD_INVALID);
	ck_assert_int_eq(app_session_update(&app, &s, "ran over", &err), PD_OK);
	audit_find("update", "timesheet_line", &f);
	snprintf(want, sizeof want, "2026-11-24, 1h, session, client %lld",
	    (long long)w.ana);
	ck_assert_str_eq(f.got.before, want);
	snprintf(want, sizeof want, "2026-11-24, 1h 15m, session, client %lld",
	    (long long)w.ana);
	ck_assert_str_eq(f.got.after, want);
	ck_assert_str_eq(f.got.reason, "ran over");
	audit_find_fini(&f);
	session_fini(&s);
	/* the week stays approved */
	ck_assert_int_eq(app_week_status(&app, w.sam, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(v.week.status, WEEK_APPROVED);
	ck_assert_int_eq(v.row.minutes, 120);
	week_view_fini(&v);
	ck_assert_int_eq(app_line_delete(&app, admin.id, "", &err), PD_INVALID);
	ck_assert_int_eq(app_line_delete(&app, admin.id, "a mistake", &err),
	    PD_OK);
	audit_find("delete", "timesheet_line", &f);
	ck_assert_str_eq(f.got.before, "2026-11-23, 45m, admin");
	ck_assert_ptr_null(f.got.after);
	audit_find_fini(&f);
}
END_TEST

START_TEST(test_line_delete_and_conflict)
{
	struct ts_line l, stale;
	struct pd_err err;
	int n = 0;
	struct audit_query q;

	as_sam();
	memset(&l, 0, sizeof l);
	snprintf(l.date, sizeof l.date, "2026-11-24");
	l.minutes = 30;
	l.kind = LINE_ADMIN;
	l.note = (char[]){"rota"};
	ck_assert_int_eq(app_line_add(&app, &l, NULL, &err), PD_OK);
	stale = l;
	l.minutes = 40;
	ck_assert_int_eq(app_line_update(&app, &l, NULL, &err), PD_OK);
	ck_assert_int_eq(app_line_update(&app, &stale, NULL, &err),
	    PD_CONFLICT);
	as_jo();
	ck_assert_int_eq(app_line_delete(&app, l.id, NULL, &err), PD_NOT_FOUND);
	as_sam();
	ck_assert_int_eq(app_line_delete(&app, l.id, NULL, &err), PD_OK);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 0);
	memset(&q, 0, sizeof q);
	q.actor_id = w.sam;
	ck_assert_int_eq(db_audit_list(app.db, &q, audit_count_cb, &n, &err),
	    PD_OK);
	ck_assert_int_eq(n, 3);
}
END_TEST

static Suite *
app_time_suite(void)
{
	Suite *s = suite_create("app_time");
	TCase *tc = tcase_create("sessions");
	TCase *tw = tcase_create("weeks");
	TCase *tl = tcase_create("limits");
	TCase *ta = tcase_create("approval");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_log_own_client_makes_line);
	tcase_add_test(tc, test_log_other_pals_client_refused);
	tcase_add_test(tc, test_staff_log_for_pal);
	tcase_add_loop_test(tc, test_log_checks_fields, 0,
	    (int)(sizeof bad_sessions / sizeof bad_sessions[0]));
	tcase_add_test(tc, test_start_time_tidied);
	tcase_add_test(tc, test_booked_then_done);
	tcase_add_test(tc, test_update_session_updates_line);
	tcase_add_test(tc, test_update_line_updates_session);
	tcase_add_test(tc, test_line_get);
	tcase_add_test(tc, test_session_other_pal_not_found);
	tcase_add_test(tc, test_session_clients);
	suite_add_tcase(s, tc);

	tcase_add_checked_fixture(tw, setup, teardown);
	tcase_add_test(tw, test_week_status_sentence);
	tcase_add_test(tw, test_week_status_who_sees_what);
	tcase_add_test(tw, test_week_parse);
	tcase_add_test(tw, test_all_paid_time_counts);
	tcase_add_test(tw, test_holiday_pay_counts);
	tcase_add_test(tw, test_limits_of_the_first_day);
	tcase_add_test(tw, test_rule_in_force_on_first_day);
	suite_add_tcase(s, tw);

	tcase_add_checked_fixture(tl, setup, teardown);
	tcase_add_test(tl, test_crossing_needs_manager);
	tcase_add_test(tl, test_override_tied_to_line);
	tcase_add_test(tl, test_over_week_can_shrink);
	tcase_add_test(tl, test_within_limit_is_silent);
	tcase_add_test(tl, test_booking_checked_too);
	suite_add_tcase(s, tl);

	tcase_add_checked_fixture(ta, setup, teardown);
	tcase_add_test(ta, test_submit_and_approve);
	tcase_add_test(ta, test_locked_week_pal_refused);
	tcase_add_test(ta, test_locked_week_manager_with_reason);
	tcase_add_test(ta, test_line_delete_and_conflict);
	suite_add_tcase(s, ta);
	return s;
}

PD_TEST_MAIN(app_time_suite)
