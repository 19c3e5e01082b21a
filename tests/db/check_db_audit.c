/* Tier 2: db_audit_* against a fresh database, and the triggers that
 * keep audit rows from ever changing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"

#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "support/dbtest.h"

#define OK(call) do { \
	enum pd_status ok_ = (call); \
	ck_assert_msg(ok_ == PD_OK, "%s -> %s: %s", #call, \
	    pd_status_str(ok_), err.msg); \
} while (0)

static void
audit_add(struct db *db, const char *at, int64_t actor, const char *action,
    int64_t client, const char *summary)
{
	struct pd_err err;
	struct audit_entry a;

	memset(&a, 0, sizeof a);
	a.actor_id = actor;
	a.actor_login = xstrdup(actor ? "someone" : NULL);
	a.action = xstrdup(action);
	a.entity = xstrdup("client");
	a.entity_id = client;
	a.client_id = client;
	a.summary = xstrdup(summary);
	OK(dbtest_audit_insert_at(db, &a, at, &err));
	audit_entry_fini(&a);
}

struct seen {
	char text[512];
	int calls;
	int stop_after;
	struct audit_entry first;
};

static int
collect(void *arg, const struct audit_entry *row)
{
	struct seen *s = arg;

	snprintf(s->text + strlen(s->text), sizeof s->text - strlen(s->text),
	    "%s;", row->summary ? row->summary : "-");
	if (s->calls++ == 0) {
		audit_entry_copy(&s->first, row);
	}
	return s->stop_after > 0 && s->calls >= s->stop_after;
}

struct world {
	struct db *db;
	struct dbfix_world w;
};

/* Six rows over three days, by two people about two clients. */
static void
world_open(struct world *x)
{
	x->db = dbfix_open();
	dbfix_world(x->db, &x->w);
	audit_add(x->db, "2026-02-01T09:00:00Z", x->w.office, "create",
	    x->w.ana, "a1");
	audit_add(x->db, "2026-02-01T23:59:59Z", x->w.sam, "open",
	    x->w.ana, "a2");
	audit_add(x->db, "2026-02-02T00:00:00Z", x->w.office, "create",
	    x->w.ben, "b1");
	audit_add(x->db, "2026-02-02T10:00:00Z", x->w.sam, "update",
	    x->w.ana, "a3");
	audit_add(x->db, "2026-02-03T08:30:00Z", x->w.office, "update",
	    x->w.ben, "b2");
	audit_add(x->db, "2026-02-03T08:30:00Z", 0, "approve", 0, "sys");
}

static const struct {
	int client;	/* 0 none, 1 Ana, 2 Ben */
	int actor;	/* 0 anyone, 1 office, 2 Sam */
	const char *from, *to;
	int limit;
	const char *want;
} list_cases[] = {
	{ 0, 0, NULL, NULL, 0, "sys;b2;a3;b1;a2;a1;" },
	{ 0, 0, NULL, NULL, 2, "sys;b2;" },
	{ 1, 0, NULL, NULL, 0, "a3;a2;a1;" },
	{ 2, 0, NULL, NULL, 0, "b2;b1;" },
	{ 1, 2, NULL, NULL, 0, "a3;a2;" },
	{ 0, 1, NULL, NULL, 0, "b2;b1;a1;" },
	{ 0, 2, NULL, NULL, 1, "a3;" },
	/* dates are whole days, both ends included */
	{ 0, 0, "2026-02-01", "2026-02-01", 0, "a2;a1;" },
	{ 0, 0, "2026-02-02", NULL, 0, "sys;b2;a3;b1;" },
	{ 0, 0, NULL, "2026-02-02", 0, "a3;b1;a2;a1;" },
	{ 0, 0, "", "", 0, "sys;b2;a3;b1;a2;a1;" },
	{ 1, 0, "2026-02-02", "2026-02-03", 0, "a3;" },
	{ 0, 1, "2026-02-03", "2026-02-03", 0, "b2;" },
	{ 0, 0, "2026-02-04", NULL, 0, "" },
};

START_TEST(test_list)
{
	struct world x;
	struct pd_err err;
	struct audit_query q;
	struct seen s;

	world_open(&x);
	memset(&q, 0, sizeof q);
	q.client_id = list_cases[_i].client == 1 ? x.w.ana :
	    list_cases[_i].client == 2 ? x.w.ben : 0;
	q.actor_id = list_cases[_i].actor == 1 ? x.w.office :
	    list_cases[_i].actor == 2 ? x.w.sam : 0;
	q.from = list_cases[_i].from;
	q.to = list_cases[_i].to;
	q.limit = list_cases[_i].limit;
	memset(&s, 0, sizeof s);
	OK(db_audit_list(x.db, &q, collect, &s, &err));
	ck_assert_str_eq(s.text, list_cases[_i].want);
	audit_entry_fini(&s.first);
	db_close(&x.db);
}
END_TEST

START_TEST(test_insert_fields)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct audit_entry a;
	struct audit_query q;
	struct seen s;

	dbfix_world(db, &w);
	memset(&a, 0, sizeof a);
	a.actor_id = w.manager;
	a.actor_login = xstrdup("maya");
	a.action = xstrdup("update");
	a.entity = xstrdup("timesheet_week");
	a.entity_id = 17;
	a.summary = xstrdup("went over the weekly limit");
	a.before = xstrdup("{\"minutes\":900}");
	a.after = xstrdup("{\"minutes\":960}");
	a.reason = xstrdup("cover for a colleague");
	/* a time the caller gives is never used: the audit keeps real time */
	snprintf(a.at, sizeof a.at, "2001-01-01T00:00:00Z");
	snprintf(a.day, sizeof a.day, "2026-11-25");
	OK(db_audit_insert(db, &a, &err));
	memset(&q, 0, sizeof q);
	memset(&s, 0, sizeof s);
	OK(db_audit_list(db, &q, collect, &s, &err));
	ck_assert_int_eq(s.calls, 1);
	ck_assert_int_gt(s.first.id, 0);
	ck_assert_int_eq((int)strlen(s.first.at), 20);	/* filled: now */
	ck_assert_int_eq(s.first.at[10], 'T');
	ck_assert_int_ne(strncmp(s.first.at, "2001", 4), 0);
	ck_assert_str_eq(s.first.day, "2026-11-25");	/* --today's day */
	ck_assert_int_eq(s.first.actor_id, w.manager);
	ck_assert_str_eq(s.first.actor_login, "maya");
	ck_assert_str_eq(s.first.action, "update");
	ck_assert_str_eq(s.first.entity, "timesheet_week");
	ck_assert_int_eq(s.first.entity_id, 17);
	ck_assert_int_eq(s.first.client_id, 0);
	ck_assert_str_eq(s.first.before, "{\"minutes\":900}");
	ck_assert_str_eq(s.first.after, "{\"minutes\":960}");
	ck_assert_str_eq(s.first.reason, "cover for a colleague");
	audit_entry_fini(&s.first);
	free(a.action);
	a.action = NULL;
	ck_assert_int_eq(db_audit_insert(db, &a, &err), PD_INVALID);
	audit_entry_fini(&a);
	ck_assert_int_eq(dbfix_count(db, "audit"), 1);
	db_close(&db);
}
END_TEST

START_TEST(test_stop_early)
{
	struct world x;
	struct pd_err err;
	struct audit_query q;
	struct seen s;

	world_open(&x);
	memset(&q, 0, sizeof q);
	memset(&s, 0, sizeof s);
	s.stop_after = 2;
	OK(db_audit_list(x.db, &q, collect, &s, &err));
	ck_assert_int_eq(s.calls, 2);
	audit_entry_fini(&s.first);
	db_close(&x.db);
}
END_TEST

START_TEST(test_rows_cannot_change)
{
	struct world x;
	struct pd_err err;
	struct audit_query q;
	struct seen s;

	world_open(&x);
	memset(&q, 0, sizeof q);
	q.client_id = x.w.ana;
	memset(&s, 0, sizeof s);
	s.stop_after = 1;
	OK(db_audit_list(x.db, &q, collect, &s, &err));
	ck_assert_int_ne(dbtest_audit_tamper(x.db, s.first.id, 0, &err),
	    PD_OK);
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot be changed"));
	ck_assert_int_ne(dbtest_audit_tamper(x.db, s.first.id, 1, &err),
	    PD_OK);
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot be removed"));
	ck_assert_int_eq(dbfix_count(x.db, "audit"), 6);
	audit_entry_fini(&s.first);
	memset(&s, 0, sizeof s);
	OK(db_audit_list(x.db, &q, collect, &s, &err));
	ck_assert_str_eq(s.text, "a3;a2;a1;");	/* nothing changed */
	audit_entry_fini(&s.first);
	db_close(&x.db);
}
END_TEST

/* Every row is chained; what root could do with sqlite3 after dropping
 * the triggers shows at the row it was done to. */
START_TEST(test_chain)
{
	struct world x;
	struct pd_err err;
	struct audit_verify v;
	struct audit_head h;

	world_open(&x);
	OK(db_audit_verify(x.db, &v, &err));
	ck_assert_int_eq(v.bad_id, 0);
	ck_assert_int_eq(v.rows, 6);
	OK(db_audit_head(x.db, &h, &err));
	ck_assert_int_eq(h.id, v.head.id);
	ck_assert_str_eq(h.hash, v.head.hash);
	ck_assert_int_eq((int)strlen(h.hash), 64);
	switch (_i) {
	case 0:	/* a row's words changed */
		OK(dbtest_audit_forge(x.db, 3, 0, &err));
		OK(db_audit_verify(x.db, &v, &err));
		ck_assert_int_eq(v.bad_id, 3);
		ck_assert_ptr_nonnull(strstr(v.why, "changed"));
		break;
	case 1:	/* a row removed: the next one names the gap */
		OK(dbtest_audit_forge(x.db, 4, 1, &err));
		OK(db_audit_verify(x.db, &v, &err));
		ck_assert_int_eq(v.bad_id, 5);
		ck_assert_ptr_nonnull(strstr(v.why, "row 4"));
		break;
	case 2:	/* a row added at the end */
		OK(dbtest_audit_forge(x.db, 0, 2, &err));
		OK(db_audit_verify(x.db, &v, &err));
		ck_assert_int_eq(v.bad_id, 7);
		ck_assert_int_eq(v.rows, 6);
		break;
	case 3:	/* the first row removed */
		OK(dbtest_audit_forge(x.db, 1, 1, &err));
		OK(db_audit_verify(x.db, &v, &err));
		ck_assert_int_eq(v.bad_id, 2);
		break;
	}
	db_close(&x.db);
}
END_TEST

/* Rows written before schema 8 are chained by the migration, in id
 * order, and the trigger it lifts for that comes back as it was. */
START_TEST(test_chain_migration)
{
	char *path = test_path("audit-v7.db");
	struct db *db = NULL;
	struct pd_err err;
	struct audit_verify v;
	struct audit_query q;
	struct seen s;
	char name[16];
	int i;

	OK(db_open(path, DB_OPEN_NO_UPGRADE, &db, &err));
	OK(db_migrate_to(db, 7, &err));
	OK(db_begin(db, &err));
	for (i = 0; i < 600; i++) {	/* more than one batch */
		snprintf(name, sizeof name, "old%d", i);
		OK(dbtest_audit_legacy(db, name, &err));
	}
	OK(db_commit(db, &err));
	OK(db_migrate_to(db, db_schema_latest(), &err));
	OK(db_audit_verify(db, &v, &err));
	ck_assert_int_eq(v.bad_id, 0);
	ck_assert_int_eq(v.rows, 600);
	ck_assert_int_eq(v.head.id, 600);
	/* the trigger is back: rows still cannot change */
	ck_assert_int_ne(dbtest_audit_tamper(db, 5, 0, &err), PD_OK);
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot be changed"));
	/* a new row chains on */
	audit_add(db, NULL, 0, "open", 0, "new");
	OK(db_audit_verify(db, &v, &err));
	ck_assert_int_eq(v.bad_id, 0);
	ck_assert_int_eq(v.rows, 601);
	memset(&q, 0, sizeof q);
	memset(&s, 0, sizeof s);
	q.limit = 2;
	OK(db_audit_list(db, &q, collect, &s, &err));
	ck_assert_str_eq(s.text, "new;old599;");
	ck_assert_int_eq((int)strlen(s.first.day), 10);
	audit_entry_fini(&s.first);
	db_close(&db);
	free(path);
}
END_TEST

/* The audit list uses the index that fits the question. */
START_TEST(test_plans)
{
	struct world x;
	struct pd_err err;
	struct audit_query q;
	struct seen s;
	char plan[512];

	world_open(&x);
	memset(&q, 0, sizeof q);
	memset(&s, 0, sizeof s);
	q.client_id = x.w.ana;
	OK(db_audit_list(x.db, &q, collect, &s, &err));
	q.client_id = 0;
	q.actor_id = x.w.sam;
	OK(db_audit_list(x.db, &q, collect, &s, &err));
	q.actor_id = 0;
	q.from = "2026-02-02";
	OK(db_audit_list(x.db, &q, collect, &s, &err));
	audit_entry_fini(&s.first);
	OK(dbtest_query_plan(x.db, "WHERE client_id = :client_id", plan,
	    sizeof plan, &err));
	ck_assert_msg(strstr(plan, "audit_client") != NULL, "%s", plan);
	OK(dbtest_query_plan(x.db, "WHERE actor_id = :actor_id", plan,
	    sizeof plan, &err));
	ck_assert_msg(strstr(plan, "audit_actor") != NULL, "%s", plan);
	OK(dbtest_query_plan(x.db, "FROM audit WHERE at >= :from", plan,
	    sizeof plan, &err));
	ck_assert_msg(strstr(plan, "audit_at (at>? AND at<?)") != NULL, "%s",
	    plan);
	db_close(&x.db);
}
END_TEST

static Suite *
audit_suite(void)
{
	Suite *s = suite_create("db_audit");
	TCase *tc = tcase_create("audit");

	/* every schema version, synced, under sanitizers on a busy machine */
	tcase_set_timeout(tc, 60);

	tcase_add_loop_test(tc, test_list, 0,
	    (int)(sizeof list_cases / sizeof list_cases[0]));
	tcase_add_test(tc, test_insert_fields);
	tcase_add_test(tc, test_stop_early);
	tcase_add_test(tc, test_rows_cannot_change);
	tcase_add_test(tc, test_plans);
	tcase_add_loop_test(tc, test_chain, 0, 4);
	tcase_add_test(tc, test_chain_migration);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(audit_suite)
