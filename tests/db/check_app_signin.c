/* Tier 2: the audit of signing in and out (over SSH, from where; at a
 * terminal; the shared office account's lock), refused attempts, and
 * which editor Ctrl-E may start for whom. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/app/users.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/db/audit.h"
#include "peerdesk/db/staff.h"

static struct app app;

static void
no_ssh(void)
{
	unsetenv("SSH_CONNECTION");
	unsetenv("SSH_CLIENT");
	unsetenv("SSH_TTY");
	unsetenv("SSH_ORIGINAL_COMMAND");
}

static void
setup(void)
{
	no_ssh();
	appfix_open(&app);
}

static void
teardown(void)
{
	app_close(&app);
	no_ssh();
}

static int
audit_line(void *arg, const struct audit_entry *a)
{
	struct strbuf *sb = arg;

	strbuf_addf(sb, "%s|%s|%lld|%s\n", a->action,
	    a->actor_login ? a->actor_login : "-", (long long)a->entity_id,
	    a->summary ? a->summary : "");
	return 0;
}

/* Every audit row, oldest first, one "action|login|staff record|summary"
 * line each (caller frees). */
static char *
audit_lines(void)
{
	struct strbuf sb = STRBUF_INIT, rev = STRBUF_INIT;
	struct audit_query q;
	struct pd_err err;
	char *line, *save, *lines[64];
	int n = 0;

	memset(&q, 0, sizeof q);
	ck_assert_int_eq(db_audit_list(app.db, &q, audit_line, &sb, &err),
	    PD_OK);
	/* newest first from the database: turn it round */
	for (line = strtok_r(sb.buf, "\n", &save); line != NULL && n < 64;
	    line = strtok_r(NULL, "\n", &save))
		lines[n++] = line;
	while (n-- > 0)
		strbuf_addf(&rev, "%s\n", lines[n]);
	strbuf_fini(&sb);
	return strbuf_detach(&rev);
}

static int
count_of(const char *all, const char *what)
{
	int n = 0;

	while ((all = strstr(all, what)) != NULL) {
		n++;
		all += strlen(what);
	}
	return n;
}

static void
assert_has(const char *all, const char *want)
{
	ck_assert_msg(strstr(all, want) != NULL, "wanted '%s' in:\n%s", want,
	    all);
}

START_TEST(test_ssh_from)
{
	char from[160];

	ck_assert_int_eq(app_over_ssh(from, sizeof from), 0);
	ck_assert_str_eq(from, "");
	setenv("SSH_CONNECTION", "203.0.113.5 52114 10.0.0.1 22", 1);
	ck_assert_int_eq(app_over_ssh(from, sizeof from), 1);
	ck_assert_str_eq(from, "203.0.113.5 port 52114");
	setenv("SSH_CONNECTION", "2001:db8::7 40000 2001:db8::1 22", 1);
	ck_assert_int_eq(app_over_ssh(from, sizeof from), 1);
	ck_assert_str_eq(from, "2001:db8::7 port 40000");
	/* junk is not passed on, but it is still SSH */
	setenv("SSH_CONNECTION", "1.2.3.4;\x1b[2J 99 x y", 1);
	ck_assert_int_eq(app_over_ssh(from, sizeof from), 1);
	ck_assert_str_eq(from, "");
	/* SSH_CLIENT when SSH_CONNECTION says nothing usable */
	setenv("SSH_CLIENT", "198.51.100.9 6000 22", 1);
	ck_assert_int_eq(app_over_ssh(from, sizeof from), 1);
	ck_assert_str_eq(from, "198.51.100.9 port 6000");
	no_ssh();
	setenv("SSH_ORIGINAL_COMMAND", "peerdesk log", 1);
	ck_assert_int_eq(app_over_ssh(from, sizeof from), 1);
	ck_assert_str_eq(from, "");
	no_ssh();
	setenv("SSH_TTY", "/dev/pts/4", 1);
	ck_assert_int_eq(app_over_ssh(NULL, 0), 1);
}
END_TEST

START_TEST(test_editor_mode)
{
	int64_t maya = dbfix_staff(app.db, "maya", "Maya", ROLE_MANAGER);
	int64_t olive = dbfix_staff(app.db, "olive", "Olive", ROLE_OFFICE);
	int64_t jo = dbfix_pal(app.db, "jo", "Jo");

	/* nobody signed in (a shared account before anyone signs in) */
	access_set_nobody(&app, NULL);
	ck_assert_int_eq(app_editor_mode(&app), SETTINGS_EDITOR_OFF);
	/* defaults: office and manager their own; a PAL restricted */
	appfix_act_as(&app, olive, ROLE_OFFICE, "olive");
	ck_assert_int_eq(app_editor_mode(&app), SETTINGS_EDITOR_OWN);
	appfix_act_as(&app, maya, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_editor_mode(&app), SETTINGS_EDITOR_OWN);
	appfix_act_as(&app, jo, ROLE_PAL, "jo");
	ck_assert_int_eq(app_editor_mode(&app), SETTINGS_EDITOR_RESTRICTED);
	/* a PAL never gets their own, even if the struct said so */
	app.settings->pal_editor = SETTINGS_EDITOR_OWN;
	ck_assert_int_eq(app_editor_mode(&app), SETTINGS_EDITOR_RESTRICTED);
	app.settings->pal_editor = SETTINGS_EDITOR_OFF;
	ck_assert_int_eq(app_editor_mode(&app), SETTINGS_EDITOR_OFF);
	/* over SSH: a manager's own editor becomes the restricted one */
	appfix_act_as(&app, maya, ROLE_MANAGER, "maya");
	setenv("SSH_CONNECTION", "203.0.113.5 52114 10.0.0.1 22", 1);
	ck_assert_int_eq(app_editor_mode(&app), SETTINGS_EDITOR_RESTRICTED);
	app.settings->editor = SETTINGS_EDITOR_OFF;
	ck_assert_int_eq(app_editor_mode(&app), SETTINGS_EDITOR_OFF);
	no_ssh();
	app.settings->editor = SETTINGS_EDITOR_RESTRICTED;
	ck_assert_int_eq(app_editor_mode(&app), SETTINGS_EDITOR_RESTRICTED);
}
END_TEST

START_TEST(test_ssh_sign_in_and_out)
{
	int64_t jo = dbfix_pal(app.db, "jo", "Jo");
	char want[200], *all;

	appfix_act_as(&app, jo, ROLE_PAL, "jo");
	setenv("SSH_CONNECTION", "203.0.113.5 52114 10.0.0.1 22", 1);
	app_session_signed_in(&app);
	app_session_end(&app, 1);
	ck_assert_int_eq(app_actor_signed_in(&app), 0);
	/* nobody signed in: nothing more is written */
	app_session_end(&app, 0);
	all = audit_lines();
	snprintf(want, sizeof want, "sign_in|jo|%lld|signed in over SSH from "
	    "203.0.113.5 port 52114\n", (long long)jo);
	assert_has(all, want);
	snprintf(want, sizeof want, "sign_out|jo|%lld|signed out: the line "
	    "dropped, over SSH from 203.0.113.5 port 52114\n", (long long)jo);
	assert_has(all, want);
	ck_assert_int_eq(dbfix_count(app.db, "audit"), 2);
	free(all);
	/* at a terminal of this computer, left in the usual way */
	no_ssh();
	appfix_act_as(&app, jo, ROLE_PAL, "jo");
	app_session_signed_in(&app);
	app_session_end(&app, 0);
	all = audit_lines();
	assert_has(all, "|signed in at a terminal of this computer");
	assert_has(all, "|signed out at a terminal of this computer");
	free(all);
}
END_TEST

START_TEST(test_lock_unlock)
{
	int64_t olive = dbfix_staff(app.db, "olive", "Olive", ROLE_OFFICE);
	struct pd_err err;
	char *all;

	access_set_nobody(&app, NULL);
	ck_assert_int_eq(app_sign_in_as(&app, "olive", &err), PD_OK);
	app_session_locked(&app, 10);
	app_session_unlocked(&app);
	app_sign_out(&app);
	/* nobody: no row */
	app_session_locked(&app, 10);
	app_session_unlocked(&app);
	all = audit_lines();
	ck_assert_int_eq(dbfix_count(app.db, "audit"), 4);
	assert_has(all, "sign_in|olive|");
	assert_has(all, "|signed in on the shared account ");
	assert_has(all, "lock|olive|");
	assert_has(all, "|the screen locked itself after 10 minutes without a "
	    "key\n");
	assert_has(all, "unlock|olive|");
	assert_has(all, "|unlocked the screen with their passphrase\n");
	assert_has(all, "sign_out|olive|");
	/* in that order */
	ck_assert(strstr(all, "sign_in|") < strstr(all, "\nlock|"));
	ck_assert(strstr(all, "\nlock|") < strstr(all, "unlock|"));
	ck_assert(strstr(all, "unlock|") < strstr(all, "sign_out|"));
	(void)olive;
	free(all);
}
END_TEST

START_TEST(test_refused)
{
	int64_t maya = dbfix_staff(app.db, "maya", "Maya", ROLE_MANAGER);
	int64_t gone = dbfix_staff(app.db, "gone", "Gone", ROLE_OFFICE);
	struct staff st;
	struct pd_err err, e1;
	char *all, want[200];

	dbfix_staff(app.db, "nopass", "No Pass", ROLE_OFFICE);
	appfix_act_as(&app, maya, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_user_passwd(&app, "maya", "purple kettle rain",
	    &err), PD_OK);
	ck_assert_int_eq(app_user_passwd(&app, "gone", "purple kettle rain",
	    &err), PD_OK);
	memset(&st, 0, sizeof st);
	ck_assert_int_eq(db_staff_get(app.db, gone, &st, &err), PD_OK);
	st.active = 0;
	ck_assert_int_eq(db_staff_update(app.db, &st, &err), PD_OK);
	staff_fini(&st);
	/* at the shared account: nobody signed in yet */
	access_set_nobody(&app, "office");
	ck_assert_int_eq(app_signin_check(&app, "maya", "purple kettle rai",
	    &e1), PD_DENIED);
	ck_assert_int_eq(app_signin_check(&app, "ghost", "purple kettle rain",
	    &err), PD_DENIED);
	/* the person sees the same words whatever the reason */
	ck_assert_str_eq(err.msg, e1.msg);
	ck_assert_int_eq(app_signin_check(&app, "nopass", "anything at all",
	    &err), PD_DENIED);
	ck_assert_int_eq(app_signin_check(&app, "gone", "purple kettle rain",
	    &err), PD_DENIED);
	ck_assert_int_eq(app_signin_check(&app, "maya", "purple kettle rain",
	    &err), PD_OK);
	/* someone whose Unix login is not a peerdesk user, over SSH */
	setenv("SSH_CONNECTION", "192.0.2.44 50000 10.0.0.1 22", 1);
	access_set_nobody(&app, "stranger");
	app_session_refused(&app, "'stranger' is not a peerdesk user yet");
	all = audit_lines();
	snprintf(want, sizeof want, "sign_in_failed|office|%lld|a sign-in as "
	    "maya failed: wrong passphrase\n", (long long)maya);
	assert_has(all, want);
	assert_has(all, "sign_in_failed|office|0|a sign-in as ghost failed: "
	    "no peerdesk user has that name\n");
	assert_has(all, "|a sign-in as nopass failed: no passphrase has been "
	    "set\n");
	assert_has(all, "|a sign-in as gone failed: the account is switched "
	    "off\n");
	assert_has(all, "sign_in_refused|stranger|0|refused over SSH from "
	    "192.0.2.44 port 50000: 'stranger' is not a peerdesk user yet\n");
	/* four failures; the good passphrase wrote none */
	ck_assert_int_eq(count_of(all, "sign_in_failed|"), 4);
	free(all);
}
END_TEST

/* How the kinds are shown: refusals short and marked, the rest as
 * stored; CSV keeps the stored names. */
START_TEST(test_labels)
{
	ck_assert_str_eq(audit_action_label("sign_in_failed"), "failed");
	ck_assert_str_eq(audit_action_label("sign_in_refused"), "refused");
	ck_assert_str_eq(audit_action_label("sign_in"), "sign_in");
	ck_assert_str_eq(audit_action_label("open"), "open");
	ck_assert(audit_is_session("lock") && audit_is_session("unlock") &&
	    audit_is_session("sign_out") && !audit_is_session("open"));
	ck_assert(audit_is_refusal("sign_in_refused") &&
	    !audit_is_refusal("sign_in"));
}
END_TEST

static Suite *
app_signin_suite(void)
{
	Suite *s = suite_create("app_signin");
	TCase *tc = tcase_create("signin");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_ssh_from);
	tcase_add_test(tc, test_editor_mode);
	tcase_add_test(tc, test_ssh_sign_in_and_out);
	tcase_add_test(tc, test_lock_unlock);
	tcase_add_test(tc, test_refused);
	tcase_add_test(tc, test_labels);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(app_signin_suite)
