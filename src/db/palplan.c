/* palplan.c - versions of a PAL's Wellness and Development Plan. */
#include "peerdesk/db/palplan.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "db_priv.h"

#define PAL_PLAN_COLS \
	"v.pal_id, v.version_no, v.aspirations, v.other_commitments," \
	" v.struggling_signs, v.my_actions, v.manager_actions," \
	" v.adjustments, v.career_development, v.saved_by, s.name," \
	" v.saved_at"

static const char sql_pal_exists[] =
	"SELECT 1 FROM pal WHERE staff_id = :pal_id";

static const char sql_pal_plan_newest[] =
	"SELECT v.version_no, s.name, v.saved_at FROM pal_plan_version v"
	" LEFT JOIN staff s ON s.id = v.saved_by"
	" WHERE v.pal_id = :pal_id ORDER BY v.version_no DESC LIMIT 1";

static const char sql_pal_plan_insert[] =
	"INSERT INTO pal_plan_version (pal_id, version_no, aspirations,"
	" other_commitments, struggling_signs, my_actions, manager_actions,"
	" adjustments, career_development, saved_by, saved_at)"
	" VALUES (:pal_id, :version_no, :aspirations, :other_commitments,"
	" :struggling_signs, :my_actions, :manager_actions, :adjustments,"
	" :career_development, :by, :now)";

static const char sql_pal_plan_get[] =
	"SELECT " PAL_PLAN_COLS " FROM pal_plan_version v"
	" LEFT JOIN staff s ON s.id = v.saved_by"
	" WHERE v.pal_id = :pal_id AND (:version_no > 0 AND v.version_no ="
	" :version_no OR :version_no <= 0)"
	" ORDER BY v.version_no DESC LIMIT 1";

static const char sql_pal_plan_list[] =
	"SELECT " PAL_PLAN_COLS " FROM pal_plan_version v"
	" LEFT JOIN staff s ON s.id = v.saved_by"
	" WHERE v.pal_id = :pal_id ORDER BY v.version_no DESC";

/* Parameter names, in pal_plan_fields order. */
static const char *const pal_plan_params[PAL_PLAN_NFIELDS] = {
	":aspirations", ":other_commitments", ":struggling_signs",
	":my_actions", ":manager_actions", ":adjustments",
	":career_development"
};

static void
pal_plan_read(sqlite3_stmt *st, struct pal_plan *p)
{
	size_t i;

	memset(p, 0, sizeof *p);
	p->pal_id = db_col_int(st, 0, 0);
	p->version_no = (int)db_col_int(st, 1, 0);
	for (i = 0; i < PAL_PLAN_NFIELDS; i++)
		*(char **)(void *)((char *)p + pal_plan_fields[i].offset) =
		    db_col_str(st, 2 + (int)i);
	p->saved_by = db_col_int(st, 9, 0);
	p->saved_by_name = db_col_str(st, 10);
	db_col_copy(st, 11, p->saved_at, sizeof p->saved_at);
}

static enum pd_status
pal_plan_check_pal(struct db *db, int64_t pal_id, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_pal_exists, ":pal_id", pal_id,
	    err);
	enum pd_status rc = st == NULL ? PD_DB : db_step_row(db, st, err);

	db_done(st);
	if (rc == PD_NOT_FOUND)
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "There is no PAL with that number.");
	return rc;
}

/* The newest version's number, who saved it and when. */
static enum pd_status
pal_plan_newest(struct db *db, int64_t pal_id, int *no, char *who,
    size_t nwho, char at[21], struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;

	*no = 0;
	if ((rc = pal_plan_check_pal(db, pal_id, err)) != PD_OK)
		return rc;
	if ((st = db_stmt(db, sql_pal_plan_newest, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", pal_id);
	rc = db_step_row(db, st, err);
	if (rc == PD_OK) {
		*no = (int)db_col_int(st, 0, 0);
		if (who != NULL)
			db_col_copy(st, 1, who, nwho);
		if (at != NULL)
			db_col_copy(st, 2, at, 21);
	}
	db_done(st);
	return rc == PD_NOT_FOUND ? PD_OK : rc;
}

enum pd_status
db_pal_plan_current(struct db *db, int64_t pal_id, int *out,
    struct pd_err *err)
{
	return pal_plan_newest(db, pal_id, out, NULL, 0, NULL, err);
}

enum pd_status
db_pal_plan_insert(struct db *db, struct pal_plan *p, int expected,
    int64_t by, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	char who[128] = "", at[21] = "", now[21];
	int newest;
	size_t i;

	rc = pal_plan_newest(db, p->pal_id, &newest, who, sizeof who, at, err);
	if (rc != PD_OK)
		return rc;
	if (newest != expected)
		return db_conflict("plan", who, at, err);
	if ((st = db_stmt(db, sql_pal_plan_insert, err)) == NULL)
		return PD_DB;
	if (p->saved_at[0] != '\0')
		snprintf(now, sizeof now, "%s", p->saved_at);
	else
		db_now(now);
	db_bind_int64(st, ":pal_id", p->pal_id);
	db_bind_int64(st, ":version_no", (int64_t)expected + 1);
	for (i = 0; i < PAL_PLAN_NFIELDS; i++)
		db_bind_text_opt(st, pal_plan_params[i],
		    pal_plan_field_get(p, i));
	db_bind_id_opt(st, ":by", by);
	db_bind_text(st, ":now", now);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	p->version_no = expected + 1;
	p->saved_by = by;
	memcpy(p->saved_at, now, sizeof p->saved_at);
	return PD_OK;
}

enum pd_status
db_pal_plan_get(struct db *db, int64_t pal_id, int version_no,
    struct pal_plan *out, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_pal_plan_get, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_int64(st, ":version_no", version_no);
	if ((rc = db_one(db, st, "That version of the plan cannot be found.",
	    err)) != PD_OK)
		return rc;
	pal_plan_read(st, out);
	db_done(st);
	return PD_OK;
}

enum pd_status
db_pal_plan_list(struct db *db, int64_t pal_id, db_pal_plan_cb cb, void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_pal_plan_list, err);
	enum pd_status rc = PD_OK;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", pal_id);
	DB_EACH(db, st, struct pal_plan, pal_plan_read, pal_plan_fini, cb,
	    arg, err, rc);
	return rc;
}
