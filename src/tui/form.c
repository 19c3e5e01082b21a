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
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/tui.h"
#include "form_conflict.h"

const char *const form_sections[] = { "form", "edit", NULL };

const enum action form_hints[] = {
	ACT_SAVE, ACT_PICK, ACT_EDITOR, ACT_NEXT_FIELD, ACT_HELP, ACT_BACK,
	ACT_NONE
};

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
	fm->rec = form_rec_new(def);
	fm->f = xcalloc(fm->n ? fm->n : 1, sizeof *fm->f);
	for (i = 0; i < fm->n; i++) {
		const struct field_def *fd = &def->fields[i];

		fm->f[i].def = *fd;
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
	if (def->title != NULL) {
		def->title(fm->rec, &sb);
		if (sb.len > 0)
			screen_set_title(s, strbuf_str(&sb));
	}
	form_choices_refresh(fm);
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
	form_draft_opened(s);
	return PD_OK;
}

void
form_leave(struct screen *s)
{
	struct form *fm = s->state;
	size_t i;

	if (fm->rec != NULL) {
		form_rec_fini(fm->def, fm->rec);
		FREE(&fm->rec);
	}
	for (i = 0; i < fm->n && fm->f != NULL; i++) {
		le_fini(&fm->f[i].le);
		free(fm->f[i].initial);
		free(fm->f[i].error);
	}
	FREE(&fm->f);
	form_conflict_clear(fm);
	FREE(&fm->merge_note);
}


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
	const struct rect area = form_area(s);
	struct form *fm = s->state;
	int vy = y - area.y + fm->scroll;
	size_t i;

	if (y < area.y || y >= area.y + area.h || x < area.x ||
	    x >= area.x + area.w)
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

/* Close a saved form, handing the screen below what the form says of
 * the save (form_def.outcome). */
static void
form_close_saved(struct screen *s)
{
	struct form *fm = s->state;
	struct screen_result out;

	memset(&out, 0, sizeof out);
	if (fm->def->outcome != NULL)
		fm->def->outcome(fm->rec, &out);
	screen_close_with(s, SCREEN_OK, out.text, out.data, out.size);
}

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
		if (form_conflict(s, &err))
			form_save(s);	/* nothing we both changed */
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
	form_draft_done(s, true);
	form_close_saved(s);
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
	form_draft_done(s, false);
	screen_close(s, SCREEN_CANCEL, -1, NULL);
}

/* The keys that edit the focused field's text (and move in it): true
 * when a is one of them. */
static bool
form_edit_action(struct screen *s, enum action a, struct form_field *ff,
    bool text)
{
	bool changed;

	switch (a) {
	case ACT_LEFT:
	case ACT_RIGHT:
	case ACT_LINE_START:
	case ACT_LINE_END:
		if (!text)
			return true;
		if (a == ACT_LEFT)
			le_left(&ff->le);
		else if (a == ACT_RIGHT)
			le_right(&ff->le);
		else if (a == ACT_LINE_START)
			le_home(&ff->le);
		else
			le_end(&ff->le);
		form_relayout(s);
		return true;
	case ACT_DELETE_BACK:
	case ACT_DELETE:
	case ACT_KILL_START:
	case ACT_KILL_END:
	case ACT_KILL_WORD:
		if (!text)
			return true;
		changed = a == ACT_DELETE_BACK ? le_delete_back(&ff->le) :
		    a == ACT_DELETE ? le_delete(&ff->le) :
		    a == ACT_KILL_START ? le_kill_start(&ff->le) :
		    a == ACT_KILL_END ? le_kill_end(&ff->le) :
		    le_kill_word(&ff->le);
		form_after_edit(s, changed);
		return true;
	default:
		return false;
	}
}

/* Esc: let go, after asking when something is not saved. */
static void
form_back(struct screen *s)
{
	if (form_is_dirty(s))
		dialog_confirm(s->ui, FORM_TAG_DISCARD, "Discard changes?",
		    "The changes on this form are not saved yet.",
		    "Discard", "Keep editing", false);
	else
		form_let_go(s);
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
	case ACT_PREV_FIELD:
		form_move(s, a == ACT_NEXT_FIELD ? 1 : -1);
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
			return TUI_HANDLED;
		}
		break;
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
		form_back(s);
		return TUI_HANDLED;
	default:
		break;
	}
	return form_edit_action(s, a, ff, text) ? TUI_HANDLED : TUI_UNHANDLED;
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

void
form_on_result(struct screen *s, const struct screen_result *r)
{
	struct form *fm = s->state;

	if (r->tag == FORM_TAG_DISCARD && r->code == SCREEN_OK) {
		form_let_go(s);
	} else if (r->tag == FORM_TAG_MERGE) {
		if (form_conflict_chosen(s, r))
			form_save(s);
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
