/* Tier 3: one PAL's weeks against the limit on screen (issue 15, item
 * 6), over the demo organisation without a terminal: the chart at 40
 * columns in monochrome (NO_COLOR) against a golden file, 13 and 52
 * weeks, pay and hours, a week in words, and who gets the key. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/demo.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/app/users.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/screens.h"
#include "tui/support/harness.h"
#include "peerdesk/tui/style.h"

static struct app app;
static struct tui_config cfg;
static struct harness *h;

static const char *
app_today_cb(void *a, char buf[11])
{
	(void)a;
	app_today(buf);
	return buf;
}

static int64_t
pal(const char *login)
{
	struct pd_err err;
	int64_t id = 0;

	ck_assert_msg(app_pal_by_login(&app, login, &id, &err) == PD_OK,
	    "%s: %s", login, err.msg);
	return id;
}

static void
sign_in(const char *login)
{
	struct pd_err err;

	ck_assert_msg(app_sign_in_as(&app, login, &err) == PD_OK, "%s: %s",
	    login, err.msg);
}

/* The demo organisation on Wednesday 25 Nov 2026; Megan moves to the
 * £20 lower limit on Thursday 5 Nov 2026, so the weeks from then are
 * over (that week judged against both rules). */
static void
setup(void)
{
	struct demo_stats st;
	struct pd_err err;

	dbfix_today("2026-11-25");
	appfix_open(&app);
	ck_assert_msg(app_demo_create(&app, DEMO_SMALL, &st, &err) == PD_OK,
	    "demo: %s", err.msg);
	ck_assert_msg(app_pal_benefit_set(&app, pal("megan"), RULE_LOWER,
	    "2026-11-05", "test", &err) == PD_OK, "%s", err.msg);
	memset(&cfg, 0, sizeof cfg);
	cfg.app = &app;
	cfg.today = app_today_cb;
	setenv("NO_COLOR", "1", 1);
	h = NULL;
}

static void
teardown(void)
{
	harness_free(&h);
	app_close(&app);
	dbfix_today(NULL);
	unsetenv("NO_COLOR");
}

static void
start(int cols, int rows, const struct screen_ops *ops, const void *arg)
{
	struct pd_err err;

	pd_err_clear(&err);
	h = harness_new(cols, rows, &cfg, &err);
	ck_assert_msg(h != NULL, "harness: %s", err.msg);
	ck_assert_msg(harness_push(h, ops, arg, &err) == PD_OK, "push: %s",
	    err.msg);
}

static void
keys(const char *script)
{
	struct pd_err err;

	ck_assert_msg(harness_keys(h, script, &err) == PD_OK, "keys: %s",
	    err.msg);
}

static void
on_screen(const char *want)
{
	char *t = harness_screen(h);

	if (getenv("PEERDESK_SHOW") != NULL)
		fprintf(stderr, "----\n%s\n", t);
	ck_assert_msg(strstr(t, want) != NULL, "\"%s\" is not on:\n%s", want,
	    t);
	free(t);
}

static void
not_on_screen(const char *gone)
{
	char *t = harness_screen(h);

	ck_assert_msg(strstr(t, gone) == NULL, "\"%s\" is on:\n%s", gone, t);
	free(t);
}

static void
golden(const char *name)
{
	const char *top = getenv("PEERDESK_TOP");
	char path[1024];
	struct strbuf msg = STRBUF_INIT;
	bool ok;

	snprintf(path, sizeof path, "%s/tests/tui/expected/%s.txt",
	    top ? top : ".", name);
	ok = harness_golden(h, path, &msg);
	ck_assert_msg(ok, "%s", strbuf_str(&msg));
	strbuf_fini(&msg);
}

/* Every line of the screen fits 40 columns (the harness is 40 wide;
 * this checks the chart rows were not cut: each ends in its word). */
static void
rows_end_in_words(void)
{
	char *t = harness_screen(h), *line, *save = NULL;
	int rows = 0;

	for (line = strtok_r(t, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strstr(line, "|") == NULL || strstr(line, "Pay|") != NULL ||
		    strstr(line, "Hours|") != NULL)
			continue;
		rows++;
		ck_assert_msg(strstr(line, " ok") || strstr(line, " near") ||
		    strstr(line, " over") || strstr(line, " no work") ||
		    strstr(line, " no rate"), "no verdict word: [%s]", line);
	}
	ck_assert_int_ge(rows, 5);
	free(t);
}

START_TEST(test_chart_40_monochrome)
{
	int64_t id = pal("megan");

	sign_in("priya");	/* the manager */
	start(40, 15, &pal_screen, &id);
	ck_assert(!style_colour());
	on_screen("w Weeks");
	keys("w");
	on_screen("Weeks: Megan");
	on_screen("Last 13 weeks, bars: pay");
	/* the newest week is chosen and in view; Home goes to the oldest */
	on_screen("23 Nov #######|#");
	keys("<Home>");
	golden("palweeks_40x15");
	rows_end_in_words();
	on_screen(" over");
	/* 52 weeks, then hours */
	keys("w");
	on_screen("Last 52 weeks");
	keys("h");
	on_screen("Last 52 weeks, bars: hours");
	on_screen("Hours|16h");
	keys("w");
	on_screen("Last 13 weeks, bars: pay");
	/* a week in words, from the weekly summary */
	keys("<Enter>");	/* the newest week is chosen again */
	on_screen("Week 2026-W48");
	keys("<Esc><Esc>");
	on_screen("PAL: Megan");
}
END_TEST

START_TEST(test_who_gets_the_key)
{
	int64_t id = pal("megan");

	sign_in("sam");		/* office: no key, and w does nothing */
	start(40, 15, &pal_screen, &id);
	not_on_screen("Weeks");
	keys("w");
	on_screen("PAL: Megan");
	not_on_screen("Weeks:");
	harness_free(&h);
	sign_in("liam");	/* a PAL: their own */
	start(40, 15, &pal_screen, NULL);
	on_screen("w Weeks");
	keys("w");
	on_screen("Weeks: Liam");
}
END_TEST

static Suite *
palweeks_screen_suite(void)
{
	Suite *s = suite_create("palweeks_screen");
	TCase *tc = tcase_create("palweeks");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_chart_40_monochrome);
	tcase_add_test(tc, test_who_gets_the_key);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(palweeks_screen_suite)
