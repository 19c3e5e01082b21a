/* Tier 1: hostile sizes are cheap (issue 13, item 6).
 *
 * Each renderer and reader is timed on a small input and on one a
 * hundred times bigger; the big one may cost at most three times its
 * share (a linear cost), never the square.  Times are CPU time
 * (clock_gettime, CLOCK_PROCESS_CPUTIME_ID), the best of a few runs, and
 * only ever compared with each other: no absolute limits.
 *
 * Then PDFs made from names and titles full of control characters are
 * read back with poppler's pdfinfo and pdftotext: not one control byte
 * or invalid UTF-8 byte may come out (poppler-utils; a missing tool
 * fails the test).
 */
#include <locale.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "support/pdfsave.h"
#include "support/testlib.h"
#include "support/report_sample.h"
#include "peerdesk/config/keys.h"
#include "peerdesk/config/plan_yaml.h"
#include "peerdesk/config/sar_yaml.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/csv.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/plandiff.h"
#include "peerdesk/model/sar.h"
#include "peerdesk/report/hours_pdf.h"
#include "peerdesk/report/hours_text.h"
#include "peerdesk/report/pdftext.h"
#include "peerdesk/report/plan_pdf.h"
#include "peerdesk/report/plan_text.h"
#include "peerdesk/report/sar_pdf.h"

static void
setup(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
	/* Keep freed memory in the program: the kernel's cost of handing
	 * out fresh pages again on every run is not what is measured. */
	mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
}

/* file:line:column: message */
static const char *
err_text(const struct pd_err *e)
{
	static char buf[600];

	pd_err_format(e, buf, sizeof buf);
	return buf;
}

/* ---- timing ------------------------------------------------------------ */

#define SMALL 1000
#define BIG 100000
#define SLACK 3.0	/* the big input may cost 3x its linear share */
/* Readers that build many small things (values, fields) are compared
 * from 10,000: a smaller input fits in the processor's cache and would
 * flatter the comparison.  A cost growing with the square would still
 * be 100 times, not 10 times, the small one. */
#define MANY 10000

static double
cpu_seconds(void)
{
	struct timespec ts;

	ck_assert_int_eq(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts), 0);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Best of reps runs of fn(n). */
static double
best_of(int reps, void (*fn)(size_t), size_t n)
{
	double best = 1e9;
	int i;

	for (i = 0; i < reps; i++) {
		double t0 = cpu_seconds(), t;

		fn(n);
		t = cpu_seconds() - t0;
		if (t < best)
			best = t;
	}
	return best;
}

/* fn(big) costs at most SLACK * big/small * fn(small).  The small run
 * is floored at 50 microseconds so that a clock's grain cannot fail a
 * linear cost. */
static void
assert_linear(const char *what, void (*fn)(size_t), size_t small,
    size_t big)
{
	double ts, tb, limit;

	fn(small);		/* warm up: fonts, caches, memory */
	fn(big);
	ts = best_of(5, fn, small);
	tb = best_of(3, fn, big);
	if (ts < 50e-6)
		ts = 50e-6;
	limit = SLACK * (double)big / (double)small * ts;
	fprintf(stderr, "%s: %zu -> %.4fs, %zu -> %.4fs (limit %.4fs)\n",
	    what, small, ts, big, tb, limit);
	ck_assert_msg(tb <= limit, "%s: %zu took %.4fs, %zu took %.4fs: more "
	    "than %.0fx the linear share (%.4fs)", what, small, ts, big, tb,
	    SLACK, limit);
}

/* n bytes of one word, "abc...", no spaces. */
static char *
word(size_t n)
{
	char *s = xmalloc(n + 1);
	size_t i;

	for (i = 0; i < n; i++)
		s[i] = (char)('a' + i % 26);
	s[n] = '\0';
	return s;
}

/* n bytes of words of five letters, ending with one n-byte word. */
static char *
words_then_word(size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	char *w = word(n);

	while (sb.len < n)
		strbuf_adds(&sb, "words ");
	strbuf_adds(&sb, w);
	free(w);
	return strbuf_detach(&sb);
}

/* A name that would clear a terminal, set its clipboard and colour it:
 * ESC, BEL, a stray CSI byte, U+009B, DEL, backspace, CR LF. */
#define HOSTILE "Eve\x1b]52;c;aGVsbG8=\x07 \x1b[2J\x9b" "31m\xc2\x9b" \
	"0m\x7f\x08 Nasty\r\nName"

/* ---- the subject access PDF ------------------------------------------- */

static void
sar_one(struct sar_bundle *b, const char *name, const char *note)
{
	struct sar_section *s;
	struct sar_record *r;

	memset(b, 0, sizeof *b);
	b->client_id = 7;
	b->client_name = xstrdup(name);
	b->org_name = xstrdup("Real Lives");
	snprintf(b->made_on, sizeof b->made_on, "2026-12-06");
	s = sar_add_section(b, "sessions", "Sessions with your PAL");
	r = sar_add_record(s, "Session on 1 December 2026");
	sar_add_field(r, "what_we_did", note);
	sar_add_field(r, "went_well", "Walked by the river.");
}

static void
run_sar_pdf(size_t n)
{
	struct sar_bundle b;
	struct strbuf out = STRBUF_INIT;
	struct pd_err err;
	char *note = words_then_word(n);

	sar_one(&b, "Zoë Brown", note);
	ck_assert_msg(sar_pdf_render(&b, &out, &err) == PD_OK, "%s", err.msg);
	ck_assert_int_gt((int)out.len, 1000);
	strbuf_fini(&out);
	sar_bundle_fini(&b);
	free(note);
}

/* A long name in the header of every page of a long record. */
static void
run_sar_pdf_pages(size_t n)
{
	struct sar_bundle b;
	struct strbuf out = STRBUF_INIT;
	struct pd_err err;
	char *note = words_then_word(n), *name = word(n);

	sar_one(&b, name, note);
	ck_assert_msg(sar_pdf_render(&b, &out, &err) == PD_OK, "%s", err.msg);
	strbuf_fini(&out);
	sar_bundle_fini(&b);
	free(note);
	free(name);
}

static void
run_sar_yaml(size_t n)
{
	struct sar_bundle b;
	struct strbuf out = STRBUF_INIT;
	struct pd_err err;
	char *note = words_then_word(n), *name = word(n);

	sar_one(&b, name, note);
	ck_assert_msg(sar_yaml_render(&b, &out, &err) == PD_OK, "%s",
	    err.msg);
	ck_assert_uint_gt(out.len, 2 * n);
	strbuf_fini(&out);
	sar_bundle_fini(&b);
	free(note);
	free(name);
}

START_TEST(test_sar_pdf_linear)
{
	assert_linear("SAR PDF, one long word", run_sar_pdf, SMALL, BIG);
	assert_linear("SAR PDF, a long name on many pages", run_sar_pdf_pages,
	    SMALL, BIG);
	assert_linear("SAR YAML, a long name and word", run_sar_yaml, SMALL,
	    BIG);
}
END_TEST

/* The YAML copy escapes what the PDF replaces. */
START_TEST(test_sar_yaml_controls)
{
	struct sar_bundle b;
	struct strbuf out = STRBUF_INIT;
	struct pd_err err;
	size_t i;

	sar_one(&b, HOSTILE, "A note with " HOSTILE " in it.\n\x1b[31mred");
	ck_assert_msg(sar_yaml_render(&b, &out, &err) == PD_OK, "%s",
	    err.msg);
	for (i = 0; i < out.len; i++) {
		unsigned char c = (unsigned char)out.buf[i];

		ck_assert_msg(c >= 0x20 || c == '\n', "control byte 0x%02x "
		    "at %zu:\n%s", c, i, out.buf);
		ck_assert_msg(c != 0x7f, "DEL at %zu", i);
	}
	ck_assert_msg(strstr(out.buf, "Eve\\e]52") != NULL, "%s", out.buf);
	strbuf_fini(&out);
	sar_bundle_fini(&b);
}
END_TEST

/* ---- the plan, as PDF and as text -------------------------------------- */

static void
plan_one(struct plan_doc *d, const char *name, const char *text)
{
	struct plan_doc_goal *g;
	struct goal_step st;

	plan_doc_init(d);
	d->client_id = 7;
	d->client_name = xstrdup(name);
	d->info.current_version = 1;
	snprintf(d->sections.saved_at, 21, "2026-11-24T10:00:00Z");
	plan_field_set(&d->sections, (size_t)plan_field_find("ambitions"),
	    text);
	g = plan_doc_add_goal(d);
	g->goal.area = GOAL_CONNECT;
	g->goal.title = xstrdup(text);
	memset(&st, 0, sizeof st);
	st.text = (char *)(uintptr_t)text;
	plan_doc_goal_add_step(g, &st, 0);
}

static void
run_plan_pdf(size_t n)
{
	struct plan_doc d;
	struct plan_copy c = { NULL, "Real Lives", "2026-12-06" };
	struct strbuf out = STRBUF_INIT;
	struct pd_err err;
	char *text = words_then_word(n);

	plan_one(&d, "Zoë Brown", text);
	c.doc = &d;
	ck_assert_msg(plan_pdf_render(&c, &out, &err) == PD_OK, "%s",
	    err.msg);
	strbuf_fini(&out);
	plan_doc_fini(&d);
	free(text);
}

static void
run_plan_text(size_t n)
{
	struct plan_doc d;
	struct plan_copy c = { NULL, "Real Lives", "2026-12-06" };
	struct strbuf out = STRBUF_INIT;
	char *text = words_then_word(n);

	plan_one(&d, "Zoë Brown", text);
	c.doc = &d;
	plan_text_render(&c, 78, &out);
	ck_assert_int_gt((int)out.len, 100);
	strbuf_fini(&out);
	plan_doc_fini(&d);
	free(text);
}

START_TEST(test_plan_pdf_linear)
{
	assert_linear("plan PDF, one long word", run_plan_pdf, SMALL, BIG);
}
END_TEST

START_TEST(test_plan_text_linear)
{
	assert_linear("plan text, one long word", run_plan_text, SMALL, BIG);
}
END_TEST

/* ---- the weekly hours summary ------------------------------------------ */

static void
hours_named(struct hours_report *r, const char *name)
{
	report_sample_build(r);
	free(r->rows[0].name);
	r->rows[0].name = xstrdup(name);
	free(r->org_name);
	r->org_name = xstrdup(name);
	if (r->n_clients > 0) {
		free(r->clients[0].client);
		r->clients[0].client = xstrdup(name);
	}
}

static void
run_hours_pdf(size_t n)
{
	struct hours_report r;
	struct strbuf out = STRBUF_INIT;
	struct pd_err err;
	char *name = words_then_word(n);

	hours_named(&r, name);
	ck_assert_msg(hours_pdf_render(&r, &out, &err) == PD_OK, "%s",
	    err.msg);
	strbuf_fini(&out);
	hours_report_fini(&r);
	free(name);
}

static void
run_hours_text(size_t n)
{
	struct hours_report r;
	struct strbuf out = STRBUF_INIT;
	char *name = words_then_word(n);

	hours_named(&r, name);
	hours_text_render(&r, &out);
	strbuf_fini(&out);
	hours_report_fini(&r);
	free(name);
}

START_TEST(test_hours_pdf_linear)
{
	assert_linear("hours PDF, a long name", run_hours_pdf, SMALL, BIG);
}
END_TEST

START_TEST(test_hours_text_linear)
{
	assert_linear("hours text, a long name", run_hours_text, SMALL, BIG);
}
END_TEST

/* ---- plan history wrapping (model/plandiff) --------------------------- */

static void
run_plan_version(size_t n)
{
	struct plan_sections a, b;
	struct strbuf out = STRBUF_INIT;
	char *t1 = words_then_word(n), *t2 = words_then_word(n);

	t2[0] = 'W';
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	a.version_no = 1;
	b.version_no = 2;
	snprintf(b.saved_at, sizeof b.saved_at, "2026-12-06T10:00:00Z");
	plan_field_set(&a, (size_t)plan_field_find("ambitions"), t1);
	plan_field_set(&b, (size_t)plan_field_find("ambitions"), t2);
	plan_version_format(&a, &b, "Priya Shah", 78, &out);
	ck_assert_int_gt((int)out.len, (int)n);
	strbuf_fini(&out);
	plan_sections_fini(&a);
	plan_sections_fini(&b);
	free(t1);
	free(t2);
}

START_TEST(test_plan_version_linear)
{
	assert_linear("plan version changes", run_plan_version, SMALL, BIG);
}
END_TEST

/* ---- wrapping on screen (core/utf8_wrap, line by line) --------------- */

static void
run_screen_wrap(size_t n)
{
	char *text = words_then_word(n);
	size_t off = 0, next, lines = 0;

	while (text[off] != '\0') {
		utf8_wrap(text + off, 60, &next);
		lines++;
		if (next == 0)
			break;
		off += next;
	}
	ck_assert_uint_ge(lines, n / 60);
	free(text);
}

START_TEST(test_screen_wrap_linear)
{
	assert_linear("screen wrapping, line by line", run_screen_wrap, SMALL,
	    BIG);
}
END_TEST

/* ---- YAML -------------------------------------------------------------- */

/* settings with shared_accounts of n different logins */
static void
run_yaml_accounts(size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	struct settings s;
	struct pd_err err;
	size_t i;

	strbuf_adds(&sb, "organisation: Real Lives\nshared_accounts:\n");
	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "  - &a%zu office%zu\n", i, i);
	ck_assert_msg(settings_load_text(sb.buf, sb.len, "big.yaml", &s,
	    &err) == PD_OK, "%s", err.msg);
	ck_assert_uint_eq(s.n_shared_accounts, n);
	settings_fini(&s);
	strbuf_fini(&sb);
}

START_TEST(test_yaml_accounts_linear)
{
	assert_linear("settings, shared accounts with anchors",
	    run_yaml_accounts, MANY, BIG);
}
END_TEST

/* keys.yaml with n actions, each an alias of one of n anchors */
static void
run_yaml_aliases(size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	struct keys_conf kc;
	struct pd_err err;
	size_t i;

	strbuf_adds(&sb, "anchors:\n");
	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "  k%zu: &k%zu [C-s]\n", i, i);
	strbuf_adds(&sb, "form:\n");
	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "  a%zu: *k%zu\n", i, n - 1 - i);
	ck_assert_msg(keys_conf_parse(sb.buf, sb.len, "keys.yaml", &kc,
	    &err) == PD_OK, "%s", err.msg);
	ck_assert_uint_eq(kc.n, 2 * n);
	keys_conf_fini(&kc);
	strbuf_fini(&sb);
}

START_TEST(test_yaml_aliases_linear)
{
	assert_linear("keys, aliases", run_yaml_aliases, MANY / 4, BIG / 4);
}
END_TEST

/* n levels of flow lists: refused at level 65, so cheap however deep */
static void
run_yaml_deep(size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	struct settings s;
	struct pd_err err;
	size_t i;

	strbuf_adds(&sb, "organisation: Real Lives\nshared_accounts: ");
	for (i = 0; i < n; i++)
		strbuf_addc(&sb, '[');
	for (i = 0; i < n; i++)
		strbuf_addc(&sb, ']');
	strbuf_addc(&sb, '\n');
	ck_assert_int_eq(settings_load_text(sb.buf, sb.len, "deep.yaml", &s,
	    &err), PD_PARSE);
	ck_assert_str_eq(err_text(&err), "deep.yaml:2:81: lists and 'name: value' "
	    "lines are nested more than 64 levels deep here; a peerdesk file "
	    "never needs that many");
	settings_fini(&s);
	strbuf_fini(&sb);
}

START_TEST(test_yaml_deep_linear)
{
	assert_linear("settings, deep nesting", run_yaml_deep, SMALL, BIG);
}
END_TEST

/* n levels of block lists ("- - - x") */
static void
run_yaml_deep_block(size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	struct keys_conf kc;
	struct pd_err err;
	size_t i;

	strbuf_adds(&sb, "form:\n  save:\n    ");
	for (i = 0; i < n; i++)
		strbuf_adds(&sb, "- ");
	strbuf_adds(&sb, "C-s\n");
	ck_assert_int_eq(keys_conf_parse(sb.buf, sb.len, "keys.yaml", &kc,
	    &err), PD_PARSE);
	ck_assert_msg(strstr(err_text(&err), "keys.yaml:3:") ==
	    err_text(&err) && strstr(err.msg, "more than 64 levels deep") !=
	    NULL, "%s", err_text(&err));
	keys_conf_fini(&kc);
	strbuf_fini(&sb);
}

START_TEST(test_yaml_deep_block_linear)
{
	assert_linear("keys, deep block lists", run_yaml_deep_block, SMALL,
	    BIG);
}
END_TEST

/* Exactly 64 levels are fine; 65 are not. */
START_TEST(test_yaml_depth_limit)
{
	struct strbuf sb = STRBUF_INIT;
	struct keys_conf kc;
	struct pd_err err;
	int i;

	/* form (1), save (2), then 62 more lists: 64 */
	strbuf_adds(&sb, "form: {save: ");
	for (i = 0; i < 62; i++)
		strbuf_addc(&sb, '[');
	for (i = 0; i < 62; i++)
		strbuf_addc(&sb, ']');
	strbuf_adds(&sb, "}\n");
	/* loads, and then the keys reader says what is wrong */
	ck_assert_int_eq(keys_conf_parse(sb.buf, sb.len, "k.yaml", &kc,
	    &err), PD_CONFIG);
	keys_conf_fini(&kc);
	strbuf_reset(&sb);
	strbuf_adds(&sb, "form: {save: ");
	for (i = 0; i < 63; i++)
		strbuf_addc(&sb, '[');
	for (i = 0; i < 63; i++)
		strbuf_addc(&sb, ']');
	strbuf_adds(&sb, "}\n");
	ck_assert_int_eq(keys_conf_parse(sb.buf, sb.len, "k.yaml", &kc,
	    &err), PD_PARSE);
	ck_assert_str_eq(err_text(&err), "k.yaml:1:76: lists and 'name: value' lines "
	    "are nested more than 64 levels deep here; a peerdesk file never "
	    "needs that many");
	keys_conf_fini(&kc);
	strbuf_fini(&sb);
}
END_TEST

/* Billion laughs: ten aliases of ten aliases of ... */
START_TEST(test_yaml_billion_laughs)
{
	struct strbuf sb = STRBUF_INIT;
	struct settings s;
	struct pd_err err;
	double t0 = cpu_seconds();
	int i, j;

	strbuf_adds(&sb, "organisation: Real Lives\n");
	strbuf_adds(&sb, "x0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, "
	    "lol, lol]\n");
	for (i = 1; i < 10; i++) {
		strbuf_addf(&sb, "x%d: &l%d [", i, i);
		for (j = 0; j < 10; j++)
			strbuf_addf(&sb, "%s*l%d", j ? ", " : "", i - 1);
		strbuf_adds(&sb, "]\n");
	}
	ck_assert_int_eq(settings_load_text(sb.buf, sb.len, "lol.yaml", &s,
	    &err), PD_PARSE);
	ck_assert_str_eq(err_text(&err), "lol.yaml:7:10: this file holds more than "
	    "200000 values (each use of an alias such as *name counts all it "
	    "stands for); a peerdesk file never needs that many");
	fprintf(stderr, "billion laughs refused in %.4fs\n",
	    cpu_seconds() - t0);
	settings_fini(&s);
	strbuf_fini(&sb);
}
END_TEST

static const struct {
	const char *yaml, *msg;
} yaml_bad[] = {
	{ "organisation: &a [x, *a]\n",
	  "t.yaml:1:22: the alias *a is inside what &a stands for, so it "
	  "would never end" },
	{ "organisation: &a {b: *a}\n",
	  "t.yaml:1:22: the alias *a is inside what &a stands for, so it "
	  "would never end" },
	{ "organisation: &a x\ndatabase: &a y\n",
	  "t.yaml:2:11: the anchor &a is already used on line 1; give each "
	  "anchor its own name" },
	{ "organisation: *a\ndatabase: &a y\n",
	  "t.yaml:1:15: there is no anchor &a before this alias *a" },
	{ "organisation: x\n---\ndatabase: y\n",
	  "t.yaml:2:1: expected one YAML document, found a second one here" },
};

START_TEST(test_yaml_bad_aliases)
{
	struct settings s;
	struct pd_err err;

	ck_assert_int_eq(settings_load_text(yaml_bad[_i].yaml,
	    strlen(yaml_bad[_i].yaml), "t.yaml", &s, &err), PD_PARSE);
	ck_assert_str_eq(err_text(&err), yaml_bad[_i].msg);
	settings_fini(&s);
}
END_TEST

/* Aliases that are fine still read as what they stand for. */
START_TEST(test_yaml_alias_ok)
{
	static const char y[] = "organisation: &org Real Lives\n"
	    "print_command: *org\nshared_accounts: &acc [office, desk]\n";
	struct settings s;
	struct pd_err err;

	ck_assert_msg(settings_load_text(y, sizeof y - 1, "t.yaml", &s,
	    &err) == PD_OK, "%s", err.msg);
	ck_assert_str_eq(s.org_name, "Real Lives");
	ck_assert_str_eq(s.print_command, "Real Lives");
	ck_assert_uint_eq(s.n_shared_accounts, 2);
	settings_fini(&s);
}
END_TEST

/* A repeated login is still found, at the second one, among many. */
START_TEST(test_yaml_accounts_repeat)
{
	struct strbuf sb = STRBUF_INIT;
	struct settings s;
	struct pd_err err;
	int i;

	strbuf_adds(&sb, "shared_accounts:\n");
	for (i = 0; i < 5000; i++)
		strbuf_addf(&sb, "  - u%d\n", i == 4000 ? 17 : i == 4500 ? 3 :
		    i);
	ck_assert_int_eq(settings_load_text(sb.buf, sb.len, "t.yaml", &s,
	    &err), PD_CONFIG);
	ck_assert_str_eq(err_text(&err), "t.yaml:4002:5: shared_accounts: 'u17' is listed "
	    "twice");
	settings_fini(&s);
	strbuf_fini(&sb);
}
END_TEST

/* ---- CSV --------------------------------------------------------------- */

static void
csv_read_all(const char *text, size_t len, size_t want_fields)
{
	struct csv_reader *r = csv_open(text, len, "t.csv");
	struct csv_record rec;
	struct pd_err err;
	size_t fields = 0;
	enum pd_status st;

	while ((st = csv_next(r, &rec, &err)) == PD_OK)
		fields += rec.n;
	ck_assert_int_eq(st, PD_NOT_FOUND);
	ck_assert_uint_eq(fields, want_fields);
	csv_free(&r);
}

/* one record of n fields */
static void
run_csv_wide(size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		strbuf_adds(&sb, i ? ",x" : "x");
	strbuf_addc(&sb, '\n');
	csv_read_all(sb.buf, sb.len, n);
	strbuf_fini(&sb);
}

/* one quoted field of n "" pairs and line breaks */
static void
run_csv_quoted(size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	strbuf_addc(&sb, '"');
	for (i = 0; i < n; i++)
		strbuf_adds(&sb, i % 50 == 49 ? "\r\n" : "\"\"");
	strbuf_adds(&sb, "\",y\n");
	csv_read_all(sb.buf, sb.len, 2);
	strbuf_fini(&sb);
}

START_TEST(test_csv_linear)
{
	assert_linear("CSV, many fields", run_csv_wide, MANY * 10, BIG * 10);
	assert_linear("CSV, a long quoted field", run_csv_quoted, SMALL * 10,
	    BIG * 10);
}
END_TEST

/* ---- control characters in PDFs ---------------------------------------- */

static const struct {
	const char *in, *out;
	unsigned flags;
} clean_cases[] = {
	{ "plain", "plain", 0 },
	{ "Zo\xc3\xab", "Zo\xc3\xab", 0 },
	{ "a\x1b[2Jb", "a\xef\xbf\xbd[2Jb", 0 },
	{ "bell\x07", "bell\xef\xbf\xbd", 0 },
	{ "del\x7f", "del\xef\xbf\xbd", 0 },
	{ "csi\x9b" "31m", "csi\xef\xbf\xbd" "31m", 0 },	/* stray byte */
	{ "c1\xc2\x9b" "31m", "c1\xef\xbf\xbd" "31m", 0 },	/* U+009B */
	{ "over\xc0\xaflong", "over\xef\xbf\xbd\xef\xbf\xbdlong", 0 },
	{ "sur\xed\xa0\x80", "sur\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 0 },
	{ "cut\xe2\x82", "cut\xef\xbf\xbd\xef\xbf\xbd", 0 },
	{ "tab\there", "tab here", 0 },
	{ "a\r\nb\rc\nd", "a b c d", 0 },
	{ "a\r\nb\rc\nd", "a\nb\nc\nd", PDFTEXT_NEWLINES },
	{ "ls\xe2\x80\xa8ps\xe2\x80\xa9", "ls ps ", 0 },
	{ "osc\x1b]52;c;aGk=\x07", "osc\xef\xbf\xbd]52;c;aGk=\xef\xbf\xbd", 0 },
	{ "", "", 0 },
};

START_TEST(test_pdftext_clean)
{
	char *got = pdftext_clean(clean_cases[_i].in, clean_cases[_i].flags);

	ck_assert_str_eq(got, clean_cases[_i].out);
	free(got);
}
END_TEST

START_TEST(test_pdftext_clean_null)
{
	char *got = pdftext_clean(NULL, 0);

	ck_assert_str_eq(got, "");
	free(got);
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
	char *cmd = xasprintf("%s -enc UTF-8 '%s' %s > '%s' 2>&1", tool, pdf,
	    strcmp(tool, "pdftotext") == 0 ? "-" : "", out);
	char *text;
	int rc = system(cmd);

	text = slurp(out);
	ck_assert_msg(rc == 0, "%s failed (%d); is poppler-utils installed? "
	    "(sh tools/deps.sh test)", tool, rc);
	free(cmd);
	free(out);
	return text;
}

/* No control byte but line breaks (and pdftotext's form feeds), no C1
 * control, nothing that is not UTF-8. */
static void
assert_no_controls(const char *what, const char *s)
{
	size_t i, n = strlen(s);

	ck_assert_msg(utf8_valid(s, n), "%s: not valid UTF-8", what);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		ck_assert_msg(c >= 0x20 || c == '\n' || c == '\f', "%s: "
		    "control byte 0x%02x at %zu", what, c, i);
		ck_assert_msg(c != 0x7f, "%s: DEL at %zu", what, i);
		ck_assert_msg(!(c == 0xc2 && i + 1 < n &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] < 0xa0), "%s: C1 control at %zu",
		    what, i);
	}
}

static void
check_pdf(const char *what, const char *pdf, const char *title_start)
{
	char *info = poppler("pdfinfo", pdf), *text;
	char *want = xasprintf("%sEve\xef\xbf\xbd]52;c;aGVsbG8=", title_start);

	assert_no_controls(what, info);
	ck_assert_msg(strstr(info, want) != NULL, "%s: title: %s", what,
	    info);
	text = poppler("pdftotext", pdf);
	assert_no_controls(what, text);
	ck_assert_msg(strstr(text, "Eve\xef\xbf\xbd]52;c;aGVsbG8=") != NULL,
	    "%s: text: %s", what, text);
	ck_assert_msg(strstr(text, "Nasty") != NULL, "%s: text: %s", what,
	    text);
	free(info);
	free(text);
	free(want);
}

START_TEST(test_sar_pdf_controls)
{
	struct sar_bundle b;
	struct pd_err err;
	char *pdf = test_path("sar-hostile.pdf");

	sar_one(&b, HOSTILE, "A note with " HOSTILE " in it.\n\x1b[31mred");
	free(b.org_name);
	b.org_name = xstrdup(HOSTILE);
	ck_assert_msg(sar_pdf_write(&b, pdf, &err) == PD_OK, "%s", err.msg);
	check_pdf("SAR", pdf, "What we hold about ");
	sar_bundle_fini(&b);
	free(pdf);
}
END_TEST

START_TEST(test_plan_pdf_controls)
{
	struct plan_doc d;
	struct plan_copy c = { NULL, HOSTILE, "2026-12-06" };
	struct pd_err err;
	char *pdf = test_path("plan-hostile.pdf");

	plan_one(&d, HOSTILE, "My words " HOSTILE " here.");
	c.doc = &d;
	ck_assert_msg(plan_pdf_write(&c, pdf, &err) == PD_OK, "%s", err.msg);
	check_pdf("plan", pdf, "Wellness and Safety Plan - ");
	plan_doc_fini(&d);
	free(pdf);
}
END_TEST

START_TEST(test_hours_pdf_controls)
{
	struct hours_report r;
	struct pd_err err;
	char *pdf = test_path("hours-hostile.pdf");
	char *info;

	hours_named(&r, HOSTILE);
	snprintf(r.week_label, sizeof r.week_label, "W\x1b[2J\x07");
	ck_assert_msg(hours_pdf_write(&r, pdf, &err) == PD_OK, "%s", err.msg);
	info = poppler("pdfinfo", pdf);
	assert_no_controls("hours", info);
	ck_assert_msg(strstr(info, " Weekly hours summary "
	    "W\xef\xbf\xbd[2J\xef\xbf\xbd\n") != NULL, "%s", info);
	free(info);
	info = poppler("pdftotext", pdf);
	assert_no_controls("hours", info);
	ck_assert_msg(strstr(info, "Eve\xef\xbf\xbd]52") != NULL, "%s", info);
	free(info);
	hours_report_fini(&r);
	free(pdf);
}
END_TEST

/* The plan file is written whatever bytes the plan holds, and reads
 * back: its comment line cannot be broken by the name. */
START_TEST(test_plan_yaml_controls)
{
	struct plan_doc d, back;
	struct strbuf out = STRBUF_INIT;
	struct pd_err err;
	char msg[600];

	plan_one(&d, HOSTILE "\xe2\x80\xa8line\xef\xbb\xbf", "My words "
	    HOSTILE " here.");
	ck_assert_msg(plan_yaml_write(&d, &out, &err) == PD_OK, "%s",
	    err.msg);
	pd_err_clear(&err);
	plan_yaml_read(out.buf, out.len, "plan.yaml", &back, &err);
	pd_err_format(&err, msg, sizeof msg);
	ck_assert_msg(err.code == PD_OK, "%s\n%s", msg, out.buf);
	/* the name comes back as it was, but for the bytes that were not
	 * UTF-8 */
	ck_assert_int_eq(strncmp(back.client_name, "Eve\x1b]52", 7), 0);
	ck_assert(utf8_valid(back.client_name, strlen(back.client_name)));
	ck_assert_msg(strstr(out.buf, "# Wellness and Safety Plan of Eve ]52")
	    != NULL, "%s", out.buf);
	plan_doc_fini(&back);
	plan_doc_fini(&d);
	strbuf_fini(&out);
}
END_TEST

/* A title of 100,000 characters is cut to PDFTEXT_META_MAX. */
START_TEST(test_pdf_long_title)
{
	struct sar_bundle b;
	struct pd_err err;
	char *pdf = test_path("sar-long.pdf"), *name = word(100000), *info;
	const char *t, *nl;

	sar_one(&b, name, "short");
	ck_assert_msg(sar_pdf_write(&b, pdf, &err) == PD_OK, "%s", err.msg);
	info = poppler("pdfinfo", pdf);
	t = strstr(info, "Title:");
	ck_assert_ptr_nonnull(t);
	t = strstr(t, " What we hold about abc");
	ck_assert_ptr_nonnull(t);
	nl = strchr(t, '\n');
	ck_assert_ptr_nonnull(nl);
	/* one space, then the title: 200 characters and "..." */
	ck_assert_int_eq((int)(nl - t), 1 + PDFTEXT_META_MAX + 3);
	ck_assert_int_eq(strncmp(nl - 3, "...", 3), 0);
	free(info);
	sar_bundle_fini(&b);
	free(name);
	free(pdf);
}
END_TEST

static Suite *
hostile_suite(void)
{
	Suite *s = suite_create("hostile");
	TCase *tc = tcase_create("linear");
	TCase *tn = tcase_create("controls");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_sar_pdf_linear);
	tcase_add_test(tc, test_plan_pdf_linear);
	tcase_add_test(tc, test_plan_text_linear);
	tcase_add_test(tc, test_hours_pdf_linear);
	tcase_add_test(tc, test_hours_text_linear);
	tcase_add_test(tc, test_plan_version_linear);
	tcase_add_test(tc, test_screen_wrap_linear);
	tcase_add_test(tc, test_yaml_accounts_linear);
	tcase_add_test(tc, test_yaml_aliases_linear);
	tcase_add_test(tc, test_yaml_deep_linear);
	tcase_add_test(tc, test_yaml_deep_block_linear);
	tcase_add_test(tc, test_yaml_depth_limit);
	tcase_add_test(tc, test_yaml_billion_laughs);
	tcase_add_loop_test(tc, test_yaml_bad_aliases, 0,
	    (int)(sizeof yaml_bad / sizeof yaml_bad[0]));
	tcase_add_test(tc, test_yaml_alias_ok);
	tcase_add_test(tc, test_yaml_accounts_repeat);
	tcase_add_test(tc, test_csv_linear);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(tn, setup, NULL);
	tcase_set_timeout(tn, 120);
	tcase_add_loop_test(tn, test_pdftext_clean, 0,
	    (int)(sizeof clean_cases / sizeof clean_cases[0]));
	tcase_add_test(tn, test_pdftext_clean_null);
	tcase_add_test(tn, test_sar_pdf_controls);
	tcase_add_test(tn, test_sar_yaml_controls);
	tcase_add_test(tn, test_plan_yaml_controls);
	tcase_add_test(tn, test_plan_pdf_controls);
	tcase_add_test(tn, test_hours_pdf_controls);
	tcase_add_test(tn, test_pdf_long_title);
	suite_add_tcase(s, tn);
	return s;
}

PD_TEST_MAIN(hostile_suite)
