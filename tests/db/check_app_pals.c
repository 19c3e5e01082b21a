/* Tier 2: PAL records through the use cases: the list, scope, the
 * profile, pay rates against the minimum wage, benefit rules, DBS,
 * training and supervision (with their timesheet lines). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "support/dbtest.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/timesheet.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static struct app app;
static struct dbfix_world w;

static void
setup(void)
{
	dbfix_today("2026-11-25");
	appfix_open(&app);
	dbfix_world(app.db, &w);
}

static void
teardown(void)
{
	app_close(&app);
	dbfix_today(NULL);
}

static const struct pal_summary *
find_row(const struct pal_list *l, int64_t id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].id == id)
			return &l->v[i];
	return NULL;
}

START_TEST(test_list_scope)
{
	struct pal_list l;
	struct pd_err err;
	const struct pal_summary *r;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_pal_list(&app, 0, &l, &err), PD_OK);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_ptr_nonnull(r = find_row(&l, w.sam));
	ck_assert_int_eq(r->caseload, 1);
	ck_assert_str_eq(r->login, "sam");
	ck_assert_int_eq(r->rule_visible, 0);
	ck_assert_int_eq(r->week.check.rule, RULE_NONE);
	/* the room is still there for choosing */
	ck_assert_int_eq(r->week.check.has_hours_limit, 1);
	ck_assert_int_eq(r->week.check.minutes_left, 959);
	pal_list_fini(&l);

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_pal_list(&app, 0, &l, &err), PD_OK);
	ck_assert_ptr_nonnull(r = find_row(&l, w.jo));
	ck_assert_int_eq(r->rule_visible, 1);
	ck_assert_int_eq(r->week.check.rule, RULE_PERMITTED);
	pal_list_fini(&l);

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_pal_list(&app, 1, &l, &err), PD_OK);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.v[0].id, w.sam);
	pal_list_fini(&l);
}
END_TEST

START_TEST(test_list_inactive_and_hours)
{
	struct pal_list l;
	struct pd_err err;
	int64_t gone = dbfix_staff(app.db, "gus", "Gus Gone", ROLE_PAL);
	int64_t sid = 0;

	(void)gone;
	ck_assert_int_eq(dbtest_session(app.db, w.ana, w.sam, "2026-11-24",
	    90, &sid, &err), PD_OK);
	{
		struct ts_week wk;
		struct ts_line ln;

		memset(&wk, 0, sizeof wk);
		ck_assert_int_eq(db_week_get_or_create(app.db, w.sam,
		    "2026-11-23", &wk, &err), PD_OK);
		memset(&ln, 0, sizeof ln);
		ln.week_id = wk.id;
		memcpy(ln.date, "2026-11-24", 11);
		ln.minutes = 90;
		ln.kind = LINE_SESSION;
		ln.client_id = w.ana;
		ln.session_id = sid;
		ck_assert_int_eq(db_line_insert(app.db, &ln, 0, &err), PD_OK);
	}
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_pal_list(&app, 1, &l, &err), PD_OK);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_int_eq(find_row(&l, w.sam)->week.minutes, 90);
	ck_assert_int_eq(find_row(&l, w.sam)->week.pence, 1875);
	ck_assert_str_eq(find_row(&l, w.sam)->week.first, "2026-11-23");
	ck_assert_int_eq(find_row(&l, w.sam)->week.check.minutes_left, 869);
	pal_list_fini(&l);
}
END_TEST

START_TEST(test_open_scope)
{
	struct pal_record r;
	struct pd_err err;
	int64_t id = 0;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_pal_open(&app, w.jo, &r, &err), PD_DENIED);
	ck_assert_int_eq(app_pal_by_login(&app, "jo", &id, &err), PD_DENIED);
	ck_assert_int_eq(app_pal_by_login(&app, "sam", &id, &err), PD_OK);
	ck_assert_int_eq(id, w.sam);
	ck_assert_int_eq(app_pal_open(&app, w.sam, &r, &err), PD_OK);
	ck_assert_int_eq(r.private_visible, 1);	/* their own pay */
	ck_assert_int_eq(r.may_edit_pay, 0);
	ck_assert_int_eq(r.may_add_records, 0);
	ck_assert_uint_eq(r.n_rates, 1);
	ck_assert_str_eq(r.clients, "Ana Silva");
	/* £12.50 is below the 2026 adult rate of £12.71 */
	ck_assert_ptr_nonnull(r.rate_warning);
	ck_assert_ptr_nonnull(strstr(r.rate_warning, "£12.71"));
	pal_record_fini(&r);

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_pal_open(&app, w.jo, &r, &err), PD_OK);
	ck_assert_int_eq(r.private_visible, 0);
	ck_assert_uint_eq(r.n_rates, 0);
	ck_assert_uint_eq(r.n_benefits, 0);
	ck_assert_int_eq(r.rule, RULE_NONE);
	ck_assert_ptr_null(r.rate_warning);
	ck_assert_int_eq(r.may_add_records, 1);
	ck_assert_int_eq(r.caseload, 1);
	pal_record_fini(&r);

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_pal_open(&app, w.jo, &r, &err), PD_OK);
	ck_assert_uint_eq(r.n_rates, 1);
	ck_assert_uint_eq(r.n_benefits, 1);
	ck_assert_int_eq(r.rule, RULE_PERMITTED);
	/* fine when it started in 2020, below the minimum now */
	ck_assert_ptr_null(r.rates[0].warning);
	ck_assert_ptr_nonnull(r.rate_warning);
	pal_record_fini(&r);

	/* not a PAL at all */
	ck_assert_int_eq(app_pal_open(&app, w.office, &r, &err), PD_NOT_FOUND);
}
END_TEST

START_TEST(test_profile_pal_edits_what_they_share)
{
	struct pal_record r;
	struct pd_err err;
	int64_t audits = dbfix_count(app.db, "audit");
	int version;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_pal_open(&app, w.sam, &r, &err), PD_OK);
	version = r.profile.version;
	free(r.profile.interests);
	r.profile.interests = xstrdup("walking, music");
	r.profile.max_clients = 1;		/* not theirs to change */
	memcpy(r.profile.date_of_birth, "1990-01-01", 11);
	ck_assert_int_eq(app_pal_profile_save(&app, &r.profile, &err), PD_OK);
	ck_assert_int_eq(r.profile.version, version + 1);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), audits + 1);
	pal_record_fini(&r);

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_pal_open(&app, w.sam, &r, &err), PD_OK);
	ck_assert_str_eq(r.profile.interests, "walking, music");
	ck_assert_int_eq(r.profile.max_clients, -1);
	ck_assert_str_eq(r.profile.date_of_birth, "");
	/* office staff may set the limit */
	r.profile.max_clients = 4;
	ck_assert_int_eq(app_pal_profile_save(&app, &r.profile, &err), PD_OK);
	/* a stale copy is a conflict */
	r.profile.version--;
	ck_assert_int_eq(app_pal_profile_save(&app, &r.profile, &err),
	    PD_CONFLICT);
	r.profile.version++;
	memcpy(r.profile.date_of_birth, "1990-13-01", 11);
	ck_assert_int_eq(app_pal_profile_save(&app, &r.profile, &err),
	    PD_INVALID);
	ck_assert_str_eq(err.field, "date_of_birth");
	pal_record_fini(&r);

	/* another PAL's profile: refused */
	appfix_act_as(&app, w.jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_pal_open(&app, w.jo, &r, &err), PD_OK);
	r.profile.staff_id = w.sam;
	ck_assert_int_eq(app_pal_profile_save(&app, &r.profile, &err),
	    PD_DENIED);
	pal_record_fini(&r);
}
END_TEST

/* The rate against the minimum wage for the PAL's age on the date. */
static const struct {
	const char *dob, *date;
	int64_t rate;
	int below;
	const char *says;
} rate_cases[] = {
	{ "2000-01-01", "2026-04-01", 1270, 1, "aged 26 (21+): £12.71" },
	{ "2000-01-01", "2026-04-01", 1271, 0, "" },
	{ "2000-01-01", "2026-03-31", 1221, 0, "" },
	{ "2000-01-01", "2026-03-31", 1220, 1, "£12.21" },
	{ "2007-06-01", "2026-04-01", 1085, 0, "" },	/* 18: £10.85 */
	{ "2007-06-01", "2026-04-01", 1084, 1, "aged 18 (18-20): £10.85" },
	{ "2005-04-02", "2026-04-01", 1100, 0, "" },	/* still 20 */
	{ "2005-04-01", "2026-04-01", 1100, 1, "aged 21" },	/* 21 today */
	{ "", "2026-04-01", 1270, 1, "no date of birth is recorded" },
	{ "", "2026-04-01", 1300, 0, "No date of birth is recorded" },
	{ "", "2026-04-01", 1271, 0, "adult rate on 2026-04-01 (21+, £12.71)" },
	{ "1980-05-05", "2017-04-01", 740, 1, "(25+): £7.50" },
	{ "1999-01-01", "2019-06-01", 800, 0, "" },	/* 20: £6.15 */
};

START_TEST(test_rate_check)
{
	struct pal_profile p;
	char msg[400];
	int below;

	memset(&p, 0, sizeof p);
	snprintf(p.date_of_birth, sizeof p.date_of_birth, "%s",
	    rate_cases[_i].dob);
	below = app_pal_rate_check(&app, &p, rate_cases[_i].rate,
	    rate_cases[_i].date, msg, sizeof msg);
	ck_assert_msg(below == rate_cases[_i].below, "%d: %s", _i, msg);
	if (rate_cases[_i].says[0] == '\0')
		ck_assert_str_eq(msg, "");
	else
		ck_assert_msg(strstr(msg, rate_cases[_i].says) != NULL,
		    "%d: \"%s\" lacks \"%s\"", _i, msg, rate_cases[_i].says);
}
END_TEST

START_TEST(test_rate_add)
{
	char warn[400];
	struct pd_err err;
	struct pal_record r;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_pal_rate_add(&app, w.sam, 1300, "2026-04-01",
	    warn, sizeof warn, &err), PD_DENIED);
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_pal_rate_add(&app, w.sam, 1300, "2026-04-01",
	    warn, sizeof warn, &err), PD_DENIED);

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_pal_rate_add(&app, w.sam, 1200, "2026-04-01",
	    warn, sizeof warn, &err), PD_OK);
	ck_assert_ptr_nonnull(strstr(warn, "below"));	/* saved, but said */
	ck_assert_int_eq(app_pal_rate_add(&app, w.sam, 1300, "2026-04-01",
	    warn, sizeof warn, &err), PD_DUPLICATE);
	ck_assert_int_eq(app_pal_rate_add(&app, w.sam, 1300, "2026-05-01",
	    warn, sizeof warn, &err), PD_OK);
	ck_assert_str_eq(warn, "");
	ck_assert_int_eq(app_pal_rate_add(&app, w.sam, 0, "2026-05-02",
	    warn, sizeof warn, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "rate");
	ck_assert_int_eq(app_pal_open(&app, w.sam, &r, &err), PD_OK);
	ck_assert_uint_eq(r.n_rates, 3);
	ck_assert_int_eq(r.rates[0].rate_pence, 1300);	/* newest first */
	ck_assert_ptr_null(r.rates[0].warning);
	ck_assert_ptr_nonnull(r.rates[1].warning);
	ck_assert_ptr_null(r.rate_warning);	/* £13.00 today is fine */
	ck_assert_int_eq(r.week.rate_pence, 1300);
	pal_record_fini(&r);
}
END_TEST

START_TEST(test_benefit_manager_only)
{
	struct pd_err err;
	struct pal_record r;

	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_pal_benefit_set(&app, w.jo, RULE_UC, "2026-11-01",
	    NULL, &err), PD_DENIED);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_pal_benefit_set(&app, w.jo, RULE_UC, "2026-11-01",
	    "moved to UC", &err), PD_OK);
	ck_assert_int_eq(app_pal_open(&app, w.jo, &r, &err), PD_OK);
	ck_assert_int_eq(r.rule, RULE_UC);
	ck_assert_uint_eq(r.n_benefits, 2);
	ck_assert_str_eq(r.benefits[0].note, "moved to UC");
	ck_assert_int_eq(r.week.check.verdict, PERMITTED_NA);
	pal_record_fini(&r);
}
END_TEST

START_TEST(test_dbs_policy)
{
	struct pal_dbs d;
	struct pal_record r;
	struct pd_err err;
	char due[11];

	app_dbs_recheck_due(&app, "2026-01-10", 0, due);
	ck_assert_str_eq(due, "2029-01-10");		/* 36 months */
	app_dbs_recheck_due(&app, "2026-01-10", 1, due);
	ck_assert_str_eq(due, "2027-01-10");		/* 12 months */
	app.settings->dbs_recheck_months = 24;
	app_dbs_recheck_due(&app, "2024-02-29", 0, due);
	ck_assert_str_eq(due, "2026-02-28");
	app_dbs_recheck_due(&app, "", 0, due);
	ck_assert_str_eq(due, "");

	memset(&d, 0, sizeof d);
	memcpy(d.level, "enhanced", 9);
	memcpy(d.issued_on, "2026-01-10", 11);
	d.certificate_no = (char[]){"001234567890"};
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_pal_dbs_add(&app, w.sam, &d, &err), PD_DENIED);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_pal_dbs_add(&app, w.sam, &d, &err), PD_OK);
	ck_assert_str_eq(d.recheck_due, "2028-01-10");
	memcpy(d.level, "super", 6);
	ck_assert_int_eq(app_pal_dbs_add(&app, w.sam, &d, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "level");
	memset(&d, 0, sizeof d);
	memcpy(d.level, "enhanced_barred", 16);
	memcpy(d.issued_on, "2026-06-01", 11);
	memcpy(d.recheck_due, "2026-12-01", 11);	/* given: kept */
	ck_assert_int_eq(app_pal_dbs_add(&app, w.sam, &d, &err), PD_OK);
	ck_assert_int_eq(app_pal_open(&app, w.sam, &r, &err), PD_OK);
	ck_assert_uint_eq(r.n_dbs, 2);
	ck_assert_str_eq(r.dbs[0].recheck_due, "2026-12-01");
	ck_assert_str_eq(r.dbs[1].certificate_no, "001234567890");
	pal_record_fini(&r);
}
END_TEST

static int
count_kind(int64_t week_id, enum line_kind k)
{
	struct week_totals t;
	struct pd_err err;

	(void)week_id;
	ck_assert_int_eq(db_week_totals(app.db, w.sam, "2026-11-23",
	    "2026-11-29", &t, &err), PD_OK);
	return t.minutes_by_kind[k];
}

START_TEST(test_supervision_and_training_lines)
{
	struct pal_record r;
	struct pd_err err;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_pal_supervision_add(&app, w.sam, "2026-11-24", 0,
	    60, 1, NULL, NULL, &err), PD_DENIED);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_pal_supervision_add(&app, w.sam, "2026-11-24", 0,
	    60, 1, "monthly", NULL, &err), PD_OK);
	ck_assert_int_eq(count_kind(0, LINE_SUPERVISION), 60);
	/* unpaid: recorded, no line */
	ck_assert_int_eq(app_pal_supervision_add(&app, w.sam, "2026-11-25",
	    w.manager, 30, 0, NULL, NULL, &err), PD_OK);
	ck_assert_int_eq(count_kind(0, LINE_SUPERVISION), 60);
	ck_assert_int_eq(app_pal_supervision_add(&app, w.sam, "2026-11-25", 0,
	    0, 1, NULL, NULL, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "minutes");
	ck_assert_int_eq(app_pal_training_add(&app, w.sam, "2026-11-26",
	    "Safeguarding adults", 180, 1, NULL, &err), PD_OK);
	ck_assert_int_eq(count_kind(0, LINE_TRAINING), 180);
	ck_assert_int_eq(app_pal_training_add(&app, w.sam, "2026-11-26",
	    " ", 180, 1, NULL, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "title");
	ck_assert_int_eq(app_pal_open(&app, w.sam, &r, &err), PD_OK);
	ck_assert_uint_eq(r.n_supervision, 2);
	ck_assert_str_eq(r.supervision[1].supervisor, "Olive Okafor");
	ck_assert_str_eq(r.supervision[0].supervisor, "Maya Shah");
	ck_assert_uint_eq(r.n_training, 1);
	ck_assert_int_eq(r.week.minutes, 240);
	pal_record_fini(&r);
	/* one supervision row per line: the line did not record another */
	ck_assert_int_eq(dbfix_count(app.db, "pal_supervision"), 2);
	ck_assert_int_eq(dbfix_count(app.db, "pal_training"), 1);
}
END_TEST

/* An approved week takes the manager, with a reason; nothing is saved
 * when the line is refused. */
START_TEST(test_supervision_approved_week)
{
	struct ts_week wk;
	struct pd_err err;

	memset(&wk, 0, sizeof wk);
	ck_assert_int_eq(db_week_get_or_create(app.db, w.sam, "2026-11-16",
	    &wk, &err), PD_OK);
	ck_assert_int_eq(db_week_set_status(app.db, &wk, WEEK_APPROVED,
	    w.manager, &err), PD_OK);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_pal_supervision_add(&app, w.sam, "2026-11-18", 0,
	    60, 1, NULL, "forgot it", &err), PD_DENIED);
	ck_assert_int_eq(dbfix_count(app.db, "pal_supervision"), 0);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_pal_supervision_add(&app, w.sam, "2026-11-18", 0,
	    60, 1, NULL, NULL, &err), PD_INVALID);
	ck_assert_str_eq(err.field, "reason");
	ck_assert_int_eq(dbfix_count(app.db, "pal_supervision"), 0);
	ck_assert_int_eq(app_pal_supervision_add(&app, w.sam, "2026-11-18", 0,
	    60, 1, NULL, "recorded late: it was on the Wednesday", &err),
	    PD_OK);
	ck_assert_int_eq(dbfix_count(app.db, "pal_supervision"), 1);
	ck_assert_int_eq(dbfix_count(app.db, "timesheet_line"), 1);
}
END_TEST

/* Supervision that would take the week over the limit follows the same
 * rule as any line: refused, unless the manager agrees with a reason. */
START_TEST(test_supervision_over_limit)
{
	struct ts_week wk;
	struct ts_line ln;
	struct pd_err err;

	memset(&wk, 0, sizeof wk);
	ck_assert_int_eq(db_week_get_or_create(app.db, w.sam, "2026-11-23",
	    &wk, &err), PD_OK);
	memset(&ln, 0, sizeof ln);
	ln.week_id = wk.id;
	memcpy(ln.date, "2026-11-23", 11);
	ln.minutes = 15 * 60 + 30;
	ln.kind = LINE_ADMIN;
	ck_assert_int_eq(db_line_insert(app.db, &ln, 0, &err), PD_OK);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_pal_supervision_add(&app, w.sam, "2026-11-24", 0,
	    60, 1, NULL, NULL, &err), PD_LIMIT);
	ck_assert_str_eq(err.field, "minutes");
	ck_assert_int_eq(dbfix_count(app.db, "pal_supervision"), 0);
	/* unpaid supervision is not time worked: fine */
	ck_assert_int_eq(app_pal_supervision_add(&app, w.sam, "2026-11-24", 0,
	    60, 0, NULL, NULL, &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_pal_supervision_add(&app, w.sam, "2026-11-25", 0,
	    60, 1, NULL, "agreed with the job coach", &err), PD_OK);
	ck_assert_int_eq(dbfix_count(app.db, "limit_override"), 1);
}
END_TEST

static Suite *
pals_suite(void)
{
	Suite *s = suite_create("app_pals");
	TCase *t = tcase_create("pals");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, test_list_scope);
	tcase_add_test(t, test_list_inactive_and_hours);
	tcase_add_test(t, test_open_scope);
	tcase_add_test(t, test_profile_pal_edits_what_they_share);
	tcase_add_loop_test(t, test_rate_check, 0, N(rate_cases));
	tcase_add_test(t, test_rate_add);
	tcase_add_test(t, test_benefit_manager_only);
	tcase_add_test(t, test_dbs_policy);
	tcase_add_test(t, test_supervision_and_training_lines);
	tcase_add_test(t, test_supervision_approved_week);
	tcase_add_test(t, test_supervision_over_limit);
	suite_add_tcase(s, t);
	return s;
}

PD_TEST_MAIN(pals_suite)
