/* pal.c - the pal table and the PAL's dated records. */
#include "peerdesk/db/pal.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "db_priv.h"

#define PAL_COLS "staff_id, date_of_birth, gender, pronouns, " \
	"work_experience, interests, likes, dislikes, activities, languages, " \
	"skills, my_story, started_on, left_on, max_clients, version"

static const char sql_insert[] =
	"INSERT INTO pal (" PAL_COLS ") VALUES (:staff_id, :date_of_birth, "
	":gender, :pronouns, :work_experience, :interests, :likes, :dislikes, "
	":activities, :languages, :skills, :my_story, :started_on, :left_on, "
	":max_clients, 1)";
static const char sql_get[] =
	"SELECT " PAL_COLS " FROM pal WHERE staff_id = :id";
static const char sql_update[] =
	"UPDATE pal SET date_of_birth = :date_of_birth, gender = :gender, "
	"pronouns = :pronouns, work_experience = :work_experience, "
	"interests = :interests, likes = :likes, dislikes = :dislikes, "
	"activities = :activities, languages = :languages, skills = :skills, "
	"my_story = :my_story, started_on = :started_on, left_on = :left_on, "
	"max_clients = :max_clients, version = version + 1 "
	"WHERE staff_id = :staff_id AND version = :version";
static const char sql_probe[] =
	"SELECT version, NULL, NULL FROM pal WHERE staff_id = :id";

static const char sql_rate_add[] =
	"INSERT INTO pal_rate (pal_id, rate_pence, effective_from, recorded_by, "
	"created_at) VALUES (:pal_id, :rate, :from, :by, :now)";
static const char sql_rate_on[] =
	"SELECT rate_pence FROM pal_rate WHERE pal_id = :pal_id "
	"AND effective_from <= :date ORDER BY effective_from DESC LIMIT 1";
static const char sql_rate_list[] =
	"SELECT id, rate_pence, effective_from, recorded_by FROM pal_rate "
	"WHERE pal_id = :pal_id ORDER BY effective_from DESC";

static const char sql_benefit_set[] =
	"INSERT INTO pal_benefit (pal_id, rule, effective_from, note, "
	"recorded_by, created_at) VALUES (:pal_id, :rule, :from, :note, :by, "
	":now) ON CONFLICT (pal_id, effective_from) DO UPDATE SET "
	"rule = excluded.rule, note = excluded.note, "
	"recorded_by = excluded.recorded_by, created_at = excluded.created_at";
static const char sql_benefit_on[] =
	"SELECT rule FROM pal_benefit WHERE pal_id = :pal_id "
	"AND effective_from <= :date ORDER BY effective_from DESC LIMIT 1";
static const char sql_benefit_list[] =
	"SELECT id, rule, effective_from, note, recorded_by FROM pal_benefit "
	"WHERE pal_id = :pal_id ORDER BY effective_from DESC";

static const char sql_dbs_add[] =
	"INSERT INTO pal_dbs (pal_id, level, certificate_no, issued_on, "
	"update_service, recheck_due, created_at) VALUES (:pal_id, :level, "
	":cert, :issued, :update_service, :recheck_due, :now)";
static const char sql_dbs_list[] =
	"SELECT id, level, certificate_no, issued_on, update_service, "
	"recheck_due FROM pal_dbs WHERE pal_id = :pal_id "
	"ORDER BY issued_on DESC, id DESC";

static const char sql_training_add[] =
	"INSERT INTO pal_training (pal_id, date, title, minutes, paid, "
	"created_at) VALUES (:pal_id, :date, :title, :minutes, :paid, :now)";
static const char sql_training_list[] =
	"SELECT id, date, title, minutes, paid FROM pal_training "
	"WHERE pal_id = :pal_id ORDER BY date DESC, id DESC";

static const char sql_supervision_add[] =
	"INSERT INTO pal_supervision (pal_id, date, supervisor_id, minutes, "
	"paid, notes, created_at) VALUES (:pal_id, :date, :supervisor_id, "
	":minutes, :paid, :notes, :now)";
static const char sql_supervision_list[] =
	"SELECT v.id, v.date, v.supervisor_id, s.name, v.minutes, v.paid, "
	"v.notes FROM pal_supervision v LEFT JOIN staff s "
	"ON s.id = v.supervisor_id WHERE v.pal_id = :pal_id "
	"ORDER BY v.date DESC, v.id DESC";

/* ---- profile --------------------------------------------------------- */

static void
pal_read(sqlite3_stmt *st, struct pal_profile *p)
{
	memset(p, 0, sizeof *p);
	p->staff_id = db_col_int(st, 0, 0);
	db_col_copy(st, 1, p->date_of_birth, sizeof p->date_of_birth);
	p->gender = db_col_str(st, 2);
	p->pronouns = db_col_str(st, 3);
	p->work_experience = db_col_str(st, 4);
	p->interests = db_col_str(st, 5);
	p->likes = db_col_str(st, 6);
	p->dislikes = db_col_str(st, 7);
	p->activities = db_col_str(st, 8);
	p->languages = db_col_str(st, 9);
	p->skills = db_col_str(st, 10);
	p->my_story = db_col_str(st, 11);
	db_col_copy(st, 12, p->started_on, sizeof p->started_on);
	db_col_copy(st, 13, p->left_on, sizeof p->left_on);
	p->max_clients = (int)db_col_int(st, 14, -1);
	p->version = (int)db_col_int(st, 15, 1);
}

static void
pal_bind(sqlite3_stmt *st, const struct pal_profile *p)
{
	db_bind_int64(st, ":staff_id", p->staff_id);
	db_bind_text_opt(st, ":date_of_birth", p->date_of_birth);
	db_bind_text_opt(st, ":gender", p->gender);
	db_bind_text_opt(st, ":pronouns", p->pronouns);
	db_bind_text_opt(st, ":work_experience", p->work_experience);
	db_bind_text_opt(st, ":interests", p->interests);
	db_bind_text_opt(st, ":likes", p->likes);
	db_bind_text_opt(st, ":dislikes", p->dislikes);
	db_bind_text_opt(st, ":activities", p->activities);
	db_bind_text_opt(st, ":languages", p->languages);
	db_bind_text_opt(st, ":skills", p->skills);
	db_bind_text_opt(st, ":my_story", p->my_story);
	db_bind_text_opt(st, ":started_on", p->started_on);
	db_bind_text_opt(st, ":left_on", p->left_on);
	db_bind_int_opt(st, ":max_clients", p->max_clients);
}

static enum pd_status
pal_not_found(struct pd_err *err)
{
	return pd_fail(err, PD_NOT_FOUND, NULL, "there is no such PAL");
}

enum pd_status
db_pal_insert(struct db *db, struct pal_profile *p, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_insert, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	pal_bind(st, p);
	rc = db_exec_stmt(db, st, err);
	if (rc == PD_NOT_FOUND)
		return pd_fail(err, rc, NULL, "there is no such member of staff");
	if (rc == PD_DUPLICATE)
		return pd_fail(err, rc, NULL, "this PAL already has a profile");
	if (rc == PD_OK)
		p->version = 1;
	return rc;
}

enum pd_status
db_pal_get(struct db *db, int64_t staff_id, struct pal_profile *out,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_get, ":id", staff_id, err);
	enum pd_status rc = st == NULL ? PD_DB : db_step_row(db, st, err);

	if (rc == PD_OK)
		pal_read(st, out);
	else if (rc == PD_NOT_FOUND)
		pal_not_found(err);
	db_done(st);
	return rc;
}

enum pd_status
db_pal_update(struct db *db, struct pal_profile *p, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_update, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	pal_bind(st, p);
	db_bind_int64(st, ":version", p->version);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc;
	if (db_changes(db) == 0)
		return db_stale(db, sql_probe, p->staff_id, "PAL profile",
		    err);
	p->version++;
	return PD_OK;
}

/* ---- rates and benefit rules ----------------------------------------- */

static enum pd_status
pal_need_date(const char *d, const char *field, struct pd_err *err)
{
	if (d == NULL || strlen(d) != 10)
		return pd_fail(err, PD_INVALID, field, "a date is needed");
	return PD_OK;
}

enum pd_status
db_pal_rate_add(struct db *db, int64_t pal_id, int64_t rate_pence,
    const char *from, int64_t by, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	char now[21];

	if ((rc = pal_need_date(from, "effective_from", err)) != PD_OK)
		return rc;
	if (rate_pence < 0)
		return pd_fail(err, PD_INVALID, "rate",
		    "the rate cannot be below zero");
	if ((st = db_stmt(db, sql_rate_add, err)) == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_int64(st, ":rate", rate_pence);
	db_bind_text(st, ":from", from);
	db_bind_id_opt(st, ":by", by);
	db_bind_text(st, ":now", now);
	rc = db_exec_stmt(db, st, err);
	if (rc == PD_DUPLICATE)
		return pd_fail(err, rc, "effective_from",
		    "a rate from %s is already recorded for this PAL", from);
	if (rc == PD_NOT_FOUND)
		return pal_not_found(err);
	return rc;
}

enum pd_status
db_pal_rate_on(struct db *db, int64_t pal_id, const char *date,
    int64_t *rate_pence, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_rate_on, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":date", date);
	rc = db_step_row(db, st, err);
	if (rc == PD_OK)
		*rate_pence = db_col_int(st, 0, 0);
	else if (rc == PD_NOT_FOUND)
		pd_fail(err, rc, NULL, "no hourly rate is recorded for %s",
		    date ? date : "that date");
	db_done(st);
	return rc;
}

enum pd_status
db_pal_rate_list(struct db *db, int64_t pal_id,
    int (*cb)(void *arg, const struct pal_rate_row *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_rate_list, err);
	struct pal_rate_row row;
	int rc;

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", pal_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row.id = db_col_int(st, 0, 0);
		row.rate_pence = db_col_int(st, 1, 0);
		db_col_copy(st, 2, row.effective_from, sizeof row.effective_from);
		row.recorded_by = db_col_int(st, 3, 0);
		if (cb(arg, &row))
			break;
	}
	return db_end(db, st, rc, err);
}

enum pd_status
db_pal_benefit_set(struct db *db, int64_t pal_id, enum benefit_rule r,
    const char *from, const char *note, int64_t by, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	char now[21];

	if ((rc = pal_need_date(from, "effective_from", err)) != PD_OK)
		return rc;
	if (benefit_rule_str(r) == NULL)
		return db_bad_value(err, "rule", "the benefit rule");
	if ((st = db_stmt(db, sql_benefit_set, err)) == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":rule", benefit_rule_str(r));
	db_bind_text(st, ":from", from);
	db_bind_text_opt(st, ":note", note);
	db_bind_id_opt(st, ":by", by);
	db_bind_text(st, ":now", now);
	rc = db_exec_stmt(db, st, err);
	return rc == PD_NOT_FOUND ? pal_not_found(err) : rc;
}

enum pd_status
db_pal_benefit_on(struct db *db, int64_t pal_id, const char *date,
    enum benefit_rule *r, struct pd_err *err)
{
	return db_pal_benefit_find(db, pal_id, date, r, NULL, err);
}

enum pd_status
db_pal_benefit_find(struct db *db, int64_t pal_id, const char *date,
    enum benefit_rule *r, bool *recorded, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_benefit_on, err);
	enum pd_status rc;

	if (recorded != NULL)
		*recorded = false;
	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":date", date);
	rc = db_step_row(db, st, NULL);
	*r = RULE_NONE;
	if (rc == PD_OK) {
		if (recorded != NULL)
			*recorded = true;
		if (benefit_rule_from_str((const char *)sqlite3_column_text(st,
		    0), r) != 0)
			*r = RULE_NONE;
	} else if (rc == PD_NOT_FOUND) {
		rc = PD_OK;
	} else {
		rc = db_error(db, sqlite3_errcode(db->h), err);
	}
	db_done(st);
	return rc;
}

enum pd_status
db_pal_benefit_list(struct db *db, int64_t pal_id,
    int (*cb)(void *arg, const struct pal_benefit_row *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_benefit_list, ":pal_id", pal_id,
	    err);
	struct pal_benefit_row row;
	char *note;
	int rc = SQLITE_DONE, stop = 0;

	if (st == NULL)
		return PD_DB;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		row.id = db_col_int(st, 0, 0);
		if (benefit_rule_from_str((const char *)sqlite3_column_text(st,
		    1), &row.rule) != 0)
			row.rule = RULE_NONE;
		db_col_copy(st, 2, row.effective_from, sizeof row.effective_from);
		row.note = note = db_col_str(st, 3);
		row.recorded_by = db_col_int(st, 4, 0);
		stop = cb(arg, &row);
		free(note);
	}
	return db_end(db, st, rc, err);
}

/* ---- DBS, training, supervision -------------------------------------- */

enum pd_status
db_pal_dbs_add(struct db *db, int64_t pal_id, const char *level,
    const char *cert, const char *issued, bool update_service,
    const char *recheck_due, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_dbs_add, err);
	enum pd_status rc;
	char now[21];

	if (st == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":level", level);
	db_bind_text_opt(st, ":cert", cert);
	db_bind_text_opt(st, ":issued", issued);
	db_bind_int64(st, ":update_service", update_service ? 1 : 0);
	db_bind_text_opt(st, ":recheck_due", recheck_due);
	db_bind_text(st, ":now", now);
	rc = db_exec_stmt(db, st, err);
	if (rc == PD_INVALID)
		return pd_fail(err, rc, "level", "the DBS level must be basic, "
		    "standard, enhanced or enhanced with barred lists");
	return rc == PD_NOT_FOUND ? pal_not_found(err) : rc;
}

enum pd_status
db_pal_dbs_list(struct db *db, int64_t pal_id,
    int (*cb)(void *arg, const struct pal_dbs_row *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_dbs_list, ":pal_id", pal_id, err);
	struct pal_dbs_row row;
	char *cert;
	int rc = SQLITE_DONE, stop = 0;

	if (st == NULL)
		return PD_DB;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		row.id = db_col_int(st, 0, 0);
		db_col_copy(st, 1, row.level, sizeof row.level);
		row.certificate_no = cert = db_col_str(st, 2);
		db_col_copy(st, 3, row.issued_on, sizeof row.issued_on);
		row.update_service = db_col_int(st, 4, 0) != 0;
		db_col_copy(st, 5, row.recheck_due, sizeof row.recheck_due);
		stop = cb(arg, &row);
		free(cert);
	}
	return db_end(db, st, rc, err);
}

enum pd_status
db_pal_training_add(struct db *db, int64_t pal_id, const char *date,
    const char *title, int minutes, int paid, int64_t *id_out,
    struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	char now[21];

	if ((rc = pal_need_date(date, "date", err)) != PD_OK)
		return rc;
	if (title == NULL || title[0] == '\0')
		return pd_fail(err, PD_INVALID, "title",
		    "what was the training called?");
	if (minutes < 0)
		return pd_fail(err, PD_INVALID, "minutes",
		    "the time cannot be below zero");
	if ((st = db_stmt(db, sql_training_add, err)) == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":date", date);
	db_bind_text(st, ":title", title);
	db_bind_int64(st, ":minutes", minutes);
	db_bind_int64(st, ":paid", paid ? 1 : 0);
	db_bind_text(st, ":now", now);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc == PD_NOT_FOUND ? pal_not_found(err) : rc;
	if (id_out != NULL)
		*id_out = db_last_id(db);
	return PD_OK;
}

/* The first two columns of a PAL's dated record: its id and day. */
static void
pal_dated_read(sqlite3_stmt *st, int64_t *id, char date[11])
{
	*id = db_col_int(st, 0, 0);
	db_col_date(st, 1, date);
}

enum pd_status
db_pal_training_list(struct db *db, int64_t pal_id,
    int (*cb)(void *arg, const struct pal_training_row *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_training_list, ":pal_id", pal_id,
	    err);
	struct pal_training_row row;
	char *title;
	int rc = SQLITE_DONE, stop = 0;

	if (st == NULL)
		return PD_DB;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		pal_dated_read(st, &row.id, row.date);
		row.title = title = db_col_str(st, 2);
		row.minutes = (int)db_col_int(st, 3, 0);
		row.paid = (int)db_col_int(st, 4, 0);
		stop = cb(arg, &row);
		free(title);
	}
	return db_end(db, st, rc, err);
}

enum pd_status
db_pal_supervision_add(struct db *db, int64_t pal_id, const char *date,
    int64_t supervisor_id, int minutes, int paid, const char *notes,
    int64_t *id_out, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;
	char now[21];

	if ((rc = pal_need_date(date, "date", err)) != PD_OK)
		return rc;
	if (minutes <= 0)
		return pd_fail(err, PD_INVALID, "minutes",
		    "how long was the supervision?");
	if ((st = db_stmt(db, sql_supervision_add, err)) == NULL)
		return PD_DB;
	db_now(now);
	db_bind_int64(st, ":pal_id", pal_id);
	db_bind_text(st, ":date", date);
	db_bind_id_opt(st, ":supervisor_id", supervisor_id);
	db_bind_int64(st, ":minutes", minutes);
	db_bind_int64(st, ":paid", paid ? 1 : 0);
	db_bind_text_opt(st, ":notes", notes);
	db_bind_text(st, ":now", now);
	if ((rc = db_exec_stmt(db, st, err)) != PD_OK)
		return rc == PD_NOT_FOUND ? pd_fail(err, rc, NULL,
		    "there is no such PAL or supervisor") : rc;
	if (id_out != NULL)
		*id_out = db_last_id(db);
	return PD_OK;
}

enum pd_status
db_pal_supervision_list(struct db *db, int64_t pal_id,
    int (*cb)(void *arg, const struct pal_supervision_row *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_id(db, sql_supervision_list, ":pal_id", pal_id,
	    err);
	struct pal_supervision_row row;
	char *who, *notes;
	int rc = SQLITE_DONE, stop = 0;

	if (st == NULL)
		return PD_DB;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		pal_dated_read(st, &row.id, row.date);
		row.supervisor_id = db_col_int(st, 2, 0);
		row.supervisor_name = who = db_col_str(st, 3);
		row.minutes = (int)db_col_int(st, 4, 0);
		row.paid = (int)db_col_int(st, 5, 0);
		row.notes = notes = db_col_str(st, 6);
		stop = cb(arg, &row);
		free(who);
		free(notes);
	}
	return db_end(db, st, rc, err);
}
