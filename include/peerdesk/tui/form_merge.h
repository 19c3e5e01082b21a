/* form_merge.h - choosing, field by field, between someone else's save
 * and mine (form_merge.c). */
#ifndef PEERDESK_TUI_FORM_MERGE_H
#define PEERDESK_TUI_FORM_MERGE_H

#include <stddef.h>

#include "peerdesk/tui/screen.h"

/* What form_merge_screen is pushed with (copied by it): the fields both
 * people changed, their text and mine.  It closes with SCREEN_OK and
 * text one character a field, 't' theirs or 'm' mine (fieldmerge_choice),
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

#endif
