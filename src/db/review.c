/* review.c - reviews of assignments. */
#include "peerdesk/db/review.h"

#include <string.h>

#include "db_priv.h"

static const char sql_review_insert[] =
	"INSERT INTO review (assignment_id, held_on, participants, outcome,"
	" notes, recorded_by, created_at)"
	" VALUES (:assignment_id, :held_on, :participants, :outcome, :notes,"
	" :by, :now)";

static const char sql_review_mark[] =
	"UPDATE assignment"
	" SET reviewed_on = max(coalesce(reviewed_on, ''), :held_on),"
	" version = version + 1"
	" WHERE id = :assignment_id";

static const char sql_review_list[] =
	"SELECT id, assignment_id, held_on, participants, outcome, notes,"
	" recorded_by, created_at FROM review"
	" WHERE assignment_id = :assignment_id ORDER BY held_on, id";

static void
review_read(sqlite3_stmt *st, struct review *r)
{
	char buf[24];

	memset(r, 0, sizeof *r);
	r->id = db_col_int(st, 0, 0);
	r->assignment_id = db_col_int(st, 1, 0);
	db_col_date(st, 2, r->held_on);
	r->participants = db_col_str(st, 3);
	db_col_copy(st, 4, buf, sizeof buf);
	if (review_outcome_from_str(buf, &r->outcome) != 0)
		r->outcome = OUTCOME_CONTINUE;
	r->notes = db_col_str(st, 5);
	r->recorded_by = db_col_int(st, 6, 0);
	db_col_copy(st, 7, r->created_at, sizeof r->created_at);
}

enum pd_status
db_review_insert(struct db *db, struct review *r, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	const char *outcome = review_outcome_str(r->outcome);
	char now[21];

	if (outcome == NULL)
		return pd_fail(err, PD_INVALID, "outcome",
		    "Please choose what the review decided.");
	if (r->held_on[0] == '\0')
		return pd_fail(err, PD_INVALID, "held_on",
		    "Please give the date of the review.");
	if ((st = db_stmt(db, sql_review_mark, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":assignment_id", r->assignment_id);
	db_bind_text(st, ":held_on", r->held_on);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "That assignment cannot be found.");
	if ((st = db_stmt(db, sql_review_insert, err)) == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":assignment_id", r->assignment_id);
	db_bind_text(st, ":held_on", r->held_on);
	db_bind_text_opt(st, ":participants", r->participants);
	db_bind_text(st, ":outcome", outcome);
	db_bind_text_opt(st, ":notes", r->notes);
	db_bind_id_opt(st, ":by", r->recorded_by);
	db_bind_text(st, ":now", now);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	r->id = db_last_id(db);
	memcpy(r->created_at, now, sizeof r->created_at);
	return PD_OK;
}

enum pd_status
db_review_list(struct db *db, int64_t assignment_id, db_review_cb cb,
    void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_review_list, err);
	enum pd_status rc = PD_OK;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":assignment_id", assignment_id);
	DB_EACH(db, st, struct review, review_read, review_fini, cb, arg,
	    err, rc);
	return rc;
}
