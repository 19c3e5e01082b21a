/* plan_priv.h - shared by the plan screens (plan.c, goal.c,
 * plan_history.c, palplan.c): their pages' words wrapped as a printed
 * plan's are, and two screens they push.
 */
#ifndef PEERDESK_TUI_SCREENS_PLAN_PRIV_H
#define PEERDESK_TUI_SCREENS_PLAN_PRIV_H

#include "peerdesk/tui/page.h"
#include "peerdesk/tui/screen.h"
#include "peerdesk/tui/screens.h"
#include "peerdesk/tui/style.h"

/* text wrapped at width with indent as a printed plan is (plan_wrap),
 * as lines of the page. */
void plan_page_wrapped(struct page *pg, enum style st, int width,
    int indent, const char *text);

/* The chosen item's id (the plan screens number their items from 0),
 * or -1 when none is chosen. */
int plan_page_sel(const struct page *pg);

/* A page of text (plan_text_arg) and a dated note (&client_id). */
extern const struct screen_ops plan_text_screen;
extern const struct screen_ops plan_note_screen;

#endif
