/* Tier 2: staff users, passphrases and signing in. */
#include <stdio.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/users.h"

static struct app app;

static void
setup(void)
{
	appfix_open(&app);
}

static void
teardown(void)
{
	app_close(&app);
}

START_TEST(test_first_manager)
{
	struct pd_err err;
	int added;

	ck_assert_int_eq(app_setup_first_manager(&app, &added, &err), PD_OK);
	ck_assert_int_eq(added, 1);
	ck_assert_int_eq(dbfix_count(app.db, "staff"), 1);
	ck_assert_int_eq(app_setup_first_manager(&app, &added, &err), PD_OK);
	ck_assert_int_eq(added, 0);
	ck_assert_int_eq(dbfix_count(app.db, "staff"), 1);
}
END_TEST

START_TEST(test_add_rules)
{
	struct pd_err err;
	int64_t id, maya = dbfix_staff(app.db, "maya", "Maya", ROLE_MANAGER);
	int64_t olive = dbfix_staff(app.db, "olive", "Olive", ROLE_OFFICE);

	/* the office may add PALs, never office staff or managers */
	appfix_act_as(&app, olive, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_user_add(&app, "mo", "Mo", ROLE_MANAGER, &id,
	    &err), PD_DENIED);
	ck_assert_str_eq(err.msg, "only a manager may add a manager");
	ck_assert_int_eq(app_user_add(&app, "of", "Of", ROLE_OFFICE, &id,
	    &err), PD_DENIED);
	ck_assert_int_eq(dbfix_count(app.db, "staff"), 2);
	ck_assert_int_eq(app_user_add(&app, "jo", "Jo", ROLE_PAL, &id, &err),
	    PD_OK);
	ck_assert_int_eq(dbfix_count(app.db, "pal"), 1);
	appfix_act_as(&app, maya, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_user_add(&app, "jo", "Jo 2", ROLE_PAL, &id, &err),
	    PD_DUPLICATE);
	ck_assert_str_eq(err.field, "login");
	ck_assert_int_eq(app_user_add(&app, "-x", "X", ROLE_PAL, &id, &err),
	    PD_INVALID);
	ck_assert_int_eq(app_user_add(&app, "x", " ", ROLE_PAL, &id, &err),
	    PD_INVALID);
	ck_assert_str_eq(err.field, "name");
}
END_TEST

START_TEST(test_passphrases)
{
	struct pd_err err;
	int64_t maya = dbfix_staff(app.db, "maya", "Maya", ROLE_MANAGER);
	int64_t jo = dbfix_pal(app.db, "jo", "Jo");

	appfix_act_as(&app, maya, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_user_passwd(&app, "jo", "short", &err), PD_INVALID);
	ck_assert_int_eq(app_user_passwd(&app, "jo", "purple kettle rain", &err),
	    PD_OK);
	ck_assert_int_eq(app_user_verify(&app, "jo", "purple kettle rain", &err),
	    PD_OK);
	ck_assert_int_eq(app_user_verify(&app, "jo", "purple kettle rai", &err),
	    PD_DENIED);
	ck_assert_int_eq(app_user_verify(&app, "nobody", "purple kettle rain",
	    &err), PD_DENIED);
	ck_assert_int_eq(app_user_verify(&app, "maya", "", &err), PD_DENIED);
	/* a PAL may change their own, not someone else's */
	appfix_act_as(&app, jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_user_passwd(&app, "jo", "a new long phrase", &err),
	    PD_OK);
	ck_assert_int_eq(app_user_passwd(&app, "maya", "a new long phrase", &err),
	    PD_DENIED);
	ck_assert_int_eq(app_sign_in_as(&app, "maya", &err), PD_OK);
	ck_assert_int_eq(access_staff_id(&app), maya);
	ck_assert_int_eq(access_role(&app), ROLE_MANAGER);
	ck_assert_int_eq(app_sign_in_as(&app, "ghost", &err), PD_NOT_FOUND);
}
END_TEST

static Suite *
app_users_suite(void)
{
	Suite *s = suite_create("app_users");
	TCase *tc = tcase_create("users");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_first_manager);
	tcase_add_test(tc, test_add_rules);
	tcase_add_test(tc, test_passphrases);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(app_users_suite)
