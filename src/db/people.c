/* people.c - helpers for the people files: scope, copies, conflicts. */
#include "people_priv.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"

void
people_today(char out[11])
{
	date_format(today_get(), out);
}

void
people_bind_scope(sqlite3_stmt *st, int64_t scope_pal, const char *today)
{
	char d[11];

	if (today == NULL || today[0] == '\0') {
		people_today(d);
		today = d;
	}
	db_bind_int64(st, ":scope_pal", scope_pal > 0 ? scope_pal : 0);
	db_bind_text(st, ":today", today);
}

void
people_copy(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	size_t len;

	if (n == 0)
		return;
	if (t == NULL)
		t = "";
	len = strlen(t);
	if (len >= n) {
		len = n - 1;
		/* t[len] is the first byte left out: never split a character. */
		while (len > 0 && ((unsigned char)t[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(buf, t, len);
	buf[len] = '\0';
}

enum pd_status
people_stale(struct db *db, const char *probe, int64_t id,
    const char *what, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, probe, err);
	enum pd_status s;
	char who[128], at[21];

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	s = db_step_row(db, st, NULL);
	if (s == PD_NOT_FOUND) {
		db_done(st);
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "this %s is no longer there; someone may have removed it",
		    what);
	}
	if (s != PD_OK) {
		db_done(st);
		return db_error(db, sqlite3_errcode(db->h), err);
	}
	people_copy(st, 1, who, sizeof who);
	people_copy(st, 2, at, sizeof at);
	db_done(st);
	return db_conflict(what, who, at, err);
}

enum pd_status
people_bad_value(struct pd_err *err, const char *field, const char *what)
{
	return pd_fail(err, PD_INVALID, field, "%s is not one of the choices",
	    what);
}

enum pd_status
people_end(struct db *db, sqlite3_stmt *st, int rc, struct pd_err *err)
{
	enum pd_status s = PD_OK;

	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = db_error(db, rc, err);
	db_done(st);
	return s;
}

/* The shared first half of a write: check, prepare, bind. */
static sqlite3_stmt *
people_prepare(struct db *db, const struct people_table *t, const char *sql,
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
people_run(struct db *db, const struct people_table *t, sqlite3_stmt *st,
    struct pd_err *err)
{
	enum pd_status rc = db_exec_stmt(db, st, err);

	if (rc == PD_NOT_FOUND && t->missing != NULL)
		return pd_fail(err, rc, NULL, "%s", t->missing);
	return rc;
}

enum pd_status
people_insert(struct db *db, const struct people_table *t, const void *rec,
    int64_t by, int64_t *id, int *version, char *now, struct pd_err *err)
{
	char at[21];
	enum pd_status rc;
	sqlite3_stmt *st = people_prepare(db, t, t->insert_sql, rec, by, at,
	    &rc, err);

	if (st == NULL)
		return rc;
	if ((rc = people_run(db, t, st, err)) != PD_OK)
		return rc;
	*id = db_last_id(db);
	*version = 1;
	if (now != NULL)
		memcpy(now, at, sizeof at);
	return PD_OK;
}

enum pd_status
people_update(struct db *db, const struct people_table *t, const void *rec,
    int64_t by, int64_t id, int *version, char *now, struct pd_err *err)
{
	char at[21];
	enum pd_status rc;
	sqlite3_stmt *st = people_prepare(db, t, t->update_sql, rec, by, at,
	    &rc, err);

	if (st == NULL)
		return rc;
	db_bind_int64(st, ":id", id);
	db_bind_int64(st, ":version", *version);
	if ((rc = people_run(db, t, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return people_stale(db, t->probe_sql, id, t->what, err);
	(*version)++;
	if (now != NULL)
		memcpy(now, at, sizeof at);
	return PD_OK;
}

enum pd_status
people_one(struct db *db, sqlite3_stmt *st, const char *missing,
    struct pd_err *err)
{
	enum pd_status rc = db_step_row(db, st, err);

	if (rc == PD_NOT_FOUND)
		pd_fail(err, rc, NULL, "%s", missing);
	if (rc != PD_OK)
		db_done(st);
	return rc;
}
