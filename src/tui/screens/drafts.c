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
	size_t n, cap, sel;
	bool review;		/* reading the selected one */
	char **lines;		/* the review, wrapped */
	size_t nlines;
	int scroll, wrap_w;
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

static void
drafts_free_lines(struct drafts *st)
{
	size_t i;

	for (i = 0; i < st->nlines; i++)
		free(st->lines[i]);
	FREE(&st->lines);
	st->nlines = 0;
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

static enum pd_status
drafts_load(struct screen *s, struct pd_err *err)
{
	struct drafts *st = s->state;
	enum pd_status rc;

	drafts_clear(st);
	rc = app_draft_list(s->app, DRAFTS_PREFIX, drafts_add, st, err);
	if (st->sel >= st->n)
		st->sel = st->n > 0 ? st->n - 1 : 0;
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
	drafts_free_lines(st);
}

/* ---- the review: the kept text, label by label, wrapped ------------- */

static void
drafts_push_line(struct drafts *st, const char *text, size_t len,
    size_t *cap)
{
	if (st->nlines == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		st->lines = xreallocarray(st->lines, *cap, sizeof *st->lines);
	}
	st->lines[st->nlines++] = xstrndup(text, len);
}

static void
drafts_wrap(struct drafts *st, const char *text, int width, size_t *cap)
{
	size_t off = 0, len, next;

	if (text[0] == '\0') {
		drafts_push_line(st, "", 0, cap);
		return;
	}
	while (text[off] != '\0') {
		len = utf8_wrap(text + off, (size_t)(width > 1 ? width : 1),
		    &next);
		if (next == 0 && len == 0)
			break;
		drafts_push_line(st, text + off, len, cap);
		if (next == 0)
			break;
		off += next;
	}
}

static void
drafts_build_review(struct screen *s)
{
	struct drafts *st = s->state;
	const struct kept *k = &st->d[st->sel];
	struct strbuf id = STRBUF_INIT, text = STRBUF_INIT, label = STRBUF_INIT;
	size_t pos = 0, cap = 0;
	int w = s->area.w - 2;

	drafts_free_lines(st);
	st->wrap_w = s->area.w;
	while (form_draft_next(k->content, &pos, &id, &text)) {
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
			drafts_wrap(st, strbuf_str(&label), w, &cap);
		} else {
			drafts_wrap(st, strbuf_str(&label), w, &cap);
			drafts_wrap(st, strbuf_str(&text), w, &cap);
		}
		strbuf_reset(&label);
	}
	strbuf_fini(&id);
	strbuf_fini(&text);
	strbuf_fini(&label);
}

/* ---- drawing ---------------------------------------------------------- */

static int
drafts_body_rows(const struct screen *s)
{
	int h = s->area.h - DRAFTS_HINT_ROWS;

	return h > 1 ? h : 1;
}

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
	const struct kept *k = &st->d[st->sel];
	char head[200];
	int y = s->area.y, rows = drafts_body_rows(s) - 1, i;
	size_t li;

	snprintf(head, sizeof head, "%s, kept at %s", k->title, k->when);
	draw_text(y, s->area.x, s->area.w, head, ST_HEADER);
	for (i = 0; i < rows; i++) {
		li = (size_t)st->scroll + (size_t)i;
		if (li >= st->nlines)
			break;
		/* labels end with ':' and start at the edge; text is indented */
		draw_text(y + 1 + i, s->area.x + 1, s->area.w - 2,
		    st->lines[li], ST_NORMAL);
	}
	if (st->scroll > 0)
		draw_text(y + 1, s->area.x + s->area.w - 1, 1, "\u25b2", ST_DIM);
	if ((size_t)st->scroll + (size_t)rows < st->nlines)
		draw_text(y + rows, s->area.x + s->area.w - 1, 1, "\u25bc",
		    ST_DIM);
	drafts_draw_hint(s, "r: put it back in its form, d: let it go, "
	    "Esc: back to the list");
	cur->y = y;
	cur->x = s->area.x;
}

static void
drafts_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct drafts *st = s->state;
	int y = s->area.y, bottom = s->area.y + drafts_body_rows(s), n;
	size_t i;
	char line[200];

	if (st->review) {
		drafts_draw_review(s, cur);
		return;
	}
	n = draw_wrapped(y, s->area.x, s->area.w, 3, "Some typing was not "
	    "saved when peerdesk last closed. It was kept for you:",
	    ST_NORMAL);
	y += (n > 3 ? 3 : n) + 1;
	for (i = 0; i < st->n && y < bottom; i++) {
		const struct kept *k = &st->d[i];

		snprintf(line, sizeof line, "%s (%s)", k->title, k->when);
		if (i == st->sel) {
			draw_fill(y, s->area.x, s->area.w, ST_SELECTED);
			cur->y = y;
			cur->x = s->area.x;
		}
		draw_text(y, s->area.x + 1, s->area.w - 2, line,
		    i == st->sel ? ST_SELECTED : ST_NORMAL);
		y++;
		if (k->preview != NULL && y < bottom) {
			draw_text(y, s->area.x + 3, s->area.w - 4, k->preview,
			    ST_DIM);
			y++;
		}
	}
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
		    (e->needs_client != 0) == (client != 0) &&
		    menu_allowed(e, roles))
			return e;
	return NULL;
}

/* Open the draft's form again; as it opens, it takes the text back. */
static void
drafts_restore(struct screen *s)
{
	struct drafts *st = s->state;
	const struct kept *k = &st->d[st->sel];
	const char *name = k->form + strlen(DRAFTS_PREFIX);
	unsigned roles = app_tui_role_mask(s->app);
	const struct menu_entry *e;
	long long id = 0;
	char *end;
	struct pd_err err;
	enum pd_status rc;

	if (k->key[0] == '\0') {
		e = drafts_find(home_menu, name, 0, roles);
	} else {
		id = strtoll(k->key, &end, 10);
		e = *end == '\0' && id > 0 ? drafts_find(client_menu, name, 1,
		    roles) : NULL;
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
	struct drafts *st = s->state;
	char text[300];

	snprintf(text, sizeof text, "The text kept from \u201c%s\u201d at %s "
	    "will be removed for good.", st->d[st->sel].title,
	    st->d[st->sel].when);
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
	int page = drafts_body_rows(s) - 1, max;

	max = (int)st->nlines - page;
	if (max < 0)
		max = 0;
	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		if (st->review) {
			st->scroll += a == ACT_UP ? -1 : a == ACT_DOWN ? 1 :
			    a == ACT_PAGE_UP ? -page : page;
			st->scroll = st->scroll < 0 ? 0 : st->scroll > max ?
			    max : st->scroll;
		} else if ((a == ACT_UP || a == ACT_PAGE_UP) && st->sel > 0) {
			st->sel--;
		} else if ((a == ACT_DOWN || a == ACT_PAGE_DOWN) &&
		    st->sel + 1 < st->n) {
			st->sel++;
		}
		return TUI_HANDLED;
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
		return TUI_UNHANDLED;
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
		st->scroll = 0;
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

	if (st->review && st->wrap_w != s->area.w) {
		drafts_build_review(s);
		st->scroll = 0;
	}
}

static void
drafts_result(struct screen *s, const struct screen_result *r)
{
	struct drafts *st = s->state;
	struct pd_err err;

	if (r->tag == DRAFTS_TAG_FORM) {
		drafts_reload(s, NULL);
	} else if (r->tag == DRAFTS_TAG_DISCARD && r->code == SCREEN_OK &&
	    st->sel < st->n) {
		if (app_draft_drop(s->app, st->d[st->sel].form,
		    st->d[st->sel].key, &err) != PD_OK) {
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
