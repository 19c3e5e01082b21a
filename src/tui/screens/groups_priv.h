/* groups_priv.h - shared by one group's page (group.c) and a meeting's
 * register (group_register.c). */
#ifndef PEERDESK_TUI_SCREENS_GROUPS_PRIV_H
#define PEERDESK_TUI_SCREENS_GROUPS_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "peerdesk/model/group.h"
#include "peerdesk/tui/screen.h"

/* The length ("1h30") or the day typed into a dialog (text NULL: none)
 * into m; false, with the problem in the status line, when it does not
 * read. */
bool group_typed(struct screen *s, const char *text, bool length,
    struct group_meeting *m);

#endif
