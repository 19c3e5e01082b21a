#include "peerdesk/tui/draw.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

/* Decode already display-safe UTF-8 into wide characters and add them. */
static void
draw_utf8_raw(int y, int x, const char *s, size_t len)
{
	wchar_t stackbuf[256], *w = stackbuf;
	size_t i = 0, n = 0;
	int32_t cp;

	if (len + 1 > sizeof stackbuf / sizeof stackbuf[0])
		w = xreallocarray(NULL, len + 1, sizeof *w);
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		w[n++] = cp == UTF8_INVALID ? L'?' : (wchar_t)cp;
	}
	w[n] = L'\0';
	if (n > 0)
		mvaddnwstr(y, x, w, (int)n);
	if (w != stackbuf)
		free(w);
}

int
draw_text(int y, int x, int width, const char *s, enum style st)
{
	struct strbuf sb = STRBUF_INIT;
	int used;

	if (width <= 0 || s == NULL)
		return 0;
	utf8_truncate(s, (size_t)width, &sb);
	used = (int)utf8_width(strbuf_str(&sb));
	attrset(style_attr(st));
	draw_utf8_raw(y, x, sb.buf ? sb.buf : "", sb.len);
	attrset(A_NORMAL);
	strbuf_fini(&sb);
	return used;
}

void
draw_fill(int y, int x, int width, enum style st)
{
	if (width <= 0)
		return;
	attrset(style_attr(st));
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

int
draw_text_pad(int y, int x, int width, const char *s, enum style st)
{
	int used;

	if (width <= 0)
		return 0;
	draw_fill(y, x, width, st);
	used = draw_text(y, x, width, s, st);
	return used;
}

int
draw_text_right(int y, int x, int width, const char *s, enum style st)
{
	int w = (int)utf8_width(s);

	if (w >= width)
		return draw_text(y, x, width, s, st);
	return draw_text(y, x + width - w, w, s, st);
}

int
draw_text_centre(int y, int x, int width, const char *s, enum style st)
{
	int w = (int)utf8_width(s);

	if (w >= width)
		return draw_text(y, x, width, s, st);
	return draw_text(y, x + (width - w) / 2, w, s, st);
}

int
draw_wchars(int y, int x, int width, const wchar_t *w, size_t n,
    enum style st)
{
	size_t i, end = 0;
	int used = 0, cw;

	for (i = 0; i < n; i++) {
		cw = wcwidth(w[i]);
		if (cw < 0)
			cw = 1;
		if (used + cw > width)
			break;
		used += cw;
		end = i + 1;
	}
	/* Keep combining marks that follow the last character. */
	while (end < n && wcwidth(w[end]) == 0)
		end++;
	attrset(style_attr(st));
	if (end > 0)
		mvaddnwstr(y, x, w, (int)end);
	attrset(A_NORMAL);
	return used;
}

void
draw_box(struct rect r, const char *title, enum style st)
{
	int i;

	if (r.h < 2 || r.w < 2)
		return;
	for (i = 1; i < r.h - 1; i++)
		draw_fill(r.y + i, r.x + 1, r.w - 2, ST_DIALOG);
	attrset(style_attr(st));
	mvaddwstr(r.y, r.x, L"\u250c");
	mvaddwstr(r.y, r.x + r.w - 1, L"\u2510");
	mvaddwstr(r.y + r.h - 1, r.x, L"\u2514");
	mvaddwstr(r.y + r.h - 1, r.x + r.w - 1, L"\u2518");
	for (i = 1; i < r.w - 1; i++) {
		mvaddwstr(r.y, r.x + i, L"\u2500");
		mvaddwstr(r.y + r.h - 1, r.x + i, L"\u2500");
	}
	for (i = 1; i < r.h - 1; i++) {
		mvaddwstr(r.y + i, r.x, L"\u2502");
		mvaddwstr(r.y + i, r.x + r.w - 1, L"\u2502");
	}
	attrset(A_NORMAL);
	if (title != NULL && title[0] != '\0' && r.w > 6) {
		struct strbuf sb = STRBUF_INIT;

		strbuf_addc(&sb, ' ');
		strbuf_adds(&sb, title);
		strbuf_addc(&sb, ' ');
		draw_text(r.y, r.x + 2, r.w - 4, sb.buf, ST_TITLE);
		strbuf_fini(&sb);
	}
}

int
draw_wrapped(int y, int x, int width, int maxrows, const char *s,
    enum style st)
{
	size_t off = 0, len, next;
	int rows = 0;
	char *line;

	if (s == NULL || width <= 0)
		return 0;
	while (s[off] != '\0') {
		len = utf8_wrap(s + off, (size_t)width, &next);
		if (rows < maxrows) {
			line = xstrndup(s + off, len);
			draw_text(y + rows, x, width, line, st);
			free(line);
		}
		rows++;
		if (next == 0)
			break;
		off += next;
	}
	return rows;
}
