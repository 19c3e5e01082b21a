/* help.c - the help screen, generated from the key map in force. */
#include "peerdesk/tui/help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/page.h"

#define HELP_MAX_SECTIONS 8
#define HELP_MAX_KEYS 6

struct help {
	const struct screen *target;
	char *text;		/* help_text() of the target */
	struct page page;	/* wrapped for the current width */
};

static const char *const help_sections[] = { "list", NULL };

/* The keys for a on s, joined with ", " (text keys left out while s
 * types text). */
static void
help_keys(const struct screen *s, enum action a, struct strbuf *out)
{
	const char *sec[HELP_MAX_SECTIONS];
	size_t nsec = screen_sections(s, sec, HELP_MAX_SECTIONS), n, i;
	struct tui_key keys[HELP_MAX_KEYS];
	char name[KEYS_NAME_MAX];
	bool text = s->ops->text_focus != NULL && s->ops->text_focus(s);
	bool first = true;

	n = keymap_keys_for(tui_keymap(s->ui), sec, nsec, a, keys,
	    HELP_MAX_KEYS);
	if (n > HELP_MAX_KEYS)
		n = HELP_MAX_KEYS;
	for (i = 0; i < n; i++) {
		if (text && keys_is_text(keys[i]))
			continue;
		if (!first)
			strbuf_adds(out, ", ");
		strbuf_adds(out, keys_name(keys[i], name));
		first = false;
	}
}

void
help_text(const struct screen *s, struct strbuf *out)
{
	const char *sec[HELP_MAX_SECTIONS];
	size_t nsec = screen_sections(s, sec, HELP_MAX_SECTIONS), n, i;
	enum action acts[ACT_COUNT];
	struct strbuf keys = STRBUF_INIT;

	if (s->ops->help != NULL) {
		strbuf_adds(out, s->ops->help);
		strbuf_addc(out, '\n');
	}
	if (s->ops->help_more != NULL) {
		size_t before = out->len;

		s->ops->help_more(s, out);
		if (out->len > before && out->buf[out->len - 1] != '\n')
			strbuf_addc(out, '\n');
	}
	if (out->len > 0)
		strbuf_addc(out, '\n');
	strbuf_adds(out, "Keys on this screen:\n");
	n = keymap_actions(tui_keymap(s->ui), sec, nsec, acts, ACT_COUNT);
	for (i = 0; i < n && i < ACT_COUNT; i++) {
		strbuf_reset(&keys);
		help_keys(s, acts[i], &keys);
		if (keys.len == 0)
			continue;
		strbuf_adds(out, keys.buf);
		strbuf_addc(out, '\t');
		strbuf_adds(out, action_help(acts[i]));
		strbuf_addc(out, '\n');
	}
	strbuf_fini(&keys);
	strbuf_adds(out, "\nKey names:\n"
	    "C-q\tHold Ctrl and press q (C-s: Ctrl and s, and so on)\n"
	    "M-x\tHold Alt and press x\n"
	    "F1 ... F12\tThe keys along the top of the keyboard; each has "
	    "another key that does the same, for keyboards without them\n"
	    "PgUp, PgDn\tPage Up and Page Down\n"
	    "Mouse\tWhere the terminal has one: click a row or a field to "
	    "move there, click it again or click a button to choose it, "
	    "click a key on the bottom line to press it; the wheel "
	    "scrolls (settings.yaml: mouse: false turns it off)\n");
}

static void
help_add_line(struct help *h, const char *s, size_t len, enum style st)
{
	char *line = xstrndup(s, len);

	page_add(&h->page, st, line);
	free(line);
}

/* Wrap s into width columns, each row starting with indent spaces. */
static void
help_add_wrapped(struct help *h, const char *s, int width, int indent,
    enum style st)
{
	if (s[0] == '\0')
		page_add(&h->page, st, "");
	else
		page_add_wrapped(&h->page, st, width > indent + 8 ? width :
		    indent + 8, indent, s);
}

static void
help_build(struct help *h, int width)
{
	char *text = xstrdup(h->text), *line, *next_line, *tab;
	int keyw = width >= 60 ? 18 : 0;
	struct strbuf row = STRBUF_INIT;
	size_t kw;

	page_clear(&h->page);
	for (line = text; line != NULL; line = next_line) {
		next_line = strchr(line, '\n');
		if (next_line != NULL)
			*next_line++ = '\0';
		if (*line == '\0' && next_line == NULL)
			break;
		tab = strchr(line, '\t');
		if (tab == NULL) {
			help_add_wrapped(h, line, width,  0,
			    strcmp(line, "Keys on this screen:") == 0 ||
			    strcmp(line, "Key names:") == 0 ?
			    ST_HEADER : ST_NORMAL);
			continue;
		}
		*tab = '\0';
		kw = utf8_width(line);
		if (keyw > 0 && kw + 2 <= (size_t)keyw) {
			/* "keys      help", help wrapped under itself */
			size_t off = 0, len, next;
			const char *help = tab + 1;
			bool first = true;

			while (help[off] != '\0') {
				/* two columns of indent, one for ▲ ▼ */
				len = utf8_wrap(help + off,
				    (size_t)(width - keyw - 3), &next);
				strbuf_reset(&row);
				strbuf_addf(&row, "  %s", first ? line : "");
				strbuf_addf(&row, "%*s",
				    (int)((size_t)keyw - (first ? kw : 0)), "");
				strbuf_add(&row, help + off, len);
				help_add_line(h, row.buf, row.len, ST_NORMAL);
				first = false;
				if (next == 0)
					break;
				off += next;
			}
		} else {
			strbuf_reset(&row);
			strbuf_addf(&row, "  %s", line);
			help_add_line(h, row.buf, row.len, ST_KEY);
			help_add_wrapped(h, tab + 1, width, 4, ST_NORMAL);
		}
	}
	strbuf_fini(&row);
	free(text);
}

static enum pd_status
help_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct help *h = s->state;
	struct strbuf sb = STRBUF_INIT;
	char title[160];

	(void)err;
	h->target = arg;
	help_text(h->target, &sb);
	h->text = strbuf_detach(&sb);
	snprintf(title, sizeof title, "Help: %s",
	    h->target->title[0] ? h->target->title : h->target->ops->name);
	screen_set_title(s, title);
	return PD_OK;
}

static void
help_leave(struct screen *s)
{
	struct help *h = s->state;

	page_fini(&h->page);
	free(h->text);
}

static void
help_layout(struct screen *s)
{
	struct help *h = s->state;

	help_build(h, s->area.w - 1);
	h->page.gutter = true;
	page_layout(&h->page, s->area);
}

static void
help_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct help *h = s->state;

	page_draw(&h->page, NULL);
	cur->y = s->area.y;
	cur->x = s->area.x;
}

static enum tui_result
help_action(struct screen *s, enum action a)
{
	struct help *h = s->state;

	switch (a) {
	case ACT_HELP:
	case ACT_BACK:
	case ACT_OPEN:
		screen_close(s, SCREEN_OK, -1, NULL);
		return TUI_HANDLED;
	default:
		return page_action(&h->page, a);
	}
}

/* Clicks on the help text do nothing (the wheel scrolls it). */
static enum tui_result
help_mouse(struct screen *s, int y, int x)
{
	(void)s;
	(void)y;
	(void)x;
	return TUI_HANDLED;
}

static const enum action help_hints[] = {
	ACT_BACK, ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_NONE
};

const struct screen_ops help_screen = {
	.name = "help",
	.sections = help_sections,
	.state_size = sizeof(struct help),
	.hints = help_hints,
	.help = "This screen lists the keys of the screen you came from. "
	    "Esc goes back.",
	.enter = help_enter,
	.leave = help_leave,
	.layout = help_layout,
	.draw = help_draw,
	.on_action = help_action,
	.on_mouse = help_mouse,
};
