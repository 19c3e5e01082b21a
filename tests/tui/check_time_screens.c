/* Tier 3: the session, week, timesheets and weekly hours screens over a
 * real database (appfix), without a terminal: golden screens at 40x15
 * and 80x24, the keys a PAL needs to log a session, the warning before
 * crossing a limit, the manager's reason, submitting and approving. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/dashboard.h"
#include "peerdesk/app/sessions.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "peerdesk/db/session.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"
#include "peerdesk/tui/form.h"
#include "tui/support/screenfix.h"
#include "peerdesk/tui/keys.h"
#include "peerdesk/tui/screens.h"

static struct app app;
static struct dbfix_world w;
static struct tui_config cfg;
static struct harness *h;

static const char *
fixed_today(void *a, char buf[11])
{
	(void)a;
	memcpy(buf, "2026-11-25", 11);
	return buf;
}

static int
no_editor(const char *path, void *ctx)
{
	(void)path;
	(void)ctx;
	return 1;
}

/* Sam has three clients; today is Wednesday 2026-11-25 (week 2026-W48). */
static void
setup(void)
{
	appfix_open(&app);
	dbfix_world(app.db, &w);
	dbfix_assign(app.db, w.ben, w.sam, "2026-02-01");
	dbfix_assign(app.db, w.chloe, w.sam, "2026-03-01");
	dbfix_today("2026-11-25");
	memset(&cfg, 0, sizeof cfg);
	cfg.app = &app;
	cfg.today = fixed_today;
	cfg.run_editor = no_editor;
	unsetenv("NO_COLOR");
	h = NULL;
}

static void
teardown(void)
{
	harness_free(&h);
	dbfix_today(NULL);
	app_close(&app);
}

static void
start(int cols, int rows, const struct screen_ops *ops, const void *arg)
{
	h = screenfix_start(cols, rows, &cfg, ops, arg);
}

static void
keys(const char *script)
{
	screenfix_keys(h, script);
}

static void
golden(const char *name)
{
	screenfix_golden(h, "", name);
}

static bool
screen_has(const char *text)
{
	char *s = harness_screen(h);
	bool found = strstr(s, text) != NULL;

	if (!found)
		fprintf(stderr, "--- screen, wanted \"%s\":\n%s\n", text, s);
	free(s);
	return found;
}

static bool
screen_has_quiet(const char *text)
{
	char *s = harness_screen(h);
	bool found = strstr(s, text) != NULL;

	free(s);
	return found;
}

static struct screen *
top(void)
{
	return tui_top(harness_tui(h));
}

/* An admin line for pal straight into the database. */
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
	ck_assert_int_eq(db_line_insert(app.db, &l, 0, &err), PD_OK);
}

/* ---- Log a session -------------------------------------------------------- */

START_TEST(test_session_40x15)
{
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	admin_line(w.sam, "2026-11-23", 690);
	start(40, 15, &session_screen, NULL);
	golden("session_40x15");
	ck_assert_str_eq(form_focus_id(top()), "client");
}
END_TEST

START_TEST(test_session_80x24)
{
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	admin_line(w.sam, "2026-11-23", 690);
	start(80, 24, &session_screen, NULL);
	keys("b<Tab><Tab><Tab>2h<Tab>");
	golden("session_80x24");
}
END_TEST

/* The journey: Jo on the bus logs yesterday's session with a client: 2h
 * in town, a line of what they did and what went well.  The keys other
 * than the words of the note must be no more than 25. */
START_TEST(test_session_keystrokes)
{
	static const struct { const char *s; bool words; } steps[] = {
		{ "b", false },			/* client: Ben Carter */
		{ "<Tab>", false },
		{ "<C-u>-1<Tab>", false },	/* date: yesterday */
		{ "<Tab>", false },		/* start: skipped */
		{ "2h<Tab>", false },		/* how long */
		{ "t<Tab>", false },		/* where: town */
		{ "Walked into town and had a coffee.", true },
		{ "<Tab>", false },
		{ "Ben ordered for himself.", true },
		{ "<Tab>", false },
		{ "<C-s>", false },		/* save */
	};
	struct tui_key ks[64];
	struct session s;
	struct pd_err err;
	size_t i, n, count = 0;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	admin_line(w.sam, "2026-11-23", 690);
	start(40, 15, &session_screen, NULL);
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		if (i == sizeof steps / sizeof steps[0] - 1)
			/* before saving: the week with this session in it */
			ck_assert(screen_has("This week: 13h 30m of less than"));
		keys(steps[i].s);
		if (!steps[i].words) {
			ck_assert_int_eq(keys_script(steps[i].s, ks, 64, &n,
			    &err), PD_OK);
			count += n;
		}
	}
	ck_assert_msg(count <= 25, "%zu keys besides the words", count);
	ck_assert_int_eq(count, 15);
	ck_assert_int_eq(dbfix_count(app.db, "session"), 1);
	ck_assert_ptr_null(top());	/* saved and closed */
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(db_session_get(app.db, 1, 0, &s, &err), PD_OK);
	ck_assert_int_eq(s.client_id, w.ben);
	ck_assert_str_eq(s.date, "2026-11-24");
	ck_assert_int_eq(s.minutes, 120);
	ck_assert_int_eq(s.place, PLACE_TOWN);
	ck_assert_str_eq(s.did, "Walked into town and had a coffee.");
	ck_assert_str_eq(s.went_well, "Ben ordered for himself.");
	ck_assert_ptr_null(s.follow_up);
	session_fini(&s);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 2);
}
END_TEST

START_TEST(test_session_before_saving_shows_week)
{
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	admin_line(w.sam, "2026-11-23", 690);
	start(40, 15, &session_screen, NULL);
	/* nothing typed yet: the week as it stands */
	ck_assert(screen_has("This week: 11h 30m of less"));
	keys("a<Tab><Tab><Tab>2h");
	/* the duration counts as soon as it reads */
	ck_assert(screen_has("This week: 13h 30m of less"));
	keys("<C-u>90m");
	ck_assert(screen_has("This week: 13h of less than"));
}
END_TEST

START_TEST(test_session_crossing_warns_pal)
{
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	admin_line(w.sam, "2026-11-23", 810);
	start(40, 15, &session_screen, NULL);
	keys("a<Tab><Tab><Tab>3h<Tab>t<Tab>");
	golden("session_over_40x15");
	ck_assert(screen_has("That is over the limit: the manager must"));
	keys("<C-s>");
	ck_assert_int_eq(dbfix_count(app.db, "session"), 0);
	ck_assert_ptr_nonnull(top());
	ck_assert_str_eq(form_focus_id(top()), "minutes");
	golden("session_over_refused_40x15");
}
END_TEST

START_TEST(test_session_manager_gives_reason)
{
	struct session_screen_arg a = { 0, 0, 0 };
	struct audit_query q;
	struct pd_err err;

	a.pal_id = w.sam;
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	admin_line(w.sam, "2026-11-23", 810);
	start(80, 24, &session_screen, &a);
	keys("a<Tab><Tab><Tab>3h<Tab>h<Tab>");
	ck_assert(screen_has("saving asks for the reason you agree"));
	keys("<C-s>");
	ck_assert(screen_has("Going over the limit"));
	golden("session_reason_80x24");
	keys("<Enter>");		/* an empty reason is not one */
	ck_assert_int_eq(dbfix_count(app.db, "session"), 0);
	keys("<C-s>Moving house<Enter>");
	ck_assert_int_eq(dbfix_count(app.db, "session"), 1);
	ck_assert_int_eq(dbfix_count(app.db, "limit_override"), 1);
	memset(&q, 0, sizeof q);
	(void)err;
}
END_TEST

START_TEST(test_session_office_needs_pal)
{
	struct pd_err err;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	h = harness_new(40, 15, &cfg, &err);
	ck_assert_ptr_nonnull(h);
	ck_assert_int_eq(harness_push(h, &session_screen, NULL, &err),
	    PD_INVALID);
	ck_assert_msg(strstr(err.msg, "for PALs") != NULL, "%s", err.msg);
}
END_TEST

START_TEST(test_session_for_client)
{
	int64_t chloe = w.chloe;
	struct strbuf sb = STRBUF_INIT;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	start(40, 15, &session_client_screen, &chloe);
	ck_assert(form_get_text(top(), "client", &sb));
	ck_assert_str_eq(strbuf_str(&sb), "Chlo\xc3\xa9 Dubois");
	strbuf_fini(&sb);
}
END_TEST

/* ---- My week ----------------------------------------------------------------- */

static void
two_sessions(void)
{
	struct session s;
	struct pd_err err;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	memset(&s, 0, sizeof s);
	s.client_id = w.ana;
	snprintf(s.date, sizeof s.date, "2026-11-23");
	s.minutes = 90;
	s.place = PLACE_CAFE;
	ck_assert_int_eq(app_session_log(&app, &s, NULL, &err), PD_OK);
	s.client_id = w.chloe;
	snprintf(s.date, sizeof s.date, "2026-11-24");
	s.minutes = 120;
	ck_assert_int_eq(app_session_log(&app, &s, NULL, &err), PD_OK);
	admin_line(w.sam, "2026-11-24", 30);
}

START_TEST(test_week_40x15)
{
	two_sessions();
	start(40, 15, &week_screen, NULL);
	golden("week_40x15");
	keys("<Left>");
	ck_assert(screen_has("My week 2026-W47"));
	ck_assert(screen_has("Nothing logged this week yet."));
	keys("<Right>");
	ck_assert(screen_has("Chlo\xc3\xa9 Dubois"));
}
END_TEST

START_TEST(test_week_submit)
{
	struct week_view v;
	struct pd_err err;

	two_sessions();
	start(40, 15, &week_screen, NULL);
	keys("s");
	ck_assert(screen_has("Send it"));
	keys("<Enter>");
	ck_assert(screen_has("Sun 29 Nov, submitted"));
	ck_assert_int_eq(app_week_status(&app, 0, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(v.week.status, WEEK_SUBMITTED);
	week_view_fini(&v);
}
END_TEST

START_TEST(test_week_add_line)
{
	struct week_view v;
	struct pd_err err;

	two_sessions();
	start(40, 15, &week_screen, NULL);
	keys("a");
	ck_assert(screen_has("A line of the timesheet"));
	keys("s<Tab><Tab>1h<Tab>Monthly supervision<C-s>");
	ck_assert(screen_has("My week 2026-W48"));
	ck_assert_int_eq(app_week_status(&app, 0, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(v.row.minutes_by_kind[LINE_SUPERVISION], 60);
	week_view_fini(&v);
	ck_assert_int_eq(dbfix_count(app.db, "pal_supervision"), 1);
}
END_TEST

/* The week's one admin line, as saved now. */
static struct ts_line
admin_line_now(void)
{
	struct week_view v;
	struct ts_line l;
	struct pd_err err;
	size_t i;

	memset(&l, 0, sizeof l);
	ck_assert_int_eq(app_week_status(&app, 0, "2026-11-25", &v, &err),
	    PD_OK);
	for (i = 0; i < v.n_lines; i++)
		if (v.lines[i].line.kind == LINE_ADMIN) {
			l = v.lines[i].line;
			l.note = v.lines[i].line.note ?
			    xstrdup(v.lines[i].line.note) : NULL;
		}
	week_view_fini(&v);
	ck_assert_int_ne(l.id, 0);
	return l;
}

/* Someone else (the same PAL, in another window) changes the line. */
static void
line_changed_meanwhile(int minutes)
{
	struct ts_line l = admin_line_now();
	struct pd_err err;

	l.minutes = minutes;
	ck_assert_msg(app_line_update(&app, &l, NULL, &err) == PD_OK, "%s",
	    err.msg);
	ts_line_fini(&l);
}

/* Two saves of one timesheet line: different fields both kept without a
 * question; the same field shown side by side, the choice saved. */
START_TEST(test_line_conflict_merged)
{
	struct ts_line l;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	admin_line(w.sam, "2026-11-24", 30);
	start(40, 15, &week_screen, NULL);
	keys("<Enter>");
	ck_assert(screen_has("A line of the timesheet"));
	keys("<Tab><Tab><Tab>Team meeting");	/* the note */
	line_changed_meanwhile(45);
	keys("<C-s>");
	ck_assert(screen_has("My week 2026-W48"));
	l = admin_line_now();
	ck_assert_int_eq(l.minutes, 45);
	ck_assert_str_eq(l.note ? l.note : "", "Team meeting");
	ts_line_fini(&l);
	/* both change how long */
	keys("<Enter>");
	ck_assert(screen_has("A line of the timesheet"));
	keys("<Tab><Tab><C-u>1h");
	line_changed_meanwhile(50);
	keys("<C-s>");
	ck_assert_ptr_eq(top()->ops, &form_merge_screen);
	ck_assert(screen_has("How long"));
	ck_assert(screen_has("50m"));
	ck_assert(screen_has("1h"));
	keys("t<Enter>");
	ck_assert(screen_has("My week 2026-W48"));
	l = admin_line_now();
	ck_assert_int_eq(l.minutes, 50);
	ck_assert_str_eq(l.note ? l.note : "", "Team meeting");
	ts_line_fini(&l);
}
END_TEST

/* The first session of the week, as saved now. */
static struct session
first_session_now(void)
{
	struct week_view v;
	struct session se;
	struct pd_err err;
	int64_t id = 0;
	size_t i;

	ck_assert_int_eq(app_week_status(&app, 0, "2026-11-25", &v, &err),
	    PD_OK);
	for (i = 0; i < v.n_lines && id == 0; i++)
		id = v.lines[i].line.session_id;
	week_view_fini(&v);
	ck_assert_int_ne(id, 0);
	memset(&se, 0, sizeof se);
	ck_assert_int_eq(app_session_get(&app, id, &se, &err), PD_OK);
	return se;
}

static void
session_changed_meanwhile(int minutes)
{
	struct session se = first_session_now();
	struct pd_err err;

	se.minutes = minutes;
	ck_assert_msg(app_session_update(&app, &se, NULL, &err) == PD_OK,
	    "%s", err.msg);
	session_fini(&se);
}

/* A session (and so its timesheet line) saved in two places. */
START_TEST(test_session_conflict_merged)
{
	struct session se;

	two_sessions();
	start(40, 15, &week_screen, NULL);
	keys("<Enter>");
	ck_assert(screen_has("Log a session"));
	/* who, date, start, how long, where: then what we did */
	keys("<Tab><Tab><Tab><Tab><Tab>Walked by the river");
	session_changed_meanwhile(100);
	keys("<C-s>");
	ck_assert(screen_has("My week 2026-W48"));
	se = first_session_now();
	ck_assert_int_eq(se.minutes, 100);
	ck_assert_str_eq(se.did ? se.did : "", "Walked by the river");
	session_fini(&se);
	/* both change how long: mine chosen */
	keys("<Enter>");
	ck_assert(screen_has("Log a session"));
	keys("<Tab><Tab><Tab><C-u>2h");
	session_changed_meanwhile(75);
	keys("<C-s>");
	ck_assert_ptr_eq(top()->ops, &form_merge_screen);
	ck_assert(screen_has("1h 15m"));
	keys("m<Enter>");
	ck_assert(screen_has("My week 2026-W48"));
	se = first_session_now();
	ck_assert_int_eq(se.minutes, 120);
	ck_assert_str_eq(se.did ? se.did : "", "Walked by the river");
	session_fini(&se);
}
END_TEST

START_TEST(test_week_open_session)
{
	two_sessions();
	start(40, 15, &week_screen, NULL);
	keys("<Enter>");
	ck_assert(screen_has("Log a session"));
	keys("<Tab><Tab><Tab><C-u>2h<C-s>");
	ck_assert(screen_has("My week 2026-W48"));
	ck_assert(screen_has("Hours 4h 30m"));
}
END_TEST

/* My week with the mouse: one click chooses a line, a second opens it;
 * the wheel moves between lines; a key on the bottom line is pressed. */
START_TEST(test_week_mouse)
{
	bool sgr = _i == 0;
	int y, x, cy, cx;

	two_sessions();
	start(40, 15, &week_screen, NULL);
	ck_assert(harness_find(h, "Admin", &y, &x));
	harness_mouse(h, sgr, 0, y, x);
	harness_cursor(h, &cy, &cx);
	ck_assert_int_eq(cy, y);
	ck_assert(!screen_has("Log a session"));
	harness_mouse(h, sgr, 0, y + 3, 5);	/* below the last line */
	harness_cursor(h, &cy, &cx);
	ck_assert_int_eq(cy, y);
	harness_mouse(h, sgr, 64, 5, 5);		/* the wheel: to the top */
	harness_cursor(h, &cy, &cx);
	ck_assert_int_eq(cy, y - 2);
	harness_mouse(h, sgr, 65, 5, 5);
	harness_cursor(h, &cy, &cx);
	ck_assert_int_eq(cy, y);
	ck_assert(harness_find(h, "Chlo", &y, &x));
	harness_mouse(h, sgr, 0, y, x);		/* chosen */
	harness_mouse(h, sgr, 0, y, x);		/* and opened */
	ck_assert(screen_has("Log a session"));
	keys("<Esc>");
	ck_assert(screen_has("My week 2026-W48"));
	ck_assert(harness_click_text(h, sgr, "a Add"));
	ck_assert(!screen_has("My week 2026-W48"));
}
END_TEST

/* Weekly hours: the wheel scrolls the page, a key on the bottom line
 * is pressed (c: the CSV's name is asked). */
START_TEST(test_hours_mouse)
{
	bool sgr = _i == 0;
	int y, x, y2;

	two_sessions();
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	start(80, 24, &hours_screen, NULL);
	ck_assert(harness_find(h, "Not sent for approval", &y, &x));
	harness_mouse(h, sgr, 65, 10, 10);
	ck_assert(harness_find(h, "Not sent for approval", &y2, &x));
	ck_assert_int_lt(y2, y);
	harness_mouse(h, sgr, 64, 10, 10);
	ck_assert(harness_find(h, "Not sent for approval", &y2, &x));
	ck_assert_int_eq(y2, y);
	harness_mouse(h, sgr, 0, 8, 10);		/* the page: nothing */
	ck_assert(screen_has("Weekly hours 2026-W48"));
	ck_assert(harness_find(h, "Not sent for approval", &y2, &x));
	ck_assert_int_eq(y2, y);
	ck_assert(harness_click_text(h, sgr, "c CSV"));
	ck_assert(screen_has("hours-2026-W48.csv"));
	keys("<Esc>");
	ck_assert(harness_click_text(h, sgr, "Left Earlier"));
	ck_assert(screen_has("Weekly hours 2026-W47"));
}
END_TEST

/* ---- Timesheets and the approved week ------------------------------------------ */

START_TEST(test_approve_80x24)
{
	struct week_view v;
	struct pd_err err;

	two_sessions();
	ck_assert_int_eq(app_week_submit(&app, 0, NULL, &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	start(80, 24, &approve_screen, NULL);
	golden("approve_80x24");
	keys("a");
	ck_assert(screen_has("Approve Sam Reid's week 2026-W48"));
	keys("<Enter>");
	ck_assert(screen_has("No weeks are waiting for approval."));
	ck_assert_int_eq(app_week_status(&app, w.sam, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(v.week.status, WEEK_APPROVED);
	week_view_fini(&v);
}
END_TEST

/* A week close to the limit: Approve asks for the reason, and keeps it. */
START_TEST(test_approve_near_asks_reason)
{
	struct week_view v;
	struct pd_err err;

	two_sessions();
	admin_line(w.sam, "2026-11-25", 660);	/* 15h 0m in all: close */
	ck_assert_int_eq(app_week_submit(&app, 0, NULL, &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	start(80, 24, &approve_screen, NULL);
	ck_assert(screen_has("close to the limit"));
	keys("a");
	ck_assert(screen_has("Close to the limit. Why do you agree to it?"));
	keys("<Enter>");	/* blank: not approved, and it says why */
	ck_assert(screen_has("Not approved"));
	ck_assert_int_eq(app_week_status(&app, w.sam, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(v.week.status, WEEK_SUBMITTED);
	week_view_fini(&v);
	keys("a");
	keys("Sam covered the Friday group<Enter>");
	ck_assert(screen_has("No weeks are waiting for approval."));
	ck_assert_int_eq(app_week_status(&app, w.sam, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(v.week.status, WEEK_APPROVED);
	ck_assert_int_eq(v.overrides, 1);
	week_view_fini(&v);
	ck_assert_int_eq(dbfix_count(app.db, "limit_override"), 1);
}
END_TEST

/* After payroll: p marks every approved week that ended by a day paid. */
START_TEST(test_paid_key)
{
	struct week_view v;
	struct pd_err err;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	admin_line(w.sam, "2026-11-17", 60);	/* last week, W47 */
	ck_assert_int_eq(app_week_submit(&app, 0, "2026-W47", &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_week_status(&app, w.sam, "2026-W47", &v, &err),
	    PD_OK);
	ck_assert_int_eq(app_week_approve(&app, v.week.id, &err), PD_OK);
	week_view_fini(&v);
	start(80, 24, &approve_screen, NULL);
	keys("p");
	ck_assert(screen_has("Every approved week that ended on or before"));
	ck_assert(screen_has("2026-11-22"));	/* last Sunday */
	keys("<Enter>");
	ck_assert(screen_has("Marked 1 approved week paid, up to 2026-11-22."));
	ck_assert_int_eq(app_week_status(&app, w.sam, "2026-W47", &v, &err),
	    PD_OK);
	ck_assert_int_eq(v.week.status, WEEK_LOCKED);
	week_view_fini(&v);
}
END_TEST

/* Near the limit shows as words without colour, never by colour or
 * bold alone (issue 16); the screen is never narrower than 80. */
START_TEST(test_approve_near_is_a_word)
{
	struct pd_err err;

	two_sessions();
	admin_line(w.sam, "2026-11-25", 11 * 60);	/* 15h in all */
	setenv("NO_COLOR", "1", 1);
	start(40, 15, &week_screen, NULL);	/* the PAL's own week */
	ck_assert(screen_has("close to the limit"));
	golden("week_near_40x15");
	harness_free(&h);
	ck_assert_int_eq(app_week_submit(&app, 0, NULL, &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	setenv("NO_COLOR", "1", 1);
	start(80, 24, &approve_screen, NULL);
	ck_assert(screen_has("close to the limit"));
	golden("approve_near_80x24");
	unsetenv("NO_COLOR");
}
END_TEST

static int
audit_line_cb(void *arg, const struct audit_entry *a)
{
	char **reason = arg;

	if (*reason == NULL && strcmp(a->entity, "timesheet_line") == 0 &&
	    strcmp(a->action, "update") == 0)
		*reason = xasprintf("%s|%s|%s", a->before, a->after, a->reason);
	return 0;
}

START_TEST(test_change_approved_week_asks_reason)
{
	struct week_view v;
	struct week_screen_arg a;
	struct audit_query q;
	struct pd_err err;
	char *got = NULL;

	two_sessions();
	ck_assert_int_eq(app_week_submit(&app, 0, NULL, &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_week_status(&app, w.sam, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(app_week_approve(&app, v.week.id, &err), PD_OK);
	week_view_fini(&v);
	memset(&a, 0, sizeof a);
	a.pal_id = w.sam;
	start(40, 15, &week_screen, &a);
	ck_assert(screen_has("Sam Reid, 2026-W48"));
	keys("<Down><Down><Enter>");	/* the admin line */
	ck_assert(screen_has("approved: saving asks"));
	keys("<Tab><Tab><C-u>45m<C-s>");
	ck_assert(screen_has("Changing an approved week"));
	keys("Half an hour was travel<Enter>");
	ck_assert(screen_has("Sam Reid, 2026-W48"));
	memset(&q, 0, sizeof q);
	ck_assert_int_eq(db_audit_list(app.db, &q, audit_line_cb, &got, &err),
	    PD_OK);
	ck_assert_str_eq(got, "2026-11-24, 30m, admin|2026-11-24, 45m, admin|"
	    "Half an hour was travel");
	free(got);
}
END_TEST

START_TEST(test_pal_cannot_change_approved)
{
	struct week_view v;
	struct pd_err err;

	two_sessions();
	ck_assert_int_eq(app_week_submit(&app, 0, NULL, &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_week_status(&app, w.sam, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(app_week_approve(&app, v.week.id, &err), PD_OK);
	week_view_fini(&v);
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	start(40, 15, &week_screen, NULL);
	ck_assert(screen_has("approved"));
	keys("<Enter>");
	ck_assert(screen_has("approved: only the"));
	keys("<Tab><Tab><Tab><C-u>1h<C-s>");
	ck_assert(screen_has("Not saved"));
}
END_TEST

/* Does the signed-in person's dashboard have a line saying text? */
static bool
dashboard_says(const char *text)
{
	struct dashboard d;
	struct dashboard_line lines[DASHBOARD_LINES_MAX];
	struct pd_err err;
	size_t n, i;
	bool found = false;

	ck_assert_int_eq(app_dashboard(&app, NULL, &d, &err), PD_OK);
	n = dashboard_lines(&d, lines, DASHBOARD_LINES_MAX);
	for (i = 0; i < n; i++)
		if (strstr(lines[i].text, text) != NULL)
			found = true;
	dashboard_fini(&d);
	return found;
}

/* A session booked for later in the week is listed as booked and counts
 * nowhere; on its day, opening and saving it confirms it: then it has its
 * line and counts.  One never confirmed can be removed. */
START_TEST(test_week_booked_session)
{
	struct session s;
	struct pd_err err;

	two_sessions();
	memset(&s, 0, sizeof s);
	s.client_id = w.ana;
	snprintf(s.date, sizeof s.date, "2026-11-27");
	s.minutes = 60;
	s.place = PLACE_CAFE;
	ck_assert_int_eq(app_session_log(&app, &s, NULL, &err), PD_OK);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 3);
	start(40, 15, &week_screen, NULL);
	ck_assert(screen_has("Fri 27 Booked"));
	ck_assert(screen_has("Hours 4h (sessions 3h 30m)"));
	harness_free(&h);

	ck_assert(!dashboard_says("booked session"));
	dbfix_today("2026-11-27");		/* the day comes */
	ck_assert(dashboard_says("1 booked session to confirm in My week"));
	start(40, 15, &week_screen, NULL);
	keys("<Down><Down><Down>");
	ck_assert(screen_has("Fri 27 Booked"));
	keys("<Enter>");
	ck_assert(screen_has("Log a session"));
	keys("<C-s>");
	ck_assert(screen_has("My week 2026-W48"));
	ck_assert(screen_has("Hours 5h (sessions 4h 30m)"));
	ck_assert(!screen_has_quiet("Booked"));
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 4);
	ck_assert(!dashboard_says("booked session"));
}
END_TEST

START_TEST(test_week_booked_removed)
{
	struct session s;
	struct pd_err err;

	two_sessions();
	memset(&s, 0, sizeof s);
	s.client_id = w.ana;
	snprintf(s.date, sizeof s.date, "2026-11-27");
	s.minutes = 60;
	s.place = PLACE_CAFE;
	ck_assert_int_eq(app_session_log(&app, &s, NULL, &err), PD_OK);
	dbfix_today("2026-11-28");		/* it did not happen */
	start(40, 15, &week_screen, NULL);
	keys("<Down><Down><Down>dy");
	ck_assert(screen_has("Removed."));
	ck_assert_int_eq(dbfix_count(app.db, "session"), 2);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 3);
}
END_TEST

/* Removing a line: asked first (Enter keeps it), a session goes with
 * its note; in a closed week only the manager, with a reason. */
START_TEST(test_week_remove_line)
{
	two_sessions();
	start(40, 15, &week_screen, NULL);
	keys("d");
	ck_assert(screen_has("Remove this line"));
	ck_assert(screen_has("The session note goes"));
	keys("<Enter>");			/* "Keep it" is first */
	ck_assert_int_eq(dbfix_count(app.db, "session"), 2);
	keys("dy");
	ck_assert(screen_has("Removed."));
	ck_assert_int_eq(dbfix_count(app.db, "session"), 1);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 2);
	ck_assert(screen_has("Hours 2h 30m"));
	keys("<Down>dy");			/* the admin line */
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 1);
	ck_assert(screen_has("Hours 2h"));
}
END_TEST

static int
audit_delete_cb(void *arg, const struct audit_entry *a)
{
	char **reason = arg;

	if (*reason == NULL && strcmp(a->entity, "session") == 0 &&
	    strcmp(a->action, "delete") == 0)
		*reason = xstrdup(a->reason ? a->reason : "");
	return 0;
}

START_TEST(test_week_remove_from_closed_week)
{
	struct week_view v;
	struct week_screen_arg a;
	struct audit_query q;
	struct pd_err err;
	char *got = NULL;

	two_sessions();
	ck_assert_int_eq(app_week_submit(&app, 0, NULL, &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_week_status(&app, w.sam, NULL, &v, &err), PD_OK);
	ck_assert_int_eq(app_week_approve(&app, v.week.id, &err), PD_OK);
	week_view_fini(&v);
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	start(40, 15, &week_screen, NULL);
	keys("d");
	ck_assert(screen_has("This week is approved: ask the manager."));
	ck_assert_int_eq(dbfix_count(app.db, "session"), 2);
	harness_free(&h);

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	memset(&a, 0, sizeof a);
	a.pal_id = w.sam;
	start(40, 15, &week_screen, &a);
	keys("d");
	ck_assert(screen_has("Why remove it?"));
	keys("<Enter>");
	ck_assert(screen_has("a reason is needed"));
	ck_assert_int_eq(dbfix_count(app.db, "session"), 2);
	keys("dBooked twice by mistake<Enter>");
	ck_assert(screen_has("Removed."));
	ck_assert_int_eq(dbfix_count(app.db, "session"), 1);
	memset(&q, 0, sizeof q);
	ck_assert_int_eq(db_audit_list(app.db, &q, audit_delete_cb, &got, &err),
	    PD_OK);
	ck_assert_str_eq(got, "Booked twice by mistake");
	free(got);
}
END_TEST

/* ---- Weekly hours ------------------------------------------------------------- */

START_TEST(test_hours_80x24)
{
	char *path = test_path("hours.csv");
	char script[600];
	struct stat st;

	two_sessions();
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	start(80, 24, &hours_screen, NULL);
	golden("hours_80x24");
	keys("c");
	ck_assert(screen_has("hours-2026-W48.csv"));
	snprintf(script, sizeof script, "<C-u>%s<Enter>", path);
	keys(script);
	ck_assert(screen_has("Saved "));
	ck_assert_int_eq(stat(path, &st), 0);
	keys("<Left>");
	ck_assert(screen_has("Weekly hours 2026-W47"));
	free(path);
}
END_TEST

START_TEST(test_hours_manager_only)
{
	struct pd_err err;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	h = harness_new(80, 24, &cfg, &err);
	ck_assert_ptr_nonnull(h);
	ck_assert_int_eq(harness_push(h, &hours_screen, NULL, &err), PD_DENIED);
	ck_assert_int_eq(harness_push(h, &approve_screen, NULL, &err),
	    PD_DENIED);
}
END_TEST

static Suite *
time_screens_suite(void)
{
	Suite *s = suite_create("time_screens");
	TCase *tc = tcase_create("screens");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_session_40x15);
	tcase_add_test(tc, test_session_80x24);
	tcase_add_test(tc, test_session_keystrokes);
	tcase_add_test(tc, test_session_before_saving_shows_week);
	tcase_add_test(tc, test_session_crossing_warns_pal);
	tcase_add_test(tc, test_session_manager_gives_reason);
	tcase_add_test(tc, test_session_office_needs_pal);
	tcase_add_test(tc, test_session_for_client);
	tcase_add_test(tc, test_week_40x15);
	tcase_add_test(tc, test_week_submit);
	tcase_add_test(tc, test_week_add_line);
	tcase_add_test(tc, test_line_conflict_merged);
	tcase_add_test(tc, test_session_conflict_merged);
	tcase_add_test(tc, test_week_open_session);
	tcase_add_loop_test(tc, test_week_mouse, 0, 2);
	tcase_add_loop_test(tc, test_hours_mouse, 0, 2);
	tcase_add_test(tc, test_approve_80x24);
	tcase_add_test(tc, test_approve_near_asks_reason);
	tcase_add_test(tc, test_paid_key);
	tcase_add_test(tc, test_approve_near_is_a_word);
	tcase_add_test(tc, test_change_approved_week_asks_reason);
	tcase_add_test(tc, test_pal_cannot_change_approved);
	tcase_add_test(tc, test_week_remove_line);
	tcase_add_test(tc, test_week_booked_session);
	tcase_add_test(tc, test_week_booked_removed);
	tcase_add_test(tc, test_week_remove_from_closed_week);
	tcase_add_test(tc, test_hours_80x24);
	tcase_add_test(tc, test_hours_manager_only);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(time_screens_suite)
