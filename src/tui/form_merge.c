/* form_merge.c - "You both changed these": part of the form engine.
 *
 * When two people saved the same record, form.c takes in what only they
 * changed and keeps what only I changed (model/fieldmerge); the fields
 * we both changed, differently, come here: each with their text beside
 * mine (from 70 columns; above it below that), one choice a field.
 * Enter saves with those choices; Esc goes back to the form. */
#include "peerdesk/tui/form_merge.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/tui.h"

#define FMP_WIDE 70

struct fmp_cell {
	char *text;
	int x, w;
	enum style st;
};

struct fmp_row {
	size_t field;		/* SIZE_MAX: not a field's */
	struct fmp_cell c[2];
	int nc;
};

struct fmp {
	char *intro;
	size_t n;
	char **labels, **theirs, **mine;
	char *choice;		/* 't' or 'm' a field */
	size_t sel;
	int scroll;
	struct fmp_row *rows;
	size_t nrows;
	int body_h, keys_h;
};

static const char fmp_keys[] = "t theirs, m mine (or Left, Right); "
    "Up, Down: field; Enter: save; Esc: back";

static void
fmp_rows_free(struct fmp *p)
{
	size_t i;
	int j;

	for (i = 0; i < p->nrows; i++)
		for (j = 0; j < p->rows[i].nc; j++)
			free(p->rows[i].c[j].text);
	FREE(&p->rows);
	p->nrows = 0;
}

static struct fmp_row *
fmp_row(struct fmp *p, size_t field)
{
	p->rows = xreallocarray(p->rows, p->nrows + 1, sizeof *p->rows);
	memset(&p->rows[p->nrows], 0, sizeof p->rows[p->nrows]);
	p->rows[p->nrows].field = field;
	return &p->rows[p->nrows++];
}

static void
fmp_cell(struct fmp_row *r, int x, int w, const char *text, enum style st)
{
	struct fmp_cell *c = &r->c[r->nc++];

	c->text = xstrdup(text);
	c->x = x;
	c->w = w;
	c->st = st;
}

/* Wrap text at width into rows: one cell each at column x; col 1 puts
 * the cells beside the rows already made from first on. */
static void
fmp_wrap(struct fmp *p, size_t field, size_t first, int col, int x,
    int width, const char *text, enum style st)
{
	size_t off = 0, len, next, k = first;
	char *line;

	if (width < 4)
		width = 4;
	if (text == NULL || text[0] == '\0') {
		text = "(empty)";
		st = ST_DIM;
	}
	while (text[off] != '\0') {
		struct fmp_row *r;

		len = utf8_wrap(text + off, (size_t)width, &next);
		line = xstrndup(text + off, len);
		if (col == 1 && k < p->nrows)
			r = &p->rows[k];
		else
			r = fmp_row(p, field);
		if (col == 1 && r->nc == 0)
			fmp_cell(r, 0, 0, "", ST_NORMAL);
		fmp_cell(r, x, width, line, st);
		free(line);
		k++;
		if (next == 0)
			break;
		off += next;
	}
}

static void
fmp_build(struct screen *s)
{
	struct fmp *p = s->state;
	int w = s->area.w, cw;
	bool wide = w >= FMP_WIDE;
	char buf[160];
	size_t k, first;

	fmp_rows_free(p);
	fmp_wrap(p, SIZE_MAX, p->nrows, 0, 0, w, p->intro, ST_NORMAL);
	snprintf(buf, sizeof buf, p->n == 1 ? "You both changed one field: "
	    "choose which to keep." : "You both changed %zu fields: choose "
	    "which to keep for each.", p->n);
	fmp_wrap(p, SIZE_MAX, p->nrows, 0, 0, w, buf, ST_NORMAL);
	cw = (w - 3) / 2;
	for (k = 0; k < p->n; k++) {
		bool on = k == p->sel, t = p->choice[k] == 't';
		char th[64], mi[64];
		struct fmp_row *r;

		if (k > 0)
			fmp_row(p, k);	/* a blank row between fields */
		snprintf(buf, sizeof buf, "%s%s", on ? "> " : "  ",
		    p->labels[k]);
		r = fmp_row(p, k);
		fmp_cell(r, 0, w, buf, on ? ST_HEADER : ST_LABEL);
		snprintf(th, sizeof th, "[%c] Theirs", t ? 'x' : ' ');
		snprintf(mi, sizeof mi, "[%c] Mine", t ? ' ' : 'x');
		if (wide) {
			r = fmp_row(p, k);
			fmp_cell(r, 2, cw, th, on && t ? ST_SELECTED : ST_NORMAL);
			fmp_cell(r, 3 + cw, cw, mi, on && !t ? ST_SELECTED :
			    ST_NORMAL);
			first = p->nrows;
			fmp_wrap(p, k, first, 0, 6, cw - 4, p->theirs[k],
			    ST_NORMAL);
			fmp_wrap(p, k, first, 1, 7 + cw, cw - 4, p->mine[k],
			    ST_NORMAL);
		} else {
			r = fmp_row(p, k);
			fmp_cell(r, 2, w - 2, th, on && t ? ST_SELECTED :
			    ST_NORMAL);
			fmp_wrap(p, k, p->nrows, 0, 6, w - 6, p->theirs[k],
			    ST_NORMAL);
			r = fmp_row(p, k);
			fmp_cell(r, 2, w - 2, mi, on && !t ? ST_SELECTED :
			    ST_NORMAL);
			fmp_wrap(p, k, p->nrows, 0, 6, w - 6, p->mine[k],
			    ST_NORMAL);
		}
	}
}

/* Scroll so the chosen field shows whole (or its top, if taller). */
static void
fmp_follow(struct fmp *p)
{
	int top = -1, bottom = -1, i;

	for (i = 0; i < (int)p->nrows; i++)
		if (p->rows[i].field == p->sel) {
			if (top < 0)
				top = i;
			bottom = i;
		}
	if (p->sel == 0 && bottom < p->body_h)
		top = 0;		/* the words above it too, if they fit */
	if (bottom >= 0 && bottom >= p->scroll + p->body_h)
		p->scroll = bottom - p->body_h + 1;
	if (top >= 0 && top < p->scroll)
		p->scroll = top;
	if (p->scroll > (int)p->nrows - p->body_h)
		p->scroll = (int)p->nrows - p->body_h;
	if (p->scroll < 0)
		p->scroll = 0;
}

static void
fmp_layout(struct screen *s)
{
	struct fmp *p = s->state;

	p->keys_h = draw_wrapped(0, 0, s->area.w, 0, fmp_keys, ST_DIM);
	if (p->keys_h > 3)
		p->keys_h = 3;
	p->body_h = s->area.h - p->keys_h - 1;
	if (p->body_h < 1)
		p->body_h = 1;
	fmp_build(s);
	fmp_follow(p);
}

static char **
fmp_copy(const char *const *v, size_t n)
{
	char **out = xcalloc(n + 1, sizeof *out);
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = xstrdup(v[i] != NULL ? v[i] : "");
	return out;
}

static void
fmp_free_v(char ***v, size_t n)
{
	size_t i;

	for (i = 0; *v != NULL && i < n; i++)
		free((*v)[i]);
	FREE(v);
}

static enum pd_status
fmp_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct fmp *p = s->state;
	const struct form_merge_arg *a = arg;

	if (a == NULL || a->n == 0)
		return pd_fail(err, PD_INVALID, NULL, "nothing to choose");
	p->intro = xstrdup(a->intro ? a->intro : "Someone else saved this "
	    "while you were editing.");
	p->n = a->n;
	p->labels = fmp_copy(a->labels, a->n);
	p->theirs = fmp_copy(a->theirs, a->n);
	p->mine = fmp_copy(a->mine, a->n);
	p->choice = xcalloc(a->n + 1, 1);
	memset(p->choice, 'm', a->n);
	return PD_OK;
}

static void
fmp_leave(struct screen *s)
{
	struct fmp *p = s->state;

	fmp_rows_free(p);
	FREE(&p->intro);
	fmp_free_v(&p->labels, p->n);
	fmp_free_v(&p->theirs, p->n);
	fmp_free_v(&p->mine, p->n);
	FREE(&p->choice);
}

static void
fmp_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct fmp *p = s->state;
	int i, j;

	for (i = 0; i < p->body_h; i++) {
		size_t k = (size_t)(p->scroll + i);
		const struct fmp_row *r;

		if (k >= p->nrows)
			break;
		r = &p->rows[k];
		for (j = 0; j < r->nc; j++) {
			const struct fmp_cell *c = &r->c[j];
			int w = c->w > 0 ? c->w : s->area.w - c->x;

			if (c->text[0] == '\0')
				continue;
			draw_text(s->area.y + i, s->area.x + c->x, w, c->text,
			    c->st);
			if (c->st == ST_SELECTED) {
				cur->y = s->area.y + i;
				cur->x = s->area.x + c->x + 1;
			}
		}
	}
	if (p->scroll > 0)
		draw_text_right(s->area.y, s->area.x + s->area.w - 1, 1,
		    "\u25b2", ST_DIM);
	if (p->scroll + p->body_h < (int)p->nrows)
		draw_text_right(s->area.y + p->body_h - 1, s->area.x +
		    s->area.w - 1, 1, "\u25bc", ST_DIM);
	draw_wrapped(s->area.y + s->area.h - p->keys_h, s->area.x, s->area.w,
	    p->keys_h, fmp_keys, ST_DIM);
}

static void
fmp_choose(struct screen *s, char c)
{
	struct fmp *p = s->state;

	p->choice[p->sel] = c;
	fmp_build(s);
	fmp_follow(p);
}

static void
fmp_move(struct screen *s, int dir)
{
	struct fmp *p = s->state;

	if (dir < 0 && p->sel > 0)
		p->sel--;
	else if (dir > 0 && p->sel + 1 < p->n)
		p->sel++;
	fmp_build(s);
	fmp_follow(p);
}

static enum tui_result
fmp_action(struct screen *s, enum action a)
{
	struct fmp *p = s->state;

	switch (a) {
	case ACT_LEFT:
		fmp_choose(s, 't');
		return TUI_HANDLED;
	case ACT_RIGHT:
		fmp_choose(s, 'm');
		return TUI_HANDLED;
	case ACT_UP:
	case ACT_PREV_FIELD:
		fmp_move(s, -1);
		return TUI_HANDLED;
	case ACT_DOWN:
	case ACT_NEXT_FIELD:
		fmp_move(s, 1);
		return TUI_HANDLED;
	case ACT_ACCEPT:
	case ACT_SAVE:
		screen_close(s, SCREEN_OK, -1, p->choice);
		return TUI_HANDLED;
	case ACT_BACK:
		screen_close(s, SCREEN_CANCEL, -1, NULL);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static enum tui_result
fmp_text(struct screen *s, struct tui_key k)
{
	if (k.code == 't' || k.code == 'T') {
		fmp_choose(s, 't');
		return TUI_HANDLED;
	}
	if (k.code == 'm' || k.code == 'M') {
		fmp_choose(s, 'm');
		return TUI_HANDLED;
	}
	return TUI_UNHANDLED;
}

static const char *const fmp_sections[] = { "dialog", "list", "form", NULL };
static const enum action fmp_hints[] = {
	ACT_ACCEPT, ACT_BACK, ACT_HELP, ACT_NONE
};

const struct screen_ops form_merge_screen = {
	.name = "merge",
	.title = "You both changed these",
	.sections = fmp_sections,
	.state_size = sizeof(struct fmp),
	.hints = fmp_hints,
	.min_cols = 40,
	.min_rows = 12,
	.help = "Someone else saved this record while you were editing. "
	    "What only they changed is already in, and what only you changed "
	    "is kept. Here are the fields you both changed: for each, choose "
	    "theirs (t or Left) or yours (m or Right); Up and Down move "
	    "between the fields. Enter saves with your choices; Esc goes back "
	    "to the form, where their words are shown under yours.",
	.enter = fmp_enter,
	.leave = fmp_leave,
	.layout = fmp_layout,
	.draw = fmp_draw,
	.on_action = fmp_action,
	.on_text = fmp_text,
};
