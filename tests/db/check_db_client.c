/* Tier 2: db_client_* against a fresh database: records, conflicts,
 * scope, and the paged, filtered client list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"

#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/client.h"
#include "support/dbtest.h"
#include "peerdesk/db/referral.h"

#define OK(call) do { \
	enum pd_status ok_ = (call); \
	ck_assert_msg(ok_ == PD_OK, "%s -> %s: %s", #call, \
	    pd_status_str(ok_), err.msg); \
} while (0)

#define TODAY "2026-03-01"

static int64_t
add_client(struct db *db, const char *name, const char *preferred,
    enum client_status st, const char *referred_on)
{
	struct pd_err err;
	struct client c;
	struct referral r;

	memset(&c, 0, sizeof c);
	c.name = xstrdup(name);
	c.preferred_name = preferred ? xstrdup(preferred) : NULL;
	c.status = st;
	OK(db_client_insert(db, &c, 0, &err));
	if (referred_on != NULL) {
		memset(&r, 0, sizeof r);
		r.client_id = c.id;
		r.route = ROUTE_GP;
		snprintf(r.referred_on, sizeof r.referred_on, "%s", referred_on);
		OK(db_referral_insert(db, &r, 0, &err));
	}
	client_fini(&c);
	return c.id;
}

START_TEST(test_round_trip)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct client c, g;

	dbfix_world(db, &w);
	memset(&c, 0, sizeof c);
	c.name = xstrdup("Zo\xc3\xab Martin");
	c.preferred_name = xstrdup("Zo");
	c.pronouns = xstrdup("she/her");
	strcpy(c.date_of_birth, "1988-11-30");
	c.phone = xstrdup("07700 900123");
	c.address = xstrdup("1 High Street\nTown");
	c.pal_preferences = xstrdup("a PAL who likes walking");
	c.diagnosis_note = xstrdup("");
	c.status = CLIENT_INTAKE;
	strcpy(c.status_changed_on, "2026-02-02");
	OK(db_client_insert(db, &c, w.office, &err));
	ck_assert_int_gt(c.id, 0);
	ck_assert_int_eq(c.version, 1);
	OK(db_client_get(db, c.id, 0, &g, &err));
	ck_assert_str_eq(g.name, "Zo\xc3\xab Martin");
	ck_assert_str_eq(g.preferred_name, "Zo");
	ck_assert_str_eq(g.pronouns, "she/her");
	ck_assert_str_eq(g.date_of_birth, "1988-11-30");
	ck_assert_str_eq(g.phone, "07700 900123");
	ck_assert_str_eq(g.address, "1 High Street\nTown");
	ck_assert_str_eq(g.pal_preferences, "a PAL who likes walking");
	ck_assert_ptr_null(g.diagnosis_note);	/* "" is "not recorded" */
	ck_assert_ptr_null(g.email);
	ck_assert_int_eq(g.status, CLIENT_INTAKE);
	ck_assert_str_eq(g.status_changed_on, "2026-02-02");
	ck_assert_str_eq(g.closed_on, "");
	ck_assert_str_eq(g.referred_on, "");
	ck_assert_str_eq(g.updated_at, "");
	ck_assert_int_eq(g.version, 1);
	client_fini(&g);
	client_fini(&c);
	ck_assert_int_eq(db_client_get(db, 9999, 0, &g, &err), PD_NOT_FOUND);
	memset(&c, 0, sizeof c);
	c.name = xstrdup(" ");
	ck_assert_int_eq(db_client_insert(db, &c, 0, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "name");
	client_fini(&c);
	db_close(&db);
}
END_TEST

START_TEST(test_update_and_conflict)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct client one, two, now;

	dbfix_world(db, &w);
	OK(db_client_get(db, w.ana, 0, &one, &err));
	OK(db_client_get(db, w.ana, 0, &two, &err));
	one.phone = xstrdup("01632 960001");
	one.status = CLIENT_ACTIVE;
	OK(db_client_update(db, &one, w.office, &err));
	ck_assert_int_eq(one.version, 2);
	ck_assert_int_eq(one.updated_by, w.office);
	ck_assert_int_eq((int)strlen(one.updated_at), 20);
	two.email = xstrdup("ana@example.org");
	ck_assert_int_eq(db_client_update(db, &two, w.sam, &err), PD_CONFLICT);
	/* Says who saved it and when (tests run with TZ=UTC). */
	ck_assert_msg(strstr(err.msg, "Olive Okafor") != NULL, "%s", err.msg);
	ck_assert_msg(strstr(err.msg, one.updated_at + 11) == NULL, "%s",
	    err.msg);	/* not the raw moment ... */
	{
		char hhmm[6];

		memcpy(hhmm, one.updated_at + 11, 5);
		hhmm[5] = '\0';
		ck_assert_msg(strstr(err.msg, hhmm) != NULL, "%s", err.msg);
	}
	OK(db_client_get(db, w.ana, 0, &now, &err));
	ck_assert_str_eq(now.phone, "01632 960001");
	ck_assert_ptr_null(now.email);
	ck_assert_int_eq(now.status, CLIENT_ACTIVE);
	ck_assert_int_eq(now.updated_by, w.office);
	ck_assert_int_eq(now.version, 2);
	client_fini(&now);
	two.id = 4242;
	ck_assert_int_eq(db_client_update(db, &two, w.sam, &err), PD_NOT_FOUND);
	client_fini(&one);
	client_fini(&two);
	db_close(&db);
}
END_TEST

/* Scope cases: who asks, which client, expected status. */
enum who { SAM, JO, OFFICE };
enum whom { ANA, BEN, CHLOE };
static const struct {
	enum who who;
	enum whom whom;
	const char *ana_sam_ended;	/* NULL = still open */
	enum pd_status want;
} scope_cases[] = {
	{ SAM, ANA, NULL, PD_OK },
	{ SAM, BEN, NULL, PD_NOT_FOUND },
	{ SAM, CHLOE, NULL, PD_NOT_FOUND },
	{ JO, BEN, NULL, PD_OK },
	{ JO, ANA, NULL, PD_NOT_FOUND },
	{ OFFICE, CHLOE, NULL, PD_OK },
	{ OFFICE, ANA, "2026-02-01", PD_OK },
	{ SAM, ANA, "2026-02-01", PD_NOT_FOUND },	/* ended before today */
	{ SAM, ANA, TODAY, PD_NOT_FOUND },		/* ends today */
	{ SAM, ANA, "2026-03-02", PD_OK },		/* ends after today */
};

START_TEST(test_scope_get)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct client g;
	int64_t scope, id;
	enum pd_status s;

	dbfix_world(db, &w);
	dbfix_today(TODAY);
	if (scope_cases[_i].ana_sam_ended != NULL)
		dbfix_end(db, w.ana_sam, scope_cases[_i].ana_sam_ended);
	scope = scope_cases[_i].who == SAM ? w.sam :
	    scope_cases[_i].who == JO ? w.jo : 0;
	id = scope_cases[_i].whom == ANA ? w.ana :
	    scope_cases[_i].whom == BEN ? w.ben : w.chloe;
	memset(&g, 0, sizeof g);
	s = db_client_get(db, id, scope, &g, &err);
	ck_assert_int_eq(s, scope_cases[_i].want);
	if (s == PD_OK) {
		ck_assert_int_eq(g.id, id);
		client_fini(&g);
	} else {
		/* Refused exactly like a missing client, and no row given. */
		ck_assert_ptr_null(g.name);
		ck_assert_int_eq(g.id, 0);
		ck_assert_str_eq(err.msg, "that client's record was not found");
	}
	db_close(&db);
}
END_TEST

START_TEST(test_scope_today_default)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct client g;

	dbfix_world(db, &w);
	/* Ended long ago: out of scope whatever the real date is. */
	dbfix_end(db, w.ana_sam, "2000-01-01");
	dbfix_today(NULL);
	ck_assert_int_eq(db_client_get(db, w.ana, w.sam, &g, &err),
	    PD_NOT_FOUND);
	/* Ends far in the future: in scope. */
	dbfix_end(db, w.ben_jo, "2999-01-01");
	OK(db_client_get(db, w.ben, w.jo, &g, &err));
	client_fini(&g);
	db_close(&db);
}
END_TEST

/* ---- the list -------------------------------------------------------- */

struct listed {
	struct db *db;
	struct dbfix_world w;
	int64_t dan, eve, fay, gus;
};

/* The world plus four more; referrals on distinct dates:
 *   Fay 2026-02-20 (active)    Ana 2026-02-10 (active, Sam)
 *   Eve 2026-01-15 (closed)    Ben 2026-01-10 (referred, Jo)
 *   Dan 2025-12-01 (paused, preferred name "Danny")
 *   Chloé, Gus: no referral (Gus newer id than Chloé) */
static void
listed_open(struct listed *l)
{
	struct pd_err err;
	struct referral r;
	struct client c;
	int64_t *ids[2];
	const char *dates[2] = { "2026-02-10", "2026-01-10" };
	int i;

	l->db = dbfix_open();
	dbfix_world(l->db, &l->w);
	dbfix_today(TODAY);
	ids[0] = &l->w.ana;
	ids[1] = &l->w.ben;
	for (i = 0; i < 2; i++) {
		memset(&r, 0, sizeof r);
		r.client_id = *ids[i];
		r.route = ROUTE_UNSET;
		strcpy(r.referred_on, dates[i]);
		OK(db_referral_insert(l->db, &r, 0, &err));
	}
	OK(db_client_get(l->db, l->w.ana, 0, &c, &err));
	c.status = CLIENT_ACTIVE;
	OK(db_client_update(l->db, &c, 0, &err));
	client_fini(&c);
	l->dan = add_client(l->db, "Dan Okoro", "Danny", CLIENT_PAUSED,
	    "2025-12-01");
	l->eve = add_client(l->db, "Eve Adams", NULL, CLIENT_CLOSED,
	    "2026-01-15");
	l->fay = add_client(l->db, "Fay Wong", NULL, CLIENT_ACTIVE,
	    "2026-02-20");
	l->gus = add_client(l->db, "Gus Hill", NULL, CLIENT_REFERRED, NULL);
}

/* The names of a page, "A,B,C". */
static void
page_names(struct db *db, const struct client_query *q, int max, char *out,
    size_t n)
{
	struct pd_err err;
	struct client_row rows[16];
	int got = -1, i;

	ck_assert_int_le(max, 16);
	OK(db_client_page(db, q, rows, max, &got, &err));
	ck_assert_int_ge(got, 0);
	ck_assert_int_le(got, max);
	out[0] = '\0';
	for (i = 0; i < got; i++) {
		char first[32];

		sscanf(rows[i].name, "%31s", first);
		snprintf(out + strlen(out), n - strlen(out), "%s%s",
		    i ? "," : "", first);
	}
}

static const struct {
	const char *filter;
	int status;
	int offset, max;
	const char *want;
	int count;		/* db_client_count for the same query */
} page_cases[] = {
	/* newest referral first, clients with none last (newest id first) */
	{ NULL, -1, 0, 16, "Fay,Ana,Eve,Ben,Dan,Gus,Chlo\xc3\xa9", 7 },
	{ "", -1, 0, 3, "Fay,Ana,Eve", 7 },
	{ NULL, -1, 3, 3, "Ben,Dan,Gus", 7 },
	{ NULL, -1, 6, 3, "Chlo\xc3\xa9", 7 },	/* the last, partial page */
	{ NULL, -1, 7, 3, "", 7 },		/* just past the end */
	{ NULL, -1, 100, 3, "", 7 },
	{ NULL, -1, -5, 2, "Fay,Ana", 7 },	/* negative offset = 0 */
	{ NULL, -1, 0, 0, "", 7 },		/* room for none */
	{ NULL, -1, 0, 1, "Fay", 7 },
	/* filter: the start of a word of the name or preferred name, any
	 * case, accents or none (the search index, 0012) */
	{ "an", -1, 0, 16, "Ana", 1 },
	{ "SILVA", -1, 0, 16, "Ana", 1 },
	{ "danny", -1, 0, 16, "Dan", 1 },
	{ "dan", -1, 0, 16, "Dan", 1 },
	{ "chlo\xc3\xa9", -1, 0, 16, "Chlo\xc3\xa9", 1 },
	{ "chloe", -1, 0, 16, "Chlo\xc3\xa9", 1 },
	{ "\xc3\xa9", -1, 0, 16, "Eve", 1 },	/* é is e: Eve */
	{ "dubois", -1, 0, 16, "Chlo\xc3\xa9", 1 },
	{ "zzz", -1, 0, 16, "", 0 },
	{ "%", -1, 0, 16, "", 0 },		/* no word: nobody */
	{ "_", -1, 0, 16, "", 0 },
	{ "ana OR ben", -1, 0, 16, "", 0 },	/* no query syntax */
	{ "  ", -1, 0, 16, "Fay,Ana,Eve,Ben,Dan,Gus,Chlo\xc3\xa9", 7 },
	/* status */
	{ NULL, CLIENT_ACTIVE, 0, 16, "Fay,Ana", 2 },
	{ NULL, CLIENT_REFERRED, 0, 16, "Ben,Gus,Chlo\xc3\xa9", 3 },
	{ NULL, CLIENT_REFERRED, 1, 1, "Gus", 3 },
	{ NULL, CLIENT_INTAKE, 0, 16, "", 0 },
	{ "a", CLIENT_ACTIVE, 0, 16, "Ana", 1 },
	{ "ana", CLIENT_CLOSED, 0, 16, "", 0 },
};

START_TEST(test_page)
{
	struct listed l;
	struct pd_err err;
	struct client_query q;
	char got[256];
	int n = -1;

	listed_open(&l);
	memset(&q, 0, sizeof q);
	q.filter = page_cases[_i].filter;
	q.status_or_minus1 = page_cases[_i].status;
	q.offset = page_cases[_i].offset;
	q.today = TODAY;
	page_names(l.db, &q, page_cases[_i].max, got, sizeof got);
	ck_assert_str_eq(got, page_cases[_i].want);
	OK(db_client_count(l.db, &q, &n, &err));
	ck_assert_int_eq(n, page_cases[_i].count);
	db_close(&l.db);
}
END_TEST

START_TEST(test_page_row_fields)
{
	struct listed l;
	struct pd_err err;
	struct client_query q;
	struct client_row rows[8];
	int n, i;
	int64_t other;

	listed_open(&l);
	other = dbfix_pal(l.db, "kit", "Kit Moss");
	dbfix_assign(l.db, l.w.ana, other, "2026-02-15");
	memset(&q, 0, sizeof q);
	q.status_or_minus1 = -1;
	OK(db_client_page(l.db, &q, rows, 8, &n, &err));
	ck_assert_int_eq(n, 7);
	for (i = 0; i < n && rows[i].id != l.w.ana; i++)
		;
	ck_assert_int_lt(i, n);
	ck_assert_str_eq(rows[i].name, "Ana Silva");
	ck_assert_str_eq(rows[i].status, "active");
	ck_assert_str_eq(rows[i].referred_on, "2026-02-10");
	ck_assert_str_eq(rows[i].pal_names, "Sam Reid, Kit Moss");
	ck_assert_str_eq(rows[i].preferred_name, "");
	/* An ended assignment no longer shows. */
	dbfix_end(l.db, l.w.ana_sam, "2026-02-28");
	OK(db_client_page(l.db, &q, rows, 8, &n, &err));
	ck_assert_str_eq(rows[1].name, "Ana Silva");
	ck_assert_str_eq(rows[1].pal_names, "Kit Moss");
	ck_assert_str_eq(rows[0].pal_names, "");	/* Fay has nobody */
	db_close(&l.db);
}
END_TEST

START_TEST(test_page_scope)
{
	struct listed l;
	struct pd_err err;
	struct client_query q;
	char got[256];
	int n;

	listed_open(&l);
	dbfix_assign(l.db, l.fay, l.w.sam, "2026-02-21");
	dbfix_assign(l.db, l.eve, l.w.sam, "2025-12-01");
	dbfix_end(l.db, dbfix_assign(l.db, l.dan, l.w.sam, "2025-06-01"),
	    "2025-11-30");
	memset(&q, 0, sizeof q);
	q.status_or_minus1 = -1;
	q.scope_pal = l.w.sam;
	q.today = TODAY;
	page_names(l.db, &q, 16, got, sizeof got);
	ck_assert_str_eq(got, "Fay,Ana,Eve");
	OK(db_client_count(l.db, &q, &n, &err));
	ck_assert_int_eq(n, 3);
	q.offset = 1;
	page_names(l.db, &q, 1, got, sizeof got);
	ck_assert_str_eq(got, "Ana");
	q.offset = 0;
	q.filter = "ben";		/* Jo's client: never shown to Sam */
	page_names(l.db, &q, 16, got, sizeof got);
	ck_assert_str_eq(got, "");
	OK(db_client_count(l.db, &q, &n, &err));
	ck_assert_int_eq(n, 0);
	q.filter = NULL;
	q.status_or_minus1 = CLIENT_ACTIVE;
	page_names(l.db, &q, 16, got, sizeof got);
	ck_assert_str_eq(got, "Fay,Ana");
	OK(db_client_count(l.db, &q, &n, &err));
	ck_assert_int_eq(n, 2);
	/* The date given in the query decides what "ended" and "started"
	 * mean: on 2025-11-15 only Dan's assignment is in force (Fay's,
	 * Ana's and Eve's have not started yet). */
	q.status_or_minus1 = -1;
	q.today = "2025-11-15";
	page_names(l.db, &q, 16, got, sizeof got);
	ck_assert_str_eq(got, "Dan");
	q.scope_pal = l.w.jo;
	q.today = TODAY;
	page_names(l.db, &q, 16, got, sizeof got);
	ck_assert_str_eq(got, "Ben");
	q.status_or_minus1 = 99;
	ck_assert_int_eq(db_client_count(l.db, &q, &n, &err), PD_INVALID);
	db_close(&l.db);
}
END_TEST

START_TEST(test_row_text_cut_at_character)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct client_query q;
	struct client_row row;
	char name[300];
	int n, i;

	/* 127 bytes of "a" then "é": the row's name[128] cannot hold the
	 * two-byte letter, so it must end before it, not half-way. */
	for (i = 0; i < 126; i++)
		name[i] = 'a';
	strcpy(name + 126, "\xc3\xa9\xc3\xa9");
	add_client(db, name, NULL, CLIENT_REFERRED, NULL);
	memset(&q, 0, sizeof q);
	q.status_or_minus1 = -1;
	OK(db_client_page(db, &q, &row, 1, &n, &err));
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq((int)strlen(row.name), 126);
	ck_assert_int_eq(row.name[125], 'a');
	db_close(&db);
}
END_TEST

/* 2,000 clients: one page reads about one page of rows. */
START_TEST(test_page_large)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct client_query q;
	struct client_row rows[20];
	char plan[1024], date[11];
	int n, i, full, sorts, vm;
	int64_t sam = dbfix_pal(db, "sam", "Sam Reid");

	dbfix_today(TODAY);
	OK(db_begin(db, &err));
	for (i = 0; i < 2000; i++) {
		char name[32];
		int64_t id;

		snprintf(name, sizeof name, "Client %04d", i);
		snprintf(date, sizeof date, "20%02d-%02d-%02d", 20 + i / 336,
		    1 + i / 28 % 12, 1 + i % 28);
		id = add_client(db, name, NULL, (enum client_status)(i % 5),
		    date);
		if (i % 200 == 0)
			dbfix_assign(db, id, sam, "2025-01-01");
	}
	OK(db_commit(db, &err));

	memset(&q, 0, sizeof q);
	q.status_or_minus1 = -1;
	q.today = TODAY;
	OK(db_client_page(db, &q, rows, 20, &n, &err));
	ck_assert_int_eq(n, 20);
	ck_assert_str_eq(rows[0].name, "Client 1999");
	for (i = 1; i < n; i++)
		ck_assert_str_le(rows[i].referred_on, rows[i - 1].referred_on);
	OK(dbtest_query_plan(db, "FROM client c WHERE 1 ORDER", plan,
	    sizeof plan, &err));
	ck_assert_msg(strstr(plan, "SCAN c USING INDEX client_referred") &&
	    !strstr(plan, "TEMP B-TREE"), "%s", plan);
	OK(dbtest_stmt_counters(db, "FROM client c WHERE 1 ORDER", &full,
	    &sorts, &vm, &err));
	OK(db_client_page(db, &q, rows, 20, &n, &err));
	OK(dbtest_stmt_counters(db, "FROM client c WHERE 1 ORDER", &full,
	    &sorts, &vm, &err));
	ck_assert_int_eq(sorts, 0);
	ck_assert_msg(full <= 21, "walked %d rows for a page of 20", full);

	/* Deep page: offset 1980 walks to the end but never sorts. */
	q.offset = 1980;
	OK(db_client_page(db, &q, rows, 20, &n, &err));
	ck_assert_int_eq(n, 20);
	ck_assert_str_eq(rows[19].name, "Client 0000");

	q.offset = 0;
	q.status_or_minus1 = CLIENT_ACTIVE;
	OK(db_client_page(db, &q, rows, 20, &n, &err));
	ck_assert_int_eq(n, 20);
	OK(dbtest_query_plan(db, "FROM client c WHERE c.status = :status",
	    plan, sizeof plan, &err));
	ck_assert_msg(strstr(plan, "USING INDEX client_status_referred "
	    "(status=?)") && !strstr(plan, "TEMP B-TREE"), "%s", plan);

	/* A filter finds its clients in the search index: the count reads
	 * only the index; the page looks up only the clients it finds. */
	q.status_or_minus1 = -1;
	q.filter = "client 1999";
	OK(db_client_count(db, &q, &n, &err));
	ck_assert_int_eq(n, 1);
	q.filter = "199";		/* starts 1990-1999, not 0199 */
	OK(db_client_page(db, &q, rows, 20, &n, &err));
	ck_assert_int_eq(n, 10);
	OK(dbtest_query_plan(db, "SELECT count(*) FROM client_search", plan,
	    sizeof plan, &err));
	ck_assert_msg(strstr(plan, "client_search VIRTUAL TABLE INDEX") &&
	    !strstr(plan, "client c") && !strstr(plan, "TEMP B-TREE"), "%s",
	    plan);
	q.filter = NULL;

	q.scope_pal = sam;
	OK(db_client_page(db, &q, rows, 20, &n, &err));
	ck_assert_int_eq(n, 10);
	OK(dbtest_query_plan(db, "FROM client c WHERE c.id IN (SELECT a.", plan,
	    sizeof plan, &err));
	ck_assert_msg(strstr(plan, "USING INDEX assignment_worker") &&
	    strstr(plan, "INTEGER PRIMARY KEY"), "%s", plan);
	OK(db_client_count(db, &q, &n, &err));
	ck_assert_int_eq(n, 10);
	db_close(&db);
}
END_TEST

static Suite *
client_suite(void)
{
	Suite *s = suite_create("db_client");
	TCase *tc = tcase_create("client");
	TCase *tl = tcase_create("list");

	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_update_and_conflict);
	tcase_add_loop_test(tc, test_scope_get, 0,
	    (int)(sizeof scope_cases / sizeof scope_cases[0]));
	tcase_add_test(tc, test_scope_today_default);
	tcase_add_loop_test(tl, test_page, 0,
	    (int)(sizeof page_cases / sizeof page_cases[0]));
	tcase_add_test(tl, test_page_row_fields);
	tcase_add_test(tl, test_page_scope);
	tcase_add_test(tl, test_row_text_cut_at_character);
	tcase_add_test(tl, test_page_large);
	tcase_set_timeout(tl, 60);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, tl);
	return s;
}

PD_TEST_MAIN(client_suite)
