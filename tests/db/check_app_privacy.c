/* Tier 2: data-protection requests: a copy of everything held (SAR),
 * erasing a closed client, retention, and the audit table's one allowed
 * change (a redaction). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "support/appfix.h"
#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/demo.h"
#include "peerdesk/app/privacy.h"
#include "peerdesk/config/sar_yaml.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/report/sar_pdf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "peerdesk/db/client.h"
#include "support/dbtest.h"
#include "peerdesk/db/draft.h"
#include "peerdesk/db/privacy.h"
#include "peerdesk/db/session.h"
#include "peerdesk/db/timesheet.h"

static struct app app;
static struct dbfix_world w;

static void
setup(void)
{
	appfix_open(&app);
	dbfix_world(app.db, &w);
}

static void
teardown(void)
{
	app_close(&app);
}

/* Close client id on closed_on, and give it a phone number. */
static void
close_client(int64_t id, const char *closed_on, const char *phone)
{
	struct client c;
	struct pd_err err;

	ck_assert_int_eq(db_client_get(app.db, id, 0, &c, &err), PD_OK);
	c.status = CLIENT_CLOSED;
	snprintf(c.closed_on, sizeof c.closed_on, "%s", closed_on);
	if (phone != NULL) {
		free(c.phone);
		c.phone = xstrdup(phone);
	}
	ck_assert_int_eq(db_client_update(app.db, &c, w.manager, &err), PD_OK);
	client_fini(&c);
}

/* A session of Sam with Ana, with a note. */
static int64_t
add_session(const char *date, int minutes, const char *did)
{
	struct session s;
	struct pd_err err;

	memset(&s, 0, sizeof s);
	s.client_id = w.ana;
	s.pal_id = w.sam;
	snprintf(s.date, sizeof s.date, "%s", date);
	s.minutes = minutes;
	s.did = xstrdup(did);
	ck_assert_int_eq(db_session_insert(app.db, &s, w.sam, &err), PD_OK);
	free(s.did);
	return s.id;
}

static const struct sar_record *
find_record(const struct sar_bundle *b, const char *section, size_t i)
{
	const struct sar_section *s = sar_find(b, section);

	ck_assert_ptr_nonnull(s);
	ck_assert_uint_gt(s->n, i);
	return &s->recs[i];
}

static const char *
field(const struct sar_record *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->fields[i].key, key) == 0)
			return r->fields[i].value;
	return NULL;
}

/* Any record title in section containing text? */
static int
has_title(const struct sar_bundle *b, const char *section, const char *text)
{
	const struct sar_section *s = sar_find(b, section);
	size_t i;

	for (i = 0; s != NULL && i < s->n; i++)
		if (s->recs[i].title && strstr(s->recs[i].title, text))
			return 1;
	return 0;
}

START_TEST(test_sar_collects_everything)
{
	struct sar_bundle b;
	struct client_record rec;
	struct pd_err err;

	add_session("2026-02-02", 90, "Walked to the library");
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_client_open(&app, w.ana, &rec, &err), PD_OK);
	client_record_fini(&rec);
	ck_assert_int_eq(app_sar_collect(&app, w.ana, &b, &err), PD_OK);
	ck_assert_str_eq(b.client_name, "Ana Silva");
	ck_assert_str_eq(field(find_record(&b, "record", 0), "name"),
	    "Ana Silva");
	ck_assert_str_eq(field(find_record(&b, "sessions", 0), "what_we_did"),
	    "Walked to the library");
	ck_assert_str_eq(field(find_record(&b, "sessions", 0), "minutes"),
	    "90");
	ck_assert_str_eq(field(find_record(&b, "sessions", 0), "time_spent"),
	    "1h 30m");
	ck_assert_str_eq(field(find_record(&b, "assignments", 0), "worker"),
	    "Sam Reid");
	ck_assert(has_title(&b, "audit", "Maya Shah opened the record on "));
	ck_assert_ptr_nonnull(sar_find(&b, "plan_versions"));
	ck_assert_ptr_nonnull(sar_find(&b, "goals"));
	ck_assert_ptr_nonnull(sar_find(&b, "reviews"));
	sar_bundle_fini(&b);
	ck_assert_int_eq(app_sar_collect(&app, 9999, &b, &err), PD_NOT_FOUND);
}
END_TEST


/* The time a PAL logged for the client, and kept drafts about them: a
 * draft of their record's form, and one whose text names them; another
 * client's draft is not shown.  Both the YAML and the PDF have them
 * (the same walk). */
START_TEST(test_sar_time_and_drafts)
{
	struct sar_bundle b;
	struct ts_week wk;
	struct ts_line l;
	struct pd_err err;
	struct strbuf y = STRBUF_INIT, pdf = STRBUF_INIT;
	char key[32];
	const struct sar_section *sec;

	ck_assert_int_eq(db_week_get_or_create(app.db, w.sam, "2026-02-02",
	    &wk, &err), PD_OK);
	memset(&l, 0, sizeof l);
	l.week_id = wk.id;
	snprintf(l.date, sizeof l.date, "2026-02-03");
	l.minutes = 75;
	l.kind = LINE_TRAVEL;
	l.client_id = w.ana;
	l.note = (char[]){"Bus to the allotment"};
	ck_assert_int_eq(db_line_insert(app.db, &l, w.sam, &err), PD_OK);
	snprintf(key, sizeof key, "%lld", (long long)w.ana);
	ck_assert_int_eq(db_draft_save(app.db, w.office, "kept:client-edit",
	    key, "phone\t07700 900123", &err), PD_OK);
	ck_assert_int_eq(db_draft_save(app.db, w.sam, "kept:session", "",
	    "#title\tLog a session\nclient\tAna Silva\ndid\tHalf a note",
	    &err), PD_OK);
	ck_assert_int_eq(db_draft_save(app.db, w.jo, "kept:session", "",
	    "client\tBen Okafor\ndid\tSomeone else's note", &err), PD_OK);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_sar_collect(&app, w.ana, &b, &err), PD_OK);
	ck_assert_str_eq(field(find_record(&b, "time", 0), "time_spent"),
	    "1h 15m");
	ck_assert_str_eq(field(find_record(&b, "time", 0), "kind"), "travel");
	ck_assert_str_eq(field(find_record(&b, "time", 0), "note"),
	    "Bus to the allotment");
	ck_assert_str_eq(field(find_record(&b, "time", 0), "date"),
	    "2026-02-03");
	sec = sar_find(&b, "drafts");
	ck_assert_ptr_nonnull(sec);
	ck_assert_uint_eq(sec->n, 2);
	ck_assert_str_eq(field(find_record(&b, "drafts", 0), "form"),
	    "client-edit");
	ck_assert_ptr_nonnull(strstr(field(find_record(&b, "drafts", 1),
	    "text"), "Half a note"));
	ck_assert(has_title(&b, "drafts", "Unsaved text kept for Sam Reid"));
	/* both renderings walk the same bundle */
	ck_assert_int_eq(sar_yaml_render(&b, &y, &err), PD_OK);
	ck_assert_ptr_nonnull(strstr(y.buf, "\ntime:\n"));
	ck_assert_ptr_nonnull(strstr(y.buf, "Bus to the allotment"));
	ck_assert_ptr_nonnull(strstr(y.buf, "\ndrafts:\n"));
	ck_assert_ptr_null(strstr(y.buf, "Someone else"));
	ck_assert_int_eq(sar_pdf_render(&b, &pdf, &err), PD_OK);
	ck_assert_uint_gt(pdf.len, 1000);
	sar_bundle_fini(&b);
	strbuf_fini(&y);
	strbuf_fini(&pdf);
}
END_TEST

/* Only a manager (or the system) may do any of it. */
static const struct {
	enum role role;
	int allowed;
} who[] = {
	{ ROLE_OFFICE, 0 }, { ROLE_PAL, 0 }, { ROLE_MANAGER, 1 },
};

static int
count_cb(void *arg, const struct retention_row *r)
{
	(void)r;
	(*(int *)arg)++;
	return 0;
}

START_TEST(test_managers_only)
{
	struct sar_bundle b;
	struct privacy_client c;
	struct pd_err err;
	enum pd_status want = who[_i].allowed ? PD_OK : PD_DENIED;
	int64_t id = who[_i].role == ROLE_OFFICE ? w.office :
	    who[_i].role == ROLE_PAL ? w.sam : w.manager;
	int n = 0;
	char *dir = test_path("sar-who"), *y = NULL, *p = NULL;

	close_client(w.chloe, "2019-01-01", NULL);
	appfix_act_as(&app, id, who[_i].role, "someone");
	ck_assert_int_eq(app_sar_collect(&app, w.chloe, &b, &err), want);
	if (want == PD_OK)
		sar_bundle_fini(&b);
	mkdir(dir, 0700);
	ck_assert_int_eq(app_sar_write(&app, w.chloe, dir, &y, &p, &err), want);
	free(y);
	free(p);
	ck_assert_int_eq(app_retention_list(&app, "2026-11-25", count_cb, &n,
	    &err), want);
	ck_assert_int_eq(app_erase_check(&app, w.chloe, &c, &err), want);
	privacy_client_fini(&c);
	ck_assert_int_eq(app_erase(&app, w.chloe, NULL, NULL, &err), want);
	ck_assert_int_eq(db_privacy_client(app.db, w.chloe, &c, &err), PD_OK);
	if (want == PD_OK)
		ck_assert_int_eq(strncmp(c.name, "Erased client #", 15), 0);
	else
		ck_assert_str_eq(c.name, "Chloé Dubois");
	privacy_client_fini(&c);
	free(dir);
}
END_TEST

/* Read back the YAML with libyaml: the client's name and the sessions. */
static yaml_node_t *
yaml_get(yaml_document_t *d, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *pr;

	ck_assert_int_eq(map->type, YAML_MAPPING_NODE);
	for (pr = map->data.mapping.pairs.start;
	    pr < map->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(d, pr->key);

		if (k->type == YAML_SCALAR_NODE &&
		    strcmp((char *)k->data.scalar.value, key) == 0)
			return yaml_document_get_node(d, pr->value);
	}
	return NULL;
}

START_TEST(test_sar_files_parse_back)
{
	struct pd_err err;
	char *dir = test_path("sar-out"), *y = NULL, *p = NULL;
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root, *n, *s0;
	FILE *f;
	struct stat st;

	add_session("2026-02-02", 45, "Coffee at the\nmarket: \"yes\" - 100%");
	mkdir(dir, 0700);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_sar_write(&app, w.ana, dir, &y, &p, &err), PD_OK);
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert_int_gt(st.st_size, 1000);
	f = fopen(y, "rb");
	ck_assert_ptr_nonnull(f);
	ck_assert(yaml_parser_initialize(&parser));
	yaml_parser_set_input_file(&parser, f);
	ck_assert(yaml_parser_load(&parser, &doc));
	root = yaml_document_get_root_node(&doc);
	ck_assert_ptr_nonnull(root);
	n = yaml_get(&doc, root, "client");
	ck_assert_ptr_nonnull(n);
	ck_assert_str_eq((char *)n->data.scalar.value, "Ana Silva");
	n = yaml_get(&doc, root, "sessions");
	ck_assert_ptr_nonnull(n);
	ck_assert_int_eq(n->type, YAML_SEQUENCE_NODE);
	ck_assert_int_eq(n->data.sequence.items.top -
	    n->data.sequence.items.start, 1);
	s0 = yaml_document_get_node(&doc, *n->data.sequence.items.start);
	ck_assert_str_eq((char *)yaml_get(&doc, s0, "what_we_did")->
	    data.scalar.value, "Coffee at the\nmarket: \"yes\" - 100%");
	ck_assert_str_eq((char *)yaml_get(&doc, s0, "minutes")->
	    data.scalar.value, "45");
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	fclose(f);
	/* never overwrite */
	free(y);
	free(p);
	ck_assert_int_eq(app_sar_write(&app, w.ana, dir, &y, &p, &err),
	    PD_DUPLICATE);
	free(dir);
}
END_TEST

START_TEST(test_erase_refuses_open_client)
{
	struct privacy_client c;
	struct pd_err err;

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_erase_check(&app, w.ana, &c, &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "not closed"));
	ck_assert_int_eq(app_erase(&app, w.ana, NULL, NULL, &err), PD_INVALID);
	ck_assert_int_eq(db_privacy_client(app.db, w.ana, &c, &err), PD_OK);
	ck_assert_str_eq(c.name, "Ana Silva");
	ck_assert_str_eq(c.anonymised_at, "");
	privacy_client_fini(&c);
	ck_assert_int_eq(app_erase(&app, 9999, NULL, NULL, &err), PD_NOT_FOUND);
}
END_TEST

struct audit_seen {
	int rows, erased_text, erase_rows, personal;
};

static int
audit_cb(void *arg, const struct audit_entry *a)
{
	struct audit_seen *s = arg;

	s->rows++;
	if (strcmp(a->action, "erase") == 0)
		s->erase_rows++;
	else if (a->before == NULL && a->after == NULL && a->at[0] != '\0' &&
	    a->action[0] != '\0')
		s->erased_text++;	/* nothing of theirs left beside it */
	if ((a->summary && strstr(a->summary, "Ana")) ||
	    (a->before && strstr(a->before, "07700")) ||
	    (a->after && strstr(a->after, "07700")))
		s->personal++;
	return 0;
}

START_TEST(test_erase_keeps_dates_and_minutes)
{
	struct client_record rec;
	struct sar_bundle b;
	struct privacy_client c;
	struct audit_query q;
	struct audit_seen seen;
	struct pd_err err;
	const struct sar_record *r;

	add_session("2026-02-02", 75, "Talked about Ana's sister");
	close_client(w.ana, "2026-03-01", "07700 900999");
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	ck_assert_int_eq(app_client_open(&app, w.ana, &rec, &err), PD_OK);
	free(rec.client.phone);
	rec.client.phone = xstrdup("07700 900111");
	ck_assert_int_eq(app_client_save(&app, &rec, &err), PD_OK);
	client_record_fini(&rec);
	ck_assert_int_eq(app_erase(&app, w.ana, NULL, NULL, &err), PD_OK);

	ck_assert_int_eq(db_privacy_client(app.db, w.ana, &c, &err), PD_OK);
	{
		char want[64];

		snprintf(want, sizeof want, "Erased client #%lld",
		    (long long)w.ana);
		ck_assert_str_eq(c.name, want);
	}
	privacy_client_fini(&c);
	ck_assert_int_eq(app_sar_collect(&app, w.ana, &b, &err), PD_OK);
	r = find_record(&b, "record", 0);
	ck_assert_ptr_null(field(r, "phone"));
	ck_assert_ptr_null(field(r, "contact_notes"));
	ck_assert_ptr_nonnull(field(r, "anonymised_at"));
	ck_assert_str_eq(field(r, "closed_on"), "2026-03-01");
	r = find_record(&b, "sessions", 0);
	ck_assert_str_eq(field(r, "minutes"), "75");
	ck_assert_str_eq(field(r, "date"), "2026-02-02");
	ck_assert_ptr_null(field(r, "what_we_did"));
	r = find_record(&b, "assignments", 0);
	ck_assert_str_eq(field(r, "started_on"), "2026-01-05");
	sar_bundle_fini(&b);

	memset(&q, 0, sizeof q);
	memset(&seen, 0, sizeof seen);
	q.client_id = w.ana;
	ck_assert_int_eq(db_audit_list(app.db, &q, audit_cb, &seen, &err),
	    PD_OK);
	ck_assert_int_eq(seen.erase_rows, 1);
	/* Audit rows are never changed (0008_audit_chain.sql): they never
	 * held the client's words (0009), and erase removed the details kept
	 * beside them.  The chain still verifies. */
	ck_assert_int_ge(seen.erased_text, 2);	/* the open and the save */
	ck_assert_int_eq(seen.erased_text + seen.erase_rows, seen.rows);
	ck_assert_int_eq(seen.personal, 0);
	{
		struct audit_verify v;

		ck_assert_int_eq(db_audit_verify(app.db, &v, &err), PD_OK);
		ck_assert_int_eq(v.bad_id, 0);
	}
	/* once is enough */
	ck_assert_int_eq(app_erase(&app, w.ana, NULL, NULL, &err), PD_INVALID);
}
END_TEST

/* The audit table after 0009: no row may change (0005's redaction is
 * gone: an erase removes audit_detail instead). */
static const struct {
	const char *sql;
	int allowed;
} tamper[] = {
	{ "UPDATE audit SET summary = '(erased)', before = NULL, after = NULL, "
	  "reason = NULL WHERE id = :id", 0 },
	{ "UPDATE audit SET summary = 'changed' WHERE id = :id", 0 },
	{ "UPDATE audit SET summary = '(erased)', before = NULL, after = NULL, "
	  "reason = NULL, action = 'x' WHERE id = :id", 0 },
	{ "UPDATE audit SET summary = '(erased)', before = NULL, after = NULL, "
	  "reason = NULL, at = '2001-01-01T00:00:00Z' WHERE id = :id", 0 },
	{ "UPDATE audit SET summary = '(erased)', before = NULL, after = NULL, "
	  "reason = NULL, actor_login = 'someone' WHERE id = :id", 0 },
	{ "UPDATE audit SET summary = '(erased)', before = NULL, after = NULL, "
	  "reason = NULL, client_id = 77 WHERE id = :id", 0 },
	{ "UPDATE audit SET summary = '(erased)', before = NULL, after = NULL, "
	  "reason = NULL, entity_id = 77 WHERE id = :id", 0 },
	{ "UPDATE audit SET summary = '(erased)', after = NULL, reason = NULL "
	  "WHERE id = :id", 0 },		/* before kept */
	{ "UPDATE audit SET summary = NULL, before = NULL, after = NULL, "
	  "reason = NULL WHERE id = :id", 0 },
	{ "UPDATE audit SET id = id + 1000 WHERE id = :id", 0 },
	{ "DELETE FROM audit WHERE id = :id", 0 },
};

START_TEST(test_audit_only_redaction)
{
	struct pd_err err;
	sqlite3 *h;
	sqlite3_stmt *st;
	int rc;

	/* a database of its own, so a second connection can find it */
	char *path = test_path("audit-redact.db");
	struct db *db = NULL;
	struct audit_entry a;

	unlink(path);
	ck_assert_int_eq(db_open(path, DB_OPEN_CREATE, &db, &err), PD_OK);
	memset(&a, 0, sizeof a);
	a.action = (char[]){"update"};
	a.entity = (char[]){"client"};
	a.entity_id = 5;
	a.client_id = 5;
	a.summary = (char[]){"saved"};
	a.before = (char[]){"phone: 1"};
	a.after = (char[]){"phone: 2"};
	a.reason = (char[]){"asked"};
	ck_assert_int_eq(db_audit_insert(db, &a, &err), PD_OK);
	db_close(&db);
	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	free(path);
	sqlite3_busy_timeout(h, 5000);
	ck_assert_int_eq(sqlite3_prepare_v2(h,
	    "SELECT max(id) FROM audit", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	{
		sqlite3_int64 id = sqlite3_column_int64(st, 0);
		sqlite3_stmt *up;

		sqlite3_finalize(st);
		ck_assert_int_eq(sqlite3_prepare_v2(h, tamper[_i].sql, -1,
		    &up, NULL), SQLITE_OK);
		sqlite3_bind_int64(up, sqlite3_bind_parameter_index(up, ":id"),
		    id);
		rc = sqlite3_step(up);
		sqlite3_finalize(up);
		if (tamper[_i].allowed) {
			ck_assert_int_eq(rc, SQLITE_DONE);
			ck_assert_int_eq(sqlite3_changes(h), 1);
		} else
			ck_assert_int_ne(rc, SQLITE_DONE);
		ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT action, "
		    "entity_id, summary FROM audit WHERE id = ?", -1, &st,
		    NULL), SQLITE_OK);
		sqlite3_bind_int64(st, 1, id);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		ck_assert_str_eq((const char *)sqlite3_column_text(st, 0),
		    "update");
		ck_assert_int_eq(sqlite3_column_int64(st, 1), 5);
		ck_assert_str_eq((const char *)sqlite3_column_text(st, 2),
		    tamper[_i].allowed ? "(erased)" : "saved");
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
}
END_TEST


/* ---- issue 13: erase touches only the person ------------------------- */

struct ment_seen {
	int n, parts, names, phones;
	char ctx[8][200];
	unsigned long long sum;
};

static int
ment_cb(void *arg, const struct erase_mention *m)
{
	struct ment_seen *ms = arg;

	if (ms->n < 8)
		snprintf(ms->ctx[ms->n], sizeof ms->ctx[0], "%s", m->context);
	ms->n++;
	ms->parts += m->kind == MENTION_PART;
	ms->names += m->kind == MENTION_NAME;
	ms->phones += m->kind == MENTION_PHONE;
	ck_assert_int_eq(m->replace, m->kind != MENTION_PART);
	return 0;
}

static char *
session_text(int64_t id, const char *col)
{
	struct session s;
	struct pd_err err;
	char *out;

	ck_assert_int_eq(db_session_get(app.db, id, 0, &s, &err), PD_OK);
	out = xstrdup(strcmp(col, "did") == 0 ? s.did : s.went_well);
	session_fini(&s);
	return out;
}

static int64_t
audit_row(int64_t client_id, const char *summary)
{
	struct audit_entry a;
	struct pd_err err;
	int64_t n = 0;

	memset(&a, 0, sizeof a);
	a.action = (char[]){"create"};
	a.entity = (char[]){"staff"};
	a.client_id = client_id;
	a.summary = xstrdup(summary);
	ck_assert_int_eq(db_audit_insert(app.db, &a, &err), PD_OK);
	free(a.summary);
	ck_assert_int_eq(dbtest_count(app.db, "audit", &n, &err), PD_OK);
	return n;
}

struct summary_find {
	const char *want;
	int found;
};

static int
summary_cb(void *arg, const struct audit_entry *a)
{
	struct summary_find *f = arg;

	if (a->summary != NULL && strcmp(a->summary, f->want) == 0)
		f->found++;
	return 0;
}

static int
audit_has(const char *summary)
{
	struct audit_query q;
	struct summary_find f = { summary, 0 };
	struct pd_err err;

	memset(&q, 0, sizeof q);
	ck_assert_int_eq(db_audit_list(app.db, &q, summary_cb, &f, &err),
	    PD_OK);
	return f.found;
}

/* The issue's case: a client called "Will".  Only the word on its own
 * is found, it may be someone else, so without a yes nothing else
 * changes: not another client's note, not a PAL's draft, not the
 * audit rows about a PAL called Will Jones or a client Sam Willis. */
START_TEST(test_erase_will_touches_nobody_else)
{
	static const char note[] = "Will ring on Monday about the Willow Cafe "
	    "job; Will Jones";
	struct ment_seen ms;
	struct pd_err err;
	int64_t will = dbfix_client(app.db, "Will");
	int64_t willis = dbfix_client(app.db, "Sam Willis");
	int64_t sid = add_session("2026-02-03", 60, note);
	char *content = NULL, at[21], *got;

	ck_assert_int_eq(db_draft_save(app.db, w.sam, "kept:session",
	    "", "#title\tSession\ndid\tWill power was good today\n", &err),
	    PD_OK);
	audit_row(0, "added Will Jones (willj) as PAL");
	audit_row(willis, "added Sam Willis");
	close_client(will, "2019-01-01", NULL);
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");

	memset(&ms, 0, sizeof ms);
	ck_assert_int_eq(app_erase_mentions(&app, will, ment_cb, &ms, &ms.sum,
	    &err), PD_OK);
	ck_assert_int_eq(ms.n, 3);	/* Will, Will (Jones), Will power */
	ck_assert_int_eq(ms.parts, 3);
	ck_assert_str_eq(ms.ctx[0], "[Will] ring on Monday about the Will…");
	ck_assert_int_eq(app_erase(&app, will, NULL, NULL, &err), PD_OK);

	got = session_text(sid, "did");
	ck_assert_str_eq(got, note);
	free(got);
	ck_assert_int_eq(db_draft_load(app.db, w.sam, "kept:session", "",
	    &content, at, &err), PD_OK);
	ck_assert_ptr_nonnull(strstr(content, "Will power was good today"));
	free(content);
	ck_assert_int_eq(audit_has("added Will Jones (willj) as PAL"), 1);
	/* a row about Sam Willis names him by number (written so) */
	got = xasprintf("added client #%lld", (long long)willis);
	ck_assert_int_eq(audit_has(got), 1);
	free(got);
}
END_TEST

/* A whole name and the phone are replaced by default; one word only
 * when the manager says yes to that place. */
START_TEST(test_erase_choices)
{
	static const char note[] = "Met Will Jones at the cafe. Will power "
	    "was good; his number 07700-900 123. Will said hi.";
	struct ment_seen ms;
	struct erase_choices ch;
	struct erase_result res;
	struct pd_err err;
	unsigned char yes[4];
	int64_t will = dbfix_client(app.db, "Will Jones");
	int64_t sid = add_session("2026-02-03", 60, note);
	char *got;

	close_client(will, "2019-01-01", "07700 900123");
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	memset(&ms, 0, sizeof ms);
	ck_assert_int_eq(app_erase_mentions(&app, will, ment_cb, &ms, &ms.sum,
	    &err), PD_OK);
	ck_assert_int_eq(ms.n, 4);
	ck_assert_int_eq(ms.names, 1);
	ck_assert_int_eq(ms.phones, 1);
	ck_assert_int_eq(ms.parts, 2);
	/* a list that does not match what is there now is refused */
	yes[0] = 1; yes[1] = 0; yes[2] = 1; yes[3] = 1;
	ch.n = 4;
	ch.replace = yes;
	ch.sum = ms.sum + 1;
	ck_assert_int_eq(app_erase(&app, will, &ch, &res, &err), PD_CONFLICT);
	got = session_text(sid, "did");
	ck_assert_str_eq(got, note);
	free(got);
	/* the name, the phone and the last "Will"; not "Will power" */
	ch.sum = ms.sum;
	ck_assert_int_eq(app_erase(&app, will, &ch, &res, &err), PD_OK);
	ck_assert_uint_eq(res.replaced, 3);
	ck_assert_uint_eq(res.kept, 1);
	ck_assert_int_eq(res.journal_emptied, 1);
	got = session_text(sid, "did");
	ck_assert_str_eq(got, "Met (erased) at the cafe. Will power was good; "
	    "his number (erased). (erased) said hi.");
	free(got);
}
END_TEST

struct row_seen {
	int rows, with_detail, erased_name;
	char summary[200];
};

static int
row_cb(void *arg, const struct audit_entry *a)
{
	struct row_seen *r = arg;

	r->rows++;
	r->with_detail += a->before != NULL || a->after != NULL;
	r->erased_name += a->client_name != NULL &&
	    strstr(a->client_name, "(erased)") != NULL;
	if (strcmp(a->action, "create") == 0)
		snprintf(r->summary, sizeof r->summary, "%s", a->summary);
	return 0;
}

/* The audit's one rule: rows about a client carry no client text (the
 * name is client #N, the record's before and after are kept beside the
 * row, in audit_detail); an erase never changes a row. */
START_TEST(test_audit_names_client_by_number)
{
	struct intake in;
	struct client_record rec;
	struct audit_query q;
	struct row_seen r;
	struct pd_err err;
	int64_t id, n_audit = 0, n_after = 0, n_detail = 0;
	char want[64];
	sqlite3 *h;
	sqlite3_stmt *st;

	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	intake_init(&in);
	in.client.name = xstrdup("Zoë Brontë");
	in.client.phone = xstrdup("07700 900555");
	snprintf(in.client.date_of_birth, sizeof in.client.date_of_birth,
	    "1990-04-05");
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_OK);
	intake_fini(&in);
	ck_assert_int_eq(app_client_open(&app, id, &rec, &err), PD_OK);
	free(rec.client.phone);
	rec.client.phone = xstrdup("07700 900666");
	rec.client.status = CLIENT_CLOSED;
	snprintf(rec.client.closed_on, sizeof rec.client.closed_on,
	    "2020-01-01");
	ck_assert_int_eq(app_client_save(&app, &rec, &err), PD_OK);
	client_record_fini(&rec);

	memset(&q, 0, sizeof q);
	q.client_id = id;
	memset(&r, 0, sizeof r);
	ck_assert_int_eq(db_audit_list(app.db, &q, row_cb, &r, &err), PD_OK);
	snprintf(want, sizeof want, "new referral: client #%lld",
	    (long long)id);
	ck_assert_str_eq(r.summary, want);
	ck_assert_int_eq(r.with_detail, 1);	/* shown, from audit_detail */
	ck_assert_int_eq(dbtest_count(app.db, "audit", &n_audit, &err), PD_OK);
	ck_assert_int_eq(dbtest_count(app.db, "audit_detail", &n_detail, &err),
	    PD_OK);
	ck_assert_int_eq(n_detail, 1);

	/* searching the audit for the name still finds their rows (through
	 * the client table), until they are erased */
	{
		struct audit_query t;
		int64_t found = 0;

		memset(&t, 0, sizeof t);
		t.text = "brontë";
		ck_assert_int_eq(db_audit_count(app.db, &t, &found, &err),
		    PD_OK);
		ck_assert_int_ge(found, 3);	/* create, open, save */
		ck_assert_int_eq(app_erase(&app, id, NULL, NULL, &err), PD_OK);
		ck_assert_int_eq(db_audit_count(app.db, &t, &found, &err),
		    PD_OK);
		ck_assert_int_eq(found, 0);
	}
	memset(&r, 0, sizeof r);
	ck_assert_int_eq(db_audit_list(app.db, &q, row_cb, &r, &err), PD_OK);
	ck_assert_int_eq(r.with_detail, 0);
	ck_assert_int_eq(r.erased_name, r.rows);  /* "client #N (erased)" */
	ck_assert_str_eq(r.summary, want);	/* the row is as written */
	ck_assert_int_eq(dbtest_count(app.db, "audit", &n_after, &err), PD_OK);
	ck_assert_int_eq(n_after, n_audit + 1);	/* plus the erase */
	ck_assert_int_eq(dbtest_count(app.db, "audit_detail", &n_detail,
	    &err), PD_OK);
	ck_assert_int_eq(n_detail, 0);

	/* nothing in the audit table's own columns names them */
	ck_assert_int_eq(sqlite3_open(dbtest_path(app.db), &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT count(*) FROM audit "
	    "WHERE coalesce(summary, '') || coalesce(before, '') || "
	    "coalesce(after, '') || coalesce(reason, '') LIKE '%Bront%' OR "
	    "coalesce(before, '') || coalesce(after, '') LIKE '%900%'", -1,
	    &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
}
END_TEST

/* Retention at its boundaries: retention_years 6 unless said. */
static const struct {
	const char *closed_on, *today;
	int years_setting, listed, years;
} keep[] = {
	{ "2020-11-25", "2026-11-24", 6, 0, 0 },
	{ "2020-11-25", "2026-11-25", 6, 1, 6 },
	{ "2020-11-25", "2027-11-24", 6, 1, 6 },
	{ "2020-11-25", "2027-11-25", 6, 1, 7 },
	{ "2020-02-29", "2026-02-28", 6, 0, 0 },
	{ "2020-02-29", "2026-03-01", 6, 1, 6 },
	{ "2025-06-30", "2026-06-29", 1, 0, 0 },
	{ "2025-06-30", "2026-06-30", 1, 1, 1 },
	{ "2025-06-30", "2033-06-29", 8, 0, 0 },
};

struct keep_seen {
	int n;
	int64_t id;
	int years;
	char closed_on[11];
};

static int
keep_cb(void *arg, const struct retention_row *r)
{
	struct keep_seen *k = arg;

	k->n++;
	k->id = r->id;
	k->years = r->years;
	snprintf(k->closed_on, sizeof k->closed_on, "%s", r->closed_on);
	return 0;
}

START_TEST(test_retention_boundaries)
{
	struct keep_seen k;
	struct pd_err err;

	close_client(w.ben, keep[_i].closed_on, NULL);
	app.settings->retention_years = keep[_i].years_setting;
	appfix_act_as(&app, w.manager, ROLE_MANAGER, "maya");
	memset(&k, 0, sizeof k);
	ck_assert_int_eq(app_retention_list(&app, keep[_i].today, keep_cb, &k,
	    &err), PD_OK);
	ck_assert_int_eq(k.n, keep[_i].listed);
	if (keep[_i].listed) {
		ck_assert_int_eq(k.id, w.ben);
		ck_assert_int_eq(k.years, keep[_i].years);
		ck_assert_str_eq(k.closed_on, keep[_i].closed_on);
		/* once erased, it is not listed again */
		ck_assert_int_eq(app_erase(&app, w.ben, NULL, NULL, &err), PD_OK);
		memset(&k, 0, sizeof k);
		ck_assert_int_eq(app_retention_list(&app, keep[_i].today,
		    keep_cb, &k, &err), PD_OK);
		ck_assert_int_eq(k.n, 0);
	}
}
END_TEST

static Suite *
privacy_suite(void)
{
	Suite *s = suite_create("app_privacy");
	TCase *tc = tcase_create("privacy");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_sar_collects_everything);
	tcase_add_loop_test(tc, test_managers_only, 0,
	    (int)(sizeof who / sizeof who[0]));
	tcase_add_test(tc, test_sar_files_parse_back);
	tcase_add_test(tc, test_sar_time_and_drafts);
	tcase_add_test(tc, test_erase_refuses_open_client);
	tcase_add_test(tc, test_erase_keeps_dates_and_minutes);
	tcase_add_loop_test(tc, test_audit_only_redaction, 0,
	    (int)(sizeof tamper / sizeof tamper[0]));
	tcase_add_test(tc, test_erase_will_touches_nobody_else);
	tcase_add_test(tc, test_erase_choices);
	tcase_add_test(tc, test_audit_names_client_by_number);
	tcase_add_loop_test(tc, test_retention_boundaries, 0,
	    (int)(sizeof keep / sizeof keep[0]));
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(privacy_suite)
