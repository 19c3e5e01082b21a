/* form_conflict.h - a form's save that met someone else's newer one
 * (form_conflict.c), for form.c. */
#ifndef PEERDESK_TUI_FORM_CONFLICT_H
#define PEERDESK_TUI_FORM_CONFLICT_H

#include <stdbool.h>

#include "peerdesk/core/status.h"
#include "peerdesk/tui/form_fields.h"
#include "peerdesk/tui/screen.h"

/* The save found their newer version (why): take their record in and
 * merge field by field; true when nothing was changed by both (the
 * caller saves again, against their version), false when the fields we
 * both changed are asked about (form_merge_screen) or their record
 * could not be read. */
bool form_conflict(struct screen *s, const struct pd_err *why);

/* form_merge_screen's answer: true when the caller should save now. */
bool form_conflict_chosen(struct screen *s, const struct screen_result *r);

/* Forget the fields asked about. */
void form_conflict_clear(struct form *fm);

#endif
