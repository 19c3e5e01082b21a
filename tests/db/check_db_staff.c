/* Tier 2: db_staff_* against a fresh database. */
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"

#include "peerdesk/db/staff.h"

#define OK(call) do { \
	enum pd_status ok_ = (call); \
	ck_assert_msg(ok_ == PD_OK, "%s -> %s: %s", #call, \
	    pd_status_str(ok_), err.msg); \
} while (0)

static struct staff
staff_make(const char *login, const char *name, enum role role)
{
	struct staff s;

	memset(&s, 0, sizeof s);
	s.login = login ? strdup(login) : NULL;
	s.name = strdup(name);
	s.role = role;
	s.active = 1;
	return s;
}

START_TEST(test_insert_get_by_login)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct staff s = staff_make("priya", "Priya N\xc3\xa1ir", ROLE_MANAGER);
	struct staff g;

	s.email = strdup("priya@example.org");
	s.passphrase = strdup("$6$salt$hash");
	OK(db_staff_insert(db, &s, &err));
	ck_assert_int_gt(s.id, 0);
	ck_assert_int_eq(s.version, 1);
	OK(db_staff_get(db, s.id, &g, &err));
	ck_assert_str_eq(g.login, "priya");
	ck_assert_str_eq(g.name, "Priya N\xc3\xa1ir");
	ck_assert_int_eq(g.role, ROLE_MANAGER);
	ck_assert_str_eq(g.email, "priya@example.org");
	ck_assert_str_eq(g.passphrase, "$6$salt$hash");
	ck_assert_ptr_null(g.phone);
	ck_assert_int_eq(g.active, 1);
	ck_assert_int_eq(g.version, 1);
	staff_fini(&g);
	OK(db_staff_by_login(db, "priya", &g, &err));
	ck_assert_int_eq(g.id, s.id);
	staff_fini(&g);
	ck_assert_int_eq(db_staff_by_login(db, "nobody", &g, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(db_staff_by_login(db, "", &g, &err), PD_NOT_FOUND);
	ck_assert_int_eq(db_staff_get(db, s.id + 100, &g, &err), PD_NOT_FOUND);
	staff_fini(&s);
	db_close(&db);
}
END_TEST

START_TEST(test_insert_refusals)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct staff a = staff_make("kim", "Kim Lee", ROLE_OFFICE);
	struct staff b = staff_make("kim", "Another Kim", ROLE_PAL);
	struct staff c = staff_make(NULL, "  ", ROLE_PAL);
	struct staff d = staff_make(NULL, "No Login", ROLE_PAL);
	struct staff e = staff_make(NULL, "Also No Login", ROLE_OFFICE);

	OK(db_staff_insert(db, &a, &err));
	ck_assert_int_eq(db_staff_insert(db, &b, &err), PD_DUPLICATE);
	ck_assert_str_eq(err.field, "login");
	ck_assert_ptr_nonnull(strstr(err.msg, "kim"));
	ck_assert_int_eq(db_staff_insert(db, &c, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "name");
	/* Many people may have no login at all. */
	OK(db_staff_insert(db, &d, &err));
	OK(db_staff_insert(db, &e, &err));
	ck_assert_int_eq(dbfix_count(db, "staff"), 3);
	staff_fini(&a);
	staff_fini(&b);
	staff_fini(&c);
	staff_fini(&d);
	staff_fini(&e);
	db_close(&db);
}
END_TEST

START_TEST(test_update_and_conflict)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	int64_t id = dbfix_staff(db, "olive", "Olive Okafor", ROLE_OFFICE);
	struct staff one, two, now;

	OK(db_staff_get(db, id, &one, &err));
	OK(db_staff_get(db, id, &two, &err));
	free(one.phone);
	one.phone = strdup("01234 567890");
	OK(db_staff_update(db, &one, &err));
	ck_assert_int_eq(one.version, 2);
	free(two.name);
	two.name = strdup("Olive O.");
	ck_assert_int_eq(db_staff_update(db, &two, &err), PD_CONFLICT);
	ck_assert_ptr_nonnull(strstr(err.msg, "changed this staff record"));
	OK(db_staff_get(db, id, &now, &err));
	ck_assert_str_eq(now.name, "Olive Okafor");
	ck_assert_str_eq(now.phone, "01234 567890");
	ck_assert_int_eq(now.version, 2);
	staff_fini(&now);
	/* After reloading, the second person's save goes through. */
	two.version = 2;
	OK(db_staff_update(db, &two, &err));
	ck_assert_int_eq(two.version, 3);
	/* A row that is not there is "not found", not a conflict. */
	two.id = id + 50;
	ck_assert_int_eq(db_staff_update(db, &two, &err), PD_NOT_FOUND);
	staff_fini(&one);
	staff_fini(&two);
	db_close(&db);
}
END_TEST

START_TEST(test_update_login_taken)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct staff s;

	dbfix_staff(db, "olive", "Olive Okafor", ROLE_OFFICE);
	OK(db_staff_get(db, dbfix_staff(db, "maya", "Maya Shah", ROLE_MANAGER),
	    &s, &err));
	free(s.login);
	s.login = strdup("olive");
	ck_assert_int_eq(db_staff_update(db, &s, &err), PD_DUPLICATE);
	ck_assert_str_eq(err.field, "login");
	ck_assert_int_eq(s.version, 1);
	staff_fini(&s);
	db_close(&db);
}
END_TEST

START_TEST(test_passphrase)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	int64_t id = dbfix_staff(db, "sam", "Sam Reid", ROLE_PAL);
	struct staff s;

	OK(db_staff_set_passphrase(db, id, "$6$x$y", &err));
	OK(db_staff_get(db, id, &s, &err));
	ck_assert_str_eq(s.passphrase, "$6$x$y");
	ck_assert_int_eq(s.version, 1);	/* not an edit of the record */
	staff_fini(&s);
	OK(db_staff_set_passphrase(db, id, NULL, &err));
	OK(db_staff_get(db, id, &s, &err));
	ck_assert_ptr_null(s.passphrase);
	staff_fini(&s);
	ck_assert_int_eq(db_staff_set_passphrase(db, id + 1, "$6$x$y", &err),
	    PD_NOT_FOUND);
	db_close(&db);
}
END_TEST

struct names {
	char got[256];
	int calls;
	int stop_after;
};

static int
collect(void *arg, const struct staff *row)
{
	struct names *n = arg;

	strcat(n->got, row->name);
	strcat(n->got, ";");
	n->calls++;
	return n->stop_after > 0 && n->calls >= n->stop_after;
}

START_TEST(test_list)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct names n;

	dbfix_world(db, &w);
	memset(&n, 0, sizeof n);
	OK(db_staff_list(db, -1, collect, &n, &err));
	ck_assert_str_eq(n.got, "Jo Evans;Maya Shah;Olive Okafor;Sam Reid;");
	memset(&n, 0, sizeof n);
	OK(db_staff_list(db, ROLE_PAL, collect, &n, &err));
	ck_assert_str_eq(n.got, "Jo Evans;Sam Reid;");
	memset(&n, 0, sizeof n);
	OK(db_staff_list(db, ROLE_MANAGER, collect, &n, &err));
	ck_assert_str_eq(n.got, "Maya Shah;");
	memset(&n, 0, sizeof n);
	n.stop_after = 2;
	OK(db_staff_list(db, -1, collect, &n, &err));
	ck_assert_int_eq(n.calls, 2);
	/* The statement is reusable after stopping early. */
	memset(&n, 0, sizeof n);
	OK(db_staff_list(db, ROLE_OFFICE, collect, &n, &err));
	ck_assert_str_eq(n.got, "Olive Okafor;");
	db_close(&db);
}
END_TEST

static Suite *
staff_suite(void)
{
	Suite *s = suite_create("db_staff");
	TCase *tc = tcase_create("staff");

	tcase_add_test(tc, test_insert_get_by_login);
	tcase_add_test(tc, test_insert_refusals);
	tcase_add_test(tc, test_update_and_conflict);
	tcase_add_test(tc, test_update_login_taken);
	tcase_add_test(tc, test_passphrase);
	tcase_add_test(tc, test_list);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(staff_suite)
