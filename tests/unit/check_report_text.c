/* Tier 1: report/hours_text - the weekly hours summary as A4 text for
 * `lp`, compared with golden files in tests/unit/expected/report/.
 * PEERDESK_UPDATE_GOLDEN=1 rewrites the golden files instead. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "support/report_sample.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/report/hours_text.h"

static char *
golden_path(const char *name)
{
	const char *top = getenv("PEERDESK_TOP");

	return xasprintf("%s/tests/unit/expected/report/%s", top ? top : ".",
	    name);
}

static char *
slurp(const char *path, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return NULL;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	*len = sb.len;
	return strbuf_detach(&sb);
}

/* Compare got with the golden file, or rewrite it when asked to. */
static void
golden_check(const char *name, const struct strbuf *got)
{
	char *path = golden_path(name), *want;
	const char *update = getenv("PEERDESK_UPDATE_GOLDEN");
	size_t len = 0, i, line = 1;

	if (update != NULL && strcmp(update, "1") == 0) {
		FILE *f = fopen(path, "wb");

		ck_assert_msg(f != NULL, "cannot write %s", path);
		ck_assert_uint_eq(fwrite(got->buf, 1, got->len, f), got->len);
		ck_assert_int_eq(fclose(f), 0);
	}
	want = slurp(path, &len);
	ck_assert_msg(want != NULL, "no golden file %s (run with "
	    "PEERDESK_UPDATE_GOLDEN=1 to write it)", path);
	for (i = 0; i < len && i < got->len && want[i] == got->buf[i]; i++)
		if (want[i] == '\n')
			line++;
	ck_assert_msg(i == len && i == got->len, "%s differs from the golden "
	    "file at line %zu (byte %zu); run with PEERDESK_UPDATE_GOLDEN=1 "
	    "to accept the new text", name, line, i);
	free(want);
	free(path);
}

/* Columns of one line of UTF-8 (every character here is one column). */
static int
columns(const char *s, size_t n)
{
	int w = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			w++;
	return w;
}

static char *
render(int empty)
{
	struct hours_report r;
	struct strbuf sb = STRBUF_INIT;

	if (empty)
		report_sample_build_empty(&r);
	else
		report_sample_build(&r);
	hours_text_render(&r, &sb);
	hours_report_fini(&r);
	return strbuf_detach(&sb);
}

START_TEST(test_golden)
{
	struct strbuf sb = STRBUF_INIT;
	char *text = render(0);

	strbuf_adds(&sb, text);
	golden_check("hours.txt", &sb);
	strbuf_fini(&sb);
	free(text);
}
END_TEST

START_TEST(test_golden_empty)
{
	struct strbuf sb = STRBUF_INIT;
	char *text = render(1);

	strbuf_adds(&sb, text);
	golden_check("hours-empty.txt", &sb);
	ck_assert_ptr_nonnull(strstr(text, "Nobody is near or over a limit"));
	ck_assert_ptr_nonnull(strstr(text, "Totals for 0 PALs"));
	strbuf_fini(&sb);
	free(text);
}
END_TEST

/* Every page: at most 60 lines of at most 80 (here 76) columns, a
 * header naming the organisation, the week and "Page N of M"; pages
 * split by form feeds; plain text (no escape codes). */
START_TEST(test_pages)
{
	char *text = render(0), *page, *save = NULL, *copy;
	int pages = 0, n;
	char want[64];

	ck_assert_ptr_null(strchr(text, '\033'));
	ck_assert_ptr_null(strchr(text, '\r'));
	ck_assert_ptr_null(strchr(text, '\t'));
	n = 1;
	for (page = text; (page = strchr(page, '\f')) != NULL; page++)
		n++;
	ck_assert_int_ge(n, 2);
	copy = xstrdup(text);
	for (page = strtok_r(copy, "\f", &save); page != NULL;
	    page = strtok_r(NULL, "\f", &save)) {
		const char *p = page;
		int lines = 0;

		pages++;
		while (*p != '\0') {
			const char *nl = strchr(p, '\n');

			ck_assert_ptr_nonnull(nl);
			ck_assert_int_le(columns(p, (size_t)(nl - p)),
			    HOURS_TEXT_WIDTH);
			ck_assert_int_le(HOURS_TEXT_WIDTH, 80);
			lines++;
			p = nl + 1;
		}
		ck_assert_int_le(lines, HOURS_TEXT_PAGE_LINES);
		snprintf(want, sizeof want, "Page %d of %d", pages, n);
		ck_assert_msg(strstr(page, want) != NULL, "no \"%s\"", want);
		ck_assert_ptr_eq(strstr(page, "Riverside Peer Support"), page);
		ck_assert_ptr_nonnull(strstr(page,
		    "Weekly hours summary, week 2026-W48"));
		ck_assert_ptr_nonnull(strstr(page,
		    "Mon 23 Nov 2026 to Sun 29 Nov 2026"));
	}
	ck_assert_int_eq(pages, n);
	free(copy);
	free(text);
}
END_TEST

/* Each PAL's block stays on one page: its name line, verdict and
 * clients; the near/over list comes before the first PAL. */
START_TEST(test_blocks_kept_together)
{
	static const char *const who[] = {
		"Ahmed Khan (ahmed)", "Jo Bennett (jo)", "Marcus Lee (marcus)",
		"Priya Shah (priya)", "Carter, Sam \"Sunny\" (sam)",
		"Siobh\xc3\xa1n O'Neill (siobhan)", "Zo\xc3\xab Adams (zoe)"
	};
	char *text = render(0), *near, *first_pal;
	size_t i;

	near = strstr(text, "Near or over a limit");
	first_pal = strstr(text, "\nAhmed Khan (ahmed)");
	ck_assert_ptr_nonnull(near);
	ck_assert_ptr_nonnull(first_pal);
	ck_assert(near < first_pal);
	ck_assert_ptr_nonnull(strstr(near, "NEAR  Jo Bennett (jo)"));
	ck_assert_ptr_nonnull(strstr(near, "OVER  Marcus Lee (marcus)"));
	for (i = 0; i < sizeof who / sizeof who[0]; i++) {
		char *at = strstr(text, who[i]);
		char *end, *blank, *clients, *dashes;

		/* the block's own line, not the near/over list's */
		while (at != NULL && at[-1] != '\n')
			at = strstr(at + 1, who[i]);
		ck_assert_msg(at != NULL, "no block for %s", who[i]);
		/* the block ends at a blank line or the page's end */
		end = strchr(at, '\f');
		blank = strstr(at, "\n\n");
		if (end == NULL || (blank != NULL && blank < end))
			end = blank;
		if (end == NULL)
			end = at + strlen(at);
		clients = strstr(at, "Clients this week");
		ck_assert_msg(clients != NULL && clients < end,
		    "%s's block runs over a page break", who[i]);
		/* and its rule line is on the same page */
		dashes = at - (HOURS_TEXT_WIDTH + 1);
		ck_assert_int_eq(strncmp(dashes, "-----", 5), 0);
	}
	/* totals come last */
	ck_assert_ptr_nonnull(strstr(text, "Totals for 7 PALs"));
	ck_assert_ptr_nonnull(strstr(text, "Gross pay      \xc2\xa3" "921.50"));
	ck_assert_ptr_nonnull(strstr(text,
	    "Verdict: over the limit: 31m too many hours and \xc2\xa3"
	    "45.22 too much pay"));
	free(text);
}
END_TEST

static Suite *
report_text_suite(void)
{
	Suite *s = suite_create("report_text");
	TCase *tc = tcase_create("text");
	/* Report columns are counted as the program counts them, in
	 * the UTF-8 character type cli.c sets up. */
	setlocale(LC_CTYPE, "C.UTF-8");

	tcase_add_test(tc, test_golden);
	tcase_add_test(tc, test_golden_empty);
	tcase_add_test(tc, test_pages);
	tcase_add_test(tc, test_blocks_kept_together);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(report_text_suite)
