/* Tier 2: reminders through the use case: every kind, the counts, the
 * words, how far ahead, and scope (a PAL never sees another PAL's
 * reminder or client). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/assignments.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/app/reminders.h"
#include "peerdesk/db/funding.h"
#include "peerdesk/db/plan.h"

static struct app app;
static struct dbfix_world w;
static int64_t dan;

static void
start(int64_t client, int64_t worker, const char *on)
{
	struct assignment_start in;
	struct pd_err err;

	memset(&in, 0, sizeof in);
	in.client_id = client;
	in.worker_id = worker;
	snprintf(in.started_on, sizeof in.started_on, "%s", on);
	in.contracted_minutes = 120;
	in.override_reason = "test";
	ck_assert_msg(app_assignment_start(&app, &in, NULL, &err) == PD_OK,
	    "%s", err.msg);
}

static void
funding(int64_t client, const char *review_due)
{
	struct funding f;
	struct pd_err err;

	memset(&f, 0, sizeof f);
	f.client_id = client;
	f.kind = FUNDING_PERSONAL_BUDGET;
	f.contracted_minutes_per_week = -1;
	f.hourly_charge_pence = -1;
	memcpy(f.review_due, review_due, 11);
	ck_assert_int_eq(db_funding_insert(app.db, &f, 0, &err), PD_OK);
}

/* Sam: Chloé's review due (day 30), a DBS re-check in 10 days, recent
 * supervision, Ana's funder review in 5 days.  Jo: Dan's review overdue,
 * no supervision ever, Ben's funder review in 20 days. */
static void
setup(void)
{
	struct pal_dbs d;
	struct pd_err err;

	dbfix_today("2026-11-25");
	appfix_open(&app);
	dbfix_world(app.db, &w);
	dan = dbfix_client(app.db, "Dan Ward");
	start(w.chloe, w.sam, "2026-10-27");
	start(dan, w.jo, "2026-10-01");
	memset(&d, 0, sizeof d);
	memcpy(d.level, "enhanced", 9);
	memcpy(d.issued_on, "2023-12-05", 11);
	memcpy(d.recheck_due, "2026-12-05", 11);
	ck_assert_int_eq(app_pal_dbs_add(&app, w.sam, &d, &err), PD_OK);
	ck_assert_int_eq(app_pal_supervision_add(&app, w.sam, "2026-11-20", 0,
	    60, 0, NULL, NULL, &err), PD_OK);
	funding(w.ana, "2026-11-30");
	funding(w.ben, "2026-12-15");
}

static void
teardown(void)
{
	app_close(&app);
	dbfix_today(NULL);
}

static const struct reminder *
find(const struct reminder_list *l, enum reminder_kind k, int64_t pal,
    int64_t client)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].kind == k && (pal == 0 || l->v[i].pal_id == pal) &&
		    (client == 0 || l->v[i].client_id == client))
			return &l->v[i];
	return NULL;
}

START_TEST(test_everyone)
{
	struct reminder_list l;
	struct pd_err err;
	char buf[400];
	const struct reminder *r;
	int total = 0, k;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_reminders(&app, -1, &l, &err), PD_OK);
	ck_assert_str_eq(l.today, "2026-11-25");
	ck_assert_ptr_nonnull(r = find(&l, REMIND_REVIEW_DUE, w.sam, w.chloe));
	ck_assert_str_eq(r->due_on, "2026-11-24");
	ck_assert_str_eq(app_reminder_text(r, l.today, buf, sizeof buf),
	    "Review due: Chlo\xc3\xa9 Dubois with Sam Reid, since Tue 24 Nov "
	    "2026");
	ck_assert_ptr_nonnull(r = find(&l, REMIND_REVIEW_OVERDUE, w.jo, dan));
	ck_assert_str_eq(app_reminder_text(r, l.today, buf, sizeof buf),
	    "Review overdue: Dan Ward with Jo Evans, since Thu 12 Nov "
	    "2026");
	ck_assert_ptr_nonnull(r = find(&l, REMIND_DBS, w.sam, 0));
	ck_assert_str_eq(app_reminder_text(r, l.today, buf, sizeof buf),
	    "DBS re-check due: Sam Reid, due on Sat 5 Dec 2026");
	ck_assert_ptr_nonnull(r = find(&l, REMIND_SUPERVISION, w.jo, 0));
	ck_assert_str_eq(app_reminder_text(r, l.today, buf, sizeof buf),
	    "Supervision due: Jo Evans, none recorded yet");
	ck_assert_ptr_null(find(&l, REMIND_SUPERVISION, w.sam, 0));
	ck_assert_ptr_nonnull(r = find(&l, REMIND_FUNDING, 0, w.ana));
	ck_assert_str_eq(app_reminder_title(r, buf, sizeof buf),
	    "Funder's review due: Ana Silva");
	ck_assert_ptr_nonnull(find(&l, REMIND_FUNDING, 0, w.ben));
	for (k = 0; k < REMIND_KINDS; k++)
		total += l.counts[k];
	ck_assert_int_eq(total, (int)l.n);
	ck_assert_int_eq(l.counts[REMIND_REVIEW_DUE], 1);
	ck_assert_int_eq(l.counts[REMIND_REVIEW_OVERDUE], 1);
	reminder_list_fini(&l);
}
END_TEST

/* A PAL never sees another PAL's reminder or client. */
START_TEST(test_pal_scope)
{
	static const struct { const char *login; int who; } pals[] = {
		{ "sam", 0 }, { "jo", 1 },
	};
	struct reminder_list l;
	struct pd_err err;
	size_t i, p;

	for (p = 0; p < 2; p++) {
		int64_t me = pals[p].who == 0 ? w.sam : w.jo;
		int64_t other = pals[p].who == 0 ? w.jo : w.sam;
		const char *other_name = pals[p].who == 0 ? "Jo Evans" :
		    "Sam Reid";

		appfix_act_as(&app, me, ROLE_PAL, pals[p].login);
		ck_assert_int_eq(app_reminders(&app, 60, &l, &err), PD_OK);
		ck_assert_uint_gt(l.n, 0);
		for (i = 0; i < l.n; i++) {
			const struct reminder *r = &l.v[i];

			ck_assert_int_ne(r->pal_id, other);
			ck_assert(r->pal_name == NULL ||
			    strcmp(r->pal_name, other_name) != 0);
			if (pals[p].who == 0)
				ck_assert(r->client_id == 0 ||
				    r->client_id == w.ana ||
				    r->client_id == w.chloe);
			else
				ck_assert(r->client_id == 0 ||
				    r->client_id == w.ben || r->client_id == dan);
		}
		reminder_list_fini(&l);
	}
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_reminders(&app, 60, &l, &err), PD_OK);
	ck_assert_ptr_nonnull(find(&l, REMIND_REVIEW_DUE, w.sam, w.chloe));
	ck_assert_ptr_nonnull(find(&l, REMIND_DBS, w.sam, 0));
	ck_assert_ptr_nonnull(find(&l, REMIND_FUNDING, 0, w.ana));
	ck_assert_ptr_null(find(&l, REMIND_FUNDING, 0, w.ben));
	ck_assert_ptr_null(find(&l, REMIND_REVIEW_OVERDUE, 0, 0));
	reminder_list_fini(&l);
}
END_TEST

START_TEST(test_days_ahead)
{
	struct reminder_list l;
	struct pd_err err;

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_reminders(&app, 0, &l, &err), PD_OK);
	ck_assert_ptr_null(find(&l, REMIND_DBS, w.sam, 0));
	ck_assert_ptr_null(find(&l, REMIND_FUNDING, 0, w.ana));
	ck_assert_ptr_nonnull(find(&l, REMIND_REVIEW_DUE, w.sam, w.chloe));
	reminder_list_fini(&l);
	ck_assert_int_eq(app_reminders(&app, 5, &l, &err), PD_OK);
	ck_assert_ptr_nonnull(find(&l, REMIND_FUNDING, 0, w.ana));
	ck_assert_ptr_null(find(&l, REMIND_FUNDING, 0, w.ben));
	reminder_list_fini(&l);
	ck_assert_int_eq(app_reminders(&app, 99999, &l, &err), PD_INVALID);
}
END_TEST

START_TEST(test_upcoming_words)
{
	struct reminder_list l;
	struct pd_err err;
	const struct reminder *r;
	char buf[300];

	start(w.chloe, w.jo, "2026-11-01");	/* due 2026-11-29 */
	ck_assert_int_eq(app_reminders(&app, -1, &l, &err), PD_OK);
	ck_assert_ptr_nonnull(r = find(&l, REMIND_REVIEW_UPCOMING, w.jo,
	    w.chloe));
	ck_assert_str_eq(app_reminder_text(r, l.today, buf, sizeof buf),
	    "Review coming up: Chlo\xc3\xa9 Dubois with Jo Evans, due from "
	    "Sun 29 Nov 2026");
	reminder_list_fini(&l);
}
END_TEST

static Suite *
reminders_suite(void)
{
	Suite *s = suite_create("app_reminders");
	TCase *t = tcase_create("reminders");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, test_everyone);
	tcase_add_test(t, test_pal_scope);
	tcase_add_test(t, test_days_ahead);
	tcase_add_test(t, test_upcoming_words);
	suite_add_tcase(s, t);
	return s;
}

PD_TEST_MAIN(reminders_suite)
