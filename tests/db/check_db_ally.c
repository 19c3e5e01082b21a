/* Tier 2: db_ally_* against a fresh database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/dbfix.h"

#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/ally.h"
#include "peerdesk/db/client.h"

#define OK(call) do { \
	enum pd_status ok_ = (call); \
	ck_assert_msg(ok_ == PD_OK, "%s -> %s: %s", #call, \
	    pd_status_str(ok_), err.msg); \
} while (0)

static int64_t
add_ally(struct db *db, int64_t client_id, const char *name,
    const char *relationship, int position)
{
	struct pd_err err;
	struct ally a;

	memset(&a, 0, sizeof a);
	a.client_id = client_id;
	a.name = xstrdup(name);
	a.relationship = relationship ? xstrdup(relationship) : NULL;
	a.position = position;
	OK(db_ally_insert(db, &a, &err));
	ck_assert_int_eq(a.version, 1);
	ally_fini(&a);
	return a.id;
}

struct seen {
	char text[256];
	int calls;
	struct ally last;
};

static int
collect(void *arg, const struct ally *row)
{
	struct seen *s = arg;

	snprintf(s->text + strlen(s->text), sizeof s->text - strlen(s->text),
	    "%d:%s(%s);", row->position, row->name,
	    row->relationship ? row->relationship : "-");
	s->calls++;
	ally_fini(&s->last);
	s->last = *row;
	s->last.name = xstrdup(row->name);
	s->last.relationship = xstrdup(row->relationship);
	s->last.phone = xstrdup(row->phone);
	s->last.notes = xstrdup(row->notes);
	return 0;
}

START_TEST(test_insert_list_order)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct seen s;
	struct ally a;

	dbfix_world(db, &w);
	add_ally(db, w.ana, "Rosa Silva", "mum", 0);
	add_ally(db, w.ana, "Tom", "friend", 0);
	add_ally(db, w.ben, "Ken Carter", "brother", 0);
	memset(&s, 0, sizeof s);
	OK(db_ally_list(db, w.ana, 0, collect, &s, &err));
	ck_assert_str_eq(s.text, "1:Rosa Silva(mum);2:Tom(friend);");
	ally_fini(&s.last);
	/* A chosen position is kept. */
	add_ally(db, w.ana, "Dr Shah", NULL, 2);
	memset(&s, 0, sizeof s);
	OK(db_ally_list(db, w.ana, 0, collect, &s, &err));
	ck_assert_str_eq(s.text,
	    "1:Rosa Silva(mum);2:Tom(friend);2:Dr Shah(-);");
	ally_fini(&s.last);
	memset(&a, 0, sizeof a);
	a.client_id = w.ana;
	a.name = xstrdup("");
	ck_assert_int_eq(db_ally_insert(db, &a, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "name");
	free(a.name);
	a.name = xstrdup("Nobody's friend");
	a.client_id = 8888;
	ck_assert_int_eq(db_ally_insert(db, &a, &err), PD_NOT_FOUND);
	ally_fini(&a);
	db_close(&db);
}
END_TEST

START_TEST(test_scope)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct seen s;

	dbfix_world(db, &w);
	dbfix_today("2026-03-01");
	add_ally(db, w.ben, "Ken Carter", "brother", 0);
	memset(&s, 0, sizeof s);
	OK(db_ally_list(db, w.ben, w.jo, collect, &s, &err));
	ck_assert_int_eq(s.calls, 1);
	ally_fini(&s.last);
	/* Sam is not Ben's PAL: the list is empty, the callback never runs. */
	memset(&s, 0, sizeof s);
	OK(db_ally_list(db, w.ben, w.sam, collect, &s, &err));
	ck_assert_int_eq(s.calls, 0);
	dbfix_end(db, w.ben_jo, "2026-02-01");
	OK(db_ally_list(db, w.ben, w.jo, collect, &s, &err));
	ck_assert_int_eq(s.calls, 0);
	db_close(&db);
}
END_TEST

START_TEST(test_update_conflict_delete)
{
	struct db *db = dbfix_open();
	struct pd_err err;
	struct dbfix_world w;
	struct seen s;
	struct ally one, two;
	int64_t id;

	dbfix_world(db, &w);
	id = add_ally(db, w.ana, "Rosa Silva", "mum", 0);
	memset(&s, 0, sizeof s);
	OK(db_ally_list(db, w.ana, 0, collect, &s, &err));
	one = s.last;
	memset(&s, 0, sizeof s);
	OK(db_ally_list(db, w.ana, 0, collect, &s, &err));
	two = s.last;
	ck_assert_int_eq(one.id, id);
	free(one.phone);
	one.phone = xstrdup("07700 900456");
	OK(db_ally_update(db, &one, &err));
	ck_assert_int_eq(one.version, 2);
	free(two.notes);
	two.notes = xstrdup("only by phone");
	ck_assert_int_eq(db_ally_update(db, &two, &err), PD_CONFLICT);
	memset(&s, 0, sizeof s);
	OK(db_ally_list(db, w.ana, 0, collect, &s, &err));
	ck_assert_str_eq(s.last.phone, "07700 900456");
	ck_assert_ptr_null(s.last.notes);
	ck_assert_int_eq(s.last.version, 2);
	ally_fini(&s.last);
	OK(db_ally_delete(db, id, &err));
	ck_assert_int_eq(dbfix_count(db, "client_ally"), 0);
	ck_assert_int_eq(db_ally_delete(db, id, &err), PD_NOT_FOUND);
	ck_assert_int_eq(db_ally_update(db, &one, &err), PD_NOT_FOUND);
	ally_fini(&one);
	ally_fini(&two);
	db_close(&db);
}
END_TEST

static Suite *
ally_suite(void)
{
	Suite *s = suite_create("db_ally");
	TCase *tc = tcase_create("ally");

	tcase_add_test(tc, test_insert_list_order);
	tcase_add_test(tc, test_scope);
	tcase_add_test(tc, test_update_conflict_delete);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(ally_suite)
