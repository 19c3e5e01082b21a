/* Tier 1: config/settings - defaults, a full file, the search order, and
 * every kind of mistake with its exact line and column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support/testlib.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"

/* Every field equals the documented default. */
static void
assert_defaults(const struct settings *s)
{
	ck_assert_str_eq(s->org_name, "peerdesk");
	ck_assert_str_eq(s->db_path, "/var/lib/peerdesk/peerdesk.db");
	ck_assert_int_eq(s->week_start, 1);
	ck_assert_int_eq(s->review_due_days, 28);
	ck_assert_int_eq(s->review_overdue_days, 42);
	ck_assert_int_eq(s->review_upcoming_days, 7);
	ck_assert_int_eq(s->near_percent, 10);
	ck_assert_str_eq(s->print_command, "lp");
	ck_assert_int_eq(s->idle_lock_minutes, 10);
	ck_assert(s->mouse);
	ck_assert(!s->holiday_pay);
	ck_assert_int_eq(s->holiday_pay_rate, 1207);
	ck_assert_uint_eq(s->n_shared_accounts, 0);
	ck_assert_int_eq(s->supervision_due_weeks, 6);
	ck_assert_int_eq(s->dbs_recheck_months, 36);
	ck_assert_int_eq(s->dbs_recheck_months_update_service, 12);
	ck_assert_int_eq(s->retention_years, 6);
	ck_assert_int_eq(s->draft_autosave_seconds, 5);
	ck_assert_ptr_null(s->rules_file);
}

static char *
top_path(const char *rel)
{
	const char *top = getenv("PEERDESK_TOP");

	return xasprintf("%s/%s", top ? top : ".", rel);
}

START_TEST(test_defaults)
{
	struct settings s;

	settings_defaults(&s);
	assert_defaults(&s);
	ck_assert_ptr_null(s.file);
	ck_assert_int_eq(s.origin, SETTINGS_FROM_DEFAULTS);
	ck_assert(!settings_is_shared_account(&s, "office"));
	ck_assert_str_eq(settings_day_name(1), "monday");
	ck_assert_str_eq(settings_day_name(7), "sunday");
	ck_assert_str_eq(settings_day_name(8), "");
	ck_assert_str_eq(settings_origin_str(SETTINGS_FROM_ENV),
	    "PEERDESK_CONFIG");
	settings_fini(&s);
	ck_assert_ptr_null(s.org_name);
	settings_fini(NULL);
}
END_TEST

/* Texts that mean "no settings": all defaults, no error. */
static const char *const empty_texts[] = {
	"",
	"\n\n",
	"# only a comment\n   # and another\n",
	"---\n",
	"--- ~\n",
	"\xEF\xBB\xBF# a UTF-8 byte order mark, then nothing\n",
};

START_TEST(test_empty_is_defaults)
{
	const char *text = empty_texts[_i];
	struct settings s;
	struct pd_err e;

	ck_assert_int_eq(settings_load_text(text, strlen(text), "t.yaml", &s,
	    &e), PD_OK);
	assert_defaults(&s);
	settings_fini(&s);
}
END_TEST

START_TEST(test_full_file)
{
	char *path = test_fixture("config/full.yaml");
	struct settings s;
	struct pd_err e;

	ck_assert_int_eq(settings_load_file(path, &s, &e), PD_OK);
	ck_assert_str_eq(s.org_name, "Riverside PALs – café office");
	ck_assert_str_eq(s.db_path, "/srv/peerdesk/riverside.db");
	ck_assert_int_eq(s.week_start, 7);
	ck_assert_int_eq(s.review_due_days, 30);
	ck_assert_int_eq(s.review_overdue_days, 45);
	ck_assert_int_eq(s.review_upcoming_days, 14);
	ck_assert_int_eq(s.near_percent, 15);
	ck_assert_str_eq(s.print_command, "lp -d office-laser");
	ck_assert_int_eq(s.idle_lock_minutes, 5);
	ck_assert(!s.mouse);
	ck_assert(s.holiday_pay);
	ck_assert_int_eq(s.holiday_pay_rate, 1250);
	ck_assert_uint_eq(s.n_shared_accounts, 2);
	ck_assert_str_eq(s.shared_accounts[0], "office");
	ck_assert_str_eq(s.shared_accounts[1], "front-desk");
	ck_assert(settings_is_shared_account(&s, "front-desk"));
	ck_assert(!settings_is_shared_account(&s, "sam"));
	ck_assert(!settings_is_shared_account(&s, NULL));
	ck_assert_int_eq(s.supervision_due_weeks, 4);
	ck_assert_int_eq(s.dbs_recheck_months, 24);
	ck_assert_int_eq(s.dbs_recheck_months_update_service, 6);
	ck_assert_int_eq(s.retention_years, 8);
	ck_assert_int_eq(s.draft_autosave_seconds, 10);
	/* relative to the settings file's folder */
	ck_assert_ptr_nonnull(strstr(s.rules_file,
	    "tests/fixtures/config/my-rules.yaml"));
	ck_assert_str_eq(s.file, path);
	ck_assert_int_eq(s.origin, SETTINGS_FROM_FILE);
	settings_fini(&s);
	free(path);
}
END_TEST

/* The documented example sets everything to the default, bar one list:
 * if a default changes, the example must change with it. */
START_TEST(test_example_file_matches_defaults)
{
	char *path = top_path("data/config.yaml");
	struct settings s;
	struct pd_err e;
	char msg[700];

	if (settings_load_file(path, &s, &e) != PD_OK) {
		pd_err_format(&e, msg, sizeof msg);
		ck_abort_msg("%s", msg);
	}
	ck_assert_uint_eq(s.n_shared_accounts, 1);
	ck_assert_str_eq(s.shared_accounts[0], "office");
	s.n_shared_accounts = 0;	/* the one difference */
	assert_defaults(&s);
	s.n_shared_accounts = 1;
	settings_fini(&s);
	free(path);
}
END_TEST

START_TEST(test_demo_file)
{
	char *path = top_path("data/demo-config.yaml");
	struct settings s;
	struct pd_err e;

	ck_assert_int_eq(settings_load_file(path, &s, &e), PD_OK);
	ck_assert_str_eq(s.org_name, "Riverside PALs (demo)");
	ck_assert_uint_eq(s.n_shared_accounts, 0);
	ck_assert_str_eq(s.db_path, SETTINGS_DEFAULT_DB);
	settings_fini(&s);
	free(path);
}
END_TEST

/* Small values that parse: spelling variants accepted. */
struct good_case {
	const char *text;
	int week_start;
	int holiday_pay;
	int rate;
};

static const struct good_case good_cases[] = {
	{ "week_start: Tuesday\n", 2, 0, 1207 },
	{ "week_start: SUN\n", 7, 0, 1207 },
	{ "week_start: 'wed'\n", 3, 0, 1207 },
	{ "holiday_pay_rolled_up: yes\n", 1, 1, 1207 },
	{ "holiday_pay_rolled_up: On\n", 1, 1, 1207 },
	{ "holiday_pay_rolled_up: FALSE\n", 1, 0, 1207 },
	{ "holiday_pay_rate: 12\n", 1, 0, 1200 },
	{ "holiday_pay_rate: 12.5\n", 1, 0, 1250 },
	{ "holiday_pay_rate: 0.01\n", 1, 0, 1 },
	{ "{week_start: fri, holiday_pay_rate: 50.00}\n", 5, 0, 5000 },
};

START_TEST(test_good_values)
{
	const struct good_case *c = &good_cases[_i];
	struct settings s;
	struct pd_err e;
	char msg[700];

	if (settings_load_text(c->text, strlen(c->text), "t.yaml", &s, &e)
	    != PD_OK) {
		pd_err_format(&e, msg, sizeof msg);
		ck_abort_msg("%s: %s", c->text, msg);
	}
	ck_assert_int_eq(s.week_start, c->week_start);
	ck_assert_int_eq(s.holiday_pay, c->holiday_pay);
	ck_assert_int_eq(s.holiday_pay_rate, c->rate);
	settings_fini(&s);
}
END_TEST

START_TEST(test_editor_settings)
{
	const char *text = "editor: Restricted\npal_editor: off\n";
	struct settings s;
	struct pd_err e;

	settings_defaults(&s);
	ck_assert_int_eq(s.editor, SETTINGS_EDITOR_OWN);
	ck_assert_int_eq(s.pal_editor, SETTINGS_EDITOR_RESTRICTED);
	settings_fini(&s);
	ck_assert_int_eq(settings_load_text(text, strlen(text), "t.yaml", &s,
	    &e), PD_OK);
	ck_assert_int_eq(s.editor, SETTINGS_EDITOR_RESTRICTED);
	ck_assert_int_eq(s.pal_editor, SETTINGS_EDITOR_OFF);
	ck_assert_str_eq(settings_editor_name(s.editor), "restricted");
	settings_fini(&s);
}
END_TEST

START_TEST(test_optional_values)
{
	const char *text = "rules_file: ~\nshared_accounts:\n";
	struct settings s;
	struct pd_err e;

	ck_assert_int_eq(settings_load_text(text, strlen(text), "t.yaml", &s,
	    &e), PD_OK);
	ck_assert_ptr_null(s.rules_file);
	ck_assert_uint_eq(s.n_shared_accounts, 0);
	settings_fini(&s);
	text = "rules_file: /etc/peerdesk/rules.yaml\n";
	ck_assert_int_eq(settings_load_text(text, strlen(text), "t.yaml", &s,
	    &e), PD_OK);
	/* load_text has no folder to resolve against: kept as written */
	ck_assert_str_eq(s.rules_file, "/etc/peerdesk/rules.yaml");
	ck_assert_ptr_null(s.file);
	settings_fini(&s);
}
END_TEST

/* Every kind of mistake: the text, the status, and the whole message
 * as the person at the keyboard sees it (file:line:column: key: ...). */
struct bad_case {
	const char *text;
	enum pd_status code;
	const char *want;
};

static const struct bad_case bad_cases[] = {
	/* a value of the wrong kind */
	{ "week_start: mnday\n", PD_CONFIG,
	  "t.yaml:1:13: week_start: expected a day name such as monday, "
	  "got 'mnday'" },
	{ "organisation: ok\nweek_start: 8\n", PD_CONFIG,
	  "t.yaml:2:13: week_start: expected a day name such as monday, "
	  "got '8'" },
	{ "week_start: [monday]\n", PD_CONFIG,
	  "t.yaml:1:13: week_start: expected a day name such as monday, "
	  "got a list" },
	{ "editor: emacs\n", PD_CONFIG,
	  "t.yaml:1:9: editor: expected own, restricted or off, got "
	  "'emacs'" },
	{ "pal_editor: own\n", PD_CONFIG,
	  "t.yaml:1:13: pal_editor: expected restricted or off (a PAL never "
	  "gets their own editor), got 'own'" },
	{ "idle_lock_minutes: ten\n", PD_CONFIG,
	  "t.yaml:1:20: idle_lock_minutes: expected a whole number from 1 "
	  "to 240, got 'ten'" },
	{ "idle_lock_minutes: [1, 2]\n", PD_CONFIG,
	  "t.yaml:1:20: idle_lock_minutes: expected a whole number from 1 "
	  "to 240, got a list" },
	{ "idle_lock_minutes:\n", PD_CONFIG,
	  "t.yaml:1:19: idle_lock_minutes: expected a whole number from 1 "
	  "to 240, got nothing" },
	{ "idle_lock_minutes: 1.5\n", PD_CONFIG,
	  "t.yaml:1:20: idle_lock_minutes: expected a whole number from 1 "
	  "to 240, got '1.5'" },
	{ "organisation:\n  name: x\n", PD_CONFIG,
	  "t.yaml:2:3: organisation: expected some text, got a set of "
	  "'name: value' lines" },
	{ "organisation: \"\"\n", PD_CONFIG,
	  "t.yaml:1:15: organisation: expected some text, got ''" },
	{ "organisation: \"a\\0b\"\n", PD_CONFIG,
	  "t.yaml:1:15: organisation: expected some text, got 'a?b'" },
	{ "print_command: [lp]\n", PD_CONFIG,
	  "t.yaml:1:16: print_command: expected some text, got a list" },
	{ "database: ~\n", PD_CONFIG,
	  "t.yaml:1:11: database: expected some text, got nothing" },
	{ "holiday_pay_rolled_up: maybe\n", PD_CONFIG,
	  "t.yaml:1:24: holiday_pay_rolled_up: expected true or false, "
	  "got 'maybe'" },
	{ "mouse: sometimes\n", PD_CONFIG,
	  "t.yaml:1:8: mouse: expected true or false, got 'sometimes'" },
	{ "holiday_pay_rate: 12.075\n", PD_CONFIG,
	  "t.yaml:1:19: holiday_pay_rate: expected at most 2 decimal "
	  "places, got '12.075'" },
	{ "holiday_pay_rate: 12%\n", PD_CONFIG,
	  "t.yaml:1:19: holiday_pay_rate: expected a percentage such as "
	  "12.07, got '12%'" },
	{ "holiday_pay_rate: -1\n", PD_CONFIG,
	  "t.yaml:1:19: holiday_pay_rate: expected more than zero, "
	  "got '-1'" },
	{ "shared_accounts: office\n", PD_CONFIG,
	  "t.yaml:1:18: shared_accounts: expected a list of Unix logins "
	  "such as [office], got 'office'" },
	{ "shared_accounts:\n  - office\n  - front desk\n", PD_CONFIG,
	  "t.yaml:3:5: shared_accounts: expected a Unix login such as "
	  "office, got 'front desk'" },
	{ "shared_accounts: [office, [x]]\n", PD_CONFIG,
	  "t.yaml:1:27: shared_accounts: expected a Unix login such as "
	  "office, got a list" },
	{ "shared_accounts: [office, office]\n", PD_CONFIG,
	  "t.yaml:1:27: shared_accounts: 'office' is listed twice" },
	{ "rules_file: [a]\n", PD_CONFIG,
	  "t.yaml:1:13: rules_file: expected some text, got a list" },
	/* numbers out of range */
	{ "idle_lock_minutes: 0\n", PD_CONFIG,
	  "t.yaml:1:20: idle_lock_minutes: expected a whole number from 1 "
	  "to 240, got '0'" },
	{ "idle_lock_minutes: 241\n", PD_CONFIG,
	  "t.yaml:1:20: idle_lock_minutes: expected a whole number from 1 "
	  "to 240, got '241'" },
	{ "idle_lock_minutes: -5\n", PD_CONFIG,
	  "t.yaml:1:20: idle_lock_minutes: expected a whole number from 1 "
	  "to 240, got '-5'" },
	{ "near_limit_percent: 51\n", PD_CONFIG,
	  "t.yaml:1:21: near_limit_percent: expected a whole number from 0 "
	  "to 50, got '51'" },
	{ "review_due_days: 99999999999\n", PD_CONFIG,
	  "t.yaml:1:18: review_due_days: expected a whole number from 1 "
	  "to 365, got '99999999999'" },
	{ "holiday_pay_rate: 50.01\n", PD_CONFIG,
	  "t.yaml:1:19: holiday_pay_rate: expected a percentage from 0.01 "
	  "to 50.00, got '50.01'" },
	{ "draft_autosave_seconds: 0\n", PD_CONFIG,
	  "t.yaml:1:25: draft_autosave_seconds: expected a whole number "
	  "from 1 to 300, got '0'" },
	/* rules between settings */
	{ "review_due_days: 30\nreview_overdue_days: 30\n", PD_CONFIG,
	  "t.yaml:2:22: review_overdue_days: expected more than "
	  "review_due_days (30), got 30" },
	{ "review_overdue_days: 20\n", PD_CONFIG,
	  "t.yaml:1:22: review_overdue_days: expected more than "
	  "review_due_days (28), got 20" },
	{ "# due after the default overdue day\nreview_due_days: 50\n",
	  PD_CONFIG,
	  "t.yaml:2:18: review_due_days: expected less than "
	  "review_overdue_days (42), got 50" },
	/* names */
	{ "organisation: x\nweek_strt: monday\n", PD_CONFIG,
	  "t.yaml:2:1: week_strt: unknown setting; did you mean "
	  "week_start?" },
	{ "colour: blue\n", PD_CONFIG,
	  "t.yaml:1:1: colour: unknown setting" },
	{ "Organisation: x\n", PD_CONFIG,
	  "t.yaml:1:1: Organisation: unknown setting; did you mean "
	  "organisation?" },
	{ "organisation: A\nweek_start: monday\norganisation: B\n",
	  PD_CONFIG,
	  "t.yaml:3:1: organisation: given twice (first on line 1)" },
	{ "? [a, b]\n: 1\n", PD_CONFIG,
	  "t.yaml:1:3: expected a setting name before ':', got a list" },
	/* the shape of the file */
	{ "- organisation: x\n", PD_CONFIG,
	  "t.yaml:1:1: expected settings as 'name: value' lines, got a "
	  "list" },
	{ "hello\n", PD_CONFIG,
	  "t.yaml:1:1: expected settings as 'name: value' lines, got "
	  "'hello'" },
	{ "organisation: A\n---\norganisation: B\n", PD_PARSE,
	  "t.yaml:2:1: expected one YAML document, found a second one "
	  "here" },
	/* text that is not UTF-8, with the column counted in characters */
	{ "organisation: caf\xE9\n", PD_PARSE,
	  "t.yaml:1:18: this is not UTF-8 text (byte 0xE9); save the file "
	  "as UTF-8" },
	{ "# \xC3\xA9t\xC3\xA9\norganisation: \xC3\xA9\xC3\n", PD_PARSE,
	  "t.yaml:2:16: this is not UTF-8 text (byte 0xC3); save the file "
	  "as UTF-8" },
	{ "organisation: \xED\xA0\x80\n", PD_PARSE,
	  "t.yaml:1:15: this is not UTF-8 text (byte 0xED); save the file "
	  "as UTF-8" },
	{ "organisation: \xC0\xAF\n", PD_PARSE,
	  "t.yaml:1:15: this is not UTF-8 text (byte 0xC0); save the file "
	  "as UTF-8" },
	{ "{organisation: \"\xC3\xA9\", week_start: mnday}\n", PD_CONFIG,
	  "t.yaml:1:33: week_start: expected a day name such as monday, "
	  "got 'mnday'" },
	/* YAML syntax, as libyaml reports it */
	{ "organisation: a\n  week_start: monday\n", PD_PARSE,
	  "t.yaml:2:13: mapping values are not allowed in this context" },
	{ "organisation: \"abc\nweek_start: monday\n", PD_PARSE,
	  "t.yaml:3:1: found unexpected end of stream while scanning a "
	  "quoted scalar that began on line 1" },
	{ "organisation: x\n week_start: monday\n", PD_PARSE,
	  "t.yaml:2:12: mapping values are not allowed in this context" },
	{ "shared_accounts: [office\n", PD_PARSE,
	  "t.yaml:2:1: did not find expected ',' or ']' while parsing a "
	  "flow sequence that began on line 1" },
	{ "organisation: *nowhere\n", PD_PARSE,
	  "t.yaml:1:15: there is no anchor &nowhere before this alias "
	  "*nowhere" },
	{ "organisation: a\x01z\n", PD_PARSE,
	  "t.yaml:1:16: control characters are not allowed" },
	{ "\tweek_start: monday\n", PD_PARSE,
	  "t.yaml:1:1: found a tab; indent with spaces, not tabs" },
	{ "organisation: x\n\xC3\xA9:\n\t- a\n", PD_PARSE,
	  "t.yaml:3:1: found a tab; indent with spaces, not tabs" },
	{ "organisation: x\nweek_start: monday\n@bad\n", PD_PARSE,
	  "t.yaml:3:1: found character that cannot start any token while "
	  "scanning for the next token" },
	{ "organisation: [a, b\n  week_start: x\n", PD_PARSE,
	  "t.yaml:2:13: did not find expected ',' or ']' while parsing a "
	  "flow sequence that began on line 1" },
};

START_TEST(test_bad_settings)
{
	const struct bad_case *c = &bad_cases[_i];
	struct settings s;
	struct pd_err e;
	char msg[700];

	/* start from garbage: the result must be the defaults anyway */
	memset(&s, 0x5A, sizeof s);
	ck_assert_int_eq(settings_load_text(c->text, strlen(c->text),
	    "t.yaml", &s, &e), c->code);
	ck_assert_int_eq(e.code, c->code);
	pd_err_format(&e, msg, sizeof msg);
	ck_assert_msg(strcmp(msg, c->want) == 0, "case %d:\n got: %s\nwant: %s",
	    _i, msg, c->want);
	assert_defaults(&s);
	settings_fini(&s);
	/* and a NULL error pointer is fine */
	ck_assert_int_eq(settings_load_text(c->text, strlen(c->text),
	    "t.yaml", &s, NULL), c->code);
	settings_fini(&s);
}
END_TEST

/* Nothing is half-applied: good keys before a bad one are dropped. */
START_TEST(test_nothing_half_applied)
{
	const char *text = "organisation: Riverside\nweek_start: friday\n"
	    "shared_accounts: [office]\nidle_lock_minutes: 0\n";
	struct settings s;
	struct pd_err e;

	ck_assert_int_eq(settings_load_text(text, strlen(text), "t.yaml", &s,
	    &e), PD_CONFIG);
	ck_assert_int_eq(e.line, 4);
	ck_assert_int_eq(e.column, 20);
	ck_assert_str_eq(e.field, "idle_lock_minutes");
	assert_defaults(&s);
	settings_fini(&s);
}
END_TEST

START_TEST(test_missing_file)
{
	char *path = test_path("nope.yaml");
	struct settings s;
	struct pd_err e;
	char msg[700], want[700];

	ck_assert_int_eq(settings_load_file(path, &s, &e), PD_IO);
	pd_err_format(&e, msg, sizeof msg);
	snprintf(want, sizeof want, "%s: cannot open this file: No such "
	    "file or directory", path);
	ck_assert_str_eq(msg, want);
	assert_defaults(&s);
	settings_fini(&s);
	free(path);
}
END_TEST

START_TEST(test_error_in_file_names_it)
{
	char *path = test_write_file("bad.yaml",
	    "# settings\norganisation: x\n\nweek_start: someday\n");
	struct settings s;
	struct pd_err e;

	ck_assert_int_eq(settings_load_file(path, &s, &e), PD_CONFIG);
	ck_assert_str_eq(e.file, path);
	ck_assert_int_eq(e.line, 4);
	ck_assert_int_eq(e.column, 13);
	ck_assert_str_eq(e.field, "week_start");
	ck_assert_ptr_null(s.file);
	settings_fini(&s);
	free(path);
}
END_TEST

/* --config, then PEERDESK_CONFIG, then the system file, then defaults. */
START_TEST(test_resolve_order)
{
	char *cli = test_write_file("cli.yaml", "organisation: from cli\n");
	char *env = test_write_file("env.yaml", "organisation: from env\n");
	char *sys = test_write_file("sys.yaml", "organisation: from system\n");
	char *none = test_path("no-system.yaml");
	struct settings s;
	struct pd_err e;

	ck_assert_int_eq(settings_resolve_with(cli, env, sys, &s, &e), PD_OK);
	ck_assert_str_eq(s.org_name, "from cli");
	ck_assert_str_eq(s.file, cli);
	ck_assert_int_eq(s.origin, SETTINGS_FROM_OPTION);
	settings_fini(&s);

	ck_assert_int_eq(settings_resolve_with(NULL, env, sys, &s, &e), PD_OK);
	ck_assert_str_eq(s.org_name, "from env");
	ck_assert_str_eq(s.file, env);
	ck_assert_int_eq(s.origin, SETTINGS_FROM_ENV);
	settings_fini(&s);

	/* an empty PEERDESK_CONFIG counts as not set */
	ck_assert_int_eq(settings_resolve_with(NULL, "", sys, &s, &e), PD_OK);
	ck_assert_str_eq(s.org_name, "from system");
	ck_assert_str_eq(s.file, sys);
	ck_assert_int_eq(s.origin, SETTINGS_FROM_SYSTEM);
	ck_assert_str_eq(settings_origin_str(s.origin),
	    "/etc/peerdesk/config.yaml");
	settings_fini(&s);

	ck_assert_int_eq(settings_resolve_with(NULL, NULL, none, &s, &e),
	    PD_OK);
	assert_defaults(&s);
	ck_assert_ptr_null(s.file);
	ck_assert_int_eq(s.origin, SETTINGS_FROM_DEFAULTS);
	ck_assert_str_eq(settings_origin_str(s.origin), "built-in defaults");
	settings_fini(&s);

	free(cli);
	free(env);
	free(sys);
	free(none);
}
END_TEST

START_TEST(test_resolve_errors)
{
	char *missing = test_path("missing.yaml");
	char *sys = test_write_file("sys2.yaml", "week_start: nope\n");
	char *good = test_write_file("good.yaml", "organisation: fine\n");
	struct settings s;
	struct pd_err e;

	/* a file named on purpose must exist, even if the system one does */
	ck_assert_int_eq(settings_resolve_with(missing, NULL, good, &s, &e),
	    PD_IO);
	ck_assert_str_eq(e.file, missing);
	assert_defaults(&s);
	settings_fini(&s);
	ck_assert_int_eq(settings_resolve_with(NULL, missing, good, &s, &e),
	    PD_IO);
	ck_assert_str_eq(e.file, missing);
	settings_fini(&s);
	ck_assert_int_eq(settings_resolve_with("", NULL, good, &s, &e),
	    PD_CONFIG);
	ck_assert_str_eq(e.field, "--config");
	settings_fini(&s);
	/* a broken system file is an error, not silently ignored */
	ck_assert_int_eq(settings_resolve_with(NULL, NULL, sys, &s, &e),
	    PD_CONFIG);
	ck_assert_str_eq(e.file, sys);
	ck_assert_int_eq(e.line, 1);
	ck_assert_int_eq(e.column, 13);
	assert_defaults(&s);
	settings_fini(&s);
	free(missing);
	free(sys);
	free(good);
}
END_TEST

START_TEST(test_resolve_default_path)
{
	struct settings s;
	struct pd_err e;
	struct stat sb;
	enum pd_status st;

	/* Whatever this machine has in /etc, the answer is consistent. */
	st = settings_resolve(NULL, NULL, &s, &e);
	if (stat(SETTINGS_SYSTEM_PATH, &sb) == 0) {
		if (st == PD_OK)
			ck_assert_int_eq(s.origin, SETTINGS_FROM_SYSTEM);
		else
			ck_assert_str_eq(e.file, SETTINGS_SYSTEM_PATH);
	} else {
		ck_assert_int_eq(st, PD_OK);
		ck_assert_int_eq(s.origin, SETTINGS_FROM_DEFAULTS);
	}
	settings_fini(&s);
}
END_TEST

START_TEST(test_rules_file_relative)
{
	char *path = test_write_file("rel.yaml", "rules_file: sub/r.yaml\n");
	char *want = test_path("sub/r.yaml");
	struct settings s;
	struct pd_err e;

	ck_assert_int_eq(settings_load_file(path, &s, &e), PD_OK);
	ck_assert_str_eq(s.rules_file, want);
	settings_fini(&s);
	free(path);
	free(want);
}
END_TEST

static Suite *
config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("settings");

	tcase_add_test(tc, test_defaults);
	tcase_add_loop_test(tc, test_empty_is_defaults, 0,
	    (int)(sizeof empty_texts / sizeof empty_texts[0]));
	tcase_add_test(tc, test_full_file);
	tcase_add_test(tc, test_example_file_matches_defaults);
	tcase_add_test(tc, test_demo_file);
	tcase_add_loop_test(tc, test_good_values, 0,
	    (int)(sizeof good_cases / sizeof good_cases[0]));
	tcase_add_test(tc, test_optional_values);
	tcase_add_test(tc, test_editor_settings);
	tcase_add_loop_test(tc, test_bad_settings, 0,
	    (int)(sizeof bad_cases / sizeof bad_cases[0]));
	tcase_add_test(tc, test_nothing_half_applied);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_error_in_file_names_it);
	tcase_add_test(tc, test_resolve_order);
	tcase_add_test(tc, test_resolve_errors);
	tcase_add_test(tc, test_resolve_default_path);
	tcase_add_test(tc, test_rules_file_relative);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(config_suite)
