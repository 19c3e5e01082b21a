/* Tier 2: clients through the use cases: intake, scope, audit of
 * opening, conflicts. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/core/xalloc.h"

static struct app app;
static struct dbfix_world w;

static void
setup(void)
{
	appfix_open(&app);
	dbfix_world(app.db, &w);
}

static void
teardown(void)
{
	app_close(&app);
}

START_TEST(test_intake_only_name_required)
{
	struct intake in;
	struct pd_err err;
	int64_t id = 0;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	intake_init(&in);
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "name");
	in.client.name = xstrdup("  ");
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_INVALID);
	free(in.client.name);
	in.client.name = xstrdup("Dana Fox");
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_OK);
	ck_assert_int_gt(id, 0);
	intake_fini(&in);
	ck_assert_int_eq(dbfix_count(app.db, "referral"), 1);
	ck_assert_int_eq(dbfix_count(app.db, "funding"), 0);
}
END_TEST

START_TEST(test_intake_full)
{
	struct intake in;
	struct client_record rec;
	struct pd_err err;
	int64_t id = 0;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	intake_init(&in);
	in.client.name = xstrdup("Eve Stone");
	snprintf(in.referral.referred_on, 11, "2026-11-23");
	in.referral.referrer_name = xstrdup("Kate Morris (social worker)");
	in.funding.kind = FUNDING_PERSONAL_BUDGET;
	in.funding.contracted_minutes_per_week = 360;
	in.allies = xstrdup("Sister Lou\n\nNeighbour Bill\n");
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_OK);
	intake_fini(&in);
	ck_assert_int_eq(app_client_open(&app, id, &rec, &err), PD_OK);
	ck_assert_str_eq(rec.client.name, "Eve Stone");
	ck_assert_int_eq(rec.client.status, CLIENT_REFERRED);
	ck_assert_str_eq(rec.referral.referred_on, "2026-11-23");
	ck_assert_int_eq(rec.funding.kind, FUNDING_PERSONAL_BUDGET);
	ck_assert_int_eq(rec.funding.contracted_minutes_per_week, 360);
	ck_assert_str_eq(rec.allies, "Sister Lou\nNeighbour Bill");
	client_record_fini(&rec);
}
END_TEST

START_TEST(test_pal_cannot_take_referrals)
{
	struct intake in;
	struct pd_err err;
	int64_t id;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	intake_init(&in);
	in.client.name = xstrdup("Nope");
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_DENIED);
	intake_fini(&in);
}
END_TEST

START_TEST(test_pal_scope)
{
	struct client_record rec;
	struct client_query q;
	struct client_row rows[10];
	struct pd_err err;
	int n;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_client_open(&app, w.ana, &rec, &err), PD_OK);
	client_record_fini(&rec);
	ck_assert_int_eq(app_client_open(&app, w.ben, &rec, &err), PD_DENIED);
	ck_assert_int_eq(app_client_open(&app, w.chloe, &rec, &err), PD_DENIED);
	/* a client id that does not exist: the same words, no leak */
	ck_assert_int_eq(app_client_open(&app, 9999, &rec, &err), PD_DENIED);
	ck_assert_str_eq(err.msg, "there is no client 9999, or they are not "
	    "one of yours");
	memset(&q, 0, sizeof q);
	q.status_or_minus1 = -1;
	q.scope_pal = 0;	/* the app sets it, whatever the caller says */
	ck_assert_int_eq(app_client_page(&app, &q, rows, 10, &n, &err), PD_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(rows[0].id, w.ana);
	ck_assert_int_eq(app_client_count(&app, &q, &n, &err), PD_OK);
	ck_assert_int_eq(n, 1);

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	q.scope_pal = w.sam;	/* ignored for office staff */
	ck_assert_int_eq(app_client_count(&app, &q, &n, &err), PD_OK);
	ck_assert_int_eq(n, 3);
}
END_TEST

START_TEST(test_open_is_audited)
{
	struct client_record rec;
	struct pd_err err;
	int64_t before = dbfix_count(app.db, "audit");

	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_client_open(&app, w.ben, &rec, &err), PD_OK);
	client_record_fini(&rec);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), before + 1);
	/* a refused open is audited too: who, which id, what was asked */
	ck_assert_int_eq(app_client_open(&app, w.ana, &rec, &err), PD_DENIED);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), before + 2);
}
END_TEST

START_TEST(test_save_conflict)
{
	struct client_record a, b;
	struct pd_err err;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_client_open(&app, w.chloe, &a, &err), PD_OK);
	ck_assert_int_eq(app_client_open(&app, w.chloe, &b, &err), PD_OK);
	free(a.client.phone);
	a.client.phone = xstrdup("07700 900555");
	ck_assert_int_eq(app_client_save(&app, &a, &err), PD_OK);
	free(b.client.phone);
	b.client.phone = xstrdup("07700 900666");
	ck_assert_int_eq(app_client_save(&app, &b, &err), PD_CONFLICT);
	client_record_fini(&b);
	ck_assert_int_eq(app_client_open(&app, w.chloe, &b, &err), PD_OK);
	ck_assert_str_eq(b.client.phone, "07700 900555");
	client_record_fini(&a);
	client_record_fini(&b);
}
END_TEST

/* A save that fails half way (here the referral is stale) leaves the
 * record as it was, so fixing the cause and saving again works. */
START_TEST(test_failed_save_can_be_retried)
{
	struct client_record a, b;
	struct pd_err err;
	int client_version, referral_version;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_client_open(&app, w.chloe, &a, &err), PD_OK);
	if (a.referral.id == 0) {	/* give her a referral to go stale */
		memcpy(a.referral.referred_on, "2026-01-05", 11);
		ck_assert_int_eq(app_client_save(&app, &a, &err), PD_OK);
		client_record_fini(&a);
		ck_assert_int_eq(app_client_open(&app, w.chloe, &a, &err),
		    PD_OK);
	}
	ck_assert_int_gt(a.referral.id, 0);
	client_version = a.client.version;
	referral_version = a.referral.version;
	free(a.client.phone);
	a.client.phone = xstrdup("07700 900777");
	a.referral.version += 5;
	ck_assert_int_eq(app_client_save(&app, &a, &err), PD_CONFLICT);
	ck_assert_int_eq(a.client.version, client_version);
	a.referral.version = referral_version;
	ck_assert_int_eq(app_client_save(&app, &a, &err), PD_OK);
	ck_assert_int_eq(app_client_open(&app, w.chloe, &b, &err), PD_OK);
	ck_assert_str_eq(b.client.phone, "07700 900777");
	client_record_fini(&a);
	client_record_fini(&b);
}
END_TEST

START_TEST(test_pal_cannot_edit)
{
	struct client_record a;
	struct pd_err err;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_client_open(&app, w.ana, &a, &err), PD_OK);
	ck_assert_int_eq(app_client_save(&app, &a, &err), PD_DENIED);
	client_record_fini(&a);
}
END_TEST

static Suite *
app_clients_suite(void)
{
	Suite *s = suite_create("app_clients");
	TCase *tc = tcase_create("clients");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_intake_only_name_required);
	tcase_add_test(tc, test_intake_full);
	tcase_add_test(tc, test_pal_cannot_take_referrals);
	tcase_add_test(tc, test_pal_scope);
	tcase_add_test(tc, test_open_is_audited);
	tcase_add_test(tc, test_save_conflict);
	tcase_add_test(tc, test_pal_cannot_edit);
	tcase_add_test(tc, test_failed_save_can_be_retried);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(app_clients_suite)
