/* audit.c - the audit table: insert (chained), read, verify. */
#include "peerdesk/db/audit.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_priv.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/mention.h"

static const char sql_insert[] =
	"INSERT INTO audit (id, at, day, actor_id, actor_login, action, entity, "
	"entity_id, client_id, summary, before, after, reason, hash) VALUES "
	"(:id, :at, :day, :actor_id, :actor_login, :action, :entity, "
	":entity_id, :client_id, :summary, :before, :after, :reason, :hash)";
static const char sql_head[] =
	"SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1";
/* The chain's fields, in the order they are hashed (docs/data-model.md,
 * "The audit chain"), then the stored hash. */
#define AUDIT_CHAIN_COLS "id, at, day, actor_id, actor_login, action, " \
	"entity, entity_id, client_id, summary, before, after, reason"
#define AUDIT_NCOLS 13
static const char sql_all[] =
	"SELECT " AUDIT_CHAIN_COLS ", hash FROM audit WHERE id >= :from "
	"ORDER BY id";
static const char sql_batch[] =
	"SELECT " AUDIT_CHAIN_COLS " FROM audit WHERE id > :after "
	"ORDER BY id LIMIT 256";
static const char sql_seal[] =
	"SELECT entity_id, after FROM audit WHERE entity = 'audit_chain' "
	"AND entity_id > 0 AND length(after) = 64 "
	"ORDER BY entity_id DESC LIMIT 1";
static const char sql_trigger_text[] =
	"SELECT sql FROM sqlite_schema WHERE type = 'trigger' "
	"AND name = 'audit_no_update'";
static const char sql_drop_trigger[] = "DROP TRIGGER audit_no_update";
static const char sql_set_hash[] =
	"UPDATE audit SET hash = :hash WHERE id = :id";

/* A row about a client keeps the record's before and after in
 * audit_detail, not in the row itself (an erase removes them; the row,
 * and so the chain, never changes). */
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
	AUDIT_DETAIL("after") ", reason, " AUDIT_CLIENT_NAME ", day " \
	"FROM audit WHERE "
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

/* ---- the chain ----------------------------------------------------- */

/* One field as SQLite holds it. */
struct audit_val {
	int type;		/* SQLITE_NULL, _INTEGER, _FLOAT, _TEXT, _BLOB */
	int64_t i;
	double r;
	const void *p;
	size_t n;
};

static void
audit_val_text(struct audit_val *v, const char *text)
{
	v->type = text != NULL ? SQLITE_TEXT : SQLITE_NULL;
	v->p = text;
	v->n = text != NULL ? strlen(text) : 0;
}

static void
audit_val_id(struct audit_val *v, int64_t id)
{
	v->type = id > 0 ? SQLITE_INTEGER : SQLITE_NULL;
	v->i = id;
}

static void
audit_val_col(struct audit_val *v, sqlite3_stmt *st, int i)
{
	v->type = sqlite3_column_type(st, i);
	switch (v->type) {
	case SQLITE_INTEGER: v->i = sqlite3_column_int64(st, i); break;
	case SQLITE_FLOAT: v->r = sqlite3_column_double(st, i); break;
	case SQLITE_TEXT:
		v->p = sqlite3_column_text(st, i);
		v->n = (size_t)sqlite3_column_bytes(st, i);
		break;
	case SQLITE_BLOB:
		v->p = sqlite3_column_blob(st, i);
		v->n = (size_t)sqlite3_column_bytes(st, i);
		break;
	default: v->type = SQLITE_NULL;
	}
}

/* The row's hash: SHA-256 of "peerdesk audit v1\n", the previous row's
 * hash in hex (64 zeros for the first row) and "\n", then each field in
 * AUDIT_CHAIN_COLS order as "-\n" (NULL), "i<decimal>\n" (integer),
 * "r<%.17g>\n" (real), "t<bytes>:<text>\n" (text) or "b<bytes>:<bytes>\n"
 * (blob), bytes counted in decimal. */
static void
audit_hash(const char *prev, const struct audit_val v[AUDIT_NCOLS],
    char out[SHA256_HEX_LEN + 1])
{
	static const char zeros[SHA256_HEX_LEN + 1] =
	    "0000000000000000000000000000000000000000000000000000000000000000";
	struct sha256 c;
	char num[64];
	int i, k;

	sha256_init(&c);
	sha256_add(&c, "peerdesk audit v1\n", 18);
	sha256_add(&c, prev != NULL && strlen(prev) == SHA256_HEX_LEN ? prev :
	    zeros, SHA256_HEX_LEN);
	sha256_add(&c, "\n", 1);
	for (i = 0; i < AUDIT_NCOLS; i++) {
		switch (v[i].type) {
		case SQLITE_INTEGER:
			k = snprintf(num, sizeof num, "i%" PRId64 "\n", v[i].i);
			sha256_add(&c, num, (size_t)k);
			break;
		case SQLITE_FLOAT:
			k = snprintf(num, sizeof num, "r%.17g\n", v[i].r);
			sha256_add(&c, num, (size_t)k);
			break;
		case SQLITE_TEXT:
		case SQLITE_BLOB:
			k = snprintf(num, sizeof num, "%c%zu:",
			    v[i].type == SQLITE_TEXT ? 't' : 'b', v[i].n);
			sha256_add(&c, num, (size_t)k);
			sha256_add(&c, v[i].p, v[i].n);
			sha256_add(&c, "\n", 1);
			break;
		default:
			sha256_add(&c, "-\n", 2);
		}
	}
	sha256_finish_hex(&c, out);
}

/* The (id, hash) row sql gives, if any, into h (zero when none). */
static enum pd_status
audit_head_read(struct db *db, const char *sql, struct audit_head *h,
    struct pd_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(h, 0, sizeof *h);
	if ((st = db_stmt(db, sql, err)) == NULL)
		return PD_DB;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		h->id = db_col_int(st, 0, 0);
		db_col_copy(st, 1, h->hash, sizeof h->hash);
		rc = SQLITE_DONE;
	}
	return db_end(db, st, rc, err);
}

enum pd_status
db_audit_head(struct db *db, struct audit_head *h, struct pd_err *err)
{
	return audit_head_read(db, sql_head, h, err);
}

enum pd_status
db_audit_seal(struct db *db, struct audit_head *h, struct pd_err *err)
{
	return audit_head_read(db, sql_seal, h, err);
}

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
		return db_end(db, st, rc, err);
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
	sqlite3_stmt *st;

	if (a->client_id <= 0 || (a->summary == NULL && a->reason == NULL &&
	    a->before == NULL && a->after == NULL))
		return audit_insert_at(db, a, NULL, err);
	b = *a;
	if ((s = db_begin(db, err)) != PD_OK)
		return s;
	s = audit_unname(db, a->client_id, a->summary, &summary, err);
	if (s == PD_OK)
		s = audit_unname(db, a->client_id, a->reason, &reason, err);
	b.summary = summary;
	b.reason = reason;
	b.before = b.after = NULL;
	if (s == PD_OK)
		s = audit_insert_at(db, &b, NULL, err);
	if (s == PD_OK && (a->before != NULL || a->after != NULL)) {
		if ((st = db_stmt(db, sql_detail, err)) == NULL)
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
	if (s != PD_OK) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

enum pd_status
audit_insert_at(struct db *db, const struct audit_entry *a, const char *at,
    struct pd_err *err)
{
	struct audit_val v[AUDIT_NCOLS];
	struct audit_head head;
	sqlite3_stmt *st;
	enum pd_status s;
	char now[21], day[11], hash[SHA256_HEX_LEN + 1];

	if (a->action == NULL || a->action[0] == '\0' || a->entity == NULL ||
	    a->entity[0] == '\0')
		return pd_fail(err, PD_INVALID, NULL,
		    "internal error: an audit row needs an action and a table");
	/* The head read and the insert must be one write transaction. */
	if ((s = db_begin(db, err)) != PD_OK)
		return s;
	if ((s = db_audit_head(db, &head, err)) != PD_OK) {
		db_rollback(db);
		return s;
	}
	if (at != NULL)
		snprintf(now, sizeof now, "%s", at);
	else
		db_now(now);
	snprintf(day, sizeof day, "%.10s", a->day[0] != '\0' ? a->day : now);
	audit_val_id(&v[0], head.id + 1);
	audit_val_text(&v[1], now);
	audit_val_text(&v[2], day);
	audit_val_id(&v[3], a->actor_id);
	audit_val_text(&v[4], a->actor_login && a->actor_login[0] ?
	    a->actor_login : NULL);
	audit_val_text(&v[5], a->action);
	audit_val_text(&v[6], a->entity);
	audit_val_id(&v[7], a->entity_id);
	audit_val_id(&v[8], a->client_id);
	audit_val_text(&v[9], a->summary && a->summary[0] ? a->summary : NULL);
	audit_val_text(&v[10], a->before && a->before[0] ? a->before : NULL);
	audit_val_text(&v[11], a->after && a->after[0] ? a->after : NULL);
	audit_val_text(&v[12], a->reason && a->reason[0] ? a->reason : NULL);
	audit_hash(head.hash, v, hash);
	if ((st = db_stmt(db, sql_insert, err)) == NULL) {
		db_rollback(db);
		return PD_DB;
	}
	/* bound exactly as hashed: the _opt binders store "" as NULL */
	db_bind_int64(st, ":id", head.id + 1);
	db_bind_text(st, ":at", now);
	db_bind_text(st, ":day", day);
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
	db_bind_text(st, ":hash", hash);
	if ((s = db_exec_stmt(db, st, err)) != PD_OK) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

enum pd_status
db_audit_verify(struct db *db, struct audit_verify *out, struct pd_err *err)
{
	return db_audit_verify_from(db, NULL, out, err);
}

enum pd_status
db_audit_verify_from(struct db *db, const struct audit_head *start,
    struct audit_verify *out, struct pd_err *err)
{
	struct audit_val v[AUDIT_NCOLS];
	sqlite3_stmt *st;
	char prev[SHA256_HEX_LEN + 1] = "", want[SHA256_HEX_LEN + 1];
	const char *have;
	int64_t id, last = 0;
	int rc, i;

	memset(out, 0, sizeof *out);
	if ((st = db_stmt(db, sql_all, err)) == NULL)
		return PD_DB;
	if (start != NULL && start->id > 1) {
		/* the row before the head checked last: its stored hash is
		 * taken as it is; from the head on, everything is recomputed */
		db_bind_int64(st, ":from", start->id - 1);
		rc = sqlite3_step(st);
		have = rc == SQLITE_ROW ?
		    (const char *)sqlite3_column_text(st, AUDIT_NCOLS) : NULL;
		if (rc == SQLITE_ROW && db_col_int(st, 0, 0) == start->id - 1 &&
		    have != NULL && strlen(have) == SHA256_HEX_LEN) {
			last = start->id - 1;
			memcpy(prev, have, sizeof prev);
		} else if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
			out->bad_id = start->id - 1;
			snprintf(out->why, sizeof out->why, "it was changed or "
			    "removed since it was last checked");
			return db_end(db, st, SQLITE_DONE, err);
		} else
			return db_end(db, st, rc, err);
	} else
		db_bind_int64(st, ":from", 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = db_col_int(st, 0, 0);
		if (id != last + 1) {
			out->bad_id = id;
			snprintf(out->why, sizeof out->why, id - 1 == last + 1 ?
			    "row %" PRId64 " before it is missing (removed)" :
			    "rows %" PRId64 " to %" PRId64 " before it are "
			    "missing (removed)", last + 1, id - 1);
			break;
		}
		for (i = 0; i < AUDIT_NCOLS; i++)
			audit_val_col(&v[i], st, i);
		audit_hash(prev, v, want);
		have = (const char *)sqlite3_column_text(st, AUDIT_NCOLS);
		if (have == NULL) {
			out->bad_id = id;
			snprintf(out->why, sizeof out->why, "it has no hash: it "
			    "was put in without peerdesk");
			break;
		}
		if (strcmp(have, want) != 0 || (start != NULL &&
		    id == start->id && strcmp(want, start->hash) != 0)) {
			out->bad_id = id;
			snprintf(out->why, sizeof out->why, "its hash does not "
			    "fit: it was changed, or put in without peerdesk, "
			    "after it was written");
			break;
		}
		memcpy(prev, want, sizeof prev);
		out->rows++;
		out->head.id = id;
		memcpy(out->head.hash, want, sizeof out->head.hash);
		last = id;
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	return db_end(db, st, rc, err);
}

/* A copied row, for chaining rows already there. */
struct audit_copy {
	int64_t id;
	struct audit_val v[AUDIT_NCOLS];
	void *mem[AUDIT_NCOLS];
	char hash[SHA256_HEX_LEN + 1];
};

enum pd_status
audit_chain_existing(struct db *db, struct pd_err *err)
{
	struct audit_copy rows[256];
	char prev[SHA256_HEX_LEN + 1] = "", *trigger = NULL;
	sqlite3_stmt *st;
	enum pd_status s = PD_OK;
	int64_t after = 0;
	int n, k, i, rc;

	if ((st = db_stmt(db, sql_trigger_text, err)) == NULL)
		return PD_DB;
	if ((s = db_step_row(db, st, err)) == PD_OK)
		trigger = db_col_str(st, 0);
	db_done(st);
	if (s != PD_OK || trigger == NULL)
		return s != PD_OK ? s : pd_fail(err, PD_DB, NULL,
		    "the audit table has no trigger to keep its rows");
	s = db_exec_sql(db, sql_drop_trigger, err);
	for (;;) {
		if (s != PD_OK || (st = db_stmt(db, sql_batch, err)) == NULL) {
			s = s != PD_OK ? s : PD_DB;
			break;
		}
		db_bind_int64(st, ":after", after);
		for (n = 0; n < 256 && (rc = sqlite3_step(st)) == SQLITE_ROW;
		    n++) {
			struct audit_copy *r = &rows[n];

			r->id = db_col_int(st, 0, 0);
			for (i = 0; i < AUDIT_NCOLS; i++) {
				audit_val_col(&r->v[i], st, i);
				r->mem[i] = NULL;
				if (r->v[i].type == SQLITE_TEXT ||
				    r->v[i].type == SQLITE_BLOB) {
					r->mem[i] = xmalloc(r->v[i].n + 1);
					memcpy(r->mem[i], r->v[i].p, r->v[i].n);
					r->v[i].p = r->mem[i];
				}
			}
		}
		if (n < 256 && rc != SQLITE_DONE)
			s = db_error(db, rc, err);
		db_done(st);
		for (k = 0; k < n; k++) {
			audit_hash(prev, rows[k].v, rows[k].hash);
			memcpy(prev, rows[k].hash, sizeof prev);
			if (s == PD_OK &&
			    (st = db_stmt(db, sql_set_hash, err)) == NULL)
				s = PD_DB;
			if (s == PD_OK) {
				db_bind_text(st, ":hash", rows[k].hash);
				db_bind_int64(st, ":id", rows[k].id);
				s = db_exec_stmt(db, st, err);
			}
			for (i = 0; i < AUDIT_NCOLS; i++)
				free(rows[k].mem[i]);
		}
		if (n > 0)
			after = rows[n - 1].id;
		if (s != PD_OK || n < 256)
			break;
	}
	if (s == PD_OK)
		s = db_exec_sql(db, trigger, err);
	free(trigger);
	return s;
}

/* The statement for q (list or count form), q's conditions bound. */
static sqlite3_stmt *
audit_stmt(struct db *db, const struct audit_query *q, bool list,
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

static void
audit_entry_read(sqlite3_stmt *st, struct audit_entry *r)
{
	memset(r, 0, sizeof *r);
	r->id = db_col_int(st, 0, 0);
	db_col_copy(st, 1, r->at, sizeof r->at);
	r->actor_id = db_col_int(st, 2, 0);
	r->actor_login = db_col_str(st, 3);
	r->action = db_col_str(st, 4);
	r->entity = db_col_str(st, 5);
	r->entity_id = db_col_int(st, 6, 0);
	r->client_id = db_col_int(st, 7, 0);
	r->summary = db_col_str(st, 8);
	r->before = db_col_str(st, 9);
	r->after = db_col_str(st, 10);
	r->reason = db_col_str(st, 11);
	r->client_name = db_col_str(st, 12);
	db_col_copy(st, 13, r->day, sizeof r->day);
}

enum pd_status
db_audit_list(struct db *db, const struct audit_query *q,
    int (*cb)(void *arg, const struct audit_entry *row), void *arg,
    struct pd_err *err)
{
	sqlite3_stmt *st = audit_stmt(db, q, 1, err);
	enum pd_status rc = PD_OK;

	DB_EACH(db, st, struct audit_entry, audit_entry_read, audit_entry_fini,
	    cb, arg, err, rc);
	return rc;
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
	return db_end(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, err);
}
