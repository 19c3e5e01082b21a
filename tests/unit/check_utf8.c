/* Tier 1: core/utf8 - validation, decoding, width, truncation, escaping,
 * wrapping. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"

static void
setup(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
}

/* ---- validation ------------------------------------------------------- */

static const struct {
	const char *s;
	bool valid;
} valid_cases[] = {
	{ "", true },
	{ "plain ascii", true },
	{ "Zo\xc3\xab", true },			/* Zoë */
	{ "\xe6\x97\xa5\xe6\x9c\xac", true },	/* 日本 */
	{ "\xf0\x9f\x98\x80", true },		/* 😀 */
	{ "\xc3", false },			/* truncated */
	{ "\xc0\xaf", false },			/* overlong '/' */
	{ "\xe0\x80\xaf", false },		/* overlong, 3 bytes */
	{ "\xed\xa0\x80", false },		/* surrogate U+D800 */
	{ "\xf4\x90\x80\x80", false },		/* above U+10FFFF */
	{ "\xff", false },
	{ "ok\x80", false },			/* stray continuation */
	{ "\xe2\x82", false },			/* cut short */
};

START_TEST(test_valid)
{
	const char *s = valid_cases[_i].s;

	ck_assert_msg(utf8_valid(s, strlen(s)) == valid_cases[_i].valid,
	    "case %d", _i);
}
END_TEST

START_TEST(test_decode_encode)
{
	int32_t cp;
	char out[4];

	ck_assert_uint_eq(utf8_decode("\xc3\xab", 2, &cp), 2);
	ck_assert_int_eq(cp, 0xeb);
	ck_assert_uint_eq(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	ck_assert_int_eq(cp, 0x1f600);
	/* A bad byte uses one byte, so decoding always moves on. */
	ck_assert_uint_eq(utf8_decode("\xffz", 2, &cp), 1);
	ck_assert_int_eq(cp, UTF8_INVALID);
	/* Truncated by n even though more bytes follow in memory. */
	ck_assert_uint_eq(utf8_decode("\xe6\x97\xa5", 2, &cp), 1);
	ck_assert_int_eq(cp, UTF8_INVALID);
	ck_assert_uint_eq(utf8_encode(0x65e5, out), 3);
	ck_assert_mem_eq(out, "\xe6\x97\xa5", 3);
	ck_assert_uint_eq(utf8_encode('A', out), 1);
	ck_assert_uint_eq(utf8_encode(0xd800, out), 0);
	ck_assert_uint_eq(utf8_encode(0x110000, out), 0);
	ck_assert_uint_eq(utf8_encode(-1, out), 0);
}
END_TEST

/* ---- width ------------------------------------------------------------ */

static const struct {
	const char *s;
	size_t width;
} width_cases[] = {
	{ "", 0 },
	{ "abc", 3 },
	{ "Zo\xc3\xab", 3 },			/* precomposed ë */
	{ "Zoe\xcc\x88", 3 },			/* e + combining diaeresis */
	{ "\xe6\x97\xa5\xe6\x9c\xac", 4 },	/* CJK: 2 each */
	{ "a\x07" "b", 6 },			/* \x07 shown as 4 columns */
	{ "\xff", 4 },				/* invalid byte: \xff */
	{ "\xc2\x85", 4 },			/* C1 control NEL: \x85 */
	{ "\xe2\x80\xa8", 6 },			/* U+2028: \u2028 */
	{ "tab\there", 11 },
	{ "\xf0\x9f\x98\x80", 2 },		/* emoji */
};

START_TEST(test_width)
{
	ck_assert_msg(utf8_width(width_cases[_i].s) == width_cases[_i].width,
	    "case %d: got %zu", _i, utf8_width(width_cases[_i].s));
}
END_TEST

START_TEST(test_width_null)
{
	ck_assert_uint_eq(utf8_width(NULL), 0);
	ck_assert_int_eq(utf8_cp_width(0x301), 0);
	ck_assert_int_eq(utf8_cp_width(0x65e5), 2);
	ck_assert_int_eq(utf8_cp_width(0x1b), 4);
	ck_assert(utf8_cp_needs_escape(0x7f));
	ck_assert(utf8_cp_needs_escape(UTF8_INVALID));
	ck_assert(!utf8_cp_needs_escape(0xe9));
}
END_TEST

/* ---- escaping ----------------------------------------------------------- */

static const struct {
	const char *in;
	bool keep_nl;
	const char *out;
} escape_cases[] = {
	{ "plain", false, "plain" },
	{ "bell\x07!", false, "bell\\x07!" },
	{ "esc\x1b[2J", false, "esc\\x1b[2J" },	/* never a raw escape */
	{ "bad\xff\xfe", false, "bad\\xff\\xfe" },
	{ "two\nlines", false, "two\\x0alines" },
	{ "two\nlines", true, "two\nlines" },
	{ "del\x7f", false, "del\\x7f" },
	{ "Zo\xc3\xab \xe6\x97\xa5", false, "Zo\xc3\xab \xe6\x97\xa5" },
	{ "c1\xc2\x9b", false, "c1\\x9b" },		/* CSI as C1 */
	{ "ls\xe2\x80\xa8", false, "ls\\u2028" },
	{ "", false, "" },
};

START_TEST(test_escape)
{
	struct strbuf sb = STRBUF_INIT;

	utf8_escape(escape_cases[_i].in, escape_cases[_i].keep_nl, &sb);
	ck_assert_str_eq(strbuf_str(&sb), escape_cases[_i].out);
	strbuf_fini(&sb);
}
END_TEST

START_TEST(test_escape_null)
{
	struct strbuf sb = STRBUF_INIT;

	utf8_escape(NULL, false, &sb);
	ck_assert_str_eq(strbuf_str(&sb), "");
	strbuf_fini(&sb);
}
END_TEST

/* ---- truncation ------------------------------------------------------- */

static const struct {
	const char *in;
	size_t width;
	const char *out;
} trunc_cases[] = {
	{ "hello", 10, "hello" },
	{ "hello", 5, "hello" },
	{ "hello", 4, "hel\xe2\x80\xa6" },
	{ "hello", 1, "\xe2\x80\xa6" },
	{ "hello", 0, "" },
	{ "", 3, "" },
	/* A CJK character never splits: 日本語 in 5 = 日本… */
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5,
	  "\xe6\x97\xa5\xe6\x9c\xac\xe2\x80\xa6" },
	/* 日本語 in 4: 日 + … (3 columns; 本 would overflow with …) */
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4,
	  "\xe6\x97\xa5\xe2\x80\xa6" },
	{ "\xe6\x97\xa5\xe6\x9c\xac", 4, "\xe6\x97\xa5\xe6\x9c\xac" },
	/* A combining mark stays with its letter. */
	{ "Zoe\xcc\x88 Smith", 4, "Zoe\xcc\x88\xe2\x80\xa6" },
	{ "Zoe\xcc\x88", 3, "Zoe\xcc\x88" },
	/* Escapes count their own width and are not split. */
	{ "a\x07" "bc", 6, "a\\x07\xe2\x80\xa6" },
	{ "a\x07" "bc", 4, "a\xe2\x80\xa6" },
	{ "a\x07", 5, "a\\x07" },
};

START_TEST(test_truncate)
{
	struct strbuf sb = STRBUF_INIT;

	utf8_truncate(trunc_cases[_i].in, trunc_cases[_i].width, &sb);
	ck_assert_msg(strcmp(strbuf_str(&sb), trunc_cases[_i].out) == 0,
	    "case %d: got \"%s\"", _i, strbuf_str(&sb));
	ck_assert_uint_le(utf8_width(strbuf_str(&sb)), trunc_cases[_i].width);
	strbuf_fini(&sb);
}
END_TEST

START_TEST(test_truncate_appends)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "> ");
	utf8_truncate("abcdef", 3, &sb);
	ck_assert_str_eq(sb.buf, "> ab\xe2\x80\xa6");
	strbuf_fini(&sb);
}
END_TEST

/* ---- wrapping --------------------------------------------------------- */

/* Wrap s at width and join the lines with '|'. */
static char *
wrap_all(const char *s, size_t width)
{
	struct strbuf sb = STRBUF_INIT;
	size_t off = 0, len, next;
	int guard = 0;

	while (s[off] != '\0' && guard++ < 100) {
		len = utf8_wrap(s + off, width, &next);
		if (sb.len > 0)
			strbuf_addc(&sb, '|');
		strbuf_add(&sb, s + off, len);
		if (next == 0)
			break;
		off += next;
	}
	return strbuf_detach(&sb);
}

static const struct {
	const char *in;
	size_t width;
	const char *out;
} wrap_cases[] = {
	{ "hello world", 20, "hello world" },
	{ "hello world", 5, "hello|world" },
	{ "hello world", 8, "hello|world" },
	{ "one two three four", 9, "one two|three|four" },
	{ "abcdefghij", 4, "abcd|efgh|ij" },		/* long word */
	{ "line one\nline two", 40, "line one|line two" },
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4,
	  "\xe6\x97\xa5\xe6\x9c\xac|\xe8\xaa\x9e" },
	{ "\xe6\x97\xa5x", 1, "\xe6\x97\xa5|x" },	/* always progress */
	{ "a b", 0, "a|b" },
};

START_TEST(test_wrap)
{
	char *got = wrap_all(wrap_cases[_i].in, wrap_cases[_i].width);

	ck_assert_msg(strcmp(got, wrap_cases[_i].out) == 0,
	    "case %d: got \"%s\"", _i, got);
	free(got);
}
END_TEST

START_TEST(test_wrap_empty)
{
	size_t next = 99;

	ck_assert_uint_eq(utf8_wrap("", 10, &next), 0);
	ck_assert_uint_eq(next, 0);
	ck_assert_uint_eq(utf8_wrap(NULL, 10, &next), 0);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Lower-cased wide text for matching: cut to the room given, bad
 * bytes as '?'. */
START_TEST(test_lower_wide)
{
	wchar_t w[8];

	ck_assert_uint_eq(utf8_lower_wide("S\xc3\x89" "AN \xff", w, 8), 6);
	ck_assert(wcscmp(w, L"s\u00e9an ?") == 0);
	ck_assert_uint_eq(utf8_lower_wide("ABCDEFGHIJ", w, 4), 3);
	ck_assert(wcscmp(w, L"abc") == 0);
	ck_assert_uint_eq(utf8_lower_wide("", w, 8), 0);
	ck_assert(w[0] == L'\0');
}
END_TEST

static Suite *
utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("utf8");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_loop_test(tc, test_valid, 0, N(valid_cases));
	tcase_add_test(tc, test_decode_encode);
	tcase_add_loop_test(tc, test_width, 0, N(width_cases));
	tcase_add_test(tc, test_width_null);
	tcase_add_loop_test(tc, test_escape, 0, N(escape_cases));
	tcase_add_test(tc, test_escape_null);
	tcase_add_loop_test(tc, test_truncate, 0, N(trunc_cases));
	tcase_add_test(tc, test_truncate_appends);
	tcase_add_loop_test(tc, test_wrap, 0, N(wrap_cases));
	tcase_add_test(tc, test_wrap_empty);
	tcase_add_test(tc, test_lower_wide);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(utf8_suite)
