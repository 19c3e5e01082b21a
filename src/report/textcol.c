#include "textcol.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"

/* Decode one UTF-8 sequence at s; *cp gets the code point (or the byte
 * for an invalid sequence).  Returns the bytes used, at least 1. */
static size_t
textcol_decode(const unsigned char *s, uint32_t *cp)
{
	size_t n, i;
	uint32_t c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		*cp = s[0];
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = s[0];
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	*cp = c;
	return n;
}

/* Columns for one code point: a short table that is right for names in
 * Latin, Greek and Cyrillic scripts, and for the common wide ranges. */
static int
textcol_cp_width(uint32_t c)
{
	if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		return 0;
	if ((c >= 0x0300 && c <= 0x036f) || (c >= 0x200b && c <= 0x200f) ||
	    (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x1ab0 && c <= 0x1aff) ||
	    (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff))
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
	    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

int
textcol_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = 0;
	uint32_t c;

	while (*p != '\0') {
		p += textcol_decode(p, &c);
		w += textcol_cp_width(c);
	}
	return w;
}

static void
textcol_spaces(struct strbuf *sb, int n)
{
	while (n-- > 0)
		strbuf_addc(sb, ' ');
}

void
textcol_add_fit(struct strbuf *sb, const char *s, int width,
    enum textcol_align align)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = textcol_width(s), used = 0, cw;
	size_t n;
	uint32_t c;

	if (width <= 0)
		return;
	if (w <= width) {
		if (align == TEXTCOL_RIGHT)
			textcol_spaces(sb, width - w);
		strbuf_adds(sb, s);
		if (align == TEXTCOL_LEFT)
			textcol_spaces(sb, width - w);
		return;
	}
	/* Too wide: keep what fits before "..." (or dots alone). */
	if (width <= 3) {
		while (width-- > 0)
			strbuf_addc(sb, '.');
		return;
	}
	while (*p != '\0') {
		n = textcol_decode(p, &c);
		cw = textcol_cp_width(c);
		if (used + cw > width - 3)
			break;
		strbuf_add(sb, p, n);
		used += cw;
		p += n;
	}
	/* Combining marks that belong to the last character kept. */
	while (*p != '\0') {
		n = textcol_decode(p, &c);
		if (textcol_cp_width(c) != 0)
			break;
		strbuf_add(sb, p, n);
		p += n;
	}
	strbuf_adds(sb, "...");
	textcol_spaces(sb, width - 3 - used);
}

void
textcol_pad_to(struct strbuf *sb, size_t start, int col)
{
	int w = textcol_width(strbuf_str(sb) + start);

	textcol_spaces(sb, col - w);
}

void
textcol_push(struct textcol_lines *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = xstrdup(s);
}

void
textcol_pushf(struct textcol_lines *l, const char *fmt, ...)
{
	va_list ap, aq;
	char *s;
	int n;

	va_start(ap, fmt);
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		n = 0;
	s = xmalloc((size_t)n + 1);
	s[0] = '\0';
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	textcol_push(l, s);
	free(s);
}

void
textcol_wrap(struct textcol_lines *l, const char *s, int first_indent,
    int indent, int width)
{
	struct strbuf line = STRBUF_INIT;
	const char *p = s;
	int col, first = 1;

	while (*p == ' ')
		p++;
	if (*p == '\0')
		return;
	textcol_spaces(&line, first_indent);
	col = first_indent;
	while (*p != '\0') {
		const char *end = p;
		char *word;
		int ww;

		while (*end != '\0' && *end != ' ')
			end++;
		word = xstrndup(p, (size_t)(end - p));
		ww = textcol_width(word);
		if (!first && col + 1 + ww > width) {
			textcol_push(l, strbuf_str(&line));
			strbuf_reset(&line);
			textcol_spaces(&line, indent);
			col = indent;
			first = 1;
		}
		if (!first) {
			strbuf_addc(&line, ' ');
			col++;
		}
		if (col + ww > width) {
			textcol_add_fit(&line, word, width - col, TEXTCOL_LEFT);
			col = width;
		} else {
			strbuf_adds(&line, word);
			col += ww;
		}
		first = 0;
		free(word);
		p = end;
		while (*p == ' ')
			p++;
	}
	textcol_push(l, strbuf_str(&line));
	strbuf_fini(&line);
}

void
textcol_append(struct textcol_lines *dst, struct textcol_lines *src)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		if (dst->n == dst->cap) {
			dst->cap = dst->cap ? dst->cap * 2 : 16;
			dst->v = xreallocarray(dst->v, dst->cap,
			    sizeof *dst->v);
		}
		dst->v[dst->n++] = src->v[i];
	}
	free(src->v);
	memset(src, 0, sizeof *src);
}

void
textcol_lines_fini(struct textcol_lines *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}
