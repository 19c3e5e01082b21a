/* form_priv.h - what the files of the form engine share (form.c,
 * form_layout.c, form_conflict.c, form_draft.c); nothing outside them
 * includes it.  struct form and struct form_field are in form.h (for
 * sizeof only). */
#ifndef PEERDESK_TUI_FORM_PRIV_H
#define PEERDESK_TUI_FORM_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/form.h"

/* The tags of the questions a form asks. */
#define FORM_TAG_DISCARD 1
#define FORM_TAG_PICK 2
#define FORM_TAG_ASK 3
#define FORM_TAG_MERGE 0x4d52	/* form_merge_screen's answer */

/* ---- form.c: the fields ------------------------------------------------ */

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

/* Check every field and save (asking def->ask's question first). */
void form_save(struct screen *s);

/* ---- form_layout.c: where each field goes, and drawing --------------- */

/* Where the fields go: s->area below the rows kept (form_set_top). */
struct rect form_area(const struct screen *s);

/* Lay the fields out for form_area and scroll the focus into view. */
void form_relayout(struct screen *s);

/* ---- form_conflict.c: a save that met someone else's ------------------ */

/* The save found their newer version (why): take their record in,
 * merge field by field and save, or ask about the fields we both
 * changed (form_merge_screen). */
void form_conflict(struct screen *s, const struct pd_err *why);

/* form_merge_screen's answer. */
void form_conflict_chosen(struct screen *s, const struct screen_result *r);

/* Forget the fields asked about. */
void form_conflict_clear(struct form *fm);

/* ---- form_draft.c: drafts --------------------------------------------- */

/* The form has just been filled from its record: fix its draft key and
 * tell the draft hooks (a kept draft may come back). */
void form_draft_opened(struct screen *s);

/* The form was saved, or let go on purpose: tell the draft hooks. */
void form_draft_done(struct screen *s, bool saved);

#endif
