/* Tier 3 (pure): list arithmetic - selection, scrolling, paging, resize. */
#include "support/testlib.h"
#include "peerdesk/tui/list.h"
#include "peerdesk/tui/listnav.h"

/* Start state, one operation, expected state. */
enum op { SET_COUNT, SET_HEIGHT, MOVE, PAGE, FIRST, LAST, SELECT };

static const struct {
	size_t count, sel, top, height;	/* before */
	enum op op;
	long arg;
	size_t want_sel, want_top;
} cases[] = {
	/* moving */
	{ 100, 0, 0, 10, MOVE, 1, 1, 0 },
	{ 100, 0, 0, 10, MOVE, -1, 0, 0 },		/* stops at the top */
	{ 100, 9, 0, 10, MOVE, 1, 10, 1 },		/* scrolls one row */
	{ 100, 10, 1, 10, MOVE, -9, 1, 1 },
	{ 100, 1, 1, 10, MOVE, -1, 0, 0 },
	{ 100, 98, 90, 10, MOVE, 5, 99, 90 },		/* stops at the end */
	{ 0, 0, 0, 10, MOVE, 1, 0, 0 },			/* empty list */
	/* paging */
	{ 100, 0, 0, 10, PAGE, 1, 10, 10 },
	{ 100, 3, 0, 10, PAGE, 1, 13, 10 },
	{ 100, 95, 90, 10, PAGE, 1, 99, 90 },		/* last page */
	{ 25, 12, 10, 10, PAGE, 1, 22, 15 },		/* view clamps */
	{ 100, 13, 10, 10, PAGE, -1, 3, 0 },
	{ 100, 3, 0, 10, PAGE, -1, 0, 0 },
	{ 5, 0, 0, 10, PAGE, 1, 4, 0 },			/* short list */
	{ 0, 0, 0, 10, PAGE, 1, 0, 0 },
	/* home and end */
	{ 100, 50, 45, 10, FIRST, 0, 0, 0 },
	{ 100, 5, 0, 10, LAST, 0, 99, 90 },
	{ 0, 0, 0, 10, LAST, 0, 0, 0 },
	/* select */
	{ 100, 0, 0, 10, SELECT, 50, 50, 41 },
	{ 100, 60, 55, 10, SELECT, 56, 56, 55 },	/* already visible */
	{ 100, 0, 0, 10, SELECT, 500, 99, 90 },
	/* resizing keeps the selection visible and fills the screen */
	{ 100, 20, 15, 10, SET_HEIGHT, 3, 20, 18 },
	{ 100, 20, 18, 3, SET_HEIGHT, 10, 20, 18 },
	{ 100, 95, 93, 5, SET_HEIGHT, 20, 95, 80 },	/* no gap below */
	{ 10, 9, 5, 5, SET_HEIGHT, 20, 9, 0 },
	{ 100, 20, 15, 10, SET_HEIGHT, 0, 20, 20 },	/* height 0 -> 1 */
	/* the list shrinks (a filter) or grows (a reload) */
	{ 100, 50, 45, 10, SET_COUNT, 20, 19, 10 },
	{ 100, 50, 45, 10, SET_COUNT, 0, 0, 0 },
	{ 0, 0, 0, 10, SET_COUNT, 30, 0, 0 },
	{ 100, 50, 45, 10, SET_COUNT, 200, 50, 45 },
};

START_TEST(test_listnav)
{
	struct listnav n = {
		.count = cases[_i].count,
		.sel = cases[_i].sel,
		.top = cases[_i].top,
		.height = cases[_i].height,
	};

	switch (cases[_i].op) {
	case SET_COUNT:
		listnav_set_count(&n, (size_t)cases[_i].arg);
		break;
	case SET_HEIGHT:
		listnav_set_height(&n, (size_t)cases[_i].arg);
		break;
	case MOVE:
		listnav_move(&n, cases[_i].arg);
		break;
	case PAGE:
		listnav_page(&n, (int)cases[_i].arg);
		break;
	case FIRST:
		listnav_first(&n);
		break;
	case LAST:
		listnav_last(&n);
		break;
	case SELECT:
		listnav_select(&n, (size_t)cases[_i].arg);
		break;
	}
	ck_assert_msg(n.sel == cases[_i].want_sel && n.top == cases[_i].want_top,
	    "case %d: sel %zu top %zu, wanted sel %zu top %zu", _i, n.sel,
	    n.top, cases[_i].want_sel, cases[_i].want_top);
}
END_TEST

/* Whatever happens, the rules in listnav.h hold. */
START_TEST(test_invariants)
{
	struct listnav n = { 0 };
	unsigned seed = 12345;
	int step;

	listnav_set_height(&n, 7);
	for (step = 0; step < 5000; step++) {
		seed = seed * 1103515245u + 12345u;
		switch ((seed >> 16) % 7) {
		case 0:
			listnav_set_count(&n, (seed >> 8) % 60);
			break;
		case 1:
			listnav_set_height(&n, 1 + (seed >> 8) % 20);
			break;
		case 2:
			listnav_move(&n, (long)((seed >> 8) % 11) - 5);
			break;
		case 3:
			listnav_page(&n, (seed >> 8) % 2 ? 1 : -1);
			break;
		case 4:
			listnav_first(&n);
			break;
		case 5:
			listnav_last(&n);
			break;
		default:
			listnav_select(&n, (seed >> 8) % 80);
			break;
		}
		ck_assert_uint_ge(n.height, 1);
		if (n.count == 0) {
			ck_assert_uint_eq(n.sel, 0);
			ck_assert_uint_eq(n.top, 0);
			continue;
		}
		ck_assert_uint_lt(n.sel, n.count);
		ck_assert_uint_le(n.top, n.sel);
		ck_assert_uint_lt(n.sel, n.top + n.height);
		if (n.count > n.height)
			ck_assert_uint_le(n.top, n.count - n.height);
		else
			ck_assert_uint_eq(n.top, 0);
	}
}
END_TEST

/* What a typed filter finds among rows in memory (list_text_has): the
 * same folding as the client search - case and accents ignored. */
START_TEST(test_text_has)
{
	ck_assert(list_text_has("Se\xc3\xa1n Murphy", "sean"));
	ck_assert(list_text_has("SIOBH\xc3\x81N", "siobh\xc3\xa1n"));
	ck_assert(list_text_has("\xc5\x81ukasz", "luk"));
	ck_assert(list_text_has("Thursday walk", "DAY W"));
	ck_assert(list_text_has("anything", ""));
	ck_assert(list_text_has(NULL, ""));
	ck_assert(!list_text_has("Sean", "seán m"));
	ck_assert(!list_text_has("Jo", "Joan"));
	ck_assert(!list_text_has(NULL, "a"));
}
END_TEST

static Suite *
listnav_suite(void)
{
	Suite *s = suite_create("listnav");
	TCase *tc = tcase_create("listnav");

	tcase_add_loop_test(tc, test_listnav, 0,
	    (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, test_invariants);
	tcase_add_test(tc, test_text_has);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(listnav_suite)
