/* signin.c - "Who are you?" on a shared office account, and the lock
 * that clears the screen after the idle minutes.
 *
 * The sign-in screen is the bottom of the stack on a shared account:
 * signing in pushes the dashboard over it, and closing the dashboard
 * (Esc) signs out.  The lock is pushed over everything by the tick; the
 * same person signs in again and carries on where they were, or someone
 * else signs in and the screens of the one before are closed (their
 * unsaved forms kept as drafts, see app_tui_switch_person).
 */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/app/users.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/app_tui.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/lineedit.h"
#include "peerdesk/tui/list.h"

#define SIGNIN_TRIES 3
#define SIGNIN_TAG_HOME 1
#define PASS_MAX 256

enum signin_mode { MODE_LOCKED, MODE_NAME, MODE_PASS };

struct signin_person {
	char *login;
	char *name;
};

struct signin_model {
	struct signin_person *people;
	size_t n;
};

struct signin {
	enum signin_mode mode;
	struct signin_model m;
	struct list_view lv;
	struct list_rows rows;		/* over m.people */
	struct lineedit pass;
	size_t who;			/* index into m.people (MODE_PASS) */
	int failures;
	long long paused_until;		/* app_tui_now() ms; 0 = no pause */
	char problem[512];		/* the one plain message */
	bool lock;
};

/* ---- the people, filtered in memory (a staff list is short) ------------- */

/* Does a word of hay start with needle (any case)?  "sa" finds "Sam
 * Carter" but not "Rosa Silva". */
static bool
signin_match(const char *hay, const char *needle)
{
	wchar_t a[256], b[64];
	size_t i, k;

	if (needle[0] == '\0')
		return true;
	utf8_lower_wide(hay, a, 256);
	k = utf8_lower_wide(needle, b, 64);
	for (i = 0; a[i] != L'\0'; i++)
		if ((i == 0 || !iswalnum((wint_t)a[i - 1])) &&
		    wcsncmp(a + i, b, k) == 0)
			return true;
	return false;
}

static bool
signin_row_match(void *ctx, size_t i, const char *filter)
{
	const struct signin_model *m = ctx;

	return signin_match(m->people[i].name, filter) ||
	    signin_match(m->people[i].login, filter);
}

static void
signin_cell(void *ctx, size_t i, size_t col, struct strbuf *out)
{
	const struct signin_model *m = ctx;

	if (col == 0)
		strbuf_adds(out, m->people[i].name);
}

static int
signin_person_cb(void *arg, const struct staff *row)
{
	struct signin_model *m = arg;

	m->people = xreallocarray(m->people, m->n + 1, sizeof *m->people);
	m->people[m->n].login = xstrdup(row->login);
	m->people[m->n].name = xstrdup(row->name ? row->name : row->login);
	m->n++;
	return 0;
}

static const struct list_column signin_columns[] = {
	{ .title = "Your name" },
};

/* ---- state -------------------------------------------------------------- */

static void
signin_wipe(struct signin *si)
{
	if (si->pass.buf != NULL)
		explicit_bzero(si->pass.buf, si->pass.cap * sizeof(wchar_t));
	le_set(&si->pass, "");
}

static void
signin_select_login(struct signin *si, const char *login)
{
	size_t i;

	for (i = 0; i < si->rows.nshown; i++)
		if (strcmp(si->m.people[si->rows.shown[i]].login, login) == 0)
			listnav_select(&si->lv.nav, i);
}

static void
signin_to_name(struct screen *s)
{
	struct signin *si = s->state;
	struct app *app = s->app;

	char title[160];

	signin_wipe(si);
	si->mode = MODE_NAME;
	le_set(&si->lv.filter, "");
	si->lv.filtering = false;
	list_view_reload(&si->lv, NULL);
	if (app_actor_signed_in(app))
		signin_select_login(si, app_actor_login(app));
	snprintf(title, sizeof title, "%s - sign in", app->settings->org_name);
	screen_set_title(s, title);
}

static enum pd_status
signin_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct signin *si = s->state;
	enum pd_status st;

	(void)arg;
	si->lock = s->ops == &lock_screen;
	le_init(&si->pass, false, PASS_MAX);
	st = app_signin_people(s->app, signin_person_cb, &si->m, err);
	if (st != PD_OK)
		return st;
	si->rows.n = si->m.n;
	si->rows.match = signin_row_match;
	si->rows.cell = signin_cell;
	si->rows.ctx = &si->m;
	list_rows_view(&si->lv, &si->rows, signin_columns, 1);
	si->lv.empty_text = "Nobody can sign in yet: a manager adds people "
	    "with 'peerdesk user add'.";
	if (si->lock) {
		si->mode = MODE_LOCKED;
		list_view_reload(&si->lv, NULL);
		screen_set_title(s, "peerdesk - locked");
	} else {
		signin_to_name(s);
	}
	return PD_OK;
}

static void
signin_leave(struct screen *s)
{
	struct signin *si = s->state;
	size_t i;

	signin_wipe(si);
	le_fini(&si->pass);
	list_view_fini(&si->lv);
	for (i = 0; i < si->m.n; i++) {
		free(si->m.people[i].login);
		free(si->m.people[i].name);
	}
	FREE(&si->m.people);
	list_rows_fini(&si->rows);
}

static void
signin_layout(struct screen *s)
{
	struct signin *si = s->state;
	struct rect r = s->area;

	/* Two rows of words above the names, one for a problem below. */
	r.y += 3;
	r.h -= 4;
	if (r.h < 2)
		r.h = 2;
	list_view_layout(&si->lv, r);
	le_fit(&si->pass, s->area.w - 4, 1);
}

static long
signin_pause_left(const struct signin *si)
{
	long long left;

	if (si->paused_until == 0)
		return 0;
	left = si->paused_until - app_tui_now();
	return left > 0 ? (long)((left + 999) / 1000) : 0;
}

static void
signin_draw_problem(const struct screen *s, const struct signin *si)
{
	char buf[200];
	long left = signin_pause_left(si);
	int y = s->area.y + s->area.h - 1;

	if (left > 0) {
		snprintf(buf, sizeof buf, "Too many tries. Please wait %ld "
		    "second%s.", left, left == 1 ? "" : "s");
		draw_text(y, s->area.x, s->area.w, buf, ST_WARN);
	} else if (si->problem[0] != '\0') {
		draw_text(y, s->area.x, s->area.w, si->problem, ST_ERROR);
	}
}

static void
signin_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct signin *si = s->state;
	int x = s->area.x, y = s->area.y, w = s->area.w, i;
	wchar_t dots[PASS_MAX];
	size_t n;
	char line[200];

	if (si->mode == MODE_LOCKED) {
		/* Nothing of what was on screen: just the way back in. */
		int mid = y + s->area.h / 2 - 1;

		draw_text_centre(mid, x, w, "Locked - press Enter to sign in "
		    "again", ST_HEADER);
		static const char why[] = "peerdesk locks itself when nobody "
		    "has pressed a key for a while.";

		if ((int)utf8_width(why) <= w)
			draw_text_centre(mid + 2, x, w, why, ST_DIM);
		else
			draw_wrapped(mid + 2, x + 1, w - 2, 3, why, ST_DIM);
		cur->y = mid;
		cur->x = x;
		return;
	}
	if (si->mode == MODE_NAME) {
		draw_text(y, x, w, "Who are you?", ST_HEADER);
		draw_text(y + 1, x, w, "Type part of your name, or move to it, "
		    "then press Enter.", ST_NORMAL);
		list_view_draw(&si->lv, cur);
		signin_draw_problem(s, si);
		return;
	}
	snprintf(line, sizeof line, "Hello, %s.",
	    si->m.people[si->who].name);
	draw_text(y, x, w, line, ST_HEADER);
	draw_text(y + 2, x, w, "Your passphrase, then Enter (Esc: not you?)",
	    ST_NORMAL);
	/* Dots, never the characters typed. */
	n = si->pass.len < PASS_MAX ? si->pass.len : PASS_MAX - 1;
	for (i = 0; i < (int)n; i++)
		dots[i] = L'\u2022';
	draw_fill(y + 3, x + 2, w - 4, ST_FOCUS);
	draw_wchars(y + 3, x + 2, w - 4, dots, n, ST_FOCUS);
	cur->y = y + 3;
	cur->x = x + 2 + ((int)n < w - 5 ? (int)n : w - 5);
	signin_draw_problem(s, si);
}

/* ---- signing in ------------------------------------------------------- */

static void
signin_open_home(struct screen *s)
{
	struct pd_err err;

	if (tui_push(s->ui, &home_screen, NULL, SIGNIN_TAG_HOME, &err) !=
	    PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static void
signin_success(struct screen *s, const char *login)
{
	struct signin *si = s->state;
	struct app *app = s->app;
	struct pd_err err;

	si->failures = 0;
	si->problem[0] = '\0';
	signin_wipe(si);
	if (si->lock) {
		if (app_actor_signed_in(app) &&
		    strcmp(app_actor_login(app), login) == 0) {
			app_session_unlocked(app);
			screen_close(s, SCREEN_OK, -1, NULL);
			tui_message(s->ui, "Welcome back.");
		} else {
			app_tui_switch_person(s, login);
		}
		return;
	}
	if (app_sign_in_as(app, login, &err) != PD_OK) {
		snprintf(si->problem, sizeof si->problem, "%s", err.msg);
		signin_to_name(s);
		return;
	}
	signin_to_name(s);
	signin_open_home(s);
}

static void
signin_try(struct screen *s)
{
	struct signin *si = s->state;
	struct strbuf pass = STRBUF_INIT;
	struct pd_err err;
	const char *login = si->m.people[si->who].login;
	enum pd_status st;

	le_text(&si->pass, &pass);
	st = app_signin_check(s->app, login, strbuf_str(&pass), &err);
	if (pass.buf != NULL)
		explicit_bzero(pass.buf, pass.len);
	strbuf_fini(&pass);
	if (st == PD_OK) {
		signin_success(s, login);
		return;
	}
	signin_wipe(si);
	snprintf(si->problem, sizeof si->problem, "That name and passphrase "
	    "do not match. Please try again.");
	if (++si->failures >= SIGNIN_TRIES) {
		si->failures = 0;
		si->paused_until = app_tui_now() +
		    (long long)app_tui_pause_seconds() * 1000;
	}
}

static void
signin_accept(struct screen *s)
{
	struct signin *si = s->state;
	size_t row;

	switch (si->mode) {
	case MODE_LOCKED:
		signin_to_name(s);
		break;
	case MODE_NAME:
		if (!list_rows_selected(&si->lv, &si->rows, &row))
			return;
		si->who = row;
		si->mode = MODE_PASS;
		si->problem[0] = '\0';
		signin_wipe(si);
		break;
	case MODE_PASS:
		if (signin_pause_left(si) > 0)
			return;
		si->paused_until = 0;
		signin_try(s);
		break;
	}
}

static enum tui_result
signin_action(struct screen *s, enum action a)
{
	struct signin *si = s->state;

	if (a == ACT_ACCEPT || (a == ACT_OPEN && si->mode != MODE_PASS)) {
		signin_accept(s);
		return TUI_HANDLED;
	}
	if (a == ACT_QUIT && si->lock) {
		/* Leaving at the lock: nothing unsaved is lost. */
		app_tui_keep_drafts(s->ui);
		tui_quit(s->ui, 0);
		return TUI_HANDLED;
	}
	switch (si->mode) {
	case MODE_LOCKED:
		/* Only the way in: no going back to what was under it. */
		return a == ACT_HELP || a == ACT_REDRAW ? TUI_UNHANDLED :
		    TUI_HANDLED;
	case MODE_NAME:
		if (a == ACT_BACK && si->lock && !si->lv.filtering &&
		    si->lv.filter.len == 0) {
			si->mode = MODE_LOCKED;
			screen_set_title(s, "peerdesk - locked");
			return TUI_HANDLED;
		}
		if (list_view_action(&si->lv, a) == TUI_HANDLED) {
			si->problem[0] = '\0';
			return TUI_HANDLED;
		}
		return TUI_UNHANDLED;
	case MODE_PASS:
		switch (a) {
		case ACT_BACK:
			signin_wipe(si);
			si->mode = MODE_NAME;
			return TUI_HANDLED;
		case ACT_DELETE_BACK:
			le_delete_back(&si->pass);
			return TUI_HANDLED;
		case ACT_KILL_START:
		case ACT_KILL_WORD:
			signin_wipe(si);
			return TUI_HANDLED;
		case ACT_LEFT:
		case ACT_RIGHT:
		case ACT_LINE_START:
		case ACT_LINE_END:
		case ACT_DELETE:
		case ACT_KILL_END:
			return TUI_HANDLED;	/* the end is the only place */
		default:
			return TUI_UNHANDLED;
		}
	}
	return TUI_UNHANDLED;
}

static enum tui_result
signin_text(struct screen *s, struct tui_key k)
{
	struct signin *si = s->state;

	switch (si->mode) {
	case MODE_LOCKED:
		return TUI_HANDLED;	/* typing does not unlock */
	case MODE_NAME:
		si->problem[0] = '\0';
		return list_view_text(&si->lv, s, k);
	case MODE_PASS:
		if (signin_pause_left(si) > 0)
			return TUI_HANDLED;
		le_end(&si->pass);
		le_insert(&si->pass, (wchar_t)k.code);
		return TUI_HANDLED;
	}
	return TUI_UNHANDLED;
}

static void
signin_result(struct screen *s, const struct screen_result *r)
{
	struct signin *si = s->state;
	struct app *app = s->app;
	struct pd_err err;
	char login[64];

	if (s->closing || si->lock || r->tag != SIGNIN_TAG_HOME)
		return;
	/* The dashboard closed: someone else signed in at the lock, or the
	 * person signed out. */
	if (app_tui_take_pending(login) != NULL) {
		/* the one who locked it is signed out first */
		app_sign_out(app);
		if (app_sign_in_as(app, login, &err) == PD_OK) {
			signin_open_home(s);
			return;
		}
		snprintf(si->problem, sizeof si->problem, "%s", err.msg);
	}
	app_sign_out(app);
	signin_to_name(s);
	tui_message(s->ui, "Signed out. Who is next?");
}

static const char *
signin_context(const struct screen *s)
{
	const struct signin *si = s->state;

	if (si->mode == MODE_PASS)
		return "edit";
	if (si->mode == MODE_NAME)
		return list_view_context(&si->lv);
	return NULL;
}

static bool
signin_text_focus(const struct screen *s)
{
	const struct signin *si = s->state;

	return si->mode == MODE_PASS ||
	    (si->mode == MODE_NAME && list_view_filtering(&si->lv));
}

static enum tui_result
signin_mouse(struct screen *s, int y, int x)
{
	struct signin *st = s->state;

	if (!(st->mode == MODE_NAME))
		return TUI_UNHANDLED;
	return list_view_click(&st->lv, y, x);
}

static const char *const signin_sections[] = { "list", NULL };
static const enum action signin_hints[] = {
	ACT_ACCEPT, ACT_BACK, ACT_HELP, ACT_QUIT, ACT_NONE
};
static const enum action lock_hints[] = {
	ACT_ACCEPT, ACT_HELP, ACT_QUIT, ACT_NONE
};

#define SIGNIN_OPS \
	.sections = signin_sections, \
	.state_size = sizeof(struct signin), \
	.enter = signin_enter, \
	.leave = signin_leave, \
	.layout = signin_layout, \
	.draw = signin_draw, \
	.on_action = signin_action, \
	.on_mouse = signin_mouse, \
	.on_text = signin_text, \
	.on_result = signin_result, \
	.context = signin_context, \
	.text_focus = signin_text_focus

const struct screen_ops signin_screen = {
	.name = "signin",
	.title = "Who are you?",
	.hints = signin_hints,
	.help = "This computer is shared, so peerdesk asks who you are. "
	    "Choose your name, then type your passphrase (it shows as dots). "
	    "A manager sets passphrases with 'peerdesk user passwd'.",
	SIGNIN_OPS
};

const struct screen_ops lock_screen = {
	.name = "signin",
	.title = "peerdesk - locked",
	.hints = lock_hints,
	.help = "peerdesk locked itself because nobody pressed a key for a "
	    "while, so no client's details show.  Press Enter, choose your "
	    "name and type your passphrase.  If someone else signs in, what "
	    "was open closes (unsaved changes are kept as a draft).",
	SIGNIN_OPS
};
