#include "peerdesk/tui/statusline.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/tui/draw.h"

#define HINT_GAP 2

/* Walk the hints that fit: calls fn for each with its key and label. */
static void
statusline_walk(const struct statusline_hints *h, int width,
    void (*fn)(void *ctx, enum action a, const char *key, const char *label),
    void *ctx)
{
	const enum action *a;
	char key[KEYS_NAME_MAX];
	int used = 0, need;

	if (h == NULL || h->actions == NULL)
		return;
	for (a = h->actions; *a != ACT_NONE; a++) {
		h->key(h->ctx, *a, key);
		if (key[0] == '\0')
			continue;
		need = (int)(utf8_width(key) + 1 + utf8_width(action_hint(*a)));
		if (used > 0)
			need += HINT_GAP;
		if (used + need > width)
			break;
		fn(ctx, *a, key, action_hint(*a));
		used += need;
	}
}

static void
statusline_add_text(void *ctx, enum action a, const char *key,
    const char *label)
{
	struct strbuf *out = ctx;

	(void)a;
	if (out->len > 0)
		strbuf_adds(out, "  ");
	strbuf_adds(out, key);
	strbuf_addc(out, ' ');
	strbuf_adds(out, label);
}

void
statusline_text(const struct statusline_hints *h, int width,
    struct strbuf *out)
{
	struct strbuf tmp = STRBUF_INIT;

	statusline_walk(h, width, statusline_add_text, &tmp);
	strbuf_adds(out, strbuf_str(&tmp));
	strbuf_fini(&tmp);
}

struct statusline_pos {
	int y, x, width;
};

static void
statusline_add_drawn(void *ctx, enum action a, const char *key,
    const char *label)
{
	struct statusline_pos *p = ctx;

	(void)a;
	if (p->x > 0)
		p->x += HINT_GAP;
	p->x += draw_text(p->y, p->x, p->width - p->x, key, ST_KEY);
	p->x += draw_text(p->y, p->x, p->width - p->x, " ", ST_STATUS);
	p->x += draw_text(p->y, p->x, p->width - p->x, label, ST_STATUS);
}

void
statusline_draw(const struct statusline_hints *h, int y, int width,
    const char *msg, bool is_error)
{
	struct statusline_pos p = { y, 0, width };
	struct strbuf sb = STRBUF_INIT;

	draw_fill(y, 0, width, ST_STATUS);
	if (msg != NULL && msg[0] != '\0') {
		if (is_error)
			strbuf_adds(&sb, "! ");
		strbuf_adds(&sb, msg);
		draw_text(y, 0, width, sb.buf,
		    is_error ? ST_ERROR : ST_MESSAGE);
		strbuf_fini(&sb);
		return;
	}
	statusline_walk(h, width, statusline_add_drawn, &p);
}

struct statusline_hit {
	int x, at;
	enum action found;
	char key[KEYS_NAME_MAX];
};

static void
statusline_add_hit(void *ctx, enum action a, const char *key,
    const char *label)
{
	struct statusline_hit *h = ctx;
	int start = h->at + (h->at > 0 ? HINT_GAP : 0);
	int end = start + (int)(utf8_width(key) + 1 + utf8_width(label));

	if (h->found == ACT_NONE && h->x >= start && h->x < end) {
		h->found = a;
		snprintf(h->key, sizeof h->key, "%s", key);
	}
	h->at = end;
}

enum action
statusline_hit(const struct statusline_hints *h, int width, int x,
    char key[KEYS_NAME_MAX])
{
	struct statusline_hit hit = { x, 0, ACT_NONE, "" };

	statusline_walk(h, width, statusline_add_hit, &hit);
	memcpy(key, hit.key, KEYS_NAME_MAX);
	return hit.found;
}
