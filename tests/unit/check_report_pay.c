/* Tier 1: report/pay_csv - the payroll export byte for byte: RFC 4180
 * with CRLF, the header, rates joined by ';', a byte-order mark only for
 * Excel, and text cells that a spreadsheet would run as a formula made
 * harmless unless raw. */
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/report/pay_csv.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void
sample(struct pay_export *e)
{
	struct pay_line l;

	memset(e, 0, sizeof *e);
	memset(&l, 0, sizeof l);
	memcpy(l.week_label, "2026-W49", 9);
	memcpy(l.first, "2026-11-30", 11);
	memcpy(l.last, "2026-12-06", 11);
	l.rates[0] = 1250;
	l.rates[1] = 1300;
	l.n_rates = 2;
	l.minutes_by_kind[0] = 90;
	l.minutes_by_kind[5] = 30;
	l.minutes = 120;
	l.pay_pence = 2550;
	l.holiday_pence = 308;
	l.gross_pence = 2858;
	l.status = WEEK_LOCKED;
	l.verdict = PERMITTED_OVER;
	l.overrides = 1;
	pay_export_add(e, &l, "sam", "Reid, Sam \"Sunny\"", "the benefit rule "
	    "changed on Thu 3 Dec: judged against both", "=cover, agreed");
	memset(&l, 0, sizeof l);
	memcpy(l.week_label, "2026-W49", 9);
	memcpy(l.first, "2026-11-30", 11);
	memcpy(l.last, "2026-12-06", 11);
	l.minutes_by_kind[1] = 60;
	l.minutes = 60;
	l.unrated_minutes = 60;
	l.status = WEEK_SUBMITTED;
	l.verdict = PERMITTED_NA;
	l.not_checked = 1;	/* no pay rate recorded */
	pay_export_add(e, &l, "zoe", "@Zo\xc3\xab", NULL, NULL);
}

static const char want[] =
	PAY_CSV_HEADER "\r\n"
	"2026-W49,2026-11-30,2026-12-06,sam,\"Reid, Sam \"\"Sunny\"\"\","
	"12.50;13.00,90,0,0,0,0,30,120,25.50,3.08,28.58,paid,over,1,"
	"\"'=cover, agreed\",the benefit rule changed on Thu 3 Dec: judged "
	"against both,0\r\n"
	"2026-W49,2026-11-30,2026-12-06,zoe,'@Zo\xc3\xab,,0,60,0,0,0,0,60,"
	"0.00,0.00,0.00,submitted,not_checked,0,,,60\r\n";

START_TEST(test_bytes)
{
	struct pay_export e;
	struct strbuf sb = STRBUF_INIT;

	sample(&e);
	pay_csv_render(&e, 0, &sb);
	ck_assert_str_eq(sb.buf, want);
	strbuf_fini(&sb);
	pay_export_fini(&e);
}
END_TEST

START_TEST(test_excel_bom)
{
	struct pay_export e;
	struct strbuf sb = STRBUF_INIT;

	sample(&e);
	pay_csv_render(&e, CSV_EXCEL, &sb);
	ck_assert_int_eq(memcmp(sb.buf, "\xef\xbb\xbf", 3), 0);
	ck_assert_str_eq(sb.buf + 3, want);
	strbuf_fini(&sb);
	pay_export_fini(&e);
}
END_TEST

START_TEST(test_raw)
{
	struct pay_export e;
	struct strbuf sb = STRBUF_INIT;

	sample(&e);
	pay_csv_render(&e, CSV_RAW, &sb);
	ck_assert_ptr_nonnull(strstr(sb.buf, ",\"=cover, agreed\","));
	ck_assert_ptr_nonnull(strstr(sb.buf, ",zoe,@Zo\xc3\xab,,"));
	ck_assert_ptr_null(strchr(sb.buf, '\''));
	strbuf_fini(&sb);
	pay_export_fini(&e);
}
END_TEST

START_TEST(test_empty)
{
	struct pay_export e;
	struct strbuf sb = STRBUF_INIT;

	memset(&e, 0, sizeof e);
	pay_csv_render(&e, 0, &sb);
	ck_assert_str_eq(sb.buf, PAY_CSV_HEADER "\r\n");
	strbuf_fini(&sb);
}
END_TEST

static Suite *
report_pay_suite(void)
{
	Suite *s = suite_create("report_pay");
	TCase *tc = tcase_create("pay");

	tcase_add_test(tc, test_bytes);
	tcase_add_test(tc, test_excel_bom);
	tcase_add_test(tc, test_raw);
	tcase_add_test(tc, test_empty);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(report_pay_suite)
