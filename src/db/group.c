/* group.c - groups, facilitators, meetings and who came. */
#include "peerdesk/db/group.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "db_priv.h"

#define GROUP_COLS \
	"g.id, g.name, g.kind, g.usual_day, g.usual_time, g.place," \
	" g.active, g.version," \
	" (SELECT group_concat(name, ', ') FROM (SELECT s.name FROM" \
	"   group_facilitator f JOIN staff s ON s.id = f.staff_id" \
	"   WHERE f.group_id = g.id ORDER BY s.name COLLATE NOCASE))," \
	" (SELECT count(*) FROM group_meeting m WHERE m.group_id = g.id)," \
	" (SELECT count(DISTINCT a.client_id) + count(DISTINCT" \
	"   lower(a.first_name)) FROM group_attendance a JOIN group_meeting m" \
	"   ON m.id = a.meeting_id WHERE m.group_id = g.id)," \
	" (SELECT count(*) FROM group_attendance a JOIN group_meeting m" \
	"   ON m.id = a.meeting_id WHERE m.group_id = g.id)" \
	" + (SELECT coalesce(sum(extra_count), 0) FROM group_meeting m" \
	"   WHERE m.group_id = g.id)," \
	" (SELECT max(date) FROM group_meeting m WHERE m.group_id = g.id)"

static const char sql_insert[] =
	"INSERT INTO client_group (name, kind, usual_day, usual_time, place,"
	" active, created_at, created_by) VALUES (:name, :kind, :day, :time,"
	" :place, :active, :now, :by)";
static const char sql_fac_add[] =
	"INSERT OR IGNORE INTO group_facilitator (group_id, staff_id)"
	" VALUES (:g, :s)";
static const char sql_is_fac[] =
	"SELECT 1 FROM group_facilitator WHERE group_id = :g AND staff_id = :s";
static const char sql_list[] =
	"SELECT " GROUP_COLS " FROM client_group g"
	" WHERE (:all OR g.active = 1) AND (:staff = 0 OR EXISTS (SELECT 1"
	" FROM group_facilitator f WHERE f.group_id = g.id"
	" AND f.staff_id = :staff))"
	" ORDER BY g.name COLLATE NOCASE, g.id";
static const char sql_get[] =
	"SELECT " GROUP_COLS " FROM client_group g WHERE g.id = :id";
static const char sql_by_name[] =
	"SELECT id FROM client_group WHERE lower(name) = lower(:name)";
static const char sql_facs[] =
	"SELECT staff_id FROM group_facilitator WHERE group_id = :g"
	" ORDER BY staff_id";
static const char sql_meeting_insert[] =
	"INSERT INTO group_meeting (group_id, date, start_time, minutes, notes,"
	" extra_count, created_at, created_by) VALUES (:g, :date, :start,"
	" :minutes, :notes, :extra, :now, :by)";
static const char sql_meeting_staff[] =
	"INSERT OR IGNORE INTO group_meeting_staff (meeting_id, staff_id)"
	" VALUES (:m, :s)";
static const char sql_attend[] =
	"INSERT INTO group_attendance (meeting_id, client_id, first_name)"
	" VALUES (:m, :c, :first)";
static const char sql_line_link[] =
	"UPDATE timesheet_line SET group_meeting_id = :m WHERE id = :id";
static const char sql_meeting_update[] =
	"UPDATE group_meeting SET date = :date, start_time = :start,"
	" minutes = :minutes, notes = :notes, extra_count = :extra,"
	" version = version + 1 WHERE id = :id AND version = :v";
static const char sql_meeting_probe[] =
	DB_PROBE_AUDITED("group_meeting");
static const char sql_attend_del_client[] =
	"DELETE FROM group_attendance WHERE meeting_id = :m AND client_id = :c";
static const char sql_attend_del_first[] =
	"DELETE FROM group_attendance WHERE id = (SELECT id FROM"
	" group_attendance WHERE meeting_id = :m AND client_id IS NULL"
	" AND first_name = :first COLLATE NOCASE ORDER BY id LIMIT 1)";
static const char sql_attended[] =
	"SELECT 1 FROM group_attendance WHERE meeting_id = :m AND client_id = :c";
static const char sql_meeting_del_attend[] =
	"DELETE FROM group_attendance WHERE meeting_id = :m";
static const char sql_meeting_del_staff[] =
	"DELETE FROM group_meeting_staff WHERE meeting_id = :m";
static const char sql_meeting_del[] =
	"DELETE FROM group_meeting WHERE id = :m";
static const char sql_meeting_lines[] =
	"SELECT id FROM timesheet_line WHERE group_meeting_id = :m ORDER BY id";
static const char sql_line_meeting[] =
	"SELECT group_meeting_id FROM timesheet_line WHERE id = :id"
	" AND group_meeting_id IS NOT NULL";
static const char sql_set_active[] =
	"UPDATE client_group SET active = :a, version = version + 1"
	" WHERE id = :id";
#define MEETING_COLS \
	"m.id, m.group_id, m.date, m.start_time, m.minutes, m.notes," \
	" m.extra_count, m.version, m.extra_count + (SELECT count(*) FROM" \
	" group_attendance a WHERE a.meeting_id = m.id)"
static const char sql_meetings[] =
	"SELECT " MEETING_COLS " FROM group_meeting m WHERE m.group_id = :g"
	" ORDER BY m.date DESC, m.id DESC LIMIT :limit";
static const char sql_meeting_get[] =
	"SELECT " MEETING_COLS " FROM group_meeting m WHERE m.id = :id";
/* A client the PAL may not see today: first name only, no record. */
#define SHOWN_ID "CASE WHEN a.client_id IS NULL THEN 0 WHEN " \
	DB_IN_SCOPE("a.client_id") " THEN a.client_id ELSE 0 END"
static const char sql_attendees[] =
	"SELECT " SHOWN_ID ", c.name, c.preferred_name, a.first_name"
	" FROM group_attendance a LEFT JOIN client c ON c.id = a.client_id"
	" WHERE a.meeting_id = :m"
	" ORDER BY a.client_id IS NULL, coalesce(c.preferred_name, c.name,"
	" a.first_name) COLLATE NOCASE, a.id";
static const char sql_regulars[] =
	"SELECT " SHOWN_ID ", c.name, c.preferred_name, a.first_name,"
	" count(*) FROM group_attendance a JOIN group_meeting m"
	" ON m.id = a.meeting_id LEFT JOIN client c ON c.id = a.client_id"
	" WHERE m.group_id = :g"
	" GROUP BY a.client_id, CASE WHEN a.client_id IS NULL"
	" THEN lower(a.first_name) END"
	" ORDER BY a.client_id IS NULL, a.client_id, lower(a.first_name)";
static const char sql_of_client[] =
	"SELECT " GROUP_COLS ", (SELECT count(*) FROM group_attendance a"
	"   JOIN group_meeting m ON m.id = a.meeting_id WHERE m.group_id = g.id"
	"   AND a.client_id = :c), (SELECT max(m.date) FROM group_attendance a"
	"   JOIN group_meeting m ON m.id = a.meeting_id WHERE m.group_id = g.id"
	"   AND a.client_id = :c)"
	" FROM client_group g WHERE EXISTS (SELECT 1 FROM group_attendance a"
	" JOIN group_meeting m ON m.id = a.meeting_id WHERE m.group_id = g.id"
	" AND a.client_id = :c) OR EXISTS (SELECT 1 FROM plan_goal pg"
	" JOIN plan p ON p.id = pg.plan_id WHERE p.client_id = :c"
	" AND pg.group_id = g.id)"
	" ORDER BY g.name COLLATE NOCASE";
static const char sql_goal_set[] =
	"UPDATE plan_goal SET group_id = :g, version = version + 1"
	" WHERE id = :id";
static const char sql_goal_get[] =
	"SELECT p.client_id, pg.group_id FROM plan_goal pg JOIN plan p"
	" ON p.id = pg.plan_id WHERE pg.id = :id";
static const char sql_quote_review[] =
	"UPDATE review SET may_quote = :on WHERE id = :id";
static const char sql_quote_review_client[] =
	"SELECT a.client_id FROM review r JOIN assignment a"
	" ON a.id = r.assignment_id WHERE r.id = :id";
static const char sql_quote_note[] =
	"UPDATE plan_note SET may_quote = :on WHERE id = :id";
static const char sql_quote_note_client[] =
	"SELECT p.client_id FROM plan_note n JOIN plan p ON p.id = n.plan_id"
	" WHERE n.id = :id";

static void
group_row_read(sqlite3_stmt *st, struct group_row *r)
{
	char buf[16];

	memset(r, 0, sizeof *r);
	r->g.id = db_col_int(st, 0, 0);
	r->g.name = db_col_str(st, 1);
	db_col_copy(st, 2, buf, sizeof buf);
	if (group_kind_from_str(buf, &r->g.kind) != 0)
		r->g.kind = GROUP_DROP_IN;
	r->g.usual_day = (int)db_col_int(st, 3, 0);
	db_col_copy(st, 4, r->g.usual_time, sizeof r->g.usual_time);
	r->g.place = db_col_str(st, 5);
	r->g.active = (int)db_col_int(st, 6, 1);
	r->g.version = (int)db_col_int(st, 7, 1);
	r->facilitators = db_col_str(st, 8);
	if (r->facilitators == NULL)
		r->facilitators = xstrdup("");
	r->meetings = (int)db_col_int(st, 9, 0);
	r->people = (int)db_col_int(st, 10, 0);
	r->attendances = (int)db_col_int(st, 11, 0);
	db_col_date(st, 12, r->last);
}

static void
group_row_read_nth(sqlite3_stmt *st, struct group_row *r, size_t i)
{
	(void)i;
	group_row_read(st, r);
}

/* A group row of someone's own groups: their meetings and last one. */
static void
group_row_read_mine(sqlite3_stmt *st, struct group_row *r, size_t i)
{
	(void)i;
	group_row_read(st, r);
	r->meetings = (int)db_col_int(st, 13, 0);
	db_col_date(st, 14, r->last);
}

enum pd_status
db_group_insert(struct db *db, struct group *g, int64_t by,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_insert, err);
	enum pd_status rc;
	char now[21];

	if (st == NULL)
		return PD_DB;
	db_now(now);
	db_bind_text(st, ":name", g->name);
	db_bind_text(st, ":kind", group_kind_str(g->kind));
	db_bind_id_opt(st, ":day", g->usual_day);
	db_bind_text_opt(st, ":time", g->usual_time);
	db_bind_text_opt(st, ":place", g->place);
	db_bind_int64(st, ":active", g->active ? 1 : 0);
	db_bind_text(st, ":now", now);
	db_bind_id_opt(st, ":by", by);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	g->id = db_last_id(db);
	g->version = 1;
	return PD_OK;
}

static enum pd_status
group_pair(struct db *db, const char *sql, const char *a, int64_t av,
    const char *b, int64_t bv, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, a, av);
	db_bind_int64(st, b, bv);
	return db_exec_stmt(db, st, err);
}

enum pd_status
db_group_facilitator_add(struct db *db, int64_t group_id, int64_t staff_id,
    struct pd_err *err)
{
	return group_pair(db, sql_fac_add, ":g", group_id, ":s", staff_id,
	    err);
}

bool
db_group_is_facilitator(struct db *db, int64_t group_id, int64_t staff_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_is_fac, NULL);
	bool yes;

	if (st == NULL)
		return false;
	db_bind_int64(st, ":g", group_id);
	db_bind_int64(st, ":s", staff_id);
	yes = sqlite3_step(st) == SQLITE_ROW;
	db_done(st);
	return yes;
}

enum pd_status
db_group_list(struct db *db, int64_t staff_id, bool all,
    struct group_row **out, size_t *n, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_list, err);
	enum pd_status rc = PD_OK;

	*out = NULL;
	*n = 0;
	if (st != NULL) {
		db_bind_int64(st, ":staff", staff_id);
		db_bind_int64(st, ":all", all ? 1 : 0);
	}
	DB_ARRAY(db, st, *out, *n, group_row_read_nth, group_rows_free, err,
	    rc);
	return rc;
}

enum pd_status
db_group_get(struct db *db, int64_t id, struct group_row *out,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_get, ":id", id, err);
	enum pd_status rc = st == NULL ? PD_DB : db_step_row(db, st, err);

	if (rc == PD_OK)
		group_row_read(st, out);
	else if (rc == PD_NOT_FOUND)
		pd_fail(err, PD_NOT_FOUND, NULL, "There is no group %lld.",
		    (long long)id);
	db_done(st);
	return rc;
}

enum pd_status
db_group_by_name(struct db *db, const char *name, int64_t *id,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_name, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_text(st, ":name", name);
	rc = db_step_row(db, st, err);
	if (rc == PD_OK)
		*id = db_col_int(st, 0, 0);
	else if (rc == PD_NOT_FOUND)
		pd_fail(err, PD_NOT_FOUND, NULL, "There is no group called "
		    "\"%s\".", name);
	db_done(st);
	return rc;
}

enum pd_status
db_group_facilitators(struct db *db, int64_t group_id, int64_t **out,
    size_t *n, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_facs, err);

	if (st != NULL)
		db_bind_int64(st, ":g", group_id);
	return db_ids(db, st, out, n, err);
}

enum pd_status
db_group_meeting_insert(struct db *db, struct group_meeting *m, int64_t by,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_meeting_insert, err);
	enum pd_status rc;
	char now[21];

	if (st == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":g", m->group_id);
	db_bind_text(st, ":date", m->date);
	db_bind_text_opt(st, ":start", m->start_time);
	db_bind_int64(st, ":minutes", m->minutes);
	db_bind_text_opt(st, ":notes", m->notes);
	db_bind_int64(st, ":extra", m->extra_count);
	db_bind_text(st, ":now", now);
	db_bind_id_opt(st, ":by", by);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	m->id = db_last_id(db);
	m->version = 1;
	return PD_OK;
}

enum pd_status
db_group_meeting_staff_add(struct db *db, int64_t meeting_id,
    int64_t staff_id, struct pd_err *err)
{
	return group_pair(db, sql_meeting_staff, ":m", meeting_id, ":s",
	    staff_id, err);
}

enum pd_status
db_group_attendance_add(struct db *db, int64_t meeting_id, int64_t client_id,
    const char *first_name, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_attend, err);

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":m", meeting_id);
	db_bind_id_opt(st, ":c", client_id);
	if (client_id != 0)
		db_bind_null(st, ":first");
	else
		db_bind_text(st, ":first", first_name);
	return db_exec_stmt(db, st, err);
}

enum pd_status
db_group_line_link(struct db *db, int64_t line_id, int64_t meeting_id,
    struct pd_err *err)
{
	return group_pair(db, sql_line_link, ":id", line_id, ":m", meeting_id,
	    err);
}

enum pd_status
db_group_meeting_update(struct db *db, struct group_meeting *m,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_meeting_update, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_text(st, ":date", m->date);
	db_bind_text_opt(st, ":start", m->start_time);
	db_bind_int64(st, ":minutes", m->minutes);
	db_bind_text_opt(st, ":notes", m->notes);
	db_bind_int64(st, ":extra", m->extra_count);
	db_bind_int64(st, ":id", m->id);
	db_bind_int64(st, ":v", m->version);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return db_group_meeting_stale(db, m->id, err);
	m->version++;
	return PD_OK;
}

enum pd_status
db_group_meeting_stale(struct db *db, int64_t meeting_id, struct pd_err *err)
{
	return db_stale(db, sql_meeting_probe, meeting_id,
	    "meeting", err);
}

enum pd_status
db_group_attendance_remove(struct db *db, int64_t meeting_id,
    int64_t client_id, const char *first_name, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, client_id != 0 ? sql_attend_del_client :
	    sql_attend_del_first, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":m", meeting_id);
	if (client_id != 0)
		db_bind_int64(st, ":c", client_id);
	else
		db_bind_text(st, ":first", first_name);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	return db_changes(db) > 0 ? PD_OK : PD_NOT_FOUND;
}

bool
db_group_attended(struct db *db, int64_t meeting_id, int64_t client_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_attended, NULL);
	bool yes;

	if (st == NULL)
		return false;
	db_bind_int64(st, ":m", meeting_id);
	db_bind_int64(st, ":c", client_id);
	yes = sqlite3_step(st) == SQLITE_ROW;
	db_done(st);
	return yes;
}

enum pd_status
db_group_meeting_delete(struct db *db, int64_t meeting_id,
    struct pd_err *err)
{
	sqlite3_stmt *st;
	const char *sql[3];
	enum pd_status rc;
	size_t i;

	sql[0] = sql_meeting_del_attend;
	sql[1] = sql_meeting_del_staff;
	sql[2] = sql_meeting_del;
	for (i = 0; i < 3; i++) {
		if ((st = db_stmt(db, sql[i], err)) == NULL)
			return PD_DB;
		db_bind_int64(st, ":m", meeting_id);
		if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
			return rc;
	}
	if (db_changes(db) == 0)
		return pd_fail(err, PD_NOT_FOUND, NULL, "There is no meeting "
		    "%lld.", (long long)meeting_id);
	return PD_OK;
}

enum pd_status
db_group_meeting_lines(struct db *db, int64_t meeting_id, int64_t **out,
    size_t *n, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_meeting_lines, err);

	if (st != NULL)
		db_bind_int64(st, ":m", meeting_id);
	return db_ids(db, st, out, n, err);
}

int64_t
db_group_line_meeting(struct db *db, int64_t line_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_line_meeting, NULL);
	int64_t id = 0;

	if (st == NULL)
		return 0;
	db_bind_int64(st, ":id", line_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = db_col_int(st, 0, 0);
	db_done(st);
	return id;
}

enum pd_status
db_group_set_active(struct db *db, int64_t group_id, int active,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_set_active, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":a", active ? 1 : 0);
	db_bind_int64(st, ":id", group_id);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return pd_fail(err, PD_NOT_FOUND, NULL, "There is no group "
		    "%lld.", (long long)group_id);
	return PD_OK;
}

static void
meeting_read(sqlite3_stmt *st, struct group_meeting *m)
{
	memset(m, 0, sizeof *m);
	m->id = db_col_int(st, 0, 0);
	m->group_id = db_col_int(st, 1, 0);
	db_col_date(st, 2, m->date);
	db_col_copy(st, 3, m->start_time, sizeof m->start_time);
	m->minutes = (int)db_col_int(st, 4, 0);
	m->notes = db_col_str(st, 5);
	m->extra_count = (int)db_col_int(st, 6, 0);
	m->version = (int)db_col_int(st, 7, 1);
	m->came = (int)db_col_int(st, 8, 0);
}

static void
meeting_read_nth(sqlite3_stmt *st, struct group_meeting *m, size_t i)
{
	(void)i;
	meeting_read(st, m);
}

static void
meetings_free(struct group_meeting *v, size_t n)
{
	while (n > 0)
		group_meeting_fini(&v[--n]);
	free(v);
}

enum pd_status
db_group_meetings(struct db *db, int64_t group_id, int limit,
    struct group_meeting **out, size_t *n, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_meetings, ":g", group_id, err);
	enum pd_status rc = PD_OK;

	*out = NULL;
	*n = 0;
	if (st != NULL)
		db_bind_int64(st, ":limit", limit > 0 ? limit : -1);
	DB_ARRAY(db, st, *out, *n, meeting_read_nth, meetings_free, err, rc);
	return rc;
}

enum pd_status
db_group_meeting_get(struct db *db, int64_t id, struct group_meeting *out,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_meeting_get, ":id", id, err);
	enum pd_status rc = st == NULL ? PD_DB : db_step_row(db, st, err);

	if (rc == PD_OK)
		meeting_read(st, out);
	else if (rc == PD_NOT_FOUND)
		pd_fail(err, PD_NOT_FOUND, NULL, "There is no meeting %lld.",
		    (long long)id);
	db_done(st);
	return rc;
}

/* The name to show for an attendance row: the full name of a client the
 * reader may see, else a first name. */
static char *
shown_name(sqlite3_stmt *st)
{
	const char *name = (const char *)sqlite3_column_text(st, 1);
	const char *pref = (const char *)sqlite3_column_text(st, 2);
	const char *first = (const char *)sqlite3_column_text(st, 3);
	char buf[128];

	if (name == NULL)
		return xstrdup(first != NULL ? first : "");
	if (db_col_int(st, 0, 0) != 0)
		return xstrdup(pref != NULL && *pref != '\0' ? pref : name);
	group_first_name(name, pref, buf, sizeof buf);
	return xstrdup(buf);
}

static void
attendee_read(sqlite3_stmt *st, struct group_attendee *a, size_t i)
{
	(void)i;
	a->client_id = db_col_int(st, 0, 0);
	a->name = shown_name(st);
}

enum pd_status
db_group_attendees(struct db *db, int64_t meeting_id, int64_t scope_pal,
    struct group_attendee **out, size_t *n, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_attendees, ":m",
	    meeting_id, scope_pal, err);
	enum pd_status rc = PD_OK;

	*out = NULL;
	*n = 0;
	DB_ARRAY(db, st, *out, *n, attendee_read, group_attendees_free, err,
	    rc);
	return rc;
}

static void
regular_read(sqlite3_stmt *st, struct group_regular *r, size_t i)
{
	r->no = (int)i + 1;
	r->client_id = db_col_int(st, 0, 0);
	r->name = shown_name(st);
	r->times = (int)db_col_int(st, 4, 0);
}

enum pd_status
db_group_regulars(struct db *db, int64_t group_id, int64_t scope_pal,
    struct group_regular **out, size_t *n, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_regulars, ":g",
	    group_id, scope_pal, err);
	enum pd_status rc = PD_OK;

	*out = NULL;
	*n = 0;
	DB_ARRAY(db, st, *out, *n, regular_read, group_regulars_free, err, rc);
	return rc;
}

enum pd_status
db_group_of_client(struct db *db, int64_t client_id, struct group_row **out,
    size_t *n, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_of_client, ":c", client_id, err);
	enum pd_status rc = PD_OK;

	*out = NULL;
	*n = 0;
	DB_ARRAY(db, st, *out, *n, group_row_read_mine, group_rows_free, err,
	    rc);
	return rc;
}

enum pd_status
db_group_goal_set(struct db *db, int64_t goal_id, int64_t group_id,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_goal_set, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", goal_id);
	db_bind_id_opt(st, ":g", group_id);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return pd_fail(err, PD_NOT_FOUND, NULL, "There is no goal "
		    "%lld.", (long long)goal_id);
	return PD_OK;
}

enum pd_status
db_group_goal_get(struct db *db, int64_t goal_id, int64_t *client_id,
    int64_t *group_id, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_goal_get, ":id", goal_id, err);
	enum pd_status rc = st == NULL ? PD_DB : db_step_row(db, st, err);

	if (rc == PD_OK) {
		*client_id = db_col_int(st, 0, 0);
		*group_id = db_col_int(st, 1, 0);
	} else if (rc == PD_NOT_FOUND)
		pd_fail(err, PD_NOT_FOUND, NULL, "There is no goal %lld.",
		    (long long)goal_id);
	db_done(st);
	return rc;
}

enum pd_status
db_quote_set(struct db *db, bool is_review, int64_t id, bool on,
    int64_t *client_id, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, is_review ? sql_quote_review_client :
	    sql_quote_note_client, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	rc = db_step_row(db, st, err);
	if (rc == PD_OK)
		*client_id = db_col_int(st, 0, 0);
	db_done(st);
	if (rc == PD_NOT_FOUND)
		return pd_fail(err, PD_NOT_FOUND, NULL, "There is no %s %lld.",
		    is_review ? "review" : "plan note", (long long)id);
	if (rc != PD_OK)
		return rc;
	if ((st = db_stmt(db, is_review ? sql_quote_review : sql_quote_note,
	    err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	db_bind_int64(st, ":on", on ? 1 : 0);
	return db_exec_stmt(db, st, err);
}

/* ---- the demo ------------------------------------------------------------ */

static const char sql_demo_clients[] =
	"SELECT c.id FROM client c WHERE c.status IN ('active', 'paused')"
	" ORDER BY EXISTS (SELECT 1 FROM plan_goal g JOIN plan p"
	" ON p.id = g.plan_id WHERE p.client_id = c.id"
	" AND g.title LIKE '%walking group%') DESC, c.id LIMIT :max";
static const char sql_demo_reviews[] =
	"SELECT id FROM review ORDER BY held_on, id";
static const char sql_demo_words[] =
	"UPDATE review SET notes = :words, may_quote = 1 WHERE id = :id";
static const char sql_demo_goal[] =
	"UPDATE plan_goal SET group_id = :g WHERE title LIKE :title";

enum pd_status
db_demo_active_clients(struct db *db, int max, int64_t **out, size_t *n,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_demo_clients, err);

	if (st != NULL)
		db_bind_int64(st, ":max", max);
	return db_ids(db, st, out, n, err);
}

enum pd_status
db_demo_reviews(struct db *db, int64_t **out, size_t *n, struct pd_err *err)
{
	return db_ids(db, db_stmt(db, sql_demo_reviews, err), out, n, err);
}

enum pd_status
db_demo_review_words(struct db *db, int64_t id, const char *words,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_demo_words, err);

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	db_bind_text(st, ":words", words);
	return db_exec_stmt(db, st, err);
}

enum pd_status
db_demo_goal_group(struct db *db, const char *like, int64_t group_id,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_demo_goal, err);

	if (st == NULL)
		return PD_DB;
	db_bind_text(st, ":title", like);
	db_bind_int64(st, ":g", group_id);
	return db_exec_stmt(db, st, err);
}
