/* Tier 2: CSV imports through the use cases: one transaction per file,
 * errors name file, line and field, nothing half-saved. */
#include <stdio.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/import.h"
#include "support/dbtest.h"

static struct app app;
static int nwarn;
static char lastwarn[600];

static void
warn_cb(void *arg, const char *msg)
{
	(void)arg;
	nwarn++;
	snprintf(lastwarn, sizeof lastwarn, "%s", msg);
}

static void
setup(void)
{
	appfix_open(&app);
	nwarn = 0;
	lastwarn[0] = '\0';
}

static void
teardown(void)
{
	app_close(&app);
}

static enum pd_status
run(enum import_kind k, const char *text, struct import_result *res,
    struct pd_err *err)
{
	return app_import_text(&app, k, text, strlen(text), "in.csv", 0, warn_cb,
	    NULL, res, err);
}

START_TEST(test_pals_ok)
{
	struct import_result res;
	struct pd_err err;

	ck_assert_int_eq(run(IMPORT_PALS,
	    "name,login,role,hourly_rate,rate_from,benefit_rule\r\n"
	    "Jo Bennett,jo,pal,12.71,2026-04-01,permitted\r\n"
	    "\"Lee, Marcus\",marcus,pal,£13.45,2026-04-01,supported\r\n"
	    "Sam Carter,sam,office,,,\r\n", &res, &err), PD_OK);
	ck_assert_int_eq(res.rows, 3);
	ck_assert_int_eq(dbfix_count(app.db, "staff"), 3);
	ck_assert_int_eq(dbfix_count(app.db, "pal"), 2);
	ck_assert_int_eq(dbfix_count(app.db, "pal_rate"), 2);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), 1);
	ck_assert_int_eq(nwarn, 0);
}
END_TEST

/* Each bad file: the line and field named, and nothing kept. */
static const struct {
	enum import_kind kind;
	const char *text;
	int line;
	const char *field, *says;
} bad[] = {
	{ IMPORT_PALS, "name,login,role,hourly_rate,rate_from,benefit_rule\n"
	  "A,a,pal,12.71,2026-04-01,permitted\nB,b,boss,12.71,2026-04-01,none\n",
	  3, "role", "not a role" },
	{ IMPORT_PALS, "name,login,role,hourly_rate,rate_from,benefit_rule\n"
	  "A,a,pal,12.711,2026-04-01,permitted\n", 2, "hourly_rate", "pounds" },
	{ IMPORT_PALS, "name,login,role,hourly_rate,rate_from,benefit_rule\n"
	  "A,a,pal,0,2026-04-01,permitted\n", 2, "hourly_rate", "cannot be right" },
	{ IMPORT_PALS, "name,login,role,hourly_rate,rate_from,benefit_rule\n"
	  "A,a,pal,12.71,,permitted\n", 2, "rate_from", "date" },
	{ IMPORT_PALS, "name,login,role,hourly_rate,rate_from,benefit_rule\n"
	  "A,a b,pal,12.71,2026-04-01,permitted\n", 2, "login", "Unix login" },
	{ IMPORT_PALS, "name,login,role,hourly_rate,rate_from,benefit_rule\n"
	  ",a,pal,12.71,2026-04-01,permitted\n", 2, "name", "name" },
	{ IMPORT_PALS, "name,login,role,hourly_rate,rate_from,benefit_rule\n"
	  "A,a,pal,12.71,2026-04-01,permitted\nA2,a,pal,12.71,2026-04-01,none\n",
	  3, "login", "already" },
	{ IMPORT_PALS, "name,login,role,hourly_rate,rate_from,benefit_rule\n"
	  "A,a,office,,,permitted\n", 2, "benefit_rule", "only PALs" },
	{ IMPORT_PALS, "name,login,role,hourly_rate,rate_from\n",
	  1, "benefit_rule", "no 'benefit_rule' column" },
	{ IMPORT_PALS, "name,login,login,role,hourly_rate,rate_from,benefit_rule\n",
	  1, "login", "twice" },
	{ IMPORT_PALS, "", 1, "", "empty" },
	{ IMPORT_TIMESHEET, "pal_login,date,minutes,kind\nx,2026-11-16,60,session\n",
	  2, "pal_login", "not a PAL" },
	{ IMPORT_TIMESHEET, "pal_login,date,minutes,kind\nsam,2026-11-16,0,session\n",
	  2, "minutes", "out of range" },
	{ IMPORT_TIMESHEET, "pal_login,date,minutes,kind\nsam,2026-11-16,1441,session\n",
	  2, "minutes", "out of range" },
	{ IMPORT_TIMESHEET, "pal_login,date,minutes,kind\nsam,2026-11-16,60,holiday\n",
	  2, "kind", "not a kind" },
	{ IMPORT_TIMESHEET, "pal_login,date,minutes,kind,client_id\n"
	  "sam,2026-11-16,60,session,99999\n", 2, "client_id", "no client" },
	{ IMPORT_CLIENTS, "name,referred_on,referrer,funding,contracted_minutes_per_week\n"
	  "A,2026-11-01,x,lottery,60\n", 2, "funding", "not a kind of funding" },
	{ IMPORT_CLIENTS, "name,referred_on,referrer,funding,contracted_minutes_per_week\n"
	  "A,2026-11-01,x,none,-5\n", 2, "contracted_minutes_per_week", "whole number" },
	{ IMPORT_CLIENTS, "name,referred_on,referrer,funding,contracted_minutes_per_week,shoe_size\n",
	  1, "shoe_size", "not one peerdesk knows" },
	{ IMPORT_CLIENTS, "name,referred_on,referrer,funding,"
	  "contracted_minutes_per_week,route\n"
	  "A,2026-11-01,x,none,60,carrier pigeon\n", 2, "route", "not a route" },
	{ IMPORT_CLIENTS, "name,referred_on,referrer,funding,"
	  "contracted_minutes_per_week,plan_approved_on\n"
	  "A,2026-11-01,x,none,60,soon\n", 2, "plan_approved_on", "not a date" },
	{ IMPORT_CLIENTS, "name,referred_on,referrer,funding,"
	  "contracted_minutes_per_week,hourly_charge\n"
	  "A,2026-11-01,x,none,60,lots\n", 2, "hourly_charge", "pounds" },
	/* dates: the shapes named; a date of birth that cannot be right */
	{ IMPORT_CLIENTS, "name,referred_on,referrer,funding,contracted_minutes_per_week\n"
	  "A,2026.11.01,x,none,60\n", 2, "referred_on",
	  "2025-12-31, 31/12/2025 or 31/12/25" },
	{ IMPORT_CLIENTS, "name,referred_on,referrer,funding,contracted_minutes_per_week,"
	  "date_of_birth\nA,01/11/2026,x,none,60,01/01/2031\n", 2,
	  "date_of_birth", "cannot be in the future" },
	{ IMPORT_CLIENTS, "name,referred_on,referrer,funding,contracted_minutes_per_week,"
	  "date_of_birth\nA,01/11/2026,x,none,60,01/01/1890\n", 2,
	  "date_of_birth", "please check the year" },
};

START_TEST(test_bad_files)
{
	struct import_result res;
	struct pd_err err;
	int64_t staff_before, clients_before, lines_before, audit_before;

	dbfix_pal(app.db, "sam", "Sam Reid");
	staff_before = dbfix_count(app.db, "staff");
	clients_before = dbfix_count(app.db, "client");
	lines_before = dbfix_count(app.db, "timesheet_line");
	audit_before = dbfix_count(app.db, "audit");
	ck_assert_int_ne(run(bad[_i].kind, bad[_i].text, &res, &err), PD_OK);
	ck_assert_str_eq(err.file, "in.csv");
	ck_assert_int_eq(err.line, bad[_i].line);
	ck_assert_str_eq(err.field, bad[_i].field);
	ck_assert_msg(strstr(err.msg, bad[_i].says) != NULL,
	    "message '%s' lacks '%s'", err.msg, bad[_i].says);
	ck_assert_int_eq(res.rows, 0);
	ck_assert_int_eq(dbfix_count(app.db, "staff"), staff_before);
	ck_assert_int_eq(dbfix_count(app.db, "client"), clients_before);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), lines_before);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_week"), 0);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), audit_before);
}
END_TEST

START_TEST(test_low_rate_warns)
{
	struct import_result res;
	struct pd_err err;

	ck_assert_int_eq(run(IMPORT_PALS,
	    "name,login,role,hourly_rate,rate_from,benefit_rule\n"
	    "A,a,pal,12.70,2026-04-01,permitted\n"
	    "B,b,pal,12.71,2026-04-01,permitted\n"
	    "C,c,pal,12.21,2026-03-31,permitted\n", &res, &err), PD_OK);
	ck_assert_int_eq(res.rows, 3);
	ck_assert_int_eq(nwarn, 1);	/* only A: C is fine on 31 March */
	ck_assert_ptr_nonnull(strstr(lastwarn, "in.csv:2: hourly_rate:"));
	ck_assert_ptr_nonnull(strstr(lastwarn, "£12.71"));
}
END_TEST

START_TEST(test_timesheet_weeks)
{
	struct import_result res;
	struct pd_err err;

	dbfix_pal(app.db, "sam", "Sam Reid");
	dbfix_pal(app.db, "jo", "Jo Evans");
	/* 2026-11-15 is a Sunday, 16 a Monday: two weeks for sam */
	ck_assert_int_eq(run(IMPORT_TIMESHEET,
	    "kind,minutes,date,pal_login\n"
	    "session,60,2026-11-15,sam\n"
	    "travel,15,2026-11-16,sam\n"
	    "admin,30,2026-11-22,sam\n"
	    "supervision,60,2026-11-16,jo\n", &res, &err), PD_OK);
	ck_assert_int_eq(res.rows, 4);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_week"), 3);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 4);
}
END_TEST

/* Issue 13: the same timesheet file twice does not double the week. */
START_TEST(test_same_file_refused)
{
	static const char week[] = "pal_login,date,minutes,kind,note\n"
	    "sam,2026-11-16,60,session,\n"
	    "sam,2026-11-17,90,travel,bus\n";
	struct import_result res;
	struct pd_err err;
	int64_t audit;

	dbfix_pal(app.db, "sam", "Sam Reid");
	appfix_act_as(&app, dbfix_staff(app.db, "maya", "Maya Patel",
	    ROLE_MANAGER), ROLE_MANAGER, "maya");
	ck_assert_int_eq(run(IMPORT_TIMESHEET, week, &res, &err), PD_OK);
	ck_assert_int_eq(res.rows, 2);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 2);
	audit = dbfix_count(app.db, "audit");

	/* the same bytes: refused, saying when and by whom */
	ck_assert_int_eq(run(IMPORT_TIMESHEET, week, &res, &err),
	    PD_DUPLICATE);
	ck_assert_ptr_nonnull(strstr(err.msg, "imported already, on "));
	ck_assert_ptr_nonnull(strstr(err.msg, "by Maya Patel"));
	ck_assert_ptr_nonnull(strstr(err.msg, "--again"));
	ck_assert_str_eq(err.file, "in.csv");
	ck_assert_int_eq(res.rows, 0);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 2);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), audit);

	/* the same lines in another file (columns in another order, one
	 * new line): refused too, naming the line */
	ck_assert_int_eq(run(IMPORT_TIMESHEET, "kind,minutes,date,pal_login,"
	    "note\nadmin,30,2026-11-18,sam,\ntravel,90,2026-11-17,sam,bus\n",
	    &res, &err), PD_DUPLICATE);
	ck_assert_ptr_nonnull(strstr(err.msg, "1 line of this file was "
	    "imported already: line 3 (sam, 2026-11-17, 90 minutes"));
	ck_assert_ptr_nonnull(strstr(err.msg, "imported by Maya Patel from "
	    "in.csv"));
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 2);

	/* on purpose: --again brings it in, and says it counts twice */
	nwarn = 0;
	ck_assert_int_eq(app_import_text(&app, IMPORT_TIMESHEET, week,
	    strlen(week), "in.csv", IMPORT_AGAIN, warn_cb, NULL, &res, &err),
	    PD_OK);
	ck_assert_int_eq(res.rows, 2);
	ck_assert_int_eq(nwarn, 2);
	ck_assert_ptr_nonnull(strstr(lastwarn, "counts twice"));
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 4);
	ck_assert_int_eq(dbfix_count(app.db, "import_log"), 2);
}
END_TEST

/* A line the same as one typed into the week is imported, and said. */
START_TEST(test_same_as_typed_reported)
{
	struct import_result res;
	struct pd_err err;
	int64_t sam = dbfix_pal(app.db, "sam", "Sam Reid");
	int64_t wk = 0;

	ck_assert_int_eq(dbtest_week(app.db, sam, "2026-11-16", "open", &wk,
	    &err), PD_OK);
	ck_assert_int_eq(dbtest_line(app.db, wk, sam, "2026-11-17", 45, &err),
	    PD_OK);
	ck_assert_int_eq(run(IMPORT_TIMESHEET, "pal_login,date,minutes,kind\n"
	    "sam,2026-11-17,45,admin\nsam,2026-11-18,45,admin\n", &res, &err),
	    PD_OK);
	ck_assert_int_eq(res.rows, 2);
	ck_assert_int_eq(nwarn, 1);
	ck_assert_ptr_nonnull(strstr(lastwarn, "in.csv:2: "));
	ck_assert_ptr_nonnull(strstr(lastwarn, "the same as one already in "
	    "the week"));
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 3);
	/* twice in one file: both in, and said */
	nwarn = 0;
	ck_assert_int_eq(run(IMPORT_TIMESHEET, "pal_login,date,minutes,kind\n"
	    "sam,2026-11-19,20,admin\nsam,2026-11-19,20,admin\n", &res, &err),
	    PD_OK);
	ck_assert_int_eq(nwarn, 1);
	ck_assert_ptr_nonnull(strstr(lastwarn, "in.csv:3: "));
	ck_assert_ptr_nonnull(strstr(lastwarn, "an earlier line of this file"));
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 5);
}
END_TEST

START_TEST(test_only_staff_import)
{
	struct import_result res;
	struct pd_err err;
	int64_t jo = dbfix_pal(app.db, "jo", "Jo Evans");

	appfix_act_as(&app, jo, ROLE_PAL, "jo");
	ck_assert_int_eq(run(IMPORT_CLIENTS,
	    "name,referred_on,referrer,funding,contracted_minutes_per_week\n"
	    "A,2026-11-01,x,none,60\n", &res, &err), PD_DENIED);
	ck_assert_int_eq(dbfix_count(app.db, "client"), 0);
}
END_TEST

START_TEST(test_clients_ok)
{
	struct import_result res;
	struct pd_err err;

	ck_assert_int_eq(run(IMPORT_CLIENTS,
	    "name,referred_on,referrer,funding,contracted_minutes_per_week,"
	    "pronouns,phone\n"
	    "Ann Example,2026-11-02,Kate Morris,personal_budget,360,she/her,07700 900001\n"
	    "Zoë Ñandú,,GP,,,,\n", &res, &err), PD_OK);
	ck_assert_int_eq(res.rows, 2);
	ck_assert_int_eq(dbfix_count(app.db, "client"), 2);
	ck_assert_int_eq(dbfix_count(app.db, "referral"), 2);
	ck_assert_int_eq(dbfix_count(app.db, "funding"), 2);
}
END_TEST

/* The referral form's optional columns come in whole. */
START_TEST(test_clients_referral_form)
{
	struct import_result res;
	struct client_record rec;
	struct pd_err err;
	int64_t id;

	ck_assert_int_eq(run(IMPORT_CLIENTS,
	    "name,referred_on,referrer,funding,contracted_minutes_per_week,"
	    "email,referrer_contact,route,heard_about,first_contact_on,"
	    "plan_submitted_on,plan_approved_on,funding_received_on,funder,"
	    "negotiator,negotiator_contact,hourly_charge,funder_review,notes\n"
	    "Rae Okafor,2026-01-06,Kate Morris,personal_budget,360,"
	    "rae@example.org,01632 960001,social_worker,A friend at the cafe,"
	    "2026-01-08,2026-01-20,2026-03-18,2026-05-19,Kent County Council,"
	    "Kate Morris,01632 960002,22.50,2027-01-06,Lonely since the move\n",
	    &res, &err), PD_OK);
	ck_assert_int_eq(res.rows, 1);
	id = dbfix_count(app.db, "client");
	ck_assert_int_eq(app_client_open(&app, id, &rec, &err), PD_OK);
	ck_assert_str_eq(rec.client.email, "rae@example.org");
	ck_assert_str_eq(rec.referral.referrer_contact, "01632 960001");
	ck_assert_int_eq(rec.referral.route, ROUTE_SOCIAL_WORKER);
	ck_assert_str_eq(rec.referral.heard_about, "A friend at the cafe");
	ck_assert_str_eq(rec.referral.first_contact_on, "2026-01-08");
	ck_assert_str_eq(rec.referral.plan_submitted_on, "2026-01-20");
	ck_assert_str_eq(rec.referral.plan_approved_on, "2026-03-18");
	ck_assert_str_eq(rec.referral.funding_received_on, "2026-05-19");
	ck_assert_str_eq(rec.referral.notes, "Lonely since the move");
	ck_assert_str_eq(rec.funding.funder, "Kent County Council");
	ck_assert_str_eq(rec.funding.negotiator, "Kate Morris");
	ck_assert_str_eq(rec.funding.negotiator_contact, "01632 960002");
	ck_assert_int_eq(rec.funding.hourly_charge_pence, 2250);
	ck_assert_str_eq(rec.funding.review_due, "2027-01-06");
	ck_assert_int_eq(rec.funding.contracted_minutes_per_week, 360);
	client_record_fini(&rec);
}
END_TEST

/* Dates day first in any of the three shapes; what only needs a second
 * look is imported with a warning line. */
START_TEST(test_clients_dates_and_warnings)
{
	struct import_result res;
	struct pd_err err;

	ck_assert_int_eq(run(IMPORT_CLIENTS,
	    "name,referred_on,referrer,funding,contracted_minutes_per_week,"
	    "date_of_birth,phone,email\n"
	    "Ann Example,03/04/2026,x,none,,15/04/90,07700 900001,a@b.org\n"
	    "Bob Old,31/12/25,x,none,,1920-01-01,12345,bob@\n", &res, &err),
	    PD_OK);
	ck_assert_int_eq(res.rows, 2);
	ck_assert_int_eq(nwarn, 3);	/* Bob: age, phone, email */
	ck_assert_ptr_nonnull(strstr(lastwarn, "in.csv:3: phone:"));
	ck_assert_int_eq(dbfix_count(app.db, "client"), 2);
}
END_TEST

static Suite *
app_import_suite(void)
{
	Suite *s = suite_create("app_import");
	TCase *tc = tcase_create("import");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_pals_ok);
	tcase_add_loop_test(tc, test_bad_files, 0, sizeof bad / sizeof bad[0]);
	tcase_add_test(tc, test_low_rate_warns);
	tcase_add_test(tc, test_timesheet_weeks);
	tcase_add_test(tc, test_only_staff_import);
	tcase_add_test(tc, test_same_file_refused);
	tcase_add_test(tc, test_same_as_typed_reported);
	tcase_add_test(tc, test_clients_ok);
	tcase_add_test(tc, test_clients_referral_form);
	tcase_add_test(tc, test_clients_dates_and_warnings);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(app_import_suite)
