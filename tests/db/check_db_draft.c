/* Tier 2: db_draft_* against a fresh database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"

#include "peerdesk/db/draft.h"

#define OK(call) do { \
	enum pd_status ok_ = (call); \
	ck_assert_msg(ok_ == PD_OK, "%s -> %s: %s", #call, \
	    pd_status_str(ok_), err.msg); \
} while (0)

START_TEST(test_round_trip)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	int64_t sam = dbfix_pal(db, "sam", "Sam Reid");
	int64_t jo = dbfix_pal(db, "jo", "Jo Evans");
	const char *text = "did=We walked by the river\n"
	    "went_well=Ana chose the caf\xc3\xa9\n\ttab and \"quotes\"";
	char *got = NULL;
	char at[21];

	OK(db_draft_save(db, sam, "session", "42", text, &err));
	OK(db_draft_load(db, sam, "session", "42", &got, at, &err));
	ck_assert_str_eq(got, text);
	ck_assert_int_eq((int)strlen(at), 20);
	free(got);
	/* Saving again replaces it. */
	OK(db_draft_save(db, sam, "session", "42", "newer", &err));
	OK(db_draft_load(db, sam, "session", "42", &got, at, &err));
	ck_assert_str_eq(got, "newer");
	free(got);
	ck_assert_int_eq(dbfix_count(db, "draft"), 1);
	/* Another person, form or record is a different draft. */
	ck_assert_int_eq(db_draft_load(db, jo, "session", "42", &got, at,
	    &err), PD_NOT_FOUND);
	ck_assert_ptr_null(got);
	ck_assert_int_eq(db_draft_load(db, sam, "client", "42", &got, at,
	    &err), PD_NOT_FOUND);
	ck_assert_int_eq(db_draft_load(db, sam, "session", "43", &got, at,
	    &err), PD_NOT_FOUND);
	/* A new record: NULL and "" are the same key. */
	OK(db_draft_save(db, sam, "client", NULL, "", &err));
	OK(db_draft_load(db, sam, "client", "", &got, at, &err));
	ck_assert_str_eq(got, "");
	free(got);
	ck_assert_int_eq(db_draft_save(db, sam, "", "1", "x", &err),
	    PD_INVALID);
	ck_assert_int_eq(db_draft_save(db, 999, "session", "1", "x", &err),
	    PD_NOT_FOUND);
	db_close(&db);
}
END_TEST

struct seen {
	char text[256];
	int calls;
};

static int
collect(void *arg, const struct draft_row *row)
{
	struct seen *s = arg;

	snprintf(s->text + strlen(s->text), sizeof s->text - strlen(s->text),
	    "%s/%s=%s;", row->form, row->key, row->content);
	ck_assert_int_eq((int)strlen(row->saved_at), 20);
	s->calls++;
	return 0;
}

START_TEST(test_list_and_delete)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	int64_t sam = dbfix_pal(db, "sam", "Sam Reid");
	int64_t jo = dbfix_pal(db, "jo", "Jo Evans");
	struct seen s;
	char *got;
	char at[21];

	OK(db_draft_save(db, sam, "session", "1", "one", &err));
	OK(db_draft_save(db, sam, "plan", "7", "seven", &err));
	OK(db_draft_save(db, jo, "session", "1", "jo's", &err));
	memset(&s, 0, sizeof s);
	OK(db_draft_list(db, sam, collect, &s, &err));
	ck_assert_int_eq(s.calls, 2);
	/* Newest first: same second, so the later save (higher id) first. */
	ck_assert_str_eq(s.text, "plan/7=seven;session/1=one;");
	OK(db_draft_delete(db, sam, "plan", "7", &err));
	OK(db_draft_delete(db, sam, "plan", "7", &err));	/* no error */
	ck_assert_int_eq(db_draft_load(db, sam, "plan", "7", &got, at, &err),
	    PD_NOT_FOUND);
	memset(&s, 0, sizeof s);
	OK(db_draft_list(db, sam, collect, &s, &err));
	ck_assert_str_eq(s.text, "session/1=one;");
	memset(&s, 0, sizeof s);
	OK(db_draft_list(db, jo, collect, &s, &err));
	ck_assert_str_eq(s.text, "session/1=jo's;");
	db_close(&db);
}
END_TEST

static Suite *
draft_suite(void)
{
	Suite *s = suite_create("db_draft");
	TCase *tc = tcase_create("draft");

	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_list_and_delete);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(draft_suite)
