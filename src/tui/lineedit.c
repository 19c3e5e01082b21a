#include "peerdesk/tui/lineedit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

void
le_init(struct lineedit *le, bool multiline, size_t max)
{
	memset(le, 0, sizeof *le);
	le->multiline = multiline;
	le->max = max;
	le->goal = -1;
}

void
le_fini(struct lineedit *le)
{
	FREE(&le->buf);
	le->len = le->cap = le->cur = 0;
}

static void
le_reserve(struct lineedit *le, size_t n)
{
	if (le->len + n <= le->cap)
		return;
	le->cap = le->cap ? le->cap : 16;
	while (le->cap < le->len + n)
		le->cap *= 2;
	le->buf = xreallocarray(le->buf, le->cap, sizeof *le->buf);
}

/* A byte that is not valid UTF-8 is kept as U+DC00 + byte (a lone
 * surrogate, never a character anyone types), so text with bad bytes
 * comes back out of le_text() exactly as it went in and shows as
 * "\xff". */
#define LE_RAW(b) ((wchar_t)(0xdc00 + (b)))

static bool
le_is_raw(wchar_t c)
{
	return c >= LE_RAW(0x80) && c <= LE_RAW(0xff);
}

/* The escape shown for c into esc (12 bytes); its length. */
static size_t
le_escape(wchar_t c, char esc[12])
{
	if (le_is_raw(c))
		return utf8_cp_escape(UTF8_INVALID,
		    (unsigned char)(c - LE_RAW(0)), esc);
	return utf8_cp_escape((int32_t)c, 0, esc);
}

/* Width of one character as shown (escapes for controls). */
static int
le_cw(wchar_t c)
{
	char esc[12];

	if (le_is_raw(c))
		return (int)le_escape(c, esc);
	return utf8_cp_width((int32_t)c);
}

/* A character that joins the one before it (combining marks, ZWJ). */
static bool
le_joins(wchar_t c)
{
	return c != L'\n' && le_cw(c) == 0;
}

static size_t
le_next(const struct lineedit *le, size_t i)
{
	if (i >= le->len)
		return le->len;
	i++;
	while (i < le->len && le_joins(le->buf[i]))
		i++;
	return i;
}

static size_t
le_prev(const struct lineedit *le, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && le_joins(le->buf[i]))
		i--;
	return i;
}

static void
le_remove(struct lineedit *le, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(le->buf + from, le->buf + to,
	    (le->len - to) * sizeof *le->buf);
	le->len -= to - from;
	if (le->cur >= to)
		le->cur -= to - from;
	else if (le->cur > from)
		le->cur = from;
}

void
le_set(struct lineedit *le, const char *s)
{
	size_t i = 0, n;
	int32_t cp;

	le->len = le->cur = 0;
	le->hscroll = le->vscroll = 0;
	le->goal = -1;
	if (s == NULL)
		return;
	n = strlen(s);
	while (i < n) {
		size_t used = utf8_decode(s + i, n - i, &cp);
		wchar_t c = cp == UTF8_INVALID ?
		    LE_RAW((unsigned char)s[i]) : (wchar_t)cp;

		i += used;
		if (le->max && le->len >= le->max)
			break;
		le_reserve(le, 1);
		le->buf[le->len++] = c;
	}
	le->cur = le->len;
}

void
le_text(const struct lineedit *le, struct strbuf *out)
{
	size_t i, n;
	char tmp[4];

	for (i = 0; i < le->len; i++) {
		if (le_is_raw(le->buf[i])) {
			strbuf_addc(out, (char)(le->buf[i] - LE_RAW(0)));
			continue;
		}
		n = utf8_encode((int32_t)le->buf[i], tmp);
		strbuf_add(out, tmp, n);
	}
}

bool
le_insert(struct lineedit *le, wchar_t c)
{
	if (c == L'\n') {
		if (!le->multiline)
			return false;
	} else if (utf8_cp_needs_escape((int32_t)c)) {
		return false;
	}
	if (le->max && le->len >= le->max)
		return false;
	le_reserve(le, 1);
	memmove(le->buf + le->cur + 1, le->buf + le->cur,
	    (le->len - le->cur) * sizeof *le->buf);
	le->buf[le->cur++] = c;
	le->len++;
	le->goal = -1;
	return true;
}

bool
le_insert_utf8(struct lineedit *le, const char *s)
{
	size_t i = 0, n = strlen(s);
	int32_t cp;
	bool ok = true;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_INVALID || !le_insert(le, (wchar_t)cp))
			ok = false;
	}
	return ok;
}

bool
le_left(struct lineedit *le)
{
	size_t old = le->cur;

	le->cur = le_prev(le, le->cur);
	le->goal = -1;
	return le->cur != old;
}

bool
le_right(struct lineedit *le)
{
	size_t old = le->cur;

	le->cur = le_next(le, le->cur);
	le->goal = -1;
	return le->cur != old;
}

static size_t
le_line_start(const struct lineedit *le, size_t i)
{
	while (i > 0 && le->buf[i - 1] != L'\n')
		i--;
	return i;
}

static size_t
le_line_end(const struct lineedit *le, size_t i)
{
	while (i < le->len && le->buf[i] != L'\n')
		i++;
	return i;
}

bool
le_home(struct lineedit *le)
{
	size_t old = le->cur;

	le->cur = le_line_start(le, le->cur);
	le->goal = -1;
	return le->cur != old;
}

bool
le_end(struct lineedit *le)
{
	size_t old = le->cur;

	le->cur = le_line_end(le, le->cur);
	le->goal = -1;
	return le->cur != old;
}

bool
le_delete_back(struct lineedit *le)
{
	size_t from;

	if (le->cur == 0)
		return false;
	from = le_prev(le, le->cur);
	le_remove(le, from, le->cur);
	le->goal = -1;
	return true;
}

bool
le_delete(struct lineedit *le)
{
	if (le->cur >= le->len)
		return false;
	le_remove(le, le->cur, le_next(le, le->cur));
	le->goal = -1;
	return true;
}

bool
le_kill_start(struct lineedit *le)
{
	size_t from = le_line_start(le, le->cur);

	if (from == le->cur)
		return false;
	le_remove(le, from, le->cur);
	le->goal = -1;
	return true;
}

bool
le_kill_end(struct lineedit *le)
{
	size_t to = le_line_end(le, le->cur);

	if (to == le->cur)
		return false;
	le_remove(le, le->cur, to);
	le->goal = -1;
	return true;
}

bool
le_kill_word(struct lineedit *le)
{
	size_t from = le->cur;

	while (from > 0 && le->buf[from - 1] != L'\n' &&
	    iswspace((wint_t)le->buf[from - 1]))
		from--;
	while (from > 0 && le->buf[from - 1] != L'\n' &&
	    !iswspace((wint_t)le->buf[from - 1]))
		from--;
	if (from == le->cur)
		return false;
	le_remove(le, from, le->cur);
	le->goal = -1;
	return true;
}

int
le_width_range(const struct lineedit *le, size_t from, size_t to)
{
	size_t i;
	int w = 0;

	for (i = from; i < to && i < le->len; i++)
		w += le_cw(le->buf[i]);
	return w;
}

static void
le_emit(struct le_line *out, size_t max, size_t *count, size_t start,
    size_t end, bool soft)
{
	if (*count < max) {
		out[*count].start = start;
		out[*count].end = end;
		out[*count].soft = soft;
	}
	(*count)++;
}

size_t
le_lines(const struct lineedit *le, int width, struct le_line *out,
    size_t max)
{
	size_t count = 0, start = 0, i = 0, j, brk = SIZE_MAX;
	int limit = width > 1 ? width - 1 : 1, col = 0, w;
	wchar_t c;

	if (!le->multiline) {
		le_emit(out, max, &count, 0, le->len, false);
		return count;
	}
	while (i < le->len) {
		c = le->buf[i];
		if (c == L'\n') {
			le_emit(out, max, &count, start, i, false);
			start = i + 1;
			i = start;
			col = 0;
			brk = SIZE_MAX;
			continue;
		}
		j = le_next(le, i);
		w = le_width_range(le, i, j);
		if (c == L' ') {
			/* A space always fits: it may hang in the last column. */
			col += w;
			i = j;
			brk = i;
			if (col >= limit) {
				le_emit(out, max, &count, start, i, true);
				start = i;
				col = 0;
				brk = SIZE_MAX;
			}
			continue;
		}
		if (col + w > limit && i > start) {
			if (brk != SIZE_MAX) {
				le_emit(out, max, &count, start, brk, true);
				start = brk;
			} else {
				le_emit(out, max, &count, start, i, true);
				start = i;
			}
			i = start;
			col = 0;
			brk = SIZE_MAX;
			continue;
		}
		col += w;
		i = j;
	}
	le_emit(out, max, &count, start, le->len, false);
	return count;
}

/* All rows, allocated (caller frees). */
static struct le_line *
le_all_lines(const struct lineedit *le, int width, size_t *n)
{
	struct le_line one, *v;
	size_t count = le_lines(le, width, &one, 1);

	v = xreallocarray(NULL, count, sizeof *v);
	le_lines(le, width, v, count);
	*n = count;
	return v;
}

/* The row the cursor (or position p) is on. */
static size_t
le_row_of(const struct le_line *v, size_t n, size_t p)
{
	size_t k;

	for (k = 0; k < n; k++) {
		if (p < v[k].start)
			continue;
		if (p < v[k].end || (p == v[k].end && !(v[k].soft &&
		    k + 1 < n)))
			return k;
	}
	return n - 1;
}

void
le_cursor(const struct lineedit *le, int width, int *row, int *col)
{
	struct le_line *v;
	size_t n, k;

	if (!le->multiline) {
		*row = 0;
		*col = le_width_range(le, 0, le->cur);
		return;
	}
	v = le_all_lines(le, width, &n);
	k = le_row_of(v, n, le->cur);
	*row = (int)k;
	*col = le_width_range(le, v[k].start, le->cur);
	free(v);
}

/* Move the cursor to row k of v at the column nearest goal. */
static void
le_goto_col(struct lineedit *le, const struct le_line *v, size_t n, size_t k,
    int goal)
{
	size_t p = v[k].start, last = v[k].end, nx;
	int col = 0, w;

	if (v[k].soft && k + 1 < n && last > v[k].start)
		last = le_prev(le, last);	/* end belongs to the next row */
	while (p < last) {
		nx = le_next(le, p);
		w = le_width_range(le, p, nx);
		if (col + w > goal)
			break;
		col += w;
		p = nx;
	}
	le->cur = p;
}

static bool
le_vertical(struct lineedit *le, int width, int dir)
{
	struct le_line *v;
	size_t n, k;
	int row, col;

	if (!le->multiline)
		return false;
	v = le_all_lines(le, width, &n);
	k = le_row_of(v, n, le->cur);
	if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= n)) {
		free(v);
		return false;
	}
	le_cursor(le, width, &row, &col);
	if (le->goal < 0)
		le->goal = col;
	le_goto_col(le, v, n, dir < 0 ? k - 1 : k + 1, le->goal);
	free(v);
	return true;
}

bool
le_up(struct lineedit *le, int width)
{
	return le_vertical(le, width, -1);
}

bool
le_down(struct lineedit *le, int width)
{
	return le_vertical(le, width, 1);
}

void
le_fit(struct lineedit *le, int width, int height)
{
	int row, col;

	if (width < 1)
		width = 1;
	if (height < 1)
		height = 1;
	le_cursor(le, width, &row, &col);
	if (!le->multiline) {
		if (le_width_range(le, 0, le->len) < width)
			le->hscroll = 0;
		if (col < le->hscroll)
			le->hscroll = col;
		else if (col > le->hscroll + width - 1)
			le->hscroll = col - width + 1;
		le->vscroll = 0;
		return;
	}
	le->hscroll = 0;
	if (row < le->vscroll)
		le->vscroll = row;
	else if (row >= le->vscroll + height)
		le->vscroll = row - height + 1;
}

size_t
le_render(const struct lineedit *le, size_t from, size_t to, int skip,
    int width, wchar_t *out, size_t max)
{
	size_t i = from, j, k, n = 0;
	int col = 0, w, e;
	char esc[12];

	if (to > le->len)
		to = le->len;
	while (i < to) {
		j = le_next(le, i);
		if (j > to)
			j = to;
		w = le_width_range(le, i, j);
		if (col < skip) {
			for (e = skip; e < col + w && e - skip < width; e++)
				if (n < max)
					out[n++] = L' ';
			col += w;
			i = j;
			continue;
		}
		if (col - skip + w > width)
			break;
		for (k = i; k < j; k++) {
			if (le->buf[k] == L'\n' && le->multiline)
				continue;
			if (le_is_raw(le->buf[k]) ||
			    utf8_cp_needs_escape((int32_t)le->buf[k])) {
				size_t m, elen = le_escape(le->buf[k], esc);

				for (m = 0; m < elen; m++)
					if (n < max)
						out[n++] = (wchar_t)esc[m];
			} else if (n < max) {
				out[n++] = le->buf[k];
			}
		}
		col += w;
		i = j;
	}
	return n;
}
