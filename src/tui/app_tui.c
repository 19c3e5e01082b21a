/* app_tui.c - the screens' session: first screen, tick, lock, drafts. */
#include "peerdesk/tui/app_tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "peerdesk/app/signin.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/form.h"
#include "peerdesk/tui/screens.h"

#define TAG_LOCK (-4201)

static struct {
	struct app *app;
	struct app_tui_options o;
	bool started;
	unsigned long keys_seen;
	long long last_key_ms;
	long long next_refresh_ms;
	char pending[64];
	struct tui *ui;			/* seen by the tick, for on_signal */
} session;

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
}

long long
app_tui_now(void)
{
	return session.o.now_ms != NULL ? session.o.now_ms() : app_tui_clock();
}

bool
app_tui_shared(void)
{
	return session.o.shared != 0;
}

int
app_tui_pause_seconds(void)
{
	return session.o.pause_seconds > 0 ? session.o.pause_seconds : 30;
}

unsigned
app_tui_role_mask(const struct app *app)
{
	if (app->have_actor)
		return 1u << app->actor.role;
	return app->system ? APP_ANYONE : 0;
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
	cfg.keys = session.o.keys;
	return cfg;
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

	if (app == NULL || !app->have_actor || top == NULL ||
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
	if (session.o.shared && session.o.idle_lock_minutes > 0 &&
	    app != NULL && app->have_actor && !app_tui_locked(ui) &&
	    now - session.last_key_ms >=
	    (long long)session.o.idle_lock_minutes * 60000) {
		app_tui_lock(ui);
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
	/* The sign-in's pause counts down on screen. */
	if (top != NULL && (top->ops == &signin_screen ||
	    top->ops == &lock_screen))
		changed = true;
	return changed;
}

/* ---- drafts ------------------------------------------------------------- */

static bool
app_tui_is_form(const struct screen *s)
{
	return s->ops->def != NULL && s->ops->is_dirty == form_is_dirty;
}

void
app_tui_draft_key(const struct screen *s, char buf[32])
{
	buf[0] = '\0';
	if (s->ops == &client_edit_screen)
		snprintf(buf, 32, "%lld", (long long)client_edit_id(s));
}

static void
app_tui_escape(const char *s, struct strbuf *out)
{
	for (; *s; s++) {
		if (*s == '\\')
			strbuf_adds(out, "\\\\");
		else if (*s == '\n')
			strbuf_adds(out, "\\n");
		else if (*s == '\t')
			strbuf_adds(out, "\\t");
		else
			strbuf_addc(out, *s);
	}
}

static void
app_tui_unescape(const char *s, size_t n, struct strbuf *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			strbuf_addc(out, s[i] == 'n' ? '\n' : s[i] == 't' ?
			    '\t' : s[i]);
		} else {
			strbuf_addc(out, s[i]);
		}
	}
}

int
app_tui_keep_drafts(struct tui *ui)
{
	struct screen *s;
	struct strbuf content = STRBUF_INIT, text = STRBUF_INIT;
	const struct form_def *def;
	const struct field_def *f;
	struct pd_err err;
	char form[96], key[32];
	int kept = 0;

	for (s = tui_top(ui); s != NULL; s = screen_below(s)) {
		if (!app_tui_is_form(s) || !s->ops->is_dirty(s))
			continue;
		def = s->ops->def;
		strbuf_reset(&content);
		for (f = def->fields; f->id != NULL; f++) {
			strbuf_reset(&text);
			form_get_text(s, f->id, &text);
			if (text.len == 0)
				continue;
			strbuf_addf(&content, "%s\t", f->id);
			app_tui_escape(strbuf_str(&text), &content);
			strbuf_addc(&content, '\n');
		}
		snprintf(form, sizeof form, "kept:%s", s->ops->name);
		app_tui_draft_key(s, key);
		if (app_draft_keep(s->app, form, key, strbuf_str(&content),
		    &err) == PD_OK)
			kept++;
	}
	strbuf_fini(&content);
	strbuf_fini(&text);
	return kept;
}

/* "14:02" in local time for a UTC moment "YYYY-MM-DDTHH:MM:SSZ". */
static void
app_tui_local_time(const char *at, char buf[16])
{
	struct tm tm, loc;
	time_t t;

	memset(&tm, 0, sizeof tm);
	buf[0] = '\0';
	if (sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	localtime_r(&t, &loc);
	snprintf(buf, 16, "%02d:%02d", loc.tm_hour, loc.tm_min);
}

bool
app_tui_restore_draft(struct screen *s, const char *key)
{
	char form[96], at[21], when[16];
	char *content = NULL;
	const char *p, *tab, *nl;
	struct strbuf id = STRBUF_INIT, text = STRBUF_INIT;

	snprintf(form, sizeof form, "kept:%s", s->ops->name);
	if (app_draft_take(s->app, form, key, &content, at, NULL) != PD_OK)
		return false;
	for (p = content; *p != '\0'; p = *nl ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		tab = memchr(p, '\t', (size_t)(nl - p));
		if (tab == NULL)
			continue;
		strbuf_reset(&id);
		strbuf_reset(&text);
		strbuf_add(&id, p, (size_t)(tab - p));
		app_tui_unescape(tab + 1, (size_t)(nl - tab - 1), &text);
		form_set_text(s, strbuf_str(&id), strbuf_str(&text));
	}
	app_tui_local_time(at, when);
	tui_message(s->ui, "Your unsaved changes from %s are back: save them, "
	    "or Esc to let them go", when[0] ? when : "before");
	strbuf_fini(&id);
	strbuf_fini(&text);
	free(content);
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
		    app->actor.login);
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
