/* Tier 2: session notes - insert, read, save with version checks,
 * delete, lists newest first, and a PAL's scope. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"
#include "support/workfix.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/assignment.h"
#include "peerdesk/db/session.h"
#include "peerdesk/db/timesheet.h"

static struct workfix F;

static void
setup(void)
{
	workfix_open(&F);
}

static void
teardown(void)
{
	workfix_close(&F);
}

static int64_t
assign(int64_t client, int64_t worker, const char *started,
    const char *ended)
{
	struct assignment a;
	struct pd_err err;

	memset(&a, 0, sizeof a);
	a.client_id = client;
	a.worker_id = worker;
	snprintf(a.started_on, sizeof a.started_on, "%s", started);
	a.contracted_minutes_per_week = 120;
	ck_assert_int_eq(db_assignment_insert(F.db, &a, &err), PD_OK);
	if (ended != NULL)
		ck_assert_int_eq(db_assignment_end(F.db, a.id, ended,
		    END_COMPLETED, NULL, F.manager, &err), PD_OK);
	return a.id;
}

static void
make_session(struct session *s, int64_t client, int64_t pal,
    const char *date, const char *start, int minutes)
{
	memset(s, 0, sizeof *s);
	s->client_id = client;
	s->pal_id = pal;
	snprintf(s->date, sizeof s->date, "%s", date);
	snprintf(s->start_time, sizeof s->start_time, "%s", start);
	s->minutes = minutes;
	s->place = PLACE_CAFE;
	s->did = xstrdup("Walked to the café and talked about the allotment");
	s->went_well = xstrdup("Laughed a lot");
}

START_TEST(test_insert_get_update)
{
	struct session s, got;
	struct pd_err err;

	make_session(&s, F.dee, F.ann, "2024-03-01", "10:30", 90);
	ck_assert_int_eq(db_session_insert(F.db, &s, F.ann, &err), PD_OK);
	ck_assert_int_gt(s.id, 0);
	ck_assert_int_eq(s.version, 1);

	ck_assert_int_eq(db_session_get(F.db, s.id, 0, &got, &err), PD_OK);
	ck_assert_int_eq(got.client_id, F.dee);
	ck_assert_int_eq(got.pal_id, F.ann);
	ck_assert_str_eq(got.date, "2024-03-01");
	ck_assert_str_eq(got.start_time, "10:30");
	ck_assert_int_eq(got.minutes, 90);
	ck_assert_int_eq(got.place, PLACE_CAFE);
	ck_assert_str_eq(got.did, s.did);
	ck_assert_str_eq(got.went_well, "Laughed a lot");
	ck_assert_ptr_null(got.follow_up);
	ck_assert_int_eq(got.booked, 0);
	ck_assert_int_eq(got.version, 1);

	got.minutes = 60;
	got.booked = 1;
	got.follow_up = xstrdup("Bring the seed catalogue");
	ck_assert_int_eq(db_session_update(F.db, &got, F.ann, &err), PD_OK);
	ck_assert_int_eq(got.version, 2);
	session_fini(&got);
	ck_assert_int_eq(db_session_get(F.db, s.id, 0, &got, &err), PD_OK);
	ck_assert_int_eq(got.minutes, 60);
	ck_assert_int_eq(got.booked, 1);
	ck_assert_str_eq(got.follow_up, "Bring the seed catalogue");
	ck_assert_int_eq(got.version, 2);
	session_fini(&got);
	session_fini(&s);
}
END_TEST

START_TEST(test_update_conflict_and_gone)
{
	struct session s, mine, theirs;
	struct pd_err err;

	make_session(&s, F.dee, F.ann, "2024-03-01", "", 45);
	ck_assert_int_eq(db_session_insert(F.db, &s, F.ann, &err), PD_OK);
	ck_assert_int_eq(db_session_get(F.db, s.id, 0, &mine, &err), PD_OK);
	ck_assert_int_eq(db_session_get(F.db, s.id, 0, &theirs, &err), PD_OK);
	theirs.minutes = 50;
	ck_assert_int_eq(db_session_update(F.db, &theirs, F.manager, &err),
	    PD_OK);
	workfix_audit(F.db, F.manager, "session", s.id, "2024-03-04T14:02:00Z");

	mine.minutes = 75;
	ck_assert_int_eq(db_session_update(F.db, &mine, F.ann, &err),
	    PD_CONFLICT);
	ck_assert_int_eq(err.code, PD_CONFLICT);
	ck_assert_ptr_nonnull(strstr(err.msg,
	    "Mia Manager changed this session"));
	ck_assert_ptr_nonnull(strstr(err.msg, "14:02"));
	ck_assert_int_eq(mine.version, 1);	/* untouched on failure */
	session_fini(&theirs);
	ck_assert_int_eq(db_session_get(F.db, s.id, 0, &theirs, &err), PD_OK);
	ck_assert_int_eq(theirs.minutes, 50);	/* theirs kept */

	ck_assert_int_eq(db_session_delete(F.db, s.id, &err), PD_OK);
	ck_assert_int_eq(db_session_update(F.db, &theirs, F.ann, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(db_session_get(F.db, s.id, 0, &mine, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(db_session_delete(F.db, s.id, &err), PD_NOT_FOUND);
	session_fini(&mine);
	session_fini(&theirs);
	session_fini(&s);
}
END_TEST

START_TEST(test_conflict_without_audit)
{
	struct session s, old;
	struct pd_err err;

	make_session(&s, F.dee, F.ann, "2024-03-01", "", 45);
	ck_assert_int_eq(db_session_insert(F.db, &s, F.ann, &err), PD_OK);
	old = s;
	old.did = old.went_well = old.follow_up = NULL;
	ck_assert_int_eq(db_session_update(F.db, &s, F.ann, &err), PD_OK);
	ck_assert_int_eq(db_session_update(F.db, &old, F.ann, &err),
	    PD_CONFLICT);
	ck_assert_ptr_nonnull(strstr(err.msg, "someone else"));
	session_fini(&s);
}
END_TEST

START_TEST(test_insert_refused)
{
	struct session s;
	struct pd_err err;

	make_session(&s, 9999, F.ann, "2024-03-01", "", 45);
	ck_assert_int_eq(db_session_insert(F.db, &s, F.ann, &err),
	    PD_NOT_FOUND);
	s.client_id = F.dee;
	s.minutes = 0;	/* the schema wants more than nothing */
	ck_assert_int_eq(db_session_insert(F.db, &s, F.ann, &err), PD_INVALID);
	ck_assert_int_eq(dbfix_count(F.db, "session"), 0);
	session_fini(&s);
}
END_TEST

struct collect {
	int n;
	int64_t ids[16];
	char dates[16][11];
	int stop_after;
};

static int
collect_session(void *arg, const struct session *row)
{
	struct collect *c = arg;

	c->ids[c->n] = row->id;
	memcpy(c->dates[c->n], row->date, 11);
	c->n++;
	return c->stop_after > 0 && c->n >= c->stop_after;
}

START_TEST(test_list_newest_first_and_pages)
{
	static const struct {
		const char *date, *start;
	} rows[] = {
		{ "2024-02-01", "10:00" }, { "2024-02-15", "09:00" },
		{ "2024-02-15", "14:00" }, { "2024-01-20", "" },
		{ "2024-03-01", "" },
	};
	struct session s;
	struct collect c;
	struct pd_err err;
	size_t i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		make_session(&s, F.dee, F.ann, rows[i].date, rows[i].start, 30);
		ck_assert_int_eq(db_session_insert(F.db, &s, F.ann, &err),
		    PD_OK);
		session_fini(&s);
	}
	make_session(&s, F.eve, F.ann, "2024-03-02", "", 30);
	ck_assert_int_eq(db_session_insert(F.db, &s, F.ann, &err), PD_OK);
	session_fini(&s);

	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_session_list(F.db, F.dee, 0, 0, 0, collect_session,
	    &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 5);
	ck_assert_str_eq(c.dates[0], "2024-03-01");
	ck_assert_str_eq(c.dates[1], "2024-02-15");
	ck_assert_int_eq(c.ids[1], 3);	/* 14:00 before 09:00 */
	ck_assert_int_eq(c.ids[2], 2);
	ck_assert_str_eq(c.dates[4], "2024-01-20");

	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_session_list(F.db, F.dee, 0, 2, 2, collect_session,
	    &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 2);
	ck_assert_int_eq(c.ids[0], 2);
	ck_assert_str_eq(c.dates[1], "2024-02-01");

	memset(&c, 0, sizeof c);
	c.stop_after = 1;
	ck_assert_int_eq(db_session_list(F.db, F.dee, 0, 0, 0, collect_session,
	    &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 1);
}
END_TEST

START_TEST(test_scope)
{
	struct session s, got;
	struct collect c;
	struct pd_err err;

	assign(F.dee, F.ann, "2024-01-10", NULL);
	assign(F.eve, F.bob, "2024-01-10", NULL);
	assign(F.fay, F.ann, "2023-06-01", "2024-02-01");	/* ended */
	make_session(&s, F.eve, F.bob, "2024-03-01", "", 60);
	ck_assert_int_eq(db_session_insert(F.db, &s, F.bob, &err), PD_OK);

	/* Ann is not Eve's PAL: as if there were no such session. */
	ck_assert_int_eq(db_session_get(F.db, s.id, F.ann, &got, &err),
	    PD_NOT_FOUND);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_session_list(F.db, F.eve, F.ann, 0, 0,
	    collect_session, &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 0);
	/* Bob is; the office sees everything. */
	ck_assert_int_eq(db_session_get(F.db, s.id, F.bob, &got, &err), PD_OK);
	session_fini(&got);
	ck_assert_int_eq(db_session_get(F.db, s.id, 0, &got, &err), PD_OK);
	session_fini(&got);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_session_list(F.db, F.eve, F.bob, 0, 0,
	    collect_session, &c, &err), PD_OK);
	ck_assert_int_eq(c.n, 1);
	session_fini(&s);

	/* Fay's assignment with Ann ended: Ann no longer sees her notes. */
	make_session(&s, F.fay, F.ann, "2024-01-15", "", 60);
	ck_assert_int_eq(db_session_insert(F.db, &s, F.ann, &err), PD_OK);
	ck_assert_int_eq(db_session_get(F.db, s.id, F.ann, &got, &err),
	    PD_NOT_FOUND);
	session_fini(&s);
}
END_TEST

/* An assignment ending after today still counts; on today it does not. */
START_TEST(test_scope_end_date)
{
	struct session s, got;
	struct pd_err err;

	assign(F.dee, F.ann, "2024-01-10", "2024-03-05");	/* tomorrow */
	assign(F.eve, F.ann, "2024-01-10", "2024-03-04");	/* today */
	make_session(&s, F.dee, F.bob, "2024-03-01", "", 60);
	ck_assert_int_eq(db_session_insert(F.db, &s, F.bob, &err), PD_OK);
	ck_assert_int_eq(db_session_get(F.db, s.id, F.ann, &got, &err), PD_OK);
	session_fini(&got);
	session_fini(&s);
	make_session(&s, F.eve, F.bob, "2024-03-01", "", 60);
	ck_assert_int_eq(db_session_insert(F.db, &s, F.bob, &err), PD_OK);
	ck_assert_int_eq(db_session_get(F.db, s.id, F.ann, &got, &err),
	    PD_NOT_FOUND);
	session_fini(&s);
	/* The next day, Dee's has ended too. */
	dbfix_today("2024-03-05");
	ck_assert_int_eq(db_session_get(F.db, 1, F.ann, &got, &err),
	    PD_NOT_FOUND);
}
END_TEST

START_TEST(test_delete_takes_its_line)
{
	struct session s;
	struct ts_week w;
	struct ts_line l, got;
	struct pd_err err;

	make_session(&s, F.dee, F.ann, "2024-03-01", "", 60);
	ck_assert_int_eq(db_session_insert(F.db, &s, F.ann, &err), PD_OK);
	ck_assert_int_eq(db_week_get_or_create(F.db, F.ann, "2024-02-26", &w,
	    &err), PD_OK);
	memset(&l, 0, sizeof l);
	l.week_id = w.id;
	memcpy(l.date, "2024-03-01", 11);
	l.minutes = 60;
	l.kind = LINE_SESSION;
	l.client_id = F.dee;
	l.session_id = s.id;
	ck_assert_int_eq(db_line_insert(F.db, &l, F.ann, &err), PD_OK);
	ck_assert_int_eq(db_line_by_session(F.db, s.id, &got, &err), PD_OK);
	ck_assert_int_eq(got.id, l.id);
	ts_line_fini(&got);
	ck_assert_int_eq(db_session_delete(F.db, s.id, &err), PD_OK);
	ck_assert_int_eq(db_line_by_session(F.db, s.id, &got, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(dbfix_count(F.db, "timesheet_line"), 0);
	ck_assert_int_eq(dbfix_count(F.db, "session"), 0);
	session_fini(&s);
}
END_TEST

static Suite *
db_session_suite(void)
{
	Suite *s = suite_create("db_session");
	TCase *tc = tcase_create("session");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_insert_get_update);
	tcase_add_test(tc, test_update_conflict_and_gone);
	tcase_add_test(tc, test_conflict_without_audit);
	tcase_add_test(tc, test_insert_refused);
	tcase_add_test(tc, test_list_newest_first_and_pages);
	tcase_add_test(tc, test_scope);
	tcase_add_test(tc, test_scope_end_date);
	tcase_add_test(tc, test_delete_takes_its_line);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(db_session_suite)
