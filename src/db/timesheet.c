/* timesheet.c - PALs' weeks and their lines, and a week's totals. */
#include "peerdesk/db/timesheet.h"

#include <string.h>

#include "db_priv.h"

#define WEEK_COLS \
	"w.id, w.pal_id, w.week_start, w.status, w.submitted_at," \
	" w.submitted_by, w.approved_at, w.approved_by, w.version"

#define LINE_COLS \
	"l.id, l.week_id, l.pal_id, l.date, l.minutes, l.kind, l.client_id," \
	" l.session_id, l.supervision_id, l.training_id, l.note, l.version"

static const char sql_week_make[] =
	"INSERT INTO timesheet_week (pal_id, week_start)"
	" VALUES (:pal_id, :week_start)"
	" ON CONFLICT (pal_id, week_start) DO NOTHING";

static const char sql_week_by_key[] =
	"SELECT " WEEK_COLS " FROM timesheet_week w"
	" WHERE w.pal_id = :pal_id AND w.week_start = :week_start";

static const char sql_week_get[] =
	"SELECT " WEEK_COLS " FROM timesheet_week w WHERE w.id = :id";

static const char sql_week_probe[] =
	DB_PROBE_AUDITED("timesheet_week");

static const char sql_week_status[] =
	"UPDATE timesheet_week SET status = :status,"
	" submitted_at = CASE :status WHEN 'open' THEN NULL"
	"  WHEN 'submitted' THEN :now ELSE submitted_at END,"
	" submitted_by = CASE :status WHEN 'open' THEN NULL"
	"  WHEN 'submitted' THEN :by ELSE submitted_by END,"
	" approved_at = CASE :status WHEN 'approved' THEN :now"
	"  WHEN 'locked' THEN approved_at ELSE NULL END,"
	" approved_by = CASE :status WHEN 'approved' THEN :by"
	"  WHEN 'locked' THEN approved_by ELSE NULL END,"
	" version = version + 1"
	" WHERE id = :id AND version = :version";

static const char sql_week_list[] =
	"SELECT " WEEK_COLS " FROM timesheet_week w"
	" JOIN staff s ON s.id = w.pal_id"
	" WHERE w.week_start = :week_start"
	" ORDER BY s.login, s.name, w.id";

/* Numbered parameters: the import binds this for every line, and a
 * lookup by name is a scan of the statement's parameter list. */
static const char sql_line_insert[] =
	"INSERT INTO timesheet_line (week_id, pal_id, date, minutes, kind,"
	" client_id, session_id, supervision_id, training_id, note,"
	" created_at, created_by, import_id)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

static const char sql_line_week_of[] =
	"SELECT pal_id FROM timesheet_week WHERE id = :id";

static const char sql_line_update[] =
	"UPDATE timesheet_line SET date = :date, minutes = :minutes,"
	" kind = :kind, client_id = :client_id, session_id = :session_id,"
	" supervision_id = :supervision_id, training_id = :training_id,"
	" note = :note, updated_at = :now, version = version + 1"
	" WHERE id = :id AND version = :version";

static const char sql_line_probe[] =
	DB_PROBE_AUDITED("timesheet_line");

static const char sql_line_unlink_override[] =
	"UPDATE limit_override SET line_id = NULL WHERE line_id = :id";

static const char sql_line_delete[] =
	"DELETE FROM timesheet_line WHERE id = :id";

static const char sql_line_get[] =
	"SELECT " LINE_COLS " FROM timesheet_line l WHERE l.id = :id";

static const char sql_line_by_session[] =
	"SELECT " LINE_COLS " FROM timesheet_line l"
	" WHERE l.session_id = :session_id";

static const char sql_line_list[] =
	"SELECT " LINE_COLS " FROM timesheet_line l"
	" WHERE l.week_id = :week_id ORDER BY l.date, l.id";

/* Minutes per day and kind, then per rate band: one rate lookup per day
 * with lines, not per line. */
static const char sql_week_totals[] =
	"WITH g AS (SELECT date," DB_KIND_SUMS
	"  FROM timesheet_line"
	"  WHERE pal_id = :pal_id AND date BETWEEN :from AND :to"
	"  GROUP BY date)"
	" SELECT " DB_RATE_ON(":pal_id", "g.date") " AS rate,"
	" sum(k0), sum(k1), sum(k2), sum(k3), sum(k4), sum(k5)"
	" FROM g GROUP BY rate";

/* ---- weeks ------------------------------------------------------------ */

static void
week_read(sqlite3_stmt *st, struct ts_week *w)
{
	char buf[16];

	memset(w, 0, sizeof *w);
	w->id = db_col_int(st, 0, 0);
	w->pal_id = db_col_int(st, 1, 0);
	db_col_date(st, 2, w->week_start);
	db_col_copy(st, 3, buf, sizeof buf);
	if (week_status_from_str(buf, &w->status) != 0)
		w->status = WEEK_OPEN;
	db_col_copy(st, 4, w->submitted_at, sizeof w->submitted_at);
	w->submitted_by = db_col_int(st, 5, 0);
	db_col_copy(st, 6, w->approved_at, sizeof w->approved_at);
	w->approved_by = db_col_int(st, 7, 0);
	w->version = (int)db_col_int(st, 8, 1);
}

/* Run a prepared one-row week query into *out. */
static enum pd_status
week_fetch(struct db *db, sqlite3_stmt *st, struct ts_week *out,
    struct pd_err *err)
{
	enum pd_status rc = db_step_row(db, st, err);

	if (rc == PD_OK)
		week_read(st, out);
	else if (rc == PD_NOT_FOUND)
		pd_fail(err, PD_NOT_FOUND, NULL,
		    "That timesheet week cannot be found.");
	db_done(st);
	return rc;
}

enum pd_status
db_week_get_or_create(struct db *db, int64_t pal_id, const char *week_start,
    struct ts_week *out, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_week_make, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":week_start", week_start);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if ((st = db_stmt(db, sql_week_by_key, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":week_start", week_start);
	return week_fetch(db, st, out, err);
}

enum pd_status
db_week_get(struct db *db, int64_t week_id, struct ts_week *out,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_week_get, err);

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", week_id);
	return week_fetch(db, st, out, err);
}

enum pd_status
db_week_set_status(struct db *db, struct ts_week *w, enum week_status status,
    int64_t by, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_week_status, err);
	enum pd_status rc;
	const char *name = week_status_str(status);
	char now[21];

	if (st == NULL)
		return PD_DB;
	if (name == NULL) {
		db_done(st);
		return pd_fail(err, PD_INVALID, "status",
		    "That is not a timesheet status.");
	}
	db_now(now);
	db_bind_text(st, ":status", name);
	db_bind_text(st, ":now", now);
	db_bind_id_opt(st, ":by", by);
	db_bind_int64(st, ":id", w->id);
	db_bind_int64(st, ":version", w->version);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return db_stale(db, sql_week_probe, w->id,
		    "timesheet week", err);
	return db_week_get(db, w->id, w, err);
}

enum pd_status
db_week_list(struct db *db, const char *week_start, db_week_cb cb,
    void *arg, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_week_list, err);
	struct ts_week row;
	int step = SQLITE_DONE, stop = 0;

	if (st == NULL)
		return PD_DB;
	db_bind_text(st, ":week_start", week_start);
	while (!stop && (step = sqlite3_step(st)) == SQLITE_ROW) {
		week_read(st, &row);
		stop = cb(arg, &row);
	}
	return db_end(db, st, step, err);
}

/* ---- lines ------------------------------------------------------------ */

static void
line_read(sqlite3_stmt *st, struct ts_line *l)
{
	char buf[16];

	memset(l, 0, sizeof *l);
	l->id = db_col_int(st, 0, 0);
	l->week_id = db_col_int(st, 1, 0);
	l->pal_id = db_col_int(st, 2, 0);
	db_col_date(st, 3, l->date);
	l->minutes = (int)db_col_int(st, 4, 0);
	db_col_copy(st, 5, buf, sizeof buf);
	if (line_kind_from_str(buf, &l->kind) != 0)
		l->kind = LINE_ADMIN;
	l->client_id = db_col_int(st, 6, 0);
	l->session_id = db_col_int(st, 7, 0);
	l->supervision_id = db_col_int(st, 8, 0);
	l->training_id = db_col_int(st, 9, 0);
	l->note = db_col_str(st, 10);
	l->version = (int)db_col_int(st, 11, 1);
}

static enum pd_status
line_bind(sqlite3_stmt *st, const struct ts_line *l, struct pd_err *err)
{
	const char *kind = line_kind_str(l->kind);
	char now[21];

	if (kind == NULL)
		return pd_fail(err, PD_INVALID, "kind",
		    "That is not a kind of timesheet line.");
	db_now(now);
	db_bind_text(st, ":date", l->date);
	db_bind_int64(st, ":minutes", l->minutes);
	db_bind_text(st, ":kind", kind);
	db_bind_id_opt(st, ":client_id", l->client_id);
	db_bind_id_opt(st, ":session_id", l->session_id);
	db_bind_id_opt(st, ":supervision_id", l->supervision_id);
	db_bind_id_opt(st, ":training_id", l->training_id);
	db_bind_text_opt(st, ":note", l->note);
	db_bind_text(st, ":now", now);
	return PD_OK;
}

static enum pd_status
line_fetch(struct db *db, sqlite3_stmt *st, struct ts_line *out,
    struct pd_err *err)
{
	enum pd_status rc = db_step_row(db, st, err);

	if (rc == PD_OK)
		line_read(st, out);
	else if (rc == PD_NOT_FOUND)
		pd_fail(err, PD_NOT_FOUND, NULL,
		    "That timesheet line cannot be found.");
	db_done(st);
	return rc;
}

static void
line_bind_id_at(sqlite3_stmt *st, int i, int64_t v)
{
	if (v <= 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

enum pd_status
db_line_insert(struct db *db, struct ts_line *l, int64_t by,
    struct pd_err *err)
{
	const char *kind = line_kind_str(l->kind);
	sqlite3_stmt *st;
	enum pd_status rc;
	char now[21];

	if (kind == NULL)
		return pd_fail(err, PD_INVALID, "kind",
		    "That is not a kind of timesheet line.");
	/* The line's PAL is its week's: one lookup, which also finds a
	 * missing week before the INSERT. */
	if ((st = db_stmt(db, sql_line_week_of, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", l->week_id);
	rc = db_step_row(db, st, err);
	if (rc == PD_OK)
		l->pal_id = db_col_int(st, 0, 0);
	db_done(st);
	if (rc == PD_NOT_FOUND)
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "That timesheet week cannot be found.");
	if (rc != PD_OK)
		return rc;
	if ((st = db_stmt(db, sql_line_insert, err)) == NULL)
		return PD_DB;
	db_now(now);
	sqlite3_bind_int64(st, 1, l->week_id);
	sqlite3_bind_int64(st, 2, l->pal_id);
	sqlite3_bind_text(st, 3, l->date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, l->minutes);
	sqlite3_bind_text(st, 5, kind, -1, SQLITE_STATIC);
	line_bind_id_at(st, 6, l->client_id);
	line_bind_id_at(st, 7, l->session_id);
	line_bind_id_at(st, 8, l->supervision_id);
	line_bind_id_at(st, 9, l->training_id);
	if (l->note != NULL && l->note[0] != '\0')
		sqlite3_bind_text(st, 10, l->note, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, now, -1, SQLITE_TRANSIENT);
	line_bind_id_at(st, 12, by);
	line_bind_id_at(st, 13, l->import_id);
	/* A single-row INSERT ... VALUES needs no statement journal (an
	 * INSERT ... SELECT does, and costs a copy of every page it
	 * touches). */
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	l->id = db_last_id(db);
	l->version = 1;
	return PD_OK;
}

enum pd_status
db_line_update(struct db *db, struct ts_line *l, int64_t by,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_line_update, err);
	enum pd_status rc;

	(void)by;	/* the schema keeps no updated_by; app/ audits */
	if (st == NULL)
		return PD_DB;
	if ((rc = line_bind(st, l, err)) != PD_OK) {
		db_done(st);
		return rc;
	}
	return db_exec_versioned(db, st, l->id, &l->version, sql_line_probe,
	    "timesheet line", err);
}

enum pd_status
db_line_delete(struct db *db, int64_t id, struct pd_err *err)
{
	enum pd_status rc = db_exec_id(db, sql_line_unlink_override, id, NULL,
	    err);

	if (rc != PD_OK)
		return rc;
	return db_exec_id(db, sql_line_delete, id,
	    "That timesheet line cannot be found.", err);
}

enum pd_status
db_line_get(struct db *db, int64_t id, struct ts_line *out,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_line_get, err);

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	return line_fetch(db, st, out, err);
}

enum pd_status
db_line_by_session(struct db *db, int64_t session_id, struct ts_line *out,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_line_by_session, err);

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":session_id", session_id);
	return line_fetch(db, st, out, err);
}

enum pd_status
db_line_list(struct db *db, int64_t week_id, db_line_cb cb, void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_line_list, err);
	enum pd_status rc = PD_OK;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":week_id", week_id);
	DB_EACH(db, st, struct ts_line, line_read, ts_line_fini, cb, arg,
	    err, rc);
	return rc;
}

/* ---- totals ----------------------------------------------------------- */

/* Add one result row (rate, then six kind columns from column `first`)
 * to t.  PD_LIMIT when a new band does not fit. */
enum pd_status
db_totals_add_row(sqlite3_stmt *st, int first, struct week_totals *t,
    struct pd_err *err)
{
	int64_t rate = db_col_int(st, first, -1);
	int k;

	for (k = 0; k < LINE_KINDS; k++) {
		int m = (int)db_col_int(st, first + 1 + k, 0);

		if (m != 0 && week_totals_add(t, (enum line_kind)k, rate,
		    m) != 0)
			return pd_fail(err, PD_LIMIT, NULL,
			    "There are more than %d pay rates in this period; "
			    "please choose a shorter one.", WEEK_BANDS_MAX);
	}
	return PD_OK;
}

enum pd_status
db_week_totals(struct db *db, int64_t pal_id, const char *from,
    const char *to, struct week_totals *out, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_week_totals, err);
	enum pd_status rc = PD_OK;
	int step = SQLITE_DONE;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":from", from);
	db_bind_text(st, ":to", to);
	while (rc == PD_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = db_totals_add_row(st, 0, out, err);
	if (rc == PD_OK && step != SQLITE_DONE)
		rc = db_error(db, step, err);
	db_done(st);
	return rc;
}
