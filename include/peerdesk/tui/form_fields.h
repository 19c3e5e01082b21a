/* form_fields.h - the state of a form screen and its fields (the bottom
 * of the form engine: form_fields.c).  A form screen's state is a struct
 * form; screens use form.h, and the engine's own files (form.c,
 * form_layout.c, form_conflict.c, form_draft.c) use what is below. */
#ifndef PEERDESK_TUI_FORM_FIELDS_H
#define PEERDESK_TUI_FORM_FIELDS_H

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

/* The tags of the questions a form asks. */
#define FORM_TAG_DISCARD 1
#define FORM_TAG_PICK 2
#define FORM_TAG_ASK 3
#define FORM_TAG_MERGE 0x4d52	/* form_merge_screen's answer */

/* True for the kinds typed as text (all but a choice). */
bool form_is_text_kind(enum field_kind k);

/* Field i's definition as the form uses it (its choices those of the
 * record, when they come from a callback). */
const struct field_def *form_fdef(const struct form *fm, size_t i);

/* Each choice field reads the choices of the record now in the form
 * (after it is loaded or replaced). */
void form_choices_refresh(struct form *fm);

/* The field's current text (choices: the label). */
void form_text(const struct form *fm, size_t i, struct strbuf *out);

/* Put text into field i (from the record, or a tidied form of it). */
void form_put_text(struct form *fm, size_t i, const char *text);

/* The message beside field i (NULL or "" clears it). */
void form_set_field_error(struct form *fm, size_t i, const char *msg);

/* The index of field id, or SIZE_MAX. */
size_t form_find(const struct form *fm, const char *id);

/* A fresh record for def (rec_init, or the defaults), and emptying one
 * (rec_fini, or field_free_strings). */
void *form_rec_new(const struct form_def *def);
void form_rec_fini(const struct form_def *def, void *rec);

#endif
