/* audit.h - the audit trail on screen, for the manager
 * (src/tui/screens/audit.c).
 *
 *   audit_screen        "Audit trail": who did what, when, to which
 *                       record, newest first; paged from the database,
 *                       type to narrow, Tab to show one client, one
 *                       person or some dates.  arg: NULL (everything)
 *                       or a const int64_t * client id to start with.
 *                       Managers only (app_audit_count refuses others).
 *   audit_entry_screen  one row in full, before and after included.
 *                       arg: a const struct audit_entry * (copied).
 */
#ifndef PEERDESK_TUI_AUDIT_H
#define PEERDESK_TUI_AUDIT_H

#include "peerdesk/tui/screen.h"

extern const struct screen_ops audit_screen;
extern const struct screen_ops audit_entry_screen;

#endif
