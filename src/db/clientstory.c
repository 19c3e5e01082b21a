/* clientstory.c - a client's status history, counts, merging (SQL). */
#include "peerdesk/db/clientstory.h"

#include <stdbool.h>
#include <string.h>

#include "db_priv.h"

static const char sql_change_insert[] =
	"INSERT INTO client_status_change (client_id, episode, status, "
	"on_date, reason, note, created_at, created_by) VALUES (:client, "
	":episode, :status, :on, :reason, :note, :now, :by)";
static const char sql_change_list[] =
	"SELECT h.id, h.client_id, h.episode, h.status, h.on_date, h.reason, "
	"h.note, h.created_at, s.name FROM client_status_change h "
	"LEFT JOIN staff s ON s.id = h.created_by "
	"WHERE h.client_id = :client ORDER BY h.on_date, h.id";
static const char sql_set_status[] =
	"UPDATE client SET status = :status, status_changed_on = :on, "
	"closed_on = CASE WHEN :status = 'closed' THEN :on END, "
	"closed_reason = :reason, episode = :episode, "
	"merged_into = coalesce(:merged, merged_into), updated_at = :now, "
	"updated_by = :by, version = version + 1 WHERE id = :id";
static const char sql_counts[] =
	"SELECT c.status, count(*) FROM client c WHERE c.merged_into IS NULL "
	"AND " DB_IN_SCOPE("c.id") " GROUP BY c.status";
static const char sql_for_match[] =
	"SELECT id, name, preferred_name, date_of_birth, phone, status "
	"FROM client WHERE merged_into IS NULL AND anonymised_at IS NULL "
	"ORDER BY id";
static const char sql_has_plan[] =
	"SELECT count(*) FROM plan WHERE client_id = :id";

/* One statement per table; :keep and :other bound. */
static const char sql_move_ally[] =
	"UPDATE client_ally SET client_id = :keep WHERE client_id = :other";
static const char sql_move_referral[] =
	"UPDATE referral SET client_id = :keep WHERE client_id = :other";
static const char sql_move_funding[] =
	"UPDATE funding SET client_id = :keep WHERE client_id = :other";
static const char sql_move_shortlist[] =
	"UPDATE shortlist SET client_id = :keep WHERE client_id = :other";
static const char sql_move_assignment[] =
	"UPDATE assignment SET client_id = :keep WHERE client_id = :other";
static const char sql_move_session[] =
	"UPDATE session SET client_id = :keep WHERE client_id = :other";
static const char sql_move_line[] =
	"UPDATE timesheet_line SET client_id = :keep WHERE client_id = :other";
/* A group meeting both records came to keeps one attendance: the other
 * record's row for it is dropped. */
static const char sql_move_attendance[] =
	"UPDATE OR IGNORE group_attendance SET client_id = :keep "
	"WHERE client_id = :other";
static const char sql_drop_attendance[] =
	"DELETE FROM group_attendance WHERE client_id = :other AND :keep > 0";
static const char sql_move_plan[] =
	"UPDATE plan SET client_id = :keep WHERE client_id = :other";
static const char sql_move_draft[] =
	"UPDATE OR IGNORE draft SET record_key = CAST(:keep AS TEXT) "
	"WHERE form = 'kept:client-edit' AND record_key = CAST(:other AS TEXT)";

enum pd_status
db_status_change_insert(struct db *db, int64_t client_id, int episode,
    enum client_status st, const char *on, enum closed_reason reason,
    const char *note, int64_t by, struct pd_err *err)
{
	sqlite3_stmt *s = db_stmt(db, sql_change_insert, err);
	char now[21];

	if (s == NULL)
		return PD_DB;
	if (client_status_str(st) == NULL)
		return db_bad_value(err, "status", "the status");
	db_now(now);
	db_bind_int64(s, ":client", client_id);
	db_bind_int64(s, ":episode", episode > 0 ? episode : 1);
	db_bind_text(s, ":status", client_status_str(st));
	db_bind_text(s, ":on", on);
	db_bind_text_opt(s, ":reason", closed_reason_str(reason));
	db_bind_text_opt(s, ":note", note);
	db_bind_text(s, ":now", now);
	db_bind_id_opt(s, ":by", by);
	return db_exec_stmt(db, s, err);
}

enum pd_status
db_status_change_list(struct db *db, int64_t client_id,
    int (*cb)(void *arg, const struct status_change *c), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *s = db_stmt(db, sql_change_list, err);
	int rc;

	if (s == NULL)
		return PD_DB;
	db_bind_int64(s, ":client", client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct status_change c;
		int stop;

		memset(&c, 0, sizeof c);
		c.id = db_col_int(s, 0, 0);
		c.client_id = db_col_int(s, 1, 0);
		c.episode = (int)db_col_int(s, 2, 1);
		if (client_status_from_str((const char *)sqlite3_column_text(s,
		    3), &c.status) != 0)
			c.status = CLIENT_REFERRED;
		db_col_copy(s, 4, c.on_date, sizeof c.on_date);
		if (closed_reason_from_str((const char *)sqlite3_column_text(s,
		    5), &c.reason) != 0)
			c.reason = CLOSED_NONE;
		c.note = db_col_str(s, 6);
		db_col_copy(s, 7, c.created_at, sizeof c.created_at);
		c.by_name = db_col_str(s, 8);
		stop = cb(arg, &c);
		status_change_fini(&c);
		if (stop)
			break;
	}
	return db_end(db, s, rc, err);
}

enum pd_status
db_client_set_status(struct db *db, int64_t id, enum client_status st,
    const char *on, enum closed_reason reason, int episode,
    int64_t merged_into, int64_t by, struct pd_err *err)
{
	sqlite3_stmt *s = db_stmt(db, sql_set_status, err);
	char now[21];
	enum pd_status rc;

	if (s == NULL)
		return PD_DB;
	db_now(now);
	db_bind_text(s, ":status", client_status_str(st));
	db_bind_text(s, ":on", on);
	db_bind_text_opt(s, ":reason", closed_reason_str(reason));
	db_bind_int64(s, ":episode", episode > 0 ? episode : 1);
	db_bind_id_opt(s, ":merged", merged_into);
	db_bind_text(s, ":now", now);
	db_bind_id_opt(s, ":by", by);
	db_bind_int64(s, ":id", id);
	if ((rc = db_exec_stmt(db, s, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "that client's record was not found");
	return PD_OK;
}

enum pd_status
db_client_status_counts(struct db *db, int64_t scope_pal, int counts[5],
    struct pd_err *err)
{
	sqlite3_stmt *s = db_stmt(db, sql_counts, err);
	int rc;

	memset(counts, 0, 5 * sizeof counts[0]);
	if (s == NULL)
		return PD_DB;
	db_scope_bind(s, scope_pal);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		enum client_status st;

		if (client_status_from_str((const char *)sqlite3_column_text(s,
		    0), &st) == 0)
			counts[st] = (int)db_col_int(s, 1, 0);
	}
	return db_end(db, s, rc, err);
}

enum pd_status
db_client_each_for_match(struct db *db,
    int (*cb)(void *arg, int64_t id, const char *name, const char *pref,
    const char *dob, const char *phone, const char *status), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *s = db_stmt(db, sql_for_match, err);
	int rc;

	if (s == NULL)
		return PD_DB;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *dob = (const char *)sqlite3_column_text(s, 3);

		if (cb(arg, db_col_int(s, 0, 0),
		    (const char *)sqlite3_column_text(s, 1),
		    (const char *)sqlite3_column_text(s, 2),
		    dob != NULL ? dob : "",
		    (const char *)sqlite3_column_text(s, 4),
		    (const char *)sqlite3_column_text(s, 5)))
			break;
	}
	return db_end(db, s, rc, err);
}

enum pd_status
db_client_has_plan(struct db *db, int64_t id, bool *has, struct pd_err *err)
{
	sqlite3_stmt *s = db_stmt(db, sql_has_plan, err);
	enum pd_status rc;

	*has = false;
	if (s == NULL)
		return PD_DB;
	db_bind_int64(s, ":id", id);
	rc = db_step_row(db, s, err);
	if (rc == PD_OK)
		*has = db_col_int(s, 0, 0) > 0;
	db_done(s);
	return rc;
}

enum pd_status
db_client_merge_rows(struct db *db, int64_t keep, int64_t other,
    bool move_plan, int *moved, struct pd_err *err)
{
	static const char *const moves[] = {
		sql_move_ally, sql_move_referral, sql_move_funding,
		sql_move_shortlist, sql_move_assignment, sql_move_session,
		sql_move_line, sql_move_draft, sql_move_attendance,
		sql_drop_attendance, sql_move_plan, NULL
	};
	enum pd_status rc;
	size_t i;

	*moved = 0;
	for (i = 0; moves[i] != NULL; i++) {
		sqlite3_stmt *s;

		if (moves[i] == sql_move_plan && !move_plan)
			continue;
		if ((s = db_stmt(db, moves[i], err)) == NULL)
			return PD_DB;
		db_bind_int64(s, ":keep", keep);
		db_bind_int64(s, ":other", other);
		if ((rc = db_exec_stmt(db, s, err)) != PD_OK)
			return rc;
		*moved += db_changes(db);
	}
	return PD_OK;
}
