/* planview_priv.h - shared by the plan screens (plan.c, goal.c,
 * plan_history.c, palplan.c): a read-only page of lines, grouped into
 * items that can be selected, scrolled in an area.
 */
#ifndef PEERDESK_TUI_SCREENS_PLANVIEW_PRIV_H
#define PEERDESK_TUI_SCREENS_PLANVIEW_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/screens.h"
#include "peerdesk/tui/screen.h"
#include "peerdesk/tui/style.h"

struct pv_line {
	char *text;
	enum style st;
	int item;		/* -1: not part of a selectable item */
};

struct pv {
	struct pv_line *l;
	size_t n;
	int nitems;
	int sel;		/* selected item, -1 when none */
	int scroll;		/* first line shown */
	struct rect area;	/* where the lines go */
};

void pv_clear(struct pv *v);	/* no lines (keeps sel and scroll) */
void pv_fini(struct pv *v);

/* One line as it is (cut when drawn). */
void pv_add(struct pv *v, const char *text, enum style st, int item);

/* text wrapped at width with indent, as lines. */
void pv_add_wrapped(struct pv *v, const char *text, int width, int indent,
    enum style st, int item);

/* Several lines of text (each line as it is). */
void pv_add_lines(struct pv *v, const char *text, enum style st, int item);

/* The line items: after adding, count them and keep sel in range. */
void pv_done(struct pv *v);

/* Scroll so the selected item shows (its first line at least). */
void pv_show_sel(struct pv *v);

/* Up/Down (items, or lines when there are none), PgUp/PgDn, Home/End. */
enum tui_result pv_action(struct pv *v, enum action a);

void pv_draw(const struct pv *v, struct tui_cursor *cur);

/* A page of text (plan_text_arg) and a dated note (&client_id). */
extern const struct screen_ops plan_text_screen;
extern const struct screen_ops plan_note_screen;

#endif
