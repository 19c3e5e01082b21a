/* funding.c - the funding table. */
#include "peerdesk/db/funding.h"

#include <string.h>

#include "db_priv.h"

static const char sql_insert[] =
	"INSERT INTO funding (client_id, kind, contracted_minutes_per_week, "
	"hourly_charge_pence, funder, negotiator, negotiator_contact, "
	"review_due, starts_on, ends_on, notes, created_at, updated_at, "
	"updated_by, version) VALUES (:client_id, :kind, :minutes, :charge, "
	":funder, :negotiator, :negotiator_contact, :review_due, :starts_on, "
	":ends_on, :notes, :now, :now, :by, 1)";
static const char sql_for_client[] =
	"SELECT f.id, f.client_id, f.kind, f.contracted_minutes_per_week, "
	"f.hourly_charge_pence, f.funder, f.negotiator, f.negotiator_contact, "
	"f.review_due, f.starts_on, f.ends_on, f.notes, f.version "
	"FROM funding f WHERE f.client_id = :client_id AND "
	DB_IN_SCOPE("f.client_id")
	" ORDER BY coalesce(f.starts_on, '') DESC, f.id DESC LIMIT 1";
static const char sql_update[] =
	"UPDATE funding SET client_id = :client_id, kind = :kind, "
	"contracted_minutes_per_week = :minutes, hourly_charge_pence = :charge, "
	"funder = :funder, negotiator = :negotiator, "
	"negotiator_contact = :negotiator_contact, review_due = :review_due, "
	"starts_on = :starts_on, ends_on = :ends_on, notes = :notes, "
	"updated_at = :now, updated_by = :by, version = version + 1 "
	"WHERE id = :id AND version = :version";
static const char sql_probe[] =
	"SELECT f.version, s.name, f.updated_at FROM funding f "
	"LEFT JOIN staff s ON s.id = f.updated_by WHERE f.id = :id";

static enum pd_status
funding_check(const void *rec, struct pd_err *err)
{
	const struct funding *f = rec;

	if (funding_kind_str(f->kind) == NULL)
		return db_bad_value(err, "kind", "the kind of funding");
	return PD_OK;
}

static void
funding_bind(sqlite3_stmt *st, const void *rec, int64_t by,
    const char *now)
{
	const struct funding *f = rec;

	db_bind_int64(st, ":client_id", f->client_id);
	db_bind_text(st, ":kind", funding_kind_str(f->kind));
	db_bind_int_opt(st, ":minutes", f->contracted_minutes_per_week);
	db_bind_int_opt(st, ":charge", f->hourly_charge_pence);
	db_bind_text_opt(st, ":funder", f->funder);
	db_bind_text_opt(st, ":negotiator", f->negotiator);
	db_bind_text_opt(st, ":negotiator_contact", f->negotiator_contact);
	db_bind_text_opt(st, ":review_due", f->review_due);
	db_bind_text_opt(st, ":starts_on", f->starts_on);
	db_bind_text_opt(st, ":ends_on", f->ends_on);
	db_bind_text_opt(st, ":notes", f->notes);
	db_bind_id_opt(st, ":by", by);
	db_bind_text(st, ":now", now);
}

static const struct db_table funding_table = {
	.insert_sql = sql_insert,
	.update_sql = sql_update,
	.probe_sql = sql_probe,
	.what = "funding record",
	.missing = "that client's record was not found",
	.check = funding_check,
	.bind = funding_bind,
};

enum pd_status
db_funding_insert(struct db *db, struct funding *f, int64_t by,
    struct pd_err *err)
{
	return db_row_insert(db, &funding_table, f, by, &f->id, &f->version,
	    NULL, err);
}

enum pd_status
db_funding_for_client(struct db *db, int64_t client_id, int64_t scope_pal,
    struct funding *out, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc = db_one_scoped(db, sql_for_client, ":client_id",
	    client_id, scope_pal, "no funding is recorded for this client", &st, err);

	if (rc != PD_OK)
		return rc;
	memset(out, 0, sizeof *out);
	out->id = db_col_int(st, 0, 0);
	out->client_id = db_col_int(st, 1, 0);
	if (funding_kind_from_str((const char *)sqlite3_column_text(st, 2),
	    &out->kind) != 0)
		out->kind = FUNDING_NONE;
	out->contracted_minutes_per_week = (int)db_col_int(st, 3, -1);
	out->hourly_charge_pence = db_col_int(st, 4, -1);
	out->funder = db_col_str(st, 5);
	out->negotiator = db_col_str(st, 6);
	out->negotiator_contact = db_col_str(st, 7);
	db_col_copy(st, 8, out->review_due, sizeof out->review_due);
	db_col_copy(st, 9, out->starts_on, sizeof out->starts_on);
	db_col_copy(st, 10, out->ends_on, sizeof out->ends_on);
	out->notes = db_col_str(st, 11);
	out->version = (int)db_col_int(st, 12, 1);
	db_done(st);
	return PD_OK;
}

enum pd_status
db_funding_update(struct db *db, struct funding *f, int64_t by,
    struct pd_err *err)
{
	return db_row_update(db, &funding_table, f, by, f->id, &f->version,
	    NULL, err);
}
