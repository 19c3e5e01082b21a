/* form.h - the generic form engine: a form screen is a field table.
 *
 *   static const struct field_def session_fields[] = {
 *       { .id = "date", .label = "Date", .kind = FIELD_DATE,
 *         .offset = offsetof(struct session, date), .required = true },
 *       { .id = "minutes", .label = "How long", .kind = FIELD_DURATION,
 *         .offset = offsetof(struct session, minutes), .max = 12 * 60 },
 *       { .id = NULL }
 *   };
 *   static const struct form_def session_form = {
 *       .fields = session_fields, .rec_size = sizeof(struct session),
 *       .load = session_load, .save = session_save,
 *   };
 *   const struct screen_ops session_screen = {
 *       .name = "session", .title = "Log a session",
 *       .def = &session_form, FORM_SCREEN_CALLBACKS
 *   };
 *
 * The engine does focus order (table order; Tab, Down, Enter go on,
 * S-Tab and Up go back, with a Save button last), editing, checking a
 * field when the cursor leaves it and every field on save, messages
 * beside the field (also for pd_err.field from save()), a dirty flag
 * with "Discard changes?" on Esc, scrolling when the form is taller than
 * the screen, and layout at any width (labels beside the values from 60
 * columns, above them below that).  Field text survives resizes.
 */
#ifndef PEERDESK_TUI_FORM_H
#define PEERDESK_TUI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/field.h"
#include "peerdesk/tui/lineedit.h"
#include "peerdesk/tui/screen.h"

struct form_def {
	const struct field_def *fields;	/* ends with .id = NULL */
	size_t rec_size;
	/* NULL: zeroed, and -1 ("empty") in number, money, duration and
	 * choice fields. */
	void (*rec_init)(void *rec);
	/* NULL: field_free_strings(). */
	void (*rec_fini)(void *rec);
	/* Fill rec from the push argument (load a record); NULL = keep the
	 * initial record. */
	enum pd_status (*load)(void *app, const void *arg, void *rec,
	    struct pd_err *err);
	/* Save rec.  On failure, err->field names the field to blame ("" for
	 * none) and err->msg says what is wrong. */
	enum pd_status (*save)(void *app, void *rec, struct pd_err *err);
	/* Questions before saving (after every field is stored): a text
	 * to confirm ("Save anyway" / "Go back"), or NULL when none; the
	 * form frees it.  NULL: never asks. */
	char *(*ask)(void *app, const void *rec);
	/* The title while the form is open, made from the loaded record
	 * (naming the person it is about); NULL, or nothing written: the
	 * screen's own title. */
	void (*title)(const void *rec, struct strbuf *out);
	/* After a save: what the screen below is told, read from rec into
	 * out->text (words to show) and out->data, out->size (what it
	 * should do next); the engine copies both.  NULL: nothing. */
	void (*outcome)(const void *rec, struct screen_result *out);
	const char *save_label;		/* the button, NULL = "Save" */
	const char *saved_message;	/* status line, NULL = "Saved." */
	/* For a save that found someone else's newer version (save()
	 * returned PD_CONFLICT): read the record as it is saved now into
	 * theirs (a fresh record, rec_init'd), carrying over from mine
	 * what the screen keeps that is not stored (the ids it was pushed
	 * with, a reason).  The engine then merges field by field (see
	 * form_merge_screen): what only they changed comes in, what only
	 * I changed stays, and a field we both changed is shown side by
	 * side to choose; then it saves against their version.  NULL: a
	 * conflict is an error like any other. */
	enum pd_status (*fetch)(void *app, const void *mine, void *theirs,
	    struct pd_err *err);
};

/* Per-field state; private to the form engine (here only for sizeof). */
struct form_field {
	struct field_def def;	/* its definition, with the choices of the
				 * record when they come from choices_of */
	struct lineedit le;
	int choice;		/* FIELD_CHOICE: index, -1 = none */
	char *initial;		/* text when loaded (for the dirty flag) */
	char *error;		/* message beside the field, or NULL */
	int y, rows;		/* virtual rows taken */
	int ly, lx, lw;		/* label */
	int vy, vx, vw, vh;	/* value box */
	int ey, eh;		/* error message rows */
	int hy, hh;		/* key hint rows (multi-line focus), -1 none */
};

/* A form screen's state; private to the form engine (here only for
 * sizeof). */
struct form {
	const struct form_def *def;
	void *rec;
	struct form_field *f;
	size_t n;
	size_t focus;		/* n = the Save button */
	bool asked;		/* the person said yes to def->ask's text */
	int top;		/* rows over the fields the screen keeps */
	int scroll, total;
	int button_y, button_x;
	bool wide;
	/* drafts: the checksum of the text last kept, when one is kept */
	bool kept;
	unsigned long long kept_sum;
	char draft_key[40];	/* set once the form has opened */
	/* a save that met someone else's (see form_def.fetch) */
	size_t *merge_idx;	/* the fields we both changed */
	char **merge_theirs;	/* their text of each */
	size_t merge_n;
	int merge_rounds;	/* merged saves in a row, without asking */
	char *merge_note;	/* said after "Saved." */
};

extern const char *const form_sections[];
extern const enum action form_hints[];

enum pd_status form_enter(struct screen *s, const void *arg,
    struct pd_err *err);
void form_leave(struct screen *s);
void form_layout(struct screen *s);
void form_draw(const struct screen *s, struct tui_cursor *cur);
enum tui_result form_on_action(struct screen *s, enum action a);
enum tui_result form_on_text(struct screen *s, struct tui_key k);
void form_on_result(struct screen *s, const struct screen_result *r);
bool form_is_dirty(const struct screen *s);
const char *form_context(const struct screen *s);
bool form_text_focus(const struct screen *s);
void form_help_more(const struct screen *s, struct strbuf *out);
/* A click on a field's label or value, or on the button, moves the
 * focus there (checking the field it leaves, as Tab does). */
enum tui_result form_on_mouse(struct screen *s, int y, int x);

/* The callbacks and state of a form screen, for a screen_ops
 * initialiser (add .name, .title, .def and any limits yourself). */
#define FORM_SCREEN_CALLBACKS \
	.sections = form_sections, \
	.state_size = sizeof(struct form), \
	.hints = form_hints, \
	.enter = form_enter, \
	.leave = form_leave, \
	.layout = form_layout, \
	.draw = form_draw, \
	.on_action = form_on_action, \
	.on_text = form_on_text, \
	.on_result = form_on_result, \
	.is_dirty = form_is_dirty, \
	.context = form_context, \
	.text_focus = form_text_focus, \
	.help_more = form_help_more, \
	.on_mouse = form_on_mouse

/* Show msg beside the field called id (NULL msg clears it) and move the
 * focus there.  False if there is no such field. */
bool form_set_error(struct screen *s, const char *id, const char *msg);

/* The current text of field id into out; false if there is none. */
bool form_get_text(const struct screen *s, const char *id,
    struct strbuf *out);

/* Replace the text of field id (marks the form changed if different). */
bool form_set_text(struct screen *s, const char *id, const char *text);

/* Keep rows at the top of the screen's area for the screen itself (a
 * time form's week): the fields are laid out, drawn and clicked below
 * them.  0 at first. */
void form_set_top(struct screen *s, int rows);

/* The id of the focused field, or "" on the Save button. */
const char *form_focus_id(const struct screen *s);

/* The record being edited (rec_size bytes). */
void *form_record(struct screen *s);

/* ---- two people saving the same record -------------------------------- */

/* What form_merge_screen is pushed with (copied by it): the fields both
 * people changed, their text and mine.  It closes with SCREEN_OK and
 * text one character a field, 't' theirs or 'm' mine (fmerge_choice),
 * or SCREEN_CANCEL (Esc: back to the form). */
struct form_merge_arg {
	const char *intro;	/* who saved it and when */
	size_t n;
	const char *const *labels;
	const char *const *theirs;
	const char *const *mine;
};

/* "You both changed these": each field with theirs beside mine (above
 * it below 70 columns), to choose one per field. */
extern const struct screen_ops form_merge_screen;

/* Drafts of a form's text: form_draft.h. */
#include "peerdesk/tui/form_draft.h"

#endif
