/* Tier 3: the everyday screens over the demo organisation ("today" is
 * 2026-11-25): the dashboard, the clients list, a new referral, a
 * client's record, a conflict, signing in and the idle lock.  Screens
 * are read back and compared with tests/tui/expected/app_*.txt. */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/testlib.h"
#include "support/demofix.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/assignments.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/demo.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/app/users.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "peerdesk/tui/app_tui.h"
#include "peerdesk/tui/form.h"
#include "tui/support/screenfix.h"
#include "peerdesk/tui/menu.h"
#include "peerdesk/tui/screens.h"

#define TODAY DEMOFIX_TODAY
#define STR(s) ((s) != NULL ? (s) : "")
#define PASS_SAM "tea and toast"
#define PASS_DEE "biscuits please"

/* ---- the demo database, made once for the whole program -------------- */


/* ---- each test: its own copy, a session and a harness ------------------ */

static struct app app;
static struct harness *h;
static long long fake_ms;

static long long
fake_now(void)
{
	return fake_ms;
}

/* The demo, with passphrases for the shared-account tests. */
static enum pd_status
demo_passphrases(struct app *a, struct pd_err *err)
{
	enum pd_status s = app_user_passwd(a, "sam", PASS_SAM, err);

	return s != PD_OK ? s : app_user_passwd(a, "dee", PASS_DEE, err);
}

static void
demo_make(void)
{
	demofix_make("screens", "organisation: Riverside PALs\nidle_lock_minutes: 10\n", demo_passphrases);
}

static void
setup(void)
{
	demofix_open_copy(&app, "screens.db");
	unsetenv("NO_COLOR");
	fake_ms = 1000000;
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
start_session(int cols, int rows, int shared, const struct screen_ops *ops,
    const void *arg)
{
	struct app_tui_options o;
	struct tui_config cfg;

	memset(&o, 0, sizeof o);
	o.shared = shared;
	o.idle_lock_minutes = shared ? 10 : 0;
	o.now_ms = fake_now;
	app_tui_setup(&app, &o);
	cfg = app_tui_config();
	h = screenfix_start(cols, rows, &cfg, ops, arg);
}

static void
keys(const char *script)
{
	screenfix_keys(h, script);
}

/* The screen, with clock times ("at 14:02") written HH:MM: they come
 * from the real clock, the rest of the screen does not. */
static char *
screen_text(void)
{
	char *s = harness_screen(h);
	regex_t re;
	regmatch_t m;
	struct strbuf out = STRBUF_INIT;
	const char *p = s;

	ck_assert_int_eq(regcomp(&re, "[0-9][0-9]:[0-9][0-9]", REG_EXTENDED),
	    0);
	while (regexec(&re, p, 1, &m, 0) == 0) {
		strbuf_add(&out, p, (size_t)m.rm_so);
		strbuf_adds(&out, "HH:MM");
		p += m.rm_eo;
	}
	strbuf_adds(&out, p);
	regfree(&re);
	free(s);
	return strbuf_detach(&out);
}

static bool
screen_has(const char *text)
{
	char *s = screen_text();
	bool found = strstr(s, text) != NULL;

	free(s);
	return found;
}

#define SCREEN_HAS(text) ck_assert_msg(screen_has(text), \
	"wanted \"%s\" on:\n%s", text, harness_screen(h))
#define SCREEN_LACKS(text) ck_assert_msg(!screen_has(text), \
	"did not want \"%s\" on:\n%s", text, harness_screen(h))

static void
golden(const char *name)
{
	char *now = screen_text();

	screenfix_golden_text(now, "app_", name);
	free(now);
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

/* The first row of login's client list (filter may be NULL), read as
 * that person; then nobody is signed in.  The demo's names may change
 * with its generator, its shape (Jo's four clients, the counts of
 * JOURNEYS.md) does not, so tests look names up. */
static struct client_row
first_row(const char *login, const char *filter, int index)
{
	struct client_query q;
	struct client_row rows[8];
	struct pd_err err;
	int n = 0;

	sign_in(login);
	memset(&q, 0, sizeof q);
	q.filter = filter;
	q.status_or_minus1 = -1;
	ck_assert_int_eq(app_client_page(&app, &q, rows, 8, &n, &err), PD_OK);
	ck_assert_int_gt(n, index);
	access_set_nobody(&app, NULL);
	return rows[index];
}

/* ---- the dashboard ---------------------------------------------------- */

START_TEST(test_home_office_80x24)
{
	sign_in("sam");
	start_session(80, 24, 0, &home_screen, NULL);
	golden("home_office_80x24");
	SCREEN_HAS("Riverside PALs - Sam Carter (office)");
	SCREEN_HAS("2 reviews due this week");
	SCREEN_HAS("1 review overdue");
	SCREEN_HAS("3 timesheets waiting for approval");
	SCREEN_HAS(" c  Clients");
	SCREEN_HAS(" n  New referral");
}
END_TEST

START_TEST(test_home_pal_40x15)
{
	sign_in("jo");
	start_session(40, 15, 0, &home_screen, NULL);
	golden("home_pal_40x15");
	SCREEN_HAS("You support 4 clients");
	SCREEN_HAS(" c  Clients");
	SCREEN_LACKS("New referral");		/* not a PAL's job */
	/* n is not a PAL's key: nothing opens. */
	keys("n");
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
}
END_TEST

START_TEST(test_home_keys)
{
	sign_in("sam");
	start_session(80, 24, 0, &home_screen, NULL);
	keys("c");
	ck_assert_ptr_eq(top_screen()->ops, &clients_screen);
	keys("<Esc>");
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	/* The cursor starts on the first place; Enter opens it. */
	keys("<Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &clients_screen);
	keys("<Esc><Right><Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &intake_screen);
	keys("<Esc>");
	/* Up goes into the reminders; Enter on a client's opens them. */
	keys("<Up><Up><Up><Up><Up><Up><Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &client_screen);
}
END_TEST

/* The dashboard with the mouse (SGR, then the old X10 form): a place
 * in "Go to" opens at once; a reminder is chosen by one click and
 * opened by a second; the wheel moves as Up and Down do. */
START_TEST(test_home_mouse)
{
	bool sgr = _i == 0;
	int y, x, cy, cx;

	sign_in("sam");
	start_session(80, 24, 0, &home_screen, NULL);
	ck_assert(harness_click_text(h, sgr, "Clients"));
	ck_assert_ptr_eq(top_screen()->ops, &clients_screen);
	keys("<Esc>");
	ck_assert(harness_click_text(h, sgr, "New referral"));
	ck_assert_ptr_eq(top_screen()->ops, &intake_screen);
	keys("<Esc>");
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	/* the reminder test_home_keys opens, six rows up */
	keys("<Up><Up><Up><Up><Up><Up>");
	harness_cursor(h, &y, &x);
	keys("<End>");
	harness_mouse(h, sgr, 0, y, 10);
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	harness_cursor(h, &cy, &cx);
	ck_assert_int_eq(cy, y);		/* chosen, not opened */
	harness_mouse(h, sgr, 0, y, 10);
	ck_assert_ptr_eq(top_screen()->ops, &client_screen);
	keys("<Esc>");
	/* the wheel: three rows up from the chosen reminder */
	harness_mouse(h, sgr, 64, 5, 5);
	harness_cursor(h, &cy, &cx);
	ck_assert_int_eq(cy, y - 3);
	/* the counts and the date are not places: nothing happens */
	harness_mouse(h, sgr, 0, 1, 5);
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
}
END_TEST

/* The reminders are a list in columns above the places to go: Up from
 * the top row of places reaches the last reminder, Home the first,
 * Down from the last reminder goes back to the places. */
START_TEST(test_home_reminders_list)
{
	sign_in("sam");
	start_session(60, 20, 0, &home_screen, NULL);
	keys("<Up>");
	golden("home_reminder_last_60x20");
	keys("<Home>");
	golden("home_reminder_first_60x20");
	keys("<End><Up><Up><Up><Down><Down>");
	SCREEN_HAS("> c  Clients");
	golden("home_back_to_menu_60x20");
	harness_free(&h);

	sign_in("jo");
	start_session(40, 15, 0, &home_screen, NULL);
	keys("<Up>");
	golden("home_pal_reminder_40x15");
}
END_TEST

START_TEST(test_home_resize)
{
	char *before, *after;

	sign_in("sam");
	start_session(80, 24, 0, &home_screen, NULL);
	before = screen_text();
	harness_resize(h, 60, 20);
	SCREEN_HAS("2 reviews due this week");
	SCREEN_HAS(" c  Clients");
	golden("home_office_60x20");
	harness_resize(h, 80, 24);
	after = screen_text();
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
}
END_TEST

START_TEST(test_home_no_colour)
{
	char *colour, *mono;

	sign_in("sam");
	start_session(80, 24, 0, &home_screen, NULL);
	colour = screen_text();
	harness_free(&h);
	setenv("NO_COLOR", "1", 1);
	start_session(80, 24, 0, &home_screen, NULL);
	mono = screen_text();
	ck_assert_str_eq(colour, mono);
	free(colour);
	free(mono);
}
END_TEST

/* ---- the clients list --------------------------------------------------- */

START_TEST(test_clients_filter_80x24)
{
	struct client_row second = first_row("sam", "jo", 1);
	struct client_query q = { .filter = "jo", .status_or_minus1 = -1 };
	struct pd_err err;
	char want[200];
	int y, x, n;

	sign_in("sam");
	ck_assert_int_eq(app_client_count(&app, &q, &n, &err), PD_OK);
	start_session(80, 24, 0, &clients_screen, NULL);
	SCREEN_HAS("1 of 48");
	keys("jo");
	golden("clients_filter_80x24");
	snprintf(want, sizeof want, "1 of %d", n);
	SCREEN_HAS(want);
	/* The cursor sits on the selected row (after the filter is left). */
	keys("<Down>");
	harness_cursor(h, &y, &x);
	ck_assert_int_eq(y, 5);	/* title, "Showing", the counts by status,
				 * header, row 1 */
	ck_assert_int_eq(x, 0);
	keys("<Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &client_screen);
	snprintf(want, sizeof want, "%s - %s", second.name, second.status);
	SCREEN_HAS(want);
}
END_TEST

/* A filter's count is right whether its matches fill the screen or
 * not (a screenful that is not full gives the count itself), and at 40
 * columns, where fewer rows show. */
static void
filter_count_is(const char *filter)
{
	struct client_query q = { .filter = filter, .status_or_minus1 = -1 };
	struct pd_err err;
	char want[64];
	int n;

	ck_assert_int_eq(app_client_count(&app, &q, &n, &err), PD_OK);
	keys("<C-u>");
	keys(filter);
	snprintf(want, sizeof want, "%d of %d", n > 0, n);
	SCREEN_HAS(want);
}

START_TEST(test_clients_filter_counts)
{
	sign_in("sam");
	start_session(80, 24, 0, &clients_screen, NULL);
	keys("/");
	filter_count_is("a");		/* more than a screenful */
	filter_count_is("jo");		/* two */
	filter_count_is("zzqx");	/* nobody */
	filter_count_is("e");
	harness_free(&h);
	start_session(40, 15, 0, &clients_screen, NULL);
	keys("/");
	filter_count_is("e");
	filter_count_is("jo");
}
END_TEST

START_TEST(test_clients_status)
{
	sign_in("sam");
	start_session(80, 24, 0, &clients_screen, NULL);
	keys("<Tab>");
	SCREEN_HAS("Clients: referred");
	SCREEN_HAS("1 of 5");	/* four new, one reopened */
	SCREEN_LACKS("active ");	/* no row; the counts say "11 active," */
	keys("<Tab><Tab><Tab><Tab><Tab>");	/* round to every status */
	SCREEN_HAS("1 of 48");
}
END_TEST

START_TEST(test_clients_pal_scope)
{
	struct client_row toms = first_row("tom", NULL, 0);

	sign_in("jo");
	start_session(40, 15, 0, &clients_screen, NULL);
	golden("clients_pal_40x15");
	SCREEN_HAS("My clients");
	SCREEN_HAS("1 of 4");
	SCREEN_LACKS(toms.name);	/* Tom's client */
	keys(toms.name);
	SCREEN_HAS("0 of 0");
}
END_TEST

/* ---- a new referral ---------------------------------------------------- */

START_TEST(test_intake_errors_80x24)
{
	sign_in("sam");
	start_session(80, 24, 0, &intake_screen, NULL);
	/* first contact is the twelfth field */
	keys("<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>31/02<Tab>");
	keys("<C-s>");
	golden("intake_errors_80x24");
	ck_assert_str_eq(form_focus_id(top_screen()), "name");
	SCREEN_HAS("Not saved: 2 fields need a look");
}
END_TEST

START_TEST(test_intake_saves)
{
	struct client_record rec;
	struct pd_err err;
	int64_t id;

	sign_in("sam");
	start_session(80, 24, 0, &home_screen, NULL);
	keys("n");
	ck_assert_ptr_eq(top_screen()->ops, &intake_screen);
	/* a phone call: the name, how to reach them, who referred them */
	keys("Dana Fox<Tab>07700 900456<Tab><Tab><Tab>");
	ck_assert_str_eq(form_focus_id(top_screen()), "referrer");
	keys("Kate Morris<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>"
	    "<Tab>");
	ck_assert_str_eq(form_focus_id(top_screen()), "funding");
	keys("p<Tab><Tab><Tab><Tab>6h<C-s>");
	/* Saved, and the new client's record is open. */
	ck_assert_ptr_eq(top_screen()->ops, &client_screen);
	SCREEN_HAS("Saved: Dana Fox is now on the list as referred");
	SCREEN_HAS("Dana Fox - referred");
	id = client_id("Dana Fox");
	ck_assert_int_eq(app_client_open(&app, id, &rec, &err), PD_OK);
	ck_assert_int_eq(rec.client.status, CLIENT_REFERRED);
	ck_assert_str_eq(rec.referral.referred_on, TODAY);
	ck_assert_str_eq(rec.referral.referrer_name, "Kate Morris");
	ck_assert_int_eq(rec.funding.kind, FUNDING_PERSONAL_BUDGET);
	ck_assert_int_eq(rec.funding.contracted_minutes_per_week, 360);
	client_record_fini(&rec);
	/* Back on the dashboard, one more new referral (the demo has 5:
	 * four new, one reopened). */
	keys("<Esc>");
	SCREEN_HAS("6 new referrals");
}
END_TEST

/* ---- a client's record -------------------------------------------------- */

START_TEST(test_client_record_80x24)
{
	int64_t id;

	id = first_row("jo", NULL, 0).id;
	sign_in("sam");
	start_session(80, 24, 0, &client_screen, &id);
	golden("client_80x24");
	keys("<Tab>");
	golden("client_referral_80x24");
	keys("<Tab>");
	SCREEN_HAS("People who matter");
	keys("<Tab>");
	SCREEN_HAS("Pronouns");
}
END_TEST

START_TEST(test_client_record_pal_40x15)
{
	int64_t id;

	id = first_row("jo", NULL, 0).id;
	sign_in("jo");
	start_session(40, 15, 0, &client_screen, &id);
	golden("client_pal_40x15");
	SCREEN_LACKS("Edit details");		/* PALs do not edit details */
	keys("e");
	ck_assert_ptr_eq(top_screen()->ops, &client_screen);
}
END_TEST

START_TEST(test_client_other_pal_refused)
{
	struct pd_err err;
	int64_t id;

	id = first_row("tom", NULL, 0).id;	/* Tom's client */
	sign_in("jo");
	start_session(40, 15, 0, &home_screen, NULL);
	ck_assert_int_ne(tui_push(harness_tui(h), &client_screen, &id, 0,
	    &err), PD_OK);
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
}
END_TEST

START_TEST(test_edit_saves)
{
	struct client_row c = first_row("jo", NULL, 0);
	struct client_record rec;
	struct pd_err err;
	char want[200];
	int64_t id = c.id;

	sign_in("sam");
	start_session(80, 24, 0, &client_screen, &id);
	keys("e");
	ck_assert_ptr_eq(top_screen()->ops, &client_edit_screen);
	snprintf(want, sizeof want, "Edit: %s", c.name);
	SCREEN_HAS(want);
	/* the phone comes second, straight after the name */
	keys("<Tab><C-u>07700 900111<C-s>");
	ck_assert_ptr_eq(top_screen()->ops, &client_screen);
	ck_assert_int_eq(app_client_open(&app, id, &rec, &err), PD_OK);
	ck_assert_str_eq(rec.client.phone, "07700 900111");
	client_record_fini(&rec);
}
END_TEST

/* Down until text shows (at most 40 rows). */
static void
scroll_until(const char *text)
{
	int i;

	for (i = 0; i < 40 && !screen_has(text); i++)
		keys("<Down>");
	SCREEN_HAS(text);
}

/* The referral form in full, every new field saved and shown, at 40
 * columns as on a phone. */
START_TEST(test_intake_full_referral_40x15)
{
	struct client_record rec;
	struct pd_err err;
	int64_t id;

	sign_in("sam");
	start_session(40, 15, 0, &home_screen, NULL);
	keys("n");
	ck_assert_ptr_eq(top_screen()->ops, &intake_screen);
	keys("Rae Okafor<Tab><Tab>rae@example.org<Tab><Tab>Kate Morris<Tab>"
	    "Adult Social Care<Tab>01632 960001<Tab>ss<Tab>Lonely since the "
	    "move<Tab><Tab>A friend at the cafe<Tab>2026-11-20<Tab><Tab><Tab>"
	    "<Tab>p<Tab>Kent County Council<Tab>Kate Morris<Tab>01632 960002"
	    "<Tab>6h<Tab><Tab><Tab>2026-11-23<Tab>2026-11-24<Tab>2026-11-25");
	ck_assert_str_eq(form_focus_id(top_screen()), "funding_received");
	keys("<C-s>");
	ck_assert_ptr_eq(top_screen()->ops, &client_screen);
	id = client_id("Rae Okafor");
	ck_assert_int_eq(app_client_open(&app, id, &rec, &err), PD_OK);
	ck_assert_str_eq(STR(rec.client.email), "rae@example.org");
	ck_assert_str_eq(STR(rec.referral.referrer_org), "Adult Social Care");
	ck_assert_str_eq(STR(rec.referral.referrer_contact), "01632 960001");
	ck_assert_int_eq(rec.referral.route, ROUTE_SOCIAL_WORKER);
	ck_assert_str_eq(STR(rec.referral.notes), "Lonely since the move");
	ck_assert_str_eq(STR(rec.referral.heard_about),
	    "A friend at the cafe");
	ck_assert_str_eq(rec.referral.first_contact_on, "2026-11-20");
	ck_assert_str_eq(rec.referral.plan_submitted_on, "2026-11-23");
	ck_assert_str_eq(rec.referral.plan_approved_on, "2026-11-24");
	ck_assert_str_eq(rec.referral.funding_received_on, "2026-11-25");
	ck_assert_int_eq(rec.funding.kind, FUNDING_PERSONAL_BUDGET);
	ck_assert_str_eq(STR(rec.funding.funder), "Kent County Council");
	ck_assert_str_eq(STR(rec.funding.negotiator), "Kate Morris");
	ck_assert_str_eq(STR(rec.funding.negotiator_contact),
	    "01632 960002");
	ck_assert_int_eq(rec.funding.contracted_minutes_per_week, 360);
	client_record_fini(&rec);
	/* the record's referral section shows it all */
	keys("<Tab>");
	golden("client_full_referral_40x15");
	scroll_until("Heard of us");
	scroll_until("Plan approved");
	scroll_until("Kent County Council");
	scroll_until("Negotiator's contact");
}
END_TEST

/* What Dee changes while Sam is editing (NULL: left as it is). */
struct dee_change {
	const char *phone, *email, *funder, *referrer;
};

/* Dee saves the same record while Sam is editing it. */
static void
dee_saves_these(int64_t id, const struct dee_change *ch)
{
	struct app other;
	struct client_record rec;
	struct pd_err err;
	char *db = xstrdup(app.db_path);

	demofix_open(&other, db, 0);
	ck_assert_int_eq(app_sign_in_as(&other, "dee", &err), PD_OK);
	ck_assert_int_eq(app_client_open(&other, id, &rec, &err), PD_OK);
#define SET(f, v) do { if ((v) != NULL) { free(f); f = xstrdup(v); } } \
	while (0)
	SET(rec.client.phone, ch->phone);
	SET(rec.client.email, ch->email);
	SET(rec.funding.funder, ch->funder);
	SET(rec.referral.referrer_name, ch->referrer);
#undef SET
	ck_assert_msg(app_client_save(&other, &rec, &err) == PD_OK, "%s",
	    err.msg);
	client_record_fini(&rec);
	app_close(&other);
	free(db);
}

static void
dee_saves(int64_t id, const char *phone)
{
	struct dee_change ch = { phone, NULL, NULL, NULL };

	dee_saves_these(id, &ch);
}

static struct client_record
record_of(int64_t id)
{
	struct client_record rec;
	struct pd_err err;

	ck_assert_int_eq(app_client_open(&app, id, &rec, &err), PD_OK);
	return rec;
}

/* Different fields, in the client, the referral and the funding: both
 * kept, no question asked. */
START_TEST(test_conflict_disjoint_merged)
{
	struct dee_change ch = { "07700 900999", NULL, "Kent County Council",
	    NULL };
	struct client_record rec;
	int64_t id = first_row("jo", NULL, 0).id;

	sign_in("sam");
	start_session(80, 24, 0, &client_screen, &id);
	/* Sam: the email (third) and who referred them (fifth) */
	keys("e<Tab><Tab><C-u>sam.writes@example.org<Tab><Tab><C-u>"
	    "Ann Social Worker");
	dee_saves_these(id, &ch);
	keys("<C-s>");
	ck_assert_ptr_eq(top_screen()->ops, &client_screen);
	SCREEN_HAS("Their changes made meanwhile are kept too: Phone, Funder");
	rec = record_of(id);
	ck_assert_str_eq(STR(rec.client.phone), "07700 900999");
	ck_assert_str_eq(STR(rec.client.email), "sam.writes@example.org");
	ck_assert_str_eq(STR(rec.referral.referrer_name), "Ann Social Worker");
	ck_assert_str_eq(STR(rec.funding.funder), "Kent County Council");
	client_record_fini(&rec);
}
END_TEST

/* The same field: theirs and mine side by side, nothing saved yet. */
START_TEST(test_conflict_same_field_shows_both)
{
	struct dee_change ch = { "07700 900999", "dee@example.org", NULL,
	    NULL };
	struct client_record rec;
	int64_t id = first_row("jo", NULL, 0).id;
	char *before;

	sign_in("sam");
	rec = record_of(id);
	before = xstrdup(STR(rec.client.phone));
	client_record_fini(&rec);
	start_session(80, 24, 0, &client_screen, &id);
	keys("e<Tab><C-u>07700 900111");
	dee_saves_these(id, &ch);
	keys("<C-s>");
	ck_assert_ptr_eq(top_screen()->ops, &form_merge_screen);
	golden("conflict_80x24");
	SCREEN_HAS("Dee Walsh (Operations Manager) changed this client's");
	SCREEN_HAS("You both changed one field");
	SCREEN_HAS("[ ] Theirs");
	SCREEN_HAS("[x] Mine");
	SCREEN_HAS("07700 900999");
	SCREEN_HAS("07700 900111");
	SCREEN_LACKS("dee@example.org");	/* only Dee changed it: no question */
	rec = record_of(id);
	ck_assert_str_eq(STR(rec.client.phone), "07700 900999");
	client_record_fini(&rec);
	/* Esc: back to the form, mine kept, theirs shown under it */
	keys("<Esc>");
	ck_assert_ptr_eq(top_screen()->ops, &client_edit_screen);
	SCREEN_HAS("They saved: \"07700 900999\"");
	free(before);
}
END_TEST

/* At 40 columns theirs is above mine. */
START_TEST(test_conflict_same_field_40x15)
{
	int64_t id = first_row("jo", NULL, 0).id;

	sign_in("sam");
	start_session(40, 15, 0, &client_screen, &id);
	keys("e<Tab><C-u>07700 900111");
	dee_saves(id, "07700 900999");
	keys("<C-s>");
	ck_assert_ptr_eq(top_screen()->ops, &form_merge_screen);
	golden("conflict_40x15");
	SCREEN_HAS("[ ] Theirs");
	SCREEN_HAS("[x] Mine");
}
END_TEST

/* My choice is saved, against their version, with their other changes. */
START_TEST(test_conflict_choice_saved)
{
	struct dee_change ch = { "07700 900999", "dee@example.org", NULL,
	    NULL };
	struct client_record rec;
	int64_t id = first_row("jo", NULL, 0).id;

	sign_in("sam");
	start_session(80, 24, 0, &client_screen, &id);
	keys("e<Tab><C-u>07700 900111");
	dee_saves_these(id, &ch);
	keys("<C-s>");
	ck_assert_ptr_eq(top_screen()->ops, &form_merge_screen);
	keys("<Enter>");		/* mine is chosen to begin with */
	ck_assert_ptr_eq(top_screen()->ops, &client_screen);
	rec = record_of(id);
	ck_assert_str_eq(STR(rec.client.phone), "07700 900111");
	ck_assert_str_eq(STR(rec.client.email), "dee@example.org");
	client_record_fini(&rec);
	/* and again, choosing theirs */
	keys("e<Tab><C-u>07700 900222");
	dee_saves(id, "07700 900333");
	keys("<C-s>");
	ck_assert_ptr_eq(top_screen()->ops, &form_merge_screen);
	keys("t");
	SCREEN_HAS("[x] Theirs");
	keys("<Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &client_screen);
	rec = record_of(id);
	ck_assert_str_eq(STR(rec.client.phone), "07700 900333");
	client_record_fini(&rec);
}
END_TEST

/* A PAL's profile: the same two cases.  (The form is private to the
 * PAL screens.) */
extern const struct screen_ops pal_profile_screen;

static void
dee_saves_profile(int64_t pal, const char *likes, const char *interests)
{
	struct app other;
	struct pal_record r;
	struct pd_err err;
	char *db = xstrdup(app.db_path);

	demofix_open(&other, db, 0);
	ck_assert_int_eq(app_sign_in_as(&other, "dee", &err), PD_OK);
	ck_assert_int_eq(app_pal_open(&other, pal, &r, &err), PD_OK);
	if (likes != NULL) {
		free(r.profile.likes);
		r.profile.likes = xstrdup(likes);
	}
	if (interests != NULL) {
		free(r.profile.interests);
		r.profile.interests = xstrdup(interests);
	}
	ck_assert_msg(app_pal_profile_save(&other, &r.profile, &err) == PD_OK,
	    "%s", err.msg);
	pal_record_fini(&r);
	app_close(&other);
	free(db);
}

static struct pal_profile
profile_of(int64_t pal)
{
	struct pal_record r;
	struct pal_profile p;
	struct pd_err err;

	ck_assert_int_eq(app_pal_open(&app, pal, &r, &err), PD_OK);
	p = r.profile;
	memset(&r.profile, 0, sizeof r.profile);
	pal_record_fini(&r);
	return p;
}

START_TEST(test_conflict_pal_profile)
{
	struct pal_profile p;
	int64_t pal;
	struct pd_err err;

	sign_in("sam");
	ck_assert_int_eq(app_pal_by_login(&app, "jo", &pal, &err), PD_OK);
	start_session(80, 24, 0, &home_screen, NULL);
	ck_assert_int_eq(tui_push(harness_tui(h), &pal_profile_screen, &pal,
	    0, &err), PD_OK);
	/* gender, pronouns, interests, activities, likes: Sam's likes */
	keys("<Tab><Tab><Tab><Tab><C-u>long walks");
	dee_saves_profile(pal, NULL, "chess, baking");
	keys("<C-s>");
	ck_assert_ptr_ne(top_screen()->ops, &form_merge_screen);
	p = profile_of(pal);
	ck_assert_str_eq(STR(p.likes), "long walks");
	ck_assert_str_eq(STR(p.interests), "chess, baking");
	pal_profile_fini(&p);
	/* both change the likes: asked, and theirs chosen */
	ck_assert_int_eq(tui_push(harness_tui(h), &pal_profile_screen, &pal,
	    0, &err), PD_OK);
	keys("<Tab><Tab><Tab><Tab><C-u>swimming");
	dee_saves_profile(pal, "the sea", NULL);
	keys("<C-s>");
	ck_assert_ptr_eq(top_screen()->ops, &form_merge_screen);
	SCREEN_HAS("Likes");
	SCREEN_HAS("the sea");
	SCREEN_HAS("swimming");
	keys("<Left><Enter>");
	ck_assert_ptr_ne(top_screen()->ops, &form_merge_screen);
	p = profile_of(pal);
	ck_assert_str_eq(STR(p.likes), "the sea");
	pal_profile_fini(&p);
}
END_TEST

/* ---- signing in and the lock ------------------------------------------- */

static void
nobody_signed_in(void)
{
	access_set_nobody(&app, NULL);
	app.settings->shared_accounts = xcalloc(1, sizeof(char *));
	app.settings->shared_accounts[0] = xcalloc(64, 1);
	ck_assert_int_eq(app_unix_login(app.settings->shared_accounts[0], 64),
	    0);
	app.settings->n_shared_accounts = 1;
}

START_TEST(test_signin_80x24)
{
	nobody_signed_in();
	start_session(80, 24, 1, &signin_screen, NULL);
	SCREEN_HAS("Who are you?");
	keys("sa");
	golden("signin_80x24");
	SCREEN_LACKS("Rosa Silva");	/* names are found by their words */
	keys("<Enter>");
	SCREEN_HAS("Hello, Sam Carter.");
	keys("tea");
	SCREEN_HAS("\u2022\u2022\u2022");
	SCREEN_LACKS("tea");		/* dots, never the letters */
	keys(" and toast<Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	SCREEN_HAS("Sam Carter (office)");
	ck_assert_int_eq(app_actor_signed_in(&app), 1);
	/* Esc on the dashboard signs out. */
	keys("<Esc>");
	ck_assert_ptr_eq(top_screen()->ops, &signin_screen);
	ck_assert_int_eq(app_actor_signed_in(&app), 0);
	SCREEN_HAS("Signed out");
}
END_TEST

START_TEST(test_signin_three_tries)
{
	nobody_signed_in();
	start_session(80, 24, 1, &signin_screen, NULL);
	keys("sam<Enter>one<Enter>");
	SCREEN_HAS("That name and passphrase do not match");
	keys("two<Enter>three<Enter>");
	SCREEN_HAS("Too many tries. Please wait 30 seconds.");
	/* During the pause nothing is typed or tried. */
	keys(PASS_SAM "<Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &signin_screen);
	fake_ms += 29000;
	harness_tick(h);
	SCREEN_HAS("Please wait 1 second.");
	fake_ms += 1000;
	harness_tick(h);
	keys(PASS_SAM "<Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
}
END_TEST

static void
signed_in_as_sam(void)
{
	nobody_signed_in();
	start_session(80, 24, 1, &signin_screen, NULL);
	keys("sam<Enter>" PASS_SAM "<Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
}

START_TEST(test_lock_80x24)
{
	struct client_row newest = first_row("sam", NULL, 0);

	signed_in_as_sam();
	keys("c");
	SCREEN_HAS(newest.name);
	fake_ms += 9 * 60 * 1000;
	harness_tick(h);
	ck_assert_ptr_eq(top_screen()->ops, &clients_screen);
	keys("<Down>");		/* a key: the ten minutes start again */
	harness_tick(h);
	fake_ms += 9 * 60 * 1000;
	harness_tick(h);
	ck_assert_ptr_eq(top_screen()->ops, &clients_screen);
	fake_ms += 60 * 1000;
	harness_tick(h);
	ck_assert_ptr_eq(top_screen()->ops, &lock_screen);
	golden("lock_80x24");
	SCREEN_LACKS(newest.name);
	SCREEN_LACKS("Sam");
	/* Typing and Esc do not unlock. */
	keys("x<Esc>");
	ck_assert_ptr_eq(top_screen()->ops, &lock_screen);
	SCREEN_LACKS(newest.name);
	keys("<Enter>");
	SCREEN_HAS("Who are you?");
	keys("<Enter>");		/* Sam is chosen already */
	SCREEN_HAS("Hello, Sam Carter.");
	keys(PASS_SAM "<Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &clients_screen);
	SCREEN_HAS(newest.name);
}
END_TEST

START_TEST(test_lock_someone_else)
{
	char *content = NULL, at[21];
	struct pd_err err;

	signed_in_as_sam();
	keys("nDana Fox");
	harness_tick(h);	/* the loop ticks while someone types */
	fake_ms += 10 * 60 * 1000;
	harness_tick(h);
	ck_assert_ptr_eq(top_screen()->ops, &lock_screen);
	keys("<Enter>dee<Enter>" PASS_DEE "<Enter>");
	/* Sam's form is closed, kept as Sam's draft; Dee is at home. */
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
	SCREEN_HAS("Dee Walsh");
	SCREEN_HAS("The unsaved work of sam was kept as a draft");
	ck_assert_ptr_eq(screen_below(top_screen())->ops, &signin_screen);
	ck_assert_int_eq(app_draft_take(&app, "kept:intake", "", &content, at,
	    &err), PD_NOT_FOUND);	/* not Dee's */
	/* Sam comes back and finds the referral as it was. */
	keys("<Esc>sam<Enter>" PASS_SAM "<Enter>n");
	ck_assert_ptr_eq(top_screen()->ops, &intake_screen);
	SCREEN_HAS("Dana Fox");
	SCREEN_HAS("Unsaved changes from HH:MM are back");
}
END_TEST

START_TEST(test_no_lock_when_not_shared)
{
	sign_in("sam");
	start_session(80, 24, 0, &home_screen, NULL);
	fake_ms += 60 * 60 * 1000;
	harness_tick(h);
	ck_assert_ptr_eq(top_screen()->ops, &home_screen);
}
END_TEST

/* A dropped connection (SIGHUP) keeps the half-written referral. */
START_TEST(test_hangup_keeps_form)
{
	char *content = NULL, at[21];
	struct pd_err err;

	sign_in("sam");
	start_session(80, 24, 0, &home_screen, NULL);
	keys("nDana Fox<Tab>07700 900123");
	harness_tick(h);
	app_tui_hangup(&app, 1);
	ck_assert_int_eq(app_draft_take(&app, "kept:intake", "", &content, at,
	    &err), PD_OK);
	ck_assert_ptr_nonnull(strstr(content, "name\tDana Fox\n"));
	ck_assert_ptr_nonnull(strstr(content, "phone\t07700 900123\n"));
	free(content);
}
END_TEST

/* ---- the menus ------------------------------------------------------- */

static void
menu_sound(const struct menu_entry *menu)
{
	const struct menu_entry *a, *b;

	for (a = menu; a->label != NULL; a++) {
		ck_assert_msg(a->key != NULL && strlen(a->key) == 1,
		    "%s: the key is one character", a->label);
		ck_assert_ptr_nonnull(a->ops);
		ck_assert_uint_ne(a->roles, 0);
		for (b = a + 1; b->label != NULL; b++)
			ck_assert_msg(strcmp(a->key, b->key) != 0,
			    "%s and %s share the key %s", a->label, b->label,
			    a->key);
	}
}

START_TEST(test_menus_sound)
{
	menu_sound(home_menu);
	menu_sound(client_menu);
	ck_assert_ptr_eq(menu_find(home_menu, 'c', APP_PAL)->ops,
	    &clients_screen);
	ck_assert_ptr_null(menu_find(home_menu, 'n', APP_PAL));
}
END_TEST

/* ---- a client's story ------------------------------------------------- */

/* t on the record: Closed, why, the day (Enter: today), and ending the
 * PAL's support on the way; the history shows the line. */
START_TEST(test_client_close_from_record)
{
	struct assignment_list l;
	struct pd_err err;
	int64_t id;

	id = first_row("jo", NULL, 0).id;
	sign_in("sam");
	start_session(80, 24, 0, &client_screen, &id);
	SCREEN_HAS("Status history");
	keys("t");
	SCREEN_HAS("Status from today");
	keys("<Down><Down><Enter>");		/* intake, paused, closed */
	SCREEN_HAS("Why closed?");
	keys("<Down><Enter>");			/* moved away */
	SCREEN_HAS("Which day?");
	keys("<Enter>");			/* today */
	SCREEN_HAS("still has a PAL (Jo Bennett)");
	keys("<Left><Enter>");			/* End it and close */
	SCREEN_HAS(" - closed");
	SCREEN_HAS("closed since " TODAY " (moved away)");
	SCREEN_HAS(TODAY "  closed (moved away)");
	ck_assert_int_eq(app_assignment_list(&app, id, 1, &l, &err), PD_OK);
	ck_assert_uint_eq(l.n, 0);
	assignment_list_fini(&l);
	/* a closed client: t offers to reopen */
	keys("t");
	SCREEN_HAS("Reopen them?");
	keys("<Enter>");
	SCREEN_HAS(" - referred");
	SCREEN_HAS("Reopened: a new episode");
}
END_TEST

/* The day is typed as on every other form (31/12/25, 24/11/2026,
 * yesterday) and shown back in words; a day that is not one asks
 * again, naming the shapes. */
START_TEST(test_client_status_day_typed)
{
	struct client_record rec;
	int64_t id;

	id = first_row("jo", NULL, 0).id;
	sign_in("sam");
	start_session(80, 24, 0, &client_screen, &id);
	keys("t");
	SCREEN_HAS("Status from today");
	keys("<Down><Enter>");			/* intake, paused */
	SCREEN_HAS("Which day?");
	keys("<C-u>31/02/26<Enter>");		/* no such day */
	SCREEN_HAS("February 2026 has 28 days");
	SCREEN_HAS("Which day?");
	keys("<C-u>24/11/26<Enter>");
	SCREEN_HAS("Saved: paused from Tue 24 Nov 2026");
	rec = record_of(id);
	ck_assert_int_eq(rec.client.status, CLIENT_PAUSED);
	ck_assert_str_eq(rec.client.status_changed_on, "2026-11-24");
	client_record_fini(&rec);
	/* and a word */
	keys("t<Enter>");			/* intake */
	SCREEN_HAS("Which day?");
	keys("<C-u>today<Enter>");
	SCREEN_HAS("Saved: intake from Wed 25 Nov 2026");
	rec = record_of(id);
	ck_assert_int_eq(rec.client.status, CLIENT_INTAKE);
	ck_assert_str_eq(rec.client.status_changed_on, TODAY);
	client_record_fini(&rec);
}
END_TEST

/* A PAL sees neither the history nor the keys; t does nothing. */
START_TEST(test_client_story_not_for_pal)
{
	int64_t id;

	id = first_row("jo", NULL, 0).id;
	sign_in("jo");
	start_session(80, 24, 0, &client_screen, &id);
	SCREEN_LACKS("Status history");
	SCREEN_LACKS("Change status");
	SCREEN_LACKS("Merge");
	keys("t");
	SCREEN_LACKS("Status from today");
	keys("m");
	SCREEN_LACKS("Merge a record");
}
END_TEST

/* A new referral with the name of someone already there: the list of
 * likely matches, and Open client N instead opens that record. */
START_TEST(test_intake_duplicate_opens_record)
{
	struct client_row jo1 = first_row("jo", NULL, 0);
	int64_t before = jo1.id;
	struct client_query q;
	struct pd_err err;
	char want[200];
	int n = 0;

	sign_in("sam");
	start_session(80, 24, 0, &home_screen, NULL);
	keys("n");
	keys(jo1.name);
	keys("<C-s>");
	SCREEN_HAS("Already here?");
	snprintf(want, sizeof want, "Open client %lld instead",
	    (long long)before);
	SCREEN_HAS(want);
	keys("<Enter>");
	ck_assert_ptr_eq(top_screen()->ops, &client_screen);
	snprintf(want, sizeof want, "%s - active", jo1.name);
	SCREEN_HAS(want);
	memset(&q, 0, sizeof q);	/* and no second one */
	q.filter = jo1.name;
	q.status_or_minus1 = -1;
	ck_assert_int_eq(app_client_count(&app, &q, &n, &err), PD_OK);
	ck_assert_int_eq(n, 1);
}
END_TEST

/* A manager merges a second record of the same person into the one
 * kept: m, the number, Merge; the other then opens this one. */
START_TEST(test_client_merge_from_record)
{
	struct client_row jo1 = first_row("jo", NULL, 0);
	struct intake in;
	struct client_record rec;
	struct pd_err err;
	int64_t dup = 0;
	char num[32], want[200];

	sign_in("priya");
	intake_init(&in);
	in.client.name = xstrdup(jo1.name);
	ck_assert_int_eq(app_client_create(&app, &in, &dup, &err), PD_OK);
	intake_fini(&in);
	start_session(80, 24, 0, &client_screen, &jo1.id);
	SCREEN_HAS("Merge a record in");
	keys("m");
	SCREEN_HAS("Number of the other record");
	snprintf(num, sizeof num, "%lld<Enter>", (long long)dup);
	keys(num);
	snprintf(want, sizeof want, "(client %lld) into", (long long)dup);
	SCREEN_HAS(want);
	keys("<Left><Enter>");			/* Merge */
	snprintf(want, sizeof want, "Merged: client %lld is closed",
	    (long long)dup);
	SCREEN_HAS(want);
	ck_assert_int_eq(app_client_open(&app, dup, &rec, &err), PD_OK);
	ck_assert_int_eq(rec.client.status, CLIENT_CLOSED);
	ck_assert_int_eq(rec.client.merged_into, jo1.id);
	client_record_fini(&rec);
	/* opening the merged record opens the one kept */
	ck_assert_int_eq(tui_push(harness_tui(h), &client_screen, &dup, 0,
	    &err), PD_OK);
	keys("<Up>");				/* draws it */
	snprintf(want, sizeof want, "%s - active", jo1.name);
	SCREEN_HAS(want);
	snprintf(want, sizeof want, "Client %lld was merged into this record",
	    (long long)dup);
	SCREEN_HAS(want);
}
END_TEST

/* Changing the phone to another client's: the likely match, before
 * saving; Back to the form keeps the change unsaved. */
START_TEST(test_edit_phone_duplicate)
{
	struct client_row jo1 = first_row("jo", NULL, 0);
	struct client_row jo2 = first_row("jo", NULL, 1);
	struct client_record a, b;
	struct pd_err err;
	char script[200];

	sign_in("sam");
	ck_assert_int_eq(app_client_open(&app, jo1.id, &a, &err), PD_OK);
	ck_assert_int_eq(app_client_open(&app, jo2.id, &b, &err), PD_OK);
	start_session(80, 24, 0, &client_screen, &jo2.id);
	keys("e");
	for (int i = 0; i < 10 && strcmp(form_focus_id(top_screen()),
	    "phone") != 0; i++)
		keys("<Tab>");
	ck_assert_str_eq(form_focus_id(top_screen()), "phone");
	snprintf(script, sizeof script, "<C-u>%s<C-s>", a.client.phone);
	keys(script);
	SCREEN_HAS("Already here?");
	SCREEN_HAS("the same phone");
	keys("<Down><Down><Enter>");		/* Back to the form */
	SCREEN_LACKS("Already here?");
	client_record_fini(&b);
	ck_assert_int_eq(app_client_open(&app, jo2.id, &b, &err), PD_OK);
	ck_assert_str_ne(b.client.phone, a.client.phone);	/* not saved */
	client_record_fini(&a);
	client_record_fini(&b);
}
END_TEST

/* Save anyway saves a second record. */
START_TEST(test_intake_duplicate_save_anyway)
{
	struct client_row jo1 = first_row("jo", NULL, 0);
	struct client_query q;
	int n = 0;
	struct pd_err err;

	sign_in("sam");
	start_session(80, 24, 0, &home_screen, NULL);
	keys("n");
	keys(jo1.name);
	keys("<C-s>");
	SCREEN_HAS("Already here?");
	keys("<Down><Enter>");
	SCREEN_HAS("is now on the list as referred");
	memset(&q, 0, sizeof q);
	q.filter = jo1.name;
	q.status_or_minus1 = -1;
	ck_assert_int_eq(app_client_count(&app, &q, &n, &err), PD_OK);
	ck_assert_int_eq(n, 2);
}
END_TEST

static Suite *
app_screens_suite(void)
{
	Suite *s = suite_create("app_screens");
	TCase *tc = tcase_create("screens");

	tcase_add_unchecked_fixture(tc, demo_make, demofix_remove);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_home_office_80x24);
	tcase_add_test(tc, test_home_pal_40x15);
	tcase_add_test(tc, test_home_keys);
	tcase_add_loop_test(tc, test_home_mouse, 0, 2);
	tcase_add_test(tc, test_home_reminders_list);
	tcase_add_test(tc, test_home_resize);
	tcase_add_test(tc, test_home_no_colour);
	tcase_add_test(tc, test_clients_filter_80x24);
	tcase_add_test(tc, test_clients_status);
	tcase_add_test(tc, test_clients_filter_counts);
	tcase_add_test(tc, test_clients_pal_scope);
	tcase_add_test(tc, test_intake_errors_80x24);
	tcase_add_test(tc, test_intake_saves);
	tcase_add_test(tc, test_intake_full_referral_40x15);
	tcase_add_test(tc, test_client_record_80x24);
	tcase_add_test(tc, test_client_record_pal_40x15);
	tcase_add_test(tc, test_client_other_pal_refused);
	tcase_add_test(tc, test_edit_saves);
	tcase_add_test(tc, test_conflict_disjoint_merged);
	tcase_add_test(tc, test_conflict_same_field_shows_both);
	tcase_add_test(tc, test_conflict_same_field_40x15);
	tcase_add_test(tc, test_conflict_choice_saved);
	tcase_add_test(tc, test_conflict_pal_profile);
	tcase_add_test(tc, test_signin_80x24);
	tcase_add_test(tc, test_signin_three_tries);
	tcase_add_test(tc, test_lock_80x24);
	tcase_add_test(tc, test_lock_someone_else);
	tcase_add_test(tc, test_no_lock_when_not_shared);
	tcase_add_test(tc, test_hangup_keeps_form);
	tcase_add_test(tc, test_menus_sound);
	tcase_add_test(tc, test_client_close_from_record);
	tcase_add_test(tc, test_client_status_day_typed);
	tcase_add_test(tc, test_client_story_not_for_pal);
	tcase_add_test(tc, test_intake_duplicate_opens_record);
	tcase_add_test(tc, test_intake_duplicate_save_anyway);
	tcase_add_test(tc, test_client_merge_from_record);
	tcase_add_test(tc, test_edit_phone_duplicate);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(app_screens_suite)
