/* rows.c - versioned rows: writing them, and telling "it is gone" from
 * "someone else saved it first". */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db_priv.h"

static const char *const stale_months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
	"Oct", "Nov", "Dec"
};

/* "at 14:02" today, else "on 3 Mar at 14:02", in local time. */
static void
stale_when(const char *at, char *buf, size_t n)
{
	struct tm tm, loc, now_tm;
	time_t t, now;

	memset(&tm, 0, sizeof tm);
	buf[0] = '\0';
	if (at == NULL || sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	    &tm.tm_sec) != 6)
		return;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	now = time(NULL);
	localtime_r(&t, &loc);
	localtime_r(&now, &now_tm);
	if (loc.tm_year == now_tm.tm_year && loc.tm_yday == now_tm.tm_yday)
		snprintf(buf, n, "at %02d:%02d", loc.tm_hour, loc.tm_min);
	else
		snprintf(buf, n, "on %d %s %d at %02d:%02d", loc.tm_mday,
		    stale_months[loc.tm_mon], loc.tm_year + 1900, loc.tm_hour,
		    loc.tm_min);
}

enum pd_status
db_conflict(const char *what, const char *who, const char *at,
    struct pd_err *err)
{
	char when[48];

	stale_when(at, when, sizeof when);
	if (who != NULL && who[0] != '\0' && when[0] != '\0')
		return pd_fail(err, PD_CONFLICT, NULL,
		    "%s changed this %s %s, after you opened it. Reload to see "
		    "their changes, or keep yours and save again.", who, what,
		    when);
	return pd_fail(err, PD_CONFLICT, NULL,
	    "someone else changed this %s after you opened it. Reload to see "
	    "their changes, or keep yours and save again.", what);
}

enum pd_status
db_stale(struct db *db, const char *probe, int64_t id,
    const char *what, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, probe, err);
	enum pd_status s;
	char who[128], at[21];

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	s = db_step_row(db, st, err);
	if (s != PD_OK) {
		db_done(st);
		return s != PD_NOT_FOUND ? s : pd_fail(err, PD_NOT_FOUND, NULL,
		    "this %s is no longer there; someone may have removed it",
		    what);
	}
	db_col_copy(st, 1, who, sizeof who);
	db_col_copy(st, 2, at, sizeof at);
	db_done(st);
	return db_conflict(what, who, at, err);
}

enum pd_status
db_exec_versioned(struct db *db, sqlite3_stmt *st, int64_t id, int *version,
    const char *probe, const char *what, struct pd_err *err)
{
	enum pd_status rc;

	db_bind_int64(st, ":id", id);
	db_bind_int64(st, ":version", *version);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return db_stale(db, probe, id, what, err);
	(*version)++;
	return PD_OK;
}

/* The shared first half of a write: check, prepare, bind. */
static sqlite3_stmt *
row_prepare(struct db *db, const struct db_table *t, const char *sql,
    const void *rec, int64_t by, char now[21], enum pd_status *rc,
    struct pd_err *err)
{
	sqlite3_stmt *st;

	if ((*rc = t->check(rec, err)) != PD_OK)
		return NULL;
	if ((st = db_stmt(db, sql, err)) == NULL) {
		*rc = PD_DB;
		return NULL;
	}
	db_now(now);
	t->bind(st, rec, by, now);
	return st;
}

static enum pd_status
row_run(struct db *db, const struct db_table *t, sqlite3_stmt *st,
    struct pd_err *err)
{
	enum pd_status rc = db_exec_stmt(db, st, err);

	if (rc == PD_NOT_FOUND && t->missing != NULL)
		return pd_fail(err, rc, NULL, "%s", t->missing);
	return rc;
}

enum pd_status
db_row_insert(struct db *db, const struct db_table *t, const void *rec,
    int64_t by, int64_t *id, int *version, char *now, struct pd_err *err)
{
	char at[21];
	enum pd_status rc;
	sqlite3_stmt *st = row_prepare(db, t, t->insert_sql, rec, by, at,
	    &rc, err);

	if (st == NULL)
		return rc;
	if ((rc = row_run(db, t, st, err)) != PD_OK)
		return rc;
	*id = db_last_id(db);
	*version = 1;
	if (now != NULL)
		memcpy(now, at, sizeof at);
	return PD_OK;
}

enum pd_status
db_row_update(struct db *db, const struct db_table *t, const void *rec,
    int64_t by, int64_t id, int *version, char *now, struct pd_err *err)
{
	char at[21];
	enum pd_status rc;
	sqlite3_stmt *st = row_prepare(db, t, t->update_sql, rec, by, at,
	    &rc, err);

	if (st == NULL)
		return rc;
	db_bind_int64(st, ":id", id);
	db_bind_int64(st, ":version", *version);
	if ((rc = row_run(db, t, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return db_stale(db, t->probe_sql, id, t->what, err);
	(*version)++;
	if (now != NULL)
		memcpy(now, at, sizeof at);
	return PD_OK;
}
