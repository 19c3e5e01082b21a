/* referral.c - the referral table. */
#include "peerdesk/db/referral.h"

#include <string.h>

#include "people_priv.h"

static const char sql_insert[] =
	"INSERT INTO referral (client_id, referred_on, referrer_name, "
	"referrer_org, referrer_team, referrer_contact, route, "
	"first_contact_on, plan_submitted_on, plan_approved_on, "
	"funding_received_on, notes, created_at, created_by, version) "
	"VALUES (:client_id, :referred_on, :referrer_name, :referrer_org, "
	":referrer_team, :referrer_contact, :route, :first_contact_on, "
	":plan_submitted_on, :plan_approved_on, :funding_received_on, :notes, "
	":now, :by, 1)";
static const char sql_for_client[] =
	"SELECT r.id, r.client_id, r.referred_on, r.referrer_name, "
	"r.referrer_org, r.referrer_team, r.referrer_contact, r.route, "
	"r.first_contact_on, r.plan_submitted_on, r.plan_approved_on, "
	"r.funding_received_on, r.notes, r.version FROM referral r "
	"WHERE r.client_id = :client_id AND " PEOPLE_IN_SCOPE("r.client_id")
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
	"updated_at = :now, updated_by = :by, version = version + 1 "
	"WHERE id = :id AND version = :version";
static const char sql_probe[] =
	"SELECT r.version, s.name, r.updated_at FROM referral r "
	"LEFT JOIN staff s ON s.id = r.updated_by WHERE r.id = :id";

static enum pd_status
referral_check(const struct referral *r, struct pd_err *err)
{
	if (strlen(r->referred_on) != 10)
		return pd_fail(err, PD_INVALID, "referred_on",
		    "the date of the referral is needed");
	if (r->route != ROUTE_UNSET && referral_route_str(r->route) == NULL)
		return people_bad_value(err, "route", "the route");
	return PD_OK;
}

static void
referral_bind(sqlite3_stmt *st, const struct referral *r, int64_t by,
    const char *now)
{
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
	db_bind_id_opt(st, ":by", by);
	db_bind_text(st, ":now", now);
}

static enum pd_status
referral_no_client(enum pd_status rc, struct pd_err *err)
{
	if (rc == PD_NOT_FOUND)
		return pd_fail(err, rc, NULL, "that client's record was not found");
	return rc;
}

enum pd_status
db_referral_insert(struct db *db, struct referral *r, int64_t by,
    struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	char now[21];

	if ((rc = referral_check(r, err)) != PD_OK)
		return rc;
	if ((st = db_stmt(db, sql_insert, err)) == NULL)
		return PD_DB;
	db_now(now);
	referral_bind(st, r, by, now);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return referral_no_client(rc, err);
	r->id = db_last_id(db);
	r->version = 1;
	return PD_OK;
}

enum pd_status
db_referral_for_client(struct db *db, int64_t client_id, int64_t scope_pal,
    struct referral *out, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_for_client, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":client_id", client_id);
	people_bind_scope(st, scope_pal, NULL);
	rc = db_step_row(db, st, err);
	if (rc == PD_NOT_FOUND)
		pd_fail(err, rc, NULL, "no referral is recorded for this client");
	if (rc != PD_OK) {
		db_done(st);
		return rc;
	}
	memset(out, 0, sizeof *out);
	out->id = db_col_int(st, 0, 0);
	out->client_id = db_col_int(st, 1, 0);
	people_copy(st, 2, out->referred_on, sizeof out->referred_on);
	out->referrer_name = db_col_str(st, 3);
	out->referrer_org = db_col_str(st, 4);
	out->referrer_team = db_col_str(st, 5);
	out->referrer_contact = db_col_str(st, 6);
	if (referral_route_from_str((const char *)sqlite3_column_text(st, 7),
	    &out->route) != 0)
		out->route = ROUTE_UNSET;
	people_copy(st, 8, out->first_contact_on, sizeof out->first_contact_on);
	people_copy(st, 9, out->plan_submitted_on,
	    sizeof out->plan_submitted_on);
	people_copy(st, 10, out->plan_approved_on, sizeof out->plan_approved_on);
	people_copy(st, 11, out->funding_received_on,
	    sizeof out->funding_received_on);
	out->notes = db_col_str(st, 12);
	out->version = (int)db_col_int(st, 13, 1);
	db_done(st);
	return PD_OK;
}

enum pd_status
db_referral_update(struct db *db, struct referral *r, int64_t by,
    struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	char now[21];

	if ((rc = referral_check(r, err)) != PD_OK)
		return rc;
	if ((st = db_stmt(db, sql_update, err)) == NULL)
		return PD_DB;
	db_now(now);
	referral_bind(st, r, by, now);
	db_bind_int64(st, ":id", r->id);
	db_bind_int64(st, ":version", r->version);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return referral_no_client(rc, err);
	if (db_changes(db) == 0)
		return people_stale(db, sql_probe, r->id, "referral", err);
	r->version++;
	return PD_OK;
}
