/* Tier 3: drafts in every form, over the demo organisation ("today" is
 * 2026-11-25).  What a PAL types is kept every few seconds on the tick
 * (the session's injectable clock, no sleeps) and on a hangup; at the
 * next start "Kept for you" offers it back: put it back, review, or let
 * it go.  A draft is one person's only, and goes once saved or let go. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/testlib.h"
#include "support/demofix.h"
#include "support/dbfix.h"
#include "peerdesk/app/demo.h"
#include "peerdesk/app/drafts.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/app/users.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "support/dbtest_limits.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "peerdesk/tui/app_tui.h"
#include "peerdesk/tui/screens.h"
#include "peerdesk/tui/form.h"
#include "tui/support/screenfix.h"
#include "peerdesk/tui/menu.h"

#define TODAY DEMOFIX_TODAY
#define NOTE "Walked to the allotment and planted garlic"
#define SESSION "kept:session"

static struct app app;
static struct harness *h;
static long long fake_ms;

static long long
fake_now(void)
{
	return fake_ms;
}

static void
demo_make(void)
{
	demofix_make("drafts", NULL, NULL);
}

static char *state;

static void
setup(void)
{
	char name[64];

	/* drafts the database cannot take go here (draftfile.h) */
	snprintf(name, sizeof name, "state-%ld", (long)getpid());
	state = test_path(name);
	ck_assert_int_eq(setenv("XDG_STATE_HOME", state, 1), 0);
	demofix_open_copy(&app, "drafts.db");
	unsetenv("NO_COLOR");
	fake_ms = 1000000;
	h = NULL;
}

static void
teardown(void)
{
	harness_free(&h);
	app_close(&app);
	free(state);
}

static void
sign_in(const char *login)
{
	struct pd_err err;

	app_sign_out(&app);
	ck_assert_msg(app_sign_in_as(&app, login, &err) == PD_OK, "%s: %s",
	    login, err.msg);
}

/* A fresh start of the screens (the program run again) as login. */
static void
start_at(const char *login, int cols)
{
	struct app_tui_options o;
	struct tui_config cfg;

	harness_free(&h);
	sign_in(login);
	memset(&o, 0, sizeof o);
	o.now_ms = fake_now;
	app_tui_setup(&app, &o);
	cfg = app_tui_config();
	h = screenfix_start(cols, 15, &cfg, &home_screen, NULL);
}

static void
start_as(const char *login)
{
	start_at(login, 40);
}

static void
keys(const char *script)
{
	screenfix_keys(h, script);
}

static void
tick_after(long long ms)
{
	fake_ms += ms;
	harness_tick(h);
}

static struct screen *
top_screen(void)
{
	return tui_top(harness_tui(h));
}

static bool
screen_has(const char *text)
{
	return screenfix_has(h, text);
}

#define SCREEN_HAS(text) ck_assert_msg(screen_has(text), \
	"wanted \"%s\" on:\n%s", text, harness_screen(h))
#define SCREEN_LACKS(text) ck_assert_msg(!screen_has(text), \
	"did not want \"%s\" on:\n%s", text, harness_screen(h))

/* The signed-in person's draft of form "" or NULL when there is none. */
static char *
kept(const char *form)
{
	char *content = NULL, at[21];

	if (app_draft_peek(&app, form, "", &content, at, NULL) != PD_OK)
		return NULL;
	return content;
}

static bool
has_kept(const char *form)
{
	char *c = kept(form);
	bool any = c != NULL;

	free(c);
	return any;
}

static int
count_row(void *arg, const struct draft_row *row)
{
	(void)row;
	(*(int *)arg)++;
	return 0;
}

static int
drafts_of(const char *login)
{
	int n = 0;

	sign_in(login);
	ck_assert_int_eq(app_draft_list(&app, "kept:", count_row, &n, NULL),
	    PD_OK);
	return n;
}

/* Jo opens "Log a session" from the dashboard and writes most of it:
 * her first client, today, an hour, at home, and the note. */
static void
jo_writes_note(void)
{
	start_as("jo");
	harness_tick(h);	/* nothing kept: nothing offered */
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	keys("l");
	ck_assert_ptr_eq(top_screen()->ops, &session_screen);
	keys("<Right><Tab><Tab><Tab>1h<Tab><Right><Tab>" NOTE);
}

/* ---- autosave ------------------------------------------------------------ */

START_TEST(test_autosave_every_five_seconds)
{
	char *c;

	jo_writes_note();
	tick_after(4000);
	ck_assert(!has_kept(SESSION));	/* not yet: 5 s from the start */
	tick_after(1000);
	c = kept(SESSION);
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(strstr(c, "did\t" NOTE "\n"));
	ck_assert_ptr_nonnull(strstr(c, "#title\tLog a session\n"));
	ck_assert_ptr_nonnull(strstr(c, "minutes\t1h"));
	free(c);
	/* Nothing typed since: not written again (removed behind its back,
	 * it stays removed). */
	ck_assert_int_eq(app_draft_drop(&app, SESSION, "", NULL), PD_OK);
	tick_after(5000);
	ck_assert(!has_kept(SESSION));
	/* A key more: kept again at the next five seconds, with it. */
	keys("!");
	tick_after(2000);
	ck_assert(!has_kept(SESSION));
	tick_after(3000);
	c = kept(SESSION);
	ck_assert_ptr_nonnull(strstr(c, "did\t" NOTE "!\n"));
	free(c);
}
END_TEST

/* Changed back to how it opened: no draft is needed any more. */
START_TEST(test_autosave_forgets_undone_text)
{
	start_as("jo");
	keys("l<Tab><Tab><Tab><Tab><Tab>");
	ck_assert_str_eq(form_focus_id(top_screen()), "did");
	keys(NOTE);
	tick_after(5000);
	ck_assert(has_kept(SESSION));
	keys("<C-u>");
	tick_after(5000);
	ck_assert(!has_kept(SESSION));
}
END_TEST

/* Every form, not only the office's: the hangup keeps the session note
 * (a form with the week above it) and the referral alike. */
START_TEST(test_hangup_keeps_any_form)
{
	char *c;

	jo_writes_note();
	app_tui_hangup(&app, 1);
	c = kept(SESSION);
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(strstr(c, "did\t" NOTE "\n"));
	free(c);
	start_as("sam");
	keys("nDana Fox<Tab>Dee");
	harness_tick(h);
	app_tui_hangup(&app, 15);
	c = kept("kept:intake");
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(strstr(c, "name\tDana Fox\n"));
	free(c);
}
END_TEST

/* Leaving peerdesk on purpose with a form half done keeps it too (it
 * says so), with every word typed since the last tick. */
START_TEST(test_quit_keeps_and_says_so)
{
	char *c;

	jo_writes_note();
	keys("<C-q>");
	SCREEN_HAS("They are kept as a");
	keys("y");
	c = kept(SESSION);
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(strstr(c, "did\t" NOTE "\n"));
	free(c);
}
END_TEST

/* A form opened with an argument (here "Log a session" as from the
 * week) is kept under a key made from how it opened; saving it removes
 * that very draft, though saving changes the text it opened with. */
START_TEST(test_keyed_form_saved_drops_its_draft)
{
	struct session_screen_arg a = { 0, 0, 0 };
	struct pd_err err;
	char key[40];

	start_as("jo");
	ck_assert_msg(harness_push(h, &session_screen, &a, &err) == PD_OK,
	    "push: %s", err.msg);
	app_tui_draft_key(top_screen(), key);
	ck_assert_int_eq(strncmp(key, "fp:", 3), 0);
	keys("<Right><Tab><Tab><Tab>1h<Tab><Right><Tab>" NOTE);
	tick_after(5000);
	ck_assert_int_eq(drafts_of("jo"), 1);
	keys("<C-s>");
	SCREEN_HAS("Session saved.");
	ck_assert_int_eq(drafts_of("jo"), 0);
}
END_TEST

/* ---- the offer at the next start ------------------------------------------ */

START_TEST(test_offer_restore_and_save)
{
	int64_t before;

	jo_writes_note();
	app_tui_hangup(&app, 1);
	before = dbfix_count(app.db, "session");
	start_as("jo");
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	harness_tick(h);
	ck_assert_ptr_eq(top_screen()->ops, &drafts_screen);
	SCREEN_HAS("Kept for you");
	SCREEN_HAS("Log a session (");
	SCREEN_HAS("Walked to the allotment");
	keys("<Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &session_screen);
	SCREEN_HAS("are back");
	SCREEN_HAS("Walked to the allotment");
	keys("<C-s>");
	SCREEN_HAS("Session saved.");
	/* saved: nothing left to offer, the dashboard again */
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	ck_assert(!has_kept(SESSION));
	ck_assert_int_eq(drafts_of("jo"), 0);
	ck_assert_int_eq(dbfix_count(app.db, "session"), before + 1);
}
END_TEST

/* Issue 13: the database cannot be written when the line drops (a full
 * disk): the note goes to Jo's own file and comes back at the next
 * start, word for word, and goes once saved. */
START_TEST(test_unwritable_database_keeps_note_in_file)
{
	struct pd_err err;
	char *dir = xasprintf("%s/peerdesk", state);
	int64_t before;
	int files = 0;
	DIR *d;
	struct dirent *de;

	jo_writes_note();
	ck_assert_int_eq(dbtest_refuse_writes(app.db, 1, &err), PD_OK);
	app_tui_hangup(&app, 1);
	ck_assert_int_eq(dbtest_refuse_writes(app.db, 0, &err), PD_OK);
	ck_assert_ptr_nonnull(d = opendir(dir));
	while ((de = readdir(d)) != NULL)
		files += strncmp(de->d_name, "jo-", 3) == 0;
	closedir(d);
	ck_assert_int_eq(files, 1);
	before = dbfix_count(app.db, "session");
	start_as("jo");
	harness_tick(h);
	ck_assert_ptr_eq(top_screen()->ops, &drafts_screen);
	SCREEN_HAS("Walked to the allotment");
	keys("<Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &session_screen);
	SCREEN_HAS("are back");
	{
		char *c = kept(SESSION);

		ck_assert_ptr_nonnull(c);
		ck_assert_ptr_nonnull(strstr(c, "did\t" NOTE "\n"));
		free(c);
	}
	keys("<C-s>");
	SCREEN_HAS("Session saved.");
	ck_assert_int_eq(dbfix_count(app.db, "session"), before + 1);
	ck_assert_int_eq(drafts_of("jo"), 0);
	ck_assert_ptr_nonnull(d = opendir(dir));
	files = 0;
	while ((de = readdir(d)) != NULL)
		files += de->d_name[0] != '.';
	closedir(d);
	ck_assert_int_eq(files, 0);
	free(dir);
}
END_TEST

START_TEST(test_offer_review_then_discard)
{
	jo_writes_note();
	app_tui_hangup(&app, 1);
	start_as("jo");
	harness_tick(h);
	ck_assert_ptr_eq(top_screen()->ops, &drafts_screen);
	keys("v");
	SCREEN_HAS("What we did:");
	SCREEN_HAS("Walked to the allotment");
	SCREEN_HAS("How long:");
	keys("<Esc>");		/* back to the list, nothing changed */
	ck_assert_ptr_eq(top_screen()->ops, &drafts_screen);
	ck_assert_int_eq(drafts_of("jo"), 1);
	keys("d");
	SCREEN_HAS("Let it go?");
	keys("<Enter>");	/* Keep it is the first answer */
	ck_assert_int_eq(drafts_of("jo"), 1);
	keys("dy");
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	SCREEN_HAS("Nothing else is waiting");
	ck_assert_int_eq(drafts_of("jo"), 0);
}
END_TEST

/* Later: the offer closes; the draft waits and comes back by itself
 * when the form opens again.  Offered once per start. */
START_TEST(test_offer_later_then_form_opens_with_it)
{
	jo_writes_note();
	app_tui_hangup(&app, 1);
	start_as("jo");
	harness_tick(h);
	keys("<Esc>");
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	harness_tick(h);
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	keys("l");
	SCREEN_HAS("Walked to the allotment");
	/* let go on purpose: the draft goes */
	keys("<Esc>y");
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	ck_assert_int_eq(drafts_of("jo"), 0);
}
END_TEST

/* A draft is its writer's only: Marcus is offered nothing of Jo's, and
 * his own session form opens empty. */
START_TEST(test_drafts_are_personal)
{
	jo_writes_note();
	app_tui_hangup(&app, 1);
	ck_assert_int_eq(drafts_of("marcus"), 0);
	start_as("marcus");
	harness_tick(h);
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	keys("l");
	ck_assert_ptr_eq(top_screen()->ops, &session_screen);
	SCREEN_LACKS("garlic");
	ck_assert_int_eq(drafts_of("jo"), 1);
}
END_TEST

/* A client's form (from the client's record) comes back to that
 * client: "Edit details", kept under the client's id. */
START_TEST(test_client_form_restores_to_its_client)
{
	struct pd_err err;
	char *content = NULL, at[21], key[40];
	struct screen *s;

	start_as("sam");
	keys("c<Enter>e");
	s = top_screen();
	ck_assert_ptr_eq(s->ops, &client_edit_screen);
	ck_assert_int_gt(s->arg_id, 0);
	app_tui_draft_key(s, key);
	keys("<C-u>Wednesdays are best");
	harness_tick(h);
	app_tui_hangup(&app, 1);
	ck_assert_int_eq(app_draft_peek(&app, "kept:client-edit", key,
	    &content, at, &err), PD_OK);
	free(content);
	start_as("sam");
	harness_tick(h);
	ck_assert_ptr_eq(top_screen()->ops, &drafts_screen);
	keys("r");
	ck_assert_ptr_eq(top_screen()->ops, &client_edit_screen);
	ck_assert_int_eq(top_screen()->arg_id, strtoll(key, NULL, 10));
	SCREEN_HAS("Wednesdays are best");
}
END_TEST

static Suite *
drafts_suite(void)
{
	Suite *s = suite_create("drafts");
	TCase *tc = tcase_create("drafts");

	tcase_add_unchecked_fixture(tc, demo_make, demofix_remove);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_unwritable_database_keeps_note_in_file);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_autosave_every_five_seconds);
	tcase_add_test(tc, test_autosave_forgets_undone_text);
	tcase_add_test(tc, test_hangup_keeps_any_form);
	tcase_add_test(tc, test_quit_keeps_and_says_so);
	tcase_add_test(tc, test_keyed_form_saved_drops_its_draft);
	tcase_add_test(tc, test_offer_restore_and_save);
	tcase_add_test(tc, test_offer_review_then_discard);
	tcase_add_test(tc, test_offer_later_then_form_opens_with_it);
	tcase_add_test(tc, test_drafts_are_personal);
	tcase_add_test(tc, test_client_form_restores_to_its_client);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(drafts_suite)
