/* app_tui.c - the screens' session: first screen, tick, lock, drafts. */
#include "peerdesk/tui/app_tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/drafts.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/screens.h"
#include "peerdesk/tui/form.h"

#define TAG_LOCK (-4201)
#define TAG_DRAFTS (-4202)

static struct {
	struct app *app;
	struct app_tui_options o;
	bool started;
	unsigned long keys_seen;
	long long last_key_ms;
	long long next_refresh_ms;
	char pending[64];
	char offered[64];		/* whose drafts were offered */
	long long next_draft_ms;
	struct tui *ui;			/* seen by the tick, for on_signal */
} session;

static void app_tui_form_opened(struct screen *s);
static void app_tui_form_done(struct screen *s, bool saved);
static bool app_tui_offer_drafts(struct app *app, struct tui *ui);
static void app_tui_keep_all(struct tui *ui);

static long long
app_tui_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
app_tui_setup(struct app *app, const struct app_tui_options *o)
{
	memset(&session, 0, sizeof session);
	session.app = app;
	if (o != NULL)
		session.o = *o;
	if (session.o.refresh_seconds <= 0)
		session.o.refresh_seconds = 60;
	if (session.o.pause_seconds <= 0)
		session.o.pause_seconds = 30;
	if (session.o.idle_lock_minutes < 0)
		session.o.idle_lock_minutes = 0;
	if (session.o.draft_seconds <= 0)
		session.o.draft_seconds = 5;
	session.next_draft_ms = app_tui_now() +
	    (long long)session.o.draft_seconds * 1000;
}

long long
app_tui_now(void)
{
	return session.o.now_ms != NULL ? session.o.now_ms() : app_tui_clock();
}

bool
app_tui_shared(void)
{
	return session.o.shared;
}

int
app_tui_pause_seconds(void)
{
	return session.o.pause_seconds > 0 ? session.o.pause_seconds : 30;
}

unsigned
app_tui_role_mask(const struct app *app)
{
	return app_actor_roles(app);
}

const char *
app_tui_today(void *app, char buf[11])
{
	(void)app;
	app_today(buf);
	return buf;
}

void
app_tui_hangup(void *app, int sig)
{
	(void)app;
	(void)sig;
	if (session.ui != NULL)
		app_tui_keep_drafts(session.ui);
}

/* Ctrl-E: which editor the person signed in now may have (settings
 * editor and pal_editor; at most the restricted one over SSH). */
static int
app_tui_editor_check(void *ctx)
{
	return ctx == NULL || app_editor_mode(ctx) == SETTINGS_EDITOR_OFF ?
	    TUI_EDITOR_OFF : 0;
}

static int
app_tui_editor(const char *path, void *ctx)
{
	switch (ctx != NULL ? app_editor_mode(ctx) : SETTINGS_EDITOR_OFF) {
	case SETTINGS_EDITOR_OWN:
		return tui_editor_default(path, NULL);
	case SETTINGS_EDITOR_RESTRICTED:
		return tui_editor_restricted(path, NULL);
	case SETTINGS_EDITOR_OFF:
		break;
	}
	return TUI_EDITOR_OFF;
}

struct tui_config
app_tui_config(void)
{
	struct tui_config cfg;

	memset(&cfg, 0, sizeof cfg);
	cfg.app = session.app;
	cfg.tick = app_tui_tick;
	cfg.on_signal = app_tui_hangup;
	cfg.today = app_tui_today;
	cfg.monochrome = session.o.monochrome;
	cfg.no_mouse = session.o.no_mouse;
	cfg.keys = session.o.keys;
	cfg.run_editor = app_tui_editor;
	cfg.editor_check = app_tui_editor_check;
	cfg.editor_ctx = session.app;
	cfg.drafts.opened = app_tui_form_opened;
	cfg.drafts.done = app_tui_form_done;
	cfg.drafts.keep_all = app_tui_keep_all;
	return cfg;
}

struct tui_config
app_tui_plain(struct app *app)
{
	struct app_tui_options o;

	memset(&o, 0, sizeof o);
	o.no_mouse = app->settings != NULL && !app->settings->mouse;
	app_tui_setup(app, &o);
	return app_tui_config();
}

const struct screen_ops *
app_tui_first(void)
{
	return session.o.shared ? &signin_screen : &home_screen;
}

int
app_tui_run(struct app *app, const struct app_tui_options *o)
{
	struct tui_config cfg;

	app_tui_setup(app, o);
	cfg = app_tui_config();
	return tui_run(&cfg, app_tui_first(), NULL);
}

/* ---- the stack ---------------------------------------------------------- */

static bool
app_tui_locked(struct tui *ui)
{
	struct screen *s;

	for (s = tui_top(ui); s != NULL; s = screen_below(s))
		if (s->ops == &lock_screen)
			return true;
	return false;
}

void
app_tui_lock(struct tui *ui)
{
	struct app *app = session.app;
	struct pd_err err;
	struct screen *top = tui_top(ui);

	if (app == NULL || !app_actor_signed_in(app) || top == NULL ||
	    app_tui_locked(ui))
		return;
	/* Nothing of the screens below may show: no badge, no message. */
	tui_set_badge(ui, NULL);
	tui_message(ui, "%s", "");
	if (tui_push(ui, &lock_screen, NULL, TAG_LOCK, &err) != PD_OK)
		tui_error(ui, "%s", err.msg);
}

bool
app_tui_tick(void *appv, struct tui *ui)
{
	struct app *app = appv;
	long long now = app_tui_now();
	unsigned long keys = tui_key_count(ui);
	struct screen *s, *top = tui_top(ui);
	bool changed = false;

	session.ui = ui;
	if (!session.started || keys != session.keys_seen) {
		session.started = true;
		session.keys_seen = keys;
		session.last_key_ms = now;
	}
	/* Autosave: what is typed in any form is kept every few seconds. */
	if (now >= session.next_draft_ms) {
		session.next_draft_ms = now +
		    (long long)session.o.draft_seconds * 1000;
		if (app != NULL && app_actor_signed_in(app))
			app_tui_keep_drafts(ui);
	}
	if (session.o.shared && session.o.idle_lock_minutes > 0 &&
	    app != NULL && app_actor_signed_in(app) && !app_tui_locked(ui) &&
	    now - session.last_key_ms >=
	    (long long)session.o.idle_lock_minutes * 60000) {
		app_tui_lock(ui);
		if (app_tui_locked(ui))
			app_session_locked(app, session.o.idle_lock_minutes);
		return true;
	}
	if (now >= session.next_refresh_ms) {
		session.next_refresh_ms = now +
		    (long long)session.o.refresh_seconds * 1000;
		for (s = top; s != NULL; s = screen_below(s)) {
			if (s->ops == &home_screen) {
				home_refresh(s);
				if (s == top)
					changed = true;
			}
		}
	}
	if (app_tui_offer_drafts(app, ui))
		changed = true;
	/* The sign-in's pause counts down on screen. */
	if (top != NULL && (top->ops == &signin_screen ||
	    top->ops == &lock_screen))
		changed = true;
	return changed;
}

/* ---- drafts ------------------------------------------------------------- */

#define DRAFT_PREFIX "kept:"

static void
app_tui_draft_form(const struct screen *s, char form[96])
{
	snprintf(form, 96, DRAFT_PREFIX "%s", s->ops->name);
}

void
app_tui_draft_key(const struct screen *s, char buf[40])
{
	buf[0] = '\0';
	if (form_is(s))
		form_draft_key(s, buf);
}

static bool
app_tui_form_dirty(const struct screen *s)
{
	return s->ops->is_dirty != NULL ? s->ops->is_dirty(s) :
	    form_is_dirty(s);
}

/* Keep s's text unless that very text is kept already.  True when a
 * draft of it is kept now. */
static bool
app_tui_keep_one(struct screen *s)
{
	struct strbuf content = STRBUF_INIT;
	unsigned long long sum, kept_sum;
	char form[96], key[40];
	bool ok;

	sum = form_draft_text(s, &content);
	if (form_draft_kept(s, &kept_sum) && kept_sum == sum) {
		strbuf_fini(&content);
		return true;
	}
	app_tui_draft_form(s, form);
	form_draft_key(s, key);
	ok = app_draft_keep(s->app, form, key, strbuf_str(&content), NULL) ==
	    PD_OK;
	if (ok)
		form_draft_note(s, true, sum);
	strbuf_fini(&content);
	return ok;
}

/* A form that was changed back to what it opened with needs no draft. */
static void
app_tui_unkeep(struct screen *s)
{
	char form[96], key[40];

	if (!form_draft_kept(s, NULL))
		return;
	app_tui_draft_form(s, form);
	form_draft_key(s, key);
	if (app_draft_drop(s->app, form, key, NULL) == PD_OK)
		form_draft_note(s, false, 0);
}

int
app_tui_keep_drafts(struct tui *ui)
{
	struct screen *s;
	int kept = 0;

	for (s = tui_top(ui); s != NULL; s = screen_below(s)) {
		if (!form_is(s))
			continue;
		if (!app_tui_form_dirty(s))
			app_tui_unkeep(s);
		else if (app_tui_keep_one(s))
			kept++;
	}
	return kept;
}

static void
app_tui_keep_all(struct tui *ui)
{
	app_tui_keep_drafts(ui);
}

/* A UTC moment "YYYY-MM-DDTHH:MM:SSZ" in local time; false if at is
 * not one. */
static bool
app_tui_local(const char *at, struct tm *loc)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof tm);
	if (sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return false;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	localtime_r(&t, loc);
	return true;
}

/* "14:02" in local time for a UTC moment "YYYY-MM-DDTHH:MM:SSZ". */
void
app_tui_local_time(const char *at, char buf[16])
{
	struct tm loc;

	buf[0] = '\0';
	if (app_tui_local(at, &loc))
		snprintf(buf, 16, "%02d:%02d", loc.tm_hour, loc.tm_min);
}

void
app_tui_local_when(const char *at, char buf[32])
{
	struct tm loc, now_tm;
	time_t now = time(NULL);

	buf[0] = '\0';
	if (!app_tui_local(at, &loc))
		return;
	localtime_r(&now, &now_tm);
	if (loc.tm_year == now_tm.tm_year && loc.tm_yday == now_tm.tm_yday)
		strftime(buf, 32, "%H:%M", &loc);
	else
		strftime(buf, 32, "%a %e %b %H:%M", &loc);
}

bool
app_tui_restore_draft(struct screen *s, const char *key)
{
	char form[96], at[21], when[16];
	char *content = NULL;

	if (!form_is(s))
		return false;
	app_tui_draft_form(s, form);
	if (app_draft_peek(s->app, form, key, &content, at, NULL) != PD_OK)
		return false;
	form_draft_apply(s, content);
	/* Still kept (until saved or let go); the same text need not be
	 * written again. */
	form_draft_note(s, true, form_checksum(content));
	app_tui_local_time(at, when);
	tui_message(s->ui, "Unsaved changes from %s are back",
	    when[0] ? when : "before");
	free(content);
	return true;
}

/* Every form, as it opens: its kept draft comes back. */
static void
app_tui_form_opened(struct screen *s)
{
	char key[40];

	/* A hangup before the first tick must find the form too. */
	session.ui = s->ui;
	form_draft_key(s, key);
	app_tui_restore_draft(s, key);
}

/* Saved, or let go on purpose: the draft goes. */
static void
app_tui_form_done(struct screen *s, bool saved)
{
	char form[96], key[40];

	(void)saved;
	app_tui_draft_form(s, form);
	form_draft_key(s, key);
	app_draft_drop(s->app, form, key, NULL);
	form_draft_note(s, false, 0);
}

static int
app_tui_count_draft(void *arg, const struct draft_row *row)
{
	(void)row;
	(*(int *)arg)++;
	return 0;
}

/* Once per person signed in: offer back what was kept for them. */
static bool
app_tui_offer_drafts(struct app *app, struct tui *ui)
{
	struct screen *top = tui_top(ui);
	struct pd_err err;
	int n = 0;

	if (app == NULL || !app_actor_signed_in(app) || top == NULL ||
	    top->ops != &home_screen ||
	    strcmp(session.offered, app_actor_login(app)) == 0)
		return false;
	snprintf(session.offered, sizeof session.offered, "%s",
	    app_actor_login(app));
	if (app_draft_list(app, DRAFT_PREFIX, app_tui_count_draft, &n,
	    NULL) != PD_OK || n == 0)
		return false;
	if (tui_push(ui, &drafts_screen, NULL, TAG_DRAFTS, &err) != PD_OK) {
		tui_error(ui, "%s", err.msg);
		return true;
	}
	return true;
}

/* ---- someone else at the lock -------------------------------------------- */

void
app_tui_switch_person(struct screen *lock, const char *login)
{
	struct screen *s;
	struct app *app = lock->app;
	int kept = app_tui_keep_drafts(lock->ui);

	if (kept > 0)
		tui_message(lock->ui, "The unsaved work of %s was kept as a "
		    "draft; it comes back when they open it again",
		    app_actor_login(app));
	snprintf(session.pending, sizeof session.pending, "%s", login);
	for (s = screen_below(lock); s != NULL && screen_below(s) != NULL;
	    s = screen_below(s))
		screen_close(s, SCREEN_CANCEL, -1, NULL);
	screen_close(lock, SCREEN_OK, -1, NULL);
}

const char *
app_tui_take_pending(char buf[64])
{
	if (session.pending[0] == '\0')
		return NULL;
	snprintf(buf, 64, "%s", session.pending);
	session.pending[0] = '\0';
	return buf;
}
