#include "peerdesk/core/utf8.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

size_t
utf8_decode(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t need, i;
	int32_t c, min;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		need = 2;
		c = p[0] & 0x1f;
		min = 0x80;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		need = 3;
		c = p[0] & 0x0f;
		min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		need = 4;
		c = p[0] & 0x07;
		min = 0x10000;
	} else {
		*cp = UTF8_INVALID;
		return 1;
	}
	if (n < need) {
		*cp = UTF8_INVALID;
		return 1;
	}
	for (i = 1; i < need; i++) {
		if ((p[i] & 0xc0) != 0x80) {
			*cp = UTF8_INVALID;
			return 1;
		}
		c = (c << 6) | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		*cp = UTF8_INVALID;
		return 1;
	}
	*cp = c;
	return need;
}

bool
utf8_is_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

size_t
utf8_lead_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xf0)
		return 4;
	if (c >= 0xe0)
		return 3;
	return 2;
}

size_t
utf8_encode(int32_t cp, char out[4])
{
	if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

bool
utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_INVALID)
			return false;
	}
	return true;
}

bool
utf8_cp_needs_escape(int32_t cp)
{
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return true;	/* also UTF8_INVALID */
	if (cp < 0x7f)
		return false;
	return wcwidth((wchar_t)cp) < 0;
}

size_t
utf8_cp_escape(int32_t cp, unsigned char byte, char buf[12])
{
	int n;

	if (cp == UTF8_INVALID)
		n = snprintf(buf, 12, "\\x%02x", byte);
	else if (cp < 0x100)
		n = snprintf(buf, 12, "\\x%02x", (unsigned)cp);
	else
		n = snprintf(buf, 12, "\\u%04x", (unsigned)cp);
	return n < 0 ? 0 : (size_t)n;
}

int
utf8_cp_width(int32_t cp)
{
	char esc[12];

	if (utf8_cp_needs_escape(cp))
		return (int)utf8_cp_escape(cp, 0, esc);
	if (cp < 0x7f)
		return 1;
	return wcwidth((wchar_t)cp);
}

size_t
utf8_width_n(const char *s, size_t n)
{
	size_t i = 0, w = 0;
	int32_t cp;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		w += (size_t)utf8_cp_width(cp);
	}
	return w;
}

size_t
utf8_width(const char *s)
{
	return s == NULL ? 0 : utf8_width_n(s, strlen(s));
}

void
utf8_escape(const char *s, bool keep_newlines, struct strbuf *out)
{
	size_t i = 0, n, len;
	int32_t cp;
	char esc[12];

	if (s == NULL)
		return;
	len = strlen(s);
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == '\n' && keep_newlines)
			strbuf_addc(out, '\n');
		else if (utf8_cp_needs_escape(cp))
			strbuf_add(out, esc,
			    utf8_cp_escape(cp, (unsigned char)s[i], esc));
		else
			strbuf_add(out, s + i, n);
		i += n;
	}
}

void
utf8_truncate(const char *s, size_t width, struct strbuf *out)
{
	size_t i = 0, n, len, used = 0, plen, w, cut_at;
	int32_t cp;
	char esc[12];
	const char *piece;

	if (s == NULL || width == 0)
		return;
	len = strlen(s);
	cut_at = out->len;	/* where an ellipsis would still fit */
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (utf8_cp_needs_escape(cp)) {
			plen = utf8_cp_escape(cp, (unsigned char)s[i], esc);
			piece = esc;
			w = plen;
		} else {
			plen = n;
			piece = s + i;
			w = (size_t)utf8_cp_width(cp);
		}
		if (used + w > width) {
			strbuf_truncate(out, cut_at);
			strbuf_adds(out, UTF8_ELLIPSIS);
			return;
		}
		strbuf_add(out, piece, plen);
		used += w;
		if (used <= width - 1)
			cut_at = out->len;
		i += n;
	}
}

size_t
utf8_wrap(const char *s, size_t width, size_t *next)
{
	size_t i = 0, n, used = 0, w;
	size_t brk = 0, brk_next = 0;	/* after the last space seen */
	int32_t cp;

	if (width == 0)
		width = 1;
	if (s == NULL || s[0] == '\0') {
		*next = 0;
		return 0;
	}
	/* Only this line is read (no strlen of the rest), so wrapping a
	 * long text line by line costs its length, not length x lines.
	 * utf8_decode stops at the NUL: it is never a continuation byte. */
	while (s[i] != '\0') {
		n = utf8_decode(s + i, 4, &cp);
		if (cp == '\n') {
			*next = i + 1;
			return i;
		}
		w = (size_t)utf8_cp_width(cp);
		if (cp == ' ') {
			/* A space may hang past the edge; break after it. */
			if (used + w > width) {
				*next = i + n;
				return i;
			}
			brk = i;
			brk_next = i + n;
		} else if (used + w > width && i > 0) {
			if (brk > 0) {
				*next = brk_next;
				return brk;
			}
			*next = i;
			return i;
		}
		used += w;
		i += n;
	}
	*next = i;
	return i;
}

size_t
utf8_lower_wide(const char *s, wchar_t *out, size_t cap)
{
	size_t i = 0, k = 0, n = strlen(s);
	int32_t cp;

	while (i < n && k < cap - 1) {
		i += utf8_decode(s + i, n - i, &cp);
		out[k++] = (wchar_t)towlower((wint_t)(cp < 0 ? '?' : cp));
	}
	out[k] = L'\0';
	return k;
}
