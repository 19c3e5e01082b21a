/* client.c - the client table and the client list. */
#include "peerdesk/db/client.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/clientstory.h"
#include "db_priv.h"

#define CLIENT_COLS "c.id, c.name, c.preferred_name, c.pronouns, " \
	"c.date_of_birth, c.gender, c.phone, c.email, c.address, " \
	"c.contact_notes, c.pal_preferences, c.interests, c.skills_wanted, " \
	"c.diagnosis_note, c.status, c.status_changed_on, c.closed_on, " \
	"c.referred_on, c.updated_at, c.updated_by, c.version, c.episode, " \
	"c.closed_reason, c.merged_into, c.anonymised_at IS NOT NULL"

static const char sql_insert[] =
	"INSERT INTO client (name, preferred_name, pronouns, date_of_birth, "
	"gender, phone, email, address, contact_notes, pal_preferences, "
	"interests, skills_wanted, diagnosis_note, status, status_changed_on, "
	"closed_on, closed_reason, created_at, created_by, version) VALUES "
	"(:name, :preferred_name, :pronouns, :date_of_birth, :gender, :phone, "
	":email, :address, :contact_notes, :pal_preferences, :interests, "
	":skills_wanted, :diagnosis_note, :status, :status_changed_on, "
	":closed_on, CASE WHEN :status = 'closed' THEN 'other' END, :now, "
	":by, 1)";
static const char sql_get[] =
	"SELECT " CLIENT_COLS " FROM client c WHERE c.id = :id AND "
	DB_IN_SCOPE("c.id");
static const char sql_update[] =
	"UPDATE client SET name = :name, preferred_name = :preferred_name, "
	"pronouns = :pronouns, date_of_birth = :date_of_birth, "
	"gender = :gender, phone = :phone, email = :email, "
	"address = :address, contact_notes = :contact_notes, "
	"pal_preferences = :pal_preferences, interests = :interests, "
	"skills_wanted = :skills_wanted, diagnosis_note = :diagnosis_note, "
	"status = :status, status_changed_on = :status_changed_on, "
	"closed_on = :closed_on, updated_at = :now, updated_by = :by, "
	"version = version + 1 WHERE id = :id AND version = :version";
static const char sql_probe[] =
	"SELECT c.version, s.name, c.updated_at FROM client c "
	"LEFT JOIN staff s ON s.id = c.updated_by WHERE c.id = :id";

/*
 * The list.  In the default order (newest referral first) four
 * statements, one per (everyone | one worker) x (any status | one
 * status), so that each can use its index:
 *   everyone, any status:  walk client_referred backwards
 *   everyone, one status:  walk client_status_referred backwards
 *   one worker:            assignment_worker finds the few clients,
 *                          then a small sort
 * and the same four with a filter, which finds its clients in the search
 * index (client_search, FTS5) first.  The other orders (name, status,
 * PAL, next review) are one statement each, with and without a filter,
 * the scope and status given as parameters; they sort what they find.
 * The scope (a PAL's own clients) is in every statement, so a filter
 * only ever narrows it.  docs/data-model.md shows the query plans.
 */
#define LIST_MATCH \
	"c.id IN (SELECT rowid FROM client_search WHERE client_search " \
	"MATCH :match)"
#define LIST_MINE \
	"c.id IN (SELECT a.client_id FROM assignment a " \
	"WHERE a.worker_id = :scope_pal AND " DB_IN_FORCE("a") ")"
#define LIST_ORDER " ORDER BY c.referred_on DESC, c.id DESC"
#define NEXT_REVIEW \
	"(SELECT min(r.review_due_on) FROM assignment r " \
	"WHERE r.client_id = c.id AND r.reviewed_on IS NULL " \
	"AND (r.ended_on IS NULL OR r.ended_on > :today))"
#define PAGE_COLS \
	"SELECT c.id, c.name, c.preferred_name, c.status, c.referred_on, " \
	"(SELECT group_concat(s.name, ', ') FROM assignment w " \
	"JOIN staff s ON s.id = w.worker_id WHERE w.client_id = c.id " \
	"AND (w.ended_on IS NULL OR w.ended_on > :today)) AS pals, " \
	NEXT_REVIEW " AS next_review FROM client c "
#define PAGE_HEAD PAGE_COLS "WHERE "
#define PAGE_TAIL LIST_ORDER " LIMIT :limit OFFSET :offset"
#define COUNT_HEAD "SELECT count(*) FROM client c WHERE "

static const char sql_page_all[] =
	PAGE_HEAD "1" PAGE_TAIL;
static const char sql_page_status[] =
	PAGE_HEAD "c.status = :status" PAGE_TAIL;
static const char sql_page_mine[] =
	PAGE_HEAD LIST_MINE PAGE_TAIL;
static const char sql_page_mine_status[] =
	PAGE_HEAD LIST_MINE " AND c.status = :status" PAGE_TAIL;
static const char sql_count_all[] =
	"SELECT count(*) FROM client";
static const char sql_count_status[] =
	COUNT_HEAD "c.status = :status";
static const char sql_count_mine[] =
	COUNT_HEAD LIST_MINE;
static const char sql_count_mine_status[] =
	COUNT_HEAD LIST_MINE " AND c.status = :status";

/* With a filter the page's clients are chosen first (their ids only,
 * sorted by the referral date), and the PALs and next review are looked
 * up for those on the page alone: a filter that matches hundreds costs
 * hundreds of id lookups, not hundreds of subqueries. */
#define FPAGE_HEAD PAGE_COLS "WHERE c.id IN (SELECT c.id FROM client c WHERE "
#define FPAGE_TAIL PAGE_TAIL ")" LIST_ORDER
static const char sql_fpage_all[] =
	FPAGE_HEAD LIST_MATCH FPAGE_TAIL;
static const char sql_fpage_status[] =
	FPAGE_HEAD "c.status = :status AND " LIST_MATCH FPAGE_TAIL;
static const char sql_fpage_mine[] =
	FPAGE_HEAD LIST_MINE " AND " LIST_MATCH FPAGE_TAIL;
static const char sql_fpage_mine_status[] =
	FPAGE_HEAD LIST_MINE " AND c.status = :status AND " LIST_MATCH
	FPAGE_TAIL;
static const char sql_fcount_all[] =
	"SELECT count(*) FROM client_search WHERE client_search MATCH :match";
static const char sql_fcount_status[] =
	COUNT_HEAD "c.status = :status AND " LIST_MATCH;
static const char sql_fcount_mine[] =
	COUNT_HEAD LIST_MINE " AND " LIST_MATCH;
static const char sql_fcount_mine_status[] =
	COUNT_HEAD LIST_MINE " AND c.status = :status AND " LIST_MATCH;

/* The other orders: scope and status as parameters. */
#define SORT_HEAD PAGE_COLS \
	"LEFT JOIN client_search_key k ON k.client_id = c.id " \
	"WHERE (:scope_pal = 0 OR " LIST_MINE ") " \
	"AND (:status IS NULL OR c.status = :status) "
#define SORT_STATUS \
	"CASE c.status WHEN 'referred' THEN 0 WHEN 'intake' THEN 1 " \
	"WHEN 'active' THEN 2 WHEN 'paused' THEN 3 ELSE 4 END"
#define BY_NAME " ORDER BY k.name_key, c.id"
#define BY_STATUS " ORDER BY " SORT_STATUS ", k.name_key, c.id"
#define BY_PAL " ORDER BY pals IS NULL, lower(pals), k.name_key, c.id"
#define BY_REVIEW \
	" ORDER BY next_review IS NULL, next_review, k.name_key, c.id"
#define SORT_TAIL " LIMIT :limit OFFSET :offset"

static const char sql_sort_name[] = SORT_HEAD BY_NAME SORT_TAIL;
static const char sql_sort_status[] = SORT_HEAD BY_STATUS SORT_TAIL;
static const char sql_sort_pal[] = SORT_HEAD BY_PAL SORT_TAIL;
static const char sql_sort_review[] = SORT_HEAD BY_REVIEW SORT_TAIL;
static const char sql_fsort_name[] =
	SORT_HEAD "AND " LIST_MATCH BY_NAME SORT_TAIL;
static const char sql_fsort_status[] =
	SORT_HEAD "AND " LIST_MATCH BY_STATUS SORT_TAIL;
static const char sql_fsort_pal[] =
	SORT_HEAD "AND " LIST_MATCH BY_PAL SORT_TAIL;
static const char sql_fsort_review[] =
	SORT_HEAD "AND " LIST_MATCH BY_REVIEW SORT_TAIL;

/* ---- one client ------------------------------------------------------ */

static void
client_read(sqlite3_stmt *st, struct client *c)
{
	memset(c, 0, sizeof *c);
	c->id = db_col_int(st, 0, 0);
	c->name = db_col_str(st, 1);
	c->preferred_name = db_col_str(st, 2);
	c->pronouns = db_col_str(st, 3);
	db_col_copy(st, 4, c->date_of_birth, sizeof c->date_of_birth);
	c->gender = db_col_str(st, 5);
	c->phone = db_col_str(st, 6);
	c->email = db_col_str(st, 7);
	c->address = db_col_str(st, 8);
	c->contact_notes = db_col_str(st, 9);
	c->pal_preferences = db_col_str(st, 10);
	c->interests = db_col_str(st, 11);
	c->skills_wanted = db_col_str(st, 12);
	c->diagnosis_note = db_col_str(st, 13);
	if (client_status_from_str((const char *)sqlite3_column_text(st, 14),
	    &c->status) != 0)
		c->status = CLIENT_REFERRED;
	db_col_copy(st, 15, c->status_changed_on, sizeof c->status_changed_on);
	db_col_copy(st, 16, c->closed_on, sizeof c->closed_on);
	db_col_copy(st, 17, c->referred_on, sizeof c->referred_on);
	db_col_copy(st, 18, c->updated_at, sizeof c->updated_at);
	c->updated_by = db_col_int(st, 19, 0);
	c->version = (int)db_col_int(st, 20, 1);
	c->episode = (int)db_col_int(st, 21, 1);
	db_col_copy(st, 22, c->closed_reason, sizeof c->closed_reason);
	c->merged_into = db_col_int(st, 23, 0);
	c->erased = (int)db_col_int(st, 24, 0);
}

static enum pd_status
client_check(const void *rec, struct pd_err *err)
{
	const struct client *c = rec;

	if (c->name == NULL || strspn(c->name, " \t") == strlen(c->name))
		return pd_fail(err, PD_INVALID, "name", "a name is needed");
	if (client_status_str(c->status) == NULL)
		return db_bad_value(err, "status", "the status");
	return PD_OK;
}

static void
client_bind(sqlite3_stmt *st, const void *rec, int64_t by, const char *now)
{
	const struct client *c = rec;

	db_bind_text(st, ":name", c->name);
	db_bind_text_opt(st, ":preferred_name", c->preferred_name);
	db_bind_text_opt(st, ":pronouns", c->pronouns);
	db_bind_text_opt(st, ":date_of_birth", c->date_of_birth);
	db_bind_text_opt(st, ":gender", c->gender);
	db_bind_text_opt(st, ":phone", c->phone);
	db_bind_text_opt(st, ":email", c->email);
	db_bind_text_opt(st, ":address", c->address);
	db_bind_text_opt(st, ":contact_notes", c->contact_notes);
	db_bind_text_opt(st, ":pal_preferences", c->pal_preferences);
	db_bind_text_opt(st, ":interests", c->interests);
	db_bind_text_opt(st, ":skills_wanted", c->skills_wanted);
	db_bind_text_opt(st, ":diagnosis_note", c->diagnosis_note);
	db_bind_text(st, ":status", client_status_str(c->status));
	db_bind_text_opt(st, ":status_changed_on", c->status_changed_on);
	db_bind_text_opt(st, ":closed_on", c->closed_on);
	db_bind_id_opt(st, ":by", by);
	db_bind_text(st, ":now", now);
}

static const struct db_table client_table = {
	.insert_sql = sql_insert,
	.update_sql = sql_update,
	.probe_sql = sql_probe,
	.what = "client's record",
	.check = client_check,
	.bind = client_bind,
};

/* The search index is kept from migration 0012 on (a database of an
 * earlier version is only ever met by tests that build one). */
static enum pd_status
client_search_sync(struct db *db, struct pd_err *err)
{
	return db_schema_version(db) >= 12 ? db_client_search_sync(db, err) :
	    PD_OK;
}

enum pd_status
db_client_insert(struct db *db, struct client *c, int64_t by,
    struct pd_err *err)
{
	enum pd_status rc = db_row_insert(db, &client_table, c, by, &c->id,
	    &c->version, NULL, err);
	char today[11];
	const char *on;

	if (rc != PD_OK)
		return rc;
	c->updated_at[0] = '\0';
	c->updated_by = 0;
	c->episode = 1;
	/* Every client's story starts with the line for their referral
	 * (as migration 0011 made for the clients before it). */
	db_scope_today(today);
	on = c->status_changed_on[0] != '\0' ? c->status_changed_on : today;
	rc = db_status_change_insert(db, c->id, 1, CLIENT_REFERRED, on,
	    CLOSED_NONE, NULL, by, err);
	if (rc == PD_OK && c->status != CLIENT_REFERRED)
		rc = db_status_change_insert(db, c->id, 1, c->status,
		    c->status == CLIENT_CLOSED && c->closed_on[0] != '\0' ?
		    c->closed_on : on, c->status == CLIENT_CLOSED ?
		    CLOSED_OTHER : CLOSED_NONE, NULL, by, err);
	if (rc == PD_OK)
		rc = client_search_sync(db, err);
	return rc;
}

enum pd_status
db_client_get(struct db *db, int64_t id, int64_t scope_pal,
    struct client *out, struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt_scoped(db, sql_get, ":id",
	    id, scope_pal, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	if ((rc = db_one(db, st, "that client's record was not found",
	    err)) != PD_OK)
		return rc;
	client_read(st, out);
	db_done(st);
	return PD_OK;
}

enum pd_status
db_client_update(struct db *db, struct client *c, int64_t by,
    struct pd_err *err)
{
	char now[21];
	enum pd_status rc = db_row_update(db, &client_table, c, by, c->id,
	    &c->version, now, err);

	if (rc == PD_OK) {
		memcpy(c->updated_at, now, sizeof c->updated_at);
		c->updated_by = by;
		rc = client_search_sync(db, err);
	}
	return rc;
}

/* ---- the list -------------------------------------------------------- */

/* Bind v to name when the statement has that parameter. */
static void
client_bind_if(sqlite3_stmt *st, const char *name, const char *v)
{
	if (sqlite3_bind_parameter_index(st, name) > 0)
		db_bind_text_opt(st, name, v);
}

/* *out = the statement for q (page or count form), q's values bound;
 * a filter with no word in it ("--") matches nobody. */
static enum pd_status
client_list_stmt(struct db *db, const struct client_query *q, int page,
    sqlite3_stmt **out, struct pd_err *err)
{
	static const char *const pages[2][2][2] = {
		{ { sql_page_all, sql_page_status },
		  { sql_page_mine, sql_page_mine_status } },
		{ { sql_fpage_all, sql_fpage_status },
		  { sql_fpage_mine, sql_fpage_mine_status } },
	};
	static const char *const counts[2][2][2] = {
		{ { sql_count_all, sql_count_status },
		  { sql_count_mine, sql_count_mine_status } },
		{ { sql_fcount_all, sql_fcount_status },
		  { sql_fcount_mine, sql_fcount_mine_status } },
	};
	static const char *const sorts[2][CLIENT_SORT_COUNT] = {
		{ NULL, sql_sort_name, sql_sort_status, sql_sort_pal,
		  sql_sort_review },
		{ NULL, sql_fsort_name, sql_fsort_status, sql_fsort_pal,
		  sql_fsort_review },
	};
	int mine = q->scope_pal > 0;
	int one = q->status_or_minus1 >= 0;
	const char *status = NULL, *sql;
	char *match = NULL;
	int f;
	sqlite3_stmt *st;
	char today[11];

	*out = NULL;
	if (one && (status = client_status_str(
	    (enum client_status)q->status_or_minus1)) == NULL)
		return db_bad_value(err, "status", "the status");
	if ((unsigned)q->sort >= CLIENT_SORT_COUNT)
		return db_bad_value(err, "sort", "the order");
	if (q->filter != NULL && q->filter[strspn(q->filter, " \t")] != '\0' &&
	    (match = db_client_search_expr(q->filter)) == NULL)
		match = xstrdup("\"\"");	/* no word in it: nobody */
	f = match != NULL;
	if (f || (page && q->sort != CLIENT_SORT_REFERRAL))
		(void)db_client_search_catch_up(db);
	if (!page)
		sql = counts[f][mine][one];
	else if (q->sort == CLIENT_SORT_REFERRAL)
		sql = pages[f][mine][one];
	else
		sql = sorts[f][q->sort];
	st = db_stmt(db, sql, err);
	if (st == NULL) {
		free(match);
		return PD_DB;
	}
	if (f)
		db_bind_text(st, ":match", match);
	free(match);
	client_bind_if(st, ":status", status);
	if (sqlite3_bind_parameter_index(st, ":scope_pal") > 0)
		db_bind_int64(st, ":scope_pal", q->scope_pal);
	if (sqlite3_bind_parameter_index(st, ":today") > 0) {
		if (q->today != NULL && q->today[0] != '\0')
			db_bind_text(st, ":today", q->today);
		else {
			db_scope_today(today);
			db_bind_text(st, ":today", today);
		}
	}
	*out = st;
	return PD_OK;
}

enum pd_status
db_client_page(struct db *db, const struct client_query *q,
    struct client_row *rows, int max, int *n, struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status s;
	int rc;

	*n = 0;
	if (max <= 0)
		return PD_OK;
	if ((s = client_list_stmt(db, q, 1, &st, err)) != PD_OK)
		return s;
	db_bind_int64(st, ":limit", max);
	db_bind_int64(st, ":offset", q->offset > 0 ? q->offset : 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		struct client_row *r = &rows[*n];

		r->id = db_col_int(st, 0, 0);
		db_col_copy(st, 1, r->name, sizeof r->name);
		db_col_copy(st, 2, r->preferred_name, sizeof r->preferred_name);
		db_col_copy(st, 3, r->status, sizeof r->status);
		db_col_copy(st, 4, r->referred_on, sizeof r->referred_on);
		db_col_copy(st, 5, r->pal_names, sizeof r->pal_names);
		db_col_copy(st, 6, r->next_review, sizeof r->next_review);
		(*n)++;
	}
	return db_end(db, st, rc, err);
}

enum pd_status
db_client_count(struct db *db, const struct client_query *q, int *n,
    struct pd_err *err)
{
	sqlite3_stmt *st;
	enum pd_status rc;

	*n = 0;
	if ((rc = client_list_stmt(db, q, 0, &st, err)) != PD_OK)
		return rc;
	rc = db_step_row(db, st, err);
	if (rc == PD_OK)
		*n = (int)db_col_int(st, 0, 0);
	db_done(st);
	return rc;
}
