/* Tier 3: the safety side of the screens over the demo organisation
 * ("today" is 2026-11-25): the manager's audit trail (and nobody
 * else's), every top-level screen at tiny and odd sizes, and hostile
 * text shown escaped.  Golden files are tests/tui/expected/safety_*.txt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/testlib.h"
#include "support/demofix.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/admin.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/demo.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/app/users.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "support/dbtest.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "peerdesk/tui/app_tui.h"
#include "peerdesk/tui/screens.h"
#include "peerdesk/tui/form.h"
#include "tui/support/screenfix.h"
#include "peerdesk/tui/menu.h"

#define TODAY DEMOFIX_TODAY

/* ---- the demo database, made once for the whole program -------------- */


/* ---- each test: its own copy, a session and a harness ------------------ */

static struct app app;
static struct harness *h;

static void
demo_make(void)
{
	demofix_make("safety", NULL, NULL);
}

static void
setup(void)
{
	demofix_open_copy(&app, "safety.db");
	unsetenv("NO_COLOR");
	h = NULL;
}

static void
teardown(void)
{
	harness_free(&h);
	app_close(&app);
}

static void
sign_in(const char *login)
{
	struct pd_err err;

	ck_assert_msg(app_sign_in_as(&app, login, &err) == PD_OK, "%s: %s",
	    login, err.msg);
}

static void
start_session(int cols, int rows, const struct screen_ops *ops,
    const void *arg)
{
	struct app_tui_options o;
	struct tui_config cfg;

	memset(&o, 0, sizeof o);
	app_tui_setup(&app, &o);
	cfg = app_tui_config();
	h = screenfix_start(cols, rows, &cfg, ops, arg);
}

static void
start_harness(int cols, int rows)
{
	start_session(cols, rows, NULL, NULL);
}

static void
keys(const char *script)
{
	screenfix_keys(h, script);
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

static void
golden(const char *name)
{
	screenfix_golden(h, "safety_", name);
}

static struct screen *
top_screen(void)
{
	return tui_top(harness_tui(h));
}

static int64_t
client_id(const char *name)
{
	struct client_query q;
	struct client_row rows[4];
	struct pd_err err;
	int n = 0;

	memset(&q, 0, sizeof q);
	q.filter = name;
	q.status_or_minus1 = -1;
	ck_assert_int_eq(app_client_page(&app, &q, rows, 4, &n, &err), PD_OK);
	ck_assert_int_ge(n, 1);
	return rows[0].id;
}

static int64_t
staff_id(const char *login)
{
	struct staff st;
	struct pd_err err;
	int64_t id;

	memset(&st, 0, sizeof st);
	ck_assert_int_eq(db_staff_by_login(app.db, login, &st, &err), PD_OK);
	id = st.id;
	staff_fini(&st);
	return id;
}

/* ---- the audit trail --------------------------------------------------- */

/* Rows on fixed days of 2025 (the demo's own row is "now", later), so
 * the screens can be compared with golden files. */
static void
audit_rows(void)
{
	static const char *const who[] = { "sam", "priya", "jo", "dee" };
	static const char *const what[] = { "open", "update", "create",
	    "approve" };
	struct audit_entry a;
	struct pd_err err;
	char login[16], action[16], entity[16];
	char before[] = "status: referred\nphone: 01632 960001";
	char after[] = "status: active\nphone: 01632 960002\n"
	    "notes: a long line of notes that goes on well past the width of "
	    "the screen so that it has to wrap onto the next line and then "
	    "some more after that";
	int64_t c1, c2;
	int i;

	c1 = client_id("");
	{
		struct client_query q;
		struct client_row rows[2];
		int n = 0;

		memset(&q, 0, sizeof q);
		q.status_or_minus1 = -1;
		q.offset = 1;
		ck_assert_int_eq(app_client_page(&app, &q, rows, 1, &n, &err),
		    PD_OK);
		ck_assert_int_eq(n, 1);
		c2 = rows[0].id;
	}
	ck_assert_int_eq(db_begin(app.db, &err), PD_OK);
	for (i = 0; i < 40; i++) {
		memset(&a, 0, sizeof a);
		snprintf(a.at, sizeof a.at, "2025-%02d-%02dT%02d:%02d:00Z",
		    3 + i / 10, 1 + i % 10 * 2, 9 + i % 8, i % 60);
		snprintf(login, sizeof login, "%s", who[i % 4]);
		snprintf(action, sizeof action, "%s", what[i % 4]);
		snprintf(entity, sizeof entity, "%s", i % 3 == 0 ? "session" :
		    "client");
		a.actor_login = login;
		a.actor_id = staff_id(login);
		a.action = action;
		a.entity = entity;
		a.client_id = i % 2 == 0 ? c1 : c2;
		a.entity_id = i % 3 == 0 ? 100 + i : a.client_id;
		a.summary = xasprintf("row %d", i);
		if (i == 38) {
			a.before = before;
			a.after = after;
		}
		/* the audit keeps real time: rows at set times are a
		 * fixture's (dbtest) */
		ck_assert_msg(dbtest_audit_insert_at(app.db, &a, a.at, &err) ==
		    PD_OK, "%s", err.msg);
		free(a.summary);
	}
	ck_assert_int_eq(db_commit(app.db, &err), PD_OK);
}

START_TEST(test_audit_manager_80x24)
{
	sign_in("priya");
	audit_rows();
	start_session(80, 24, &audit_screen, NULL);
	SCREEN_HAS("Showing everything, newest first.");
	SCREEN_HAS("create    demo");	/* the demo's own row, now */
	/* only 2025 from here on: comparable with the golden file */
	keys("<Tab><Down><Down><Enter>2025-01-01 2025-12-31<Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &audit_screen);
	SCREEN_HAS("Showing 2025-01-01 to 2025-12-31, newest first.");
	SCREEN_LACKS("demo");
	golden("audit_80x24");
	SCREEN_HAS("2025-06-19 16:39 dee");
	/* paging reads on */
	keys("<PgDn><PgDn><End>");
	SCREEN_HAS("2025-03-01 09:00 sam");
	SCREEN_HAS("session 100, client");
}
END_TEST

START_TEST(test_audit_filters)
{
	int64_t c2;

	sign_in("priya");
	audit_rows();
	start_session(100, 30, &audit_screen, NULL);
	/* one person */
	keys("<Tab><Down><Enter>jo<Enter>");
	SCREEN_HAS("Showing jo's actions");
	SCREEN_LACKS("  sam  ");
	SCREEN_LACKS("priya");
	SCREEN_HAS("jo");
	/* not a user: said, and nothing changes */
	keys("<Tab><Down><Enter><C-u>nobody<Enter>");
	SCREEN_HAS("'nobody' is not a peerdesk user");
	SCREEN_HAS("Showing jo's actions");
	/* one day */
	keys("<Tab><Down><Down><Enter>2025-03-05<Enter>");
	SCREEN_HAS("Showing jo's actions, on 2025-03-05");
	SCREEN_HAS("row 2");
	SCREEN_LACKS("row 6");
	/* everything again, then one client by number */
	keys("<Tab><End><Enter>");
	SCREEN_HAS("Showing everything");
	c2 = client_id("");
	{
		char script[80];

		snprintf(script, sizeof script, "<Tab><Enter>%lld<Enter>",
		    (long long)c2);
		keys(script);
	}
	SCREEN_HAS("Audit trail: client ");
	SCREEN_HAS("row 38");
	SCREEN_LACKS("row 39");
	/* type to narrow: the summary */
	keys("row 2");
	SCREEN_HAS("row 20");
	SCREEN_HAS("row 2 ");
	SCREEN_LACKS("row 38");
}
END_TEST

START_TEST(test_audit_entry_in_full)
{
	sign_in("priya");
	audit_rows();
	start_session(80, 24, &audit_screen, NULL);
	keys("row 38<Down><Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &audit_entry_screen);
	golden("audit_entry_80x24");
	SCREEN_HAS("status: referred");
	SCREEN_HAS("phone: 01632 960002");
	SCREEN_HAS("then some more after that");
	keys("<Esc>");
	ck_assert_ptr_eq(top_screen()->ops, &audit_screen);
}
END_TEST

/* Coming and going: where the record would be, how; refusals marked. */
START_TEST(test_audit_session_rows)
{
	struct pd_err err;

	setenv("SSH_CONNECTION", "203.0.113.5 52114 10.0.0.1 22", 1);
	sign_in("jo");
	app_session_signed_in(&app);
	app_sign_out(&app);
	unsetenv("SSH_CONNECTION");
	unsetenv("SSH_CLIENT");
	unsetenv("SSH_TTY");
	unsetenv("SSH_ORIGINAL_COMMAND");
	ck_assert_int_eq(app_signin_check(&app, "sam", "not it at all", &err),
	    PD_DENIED);
	sign_in("priya");
	start_session(80, 24, &audit_screen, NULL);
	SCREEN_HAS(" jo         sign_in   signed in over SSH from 203.0.113.5");
	SCREEN_HAS(" failed    a sign-in as sam failed: no passphrase");
	SCREEN_HAS(" sign_out  signed out");
	keys("failed<Down><Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &audit_entry_screen);
	SCREEN_HAS("a sign-in as sam failed: no passphrase has been set");
	keys("<Esc>");
	/* at 100 columns the summary is not said twice */
	harness_free(&h);
	start_session(100, 30, &audit_screen, NULL);
	{
		char *text = harness_screen(h);
		const char *a = strstr(text, "signed in over SSH");

		ck_assert_ptr_nonnull(a);
		ck_assert_ptr_null(strstr(a + 1, "signed in over SSH"));
		free(text);
	}
}
END_TEST

static const char *const refused_logins[] = { "jo", "sam", "dee" };

START_TEST(test_audit_refused)
{
	struct pd_err err;
	struct audit_query q;
	int64_t n;
	const struct menu_entry *e;

	sign_in(refused_logins[_i]);
	/* the use case refuses... */
	memset(&q, 0, sizeof q);
	ck_assert_int_eq(app_audit_count(&app, &q, NULL, &n, &err),
	    PD_DENIED);
	/* ...so the screen does not open... */
	start_session(80, 24, &home_screen, NULL);
	ck_assert_int_ne(tui_push(harness_tui(h), &audit_screen, NULL, 0,
	    &err), PD_OK);
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	/* ...and the dashboard does not offer it */
	e = menu_find(home_menu, 'a', app_tui_role_mask(&app));
	ck_assert(e == NULL || e->ops != &audit_screen);
	SCREEN_LACKS("Audit trail");
}
END_TEST

START_TEST(test_audit_from_home)
{
	sign_in("priya");
	start_session(80, 24, &home_screen, NULL);
	SCREEN_HAS("Audit trail");
	keys("a");
	ck_assert_ptr_eq(top_screen()->ops, &audit_screen);
}
END_TEST


/* ---- tiny terminals and resize storms ----------------------------------- */

struct size {
	int cols, rows;
};

static const struct size odd_sizes[] = {
	{ 20, 6 }, { 1, 1 }, { 200, 60 }, { 2, 40 }, { 41, 3 }, { 39, 14 },
	{ 20, 6 }, { 59, 23 }, { 80, 2 }, { 3, 3 }, { 80, 24 },
};

/* Keys that change nothing lasting, tried at every size. */
#define HARMLESS "<Down><Up><PgDn><PgUp><Right><Left><C-l>"

/* The screen at every odd size, pressing keys at each, then back to
 * 80x24: nothing crashes, the screen is still there and draws. */
static void
drive_sizes(const struct screen_ops *ops)
{
	size_t i;
	char *text;

	for (i = 0; i < sizeof odd_sizes / sizeof odd_sizes[0]; i++) {
		harness_resize(h, odd_sizes[i].cols, odd_sizes[i].rows);
		keys(HARMLESS);
	}
	harness_resize(h, 80, 24);
	ck_assert_msg(top_screen()->ops == ops, "%s: the screen went away",
	    ops->name);
	text = harness_screen(h);
	ck_assert_msg(strlen(text) > 20, "%s: blank screen", ops->name);
	free(text);
}

/* Who sees which screens: every home menu entry their role is offered,
 * and the client menu over their first client. */
static const char *const size_logins[] = { "priya", "sam", "jo" };

START_TEST(test_every_screen_tiny_and_odd)
{
	const struct menu_entry *e;
	const struct screen_ops *extra[] = { &home_screen, &clients_screen,
	    &intake_screen };
	struct pd_err err;
	unsigned mask;
	int64_t id;
	size_t i;
	int tried = 0;

	sign_in(size_logins[_i]);
	mask = app_tui_role_mask(&app);
	id = client_id("");
	for (i = 0; i < sizeof extra / sizeof extra[0]; i++) {
		if (extra[i] == &intake_screen && (mask & APP_STAFF) == 0)
			continue;
		start_session(20, 6, extra[i], NULL);
		drive_sizes(extra[i]);
		harness_free(&h);
		tried++;
	}
	for (e = home_menu; e->label != NULL; e++) {
		if (!menu_allowed(e, mask))
			continue;
		start_harness(20, 6);
		ck_assert_msg(harness_push(h, e->ops, NULL, &err) == PD_OK,
		    "%s: %s", e->label, err.msg);
		drive_sizes(e->ops);
		harness_free(&h);
		tried++;
	}
	start_session(20, 6, &client_screen, &id);
	drive_sizes(&client_screen);
	harness_free(&h);
	for (e = client_menu; e->label != NULL; e++) {
		if (!menu_allowed(e, mask))
			continue;
		start_harness(1, 1);
		ck_assert_msg(harness_push(h, e->ops, &id, &err) == PD_OK,
		    "%s: %s", e->label, err.msg);
		drive_sizes(e->ops);
		harness_free(&h);
		tried++;
	}
	ck_assert_int_ge(tried, 5);
}
END_TEST

/* Text typed in a form survives a storm of resizes, tiny ones too. */
START_TEST(test_resize_storm_keeps_text)
{
	struct strbuf got = STRBUF_INIT;
	int i;

	sign_in("sam");
	start_session(80, 24, &intake_screen, NULL);
	keys("Ada");
	for (i = 0; i < 300; i++) {
		const struct size *z = &odd_sizes[(size_t)i %
		    (sizeof odd_sizes / sizeof odd_sizes[0])];

		harness_resize(h, z->cols + i % 7, z->rows + i % 5);
		if (i % 50 == 0)
			keys("<C-l>");
	}
	harness_resize(h, 80, 24);
	keys(" Lovelace");
	ck_assert(form_get_text(top_screen(), "name", &got));
	ck_assert_str_eq(got.buf, "Ada Lovelace");
	SCREEN_HAS("Ada Lovelace");
	strbuf_fini(&got);
}
END_TEST

/* Letters typed while the terminal is too small still reach the form
 * (a phone turned sideways mid-note); Esc waits for the room. */
START_TEST(test_typing_while_too_small)
{
	struct strbuf got = STRBUF_INIT;

	sign_in("sam");
	start_session(80, 24, &intake_screen, NULL);
	keys("Ada");
	harness_resize(h, 20, 6);
	SCREEN_HAS("small");
	keys(" Love<Esc>lace");
	harness_resize(h, 80, 24);
	ck_assert(form_get_text(top_screen(), "name", &got));
	ck_assert_str_eq(got.buf, "Ada Lovelace");
	SCREEN_HAS("New referral");
	strbuf_fini(&got);
}
END_TEST

/* The real start at a tiny terminal: a plain message, no crash. */
START_TEST(test_start_tiny)
{
	sign_in("priya");
	start_session(20, 6, &home_screen, NULL);
	SCREEN_HAS("small");
	harness_resize(h, 80, 24);
	SCREEN_HAS("Clients");
}
END_TEST

/* ---- hostile text --------------------------------------------------------- */

/* ESC (with a colour sequence), BEL, a C1 control, a stray continuation
 * byte, a cut-off sequence and 0xff. */
#define HOSTILE "Eve\x1b" "[31mRed\x07" "Bell\xc2\x85" "C1\x80" "Lone\xc3" \
	"Cut\xff" "FF"

static int64_t
hostile_client(void)
{
	struct intake in;
	struct pd_err err;
	int64_t id = 0;

	sign_in("sam");
	intake_init(&in);
	in.client.name = xstrdup(HOSTILE);
	in.client.phone = xstrdup("0161\x1b]0;pwned\x07 496 0000");
	ck_assert_msg(app_client_create(&app, &in, &id, &err) == PD_OK, "%s",
	    err.msg);
	intake_fini(&in);
	return id;
}

/* No raw control character or bad byte reaches the screen. */
static void
assert_screen_clean(void)
{
	char *text = harness_screen(h);
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p; p++)
		ck_assert_msg(*p >= 0x20 || *p == '\n', "raw byte 0x%02x on:\n%s",
		    *p, text);
	ck_assert_msg(utf8_valid(text, strlen(text)), "bad UTF-8 on:\n%s",
	    text);
	free(text);
}

START_TEST(test_hostile_name_stored_as_typed)
{
	struct client_record rec;
	struct pd_err err;
	int64_t id = hostile_client();

	ck_assert_int_eq(app_client_open(&app, id, &rec, &err), PD_OK);
	ck_assert_str_eq(rec.client.name, HOSTILE);
	client_record_fini(&rec);
}
END_TEST

START_TEST(test_hostile_name_shown_escaped)
{
	int64_t id = hostile_client();

	/* the list */
	start_session(80, 24, &clients_screen, NULL);
	keys("Eve");
	SCREEN_HAS("Eve\\x1b[31mRed\\x07Bell\\x85C");
	assert_screen_clean();
	golden("hostile_list_80x24");
	harness_free(&h);
	/* the record: title and details */
	start_session(80, 24, &client_screen, &id);
	SCREEN_HAS("Eve\\x1b[31mRed\\x07Bell\\x85C1\\x80Lone\\xc3Cut\\xffFF");
	SCREEN_HAS("0161\\x1b]0;pwned\\x07 496 0000");
	assert_screen_clean();
	/* the edit form: shown escaped, and saving keeps the bytes */
	keys("e");
	ck_assert_ptr_eq(top_screen()->ops, &client_edit_screen);
	assert_screen_clean();
	SCREEN_HAS("Eve\\x1b[31mRed\\x07Bell");
	/* change another field and save: the name's bytes are kept */
	keys("<Tab><Tab><C-u>eve@example.org<C-s>");
	ck_assert_ptr_eq(top_screen()->ops, &client_screen);
	harness_free(&h);
	{
		struct client_record rec;
		struct pd_err err;

		ck_assert_int_eq(app_client_open(&app, id, &rec, &err), PD_OK);
		ck_assert_str_eq(rec.client.name, HOSTILE);
		ck_assert_str_eq(rec.client.email, "eve@example.org");
		client_record_fini(&rec);
	}
	/* 40 columns cut without splitting an escape */
	start_session(40, 15, &client_screen, &id);
	assert_screen_clean();
	harness_free(&h);
	/* the audit trail shows it escaped too */
	sign_in("priya");
	start_session(100, 30, &audit_screen, NULL);
	assert_screen_clean();
	keys("<Enter>");
	assert_screen_clean();
}
END_TEST

static Suite *
safety_screens_suite(void)
{
	Suite *s = suite_create("safety_screens");
	TCase *tc = tcase_create("audit");

	tcase_add_unchecked_fixture(tc, demo_make, demofix_remove);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_audit_manager_80x24);
	tcase_add_test(tc, test_audit_filters);
	tcase_add_test(tc, test_audit_entry_in_full);
	tcase_add_test(tc, test_audit_session_rows);
	tcase_add_loop_test(tc, test_audit_refused, 0,
	    sizeof refused_logins / sizeof refused_logins[0]);
	tcase_add_test(tc, test_audit_from_home);
	suite_add_tcase(s, tc);

	tc = tcase_create("sizes");
	tcase_add_unchecked_fixture(tc, demo_make, demofix_remove);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_every_screen_tiny_and_odd, 0,
	    sizeof size_logins / sizeof size_logins[0]);
	tcase_add_test(tc, test_resize_storm_keeps_text);
	tcase_add_test(tc, test_typing_while_too_small);
	tcase_add_test(tc, test_start_tiny);
	suite_add_tcase(s, tc);

	tc = tcase_create("hostile");
	tcase_add_unchecked_fixture(tc, demo_make, demofix_remove);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_hostile_name_stored_as_typed);
	tcase_add_test(tc, test_hostile_name_shown_escaped);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(safety_screens_suite)
