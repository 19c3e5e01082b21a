/* Tier 2: the weekly hours summary from the database: who may see it,
 * a row per PAL with the rule of the week's first day, clients'
 * delivered against contracted minutes, the three formats and saving. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/print.h"
#include "peerdesk/app/report_hours.h"
#include "peerdesk/app/sessions.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/report/hours_csv.h"

static struct app app;
static struct dbfix_world w;

static void
setup(void)
{
	struct session s;
	struct pd_err err;
	static const struct { int pal; const char *date; int minutes; } log[] = {
		{ 0, "2026-11-23", 120 }, { 0, "2026-11-24", 90 },
		{ 1, "2026-11-24", 60 }, { 1, "2026-11-16", 60 },
	};
	size_t i;

	appfix_open(&app);
	dbfix_world(app.db, &w);
	dbfix_today("2026-11-25");
	for (i = 0; i < sizeof log / sizeof log[0]; i++) {
		memset(&s, 0, sizeof s);
		s.pal_id = log[i].pal == 0 ? w.sam : w.jo;
		s.client_id = log[i].pal == 0 ? w.ana : w.ben;
		snprintf(s.date, sizeof s.date, "%s", log[i].date);
		s.minutes = log[i].minutes;
		s.place = PLACE_CAFE;
		ck_assert_msg(app_session_log(&app, &s, NULL, &err) == PD_OK,
		    "%s", err.msg);
	}
	ck_assert_int_eq(db_pal_benefit_set(app.db, w.jo, RULE_SUPPORTED,
	    "2026-11-23", NULL, w.manager, &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
}

static void
teardown(void)
{
	dbfix_today(NULL);
	app_close(&app);
}

START_TEST(test_only_the_manager)
{
	struct hours_report r;
	struct pd_err err;

	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_report_hours(&app, NULL, &r, &err), PD_DENIED);
	appfix_act_as(&app, w.office, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_report_hours(&app, NULL, &r, &err), PD_DENIED);
}
END_TEST

START_TEST(test_rows_and_clients)
{
	struct hours_report r;
	struct pd_err err;
	const struct hours_row *sam, *jo;
	size_t i;
	int ana = 0;

	ck_assert_int_eq(app_report_hours(&app, "2026-W48", &r, &err), PD_OK);
	ck_assert_str_eq(r.week_label, "2026-W48");
	ck_assert_str_eq(r.generated_at, "2026-11-25");
	ck_assert_int_eq(r.n_rows, 2);
	ck_assert_int_eq(r.has_limits, 1);
	ck_assert_int_eq(r.limits.higher_pence, 20350);
	sam = hours_report_row_for(&r, w.sam);
	jo = hours_report_row_for(&r, w.jo);
	ck_assert_ptr_nonnull(sam);
	ck_assert_ptr_nonnull(jo);
	ck_assert_str_eq(r.rows[0].login, "jo");
	ck_assert_int_eq(sam->minutes, 210);
	ck_assert_int_eq(sam->minutes_by_kind[LINE_SESSION], 210);
	ck_assert_int_eq(sam->pay_pence, 4375);
	ck_assert_int_eq(sam->rule, RULE_PERMITTED);
	ck_assert_int_eq(sam->check.verdict, PERMITTED_OK);
	ck_assert_int_eq(jo->minutes, 60);
	ck_assert_int_eq(jo->rule, RULE_SUPPORTED);
	ck_assert_int_eq(r.totals.minutes, 270);
	for (i = 0; i < r.n_clients; i++)
		if (strcmp(r.clients[i].client, "Ana Silva") == 0) {
			ana = 1;
			ck_assert_int_eq(r.clients[i].delivered_minutes, 210);
			ck_assert_int_eq(r.clients[i].sessions, 2);
			ck_assert_int_eq(r.clients[i].worker_id, w.sam);
		}
	ck_assert(ana);
	hours_report_fini(&r);
	/* last week: Jo's one hour, the rule of that week (permitted) */
	ck_assert_int_eq(app_report_hours(&app, "2026-11-18", &r, &err), PD_OK);
	jo = hours_report_row_for(&r, w.jo);
	ck_assert_int_eq(jo->minutes, 60);
	ck_assert_int_eq(jo->rule, RULE_PERMITTED);
	hours_report_fini(&r);
	ck_assert_int_eq(app_report_hours(&app, "2026-W99", &r, &err),
	    PD_INVALID);
}
END_TEST

/* The CSV's build: the same PAL rows and totals, no client lines, and
 * still the manager only. */
START_TEST(test_pals_only)
{
	struct hours_report full, pals;
	struct pd_err err;
	size_t i;

	ck_assert_int_eq(app_report_hours(&app, "2026-W48", &full, &err), PD_OK);
	ck_assert_int_eq(app_report_hours_pals(&app, "2026-W48", &pals, &err),
	    PD_OK);
	ck_assert_uint_gt(full.n_clients, 0);
	ck_assert_uint_eq(pals.n_clients, 0);
	ck_assert_uint_eq(pals.n_rows, full.n_rows);
	for (i = 0; i < full.n_rows; i++) {
		ck_assert_str_eq(pals.rows[i].login, full.rows[i].login);
		ck_assert_int_eq(pals.rows[i].minutes, full.rows[i].minutes);
		ck_assert_int_eq(pals.rows[i].pay_pence, full.rows[i].pay_pence);
		ck_assert_int_eq(pals.rows[i].check.verdict,
		    full.rows[i].check.verdict);
	}
	ck_assert_int_eq(pals.totals.minutes, full.totals.minutes);
	hours_report_fini(&full);
	hours_report_fini(&pals);
	appfix_act_as(&app, w.sam, ROLE_PAL, "sam");
	ck_assert_int_eq(app_report_hours_pals(&app, NULL, &pals, &err),
	    PD_DENIED);
}
END_TEST

START_TEST(test_holiday_pay_setting)
{
	struct hours_report r;
	struct pd_err err;
	const struct hours_row *sam;

	app.settings->holiday_pay = true;
	ck_assert_int_eq(app_report_hours(&app, NULL, &r, &err), PD_OK);
	ck_assert_int_eq(r.holiday_pay, 1);
	sam = hours_report_row_for(&r, w.sam);
	/* 12.07% of £43.75 = £5.28 */
	ck_assert_int_eq(sam->holiday_pence, 528);
	ck_assert_int_eq(sam->gross_pence, 4903);
	hours_report_fini(&r);
}
END_TEST

START_TEST(test_formats_and_save)
{
	struct hours_report r;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	struct stat st;
	enum report_format f;
	char *path = test_path("hours.csv");
	FILE *fp;
	char line[256];

	ck_assert_int_eq(report_format_parse("csv", &f), 0);
	ck_assert_int_eq(f, REPORT_CSV);
	ck_assert_int_eq(report_format_parse("text", &f), 0);
	ck_assert_int_eq(f, REPORT_TEXT);
	ck_assert_int_eq(report_format_parse("pdf", &f), 0);
	ck_assert_int_eq(report_format_parse("html", &f), -1);
	ck_assert_int_eq(app_report_hours(&app, NULL, &r, &err), PD_OK);
	ck_assert_int_eq(app_report_hours_render(&r, REPORT_PDF, &sb, &err),
	    PD_OK);
	ck_assert_int_eq(memcmp(sb.buf, "%PDF-", 5), 0);
	ck_assert_int_eq(app_report_hours_save(&app, &r, REPORT_CSV, path,
	    &err), PD_OK);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	fp = fopen(path, "r");
	ck_assert_ptr_nonnull(fp);
	ck_assert_ptr_nonnull(fgets(line, sizeof line, fp));
	ck_assert_str_eq(line, HOURS_CSV_HEADER "\r\n");
	ck_assert_ptr_nonnull(fgets(line, sizeof line, fp));
	ck_assert_str_eq(line, "jo,Jo Evans,1.00,12.50,supported,,203.50,,"
	    "191.00,ok,open,0,,\r\n");
	fclose(fp);
	ck_assert_int_eq(app_report_hours_save(&app, &r, REPORT_TEXT,
	    "/nonexistent/dir/x.txt", &err), PD_NOT_FOUND);
	ck_assert_ptr_nonnull(strstr(err.msg, "/nonexistent/dir/x.txt"));
	hours_report_fini(&r);
	strbuf_fini(&sb);
	free(path);
}
END_TEST

/* Printing the weekly summary is audited, but only when the print
 * command took the job. */
START_TEST(test_print_audited_only_when_taken)
{
	struct hours_report r;
	struct print_outcome out;
	struct pd_err err;
	char *ok = test_write_file("lp-ok.sh",
	    "echo 'request id is office-7 (1 file(s))'\nexit 0\n");
	char *bad = test_write_file("lp-bad.sh", "echo 'lp: Error - "
	    "Forbidden.' >&2\nexit 1\n");
	int64_t rows;

	ck_assert_int_eq(app_report_hours(&app, "2026-W48", &r, &err), PD_OK);
	rows = dbfix_count(app.db, "audit");
	free(app.settings->print_command);
	app.settings->print_command = xasprintf("sh %s", bad);
	ck_assert_int_eq(app_report_hours_print(&app, &r, REPORT_PDF, &out,
	    &err), PD_IO);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), rows);
	free(app.settings->print_command);
	app.settings->print_command = xasprintf("sh %s", ok);
	ck_assert_msg(app_report_hours_print(&app, &r, REPORT_PDF, &out,
	    &err) == PD_OK, "%s", err.msg);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), rows + 1);
	hours_report_fini(&r);
	free(ok);
	free(bad);
}
END_TEST

static Suite *
app_report_suite(void)
{
	Suite *s = suite_create("app_report");
	TCase *tc = tcase_create("hours");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_only_the_manager);
	tcase_add_test(tc, test_print_audited_only_when_taken);
	tcase_add_test(tc, test_rows_and_clients);
	tcase_add_test(tc, test_pals_only);
	tcase_add_test(tc, test_holiday_pay_setting);
	tcase_add_test(tc, test_formats_and_save);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(app_report_suite)
