/* Tier 1: core/textfold - names folded for matching: case, accents,
 * letters that do not decompose, spaces, bytes that are not UTF-8. */
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/core/textfold.h"

static const struct {
	const char *in, *out;
} fold_cases[] = {
	{ "", "" },
	{ "Kofi Mensah", "kofi mensah" },
	{ "Siobh\xc3\xa1n", "siobhan" },		/* Siobhán */
	{ "ZO\xc3\x8b", "zoe" },			/* ZOË */
	{ "Se\xc3\xa1n", "sean" },			/* Seán */
	{ "\xc5\x81ukasz", "lukasz" },			/* Łukasz */
	{ "Bj\xc3\xb8rn", "bjorn" },			/* Bjørn */
	{ "BJ\xc3\x98RN", "bjorn" },			/* BJØRN */
	{ "Stra\xc3\x9f" "e", "strasse" },		/* Straße */
	{ "\xc3\x86sa", "aesa" },			/* Æsa */
	{ "\xc5\x92uvre", "oeuvre" },			/* Œuvre */
	{ "\xc3\x9e\xc3\xb3ra", "thora" },		/* Þóra */
	{ "\xc4\x90or\xc4\x91\x65", "dorde" },		/* Đorđe */
	{ "Franc\xcc\xa7ois", "francois" },		/* c + combining cedilla */
	{ "Zoe\xcc\x88", "zoe" },			/* e + combining diaeresis */
	{ "\xc8\x98tefan", "stefan" },			/* Ștefan */
	{ "\xd0\x90\xd0\xbd\xd0\xbd\xd0\xb0",		/* Анна */
	  "\xd0\xb0\xd0\xbd\xd0\xbd\xd0\xb0" },		/* анна */
	{ "  Mary \t Ann\n  Smith  ", "mary ann smith" },
	{ "O'Neill-Jones", "o'neill-jones" },
	{ "07700 900123", "07700 900123" },
	{ "Li \xe6\x98\x8e", "li \xe6\x98\x8e" },	/* 明 kept */
	{ "bad \xff byte", "bad \xff byte" },
	{ "a\xc2\xa0" "b", "a b" },			/* no-break space */
};

START_TEST(test_fold)
{
	char *got = textfold(fold_cases[_i].in);

	ck_assert_str_eq(got, fold_cases[_i].out);
	free(got);
}
END_TEST

START_TEST(test_fold_null)
{
	char *got = textfold(NULL);

	ck_assert_str_eq(got, "");
	free(got);
}
END_TEST

/* Folding twice changes nothing more. */
START_TEST(test_fold_idempotent)
{
	char *once = textfold(fold_cases[_i].in);
	char *twice = textfold(once);

	ck_assert_str_eq(once, twice);
	free(once);
	free(twice);
}
END_TEST

static Suite *
textfold_suite(void)
{
	Suite *s = suite_create("textfold");
	TCase *tc = tcase_create("fold");
	int n = (int)(sizeof fold_cases / sizeof fold_cases[0]);

	tcase_add_loop_test(tc, test_fold, 0, n);
	tcase_add_loop_test(tc, test_fold_idempotent, 0, n);
	tcase_add_test(tc, test_fold_null);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(textfold_suite)
