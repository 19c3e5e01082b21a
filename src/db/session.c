/* session.c - session notes. */
#include "peerdesk/db/session.h"

#include <string.h>

#include "db_priv.h"

#define SESSION_COLS \
	"s.id, s.client_id, s.pal_id, s.date, s.start_time, s.minutes," \
	" s.place, s.did, s.went_well, s.follow_up, s.status, s.version"

static const char sql_session_insert[] =
	"INSERT INTO session (client_id, pal_id, date, start_time, minutes,"
	" place, did, went_well, follow_up, status, created_at, created_by)"
	" VALUES (:client_id, :pal_id, :date, :start_time, :minutes, :place,"
	" :did, :went_well, :follow_up, :status, :now, :by)";

static const char sql_session_get[] =
	"SELECT " SESSION_COLS " FROM session s"
	" WHERE s.id = :id AND " DB_IN_SCOPE("s.client_id");

static const char sql_session_update[] =
	"UPDATE session SET client_id = :client_id, pal_id = :pal_id,"
	" date = :date, start_time = :start_time, minutes = :minutes,"
	" place = :place, did = :did, went_well = :went_well,"
	" follow_up = :follow_up, status = :status, updated_at = :now,"
	" version = version + 1"
	" WHERE id = :id AND version = :version";

static const char sql_session_booked[] =
	"SELECT " SESSION_COLS " FROM session s"
	" WHERE s.pal_id = :pal_id AND s.date BETWEEN :first AND :last"
	" AND s.status = 'booked'"
	" ORDER BY s.date, coalesce(s.start_time, ''), s.id";

static const char sql_session_booked_due[] =
	"SELECT count(*) FROM session"
	" WHERE pal_id = :pal_id AND date <= :today AND status = 'booked'";

static const char sql_session_probe[] =
	DB_PROBE_AUDITED("session");

static const char sql_session_unlink_override[] =
	"UPDATE limit_override SET line_id = NULL WHERE line_id IN"
	" (SELECT id FROM timesheet_line WHERE session_id = :id)";

static const char sql_session_delete_line[] =
	"DELETE FROM timesheet_line WHERE session_id = :id";

static const char sql_session_delete[] =
	"DELETE FROM session WHERE id = :id";

static const char sql_session_list[] =
	"SELECT " SESSION_COLS " FROM session s"
	" WHERE s.client_id = :client_id AND " DB_IN_SCOPE("s.client_id")
	" ORDER BY s.date DESC, s.start_time DESC, s.id DESC"
	" LIMIT :limit OFFSET :offset";

static void
session_read(sqlite3_stmt *st, struct session *s)
{
	char buf[16];

	memset(s, 0, sizeof *s);
	s->id = db_col_int(st, 0, 0);
	s->client_id = db_col_int(st, 1, 0);
	s->pal_id = db_col_int(st, 2, 0);
	db_col_date(st, 3, s->date);
	db_col_copy(st, 4, s->start_time, sizeof s->start_time);
	s->minutes = (int)db_col_int(st, 5, 0);
	db_col_copy(st, 6, buf, sizeof buf);
	if (place_from_str(buf, &s->place) != 0)
		s->place = PLACE_OTHER;
	s->did = db_col_str(st, 7);
	s->went_well = db_col_str(st, 8);
	s->follow_up = db_col_str(st, 9);
	db_col_copy(st, 10, buf, sizeof buf);
	s->booked = strcmp(buf, "booked") == 0;
	s->version = (int)db_col_int(st, 11, 1);
}

static void
session_bind(sqlite3_stmt *st, const struct session *s)
{
	char now[21];

	db_now(now);
	db_bind_int64(st, ":client_id", s->client_id);
	db_bind_int64(st, ":pal_id", s->pal_id);
	db_bind_text(st, ":date", s->date);
	db_bind_text_opt(st, ":start_time", s->start_time);
	db_bind_int64(st, ":minutes", s->minutes);
	db_bind_text(st, ":place", place_str(s->place));
	db_bind_text_opt(st, ":did", s->did);
	db_bind_text_opt(st, ":went_well", s->went_well);
	db_bind_text_opt(st, ":follow_up", s->follow_up);
	db_bind_text(st, ":status", s->booked ? "booked" : "done");
	db_bind_text(st, ":now", now);
}

enum pd_status
db_session_insert(struct db *db, struct session *s, int64_t by,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_session_insert, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	session_bind(st, s);
	db_bind_id_opt(st, ":by", by);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	s->id = db_last_id(db);
	s->version = 1;
	return PD_OK;
}

enum pd_status
db_session_get(struct db *db, int64_t id, int64_t scope_pal,
    struct session *out, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_session_get, ":id",
	    id, scope_pal, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	if ((rc = db_one(db, st, "That session cannot be found.",
	    err)) != PD_OK)
		return rc;
	session_read(st, out);
	db_done(st);
	return PD_OK;
}

enum pd_status
db_session_update(struct db *db, struct session *s, int64_t by,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_session_update, err);

	(void)by;	/* the schema keeps no updated_by; app/ audits */
	if (st == NULL)
		return PD_DB;
	session_bind(st, s);
	return db_exec_versioned(db, st, s->id, &s->version, sql_session_probe,
	    "session", err);
}

enum pd_status
db_session_delete(struct db *db, int64_t id, struct pd_err *err)
{
	static const char *const steps[] = {
		sql_session_unlink_override, sql_session_delete_line,
		sql_session_delete
	};
	enum pd_status rc = PD_OK;
	size_t i, last = sizeof steps / sizeof steps[0] - 1;

	/* Only the last step, the session itself, must find its row. */
	for (i = 0; rc == PD_OK && i <= last; i++)
		rc = db_exec_id(db, steps[i], id, i == last ?
		    "That session cannot be found." : NULL, err);
	return rc;
}

enum pd_status
db_session_list(struct db *db, int64_t client_id, int64_t scope_pal,
    int offset, int limit, db_session_cb cb, void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_session_list, ":client_id",
	    client_id, scope_pal, err);
	enum pd_status rc = PD_OK;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":limit", limit > 0 ? limit : -1);
	db_bind_int64(st, ":offset", offset > 0 ? offset : 0);
	DB_EACH(db, st, struct session, session_read, session_fini, cb, arg,
	    err, rc);
	return rc;
}

enum pd_status
db_session_booked(struct db *db, int64_t pal_id, const char *first,
    const char *last, db_session_cb cb, void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_session_booked, err);
	enum pd_status rc = PD_OK;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":first", first);
	db_bind_text(st, ":last", last);
	DB_EACH(db, st, struct session, session_read, session_fini, cb, arg,
	    err, rc);
	return rc;
}

enum pd_status
db_session_booked_due(struct db *db, int64_t pal_id, const char *today,
    int *n, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_session_booked_due, err);
	enum pd_status rc;

	*n = 0;
	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":today", today);
	if ((rc = db_step_row(db, st, err)) == PD_OK)
		*n = (int)db_col_int(st, 0, 0);
	db_done(st);
	return rc;
}
