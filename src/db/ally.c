/* ally.c - the client_ally table. */
#include "peerdesk/db/ally.h"

#include <string.h>

#include "db_priv.h"

static const char sql_insert[] =
	"INSERT INTO client_ally (client_id, name, relationship, phone, notes, "
	"position, version) VALUES (:client_id, :name, :relationship, :phone, "
	":notes, coalesce(:position, (SELECT coalesce(max(position), 0) + 1 "
	"FROM client_ally WHERE client_id = :client_id)), 1)";
static const char sql_position[] =
	"SELECT position FROM client_ally WHERE id = :id";
static const char sql_list[] =
	"SELECT a.id, a.client_id, a.name, a.relationship, a.phone, a.notes, "
	"a.position, a.version FROM client_ally a "
	"WHERE a.client_id = :client_id AND " DB_IN_SCOPE("a.client_id")
	" ORDER BY a.position, a.id";
static const char sql_update[] =
	"UPDATE client_ally SET name = :name, relationship = :relationship, "
	"phone = :phone, notes = :notes, position = :position, "
	"version = version + 1 WHERE id = :id AND version = :version";
static const char sql_probe[] =
	"SELECT version, NULL, NULL FROM client_ally WHERE id = :id";
static const char sql_delete[] =
	"DELETE FROM client_ally WHERE id = :id";

static enum pd_status
ally_check(const struct ally *a, struct pd_err *err)
{
	if (a->name == NULL || strspn(a->name, " \t") == strlen(a->name))
		return pd_fail(err, PD_INVALID, "name", "a name is needed");
	return PD_OK;
}

static void
ally_bind(sqlite3_stmt *st, const struct ally *a)
{
	db_bind_text(st, ":name", a->name);
	db_bind_text_opt(st, ":relationship", a->relationship);
	db_bind_text_opt(st, ":phone", a->phone);
	db_bind_text_opt(st, ":notes", a->notes);
}

enum pd_status
db_ally_insert(struct db *db, struct ally *a, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;

	if ((rc = ally_check(a, err)) != PD_OK)
		return rc;
	if ((st = db_stmt(db, sql_insert, err)) == NULL)
		return PD_DB;
	ally_bind(st, a);
	db_bind_int64(st, ":client_id", a->client_id);
	if (a->position > 0)
		db_bind_int64(st, ":position", a->position);
	else
		db_bind_null(st, ":position");
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK) {
		if (rc == PD_NOT_FOUND)
			pd_fail(err, rc, NULL, "that client's record was not found");
		return rc;
	}
	a->id = db_last_id(db);
	a->version = 1;
	if ((st = db_stmt(db, sql_position, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", a->id);
	if ((rc = db_step_row(db, st, err)) == PD_OK)
		a->position = (int)db_col_int(st, 0, 0);
	db_done(st);
	return rc;
}

static void
ally_read(sqlite3_stmt *st, struct ally *r)
{
	memset(r, 0, sizeof *r);
	r->id = db_col_int(st, 0, 0);
	r->client_id = db_col_int(st, 1, 0);
	r->name = db_col_str(st, 2);
	r->relationship = db_col_str(st, 3);
	r->phone = db_col_str(st, 4);
	r->notes = db_col_str(st, 5);
	r->position = (int)db_col_int(st, 6, 0);
	r->version = (int)db_col_int(st, 7, 1);
}

enum pd_status
db_ally_list(struct db *db, int64_t client_id, int64_t scope_pal,
    int (*cb)(void *arg, const struct ally *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_list, ":client_id",
	    client_id, scope_pal, err);
	enum pd_status rc = PD_OK;

	DB_EACH(db, st, struct ally, ally_read, ally_fini, cb, arg, err, rc);
	return rc;
}

enum pd_status
db_ally_update(struct db *db, struct ally *a, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;

	if ((rc = ally_check(a, err)) != PD_OK)
		return rc;
	if ((st = db_stmt(db, sql_update, err)) == NULL)
		return PD_DB;
	ally_bind(st, a);
	db_bind_int64(st, ":position", a->position);
	return db_exec_versioned(db, st, a->id, &a->version, sql_probe,
	    "ally", err);
}

enum pd_status
db_ally_delete(struct db *db, int64_t id, struct pd_err *err)
{
	return db_exec_id(db, sql_delete, id,
	    "this ally is no longer there", err);
}
