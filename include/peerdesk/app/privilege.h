/* privilege.h - living with the setgid group that alone opens the database.
 *
 * Installed for many users, peerdesk is setgid to group peerdesk: the
 * process runs with the real ids of the person and the effective group
 * peerdesk (docs/admin.md "Installing for many users").  The group is for
 * the database only: it must never reach a program we start ($EDITOR,
 * the print command), and files we create in the data folder must stay
 * readable and writable by the group.
 */
#ifndef PEERDESK_APP_PRIVILEGE_H
#define PEERDESK_APP_PRIVILEGE_H

#include <stdbool.h>

#include "peerdesk/core/status.h"

/* First thing in main: set the umask to 077 (what peerdesk makes is the
 * person's alone unless shared on purpose) and, when started setgid,
 * set the effective group back to the person's own, keeping the peerdesk
 * group only as the saved set-group-ID for privilege_raise.  From here on
 * every file is opened with the person's own rights.  PD_DENIED if the
 * ids could not be changed: then stop. */
enum pd_status privilege_init(struct pd_err *err);

/* True when the process was started with ids other than the person's
 * own (setgid).  Then only the system settings count (no --db, --config,
 * PEERDESK_CONFIG, --today or PEERDESK_TODAY). */
bool privilege_elevated(void);

/* Take the peerdesk group up (privilege_raise) and put it down again
 * (privilege_lower); they nest.  Only around opening, creating, sharing
 * or replacing the database and its -wal/-shm, whose paths come from the
 * system settings: never around a path a person gave.  Nothing to do
 * when not started setgid.  PD_DENIED if the ids could not be changed. */
enum pd_status privilege_raise(struct pd_err *err);
enum pd_status privilege_lower(struct pd_err *err);

/* True between privilege_raise and its privilege_lower (for checks). */
bool privilege_raised(void);

/* Give up the setgid group (and a setuid user) for good: real, effective
 * and saved ids all become the real ones, checked afterwards.  Call in
 * the child between fork() and exec() of $EDITOR or the print command.
 * PD_DENIED if the ids could not be dropped: then do not exec. */
enum pd_status privilege_drop(struct pd_err *err);

/* For a file this process has just created in the data folder (the
 * database): when elevated, make it mode 0660, so that every person
 * running peerdesk can use it through the group, whatever their umask.
 * Does nothing when not elevated.  PD_IO if the mode cannot be set. */
enum pd_status privilege_share_file(const char *path, struct pd_err *err);

/* While a file of the person's own is read (their keys.yaml): act with
 * the real user and group only, so a link to one of the group's files
 * reads nothing the person could not read themselves.  Nothing to do
 * when not elevated.  privilege_resume() takes the group back. */
enum pd_status privilege_suspend(struct pd_err *err);
enum pd_status privilege_resume(struct pd_err *err);

/* privilege_share_file for a database this process created, and for its
 * -wal, -shm and -journal files when they are there (peerdesk init), so
 * a setgid install needs no chmod by hand. */
enum pd_status privilege_share_db(const char *db_path, struct pd_err *err);

/* s = call, with the group up around it (privilege_raise/lower); s is
 * the first failure.  For the data folder's own files only (see above);
 * uses a struct pd_err *err in scope. */
#define PRIVILEGE_RAISED(s, call) do { \
	if ((s = privilege_raise(err)) == PD_OK) { \
		s = (call); \
		if (privilege_lower(s == PD_OK ? err : NULL) != PD_OK && \
		    s == PD_OK) \
			s = PD_DENIED; \
	} \
} while (0)

#endif
