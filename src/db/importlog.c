/* importlog.c - the import log and line twins (see importlog.h). */
#include "peerdesk/db/importlog.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "db_priv.h"

#define SEEN_COLS "i.id, i.imported_at, coalesce(s.name, i.actor_login, " \
	"'peerdesk'), i.file_name, i.rows"

static const char sql_find[] =
	"SELECT " SEEN_COLS " FROM import_log i "
	"LEFT JOIN staff s ON s.id = i.actor_id "
	"WHERE i.kind = :kind AND i.content_hash = :hash "
	"ORDER BY i.id DESC LIMIT 1";
static const char sql_record[] =
	"INSERT INTO import_log (kind, content_hash, file_name, rows, again, "
	"imported_at, actor_id, actor_login) VALUES (:kind, :hash, :file, "
	":rows, :again, :at, :actor_id, :actor_login)";
static const char sql_rows[] =
	"UPDATE import_log SET rows = :rows WHERE id = :id";
/* timesheet_line_pal_date finds the PAL's lines of the day */
static const char sql_twin[] =
	"SELECT l.id, " SEEN_COLS " FROM timesheet_line l "
	"LEFT JOIN import_log i ON i.id = l.import_id "
	"LEFT JOIN staff s ON s.id = i.actor_id "
	"WHERE l.pal_id = :pal_id AND l.date = :date AND l.minutes = :minutes "
	"AND l.kind = :kind AND l.client_id IS :client_id "
	"AND coalesce(l.note, '') = :note "
	"ORDER BY l.import_id IS NULL, l.id LIMIT 1";

void
import_seen_fini(struct import_seen *s)
{
	if (s == NULL)
		return;
	free(s->who);
	free(s->file_name);
	memset(s, 0, sizeof *s);
}

static void
import_seen_row(sqlite3_stmt *st, int i, struct import_seen *out)
{
	memset(out, 0, sizeof *out);
	out->id = db_col_int(st, i, 0);
	db_col_copy(st, i + 1, out->at, sizeof out->at);
	out->who = db_col_str(st, i + 2);
	out->file_name = db_col_str(st, i + 3);
	out->rows = (long)db_col_int(st, i + 4, 0);
}

enum pd_status
db_import_find(struct db *db, const char *kind, const char *hash,
    struct import_seen *out, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_find, err);
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return PD_DB;
	db_bind_text(st, ":kind", kind);
	db_bind_text(st, ":hash", hash);
	if ((s = db_step_row(db, st, err)) == PD_OK)
		import_seen_row(st, 0, out);
	db_done(st);
	return s;
}

enum pd_status
db_import_record(struct db *db, const char *kind, const char *hash,
    const char *file_name, bool again, int64_t actor_id,
    const char *actor_login, int64_t *id, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_record, err);
	enum pd_status s;
	char now[21];

	if (st == NULL)
		return PD_DB;
	db_now(now);
	db_bind_text(st, ":kind", kind);
	db_bind_text(st, ":hash", hash);
	db_bind_text(st, ":file", file_name);
	db_bind_int64(st, ":rows", 0);
	db_bind_int64(st, ":again", again != 0);
	db_bind_text(st, ":at", now);
	db_bind_id_opt(st, ":actor_id", actor_id);
	db_bind_text_opt(st, ":actor_login", actor_login);
	s = db_exec_stmt(db, st, err);
	if (s == PD_OK && id != NULL)
		*id = sqlite3_last_insert_rowid(db->h);
	return s;
}

enum pd_status
db_import_rows(struct db *db, int64_t id, long rows, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_rows, err);

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	db_bind_int64(st, ":rows", rows);
	return db_exec_stmt(db, st, err);
}

enum pd_status
db_import_twin(struct db *db, const struct ts_line *l, int64_t *twin_id,
    struct import_seen *seen, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_twin, err);
	enum pd_status s;

	*twin_id = 0;
	memset(seen, 0, sizeof *seen);
	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", l->pal_id);
	db_bind_text(st, ":date", l->date);
	db_bind_int64(st, ":minutes", l->minutes);
	db_bind_text(st, ":kind", line_kind_str(l->kind));
	db_bind_id_opt(st, ":client_id", l->client_id);
	db_bind_text(st, ":note", l->note != NULL ? l->note : "");
	if ((s = db_step_row(db, st, err)) == PD_OK) {
		*twin_id = db_col_int(st, 0, 0);
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			import_seen_row(st, 1, seen);
	}
	db_done(st);
	return s;
}
