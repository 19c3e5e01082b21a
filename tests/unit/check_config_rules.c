/* Tier 1: config/rules - reading rules.yaml, and every mistake in a
 * rules file reported at its file:line:column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/config/rules.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"

START_TEST(test_good_fixture)
{
	char *path = test_fixture("config/rules-good.yaml");
	struct rules r;
	struct pd_err e;

	ck_assert_int_eq(rules_load_file(path, &r, &e), PD_OK);
	ck_assert_str_eq(r.file, path);
	ck_assert_uint_eq(r.n_pw, 2);
	ck_assert_str_eq(r.pw[0].from, "2024-04-01");
	ck_assert_int_eq(r.pw[0].lower_pence, 2000);
	ck_assert_int_eq(r.pw[0].higher_pence, 18350);
	ck_assert_str_eq(r.pw[0].source, "https://example.org/pw-2024");
	ck_assert_ptr_null(r.pw[0].note);
	/* "20" and "195.5" are whole and one-decimal pounds */
	ck_assert_int_eq(r.pw[1].lower_pence, 2000);
	ck_assert_int_eq(r.pw[1].higher_pence, 19550);
	ck_assert_str_eq(r.pw[1].note, "[C] computed for the test");
	ck_assert_uint_eq(r.n_wage, 1);
	ck_assert_uint_eq(r.wage[0].n_bands, 2);
	ck_assert_str_eq(r.wage[0].bands[0].name, "21+");
	ck_assert_int_eq(r.wage[0].bands[0].min_age, 21);
	ck_assert_int_eq(r.wage[0].bands[0].max_age, -1);
	ck_assert_int_eq(r.wage[0].bands[0].rate_pence, 1144);
	ck_assert_str_eq(r.wage[0].bands[1].name, "18-20");
	ck_assert_int_eq(r.wage[0].bands[1].max_age, 20);
	ck_assert_int_eq(r.wage[0].bands[1].rate_pence, 860);
	ck_assert_int_eq(r.wage[0].apprentice_pence, 640);
	ck_assert_str_eq(rules_first_date(&r), "2024-04-01");
	ck_assert_str_eq(rules_last_date(&r), "2025-04-01");
	rules_fini(&r);
	ck_assert_ptr_null(r.pw);
	ck_assert_uint_eq(r.n_pw, 0);
	free(path);
}
END_TEST

START_TEST(test_builtin_loads)
{
	struct rules r;
	struct pd_err e;
	char msg[700];

	if (rules_load_default(&r, &e) != PD_OK) {
		pd_err_format(&e, msg, sizeof msg);
		ck_abort_msg("%s", msg);
	}
	ck_assert_str_eq(r.file, "rules.yaml (built in)");
	ck_assert_uint_eq(r.n_pw, 15);
	ck_assert_uint_eq(r.n_wage, 16);
	ck_assert_str_eq(rules_first_date(&r), "2012-10-01");
	ck_assert_str_eq(rules_last_date(&r), "2026-04-01");
	rules_fini(&r);
}
END_TEST

/* The checked-in data/rules.yaml is what is compiled in. */
START_TEST(test_builtin_is_data_file)
{
	const char *top = getenv("PEERDESK_TOP");
	char *path = xasprintf("%s/data/rules.yaml", top ? top : ".");
	struct rules a, b;
	struct pd_err e;
	size_t i;

	ck_assert_int_eq(rules_load_file(path, &a, &e), PD_OK);
	ck_assert_int_eq(rules_load_default(&b, &e), PD_OK);
	ck_assert_uint_eq(a.n_pw, b.n_pw);
	ck_assert_uint_eq(a.n_wage, b.n_wage);
	for (i = 0; i < a.n_pw; i++) {
		ck_assert_str_eq(a.pw[i].from, b.pw[i].from);
		ck_assert_int_eq(a.pw[i].higher_pence, b.pw[i].higher_pence);
	}
	rules_fini(&a);
	rules_fini(&b);
	free(path);
}
END_TEST

START_TEST(test_load_for_settings)
{
	char *path = test_fixture("config/rules-good.yaml");
	struct settings s;
	struct rules r;
	struct pd_err e;

	settings_defaults(&s);
	ck_assert_int_eq(rules_load_for(&s, &r, &e), PD_OK);
	ck_assert_str_eq(r.file, "rules.yaml (built in)");
	rules_fini(&r);
	s.rules_file = xstrdup(path);
	ck_assert_int_eq(rules_load_for(&s, &r, &e), PD_OK);
	ck_assert_str_eq(r.file, path);
	ck_assert_uint_eq(r.n_pw, 2);
	rules_fini(&r);
	settings_fini(&s);
	free(path);
}
END_TEST

/* The five broken files the brief names, read from disk. */
struct bad_file {
	const char *name;
	const char *want;	/* after "<path>:" */
};

static const struct bad_file bad_files[] = {
	{ "rules-out-of-order.yaml",
	  "7:11: from: expected rows in date order, but 2024-04-01 comes "
	  "before 2025-04-01 (line 3)" },
	{ "rules-duplicate-date.yaml",
	  "7:11: from: 2025-04-01 is already the date of the row on line 3; "
	  "give each row its own date" },
	{ "rules-missing-source.yaml",
	  "8:5: source: missing from this row; give a web address or a "
	  "citation for its figures" },
	{ "rules-three-decimals.yaml",
	  "5:13: higher: expected at most 2 decimal places, got '183.505'" },
	{ "rules-negative.yaml",
	  "10:43: rate: expected more than zero, got '-11.44'" },
};

START_TEST(test_bad_files)
{
	const struct bad_file *c = &bad_files[_i];
	char *name = xasprintf("config/%s", c->name);
	char *path = test_fixture(name);
	char *want = xasprintf("%s:%s", path, c->want);
	struct rules r;
	struct pd_err e;
	char msg[700];

	memset(&r, 0x5A, sizeof r);
	ck_assert_int_eq(rules_load_file(path, &r, &e), PD_CONFIG);
	pd_err_format(&e, msg, sizeof msg);
	ck_assert_str_eq(msg, want);
	/* nothing half-loaded */
	ck_assert_ptr_null(r.pw);
	ck_assert_uint_eq(r.n_pw, 0);
	ck_assert_ptr_null(r.wage);
	ck_assert_ptr_null(r.file);
	rules_fini(&r);
	free(name);
	free(path);
	free(want);
}
END_TEST

/* Valid pieces to build texts from: PW is lines 1-5, WAGE 5 lines. */
#define PW "permitted_work:\n  - from: 2024-04-01\n    lower: 20.00\n" \
	"    higher: 183.50\n    source: s\n"
#define WAGE "minimum_wage:\n  - from: 2024-04-01\n    bands:\n" \
	"      - { name: \"21+\", min_age: 21, rate: 11.44 }\n" \
	"    source: s\n"
#define PW_ROW(from, lower, higher) "  - from: " from "\n    lower: " \
	lower "\n    higher: " higher "\n    source: s\n"

struct bad_text {
	const char *text;
	enum pd_status code;
	const char *want;
};

static const struct bad_text bad_texts[] = {
	/* the file as a whole */
	{ "", PD_CONFIG, "r.yaml:1:1: this rules file is empty; expected "
	  "permitted_work and minimum_wage tables" },
	{ "- 1\n", PD_CONFIG, "r.yaml:1:1: expected rule tables as 'name: "
	  "value' lines, got a list" },
	{ PW, PD_CONFIG, "r.yaml:1:1: minimum_wage: missing from this "
	  "file" },
	{ WAGE, PD_CONFIG, "r.yaml:1:1: permitted_work: missing from this "
	  "file" },
	{ PW WAGE "permited_work: []\n", PD_CONFIG, "r.yaml:11:1: "
	  "permited_work: unknown table; did you mean permitted_work?" },
	{ PW WAGE "permitted_work: []\n", PD_CONFIG, "r.yaml:11:1: "
	  "permitted_work: given twice (first on line 1)" },
	{ "permitted_work: []\n" WAGE, PD_CONFIG, "r.yaml:1:17: "
	  "permitted_work: expected a list of permitted-work rows (lines "
	  "starting '- '), got an empty list" },
	{ "permitted_work: 183.50\n" WAGE, PD_CONFIG, "r.yaml:1:17: "
	  "permitted_work: expected a list of permitted-work rows (lines "
	  "starting '- '), got '183.50'" },
	{ "permitted_work:\n  - 183.50\n" WAGE, PD_CONFIG, "r.yaml:2:5: "
	  "expected a permitted_work row as 'name: value' lines, got "
	  "'183.50'" },
	{ "permitted_work: [\n" WAGE, PD_PARSE, "r.yaml:3:3: did not find "
	  "expected node content while parsing a flow node" },
	/* permitted-work rows */
	{ "permitted_work:\n" PW_ROW("2024-02-30", "20.00", "183.50") WAGE,
	  PD_CONFIG, "r.yaml:2:11: from: expected a date written "
	  "2025-12-31, 31/12/2025 or 31/12/25, got '2024-02-30'" },
	{ "permitted_work:\n" PW_ROW("1 April 2024", "20.00", "183.50") WAGE,
	  PD_CONFIG, "r.yaml:2:11: from: expected a date written "
	  "2025-12-31, 31/12/2025 or 31/12/25, got '1 April 2024'" },
	{ "permitted_work:\n" PW_ROW("2024-04-01", "£20", "183.50") WAGE,
	  PD_CONFIG, "r.yaml:3:12: lower: expected an amount in pounds "
	  "such as 203.50, got '£20'" },
	{ "permitted_work:\n" PW_ROW("2024-04-01", "20.0.0", "183.50") WAGE,
	  PD_CONFIG, "r.yaml:3:12: lower: expected an amount in pounds "
	  "such as 203.50, got '20.0.0'" },
	{ "permitted_work:\n" PW_ROW("2024-04-01", ".5", "183.50") WAGE,
	  PD_CONFIG, "r.yaml:3:12: lower: expected an amount in pounds "
	  "such as 203.50, got '.5'" },
	{ "permitted_work:\n" PW_ROW("2024-04-01", "20.", "183.50") WAGE,
	  PD_CONFIG, "r.yaml:3:12: lower: expected an amount in pounds "
	  "such as 203.50, got '20.'" },
	{ "permitted_work:\n" PW_ROW("2024-04-01", "0.00", "183.50") WAGE,
	  PD_CONFIG, "r.yaml:3:12: lower: expected more than zero, got "
	  "'0.00'" },
	{ "permitted_work:\n" PW_ROW("2024-04-01", "20.00", "-183.50") WAGE,
	  PD_CONFIG, "r.yaml:4:13: higher: expected more than zero, got "
	  "'-183.50'" },
	{ "permitted_work:\n" PW_ROW("2024-04-01", "20.00", "183.5001")
	  WAGE, PD_CONFIG, "r.yaml:4:13: higher: expected at most 2 "
	  "decimal places, got '183.5001'" },
	{ "permitted_work:\n" PW_ROW("2024-04-01", "20.00", "1234567890")
	  WAGE, PD_CONFIG, "r.yaml:4:13: higher: expected an amount in "
	  "pounds such as 203.50, got '1234567890'" },
	{ "permitted_work:\n" PW_ROW("2024-04-01", "20.00", "19.99") WAGE,
	  PD_CONFIG, "r.yaml:4:13: higher: expected at least the lower "
	  "limit (20.00)" },
	{ "permitted_work:\n  - from: 2024-04-01\n    lower: 20\n"
	  "    hihger: 183.50\n    source: s\n" WAGE, PD_CONFIG,
	  "r.yaml:4:5: hihger: unknown field; did you mean higher?" },
	{ "permitted_work:\n  - from: 2024-04-01\n    from: 2025-04-01\n"
	  "    lower: 20\n    higher: 183.50\n    source: s\n" WAGE,
	  PD_CONFIG, "r.yaml:3:5: from: given twice (first on line 2)" },
	{ "permitted_work:\n  - lower: 20\n    higher: 183.50\n"
	  "    source: s\n" WAGE, PD_CONFIG,
	  "r.yaml:2:5: from: missing from this row" },
	{ "permitted_work:\n  - from: 2024-04-01\n    higher: 183.50\n"
	  "    source: s\n" WAGE, PD_CONFIG,
	  "r.yaml:2:5: lower: missing from this row" },
	{ "permitted_work:\n  - from: 2024-04-01\n    lower: 20\n"
	  "    source: s\n" WAGE, PD_CONFIG,
	  "r.yaml:2:5: higher: missing from this row" },
	{ "permitted_work:\n  - from: 2024-04-01\n    lower: 20\n"
	  "    higher: 183.50\n    source: \"\"\n" WAGE, PD_CONFIG,
	  "r.yaml:5:13: source: expected some text, got ''" },
	{ "permitted_work:\n  - from: 2024-04-01\n    lower: 20\n"
	  "    higher: 183.50\n    source:\n" WAGE, PD_CONFIG,
	  "r.yaml:5:12: source: expected some text, got nothing" },
	/* the date DWP starts applying a limit */
	{ "permitted_work:\n  - from: 2024-04-01\n    dwp_from: 2024-03-31\n"
	  "    lower: 20\n    higher: 183.50\n    source: s\n" WAGE,
	  PD_CONFIG, "r.yaml:3:15: dwp_from: 2024-03-31 is before this "
	  "row's from (2024-04-01); DWP starts applying a limit on or after "
	  "the day the wage changes" },
	{ "permitted_work:\n  - from: 2024-04-01\n    dwp_from: 2024-05-01\n"
	  "    lower: 20\n    higher: 183.50\n    source: s\n"
	  "  - from: 2024-04-20\n    lower: 20\n    higher: 190\n"
	  "    source: s\n" WAGE, PD_CONFIG, "r.yaml:7:11: dwp_from: 2024-04-20 "
	  "is not after the row before's dwp_from (2024-05-01); keep the "
	  "rows in date order" },
	{ "permitted_work:\n  - from: 2024-04-01\n    dwp_from: 8 April\n"
	  "    lower: 20\n    higher: 183.50\n    source: s\n" WAGE,
	  PD_CONFIG, "r.yaml:3:15: dwp_from: expected a date written "
	  "2025-12-31, 31/12/2025 or 31/12/25, got '8 April'" },
	/* minimum-wage rows */
	{ PW "minimum_wage:\n  - from: 2024-04-01\n    source: s\n",
	  PD_CONFIG, "r.yaml:7:5: bands: missing from this row" },
	{ PW "minimum_wage:\n  - from: 2024-04-01\n    bands: []\n"
	  "    source: s\n", PD_CONFIG, "r.yaml:8:12: bands: expected a list "
	  "of age bands (lines starting '- '), got an empty list" },
	{ PW "minimum_wage:\n  - from: 2024-04-01\n    bands:\n"
	  "      - { name: a, min_age: 21 }\n    source: s\n", PD_CONFIG,
	  "r.yaml:9:9: rate: missing from this band" },
	{ PW "minimum_wage:\n  - from: 2024-04-01\n    bands:\n"
	  "      - { min_age: 21, rate: 1 }\n    source: s\n", PD_CONFIG,
	  "r.yaml:9:9: name: missing from this band" },
	{ PW "minimum_wage:\n  - from: 2024-04-01\n    bands:\n"
	  "      - { name: a, rate: 1 }\n    source: s\n", PD_CONFIG,
	  "r.yaml:9:9: min_age: missing from this band" },
	{ PW "minimum_wage:\n  - from: 2024-04-01\n    bands:\n"
	  "      - { name: a, min_age: 200, rate: 1 }\n    source: s\n",
	  PD_CONFIG, "r.yaml:9:29: min_age: expected a whole number from 0 "
	  "to 120, got '200'" },
	{ PW "minimum_wage:\n  - from: 2024-04-01\n    bands:\n"
	  "      - { name: a, min_age: 21, max_age: 18, rate: 1 }\n"
	  "    source: s\n", PD_CONFIG, "r.yaml:9:42: max_age: expected at "
	  "least min_age (21), got 18" },
	{ PW "minimum_wage:\n  - from: 2024-04-01\n    bands:\n"
	  "      - { name: adult, min_age: 21, rate: 11.44 }\n"
	  "      - { name: young, min_age: 18, max_age: 21, rate: 8.60 }\n"
	  "    source: s\n", PD_CONFIG, "r.yaml:10:9: bands: the ages of "
	  "band 'young' overlap band 'adult'" },
	{ PW "minimum_wage:\n  - from: 2024-04-01\n    bands:\n"
	  "      - { name: a, min_age: 21, rate: 11.444 }\n    source: s\n",
	  PD_CONFIG, "r.yaml:9:39: rate: expected at most 2 decimal places, "
	  "got '11.444'" },
	{ PW "minimum_wage:\n  - from: 2024-04-01\n    bands:\n"
	  "      - { name: a, min_age: 21, rate: 11.44 }\n"
	  "    apprentice: 6.4.0\n    source: s\n", PD_CONFIG,
	  "r.yaml:10:17: apprentice: expected an amount in pounds such as "
	  "203.50, got '6.4.0'" },
	{ PW WAGE "  - from: 2023-04-01\n    bands:\n"
	  "      - { name: a, min_age: 21, rate: 10.42 }\n    source: s\n",
	  PD_CONFIG, "r.yaml:11:11: from: expected rows in date order, but "
	  "2023-04-01 comes before 2024-04-01 (line 7)" },
	{ PW WAGE "  - from: 2024-04-01\n    bands:\n"
	  "      - { name: a, min_age: 21, rate: 10.42 }\n    source: s\n",
	  PD_CONFIG, "r.yaml:11:11: from: 2024-04-01 is already the date of "
	  "the row on line 7; give each row its own date" },
	{ PW WAGE "  - from: 2025-04-01\n    bands:\n"
	  "      - { name: a, min_age: 21, rate: 12.21 }\n", PD_CONFIG,
	  "r.yaml:11:5: source: missing from this row; give a web address "
	  "or a citation for its figures" },
};

START_TEST(test_bad_texts)
{
	const struct bad_text *c = &bad_texts[_i];
	struct rules r;
	struct pd_err e;
	char msg[700];

	ck_assert_int_eq(rules_load_text(c->text, strlen(c->text), "r.yaml",
	    &r, &e), c->code);
	pd_err_format(&e, msg, sizeof msg);
	ck_assert_msg(strcmp(msg, c->want) == 0, "case %d:\n got: %s\nwant: %s",
	    _i, msg, c->want);
	ck_assert_uint_eq(r.n_pw, 0);
	ck_assert_uint_eq(r.n_wage, 0);
	rules_fini(&r);
}
END_TEST

START_TEST(test_missing_rules_file)
{
	char *path = test_path("no-rules.yaml");
	struct rules r;
	struct pd_err e;

	ck_assert_int_eq(rules_load_file(path, &r, &e), PD_IO);
	ck_assert_str_eq(e.file, path);
	ck_assert_uint_eq(r.n_pw, 0);
	rules_fini(&r);
	free(path);
}
END_TEST

static Suite *
config_rules_suite(void)
{
	Suite *s = suite_create("config_rules");
	TCase *tc = tcase_create("rules.yaml");

	tcase_add_test(tc, test_good_fixture);
	tcase_add_test(tc, test_builtin_loads);
	tcase_add_test(tc, test_builtin_is_data_file);
	tcase_add_test(tc, test_load_for_settings);
	tcase_add_loop_test(tc, test_bad_files, 0,
	    (int)(sizeof bad_files / sizeof bad_files[0]));
	tcase_add_loop_test(tc, test_bad_texts, 0,
	    (int)(sizeof bad_texts / sizeof bad_texts[0]));
	tcase_add_test(tc, test_missing_rules_file);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(config_rules_suite)
