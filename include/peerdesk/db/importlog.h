/* importlog.h - which files were imported, when and by whom, and which
 * timesheet lines an import brought in: so the same file, or the same
 * lines, are not imported twice by mistake. */
#ifndef PEERDESK_DB_IMPORTLOG_H
#define PEERDESK_DB_IMPORTLOG_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/timesheet.h"

/* One earlier import. */
struct import_seen {
	int64_t id;
	char at[21];		/* UTC moment */
	char *who;		/* the staff member's name, else login, else
				 * "peerdesk" */
	char *file_name;
	long rows;
};

void import_seen_fini(struct import_seen *s);

/* The latest import of kind ("pals", "timesheet", "clients") whose
 * file had SHA-256 hash.  PD_NOT_FOUND when there is none. */
enum pd_status db_import_find(struct db *db, const char *kind,
    const char *hash, struct import_seen *out, struct pd_err *err);

/* Record an import as it starts (inside its transaction, rows 0); *id
 * gets its number, for the lines it brings in (ts_line.import_id). */
enum pd_status db_import_record(struct db *db, const char *kind,
    const char *hash, const char *file_name, bool again, int64_t actor_id,
    const char *actor_login, int64_t *id, struct pd_err *err);

/* Set how many rows import id brought in, as it ends. */
enum pd_status db_import_rows(struct db *db, int64_t id, long rows,
    struct pd_err *err);

/* A line of the same PAL, date, minutes, kind, client and note as l,
 * already there: *twin_id its number, and when an import brought it,
 * *seen that import (seen->id 0 when it was typed in or came from a
 * session).  PD_NOT_FOUND when there is none. */
enum pd_status db_import_twin(struct db *db, const struct ts_line *l,
    int64_t *twin_id, struct import_seen *seen, struct pd_err *err);

#endif
