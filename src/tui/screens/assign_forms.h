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

/* Set by a saved review or change of PAL that ends support: the client
 * who chooses again (the support screen opens "Choose a PAL"); 0 after
 * it is taken. */
extern int64_t assign_reopen_client;

/* Set by "End this support" when it ended the client's last support:
 * the support screen asks next whether to pause or close the client
 * (status_ui_after_end), from assign_ask_status_day; 0 once taken. */
extern int64_t assign_ask_status_client;
extern char assign_ask_status_day[11];

/* Set by a saved review when the client's plan has open goals: the
 * support screen opens plan_review_at_screen with it next (client_id 0
 * after it is taken, or when there is nothing to score).  When the same
 * review ended the last support, pause or close is asked after the
 * scores (done or left with Esc). */
extern struct plan_review_arg assign_score_review;

#endif
