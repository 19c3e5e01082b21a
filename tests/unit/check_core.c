/* Tier 1: core/ - status and errors, strings, allocation. */
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/core/sha256.h"
#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/core/embedded.h"

START_TEST(test_err_format)
{
	struct pd_err e;
	char buf[600];

	pd_fail_at(&e, PD_PARSE, "rules.yaml", 12, 5, "limit",
	    "expected %s", "a number");
	pd_err_format(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "rules.yaml:12:5: limit: expected a number");
	pd_fail(&e, PD_INVALID, NULL, "a name is needed");
	pd_err_format(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "a name is needed");
	ck_assert_int_eq(e.code, PD_INVALID);
	pd_fail_at(&e, PD_PARSE, "x.csv", 3, 0, "", "bad");
	pd_err_format(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "x.csv:3: bad");
	/* NULL error pointers are allowed everywhere */
	ck_assert_int_eq(pd_fail(NULL, PD_DB, NULL, "x"), PD_DB);
	pd_err_clear(NULL);
	ck_assert_str_eq(pd_status_str(PD_NOT_FOUND), "not found");
	ck_assert_str_eq(pd_status_str((enum pd_status)999), "unknown error");
}
END_TEST

START_TEST(test_err_truncates)
{
	struct pd_err e;
	char small[10];
	char big[2000];

	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	pd_fail(&e, PD_INVALID, big, "%s", big);
	ck_assert_uint_eq(strlen(e.field), sizeof e.field - 1);
	ck_assert_uint_eq(strlen(e.msg), sizeof e.msg - 1);
	pd_err_format(&e, small, sizeof small);
	ck_assert_uint_eq(strlen(small), sizeof small - 1);
}
END_TEST

START_TEST(test_strbuf)
{
	struct strbuf sb = STRBUF_INIT;
	char *s;
	int i;

	ck_assert_str_eq(strbuf_str(&sb), "");
	strbuf_adds(&sb, "week ");
	strbuf_addf(&sb, "%d-W%02d", 2026, 9);
	strbuf_addc(&sb, '!');
	ck_assert_str_eq(strbuf_str(&sb), "week 2026-W09!");
	ck_assert_uint_eq(sb.len, 14);
	strbuf_truncate(&sb, 4);
	ck_assert_str_eq(sb.buf, "week");
	for (i = 0; i < 1000; i++)
		strbuf_addf(&sb, "%03d", i % 1000);
	ck_assert_uint_eq(sb.len, 4 + 3000);
	strbuf_reset(&sb);
	ck_assert_str_eq(sb.buf, "");
	strbuf_addf(&sb, "%s", "");
	ck_assert_str_eq(strbuf_str(&sb), "");
	s = strbuf_detach(&sb);
	ck_assert_str_eq(s, "");
	ck_assert_ptr_null(sb.buf);
	free(s);
	strbuf_fini(&sb);
}
END_TEST

START_TEST(test_xalloc)
{
	char *s = xstrndup("abcdef", 3);
	char *t = xasprintf("%s-%d", s, 7);

	ck_assert_str_eq(s, "abc");
	ck_assert_str_eq(t, "abc-7");
	ck_assert_ptr_null(xstrdup(NULL));
	FREE(&s);
	ck_assert_ptr_null(s);
	free(t);
}
END_TEST

START_TEST(test_embedded)
{
	const struct embedded_file *f = embedded_find("migrations/0001_initial.sql");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_gt(f->len, 100);
	ck_assert_uint_eq(strlen(f->data), f->len);
	ck_assert_ptr_null(embedded_find("no-such-file"));
}
END_TEST

/* FIPS 180-4 examples, and lengths either side of one block. */
START_TEST(test_sha256)
{
	char hex[65], buf[200];

	sha256_hex("", 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    56, hex);
	ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1");
	memset(buf, 'a', sizeof buf);
	sha256_hex(buf, 64, hex);
	ck_assert_str_eq(hex, "ffe054fe7ae0cb6dc65c3af9b61d5209"
	    "f439851db43d0ba5997337df154668eb");
}
END_TEST

static Suite *
core_suite(void)
{
	Suite *s = suite_create("core");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_err_format);
	tcase_add_test(tc, test_err_truncates);
	tcase_add_test(tc, test_strbuf);
	tcase_add_test(tc, test_sha256);
	tcase_add_test(tc, test_xalloc);
	tcase_add_test(tc, test_embedded);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(core_suite)
