/* userfile.h - the files a person names: opened with their own rights,
 * never onto the database.
 *
 * Every file peerdesk reads or writes at a path a person gave or controls
 * (exports, PDFs, SAR bundles, backups, reports, imports, restore's
 * source) goes through here.  By then the setgid group is already down
 * (privilege.h), so the kernel checks the person's own rights; on top of
 * that these calls refuse, with a plain message, the database itself, its
 * -wal and -shm, anything in its folder, and a link as the last part of a
 * path to be written, even for root or a database of the person's own.
 * "-" means standard output (writing) or standard input (reading).
 */
#ifndef PEERDESK_APP_USERFILE_H
#define PEERDESK_APP_USERFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"

/* Remember the database at db_path (and its -wal, -shm and folder) as the
 * files no person's path may reach.  Called by app_open while the
 * database's folder can still be seen.  A later call replaces it. */
void userfile_protect(const char *db_path);

/* Flags for userfile_create and userfile_save. */
enum {
	USERFILE_NEW = 1	/* never overwrite: PD_DUPLICATE if it exists */
};

/* The folder part of path ("." when there is none), in new memory. */
char *userfile_parent(const char *path);

/* True for "-" (standard input or output). */
bool userfile_is_std(const char *path);

/* May path be written (created or replaced) by this person?  PD_OK, or
 * PD_DENIED naming why (the database, its folder, a link), PD_INVALID
 * for an empty path.  Opens nothing; for SQLite's own writers (backup),
 * which then also check the file they made with userfile_check_fd. */
enum pd_status userfile_check_target(const char *path, struct pd_err *err);

/* PD_DENIED if the open file fd is the database, its -wal or -shm. */
enum pd_status userfile_check_fd(int fd, const char *path,
    struct pd_err *err);

/* Open path for writing, mode 0600 when new, never through a link, never
 * onto the database: *fd is ready at offset 0 and empty.  "-" gives a
 * copy of standard output.  *created says whether the file is new (so a
 * failed write can remove it).  PD_DUPLICATE with USERFILE_NEW when it
 * exists; PD_DENIED, PD_IO otherwise, the message naming path. */
enum pd_status userfile_create(const char *path, unsigned flags, int *fd,
    bool *created, struct pd_err *err);

/* Write all n bytes; PD_FULL on a full disk, PD_IO otherwise. */
enum pd_status userfile_write(int fd, const void *p, size_t n,
    const char *path, struct pd_err *err);

/* Flush (fsync for a regular file) and close fd, checking both. */
enum pd_status userfile_finish(int fd, const char *path, struct pd_err *err);

/* Create, write n bytes, finish; a new file that could not be written
 * whole is removed. */
enum pd_status userfile_save(const char *path, const void *p, size_t n,
    unsigned flags, struct pd_err *err);

struct app;

/* userfile_save, then an audit row in its own transaction saying what
 * was written where ("wrote WHAT to PATH", action on entity, entity_id,
 * client_id).  A new file whose audit row cannot be written is removed:
 * no copy leaves without its record. */
enum pd_status userfile_save_audited(struct app *app, const char *path,
    const void *p, size_t n, unsigned flags, const char *action,
    const char *entity, int64_t entity_id, int64_t client_id,
    const char *what, struct pd_err *err);

/* Open path for reading with the person's rights ("-": standard input):
 * never the database or its -wal/-shm, never a folder. */
enum pd_status userfile_open_read(const char *path, int *fd,
    struct pd_err *err);

/* Read the whole of path ("-": standard input) into out, refusing more
 * than max bytes (PD_LIMIT). */
enum pd_status userfile_read_all(const char *path, size_t max,
    struct strbuf *out, struct pd_err *err);

#endif
