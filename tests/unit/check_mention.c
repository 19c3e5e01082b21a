/* Tier 1: model/mention - where free text names a client. */
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/model/mention.h"

/* Each case: the client, a text, and the text with every place found
 * shown as <N> (the whole name), <P> (phone) or <W> (one word). */
static const struct {
	const char *name, *pref, *phone, *text, *want;
} cases[] = {
	/* the issue: a client called "Will" */
	{ "Will", NULL, NULL,
	  "Will ring on Monday about the Willow Cafe job; Will Jones",
	  "<W> ring on Monday about the Willow Cafe job; <W> Jones" },
	{ "Will", NULL, NULL, "added Sam Willis", "added Sam Willis" },
	{ "Will Jones", NULL, NULL,
	  "Met Will Jones; will call. WILL's mum rang. Jones-ish.",
	  "Met <N>; <W> call. <W>'s mum rang. <W>-ish." },
	{ "Will Jones", NULL, NULL, "willjones willows", "willjones willows" },
	/* case and accents, precomposed or combining */
	{ "Zoë Brontë", NULL, NULL, "saw ZOE BRONTE and zoe\xcc\x88 bronte",
	  "saw <N> and <N>" },
	{ "Élodie Núñez", NULL, NULL, "elodie  nunez, ÉLODIE-NÚÑEZ",
	  "<N>, <N>" },
	{ "Олена Шевченко", NULL, NULL, "бачила ОЛЕНУ, олена шевченко",
	  "бачила ОЛЕНУ, <N>" },
	/* first + last, preferred + last */
	{ "Anna Maria Lopez", NULL, NULL, "Anna Lopez and Anna Maria Lopez",
	  "<N> and <N>" },
	{ "William Jones", "Bill", NULL, "Bill Jones came; so did Bill",
	  "<N> came; so did <W>" },
	/* short words alone are never looked for */
	{ "Al Li", NULL, NULL, "Al and Li; Al Li", "Al and Li; <N>" },
	/* the phone in any spacing, and +44 for a leading 0 */
	{ "Sam Smith", NULL, "07700 900123",
	  "call 07700900123 or 077 00-900 (123) or +44 7700 900123 "
	  "but not 107700900123 or 077009001234",
	  "call <P> or <P>) or +<P> but not 107700900123 or 077009001234" },
	{ "Sam Smith", NULL, "123", "123 Smith", "123 <W>" },
	/* punctuation and symbols are word edges; letters are not */
	{ "Joseph", NULL, NULL, "«Joseph», Joseph’s, Josephine, 2Joseph",
	  "«<W>», <W>’s, Josephine, 2Joseph" },
};

static char *
render(const char *text, const struct mention_hit *h, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, at = 0;

	for (i = 0; i < n; i++) {
		strbuf_add(&sb, text + at, h[i].start - at);
		strbuf_adds(&sb, h[i].kind == MENTION_NAME ? "<N>" :
		    h[i].kind == MENTION_PHONE ? "<P>" : "<W>");
		at = h[i].end;
	}
	strbuf_adds(&sb, text + at);
	return strbuf_detach(&sb);
}

START_TEST(test_find)
{
	struct mention_rule *r = mention_rule_new(cases[_i].name,
	    cases[_i].pref, cases[_i].phone);
	struct mention_hit *h;
	size_t n = mention_find(r, cases[_i].text, MENTION_FIND_PARTS, &h);
	char *got = render(cases[_i].text, h, n);

	ck_assert_msg(strcmp(got, cases[_i].want) == 0,
	    "case %d: got\n  %s\nwant\n  %s", _i, got, cases[_i].want);
	free(got);
	free(h);
	mention_rule_free(&r);
	ck_assert_ptr_null(r);
}
END_TEST

START_TEST(test_parts_left_out)
{
	struct mention_rule *r = mention_rule_new("Will Jones", NULL,
	    "01234 567890");
	struct mention_hit *h;
	size_t n = mention_find(r, "Will power; Will Jones on 01234567890",
	    0, &h);
	char *got = render("Will power; Will Jones on 01234567890", h, n);

	ck_assert_str_eq(got, "Will power; <N> on <P>");
	free(got);
	free(h);
	mention_rule_free(&r);
}
END_TEST

START_TEST(test_replace_and_context)
{
	static const char text[] = "We met Will Jones at the cafe.\n"
	    "Will power was good today; Will said hello.";
	struct mention_rule *r = mention_rule_new("Will Jones", NULL, NULL);
	struct strbuf sb = STRBUF_INIT;
	struct mention_hit *h;
	size_t n = mention_find(r, text, MENTION_FIND_PARTS, &h);
	int keep[3] = { 1, 0, 1 };

	ck_assert_uint_eq(n, 3);
	mention_replace(text, h, n, keep, "(erased)", &sb);
	ck_assert_str_eq(strbuf_str(&sb), "We met (erased) at the cafe.\n"
	    "Will power was good today; (erased) said hello.");
	strbuf_reset(&sb);
	mention_context(text, &h[1], 12, &sb);
	ck_assert_str_eq(strbuf_str(&sb),
	    "\xe2\x80\xa6" "t the cafe. / [Will] power was g" "\xe2\x80\xa6");
	strbuf_reset(&sb);
	mention_context(text, &h[0], 100, &sb);
	ck_assert_str_eq(strbuf_str(&sb), "We met [Will Jones] at the cafe. / "
	    "Will power was good today; Will said hello.");
	strbuf_fini(&sb);
	free(h);
	mention_rule_free(&r);
}
END_TEST

START_TEST(test_nothing_to_find)
{
	struct mention_rule *r = mention_rule_new("Al", NULL, "999");
	struct mention_hit *h = NULL;

	ck_assert_int_eq(mention_rule_any(r), 0);
	ck_assert_uint_eq(mention_find(r, "Al rang 999", 1, &h), 0);
	ck_assert_ptr_null(h);
	mention_rule_free(&r);
	r = mention_rule_new("Alex", NULL, NULL);
	ck_assert_int_eq(mention_rule_any(r), 1);
	ck_assert_uint_eq(mention_find(r, "", 1, &h), 0);
	ck_assert_uint_eq(mention_find(r, NULL, 1, &h), 0);
	mention_rule_free(&r);
}
END_TEST

static Suite *
mention_suite(void)
{
	Suite *s = suite_create("model_mention");
	TCase *tc = tcase_create("mention");

	tcase_add_loop_test(tc, test_find, 0, sizeof cases / sizeof cases[0]);
	tcase_add_test(tc, test_parts_left_out);
	tcase_add_test(tc, test_replace_and_context);
	tcase_add_test(tc, test_nothing_to_find);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(mention_suite)
