/* Tier 1: report/hours_csv - the weekly hours summary for the payroll
 * spreadsheet: the exact header, rows by login, RFC 4180 quoting, empty
 * limits where a rule has none; checked byte for byte. */
#include <string.h>

#include "support/testlib.h"
#include "support/report_sample.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/csvout.h"
#include "peerdesk/report/hours_csv.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char sample_csv[] =
    "pal_login,pal_name,hours,gross,rule,limit_hours,limit_pay,"
    "hours_left,pay_left,verdict,status,overrides,override_reason,note\r\n"
    "ahmed,Ahmed Khan,0.00,0.00,permitted,16.00,203.50,15.98,203.50,ok,,,,\r\n"
    "jo,Jo Bennett,13.00,185.17,permitted,16.00,203.50,2.98,18.33,near,,,,\r\n"
    "marcus,Marcus Lee,16.50,248.72,permitted,16.00,203.50,0.00,0.00,"
    "over,,,,\r\n"
    "priya,Priya Shah,5.00,56.98,none,,,,,n/a,,,,\r\n"
    "sam,\"Carter, Sam \"\"Sunny\"\"\",20.00,284.88,uc,,,,,n/a,,,,\r\n"
    "siobhan,Siobh\xc3\xa1n O'Neill,1.00,14.24,lower,,20.00,,5.76,ok,,,,\r\n"
    "zoe,Zo\xc3\xab Adams,9.00,131.51,supported,,203.50,,71.99,ok,,,,\r\n";

START_TEST(test_sample_bytes)
{
	struct hours_report r;
	struct strbuf sb = STRBUF_INIT;

	report_sample_build(&r);
	hours_csv_render(&r, &sb);
	ck_assert_str_eq(sb.buf, sample_csv);
	ck_assert_uint_eq(sb.len, sizeof sample_csv - 1);
	strbuf_fini(&sb);
	hours_report_fini(&r);
}
END_TEST

START_TEST(test_header_only)
{
	struct hours_report r;
	struct strbuf sb = STRBUF_INIT;

	report_sample_build_empty(&r);
	hours_csv_render(&r, &sb);
	ck_assert_str_eq(sb.buf, "pal_login,pal_name,hours,gross,rule,"
	    "limit_hours,limit_pay,hours_left,pay_left,verdict,status,"
	    "overrides,override_reason,note\r\n");
	ck_assert_str_eq(sb.buf, HOURS_CSV_HEADER "\r\n");
	strbuf_fini(&sb);
	hours_report_fini(&r);
}
END_TEST

static const struct {
	const char *in, *out;
} fields[] = {
	{ "plain", "plain" },
	{ "", "" },
	{ "Zo\xc3\xab", "Zo\xc3\xab" },
	{ "a,b", "\"a,b\"" },
	{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
	{ "\"", "\"\"\"\"" },
	{ "two\nlines", "\"two\nlines\"" },
	{ "cr\rhere", "\"cr\rhere\"" },
	{ " spaces kept ", " spaces kept " },
	{ "O'Neill", "O'Neill" },
	/* what a spreadsheet would run as a formula shows as text */
	{ "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"" },
	{ "=1+2", "'=1+2" },
	{ "+44 7700 900123", "'+44 7700 900123" },
	{ "@SUM(A1)", "'@SUM(A1)" },
	{ "-cmd", "'-cmd" },
	{ "\tx", "'\tx" },
	{ "-12.50", "-12.50" },
	{ "+3", "+3" },
};

START_TEST(test_field_quoting)
{
	struct strbuf sb = STRBUF_INIT;

	csvout_field(&sb, fields[_i].in, 0, true);
	ck_assert_uint_ge(sb.len, 2);
	ck_assert_str_eq(sb.buf + sb.len - 2, "\r\n");
	sb.buf[sb.len - 2] = '\0';
	ck_assert_str_eq(sb.buf, fields[_i].out);
	/* --raw leaves every field's text as it is */
	strbuf_reset(&sb);
	csvout_field(&sb, fields[_i].in, CSV_RAW, false);
	ck_assert_str_eq(sb.buf + sb.len - 1, ",");
	ck_assert(strstr(sb.buf, "'=") == NULL || strstr(fields[_i].in, "'=")
	    != NULL);
	strbuf_fini(&sb);
}
END_TEST

/* No figures for the week: the limits are empty and the verdict n/a. */
START_TEST(test_no_figures)
{
	static const struct hours_band b[] = { { 1271, 60 } };
	struct hours_options opt = { NULL, 10, 0, 1207 };
	struct hours_input in = {
		.pal_id = 1, .login = "jo", .name = "Jo Bennett",
		.minutes_by_kind = { 60 }, .bands = b, .n_bands = 1,
		.rule = RULE_PERMITTED,
	};
	struct hours_report r;
	struct week_range wk;
	struct strbuf sb = STRBUF_INIT;

	ck_assert_int_eq(week_parse("2026-W01", 1, &wk, NULL), PD_OK);
	hours_report_init(&r, "Org", wk, "", &opt);
	ck_assert_int_eq(hours_report_add_pal(&r, &in, NULL), PD_OK);
	hours_report_finish(&r);
	hours_csv_render(&r, &sb);
	ck_assert_str_eq(sb.buf, HOURS_CSV_HEADER "\r\n"
	    "jo,Jo Bennett,1.00,12.71,permitted,,,,,n/a,,,,\r\n");
	strbuf_fini(&sb);
	hours_report_fini(&r);
}
END_TEST

/* Where each week stands, and the manager's reason, for payroll. */
START_TEST(test_status_columns)
{
	struct hours_report r;
	struct strbuf sb = STRBUF_INIT;

	report_sample_build(&r);
	hours_report_set_status(&r, 2, WEEK_APPROVED, 2, "=covering, as "
	    "agreed", "Maya Patel");
	hours_report_set_status(&r, 1, WEEK_LOCKED, 0, NULL, NULL);
	hours_report_set_status(&r, 3, WEEK_OPEN, 0, NULL, NULL);
	hours_csv_render(&r, &sb);
	ck_assert_msg(strstr(sb.buf, "\r\nmarcus,Marcus Lee,16.50,248.72,"
	    "permitted,16.00,203.50,0.00,0.00,over,approved,2,\"'=covering, "
	    "as agreed\",\r\n") != NULL, "%s", sb.buf);
	ck_assert(strstr(sb.buf, ",near,paid,0,,\r\n") != NULL);
	ck_assert(strstr(sb.buf, "\r\nzoe,Zo\xc3\xab Adams,9.00,131.51,"
	    "supported,,203.50,,71.99,ok,open,0,,\r\n") != NULL);
	/* a PAL with no status said stays empty */
	ck_assert(strstr(sb.buf, ",n/a,,,,\r\n") != NULL);
	strbuf_fini(&sb);
	hours_report_fini(&r);
}
END_TEST

/* --excel: a byte-order mark first, then the same bytes. */
START_TEST(test_excel_bom)
{
	struct hours_report r;
	struct strbuf plain = STRBUF_INIT, bom = STRBUF_INIT;

	report_sample_build(&r);
	hours_csv_render(&r, &plain);
	r.csv_flags = CSV_EXCEL;
	hours_csv_render(&r, &bom);
	ck_assert_int_eq(memcmp(bom.buf, "\xef\xbb\xbf", 3), 0);
	ck_assert_str_eq(bom.buf + 3, plain.buf);
	strbuf_fini(&plain);
	strbuf_fini(&bom);
	hours_report_fini(&r);
}
END_TEST

static Suite *
report_csv_suite(void)
{
	Suite *s = suite_create("report_csv");
	TCase *tc = tcase_create("csv");

	tcase_add_test(tc, test_sample_bytes);
	tcase_add_test(tc, test_header_only);
	tcase_add_loop_test(tc, test_field_quoting, 0, N(fields));
	tcase_add_test(tc, test_no_figures);
	tcase_add_test(tc, test_status_columns);
	tcase_add_test(tc, test_excel_bom);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(report_csv_suite)
