/* Tier 1: the line editor - UTF-8 aware editing without curses. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "support/testlib.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/lineedit.h"

static void
setup(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
}

static char *
text_of(const struct lineedit *le)
{
	struct strbuf sb = STRBUF_INIT;

	le_text(le, &sb);
	return strbuf_detach(&sb);
}

#define ck_text(le, want) do { \
	char *t_ = text_of(le); \
	ck_assert_str_eq(t_, want); \
	free(t_); \
} while (0)

/* Apply a script of one-letter operations to an editor:
 *   <  left   >  right   A  home   E  end   B  backspace   D  delete
 *   U  kill to start     K  kill to end     W  kill word
 *   ^  up     v  down    N  newline
 *   "..." inserts the text between quotes. */
static void
run_ops(struct lineedit *le, const char *ops, int width)
{
	const char *p = ops, *q;
	char *tmp;

	for (; *p != '\0'; p++) {
		switch (*p) {
		case '<': le_left(le); break;
		case '>': le_right(le); break;
		case 'A': le_home(le); break;
		case 'E': le_end(le); break;
		case 'B': le_delete_back(le); break;
		case 'D': le_delete(le); break;
		case 'U': le_kill_start(le); break;
		case 'K': le_kill_end(le); break;
		case 'W': le_kill_word(le); break;
		case '^': le_up(le, width); break;
		case 'v': le_down(le, width); break;
		case 'N': le_insert(le, L'\n'); break;
		case '"':
			q = strchr(p + 1, '"');
			tmp = strndup(p + 1, (size_t)(q - p - 1));
			le_insert_utf8(le, tmp);
			free(tmp);
			p = q;
			break;
		default:
			ck_abort_msg("bad op %c", *p);
		}
	}
}

static const struct {
	const char *start;	/* initial text; cursor at the end */
	const char *ops;
	const char *text;	/* text afterwards */
	size_t cur;		/* cursor afterwards (characters) */
} edit_cases[] = {
	{ "", "\"abc\"", "abc", 3 },
	{ "abc", "<<\"X\"", "aXbc", 2 },
	{ "abc", "A\"X\"", "Xabc", 1 },
	{ "abc", "AE\"X\"", "abcX", 4 },
	{ "abc", "B", "ab", 2 },
	{ "abc", "AD", "bc", 0 },
	{ "abc", "AB", "abc", 0 },			/* nothing before */
	{ "abc", "D", "abc", 3 },			/* nothing after */
	{ "hello world", "<<<<<U", "world", 0 },
	{ "hello world", "<<<<<K", "hello ", 6 },
	{ "hello big world", "W", "hello big ", 10 },
	{ "hello big world  ", "W", "hello big ", 10 },
	{ "hello", "AW", "hello", 0 },
	/* accents: precomposed é is one character */
	{ "caf\xc3\xa9", "B", "caf", 3 },
	{ "caf\xc3\xa9", "<\"X\"", "cafX\xc3\xa9", 4 },
	/* e + U+0301: one step left, one backspace removes both */
	{ "cafe\xcc\x81", "<\"X\"", "cafXe\xcc\x81", 4 },
	{ "cafe\xcc\x81", "B", "caf", 3 },
	{ "cafe\xcc\x81!", "<<D", "caf!", 3 },
	/* CJK */
	{ "\xe6\x97\xa5\xe6\x9c\xac", "<B", "\xe6\x9c\xac", 0 },
	{ "\xe6\x97\xa5\xe6\x9c\xac", "A>\"-\"",
	  "\xe6\x97\xa5-\xe6\x9c\xac", 2 },
	/* control characters are refused */
	{ "ab", "\"\x07\"", "ab", 2 },
	/* single-line refuses a newline */
	{ "ab", "N", "ab", 2 },
};

START_TEST(test_edit)
{
	struct lineedit le;

	le_init(&le, false, 0);
	le_set(&le, edit_cases[_i].start);
	run_ops(&le, edit_cases[_i].ops, 20);
	ck_text(&le, edit_cases[_i].text);
	ck_assert_msg(le.cur == edit_cases[_i].cur, "case %d: cur %zu", _i,
	    le.cur);
	le_fini(&le);
}
END_TEST

START_TEST(test_width_and_cursor)
{
	struct lineedit le;
	int row, col;

	le_init(&le, false, 0);
	le_set(&le, "Zo\xc3\xab \xe6\x97\xa5\xe6\x9c\xac");	/* Zoë 日本 */
	ck_assert_int_eq(le_width_range(&le, 0, le.len), 8);
	le_cursor(&le, 20, &row, &col);
	ck_assert_int_eq(row, 0);
	ck_assert_int_eq(col, 8);
	le_left(&le);
	le_cursor(&le, 20, &row, &col);
	ck_assert_int_eq(col, 6);
	le_set(&le, "e\xcc\x81x");	/* combining mark takes no column */
	ck_assert_int_eq(le_width_range(&le, 0, le.len), 2);
	le_fini(&le);
}
END_TEST

START_TEST(test_max_len)
{
	struct lineedit le;

	le_init(&le, false, 3);
	ck_assert(le_insert_utf8(&le, "ab"));
	ck_assert(le_insert(&le, L'c'));
	ck_assert(!le_insert(&le, L'd'));
	ck_text(&le, "abc");
	le_set(&le, "abcdef");		/* cut to the limit */
	ck_text(&le, "abc");
	le_fini(&le);
}
END_TEST

START_TEST(test_invalid_input_kept)
{
	struct lineedit le;
	wchar_t out[32];
	size_t n;

	le_init(&le, false, 0);
	le_set(&le, "a\xff" "b\xc3" "c\x1b" "d");
	/* given back byte for byte (a record saved untouched stays so) */
	ck_text(&le, "a\xff" "b\xc3" "c\x1b" "d");
	ck_assert_uint_eq(le.len, 7);
	/* shown escaped, as wide as the escapes */
	n = le_render(&le, 0, le.len, 0, 40, out, 32);
	out[n] = L'\0';
	ck_assert_msg(wcscmp(out, L"a\\xffb\\xc3c\\x1bd") == 0, "%ls", out);
	/* typing after them works, and they delete as one character each */
	ck_assert(le_insert(&le, L'e'));
	ck_assert(le_left(&le));
	ck_assert(le_left(&le));
	ck_assert(le_delete_back(&le));
	ck_text(&le, "a\xff" "b\xc3" "cde");
	le_set(&le, NULL);
	ck_text(&le, "");
	ck_assert_uint_eq(le.cur, 0);
	le_fini(&le);
}
END_TEST

START_TEST(test_horizontal_scroll)
{
	struct lineedit le;
	wchar_t out[64];
	size_t n;

	le_init(&le, false, 0);
	le_set(&le, "abcdefghij");
	le_fit(&le, 5, 1);
	/* cursor at column 10: shows columns 6..10 */
	ck_assert_int_eq(le.hscroll, 6);
	n = le_render(&le, 0, le.len, le.hscroll, 5, out, 64);
	ck_assert_uint_eq(n, 4);
	ck_assert(wmemcmp(out, L"ghij", 4) == 0);
	le_home(&le);
	le_fit(&le, 5, 1);
	ck_assert_int_eq(le.hscroll, 0);
	n = le_render(&le, 0, le.len, le.hscroll, 5, out, 64);
	ck_assert_uint_eq(n, 5);
	ck_assert(wmemcmp(out, L"abcde", 5) == 0);
	/* A wide character cut by the left edge becomes a space. */
	le_set(&le, "\xe6\x97\xa5\xe6\x9c\xac");
	n = le_render(&le, 0, le.len, 1, 5, out, 64);
	ck_assert_uint_eq(n, 2);
	ck_assert(out[0] == L' ' && out[1] == 0x672c);
	le_fini(&le);
}
END_TEST

START_TEST(test_render_escapes)
{
	struct lineedit le;
	wchar_t out[64];
	size_t n;

	le_init(&le, false, 0);
	le_set(&le, "a\x07" "b");	/* loaded text may hold controls */
	ck_assert_int_eq(le_width_range(&le, 0, le.len), 6);
	n = le_render(&le, 0, le.len, 0, 20, out, 64);
	ck_assert_uint_eq(n, 6);
	ck_assert(wmemcmp(out, L"a\\x07b", 6) == 0);
	le_fini(&le);
}
END_TEST

/* Multi-line: wrap rows as "start-end" for a width. */
static char *
rows_of(const struct lineedit *le, int width)
{
	struct le_line v[32];
	size_t n = le_lines(le, width, v, 32), i;
	struct strbuf sb = STRBUF_INIT;

	for (i = 0; i < n && i < 32; i++)
		strbuf_addf(&sb, "%s%zu-%zu%s", i ? " " : "", v[i].start,
		    v[i].end, v[i].soft ? "~" : "");
	return strbuf_detach(&sb);
}

static const struct {
	const char *text;
	int width;
	const char *rows;
} wrap_cases[] = {
	{ "", 10, "0-0" },
	{ "short", 10, "0-5" },
	{ "one\ntwo", 10, "0-3 4-7" },
	{ "one\n", 10, "0-3 4-4" },
	/* width 10 leaves 9 columns for text; the space may hang */
	{ "hello there world", 10, "0-6~ 6-12~ 12-17" },
	{ "abcdefghijkl", 10, "0-9~ 9-12" },
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x97\xa5", 6,
	  "0-2~ 2-4" },
};

START_TEST(test_wrap)
{
	struct lineedit le;
	char *got;

	le_init(&le, true, 0);
	le_set(&le, wrap_cases[_i].text);
	got = rows_of(&le, wrap_cases[_i].width);
	ck_assert_msg(strcmp(got, wrap_cases[_i].rows) == 0,
	    "case %d: got %s", _i, got);
	free(got);
	le_fini(&le);
}
END_TEST

START_TEST(test_multiline_moves)
{
	struct lineedit le;
	int row, col;

	le_init(&le, true, 0);
	le_set(&le, "first line\nsecond\nthird line here");
	le_cursor(&le, 40, &row, &col);
	ck_assert_int_eq(row, 2);
	ck_assert_int_eq(col, 15);
	ck_assert(le_up(&le, 40));		/* to "second", end: col 6 */
	le_cursor(&le, 40, &row, &col);
	ck_assert_int_eq(row, 1);
	ck_assert_int_eq(col, 6);
	ck_assert(le_up(&le, 40));		/* goal column 15 kept */
	le_cursor(&le, 40, &row, &col);
	ck_assert_int_eq(row, 0);
	ck_assert_int_eq(col, 10);
	ck_assert(!le_up(&le, 40));		/* no row above */
	ck_assert(le_down(&le, 40));
	ck_assert(le_down(&le, 40));
	le_cursor(&le, 40, &row, &col);
	ck_assert_int_eq(row, 2);
	ck_assert_int_eq(col, 15);		/* back at the goal */
	ck_assert(!le_down(&le, 40));
	/* Home/End and kills work on the logical line */
	le_home(&le);
	le_cursor(&le, 40, &row, &col);
	ck_assert_int_eq(col, 0);
	ck_assert(le_kill_end(&le));
	ck_text(&le, "first line\nsecond\n");
	ck_assert(le_delete_back(&le));		/* joins the lines */
	ck_text(&le, "first line\nsecond");
	le_fini(&le);
}
END_TEST

START_TEST(test_multiline_soft_rows)
{
	struct lineedit le;
	int row, col;

	le_init(&le, true, 0);
	le_set(&le, "hello there world");	/* rows 0-6~ 6-12~ 12-17 */
	le_cursor(&le, 10, &row, &col);
	ck_assert_int_eq(row, 2);
	ck_assert_int_eq(col, 5);
	ck_assert(le_up(&le, 10));
	le_cursor(&le, 10, &row, &col);
	ck_assert_int_eq(row, 1);
	ck_assert_int_eq(col, 5);
	ck_assert_uint_eq(le.cur, 11);
	ck_assert(le_up(&le, 10));
	le_cursor(&le, 10, &row, &col);
	ck_assert_int_eq(row, 0);
	ck_assert_int_eq(col, 5);
	/* The end of a wrapped row shows at the start of the next one. */
	le.cur = 6;
	le_cursor(&le, 10, &row, &col);
	ck_assert_int_eq(row, 1);
	ck_assert_int_eq(col, 0);
	/* vertical scrolling keeps the cursor in a 1-row field */
	le_end(&le);
	le_fit(&le, 10, 1);
	ck_assert_int_eq(le.vscroll, 2);
	le.cur = 0;
	le_fit(&le, 10, 1);
	ck_assert_int_eq(le.vscroll, 0);
	ck_assert(le_insert(&le, L'\n'));
	ck_text(&le, "\nhello there world");
	le_fini(&le);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *
lineedit_suite(void)
{
	Suite *s = suite_create("lineedit");
	TCase *tc = tcase_create("lineedit");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_loop_test(tc, test_edit, 0, N(edit_cases));
	tcase_add_test(tc, test_width_and_cursor);
	tcase_add_test(tc, test_max_len);
	tcase_add_test(tc, test_invalid_input_kept);
	tcase_add_test(tc, test_horizontal_scroll);
	tcase_add_test(tc, test_render_escapes);
	tcase_add_loop_test(tc, test_wrap, 0, N(wrap_cases));
	tcase_add_test(tc, test_multiline_moves);
	tcase_add_test(tc, test_multiline_soft_rows);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(lineedit_suite)
