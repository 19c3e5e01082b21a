/* home.c - the dashboard: today's counts, the reminders and the places
 * to go, each with its key.  Works at 40x15 (a PAL on a phone) and
 * 80x24 (the office). */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/dashboard.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/model/date.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/menu.h"

#define HOME_MENU_MAX 32
#define HOME_TAG_OPEN 1
#define HOME_TAG_INTAKE 2

struct home {
	struct dashboard d;
	bool loaded;
	char error[512];
	struct dashboard_line lines[DASHBOARD_LINES_MAX];
	size_t nlines;
	const struct menu_entry *menu[HOME_MENU_MAX];
	size_t nmenu;
	size_t sel;		/* 0..nrem-1: a reminder; then the menu */
	size_t rem_top;		/* first reminder shown */
	/* layout, rows from s->area.y */
	int date_y, counts_y, counts_rows, count_cols;
	int rem_y, rem_rows;	/* header row, then rem_rows rows */
	int menu_y, menu_rows, menu_cols, menu_w;
};

static size_t
home_items(const struct home *h)
{
	return h->d.nrem + h->nmenu;
}

static void
home_load(struct screen *s)
{
	struct home *h = s->state;
	struct pd_err err;
	const struct menu_entry *e;
	unsigned mask = app_actor_roles(s->app);
	char title[256], today[11];
	bool on_menu = !h->loaded || h->sel >= h->d.nrem;
	size_t menu_sel = on_menu && h->sel >= h->d.nrem ?
	    h->sel - h->d.nrem : 0;

	dashboard_fini(&h->d);
	h->error[0] = '\0';
	pd_err_clear(&err);
	if (app_dashboard(s->app, tui_today(s->ui, today), &h->d, &err) !=
	    PD_OK) {
		dashboard_fini(&h->d);
		snprintf(h->error, sizeof h->error, "%s", err.msg);
	}
	h->nlines = dashboard_lines(&h->d, h->lines, DASHBOARD_LINES_MAX);
	h->nmenu = 0;
	for (e = home_menu; e->label != NULL; e++)
		if (menu_allowed(e, mask) && h->nmenu < HOME_MENU_MAX &&
		    (e->shown == NULL || e->shown(s->app)))
			h->menu[h->nmenu++] = e;
	if (h->d.who != NULL) {
		snprintf(title, sizeof title, "%s - %s (%s)", h->d.org,
		    h->d.who, h->d.system ? "manager" : role_label(h->d.role));
		screen_set_title(s, title);
	}
	/* Keep the place: the same menu entry, or the same reminder row. */
	if (on_menu)
		h->sel = h->d.nrem + (menu_sel < h->nmenu ? menu_sel : 0);
	else if (h->sel >= h->d.nrem)
		h->sel = h->d.nrem > 0 ? h->d.nrem - 1 : 0;
	h->loaded = true;
}

void
home_refresh(struct screen *s)
{
	home_load(s);
	if (s->ops->layout != NULL)
		s->ops->layout(s);
}

static enum pd_status
home_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct home *h = s->state;

	(void)arg;
	home_load(s);
	if (h->d.who == NULL && h->error[0] != '\0')
		return pd_fail(err, PD_DENIED, NULL, "%s", h->error);
	return PD_OK;
}

static void
home_leave(struct screen *s)
{
	struct home *h = s->state;

	dashboard_fini(&h->d);
}

/* Share out the rows: the date, the counts, the reminders, the menu.
 * The menu always shows; the reminders get what is left. */
static void
home_layout(struct screen *s)
{
	struct home *h = s->state;
	int rows = s->area.h, w = s->area.w, spare, y, i, longest = 0;

	for (i = 0; i < (int)h->nmenu; i++) {
		int lw = (int)utf8_width(h->menu[i]->label) + 4;

		if (lw > longest)
			longest = lw;
	}
	h->menu_w = longest + 2;
	h->menu_cols = w / (h->menu_w > 0 ? h->menu_w : 1);
	if (h->menu_cols < 1)
		h->menu_cols = 1;
	if (h->menu_cols > (int)h->nmenu)
		h->menu_cols = h->nmenu > 0 ? (int)h->nmenu : 1;
	h->menu_rows = ((int)h->nmenu + h->menu_cols - 1) / h->menu_cols;
	h->count_cols = w >= 76 ? 2 : 1;
	h->counts_rows = ((int)h->nlines + h->count_cols - 1) / h->count_cols;

	/* date, counts, reminders header + 1, menu header + menu */
	spare = rows - (1 + h->counts_rows + 2 + 1 + h->menu_rows);
	if (spare < 0) {
		h->counts_rows += spare;
		if (h->counts_rows < 0)
			h->counts_rows = 0;
		spare = 0;
	}
	y = 0;
	h->date_y = y++;
	if (spare > 0 && rows >= 20) {
		y++;	/* a blank row under the date on roomy screens */
		spare--;
	}
	h->counts_y = y;
	y += h->counts_rows;
	if (spare > 0) {
		y++;
		spare--;
	}
	h->rem_y = y;
	h->rem_rows = 1 + spare;
	h->menu_y = rows - h->menu_rows - 1;
	if (spare > 0 && h->rem_rows > 1) {
		h->rem_rows--;	/* a blank row above the menu */
	}
	if (h->rem_y + 1 + h->rem_rows > h->menu_y)
		h->rem_rows = h->menu_y - h->rem_y - 1;
	if (h->rem_rows < 0)
		h->rem_rows = 0;
	/* Keep the selected reminder in view. */
	if (h->sel < h->d.nrem && h->rem_rows > 0) {
		if (h->sel < h->rem_top)
			h->rem_top = h->sel;
		if (h->sel >= h->rem_top + (size_t)h->rem_rows)
			h->rem_top = h->sel - (size_t)h->rem_rows + 1;
	}
	if (h->rem_top > h->d.nrem)
		h->rem_top = 0;
}

static void
home_draw_reminder(const struct screen *s, const struct home *h, size_t i,
    int y, bool sel)
{
	struct strbuf what = STRBUF_INIT, who = STRBUF_INIT,
	    when = STRBUF_INIT;
	const struct reminder *r = &h->d.rem[i];
	int x = s->area.x, w = s->area.w, ww, wwhen, whow;
	enum style st = sel ? ST_SELECTED :
	    r->kind == REMIND_REVIEW_OVERDUE ? ST_DUE : ST_NORMAL;

	dashboard_reminder_words(&h->d, r, w < 60, &what, &who, &when);
	if (sel)
		draw_fill(y, x, w, ST_SELECTED);
	draw_text(y, x, 2, sel ? ">" : " ", st);
	ww = w >= 60 ? 16 : 9;
	wwhen = (int)utf8_width(strbuf_str(&when));
	if (wwhen > w / 3)
		wwhen = w / 3;
	whow = w - 2 - ww - 1 - wwhen - 1;
	if (whow < 4) {
		ww = 0;
		whow = w - 2 - wwhen - 1;
	}
	if (ww > 0)
		draw_text(y, x + 2, ww, strbuf_str(&what), st);
	draw_text(y, x + 2 + (ww ? ww + 1 : 0), whow, strbuf_str(&who), st);
	draw_text_right(y, x + w - wwhen, wwhen, strbuf_str(&when), st);
	strbuf_fini(&what);
	strbuf_fini(&who);
	strbuf_fini(&when);
}

static void
home_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct home *h = s->state;
	int x = s->area.x, y0 = s->area.y, w = s->area.w, colw, i;
	char buf[64], longd[DATE_LONG_LEN];
	pd_date t;
	size_t k;

	cur->y = y0;
	cur->x = x;
	if (date_parse(h->d.today, &t, NULL) == PD_OK) {
		date_format_long(t, longd);
		draw_text(y0 + h->date_y, x, w, longd, ST_HEADER);
	}
	if (h->error[0] != '\0')
		draw_wrapped(y0 + h->date_y + 1, x, w, 2, h->error, ST_ERROR);
	colw = w / h->count_cols;
	for (i = 0; i < (int)h->nlines; i++) {
		int row = i / h->count_cols, col = i % h->count_cols;

		if (row >= h->counts_rows)
			break;
		draw_text(y0 + h->counts_y + row, x + col * colw + 1, colw - 1,
		    h->lines[i].text, h->lines[i].alert ? ST_DUE : ST_NORMAL);
	}
	/* Reminders. */
	if (h->rem_rows > 0) {
		if (h->d.nrem_total > 0)
			snprintf(buf, sizeof buf, "Reminders (%zu)",
			    h->d.nrem_total);
		else
			snprintf(buf, sizeof buf, "Reminders");
		draw_text(y0 + h->rem_y, x, w, buf, ST_HEADER);
		if (h->d.nrem == 0)
			draw_text(y0 + h->rem_y + 1, x + 2, w - 2,
			    "Nothing is due. All clear.", ST_DIM);
		for (i = 0; i < h->rem_rows; i++) {
			k = h->rem_top + (size_t)i;
			if (k >= h->d.nrem)
				break;
			home_draw_reminder(s, h, k, y0 + h->rem_y + 1 + i,
			    k == h->sel);
			if (k == h->sel) {
				cur->y = y0 + h->rem_y + 1 + i;
				cur->x = x;
			}
		}
		if (h->rem_top + (size_t)h->rem_rows < h->d.nrem && w > 8)
			draw_text(y0 + h->rem_y, x + w - 8, 8, "\u25bc more",
			    ST_DIM);
	}
	/* The places to go, each with its key. */
	draw_text(y0 + h->menu_y, x, w, "Go to (press a key)", ST_HEADER);
	for (k = 0; k < h->nmenu; k++) {
		int row = (int)k / h->menu_cols, col = (int)k % h->menu_cols;
		int yy = y0 + h->menu_y + 1 + row, xx = x + col * h->menu_w;
		bool sel = h->sel == h->d.nrem + k;

		if (yy >= y0 + s->area.h)
			break;
		draw_text(yy, xx, 1, sel ? ">" : " ", sel ? ST_SELECTED :
		    ST_NORMAL);
		snprintf(buf, sizeof buf, " %s ", h->menu[k]->key);
		draw_text(yy, xx + 1, 3, buf, ST_KEY);
		draw_text(yy, xx + 5, h->menu_w - 6, h->menu[k]->label,
		    sel ? ST_SELECTED : ST_NORMAL);
		if (sel) {
			cur->y = yy;
			cur->x = xx + 5;
		}
	}
}

static void
home_open_entry(struct screen *s, const struct menu_entry *e)
{
	struct pd_err err;

	if (tui_push(s->ui, e->ops, NULL, e->ops == &intake_screen ?
	    HOME_TAG_INTAKE : HOME_TAG_OPEN, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static void
home_open_selected(struct screen *s)
{
	struct home *h = s->state;
	const struct reminder *r;
	struct pd_err err;

	if (h->sel >= h->d.nrem) {
		if (h->sel - h->d.nrem < h->nmenu)
			home_open_entry(s, h->menu[h->sel - h->d.nrem]);
		return;
	}
	r = &h->d.rem[h->sel];
	if (r->client_id == 0) {
		tui_message(s->ui, "This one is about a PAL, not a client");
		return;
	}
	if (tui_push(s->ui, &client_screen, &r->client_id, HOME_TAG_OPEN,
	    &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static void
home_move(struct screen *s, enum action a)
{
	struct home *h = s->state;
	size_t nrem = h->d.nrem, cols = (size_t)h->menu_cols, m;

	if (home_items(h) == 0)
		return;
	if (h->sel < nrem) {
		if (a == ACT_UP && h->sel > 0)
			h->sel--;
		else if (a == ACT_DOWN)
			h->sel++;
	} else {
		m = h->sel - nrem;
		if (a == ACT_LEFT && m > 0)
			h->sel--;
		else if (a == ACT_RIGHT && m + 1 < h->nmenu)
			h->sel++;
		else if (a == ACT_DOWN && m + cols < h->nmenu)
			h->sel += cols;
		else if (a == ACT_UP && m >= cols)
			h->sel -= cols;
		else if (a == ACT_UP && nrem > 0)
			h->sel = nrem - 1;
	}
	if (h->sel >= home_items(h))
		h->sel = home_items(h) - 1;
	home_layout(s);
}

static enum tui_result
home_action(struct screen *s, enum action a)
{
	struct home *h = s->state;

	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_LEFT:
	case ACT_RIGHT:
		home_move(s, a);
		return TUI_HANDLED;
	case ACT_FIRST:
		h->sel = 0;
		home_layout(s);
		return TUI_HANDLED;
	case ACT_LAST:
		h->sel = home_items(h) > 0 ? home_items(h) - 1 : 0;
		home_layout(s);
		return TUI_HANDLED;
	case ACT_OPEN:
		home_open_selected(s);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static enum tui_result
home_text(struct screen *s, struct tui_key k)
{
	const struct menu_entry *e = menu_find(home_menu, k.code,
	    app_actor_roles(s->app));

	if (e == NULL || (e->shown != NULL && !e->shown(s->app)))
		return TUI_UNHANDLED;
	home_open_entry(s, e);
	return TUI_HANDLED;
}

static void
home_result(struct screen *s, const struct screen_result *r)
{
	struct pd_err err;
	int64_t id;

	if (s->closing)
		return;
	home_refresh(s);
	if (r->tag == HOME_TAG_INTAKE && r->code == SCREEN_OK &&
	    r->text != NULL) {
		id = strtoll(r->text, NULL, 10);
		if (id > 0 && tui_push(s->ui, &client_screen, &id,
		    HOME_TAG_OPEN, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
	}
}

static void
home_help(const struct screen *s, struct strbuf *out)
{
	(void)s;
	strbuf_adds(out, "The letters in the \"Go to\" list open those places "
	    "at once. On a shared office computer, Esc signs you out.");
}

/* A click: a place in the "Go to" list opens at once; a reminder is
 * chosen, and opened when it was chosen already (a double click). */
static enum tui_result
home_mouse(struct screen *s, int y, int x)
{
	struct home *h = s->state;
	int y0 = s->area.y, row, col;
	size_t k;

	if (h->rem_rows > 0 && y > y0 + h->rem_y &&
	    y <= y0 + h->rem_y + h->rem_rows) {
		k = h->rem_top + (size_t)(y - y0 - h->rem_y - 1);
		if (k >= h->d.nrem)
			return TUI_HANDLED;
		if (h->sel == k)
			home_open_selected(s);
		else
			h->sel = k;
		return TUI_HANDLED;
	}
	if (y > y0 + h->menu_y && x >= s->area.x && h->menu_w > 0) {
		row = y - y0 - h->menu_y - 1;
		col = (x - s->area.x) / h->menu_w;
		if (col >= h->menu_cols)
			return TUI_HANDLED;
		k = (size_t)(row * h->menu_cols + col);
		if (k >= h->nmenu)
			return TUI_HANDLED;
		h->sel = h->d.nrem + k;
		home_open_selected(s);
	}
	return TUI_HANDLED;
}

static const char *const home_sections[] = { NULL };
static const enum action home_hints[] = {
	ACT_OPEN, ACT_HELP, ACT_QUIT, ACT_NONE
};

const struct screen_ops home_screen = {
	.name = "home",
	.title = "peerdesk",
	.sections = home_sections,
	.state_size = sizeof(struct home),
	.hints = home_hints,
	.help = "The dashboard: what needs doing today, the reminders, and "
	    "the places to go. Arrows move, Enter opens; a reminder about a "
	    "client opens their record. With a mouse, click a place to go "
	    "there, or a reminder twice to open it.",
	.enter = home_enter,
	.leave = home_leave,
	.layout = home_layout,
	.draw = home_draw,
	.on_action = home_action,
	.on_text = home_text,
	.on_result = home_result,
	.help_more = home_help,
	.on_mouse = home_mouse,
};
