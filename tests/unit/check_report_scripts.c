/* Tier 1: PDFs for every community the organisation serves.  A plan
 * copy and a weekly hours summary are written with a Polish, an Urdu, a
 * Chinese and a Hindi name (and an emoji), laid out with Pango, and read
 * back with poppler's pdftotext, pdffonts, pdfimages and pdfinfo
 * (poppler-utils; a missing tool fails the test).  Each name must come
 * back exactly as it was written, in logical order: pdftotext puts a
 * right-to-left run between U+202B and U+202C (embedding marks), which
 * are not part of the name.  Then the headings: structure tags, named
 * places, an outline and page labels. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/pdfsave.h"
#include "support/testlib.h"

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/hours.h"
#include "peerdesk/model/plandiff.h"
#include "peerdesk/model/week.h"
#include "peerdesk/report/hours_pdf.h"
#include "peerdesk/report/pdftext.h"
#include "peerdesk/report/plan_pdf.h"
#include "peerdesk/report/sar_pdf.h"
#include "support/report_sample.h"

#define POLISH "Zofia Wi\xc5\x9bniewska-\xc5\x81ukasiewicz"
#define URDU "\xd8\xb9\xd8\xa7\xd8\xa6\xd8\xb4\xdb\x81 \xd8\xae\xd8\xa7\xd9\x86"
#define CHINESE "\xe7\x8e\x8b\xe7\xa7\x80\xe8\x8b\xb1"
#define HINDI "\xe0\xa4\x85\xe0\xa4\xa8\xe0\xa5\x81\xe0\xa4\xb0\xe0\xa4\xbe" \
	"\xe0\xa4\xa7\xe0\xa4\xbe \xe0\xa4\xb6\xe0\xa4\xb0\xe0\xa5\x8d" \
	"\xe0\xa4\xae\xe0\xa4\xbe"
#define EMOJI "\xf0\x9f\x98\x80"	/* U+1F600 */

static const char *const names[] = { POLISH, URDU, CHINESE, HINDI };

/* Under AddressSanitizer (make check's twin build): take whole stacks
 * on every allocation in this program, so that LeakSanitizer sees that
 * what cairo 1.16 loses while it subsets Noto Sans CJK was taken inside
 * cairo_surface_finish() (left out by tests/support/testlib.c's
 * suppressions) and still reports anything else.  cairo is built
 * without frame pointers: the quick walk stops inside it.  Only this
 * program draws Chinese, so only it pays for the slower walk. */
const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
	return "fast_unwind_on_malloc=0";
}
#define NNAMES (sizeof names / sizeof names[0])

static void
setup(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
}

/* The bytes of a file (a NUL-terminated copy, for text), its length in
 * *len when len is not NULL. */
static char *
slurp_n(const char *path, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	FILE *f = fopen(path, "rb");

	ck_assert_msg(f != NULL, "cannot read %s", path);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	if (len != NULL)
		*len = sb.len;
	strbuf_addc(&sb, '\0');
	return strbuf_detach(&sb);
}

static char *
slurp(const char *path)
{
	return slurp_n(path, NULL);
}

/* want occurs in the n bytes at p (a PDF holds NUL bytes). */
static int
has_bytes(const char *p, size_t n, const char *want)
{
	size_t k = strlen(want), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(p + i, want, k) == 0)
			return 1;
	return 0;
}

/* Run a poppler tool ("pdftotext -enc UTF-8", "pdffonts", ...) on pdf;
 * what it printed. */
static char *
poppler(const char *tool, const char *pdf, int to_stdout)
{
	char *out = test_path("poppler.out");
	char *cmd = xasprintf("%s '%s' %s > '%s' 2>&1", tool, pdf,
	    to_stdout ? "-" : "", out);
	char *text;
	int rc = system(cmd);

	text = slurp(out);
	ck_assert_msg(rc == 0, "%s failed (%d): %s; is poppler-utils "
	    "installed? (sh tools/deps.sh test)", tool, rc, text);
	free(cmd);
	free(out);
	return text;
}

/* s without pdftotext's direction marks (U+202A-U+202E, U+2066-U+2069)
 * and without spaces at its ends. */
static char *
unmarked(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0;

	strbuf_grow(&sb, n + 1);	/* never NULL, even when empty */
	while (i < n) {
		const unsigned char *u = (const unsigned char *)s + i;

		if (i + 2 < n && u[0] == 0xe2 && u[1] == 0x80 &&
		    u[2] >= 0xaa && u[2] <= 0xae) {
			i += 3;
			continue;
		}
		if (i + 2 < n && u[0] == 0xe2 && u[1] == 0x81 &&
		    u[2] >= 0xa6 && u[2] <= 0xa9) {
			i += 3;
			continue;
		}
		strbuf_addc(&sb, s[i]);
		i++;
	}
	while (sb.len > 0 && sb.buf[sb.len - 1] == ' ')
		sb.buf[--sb.len] = '\0';
	i = strspn(sb.buf, " ");
	if (i > 0)
		memmove(sb.buf, sb.buf + i, sb.len - i + 1);
	return strbuf_detach(&sb);
}

/* Some line of text is exactly want (direction marks aside). */
static int
has_line(const char *text, const char *want)
{
	const char *p = text;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n\f");
		char *line = unmarked(p, n);
		int same = strcmp(line, want) == 0;

		free(line);
		if (same)
			return 1;
		p += n;
		if (*p != '\0')
			p++;
	}
	return 0;
}

/* The fonts fontconfig fell back to are in the PDF: Chinese and Hindi
 * are drawn, not boxes. */
static void
assert_fallback_fonts(const char *pdf)
{
	char *fonts = poppler("pdffonts", pdf, 0);

	ck_assert_msg(strstr(fonts, "DejaVuSans") != NULL, "%s", fonts);
	ck_assert_msg(strstr(fonts, "NotoSansCJK") != NULL ||
	    strstr(fonts, "NotoSerifCJK") != NULL, "no CJK font "
	    "(fonts-noto-cjk):\n%s", fonts);
	ck_assert_msg(strstr(fonts, "Devanagari") != NULL, "no Devanagari "
	    "font (fonts-noto-core):\n%s", fonts);
	free(fonts);
}

/* Headings are tagged, named and in the outline; pages are labelled. */
static void
assert_structure(const char *pdf, const char *const dests[], size_t nd)
{
	size_t n, i;
	char *bytes = slurp_n(pdf, &n), *found;

	ck_assert_msg(has_bytes(bytes, n, "/Outlines"), "no outline");
	ck_assert_msg(has_bytes(bytes, n, "/PageLabels"), "no page labels");
	ck_assert_msg(has_bytes(bytes, n, "/StructTreeRoot"),
	    "no structure tree");
	ck_assert_msg(has_bytes(bytes, n, "/S /H1"), "no H1 heading");
	ck_assert_msg(has_bytes(bytes, n, "/S /H2"), "no H2 heading");
	free(bytes);
	found = poppler("pdfinfo -dests", pdf, 0);
	for (i = 0; i < nd; i++) {
		char *want = xasprintf("\"%s\"", dests[i]);

		ck_assert_msg(strstr(found, want) != NULL, "no place named "
		    "%s:\n%s", want, found);
		free(want);
	}
	free(found);
}

static void
plan_with_names(struct plan_doc *d, const char *client)
{
	struct plan_doc_goal *g;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	plan_doc_init(d);
	d->client_id = 7;
	d->client_name = xstrdup(client);
	d->info.current_version = 2;
	snprintf(d->sections.saved_at, 21, "2026-11-24T10:00:00Z");
	/* each name on a line of its own, and all in one line of English */
	for (i = 0; i < NNAMES; i++)
		strbuf_addf(&sb, "%s\n", names[i]);
	strbuf_addf(&sb, "My circle: %s, %s, %s and %s " EMOJI " on Fridays.",
	    POLISH, URDU, CHINESE, HINDI);
	plan_field_set(&d->sections, (size_t)plan_field_find("keeps_me_well"),
	    sb.buf);
	strbuf_fini(&sb);
	g = plan_doc_add_goal(d);
	g->goal.area = GOAL_CONNECT;
	g->goal.title = xstrdup("Tea with " URDU);
	g->goal.set_by = xstrdup(HINDI);
}

START_TEST(test_plan_names)
{
	static const char *const dests[] = { "plan", "section-1",
	    "section-3", "section-9" };
	struct plan_copy c = { NULL, "Real Lives", "2026-11-25" };
	struct plan_doc d;
	struct pd_err err;
	char *pdf = test_path("names.pdf"), *text, *imgs, *info;
	size_t i;

	/* every name in turn as the client's */
	for (i = 0; i < NNAMES; i++) {
		plan_with_names(&d, names[i]);
		c.doc = &d;
		ck_assert_msg(plan_pdf_write(&c, pdf, &err) == PD_OK, "%s",
		    err.msg);
		plan_doc_fini(&d);
		text = poppler("pdftotext -enc UTF-8", pdf, 1);
		/* the name under the title, the name on a line alone, each
		 * line of the names */
		ck_assert_msg(has_line(text, names[i]), "client %zu: no line "
		    "\"%s\" in:\n%s", i, names[i], text);
		ck_assert_msg(strstr(text, names[i]) != NULL, "%s", text);
		info = poppler("pdfinfo -enc UTF-8", pdf, 0);
		ck_assert_msg(strstr(info, names[i]) != NULL, "title: %s",
		    info);
		free(info);
		free(text);
	}
	text = poppler("pdftotext -enc UTF-8", pdf, 1);
	for (i = 0; i < NNAMES; i++) {
		ck_assert_msg(has_line(text, names[i]), "no line \"%s\" "
		    "in:\n%s", names[i], text);
	}
	/* inside a line of English, as written */
	ck_assert_msg(strstr(text, "My circle: " POLISH ", ") != NULL, "%s",
	    text);
	ck_assert_msg(strstr(text, URDU) != NULL, "%s", text);
	ck_assert_msg(strstr(text, "Tea with ") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "Set by " HINDI) != NULL, "%s", text);
	free(text);
	assert_fallback_fonts(pdf);
	/* the emoji is drawn (a colour picture), not an empty box */
	imgs = poppler("pdfimages -list", pdf, 0);
	ck_assert_msg(strstr(imgs, " image ") != NULL, "no emoji:\n%s", imgs);
	free(imgs);
	assert_structure(pdf, dests, sizeof dests / sizeof dests[0]);
	free(pdf);
}
END_TEST

START_TEST(test_hours_names)
{
	static const struct hours_band b[] = { { 1271, 600 } };
	static const char *const logins[] = { "zofia", "ayesha", "xiuying",
	    "anuradha" };
	static const char *const dests[] = { "summary", "pal-1", "pal-4",
	    "totals" };
	struct hours_options opt = { &report_sample_limits, 10, 1, 1207 };
	struct hours_report r;
	struct week_range wk;
	char *pdf = test_path("hours-names.pdf"), *text;
	size_t i;

	ck_assert_int_eq(week_parse("2026-W48", 1, &wk, NULL), PD_OK);
	hours_report_init(&r, "Riverside Peer Support", wk, "", &opt);
	for (i = 0; i < NNAMES; i++) {
		struct hours_input in = {
			.pal_id = (int64_t)i + 1, .login = logins[i],
			.name = names[i], .minutes_by_kind = { 600 },
			.bands = b, .n_bands = 1, .rule = RULE_PERMITTED,
		};

		ck_assert_int_eq(hours_report_add_pal(&r, &in, NULL), PD_OK);
		hours_report_add_client(&r, names[(i + 1) % NNAMES],
		    (int64_t)i + 1, names[i], 600, 600, 5);
	}
	hours_report_finish(&r);
	ck_assert_int_eq(hours_pdf_write(&r, pdf, NULL), PD_OK);
	hours_report_fini(&r);

	text = poppler("pdftotext -enc UTF-8", pdf, 1);
	for (i = 0; i < NNAMES; i++) {
		char *who = xasprintf("%s (%s)", names[i], logins[i]);
		char *plain;

		ck_assert_msg(strstr(text, names[i]) != NULL, "no \"%s\" "
		    "in:\n%s", names[i], text);
		/* "name (login)" as written, with the marks taken out; but
		 * where a right-to-left name meets "(login)" pdftotext
		 * guesses where the bracket goes ("( NAMElogin)"), though
		 * the page shows NAME (login): the name alone, then */
		plain = unmarked(text, strlen(text));
		if (strcmp(names[i], URDU) == 0)
			ck_assert_msg(strstr(plain, logins[i]) != NULL, "no "
			    "\"%s\" in:\n%s", logins[i], plain);
		else
			ck_assert_msg(strstr(plain, who) != NULL, "no \"%s\" "
			    "in:\n%s", who, plain);
		free(plain);
		free(who);
	}
	ck_assert_ptr_nonnull(strstr(text, "Weekly hours summary, week "
	    "2026-W48"));
	ck_assert_ptr_nonnull(strstr(text, "Page 1 of "));
	free(text);
	assert_fallback_fonts(pdf);
	assert_structure(pdf, dests, sizeof dests / sizeof dests[0]);
	free(pdf);
}
END_TEST

/* The subject access copy: the names in a record, its headings tagged
 * and in the outline (document, section, record). */
START_TEST(test_sar_names)
{
	static const char *const dests[] = { "head-1", "head-2", "head-3" };
	struct sar_bundle b;
	struct sar_section *sec;
	struct sar_record *rec;
	char *pdf = test_path("sar-names.pdf"), *text;
	size_t i, n;
	char *bytes;

	memset(&b, 0, sizeof b);
	b.client_id = 7;
	b.client_name = xstrdup(URDU);
	b.org_name = xstrdup("Real Lives");
	snprintf(b.made_on, sizeof b.made_on, "2026-12-06");
	sec = sar_add_section(&b, "sessions", "Sessions with your PAL");
	rec = sar_add_record(sec, "Session with " HINDI);
	for (i = 0; i < NNAMES; i++)
		sar_add_field(rec, "what_we_did", names[i]);
	ck_assert_int_eq(sar_pdf_write(&b, pdf, NULL), PD_OK);
	sar_bundle_fini(&b);
	text = poppler("pdftotext -enc UTF-8", pdf, 1);
	for (i = 0; i < NNAMES; i++)
		ck_assert_msg(strstr(text, names[i]) != NULL, "no \"%s\" "
		    "in:\n%s", names[i], text);
	ck_assert_msg(strstr(text, "Session with " HINDI) != NULL, "%s", text);
	free(text);
	assert_structure(pdf, dests, sizeof dests / sizeof dests[0]);
	bytes = slurp_n(pdf, &n);
	ck_assert_msg(has_bytes(bytes, n, "/S /H3"), "no H3 heading");
	free(bytes);
	free(pdf);
}
END_TEST

/* After the fonts are let go, the next PDF opens them again. */
START_TEST(test_release_fonts)
{
	struct plan_copy c = { NULL, "Real Lives", "2026-11-25" };
	struct plan_doc d;
	struct strbuf out = STRBUF_INIT;
	int round;

	for (round = 0; round < 2; round++) {
		plan_with_names(&d, CHINESE);
		c.doc = &d;
		ck_assert_int_eq(plan_pdf_render(&c, &out, NULL), PD_OK);
		ck_assert_int_eq(strncmp(out.buf, "%PDF-", 5), 0);
		plan_doc_fini(&d);
		strbuf_reset(&out);
		pdftext_release_fonts();
	}
	pdftext_release_fonts();	/* twice is harmless */
	strbuf_fini(&out);
}
END_TEST

static Suite *
report_scripts_suite(void)
{
	Suite *s = suite_create("report_scripts");
	TCase *tc = tcase_create("scripts");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_plan_names);
	tcase_add_test(tc, test_hours_names);
	tcase_add_test(tc, test_sar_names);
	tcase_add_test(tc, test_release_fonts);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(report_scripts_suite)
