/* drafts.c - "Kept for you": put back, review or let go of the text
 * kept from forms that were not saved (see drafts.h).  Works at 40x15. */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/drafts.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/app_tui.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/form.h"
#include "peerdesk/tui/menu.h"
#include "peerdesk/tui/page.h"

#define DRAFTS_PREFIX "kept:"
#define DRAFTS_TAG_FORM 1
#define DRAFTS_TAG_DISCARD 2
#define DRAFTS_HINT_ROWS 2

struct kept {
	char *form, *key, *content;
	char when[32];		/* local "14:02", or with the day */
	char *title, *preview;
};

struct drafts {
	struct kept *d;
	size_t n, cap;
	struct page list;	/* the drafts: an item each */
	bool review;		/* reading the selected one */
	struct page text;	/* the review, wrapped */
	int wrap_w;
};

static const char *const drafts_sections[] = { "list", NULL };
static const enum action drafts_hints[] = { ACT_HELP, ACT_BACK, ACT_NONE };

/* Control characters (a note's line breaks) shown as spaces. */
static char *
drafts_flat(const char *text)
{
	char *out = xstrdup(text), *p;

	for (p = out; *p != '\0'; p++)
		if ((unsigned char)*p < ' ')
			*p = ' ';
	return out;
}

static int
drafts_add(void *arg, const struct draft_row *row)
{
	struct drafts *st = arg;
	struct kept *k;
	struct strbuf id = STRBUF_INIT, text = STRBUF_INIT;
	size_t pos = 0;

	if (st->n == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 4;
		st->d = xreallocarray(st->d, st->cap, sizeof *st->d);
	}
	k = &st->d[st->n++];
	memset(k, 0, sizeof *k);
	k->form = xstrdup(row->form);
	k->key = xstrdup(row->key);
	k->content = xstrdup(row->content);
	app_tui_local_when(row->saved_at, k->when);
	while (form_draft_next(k->content, &pos, &id, &text)) {
		if (strcmp(strbuf_str(&id), "#title") == 0 && k->title == NULL)
			k->title = drafts_flat(strbuf_str(&text));
		else if (id.buf[0] != '#' && k->preview == NULL &&
		    strchr(strbuf_str(&text), '\n') != NULL)
			k->preview = drafts_flat(strbuf_str(&text));
		else if (id.buf[0] != '#' && k->preview == NULL && text.len > 20)
			k->preview = drafts_flat(strbuf_str(&text));
	}
	if (k->title == NULL)
		k->title = xstrdup(row->form + strlen(DRAFTS_PREFIX));
	strbuf_fini(&id);
	strbuf_fini(&text);
	return 0;
}

/* The chosen draft, or NULL. */
static struct kept *
drafts_current(const struct drafts *st)
{
	const struct page_item *it = page_current(&st->list);

	return it != NULL && (size_t)it->id < st->n ? &st->d[it->id] : NULL;
}

static void
drafts_clear(struct drafts *st)
{
	size_t i;

	for (i = 0; i < st->n; i++) {
		free(st->d[i].form);
		free(st->d[i].key);
		free(st->d[i].content);
		free(st->d[i].title);
		free(st->d[i].preview);
	}
	st->n = 0;
}

/* ---- the list: a draft's title and time, and a line of it ---------- */

static int
drafts_body_rows(const struct screen *s)
{
	int h = s->area.h - DRAFTS_HINT_ROWS;

	return h > 1 ? h : 1;
}

/* " text" or "   text", cut to the room left of the edge. */
static void
drafts_add_cut(struct page *pg, enum style st, const char *lead,
    const char *text, int width)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, lead);
	utf8_truncate(text, (size_t)(width > 0 ? width : 0), &sb);
	page_add(pg, st, strbuf_str(&sb));
	strbuf_fini(&sb);
}

static void
drafts_build_list(struct screen *s)
{
	struct drafts *st = s->state;
	struct rect body = s->area;
	char line[200];
	size_t i;

	page_clear(&st->list);
	page_add_wrapped(&st->list, ST_NORMAL, s->area.w, 0, "Some typing "
	    "was not saved when peerdesk last closed. It was kept for you:");
	page_add(&st->list, ST_NORMAL, "");
	for (i = 0; i < st->n; i++) {
		const struct kept *k = &st->d[i];

		snprintf(line, sizeof line, "%s (%s)", k->title, k->when);
		page_item(&st->list, 0, (int64_t)i);
		drafts_add_cut(&st->list, ST_NORMAL, " ", line, s->area.w - 2);
		if (k->preview != NULL)
			drafts_add_cut(&st->list, ST_DIM, "   ", k->preview,
			    s->area.w - 4);
	}
	body.h = drafts_body_rows(s);
	page_layout(&st->list, body);
}

static enum pd_status
drafts_load(struct screen *s, struct pd_err *err)
{
	struct drafts *st = s->state;
	enum pd_status rc;

	drafts_clear(st);
	rc = app_draft_list(s->app, DRAFTS_PREFIX, drafts_add, st, err);
	drafts_build_list(s);
	return rc;
}

static enum pd_status
drafts_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct drafts *st = s->state;
	enum pd_status rc;

	(void)arg;
	if ((rc = drafts_load(s, err)) != PD_OK)
		return rc;
	if (st->n == 0)
		return pd_fail(err, PD_NOT_FOUND, NULL, "nothing was kept");
	return PD_OK;
}

static void
drafts_leave(struct screen *s)
{
	struct drafts *st = s->state;

	drafts_clear(st);
	FREE(&st->d);
	page_fini(&st->list);
	page_fini(&st->text);
}

/* ---- the review: the kept text, label by label, wrapped ------------- */

static void
drafts_wrap(struct page *pg, const char *text, int width)
{
	if (text[0] == '\0')
		page_add(pg, ST_NORMAL, "");
	else
		page_add_wrapped(pg, ST_NORMAL, width, 0, text);
}

/* Under the heading, one column in: the labels start at the edge and
 * their text is indented. */
static struct rect
drafts_review_area(const struct screen *s)
{
	struct rect r = s->area;

	r.y++;
	r.x++;
	r.h = drafts_body_rows(s) - 1;
	r.w--;
	return r;
}

static void
drafts_build_review(struct screen *s)
{
	struct drafts *st = s->state;
	const struct kept *k = drafts_current(st);
	struct strbuf id = STRBUF_INIT, text = STRBUF_INIT, label = STRBUF_INIT;
	size_t pos = 0;
	int w = s->area.w - 2;

	page_clear(&st->text);
	st->wrap_w = s->area.w;
	while (k != NULL && form_draft_next(k->content, &pos, &id, &text)) {
		if (strncmp(strbuf_str(&id), "#label:", 7) == 0) {
			strbuf_reset(&label);
			strbuf_adds(&label, strbuf_str(&text));
			continue;
		}
		if (id.buf[0] == '#' && strncmp(id.buf, "#same:", 6) != 0)
			continue;
		if (label.len == 0)
			strbuf_adds(&label, strbuf_str(&id));
		strbuf_addc(&label, ':');
		if (strchr(strbuf_str(&text), '\n') == NULL &&
		    (int)(utf8_width(label.buf) + 1 + utf8_width(text.buf)) <=
		    w) {
			/* short: "How long: 1h" on one line */
			strbuf_addf(&label, " %s", strbuf_str(&text));
			drafts_wrap(&st->text, strbuf_str(&label), w);
		} else {
			drafts_wrap(&st->text, strbuf_str(&label), w);
			drafts_wrap(&st->text, strbuf_str(&text), w);
		}
		strbuf_reset(&label);
	}
	st->text.gutter = true;
	page_layout(&st->text, drafts_review_area(s));
	page_action(&st->text, ACT_FIRST);
	strbuf_fini(&id);
	strbuf_fini(&text);
	strbuf_fini(&label);
}

/* ---- drawing ---------------------------------------------------------- */

static void
drafts_draw_hint(const struct screen *s, const char *hint)
{
	draw_wrapped(s->area.y + s->area.h - DRAFTS_HINT_ROWS, s->area.x,
	    s->area.w, DRAFTS_HINT_ROWS, hint, ST_DIM);
}

static void
drafts_draw_review(const struct screen *s, struct tui_cursor *cur)
{
	const struct drafts *st = s->state;
	const struct kept *k = drafts_current(st);
	char head[200];
	int y = s->area.y;

	if (k != NULL) {
		snprintf(head, sizeof head, "%s, kept at %s", k->title,
		    k->when);
		draw_text(y, s->area.x, s->area.w, head, ST_HEADER);
	}
	page_draw(&st->text, NULL);
	drafts_draw_hint(s, "r: put it back in its form, d: let it go, "
	    "Esc: back to the list");
	cur->y = y;
	cur->x = s->area.x;
}

static void
drafts_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct drafts *st = s->state;

	if (st->review) {
		drafts_draw_review(s, cur);
		return;
	}
	page_draw(&st->list, cur);
	drafts_draw_hint(s, "Enter: put it back in its form, v: review, "
	    "d: let it go, Esc: later");
}

/* ---- doing ------------------------------------------------------------ */

static const struct menu_entry *
drafts_find(const struct menu_entry *menu, const char *name, int client,
    unsigned roles)
{
	const struct menu_entry *e;

	for (e = menu; e->label != NULL; e++)
		if (e->ops != NULL && strcmp(e->ops->name, name) == 0 &&
		    e->needs_client == (client != 0) &&
		    menu_allowed(e, roles))
			return e;
	return NULL;
}

/* Open the draft's form again; as it opens, it takes the text back. */
static void
drafts_restore(struct screen *s)
{
	const struct kept *k = drafts_current(s->state);
	unsigned roles = app_tui_role_mask(s->app);
	const struct menu_entry *e;
	long long id = 0;
	char *end;
	struct pd_err err;
	enum pd_status rc;

	if (k == NULL)
		return;
	if (k->key[0] == '\0') {
		e = drafts_find(home_menu, k->form + strlen(DRAFTS_PREFIX), 0,
		    roles);
	} else {
		id = strtoll(k->key, &end, 10);
		e = *end == '\0' && id > 0 ? drafts_find(client_menu,
		    k->form + strlen(DRAFTS_PREFIX), 1, roles) : NULL;
	}
	if (e == NULL) {
		tui_message(s->ui, "Open \u201c%s\u201d again the way you did "
		    "before: the text is waiting there", k->title);
		return;
	}
	pd_err_clear(&err);
	rc = tui_push_id(s->ui, e->ops, (int64_t)id, DRAFTS_TAG_FORM, &err);
	if (rc != PD_OK)
		tui_error(s->ui, "Could not open it: %s", err.msg);
}

static void
drafts_ask_discard(struct screen *s)
{
	const struct kept *k = drafts_current(s->state);
	char text[300];

	if (k == NULL)
		return;
	snprintf(text, sizeof text, "The text kept from \u201c%s\u201d at %s "
	    "will be removed for good.", k->title, k->when);
	dialog_confirm(s->ui, DRAFTS_TAG_DISCARD, "Let it go?", text,
	    "Let it go", "Keep it", false);
}

static void
drafts_reload(struct screen *s, const char *none_left)
{
	struct drafts *st = s->state;
	struct pd_err err;

	st->review = false;
	if (drafts_load(s, &err) != PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		return;
	}
	if (st->n == 0) {
		if (none_left != NULL)
			tui_message(s->ui, "%s", none_left);
		screen_close(s, SCREEN_OK, -1, NULL);
	}
}

static enum tui_result
drafts_action(struct screen *s, enum action a)
{
	struct drafts *st = s->state;

	switch (a) {
	case ACT_OPEN:
		drafts_restore(s);
		return TUI_HANDLED;
	case ACT_BACK:
		if (st->review) {
			st->review = false;
			return TUI_HANDLED;
		}
		tui_message(s->ui, "Kept until you put it back or let it go; "
		    "it comes back when you open that form");
		screen_close(s, SCREEN_CANCEL, -1, NULL);
		return TUI_HANDLED;
	default:
		return page_action(st->review ? &st->text : &st->list, a);
	}
}

static enum tui_result
drafts_text(struct screen *s, struct tui_key k)
{
	struct drafts *st = s->state;

	switch (k.code) {
	case 'r':
		drafts_restore(s);
		return TUI_HANDLED;
	case 'v':
		st->review = true;
		drafts_build_review(s);
		return TUI_HANDLED;
	case 'd':
		drafts_ask_discard(s);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static void
drafts_layout(struct screen *s)
{
	struct drafts *st = s->state;

	drafts_build_list(s);
	if (st->review && st->wrap_w != s->area.w)
		drafts_build_review(s);
	else if (st->review)
		page_layout(&st->text, drafts_review_area(s));
}

static void
drafts_result(struct screen *s, const struct screen_result *r)
{
	const struct kept *k = drafts_current(s->state);
	struct pd_err err;

	if (r->tag == DRAFTS_TAG_FORM) {
		drafts_reload(s, NULL);
	} else if (r->tag == DRAFTS_TAG_DISCARD && r->code == SCREEN_OK &&
	    k != NULL) {
		if (app_draft_drop(s->app, k->form, k->key, &err) != PD_OK) {
			tui_error(s->ui, "%s", err.msg);
			return;
		}
		tui_message(s->ui, "Let go.");
		drafts_reload(s, "Let go. Nothing else is waiting.");
	}
}

const struct screen_ops drafts_screen = {
	.name = "drafts",
	.title = "Kept for you",
	.sections = drafts_sections,
	.state_size = sizeof(struct drafts),
	.hints = drafts_hints,
	.help = "Text you typed in a form that was not saved - because the "
	    "line dropped, peerdesk was closed, or someone else signed in - "
	    "is kept as a draft, for you only. Put it back in its form "
	    "(Enter or r) and save it there, read it first (v), or let it go "
	    "(d). Esc keeps it for later: it also comes back when you open "
	    "that form again.",
	.enter = drafts_enter,
	.leave = drafts_leave,
	.layout = drafts_layout,
	.draw = drafts_draw,
	.on_action = drafts_action,
	.on_text = drafts_text,
	.on_result = drafts_result,
};
