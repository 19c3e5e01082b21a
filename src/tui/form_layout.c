/* form_layout.c - the form engine's layout and drawing: labels beside
 * the values from 60 columns (above them below that), a multi-line
 * field's key hint, messages under the fields, scrolling. */
#include "peerdesk/tui/form_layout.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/tui.h"

#define FORM_WIDE 60		/* labels beside values from this width */
#define FORM_LABEL_MAX 24
#define FORM_ERROR_ROWS 3

/* ---- layout ----------------------------------------------------------- */

static int
form_label_text(const struct field_def *fd, struct strbuf *out)
{
	strbuf_adds(out, fd->label ? fd->label : fd->id);
	if (fd->required)
		strbuf_adds(out, " *");
	return (int)utf8_width(out->buf);
}

/* Rows an error message takes: "! " then the text wrapped under itself. */
static int
form_error_rows(const char *msg, int width)
{
	int rows = draw_wrapped(0, 0, width - 2, 0, msg, ST_ERROR);

	return rows > FORM_ERROR_ROWS ? FORM_ERROR_ROWS : (rows < 1 ? 1 : rows);
}

/* The key hint under a focused multi-line field, from the keys in force:
 * "Enter new line, C-s/F2 save, C-e editor", broken into rows of width
 * between items.  Returns the rows; fills rows[] when not NULL. */
static int
form_multiline_hint(const struct screen *s, int width, struct strbuf *rows,
    int maxrows)
{
	static const struct {
		enum action a;
		const char *what;
		size_t nkeys;
	} items[] = {
		{ ACT_NEWLINE, "new line", 1 },
		{ ACT_SAVE, "save", 2 },	/* both keys, on screen */
		{ ACT_EDITOR, "editor", 1 },
	};
	const char *sec[8];
	size_t nsec = screen_sections(s, sec, 8), i, n, k;
	struct tui_key keys[2];
	char name[KEYS_NAME_MAX];
	struct strbuf item = STRBUF_INIT, line = STRBUF_INIT;
	int nrows = 0;

	for (i = 0; i < sizeof items / sizeof items[0]; i++) {
		n = keymap_keys_for(tui_keymap(s->ui), sec, nsec, items[i].a,
		    keys, 2);
		if (n == 0)
			continue;
		strbuf_reset(&item);
		for (k = 0; k < n && k < items[i].nkeys; k++) {
			if (k > 0)
				strbuf_addc(&item, '/');
			strbuf_adds(&item, keys_name(keys[k], name));
		}
		strbuf_addf(&item, " %s", items[i].what);
		if (line.len > 0 && (int)(utf8_width(line.buf) + 2 +
		    utf8_width(item.buf)) > width) {
			if (rows != NULL && nrows < maxrows)
				strbuf_adds(&rows[nrows], line.buf);
			nrows++;
			strbuf_reset(&line);
		}
		if (line.len > 0)
			strbuf_adds(&line, ", ");
		strbuf_adds(&line, item.buf);
	}
	if (line.len > 0) {
		if (rows != NULL && nrows < maxrows)
			strbuf_adds(&rows[nrows], line.buf);
		nrows++;
	}
	strbuf_fini(&item);
	strbuf_fini(&line);
	return nrows;
}

struct rect
form_area(const struct screen *s)
{
	const struct form *fm = s->state;
	struct rect r = s->area;

	r.y += fm->top;
	r.h -= fm->top;
	return r;
}

void
form_set_top(struct screen *s, int rows)
{
	((struct form *)s->state)->top = rows;
}

/* Scroll so the focused field (or the cursor in it) shows. */
static void
form_show_focus(struct screen *s)
{
	const struct rect area = form_area(s);
	struct form *fm = s->state;
	int top, bottom, h = area.h, max;

	if (fm->focus >= fm->n) {
		top = fm->button_y;
		bottom = top + 1;
	} else {
		struct form_field *ff = &fm->f[fm->focus];

		top = ff->y;
		bottom = ff->y + ff->rows;
		if (bottom - top > h) {
			int row, col;

			le_cursor(&ff->le, ff->vw, &row, &col);
			top = ff->vy + row - ff->le.vscroll;
			bottom = top + 1;
		}
	}
	if (top < fm->scroll)
		fm->scroll = top;
	if (bottom > fm->scroll + h)
		fm->scroll = bottom - h;
	max = fm->total - h > 0 ? fm->total - h : 0;
	if (fm->scroll > max)
		fm->scroll = max;
	if (fm->scroll < 0)
		fm->scroll = 0;
}

void
form_relayout(struct screen *s)
{
	const struct rect area = form_area(s);
	struct form *fm = s->state;
	struct strbuf sb = STRBUF_INIT;
	int w = area.w, label_w = 0, y = 0, avail, lw;
	size_t i;

	fm->wide = w >= FORM_WIDE;
	if (fm->wide) {
		for (i = 0; i < fm->n; i++) {
			strbuf_reset(&sb);
			lw = form_label_text(form_fdef(fm, i), &sb);
			if (lw > label_w)
				label_w = lw;
		}
		label_w = label_w + 1 > FORM_LABEL_MAX ? FORM_LABEL_MAX :
		    label_w + 1;
	}
	for (i = 0; i < fm->n; i++) {
		const struct field_def *fd = form_fdef(fm, i);
		struct form_field *ff = &fm->f[i];

		ff->y = y;
		ff->ly = y;
		ff->lx = 0;
		if (fm->wide) {
			ff->lw = label_w;
			ff->vx = label_w + 1;
		} else {
			ff->lw = w - 1;
			ff->vx = 2;
			y++;
		}
		ff->vy = y;
		avail = w - ff->vx - 1;	/* the last column shows ▲ ▼ */
		if (avail < 1)
			avail = 1;
		ff->vw = fd->width > 0 && fd->width < avail ? fd->width : avail;
		ff->vh = 1;
		if (fd->kind == FIELD_MULTILINE) {
			ff->vh = fd->height > 0 ? fd->height : 4;
			if (ff->vh > area.h - 3)
				ff->vh = area.h - 3 > 2 ? area.h - 3 : 2;
		}
		y += ff->vh;
		ff->hy = -1;
		ff->hh = 0;
		if (fd->kind == FIELD_MULTILINE && fm->focus == i) {
			ff->hy = y;
			ff->hh = form_multiline_hint(s, avail, NULL, 0);
			y += ff->hh;
		}
		ff->eh = 0;
		ff->ey = y;
		if (ff->error != NULL) {
			ff->eh = form_error_rows(ff->error, avail);
			y += ff->eh;
		}
		ff->rows = y - ff->y;
		le_fit(&ff->le, ff->vw, ff->vh);
	}
	y++;			/* a blank row before the button */
	fm->button_y = y;
	fm->button_x = fm->wide ? label_w + 1 : 2;
	fm->total = y + 1;
	strbuf_fini(&sb);
	form_show_focus(s);
}

void
form_layout(struct screen *s)
{
	form_relayout(s);
}

/* ---- drawing ---------------------------------------------------------- */

/* Screen row of virtual row vy, or -1 when scrolled out of view. */
static int
form_row(const struct screen *s, int vy)
{
	const struct rect area = form_area(s);
	const struct form *fm = s->state;
	int y = vy - fm->scroll;

	if (y < 0 || y >= area.h)
		return -1;
	return area.y + y;
}

static void
form_draw_value(const struct screen *s, size_t i, bool focus,
    struct tui_cursor *cur)
{
	const struct rect area = form_area(s);
	const struct form *fm = s->state;
	const struct form_field *ff = &fm->f[i];
	const struct field_def *fd = form_fdef(fm, i);
	enum style st = focus ? ST_FOCUS : ST_FIELD;
	int x = area.x + ff->vx, y, row, col;
	wchar_t buf[512];
	size_t n, k, nl;
	struct le_line *lines;

	if (fd->kind == FIELD_CHOICE) {
		if ((y = form_row(s, ff->vy)) < 0)
			return;
		draw_fill(y, x, ff->vw, st);
		if (ff->choice >= 0)
			draw_text(y, x, ff->vw - 2,
			    fd->choices[ff->choice].label, st);
		draw_text(y, x + ff->vw - 1, 1, "\u25be", st);
		if (focus) {
			cur->y = y;
			cur->x = x;
		}
		return;
	}
	if (fd->kind != FIELD_MULTILINE) {
		if ((y = form_row(s, ff->vy)) < 0)
			return;
		draw_fill(y, x, ff->vw, st);
		n = le_render(&ff->le, 0, ff->le.len, ff->le.hscroll, ff->vw,
		    buf, 512);
		draw_wchars(y, x, ff->vw, buf, n, st);
		if (focus) {
			le_cursor(&ff->le, ff->vw, &row, &col);
			cur->y = y;
			cur->x = x + col - ff->le.hscroll;
		}
		return;
	}
	nl = le_lines(&ff->le, ff->vw, NULL, 0);
	lines = xcalloc(nl, sizeof *lines);
	le_lines(&ff->le, ff->vw, lines, nl);
	for (k = 0; k < (size_t)ff->vh; k++) {
		size_t li = (size_t)ff->le.vscroll + k;

		if ((y = form_row(s, ff->vy + (int)k)) < 0)
			continue;
		draw_fill(y, x, ff->vw, st);
		if (li >= nl)
			continue;
		n = le_render(&ff->le, lines[li].start, lines[li].end, 0,
		    ff->vw, buf, 512);
		draw_wchars(y, x, ff->vw, buf, n, st);
	}
	free(lines);
	if (focus) {
		le_cursor(&ff->le, ff->vw, &row, &col);
		y = form_row(s, ff->vy + row - ff->le.vscroll);
		if (y >= 0) {
			cur->y = y;
			cur->x = x + col;
		}
	}
	if (ff->le.vscroll > 0 && (y = form_row(s, ff->vy)) >= 0)
		draw_text(y, x + ff->vw, 1, "\u2191", ST_DIM);
	if ((size_t)ff->le.vscroll + (size_t)ff->vh < nl &&
	    (y = form_row(s, ff->vy + ff->vh - 1)) >= 0)
		draw_text(y, x + ff->vw, 1, "\u2193", ST_DIM);
}

void
form_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct rect area = form_area(s);
	const struct form *fm = s->state;
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int y, k;

	for (i = 0; i < fm->n; i++) {
		const struct form_field *ff = &fm->f[i];
		bool focus = fm->focus == i;

		if ((y = form_row(s, ff->ly)) >= 0) {
			strbuf_reset(&sb);
			form_label_text(form_fdef(fm, i), &sb);
			draw_text(y, area.x + ff->lx, ff->lw, sb.buf,
			    focus ? ST_TITLE : ST_LABEL);
		}
		form_draw_value(s, i, focus, cur);
		if (ff->hy >= 0) {
			struct strbuf rows[3] = { STRBUF_INIT, STRBUF_INIT,
				STRBUF_INIT };

			form_multiline_hint(s, area.w - ff->vx - 1, rows, 3);
			for (k = 0; k < ff->hh && k < 3; k++) {
				if ((y = form_row(s, ff->hy + k)) >= 0)
					draw_text(y, area.x + ff->vx,
					    area.w - ff->vx - 1,
					    strbuf_str(&rows[k]), ST_DIM);
				strbuf_fini(&rows[k]);
			}
		}
		if (ff->error != NULL) {
			size_t off = 0, len, next;
			int ew = area.w - ff->vx - 3;
			char *line;

			if ((y = form_row(s, ff->ey)) >= 0)
				draw_text(y, area.x + ff->vx, 2, "!",
				    ST_ERROR);
			for (k = 0; k < ff->eh && ff->error[off] != '\0';
			    k++) {
				len = utf8_wrap(ff->error + off,
				    (size_t)(ew > 1 ? ew : 1), &next);
				if ((y = form_row(s, ff->ey + k)) >= 0) {
					line = xstrndup(ff->error + off, len);
					draw_text(y, area.x + ff->vx + 2,
					    ew, line, ST_ERROR);
					free(line);
				}
				if (next == 0)
					break;
				off += next;
			}
		}
	}
	if ((y = form_row(s, fm->button_y)) >= 0) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "[ %s ]",
		    fm->def->save_label ? fm->def->save_label : "Save");
		draw_text(y, area.x + fm->button_x,
		    area.w - fm->button_x - 1, sb.buf,
		    fm->focus == fm->n ? ST_SELECTED : ST_BUTTON);
		if (fm->focus == fm->n) {
			cur->y = y;
			cur->x = area.x + fm->button_x + 2;
		}
	}
	if (fm->scroll > 0)
		draw_text(area.y, area.x + area.w - 1, 1, "\u25b2",
		    ST_DIM);
	if (fm->scroll + area.h < fm->total)
		draw_text(area.y + area.h - 1, area.x + area.w - 1,
		    1, "\u25bc", ST_DIM);
	strbuf_fini(&sb);
}

