/* app_tui.h - the screens' session: which screen comes first, the tick
 * (idle lock, dashboard refresh), the lock, and unsaved form text kept
 * as a draft when someone else signs in.
 *
 *   struct app_tui_options o = { .shared = shared,
 *       .idle_lock_minutes = app->settings->idle_lock_minutes };
 *   return app_tui_run(app, &o);
 *
 * There is one session per process (the program has one terminal);
 * tests set it up with app_tui_setup() and drive it through tests/tui/support/harness.h
 * with app_tui_config().
 */
#ifndef PEERDESK_TUI_APP_TUI_H
#define PEERDESK_TUI_APP_TUI_H

#include <stdbool.h>

#include "peerdesk/app/app.h"
#include "peerdesk/tui/screen.h"
#include "peerdesk/tui/tui.h"

struct app_tui_options {
	bool shared;		/* shared office account: sign in, idle lock */
	int idle_lock_minutes;	/* 0 = never lock */
	int refresh_seconds;	/* dashboard refresh; 0 = 60 */
	int pause_seconds;	/* after three wrong passphrases; 0 = 30 */
	long long (*now_ms)(void);	/* clock; NULL = the monotonic one */
	bool monochrome;	/* no colour (NO_COLOR also does this) */
	bool no_mouse;		/* settings mouse: false */
	const struct keys_conf *keys;	/* the person's keys.yaml, or NULL */
	int draft_seconds;	/* autosave of form text; 0 = every 5 s */
};

/* Set up the session for app (the screens then find it as s->app). */
void app_tui_setup(struct app *app, const struct app_tui_options *o);

/* The tui_config the session runs with (app, tick, on_signal, today). */
struct tui_config app_tui_config(void);

/* For a command that opens one screen straight away (peerdesk log,
 * peerdesk plan edit): set the session up with the defaults and return
 * its tui_config, so what is typed there is kept as a draft too. */
struct tui_config app_tui_plain(struct app *app);

/* The first screen: "Who are you?" on a shared account, else the
 * dashboard. */
const struct screen_ops *app_tui_first(void);

/* Set up, then run the screens on the terminal; returns an exit status
 * (tui_run's). */
int app_tui_run(struct app *app, const struct app_tui_options *o);

/* The tick: keep changed form text as a draft every draft_seconds,
 * lock after the idle minutes, refresh the dashboard, and once per
 * person signed in offer back their kept drafts (drafts_screen over the
 * dashboard). */
bool app_tui_tick(void *app, struct tui *ui);

/* A hangup or kill: keep every unsaved form as a draft (as
 * app_tui_keep_drafts) before the screens close. */
void app_tui_hangup(void *app, int sig);

/* Today for date fields (honours --today). */
const char *app_tui_today(void *app, char buf[11]);

/* True on a shared office account. */
bool app_tui_shared(void);

/* The session's clock, in milliseconds. */
long long app_tui_now(void);

/* Seconds of the pause after three wrong passphrases. */
int app_tui_pause_seconds(void);

/* The menu role mask of whoever is signed in (1u << role; everything
 * for the system). */
unsigned app_tui_role_mask(const struct app *app);

/* Lock now: push the lock screen over everything (no client's name
 * stays on screen).  No-op when nobody is signed in or already locked. */
void app_tui_lock(struct tui *ui);

/* Keep the text of every form with unsaved changes on the stack as a
 * draft of the signed-in person (form "kept:<screen name>", key
 * form_draft_key()), unless that text is kept already; a form changed
 * back to how it opened has its draft removed.  Returns how many forms
 * have a draft kept. */
int app_tui_keep_drafts(struct tui *ui);

/* Someone other than the person signed in has given their passphrase at
 * the lock (the top screen, s): keep the unsaved forms as drafts, close
 * every screen above the bottom "Who are you?" one, which then signs
 * login in and opens their dashboard. */
void app_tui_switch_person(struct screen *s, const char *login);

/* The login waiting to be signed in by the bottom screen (and forget
 * it), or NULL. */
const char *app_tui_take_pending(char buf[64]);

/* Put back a draft kept for form screen s under record key: fills its
 * fields and says so (the draft stays kept until the form is saved or
 * let go).  False when there was none.  Every form does this by itself
 * as it opens. */
bool app_tui_restore_draft(struct screen *s, const char *key);

/* The record key a kept draft of form screen s is filed under. */
void app_tui_draft_key(const struct screen *s, char buf[40]);

/* "14:02" in local time for a UTC moment "YYYY-MM-DDTHH:MM:SSZ" ("" if
 * it is not one). */
void app_tui_local_time(const char *at, char buf[16]);

/* The same moment for a list: "14:02" today, else "Mon 23 Nov 14:02". */
void app_tui_local_when(const char *at, char buf[32]);

#endif
