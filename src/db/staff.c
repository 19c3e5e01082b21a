/* staff.c - the staff table. */
#include "peerdesk/db/staff.h"

#include <string.h>

#include "db_priv.h"

#define STAFF_COLS "id, login, name, role, passphrase, email, phone, " \
	"active, version"

static const char sql_insert[] =
	"INSERT INTO staff (login, name, role, passphrase, email, phone, "
	"active, created_at, version) VALUES (:login, :name, :role, "
	":passphrase, :email, :phone, :active, :now, 1)";
static const char sql_get[] =
	"SELECT " STAFF_COLS " FROM staff WHERE id = :id";
static const char sql_by_login[] =
	"SELECT " STAFF_COLS " FROM staff WHERE login = :login";
static const char sql_update[] =
	"UPDATE staff SET login = :login, name = :name, role = :role, "
	"email = :email, phone = :phone, active = :active, "
	"version = version + 1 WHERE id = :id AND version = :version";
static const char sql_probe[] =
	"SELECT version, NULL, NULL FROM staff WHERE id = :id";
static const char sql_passphrase[] =
	"UPDATE staff SET passphrase = :hash WHERE id = :id";
static const char sql_list[] =
	"SELECT " STAFF_COLS " FROM staff WHERE :role IS NULL OR role = :role "
	"ORDER BY name COLLATE NOCASE, id";

static void
staff_read(sqlite3_stmt *st, struct staff *s)
{
	memset(s, 0, sizeof *s);
	s->id = db_col_int(st, 0, 0);
	s->login = db_col_str(st, 1);
	s->name = db_col_str(st, 2);
	if (role_from_str((const char *)sqlite3_column_text(st, 3),
	    &s->role) != 0)
		s->role = ROLE_OFFICE;
	s->passphrase = db_col_str(st, 4);
	s->email = db_col_str(st, 5);
	s->phone = db_col_str(st, 6);
	s->active = (int)db_col_int(st, 7, 1);
	s->version = (int)db_col_int(st, 8, 1);
}

/* Fields the database cannot explain in plain words. */
static enum pd_status
staff_check(const struct staff *s, struct pd_err *err)
{
	if (s->name == NULL || strspn(s->name, " \t") == strlen(s->name))
		return pd_fail(err, PD_INVALID, "name", "a name is needed");
	if (role_str(s->role) == NULL)
		return db_bad_value(err, "role", "the role");
	return PD_OK;
}

static void
staff_bind(sqlite3_stmt *st, const struct staff *s)
{
	db_bind_text_opt(st, ":login", s->login);
	db_bind_text(st, ":name", s->name);
	db_bind_text(st, ":role", role_str(s->role));
	db_bind_text_opt(st, ":email", s->email);
	db_bind_text_opt(st, ":phone", s->phone);
	db_bind_int64(st, ":active", s->active ? 1 : 0);
}

static enum pd_status
staff_login_taken(const struct staff *s, enum pd_status st,
    struct pd_err *err)
{
	if (st == PD_DUPLICATE)
		return pd_fail(err, PD_DUPLICATE, "login",
		    "the login %s is already used by someone else",
		    s->login ? s->login : "");
	return st;
}

enum pd_status
db_staff_insert(struct db *db, struct staff *s, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	char now[21];

	if ((rc = staff_check(s, err)) != PD_OK)
		return rc;
	if ((st = db_stmt(db, sql_insert, err)) == NULL)
		return PD_DB;
	db_now(now);
	staff_bind(st, s);
	db_bind_text_opt(st, ":passphrase", s->passphrase);
	db_bind_text(st, ":now", now);
	rc = db_exec_stmt(db, st, err);
	if (rc != PD_OK)
		return staff_login_taken(s, rc, err);
	s->id = db_last_id(db);
	s->version = 1;
	return PD_OK;
}

static enum pd_status
staff_one(struct db *db, sqlite3_stmt *st, struct staff *out,
    struct pd_err *err)
{
	enum pd_status rc = db_step_row(db, st, err);

	if (rc == PD_OK)
		staff_read(st, out);
	else if (rc == PD_NOT_FOUND)
		pd_fail(err, PD_NOT_FOUND, NULL,
		    "there is no such member of staff");
	db_done(st);
	return rc;
}

enum pd_status
db_staff_get(struct db *db, int64_t id, struct staff *out,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_get, err);

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	return staff_one(db, st, out, err);
}

enum pd_status
db_staff_by_login(struct db *db, const char *login, struct staff *out,
    struct pd_err *err)
{
	sqlite3_stmt *st;

	if (login == NULL || login[0] == '\0')
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "there is no such member of staff");
	if ((st = db_stmt(db, sql_by_login, err)) == NULL)
		return PD_DB;
	db_bind_text(st, ":login", login);
	return staff_one(db, st, out, err);
}

enum pd_status
db_staff_update(struct db *db, struct staff *s, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;

	if ((rc = staff_check(s, err)) != PD_OK)
		return rc;
	if ((st = db_stmt(db, sql_update, err)) == NULL)
		return PD_DB;
	staff_bind(st, s);
	db_bind_int64(st, ":id", s->id);
	db_bind_int64(st, ":version", s->version);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return staff_login_taken(s, rc, err);
	if (db_changes(db) == 0)
		return db_stale(db, sql_probe, s->id, "staff record", err);
	s->version++;
	return PD_OK;
}

enum pd_status
db_staff_set_passphrase(struct db *db, int64_t id, const char *hash,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_passphrase, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	db_bind_text_opt(st, ":hash", hash);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "there is no such member of staff");
	return PD_OK;
}

enum pd_status
db_staff_list(struct db *db, int role_or_minus1,
    int (*cb)(void *arg, const struct staff *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_list, err);
	enum pd_status rc = PD_OK;

	if (st == NULL)
		return PD_DB;
	if (role_or_minus1 >= 0)
		db_bind_text(st, ":role", role_str((enum role)role_or_minus1));
	else
		db_bind_null(st, ":role");
	DB_EACH(db, st, struct staff, staff_read, staff_fini, cb, arg, err, rc);
	return rc;
}
