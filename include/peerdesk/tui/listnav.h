/* listnav.h - list arithmetic: which row is selected, which is on top.
 *
 * Pure and unit-tested.  The rules, whatever happens:
 *   count == 0            sel = top = 0
 *   otherwise             sel < count, top <= sel < top + height,
 *                         and top <= count - height when count > height
 *                         (no empty space below the last row).
 * Height is the number of rows on screen (at least 1).
 */
#ifndef PEERDESK_TUI_LISTNAV_H
#define PEERDESK_TUI_LISTNAV_H

#include <stddef.h>

struct listnav {
	size_t count;	/* rows in the list (after filtering) */
	size_t sel;	/* selected row */
	size_t top;	/* first row on screen */
	size_t height;	/* rows on screen */
};

/* The list now has count rows (keeps sel where possible). */
void listnav_set_count(struct listnav *n, size_t count);

/* The screen now shows height rows (resize); sel stays visible. */
void listnav_set_height(struct listnav *n, size_t height);

/* Move the selection by delta rows, stopping at the ends. */
void listnav_move(struct listnav *n, long delta);

/* One page down (dir > 0) or up (dir < 0): the view and the selection
 * move by a page, stopping at the ends. */
void listnav_page(struct listnav *n, int dir);

void listnav_first(struct listnav *n);
void listnav_last(struct listnav *n);

/* Select row i (clamped) and scroll just enough to show it. */
void listnav_select(struct listnav *n, size_t i);

#endif
