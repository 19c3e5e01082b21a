/* Tier 2: groups and drop-ins through the use cases: who sees which
 * group, the register (clients by record, first names, a count), what a
 * PAL sees of a client who is not theirs, and a facilitating PAL's paid
 * time in their week and its verdict. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/groups.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/app/privacy.h"
#include "peerdesk/model/sar.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"

static struct app app;
static struct dbfix_world w;
static int64_t walk;

static void
as(int64_t id, enum role r, const char *login)
{
	appfix_act_as(&app, id, r, login);
}

/* Today is Wednesday 2026-11-25.  Jo runs the walking group; Sam runs
 * nothing.  Ana is Sam's client, Ben is Jo's. */
static void
setup(void)
{
	struct group g;
	struct pd_err err;

	appfix_open(&app);
	dbfix_world(app.db, &w);
	dbfix_today("2026-11-25");
	as(w.office, ROLE_OFFICE, "olive");
	memset(&g, 0, sizeof g);
	g.name = (char[]){"Walking group"};
	g.kind = GROUP_WALK;
	g.usual_day = 4;
	snprintf(g.usual_time, sizeof g.usual_time, "13:30");
	ck_assert_msg(app_group_add(&app, &g, &w.jo, 1, &err) == PD_OK, "%s",
	    err.msg);
	walk = g.id;
}

static void
teardown(void)
{
	dbfix_today(NULL);
	app_close(&app);
}

static enum pd_status
meeting(const char *date, int minutes, const struct group_came *c,
    size_t n, int extra, const char *reason, struct pd_err *err)
{
	struct group_meeting m;

	memset(&m, 0, sizeof m);
	m.group_id = walk;
	snprintf(m.date, sizeof m.date, "%s", date);
	m.minutes = minutes;
	m.extra_count = extra;
	return app_group_meeting_add(&app, &m, NULL, 0, c, n, reason, err);
}

START_TEST(test_register_counts)
{
	struct group_came c[4];
	struct group_detail d;
	struct pd_err err;

	memset(c, 0, sizeof c);
	c[0].client_id = w.ana;
	c[1].client_id = w.ben;
	c[2].first_name = "  Kim ";
	c[3].client_id = w.ana;		/* twice: counted once */
	ck_assert_msg(meeting("2026-11-19", 90, c, 4, 2, NULL, &err) == PD_OK,
	    "%s", err.msg);
	memset(c, 0, sizeof c);
	c[0].client_id = w.ben;
	c[1].first_name = "kim";
	ck_assert_int_eq(meeting("2026-11-12", 90, c, 2, 0, NULL, &err),
	    PD_OK);
	ck_assert_int_eq(app_group_get(&app, walk, 0, &d, &err), PD_OK);
	ck_assert_int_eq(d.row.meetings, 2);
	/* Ana, Ben, Kim (any case) */
	ck_assert_int_eq(d.row.people, 3);
	/* 3 named + 2 unnamed, then 2 */
	ck_assert_int_eq(d.row.attendances, 7);
	ck_assert_str_eq(d.row.facilitators, "Jo Evans");
	ck_assert_uint_eq(d.nregulars, 3);
	ck_assert_int_eq(d.regulars[1].times, 2);	/* Ben */
	ck_assert_str_eq(d.row.last, "2026-11-19");
	group_detail_fini(&d);
}
END_TEST

START_TEST(test_bad_meetings_refused)
{
	struct group_came c;
	struct pd_err err;

	memset(&c, 0, sizeof c);
	ck_assert_int_eq(meeting("2026-11-26", 90, NULL, 0, 0, NULL, &err),
	    PD_INVALID);
	ck_assert_str_eq(err.field, "date");
	ck_assert_int_eq(meeting("2026-11-19", 0, NULL, 0, 0, NULL, &err),
	    PD_INVALID);
	c.first_name = "   ";
	ck_assert_int_eq(meeting("2026-11-19", 60, &c, 1, 0, NULL, &err),
	    PD_INVALID);
	c.first_name = NULL;
	c.regular = 7;
	ck_assert_int_eq(meeting("2026-11-19", 60, &c, 1, 0, NULL, &err),
	    PD_INVALID);
	/* nothing half-saved */
	ck_assert_int_eq(dbfix_count(app.db, "group_meeting"), 0);
	ck_assert_int_eq(dbfix_count(app.db, "group_attendance"), 0);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 0);
}
END_TEST

START_TEST(test_pal_sees_own_groups_only)
{
	struct group_row *v;
	struct group_detail d;
	struct pd_err err;
	int64_t id;
	size_t n;

	as(w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_groups_list(&app, 1, &v, &n, &err), PD_OK);
	ck_assert_uint_eq(n, 0);
	group_rows_free(v, n);
	ck_assert_int_eq(app_group_get(&app, walk, 0, &d, &err), PD_DENIED);
	ck_assert_int_eq(app_group_find(&app, "Walking group", &id, &err),
	    PD_DENIED);
	ck_assert_int_eq(meeting("2026-11-19", 60, NULL, 0, 0, NULL, &err),
	    PD_DENIED);
	as(w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_groups_list(&app, 1, &v, &n, &err), PD_OK);
	ck_assert_uint_eq(n, 1);
	group_rows_free(v, n);
	ck_assert_int_eq(app_group_find(&app, "walking GROUP", &id, &err),
	    PD_OK);
	ck_assert_int_eq(id, walk);
}
END_TEST

/* A client who is not Jo's but comes to Jo's group: Jo sees the first
 * name only, never the record; Jo may mark them present by their number
 * in the group's list, not by their record. */
START_TEST(test_pal_sees_first_name_only)
{
	struct group_came c[2];
	struct group_attendee *who;
	struct group_detail d;
	struct group_meeting m;
	struct pd_err err;
	size_t n, i;
	int saw_ana = 0, saw_ben = 0, ana_no = 0;

	memset(c, 0, sizeof c);
	c[0].client_id = w.ana;
	c[1].client_id = w.ben;
	ck_assert_int_eq(meeting("2026-11-19", 90, c, 2, 0, NULL, &err),
	    PD_OK);
	as(w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_group_get(&app, walk, 0, &d, &err), PD_OK);
	for (i = 0; i < d.nregulars; i++) {
		if (strcmp(d.regulars[i].name, "Ana") == 0) {
			ck_assert_int_eq(d.regulars[i].client_id, 0);
			ana_no = d.regulars[i].no;
		}
		ck_assert_ptr_null(strstr(d.regulars[i].name, "Silva"));
	}
	ck_assert_int_ne(ana_no, 0);
	ck_assert_int_eq(app_group_meeting_get(&app, d.meetings[0].id, &m,
	    &who, &n, &err), PD_OK);
	for (i = 0; i < n; i++) {
		if (strcmp(who[i].name, "Ana") == 0 && who[i].client_id == 0)
			saw_ana = 1;
		if (strcmp(who[i].name, "Ben Carter") == 0 &&
		    who[i].client_id == w.ben)
			saw_ben = 1;
	}
	ck_assert(saw_ana && saw_ben);
	group_attendees_free(who, n);
	group_meeting_fini(&m);
	group_detail_fini(&d);

	/* By record: refused; by the group's number: Ana's record. */
	memset(c, 0, sizeof c);
	c[0].client_id = w.ana;
	ck_assert_int_eq(meeting("2026-11-24", 60, c, 1, 0, NULL, &err),
	    PD_DENIED);
	memset(c, 0, sizeof c);
	c[0].regular = ana_no;
	ck_assert_msg(meeting("2026-11-24", 60, c, 1, 0, NULL, &err) ==
	    PD_OK, "%s", err.msg);
	as(w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_group_get(&app, walk, 0, &d, &err), PD_OK);
	ck_assert_int_eq(d.regulars[0].client_id, w.ana);
	ck_assert_int_eq(d.regulars[0].times, 2);
	group_detail_fini(&d);
}
END_TEST

static int
week_minutes(int64_t pal, const char *week, int *over)
{
	struct week_view v;
	struct pd_err err;
	int m;

	ck_assert_msg(app_week_status(&app, pal, week, &v, &err) == PD_OK,
	    "%s", err.msg);
	m = v.row.minutes;
	if (over != NULL)
		*over = v.row.check.hours_over;
	week_view_fini(&v);
	return m;
}

/* Jo running a meeting is paid: a line in Jo's week, counted towards
 * permitted work; over the limit it needs the manager's reason, and the
 * week's verdict says over. */
START_TEST(test_paid_time_in_week)
{
	struct time_preview *pv;
	struct group_meeting m;
	struct pd_err err;
	size_t n;
	int over;

	as(w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(week_minutes(w.jo, "2026-W48", NULL), 0);
	as(w.jo, ROLE_PAL, "jo");
	memset(&m, 0, sizeof m);
	m.group_id = walk;
	snprintf(m.date, sizeof m.date, "2026-11-24");
	m.minutes = 14 * 60;
	ck_assert_int_eq(app_group_meeting_preview(&app, &m, NULL, 0, &pv, &n,
	    &err), PD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_ptr_nonnull(strstr(pv[0].sentence, "14h"));
	ck_assert_ptr_nonnull(strstr(pv[0].sentence, "less than 16h"));
	free(pv);
	ck_assert_int_eq(meeting("2026-11-24", 14 * 60, NULL, 0, 3, NULL,
	    &err), PD_OK);
	ck_assert_int_eq(week_minutes(w.jo, "2026-W48", &over), 14 * 60);
	ck_assert_int_eq(over, 0);
	/* Two more hours would reach 16h: Jo alone may not. */
	ck_assert_int_eq(meeting("2026-11-25", 120, NULL, 0, 0, NULL, &err),
	    PD_LIMIT);
	ck_assert_int_eq(week_minutes(w.jo, "2026-W48", NULL), 14 * 60);
	as(w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(meeting("2026-11-25", 120, NULL, 0, 0, NULL, &err),
	    PD_LIMIT);
	ck_assert_msg(meeting("2026-11-25", 120, NULL, 0, 0, "agreed: the "
	    "walk ran long", &err) == PD_OK, "%s", err.msg);
	ck_assert_int_eq(week_minutes(w.jo, "2026-W48", &over), 16 * 60);
	ck_assert_int_eq(over, 1);
	ck_assert_int_eq(dbfix_count(app.db, "limit_override"), 1);
	/* Sam did not run it: nothing in Sam's week. */
	ck_assert_int_eq(week_minutes(w.sam, "2026-W48", NULL), 0);
	/* The line follows the meeting: the week cannot change it. */
	{
		struct week_view v;
		struct ts_line l;
		size_t i;
		int tried = 0;

		ck_assert_int_eq(app_week_status(&app, w.jo, "2026-W48", &v,
		    &err), PD_OK);
		for (i = 0; i < v.n_lines; i++) {
			if (v.lines[i].line.note == NULL || strncmp(
			    v.lines[i].line.note, "group: ", 7) != 0)
				continue;
			l = v.lines[i].line;
			l.minutes = 30;
			ck_assert_int_eq(app_line_update(&app, &l, "less",
			    &err), PD_INVALID);
			ck_assert_ptr_nonnull(strstr(err.msg, "group meeting"));
			tried = 1;
			break;
		}
		ck_assert(tried);
		week_view_fini(&v);
	}
}
END_TEST

/* The week id of pal's week (as manager). */
static int64_t
week_id_of(int64_t pal, const char *week)
{
	struct week_view v;
	struct pd_err err;
	int64_t id;

	ck_assert_msg(app_week_status(&app, pal, week, &v, &err) == PD_OK,
	    "%s", err.msg);
	id = v.week.id;
	week_view_fini(&v);
	return id;
}

/* The line for running a group meeting in pal's week (0 when none). */
static int64_t
group_line_of(int64_t pal, const char *week, struct ts_line *out)
{
	struct week_view v;
	struct pd_err err;
	int64_t id = 0;
	size_t i;

	ck_assert_int_eq(app_week_status(&app, pal, week, &v, &err), PD_OK);
	for (i = 0; i < v.n_lines; i++)
		if (v.lines[i].line.note != NULL && strncmp(
		    v.lines[i].line.note, "group: ", 7) == 0) {
			id = v.lines[i].line.id;
			if (out != NULL) {
				*out = v.lines[i].line;
				out->note = NULL;
			}
			break;
		}
	week_view_fini(&v);
	return id;
}

/* A meeting is corrected and removed; Jo's paid line follows it through
 * the week rules (an approved week: the manager and a reason, kept as an
 * adjustment); the line itself cannot be removed from the week. */
START_TEST(test_meeting_correct_remove)
{
	struct group_meeting m;
	struct group_attendee *who;
	struct ts_line l;
	struct pd_err err;
	int64_t audits, line;
	size_t n;

	memset(&m, 0, sizeof m);
	m.group_id = walk;
	snprintf(m.date, sizeof m.date, "2026-11-19");
	m.minutes = 90;
	ck_assert_int_eq(app_group_meeting_add(&app, &m, NULL, 0, NULL, 0,
	    NULL, &err), PD_OK);
	as(w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(week_minutes(w.jo, "2026-W47", NULL), 90);
	/* the week cannot remove it: it points to the meeting */
	line = group_line_of(w.jo, "2026-W47", NULL);
	ck_assert(line != 0);
	ck_assert_int_eq(app_line_delete(&app, line, "gone", &err),
	    PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "group meeting"));
	ck_assert_ptr_nonnull(strstr(err.msg, "change or remove the meeting"));
	ck_assert_int_eq(week_minutes(w.jo, "2026-W47", NULL), 90);

	/* Correct its day and length: the line moves to the next week. */
	as(w.office, ROLE_OFFICE, "olive");
	audits = dbfix_count(app.db, "audit");
	ck_assert_int_eq(app_group_meeting_get(&app, m.id, &m, &who, &n,
	    &err), PD_OK);
	group_attendees_free(who, n);
	snprintf(m.date, sizeof m.date, "2026-11-24");
	m.minutes = 60;
	ck_assert_msg(app_group_meeting_update(&app, &m, NULL, &err) == PD_OK,
	    "%s", err.msg);
	ck_assert(dbfix_count(app.db, "audit") >= audits + 2);
	as(w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(week_minutes(w.jo, "2026-W47", NULL), 0);
	ck_assert_int_eq(week_minutes(w.jo, "2026-W48", NULL), 60);
	ck_assert(group_line_of(w.jo, "2026-W48", NULL) != 0);
	/* an old copy is refused */
	m.version--;
	m.minutes = 75;
	ck_assert_int_eq(app_group_meeting_update(&app, &m, NULL, &err),
	    PD_CONFLICT);
	m.version++;

	/* The manager approves Jo's week: now only the manager, with a
	 * reason, and the change is kept as an adjustment. */
	ck_assert_int_eq(app_week_approve(&app, week_id_of(w.jo, "2026-W48"),
	    &err), PD_OK);
	as(w.office, ROLE_OFFICE, "olive");
	m.minutes = 120;
	ck_assert_int_eq(app_group_meeting_update(&app, &m, "longer", &err),
	    PD_DENIED);
	as(w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_group_meeting_update(&app, &m, NULL, &err),
	    PD_INVALID);
	ck_assert_str_eq(err.field, "reason");
	ck_assert_int_eq(week_minutes(w.jo, "2026-W48", NULL), 60);
	ck_assert_int_eq(dbfix_count(app.db, "week_adjustment"), 0);
	ck_assert_msg(app_group_meeting_update(&app, &m, "the walk ran long",
	    &err) == PD_OK, "%s", err.msg);
	ck_assert_int_eq(week_minutes(w.jo, "2026-W48", NULL), 120);
	ck_assert_int_eq(dbfix_count(app.db, "week_adjustment"), 1);
	/* nor can the line be changed from the week */
	ck_assert(group_line_of(w.jo, "2026-W48", &l) != 0);
	l.minutes = 30;
	ck_assert_int_eq(app_line_update(&app, &l, "less", &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "change or remove the meeting"));

	/* Removing it: the manager with a reason; the line goes too. */
	as(w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_group_meeting_delete(&app, m.id, "mistake",
	    &err), PD_DENIED);
	as(w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_group_meeting_delete(&app, m.id, NULL, &err),
	    PD_INVALID);
	ck_assert_int_eq(dbfix_count(app.db, "group_meeting"), 1);
	audits = dbfix_count(app.db, "audit");
	ck_assert_msg(app_group_meeting_delete(&app, m.id, "typed twice",
	    &err) == PD_OK, "%s", err.msg);
	ck_assert_int_eq(dbfix_count(app.db, "group_meeting"), 0);
	ck_assert_int_eq(week_minutes(w.jo, "2026-W48", NULL), 0);
	ck_assert_int_eq(dbfix_count(app.db, "week_adjustment"), 2);
	ck_assert(dbfix_count(app.db, "audit") >= audits + 2);
	group_meeting_fini(&m);
}
END_TEST

/* A group no longer running is kept, listed apart, takes no meetings,
 * and can be started again; only the office or manager may do it. */
START_TEST(test_group_stop_start)
{
	struct group_row *v;
	struct pd_err err;
	size_t n;

	as(w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_group_set_active(&app, walk, 0, &err),
	    PD_DENIED);
	as(w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_group_set_active(&app, walk, 0, &err), PD_OK);
	ck_assert_int_eq(app_group_set_active(&app, walk, 0, &err),
	    PD_INVALID);
	ck_assert_int_eq(meeting("2026-11-19", 60, NULL, 0, 0, NULL, &err),
	    PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "no longer running"));
	ck_assert_int_eq(app_groups_list(&app, 0, &v, &n, &err), PD_OK);
	ck_assert_uint_eq(n, 0);
	group_rows_free(v, n);
	ck_assert_int_eq(app_groups_list(&app, 1, &v, &n, &err), PD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(v[0].g.active, 0);
	group_rows_free(v, n);
	ck_assert_int_eq(app_group_set_active(&app, walk, 1, &err), PD_OK);
	ck_assert_int_eq(meeting("2026-11-19", 60, NULL, 0, 0, NULL, &err),
	    PD_OK);
}
END_TEST

/* A goal that names a group: the client's printed copy says which. */
START_TEST(test_goal_group_on_copy)
{
	struct plan_doc_goal g;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;

	memset(&g, 0, sizeof g);
	g.goal.area = GOAL_CONNECT;
	g.goal.title = xstrdup("Go on the Thursday walk");
	ck_assert_msg(app_goal_save(&app, w.ben, &g, &err) == PD_OK, "%s",
	    err.msg);
	ck_assert_int_eq(app_plan_copy_text(&app, w.ben, 72, &sb, &err),
	    PD_OK);
	ck_assert_ptr_null(strstr(sb.buf, "With the group"));
	strbuf_reset(&sb);
	ck_assert_int_eq(app_goal_group_set(&app, g.goal.id, walk, &err),
	    PD_OK);
	ck_assert_int_eq(app_plan_copy_text(&app, w.ben, 72, &sb, &err),
	    PD_OK);
	ck_assert_msg(strstr(sb.buf, "With the group: Walking group.") != NULL,
	    "%s", sb.buf);
	strbuf_fini(&sb);
	plan_goal_fini(&g.goal);
}
END_TEST

START_TEST(test_client_groups_and_goal)
{
	struct group_came c;
	struct group_row *v;
	struct pd_err err;
	size_t n;

	memset(&c, 0, sizeof c);
	c.client_id = w.ben;
	ck_assert_int_eq(meeting("2026-11-19", 90, &c, 1, 0, NULL, &err),
	    PD_OK);
	ck_assert_int_eq(app_client_groups(&app, w.ben, &v, &n, &err), PD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0].g.name, "Walking group");
	ck_assert_int_eq(v[0].meetings, 1);
	group_rows_free(v, n);
	ck_assert_int_eq(app_client_groups(&app, w.ana, &v, &n, &err), PD_OK);
	ck_assert_uint_eq(n, 0);
	group_rows_free(v, n);
	/* Sam may not ask about Ben. */
	as(w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_client_groups(&app, w.ben, &v, &n, &err),
	    PD_DENIED);
	ck_assert_int_eq(app_goal_group_set(&app, 999, walk, &err),
	    PD_DENIED);
	ck_assert_int_eq(app_quote_set(&app, 1, 1, 1, &err), PD_DENIED);
}
END_TEST

/* Everything held about a client includes the groups they came to. */
START_TEST(test_sar_has_groups)
{
	struct group_came c;
	struct sar_bundle b;
	const struct sar_section *sec;
	struct pd_err err;

	memset(&c, 0, sizeof c);
	c.client_id = w.ben;
	ck_assert_int_eq(meeting("2026-11-19", 90, &c, 1, 0, NULL, &err),
	    PD_OK);
	ck_assert_int_eq(meeting("2026-11-12", 90, NULL, 0, 4, NULL, &err),
	    PD_OK);
	as(w.manager, ROLE_MANAGER, "maya");
	ck_assert_msg(app_sar_collect(&app, w.ben, &b, &err) == PD_OK, "%s",
	    err.msg);
	sec = sar_find(&b, "groups");
	ck_assert_ptr_nonnull(sec);
	ck_assert_uint_eq(sec->n, 1);
	ck_assert_str_eq(sec->recs[0].title, "Walking group on 2026-11-19");
	sar_bundle_fini(&b);
}
END_TEST

START_TEST(test_add_checks)
{
	struct group g;
	struct pd_err err;

	memset(&g, 0, sizeof g);
	g.name = (char[]){"walking GROUP"};
	g.kind = GROUP_WALK;
	ck_assert_int_eq(app_group_add(&app, &g, NULL, 0, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "name");
	g.name = (char[]){"Communal meal"};
	snprintf(g.usual_time, sizeof g.usual_time, "25:00");
	ck_assert_int_eq(app_group_add(&app, &g, NULL, 0, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "time");
	as(w.jo, ROLE_PAL, "jo");
	g.usual_time[0] = '\0';
	ck_assert_int_eq(app_group_add(&app, &g, NULL, 0, &err), PD_DENIED);
}
END_TEST

/* Correcting a saved meeting's register: add and take out clients and
 * first names and change the count, in the scope of taking it (Jo takes
 * out Sam's client Ana by the first name Jo sees); a stale copy is
 * refused naming who changed it; nothing half-saved; audited with
 * clients only as "client #N". */
struct reg_audit {
	int found;
	char text[512];
};

static int
reg_audit_cb(void *arg, const struct audit_entry *a)
{
	struct reg_audit *r = arg;

	if (strcmp(a->entity, "group_meeting") != 0 || a->summary == NULL ||
	    strstr(a->summary, "corrected who came") == NULL)
		return 0;
	r->found = 1;
	snprintf(r->text, sizeof r->text, "%s | %s | %s", a->summary,
	    a->before != NULL ? a->before : "", a->after != NULL ? a->after :
	    "");
	return 1;
}

static int
reg_has(int64_t meeting_id, const char *name, int64_t client_id)
{
	struct group_attendee *who;
	struct group_meeting m;
	struct pd_err err;
	size_t n, i;
	int yes = 0;

	ck_assert_msg(app_group_meeting_get(&app, meeting_id, &m, &who, &n,
	    &err) == PD_OK, "%s", err.msg);
	for (i = 0; i < n; i++)
		if ((client_id != 0 && who[i].client_id == client_id) ||
		    (client_id == 0 && who[i].client_id == 0 &&
		    strcmp(who[i].name, name) == 0))
			yes = 1;
	group_attendees_free(who, n);
	group_meeting_fini(&m);
	return yes;
}

START_TEST(test_register_correct)
{
	struct group_came c[3], add[2], drop[2];
	struct group_attendee *who;
	struct group_meeting m, stale, mj;
	struct audit_query q;
	struct reg_audit ra;
	struct pd_err err;
	size_t n;

	memset(c, 0, sizeof c);
	c[0].client_id = w.ana;
	c[1].client_id = w.ben;
	c[2].first_name = "Pat";
	memset(&m, 0, sizeof m);
	m.group_id = walk;
	snprintf(m.date, sizeof m.date, "2026-11-19");
	m.minutes = 90;
	m.extra_count = 1;
	ck_assert_int_eq(app_group_meeting_add(&app, &m, NULL, 0, c, 3, NULL,
	    &err), PD_OK);
	ck_assert_int_eq(app_group_meeting_get(&app, m.id, &stale, &who, &n,
	    &err), PD_OK);
	group_attendees_free(who, n);

	/* Jo runs the walk: takes out Ana (not Jo's: a first name to Jo),
	 * adds Kim by first name, and says 3 others came. */
	as(w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_group_meeting_get(&app, m.id, &mj, &who, &n,
	    &err), PD_OK);
	group_attendees_free(who, n);
	memset(add, 0, sizeof add);
	memset(drop, 0, sizeof drop);
	drop[0].first_name = "ana";
	add[0].first_name = "Kim";
	ck_assert_msg(app_group_register_change(&app, &mj, add, 1, drop, 1, 3,
	    &err) == PD_OK, "%s", err.msg);
	ck_assert_int_eq(mj.extra_count, 3);
	/* Jo may not name Ana by record; Ben twice is refused by name */
	memset(add, 0, sizeof add);
	add[0].client_id = w.ana;
	ck_assert_int_eq(app_group_register_change(&app, &mj, add, 1, NULL, 0,
	    -1, &err), PD_DENIED);
	add[0].client_id = w.ben;
	ck_assert_int_eq(app_group_register_change(&app, &mj, add, 1, NULL, 0,
	    -1, &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "already"));
	/* Nothing half-saved: Lee is not added when Zed is not there */
	memset(add, 0, sizeof add);
	memset(drop, 0, sizeof drop);
	add[0].first_name = "Lee";
	drop[0].first_name = "Zed";
	ck_assert_int_eq(app_group_register_change(&app, &mj, add, 1, drop, 1,
	    5, &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "Zed is not in"));
	ck_assert(!reg_has(m.id, "Lee", 0));

	/* Sam runs no group: refused. */
	as(w.sam, ROLE_PAL, "sam");
	memset(add, 0, sizeof add);
	add[0].first_name = "Lee";
	ck_assert_int_eq(app_group_register_change(&app, &mj, add, 1, NULL, 0,
	    -1, &err), PD_DENIED);

	/* The office's copy from before Jo's change is refused, naming Jo. */
	as(w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_group_register_change(&app, &stale, add, 1, NULL,
	    0, -1, &err), PD_CONFLICT);
	ck_assert_msg(strstr(err.msg, "Jo Evans") != NULL, "%s", err.msg);
	ck_assert(!reg_has(m.id, "Lee", 0));
	ck_assert(!reg_has(m.id, NULL, w.ana));
	ck_assert(reg_has(m.id, NULL, w.ben));
	ck_assert(reg_has(m.id, "Kim", 0));
	ck_assert(reg_has(m.id, "Pat", 0));
	ck_assert_int_eq(app_group_meeting_get(&app, m.id, &stale, &who, &n,
	    &err), PD_OK);
	group_attendees_free(who, n);
	ck_assert_int_eq(stale.came, 1 + 2 + 3);

	/* Audited: clients only as "client #N", no first names. */
	memset(&q, 0, sizeof q);
	memset(&ra, 0, sizeof ra);
	q.text = "corrected who came";
	ck_assert_int_eq(db_audit_list(app.db, &q, reg_audit_cb, &ra, &err),
	    PD_OK);
	ck_assert(ra.found);
	ck_assert_msg(strstr(ra.text, "client #") != NULL, "%s", ra.text);
	ck_assert_ptr_null(strstr(ra.text, "Ana"));
	ck_assert_ptr_null(strstr(ra.text, "Kim"));
	ck_assert_ptr_null(strstr(ra.text, "Pat"));

	/* The office, with a fresh copy: Ben out by record, Ana back in. */
	memset(add, 0, sizeof add);
	memset(drop, 0, sizeof drop);
	add[0].client_id = w.ana;
	drop[0].client_id = w.ben;
	ck_assert_msg(app_group_register_change(&app, &stale, add, 1, drop, 1,
	    -1, &err) == PD_OK, "%s", err.msg);
	ck_assert(reg_has(m.id, NULL, w.ana));
	ck_assert(!reg_has(m.id, NULL, w.ben));
	drop[0].client_id = w.ben;
	ck_assert_int_eq(app_group_register_change(&app, &stale, NULL, 0,
	    drop, 1, -1, &err), PD_INVALID);
	group_meeting_fini(&stale);
	group_meeting_fini(&mj);
	group_meeting_fini(&m);
}
END_TEST

static Suite *
app_groups_suite(void)
{
	Suite *s = suite_create("app_groups");
	TCase *tc = tcase_create("groups");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_register_counts);
	tcase_add_test(tc, test_bad_meetings_refused);
	tcase_add_test(tc, test_pal_sees_own_groups_only);
	tcase_add_test(tc, test_pal_sees_first_name_only);
	tcase_add_test(tc, test_paid_time_in_week);
	tcase_add_test(tc, test_client_groups_and_goal);
	tcase_add_test(tc, test_sar_has_groups);
	tcase_add_test(tc, test_add_checks);
	tcase_add_test(tc, test_meeting_correct_remove);
	tcase_add_test(tc, test_register_correct);
	tcase_add_test(tc, test_group_stop_start);
	tcase_add_test(tc, test_goal_group_on_copy);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(app_groups_suite)
