/* Tier 2: a client's story through the use cases: status from referral
 * to closed with its dated history, reopening, the rules that refuse
 * what makes no sense, likely duplicates (textfold), merging two
 * records, the import's duplicate check, and a PAL kept out of it all. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/assignments.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/app/import.h"
#include "peerdesk/app/privacy.h"
#include "peerdesk/core/textfold.h"
#include "peerdesk/core/xalloc.h"
#include "support/dbtest.h"

static struct app app;
static struct dbfix_world w;

static void
setup(void)
{
	dbfix_today("2026-06-01");
	appfix_open(&app);
	dbfix_world(app.db, &w);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
}

static void
teardown(void)
{
	app_close(&app);
	dbfix_today(NULL);
}

static int64_t
add(const char *name, const char *dob, const char *phone, const char *on)
{
	struct intake in;
	struct pd_err err;
	int64_t id = 0;

	intake_init(&in);
	in.client.name = xstrdup(name);
	if (dob != NULL)
		snprintf(in.client.date_of_birth, 11, "%s", dob);
	if (phone != NULL)
		in.client.phone = xstrdup(phone);
	if (on != NULL)
		snprintf(in.referral.referred_on, 11, "%s", on);
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_OK);
	intake_fini(&in);
	return id;
}

static enum pd_status
to(int64_t id, enum client_status st, enum closed_reason why,
    const char *on, int end_support, struct pd_err *err)
{
	struct status_request rq;

	memset(&rq, 0, sizeof rq);
	rq.client_id = id;
	rq.to = st;
	rq.reason = why;
	rq.on = on;
	rq.end_support = end_support;
	return app_client_set_status(&app, &rq, err);
}

static struct client
get(int64_t id)
{
	struct client_record r;
	struct pd_err err;
	struct client c;

	ck_assert_int_eq(app_client_open(&app, id, &r, &err), PD_OK);
	c = r.client;
	memset(&r.client, 0, sizeof r.client);
	client_record_fini(&r);
	return c;
}

START_TEST(test_fold)
{
	char *s = textfold("  Siobh\xc3\xa1n \xc5\x81UKASZ  \xc3\x98re "
	    "Stra\xc3\x9f" "e \xc3\x86thel Zo\xc3\x8b ");
	char *p = textfold_phone_digits("+44 (0)7700 900-123");
	char *q = textfold_phone_digits("+44 7700 900123");

	ck_assert_str_eq(s, "siobhan lukasz ore strasse aethel zoe");
	ck_assert_str_eq(q, "07700900123");
	ck_assert_str_eq(p, "4407700900123");	/* not a shape we fold */
	free(s);
	free(p);
	free(q);
	s = textfold(NULL);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(test_new_client_referred_line)
{
	struct status_history h;
	struct pd_err err;
	int64_t id = add("Dana Fox", NULL, NULL, "2026-05-20");

	ck_assert_int_eq(app_client_history(&app, id, &h, &err), PD_OK);
	ck_assert_uint_eq(h.n, 1);
	ck_assert_int_eq(h.v[0].status, CLIENT_REFERRED);
	ck_assert_str_eq(h.v[0].on_date, "2026-05-20");
	ck_assert_int_eq(h.v[0].episode, 1);
	ck_assert_str_eq(h.v[0].by_name, "Olive Okafor");
	status_history_fini(&h);
}
END_TEST

START_TEST(test_status_moves_kept_in_step)
{
	struct status_history h;
	struct pd_err err;
	struct client c;
	int64_t id = add("Dana Fox", NULL, NULL, "2026-05-01");
	int64_t audits = dbfix_count(app.db, "audit");

	ck_assert_int_eq(to(id, CLIENT_INTAKE, CLOSED_NONE, "2026-05-03", 0,
	    &err), PD_OK);
	ck_assert_int_eq(to(id, CLIENT_ACTIVE, CLOSED_NONE, "2026-05-10", 0,
	    &err), PD_OK);
	ck_assert_int_eq(to(id, CLIENT_PAUSED, CLOSED_NONE, NULL, 0, &err),
	    PD_OK);
	c = get(id);
	ck_assert_int_eq(c.status, CLIENT_PAUSED);
	ck_assert_str_eq(c.status_changed_on, "2026-06-01");
	ck_assert_str_eq(c.closed_on, "");
	client_fini(&c);
	ck_assert_int_eq(to(id, CLIENT_CLOSED, CLOSED_MOVED_AWAY, NULL, 0,
	    &err), PD_OK);
	c = get(id);
	ck_assert_int_eq(c.status, CLIENT_CLOSED);
	ck_assert_str_eq(c.closed_on, "2026-06-01");
	ck_assert_str_eq(c.closed_reason, "moved_away");
	client_fini(&c);
	ck_assert_int_eq(app_client_history(&app, id, &h, &err), PD_OK);
	ck_assert_uint_eq(h.n, 5);
	ck_assert_int_eq(h.v[4].status, CLIENT_CLOSED);
	ck_assert_int_eq(h.v[4].reason, CLOSED_MOVED_AWAY);
	status_history_fini(&h);
	/* four changes, four audit rows (and the opens of get()) */
	ck_assert_int_ge(dbfix_count(app.db, "audit") - audits, 4);
}
END_TEST

START_TEST(test_refusals)
{
	struct pd_err err;
	int64_t id = add("Dana Fox", NULL, NULL, "2026-05-01");

	ck_assert_int_eq(to(id, CLIENT_REFERRED, CLOSED_NONE, NULL, 0, &err),
	    PD_INVALID);
	ck_assert_int_eq(to(id, CLIENT_INTAKE, CLOSED_NONE, "2026-06-02", 0,
	    &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "future"));
	ck_assert_int_eq(to(id, CLIENT_INTAKE, CLOSED_NONE, "2026-04-30", 0,
	    &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "before"));
	ck_assert_int_eq(to(id, CLIENT_INTAKE, CLOSED_NONE, "31/31/2026", 0,
	    &err), PD_INVALID);
	ck_assert_int_eq(to(id, CLIENT_CLOSED, CLOSED_NONE, NULL, 0, &err),
	    PD_INVALID);
	ck_assert_str_eq(err.field, "reason");
	ck_assert_int_eq(to(id, CLIENT_CLOSED, CLOSED_MERGED, NULL, 0, &err),
	    PD_INVALID);
	ck_assert_int_eq(to(id, CLIENT_INTAKE, CLOSED_NONE, NULL, 0, &err),
	    PD_OK);
	ck_assert_int_eq(to(id, CLIENT_INTAKE, CLOSED_NONE, NULL, 0, &err),
	    PD_INVALID);
	ck_assert_int_eq(app_client_reopen(&app, id, NULL, NULL, &err),
	    PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "not closed"));
	ck_assert_int_eq(to(id, CLIENT_CLOSED, CLOSED_DECLINED, NULL, 0, &err),
	    PD_OK);
	ck_assert_int_eq(to(id, CLIENT_ACTIVE, CLOSED_NONE, NULL, 0, &err),
	    PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "reopen"));
	ck_assert_int_eq(to(999, CLIENT_ACTIVE, CLOSED_NONE, NULL, 0, &err),
	    PD_NOT_FOUND);
}
END_TEST

START_TEST(test_close_with_pal_needs_end_support)
{
	struct assignment_list l;
	struct pd_err err;
	struct client c;

	ck_assert_int_eq(to(w.ana, CLIENT_CLOSED, CLOSED_SUPPORT_ENDED, NULL,
	    0, &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "--end-support"));
	ck_assert_ptr_nonnull(strstr(err.msg, "Sam Reid"));
	c = get(w.ana);
	ck_assert_int_ne(c.status, CLIENT_CLOSED);
	client_fini(&c);
	/* before the support started: refused, nothing ended */
	ck_assert_int_eq(to(w.ana, CLIENT_CLOSED, CLOSED_SUPPORT_ENDED,
	    "2026-01-01", 1, &err), PD_INVALID);
	ck_assert_int_eq(app_assignment_list(&app, w.ana, 1, &l, &err), PD_OK);
	ck_assert_uint_eq(l.n, 1);
	assignment_list_fini(&l);
	ck_assert_int_eq(to(w.ana, CLIENT_CLOSED, CLOSED_SUPPORT_ENDED, NULL,
	    1, &err), PD_OK);
	ck_assert_int_eq(app_assignment_list(&app, w.ana, 1, &l, &err), PD_OK);
	ck_assert_uint_eq(l.n, 0);
	assignment_list_fini(&l);
	ck_assert_int_eq(app_assignment_list(&app, w.ana, 0, &l, &err), PD_OK);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].a.ended_on, "2026-06-01");
	ck_assert_int_eq(l.v[0].a.end_kind, END_COMPLETED);
	assignment_list_fini(&l);
	c = get(w.ana);
	ck_assert_int_eq(c.status, CLIENT_CLOSED);
	ck_assert_str_eq(c.closed_on, "2026-06-01");
	client_fini(&c);
}
END_TEST

static int
ret_cb(void *arg, const struct retention_row *r)
{
	int64_t *found = arg;

	if (r->id == found[0])
		found[1] = 1;
	return 0;
}

START_TEST(test_closed_reaches_retention)
{
	struct pd_err err;
	int64_t found[2] = { w.chloe, 0 };

	ck_assert_int_eq(to(w.chloe, CLIENT_CLOSED, CLOSED_DECLINED, NULL, 0,
	    &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_retention_list(&app, "2030-06-01", ret_cb, found,
	    &err), PD_OK);
	ck_assert_int_eq(found[1], 0);
	ck_assert_int_eq(app_retention_list(&app, "2032-06-01", ret_cb, found,
	    &err), PD_OK);
	ck_assert_int_eq(found[1], 1);
}
END_TEST

START_TEST(test_closed_can_be_erased)
{
	struct status_request rq;
	struct status_history h;
	struct pd_err err;
	struct client c;

	memset(&rq, 0, sizeof rq);
	rq.client_id = w.chloe;
	rq.to = CLIENT_CLOSED;
	rq.reason = CLOSED_MOVED_AWAY;
	rq.note = "moved to her sister Ines in Leeds";
	ck_assert_int_eq(app_client_set_status(&app, &rq, &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	{
		/* a copy of what is held shows the story, with the reason */
		struct sar_bundle b;
		const struct sar_section *sec;

		ck_assert_int_eq(app_sar_collect(&app, w.chloe, &b, &err),
		    PD_OK);
		sec = sar_find(&b, "status");
		ck_assert_ptr_nonnull(sec);
		ck_assert_uint_eq(sec->n, 1);
		sar_bundle_fini(&b);
	}
	ck_assert_int_eq(app_erase(&app, w.chloe, NULL, NULL, &err), PD_OK);
	c = get(w.chloe);
	ck_assert_ptr_nonnull(strstr(c.name, "Erased client"));
	ck_assert_int_eq(c.status, CLIENT_CLOSED);
	client_fini(&c);
	/* the dated lines stay; the words typed with them go */
	ck_assert_int_eq(app_client_history(&app, w.chloe, &h, &err), PD_OK);
	ck_assert_uint_eq(h.n, 1);
	ck_assert_int_eq(h.v[0].status, CLIENT_CLOSED);
	ck_assert_ptr_null(h.v[0].note);
	status_history_fini(&h);
	/* an erased record never comes back */
	ck_assert_int_eq(app_client_reopen(&app, w.chloe, NULL, NULL, &err),
	    PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "erased"));
}
END_TEST

START_TEST(test_reopen_new_episode)
{
	struct status_history h;
	struct pd_err err;
	struct client c;
	int64_t id = add("Dana Fox", NULL, NULL, "2026-05-01");

	ck_assert_int_eq(to(id, CLIENT_CLOSED, CLOSED_NOT_REACHED,
	    "2026-05-15", 0, &err), PD_OK);
	ck_assert_int_eq(app_client_reopen(&app, id, "2026-05-14", NULL, &err),
	    PD_INVALID);
	ck_assert_int_eq(app_client_reopen(&app, id, NULL, "back again",
	    &err), PD_OK);
	c = get(id);
	ck_assert_int_eq(c.status, CLIENT_REFERRED);
	ck_assert_int_eq(c.episode, 2);
	ck_assert_str_eq(c.closed_on, "");
	ck_assert_str_eq(c.closed_reason, "");
	client_fini(&c);
	ck_assert_int_eq(app_client_history(&app, id, &h, &err), PD_OK);
	ck_assert_uint_eq(h.n, 3);
	ck_assert_int_eq(h.v[1].episode, 1);
	ck_assert_int_eq(h.v[1].reason, CLOSED_NOT_REACHED);
	ck_assert_int_eq(h.v[2].episode, 2);
	ck_assert_str_eq(h.v[2].note, "back again");
	status_history_fini(&h);
}
END_TEST

START_TEST(test_pal_sees_none_of_it)
{
	struct client_matches m;
	struct status_history h;
	struct merge_result res;
	struct client_matcher *mt;
	struct pd_err err;
	struct client c;
	int counts[5];

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(to(w.ana, CLIENT_PAUSED, CLOSED_NONE, NULL, 0, &err),
	    PD_DENIED);
	ck_assert_int_eq(app_client_reopen(&app, w.ana, NULL, NULL, &err),
	    PD_DENIED);
	ck_assert_int_eq(app_client_history(&app, w.ana, &h, &err),
	    PD_DENIED);
	memset(&c, 0, sizeof c);
	c.name = (char[]){"Ana Silva"};
	ck_assert_int_eq(app_client_matches(&app, &c, 0, &m, &err), PD_DENIED);
	ck_assert_int_eq(client_matcher_new(&app, &mt, &err), PD_DENIED);
	ck_assert_int_eq(app_client_merge(&app, w.ana, w.chloe, &res, &err),
	    PD_DENIED);
	/* a PAL's counts are of their own clients only */
	ck_assert_int_eq(app_client_status_counts(&app, counts, &err), PD_OK);
	ck_assert_int_eq(counts[0] + counts[1] + counts[2] + counts[3] +
	    counts[4], 1);
	/* office staff change status but do not merge */
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_client_merge(&app, w.ana, w.chloe, &res, &err),
	    PD_DENIED);
}
END_TEST

START_TEST(test_likely_duplicates)
{
	struct client_matches m;
	struct pd_err err;
	struct client c;
	int64_t id = add("Siobh\xc3\xa1n \xc3\x93 Brien", "1990-04-15",
	    "07700 900123", NULL);

	memset(&c, 0, sizeof c);
	c.name = (char[]){"SIOBHAN O BRIEN"};
	ck_assert_int_eq(app_client_matches(&app, &c, 0, &m, &err), PD_OK);
	ck_assert_uint_eq(m.n, 1);
	ck_assert_int_eq(m.v[0].id, id);
	ck_assert_uint_eq(m.v[0].why, MATCH_NAME);
	client_matches_fini(&m);
	/* the record itself, when it is the one being edited */
	ck_assert_int_eq(app_client_matches(&app, &c, id, &m, &err), PD_OK);
	ck_assert_uint_eq(m.n, 0);
	client_matches_fini(&m);
	c.name = (char[]){"Sam Other"};
	c.phone = (char[]){"+44 7700 900 123"};
	ck_assert_int_eq(app_client_matches(&app, &c, 0, &m, &err), PD_OK);
	ck_assert_uint_eq(m.n, 1);
	ck_assert_uint_eq(m.v[0].why, MATCH_PHONE);
	client_matches_fini(&m);
	/* a date of birth alone is not enough; with a name in common it is */
	c.phone = NULL;
	snprintf(c.date_of_birth, 11, "1990-04-15");
	ck_assert_int_eq(app_client_matches(&app, &c, 0, &m, &err), PD_OK);
	ck_assert_uint_eq(m.n, 0);
	client_matches_fini(&m);
	c.name = (char[]){"Siobhan Murphy"};
	ck_assert_int_eq(app_client_matches(&app, &c, 0, &m, &err), PD_OK);
	ck_assert_uint_eq(m.n, 1);
	ck_assert_uint_eq(m.v[0].why, MATCH_DOB);
	client_matches_fini(&m);
	/* Chloé of the world, by her name without the accent */
	memset(&c, 0, sizeof c);
	c.name = (char[]){"chloe dubois"};
	ck_assert_int_eq(app_client_matches(&app, &c, 0, &m, &err), PD_OK);
	ck_assert_uint_eq(m.n, 1);
	ck_assert_int_eq(m.v[0].id, w.chloe);
	client_matches_fini(&m);
}
END_TEST

START_TEST(test_merge_moves_everything)
{
	struct assignment_list l;
	struct status_history h;
	struct merge_result res;
	struct client_matches m;
	struct pd_err err;
	struct client c;
	int64_t dup = add("Ana  SILVA", NULL, NULL, "2026-05-01");
	int64_t audits;

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	audits = dbfix_count(app.db, "audit");
	/* keep the new record; Ana's support by Sam comes with her */
	ck_assert_int_eq(app_client_merge(&app, dup, w.ana, &res, &err), PD_OK);
	ck_assert_int_ge(res.moved, 1);
	ck_assert_int_eq(res.plan_kept_apart, 0);
	ck_assert_int_eq(dbfix_count(app.db, "audit") - audits, 2);
	ck_assert_int_eq(app_assignment_list(&app, dup, 1, &l, &err), PD_OK);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.v[0].a.worker_id, w.sam);
	assignment_list_fini(&l);
	c = get(dup);
	ck_assert_int_eq(c.status, CLIENT_ACTIVE);
	client_fini(&c);
	c = get(w.ana);
	ck_assert_int_eq(c.status, CLIENT_CLOSED);
	ck_assert_str_eq(c.closed_reason, "merged");
	ck_assert_int_eq(c.merged_into, dup);
	client_fini(&c);
	ck_assert_int_eq(app_client_history(&app, w.ana, &h, &err), PD_OK);
	ck_assert_int_eq(h.v[h.n - 1].reason, CLOSED_MERGED);
	status_history_fini(&h);
	/* the stub is no longer a likely duplicate; it stays closed */
	memset(&c, 0, sizeof c);
	c.name = (char[]){"Ana Silva"};
	ck_assert_int_eq(app_client_matches(&app, &c, 0, &m, &err), PD_OK);
	ck_assert_uint_eq(m.n, 1);
	ck_assert_int_eq(m.v[0].id, dup);
	client_matches_fini(&m);
	ck_assert_int_eq(app_client_reopen(&app, w.ana, NULL, NULL, &err),
	    PD_INVALID);
	ck_assert_int_eq(app_client_merge(&app, dup, w.ana, &res, &err),
	    PD_INVALID);
	ck_assert_int_eq(app_client_merge(&app, dup, dup, &res, &err),
	    PD_INVALID);
}
END_TEST

START_TEST(test_merge_refusals_and_plans)
{
	struct merge_result res;
	struct pd_err err;
	int64_t a = add("Pat Lee", NULL, NULL, NULL);
	int64_t b = add("Pat Lee", NULL, NULL, NULL);
	int64_t both = add("Kim Hale", NULL, NULL, NULL);

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	/* one PAL supporting both: refused */
	dbfix_assign(app.db, both, w.sam, "2026-02-01");
	ck_assert_int_eq(app_client_merge(&app, both, w.ana, &res, &err),
	    PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "same PAL"));
	/* into a closed record: refused */
	ck_assert_int_eq(to(a, CLIENT_CLOSED, CLOSED_OTHER, NULL, 0, &err),
	    PD_OK);
	ck_assert_int_eq(app_client_merge(&app, a, b, &res, &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "reopen"));
	ck_assert_int_eq(app_client_reopen(&app, a, NULL, NULL, &err), PD_OK);
	/* both with a plan: the kept one's stays, the other's stays apart */
	ck_assert_int_eq(dbtest_client_plan(app.db, a, &err), PD_OK);
	ck_assert_int_eq(dbtest_client_plan(app.db, b, &err), PD_OK);
	ck_assert_int_eq(app_client_merge(&app, a, b, &res, &err), PD_OK);
	ck_assert_int_eq(res.plan_kept_apart, 1);
	ck_assert_int_eq(dbfix_count(app.db, "plan"), 2);
}
END_TEST

/* A record merged into another is the same person's: the copy of what
 * is held has what stayed with it (its record, its status history, its
 * plan, audit rows about it); retention and erasure go by the record
 * kept, and erase the merged one with it; erasing it alone is refused
 * with words. */
static int
ret_both_cb(void *arg, const struct retention_row *r)
{
	int64_t *ids = arg;	/* kept, merged, seen kept, seen merged */

	if (r->id == ids[0])
		ids[2] = 1;
	if (r->id == ids[1])
		ids[3] = 1;
	return 0;
}

START_TEST(test_merged_sar_and_erase)
{
	struct merge_result res;
	struct privacy_client pc;
	struct erase_result er;
	struct sar_bundle b;
	const struct sar_section *sec;
	struct pd_err err;
	struct client c;
	char key[80];
	int64_t keep = add("Pat Lee", "1980-02-03", "07700 900123", NULL);
	int64_t stub = add("Pat  LEE", "1980-02-03", "07700 900456", NULL);
	int64_t seen[4] = { keep, stub, 0, 0 };

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(dbtest_client_plan(app.db, keep, &err), PD_OK);
	ck_assert_int_eq(dbtest_client_plan(app.db, stub, &err), PD_OK);
	ck_assert_int_eq(app_client_merge(&app, keep, stub, &res, &err),
	    PD_OK);
	ck_assert_int_eq(res.plan_kept_apart, 1);

	ck_assert_int_eq(app_sar_collect(&app, keep, &b, &err), PD_OK);
	snprintf(key, sizeof key, "merged_%lld_record", (long long)stub);
	ck_assert_ptr_nonnull(sec = sar_find(&b, key));
	ck_assert_uint_eq(sec->n, 1);
	ck_assert_ptr_nonnull(strstr(sec->title, "merged into this one"));
	snprintf(key, sizeof key, "merged_%lld_status", (long long)stub);
	ck_assert_ptr_nonnull(sec = sar_find(&b, key));
	ck_assert_uint_ge(sec->n, 2);	/* referred, closed (merged) */
	snprintf(key, sizeof key, "merged_%lld_plan", (long long)stub);
	ck_assert_ptr_nonnull(sec = sar_find(&b, key));
	ck_assert_uint_eq(sec->n, 1);
	snprintf(key, sizeof key, "merged_%lld_audit", (long long)stub);
	ck_assert_ptr_nonnull(sec = sar_find(&b, key));
	ck_assert_uint_ge(sec->n, 1);
	/* what moved is in the kept record's own sections, once */
	snprintf(key, sizeof key, "merged_%lld_referrals", (long long)stub);
	ck_assert_ptr_null(sar_find(&b, key));
	snprintf(key, sizeof key, "merged_%lld_elsewhere", (long long)stub);
	ck_assert_ptr_null(sar_find(&b, key));
	sar_bundle_fini(&b);

	/* the merged record alone: refused, pointing to the one kept */
	ck_assert_int_eq(app_erase(&app, stub, NULL, NULL, &err),
	    PD_INVALID);
	snprintf(key, sizeof key, "erase client %lld", (long long)keep);
	ck_assert_msg(strstr(err.msg, key) != NULL, "%s", err.msg);
	ck_assert_int_eq(app_erase_check(&app, stub, &pc, &err), PD_INVALID);

	/* retention counts from the kept record's closing; the merged
	 * record (closed on the merge day) is never listed alone */
	ck_assert_int_eq(to(keep, CLIENT_CLOSED, CLOSED_OTHER, NULL, 0, &err),
	    PD_OK);
	ck_assert_int_eq(app_retention_list(&app, "2033-06-01", ret_both_cb,
	    seen, &err), PD_OK);
	ck_assert_int_eq(seen[2], 1);
	ck_assert_int_eq(seen[3], 0);

	ck_assert_int_eq(app_erase(&app, keep, NULL, &er, &err), PD_OK);
	ck_assert_uint_eq(er.merged, 1);
	c = get(stub);
	ck_assert_ptr_nonnull(strstr(c.name, "Erased client"));
	ck_assert_ptr_null(c.phone);
	ck_assert_str_eq(c.date_of_birth, "");
	client_fini(&c);
	ck_assert_int_eq(app_erase_check(&app, stub, &pc, &err), PD_INVALID);
}
END_TEST

static int warns;
static void
count_warn(void *arg, const char *msg)
{
	(void)arg;
	if (strstr(msg, "likely the same person as client") != NULL &&
	    strstr(msg, "clients.csv:") == msg)
		warns++;
}

START_TEST(test_import_duplicates)
{
	static const char csv[] =
	    "name,referred_on,referrer,funding,contracted_minutes_per_week,"
	    "phone\n"
	    "ANA SILVA,2026-05-01,GP,none,,\n"
	    "New Person,2026-05-01,GP,none,,07700 900999\n"
	    "Other Person,2026-05-01,GP,none,,07700900999\n";
	struct import_result res;
	struct pd_err err;
	int64_t before = dbfix_count(app.db, "client");

	warns = 0;
	ck_assert_int_eq(app_import_text(&app, IMPORT_CLIENTS, csv,
	    strlen(csv), "clients.csv", IMPORT_SKIP_DUPLICATES, count_warn,
	    NULL, &res, &err), PD_OK);
	ck_assert_int_eq(res.rows, 1);
	ck_assert_int_eq(res.skipped, 2);
	ck_assert_int_eq(warns, 2);
	ck_assert_int_eq(dbfix_count(app.db, "client") - before, 1);
	warns = 0;
	ck_assert_int_eq(app_import_text(&app, IMPORT_CLIENTS, csv,
	    strlen(csv), "clients.csv", IMPORT_AGAIN, count_warn, NULL, &res,
	    &err), PD_OK);
	ck_assert_int_eq(res.rows, 3);
	ck_assert_int_eq(res.duplicates, 3);
	ck_assert_int_ge(warns, 3);
}
END_TEST

START_TEST(test_counts)
{
	struct pd_err err;
	int counts[5];
	char words[120];
	int64_t id = add("Dana Fox", NULL, NULL, NULL);

	ck_assert_int_eq(to(id, CLIENT_PAUSED, CLOSED_NONE, NULL, 0, &err),
	    PD_OK);
	ck_assert_int_eq(app_client_status_counts(&app, counts, &err), PD_OK);
	ck_assert_int_eq(counts[CLIENT_REFERRED], 3);
	ck_assert_int_eq(counts[CLIENT_PAUSED], 1);
	client_status_counts_words(counts, words, sizeof words);
	ck_assert_str_eq(words, "3 referred, 0 at intake, 0 active, 1 paused, "
	    "0 closed");
}
END_TEST

static Suite *
app_clientstory_suite(void)
{
	Suite *s = suite_create("app_clientstory");
	TCase *tc = tcase_create("clientstory");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_fold);
	tcase_add_test(tc, test_new_client_referred_line);
	tcase_add_test(tc, test_status_moves_kept_in_step);
	tcase_add_test(tc, test_refusals);
	tcase_add_test(tc, test_close_with_pal_needs_end_support);
	tcase_add_test(tc, test_closed_reaches_retention);
	tcase_add_test(tc, test_closed_can_be_erased);
	tcase_add_test(tc, test_reopen_new_episode);
	tcase_add_test(tc, test_pal_sees_none_of_it);
	tcase_add_test(tc, test_likely_duplicates);
	tcase_add_test(tc, test_merge_moves_everything);
	tcase_add_test(tc, test_merge_refusals_and_plans);
	tcase_add_test(tc, test_merged_sar_and_erase);
	tcase_add_test(tc, test_import_duplicates);
	tcase_add_test(tc, test_counts);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(app_clientstory_suite)
