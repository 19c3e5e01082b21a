/* referral.c - the referral table. */
#include "peerdesk/db/referral.h"

#include <string.h>

#include "db_priv.h"

static const char sql_insert[] =
	"INSERT INTO referral (client_id, referred_on, referrer_name, "
	"referrer_org, referrer_team, referrer_contact, route, "
	"first_contact_on, plan_submitted_on, plan_approved_on, "
	"funding_received_on, notes, heard_about, created_at, created_by, "
	"version) "
	"VALUES (:client_id, :referred_on, :referrer_name, :referrer_org, "
	":referrer_team, :referrer_contact, :route, :first_contact_on, "
	":plan_submitted_on, :plan_approved_on, :funding_received_on, :notes, "
	":heard_about, :now, :by, 1)";
static const char sql_for_client[] =
	"SELECT r.id, r.client_id, r.referred_on, r.referrer_name, "
	"r.referrer_org, r.referrer_team, r.referrer_contact, r.route, "
	"r.first_contact_on, r.plan_submitted_on, r.plan_approved_on, "
	"r.funding_received_on, r.notes, r.version, r.heard_about "
	"FROM referral r "
	"WHERE r.client_id = :client_id AND " DB_IN_SCOPE("r.client_id")
	" ORDER BY r.referred_on DESC, r.id DESC LIMIT 1";
static const char sql_update[] =
	"UPDATE referral SET client_id = :client_id, "
	"referred_on = :referred_on, referrer_name = :referrer_name, "
	"referrer_org = :referrer_org, referrer_team = :referrer_team, "
	"referrer_contact = :referrer_contact, route = :route, "
	"first_contact_on = :first_contact_on, "
	"plan_submitted_on = :plan_submitted_on, "
	"plan_approved_on = :plan_approved_on, "
	"funding_received_on = :funding_received_on, notes = :notes, "
	"heard_about = :heard_about, updated_at = :now, updated_by = :by, "
	"version = version + 1 "
	"WHERE id = :id AND version = :version";
static const char sql_probe[] =
	"SELECT r.version, s.name, r.updated_at FROM referral r "
	"LEFT JOIN staff s ON s.id = r.updated_by WHERE r.id = :id";

static enum pd_status
referral_check(const void *rec, struct pd_err *err)
{
	const struct referral *r = rec;

	if (strlen(r->referred_on) != 10)
		return pd_fail(err, PD_INVALID, "referred_on",
		    "the date of the referral is needed");
	if (r->route != ROUTE_UNSET && referral_route_str(r->route) == NULL)
		return db_bad_value(err, "route", "the route");
	return PD_OK;
}

static void
referral_bind(sqlite3_stmt *st, const void *rec, int64_t by,
    const char *now)
{
	const struct referral *r = rec;

	db_bind_int64(st, ":client_id", r->client_id);
	db_bind_text(st, ":referred_on", r->referred_on);
	db_bind_text_opt(st, ":referrer_name", r->referrer_name);
	db_bind_text_opt(st, ":referrer_org", r->referrer_org);
	db_bind_text_opt(st, ":referrer_team", r->referrer_team);
	db_bind_text_opt(st, ":referrer_contact", r->referrer_contact);
	db_bind_text(st, ":route", referral_route_str(r->route));
	db_bind_text_opt(st, ":first_contact_on", r->first_contact_on);
	db_bind_text_opt(st, ":plan_submitted_on", r->plan_submitted_on);
	db_bind_text_opt(st, ":plan_approved_on", r->plan_approved_on);
	db_bind_text_opt(st, ":funding_received_on", r->funding_received_on);
	db_bind_text_opt(st, ":notes", r->notes);
	db_bind_text_opt(st, ":heard_about", r->heard_about);
	db_bind_id_opt(st, ":by", by);
	db_bind_text(st, ":now", now);
}

static const struct db_table referral_table = {
	.insert_sql = sql_insert,
	.update_sql = sql_update,
	.probe_sql = sql_probe,
	.what = "referral",
	.missing = "that client's record was not found",
	.check = referral_check,
	.bind = referral_bind,
};

enum pd_status
db_referral_insert(struct db *db, struct referral *r, int64_t by,
    struct pd_err *err)
{
	return db_row_insert(db, &referral_table, r, by, &r->id, &r->version,
	    NULL, err);
}

enum pd_status
db_referral_for_client(struct db *db, int64_t client_id, int64_t scope_pal,
    struct referral *out, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc = db_one_scoped(db, sql_for_client, ":client_id",
	    client_id, scope_pal, "no referral is recorded for this client", &st, err);

	if (rc != PD_OK)
		return rc;
	memset(out, 0, sizeof *out);
	out->id = db_col_int(st, 0, 0);
	out->client_id = db_col_int(st, 1, 0);
	db_col_copy(st, 2, out->referred_on, sizeof out->referred_on);
	out->referrer_name = db_col_str(st, 3);
	out->referrer_org = db_col_str(st, 4);
	out->referrer_team = db_col_str(st, 5);
	out->referrer_contact = db_col_str(st, 6);
	if (referral_route_from_str((const char *)sqlite3_column_text(st, 7),
	    &out->route) != 0)
		out->route = ROUTE_UNSET;
	db_col_copy(st, 8, out->first_contact_on, sizeof out->first_contact_on);
	db_col_copy(st, 9, out->plan_submitted_on,
	    sizeof out->plan_submitted_on);
	db_col_copy(st, 10, out->plan_approved_on, sizeof out->plan_approved_on);
	db_col_copy(st, 11, out->funding_received_on,
	    sizeof out->funding_received_on);
	out->notes = db_col_str(st, 12);
	out->version = (int)db_col_int(st, 13, 1);
	out->heard_about = db_col_str(st, 14);
	db_done(st);
	return PD_OK;
}

enum pd_status
db_referral_update(struct db *db, struct referral *r, int64_t by,
    struct pd_err *err)
{
	return db_row_update(db, &referral_table, r, by, r->id, &r->version,
	    NULL, err);
}
