/* Tier 2: who may see and do what (app/access.c), as one table.
 *
 * Every role (manager, office, a PAL working with the client, a PAL
 * whose assignment has not started, a PAL whose assignment has ended,
 * the system) against every use case and every import: allowed (the
 * data is checked) or refused (PD_DENIED).  Then: refusals are audited
 * in their own transaction; roles are given only by who may give them;
 * every read of a plan is audited like opening the client record. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/admin.h"
#include "peerdesk/app/assignments.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/import.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/app/palweeks.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/app/report_hours.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/app/users.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "peerdesk/model/hours.h"
#include "peerdesk/model/plandoc.h"

#define TODAY "2026-03-04"

static struct app app;
static struct dbfix_world w;
static int64_t pat, rex;	/* PALs of Ana: not started yet; ended */

enum who { MANAGER, OFFICE, PAL, PAL_BEFORE, PAL_AFTER, SYSTEM, N_WHO };

static const char *const who_names[N_WHO] = {
	"manager", "office", "PAL", "PAL before the start",
	"PAL after the end", "system"
};

static void
setup(void)
{
	struct plan_sections s;
	struct pd_err err;
	int v = 0;

	dbfix_today(TODAY);
	appfix_open(&app);
	dbfix_world(app.db, &w);	/* Sam works with Ana from 2026-01-05 */
	pat = dbfix_pal(app.db, "pat", "Pat Doyle");
	rex = dbfix_pal(app.db, "rex", "Rex Hale");
	dbfix_assign(app.db, w.ana, pat, "2026-04-01");
	dbfix_end(app.db, dbfix_assign(app.db, w.ana, rex, "2025-06-01"),
	    "2026-02-01");
	/* one saved version of Ana's plan, written by the system */
	memset(&s, 0, sizeof s);
	s.ambitions = xstrdup("Walk to the river every week");
	ck_assert_msg(app_plan_save(&app, w.ana, &s, 0, &v, &err) == PD_OK,
	    "%s", err.msg);
	plan_sections_fini(&s);
}

static void
teardown(void)
{
	app_close(&app);
	dbfix_today(NULL);
}

static void
act_as(enum who who)
{
	switch (who) {
	case MANAGER:
		appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
		break;
	case OFFICE:
		appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
		break;
	case PAL:
		appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
		break;
	case PAL_BEFORE:
		appfix_act_as(&app, pat, ROLE_PAL, "pat");
		break;
	case PAL_AFTER:
		appfix_act_as(&app, rex, ROLE_PAL, "rex");
		break;
	default:
		access_set_system(&app, "root");
		break;
	}
}

/* ---- the use cases: each returns the status, and checks the data it
 * got when it was allowed ----------------------------------------------- */

static enum pd_status
uc_client_open(struct pd_err *err)
{
	struct client_record r;
	enum pd_status s = app_client_open(&app, w.ana, &r, err);

	if (s == PD_OK) {
		ck_assert_str_eq(r.client.name, "Ana Silva");
		client_record_fini(&r);
	}
	return s;
}

/* The list is never refused: what it holds is the scope. */
static enum pd_status
uc_client_count(struct pd_err *err)
{
	struct client_query q;
	int n = -1;
	enum pd_status s;

	memset(&q, 0, sizeof q);
	q.status_or_minus1 = -1;
	s = app_client_count(&app, &q, &n, err);
	if (s == PD_OK && n == 0)
		return PD_DENIED;	/* saw nobody: as refused, for the table */
	if (s == PD_OK)
		ck_assert_int_eq(n, app_actor_is_pal(&app) ? 1 : 3);
	return s;
}

static enum pd_status
uc_plan_open(struct pd_err *err)
{
	struct plan_doc d;
	enum pd_status s = app_plan_open(&app, w.ana, &d, err);

	if (s == PD_OK) {
		ck_assert_str_eq(d.sections.ambitions,
		    "Walk to the river every week");
		plan_doc_fini(&d);
	}
	return s;
}

static enum pd_status
uc_plan_history(struct pd_err *err)
{
	struct plan_history h;
	enum pd_status s = app_plan_history(&app, w.ana, &h, err);

	if (s == PD_OK) {
		ck_assert_uint_eq(h.nv, 1);
		plan_history_fini(&h);
	}
	return s;
}

static enum pd_status
uc_plan_version(struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	enum pd_status s = app_plan_version_text(&app, w.ana, 1, 0, &sb, err);

	if (s == PD_OK)
		ck_assert_ptr_nonnull(strstr(strbuf_str(&sb), "river"));
	strbuf_fini(&sb);
	return s;
}

static enum pd_status
uc_plan_export(struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	enum pd_status s = app_plan_export_text(&app, w.ana, &sb, err);

	if (s == PD_OK)
		ck_assert_ptr_nonnull(strstr(strbuf_str(&sb), "river"));
	strbuf_fini(&sb);
	return s;
}

static enum pd_status
uc_plan_copy(struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	enum pd_status s = app_plan_copy_text(&app, w.ana, 72, &sb, err);

	if (s == PD_OK)
		ck_assert_ptr_nonnull(strstr(strbuf_str(&sb), "river"));
	strbuf_fini(&sb);
	return s;
}

static enum pd_status
uc_plan_note(struct pd_err *err)
{
	return app_plan_note_add(&app, w.ana, "", "We walked today", NULL,
	    err);
}

static enum pd_status
uc_assignments(struct pd_err *err)
{
	struct assignment_list l;
	enum pd_status s = app_assignment_list(&app, w.ana, 0, &l, err);

	if (s == PD_OK) {
		ck_assert_uint_eq(l.n, 3);
		assignment_list_fini(&l);
	}
	return s;
}

static enum pd_status
uc_referral(struct pd_err *err)
{
	struct intake in;
	enum pd_status s;

	intake_init(&in);
	in.client.name = xstrdup("Dana Fox");
	s = app_client_create(&app, &in, NULL, err);
	intake_fini(&in);
	return s;
}

static enum pd_status
uc_pal_record(struct pd_err *err)
{
	struct pal_record r;
	enum pd_status s = app_pal_open(&app, w.jo, &r, err);

	if (s == PD_OK) {
		ck_assert_str_eq(r.staff.name, "Jo Evans");
		pal_record_fini(&r);
	}
	return s;
}

static enum pd_status
uc_pal_week(struct pd_err *err)
{
	struct week_view v;
	enum pd_status s = app_week_status(&app, w.jo, NULL, &v, err);

	if (s == PD_OK)
		week_view_fini(&v);
	return s;
}

/* A PAL's weeks against the limit: benefit data, so not office. */
static enum pd_status
uc_pal_weeks(struct pd_err *err)
{
	struct palweeks p;
	enum pd_status s = app_pal_weeks(&app, w.jo, 13, &p, err);

	if (s == PD_OK) {
		ck_assert_uint_eq(p.n - p.lead, 13);
		palweeks_fini(&p);
	}
	return s;
}

static enum pd_status
uc_hours_report(struct pd_err *err)
{
	struct hours_report r;
	enum pd_status s = app_report_hours(&app, NULL, &r, err);

	if (s == PD_OK)
		hours_report_fini(&r);
	return s;
}

static enum pd_status
uc_pay_rate(struct pd_err *err)
{
	return app_pal_rate_add(&app, w.jo, 1300, NULL, NULL, 0, err);
}

static enum pd_status
uc_add_pal(struct pd_err *err)
{
	return app_user_add(&app, "newpal", "New PAL", ROLE_PAL, NULL, err);
}

static enum pd_status
uc_add_office(struct pd_err *err)
{
	return app_user_add(&app, "newoff", "New Office", ROLE_OFFICE, NULL,
	    err);
}

static enum pd_status
uc_add_manager(struct pd_err *err)
{
	return app_user_add(&app, "newman", "New Manager", ROLE_MANAGER, NULL,
	    err);
}

static enum pd_status
uc_audit_trail(struct pd_err *err)
{
	struct audit_query q;
	int64_t n = 0;

	memset(&q, 0, sizeof q);
	return app_audit_count(&app, &q, NULL, &n, err);
}

static enum pd_status
import(enum import_kind k, const char *text, struct pd_err *err)
{
	struct import_result res;

	return app_import_text(&app, k, text, strlen(text), "in.csv", 0, NULL,
	    NULL, &res, err);
}

static enum pd_status
uc_import_clients(struct pd_err *err)
{
	return import(IMPORT_CLIENTS, "name,referred_on,referrer,funding,"
	    "contracted_minutes_per_week\nEve Stone,2026-02-01,GP,none,60\n",
	    err);
}

static enum pd_status
uc_import_pals(struct pd_err *err)
{
	return import(IMPORT_PALS, "name,login,role,hourly_rate,rate_from,"
	    "benefit_rule\nLee Marsh,lee,pal,12.71,2026-01-01,\n", err);
}

static enum pd_status
uc_import_pals_no_pay(struct pd_err *err)
{
	return import(IMPORT_PALS, "name,login,role,hourly_rate,rate_from,"
	    "benefit_rule\nLee Marsh,lee,pal,,,\n", err);
}

static enum pd_status
uc_import_manager(struct pd_err *err)
{
	return import(IMPORT_PALS, "name,login,role,hourly_rate,rate_from,"
	    "benefit_rule\nMal Boss,mal,manager,,,\n", err);
}

static enum pd_status
uc_import_timesheet(struct pd_err *err)
{
	return import(IMPORT_TIMESHEET, "pal_login,date,minutes,kind\n"
	    "jo,2026-03-02,60,training\n", err);
}

/* A: allowed; D: refused (PD_DENIED).  Columns: manager, office, PAL,
 * PAL before the start, PAL after the end, system. */
static const struct uc {
	const char *name;
	enum pd_status (*run)(struct pd_err *err);
	const char *allowed;
} ucs[] = {
	{ "open the client record", uc_client_open,	"AAADDA" },
	{ "see clients in the list", uc_client_count,	"AAADDA" },
	{ "open the plan",	uc_plan_open,		"AAADDA" },
	{ "plan history",	uc_plan_history,	"AAADDA" },
	{ "plan version 1",	uc_plan_version,	"AAADDA" },
	{ "export the plan",	uc_plan_export,		"AAADDA" },
	{ "client's copy",	uc_plan_copy,		"AAADDA" },
	{ "add a plan note",	uc_plan_note,		"AAADDA" },
	{ "who supports Ana",	uc_assignments,		"AAADDA" },
	{ "take a referral",	uc_referral,		"AADDDA" },
	{ "another PAL's record", uc_pal_record,	"AADDDA" },
	{ "another PAL's week",	uc_pal_week,		"AADDDA" },
	{ "another PAL's weeks against the limit", uc_pal_weeks, "ADDDDA" },
	{ "hours report",	uc_hours_report,	"ADDDDA" },
	{ "set a pay rate",	uc_pay_rate,		"ADDDDA" },
	{ "add a PAL",		uc_add_pal,		"AADDDA" },
	{ "add office staff",	uc_add_office,		"ADDDDA" },
	{ "add a manager",	uc_add_manager,		"ADDDDA" },
	{ "read the audit trail", uc_audit_trail,	"ADDDDA" },
	{ "import clients",	uc_import_clients,	"AADDDA" },
	{ "import PALs with pay", uc_import_pals,	"ADDDDA" },
	{ "import PALs, no pay", uc_import_pals_no_pay,	"AADDDA" },
	{ "import a manager",	uc_import_manager,	"ADDDDA" },
	{ "import a timesheet",	uc_import_timesheet,	"AADDDA" },
};
#define N_UC (sizeof ucs / sizeof ucs[0])

START_TEST(test_table)
{
	const struct uc *u = &ucs[(size_t)_i % N_UC];
	enum who who = (enum who)((size_t)_i / N_UC);
	int allowed = u->allowed[who] == 'A';
	struct pd_err err;
	enum pd_status s;
	int64_t staff_before = dbfix_count(app.db, "staff");

	act_as(who);
	memset(&err, 0, sizeof err);
	s = u->run(&err);
	if (allowed)
		ck_assert_msg(s == PD_OK, "%s / %s: should be allowed, got %d: "
		    "%s", who_names[who], u->name, s, err.msg);
	else
		ck_assert_msg(s == PD_DENIED, "%s / %s: should be refused, got "
		    "%d: %s", who_names[who], u->name, s, err.msg);
	/* nobody is made staff by a refused use case */
	if (!allowed)
		ck_assert_int_eq(dbfix_count(app.db, "staff"), staff_before);
}
END_TEST

/* ---- refusals are audited --------------------------------------------- */

struct found {
	int n;
	char login[64], summary[200];
	int64_t entity_id;
};

static int
refused_cb(void *arg, const struct audit_entry *row)
{
	struct found *f = arg;

	if (strcmp(row->action, "refused") != 0)
		return 0;
	if (f->n++ > 0)
		return 0;	/* newest first: keep the latest */
	snprintf(f->login, sizeof f->login, "%s", row->actor_login ?
	    row->actor_login : "");
	snprintf(f->summary, sizeof f->summary, "%s", row->summary ?
	    row->summary : "");
	f->entity_id = row->entity_id;
	return 0;
}

static struct found
refusals(void)
{
	struct audit_query q;
	struct pd_err err;
	struct found f;

	memset(&f, 0, sizeof f);
	memset(&q, 0, sizeof q);
	ck_assert_int_eq(db_audit_list(app.db, &q, refused_cb, &f, &err),
	    PD_OK);
	return f;
}

START_TEST(test_refusal_audited)
{
	struct client_record r;
	struct plan_doc d;
	struct pd_err err;
	struct found f;

	act_as(PAL_AFTER);
	ck_assert_int_eq(app_client_open(&app, w.ana, &r, &err), PD_DENIED);
	ck_assert_str_eq(err.msg, "there is no client 1, or they are not one "
	    "of yours");
	f = refusals();
	ck_assert_int_eq(f.n, 1);
	ck_assert_str_eq(f.login, "rex");
	ck_assert_int_eq(f.entity_id, w.ana);
	ck_assert_str_eq(f.summary, "refused: asked to open the client record");
	/* an id that does not exist: the same words, audited the same */
	ck_assert_int_eq(app_plan_open(&app, 4242, &d, &err), PD_DENIED);
	ck_assert_str_eq(err.msg, "there is no client 4242, or they are not "
	    "one of yours");
	f = refusals();
	ck_assert_int_eq(f.n, 2);
	ck_assert_int_eq(f.entity_id, 4242);
	/* staff are never "refused" for a missing id: it is just missing */
	act_as(OFFICE);
	ck_assert_int_eq(app_client_open(&app, 4242, &r, &err), PD_NOT_FOUND);
	ck_assert_int_eq(refusals().n, 2);
}
END_TEST

/* The refusal row is kept even when the use case around it fails. */
START_TEST(test_refusal_own_transaction)
{
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;

	act_as(PAL_BEFORE);
	ck_assert_int_eq(app_plan_version_text(&app, w.ana, 1, 0, &sb, &err),
	    PD_DENIED);
	ck_assert_int_eq(app_plan_export_text(&app, w.ana, &sb, &err), PD_DENIED);
	strbuf_fini(&sb);
	ck_assert_int_eq(refusals().n, 2);
}
END_TEST

/* ---- every read of a plan is audited ------------------------------------ */

static int64_t
opens(void)
{
	struct audit_query q;
	struct pd_err err;
	int64_t n = 0;

	memset(&q, 0, sizeof q);
	q.client_id = w.ana;
	q.text = "plan";
	ck_assert_int_eq(db_audit_count(app.db, &q, &n, &err), PD_OK);
	return n;
}

START_TEST(test_plan_reads_audited)
{
	struct plan_doc d;
	struct plan_history h;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	int64_t n;

	act_as(PAL);
	n = opens();
	ck_assert_int_eq(app_plan_load(&app, w.ana, &d, &err), PD_OK);
	plan_doc_fini(&d);
	ck_assert_int_eq(opens(), n + 1);
	ck_assert_int_eq(app_plan_history(&app, w.ana, &h, &err), PD_OK);
	plan_history_fini(&h);
	ck_assert_int_eq(opens(), n + 2);
	ck_assert_int_eq(app_plan_version_text(&app, w.ana, 1, 0, &sb, &err),
	    PD_OK);
	ck_assert_int_eq(opens(), n + 3);
	strbuf_fini(&sb);
}
END_TEST

/* ---- who may give which role ------------------------------------------ */

START_TEST(test_office_import_manager_row)
{
	struct pd_err err;

	act_as(OFFICE);
	ck_assert_int_eq(import(IMPORT_PALS, "name,login,role,hourly_rate,"
	    "rate_from,benefit_rule\nLee Marsh,lee,pal,,,\n"
	    "Mal Boss,mal,manager,,,\n", &err), PD_DENIED);
	/* nothing half-saved, and the message names the file, line, field */
	ck_assert_int_eq(dbfix_count(app.db, "staff"), 6);
	ck_assert_str_eq(err.file, "in.csv");
	ck_assert_int_eq(err.line, 3);
	ck_assert_str_eq(err.field, "role");
	ck_assert_ptr_nonnull(strstr(err.msg, "only a manager may add a "
	    "manager"));
}
END_TEST

/* Pay rates and benefit rules are the manager's: office staff bringing
 * PALs in leave them empty, and are told so (file, line, field). */
START_TEST(test_office_import_pay_refused)
{
	struct pd_err err;

	act_as(OFFICE);
	ck_assert_int_eq(import(IMPORT_PALS, "name,login,role,hourly_rate,"
	    "rate_from,benefit_rule\nLee Marsh,lee,pal,,,\n"
	    "Pat Low,pat,pal,,,permitted\n", &err), PD_DENIED);
	ck_assert_int_eq(dbfix_count(app.db, "staff"), 6);
	ck_assert_int_eq(err.line, 3);
	ck_assert_str_eq(err.field, "benefit_rule");
	ck_assert_ptr_nonnull(strstr(err.msg, "only a manager records"));
}
END_TEST

START_TEST(test_actor_questions)
{
	act_as(PAL);
	ck_assert_int_eq(app_actor_is_pal(&app), 1);
	ck_assert_int_eq(app_actor_is_manager(&app), 0);
	ck_assert_int_eq(app_actor_is(&app, w.sam), 1);
	ck_assert_int_eq(app_actor_is(&app, w.jo), 0);
	ck_assert_str_eq(app_actor_login(&app), "sam");
	ck_assert_uint_eq(app_actor_roles(&app), APP_PAL);
	ck_assert_int_eq(access_scope(&app), w.sam);
	act_as(SYSTEM);
	ck_assert_int_eq(app_actor_is_system(&app), 1);
	ck_assert_int_eq(app_actor_is_manager(&app), 1);
	ck_assert_int_eq(app_actor_is_pal(&app), 0);
	ck_assert_int_eq(app_actor_signed_in(&app), 0);
	ck_assert_uint_eq(app_actor_roles(&app), APP_ANYONE);
	ck_assert_int_eq(access_scope(&app), 0);
	access_set_nobody(&app, "kiosk");
	ck_assert_uint_eq(app_actor_roles(&app), 0);
	ck_assert_int_eq(app_actor_is_manager(&app), 0);
	ck_assert_str_eq(app_actor_login(&app), "kiosk");
}
END_TEST

static Suite *
access_suite(void)
{
	Suite *s = suite_create("access");
	TCase *tc = tcase_create("access");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_table, 0, (int)(N_UC * N_WHO));
	tcase_add_test(tc, test_refusal_audited);
	tcase_add_test(tc, test_refusal_own_transaction);
	tcase_add_test(tc, test_plan_reads_audited);
	tcase_add_test(tc, test_office_import_manager_row);
	tcase_add_test(tc, test_office_import_pay_refused);
	tcase_add_test(tc, test_actor_questions);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(access_suite)
