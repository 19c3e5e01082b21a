/* Tier 2: the shortlist of PALs a client chooses from, and decisions
 * after the first meeting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"
#include "support/workfix.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/shortlist.h"

static struct workfix F;

static void
setup(void)
{
	workfix_open(&F);
}

static void
teardown(void)
{
	workfix_close(&F);
}

static int64_t
shortlist(int64_t client, int64_t pal, const char *on, const char *why)
{
	struct shortlist_entry e;
	struct pd_err err;

	memset(&e, 0, sizeof e);
	e.client_id = client;
	e.pal_id = pal;
	if (on != NULL)
		snprintf(e.added_on, sizeof e.added_on, "%s", on);
	e.added_by = F.office;
	e.why = why ? xstrdup(why) : NULL;
	ck_assert_int_eq(db_shortlist_insert(F.db, &e, &err), PD_OK);
	ck_assert_int_eq(e.version, 1);
	shortlist_entry_fini(&e);
	return e.id;
}

START_TEST(test_insert_get)
{
	struct shortlist_entry e;
	struct pd_err err;
	int64_t id = shortlist(F.dee, F.ann, NULL, "Also loves gardening");

	ck_assert_int_eq(db_shortlist_get(F.db, id, &e, &err), PD_OK);
	ck_assert_int_eq(e.client_id, F.dee);
	ck_assert_int_eq(e.pal_id, F.ann);
	ck_assert_str_eq(e.pal_name, "Ann Able");
	ck_assert_str_eq(e.added_on, "2024-03-04");	/* today */
	ck_assert_int_eq(e.added_by, F.office);
	ck_assert_str_eq(e.why, "Also loves gardening");
	ck_assert_int_eq(e.status, SHORTLIST_SHORTLISTED);
	ck_assert_int_eq(e.client_decision, DECISION_NONE);
	ck_assert_int_eq(e.pal_decision, DECISION_NONE);
	ck_assert_str_eq(e.first_meeting_on, "");
	shortlist_entry_fini(&e);
	ck_assert_int_eq(db_shortlist_get(F.db, 999, &e, &err), PD_NOT_FOUND);

	memset(&e, 0, sizeof e);
	e.client_id = F.dee;
	e.pal_id = 999;
	ck_assert_int_eq(db_shortlist_insert(F.db, &e, &err), PD_NOT_FOUND);
}
END_TEST

/* Both said yes to Ann; Bob declined after meeting; the stale copy of
 * Ann's entry is refused. */
START_TEST(test_decisions)
{
	struct shortlist_entry e, stale;
	struct pd_err err;
	int64_t ann = shortlist(F.dee, F.ann, "2024-02-01", NULL);
	int64_t bob = shortlist(F.dee, F.bob, "2024-02-01", NULL);

	ck_assert_int_eq(db_shortlist_get(F.db, ann, &e, &err), PD_OK);
	ck_assert_int_eq(db_shortlist_get(F.db, ann, &stale, &err), PD_OK);
	e.status = SHORTLIST_CHOSEN;
	memcpy(e.interview_on, "2024-02-05", 11);
	e.interview_note = xstrdup("Talked about allotments for an hour");
	memcpy(e.first_meeting_on, "2024-02-12", 11);
	e.client_decision = DECISION_YES;
	e.pal_decision = DECISION_YES;
	ck_assert_int_eq(db_shortlist_update(F.db, &e, &err), PD_OK);
	ck_assert_int_eq(e.version, 2);
	shortlist_entry_fini(&e);
	ck_assert_int_eq(db_shortlist_get(F.db, ann, &e, &err), PD_OK);
	ck_assert_int_eq(e.status, SHORTLIST_CHOSEN);
	ck_assert_int_eq(e.client_decision, DECISION_YES);
	ck_assert_int_eq(e.pal_decision, DECISION_YES);
	ck_assert_str_eq(e.first_meeting_on, "2024-02-12");
	ck_assert_str_eq(e.interview_note,
	    "Talked about allotments for an hour");
	shortlist_entry_fini(&e);

	stale.status = SHORTLIST_WITHDRAWN;
	ck_assert_int_eq(db_shortlist_update(F.db, &stale, &err), PD_CONFLICT);
	shortlist_entry_fini(&stale);

	ck_assert_int_eq(db_shortlist_get(F.db, bob, &e, &err), PD_OK);
	e.status = SHORTLIST_DECLINED;
	e.client_decision = DECISION_NO;
	e.pal_decision = DECISION_YES;
	e.decline_reason = xstrdup("Would rather have a PAL nearer home");
	memcpy(e.closed_on, "2024-02-13", 11);
	ck_assert_int_eq(db_shortlist_update(F.db, &e, &err), PD_OK);
	shortlist_entry_fini(&e);
	ck_assert_int_eq(db_shortlist_get(F.db, bob, &e, &err), PD_OK);
	ck_assert_int_eq(e.client_decision, DECISION_NO);
	ck_assert_int_eq(e.status, SHORTLIST_DECLINED);
	ck_assert_str_eq(e.closed_on, "2024-02-13");
	e.status = (enum shortlist_status)77;
	ck_assert_int_eq(db_shortlist_update(F.db, &e, &err), PD_INVALID);
	e.status = SHORTLIST_MET;
	e.id = 999;
	ck_assert_int_eq(db_shortlist_update(F.db, &e, &err), PD_NOT_FOUND);
	shortlist_entry_fini(&e);
}
END_TEST

struct entries {
	int n;
	int64_t pal[8];
};

static int
collect(void *arg, const struct shortlist_entry *row)
{
	struct entries *c = arg;

	c->pal[c->n++] = row->pal_id;
	return 0;
}

START_TEST(test_list)
{
	struct entries c;
	struct pd_err err;

	shortlist(F.dee, F.cat, "2024-02-03", NULL);
	shortlist(F.dee, F.ann, "2024-02-01", NULL);
	shortlist(F.eve, F.bob, "2024-02-01", NULL);
	shortlist(F.dee, F.bob, "2024-02-03", NULL);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(db_shortlist_list(F.db, F.dee, collect, &c, &err),
	    PD_OK);
	ck_assert_int_eq(c.n, 3);
	ck_assert_int_eq(c.pal[0], F.ann);
	ck_assert_int_eq(c.pal[1], F.cat);
	ck_assert_int_eq(c.pal[2], F.bob);
}
END_TEST

static Suite *
db_shortlist_suite(void)
{
	Suite *s = suite_create("db_shortlist");
	TCase *tc = tcase_create("shortlist");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_insert_get);
	tcase_add_test(tc, test_decisions);
	tcase_add_test(tc, test_list);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(db_shortlist_suite)
