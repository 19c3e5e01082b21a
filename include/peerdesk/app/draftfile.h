/* draftfile.h - where a draft goes when the database cannot take it (a
 * full disk, a broken connection at hangup): a private file of the
 * person's own, offered back at the next start like a database draft.
 *
 * The folder is $XDG_STATE_HOME/peerdesk (when XDG_STATE_HOME is an
 * absolute path), else ~/.local/state/peerdesk (home from the password
 * file, not $HOME), made with mode 0700 and used only when it is a real
 * folder (not a link) owned by the person and open to nobody else.  Each
 * draft is one file, mode 0600, created new (O_EXCL, O_NOFOLLOW) under a
 * temporary name and renamed into place, never written through a link.
 * The files are read and written with the person's own rights only (the
 * setgid group is put aside meanwhile).  app_draft_* in signin.h and
 * drafts.h use these; nothing else needs to.
 */
#ifndef PEERDESK_APP_DRAFTFILE_H
#define PEERDESK_APP_DRAFTFILE_H

#include "peerdesk/core/status.h"
#include "peerdesk/model/draft.h"

/* The folder's path (a new string), without making it. */
enum pd_status draftfile_dir(char **dir, struct pd_err *err);

/* Keep content as login's draft of form for record key ("" for a new
 * record), replacing an older file of the same.  *path (may be NULL)
 * gets the file's path.  PD_DENIED when the folder is not safe to use. */
enum pd_status draftfile_save(const char *login, const char *form,
    const char *key, const char *content, char **path, struct pd_err *err);

/* Call cb for each of login's draft files (no folder: none), as
 * draft_rows; nonzero from cb stops. */
enum pd_status draftfile_list(const char *login,
    int (*cb)(void *arg, const struct draft_row *row), void *arg,
    struct pd_err *err);

/* Read login's draft of form/key: *content a new string, saved_at its
 * UTC moment.  PD_NOT_FOUND when there is none. */
enum pd_status draftfile_load(const char *login, const char *form,
    const char *key, char **content, char saved_at[21], struct pd_err *err);

/* Remove it; PD_OK also when there was none. */
enum pd_status draftfile_delete(const char *login, const char *form,
    const char *key, struct pd_err *err);

#endif
