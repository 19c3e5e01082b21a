#include "peerdesk/tui/action.h"

#include <string.h>

struct action_info {
	const char *name;
	const char *hint;
	const char *help;
};

static const struct action_info action_table[ACT_COUNT] = {
	[ACT_NONE] = { "", "", "" },
#define ACTION_ROW(id, n, h, hl) [ACT_##id] = { n, h, hl },
	ACTION_LIST(ACTION_ROW)
#undef ACTION_ROW
};

static const struct action_info *
action_info(enum action a)
{
	if ((int)a <= ACT_NONE || a >= ACT_COUNT)
		return &action_table[ACT_NONE];
	return &action_table[a];
}

const char *
action_name(enum action a)
{
	return action_info(a)->name;
}

const char *
action_hint(enum action a)
{
	return action_info(a)->hint;
}

const char *
action_help(enum action a)
{
	return action_info(a)->help;
}

enum action
action_from_name(const char *name)
{
	int a;

	if (name == NULL)
		return ACT_NONE;
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++)
		if (strcmp(action_table[a].name, name) == 0)
			return (enum action)a;
	return ACT_NONE;
}
