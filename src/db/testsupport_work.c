/* testsupport_work.c - rows for the tests of the work aggregates. */
#include "peerdesk/db/testsupport_work.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "work_priv.h"

static const char sql_tw_staff[] =
	"INSERT INTO staff (login, name, role, active, created_at)"
	" VALUES (:login, :name, :role, :active, '2024-01-01T09:00:00Z')";
static const char sql_tw_pal[] =
	"INSERT INTO pal (staff_id, started_on) VALUES (:id, '2023-01-01')";
static const char sql_tw_client[] =
	"INSERT INTO client (name, status, created_at)"
	" VALUES (:name, :status, '2024-01-01T09:00:00Z')";
static const char sql_tw_rate[] =
	"INSERT INTO pal_rate (pal_id, rate_pence, effective_from, created_at)"
	" VALUES (:pal, :rate, :from, '2024-01-01T09:00:00Z')";
static const char sql_tw_dbs[] =
	"INSERT INTO pal_dbs (pal_id, level, issued_on, recheck_due,"
	" created_at) VALUES (:pal, 'enhanced', :issued, :recheck,"
	" '2024-01-01T09:00:00Z')";
static const char sql_tw_supervision[] =
	"INSERT INTO pal_supervision (pal_id, date, minutes, created_at)"
	" VALUES (:pal, :date, 60, '2024-01-01T09:00:00Z')";
static const char sql_tw_funding[] =
	"INSERT INTO funding (client_id, kind, review_due, ends_on, created_at)"
	" VALUES (:client, 'personal_budget', :review_due, :ends_on,"
	" '2024-01-01T09:00:00Z')";
static const char sql_tw_left[] =
	"UPDATE pal SET left_on = :left_on WHERE staff_id = :pal";
static const char sql_tw_audit[] =
	"INSERT INTO audit (at, actor_id, action, entity, entity_id)"
	" VALUES (:at, :actor, 'update', :entity, :id)";

static const char sql_tw_count_session[] = "SELECT count(*) FROM session";
static const char sql_tw_count_line[] = "SELECT count(*) FROM timesheet_line";
static const char sql_tw_count_week[] = "SELECT count(*) FROM timesheet_week";
static const char sql_tw_count_plan[] = "SELECT count(*) FROM plan";
static const char sql_tw_count_version[] =
	"SELECT count(*) FROM plan_version";
static const char sql_tw_count_assignment[] =
	"SELECT count(*) FROM assignment";
static const char sql_tw_count_review[] = "SELECT count(*) FROM review";
static const char sql_tw_count_score[] = "SELECT count(*) FROM goal_score";

static void
twork_die(const char *what, const struct pd_err *err)
{
	fprintf(stderr, "test fixture: %s failed: %s\n", what,
	    err != NULL ? err->msg : "");
	abort();
}

static sqlite3_stmt *
twork_stmt(struct db *db, const char *sql)
{
	struct pd_err err;
	sqlite3_stmt *st = db_stmt(db, sql, &err);

	if (st == NULL)
		twork_die(sql, &err);
	return st;
}

static int64_t
twork_run(struct db *db, sqlite3_stmt *st, const char *what)
{
	struct pd_err err;

	if (db_exec_stmt(db, st, &err) != PD_OK)
		twork_die(what, &err);
	return db_last_id(db);
}

int64_t
twork_staff(struct db *db, const char *login, const char *name,
    const char *role, int active)
{
	sqlite3_stmt *st = twork_stmt(db, sql_tw_staff);
	int64_t id;

	db_bind_text(st, ":login", login);
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":role", role);
	db_bind_int64(st, ":active", active);
	id = twork_run(db, st, "staff");
	if (strcmp(role, "pal") == 0) {
		st = twork_stmt(db, sql_tw_pal);
		db_bind_int64(st, ":id", id);
		twork_run(db, st, "pal");
	}
	return id;
}

int64_t
twork_client(struct db *db, const char *name, const char *status)
{
	sqlite3_stmt *st = twork_stmt(db, sql_tw_client);

	db_bind_text(st, ":name", name);
	db_bind_text(st, ":status", status);
	return twork_run(db, st, "client");
}

void
twork_rate(struct db *db, int64_t pal, int64_t rate_pence, const char *from)
{
	sqlite3_stmt *st = twork_stmt(db, sql_tw_rate);

	db_bind_int64(st, ":pal", pal);
	db_bind_int64(st, ":rate", rate_pence);
	db_bind_text(st, ":from", from);
	twork_run(db, st, "rate");
}

int64_t
twork_dbs(struct db *db, int64_t pal, const char *issued,
    const char *recheck_due)
{
	sqlite3_stmt *st = twork_stmt(db, sql_tw_dbs);

	db_bind_int64(st, ":pal", pal);
	db_bind_text_opt(st, ":issued", issued);
	db_bind_text_opt(st, ":recheck", recheck_due);
	return twork_run(db, st, "dbs");
}

void
twork_supervision(struct db *db, int64_t pal, const char *date)
{
	sqlite3_stmt *st = twork_stmt(db, sql_tw_supervision);

	db_bind_int64(st, ":pal", pal);
	db_bind_text(st, ":date", date);
	twork_run(db, st, "supervision");
}

int64_t
twork_funding(struct db *db, int64_t client, const char *review_due,
    const char *ends_on)
{
	sqlite3_stmt *st = twork_stmt(db, sql_tw_funding);

	db_bind_int64(st, ":client", client);
	db_bind_text_opt(st, ":review_due", review_due);
	db_bind_text_opt(st, ":ends_on", ends_on);
	return twork_run(db, st, "funding");
}

void
twork_pal_left(struct db *db, int64_t pal, const char *left_on)
{
	sqlite3_stmt *st = twork_stmt(db, sql_tw_left);

	db_bind_int64(st, ":pal", pal);
	db_bind_text_opt(st, ":left_on", left_on);
	twork_run(db, st, "pal left");
}

void
twork_audit(struct db *db, int64_t actor, const char *entity,
    int64_t entity_id, const char *at)
{
	sqlite3_stmt *st = twork_stmt(db, sql_tw_audit);

	db_bind_text(st, ":at", at);
	db_bind_int64(st, ":actor", actor);
	db_bind_text(st, ":entity", entity);
	db_bind_int64(st, ":id", entity_id);
	twork_run(db, st, "audit");
}

int
twork_count(struct db *db, const char *table)
{
	static const struct {
		const char *table;
		const char *sql;
	} counts[] = {
		{ .table = "session", .sql = sql_tw_count_session },
		{ .table = "timesheet_line", .sql = sql_tw_count_line },
		{ .table = "timesheet_week", .sql = sql_tw_count_week },
		{ .table = "plan", .sql = sql_tw_count_plan },
		{ .table = "plan_version", .sql = sql_tw_count_version },
		{ .table = "assignment", .sql = sql_tw_count_assignment },
		{ .table = "review", .sql = sql_tw_count_review },
		{ .table = "goal_score", .sql = sql_tw_count_score },
	};
	struct pd_err err;
	sqlite3_stmt *st;
	size_t i;
	int n;

	for (i = 0; i < sizeof counts / sizeof counts[0]; i++)
		if (strcmp(counts[i].table, table) == 0)
			break;
	if (i == sizeof counts / sizeof counts[0])
		twork_die(table, NULL);
	st = twork_stmt(db, counts[i].sql);
	if (db_step_row(db, st, &err) != PD_OK)
		twork_die("count", &err);
	n = (int)db_col_int(st, 0, 0);
	db_done(st);
	return n;
}

void
twork_today(const char *ymd)
{
	struct pd_err err;
	pd_date d;

	if (date_parse(ymd, &d, &err) != PD_OK)
		twork_die("today", &err);
	today_set(d);
}

void
twork_open(struct twork *f)
{
	struct pd_err err;

	memset(f, 0, sizeof *f);
	if (db_open(":memory:", DB_OPEN_CREATE, &f->db, &err) != PD_OK)
		twork_die("open", &err);
	twork_today("2024-03-04");
	f->manager = twork_staff(f->db, "mia", "Mia Manager", "manager", 1);
	f->office = twork_staff(f->db, "oli", "Oli Office", "office", 1);
	f->ann = twork_staff(f->db, "ann", "Ann Able", "pal", 1);
	f->bob = twork_staff(f->db, "bob", "Bob Brown", "pal", 1);
	f->cat = twork_staff(f->db, "cat", "Cat Cole", "pal", 1);
	f->dee = twork_client(f->db, "Dee Dale", "active");
	f->eve = twork_client(f->db, "Eve Ellis", "active");
	f->fay = twork_client(f->db, "Fay Ford", "active");
}

void
twork_close(struct twork *f)
{
	db_close(&f->db);
	today_clear();
}
