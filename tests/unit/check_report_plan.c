/* Tier 1: report/plan_text and report/plan_pdf - the client's copy of
 * the plan; the PDF read back with poppler's pdftotext and pdfinfo
 * (poppler-utils; a missing tool fails the test). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/pdfsave.h"
#include "support/testlib.h"

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/plandiff.h"
#include "peerdesk/report/plan_pdf.h"
#include "peerdesk/report/plan_text.h"


static void
setup(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
}

static void
set(struct plan_sections *s, const char *key, const char *text)
{
	plan_field_set(s, (size_t)plan_field_find(key), text);
}

static struct plan_doc_goal *
goal(struct plan_doc *d, enum goal_area area, const char *title)
{
	struct plan_doc_goal *g = plan_doc_add_goal(d);

	g->goal.area = area;
	g->goal.title = xstrdup(title);
	g->goal.set_by = xstrdup("me");
	return g;
}

static void
score(struct plan_doc_goal *g, const char *on, int v)
{
	struct goal_score s;

	memset(&s, 0, sizeof s);
	snprintf(s.scored_on, sizeof s.scored_on, "%s", on);
	s.score = v;
	plan_doc_goal_add_score(g, &s, 0);
}

static void
step(struct plan_doc_goal *g, const char *text, const char *done)
{
	struct goal_step s;

	memset(&s, 0, sizeof s);
	s.text = (char *)(uintptr_t)text;
	snprintf(s.done_on, sizeof s.done_on, "%s", done);
	plan_doc_goal_add_step(g, &s, 0);
}

/* Zoë's plan from Tuesday: her words, two Five Ways goals. */
static void
zoe(struct plan_doc *d, int long_words)
{
	struct plan_doc_goal *g;
	struct plan_note n;
	int i;

	plan_doc_init(d);
	d->client_id = 7;
	d->client_name = xstrdup("Zoë Brown");
	d->info.current_version = 2;
	snprintf(d->sections.saved_at, 21, "2026-11-24T10:00:00Z");
	set(&d->sections, "ambitions", "To work with plants again.");
	set(&d->sections, "keeps_me_well", "Walking the dog every morning.\n"
	    "Ringing my sister on Sundays.");
	set(&d->sections, "triggers", "Brown envelopes; loud rooms.");
	set(&d->sections, "crisis_plan", "Ring Lou first, then the crisis "
	    "line. Please do not call the police unless I ask.");
	set(&d->sections, "crisis_contacts", "Lou (sister) 07700 900123");
	set(&d->sections, "unsafe_places", "The bus station at night.");
	if (long_words) {
		struct strbuf sb = STRBUF_INIT;

		for (i = 0; i < 400; i++)
			strbuf_addf(&sb, "Line %d of a long advance statement "
			    "that goes on.\n", i);
		strbuf_adds(&sb, "Bad byte \xff here, and a bell \x07.");
		set(&d->sections, "advance_statement", sb.buf);
		strbuf_fini(&sb);
	}
	g = goal(d, GOAL_AMBITION, "Work in a garden centre");
	g = goal(d, GOAL_CONNECT, "Go to the Thursday walking group");
	snprintf(g->goal.target_date, 11, "2027-01-31");
	g->goal.group_id = 3;
	g->group_name = xstrdup("Walks");
	step(g, "Find out where it meets", "2026-10-02");
	step(g, "Go once with Jo", "");
	score(g, "2026-10-01", -1);
	score(g, "2026-10-28", 0);
	score(g, "2026-11-25", 1);
	g = goal(d, GOAL_LEARN, "A Recovery College course");
	memset(&n, 0, sizeof n);
	snprintf(n.written_on, 11, "2026-11-24");
	n.author_name = (char[]){"Priya Shah"};
	n.text = (char[]){"Zoë chose the walking group herself."};
	plan_doc_add_note(d, &n, 0);
}

START_TEST(test_text_copy)
{
	struct plan_doc d;
	struct plan_copy c = { NULL, "Real Lives", "2026-11-25" };
	struct strbuf sb = STRBUF_INIT;
	const char *p;

	zoe(&d, 0);
	c.doc = &d;
	plan_text_render(&c, 72, &sb);
	for (p = sb.buf; *p != '\0';) {
		size_t n = strcspn(p, "\n");

		ck_assert_msg(utf8_width_n(p, n) <= 72, "too wide: %.*s",
		    (int)n, p);
		p += n + (p[n] == '\n');
	}
#define HAS(s) ck_assert_msg(strstr(sb.buf, (s)) != NULL, "no [%s] in:\n%s", \
	(s), sb.buf)
	HAS("My Wellness and Safety Plan\n");
	HAS("Zoë Brown\n");
	HAS("This is your plan, in your own words.");
	HAS("Written with Real Lives. Version 2, last changed on Tue 24 Nov "
	    "2026.\nPrinted on Wed 25 Nov 2026.");
	HAS("\n1. My ambitions and goals\n   To work with plants again.\n");
	HAS("   Goals I have set myself:\n   * Work in a garden centre\n");
	HAS("\n3. What keeps me well\n   Walking the dog every morning.\n"
	    "   Ringing my sister on Sundays.\n");
	HAS("   What does not help\n     (Nothing written here yet.)\n");
	HAS("   * Connect: Go to the Thursday walking group\n"
	    "     Set by me. Aiming for Sun 31 Jan 2027. With the group: Walks.\n"
	    "     [x] Find out where it meets (done 2 Oct)\n"
	    "     [ ] Go once with Jo\n"
	    "     How it is going: 1 Oct -1, 28 Oct 0, 25 Nov +1 - moved up\n");
	HAS("       +1 ┤                 ●\n");
	HAS("   * Learn: A Recovery College course\n     Set by me.\n"
	    "     How it is going: not scored yet\n");
	HAS("\n9. My notes\n   Tue 24 Nov 2026 (Priya Shah)\n"
	    "     Zoë chose the walking group herself.\n");
#undef HAS
	plan_doc_fini(&d);
	strbuf_fini(&sb);
}
END_TEST

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

static char *
poppler(const char *tool, const char *pdf)
{
	char *out = test_path("poppler.out");
	char *cmd = xasprintf("%s '%s' %s > '%s' 2>&1", tool, pdf,
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

START_TEST(test_pdf_copy)
{
	struct plan_doc d;
	struct plan_copy c = { NULL, "Real Lives", "2026-11-25" };
	struct pd_err err;
	char *pdf = test_path("plan.pdf"), *bytes, *text, *info;

	zoe(&d, 0);
	c.doc = &d;
	ck_assert_msg(plan_pdf_write(&c, pdf, &err) == PD_OK, "%s", err.msg);
	bytes = slurp(pdf);
	ck_assert_int_eq(strncmp(bytes, "%PDF-", 5), 0);
	info = poppler("pdfinfo", pdf);
	ck_assert_msg(strstr(info, "595 x 842 pts (A4)") != NULL, "%s", info);
	ck_assert_msg(strstr(info, "Wellness and Safety Plan - Zoë Brown") !=
	    NULL, "%s", info);
	text = poppler("pdftotext", pdf);
#define HAS(s) ck_assert_msg(strstr(text, (s)) != NULL, "no [%s] in:\n%s", \
	(s), text)
	HAS("My Wellness and Safety Plan");
	HAS("Zoë Brown");
	HAS("Connect: Go to the Thursday walking group");
	HAS("With the group: Walks.");
	HAS("Learn: A Recovery College course");
	HAS("Work in a garden centre");
	HAS("Find out where it meets");
	HAS("Ring Lou first, then the crisis line.");
	HAS("How it is going: 1 Oct -1, 28 Oct 0, 25 Nov +1 - moved up");
	HAS("Zoë chose the walking group herself.");
	HAS("Page 1 of");
#undef HAS
	free(text);
	free(info);
	free(bytes);
	plan_doc_fini(&d);

	/* long words run over pages; bad bytes do not break it */
	zoe(&d, 1);
	c.doc = &d;
	ck_assert_msg(plan_pdf_write(&c, pdf, &err) == PD_OK, "%s", err.msg);
	info = poppler("pdfinfo", pdf);
	ck_assert_msg(strstr(info, "Pages:          1\n") == NULL, "%s", info);
	text = poppler("pdftotext", pdf);
	ck_assert_ptr_nonnull(strstr(text, "Line 399 of a long advance"));
	ck_assert_ptr_nonnull(strstr(text, "Bad byte \xef\xbf\xbd here"));
	ck_assert_ptr_nonnull(strstr(text, "Connect: Go to the Thursday"));
	free(text);
	free(info);
	plan_doc_fini(&d);

	/* an empty plan still makes a copy to write on */
	plan_doc_init(&d);
	d.client_name = xstrdup("New Person");
	c.doc = &d;
	ck_assert_int_eq(plan_pdf_write(&c, pdf, &err), PD_OK);
	text = poppler("pdftotext", pdf);
	ck_assert_ptr_nonnull(strstr(text, "Nothing written here yet"));
	free(text);
	ck_assert_int_eq(plan_pdf_write(&c, "/nonexistent/dir/x.pdf", &err),
	    PD_IO);
	ck_assert_ptr_nonnull(strstr(err.msg, "/nonexistent/dir/x.pdf"));
	plan_doc_fini(&d);
	free(pdf);
}
END_TEST

static Suite *
report_plan_suite(void)
{
	Suite *s = suite_create("report_plan");
	TCase *tc = tcase_create("copy");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_text_copy);
	tcase_add_test(tc, test_pdf_copy);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(report_plan_suite)
