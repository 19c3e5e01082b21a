/* Tier 2: the shared fixture itself (tests/support/dbfix.c). */
#include "support/testlib.h"
#include "support/dbfix.h"

#include "support/dbtest.h"

START_TEST(test_world)
{
	struct db *db = dbfix_open();
	struct dbfix_world w;
	struct pd_err err;
	int64_t n;

	dbfix_world(db, &w);
	ck_assert_int_eq(dbfix_count(db, "staff"), 4);
	ck_assert_int_eq(dbfix_count(db, "pal"), 2);
	ck_assert_int_eq(dbfix_count(db, "pal_rate"), 2);
	ck_assert_int_eq(dbfix_count(db, "pal_benefit"), 2);
	ck_assert_int_eq(dbfix_count(db, "client"), 3);
	ck_assert_int_eq(dbfix_count(db, "assignment"), 2);
	ck_assert_int_ne(w.sam, w.jo);
	ck_assert_int_ne(w.ana_sam, w.ben_jo);
	dbfix_end(db, w.ana_sam, "2026-02-01");
	ck_assert_int_eq(dbtest_count(db, "no_such_table", &n, &err),
	    PD_INVALID);
	ck_assert_int_eq(db_check(db, &err), PD_OK);
	db_close(&db);
}
END_TEST

START_TEST(test_two_databases_are_separate)
{
	struct db *a = dbfix_open();
	struct db *b = dbfix_open();

	dbfix_client(a, "Only In A");
	ck_assert_int_eq(dbfix_count(a, "client"), 1);
	ck_assert_int_eq(dbfix_count(b, "client"), 0);
	db_close(&a);
	db_close(&b);
}
END_TEST

static Suite *
dbfix_suite(void)
{
	Suite *s = suite_create("db_dbfix");
	TCase *tc = tcase_create("fixture");

	tcase_add_test(tc, test_world);
	tcase_add_test(tc, test_two_databases_are_separate);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(dbfix_suite)
