/* draft.h - half-written form text, kept per person, form and record so
 * nothing typed is lost to a crash or a dropped connection. */
#ifndef PEERDESK_DB_DRAFT_H
#define PEERDESK_DB_DRAFT_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/draft.h"

/* Save (or replace) staff_id's draft of form for record key (NULL or ""
 * for a new record), stamped now. */
enum pd_status db_draft_save(struct db *db, int64_t staff_id,
    const char *form, const char *key, const char *content,
    struct pd_err *err);

/* Load that draft: *content_out is a new string the caller frees,
 * saved_at gets its moment.  PD_NOT_FOUND if there is none. */
enum pd_status db_draft_load(struct db *db, int64_t staff_id,
    const char *form, const char *key, char **content_out,
    char saved_at[21], struct pd_err *err);

/* Remove that draft; PD_OK also when there was none. */
enum pd_status db_draft_delete(struct db *db, int64_t staff_id,
    const char *form, const char *key, struct pd_err *err);

/* Call cb for each of staff_id's drafts, newest first; nonzero stops. */
enum pd_status db_draft_list(struct db *db, int64_t staff_id,
    int (*cb)(void *arg, const struct draft_row *row), void *arg,
    struct pd_err *err);

#endif
