#include "peerdesk/tui/listnav.h"

static void
listnav_fix(struct listnav *n)
{
	if (n->height == 0)
		n->height = 1;
	if (n->count == 0) {
		n->sel = n->top = 0;
		return;
	}
	if (n->sel >= n->count)
		n->sel = n->count - 1;
	if (n->sel < n->top)
		n->top = n->sel;
	if (n->sel >= n->top + n->height)
		n->top = n->sel - n->height + 1;
	if (n->count > n->height && n->top > n->count - n->height)
		n->top = n->count - n->height;
	if (n->count <= n->height)
		n->top = 0;
}

void
listnav_set_count(struct listnav *n, size_t count)
{
	n->count = count;
	listnav_fix(n);
}

void
listnav_set_height(struct listnav *n, size_t height)
{
	n->height = height;
	listnav_fix(n);
}

void
listnav_move(struct listnav *n, long delta)
{
	if (n->count == 0)
		return;
	if (delta < 0 && (size_t)-delta > n->sel)
		n->sel = 0;
	else if (delta < 0)
		n->sel -= (size_t)-delta;
	else if ((size_t)delta >= n->count - n->sel)
		n->sel = n->count - 1;
	else
		n->sel += (size_t)delta;
	listnav_fix(n);
}

void
listnav_page(struct listnav *n, int dir)
{
	size_t h;

	listnav_fix(n);
	h = n->height;
	if (n->count == 0)
		return;
	if (dir > 0) {
		n->top += h;
		n->sel = n->sel + h < n->count ? n->sel + h : n->count - 1;
	} else {
		n->top = n->top > h ? n->top - h : 0;
		n->sel = n->sel > h ? n->sel - h : 0;
	}
	/* Keep the view where it went, clamped, and sel inside it. */
	if (n->count > h && n->top > n->count - h)
		n->top = n->count - h;
	if (n->count <= h)
		n->top = 0;
	if (n->sel < n->top)
		n->sel = n->top;
	if (n->sel >= n->top + h)
		n->sel = n->top + h - 1;
	listnav_fix(n);
}

void
listnav_first(struct listnav *n)
{
	n->sel = 0;
	listnav_fix(n);
}

void
listnav_last(struct listnav *n)
{
	n->sel = n->count ? n->count - 1 : 0;
	listnav_fix(n);
}

void
listnav_select(struct listnav *n, size_t i)
{
	n->sel = i;
	listnav_fix(n);
}
