/* Tier 2: db_funding_* against a fresh database. */
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"

#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/funding.h"

#define OK(call) do { \
	enum pd_status ok_ = (call); \
	ck_assert_msg(ok_ == PD_OK, "%s -> %s: %s", #call, \
	    pd_status_str(ok_), err.msg); \
} while (0)

START_TEST(test_funding_round_trip_and_current)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct funding f, old, g;

	dbfix_world(db, &w);
	memset(&f, 0, sizeof f);
	f.client_id = w.ana;
	f.kind = FUNDING_PERSONAL_HEALTH_BUDGET;
	f.contracted_minutes_per_week = 180;
	f.hourly_charge_pence = 2250;
	f.funder = xstrdup("NHS Integrated Care Board");
	f.negotiator = xstrdup("Lee Park");
	f.negotiator_contact = xstrdup("01632 960999");
	strcpy(f.review_due, "2026-08-01");
	strcpy(f.starts_on, "2026-02-01");
	f.notes = xstrdup("Reviewed every six months.");
	OK(db_funding_insert(db, &f, w.office, &err));
	ck_assert_int_eq(f.version, 1);
	/* An older period recorded afterwards is not the current one. */
	memset(&old, 0, sizeof old);
	old.client_id = w.ana;
	old.kind = FUNDING_SELF_FUNDED;
	old.contracted_minutes_per_week = -1;
	old.hourly_charge_pence = -1;
	strcpy(old.starts_on, "2025-06-01");
	strcpy(old.ends_on, "2026-01-31");
	OK(db_funding_insert(db, &old, w.office, &err));
	OK(db_funding_for_client(db, w.ana, 0, &g, &err));
	ck_assert_int_eq(g.id, f.id);
	ck_assert_int_eq(g.kind, FUNDING_PERSONAL_HEALTH_BUDGET);
	ck_assert_int_eq(g.contracted_minutes_per_week, 180);
	ck_assert_int_eq(g.hourly_charge_pence, 2250);
	ck_assert_str_eq(g.funder, "NHS Integrated Care Board");
	ck_assert_str_eq(g.negotiator, "Lee Park");
	ck_assert_str_eq(g.negotiator_contact, "01632 960999");
	ck_assert_str_eq(g.review_due, "2026-08-01");
	ck_assert_str_eq(g.starts_on, "2026-02-01");
	ck_assert_str_eq(g.ends_on, "");
	ck_assert_str_eq(g.notes, "Reviewed every six months.");
	funding_fini(&g);
	/* "Not recorded" survives the round trip as -1. */
	old.kind = FUNDING_NONE;
	strcpy(old.starts_on, "2026-03-01");
	OK(db_funding_update(db, &old, w.office, &err));
	OK(db_funding_for_client(db, w.ana, 0, &g, &err));
	ck_assert_int_eq(g.id, old.id);
	ck_assert_int_eq(g.contracted_minutes_per_week, -1);
	ck_assert_int_eq(g.hourly_charge_pence, -1);
	funding_fini(&g);
	ck_assert_int_eq(db_funding_for_client(db, w.ben, 0, &g, &err),
	    PD_NOT_FOUND);
	f.client_id = 5555;
	ck_assert_int_eq(db_funding_insert(db, &f, 0, &err), PD_NOT_FOUND);
	f.client_id = w.ana;
	f.kind = (enum funding_kind)9;
	ck_assert_int_eq(db_funding_insert(db, &f, 0, &err), PD_INVALID);
	f.contracted_minutes_per_week = -1;
	funding_fini(&f);
	funding_fini(&old);
	db_close(&db);
}
END_TEST

START_TEST(test_funding_conflict)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct funding f, one, two;

	dbfix_world(db, &w);
	memset(&f, 0, sizeof f);
	f.client_id = w.ana;
	f.kind = FUNDING_PERSONAL_BUDGET;
	f.contracted_minutes_per_week = 120;
	f.hourly_charge_pence = -1;
	OK(db_funding_insert(db, &f, w.office, &err));
	OK(db_funding_for_client(db, w.ana, 0, &one, &err));
	OK(db_funding_for_client(db, w.ana, 0, &two, &err));
	one.contracted_minutes_per_week = 150;
	OK(db_funding_update(db, &one, w.manager, &err));
	two.contracted_minutes_per_week = 90;
	ck_assert_int_eq(db_funding_update(db, &two, w.office, &err),
	    PD_CONFLICT);
	ck_assert_msg(strstr(err.msg, "Maya Shah") != NULL, "%s", err.msg);
	funding_fini(&two);
	OK(db_funding_for_client(db, w.ana, 0, &two, &err));
	ck_assert_int_eq(two.contracted_minutes_per_week, 150);
	ck_assert_int_eq(two.version, 2);
	two.id = 999;
	ck_assert_int_eq(db_funding_update(db, &two, w.office, &err),
	    PD_NOT_FOUND);
	funding_fini(&one);
	funding_fini(&two);
	funding_fini(&f);
	db_close(&db);
}
END_TEST

static Suite *
funding_suite(void)
{
	Suite *s = suite_create("db_funding");
	TCase *tc = tcase_create("funding");

	tcase_add_test(tc, test_funding_round_trip_and_current);
	tcase_add_test(tc, test_funding_conflict);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(funding_suite)
