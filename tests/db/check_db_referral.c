/* Tier 2: db_referral_* against a fresh database (and the scope of
 * referral and funding reads together). */
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"

#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/funding.h"
#include "peerdesk/db/referral.h"

#define OK(call) do { \
	enum pd_status ok_ = (call); \
	ck_assert_msg(ok_ == PD_OK, "%s -> %s: %s", #call, \
	    pd_status_str(ok_), err.msg); \
} while (0)

#define TODAY "2026-03-01"

static void
referral_on(struct referral *r, int64_t client_id, const char *date)
{
	memset(r, 0, sizeof *r);
	r->client_id = client_id;
	r->route = ROUTE_UNSET;
	strcpy(r->referred_on, date);
}

/* The client's list date ("" if none). */
static void
client_date(struct db *db, int64_t id, char out[11])
{
	struct pd_err err;
	struct client c;

	OK(db_client_get(db, id, 0, &c, &err));
	strcpy(out, c.referred_on);
	client_fini(&c);
}

START_TEST(test_referral_round_trip)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct referral r, g;

	dbfix_world(db, &w);
	referral_on(&r, w.ana, "2026-01-20");
	r.referrer_name = xstrdup("Pat Jones");
	r.referrer_org = xstrdup("County Council");
	r.referrer_team = xstrdup("Adult Social Care");
	r.referrer_contact = xstrdup("pat@example.gov.uk");
	r.route = ROUTE_SOCIAL_WORKER;
	strcpy(r.first_contact_on, "2026-01-22");
	strcpy(r.plan_submitted_on, "2026-02-01");
	r.notes = xstrdup("Keen to get out more.");
	r.heard_about = xstrdup("A leaflet at the GP surgery");
	OK(db_referral_insert(db, &r, w.office, &err));
	ck_assert_int_gt(r.id, 0);
	ck_assert_int_eq(r.version, 1);
	OK(db_referral_for_client(db, w.ana, 0, &g, &err));
	ck_assert_int_eq(g.id, r.id);
	ck_assert_int_eq(g.client_id, w.ana);
	ck_assert_str_eq(g.referred_on, "2026-01-20");
	ck_assert_str_eq(g.referrer_name, "Pat Jones");
	ck_assert_str_eq(g.referrer_org, "County Council");
	ck_assert_str_eq(g.referrer_team, "Adult Social Care");
	ck_assert_str_eq(g.referrer_contact, "pat@example.gov.uk");
	ck_assert_int_eq(g.route, ROUTE_SOCIAL_WORKER);
	ck_assert_str_eq(g.first_contact_on, "2026-01-22");
	ck_assert_str_eq(g.plan_submitted_on, "2026-02-01");
	ck_assert_str_eq(g.plan_approved_on, "");
	ck_assert_str_eq(g.funding_received_on, "");
	ck_assert_str_eq(g.notes, "Keen to get out more.");
	ck_assert_str_eq(g.heard_about, "A leaflet at the GP surgery");
	/* and changed, like every other field */
	free(g.heard_about);
	g.heard_about = xstrdup("A friend at the cafe");
	OK(db_referral_update(db, &g, w.office, &err));
	referral_fini(&g);
	OK(db_referral_for_client(db, w.ana, 0, &g, &err));
	ck_assert_str_eq(g.heard_about, "A friend at the cafe");
	ck_assert_int_eq(g.version, 2);
	referral_fini(&g);
	referral_fini(&r);
	/* No referral yet, no such client, no date. */
	ck_assert_int_eq(db_referral_for_client(db, w.ben, 0, &g, &err),
	    PD_NOT_FOUND);
	referral_on(&r, 7777, "2026-01-01");
	ck_assert_int_eq(db_referral_insert(db, &r, 0, &err), PD_NOT_FOUND);
	referral_on(&r, w.ben, "");
	ck_assert_int_eq(db_referral_insert(db, &r, 0, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "referred_on");
	ck_assert_int_eq(dbfix_count(db, "referral"), 1);
	db_close(&db);
}
END_TEST

START_TEST(test_referral_newest_and_list_date)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct referral a, b, g;
	char d[11];

	dbfix_world(db, &w);
	client_date(db, w.ana, d);
	ck_assert_str_eq(d, "");
	referral_on(&a, w.ana, "2026-02-01");
	OK(db_referral_insert(db, &a, 0, &err));
	client_date(db, w.ana, d);
	ck_assert_str_eq(d, "2026-02-01");
	/* An older re-referral recorded later does not move the date. */
	referral_on(&b, w.ana, "2024-05-05");
	OK(db_referral_insert(db, &b, 0, &err));
	client_date(db, w.ana, d);
	ck_assert_str_eq(d, "2026-02-01");
	OK(db_referral_for_client(db, w.ana, 0, &g, &err));
	ck_assert_int_eq(g.id, a.id);
	referral_fini(&g);
	/* Correcting the older one to be newest moves it. */
	strcpy(b.referred_on, "2026-02-15");
	OK(db_referral_update(db, &b, w.office, &err));
	client_date(db, w.ana, d);
	ck_assert_str_eq(d, "2026-02-15");
	OK(db_referral_for_client(db, w.ana, 0, &g, &err));
	ck_assert_int_eq(g.id, b.id);
	referral_fini(&g);
	/* Moving a referral to another client fixes both clients' dates. */
	b.client_id = w.ben;
	OK(db_referral_update(db, &b, w.office, &err));
	client_date(db, w.ana, d);
	ck_assert_str_eq(d, "2026-02-01");
	client_date(db, w.ben, d);
	ck_assert_str_eq(d, "2026-02-15");
	db_close(&db);
}
END_TEST

START_TEST(test_referral_conflict)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct referral r, one, two;

	dbfix_world(db, &w);
	referral_on(&r, w.ana, "2026-02-01");
	OK(db_referral_insert(db, &r, w.office, &err));
	OK(db_referral_for_client(db, w.ana, 0, &one, &err));
	OK(db_referral_for_client(db, w.ana, 0, &two, &err));
	strcpy(one.plan_approved_on, "2026-02-20");
	OK(db_referral_update(db, &one, w.manager, &err));
	ck_assert_int_eq(one.version, 2);
	two.notes = xstrdup("mine");
	ck_assert_int_eq(db_referral_update(db, &two, w.office, &err),
	    PD_CONFLICT);
	ck_assert_msg(strstr(err.msg, "Maya Shah") != NULL, "%s", err.msg);
	ck_assert_ptr_nonnull(strstr(err.msg, "referral"));
	referral_fini(&two);
	OK(db_referral_for_client(db, w.ana, 0, &two, &err));
	ck_assert_str_eq(two.plan_approved_on, "2026-02-20");
	ck_assert_ptr_null(two.notes);
	two.id += 100;
	ck_assert_int_eq(db_referral_update(db, &two, w.office, &err),
	    PD_NOT_FOUND);
	referral_fini(&one);
	referral_fini(&two);
	referral_fini(&r);
	db_close(&db);
}
END_TEST

START_TEST(test_referral_and_funding_scope)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct referral r;
	struct funding f;

	dbfix_world(db, &w);
	dbfix_today(TODAY);
	referral_on(&r, w.ben, "2026-01-10");
	OK(db_referral_insert(db, &r, 0, &err));
	memset(&f, 0, sizeof f);
	f.client_id = w.ben;
	f.kind = FUNDING_DIRECT_PAYMENT;
	f.contracted_minutes_per_week = 240;
	f.hourly_charge_pence = 2400;
	OK(db_funding_insert(db, &f, 0, &err));
	/* Jo (Ben's PAL) and the office see them; Sam sees nothing. */
	OK(db_referral_for_client(db, w.ben, w.jo, &r, &err));
	referral_fini(&r);
	OK(db_funding_for_client(db, w.ben, 0, &f, &err));
	funding_fini(&f);
	memset(&r, 0, sizeof r);
	memset(&f, 0, sizeof f);
	ck_assert_int_eq(db_referral_for_client(db, w.ben, w.sam, &r, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(r.id, 0);
	ck_assert_ptr_null(r.referrer_name);
	ck_assert_int_eq(db_funding_for_client(db, w.ben, w.sam, &f, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(f.id, 0);
	/* Once Jo's assignment has ended, Jo is refused too. */
	dbfix_end(db, w.ben_jo, "2026-02-01");
	ck_assert_int_eq(db_referral_for_client(db, w.ben, w.jo, &r, &err),
	    PD_NOT_FOUND);
	ck_assert_int_eq(db_funding_for_client(db, w.ben, w.jo, &f, &err),
	    PD_NOT_FOUND);
	db_close(&db);
}
END_TEST

static Suite *
referral_suite(void)
{
	Suite *s = suite_create("db_referral");
	TCase *tc = tcase_create("referral");

	tcase_add_test(tc, test_referral_round_trip);
	tcase_add_test(tc, test_referral_newest_and_list_date);
	tcase_add_test(tc, test_referral_conflict);
	tcase_add_test(tc, test_referral_and_funding_scope);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(referral_suite)
