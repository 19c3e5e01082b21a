/* home.c - the dashboard: today's counts, the reminders and the places
 * to go, each with its key.  Works at 40x15 (a PAL on a phone) and
 * 80x24 (the office). */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/dashboard.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/model/date.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/list.h"
#include "peerdesk/tui/menu.h"

#define HOME_MENU_MAX 32
#define HOME_TAG_OPEN 1
#define HOME_TAG_INTAKE 2

enum { HOME_COL_WHAT, HOME_COL_WHO, HOME_COL_WHEN, HOME_COLS };

struct home {
	struct dashboard d;
	bool loaded;
	char error[512];
	struct dashboard_line lines[DASHBOARD_LINES_MAX];
	size_t nlines;
	const struct menu_entry *menu[HOME_MENU_MAX];
	size_t nmenu;
	/* The reminders: a list (what, who, when) over d.rem. */
	struct list_view rem;
	struct list_rows rem_rows_of;
	struct list_column rem_cols[HOME_COLS];	/* widths set in layout */
	bool brief;		/* short words (a narrow screen) */
	bool on_menu;		/* the focus is on the places to go */
	size_t menu_sel;
	/* layout, rows from s->area.y */
	int date_y, counts_y, counts_rows, count_cols;
	int rem_y, rem_rows;	/* header row, then rem_rows rows */
	int menu_y, menu_rows, menu_cols, menu_w;
};

/* A reminder's words for column col. */
static void
home_rem_cell(void *ctx, size_t row, size_t col, struct strbuf *out)
{
	const struct home *h = ctx;
	struct strbuf what = STRBUF_INIT, who = STRBUF_INIT,
	    when = STRBUF_INIT;

	dashboard_reminder_words(&h->d, &h->d.rem[row], h->brief, &what, &who,
	    &when);
	strbuf_adds(out, strbuf_str(col == HOME_COL_WHAT ? &what :
	    col == HOME_COL_WHO ? &who : &when));
	strbuf_fini(&what);
	strbuf_fini(&who);
	strbuf_fini(&when);
}

static enum style
home_rem_style(void *ctx, size_t row)
{
	const struct home *h = ctx;

	return h->d.rem[row].kind == REMIND_REVIEW_OVERDUE ? ST_DUE :
	    ST_NORMAL;
}

/* Where the focus goes when the screen opens or its reminders change:
 * the places to go, unless it was on a reminder that is still there. */
static void
home_focus_after_load(struct home *h, bool was_on_menu)
{
	h->on_menu = was_on_menu || h->d.nrem == 0;
	if (h->menu_sel >= h->nmenu)
		h->menu_sel = 0;
	h->rem.unfocused = h->on_menu;
}

static void
home_load(struct screen *s)
{
	struct home *h = s->state;
	struct pd_err err;
	const struct menu_entry *e;
	unsigned mask = app_actor_roles(s->app);
	char title[256], today[11];
	bool on_menu = !h->loaded || h->on_menu;

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
	h->rem_rows_of.n = h->d.nrem;
	list_view_reload(&h->rem, NULL);
	home_focus_after_load(h, on_menu);
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
	h->rem_rows_of.cell = home_rem_cell;
	h->rem_rows_of.row_style = home_rem_style;
	h->rem_rows_of.ctx = h;
	h->rem_cols[HOME_COL_WHEN].right = true;
	list_rows_view(&h->rem, &h->rem_rows_of, h->rem_cols, HOME_COLS);
	h->rem.header = false;
	h->rem.footer = false;
	h->rem.empty_text = "Nothing is due. All clear.";
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
	list_view_fini(&h->rem);
	list_rows_fini(&h->rem_rows_of);
}

/* The reminders' columns at width w: what (16, or 9 when narrow; gone
 * when there is no room for a name beside it), who, and when, as wide
 * as its longest words up to a third of the width. */
static void
home_rem_columns(struct home *h, int w)
{
	struct strbuf when = STRBUF_INIT;
	int what = w >= 60 ? 16 : 9, wwhen = 0, cw;
	size_t i;

	h->brief = w < 60;
	for (i = 0; i < h->d.nrem; i++) {
		strbuf_reset(&when);
		home_rem_cell(h, i, HOME_COL_WHEN, &when);
		cw = (int)utf8_width(strbuf_str(&when));
		if (cw > wwhen)
			wwhen = cw;
	}
	strbuf_fini(&when);
	if (wwhen > w / 3)
		wwhen = w / 3;
	if (w - 2 - what - 1 - wwhen - 1 < 4)
		what = 0;
	h->rem_cols[HOME_COL_WHAT].width = what;
	h->rem_cols[HOME_COL_WHAT].min_screen = what > 0 ? 0 : w + 1;
	h->rem_cols[HOME_COL_WHEN].width = wwhen > 0 ? wwhen : 1;
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
	home_rem_columns(h, w);
	list_view_layout(&h->rem, (struct rect){ s->area.y + h->rem_y + 1,
	    s->area.x, h->rem_rows, w });
}

static void
home_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct home *h = s->state;
	int x = s->area.x, y0 = s->area.y, w = s->area.w, colw, i;
	char buf[64], longd[DATE_LONG_LEN];
	const struct listnav *nav = &h->rem.nav;
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
		list_view_draw(&h->rem, cur);
		if (nav->top + nav->height < nav->count && w > 8)
			draw_text(y0 + h->rem_y, x + w - 8, 8, "\u25bc more",
			    ST_DIM);
	}
	/* The places to go, each with its key. */
	draw_text(y0 + h->menu_y, x, w, "Go to (press a key)", ST_HEADER);
	for (k = 0; k < h->nmenu; k++) {
		int row = (int)k / h->menu_cols, col = (int)k % h->menu_cols;
		int yy = y0 + h->menu_y + 1 + row, xx = x + col * h->menu_w;
		bool sel = h->on_menu && h->menu_sel == k;

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
	size_t i;

	if (h->on_menu) {
		if (h->menu_sel < h->nmenu)
			home_open_entry(s, h->menu[h->menu_sel]);
		return;
	}
	if (!list_rows_selected(&h->rem, &h->rem_rows_of, &i))
		return;
	r = &h->d.rem[i];
	if (r->client_id == 0) {
		tui_message(s->ui, "This one is about a PAL, not a client");
		return;
	}
	if (tui_push(s->ui, &client_screen, &r->client_id, HOME_TAG_OPEN,
	    &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static void
home_focus(struct home *h, bool on_menu)
{
	h->on_menu = on_menu;
	h->rem.unfocused = on_menu;
}

/* Up and Down run through the reminders and on into the places to go,
 * which are a grid: Left and Right move along a row of it. */
static void
home_move(struct home *h, enum action a)
{
	size_t nrem = h->d.nrem, cols = (size_t)h->menu_cols, m = h->menu_sel;

	if (!h->on_menu) {
		if (a == ACT_DOWN && h->rem.nav.sel + 1 >= nrem &&
		    h->nmenu > 0) {
			home_focus(h, true);
			h->menu_sel = 0;
		}
		else if (a == ACT_UP || a == ACT_DOWN)
			list_view_action(&h->rem, a);
		return;
	}
	if (a == ACT_LEFT && m > 0)
		h->menu_sel--;
	else if (a == ACT_RIGHT && m + 1 < h->nmenu)
		h->menu_sel++;
	else if (a == ACT_DOWN && m + cols < h->nmenu)
		h->menu_sel += cols;
	else if (a == ACT_UP && m >= cols)
		h->menu_sel -= cols;
	else if (a == ACT_UP && nrem > 0) {
		home_focus(h, false);
		list_view_action(&h->rem, ACT_LAST);
	}
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
		home_move(h, a);
		return TUI_HANDLED;
	case ACT_FIRST:
		home_focus(h, h->d.nrem == 0);
		list_view_action(&h->rem, ACT_FIRST);
		h->menu_sel = 0;
		return TUI_HANDLED;
	case ACT_LAST:
		home_focus(h, h->nmenu > 0);
		list_view_action(&h->rem, ACT_LAST);
		h->menu_sel = h->nmenu > 0 ? h->nmenu - 1 : 0;
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
		bool was_here = !h->on_menu;
		enum tui_result r = list_view_click(&h->rem, y, x);

		if (r == TUI_UNHANDLED)
			return TUI_HANDLED;
		home_focus(h, false);
		if (r == TUI_CHOSEN && was_here)
			home_open_selected(s);	/* the second click */
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
		home_focus(h, true);
		h->menu_sel = k;
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
