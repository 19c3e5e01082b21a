/* Tier 2: staff users, passphrases and signing in. */
#include <stdio.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/app/signin.h"
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
	bool added;

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

/* user add ... pal with a rate and rule, or with nothing recorded */
START_TEST(test_pal_add)
{
	struct pd_err err;
	struct week_view v;
	struct ts_line l;
	struct time_preview p;
	char warn[400];
	int64_t id = 0;
	int64_t maya = dbfix_staff(app.db, "maya", "Maya", ROLE_MANAGER);
	int64_t olive = dbfix_staff(app.db, "olive", "Olive", ROLE_OFFICE);

	dbfix_today("2026-03-04");	/* a Wednesday */
	appfix_act_as(&app, maya, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_pal_add(&app, "jo", "Jo", 1271, 1, RULE_PERMITTED,
	    &id, warn, sizeof warn, &err), PD_OK);
	ck_assert_str_eq(warn, "");
	ck_assert_int_eq(dbfix_count(app.db, "pal_rate"), 1);
	ck_assert_int_eq(dbfix_count(app.db, "pal_benefit"), 1);
	/* from the first day of the week: the whole week is judged */
	ck_assert_int_eq(app_week_status(&app, id, NULL, &v, &err), PD_OK);
	ck_assert_ptr_nonnull(strstr(v.row.check.sentence, "room left"));
	week_view_fini(&v);
	ck_assert_int_eq(app_pal_add(&app, "zed", "Zed", 0, 0, RULE_NONE,
	    NULL, NULL, 0, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "rate");

	/* the office may add a PAL, but not record pay or benefit */
	appfix_act_as(&app, olive, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_pal_add(&app, "kim", "Kim", 1300, 0, RULE_NONE,
	    NULL, NULL, 0, &err), PD_DENIED);
	ck_assert_int_eq(app_pal_add(&app, "kim", "Kim", -1, 1, RULE_LOWER,
	    NULL, NULL, 0, &err), PD_DENIED);
	ck_assert_int_eq(dbfix_count(app.db, "pal"), 1);
	ck_assert_int_eq(app_pal_add(&app, "kim", "Kim", -1, 0, RULE_NONE,
	    &id, NULL, 0, &err), PD_OK);
	ck_assert_int_eq(dbfix_count(app.db, "pal_rate"), 1);
	ck_assert_int_eq(dbfix_count(app.db, "pal_benefit"), 1);

	/* nothing recorded: the manager's view of Kim's week says so */
	appfix_act_as(&app, maya, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_week_status(&app, id, NULL, &v, &err), PD_OK);
	ck_assert_str_eq(v.row.check.sentence, "This week: 0m; pay not known "
	    "\xe2\x80\x93 no benefit rule recorded: the limit cannot be "
	    "checked");
	ck_assert_int_eq(v.row.check.verdict, PERMITTED_NA);
	week_view_fini(&v);
	/* and so does the preview before a line is logged */
	memset(&l, 0, sizeof l);
	l.pal_id = id;
	snprintf(l.date, sizeof l.date, "2026-03-04");
	l.minutes = 120;
	l.kind = LINE_ADMIN;
	ck_assert_int_eq(app_line_preview(&app, &l, &p, &err), PD_OK);
	ck_assert_ptr_nonnull(strstr(p.sentence, "no benefit rule recorded: "
	    "the limit cannot be checked"));
	ck_assert_ptr_null(strstr(p.sentence, "no limit applies"));
	dbfix_today(NULL);
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
	tcase_add_test(tc, test_pal_add);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(app_users_suite)
