/* form.c - the generic form engine (see form.h). */
#include "peerdesk/tui/form.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wctype.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/fieldmerge.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/tui.h"

#define FORM_TAG_DISCARD 1
#define FORM_TAG_PICK 2
#define FORM_TAG_MERGE 0x4d52	/* form_merge_screen's answer */
#define FORM_MERGE_ROUNDS 3	/* merged saves in a row before giving up */
#define FORM_TAG_ASK 3
#define FORM_WIDE 60		/* labels beside values from this width */
#define FORM_LABEL_MAX 24
#define FORM_ERROR_ROWS 3

const char *const form_sections[] = { "form", "edit", NULL };

static struct form_draft_hooks form_hooks;
const enum action form_hints[] = {
	ACT_SAVE, ACT_PICK, ACT_EDITOR, ACT_NEXT_FIELD, ACT_HELP, ACT_BACK,
	ACT_NONE
};

static bool
form_is_text_kind(enum field_kind k)
{
	return k != FIELD_CHOICE;
}

static const struct field_def *
form_fdef(const struct form *fm, size_t i)
{
	return &fm->def->fields[i];
}

/* The field's current text (choices: the label). */
static void
form_text(const struct form *fm, size_t i, struct strbuf *out)
{
	const struct field_def *fd = form_fdef(fm, i);

	if (fd->kind == FIELD_CHOICE) {
		if (fm->f[i].choice >= 0)
			strbuf_adds(out, fd->choices[fm->f[i].choice].label);
		return;
	}
	le_text(&fm->f[i].le, out);
}

static void
form_set_field_error(struct form *fm, size_t i, const char *msg)
{
	FREE(&fm->f[i].error);
	if (msg != NULL && msg[0] != '\0')
		fm->f[i].error = xstrdup(msg);
}

/* Put text into field i (from the record, or a tidied form of it). */
static void
form_put_text(struct form *fm, size_t i, const char *text)
{
	const struct field_def *fd = form_fdef(fm, i);

	if (fd->kind == FIELD_CHOICE)
		fm->f[i].choice = field_choice_find(fd->choices, text);
	else
		le_set(&fm->f[i].le, text);
}

static void
form_default_init(const struct form_def *def, void *rec)
{
	const struct field_def *f;
	char *base = rec;
	int minus = -1;
	int64_t minus64 = -1;

	for (f = def->fields; f->id != NULL; f++) {
		if (f->get != NULL)
			continue;
		switch (f->kind) {
		case FIELD_NUMBER:
		case FIELD_DURATION:
		case FIELD_CHOICE:
			memcpy(base + f->offset, &minus, sizeof minus);
			break;
		case FIELD_MONEY:
			memcpy(base + f->offset, &minus64, sizeof minus64);
			break;
		default:
			break;
		}
	}
}

static void form_draft_key_make(const struct screen *s, char buf[40]);
static void form_merge_clear(struct form *fm);

enum pd_status
form_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct form *fm = s->state;
	const struct form_def *def = s->ops->def;
	struct strbuf sb = STRBUF_INIT;
	enum pd_status st;
	size_t i;

	s->form = true;
	fm->def = def;
	for (fm->n = 0; def->fields[fm->n].id != NULL; fm->n++)
		;
	fm->rec = xcalloc(1, def->rec_size ? def->rec_size : 1);
	if (def->rec_init != NULL)
		def->rec_init(fm->rec);
	else
		form_default_init(def, fm->rec);
	fm->f = xcalloc(fm->n ? fm->n : 1, sizeof *fm->f);
	for (i = 0; i < fm->n; i++) {
		const struct field_def *fd = form_fdef(fm, i);
		size_t max = fd->max_len ? fd->max_len :
		    (fd->kind == FIELD_MULTILINE ? 5000 : 500);

		le_init(&fm->f[i].le, fd->kind == FIELD_MULTILINE, max);
		fm->f[i].choice = -1;
		fm->f[i].hy = -1;
	}
	if (def->load != NULL) {
		st = def->load(s->app, arg, fm->rec, err);
		if (st != PD_OK)
			return st;	/* form_leave cleans up */
	}
	for (i = 0; i < fm->n; i++) {
		strbuf_reset(&sb);
		field_load(form_fdef(fm, i), fm->rec, &sb);
		form_put_text(fm, i, strbuf_str(&sb));
		fm->f[i].le.cur = 0;
		strbuf_reset(&sb);
		form_text(fm, i, &sb);
		fm->f[i].initial = xstrdup(strbuf_str(&sb));
	}
	/* The cursor starts at the end of the first field's text. */
	if (fm->n > 0)
		le_end(&fm->f[0].le);
	strbuf_fini(&sb);
	/* The key is taken from the text the form opened with, so it must
	 * not move once saving replaces that text. */
	form_draft_key_make(s, fm->draft_key);
	if (form_hooks.opened != NULL)
		form_hooks.opened(s);
	return PD_OK;
}

void
form_leave(struct screen *s)
{
	struct form *fm = s->state;
	size_t i;

	if (fm->rec != NULL) {
		if (fm->def->rec_fini != NULL)
			fm->def->rec_fini(fm->rec);
		else
			field_free_strings(fm->def->fields, fm->rec);
		FREE(&fm->rec);
	}
	for (i = 0; i < fm->n && fm->f != NULL; i++) {
		le_fini(&fm->f[i].le);
		free(fm->f[i].initial);
		free(fm->f[i].error);
	}
	FREE(&fm->f);
	form_merge_clear(fm);
	FREE(&fm->merge_note);
}

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

/* Scroll so the focused field (or the cursor in it) shows. */
static void
form_show_focus(struct screen *s)
{
	struct form *fm = s->state;
	int top, bottom, h = s->area.h, max;

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

static void
form_relayout(struct screen *s)
{
	struct form *fm = s->state;
	struct strbuf sb = STRBUF_INIT;
	int w = s->area.w, label_w = 0, y = 0, avail, lw;
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
			if (ff->vh > s->area.h - 3)
				ff->vh = s->area.h - 3 > 2 ? s->area.h - 3 : 2;
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
	const struct form *fm = s->state;
	int y = vy - fm->scroll;

	if (y < 0 || y >= s->area.h)
		return -1;
	return s->area.y + y;
}

static void
form_draw_value(const struct screen *s, size_t i, bool focus,
    struct tui_cursor *cur)
{
	const struct form *fm = s->state;
	const struct form_field *ff = &fm->f[i];
	const struct field_def *fd = form_fdef(fm, i);
	enum style st = focus ? ST_FOCUS : ST_FIELD;
	int x = s->area.x + ff->vx, y, row, col;
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
			draw_text(y, s->area.x + ff->lx, ff->lw, sb.buf,
			    focus ? ST_TITLE : ST_LABEL);
		}
		form_draw_value(s, i, focus, cur);
		if (ff->hy >= 0) {
			struct strbuf rows[3] = { STRBUF_INIT, STRBUF_INIT,
				STRBUF_INIT };

			form_multiline_hint(s, s->area.w - ff->vx - 1, rows, 3);
			for (k = 0; k < ff->hh && k < 3; k++) {
				if ((y = form_row(s, ff->hy + k)) >= 0)
					draw_text(y, s->area.x + ff->vx,
					    s->area.w - ff->vx - 1,
					    strbuf_str(&rows[k]), ST_DIM);
				strbuf_fini(&rows[k]);
			}
		}
		if (ff->error != NULL) {
			size_t off = 0, len, next;
			int ew = s->area.w - ff->vx - 3;
			char *line;

			if ((y = form_row(s, ff->ey)) >= 0)
				draw_text(y, s->area.x + ff->vx, 2, "!",
				    ST_ERROR);
			for (k = 0; k < ff->eh && ff->error[off] != '\0';
			    k++) {
				len = utf8_wrap(ff->error + off,
				    (size_t)(ew > 1 ? ew : 1), &next);
				if ((y = form_row(s, ff->ey + k)) >= 0) {
					line = xstrndup(ff->error + off, len);
					draw_text(y, s->area.x + ff->vx + 2,
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
		draw_text(y, s->area.x + fm->button_x,
		    s->area.w - fm->button_x - 1, sb.buf,
		    fm->focus == fm->n ? ST_SELECTED : ST_BUTTON);
		if (fm->focus == fm->n) {
			cur->y = y;
			cur->x = s->area.x + fm->button_x + 2;
		}
	}
	if (fm->scroll > 0)
		draw_text(s->area.y, s->area.x + s->area.w - 1, 1, "\u25b2",
		    ST_DIM);
	if (fm->scroll + s->area.h < fm->total)
		draw_text(s->area.y + s->area.h - 1, s->area.x + s->area.w - 1,
		    1, "\u25bc", ST_DIM);
	strbuf_fini(&sb);
}

/* ---- checking and saving -------------------------------------------- */

/* Check field i; with full, also that required fields are filled.  On
 * success the text is replaced by its tidy form.  Returns true if OK. */
static bool
form_check_field(struct screen *s, size_t i, bool full)
{
	struct form *fm = s->state;
	const struct field_def *fd = form_fdef(fm, i);
	struct strbuf text = STRBUF_INIT, canon = STRBUF_INIT;
	struct field_def relaxed;
	struct pd_err err;
	char today[11];
	bool ok;

	form_text(fm, i, &text);
	relaxed = *fd;
	if (!full)
		relaxed.required = false;
	pd_err_clear(&err);
	ok = field_check(&relaxed, strbuf_str(&text), tui_today(s->ui, today),
	    &canon, &err) == PD_OK;
	if (ok) {
		form_set_field_error(fm, i, NULL);
		if (strcmp(strbuf_str(&canon), strbuf_str(&text)) != 0 &&
		    fd->kind != FIELD_CHOICE)
			le_set(&fm->f[i].le, strbuf_str(&canon));
	} else {
		form_set_field_error(fm, i, err.msg);
	}
	strbuf_fini(&text);
	strbuf_fini(&canon);
	return ok;
}

static void
form_focus_to(struct screen *s, size_t to)
{
	struct form *fm = s->state;

	if (fm->focus < fm->n)
		form_check_field(s, fm->focus, false);
	fm->focus = to;
	if (to < fm->n && form_fdef(fm, to)->kind != FIELD_CHOICE)
		le_end(&fm->f[to].le);
	form_relayout(s);
}

static void
form_move(struct screen *s, int dir)
{
	struct form *fm = s->state;
	size_t slots = fm->n + 1;

	form_focus_to(s, (fm->focus + slots + (size_t)(dir > 0 ? 1 : slots - 1)
	    - slots) % slots);
}

enum tui_result
form_on_mouse(struct screen *s, int y, int x)
{
	struct form *fm = s->state;
	int vy = y - s->area.y + fm->scroll;
	size_t i;

	if (y < s->area.y || y >= s->area.y + s->area.h || x < s->area.x ||
	    x >= s->area.x + s->area.w)
		return TUI_UNHANDLED;
	for (i = 0; i < fm->n; i++) {
		if (vy >= fm->f[i].y && vy < fm->f[i].y + fm->f[i].rows) {
			if (fm->focus != i)
				form_focus_to(s, i);
			else if (form_fdef(fm, i)->kind == FIELD_CHOICE &&
			    s->ops->on_action != NULL)
				/* a second click on a choice opens its list */
				(void)s->ops->on_action(s, ACT_PICK);
			return TUI_HANDLED;
		}
	}
	if (vy == fm->button_y) {
		/* the button is pressed, as Enter on it would (through the
		 * screen's own on_action, which may wrap the form's) */
		if (fm->focus != fm->n)
			form_focus_to(s, fm->n);
		if (s->ops->on_action != NULL)
			(void)s->ops->on_action(s, ACT_SAVE);
		return TUI_HANDLED;
	}
	return TUI_HANDLED;
}

static void form_merge(struct screen *s, const struct pd_err *why);

static void
form_save(struct screen *s)
{
	struct form *fm = s->state;
	struct strbuf text = STRBUF_INIT;
	struct pd_err err;
	char today[11];
	size_t i, bad = 0, first_bad = SIZE_MAX;
	enum pd_status st = PD_OK;

	for (i = 0; i < fm->n; i++) {
		if (!form_check_field(s, i, true)) {
			bad++;
			if (first_bad == SIZE_MAX)
				first_bad = i;
		}
	}
	if (bad > 0) {
		fm->focus = first_bad;
		form_relayout(s);
		if (bad == 1)
			tui_error(s->ui, "Not saved: one field needs a look");
		else
			tui_error(s->ui, "Not saved: %zu fields need a look",
			    bad);
		return;
	}
	pd_err_clear(&err);
	for (i = 0; i < fm->n && st == PD_OK; i++) {
		strbuf_reset(&text);
		form_text(fm, i, &text);
		st = field_store(form_fdef(fm, i), fm->rec, strbuf_str(&text),
		    tui_today(s->ui, today), &err);
	}
	strbuf_fini(&text);
	if (st == PD_OK && fm->def->ask != NULL && !fm->asked) {
		char *q = fm->def->ask(s->app, fm->rec);

		if (q != NULL) {
			dialog_confirm(s->ui, FORM_TAG_ASK, "Please check", q,
			    "Save anyway", "Go back", false);
			free(q);
			return;
		}
	}
	fm->asked = false;
	if (st == PD_OK && fm->def->save != NULL)
		st = fm->def->save(s->app, fm->rec, &err);
	if (st == PD_CONFLICT && fm->def->fetch != NULL) {
		form_merge(s, &err);
		return;
	}
	fm->merge_rounds = 0;
	if (st != PD_OK) {
		if (err.field[0] != '\0' && form_set_error(s, err.field,
		    err.msg))
			tui_error(s->ui, "Not saved: one field needs a look");
		else
			tui_error(s->ui, "Not saved: %s", err.msg);
		return;
	}
	for (i = 0; i < fm->n; i++) {
		struct strbuf now = STRBUF_INIT;

		form_text(fm, i, &now);
		free(fm->f[i].initial);
		fm->f[i].initial = strbuf_detach(&now);
	}
	tui_message(s->ui, "%s%s%s", fm->def->saved_message ?
	    fm->def->saved_message : "Saved.", fm->merge_note ? " " : "",
	    fm->merge_note ? fm->merge_note : "");
	FREE(&fm->merge_note);
	if (form_hooks.done != NULL)
		form_hooks.done(s, true);
	screen_close(s, SCREEN_OK, -1, NULL);
}

/* ---- the external editor ---------------------------------------------- */

static void
form_external_edit(struct screen *s)
{
	struct form *fm = s->state;
	struct form_field *ff = &fm->f[fm->focus];
	struct strbuf text = STRBUF_INIT, out = STRBUF_INIT;
	int rc;

	le_text(&ff->le, &text);
	rc = tui_edit(s->ui, strbuf_str(&text), &out);
	if (rc == TUI_EDITOR_OFF) {
		tui_error(s->ui, "No editor may be started here; please type "
		    "the text in the box");
	} else if (rc == TUI_EDITOR_MISSING) {
		tui_error(s->ui, "The editor (nano) is not installed on this "
		    "computer; please type the text in the box and tell the "
		    "manager");
	} else if (rc == -1) {
		tui_error(s->ui, "The editor's copy could not be made or read "
		    "back; the text is as it was");
	} else if (rc != 0) {
		tui_error(s->ui, "The editor did not finish cleanly; the "
		    "text is as it was");
	} else {
		/* Editors end files with a newline; the field need not. */
		while (out.len > 0 && out.buf[out.len - 1] == '\n')
			strbuf_truncate(&out, out.len - 1);
		le_set(&ff->le, strbuf_str(&out));
		form_set_field_error(fm, fm->focus, NULL);
		form_relayout(s);
	}
	if (out.buf != NULL)
		explicit_bzero(out.buf, out.len);
	strbuf_fini(&out);
	strbuf_fini(&text);
}

/* ---- keys ------------------------------------------------------------ */

static void
form_after_edit(struct screen *s, bool changed)
{
	struct form *fm = s->state;

	if (changed && fm->f[fm->focus].error != NULL)
		form_set_field_error(fm, fm->focus, NULL);
	form_relayout(s);
}

static void
form_cycle_choice(struct form *fm, size_t i, int dir)
{
	size_t n = field_choice_count(form_fdef(fm, i)->choices);
	int c = fm->f[i].choice;

	if (n == 0)
		return;
	if (c < 0)
		c = dir > 0 ? 0 : (int)n - 1;
	else
		c = (c + (int)n + dir) % (int)n;
	fm->f[i].choice = c;
	form_set_field_error(fm, i, NULL);
}

static void
form_pick(struct screen *s)
{
	struct form *fm = s->state;
	const struct field_def *fd = form_fdef(fm, fm->focus);
	size_t n = field_choice_count(fd->choices), i;
	const char **items = xcalloc(n ? n : 1, sizeof *items);

	for (i = 0; i < n; i++)
		items[i] = fd->choices[i].label;
	dialog_pick(s->ui, FORM_TAG_PICK, fd->label ? fd->label : fd->id,
	    items, n, fm->f[fm->focus].choice >= 0 ?
	    (size_t)fm->f[fm->focus].choice : 0);
	free(items);
}

/* Closed unsaved on purpose: no draft is needed. */
static void
form_let_go(struct screen *s)
{
	if (form_hooks.done != NULL)
		form_hooks.done(s, false);
	screen_close(s, SCREEN_CANCEL, -1, NULL);
}

enum tui_result
form_on_action(struct screen *s, enum action a)
{
	struct form *fm = s->state;
	struct form_field *ff = fm->focus < fm->n ? &fm->f[fm->focus] : NULL;
	enum field_kind kind = ff ? form_fdef(fm, fm->focus)->kind :
	    FIELD_TEXT;
	bool text = ff != NULL && form_is_text_kind(kind);

	switch (a) {
	case ACT_NEXT_FIELD:
		form_move(s, 1);
		return TUI_HANDLED;
	case ACT_PREV_FIELD:
		form_move(s, -1);
		return TUI_HANDLED;
	case ACT_UP:
	case ACT_DOWN:
		if (ff != NULL && kind == FIELD_MULTILINE &&
		    (a == ACT_UP ? le_up(&ff->le, ff->vw) :
		    le_down(&ff->le, ff->vw))) {
			form_relayout(s);
			return TUI_HANDLED;
		}
		form_move(s, a == ACT_UP ? -1 : 1);
		return TUI_HANDLED;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (ff != NULL && kind == FIELD_CHOICE) {
			form_cycle_choice(fm, fm->focus, a == ACT_LEFT ? -1 : 1);
			form_relayout(s);
		} else if (text) {
			if (a == ACT_LEFT)
				le_left(&ff->le);
			else
				le_right(&ff->le);
			form_relayout(s);
		}
		return TUI_HANDLED;
	case ACT_LINE_START:
	case ACT_LINE_END:
		if (text) {
			if (a == ACT_LINE_START)
				le_home(&ff->le);
			else
				le_end(&ff->le);
			form_relayout(s);
		}
		return TUI_HANDLED;
	case ACT_DELETE_BACK:
		if (text)
			form_after_edit(s, le_delete_back(&ff->le));
		return TUI_HANDLED;
	case ACT_DELETE:
		if (text)
			form_after_edit(s, le_delete(&ff->le));
		return TUI_HANDLED;
	case ACT_KILL_START:
		if (text)
			form_after_edit(s, le_kill_start(&ff->le));
		return TUI_HANDLED;
	case ACT_KILL_END:
		if (text)
			form_after_edit(s, le_kill_end(&ff->le));
		return TUI_HANDLED;
	case ACT_KILL_WORD:
		if (text)
			form_after_edit(s, le_kill_word(&ff->le));
		return TUI_HANDLED;
	case ACT_NEWLINE:
		if (ff != NULL && kind == FIELD_MULTILINE)
			form_after_edit(s, le_insert(&ff->le, L'\n'));
		return TUI_HANDLED;
	case ACT_SAVE:
		form_save(s);
		return TUI_HANDLED;
	case ACT_PICK:
		if (ff != NULL && kind == FIELD_CHOICE)
			form_pick(s);
		return TUI_HANDLED;
	case ACT_EDITOR:
		if (ff != NULL && kind == FIELD_MULTILINE)
			form_external_edit(s);
		return TUI_HANDLED;
	case ACT_BACK:
		if (form_is_dirty(s))
			dialog_confirm(s->ui, FORM_TAG_DISCARD,
			    "Discard changes?",
			    "The changes on this form are not saved yet.",
			    "Discard", "Keep editing", false);
		else
			form_let_go(s);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

enum tui_result
form_on_text(struct screen *s, struct tui_key k)
{
	struct form *fm = s->state;
	const struct field_def *fd;
	size_t n, j, start;
	int c;

	if (fm->focus >= fm->n)
		return TUI_UNHANDLED;
	fd = form_fdef(fm, fm->focus);
	if (form_is_text_kind(fd->kind)) {
		if (!le_insert(&fm->f[fm->focus].le, (wchar_t)k.code))
			tui_error(s->ui, "No more room in this field");
		form_after_edit(s, true);
		return TUI_HANDLED;
	}
	/* A choice: a letter jumps to the next choice starting with it. */
	if (k.code == ' ')
		return TUI_UNHANDLED;
	n = field_choice_count(fd->choices);
	c = fm->f[fm->focus].choice;
	start = c >= 0 ? (size_t)c + 1 : 0;
	for (j = 0; j < n; j++) {
		const char *label = fd->choices[(start + j) % n].label;
		int32_t first;

		utf8_decode(label, strlen(label), &first);
		if (towlower((wint_t)first) == towlower((wint_t)k.code)) {
			fm->f[fm->focus].choice = (int)((start + j) % n);
			form_set_field_error(fm, fm->focus, NULL);
			form_relayout(s);
			return TUI_HANDLED;
		}
	}
	return TUI_UNHANDLED;
}

static void form_merge_chosen(struct screen *s,
    const struct screen_result *r);

void
form_on_result(struct screen *s, const struct screen_result *r)
{
	struct form *fm = s->state;

	if (r->tag == FORM_TAG_DISCARD && r->code == SCREEN_OK) {
		form_let_go(s);
	} else if (r->tag == FORM_TAG_MERGE) {
		form_merge_chosen(s, r);
	} else if (r->tag == FORM_TAG_ASK && r->code == SCREEN_OK) {
		fm->asked = true;
		form_save(s);
	} else if (r->tag == FORM_TAG_PICK && r->code == SCREEN_OK &&
	    fm->focus < fm->n && r->index >= 0) {
		fm->f[fm->focus].choice = r->index;
		form_set_field_error(fm, fm->focus, NULL);
		form_relayout(s);
	}
}

bool
form_is_dirty(const struct screen *s)
{
	const struct form *fm = s->state;
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	bool dirty = false;

	for (i = 0; i < fm->n && !dirty; i++) {
		strbuf_reset(&sb);
		form_text(fm, i, &sb);
		dirty = strcmp(strbuf_str(&sb), fm->f[i].initial ?
		    fm->f[i].initial : "") != 0;
	}
	strbuf_fini(&sb);
	return dirty;
}

const char *
form_context(const struct screen *s)
{
	const struct form *fm = s->state;

	if (fm->focus >= fm->n)
		return "button";
	switch (form_fdef(fm, fm->focus)->kind) {
	case FIELD_MULTILINE:
		return "multiline";
	case FIELD_CHOICE:
		return "choice";
	default:
		return NULL;
	}
}

bool
form_text_focus(const struct screen *s)
{
	const struct form *fm = s->state;

	return fm->focus < fm->n &&
	    form_is_text_kind(form_fdef(fm, fm->focus)->kind);
}

void
form_help_more(const struct screen *s, struct strbuf *out)
{
	const struct form *fm = s->state;
	const struct field_def *fd;
	static const char *const kind_help[] = {
		[FIELD_TEXT] = "Type the text.",
		[FIELD_MULTILINE] = "Type as many lines as you like.",
		[FIELD_DATE] = "A date: 2025-03-04, or today, yesterday, "
		    "tomorrow, +3 (days from today) or -1.",
		[FIELD_CHOICE] = "Choose with Left and Right, or open the list.",
		[FIELD_NUMBER] = "A whole number.",
		[FIELD_MONEY] = "An amount of money: 12.50 or \u00a312.50.",
		[FIELD_DURATION] = "A length of time: 1:30, 90m, 1.5h or 2h.",
	};

	if (fm->focus >= fm->n) {
		strbuf_adds(out, "The Save button: Enter saves the form.");
		return;
	}
	fd = form_fdef(fm, fm->focus);
	strbuf_addf(out, "This field: %s. %s", fd->label ? fd->label : fd->id,
	    kind_help[fd->kind]);
	if (fd->required)
		strbuf_adds(out, " It is needed (marked *).");
	if (fd->help != NULL) {
		strbuf_addc(out, ' ');
		strbuf_adds(out, fd->help);
	}
}

/* ---- for screens built around a form ---------------------------------- */

static size_t
form_find(const struct form *fm, const char *id)
{
	size_t i;

	for (i = 0; i < fm->n; i++)
		if (strcmp(form_fdef(fm, i)->id, id) == 0)
			return i;
	return SIZE_MAX;
}

bool
form_set_error(struct screen *s, const char *id, const char *msg)
{
	struct form *fm = s->state;
	size_t i = form_find(fm, id);

	if (i == SIZE_MAX)
		return false;
	form_set_field_error(fm, i, msg);
	fm->focus = i;
	form_relayout(s);
	return true;
}

bool
form_get_text(const struct screen *s, const char *id, struct strbuf *out)
{
	const struct form *fm = s->state;
	size_t i = form_find(fm, id);

	if (i == SIZE_MAX)
		return false;
	form_text(fm, i, out);
	return true;
}

bool
form_set_text(struct screen *s, const char *id, const char *text)
{
	struct form *fm = s->state;
	size_t i = form_find(fm, id);

	if (i == SIZE_MAX)
		return false;
	form_put_text(fm, i, text);
	form_relayout(s);
	return true;
}

const char *
form_focus_id(const struct screen *s)
{
	const struct form *fm = s->state;

	return fm->focus < fm->n ? form_fdef(fm, fm->focus)->id : "";
}

void *
form_record(struct screen *s)
{
	return ((struct form *)s->state)->rec;
}

/* ---- two people saving the same record ---------------------------------
 *
 * The save found someone else's newer version.  base is the text each
 * field had when the form opened (or was last merged: f[i].initial),
 * theirs the record as saved now (def->fetch), mine what is on the
 * form.  model/fieldmerge decides each field; the form's record becomes
 * theirs (so the next save is against their version, and whatever the
 * form does not show is theirs too), their changes come into the form,
 * and the fields we both changed are asked about. */

static void
form_merge_clear(struct form *fm)
{
	size_t k;

	for (k = 0; k < fm->merge_n; k++)
		free(fm->merge_theirs[k]);
	FREE(&fm->merge_theirs);
	FREE(&fm->merge_idx);
	fm->merge_n = 0;
}

/* The conflict's words without the advice the db layer adds. */
static char *
form_merge_why(const struct pd_err *why)
{
	char *msg = xstrdup(why->msg[0] ? why->msg : "Someone else saved "
	    "this first.");
	char *cut = strstr(msg, " Reload to see");

	if (cut != NULL)
		*cut = '\0';
	if (msg[0] >= 'a' && msg[0] <= 'z')
		msg[0] = (char)(msg[0] - 'a' + 'A');
	return msg;
}

static void
form_merge(struct screen *s, const struct pd_err *why)
{
	struct form *fm = s->state;
	const struct form_def *def = fm->def;
	void *theirs = xcalloc(1, def->rec_size ? def->rec_size : 1);
	const char **base, **mine, **their, **labels;
	struct strbuf *tt, *mt, names = STRBUF_INIT;
	enum fmerge *how;
	struct pd_err err;
	enum pd_status st;
	char *intro;
	size_t i, k, nconf;

	if (def->rec_init != NULL)
		def->rec_init(theirs);
	else
		form_default_init(def, theirs);
	pd_err_clear(&err);
	intro = form_merge_why(why);
	/* Once fetched, their record is always taken in (a screen's fetch
	 * may hand the form's choices over to it). */
	st = ++fm->merge_rounds > FORM_MERGE_ROUNDS ? PD_CONFLICT :
	    def->fetch(s->app, fm->rec, theirs, &err);
	if (st != PD_OK) {
		if (def->rec_fini != NULL)
			def->rec_fini(theirs);
		else
			field_free_strings(def->fields, theirs);
		free(theirs);
		if (st == PD_CONFLICT)
			tui_error(s->ui, "Not saved: others keep saving this "
			    "record; please try again in a moment");
		else
			tui_error(s->ui, "Not saved: %s Their version could not "
			    "be read: %s", intro, err.msg);
		fm->merge_rounds = 0;
		free(intro);
		return;
	}
	base = xcalloc(fm->n + 1, sizeof *base);
	mine = xcalloc(fm->n + 1, sizeof *mine);
	their = xcalloc(fm->n + 1, sizeof *their);
	labels = xcalloc(fm->n + 1, sizeof *labels);
	how = xcalloc(fm->n + 1, sizeof *how);
	tt = xcalloc(fm->n + 1, sizeof *tt);
	mt = xcalloc(fm->n + 1, sizeof *mt);
	for (i = 0; i < fm->n; i++) {
		const struct field_def *fd = form_fdef(fm, i);

		strbuf_init(&tt[i]);
		strbuf_init(&mt[i]);
		field_load(fd, theirs, &tt[i]);
		form_text(fm, i, &mt[i]);
		base[i] = fm->f[i].initial;
		mine[i] = strbuf_str(&mt[i]);
		their[i] = strbuf_str(&tt[i]);
		labels[i] = fd->label ? fd->label : fd->id;
	}
	nconf = fmerge_record(fm->n, base, mine, their, how, NULL);
	/* The record is theirs now; the form keeps the merged text. */
	if (def->rec_fini != NULL)
		def->rec_fini(fm->rec);
	else
		field_free_strings(def->fields, fm->rec);
	memcpy(fm->rec, theirs, def->rec_size);
	free(theirs);
	form_merge_clear(fm);
	fm->merge_idx = xcalloc(nconf + 1, sizeof *fm->merge_idx);
	fm->merge_theirs = xcalloc(nconf + 1, sizeof *fm->merge_theirs);
	for (i = 0, k = 0; i < fm->n; i++) {
		if (how[i] == FMERGE_THEIRS)
			form_put_text(fm, i, their[i]);
		if (how[i] == FMERGE_CONFLICT) {
			fm->merge_idx[k] = i;
			fm->merge_theirs[k++] = xstrdup(their[i]);
		}
	}
	fm->merge_n = k;
	FREE(&fm->merge_note);
	if (fmerge_labels(fm->n, labels, how, FMERGE_THEIRS, &names) > 0)
		fm->merge_note = xasprintf("Their changes made meanwhile are "
		    "kept too: %s.", strbuf_str(&names));
	for (i = 0; i < fm->n; i++) {
		free(fm->f[i].initial);
		fm->f[i].initial = xstrdup(their[i]);
	}
	form_relayout(s);
	if (nconf == 0) {
		form_save(s);
	} else {
		const char **cm = xcalloc(nconf + 1, sizeof *cm);
		const char **cl = xcalloc(nconf + 1, sizeof *cl);
		struct form_merge_arg a;

		for (k = 0; k < nconf; k++) {
			cm[k] = mine[fm->merge_idx[k]];
			cl[k] = labels[fm->merge_idx[k]];
		}
		a.intro = intro;
		a.n = nconf;
		a.labels = cl;
		a.theirs = (const char *const *)fm->merge_theirs;
		a.mine = cm;
		if (tui_push(s->ui, &form_merge_screen, &a, FORM_TAG_MERGE,
		    &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		free(cm);
		free(cl);
	}
	for (i = 0; i < fm->n; i++) {
		strbuf_fini(&tt[i]);
		strbuf_fini(&mt[i]);
	}
	free(tt);
	free(mt);
	free(base);
	free(mine);
	free(their);
	free(labels);
	free(how);
	strbuf_fini(&names);
	free(intro);
}

/* The answer of form_merge_screen: theirs into the fields chosen so and
 * save; Esc keeps mine on the form, theirs shown under each. */
static void
form_merge_chosen(struct screen *s, const struct screen_result *r)
{
	struct form *fm = s->state;
	size_t k, i;
	int t;

	if (fm->merge_n == 0)
		return;
	if (r->code == SCREEN_OK) {
		for (k = 0; k < fm->merge_n; k++)
			if (fmerge_choice(r->text, k, &t) && t)
				form_put_text(fm, fm->merge_idx[k],
				    fm->merge_theirs[k]);
		form_merge_clear(fm);
		fm->merge_rounds = 0;
		form_save(s);
		return;
	}
	for (k = fm->merge_n; k-- > 0;) {
		char *msg;

		i = fm->merge_idx[k];
		msg = xasprintf("They saved: \"%s\". Yours is here; saving "
		    "keeps what is here.", fm->merge_theirs[k][0] ?
		    fm->merge_theirs[k] : "(nothing)");
		form_set_field_error(fm, i, msg);
		free(msg);
		fm->focus = i;
	}
	tui_message(s->ui, "Not saved yet: their other changes are in; "
	    "theirs is shown under the fields you both changed");
	form_merge_clear(fm);
	fm->merge_rounds = 0;
	form_relayout(s);
}

/* ---- drafts ---------------------------------------------------------- */

void
form_set_draft_hooks(const struct form_draft_hooks *hooks)
{
	if (hooks != NULL)
		form_hooks = *hooks;
	else
		memset(&form_hooks, 0, sizeof form_hooks);
}

bool
form_drafts_on(void)
{
	return form_hooks.keep_all != NULL;
}

void
form_keep_drafts(struct tui *ui)
{
	if (form_hooks.keep_all != NULL)
		form_hooks.keep_all(ui);
}

bool
form_is(const struct screen *s)
{
	return s != NULL && s->form && s->state != NULL;
}

unsigned long long
form_checksum(const char *text)
{
	unsigned long long h = 14695981039346656037ULL;

	for (; *text != '\0'; text++) {
		h ^= (unsigned char)*text;
		h *= 1099511628211ULL;
	}
	return h;
}

void
form_draft_key(const struct screen *s, char buf[40])
{
	snprintf(buf, 40, "%s", ((const struct form *)s->state)->draft_key);
}

static void
form_draft_key_make(const struct screen *s, char buf[40])
{
	const struct form *fm = s->state;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (s->arg_id > 0) {
		snprintf(buf, 40, "%lld", (long long)s->arg_id);
		return;
	}
	if (s->arg_null) {
		buf[0] = '\0';
		return;
	}
	for (i = 0; i < fm->n; i++) {
		strbuf_adds(&sb, fm->f[i].initial ? fm->f[i].initial : "");
		strbuf_addc(&sb, '\x1f');
	}
	snprintf(buf, 40, "fp:%016llx", form_checksum(strbuf_str(&sb)));
	strbuf_fini(&sb);
}

static void
form_escape(const char *s, struct strbuf *out)
{
	for (; *s; s++) {
		if (*s == '\\')
			strbuf_adds(out, "\\\\");
		else if (*s == '\n')
			strbuf_adds(out, "\\n");
		else if (*s == '\t')
			strbuf_adds(out, "\\t");
		else
			strbuf_addc(out, *s);
	}
}

static void
form_unescape(const char *s, size_t n, struct strbuf *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			strbuf_addc(out, s[i] == 'n' ? '\n' : s[i] == 't' ?
			    '\t' : s[i]);
		} else {
			strbuf_addc(out, s[i]);
		}
	}
}

unsigned long long
form_draft_text(const struct screen *s, struct strbuf *out)
{
	const struct form *fm = s->state;
	struct strbuf text = STRBUF_INIT;
	size_t i, start = out->len;

	strbuf_adds(out, "#title\t");
	form_escape(s->title[0] ? s->title : (s->ops->title ? s->ops->title :
	    s->ops->name), out);
	strbuf_addc(out, '\n');
	for (i = 0; i < fm->n; i++) {
		const struct field_def *fd = form_fdef(fm, i);

		strbuf_reset(&text);
		form_text(fm, i, &text);
		if (text.len == 0)
			continue;
		strbuf_addf(out, "#label:%s\t", fd->id);
		form_escape(fd->label ? fd->label : fd->id, out);
		strbuf_addf(out, "\n%s%s\t", strcmp(strbuf_str(&text),
		    fm->f[i].initial ? fm->f[i].initial : "") == 0 ?
		    "#same:" : "", fd->id);
		form_escape(strbuf_str(&text), out);
		strbuf_addc(out, '\n');
	}
	strbuf_fini(&text);
	return form_checksum(strbuf_str(out) + start);
}

bool
form_draft_next(const char *content, size_t *pos, struct strbuf *id,
    struct strbuf *text)
{
	const char *p, *nl, *tab;

	strbuf_reset(id);
	strbuf_reset(text);
	for (;;) {
		p = content + *pos;
		if (*p == '\0')
			return false;
		nl = p + strcspn(p, "\n");
		*pos = (size_t)(nl - content) + (*nl != '\0');
		tab = memchr(p, '\t', (size_t)(nl - p));
		if (tab == NULL)
			continue;
		strbuf_add(id, p, (size_t)(tab - p));
		form_unescape(tab + 1, (size_t)(nl - tab - 1), text);
		return true;
	}
}

void
form_draft_apply(struct screen *s, const char *content)
{
	struct form *fm = s->state;
	struct strbuf id = STRBUF_INIT, text = STRBUF_INIT;
	size_t pos = 0, i, last = SIZE_MAX;

	while (form_draft_next(content, &pos, &id, &text)) {
		const char *name = strbuf_str(&id);

		/* Text that had not been changed goes back only into a new
		 * record: in an existing one it might undo someone's later
		 * change. */
		if (strncmp(name, "#same:", 6) == 0 && s->arg_null)
			name += 6;
		if (name[0] == '#' || (i = form_find(fm, name)) == SIZE_MAX)
			continue;
		form_put_text(fm, i, strbuf_str(&text));
		if (form_fdef(fm, i)->kind != FIELD_CHOICE) {
			le_end(&fm->f[i].le);
			if (strcmp(strbuf_str(&text), fm->f[i].initial ?
			    fm->f[i].initial : "") != 0)
				last = i;
		}
	}
	/* The cursor goes where the typing most likely stopped: the end of
	 * the last field whose text was changed. */
	if (last != SIZE_MAX)
		fm->focus = last;
	form_relayout(s);
	strbuf_fini(&id);
	strbuf_fini(&text);
}

void
form_draft_note(struct screen *s, bool kept, unsigned long long sum)
{
	struct form *fm = s->state;

	fm->kept = kept;
	fm->kept_sum = kept ? sum : 0;
}

bool
form_draft_kept(const struct screen *s, unsigned long long *sum)
{
	const struct form *fm = s->state;

	if (sum != NULL)
		*sum = fm->kept_sum;
	return fm->kept;
}
