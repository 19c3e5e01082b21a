/* Tier 1: model/plandiff and model/plandoc - what changed in a plan,
 * merges, goal progress, the text chart. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/plandiff.h"

static void
setup(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
}

/* ---- text changes ------------------------------------------------------- */

static const struct {
	const char *before, *after;
	enum plan_change want;
} change_cases[] = {
	{ NULL, NULL, PLAN_SAME },
	{ "", NULL, PLAN_SAME },
	{ NULL, "", PLAN_SAME },
	{ NULL, "walks", PLAN_ADDED },
	{ "", "walks", PLAN_ADDED },
	{ "walks", "walks", PLAN_SAME },
	{ "walks", "walks ", PLAN_CHANGED },
	{ "walks", "", PLAN_CLEARED },
	{ "walks", NULL, PLAN_CLEARED },
};

START_TEST(test_text_change)
{
	ck_assert_int_eq(plan_text_change(change_cases[_i].before,
	    change_cases[_i].after), change_cases[_i].want);
}
END_TEST

static void
set(struct plan_sections *s, const char *key, const char *text)
{
	int i = plan_field_find(key);

	ck_assert_int_ge(i, 0);
	plan_field_set(s, (size_t)i, text);
}

static const char *
get(const struct plan_sections *s, const char *key)
{
	return plan_field_get(s, (size_t)plan_field_find(key));
}

START_TEST(test_fields_table)
{
	size_t i;
	int last = 0;

	/* every field of struct plan_sections but the note, in order */
	ck_assert_int_eq(PLAN_NFIELDS, 14);
	for (i = 0; i < PLAN_NFIELDS; i++) {
		ck_assert_int_eq(plan_field_find(plan_fields[i].key), (int)i);
		ck_assert_int_ge(plan_fields[i].section, last);
		ck_assert(plan_fields[i].section <= last + 1);
		if (plan_fields[i].section != last)
			ck_assert_ptr_nonnull(plan_fields[i].heading);
		else
			ck_assert_ptr_null(plan_fields[i].heading);
		last = plan_fields[i].section;
	}
	ck_assert_int_eq(last, 7);
	ck_assert_int_eq(plan_field_find("note"), -1);
	ck_assert_int_eq(plan_field_find(NULL), -1);
	ck_assert_str_eq(plan_section_heading(8),
	    "My Five Ways to Wellbeing goals");
	ck_assert_str_eq(plan_section_heading(0), "?");
}
END_TEST

START_TEST(test_changed_mask_and_labels)
{
	struct plan_sections a, b;
	struct strbuf sb = STRBUF_INIT;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	set(&a, "keeps_me_well", "Walking the dog");
	set(&b, "keeps_me_well", "Walking the dog");
	ck_assert_uint_eq(plan_sections_changed(&a, &b), 0);
	set(&b, "triggers", "Brown envelopes");
	set(&b, "crisis_contacts", "My sister Lou");
	b.note = xstrdup("the note is not a section");
	ck_assert_uint_eq(plan_sections_changed(&a, &b),
	    (1u << plan_field_find("triggers")) |
	    (1u << plan_field_find("crisis_contacts")));
	ck_assert_uint_eq(plan_sections_changed(NULL, &a),
	    1u << plan_field_find("keeps_me_well"));
	plan_changed_labels(plan_sections_changed(&a, &b), &sb);
	ck_assert_str_eq(sb.buf, "What makes me unwell, stressed or "
	    "miserable, Who to contact");
	strbuf_reset(&sb);
	plan_changed_labels(0, &sb);
	ck_assert_str_eq(sb.buf, "nothing");
	strbuf_fini(&sb);
	plan_sections_fini(&a);
	plan_sections_fini(&b);
}
END_TEST

/* Two people edit version 3 at once: what each changed survives. */
START_TEST(test_merge)
{
	struct plan_sections base, mine, theirs, out;
	unsigned both;

	memset(&base, 0, sizeof base);
	memset(&mine, 0, sizeof mine);
	memset(&theirs, 0, sizeof theirs);
	set(&base, "keeps_me_well", "Walks");
	set(&base, "triggers", "Letters");
	set(&base, "unsafe_places", "The bus station");
	plan_sections_copy(&mine, &base);
	plan_sections_copy(&theirs, &base);
	set(&mine, "keeps_me_well", "Walks and the choir");	/* mine only */
	set(&theirs, "triggers", "Letters and loud rooms");	/* theirs */
	set(&mine, "warning_signs", "Not sleeping");		/* both, same */
	set(&theirs, "warning_signs", "Not sleeping");
	/* both */
	set(&mine, "unsafe_places", "The bus station at night");
	set(&theirs, "unsafe_places", NULL);
	both = plan_sections_merge(&base, &mine, &theirs, &out);
	ck_assert_uint_eq(both, 1u << plan_field_find("unsafe_places"));
	ck_assert_str_eq(get(&out, "keeps_me_well"), "Walks and the choir");
	ck_assert_str_eq(get(&out, "triggers"), "Letters and loud rooms");
	ck_assert_str_eq(get(&out, "warning_signs"), "Not sleeping");
	ck_assert_str_eq(get(&out, "unsafe_places"),
	    "The bus station at night");
	plan_sections_fini(&base);
	plan_sections_fini(&mine);
	plan_sections_fini(&theirs);
	plan_sections_fini(&out);
}
END_TEST

/* ---- scores -------------------------------------------------------------- */

static const struct {
	const char *text;
	int ok, value;
} score_cases[] = {
	{ "+2", 0, 2 }, { "2", 0, 2 }, { "1", 0, 1 }, { "0", 0, 0 },
	{ "-0", 0, 0 }, { "-1", 0, -1 }, { "-2", 0, -2 }, { " +1 ", 0, 1 },
	{ "\xe2\x88\x92" "2", 0, -2 },
	{ "3", -1, 0 }, { "-3", -1, 0 }, { "", -1, 0 }, { "+", -1, 0 },
	{ "1.5", -1, 0 }, { "12", -1, 0 }, { "one", -1, 0 }, { "--1", -1, 0 },
};

START_TEST(test_score_parse)
{
	int v = 99;

	ck_assert_int_eq(goal_score_parse(score_cases[_i].text, &v),
	    score_cases[_i].ok);
	if (score_cases[_i].ok == 0)
		ck_assert_int_eq(v, score_cases[_i].value);
}
END_TEST

START_TEST(test_score_words)
{
	char b[4];

	ck_assert_str_eq(goal_score_str(2, b), "+2");
	ck_assert_str_eq(goal_score_str(0, b), "0");
	ck_assert_str_eq(goal_score_str(-1, b), "-1");
	ck_assert_str_eq(goal_score_str(3, b), "-");
	ck_assert_str_eq(goal_score_str(GOAL_SCORE_NONE, b), "-");
	ck_assert_str_eq(goal_score_words(0), "what we hoped for");
	ck_assert_str_eq(goal_score_words(-2), "much less than we hoped");
	ck_assert_str_eq(goal_score_words(5), "?");
}
END_TEST

static struct goal_score
score(const char *on, int v)
{
	struct goal_score s;

	memset(&s, 0, sizeof s);
	snprintf(s.scored_on, sizeof s.scored_on, "%s", on);
	s.score = v;
	return s;
}

static const struct {
	int n;
	int scores[3];
	enum goal_trend want;
} trend_cases[] = {
	{ 0, { 0 }, GOAL_TREND_NONE },
	{ 1, { -1 }, GOAL_TREND_FIRST },
	{ 2, { -1, 1 }, GOAL_TREND_UP },
	{ 2, { 1, 1 }, GOAL_TREND_SAME },
	{ 2, { 2, -2 }, GOAL_TREND_DOWN },
	{ 3, { 2, -1, 0 }, GOAL_TREND_UP },	/* only the last two count */
	{ 3, { -2, 1, 1 }, GOAL_TREND_SAME },
};

START_TEST(test_trend)
{
	static const char *const days[] = { "2026-10-01", "2026-10-28",
		"2026-11-25" };
	struct goal_score s[3];
	struct goal_progress p;
	int i, n = trend_cases[_i].n;

	for (i = 0; i < n; i++)
		s[i] = score(days[i], trend_cases[_i].scores[i]);
	goal_progress_of(s, (size_t)n, &p);
	ck_assert_int_eq(p.trend, trend_cases[_i].want);
	ck_assert_uint_eq(p.n, (size_t)n);
	if (n > 0) {
		ck_assert_int_eq(p.latest, trend_cases[_i].scores[n - 1]);
		ck_assert_str_eq(p.latest_on, days[n - 1]);
	} else {
		ck_assert_int_eq(p.latest, GOAL_SCORE_NONE);
	}
	if (n > 1)
		ck_assert_int_eq(p.previous, trend_cases[_i].scores[n - 2]);
	else
		ck_assert_int_eq(p.previous, GOAL_SCORE_NONE);
}
END_TEST

START_TEST(test_plan_progress)
{
	struct goal_score up[2], down[2], same[2], once[1];
	struct goal_progress g;
	struct plan_progress p;
	struct strbuf sb = STRBUF_INIT;

	up[0] = score("2026-10-01", -1);
	up[1] = score("2026-11-25", 1);
	down[0] = score("2026-10-01", 1);
	down[1] = score("2026-11-20", 0);
	same[0] = score("2026-10-01", 0);
	same[1] = score("2026-11-25", 0);
	once[0] = score("2026-11-26", 0);
	memset(&p, 0, sizeof p);
	goal_progress_of(up, 2, &g);
	plan_progress_add(&p, &g);
	goal_progress_of(down, 2, &g);
	plan_progress_add(&p, &g);
	goal_progress_of(same, 2, &g);
	plan_progress_add(&p, &g);
	goal_progress_of(once, 1, &g);
	plan_progress_add(&p, &g);
	goal_progress_of(NULL, 0, &g);
	plan_progress_add(&p, &g);
	ck_assert_int_eq(p.goals, 5);
	ck_assert_int_eq(p.up, 1);
	ck_assert_int_eq(p.down, 1);
	ck_assert_int_eq(p.same, 1);
	ck_assert_int_eq(p.first, 1);
	ck_assert_int_eq(p.unscored, 1);
	ck_assert_str_eq(p.last_scored, "2026-11-26");
	plan_progress_line(&p, &sb);
	ck_assert_str_eq(sb.buf, "5 goals: 1 moved up, 1 stayed the same, "
	    "1 moved down, 1 scored once, 1 not scored yet");
	strbuf_reset(&sb);
	memset(&p, 0, sizeof p);
	plan_progress_line(&p, &sb);
	ck_assert_str_eq(sb.buf, "0 goals");
	strbuf_reset(&sb);
	goal_progress_line(up, 2, 0, &sb);
	ck_assert_str_eq(sb.buf, "1 Oct -1, 25 Nov +1 - moved up");
	strbuf_reset(&sb);
	goal_progress_line(up, 2, 1, &sb);
	ck_assert_str_eq(sb.buf, "... 25 Nov +1 - moved up");
	strbuf_reset(&sb);
	goal_progress_line(once, 1, 0, &sb);
	ck_assert_str_eq(sb.buf, "26 Nov 0");
	strbuf_reset(&sb);
	goal_progress_line(NULL, 0, 0, &sb);
	ck_assert_str_eq(sb.buf, "not scored yet");
	strbuf_fini(&sb);
}
END_TEST

/* ---- the chart ----------------------------------------------------------- */

START_TEST(test_chart_two_reviews)
{
	struct goal_score s[3];
	struct strbuf sb = STRBUF_INIT;

	s[0] = score("2026-10-01", -1);
	s[1] = score("2026-10-28", 0);
	s[2] = score("2026-11-25", 1);
	goal_chart(s, 3, 80, &sb);
	ck_assert_str_eq(sb.buf,
	    "+2 ┤\n"
	    "+1 ┤                 ●\n"
	    " 0 ┤          ●\n"
	    "-1 ┤   ●\n"
	    "-2 ┤\n"
	    "   └─────────────────────\n"
	    "     1 Oct 28 Oct 25 Nov\n");
	strbuf_fini(&sb);
}
END_TEST

/* Narrow screens keep the newest scores; every line fits. */
START_TEST(test_chart_narrow)
{
	struct goal_score s[8];
	struct strbuf sb = STRBUF_INIT;
	const char *p;
	int i, lines = 0;

	for (i = 0; i < 8; i++) {
		char d[11];

		snprintf(d, sizeof d, "2026-%02d-15", i + 2);
		s[i] = score(d, (i % 5) - 2);
	}
	goal_chart(s, 8, 40, &sb);
	for (p = sb.buf; *p != '\0'; lines++) {
		size_t n = strcspn(p, "\n");

		ck_assert_msg(utf8_width_n(p, n) <= 40, "too wide: %.*s",
		    (int)n, p);
		p += n + 1;
	}
	ck_assert_int_eq(lines, GOAL_CHART_ROWS);
	/* five fit at 40 columns: June to September, the first cut */
	ck_assert_ptr_nonnull(strstr(sb.buf, "… "));
	ck_assert_ptr_nonnull(strstr(sb.buf, "15 Sep"));
	ck_assert_ptr_null(strstr(sb.buf, "15 Apr"));
	strbuf_reset(&sb);
	goal_chart(NULL, 0, 80, &sb);
	ck_assert_str_eq(sb.buf, "No scores yet.\n");
	strbuf_fini(&sb);
}
END_TEST

START_TEST(test_wrap)
{
	struct strbuf sb = STRBUF_INIT;

	plan_wrap(&sb, "one two three four five six", 14, 2);
	ck_assert_str_eq(sb.buf, "  one two\n  three four\n  five six\n");
	strbuf_reset(&sb);
	plan_wrap(&sb, "a\n\nb  c", 0, 1);
	ck_assert_str_eq(sb.buf, " a\n\n b  c\n");
	strbuf_reset(&sb);
	plan_wrap(&sb, "Zoë's supercalifragilisticexpialidocious word", 20, 0);
	ck_assert_str_eq(sb.buf, "Zoë's\nsupercalifragilisticexpialidocious\n"
	    "word\n");
	strbuf_reset(&sb);
	plan_wrap_labelled(&sb, "Now: ", "Walking the dog\nand the choir on "
	    "Tuesdays\n\n", 30, 2);
	ck_assert_str_eq(sb.buf, "  Now: Walking the dog\n"
	    "       and the choir on\n       Tuesdays\n");
	strbuf_fini(&sb);
}
END_TEST

/* ---- what changed since -------------------------------------------------- */

static void
version(struct plan_sections *v, int no, const char *at, int64_t by)
{
	v->version_no = no;
	v->saved_by = by;
	snprintf(v->saved_at, sizeof v->saved_at, "%s", at);
}

static const char *
names(void *ctx, int64_t id)
{
	(void)ctx;
	return id == 7 ? "Priya Shah" : id == 8 ? "Sam Reid" : NULL;
}

START_TEST(test_delta_since_review)
{
	struct plan_sections v[4];
	struct plan_doc doc;
	struct plan_doc_goal *g;
	struct goal_step st;
	struct plan_note note;
	struct plan_delta d;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	memset(v, 0, sizeof v);
	plan_doc_init(&doc);
	/* v1 before the review, v2 on its day, v3 and v4 after (given out
	 * of order on purpose) */
	version(&v[0], 3, "2026-11-02T10:00:00Z", 8);
	version(&v[1], 1, "2026-09-20T10:00:00Z", 7);
	version(&v[2], 4, "2026-11-20T10:00:00Z", 7);
	version(&v[3], 2, "2026-10-28T16:00:00Z", 7);
	set(&v[1], "keeps_me_well", "Walks");
	set(&v[1], "triggers", "Letters");
	set(&v[3], "keeps_me_well", "Walks");
	set(&v[3], "triggers", "Letters");
	set(&v[3], "unsafe_places", "The bus station");
	plan_sections_copy(&v[0], &v[3]);
	version(&v[0], 3, "2026-11-02T10:00:00Z", 8);
	set(&v[0], "keeps_me_well", "Walks and the choir");
	plan_sections_copy(&v[2], &v[0]);
	version(&v[2], 4, "2026-11-20T10:00:00Z", 7);
	set(&v[2], "unsafe_places", NULL);
	set(&v[2], "crisis_contacts", "Lou, my sister");
	plan_sections_copy(&doc.sections, &v[2]);
	doc.info.current_version = 4;

	g = plan_doc_add_goal(&doc);	/* old, scored before and after */
	g->goal.area = GOAL_CONNECT;
	g->goal.title = xstrdup("Go to the Thursday walking group");
	snprintf(g->goal.created_on, 11, "2026-09-20");
	{
		struct goal_score a = score("2026-09-30", -1);
		struct goal_score b = score("2026-10-28", -1);
		struct goal_score c = score("2026-11-25", 1);

		plan_doc_goal_add_score(g, &a, 0);
		plan_doc_goal_add_score(g, &b, 0);
		plan_doc_goal_add_score(g, &c, 0);
	}
	memset(&st, 0, sizeof st);
	st.text = (char[]){"Find out where it meets"};
	snprintf(st.done_on, 11, "2026-11-01");
	plan_doc_goal_add_step(g, &st, 0);
	st.text = (char[]){"Go once with Jo"};
	snprintf(st.done_on, 11, "2026-10-10");
	plan_doc_goal_add_step(g, &st, 0);
	g = plan_doc_add_goal(&doc);	/* new after the review */
	g->goal.area = GOAL_LEARN;
	g->goal.title = xstrdup("A Recovery College course");
	snprintf(g->goal.created_on, 11, "2026-11-03");
	g = plan_doc_add_goal(&doc);	/* nothing happened */
	g->goal.area = GOAL_GIVE;
	g->goal.title = xstrdup("Bake for the cafe");
	snprintf(g->goal.created_on, 11, "2026-09-20");
	memset(&note, 0, sizeof note);
	note.text = (char[]){"Felt good today"};
	snprintf(note.written_on, 11, "2026-10-28");
	plan_doc_add_note(&doc, &note, 0);
	snprintf(note.written_on, 11, "2026-11-04");
	plan_doc_add_note(&doc, &note, 0);

	plan_delta_compute(&doc, v, 4, "2026-10-28", &d);
	ck_assert_int_eq(d.since_version, 2);
	ck_assert_int_eq(d.now_version, 4);
	ck_assert_int_eq(d.fields_changed, 3);
	i = (size_t)plan_field_find("keeps_me_well");
	ck_assert_int_eq(d.fields[i].change, PLAN_CHANGED);
	ck_assert_str_eq(d.fields[i].before, "Walks");
	ck_assert_str_eq(d.fields[i].after, "Walks and the choir");
	ck_assert_int_eq(d.fields[i].version_no, 3);
	ck_assert_int_eq(d.fields[i].changed_by, 8);
	ck_assert_str_eq(d.fields[i].changed_on, "2026-11-02");
	i = (size_t)plan_field_find("unsafe_places");
	ck_assert_int_eq(d.fields[i].change, PLAN_CLEARED);
	ck_assert_int_eq(d.fields[i].version_no, 4);
	i = (size_t)plan_field_find("crisis_contacts");
	ck_assert_int_eq(d.fields[i].change, PLAN_ADDED);
	ck_assert_int_eq(d.fields[plan_field_find("triggers")].change,
	    PLAN_SAME);
	ck_assert_uint_eq(d.n_goals, 2);
	ck_assert_uint_eq(d.goals[0].goal, 0);
	ck_assert_uint_eq(d.goals[0].what,
	    GOAL_DELTA_SCORED | GOAL_DELTA_STEPS);
	ck_assert_int_eq(d.goals[0].before, -1);
	ck_assert_int_eq(d.goals[0].after, 1);
	ck_assert_int_eq(d.goals[0].steps_done, 1);
	ck_assert_uint_eq(d.goals[1].goal, 1);
	ck_assert_uint_eq(d.goals[1].what, GOAL_DELTA_NEW);
	ck_assert_uint_eq(d.notes_added, 1);

	plan_delta_format(&doc, &d, names, NULL, 60, &sb);
	ck_assert_str_eq(sb.buf,
	    "What changed since Wed 28 Oct 2026. The plan was at version\n"
	    "2 then and is at version 4 now.\n"
	    "\n"
	    "Sections\n"
	    "  What keeps me well: changed on Mon 2 Nov 2026 by Sam Reid\n"
	    "  (version 3)\n"
	    "    Before: Walks\n"
	    "    Now: Walks and the choir\n"
	    "  Who to contact: written on Fri 20 Nov 2026 by Priya Shah\n"
	    "  (version 4)\n"
	    "    Now: Lou, my sister\n"
	    "  Places and situations where I feel unsafe: emptied on Fri\n"
	    "  20 Nov 2026 by Priya Shah (version 4)\n"
	    "    Before: The bus station\n"
	    "  Everything else is as it was.\n"
	    "\n"
	    "Goals\n"
	    "  Connect: Go to the Thursday walking group\n"
	    "    score -1, now +1 (moved up); 1 step done\n"
	    "  Learn: A Recovery College course\n"
	    "    a new goal\n"
	    "\n"
	    "Notes\n"
	    "  1 new note.\n");
	plan_delta_fini(&d);

	/* since the beginning: everything is new */
	plan_delta_compute(&doc, v, 4, "", &d);
	ck_assert_int_eq(d.since_version, 0);
	ck_assert_int_eq(d.fields_changed, 3);
	ck_assert_int_eq(d.fields[plan_field_find("triggers")].version_no, 1);
	ck_assert_int_eq(d.fields[plan_field_find("keeps_me_well")]
	    .version_no, 3);
	ck_assert_uint_eq(d.n_goals, 3);
	ck_assert_uint_eq(d.notes_added, 2);
	plan_delta_fini(&d);

	/* a day before anything was saved */
	plan_delta_compute(&doc, v, 4, "2026-01-01", &d);
	ck_assert_int_eq(d.since_version, 0);
	ck_assert_int_eq(d.fields[plan_field_find("triggers")].change,
	    PLAN_ADDED);
	plan_delta_fini(&d);

	/* after the last save: no section changes */
	plan_delta_compute(&doc, v, 4, "2026-11-30", &d);
	ck_assert_int_eq(d.since_version, 4);
	ck_assert_int_eq(d.fields_changed, 0);
	ck_assert_uint_eq(d.n_goals, 0);
	strbuf_reset(&sb);
	plan_delta_format(&doc, &d, NULL, NULL, 0, &sb);
	ck_assert_ptr_nonnull(strstr(sb.buf, "No section has changed."));
	ck_assert_ptr_nonnull(strstr(sb.buf, "No news about the goals."));
	ck_assert_ptr_nonnull(strstr(sb.buf, "No new notes."));
	plan_delta_fini(&d);

	strbuf_fini(&sb);
	for (i = 0; i < 4; i++)
		plan_sections_fini(&v[i]);
	plan_doc_fini(&doc);
}
END_TEST

/* A goal typed in after a review that scored it (its words written up
 * later) is not "new" since that review. */
START_TEST(test_delta_scored_before_written)
{
	struct plan_doc doc;
	struct plan_doc_goal *g;
	struct goal_score a = score("2026-10-28", -1);
	struct goal_score b = score("2026-11-25", 1);
	struct plan_delta d;

	plan_doc_init(&doc);
	g = plan_doc_add_goal(&doc);
	g->goal.area = GOAL_GIVE;
	g->goal.title = xstrdup("Bake");
	snprintf(g->goal.created_on, 11, "2026-11-25");
	plan_doc_goal_add_score(g, &a, 0);
	plan_doc_goal_add_score(g, &b, 0);
	plan_delta_compute(&doc, NULL, 0, "2026-10-28", &d);
	ck_assert_uint_eq(d.n_goals, 1);
	ck_assert_uint_eq(d.goals[0].what, GOAL_DELTA_SCORED);
	plan_delta_fini(&d);
	plan_delta_compute(&doc, NULL, 0, "2026-10-01", &d);
	ck_assert_uint_eq(d.goals[0].what, GOAL_DELTA_SCORED | GOAL_DELTA_NEW);
	ck_assert_int_eq(d.goals[0].before, GOAL_SCORE_NONE);
	plan_delta_fini(&d);
	plan_doc_fini(&doc);
}
END_TEST

START_TEST(test_pal_plan_changed)
{
	struct pal_plan a, b;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	a.aspirations = xstrdup("Train as a peer trainer");
	b.aspirations = xstrdup("Train as a peer trainer");
	b.adjustments = xstrdup("");
	ck_assert_uint_eq(pal_plan_changed(&a, &b), 0);
	b.career_development = xstrdup("Level 3 course");
	ck_assert_uint_eq(pal_plan_changed(&a, &b), 1u << 6);
	ck_assert_str_eq(pal_plan_fields[2].label,
	    "How I will know I am struggling at work");
	ck_assert_str_eq(pal_plan_field_get(&b, 6), "Level 3 course");
	ck_assert_ptr_null(pal_plan_field_get(&b, 5));
	ck_assert_ptr_null(pal_plan_field_get(&b, 7));
	pal_plan_fini(&a);
	pal_plan_fini(&b);
}
END_TEST

static Suite *
plandiff_suite(void)
{
	Suite *s = suite_create("plandiff");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);

	tcase_add_loop_test(tc, test_text_change, 0,
	    sizeof change_cases / sizeof change_cases[0]);
	tcase_add_test(tc, test_fields_table);
	tcase_add_test(tc, test_changed_mask_and_labels);
	tcase_add_test(tc, test_merge);
	tcase_add_loop_test(tc, test_score_parse, 0,
	    sizeof score_cases / sizeof score_cases[0]);
	tcase_add_test(tc, test_score_words);
	tcase_add_loop_test(tc, test_trend, 0,
	    sizeof trend_cases / sizeof trend_cases[0]);
	tcase_add_test(tc, test_plan_progress);
	tcase_add_test(tc, test_chart_two_reviews);
	tcase_add_test(tc, test_chart_narrow);
	tcase_add_test(tc, test_wrap);
	tcase_add_test(tc, test_delta_since_review);
	tcase_add_test(tc, test_delta_scored_before_written);
	tcase_add_test(tc, test_pal_plan_changed);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(plandiff_suite)
