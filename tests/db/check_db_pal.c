/* Tier 2: db_pal_* against a fresh database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"

#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/pal.h"

#define OK(call) do { \
	enum pd_status ok_ = (call); \
	ck_assert_msg(ok_ == PD_OK, "%s -> %s: %s", #call, \
	    pd_status_str(ok_), err.msg); \
} while (0)

START_TEST(test_profile_round_trip)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	int64_t id = dbfix_staff(db, "rae", "Rae Quinn", ROLE_PAL);
	struct pal_profile p, g;

	memset(&p, 0, sizeof p);
	p.staff_id = id;
	strcpy(p.date_of_birth, "1990-04-01");
	p.pronouns = xstrdup("they/them");
	p.interests = xstrdup("walking, caf\xc3\xa9s, chess");
	p.my_story = xstrdup("I know what a bad winter feels like.");
	strcpy(p.started_on, "2025-09-01");
	p.max_clients = 4;
	OK(db_pal_insert(db, &p, &err));
	ck_assert_int_eq(p.version, 1);
	OK(db_pal_get(db, id, &g, &err));
	ck_assert_int_eq(g.staff_id, id);
	ck_assert_str_eq(g.date_of_birth, "1990-04-01");
	ck_assert_str_eq(g.pronouns, "they/them");
	ck_assert_str_eq(g.interests, "walking, caf\xc3\xa9s, chess");
	ck_assert_str_eq(g.my_story, "I know what a bad winter feels like.");
	ck_assert_ptr_null(g.gender);
	ck_assert_str_eq(g.started_on, "2025-09-01");
	ck_assert_str_eq(g.left_on, "");
	ck_assert_int_eq(g.max_clients, 4);
	pal_profile_fini(&g);
	/* A second profile for the same person, and one for nobody. */
	ck_assert_int_eq(db_pal_insert(db, &p, &err), PD_DUPLICATE);
	p.staff_id = id + 99;
	ck_assert_int_eq(db_pal_insert(db, &p, &err), PD_NOT_FOUND);
	ck_assert_int_eq(db_pal_get(db, id + 99, &g, &err), PD_NOT_FOUND);
	pal_profile_fini(&p);
	db_close(&db);
}
END_TEST

START_TEST(test_profile_conflict)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	int64_t id = dbfix_pal(db, "sam", "Sam Reid");
	struct pal_profile one, two, now;

	OK(db_pal_get(db, id, &one, &err));
	OK(db_pal_get(db, id, &two, &err));
	ck_assert_int_eq(one.max_clients, -1);
	one.likes = xstrdup("dogs");
	OK(db_pal_update(db, &one, &err));
	ck_assert_int_eq(one.version, 2);
	two.dislikes = xstrdup("loud places");
	ck_assert_int_eq(db_pal_update(db, &two, &err), PD_CONFLICT);
	OK(db_pal_get(db, id, &now, &err));
	ck_assert_str_eq(now.likes, "dogs");
	ck_assert_ptr_null(now.dislikes);
	pal_profile_fini(&now);
	two.staff_id = id + 10;
	ck_assert_int_eq(db_pal_update(db, &two, &err), PD_NOT_FOUND);
	pal_profile_fini(&one);
	pal_profile_fini(&two);
	db_close(&db);
}
END_TEST

/* Rates: (date asked, expected pence or -1 for none). */
static const struct {
	const char *date;
	int64_t pence;
} rate_cases[] = {
	{ "2024-03-31", -1 },
	{ "2024-04-01", 1144 },
	{ "2025-03-31", 1144 },
	{ "2025-04-01", 1221 },
	{ "2026-01-01", 1221 },
};

START_TEST(test_rate_on)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	int64_t id = dbfix_staff(db, "rae", "Rae Quinn", ROLE_PAL);
	struct pal_profile p;
	int64_t pence = 0;
	enum pd_status s;

	memset(&p, 0, sizeof p);
	p.staff_id = id;
	p.max_clients = -1;
	OK(db_pal_insert(db, &p, &err));
	OK(db_pal_rate_add(db, id, 1221, "2025-04-01", 0, &err));
	OK(db_pal_rate_add(db, id, 1144, "2024-04-01", 0, &err));
	s = db_pal_rate_on(db, id, rate_cases[_i].date, &pence, &err);
	if (rate_cases[_i].pence < 0) {
		ck_assert_int_eq(s, PD_NOT_FOUND);
	} else {
		ck_assert_int_eq(s, PD_OK);
		ck_assert_int_eq(pence, rate_cases[_i].pence);
	}
	db_close(&db);
}
END_TEST

static int
rate_collect(void *arg, const struct pal_rate_row *row)
{
	char *buf = arg;
	size_t len = strlen(buf);

	snprintf(buf + len, 256 - len, "%s=%lld;", row->effective_from,
	    (long long)row->rate_pence);
	return 0;
}

START_TEST(test_rate_refusals_and_list)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	int64_t by = dbfix_staff(db, "maya", "Maya Shah", ROLE_MANAGER);
	int64_t id = dbfix_pal(db, "sam", "Sam Reid");
	char buf[256] = "";

	OK(db_pal_rate_add(db, id, 1300, "2026-04-01", by, &err));
	ck_assert_int_eq(db_pal_rate_add(db, id, 1310, "2026-04-01", by, &err),
	    PD_DUPLICATE);
	ck_assert_str_eq(err.field, "effective_from");
	ck_assert_int_eq(db_pal_rate_add(db, id, -1, "2026-05-01", by, &err),
	    PD_INVALID);
	ck_assert_int_eq(db_pal_rate_add(db, id, 100, "", by, &err),
	    PD_INVALID);
	ck_assert_int_eq(db_pal_rate_add(db, id + 9, 100, "2026-05-01", by,
	    &err), PD_NOT_FOUND);
	OK(db_pal_rate_list(db, id, rate_collect, buf, &err));
	ck_assert_str_eq(buf, "2026-04-01=1300;" DBFIX_FROM "=1250;");
	db_close(&db);
}
END_TEST

static int
rule_collect(void *arg, const struct pal_benefit_row *row)
{
	char *buf = arg;
	size_t len = strlen(buf);

	snprintf(buf + len, 256 - len, "%s=%s(%s);", row->effective_from,
	    benefit_rule_str(row->rule), row->note ? row->note : "-");
	return 0;
}

START_TEST(test_benefit_rules)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	int64_t id = dbfix_staff(db, "rae", "Rae Quinn", ROLE_PAL);
	int64_t sam = dbfix_pal(db, "sam", "Sam Reid");
	struct pal_profile p;
	enum benefit_rule r = RULE_UC;
	char buf[256] = "";

	memset(&p, 0, sizeof p);
	p.staff_id = id;
	p.max_clients = -1;
	OK(db_pal_insert(db, &p, &err));
	/* Nothing set: no benefit limit. */
	OK(db_pal_benefit_on(db, id, "2026-01-01", &r, &err));
	ck_assert_int_eq(r, RULE_NONE);
	OK(db_pal_benefit_set(db, id, RULE_SUPPORTED, "2025-06-01",
	    "job coach", 0, &err));
	OK(db_pal_benefit_set(db, id, RULE_UC, "2026-02-01", NULL, 0, &err));
	OK(db_pal_benefit_on(db, id, "2025-05-31", &r, &err));
	ck_assert_int_eq(r, RULE_NONE);
	OK(db_pal_benefit_on(db, id, "2025-06-01", &r, &err));
	ck_assert_int_eq(r, RULE_SUPPORTED);
	OK(db_pal_benefit_on(db, id, "2026-02-01", &r, &err));
	ck_assert_int_eq(r, RULE_UC);
	/* Setting the same date again replaces it. */
	OK(db_pal_benefit_set(db, id, RULE_PERMITTED, "2026-02-01", "fixed",
	    0, &err));
	OK(db_pal_benefit_on(db, id, "2026-03-01", &r, &err));
	ck_assert_int_eq(r, RULE_PERMITTED);
	OK(db_pal_benefit_list(db, id, rule_collect, buf, &err));
	ck_assert_str_eq(buf, "2026-02-01=permitted(fixed);"
	    "2025-06-01=supported(job coach);");
	OK(db_pal_benefit_on(db, sam, "2026-01-01", &r, &err));
	ck_assert_int_eq(r, DBFIX_RULE);
	ck_assert_int_eq(db_pal_benefit_set(db, id, (enum benefit_rule)42,
	    "2026-01-01", NULL, 0, &err), PD_INVALID);
	db_close(&db);
}
END_TEST

static int
dbs_collect(void *arg, const struct pal_dbs_row *row)
{
	char *buf = arg;
	size_t len = strlen(buf);

	snprintf(buf + len, 256 - len, "%s,%s,%s,%d,%s;", row->level,
	    row->certificate_no ? row->certificate_no : "-", row->issued_on,
	    row->update_service, row->recheck_due);
	return 0;
}

START_TEST(test_dbs)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	int64_t id = dbfix_pal(db, "sam", "Sam Reid");
	char buf[256] = "";

	OK(db_pal_dbs_add(db, id, "enhanced", "001234567890", "2023-05-02", 1,
	    "2026-05-02", &err));
	OK(db_pal_dbs_add(db, id, "basic", NULL, "2021-01-10", 0, "", &err));
	ck_assert_int_eq(db_pal_dbs_add(db, id, "super", NULL, NULL, 0, NULL,
	    &err), PD_INVALID);
	ck_assert_str_eq(err.field, "level");
	ck_assert_int_eq(db_pal_dbs_add(db, id + 5, "basic", NULL, NULL, 0,
	    NULL, &err), PD_NOT_FOUND);
	OK(db_pal_dbs_list(db, id, dbs_collect, buf, &err));
	ck_assert_str_eq(buf, "enhanced,001234567890,2023-05-02,1,2026-05-02;"
	    "basic,-,2021-01-10,0,;");
	db_close(&db);
}
END_TEST

static int
training_collect(void *arg, const struct pal_training_row *row)
{
	char *buf = arg;
	size_t len = strlen(buf);

	snprintf(buf + len, 256 - len, "%s %s %d %d;", row->date, row->title,
	    row->minutes, row->paid);
	return 0;
}

static int
supervision_collect(void *arg, const struct pal_supervision_row *row)
{
	char *buf = arg;
	size_t len = strlen(buf);

	snprintf(buf + len, 256 - len, "%s %s %d %d %s;", row->date,
	    row->supervisor_name ? row->supervisor_name : "-", row->minutes,
	    row->paid, row->notes ? row->notes : "-");
	return 0;
}

START_TEST(test_training_and_supervision)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	int64_t maya = dbfix_staff(db, "maya", "Maya Shah", ROLE_MANAGER);
	int64_t id = dbfix_pal(db, "sam", "Sam Reid");
	int64_t t1 = 0, t2 = 0, s1 = 0, s2 = 0;
	char buf[256] = "";

	OK(db_pal_training_add(db, id, "2026-01-12", "Safeguarding adults",
	    180, 1, &t1, &err));
	OK(db_pal_training_add(db, id, "2026-02-03", "Mental health first aid",
	    360, 0, &t2, &err));
	ck_assert_int_gt(t2, t1);
	ck_assert_int_eq(db_pal_training_add(db, id, "2026-02-03", "", 60, 1,
	    NULL, &err), PD_INVALID);
	ck_assert_int_eq(db_pal_training_add(db, id, "2026-02-03", "X", -5, 1,
	    NULL, &err), PD_INVALID);
	OK(db_pal_training_list(db, id, training_collect, buf, &err));
	ck_assert_str_eq(buf, "2026-02-03 Mental health first aid 360 0;"
	    "2026-01-12 Safeguarding adults 180 1;");

	OK(db_pal_supervision_add(db, id, "2026-01-20", maya, 60, 1,
	    "going well", &s1, &err));
	OK(db_pal_supervision_add(db, id, "2026-02-17", 0, 45, 1, NULL, &s2,
	    &err));
	ck_assert_int_eq(db_pal_supervision_add(db, id, "2026-02-17", maya, 0,
	    1, NULL, NULL, &err), PD_INVALID);
	ck_assert_int_eq(db_pal_supervision_add(db, id, "2026-02-17",
	    maya + 100, 30, 1, NULL, NULL, &err), PD_NOT_FOUND);
	buf[0] = '\0';
	OK(db_pal_supervision_list(db, id, supervision_collect, buf, &err));
	ck_assert_str_eq(buf, "2026-02-17 - 45 1 -;"
	    "2026-01-20 Maya Shah 60 1 going well;");
	ck_assert_int_eq(dbfix_count(db, "pal_supervision"), 2);
	db_close(&db);
}
END_TEST

static Suite *
pal_suite(void)
{
	Suite *s = suite_create("db_pal");
	TCase *tc = tcase_create("pal");

	tcase_add_test(tc, test_profile_round_trip);
	tcase_add_test(tc, test_profile_conflict);
	tcase_add_loop_test(tc, test_rate_on, 0,
	    (int)(sizeof rate_cases / sizeof rate_cases[0]));
	tcase_add_test(tc, test_rate_refusals_and_list);
	tcase_add_test(tc, test_benefit_rules);
	tcase_add_test(tc, test_dbs);
	tcase_add_test(tc, test_training_and_supervision);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(pal_suite)
