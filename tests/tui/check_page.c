/* Tier 3: the page widget (page.h) - lines and items, wrapping,
 * choosing and scrolling, choosing again after a reload, drawing. */
#include "support/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/tui/page.h"
#include "tui/support/screenfix.h"

static const struct rect area4 = { .h = 4, .w = 40 };

static void
want_lines(const struct page *p, const char *const *want, size_t n)
{
	size_t i;

	ck_assert_uint_eq(p->n, n);
	for (i = 0; i < n; i++)
		ck_assert_msg(strcmp(p->lines[i].text, want[i]) == 0,
		    "line %zu: \"%s\", wanted \"%s\"", i, p->lines[i].text,
		    want[i]);
}

START_TEST(test_add)
{
	struct page p = { 0 };
	static const char *const want[] = {
		"head", "n=3", "one", "two", "", "three", "after"
	};

	page_add(&p, ST_HEADER, "head");
	page_item(&p, 1, 42);
	page_addf(&p, ST_NORMAL, "n=%d", 3);
	page_add_lines(&p, ST_DIM, "one\ntwo\n\nthree\n");
	page_item(&p, 2, 0);		/* no lines: no item */
	page_item_end(&p);
	page_add(&p, ST_NORMAL, "after");
	want_lines(&p, want, 7);
	ck_assert_uint_eq(p.nitems, 1);
	ck_assert_int_eq(p.items[0].kind, 1);
	ck_assert_int_eq((int)p.items[0].id, 42);
	ck_assert_uint_eq(p.items[0].first, 1);
	ck_assert_uint_eq(p.items[0].last, 5);
	ck_assert_int_eq(p.lines[0].item, PAGE_NONE);
	ck_assert_int_eq(p.lines[3].item, 0);
	ck_assert_int_eq(p.lines[3].st, ST_DIM);
	ck_assert_int_eq(p.lines[6].item, PAGE_NONE);
	page_fini(&p);
	ck_assert_ptr_null(p.lines);
}
END_TEST

START_TEST(test_wrapped)
{
	struct page p = { 0 };
	static const char *const want[] = {
		"  one two", "  three", "  four",
		"Bar: aaa bbb", "  ccc ddd",
		"Name    Jo Bloggs of", "        Leeds",
		"LongerThan8Jo",
	};

	page_add_wrapped(&p, ST_NORMAL, 10, 2, "one two three four");
	page_add_wrapped(&p, ST_NORMAL, 10, 2, "");
	page_add_wrapped(&p, ST_NORMAL, 10, 2, NULL);
	page_add_labelled(&p, ST_NORMAL, 12, 2, "Bar", "aaa bbb ccc ddd");
	page_add_labelled(&p, ST_NORMAL, 12, 2, "Empty", "");
	page_add_field(&p, ST_NORMAL, 20, 8, "Name", "Jo Bloggs of Leeds");
	page_add_field(&p, ST_NORMAL, 20, 8, "LongerThan8", "Jo");
	want_lines(&p, want, 8);
	page_fini(&p);
}
END_TEST

/* Two headings, A, a tall B (6 lines), C and a line after, in an area
 * of 4 rows:
 *   0 H1  1 H2  2 A  3-8 B  9 C  10 T */
static void
build(struct page *p)
{
	int i;

	page_clear(p);
	page_add(p, ST_HEADER, "H1");
	page_add(p, ST_HEADER, "H2");
	page_item(p, 0, 100);
	page_add(p, ST_NORMAL, "A");
	page_item(p, 0, 200);
	for (i = 0; i < 6; i++)
		page_addf(p, ST_NORMAL, "B%d", i);
	page_item(p, 0, 300);
	page_add(p, ST_NORMAL, "C");
	page_item_end(p);
	page_add(p, ST_DIM, "T");
	page_layout(p, area4);
}

/* One action, then where the choice and the view are. */
static void
act(struct page *p, enum action a, int want_sel, int want_top)
{
	ck_assert_int_eq(page_action(p, a), TUI_HANDLED);
	ck_assert_msg(p->sel == want_sel && p->top == want_top,
	    "after action %d: sel %d top %d, wanted sel %d top %d", (int)a,
	    p->sel, p->top, want_sel, want_top);
}

START_TEST(test_up_down)
{
	struct page p = { 0 };

	build(&p);
	ck_assert_int_eq(p.sel, 0);	/* the first item, headings shown */
	ck_assert_int_eq(p.top, 0);
	act(&p, ACT_DOWN, 1, 3);	/* tall B from its first line */
	act(&p, ACT_DOWN, 1, 4);	/* ... scrolls before C is chosen */
	act(&p, ACT_DOWN, 1, 5);	/* its last line at the bottom */
	act(&p, ACT_DOWN, 2, 6);	/* C */
	act(&p, ACT_DOWN, 2, 7);	/* the line after the last item */
	act(&p, ACT_DOWN, 2, 7);	/* no further */
	act(&p, ACT_UP, 1, 3);		/* B again, from its first line */
	act(&p, ACT_UP, 0, 0);		/* A with the headings */
	act(&p, ACT_UP, 0, 0);
	ck_assert_int_eq((int)page_current(&p)->id, 100);
	ck_assert_int_eq(page_action(&p, ACT_OPEN), TUI_UNHANDLED);
	page_fini(&p);
}
END_TEST

START_TEST(test_pages_home_end)
{
	struct page p = { 0 };

	build(&p);
	act(&p, ACT_PAGE_DOWN, 1, 3);	/* turns 3 lines: B starts there */
	act(&p, ACT_PAGE_DOWN, 2, 6);
	act(&p, ACT_PAGE_DOWN, 2, 7);	/* cannot turn a whole page */
	act(&p, ACT_PAGE_DOWN, 2, 7);
	act(&p, ACT_PAGE_UP, 1, 4);	/* inside B: B is chosen */
	act(&p, ACT_PAGE_UP, 0, 0);	/* A, with the headings */
	act(&p, ACT_LAST, 2, 7);
	act(&p, ACT_FIRST, 0, 0);
	page_fini(&p);
}
END_TEST

/* A heading and nine one-line items in 5 rows: PgDn chooses the item
 * that was on the bottom line, also where the view cannot turn a whole
 * page, and never one above the choice. */
START_TEST(test_turn_near_the_end)
{
	struct page p = { 0 };
	int i;

	page_add(&p, ST_HEADER, "heading");
	for (i = 0; i < 9; i++) {
		page_item(&p, 0, i);
		page_addf(&p, ST_NORMAL, "row %d", i);
	}
	page_layout(&p, (struct rect){ .h = 5, .w = 40 });
	act(&p, ACT_PAGE_DOWN, 3, 4);
	act(&p, ACT_PAGE_DOWN, 7, 5);	/* turns 1 line: row 7 was at the
					 * bottom */
	act(&p, ACT_PAGE_DOWN, 8, 5);	/* cannot turn: the last in view */
	act(&p, ACT_PAGE_DOWN, 8, 5);
	act(&p, ACT_UP, 7, 5);
	act(&p, ACT_UP, 6, 5);
	act(&p, ACT_PAGE_UP, 0, 0);	/* the first on the page, with the
					 * heading */
	page_fini(&p);
}
END_TEST

/* Headings taller than the area: the first item shows on the bottom
 * row under as many of them as fit. */
START_TEST(test_long_heading)
{
	struct page p = { 0 };
	int i;

	for (i = 0; i < 6; i++)
		page_addf(&p, ST_NORMAL, "intro %d", i);
	page_item(&p, 0, 1);
	page_add(&p, ST_NORMAL, "first");
	page_item(&p, 0, 2);
	page_add(&p, ST_NORMAL, "second");
	page_layout(&p, area4);
	ck_assert_int_eq(p.sel, 0);
	ck_assert_int_eq(p.top, 3);	/* "first" on the bottom row */
	act(&p, ACT_UP, 0, 2);		/* Up reads the intro above it */
	act(&p, ACT_UP, 0, 1);
	act(&p, ACT_UP, 0, 0);
	act(&p, ACT_UP, 0, 0);		/* the top */
	act(&p, ACT_DOWN, 0, 1);	/* back down to "first" */
	act(&p, ACT_DOWN, 0, 2);
	act(&p, ACT_DOWN, 0, 3);
	act(&p, ACT_DOWN, 1, 4);	/* "second" on the bottom row */
	act(&p, ACT_FIRST, 0, 0);	/* Home: the top of the page */
	page_fini(&p);
}
END_TEST

START_TEST(test_no_items)
{
	struct page p = { 0 };
	int i;

	for (i = 0; i < 10; i++)
		page_addf(&p, ST_NORMAL, "line %d", i);
	page_layout(&p, area4);
	ck_assert_ptr_null(page_current(&p));
	act(&p, ACT_DOWN, PAGE_NONE, 1);
	act(&p, ACT_PAGE_DOWN, PAGE_NONE, 4);
	act(&p, ACT_LAST, PAGE_NONE, 6);
	act(&p, ACT_PAGE_DOWN, PAGE_NONE, 6);
	act(&p, ACT_UP, PAGE_NONE, 5);
	act(&p, ACT_PAGE_UP, PAGE_NONE, 2);
	act(&p, ACT_FIRST, PAGE_NONE, 0);
	act(&p, ACT_UP, PAGE_NONE, 0);
	page_fini(&p);
}
END_TEST

static void
build_ids(struct page *p, const int64_t *ids, size_t n)
{
	size_t i;

	page_clear(p);
	page_add(p, ST_HEADER, "heading");
	for (i = 0; i < n; i++) {
		page_item(p, ids[i] < 0 ? 2 : 1, ids[i]);
		page_addf(p, ST_NORMAL, "row %lld", (long long)ids[i]);
	}
	page_layout(p, area4);
}

START_TEST(test_reselect)
{
	struct page p = { 0 };
	static const int64_t first[] = { 10, 20, 30 };
	static const int64_t more[] = { 5, 10, 20, 30 };
	static const int64_t fewer[] = { 10, 30 };
	static const int64_t none[] = { 0 };

	build_ids(&p, first, 3);
	ck_assert_int_eq(p.sel, 0);
	page_action(&p, ACT_DOWN);
	ck_assert_int_eq((int)page_current(&p)->id, 20);
	build_ids(&p, more, 4);		/* the same one, found by its id */
	ck_assert_int_eq(p.sel, 2);
	ck_assert_int_eq((int)page_current(&p)->id, 20);
	build_ids(&p, fewer, 2);	/* gone: the one at its place */
	ck_assert_int_eq((int)page_current(&p)->id, 30);
	page_reselect(&p, 1, 10);
	ck_assert_int_eq((int)page_current(&p)->id, 10);
	page_reselect(&p, 1, 99);	/* unknown: the choice stays */
	ck_assert_int_eq((int)page_current(&p)->id, 10);
	build_ids(&p, none, 0);
	ck_assert_ptr_null(page_current(&p));
	build_ids(&p, more, 4);
	ck_assert_int_eq(p.sel, 0);
	page_fini(&p);
}
END_TEST

/* Whatever happens, the view is full and the chosen item shows (its
 * first line, unless it is taller than the area). */
/* The last line the chosen item answers for (the line before the next
 * item, or the page's last). */
static int
reach_last(const struct page *p)
{
	return (size_t)p->sel + 1 < p->nitems ?
	    (int)p->items[p->sel + 1].first - 1 : (int)p->n - 1;
}

START_TEST(test_invariants)
{
	struct page p = { 0 };
	static const enum action acts[] = {
		ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST,
		ACT_LAST
	};
	unsigned seed = 4321;
	int step;

	for (step = 0; step < 4000; step++) {
		const struct page_item *it;
		int h;

		seed = seed * 1103515245u + 12345u;
		if ((seed >> 16) % 50 == 0) {
			int i, nlines = (int)((seed >> 8) % 40);

			page_clear(&p);
			for (i = 0; i < nlines; i++) {
				if ((seed >> (i % 16)) % 3 == 0)
					page_item(&p, 0, i);
				else if ((seed >> (i % 13)) % 7 == 0)
					page_item_end(&p);
				page_addf(&p, ST_NORMAL, "%d", i);
			}
			page_layout(&p, (struct rect){ .w = 20,
			    .h = 1 + (int)((seed >> 4) % 9) });
		} else
			page_action(&p, acts[(seed >> 8) % 6]);
		h = p.area.h;
		ck_assert_int_ge(p.top, 0);
		ck_assert_int_le(p.top, p.n > (size_t)h ? (int)p.n - h : 0);
		if (p.nitems > 0)
			ck_assert(p.sel >= 0 && p.sel < (int)p.nitems);
		if ((it = page_current(&p)) == NULL)
			continue;
		/* the lines the chosen item answers for show, at least one */
		ck_assert_msg(reach_last(&p) >= p.top &&
		    (p.sel == 0 ? 0 : (int)it->first) < p.top + h,
		    "step %d: first %zu top %d h %d", step, it->first, p.top,
		    h);
		/* and when it fits with them, its first line */
		if (reach_last(&p) - (p.sel == 0 ? 0 : (int)it->first) < h)
			ck_assert_msg((int)it->first >= p.top &&
			    (int)it->first < p.top + h, "step %d: first %zu "
			    "top %d h %d", step, it->first, p.top, h);
	}
	page_fini(&p);
}
END_TEST

/* Every line of a page shows at some point while one key is pressed
 * again and again from one end (Down or PgDn from the top, PgUp from
 * the end): no text is out of reach.  (Up shows an item from its first
 * line, so Up alone may pass over the middle of a tall one.) */
static void
want_all_reached(struct page *p, enum action from, enum action key)
{
	bool seen[64] = { false };
	int i, k, h = p->area.h;

	ck_assert_uint_le(p->n, 64);
	page_action(p, from);
	for (k = 0; k < 4 * (int)p->n + 4; k++) {
		for (i = p->top; i < p->top + h && i < (int)p->n; i++)
			seen[i] = true;
		page_action(p, key);
	}
	for (i = 0; i < (int)p->n; i++) {
		char items[512] = "";
		size_t j;

		for (j = 0; j < p->nitems && strlen(items) < 480; j++)
			snprintf(items + strlen(items), sizeof items -
			    strlen(items), " %zu-%zu", p->items[j].first,
			    p->items[j].last);
		ck_assert_msg(seen[i], "line %d of %zu never shown (key %d, "
		    "%d rows; items%s)", i, p->n, (int)key, h, items);
	}
}

START_TEST(test_every_line_reached)
{
	struct page p = { 0 };
	unsigned seed = 99;
	int round, i;

	for (round = 0; round < 1000; round++) {
		int nlines = 1 + (int)(seed % 40);

		page_clear(&p);
		for (i = 0; i < nlines; i++) {
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 5 == 0)
				page_item(&p, 0, i);
			else if ((seed >> 16) % 5 == 1)
				page_item_end(&p);
			page_addf(&p, ST_NORMAL, "%d", i);
		}
		seed = seed * 1103515245u + 12345u;
		page_layout(&p, (struct rect){ .w = 20,
		    .h = 1 + (int)((seed >> 16) % 8) });
		want_all_reached(&p, ACT_FIRST, ACT_DOWN);
		want_all_reached(&p, ACT_FIRST, ACT_PAGE_DOWN);
		want_all_reached(&p, ACT_LAST, ACT_PAGE_UP);
	}
	page_fini(&p);
}
END_TEST

/* ---- drawing, through a screen --------------------------------------- */

struct pagetest {
	struct page page;
};

static void
pt_layout(struct screen *s)
{
	struct pagetest *st = s->state;
	int i;

	page_clear(&st->page);
	page_add(&st->page, ST_HEADER, "Heading");
	for (i = 0; i < 20; i++) {
		page_item(&st->page, 0, i);
		page_addf(&st->page, ST_NORMAL, "item %02d", i);
		page_addf(&st->page, ST_DIM, "  detail %02d", i);
	}
	page_layout(&st->page, s->area);
}

static void
pt_leave(struct screen *s)
{
	struct pagetest *st = s->state;

	page_fini(&st->page);
}

static void
pt_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct pagetest *st = s->state;

	page_draw(&st->page, cur);
}

static enum tui_result
pt_action(struct screen *s, enum action a)
{
	struct pagetest *st = s->state;

	return page_action(&st->page, a);
}

static const char *const pagetest_sections[] = { "list", NULL };

static const struct screen_ops pagetest_screen = {
	.name = "pagetest",
	.title = "Page test",
	.sections = pagetest_sections,
	.state_size = sizeof(struct pagetest),
	.leave = pt_leave,
	.layout = pt_layout,
	.draw = pt_draw,
	.on_action = pt_action,
};

/* The cursor is where text shows. */
static void
want_cursor_on(struct harness *h, const char *text)
{
	int y, x, cy, cx;

	ck_assert_msg(harness_find(h, text, &y, &x), "%s not shown", text);
	harness_cursor(h, &cy, &cx);
	ck_assert_int_eq(cy, y);
	ck_assert_int_eq(cx, x);
}

/* The first row showing text ends with mark. */
static bool
row_ends_with(struct harness *h, const char *text, const char *mark)
{
	char *s = harness_screen(h), *line, *end;
	bool ok = false;

	line = strstr(s, text);
	if (line != NULL) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		ok = (size_t)(end - line) >= strlen(mark) &&
		    strncmp(end - strlen(mark), mark, strlen(mark)) == 0;
	}
	free(s);
	return ok;
}

START_TEST(test_draw)
{
	struct harness *h = screenfix_start(40, 15, NULL, &pagetest_screen,
	    NULL);

	ck_assert(screenfix_has(h, "Heading"));
	want_cursor_on(h, "item 00");
	ck_assert(!screenfix_has(h, "\u25b2"));
	ck_assert(screenfix_has(h, "\u25bc"));
	screenfix_keys(h, "<Down><Down>");
	want_cursor_on(h, "item 02");
	screenfix_keys(h, "<End>");
	want_cursor_on(h, "item 19");
	ck_assert(screenfix_has(h, "detail 19"));
	ck_assert(!screenfix_has(h, "Heading"));
	ck_assert(screenfix_has(h, "\u25b2"));
	ck_assert(!screenfix_has(h, "\u25bc"));
	screenfix_keys(h, "<Home>");
	want_cursor_on(h, "item 00");
	ck_assert(row_ends_with(h, "Heading", "Heading"));
	screenfix_keys(h, "<PgDn>");
	ck_assert(row_ends_with(h, "detail", "\u25b2"));
	harness_free(&h);
}
END_TEST

static Suite *
page_suite(void)
{
	Suite *s = suite_create("page");
	TCase *tc = tcase_create("page");

	tcase_add_test(tc, test_add);
	tcase_add_test(tc, test_wrapped);
	tcase_add_test(tc, test_up_down);
	tcase_add_test(tc, test_pages_home_end);
	tcase_add_test(tc, test_turn_near_the_end);
	tcase_add_test(tc, test_long_heading);
	tcase_add_test(tc, test_no_items);
	tcase_add_test(tc, test_reselect);
	tcase_add_test(tc, test_invariants);
	tcase_add_test(tc, test_every_line_reached);
	tcase_add_test(tc, test_draw);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(page_suite)
