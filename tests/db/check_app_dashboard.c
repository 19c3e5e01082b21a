/* Tier 2: the dashboard (counts and reminders from one query, scoped to
 * a PAL), signing in on a shared account, and drafts kept on a switch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/admin.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/dashboard.h"
#include "peerdesk/app/demo.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/app/users.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "support/dbtest.h"

static struct app app;

static void
setup(void)
{
	appfix_open(&app);
}

static void
teardown(void)
{
	app_close(&app);
	dbfix_today(NULL);
}

/* The demo organisation "today" (its story: JOURNEYS.md, Monday). */
static void
demo(void)
{
	struct demo_stats st;
	struct pd_err err;

	dbfix_today("2026-11-25");
	ck_assert_msg(app_demo_create(&app, DEMO_SMALL, &st, &err) == PD_OK,
	    "demo: %s", err.msg);
}

static void
sign_in(const char *login)
{
	struct pd_err err;

	ck_assert_msg(app_sign_in_as(&app, login, &err) == PD_OK, "%s: %s",
	    login, err.msg);
}

static bool
has_line(const struct dashboard *d, const char *text)
{
	struct dashboard_line lines[DASHBOARD_LINES_MAX];
	size_t n = dashboard_lines(d, lines, DASHBOARD_LINES_MAX), i;

	for (i = 0; i < n; i++)
		if (strcmp(lines[i].text, text) == 0)
			return true;
	return false;
}

START_TEST(test_office_counts)
{
	struct dashboard d;
	struct pd_err err;

	demo();
	sign_in("sam");
	ck_assert_int_eq(app_dashboard(&app, NULL, &d, &err), PD_OK);
	ck_assert_str_eq(d.who, "Sam Carter");
	ck_assert_str_eq(d.today, "2026-11-25");
	ck_assert_int_eq(d.reviews_due, 2);
	ck_assert_int_eq(d.reviews_overdue, 1);
	ck_assert_int_eq(d.dbs_due, 1);
	ck_assert_int_eq(d.timesheets_waiting, 3);
	ck_assert_int_eq(d.new_referrals, 5);	/* one of them reopened */
	ck_assert_int_eq(d.my_clients, -1);
	ck_assert(has_line(&d, "2 reviews due this week"));
	ck_assert(has_line(&d, "1 review overdue"));
	ck_assert(has_line(&d, "3 timesheets waiting for approval"));
	dashboard_fini(&d);
	sign_in("priya");
	ck_assert_int_eq(app_dashboard(&app, NULL, &d, &err), PD_OK);
	ck_assert(has_line(&d, "3 timesheets waiting for your approval"));
	dashboard_fini(&d);
}
END_TEST

/* A manager's dashboard says when the audit chain is broken: at sign-in
 * from the last head a full check wrote down, then rows added since. */
START_TEST(test_audit_altered)
{
	struct dashboard d;
	struct pd_err err;
	struct audit_head h;
	char want[64];

	demo();
	sign_in("priya");
	ck_assert_int_eq(app_dashboard(&app, NULL, &d, &err), PD_OK);
	ck_assert_int_eq(d.audit_broken, 0);
	dashboard_fini(&d);
	switch (_i) {
	case 0:	/* the head checked last time is changed */
		ck_assert_int_eq(db_audit_head(app.db, &h, &err), PD_OK);
		ck_assert_int_eq(dbtest_audit_forge(app.db, h.id, 0, &err),
		    PD_OK);
		break;
	case 1:	/* a row put in by hand after it */
		ck_assert_int_eq(dbtest_audit_forge(app.db, 0, 2, &err), PD_OK);
		ck_assert_int_eq(db_audit_head(app.db, &h, &err), PD_OK);
		break;
	case 2:	/* a fresh run: from the start when no check was written */
		ck_assert_int_eq(dbtest_audit_forge(app.db, 1, 0, &err), PD_OK);
		app.audit_ok_id = 0;
		h.id = 1;
		break;
	}
	ck_assert_int_eq(app_dashboard(&app, NULL, &d, &err), PD_OK);
	ck_assert_int_eq(d.audit_broken, h.id);
	snprintf(want, sizeof want, "Audit trail altered at row %lld",
	    (long long)h.id);
	ck_assert(has_line(&d, want));
	dashboard_fini(&d);
	/* office staff are not told (they cannot read the trail) */
	sign_in("sam");
	ck_assert_int_eq(app_dashboard(&app, NULL, &d, &err), PD_OK);
	ck_assert_int_eq(d.audit_broken, 0);
	ck_assert(!has_line(&d, want));
	dashboard_fini(&d);
}
END_TEST

/* After a full check is written down (audit --verify, a backup), a
 * fresh run's dashboard reads only the rows after it. */
START_TEST(test_audit_watch_from_seal)
{
	struct audit_verify v;
	struct dashboard d;
	struct pd_err err;

	demo();
	sign_in("priya");
	ck_assert_int_eq(app_audit_verify(&app, &v, &err), PD_OK);
	ck_assert_int_eq(v.bad_id, 0);
	app.audit_ok_id = 0;	/* as a new run */
	ck_assert_int_eq(dbtest_audit_forge(app.db, 0, 2, &err), PD_OK);
	ck_assert_int_eq(app_dashboard(&app, NULL, &d, &err), PD_OK);
	ck_assert_int_eq(d.audit_broken, v.head.id + 2);	/* seal, forged */
	dashboard_fini(&d);
}
END_TEST

/* The counts come from the same rows as the list. */
START_TEST(test_counts_match_list)
{
	struct dashboard d;
	struct pd_err err;
	int kinds[REMIND_KINDS] = { 0 };
	size_t i;

	demo();
	sign_in("dee");
	ck_assert_int_eq(app_dashboard(&app, "2026-11-25", &d, &err), PD_OK);
	ck_assert_uint_eq(d.nrem, d.nrem_total);
	ck_assert_uint_gt(d.nrem, 5);
	for (i = 0; i < d.nrem; i++) {
		kinds[d.rem[i].kind]++;
		if (i > 0)
			ck_assert_str_ge(d.rem[i].due_on, d.rem[i - 1].due_on);
	}
	ck_assert_int_eq(kinds[REMIND_REVIEW_OVERDUE], d.reviews_overdue);
	ck_assert_int_eq(kinds[REMIND_DBS], d.dbs_due);
	ck_assert_int_eq(kinds[REMIND_SUPERVISION], d.supervision_due);
	ck_assert_int_eq(kinds[REMIND_FUNDING], d.funding_due);
	ck_assert_int_ge(kinds[REMIND_REVIEW_DUE] +
	    kinds[REMIND_REVIEW_UPCOMING], d.reviews_due);
	dashboard_fini(&d);
}
END_TEST

START_TEST(test_pal_sees_own)
{
	struct dashboard d;
	struct pd_err err;
	struct client_query q;
	struct client_row rows[16];
	int n, i;
	size_t k;
	bool found;

	demo();
	sign_in("jo");
	ck_assert_int_eq(app_dashboard(&app, NULL, &d, &err), PD_OK);
	ck_assert_int_eq(d.my_clients, 4);
	ck_assert_int_eq(d.timesheets_waiting, -1);
	ck_assert_int_eq(d.new_referrals, -1);
	ck_assert_int_ge(d.minutes_this_week, 0);
	ck_assert(has_line(&d, "You support 4 clients"));
	ck_assert_uint_gt(d.nrem, 0);
	memset(&q, 0, sizeof q);
	q.status_or_minus1 = -1;
	ck_assert_int_eq(app_client_page(&app, &q, rows, 16, &n, &err), PD_OK);
	ck_assert_int_eq(n, 4);
	/* Every reminder is Jo's own or about one of Jo's clients. */
	for (k = 0; k < d.nrem; k++) {
		const struct reminder *r = &d.rem[k];

		if (r->client_id == 0) {
			ck_assert_str_eq(r->pal_name, "Jo Bennett");
			continue;
		}
		found = false;
		for (i = 0; i < n; i++)
			found |= rows[i].id == r->client_id;
		ck_assert_msg(found, "%s is not Jo's client", r->client_name);
	}
	dashboard_fini(&d);
}
END_TEST

START_TEST(test_reminder_words)
{
	struct dashboard d;
	struct reminder r;
	struct strbuf what = STRBUF_INIT, who = STRBUF_INIT, when = STRBUF_INIT;

	memset(&d, 0, sizeof d);
	memset(&r, 0, sizeof r);
	snprintf(d.today, sizeof d.today, "2026-11-25");
	d.my_clients = -1;
	r.kind = REMIND_REVIEW_OVERDUE;
	snprintf(r.due_on, sizeof r.due_on, "2026-11-20");
	r.client_name = (char[]){"Ann Smith"};
	r.pal_name = (char[]){"Jo Bennett"};
	dashboard_reminder_words(&d, &r, 0, &what, &who, &when);
	ck_assert_str_eq(strbuf_str(&what), "Review overdue");
	ck_assert_str_eq(strbuf_str(&who), "Ann Smith with Jo Bennett");
	ck_assert_str_eq(strbuf_str(&when), "since 20 Nov");
	/* A PAL is not told their own name; other years are written. */
	d.my_clients = 3;
	r.kind = REMIND_FUNDING;
	snprintf(r.due_on, sizeof r.due_on, "2027-01-04");
	strbuf_reset(&what);
	strbuf_reset(&who);
	strbuf_reset(&when);
	dashboard_reminder_words(&d, &r, 0, &what, &who, &when);
	ck_assert_str_eq(strbuf_str(&who), "Ann Smith");
	ck_assert_str_eq(strbuf_str(&when), "by 4 Jan 2027");
	strbuf_fini(&what);
	strbuf_fini(&who);
	strbuf_fini(&when);
}
END_TEST

START_TEST(test_nobody_no_dashboard)
{
	struct dashboard d;
	struct pd_err err;

	access_set_nobody(&app, NULL);
	ck_assert_int_eq(app_dashboard(&app, NULL, &d, &err), PD_DENIED);
	dashboard_fini(&d);
}
END_TEST

/* ---- signing in ------------------------------------------------------ */

static int
count_cb(void *arg, const struct staff *row)
{
	ck_assert_ptr_null(row->passphrase);
	(*(int *)arg)++;
	return 0;
}

static void
share_this_login(void)
{
	char login[64];

	ck_assert_int_eq(app_unix_login(login, sizeof login), 0);
	app.settings->shared_accounts = xcalloc(1, sizeof(char *));
	app.settings->shared_accounts[0] = xstrdup(login);
	app.settings->n_shared_accounts = 1;
}

START_TEST(test_session_start)
{
	struct pd_err err;
	bool shared = false;
	int n = 0;
	int64_t sam = dbfix_staff(app.db, "sam", "Sam Carter", ROLE_OFFICE);

	(void)sam;
	share_this_login();
	ck_assert_int_eq(app_on_shared_account(&app), 1);
	ck_assert_int_eq(app_session_start(&app, &shared, &err), PD_OK);
	ck_assert_int_eq(shared, 1);
	ck_assert_int_eq(app_actor_signed_in(&app), 0);
	ck_assert_int_eq(app_actor_is_system(&app), 0);
	/* Nobody is signed in, yet the names are there to choose from. */
	ck_assert_int_eq(app_signin_people(&app, count_cb, &n, &err), PD_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(app_client_count(&app, &(struct client_query){
	    .status_or_minus1 = -1 }, &n, &err), PD_DENIED);
}
END_TEST

START_TEST(test_people_only_when_shared)
{
	struct pd_err err;
	int n = 0;

	access_set_nobody(&app, NULL);
	ck_assert_int_eq(app_signin_people(&app, count_cb, &n, &err),
	    PD_DENIED);
}
END_TEST

START_TEST(test_signin_check)
{
	struct pd_err err;
	int64_t audits;

	dbfix_staff(app.db, "sam", "Sam Carter", ROLE_OFFICE);
	ck_assert_int_eq(app_user_passwd(&app, "sam", "tea and toast", &err),
	    PD_OK);
	share_this_login();
	access_set_nobody(&app, NULL);
	audits = dbfix_count(app.db, "audit");
	ck_assert_int_eq(app_signin_check(&app, "sam", "tea and toast", &err),
	    PD_OK);
	ck_assert_int_eq(app_actor_signed_in(&app), 0);	/* checking is not signing in */
	ck_assert_int_eq(app_signin_check(&app, "sam", "coffee", &err),
	    PD_DENIED);
	ck_assert_str_eq(err.field, "passphrase");
	ck_assert_str_eq(err.msg, "that name and passphrase do not match; "
	    "please try again");
	ck_assert_int_eq(app_signin_check(&app, "nobody", "coffee", &err),
	    PD_DENIED);
	ck_assert_str_eq(err.msg, "that name and passphrase do not match; "
	    "please try again");
	ck_assert_int_eq(dbfix_count(app.db, "audit"), audits + 2);
}
END_TEST

START_TEST(test_sign_out)
{
	struct pd_err err;
	int64_t sam = dbfix_staff(app.db, "sam", "Sam Carter", ROLE_OFFICE);

	(void)sam;
	sign_in("sam");
	ck_assert_int_eq(app_actor_signed_in(&app), 1);
	app_sign_out(&app);
	ck_assert_int_eq(app_actor_signed_in(&app), 0);
	ck_assert_int_eq(app_actor_is_system(&app), 0);
	ck_assert_int_eq(app_client_count(&app, &(struct client_query){
	    .status_or_minus1 = -1 }, &(int){ 0 }, &err), PD_DENIED);
}
END_TEST

START_TEST(test_drafts_kept)
{
	struct pd_err err;
	char *content = NULL, at[21];
	int64_t sam = dbfix_staff(app.db, "sam", "Sam Carter", ROLE_OFFICE);
	int64_t dee = dbfix_staff(app.db, "dee", "Dee Walsh", ROLE_OFFICE);

	appfix_act_as(&app, sam, ROLE_OFFICE, "sam");
	ck_assert_int_eq(app_draft_keep(&app, "kept:intake", "",
	    "name\tDana Fox\n", &err), PD_OK);
	/* Someone else has no such draft. */
	appfix_act_as(&app, dee, ROLE_OFFICE, "dee");
	ck_assert_int_eq(app_draft_take(&app, "kept:intake", "", &content, at,
	    &err), PD_NOT_FOUND);
	appfix_act_as(&app, sam, ROLE_OFFICE, "sam");
	ck_assert_int_eq(app_draft_take(&app, "kept:intake", "", &content, at,
	    &err), PD_OK);
	ck_assert_str_eq(content, "name\tDana Fox\n");
	ck_assert_int_eq(at[4], '-');
	free(content);
	/* Taken means gone. */
	ck_assert_int_eq(app_draft_take(&app, "kept:intake", "", &content, at,
	    &err), PD_NOT_FOUND);
	access_set_nobody(&app, NULL);
	ck_assert_int_eq(app_draft_keep(&app, "kept:intake", "", "x", &err),
	    PD_DENIED);
}
END_TEST

static Suite *
app_dashboard_suite(void)
{
	Suite *s = suite_create("app_dashboard");
	TCase *tc = tcase_create("dashboard");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_office_counts);
	tcase_add_test(tc, test_counts_match_list);
	tcase_add_test(tc, test_pal_sees_own);
	tcase_add_test(tc, test_reminder_words);
	tcase_add_test(tc, test_nobody_no_dashboard);
	tcase_add_loop_test(tc, test_audit_altered, 0, 3);
	tcase_add_test(tc, test_audit_watch_from_seal);
	suite_add_tcase(s, tc);
	tc = tcase_create("signin");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_session_start);
	tcase_add_test(tc, test_people_only_when_shared);
	tcase_add_test(tc, test_signin_check);
	tcase_add_test(tc, test_sign_out);
	tcase_add_test(tc, test_drafts_kept);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(app_dashboard_suite)
