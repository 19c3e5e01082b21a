/* clients.c - the clients list: paged from the database (only the rows
 * on screen are read), filtered by typing the start of any word of a
 * name (any case, any accents), phone digits or a postcode, and by
 * status; newest referral first, or by name, status, PAL or next review
 * (C-o).  A PAL's list holds only their own clients (the scope is
 * applied in app/ and db/, so a filter only narrows it). */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/app_tui.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/list.h"

#define CLIENTS_TAG_OPEN 1
#define CLIENTS_TAG_INTAKE 2

struct clients_model {
	struct app *app;
	int status;			/* enum client_status or -1 */
	enum client_sort sort;
	struct client_row *rows;	/* rows [first, first + n) */
	size_t first, n, cap;
	const struct listnav *nav;	/* the rows on screen */
	bool fresh;	/* count read rows [0, n) just now: fetch takes them */
};

struct clients {
	struct clients_model m;
	struct list_view lv;
	int total;			/* shown by the status line */
	bool pal;
	int by_status[5];		/* clients at each status */
};

/* A second heading row with the count at each status, when there is
 * room for it (60 columns and 10 rows). */
static bool
clients_counts_row(const struct screen *s)
{
	return s->area.w >= 60 && s->area.h >= 10;
}

static void
clients_query(struct clients_model *m, const char *filter,
    struct client_query *q)
{
	memset(q, 0, sizeof *q);
	q->filter = filter;
	q->status_or_minus1 = m->status;
	q->sort = m->sort;
}

static enum pd_status clients_fetch(void *ctx, const char *filter,
    size_t first, size_t n, struct pd_err *err);

/* With a filter, the first screenful is read first: when it is not
 * full, it is all there is and gives the count, so the search runs
 * once, not twice (FTS5 counts its matches one by one).  A full screen
 * is counted as before.  Either way the fetch that follows takes those
 * rows. */
static enum pd_status
clients_count(void *ctx, const char *filter, size_t *n, struct pd_err *err)
{
	struct clients_model *m = ctx;
	struct client_query q;
	enum pd_status s;
	int count = 0;
	size_t h = m->nav != NULL ? m->nav->height : 0;

	m->fresh = false;
	if (filter != NULL && filter[0] != '\0' && h > 0) {
		if ((s = clients_fetch(m, filter, 0, h, err)) != PD_OK)
			return s;
		m->fresh = true;	/* the fetch that follows takes them */
		if (m->n < h) {
			*n = m->n;
			return PD_OK;
		}
	}
	clients_query(m, filter, &q);
	s = app_client_count(m->app, &q, &count, err);
	*n = s == PD_OK && count > 0 ? (size_t)count : 0;
	return s;
}

static enum pd_status
clients_fetch(void *ctx, const char *filter, size_t first, size_t n,
    struct pd_err *err)
{
	struct clients_model *m = ctx;
	struct client_query q;
	enum pd_status s;
	int got = 0;

	if (m->fresh) {
		m->fresh = false;
		if (first >= m->first && first + n <= m->first + m->n)
			return PD_OK;	/* read by clients_count just now */
	}
	if (n > 1000)
		return pd_fail(err, PD_LIMIT, NULL, "too many rows at once");
	if (n > m->cap) {
		m->rows = xreallocarray(m->rows, n, sizeof *m->rows);
		m->cap = n;
	}
	clients_query(m, filter, &q);
	q.offset = (int)first;
	m->n = 0;
	s = app_client_page(m->app, &q, m->rows, (int)n, &got, err);
	if (s != PD_OK)
		return s;
	m->first = first;
	m->n = got > 0 ? (size_t)got : 0;
	return PD_OK;
}

static enum tui_result
clients_mouse(struct screen *s, int y, int x)
{
	struct clients *st = s->state;

	return list_view_click(&st->lv, y, x);
}

static const struct client_row *
clients_row(const struct clients_model *m, size_t i)
{
	if (i < m->first || i >= m->first + m->n)
		return NULL;
	return &m->rows[i - m->first];
}

static void
clients_cell(void *ctx, size_t i, size_t col, struct strbuf *out)
{
	const struct client_row *r = clients_row(ctx, i);

	if (r == NULL)
		return;
	switch (col) {
	case 0:
		strbuf_adds(out, r->name);
		if (r->preferred_name[0] != '\0' &&
		    strcmp(r->preferred_name, r->name) != 0)
			strbuf_addf(out, " (%s)", r->preferred_name);
		break;
	case 1:
		strbuf_adds(out, r->status);
		break;
	case 2:
		strbuf_adds(out, ((const struct clients_model *)ctx)->sort ==
		    CLIENT_SORT_REVIEW ? r->next_review : r->referred_on);
		break;
	case 3:
		strbuf_adds(out, r->pal_names[0] ? r->pal_names : "-");
		break;
	default:
		break;
	}
}

static enum style
clients_style(void *ctx, size_t i)
{
	const struct client_row *r = clients_row(ctx, i);

	return r != NULL && strcmp(r->status, "closed") == 0 ? ST_DIM :
	    ST_NORMAL;
}

static const struct list_column clients_columns[] = {
	{ .title = "Name" },
	{ .title = "Status", .width = 8 },
	{ .title = "Referred", .width = 10, .min_screen = 56 },
	{ .title = "PAL", .min_screen = 60 },
};

static const struct list_column clients_pal_columns[] = {
	{ .title = "Name" },
	{ .title = "Status", .width = 8 },
	{ .title = "Referred", .width = 10, .min_screen = 56 },
};

/* The same, showing the next review instead of the referral date. */
static const struct list_column clients_review_columns[] = {
	{ .title = "Name" },
	{ .title = "Status", .width = 8 },
	{ .title = "Review", .width = 10, .min_screen = 56 },
	{ .title = "PAL", .min_screen = 60 },
};

static const struct list_column clients_pal_review_columns[] = {
	{ .title = "Name" },
	{ .title = "Status", .width = 8 },
	{ .title = "Review", .width = 10, .min_screen = 56 },
};

/* The columns for who is looking and the order. */
static void
clients_columns_set(struct clients *st)
{
	bool review = st->m.sort == CLIENT_SORT_REVIEW;

	if (st->pal) {
		st->lv.cols = review ? clients_pal_review_columns :
		    clients_pal_columns;
		st->lv.ncols = sizeof clients_pal_columns /
		    sizeof clients_pal_columns[0];
	} else {
		st->lv.cols = review ? clients_review_columns :
		    clients_columns;
		st->lv.ncols = sizeof clients_columns /
		    sizeof clients_columns[0];
	}
}

static void
clients_retitle(struct screen *s)
{
	struct clients *st = s->state;
	char title[128];

	if (st->m.status < 0)
		snprintf(title, sizeof title, "%s", st->pal ? "My clients" :
		    "Clients");
	else
		snprintf(title, sizeof title, "%s: %s", st->pal ?
		    "My clients" : "Clients",
		    client_status_label((enum client_status)st->m.status));
	screen_set_title(s, title);
}

static enum pd_status
clients_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct clients *st = s->state;
	struct app *app = s->app;
	struct list_model m = {
		.count = clients_count,
		.fetch = clients_fetch,
		.cell = clients_cell,
		.row_style = clients_style,
		.ctx = &st->m,
	};

	(void)arg;
	st->m.app = app;
	st->m.status = -1;
	st->m.sort = CLIENT_SORT_REFERRAL;
	st->pal = app_actor_is_pal(app);
	if (st->pal)
		list_view_init(&st->lv, clients_pal_columns,
		    sizeof clients_pal_columns / sizeof clients_pal_columns[0],
		    &m);
	else
		list_view_init(&st->lv, clients_columns,
		    sizeof clients_columns / sizeof clients_columns[0], &m);
	st->m.nav = &st->lv.nav;
	st->lv.empty_text = st->pal ? "No clients are with you yet." :
	    "No clients yet. C-n takes a new referral.";
	clients_retitle(s);
	(void)app_client_status_counts(app, st->by_status, NULL);
	return list_view_reload(&st->lv, err);
}

static void
clients_leave(struct screen *s)
{
	struct clients *st = s->state;

	list_view_fini(&st->lv);
	FREE(&st->m.rows);
}

static void
clients_layout(struct screen *s)
{
	struct clients *st = s->state;
	struct rect r = s->area;

	/* The first row says what is shown and how to change it; the
	 * second, when there is room, how many are at each status. */
	r.y++;
	r.h--;
	if (clients_counts_row(s)) {
		r.y++;
		r.h--;
	}
	list_view_layout(&st->lv, r);
}

static void
clients_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct clients *st = s->state;
	char line[200], key[KEYS_NAME_MAX], skey[KEYS_NAME_MAX];
	const char *what = st->m.status < 0 ? "every status" :
	    client_status_label((enum client_status)st->m.status);

	screen_key_label(s, ACT_STATUS_FILTER, key);
	screen_key_label(s, ACT_SORT, skey);
	if (s->area.w >= 72)
		snprintf(line, sizeof line, "Showing %s, %s.  %s: status  "
		    "%s: order", what, client_sort_label(st->m.sort), key,
		    skey);
	else if (s->area.w >= 50)
		snprintf(line, sizeof line, "%s, %s.  %s: status  %s: order",
		    what, client_sort_label(st->m.sort), key, skey);
	else
		snprintf(line, sizeof line, "%s: status  %s: order", key,
		    skey);
	draw_text(s->area.y, s->area.x, s->area.w, line, ST_DIM);
	if (clients_counts_row(s)) {
		client_status_counts_words(st->by_status, line, sizeof line);
		draw_text(s->area.y + 1, s->area.x, s->area.w, line, ST_DIM);
	}
	list_view_draw(&st->lv, cur);
}

static void
clients_open(struct screen *s)
{
	struct clients *st = s->state;
	const struct client_row *r;
	struct pd_err err;
	size_t i;
	int64_t id;

	if (!list_view_selected(&st->lv, &i) ||
	    (r = clients_row(&st->m, i)) == NULL)
		return;
	id = r->id;
	if (tui_push(s->ui, &client_screen, &id, CLIENTS_TAG_OPEN, &err) !=
	    PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static enum tui_result
clients_action(struct screen *s, enum action a)
{
	struct clients *st = s->state;
	struct pd_err err;

	switch (a) {
	case ACT_OPEN:
		clients_open(s);
		return TUI_HANDLED;
	case ACT_STATUS_FILTER:
		st->m.status = st->m.status >= CLIENT_CLOSED ? -1 :
		    st->m.status + 1;
		st->lv.nav.sel = st->lv.nav.top = 0;
		list_view_reload(&st->lv, NULL);
		clients_retitle(s);
		return TUI_HANDLED;
	case ACT_SORT:
		st->m.sort = (enum client_sort)((st->m.sort + 1) %
		    CLIENT_SORT_COUNT);
		clients_columns_set(st);
		st->lv.nav.sel = st->lv.nav.top = 0;
		list_view_layout(&st->lv, st->lv.area);
		list_view_reload(&st->lv, NULL);
		tui_message(s->ui, "Clients %s", client_sort_label(st->m.sort));
		return TUI_HANDLED;
	case ACT_NEW:
		if ((app_tui_role_mask(s->app) & APP_STAFF) == 0) {
			tui_error(s->ui, "Referrals are taken by the office");
			return TUI_HANDLED;
		}
		if (tui_push(s->ui, &intake_screen, NULL, CLIENTS_TAG_INTAKE,
		    &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return TUI_HANDLED;
	default:
		return list_view_action(&st->lv, a);
	}
}

static enum tui_result
clients_text(struct screen *s, struct tui_key k)
{
	struct clients *st = s->state;

	return list_view_text(&st->lv, s, k);
}

static void
clients_result(struct screen *s, const struct screen_result *r)
{
	struct clients *st = s->state;
	struct pd_err err;
	int64_t id;

	if (s->closing)
		return;
	list_view_reload(&st->lv, NULL);
	(void)app_client_status_counts(s->app, st->by_status, NULL);
	if (r->tag == CLIENTS_TAG_INTAKE && r->code == SCREEN_OK &&
	    r->text != NULL) {
		id = strtoll(r->text, NULL, 10);
		if (id > 0 && tui_push(s->ui, &client_screen, &id,
		    CLIENTS_TAG_OPEN, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
	}
}

static const char *
clients_context(const struct screen *s)
{
	const struct clients *st = s->state;

	return list_view_context(&st->lv);
}

static bool
clients_text_focus(const struct screen *s)
{
	const struct clients *st = s->state;

	return list_view_filtering(&st->lv);
}

static const char *const clients_sections[] = { "list", NULL };
static const enum action clients_hints[] = {
	ACT_OPEN, ACT_STATUS_FILTER, ACT_FILTER, ACT_SORT, ACT_BACK, ACT_NEW,
	ACT_HELP, ACT_NONE
};

const struct screen_ops clients_screen = {
	.name = "clients",
	.title = "Clients",
	.sections = clients_sections,
	.state_size = sizeof(struct clients),
	.hints = clients_hints,
	.help = "Every client you may see, the newest referral first. Type "
	    "the start of any part of a name (accents and capitals do not "
	    "matter: siobhan finds Siobh\xc3\xa1n), phone digits or a "
	    "postcode to narrow the list; Tab shows one status at a time; "
	    "C-o puts the list by name, status, PAL or next review; Enter "
	    "opens the record.",
	.enter = clients_enter,
	.leave = clients_leave,
	.layout = clients_layout,
	.draw = clients_draw,
	.on_action = clients_action,
	.on_mouse = clients_mouse,
	.on_text = clients_text,
	.on_result = clients_result,
	.context = clients_context,
	.text_focus = clients_text_focus,
};
