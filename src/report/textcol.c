#include "textcol.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

/* Columns for one code point, counted as the screens count them
 * (core/utf8.h: wcwidth() in the UTF-8 locale the program sets up).  A
 * report writes control characters and bytes that are not UTF-8 as they
 * are, unescaped, so they take no column here. */
static int
textcol_cp_width(int32_t c)
{
	return utf8_cp_needs_escape(c) ? 0 : utf8_cp_width(c);
}

/* Decode one character at s (NUL-terminated; see utf8_decode). */
static size_t
textcol_decode(const unsigned char *s, int32_t *cp)
{
	return utf8_decode((const char *)s, strnlen((const char *)s, 4), cp);
}

int
textcol_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = 0;
	int32_t c;

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
	int32_t c;

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
