/* audit.c - the audit trail for the manager: a paged list of who did
 * what, when and to which record (newest first), narrowed by typing,
 * and by one client, one person or a range of dates (Tab); Enter shows
 * one row in full with its before and after.
 *
 * The app layer does the asking and the refusing (app_audit_list and
 * app_audit_count are managers only); this file only shows. */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/admin.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/list.h"
#include "peerdesk/tui/page.h"

enum {
	AUDIT_TAG_MENU = 1,
	AUDIT_TAG_CLIENT,
	AUDIT_TAG_CLIENT_PICK,
	AUDIT_TAG_USER,
	AUDIT_TAG_DATES,
	AUDIT_TAG_ENTRY
};

#define AUDIT_PICK_MAX 40

struct audit_model {
	struct app *app;
	int64_t client_id;		/* 0 = every client */
	char client_label[160];
	char login[64];			/* "" = everyone */
	char from[11], to[11];		/* "" = open */
	struct audit_entry *rows;	/* rows [first, first + n) */
	size_t first, n, cap;
};

struct audit_ui {
	struct audit_model m;
	struct list_view lv;
	int64_t pick_ids[AUDIT_PICK_MAX];
	char pick_names[AUDIT_PICK_MAX][160];
	size_t npick;
};

/* ---- the model ------------------------------------------------------- */

static void
audit_query_of(const struct audit_model *m, const char *filter,
    struct audit_query *q)
{
	memset(q, 0, sizeof *q);
	q->client_id = m->client_id;
	q->from = m->from;
	q->to = m->to;
	q->text = filter;
}

static enum pd_status
audit_count(void *ctx, const char *filter, size_t *n, struct pd_err *err)
{
	struct audit_model *m = ctx;
	struct audit_query q;
	enum pd_status s;
	int64_t count = 0;

	audit_query_of(m, filter, &q);
	s = app_audit_count(m->app, &q, m->login, &count, err);
	*n = s == PD_OK && count > 0 ? (size_t)count : 0;
	return s;
}

static void
audit_rows_clear(struct audit_model *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		audit_entry_fini(&m->rows[i]);
	m->n = 0;
}

static int
audit_fetch_row(void *arg, const struct audit_entry *row)
{
	struct audit_model *m = arg;

	if (m->n >= m->cap)
		return 1;
	audit_entry_copy(&m->rows[m->n++], row);
	return 0;
}

static enum pd_status
audit_fetch(void *ctx, const char *filter, size_t first, size_t n,
    struct pd_err *err)
{
	struct audit_model *m = ctx;
	struct audit_query q;

	if (n > 1000)
		return pd_fail(err, PD_LIMIT, NULL, "too many rows at once");
	audit_rows_clear(m);
	if (n > m->cap) {
		m->rows = xreallocarray(m->rows, n, sizeof *m->rows);
		m->cap = n;
	}
	audit_query_of(m, filter, &q);
	q.limit = (int)n;
	q.offset = (int)first;
	m->first = first;
	return app_audit_list(m->app, &q, m->login, audit_fetch_row, m, err);
}

static enum tui_result
audit_mouse(struct screen *s, int y, int x)
{
	struct audit_ui *st = s->state;

	return list_view_click(&st->lv, y, x);
}

static const struct audit_entry *
audit_row(const struct audit_model *m, size_t i)
{
	if (i < m->first || i >= m->first + m->n)
		return NULL;
	return &m->rows[i - m->first];
}

/* "2026-11-25T14:02:03Z" as "2026-11-25 14:02". */
static void
audit_when(const char *at, struct strbuf *out)
{
	if (strlen(at) >= 16 && at[10] == 'T') {
		strbuf_add(out, at, 10);
		strbuf_addc(out, ' ');
		strbuf_add(out, at + 11, 5);
	} else
		strbuf_adds(out, at);
}

static void
audit_record(const struct audit_entry *r, struct strbuf *out)
{
	strbuf_adds(out, r->entity != NULL ? r->entity : "?");
	if (r->entity_id > 0)
		strbuf_addf(out, " %lld", (long long)r->entity_id);
	if (r->client_id > 0 && (r->entity == NULL ||
	    strcmp(r->entity, "client") != 0 || r->entity_id != r->client_id))
		strbuf_addf(out, ", client %lld", (long long)r->client_id);
	if (r->client_id > 0 && r->client_name != NULL &&
	    strncmp(r->client_name, "client #", 8) == 0)
		strbuf_adds(out, " (erased)");
	else if (r->client_id > 0 && r->client_name != NULL) {
		strbuf_adds(out, " (");
		utf8_escape(r->client_name, false, out);
		strbuf_addc(out, ')');
	}
}

static void
audit_cell(void *ctx, size_t i, size_t col, struct strbuf *out)
{
	const struct audit_entry *r = audit_row(ctx, i);

	if (r == NULL)
		return;
	switch (col) {
	case 0:
		audit_when(r->at, out);
		break;
	case 1:
		strbuf_adds(out, r->actor_login != NULL ? r->actor_login :
		    "system");
		break;
	case 2:
		strbuf_adds(out, audit_action_label(r->action));
		break;
	case 3:
		/* signing in and out is about the person (Who): say how */
		if (audit_is_session(r->action) && r->summary != NULL)
			strbuf_adds(out, r->summary);
		else
			audit_record(r, out);
		break;
	case 4:
		if (!audit_is_session(r->action))
			strbuf_adds(out, r->summary != NULL ? r->summary : "");
		break;
	default:
		break;
	}
}

static enum style
audit_style(void *ctx, size_t i)
{
	const struct audit_entry *r = audit_row(ctx, i);

	if (r != NULL && audit_is_refusal(r->action))
		return ST_WARN;
	return r != NULL && r->action != NULL &&
	    strcmp(r->action, "open") == 0 ? ST_DIM : ST_NORMAL;
}

static const struct list_column audit_columns[] = {
	{ .title = "When", .width = 16 },
	{ .title = "Who", .width = 10 },
	{ .title = "Action", .width = 9 },
	{ .title = "Record" },
	{ .title = "Summary", .min_screen = 100 },
};

/* ---- the list screen ------------------------------------------------- */

static void
audit_showing(const struct audit_model *m, struct strbuf *out)
{
	int parts = 0;

	strbuf_adds(out, "Showing ");
	if (m->client_id > 0) {
		strbuf_adds(out, m->client_label);
		parts++;
	}
	if (m->login[0] != '\0') {
		strbuf_addf(out, "%s%s's actions", parts ? ", " : "",
		    m->login);
		parts++;
	}
	if (m->from[0] != '\0') {
		if (strcmp(m->from, m->to) == 0)
			strbuf_addf(out, "%son %s", parts ? ", " : "", m->from);
		else
			strbuf_addf(out, "%s%s to %s", parts ? ", " : "",
			    m->from, m->to);
		parts++;
	}
	if (parts == 0)
		strbuf_adds(out, "everything");
	strbuf_adds(out, ", newest first.");
}

static void
audit_retitle(struct screen *s)
{
	struct audit_ui *st = s->state;

	if (st->m.client_id > 0) {
		char title[200];

		snprintf(title, sizeof title, "Audit trail: %s",
		    st->m.client_label);
		screen_set_title(s, title);
	} else
		screen_set_title(s, "Audit trail");
}

/* Show from the top again after the filters changed. */
static void
audit_refilter(struct screen *s)
{
	struct audit_ui *st = s->state;
	struct pd_err err;

	st->lv.nav.sel = st->lv.nav.top = 0;
	if (list_view_reload(&st->lv, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
	audit_retitle(s);
}

static enum pd_status
audit_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct audit_ui *st = s->state;
	struct list_model m = {
		.count = audit_count,
		.fetch = audit_fetch,
		.cell = audit_cell,
		.row_style = audit_style,
		.ctx = &st->m,
	};
	size_t n;
	enum pd_status rc;

	st->m.app = s->app;
	if (arg != NULL && *(const int64_t *)arg > 0) {
		st->m.client_id = *(const int64_t *)arg;
		snprintf(st->m.client_label, sizeof st->m.client_label,
		    "client %lld", (long long)st->m.client_id);
	}
	/* Ask once up front, so a refusal pushes nothing. */
	if ((rc = audit_count(&st->m, "", &n, err)) != PD_OK)
		return rc;
	list_view_init(&st->lv, audit_columns,
	    sizeof audit_columns / sizeof audit_columns[0], &m);
	st->lv.empty_text = "Nothing in the audit trail matches.";
	audit_retitle(s);
	return list_view_reload(&st->lv, err);
}

static void
audit_leave(struct screen *s)
{
	struct audit_ui *st = s->state;

	list_view_fini(&st->lv);
	audit_rows_clear(&st->m);
	FREE(&st->m.rows);
}

static void
audit_layout(struct screen *s)
{
	struct audit_ui *st = s->state;
	struct rect r = s->area;

	r.y++;
	r.h--;
	list_view_layout(&st->lv, r);
}

static void
audit_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct audit_ui *st = s->state;
	struct strbuf line = STRBUF_INIT;
	char key[KEYS_NAME_MAX];

	audit_showing(&st->m, &line);
	screen_key_label(s, ACT_FILTERS, key);
	if (key[0] != '\0')
		strbuf_addf(&line, "  %s: choose", key);
	draw_text(s->area.y, s->area.x, s->area.w, line.buf, ST_DIM);
	strbuf_fini(&line);
	list_view_draw(&st->lv, cur);
}

static void
audit_open(struct screen *s)
{
	struct audit_ui *st = s->state;
	const struct audit_entry *r;
	struct pd_err err;
	size_t i;

	if (!list_view_selected(&st->lv, &i) ||
	    (r = audit_row(&st->m, i)) == NULL)
		return;
	if (tui_push(s->ui, &audit_entry_screen, r, AUDIT_TAG_ENTRY, &err) !=
	    PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static const char *const audit_menu_items[] = {
	"One client...", "One person...", "Some dates...", "Everything"
};

static enum tui_result
audit_action(struct screen *s, enum action a)
{
	struct audit_ui *st = s->state;

	switch (a) {
	case ACT_OPEN:
		audit_open(s);
		return TUI_HANDLED;
	case ACT_FILTERS:
		dialog_pick(s->ui, AUDIT_TAG_MENU, "Show", audit_menu_items,
		    sizeof audit_menu_items / sizeof audit_menu_items[0], 0);
		return TUI_HANDLED;
	default:
		return list_view_action(&st->lv, a);
	}
}

static enum tui_result
audit_text(struct screen *s, struct tui_key k)
{
	struct audit_ui *st = s->state;

	return list_view_text(&st->lv, s, k);
}

static void
audit_menu_chosen(struct screen *s, int index)
{
	struct audit_ui *st = s->state;

	switch (index) {
	case 0:
		dialog_prompt(s->ui, AUDIT_TAG_CLIENT, "One client",
		    "Name or number", NULL, 100);
		break;
	case 1:
		dialog_prompt(s->ui, AUDIT_TAG_USER, "One person",
		    "Login (empty: everyone)", st->m.login, 60);
		break;
	case 2:
		dialog_prompt(s->ui, AUDIT_TAG_DATES, "Some dates",
		    "From and to, e.g. 2026-11-01 2026-11-30", NULL, 40);
		break;
	case 3:
		st->m.client_id = 0;
		st->m.login[0] = st->m.from[0] = st->m.to[0] = '\0';
		audit_refilter(s);
		break;
	default:
		break;
	}
}

static void
audit_set_client(struct screen *s, int64_t id, const char *name)
{
	struct audit_ui *st = s->state;

	st->m.client_id = id;
	if (name != NULL && name[0] != '\0')
		snprintf(st->m.client_label, sizeof st->m.client_label,
		    "%s (client %lld)", name, (long long)id);
	else
		snprintf(st->m.client_label, sizeof st->m.client_label,
		    "client %lld", (long long)id);
	audit_refilter(s);
}

/* A number is taken as it is; a name is looked for among the clients:
 * one match is taken, several are offered. */
static void
audit_client_typed(struct screen *s, const char *text)
{
	struct audit_ui *st = s->state;
	struct client_query q;
	struct client_row rows[AUDIT_PICK_MAX];
	const char *items[AUDIT_PICK_MAX];
	struct pd_err err;
	char *end;
	long long id;
	int n = 0, i;

	while (*text == ' ')
		text++;
	if (*text == '\0') {
		st->m.client_id = 0;
		audit_refilter(s);
		return;
	}
	id = strtoll(text, &end, 10);
	if (end != text && *end == '\0' && id > 0) {
		audit_set_client(s, (int64_t)id, NULL);
		return;
	}
	memset(&q, 0, sizeof q);
	q.filter = text;
	q.status_or_minus1 = -1;
	if (app_client_page(s->app, &q, rows, AUDIT_PICK_MAX, &n, &err) !=
	    PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		return;
	}
	if (n == 0) {
		tui_error(s->ui, "No client's name has \"%s\" in it", text);
		return;
	}
	if (n == 1) {
		audit_set_client(s, rows[0].id, rows[0].name);
		return;
	}
	st->npick = (size_t)n;
	for (i = 0; i < n; i++) {
		st->pick_ids[i] = rows[i].id;
		snprintf(st->pick_names[i], sizeof st->pick_names[i], "%s",
		    rows[i].name);
		items[i] = st->pick_names[i];
	}
	dialog_pick(s->ui, AUDIT_TAG_CLIENT_PICK, "Which client?", items,
	    (size_t)n, 0);
}

static void
audit_user_typed(struct screen *s, const char *text)
{
	struct audit_ui *st = s->state;
	struct audit_query q;
	struct pd_err err;
	int64_t n;

	while (*text == ' ')
		text++;
	audit_query_of(&st->m, NULL, &q);
	if (text[0] != '\0' &&
	    app_audit_count(s->app, &q, text, &n, &err) != PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		return;
	}
	snprintf(st->m.login, sizeof st->m.login, "%s", text);
	st->m.login[strcspn(st->m.login, " ")] = '\0';
	audit_refilter(s);
}

/* "A B" (from A to B), "A" (that day) or "" (all dates). */
static void
audit_dates_typed(struct screen *s, const char *text)
{
	struct audit_ui *st = s->state;
	char buf[64], *tok, *save = NULL;
	char got[2][DATE_STR_LEN];
	pd_date d[2];
	struct pd_err err;
	int n = 0;

	snprintf(buf, sizeof buf, "%s", text);
	for (tok = strtok_r(buf, " \t,", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t,", &save)) {
		if (strcmp(tok, "to") == 0 || strcmp(tok, "-") == 0)
			continue;
		if (n == 2) {
			tui_error(s->ui, "Give at most two dates: from and to");
			return;
		}
		if (date_parse_typed(tok, today_get(), &d[n], &err) !=
		    PD_OK) {
			tui_error(s->ui, "%s", err.msg);
			return;
		}
		date_format(d[n], got[n]);
		n++;
	}
	if (n == 2 && d[1] < d[0]) {
		tui_error(s->ui, "The first date is after the second");
		return;
	}
	st->m.from[0] = st->m.to[0] = '\0';
	if (n >= 1) {
		snprintf(st->m.from, sizeof st->m.from, "%s", got[0]);
		snprintf(st->m.to, sizeof st->m.to, "%s", got[n - 1]);
	}
	audit_refilter(s);
}

static void
audit_result(struct screen *s, const struct screen_result *r)
{
	struct audit_ui *st = s->state;

	if (s->closing || r->code != SCREEN_OK)
		return;
	switch (r->tag) {
	case AUDIT_TAG_MENU:
		audit_menu_chosen(s, r->index);
		break;
	case AUDIT_TAG_CLIENT:
		audit_client_typed(s, r->text != NULL ? r->text : "");
		break;
	case AUDIT_TAG_CLIENT_PICK:
		if (r->index >= 0 && (size_t)r->index < st->npick)
			audit_set_client(s, st->pick_ids[r->index],
			    st->pick_names[r->index]);
		break;
	case AUDIT_TAG_USER:
		audit_user_typed(s, r->text != NULL ? r->text : "");
		break;
	case AUDIT_TAG_DATES:
		audit_dates_typed(s, r->text != NULL ? r->text : "");
		break;
	default:
		break;
	}
}

static const char *
audit_context(const struct screen *s)
{
	const struct audit_ui *st = s->state;

	return list_view_context(&st->lv);
}

static bool
audit_text_focus(const struct screen *s)
{
	const struct audit_ui *st = s->state;

	return list_view_filtering(&st->lv);
}

static const char *const audit_sections[] = { "list", NULL };
static const enum action audit_hints[] = {
	ACT_OPEN, ACT_FILTERS, ACT_FILTER, ACT_BACK, ACT_HELP, ACT_NONE
};

const struct screen_ops audit_screen = {
	.name = "audit",
	.title = "Audit trail",
	.sections = audit_sections,
	.state_size = sizeof(struct audit_ui),
	.min_cols = 60,
	.min_rows = 10,
	.hints = audit_hints,
	.help = "Every change and every opening of a client's record: who, "
	    "when, which record and what was done, the newest first. Type "
	    "to narrow the list by person, action or summary; Tab shows one "
	    "client, one person or some dates; Enter shows a row in full, "
	    "with what it was before and after.",
	.enter = audit_enter,
	.leave = audit_leave,
	.layout = audit_layout,
	.draw = audit_draw,
	.on_action = audit_action,
	.on_mouse = audit_mouse,
	.on_text = audit_text,
	.on_result = audit_result,
	.context = audit_context,
	.text_focus = audit_text_focus,
};

/* ---- one row in full ------------------------------------------------- */

struct entry_ui {
	struct audit_entry e;
	struct page page;
};

/* The label, then the value (or "(none)") wrapped and indented. */
static void
entry_field(struct entry_ui *st, const char *label, const char *value,
    int width)
{
	page_add(&st->page, ST_HEADER, label);
	page_add_wrapped(&st->page, ST_NORMAL, width, 2, value != NULL &&
	    value[0] != '\0' ? value : "(none)");
}

static void
entry_build(struct entry_ui *st, int width)
{
	const struct audit_entry *e = &st->e;
	struct strbuf b = STRBUF_INIT;
	int w = width > 0 ? width : 40;

	page_clear(&st->page);
	audit_when(e->at, &b);
	strbuf_adds(&b, " UTC");
	entry_field(st, "When", b.buf, w);
	strbuf_reset(&b);
	strbuf_adds(&b, e->actor_login != NULL ? e->actor_login : "system");
	entry_field(st, "Who", b.buf, w);
	entry_field(st, "Action", audit_action_label(e->action), w);
	strbuf_reset(&b);
	audit_record(e, &b);
	entry_field(st, "Record", b.buf, w);
	entry_field(st, "Summary", e->summary, w);
	if (e->reason != NULL && e->reason[0] != '\0')
		entry_field(st, "Reason", e->reason, w);
	entry_field(st, "Before", e->before, w);
	entry_field(st, "After", e->after, w);
	strbuf_fini(&b);
}

static enum pd_status
entry_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct entry_ui *st = s->state;
	const struct audit_entry *e = arg;
	char title[64];

	if (e == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which audit row?");
	audit_entry_copy(&st->e, e);
	snprintf(title, sizeof title, "Audit row %lld", (long long)e->id);
	screen_set_title(s, title);
	return PD_OK;
}

static void
entry_leave(struct screen *s)
{
	struct entry_ui *st = s->state;

	page_fini(&st->page);
	audit_entry_fini(&st->e);
}

static void
entry_layout(struct screen *s)
{
	struct entry_ui *st = s->state;

	entry_build(st, s->area.w);
	page_layout(&st->page, s->area);
}

static void
entry_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct entry_ui *st = s->state;

	page_draw(&st->page, NULL);
	cur->y = s->area.y;
	cur->x = s->area.x;
}

static enum tui_result
entry_action(struct screen *s, enum action a)
{
	struct entry_ui *st = s->state;

	if (a == ACT_OPEN || a == ACT_FILTER)
		return TUI_HANDLED;
	return page_action(&st->page, a);
}

static const enum action entry_hints[] = {
	ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_BACK, ACT_HELP, ACT_NONE
};

const struct screen_ops audit_entry_screen = {
	.name = "audit_entry",
	.title = "Audit row",
	.sections = audit_sections,
	.state_size = sizeof(struct entry_ui),
	.hints = entry_hints,
	.help = "One row of the audit trail in full: when, who, what was done "
	    "to which record, and the record before and after. Control "
	    "characters and bad bytes show escaped (\\x07).",
	.enter = entry_enter,
	.leave = entry_leave,
	.layout = entry_layout,
	.draw = entry_draw,
	.on_action = entry_action,
};
