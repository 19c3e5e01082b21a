/* group_screens.h - groups and drop-ins, a meeting's register, and the
 * outcomes report on screen (src/tui/screens/groups.c).
 *
 *   groups_screen    "Groups and drop-ins": every group (a PAL: their
 *                    own), Enter opens one.  arg NULL.  40x15.
 *   group_screen     one group: when and where, who runs it, its
 *                    meetings; Enter shows who came, r takes the
 *                    register of a new meeting.  arg: const int64_t *.
 *   register_screen  a meeting's register in a few keys at 40 columns:
 *                    Space marks who came, a adds a first name, + and -
 *                    count people not named, t the length, e the date;
 *                    Ctrl-S shows the room left in the PAL's week and
 *                    asks before saving.  arg: const int64_t * group.
 *   outcomes_screen  the outcomes report for a quarter (managers);
 *                    Left and Right move a quarter.  arg NULL.  80x24.
 */
#ifndef PEERDESK_TUI_GROUP_SCREENS_H
#define PEERDESK_TUI_GROUP_SCREENS_H

#include "peerdesk/tui/screen.h"

extern const struct screen_ops groups_screen;
extern const struct screen_ops group_screen;
extern const struct screen_ops register_screen;
extern const struct screen_ops outcomes_screen;

#endif
