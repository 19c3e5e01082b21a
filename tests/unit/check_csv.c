/* Tier 1: the RFC 4180 reader. */
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/core/csv.h"
#include "peerdesk/core/strbuf.h"

/* Render every record as "[a|b|c]" lines with @line. */
static enum pd_status
csv_render(const char *text, struct strbuf *out, struct pd_err *err)
{
	struct csv_reader *r = csv_open(text, strlen(text), "t.csv");
	struct csv_record rec;
	enum pd_status s;
	size_t i;

	while ((s = csv_next(r, &rec, err)) == PD_OK) {
		strbuf_addf(out, "%d[", rec.line);
		for (i = 0; i < rec.n; i++)
			strbuf_addf(out, "%s%s", i ? "|" : "", rec.field[i]);
		strbuf_adds(out, "]");
	}
	csv_free(&r);
	return s == PD_NOT_FOUND ? PD_OK : s;
}

static const struct { const char *in, *out; } good[] = {
	{ "a,b,c\n", "1[a|b|c]" },
	{ "a,b,c", "1[a|b|c]" },
	{ "a,b\r\nc,d\r\n", "1[a|b]2[c|d]" },
	{ "\xEF\xBB\xBFname\nJo\n", "1[name]2[Jo]" },
	{ "\"x, y\",z\n", "1[x, y|z]" },
	{ "\"say \"\"hi\"\"\",2\n", "1[say \"hi\"|2]" },
	{ "\"two\nlines\",b\nnext\n", "1[two\nlines|b]3[next]" },
	{ "\"crlf\r\ninside\",b\r\n", "1[crlf\ninside|b]" },
	{ "a,,c,\n", "1[a||c|]" },
	{ "\n\na\n\n", "3[a]" },
	{ "Zoë,Ñandú,日本\n", "1[Zoë|Ñandú|日本]" },
	{ "\"\"\n", "1[]" },
	{ "", "" },
};

START_TEST(test_csv_good)
{
	struct strbuf out = STRBUF_INIT;
	struct pd_err err;

	ck_assert_int_eq(csv_render(good[_i].in, &out, &err), PD_OK);
	ck_assert_str_eq(strbuf_str(&out), good[_i].out);
	strbuf_fini(&out);
}
END_TEST

static const struct { const char *in; int line, col; const char *says; } bad[] = {
	{ "a,\"open\nnever closed\n", 1, 3, "never closed" },
	{ "ok\na\"b,c\n", 2, 2, "not in quotes" },
	{ "ok\n\"x\"y,1\n", 2, 4, "after a closing quote" },
	{ "ok\nab\xff,c\n", 2, 3, "UTF-8" },
	{ "ok\nab\xc3(,c\n", 2, 3, "UTF-8" },
	{ "\"q\",\"\xed\xa0\x80\"\n", 1, 6, "UTF-8" },
};

START_TEST(test_csv_bad)
{
	struct strbuf out = STRBUF_INIT;
	struct pd_err err;

	ck_assert_int_eq(csv_render(bad[_i].in, &out, &err), PD_PARSE);
	ck_assert_str_eq(err.file, "t.csv");
	ck_assert_int_eq(err.line, bad[_i].line);
	ck_assert_int_eq(err.column, bad[_i].col);
	ck_assert_ptr_nonnull(strstr(err.msg, bad[_i].says));
	strbuf_fini(&out);
}
END_TEST

START_TEST(test_csv_nul_and_column)
{
	static const char text[] = "name,login\nJo\0,x\n";
	struct csv_reader *r = csv_open(text, sizeof text - 1, "n.csv");
	struct csv_record rec;
	struct pd_err err;

	ck_assert_int_eq(csv_next(r, &rec, &err), PD_OK);
	ck_assert_int_eq(csv_column(&rec, "login"), 1);
	ck_assert_int_eq(csv_column(&rec, "name"), 0);
	ck_assert_int_eq(csv_column(&rec, "nope"), -1);
	ck_assert_int_eq(csv_next(r, &rec, &err), PD_PARSE);
	ck_assert_int_eq(err.line, 2);
	ck_assert_int_eq(err.column, 3);
	csv_free(&r);
	ck_assert_ptr_null(r);
}
END_TEST

static Suite *
csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("csv");

	tcase_add_loop_test(tc, test_csv_good, 0, sizeof good / sizeof good[0]);
	tcase_add_loop_test(tc, test_csv_bad, 0, sizeof bad / sizeof bad[0]);
	tcase_add_test(tc, test_csv_nul_and_column);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(csv_suite)
