/* assign_forms.h - private: the forms about one assignment (review.c),
 * used by the support screen (assignment.c). */
#ifndef PEERDESK_TUI_SCREENS_ASSIGN_FORMS_H
#define PEERDESK_TUI_SCREENS_ASSIGN_FORMS_H

#include <stdint.h>

#include "peerdesk/tui/screens.h"
#include "peerdesk/tui/screen.h"

/* Arg: const int64_t *assignment_id. */
extern const struct screen_ops assign_change_screen;
extern const struct screen_ops assign_end_screen;
extern const struct screen_ops assign_hours_screen;

/* Arg: const int64_t *client_id. */
extern const struct screen_ops assign_start_screen;

#endif
