/* stale.c - telling "it is gone" from "someone else saved it first". */
#include "work_priv.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const char sql_stale_last_change[] =
	"SELECT coalesce(s.name, a.actor_login), a.at"
	" FROM audit a LEFT JOIN staff s ON s.id = a.actor_id"
	" WHERE a.entity = :entity AND a.entity_id = :id"
	" AND a.action <> 'open'"
	" ORDER BY a.at DESC, a.id DESC LIMIT 1";

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
db_stale(struct db *db, const char *exists_sql, const char *entity,
    int64_t id, const char *what, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status s;
	char who[128] = "", at[21] = "";

	if ((st = db_stmt(db, exists_sql, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	s = db_step_row(db, st, err);
	db_done(st);
	if (s == PD_NOT_FOUND)
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "this %s is no longer there; someone may have removed it",
		    what);
	if (s != PD_OK)
		return s;
	if ((st = db_stmt(db, sql_stale_last_change, err)) == NULL)
		return PD_DB;
	db_bind_text(st, ":entity", entity);
	db_bind_int64(st, ":id", id);
	if (db_step_row(db, st, NULL) == PD_OK) {
		db_col_copy(st, 0, who, sizeof who);
		db_col_copy(st, 1, at, sizeof at);
	}
	db_done(st);
	return db_conflict(what, who, at, err);
}
