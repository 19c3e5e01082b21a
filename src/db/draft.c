/* draft.c - the draft table. */
#include "peerdesk/db/draft.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "db_priv.h"

static const char sql_save[] =
	"INSERT INTO draft (staff_id, form, record_key, content, saved_at) "
	"VALUES (:staff_id, :form, :key, :content, :now) "
	"ON CONFLICT (staff_id, form, record_key) DO UPDATE SET "
	"content = excluded.content, saved_at = excluded.saved_at";
static const char sql_load[] =
	"SELECT content, saved_at FROM draft WHERE staff_id = :staff_id "
	"AND form = :form AND record_key = :key";
static const char sql_delete[] =
	"DELETE FROM draft WHERE staff_id = :staff_id AND form = :form "
	"AND record_key = :key";
static const char sql_list[] =
	"SELECT form, record_key, content, saved_at FROM draft "
	"WHERE staff_id = :staff_id ORDER BY saved_at DESC, id DESC";

static void
draft_bind(sqlite3_stmt *st, int64_t staff_id, const char *form,
    const char *key)
{
	db_bind_int64(st, ":staff_id", staff_id);
	db_bind_text(st, ":form", form != NULL ? form : "");
	db_bind_text(st, ":key", key != NULL ? key : "");
}

enum pd_status
db_draft_save(struct db *db, int64_t staff_id, const char *form,
    const char *key, const char *content, struct pd_err *err)
{
	sqlite3_stmt *st;
	char now[21];

	if (form == NULL || form[0] == '\0')
		return pd_fail(err, PD_INVALID, NULL,
		    "internal error: a draft needs a form name");
	if ((st = db_stmt(db, sql_save, err)) == NULL)
		return PD_DB;
	db_now(now);
	draft_bind(st, staff_id, form, key);
	db_bind_text(st, ":content", content != NULL ? content : "");
	db_bind_text(st, ":now", now);
	return db_exec_stmt(db, st, err);
}

enum pd_status
db_draft_load(struct db *db, int64_t staff_id, const char *form,
    const char *key, char **content_out, char saved_at[21],
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_load, err);
	enum pd_status rc;

	*content_out = NULL;
	if (st == NULL)
		return PD_DB;
	draft_bind(st, staff_id, form, key);
	rc = db_step_row(db, st, err);
	if (rc == PD_OK) {
		*content_out = db_col_str(st, 0);
		if (*content_out == NULL)
			*content_out = xstrdup("");
		db_col_copy(st, 1, saved_at, 21);
	} else if (rc == PD_NOT_FOUND) {
		pd_fail(err, rc, NULL, "there is no draft to bring back");
	}
	db_done(st);
	return rc;
}

enum pd_status
db_draft_delete(struct db *db, int64_t staff_id, const char *form,
    const char *key, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_delete, err);

	if (st == NULL)
		return PD_DB;
	draft_bind(st, staff_id, form, key);
	return db_exec_stmt(db, st, err);
}

enum pd_status
db_draft_list(struct db *db, int64_t staff_id,
    int (*cb)(void *arg, const struct draft_row *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_list, ":staff_id", staff_id, err);
	struct draft_row row;
	char *form, *key, *content;
	int rc = SQLITE_DONE, stop = 0;

	if (st == NULL)
		return PD_DB;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		row.form = form = db_col_str(st, 0);
		row.key = key = db_col_str(st, 1);
		row.content = content = db_col_str(st, 2);
		db_col_copy(st, 3, row.saved_at, sizeof row.saved_at);
		stop = cb(arg, &row);
		free(form);
		free(key);
		free(content);
	}
	return db_end(db, st, rc, err);
}
