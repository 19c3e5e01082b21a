/* dbfile_priv.h - whole database files made, placed and set aside
 * (backup, restore, demo), shared by src/app only.
 *
 * A new file is always made under a temporary name beside where it is
 * to go, synced, and then renamed into place, so a crash or a full disk
 * leaves either no file or a whole one under the real name.  The callers
 * decide which rights they act with: in the data folder they hold the
 * peerdesk group (privilege_raise) around exactly these calls; beside a
 * person's own file they act with the person's rights.
 */
#ifndef PEERDESK_APP_DBFILE_PRIV_H
#define PEERDESK_APP_DBFILE_PRIV_H

#include "peerdesk/core/status.h"

/* A new empty file "<path>.<tag>-XXXXXX" beside path, mode 0600, made
 * with O_EXCL (never through a link).  *fd stays open (for syncing);
 * *tmp gets its name, freed by the caller. */
enum pd_status dbfile_temp(const char *path, const char *tag, int *fd,
    char **tmp, struct pd_err *err);

/* fsync fd and close it (also on error). */
enum pd_status dbfile_sync_close(int fd, const char *path,
    struct pd_err *err);

/* Rename tmp to path, never replacing what is there (PD_DUPLICATE),
 * then sync the folder so the new name survives a power cut. */
enum pd_status dbfile_place(const char *tmp, const char *path,
    struct pd_err *err);

/* Rename path (and its -wal, when there) to aside, replacing nothing,
 * remove its -shm, and sync the folder.  Nothing to do if path is not
 * there (*moved 0). */
enum pd_status dbfile_set_aside(const char *path, const char *aside,
    int *moved, struct pd_err *err);

/* A copy made with SQLite's backup API from a database in WAL mode says
 * "WAL" in its header (bytes 18 and 19), so the next reader would make a
 * -wal and -shm beside it; a whole copy needs neither.  Mark the file fd
 * holds as a rollback-journal database (what journal_mode=DELETE writes)
 * when it is an SQLite file marked WAL.  Call with no connection open on
 * it. */
enum pd_status dbfile_unwal(int fd, const char *path, struct pd_err *err);

/* Remove tmp and the -journal, -wal and -shm SQLite may have left. */
void dbfile_remove(const char *tmp);

/* "<path>.before-restore-YYYYMMDDTHHMMSSZ" (now, UTC), new memory. */
char *dbfile_aside_name(const char *path);

#endif
