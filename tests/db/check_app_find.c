/* Tier 2: finding clients (0012_client_search.sql): any part of a name
 * with or without accents and in any case, phone digits in any spacing,
 * a postcode; the index kept current on every write, filled for clients
 * already there by the migration; a PAL's search never wider than their
 * own clients, in every order; an erased client leaves no trace in it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/privacy.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/client.h"
#include "support/dbtest.h"

static struct app app;
static struct dbfix_world w;

static void
setup(void)
{
	appfix_open(&app);
	dbfix_world(app.db, &w);
	dbfix_today("2026-11-25");
}

static void
teardown(void)
{
	app_close(&app);
}

static int64_t
add(const char *name, const char *phone, const char *address)
{
	struct intake in;
	struct pd_err err;
	int64_t id = 0;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	intake_init(&in);
	in.client.name = xstrdup(name);
	in.client.phone = phone ? xstrdup(phone) : NULL;
	in.client.address = address ? xstrdup(address) : NULL;
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_OK);
	intake_fini(&in);
	return id;
}

/* The clients `words` finds, as "id,id,..." in the default order. */
static int
find(const char *words, enum client_sort sort, int64_t *ids, int max)
{
	struct client_query q;
	struct client_row rows[64];
	struct pd_err err;
	int n = 0, count = -1, i;

	memset(&q, 0, sizeof q);
	q.filter = words;
	q.status_or_minus1 = -1;
	q.sort = sort;
	ck_assert_msg(app_client_page(&app, &q, rows, 64, &n, &err) == PD_OK,
	    "%s", err.msg);
	ck_assert_int_eq(app_client_count(&app, &q, &count, &err), PD_OK);
	ck_assert_int_eq(count, n);
	for (i = 0; i < n && i < max; i++)
		ids[i] = rows[i].id;
	return n;
}

static void
finds_one(const char *words, int64_t want)
{
	int64_t ids[64];
	int n = find(words, CLIENT_SORT_REFERRAL, ids, 64);

	ck_assert_msg(n == 1 && ids[0] == want, "'%s' found %d clients "
	    "(first %lld), wanted only %lld", words, n,
	    n > 0 ? (long long)ids[0] : 0LL, (long long)want);
}

static void
finds_none(const char *words)
{
	int64_t ids[64];
	int n = find(words, CLIENT_SORT_REFERRAL, ids, 64);

	ck_assert_msg(n == 0, "'%s' found %d clients", words, n);
}

START_TEST(test_accents_and_case)
{
	int64_t siobhan = add("Siobh\xc3\xa1n N\xc3\xad Bhriain", NULL, NULL);
	int64_t zoe = add("ZO\xc3\x8b Ward", NULL, NULL);
	int64_t sean = add("Se\xc3\xa1n \xc3\x93 S\xc3\xa9", NULL, NULL);
	int64_t lukasz = add("\xc5\x81ukasz Nowak", NULL, NULL);
	int64_t bjorn = add("Bj\xc3\xb8rn Lund", NULL, NULL);
	int64_t grete = add("Grete Stra\xc3\x9f" "er", NULL, NULL);

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	finds_one("siobhan", siobhan);
	finds_one("SIOBH\xc3\x81N", siobhan);
	finds_one("siob", siobhan);
	finds_one("bhriain", siobhan);
	finds_one("zoe", zoe);
	finds_one("Zo\xc3\xab", zoe);
	finds_one("ZO\xc3\x8b", zoe);
	finds_one("sean", sean);
	finds_one("o se", sean);
	finds_one("lukasz", lukasz);
	finds_one("\xc5\x82ukasz", lukasz);
	finds_one("bjorn", bjorn);
	finds_one("strasser", grete);
	finds_one("ward zo", zoe);		/* any order */
	finds_one("chloe", w.chloe);		/* Chloé, made by SQL */
	finds_one("dubois chlo", w.chloe);
	finds_none("siobhan ward");		/* every word must match */
	finds_none("zzz");
}
END_TEST

START_TEST(test_phone_and_postcode)
{
	int64_t a = add("Amir Haddad", "07700 900 123", "12 Mill Lane\n"
	    "Leeds LS1 4AB");
	int64_t b = add("Bea Long", "+44 (0)161 496 0000 / 07700 900999",
	    "Flat 2, 3 High St, London SW1A 1AA");

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	finds_one("07700900123", a);
	finds_one("07700 900123", a);
	finds_one("0770-090-0123", a);
	finds_one("+44 7700 900123", a);
	finds_one("07700 9001", a);
	finds_one("01614960000", b);
	finds_one("0161 496", b);
	finds_one("07700 900999", b);
	finds_one("LS1 4AB", a);
	finds_one("ls14ab", a);
	finds_one("sw1a1aa", b);
	finds_one("SW1A 1", b);
	finds_one("mill lane", a);
	finds_none("07700 900124");
}
END_TEST

/* A change of name, phone or address is in the index at once; the old
 * words are gone. */
START_TEST(test_kept_current)
{
	int64_t id = add("Eve Stone", "07700 900111", NULL);
	struct client_record rec;
	struct pd_err err;
	int64_t n;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_client_open(&app, id, &rec, &err), PD_OK);
	free(rec.client.name);
	rec.client.name = xstrdup("Eve Rivers");
	free(rec.client.phone);
	rec.client.phone = xstrdup("0113 496 0000");
	ck_assert_int_eq(app_client_save(&app, &rec, &err), PD_OK);
	client_record_fini(&rec);
	ck_assert_int_eq(dbtest_count(app.db, "client_search_stale", &n,
	    &err), PD_OK);
	ck_assert_int_eq(n, 0);
	finds_none("stone");
	finds_none("07700900111");
	finds_one("rivers", id);
	finds_one("0113 496 0000", id);
}
END_TEST

/* A PAL finds only their own clients, whatever they type and in every
 * order: the search narrows the scope, never widens it. */
START_TEST(test_pal_scope_never_widens)
{
	static const char *const words[] = {
		NULL, "", "a", "an", "ana", "silva", "ben", "carter", "chloe",
		"07700", "e", "*", "\"", "a OR b", "NEAR(a b)", "ben OR ana",
		"-", "c*", "rowid", ":", "{names}"
	};
	int64_t ids[64];
	size_t i;
	int s, n, k;

	add("Anand Ben Carter", "07700 900222", NULL);
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	for (s = 0; s < CLIENT_SORT_COUNT; s++)
		for (i = 0; i < sizeof words / sizeof words[0]; i++) {
			n = find(words[i], (enum client_sort)s, ids, 64);
			for (k = 0; k < n; k++)
				ck_assert_msg(ids[k] == w.ana, "sam's search "
				    "'%s' (order %d) found client %lld",
				    words[i] ? words[i] : "(none)", s,
				    (long long)ids[k]);
		}
	n = find("ana", CLIENT_SORT_REFERRAL, ids, 64);
	ck_assert_int_eq(n, 1);
	/* the office sees everyone for the same words */
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(find("carter", CLIENT_SORT_REFERRAL, ids, 64), 2);
}
END_TEST

/* Every order lists every client once. */
START_TEST(test_orders)
{
	struct client_query q;
	struct client_row rows[16];
	struct pd_err err;
	int s, n;

	add("\xc3\x89mile Zola", NULL, NULL);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	for (s = 0; s < CLIENT_SORT_COUNT; s++) {
		memset(&q, 0, sizeof q);
		q.status_or_minus1 = -1;
		q.sort = (enum client_sort)s;
		ck_assert_int_eq(app_client_page(&app, &q, rows, 16, &n, &err),
		    PD_OK);
		ck_assert_int_eq(n, 4);
	}
	/* by name, accents ignored: Ana, Ben, Chloé, Émile */
	q.sort = CLIENT_SORT_NAME;
	ck_assert_int_eq(app_client_page(&app, &q, rows, 16, &n, &err), PD_OK);
	ck_assert_int_eq(rows[0].id, w.ana);
	ck_assert_int_eq(rows[1].id, w.ben);
	ck_assert_int_eq(rows[2].id, w.chloe);
	ck_assert_str_eq(rows[3].name, "\xc3\x89mile Zola");
	/* by PAL: Jo's (Ben), Sam's (Ana), then nobody's */
	q.sort = CLIENT_SORT_PAL;
	ck_assert_int_eq(app_client_page(&app, &q, rows, 16, &n, &err), PD_OK);
	ck_assert_int_eq(rows[0].id, w.ben);
	ck_assert_int_eq(rows[1].id, w.ana);
	ck_assert_str_eq(rows[2].pal_names, "");
	ck_assert_str_eq(client_sort_str(CLIENT_SORT_REVIEW), "review");
	ck_assert_int_eq(client_sort_from_str("Name", (enum client_sort *)&s),
	    0);
	ck_assert_int_eq(s, CLIENT_SORT_NAME);
	ck_assert_int_eq(client_sort_from_str("age", (enum client_sort *)&s),
	    -1);
}
END_TEST

/* Erasing a client leaves nothing of their name, phone or address in the
 * index: not its words, not its stored text, not its sort key, not the
 * bytes of an old segment. */
START_TEST(test_erase_leaves_no_trace)
{
	int64_t id = add("Siobh\xc3\xa1n Quennell", "07700 900333",
	    "4 Orchard Row, York YO1 7HH");
	struct client c;
	struct pd_err err;
	int64_t n;
	static const char *const words[] = {
		"quennell", "siobhan", "07700900333", "orchard", "yo17hh"
	};
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		ck_assert_int_eq(dbtest_search_holds(app.db, words[i], &n, &err),
		    PD_OK);
		ck_assert_msg(n > 0, "%s is not in the index before", words[i]);
	}
	ck_assert_int_eq(db_client_get(app.db, id, 0, &c, &err), PD_OK);
	c.status = CLIENT_CLOSED;
	snprintf(c.closed_on, sizeof c.closed_on, "2019-01-01");
	ck_assert_int_eq(db_client_update(app.db, &c, w.manager, &err), PD_OK);
	client_fini(&c);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_msg(app_erase(&app, id, NULL, NULL, &err) == PD_OK, "%s",
	    err.msg);
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		ck_assert_int_eq(dbtest_search_holds(app.db, words[i], &n, &err),
		    PD_OK);
		ck_assert_msg(n == 0, "%s is still in the index (%lld places)",
		    words[i], (long long)n);
	}
	finds_none("quennell");
	finds_none("07700 900333");
	/* the erased record is found by what it is called now */
	finds_one("erased", id);
}
END_TEST

/* Clients already there when 0012 runs are indexed by it. */
START_TEST(test_migration_fills_index)
{
	char *path = test_path("v11.db");
	struct db *db = NULL;
	struct pd_err err;
	int64_t id, n;

	ck_assert_int_eq(db_open(path, DB_OPEN_NO_UPGRADE, &db, &err), PD_OK);
	ck_assert_int_eq(db_migrate_to(db, 11, &err), PD_OK);
	ck_assert_int_eq(dbtest_client(db, "M\xc3\xa1ire Byrne", &id, &err),
	    PD_OK);
	ck_assert_int_eq(dbtest_client(db, "Old Client", &id, &err), PD_OK);
	ck_assert_int_eq(db_migrate_to(db, db_schema_latest(), &err), PD_OK);
	ck_assert_int_eq(dbtest_count(db, "client_search", &n, &err), PD_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(dbtest_count(db, "client_search_stale", &n, &err),
	    PD_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(dbtest_search_holds(db, "maire", &n, &err), PD_OK);
	ck_assert_int_gt(n, 0);
	db_close(&db);
	free(path);
}
END_TEST

/* Checks that help, never block without reason: a date typed 03/04/1920
 * is 3 April; a date of birth in the future or over 120 is refused; over
 * 100, a referral date in the future, odd email and phone shapes are
 * questions; a saved record is not asked about again. */
START_TEST(test_checks)
{
	struct intake in;
	struct client_record rec;
	struct pd_err err;
	int64_t id = 0;
	char *q;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	intake_init(&in);
	in.client.name = xstrdup("Maud Older");
	snprintf(in.client.date_of_birth, 11, "03/04/2031");
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "date_of_birth");
	ck_assert_ptr_nonnull(strstr(err.msg, "future"));
	snprintf(in.client.date_of_birth, 11, "03/04/1905");
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "121"));
	snprintf(in.client.date_of_birth, 11, "31/02/1950");
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "31/12/2025"));
	snprintf(in.client.date_of_birth, 11, "03/04/1920");
	snprintf(in.referral.referred_on, 11, "2026-12-01");
	in.client.email = xstrdup("maud@");
	in.client.phone = xstrdup("12345");
	q = app_client_ask(&app, &in.client, &in.referral);
	ck_assert_ptr_nonnull(q);
	ck_assert_ptr_nonnull(strstr(q, "makes them 106"));
	ck_assert_ptr_nonnull(strstr(q, "Sat 3 Apr 1920"));
	ck_assert_ptr_nonnull(strstr(q, "in the future"));
	ck_assert_ptr_nonnull(strstr(q, "\"maud@\" does not look like an email"));
	ck_assert_ptr_nonnull(strstr(q, "\"12345\" does not look like a UK"));
	free(q);
	/* saved anyway: kept, the date as 3 April 1920 */
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_OK);
	intake_fini(&in);
	ck_assert_int_eq(app_client_open(&app, id, &rec, &err), PD_OK);
	ck_assert_str_eq(rec.client.date_of_birth, "1920-04-03");
	/* nothing changed: nothing asked */
	ck_assert_ptr_null(app_client_ask(&app, &rec.client, &rec.referral));
	free(rec.client.phone);
	rec.client.phone = xstrdup("ring after 6");
	q = app_client_ask(&app, &rec.client, &rec.referral);
	ck_assert_ptr_nonnull(q);
	ck_assert_ptr_nonnull(strstr(q, "ring after 6"));
	ck_assert_ptr_null(strstr(q, "makes them"));
	free(q);
	free(rec.client.phone);
	rec.client.phone = xstrdup("+44 7700 900123");
	ck_assert_ptr_null(app_client_ask(&app, &rec.client, &rec.referral));
	/* a date typed 15/04/90 in an edit is kept as 1990-04-15 */
	snprintf(rec.client.date_of_birth, 11, "15/04/90");
	ck_assert_int_eq(app_client_save(&app, &rec, &err), PD_OK);
	client_record_fini(&rec);
	ck_assert_int_eq(app_client_open(&app, id, &rec, &err), PD_OK);
	ck_assert_str_eq(rec.client.date_of_birth, "1990-04-15");
	client_record_fini(&rec);
}
END_TEST

static Suite *
find_suite(void)
{
	Suite *s = suite_create("app_find");
	TCase *tc = tcase_create("find");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_accents_and_case);
	tcase_add_test(tc, test_phone_and_postcode);
	tcase_add_test(tc, test_kept_current);
	tcase_add_test(tc, test_pal_scope_never_widens);
	tcase_add_test(tc, test_orders);
	tcase_add_test(tc, test_erase_leaves_no_trace);
	tcase_add_test(tc, test_migration_fills_index);
	tcase_add_test(tc, test_checks);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(find_suite)
