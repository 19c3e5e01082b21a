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
#include "peerdesk/tui/form_fields.h"
#include "peerdesk/tui/form_layout.h"
#include "peerdesk/tui/form_merge.h"


extern const char *const form_sections[];
extern const enum action form_hints[];

enum pd_status form_enter(struct screen *s, const void *arg,
    struct pd_err *err);
void form_leave(struct screen *s);
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

/* The id of the focused field, or "" on the Save button. */
const char *form_focus_id(const struct screen *s);

/* The record being edited (rec_size bytes). */
void *form_record(struct screen *s);


/* Drafts of a form's text: form_draft.h. */
#include "peerdesk/tui/form_draft.h"

#endif
