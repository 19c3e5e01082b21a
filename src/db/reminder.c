/* reminder.c - what is due, as one UNION ALL query. */
#include "peerdesk/db/reminder.h"

#include <string.h>

#include "db_priv.h"

/* An active PAL: signed-in staff with the PAL role who has not left. */
#define REMINDER_ACTIVE_PAL \
	" s.role = 'pal' AND s.active = 1" \
	" AND (p.left_on IS NULL OR p.left_on > :today)" \
	" AND (:scope_pal = 0 OR s.id = :scope_pal)"

static const char sql_reminders[] =
	"SELECT kind, due_on, client_id, client_name, pal_id, pal_name, ref_id"
	" FROM ("
	/* Reviews: one arm, the kind chosen per row (assignment_review). */
	" SELECT CASE WHEN :today < a.review_due_on THEN 'review_upcoming'"
	"   WHEN a.review_overdue_on IS NULL OR :today < a.review_overdue_on"
	"   THEN 'review_due' ELSE 'review_overdue' END AS kind,"
	"  CASE WHEN a.review_overdue_on IS NOT NULL"
	"   AND :today >= a.review_overdue_on THEN a.review_overdue_on"
	"   ELSE a.review_due_on END AS due_on,"
	"  a.client_id AS client_id, c.name AS client_name,"
	"  a.worker_id AS pal_id, w.name AS pal_name, a.id AS ref_id"
	" FROM assignment a JOIN client c ON c.id = a.client_id"
	" JOIN staff w ON w.id = a.worker_id"
	" WHERE a.reviewed_on IS NULL"
	"  AND a.review_due_on <= date(:today, :upcoming_days || ' days')"
	"  AND (a.ended_on IS NULL OR a.ended_on > :today)"
	"  AND (:scope_pal = 0 OR (a.worker_id = :scope_pal"
	"   AND a.started_on <= :today))"
	" UNION ALL"
	/* DBS: each active PAL's latest certificate. */
	" SELECT 'dbs_recheck', d.recheck_due, 0, NULL, s.id, s.name, d.id"
	" FROM staff s JOIN pal p ON p.staff_id = s.id"
	" JOIN pal_dbs d ON d.id = (SELECT d2.id FROM pal_dbs d2"
	"  WHERE d2.pal_id = s.id"
	"  ORDER BY d2.issued_on DESC, d2.id DESC LIMIT 1)"
	" WHERE" REMINDER_ACTIVE_PAL
	"  AND d.recheck_due <= date(:today, :horizon_days || ' days')"
	" UNION ALL"
	/* Supervision: latest date per active PAL, or none. */
	" SELECT 'supervision',"
	"  coalesce(date(v.last, (:supervision_weeks * 7) || ' days'), ''),"
	"  0, NULL, v.id, v.name, 0"
	" FROM (SELECT s.id AS id, s.name AS name,"
	"   (SELECT max(ps.date) FROM pal_supervision ps"
	"    WHERE ps.pal_id = s.id) AS last"
	"  FROM staff s JOIN pal p ON p.staff_id = s.id"
	"  WHERE" REMINDER_ACTIVE_PAL ") v"
	" WHERE :supervision_weeks > 0 AND (v.last IS NULL"
	"  OR v.last < date(:today, -(:supervision_weeks * 7) || ' days'))"
	" UNION ALL"
	/* Funders' reviews, for clients not closed. */
	" SELECT 'funding_review', f.review_due, f.client_id, c.name, 0, NULL,"
	"  f.id"
	" FROM funding f JOIN client c ON c.id = f.client_id"
	" WHERE f.review_due <= date(:today, :horizon_days || ' days')"
	"  AND c.status <> 'closed'"
	"  AND (f.ends_on IS NULL OR f.ends_on >= :today)"
	"  AND " DB_IN_SCOPE("f.client_id")
	" )"
	" ORDER BY due_on, kind, client_name, pal_name, ref_id";

static void
reminder_read(sqlite3_stmt *st, struct reminder *r)
{
	char buf[24];

	memset(r, 0, sizeof *r);
	db_col_copy(st, 0, buf, sizeof buf);
	if (reminder_kind_from_str(buf, &r->kind) != 0)
		r->kind = REMIND_REVIEW_DUE;
	db_col_date(st, 1, r->due_on);
	r->client_id = db_col_int(st, 2, 0);
	r->client_name = db_col_str(st, 3);
	r->pal_id = db_col_int(st, 4, 0);
	r->pal_name = db_col_str(st, 5);
	r->ref_id = db_col_int(st, 6, 0);
}

enum pd_status
db_reminders(struct db *db, const struct reminder_query *q,
    db_reminder_cb cb, void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_reminders, err);
	enum pd_status rc = PD_OK;
	char today[11];

	if (st == NULL)
		return PD_DB;
	if (q->today != NULL && q->today[0] != '\0')
		db_bind_text(st, ":today", q->today);
	else
		db_bind_text(st, ":today", db_scope_today(today));
	db_bind_int64(st, ":scope_pal", q->scope_pal);
	db_bind_int64(st, ":horizon_days", q->horizon_days);
	db_bind_int64(st, ":upcoming_days", q->upcoming_days);
	db_bind_int64(st, ":supervision_weeks", q->supervision_weeks);
	DB_EACH(db, st, struct reminder, reminder_read, reminder_fini, cb,
	    arg, err, rc);
	return rc;
}
