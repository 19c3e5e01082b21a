#include "peerdesk/tui/style.h"

#include <curses.h>

struct style_def {
	const char *name;
	int mono;
	short fg, bg;
	int attr;
};

static const struct style_def style_table[ST_COUNT] = {
#define STYLE_ROW(id, n, m, f, b, a) [ST_##id] = { n, m, f, b, a },
	STYLE_LIST(STYLE_ROW)
#undef STYLE_ROW
};

static bool style_use_colour;

void
style_init(bool want_colour)
{
	int i;

	style_use_colour = false;
	if (!want_colour || !has_colors())
		return;
	if (start_color() == ERR)
		return;
	use_default_colors();
	for (i = 1; i < ST_COUNT; i++)
		init_pair((short)i, style_table[i].fg, style_table[i].bg);
	style_use_colour = true;
}

bool
style_colour(void)
{
	return style_use_colour;
}

int
style_attr(enum style s)
{
	if ((int)s < 0 || s >= ST_COUNT)
		s = ST_NORMAL;
	if (!style_use_colour)
		return style_table[s].mono;
	if (s == ST_NORMAL)
		return style_table[s].attr;
	return (int)COLOR_PAIR((int)s) | style_table[s].attr;
}

void
style_set(enum style s)
{
	attrset(style_attr(s));
}

const char *
style_name(enum style s)
{
	if ((int)s < 0 || s >= ST_COUNT)
		return "";
	return style_table[s].name;
}
