/* Tier 1: model/fieldmerge - the three-way merge of a record, field by
 * field: what only one side changed is taken without a question, what
 * both changed differently is a conflict, nothing is put back. */
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/fieldmerge.h"

static const struct {
	const char *base, *mine, *theirs;
	enum fieldmerge want;
	const char *keep;	/* fieldmerge_keep */
} field_cases[] = {
	{ NULL, NULL, NULL, FIELDMERGE_SAME, "" },
	{ "", NULL, "", FIELDMERGE_SAME, "" },
	{ "07700", "07700", "07700", FIELDMERGE_SAME, "07700" },
	/* only I changed it */
	{ "07700", "07711", "07700", FIELDMERGE_MINE, "07711" },
	{ "07700", "", "07700", FIELDMERGE_MINE, "" },
	{ NULL, "Jo", NULL, FIELDMERGE_MINE, "Jo" },
	/* only they changed it: theirs, never put back */
	{ "07700", "07700", "07799", FIELDMERGE_THEIRS, "07799" },
	{ "07700", "07700", NULL, FIELDMERGE_THEIRS, "" },
	{ "", "", "Kent County Council", FIELDMERGE_THEIRS,
	  "Kent County Council" },
	/* both, the same way */
	{ "6h", "4h", "4h", FIELDMERGE_AGREE, "4h" },
	{ "a", NULL, "", FIELDMERGE_AGREE, "" },
	/* both, differently: a person chooses (mine is kept until then) */
	{ "6h", "4h", "5h", FIELDMERGE_CONFLICT, "4h" },
	{ "x", "", "y", FIELDMERGE_CONFLICT, "" },
	{ NULL, "mine", "theirs", FIELDMERGE_CONFLICT, "mine" },
	/* a space is a change */
	{ "walks", "walks ", "walks", FIELDMERGE_MINE, "walks " },
};

START_TEST(test_field)
{
	enum fieldmerge how = fieldmerge_field(field_cases[_i].base,
	    field_cases[_i].mine, field_cases[_i].theirs);

	ck_assert_int_eq(how, field_cases[_i].want);
	ck_assert_str_eq(fieldmerge_keep(how, field_cases[_i].mine,
	    field_cases[_i].theirs), field_cases[_i].keep);
}
END_TEST

/* Two people at the same client: I changed the preferred name and the
 * hours, they changed the phone and the hours and cleared the notes. */
START_TEST(test_record)
{
	static const char *const labels[] = {
		"Name", "Preferred name", "Phone", "Hours", "Funder", "Notes"
	};
	const char *base[] = { "Kofi", NULL, "07700", "6h", "KCC", "n" };
	const char *mine[] = { "Kofi", "Kof", "07700", "4h", "KCC", "n" };
	const char *theirs[] = { "Kofi", NULL, "07799", "5h", "KCC", NULL };
	enum fieldmerge how[6];
	struct fieldmerge_count c;
	struct strbuf sb = STRBUF_INIT;

	ck_assert_uint_eq(fieldmerge_record(6, base, mine, theirs, how, &c), 1);
	ck_assert_int_eq(how[0], FIELDMERGE_SAME);
	ck_assert_int_eq(how[1], FIELDMERGE_MINE);
	ck_assert_int_eq(how[2], FIELDMERGE_THEIRS);
	ck_assert_int_eq(how[3], FIELDMERGE_CONFLICT);
	ck_assert_int_eq(how[4], FIELDMERGE_SAME);
	ck_assert_int_eq(how[5], FIELDMERGE_THEIRS);
	ck_assert_uint_eq(c.mine, 1);
	ck_assert_uint_eq(c.theirs, 2);
	ck_assert_uint_eq(c.agree, 0);
	ck_assert_uint_eq(c.conflict, 1);
	ck_assert_uint_eq(fieldmerge_labels(6, labels, how,
	    FIELDMERGE_THEIRS, &sb), 2);
	ck_assert_str_eq(strbuf_str(&sb), "Phone, Notes");
	strbuf_reset(&sb);
	ck_assert_uint_eq(fieldmerge_labels(6, labels, how,
	    FIELDMERGE_AGREE, &sb), 0);
	ck_assert_str_eq(strbuf_str(&sb), "");
	ck_assert_uint_eq(fieldmerge_labels(6, labels, how,
	    FIELDMERGE_CONFLICT, &sb), 1);
	ck_assert_str_eq(strbuf_str(&sb), "Hours");
	strbuf_fini(&sb);
	/* nothing on either side: no conflict, counts may be left out */
	ck_assert_uint_eq(fieldmerge_record(6, base, base, base, how, NULL), 0);
	ck_assert_int_eq(how[3], FIELDMERGE_SAME);
}
END_TEST

START_TEST(test_choice)
{
	int t = -1;

	ck_assert(fieldmerge_choice("tm", 0, &t));
	ck_assert_int_eq(t, 1);
	ck_assert(fieldmerge_choice("tm", 1, &t));
	ck_assert_int_eq(t, 0);
	ck_assert(!fieldmerge_choice("tm", 2, &t));
	ck_assert(!fieldmerge_choice("tx", 1, &t));
	ck_assert(!fieldmerge_choice(NULL, 0, &t));
}
END_TEST

static Suite *
fieldmerge_suite(void)
{
	Suite *s = suite_create("fieldmerge");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_field, 0,
	    sizeof field_cases / sizeof field_cases[0]);
	tcase_add_test(tc, test_record);
	tcase_add_test(tc, test_choice);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(fieldmerge_suite)
