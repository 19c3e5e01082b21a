/* audit.c - the audit table (insert and read only). */
#include "peerdesk/db/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/mention.h"
#include "people_priv.h"

static const char sql_insert[] =
	"INSERT INTO audit (at, actor_id, actor_login, action, entity, "
	"entity_id, client_id, summary, before, after, reason) VALUES (:at, "
	":actor_id, :actor_login, :action, :entity, :entity_id, :client_id, "
	":summary, :before, :after, :reason)";

/* A row about a client keeps the record's before and after here, not in
 * the row itself (an erase removes them; the row never changes). */
static const char sql_detail[] =
	"INSERT INTO audit_detail (audit_id, client_id, before, after) "
	"VALUES (:audit_id, :client_id, :before, :after)";
static const char sql_who[] =
	"SELECT name, preferred_name, phone FROM client WHERE id = :id";

/* The client's name as the audit shows it: their name now, or
 * "client #N (erased)". */
#define AUDIT_CLIENT_NAME "(SELECT CASE WHEN c.anonymised_at IS NULL " \
	"THEN c.name ELSE 'client #' || c.id || ' (erased)' END " \
	"FROM client c WHERE c.id = audit.client_id)"
#define AUDIT_DETAIL(col) "coalesce(audit." col ", (SELECT d." col \
	" FROM audit_detail d WHERE d.audit_id = audit.id))"

/* One statement per index: by client (audit_client), by actor
 * (audit_actor), or by date (audit_at); the other conditions filter.
 * The list and the count share every condition. */
#define AUDIT_HEAD "SELECT id, at, actor_id, actor_login, action, entity, " \
	"entity_id, client_id, summary, " AUDIT_DETAIL("before") ", " \
	AUDIT_DETAIL("after") ", reason, " AUDIT_CLIENT_NAME \
	" FROM audit WHERE "
#define AUDIT_COUNT "SELECT count(*) FROM audit WHERE "
#define AUDIT_RANGE "at >= :from " \
	"AND at < coalesce(date(:to, '+1 day'), '9999-12-31') " \
	"AND (:text IS NULL OR instr(lower(coalesce(actor_login, '') || ' ' " \
	"|| action || ' ' || entity || ' ' || coalesce(summary, '') || ' ' " \
	"|| coalesce(" AUDIT_CLIENT_NAME ", '')), lower(:text)) > 0)"
#define AUDIT_TAIL " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset"
#define AUDIT_BY_CLIENT "client_id = :client_id " \
	"AND (:actor_id IS NULL OR actor_id = :actor_id) AND " AUDIT_RANGE
#define AUDIT_BY_ACTOR "actor_id = :actor_id AND " AUDIT_RANGE

static const char sql_by_client[] = AUDIT_HEAD AUDIT_BY_CLIENT AUDIT_TAIL;
static const char sql_by_actor[] = AUDIT_HEAD AUDIT_BY_ACTOR AUDIT_TAIL;
static const char sql_by_date[] = AUDIT_HEAD AUDIT_RANGE AUDIT_TAIL;
static const char sql_count_client[] = AUDIT_COUNT AUDIT_BY_CLIENT;
static const char sql_count_actor[] = AUDIT_COUNT AUDIT_BY_ACTOR;
static const char sql_count_date[] = AUDIT_COUNT AUDIT_RANGE;

static enum pd_status audit_write(struct db *db, const struct audit_entry *a,
    struct pd_err *err);

/* The audit's one rule for a client's words: in a row about client id,
 * their name (whole, first and last, preferred and last, or a one-word
 * name) and phone number in text become "client #ID".  *out is NULL
 * when text is NULL, else a new string. */
static enum pd_status
audit_unname(struct db *db, int64_t id, const char *text, char **out,
    struct pd_err *err)
{
	sqlite3_stmt *st;
	struct mention_rule *r;
	struct mention_hit *h;
	struct strbuf sb = STRBUF_INIT;
	char with[40];
	size_t n;
	int rc;

	*out = NULL;
	if (text == NULL)
		return PD_OK;
	if ((st = db_stmt(db, sql_who, err)) == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		*out = xstrdup(text);
		return people_end(db, st, rc, err);
	}
	r = mention_rule_new((const char *)sqlite3_column_text(st, 0),
	    (const char *)sqlite3_column_text(st, 1),
	    (const char *)sqlite3_column_text(st, 2));
	db_done(st);
	n = mention_find(r, text, MENTION_FIND_ONE_WORD_NAME, &h);
	snprintf(with, sizeof with, "client #%lld", (long long)id);
	mention_replace(text, h, n, NULL, with, &sb);
	*out = strbuf_detach(&sb);
	free(h);
	mention_rule_free(&r);
	return PD_OK;
}

enum pd_status
db_audit_insert(struct db *db, const struct audit_entry *a,
    struct pd_err *err)
{
	struct audit_entry b;
	enum pd_status s;
	char *summary = NULL, *reason = NULL;

	if (a->client_id <= 0 || (a->summary == NULL && a->reason == NULL &&
	    a->before == NULL && a->after == NULL))
		return audit_write(db, a, err);
	b = *a;
	s = audit_unname(db, a->client_id, a->summary, &summary, err);
	if (s == PD_OK)
		s = audit_unname(db, a->client_id, a->reason, &reason, err);
	b.summary = summary;
	b.reason = reason;
	b.before = b.after = NULL;
	if (s == PD_OK)
		s = audit_write(db, &b, err);
	if (s == PD_OK && (a->before != NULL || a->after != NULL)) {
		sqlite3_stmt *st = db_stmt(db, sql_detail, err);

		if (st == NULL)
			s = PD_DB;
		else {
			db_bind_int64(st, ":audit_id",
			    sqlite3_last_insert_rowid(db->h));
			db_bind_int64(st, ":client_id", a->client_id);
			db_bind_text_opt(st, ":before", a->before);
			db_bind_text_opt(st, ":after", a->after);
			s = db_exec_stmt(db, st, err);
		}
	}
	free(summary);
	free(reason);
	return s;
}

static enum pd_status
audit_write(struct db *db, const struct audit_entry *a, struct pd_err *err)
{
	sqlite3_stmt *st;
	char now[21];

	if (a->action == NULL || a->action[0] == '\0' || a->entity == NULL ||
	    a->entity[0] == '\0')
		return pd_fail(err, PD_INVALID, NULL,
		    "internal error: an audit row needs an action and a table");
	if ((st = db_stmt(db, sql_insert, err)) == NULL)
		return PD_DB;
	db_now(now);
	db_bind_text(st, ":at", a->at[0] != '\0' ? a->at : now);
	db_bind_id_opt(st, ":actor_id", a->actor_id);
	db_bind_text_opt(st, ":actor_login", a->actor_login);
	db_bind_text(st, ":action", a->action);
	db_bind_text(st, ":entity", a->entity);
	db_bind_id_opt(st, ":entity_id", a->entity_id);
	db_bind_id_opt(st, ":client_id", a->client_id);
	db_bind_text_opt(st, ":summary", a->summary);
	db_bind_text_opt(st, ":before", a->before);
	db_bind_text_opt(st, ":after", a->after);
	db_bind_text_opt(st, ":reason", a->reason);
	return db_exec_stmt(db, st, err);
}

/* The statement for q (list or count form), q's conditions bound. */
static sqlite3_stmt *
audit_stmt(struct db *db, const struct audit_query *q, int list,
    struct pd_err *err)
{
	static const char *const sql[2][3] = {
		{ sql_count_client, sql_count_actor, sql_count_date },
		{ sql_by_client, sql_by_actor, sql_by_date },
	};
	int by = q->client_id > 0 ? 0 : q->actor_id > 0 ? 1 : 2;
	sqlite3_stmt *st = db_stmt(db, sql[list != 0][by], err);

	if (st == NULL)
		return NULL;
	if (q->client_id > 0)
		db_bind_int64(st, ":client_id", q->client_id);
	if (q->client_id > 0 || q->actor_id > 0)
		db_bind_id_opt(st, ":actor_id", q->actor_id);
	db_bind_text(st, ":from", q->from != NULL ? q->from : "");
	db_bind_text_opt(st, ":to", q->to);
	db_bind_text_opt(st, ":text", q->text);
	if (list) {
		db_bind_int64(st, ":limit", q->limit > 0 ? q->limit : -1);
		db_bind_int64(st, ":offset", q->offset > 0 ? q->offset : 0);
	}
	return st;
}

enum pd_status
db_audit_list(struct db *db, const struct audit_query *q,
    int (*cb)(void *arg, const struct audit_entry *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = audit_stmt(db, q, 1, err);
	struct audit_entry row;
	int rc, stop;

	if (st == NULL)
		return PD_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof row);
		row.id = db_col_int(st, 0, 0);
		people_copy(st, 1, row.at, sizeof row.at);
		row.actor_id = db_col_int(st, 2, 0);
		row.actor_login = db_col_str(st, 3);
		row.action = db_col_str(st, 4);
		row.entity = db_col_str(st, 5);
		row.entity_id = db_col_int(st, 6, 0);
		row.client_id = db_col_int(st, 7, 0);
		row.summary = db_col_str(st, 8);
		row.before = db_col_str(st, 9);
		row.after = db_col_str(st, 10);
		row.reason = db_col_str(st, 11);
		row.client_name = db_col_str(st, 12);
		stop = cb(arg, &row);
		audit_entry_fini(&row);
		if (stop)
			break;
	}
	return people_end(db, st, rc, err);
}

enum pd_status
db_audit_count(struct db *db, const struct audit_query *q, int64_t *n,
    struct pd_err *err)
{
	sqlite3_stmt *st = audit_stmt(db, q, 0, err);
	int rc;

	*n = 0;
	if (st == NULL)
		return PD_DB;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = db_col_int(st, 0, 0);
	return people_end(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, err);
}
