/* form_layout.h - where a form's fields go, and drawing them
 * (form_layout.c). */
#ifndef PEERDESK_TUI_FORM_LAYOUT_H
#define PEERDESK_TUI_FORM_LAYOUT_H

#include "peerdesk/tui/form_fields.h"
#include "peerdesk/tui/screen.h"

/* A form screen's layout and draw callbacks (FORM_SCREEN_CALLBACKS). */
void form_layout(struct screen *s);
void form_draw(const struct screen *s, struct tui_cursor *cur);

/* Keep rows at the top of the screen's area for the screen itself (a
 * time form's week): the fields are laid out, drawn and clicked below
 * them.  0 at first. */
void form_set_top(struct screen *s, int rows);

/* Where the fields go: s->area below the rows kept (form_set_top). */
struct rect form_area(const struct screen *s);

/* Lay the fields out for form_area and scroll the focus into view. */
void form_relayout(struct screen *s);

#endif
