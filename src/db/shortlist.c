/* shortlist.c - choosing a PAL. */
#include "peerdesk/db/shortlist.h"

#include <string.h>

#include "db_priv.h"

#define SHORTLIST_COLS \
	"e.id, e.client_id, e.pal_id, st.name, e.added_on, e.added_by, e.why," \
	" e.status, e.interview_on, e.interview_note, e.first_meeting_on," \
	" e.client_decision, e.pal_decision, e.decline_reason, e.closed_on," \
	" e.version"

static const char sql_shortlist_insert[] =
	"INSERT INTO shortlist (client_id, pal_id, added_on, added_by, why,"
	" status, interview_on, interview_note, first_meeting_on,"
	" client_decision, pal_decision, decline_reason, closed_on)"
	" VALUES (:client_id, :pal_id, :added_on, :added_by, :why, :status,"
	" :interview_on, :interview_note, :first_meeting_on,"
	" :client_decision, :pal_decision, :decline_reason, :closed_on)";

static const char sql_shortlist_get[] =
	"SELECT " SHORTLIST_COLS " FROM shortlist e"
	" LEFT JOIN staff st ON st.id = e.pal_id WHERE e.id = :id";

static const char sql_shortlist_update[] =
	"UPDATE shortlist SET why = :why, status = :status,"
	" interview_on = :interview_on, interview_note = :interview_note,"
	" first_meeting_on = :first_meeting_on,"
	" client_decision = :client_decision, pal_decision = :pal_decision,"
	" decline_reason = :decline_reason, closed_on = :closed_on,"
	" version = version + 1"
	" WHERE id = :id AND version = :version";

static const char sql_shortlist_probe[] =
	DB_PROBE_AUDITED("shortlist");

static const char sql_shortlist_list[] =
	"SELECT " SHORTLIST_COLS " FROM shortlist e"
	" LEFT JOIN staff st ON st.id = e.pal_id"
	" WHERE e.client_id = :client_id ORDER BY e.added_on, e.id";

static enum decision
shortlist_decision(sqlite3_stmt *st, int col)
{
	char buf[8];
	enum decision d;

	db_col_copy(st, col, buf, sizeof buf);
	return decision_from_str(buf, &d) == 0 ? d : DECISION_NONE;
}

static void
shortlist_read(sqlite3_stmt *st, struct shortlist_entry *e)
{
	char buf[16];

	memset(e, 0, sizeof *e);
	e->id = db_col_int(st, 0, 0);
	e->client_id = db_col_int(st, 1, 0);
	e->pal_id = db_col_int(st, 2, 0);
	e->pal_name = db_col_str(st, 3);
	db_col_date(st, 4, e->added_on);
	e->added_by = db_col_int(st, 5, 0);
	e->why = db_col_str(st, 6);
	db_col_copy(st, 7, buf, sizeof buf);
	if (shortlist_status_from_str(buf, &e->status) != 0)
		e->status = SHORTLIST_SHORTLISTED;
	db_col_date(st, 8, e->interview_on);
	e->interview_note = db_col_str(st, 9);
	db_col_date(st, 10, e->first_meeting_on);
	e->client_decision = shortlist_decision(st, 11);
	e->pal_decision = shortlist_decision(st, 12);
	e->decline_reason = db_col_str(st, 13);
	db_col_date(st, 14, e->closed_on);
	e->version = (int)db_col_int(st, 15, 1);
}

/* The fields both insert and update save. */
static enum pd_status
shortlist_bind(sqlite3_stmt *st, const struct shortlist_entry *e,
    struct pd_err *err)
{
	const char *status = shortlist_status_str(e->status);

	if (status == NULL)
		return pd_fail(err, PD_INVALID, "status",
		    "That is not a shortlist status.");
	db_bind_text_opt(st, ":why", e->why);
	db_bind_text(st, ":status", status);
	db_bind_text_opt(st, ":interview_on", e->interview_on);
	db_bind_text_opt(st, ":interview_note", e->interview_note);
	db_bind_text_opt(st, ":first_meeting_on", e->first_meeting_on);
	db_bind_text(st, ":client_decision", decision_str(e->client_decision));
	db_bind_text(st, ":pal_decision", decision_str(e->pal_decision));
	db_bind_text_opt(st, ":decline_reason", e->decline_reason);
	db_bind_text_opt(st, ":closed_on", e->closed_on);
	return PD_OK;
}

enum pd_status
db_shortlist_insert(struct db *db, struct shortlist_entry *e,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_shortlist_insert, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	if (e->added_on[0] == '\0')
		db_scope_today(e->added_on);
	if ((rc = shortlist_bind(st, e, err)) != PD_OK) {
		db_done(st);
		return rc;
	}
	db_bind_int64(st, ":client_id", e->client_id);
	db_bind_int64(st, ":pal_id", e->pal_id);
	db_bind_text(st, ":added_on", e->added_on);
	db_bind_id_opt(st, ":added_by", e->added_by);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	e->id = db_last_id(db);
	e->version = 1;
	return PD_OK;
}

enum pd_status
db_shortlist_get(struct db *db, int64_t id, struct shortlist_entry *out,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_shortlist_get, ":id", id, err);
	enum pd_status rc = st == NULL ? PD_DB : db_step_row(db, st, err);

	if (rc == PD_OK)
		shortlist_read(st, out);
	else if (rc == PD_NOT_FOUND)
		pd_fail(err, PD_NOT_FOUND, NULL,
		    "That shortlist entry cannot be found.");
	db_done(st);
	return rc;
}

enum pd_status
db_shortlist_update(struct db *db, struct shortlist_entry *e,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_shortlist_update, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	if ((rc = shortlist_bind(st, e, err)) != PD_OK) {
		db_done(st);
		return rc;
	}
	return db_exec_versioned(db, st, e->id, &e->version, sql_shortlist_probe,
	    "shortlist entry", err);
}

enum pd_status
db_shortlist_list(struct db *db, int64_t client_id, db_shortlist_cb cb,
    void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_shortlist_list, err);
	enum pd_status rc = PD_OK;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":client_id", client_id);
	DB_EACH(db, st, struct shortlist_entry, shortlist_read,
	    shortlist_entry_fini, cb, arg, err, rc);
	return rc;
}
