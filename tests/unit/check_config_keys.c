/* check_config_keys.c - reading a person's keys.yaml (shape and lines). */
#include "support/testlib.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/config/keys.h"

static enum pd_status
parse(const char *text, struct keys_conf *kc, struct pd_err *err)
{
	return keys_conf_parse(text, strlen(text), "keys.yaml", kc, err);
}

START_TEST(test_good_file)
{
	struct keys_conf kc;
	struct pd_err err;

	ck_assert_int_eq(parse("# mine\nform:\n  save: [C-s, F2]\n"
	    "list:\n  open: Enter\n  down: []\n", &kc, &err), PD_OK);
	ck_assert_uint_eq(kc.n, 3);
	ck_assert_str_eq(kc.file, "keys.yaml");
	ck_assert_str_eq(kc.v[0].section, "form");
	ck_assert_str_eq(kc.v[0].action, "save");
	ck_assert_uint_eq(kc.v[0].nkeys, 2);
	ck_assert_str_eq(kc.v[0].keys[1], "F2");
	ck_assert_int_eq(kc.v[0].line, 3);
	ck_assert_str_eq(kc.v[1].keys[0], "Enter");
	ck_assert_uint_eq(kc.v[1].nkeys, 1);
	ck_assert_int_eq(kc.v[1].line, 5);
	ck_assert_uint_eq(kc.v[2].nkeys, 0);	/* takes the keys away */
	keys_conf_fini(&kc);
	ck_assert_uint_eq(kc.n, 0);
}
END_TEST

START_TEST(test_empty_file)
{
	struct keys_conf kc;

	ck_assert_int_eq(parse("# nothing yet\n", &kc, NULL), PD_OK);
	ck_assert_uint_eq(kc.n, 0);
	keys_conf_fini(&kc);
}
END_TEST

static const struct {
	const char *text;
	int line;
	const char *says;
} bad[] = {
	{ "- save\n", 1, "expected sections" },
	{ "form: save\n", 1, "expected actions" },
	{ "form:\n  save: {a: b}\n", 2, "expected a key such as C-s" },
	{ "form:\n  save: [C-s, [F2]]\n", 2, "each key is a name" },
	{ "form:\n  save: [C-s\n", 3, "" },
	{ "form:\n  save: [a, b, c, d, e, f, g, h, i]\n", 2, "at most 8" },
};

START_TEST(test_bad_shapes)
{
	struct keys_conf kc;
	struct pd_err err;

	ck_assert_int_ne(parse(bad[_i].text, &kc, &err), PD_OK);
	ck_assert_uint_eq(kc.n, 0);
	ck_assert_ptr_null(kc.file);
	ck_assert_str_eq(err.file, "keys.yaml");
	ck_assert_int_eq(err.line, bad[_i].line);
	ck_assert_msg(strstr(err.msg, bad[_i].says) != NULL, "%s", err.msg);
}
END_TEST

START_TEST(test_missing_file)
{
	struct keys_conf kc;
	struct pd_err err;
	char *none = test_path("no-such-keys.yaml");
	char *mine = test_write_file("keys.yaml", "list:\n  open: [Enter, o]\n");

	ck_assert_int_eq(keys_conf_load(none, &kc, &err), PD_NOT_FOUND);
	ck_assert_uint_eq(kc.n, 0);
	ck_assert_int_eq(keys_conf_load(mine, &kc, &err), PD_OK);
	ck_assert_uint_eq(kc.n, 1);
	ck_assert_str_eq(kc.file, mine);
	keys_conf_fini(&kc);
	free(none);
	free(mine);
}
END_TEST

static Suite *
config_keys_suite(void)
{
	Suite *s = suite_create("config_keys");
	TCase *tc = tcase_create("keys");

	tcase_add_test(tc, test_good_file);
	tcase_add_test(tc, test_empty_file);
	tcase_add_loop_test(tc, test_bad_shapes, 0,
	    (int)(sizeof bad / sizeof bad[0]));
	tcase_add_test(tc, test_missing_file);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(config_keys_suite)
