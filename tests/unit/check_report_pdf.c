/* Tier 1: report/hours_pdf - the weekly hours summary drawn with cairo,
 * read back with poppler's pdftotext and pdfinfo (poppler-utils; a
 * missing tool fails the test). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/pdfsave.h"
#include "support/testlib.h"

#include "support/report_sample.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/report/hours_pdf.h"


static char *
slurp(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	FILE *f = fopen(path, "rb");

	ck_assert_msg(f != NULL, "cannot read %s", path);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	return strbuf_detach(&sb);
}

/* Run a poppler tool on pdf and return what it printed. */
static char *
poppler(const char *tool, const char *args, const char *pdf)
{
	char *out = test_path("poppler.out");
	char *cmd = xasprintf("%s %s '%s' %s > '%s' 2>&1", tool, args, pdf,
	    strcmp(tool, "pdftotext") == 0 ? "-" : "", out);
	char *text;
	int rc = system(cmd);

	text = slurp(out);
	ck_assert_msg(rc == 0, "%s failed (%d): %s; is poppler-utils "
	    "installed? (sh tools/deps.sh test)", tool, rc, text);
	free(cmd);
	free(out);
	return text;
}

START_TEST(test_sample_pdf)
{
	struct hours_report r;
	struct pd_err err;
	char *pdf = test_path("hours.pdf"), *bytes, *text, *info;

	report_sample_build(&r);
	ck_assert_msg(hours_pdf_write(&r, pdf, &err) == PD_OK, "%s",
	    err.msg);
	hours_report_fini(&r);
	bytes = slurp(pdf);
	ck_assert_int_eq(strncmp(bytes, "%PDF-", 5), 0);

	info = poppler("pdfinfo", "", pdf);
	ck_assert_msg(strstr(info, "595 x 842 pts (A4)") != NULL, "%s", info);
	ck_assert_msg(strstr(info, "Weekly hours summary 2026-W48") != NULL,
	    "title: %s", info);

	text = poppler("pdftotext", "-enc UTF-8", pdf);
	ck_assert_msg(strstr(text, "Zo\xc3\xab Adams") != NULL, "%s", text);
	ck_assert_ptr_nonnull(strstr(text, "Siobh\xc3\xa1n O'Neill"));
	ck_assert_ptr_nonnull(strstr(text, "Riverside Peer Support"));
	ck_assert_ptr_nonnull(strstr(text,
	    "Weekly hours summary, week 2026-W48"));
	ck_assert_ptr_nonnull(strstr(text, "Mon 23 Nov 2026 to Sun 29 Nov"));
	ck_assert_ptr_nonnull(strstr(text, "OVER"));
	ck_assert_ptr_nonnull(strstr(text, "over the limit"));
	ck_assert_ptr_nonnull(strstr(text, "close to the limit"));
	ck_assert_ptr_nonnull(strstr(text, "Page 1 of "));
	ck_assert_ptr_nonnull(strstr(text, "\xc2\xa3" "248.72"));
	ck_assert_ptr_nonnull(strstr(text, "Totals for 7 PALs"));
	ck_assert_ptr_nonnull(strstr(text, "Other workers"));
	ck_assert_ptr_nonnull(strstr(text, "Ruth Okafor"));
	free(text);
	free(info);
	free(bytes);
	free(pdf);
}
END_TEST

/* Forty PALs take several pages: each has its header and number. */
START_TEST(test_many_pages)
{
	static const struct hours_band b[] = { { 1271, 600 } };
	struct hours_options opt = { &report_sample_limits, 10, 1, 1207 };
	struct hours_report r;
	struct week_range wk;
	char *pdf = test_path("many.pdf"), *text, *page, *save = NULL;
	char login[16], name[32], want[32];
	int i, pages = 0, total;

	ck_assert_int_eq(week_parse("2026-W48", 1, &wk, NULL), PD_OK);
	hours_report_init(&r, "Riverside Peer Support", wk, "", &opt);
	for (i = 0; i < 40; i++) {
		struct hours_input in = {
			.pal_id = i + 1, .login = login, .name = name,
			.minutes_by_kind = { 600 }, .bands = b, .n_bands = 1,
			.rule = RULE_PERMITTED,
		};

		snprintf(login, sizeof login, "pal%02d", i);
		snprintf(name, sizeof name, "Pal Number %02d", i);
		ck_assert_int_eq(hours_report_add_pal(&r, &in, NULL), PD_OK);
		hours_report_add_client(&r, "A Client", i + 1, name, 600, 600,
		    5);
	}
	hours_report_finish(&r);
	ck_assert_int_eq(hours_pdf_write(&r, pdf, NULL), PD_OK);
	hours_report_fini(&r);

	text = poppler("pdftotext", "-enc UTF-8", pdf);
	total = 0;
	for (page = text; (page = strchr(page, '\f')) != NULL; page++)
		total++;	/* pdftotext ends every page with a form feed */
	ck_assert_int_ge(total, 4);
	for (page = strtok_r(text, "\f", &save); page != NULL;
	    page = strtok_r(NULL, "\f", &save)) {
		if (strspn(page, "\n") == strlen(page))
			continue;
		pages++;
		snprintf(want, sizeof want, "Page %d of %d", pages, total);
		ck_assert_msg(strstr(page, want) != NULL, "page %d: no \"%s\"",
		    pages, want);
		ck_assert_ptr_nonnull(strstr(page, "Weekly hours summary"));
	}
	ck_assert_int_eq(pages, total);
	free(text);
	free(pdf);
}
END_TEST

/* An empty week still makes a one-page PDF that says so. */
START_TEST(test_empty_pdf)
{
	struct hours_report r;
	struct strbuf sb = STRBUF_INIT;
	char *pdf = test_path("empty.pdf"), *text;
	FILE *f;

	report_sample_build_empty(&r);
	ck_assert_int_eq(hours_pdf_render(&r, &sb, NULL), PD_OK);
	hours_report_fini(&r);
	ck_assert_int_eq(strncmp(sb.buf, "%PDF-", 5), 0);
	f = fopen(pdf, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(sb.buf, 1, sb.len, f), sb.len);
	fclose(f);
	text = poppler("pdftotext", "-enc UTF-8", pdf);
	ck_assert_ptr_nonnull(strstr(text, "Page 1 of 1"));
	ck_assert_ptr_nonnull(strstr(text, "Nobody is near or over a limit"));
	free(text);
	free(pdf);
	strbuf_fini(&sb);
}
END_TEST

START_TEST(test_unwritable)
{
	struct hours_report r;
	struct pd_err err;

	report_sample_build_empty(&r);
	ck_assert_int_eq(hours_pdf_write(&r, "/nonexistent/dir/x.pdf", &err),
	    PD_IO);
	ck_assert_ptr_nonnull(strstr(err.msg, "/nonexistent/dir/x.pdf"));
	hours_report_fini(&r);
}
END_TEST

static Suite *
report_pdf_suite(void)
{
	Suite *s = suite_create("report_pdf");
	TCase *tc = tcase_create("pdf");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_sample_pdf);
	tcase_add_test(tc, test_many_pages);
	tcase_add_test(tc, test_empty_pdf);
	tcase_add_test(tc, test_unwritable);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(report_pdf_suite)
