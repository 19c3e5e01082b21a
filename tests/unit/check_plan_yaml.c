/* Tier 1: config/plan_yaml - the plan file: its shape, the round trip
 * (write, read, write gives the same bytes and the same plan), and
 * errors with file:line:column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/config/plan_yaml.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/plandiff.h"

static void
set(struct plan_sections *s, const char *key, const char *text)
{
	plan_field_set(s, (size_t)plan_field_find(key), text);
}

static struct plan_doc_goal *
goal(struct plan_doc *d, int64_t id, enum goal_area area, const char *title)
{
	struct plan_doc_goal *g = plan_doc_add_goal(d);

	g->goal.id = id;
	g->goal.area = area;
	g->goal.title = xstrdup(title);
	return g;
}

static void
step(struct plan_doc_goal *g, int64_t id, const char *text, const char *done)
{
	struct goal_step s;

	memset(&s, 0, sizeof s);
	s.id = id;
	s.text = (char *)(uintptr_t)text;
	snprintf(s.done_on, sizeof s.done_on, "%s", done);
	plan_doc_goal_add_step(g, &s, 0);
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
note(struct plan_doc *d, const char *on, const char *by, const char *text)
{
	struct plan_note n;

	memset(&n, 0, sizeof n);
	snprintf(n.written_on, sizeof n.written_on, "%s", on);
	n.author_name = (char *)(uintptr_t)by;
	n.text = (char *)(uintptr_t)text;
	plan_doc_add_note(d, &n, 0);
}

/* A small plan, the one the golden text below shows. */
static void
small_plan(struct plan_doc *d)
{
	struct plan_doc_goal *g;

	plan_doc_init(d);
	d->client_id = 12;
	d->client_name = xstrdup("Ana Silva");
	d->info.current_version = 3;
	d->info.status = PLAN_ESTABLISHED;
	snprintf(d->info.established_on, 11, "2026-02-01");
	set(&d->sections, "ambitions", "A job outdoors");
	set(&d->sections, "keeps_me_well", "Walking the dog\nThe choir on "
	    "Tuesdays");
	g = goal(d, 4, GOAL_CONNECT, "Go to the Thursday walking group");
	g->goal.set_by = xstrdup("me");
	snprintf(g->goal.created_on, 11, "2026-01-10");
	step(g, 7, "Find out where it meets", "2026-01-12");
	step(g, 8, "Go once with Jo", "");
	score(g, "2026-02-01", -1);
	score(g, "2026-03-01", 1);
	note(d, "2026-01-10", "Priya Shah", "Ana chose the walking group.");
}

static const char small_yaml[] =
	"# Wellness and Safety Plan of Ana Silva (client 12), version 3.\n"
	"# Change the words in any text editor, then bring it back with\n"
	"#   peerdesk plan import FILE\n"
	"# Leave the numbers (client, version, id) as they are; leave out id\n"
	"# for a new goal or step.  Scores go from -2 to +2.\n"
	"peerdesk_plan: 1\n"
	"client: 12\n"
	"name: Ana Silva\n"
	"version: 3\n"
	"status: established\n"
	"established_on: 2026-02-01\n"
	"sections:\n"
	"  ambitions: A job outdoors\n"
	"  support_wanted:\n"
	"  support_hopes:\n"
	"  keeps_me_well: |-\n"
	"    Walking the dog\n"
	"    The choir on Tuesdays\n"
	"  triggers:\n"
	"  triggers_plan:\n"
	"  warning_signs:\n"
	"  warning_plan:\n"
	"  crisis_plan:\n"
	"  crisis_contacts:\n"
	"  crisis_helps:\n"
	"  crisis_avoid:\n"
	"  advance_statement:\n"
	"  unsafe_places:\n"
	"goals:\n"
	"- id: 4\n"
	"  area: connect\n"
	"  title: Go to the Thursday walking group\n"
	"  detail:\n"
	"  set_by: me\n"
	"  created_on: 2026-01-10\n"
	"  steps:\n"
	"  - id: 7\n"
	"    text: Find out where it meets\n"
	"    done_on: 2026-01-12\n"
	"  - id: 8\n"
	"    text: Go once with Jo\n"
	"  scores:\n"
	"  - on: 2026-02-01\n"
	"    score: -1\n"
	"  - on: 2026-03-01\n"
	"    score: +1\n"
	"notes:\n"
	"- on: 2026-01-10\n"
	"  by: Priya Shah\n"
	"  text: Ana chose the walking group.\n";

START_TEST(test_write_shape)
{
	struct plan_doc d;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;

	small_plan(&d);
	ck_assert_int_eq(plan_yaml_write(&d, &sb, &err), PD_OK);
	ck_assert_str_eq(sb.buf, small_yaml);
	plan_doc_fini(&d);
	strbuf_fini(&sb);
}
END_TEST

static void
assert_same_text(const char *a, const char *b, const char *what)
{
	if (a == NULL || b == NULL)
		ck_assert_msg(a == b, "%s: %s / %s", what, a ? a : "(none)",
		    b ? b : "(none)");
	else
		ck_assert_msg(strcmp(a, b) == 0, "%s: [%s] / [%s]", what, a, b);
}

/* Every field of two plans the same. */
static void
assert_same_plan(const struct plan_doc *a, const struct plan_doc *b)
{
	size_t i, j;

	ck_assert_int_eq(a->client_id, b->client_id);
	assert_same_text(a->client_name, b->client_name, "name");
	ck_assert_int_eq(a->info.current_version, b->info.current_version);
	ck_assert_int_eq(a->info.status, b->info.status);
	ck_assert_str_eq(a->info.established_on, b->info.established_on);
	for (i = 0; i < PLAN_NFIELDS; i++)
		assert_same_text(plan_field_get(&a->sections, i),
		    plan_field_get(&b->sections, i), plan_fields[i].key);
	ck_assert_uint_eq(a->n_goals, b->n_goals);
	for (i = 0; i < a->n_goals; i++) {
		const struct plan_doc_goal *x = &a->goals[i], *y = &b->goals[i];

		ck_assert_int_eq(x->goal.id, y->goal.id);
		ck_assert_int_eq(x->goal.area, y->goal.area);
		assert_same_text(x->goal.title, y->goal.title, "title");
		assert_same_text(x->goal.detail, y->goal.detail, "detail");
		assert_same_text(x->goal.set_by, y->goal.set_by, "set_by");
		ck_assert_str_eq(x->goal.target_date, y->goal.target_date);
		ck_assert_str_eq(x->goal.created_on, y->goal.created_on);
		ck_assert_str_eq(x->goal.closed_on, y->goal.closed_on);
		ck_assert_uint_eq(x->n_steps, y->n_steps);
		for (j = 0; j < x->n_steps; j++) {
			ck_assert_int_eq(x->steps[j].id, y->steps[j].id);
			assert_same_text(x->steps[j].text, y->steps[j].text,
			    "step");
			ck_assert_str_eq(x->steps[j].done_on,
			    y->steps[j].done_on);
		}
		ck_assert_uint_eq(x->n_scores, y->n_scores);
		for (j = 0; j < x->n_scores; j++) {
			ck_assert_str_eq(x->scores[j].scored_on,
			    y->scores[j].scored_on);
			ck_assert_int_eq(x->scores[j].score,
			    y->scores[j].score);
		}
	}
	ck_assert_uint_eq(a->n_notes, b->n_notes);
	for (i = 0; i < a->n_notes; i++) {
		ck_assert_str_eq(a->notes[i].written_on,
		    b->notes[i].written_on);
		assert_same_text(a->notes[i].author_name,
		    b->notes[i].author_name, "by");
		assert_same_text(a->notes[i].text, b->notes[i].text, "note");
	}
}

/* Words people really type, and words that trip YAML up. */
static const char *const awkward[] = {
	"plain words",
	"two\nlines",
	"ends with a line break\n",
	"ends with two\n\n",
	"  starts with spaces\nand then not",
	"trailing spaces   \nhere",
	"a\ttab",
	"null", "NULL", "~", "yes", "no", "true", "123", "-1", "+2",
	"2026-11-25", "- looks like a list", "key: value", "# not a comment",
	"quotes ' and \"", "[brackets]", "{braces}", "&anchor", "*alias",
	"!tag", "%percent", "@at", "`tick`", "| bar", "> angle",
	"Zoë, Siobhán, Łukasz – 東京 😀",
	"a backslash \\ here", "\xc2\x85 next line", "line\rcarriage",
	"control \x01 char", "\xe2\x80\xa8 separator",
	"ends with colon:", "?", ":", "-", ",comma", "   ", " ",
	"two\r\nlines", "mixed\nbreaks\rhere", "tab\n\tindented",
	"next\nline \xc2\x85 here", "sep\n\xe2\x80\xa8 here", "\n",
	"\nstarts with a break", "a\n  \nb", "trailing\n  ",
	"bom \xef\xbb\xbf inside\nx",
};

START_TEST(test_round_trip_exact)
{
	struct plan_doc a, b;
	struct plan_doc_goal *g;
	struct strbuf one = STRBUF_INIT, two = STRBUF_INIT;
	struct pd_err err;
	size_t i;

	small_plan(&a);
	for (i = 0; i < PLAN_NFIELDS; i++)
		plan_field_set(&a.sections, i,
		    awkward[i % (sizeof awkward / sizeof awkward[0])]);
	for (i = 0; i < sizeof awkward / sizeof awkward[0]; i++) {
		g = goal(&a, 0, (enum goal_area)(i % 6), awkward[i]);
		g->goal.detail = xstrdup(awkward[(i + 1) %
		    (sizeof awkward / sizeof awkward[0])]);
		step(g, 0, awkward[i], i % 2 ? "2026-01-01" : "");
		score(g, "2026-02-02", (int)(i % 5) - 2);
		note(&a, "2026-03-03", i % 3 ? awkward[i] : NULL, awkward[i]);
	}
	/* whitespace-only text stays itself; only empty is "nothing" */
	ck_assert_int_eq(plan_yaml_write(&a, &one, &err), PD_OK);
	ck_assert_msg(plan_yaml_read(one.buf, one.len, "one.yaml", &b, &err)
	    == PD_OK, "%s:%d:%d: %s\n%s", err.file, err.line, err.column,
	    err.msg, one.buf);
	assert_same_plan(&a, &b);
	ck_assert_int_eq(plan_yaml_write(&b, &two, &err), PD_OK);
	ck_assert_str_eq(one.buf, two.buf);
	plan_doc_fini(&a);
	plan_doc_fini(&b);
	strbuf_fini(&one);
	strbuf_fini(&two);
}
END_TEST

START_TEST(test_read_lines_and_labels)
{
	struct plan_doc d;
	struct pd_err err;
	static const char text[] =
	    "peerdesk_plan: 1\n"
	    "client: 5\n"
	    "version: 0\n"
	    "note: first go\n"
	    "goals:\n"
	    "  - area: Be active\n"
	    "    title: Swim on Fridays\n"
	    "    scores:\n"
	    "      - {on: 2026-04-03, score: '0'}\n"
	    "  - area: give\n"
	    "    title: Bake\n"
	    "notes:\n"
	    "  - on: 2026-04-04\n"
	    "    text: |\n"
	    "      Two\n"
	    "      lines\n"
	    "  - on: 03/04/2025\n"		/* as people type it: 3 April */
	    "    text: typed\n"
	    "  - on: 31/12/25\n"
	    "    text: short year\n";

	ck_assert_int_eq(plan_yaml_read(text, strlen(text), "x.yaml", &d,
	    &err), PD_OK);
	ck_assert_int_eq(d.client_id, 5);
	ck_assert_ptr_null(d.client_name);
	ck_assert_str_eq(d.sections.note, "first go");
	ck_assert_uint_eq(d.n_goals, 2);
	ck_assert_int_eq(d.goals[0].goal.area, GOAL_BE_ACTIVE);
	ck_assert_int_eq(d.goals[0].goal.id, 0);
	ck_assert_int_eq(d.goals[0].line, 6);
	ck_assert_int_eq(d.goals[0].score_line[0], 9);
	ck_assert_int_eq(d.goals[1].line, 10);
	ck_assert_str_eq(d.notes[0].text, "Two\nlines\n");
	ck_assert_int_eq(d.note_line[0], 13);
	ck_assert_str_eq(d.notes[1].written_on, "2025-04-03");
	ck_assert_str_eq(d.notes[2].written_on, "2025-12-31");
	ck_assert_int_eq(d.version_line, 3);
	plan_doc_fini(&d);
}
END_TEST

/* Broken files: where, and what was expected. */
static const struct {
	const char *text;
	int line, column;
	const char *says;
} bad_cases[] = {
	{ "", 1, 1, "the file is empty" },
	{ "# only a comment\n", 1, 1, "the file is empty" },
	{ "- a\n- b\n", 1, 1, "not a plan file" },
	{ "client: 1\nversion: 1\n", 1, 1, "needs a 'peerdesk_plan:' line" },
	{ "peerdesk_plan: 2\nclient: 1\nversion: 1\n", 1, 16,
	  "form this peerdesk does not know" },
	{ "peerdesk_plan: 1\nversion: 1\n", 1, 1, "'client:'" },
	{ "peerdesk_plan: 1\nclient: one\nversion: 1\n", 2, 9,
	  "whole number" },
	{ "peerdesk_plan: 1\nclient: 1\nversion: 1\nsectoins:\n", 4, 1,
	  "did you mean sections?" },
	{ "peerdesk_plan: 1\nclient: 1\nversion: 1\nsections:\n"
	  "  keeps_me_wel: walks\n", 5, 3, "did you mean keeps_me_well?" },
	{ "peerdesk_plan: 1\nclient: 1\nversion: 1\nsections:\n"
	  "  triggers: [a, b]\n", 5, 13, "expected some text, got a list" },
	{ "peerdesk_plan: 1\nclient: 1\nversion: 1\ngoals:\n"
	  "  - area: swimming\n    title: x\n", 5, 11, "expected one of" },
	{ "peerdesk_plan: 1\nclient: 1\nversion: 1\ngoals:\n"
	  "  - area: give\n", 5, 5, "a goal needs a 'title:' line" },
	{ "peerdesk_plan: 1\nclient: 1\nversion: 1\ngoals:\n"
	  "  - area: give\n    title: x\n    scores:\n"
	  "      - on: 2026-01-01\n        score: 3\n", 9, 16,
	  "score from -2 to +2" },
	{ "peerdesk_plan: 1\nclient: 1\nversion: 1\ngoals:\n"
	  "  - area: give\n    title: x\n    scores:\n"
	  "      - on: 2026-02-30\n        score: 1\n", 8, 13,
	  "date written 2025-12-31, 31/12/2025 or 31/12/25, got '2026-02-30'" },
	{ "peerdesk_plan: 1\nclient: 1\nversion: 1\ngoals:\n"
	  "  - {id: 3, area: give, title: x}\n"
	  "  - {id: 3, area: learn, title: y}\n", 6, 10,
	  "in the file twice (first on line 5)" },
	{ "peerdesk_plan: 1\nclient: 1\nversion: 1\nnotes:\n"
	  "  - on: 2026-01-01\n", 5, 5, "'text:'" },
	{ "peerdesk_plan: 1\nclient: 1\nversion: 1\ngoals: lots\n", 4, 8,
	  "expected a list of goals" },
	{ "peerdesk_plan: 1\nclient: 1\n\tversion: 1\n", 3, 1, "tab" },
	{ "peerdesk_plan: 1\nclient: 1\nversion: 1\nname: \"open\n", 5, 1,
	  "quoted scalar" },
	{ "peerdesk_plan: 1\nclient: 1\nversion: 1\nname: Zo\xeb\n", 4, 9,
	  "not UTF-8" },
	{ "peerdesk_plan: 1\nclient: 1\nclient: 2\nversion: 1\n", 3, 1,
	  "given twice (first on line 2)" },
};

START_TEST(test_bad_files)
{
	struct plan_doc d;
	struct pd_err err;
	const char *t = bad_cases[_i].text;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(plan_yaml_read(t, strlen(t), "plan.yaml", &d, &err),
	    PD_PARSE);
	ck_assert_int_eq(err.code, PD_PARSE);
	ck_assert_str_eq(err.file, "plan.yaml");
	ck_assert_msg(err.line == bad_cases[_i].line &&
	    err.column == bad_cases[_i].column && strstr(err.msg,
	    bad_cases[_i].says) != NULL, "case %d: got %d:%d: %s", _i,
	    err.line, err.column, err.msg);
	plan_doc_fini(&d);
}
END_TEST

START_TEST(test_read_file)
{
	struct plan_doc d;
	struct pd_err err;
	char *path = test_write_file("p.yaml", small_yaml);
	char *missing = test_path("missing.yaml");

	ck_assert_int_eq(plan_yaml_read_file(path, &d, &err), PD_OK);
	ck_assert_str_eq(d.client_name, "Ana Silva");
	ck_assert_uint_eq(d.goals[0].n_steps, 2);
	plan_doc_fini(&d);
	ck_assert_int_eq(plan_yaml_read_file(missing, &d, &err), PD_IO);
	ck_assert_str_eq(err.file, missing);
	plan_doc_fini(&d);
	free(path);
	free(missing);
}
END_TEST

static Suite *
plan_yaml_suite(void)
{
	Suite *s = suite_create("plan_yaml");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_write_shape);
	tcase_add_test(tc, test_round_trip_exact);
	tcase_add_test(tc, test_read_lines_and_labels);
	tcase_add_loop_test(tc, test_bad_files, 0,
	    sizeof bad_cases / sizeof bad_cases[0]);
	tcase_add_test(tc, test_read_file);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(plan_yaml_suite)
