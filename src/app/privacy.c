/* privacy.c - subject access requests, erasure and retention. */
#include "peerdesk/app/privacy.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/userfile.h"
#include "peerdesk/config/sar_yaml.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/privacy.h"
#include "peerdesk/model/date.h"
#include "peerdesk/report/sar_pdf.h"
#include "app_priv.h"

enum pd_status
app_sar_collect(struct app *app, int64_t id, struct sar_bundle *b,
    struct pd_err *err)
{
	enum pd_status s;

	if ((s = app_require(app, APP_MANAGER, "see everything held about a "
	    "client", err)) != PD_OK)
		return s;
	memset(b, 0, sizeof *b);
	app_today(b->made_on);
	b->org_name = xstrdup(app->settings != NULL &&
	    app->settings->org_name != NULL ? app->settings->org_name :
	    "peerdesk");
	s = db_privacy_read(app->db, id, b, err);
	if (s != PD_OK)
		sar_bundle_fini(b);
	return s;
}


enum pd_status
app_sar_write(struct app *app, int64_t id, const char *dir,
    char **yaml_out, char **pdf_out, struct pd_err *err)
{
	struct strbuf y = STRBUF_INIT, p = STRBUF_INIT;
	struct sar_bundle b;
	enum pd_status s;
	char *yaml, *pdf;
	bool wrote_yaml = false, wrote_pdf = false;

	if ((s = app_require(app, APP_MANAGER, "see everything held about a "
	    "client", err)) != PD_OK)
		return s;
	if (dir == NULL || dir[0] == '\0')
		dir = ".";
	yaml = xasprintf("%s/client-%lld.yaml", dir, (long long)id);
	pdf = xasprintf("%s/client-%lld.pdf", dir, (long long)id);
	s = userfile_check_target(yaml, err);
	if (s == PD_OK)
		s = userfile_check_target(pdf, err);
	if (s == PD_OK && (s = app_sar_collect(app, id, &b, err)) == PD_OK) {
		s = sar_yaml_render(&b, &y, err);
		if (s == PD_OK)
			s = sar_pdf_render(&b, &p, err);
		sar_bundle_fini(&b);
	}
	/* never overwritten; both files or neither */
	if (s == PD_OK) {
		s = userfile_save(yaml, y.buf, y.len, USERFILE_NEW, err);
		wrote_yaml = s == PD_OK;
	}
	if (s == PD_OK) {
		s = userfile_save(pdf, p.buf, p.len, USERFILE_NEW, err);
		wrote_pdf = s == PD_OK;
	}
	strbuf_fini(&y);
	strbuf_fini(&p);
	if (s == PD_OK) {
		char *sum = xasprintf("copy of everything held made for a "
		    "subject access request: %s and %s", yaml, pdf);

		s = app_audit_one(app, "sar", "client", id, id, sum, err);
		free(sum);
	}
	if (s != PD_OK) {
		/* no copy without its audit row */
		if (wrote_yaml)
			unlink(yaml);
		if (wrote_pdf)
			unlink(pdf);
	}
	if (s == PD_OK && yaml_out != NULL) {
		*yaml_out = yaml;
		yaml = NULL;
	}
	if (s == PD_OK && pdf_out != NULL) {
		*pdf_out = pdf;
		pdf = NULL;
	}
	free(yaml);
	free(pdf);
	return s;
}

static enum pd_status
privacy_erasable(const struct privacy_client *c, struct pd_err *err)
{
	if (c->anonymised_at[0] != '\0')
		return pd_fail(err, PD_INVALID, NULL, "client %lld was already "
		    "erased on %.10s", (long long)c->id, c->anonymised_at);
	if (c->merged_into > 0)
		return pd_fail(err, PD_INVALID, NULL, "client %lld was merged "
		    "into client %lld and is the same person's record: erase "
		    "client %lld, which erases this record with it",
		    (long long)c->id, (long long)c->merged_into,
		    (long long)c->merged_into);
	if (strcmp(c->status, "closed") != 0 || c->closed_on[0] == '\0')
		return pd_fail(err, PD_INVALID, NULL, "%s is not closed; only "
		    "a closed client can be erased", c->name ? c->name : "?");
	return PD_OK;
}

enum pd_status
app_erase_check(struct app *app, int64_t id, struct privacy_client *out,
    struct pd_err *err)
{
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_MANAGER, "erase a client", err)) != PD_OK)
		return s;
	if ((s = db_privacy_client(app->db, id, out, err)) != PD_OK)
		return s;
	if ((s = privacy_erasable(out, err)) != PD_OK)
		privacy_client_fini(out);
	return s;
}

/* Someone else's text that names the client, with where. */
struct erase_text {
	enum privacy_field field;
	int64_t record_id, client_id;
	char *what, *owner, *on, *text;
	struct mention_hit *hits;
	size_t nhits;
};

struct erase_texts {
	struct mention_rule *rule;
	struct erase_text *v;
	size_t n, cap;
	size_t mentions;
};

static int
erase_text_cb(void *arg, const struct privacy_text *t)
{
	struct erase_texts *et = arg;
	struct erase_text *e;
	struct mention_hit *h;
	size_t n = mention_find(et->rule, t->text, MENTION_FIND_PARTS, &h);

	if (n == 0)
		return 0;
	if (et->n == et->cap) {
		et->cap = et->cap ? et->cap * 2 : 16;
		et->v = xreallocarray(et->v, et->cap, sizeof *et->v);
	}
	e = &et->v[et->n++];
	e->field = t->field;
	e->record_id = t->record_id;
	e->client_id = t->client_id;
	e->what = xstrdup(t->what);
	e->owner = t->owner != NULL ? xstrdup(t->owner) : NULL;
	e->on = xstrdup(t->on);
	e->text = xstrdup(t->text);
	e->hits = h;
	e->nhits = n;
	et->mentions += n;
	return 0;
}

static void
erase_texts_fini(struct erase_texts *et)
{
	size_t i;

	for (i = 0; i < et->n; i++) {
		free(et->v[i].what);
		free(et->v[i].owner);
		free(et->v[i].on);
		free(et->v[i].text);
		free(et->v[i].hits);
	}
	free(et->v);
	mention_rule_free(&et->rule);
	memset(et, 0, sizeof *et);
}

/* Every text of someone else naming client id, and the list's sum. */
static enum pd_status
erase_collect(struct app *app, int64_t id, struct erase_texts *et,
    unsigned long long *sum, struct pd_err *err)
{
	struct privacy_client c;
	unsigned long long h = 14695981039346656037ULL;
	enum pd_status s;
	size_t i, j;

	memset(et, 0, sizeof *et);
	if ((s = db_privacy_client(app->db, id, &c, err)) != PD_OK)
		return s;
	et->rule = mention_rule_new(c.name, c.preferred_name, c.phone);
	privacy_client_fini(&c);
	if ((s = db_privacy_texts(app->db, id, erase_text_cb, et, err)) !=
	    PD_OK) {
		erase_texts_fini(et);
		return s;
	}
#define MIX(v) (h = (h ^ (unsigned long long)(v)) * 1099511628211ULL)
	for (i = 0; i < et->n; i++)
		for (j = 0; j < et->v[i].nhits; j++) {
			MIX(et->v[i].field);
			MIX(et->v[i].record_id);
			MIX(et->v[i].hits[j].start);
			MIX(et->v[i].hits[j].end);
			MIX(et->v[i].hits[j].kind);
		}
#undef MIX
	if (sum != NULL)
		*sum = h;
	return PD_OK;
}

enum pd_status
app_erase_mentions(struct app *app, int64_t id,
    int (*cb)(void *arg, const struct erase_mention *m), void *arg,
    unsigned long long *sum, struct pd_err *err)
{
	struct erase_texts et;
	struct erase_mention m;
	struct strbuf ctx = STRBUF_INIT;
	enum pd_status s;
	size_t i, j, n = 0;
	int stop = 0;

	if ((s = app_require(app, APP_MANAGER, "erase a client", err)) != PD_OK)
		return s;
	if ((s = erase_collect(app, id, &et, sum, err)) != PD_OK)
		return s;
	for (i = 0; i < et.n && !stop; i++)
		for (j = 0; j < et.v[i].nhits && !stop; j++) {
			const struct erase_text *e = &et.v[i];

			strbuf_reset(&ctx);
			mention_context(e->text, &e->hits[j], 30, &ctx);
			m.n = ++n;
			m.what = e->what;
			m.record_id = e->record_id;
			m.client_id = e->client_id;
			m.owner = e->owner;
			m.on = e->on;
			m.kind = e->hits[j].kind;
			m.context = strbuf_str(&ctx);
			m.replace = m.kind != MENTION_PART;
			stop = cb(arg, &m);
		}
	strbuf_fini(&ctx);
	erase_texts_fini(&et);
	return PD_OK;
}

/* Replace the chosen mentions in each text. */
static enum pd_status
erase_elsewhere(struct app *app, struct erase_texts *et,
    const struct erase_choices *ch, struct erase_result *res,
    struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	enum pd_status s = PD_OK;
	size_t i, j, n = 0;
	int *keep;

	for (i = 0; s == PD_OK && i < et->n; i++) {
		struct erase_text *e = &et->v[i];
		size_t any = 0;

		keep = xcalloc(e->nhits, sizeof *keep);
		for (j = 0; j < e->nhits; j++, n++) {
			if (ch != NULL && ch->replace != NULL)
				keep[j] = n < ch->n && ch->replace[n] != 0;
			else
				keep[j] = e->hits[j].kind != MENTION_PART;
			any += keep[j] != 0;
		}
		res->replaced += any;
		res->kept += e->nhits - any;
		if (any > 0) {
			strbuf_reset(&sb);
			mention_replace(e->text, e->hits, e->nhits, keep,
			    "(erased)", &sb);
			s = db_privacy_text_set(app->db, e->field, e->record_id,
			    e->text, strbuf_str(&sb), err);
		}
		free(keep);
	}
	strbuf_fini(&sb);
	return s;
}

/* The records merged into client id are the same person's: anonymised
 * with it, in the same transaction, each with its own audit row. */
static enum pd_status
erase_stubs(struct app *app, int64_t id, struct erase_result *res,
    struct pd_err *err)
{
	int64_t *ids;
	size_t n, k;
	char summary[160];
	enum pd_status s = db_privacy_stubs(app->db, id, &ids, &n, err);

	for (k = 0; s == PD_OK && k < n; k++) {
		struct privacy_client c;

		if ((s = db_privacy_client(app->db, ids[k], &c, err)) != PD_OK)
			break;
		if (c.anonymised_at[0] == '\0') {
			s = db_privacy_erase(app->db, ids[k],
			    access_staff_id(app), err);
			snprintf(summary, sizeof summary, "client anonymised "
			    "with client #%lld, which it was merged into",
			    (long long)id);
			if (s == PD_OK)
				s = app_audit(app, "erase", "client", ids[k],
				    ids[k], summary, NULL, NULL, NULL, err);
			res->merged++;
		}
		privacy_client_fini(&c);
	}
	free(ids);
	return s;
}

enum pd_status
app_erase(struct app *app, int64_t id, const struct erase_choices *choices,
    struct erase_result *res, struct pd_err *err)
{
	struct privacy_client c;
	struct erase_texts et;
	struct erase_result mine;
	unsigned long long sum = 0;
	enum pd_status s;
	char summary[200];

	if (res == NULL)
		res = &mine;
	memset(res, 0, sizeof *res);
	memset(&et, 0, sizeof et);
	if ((s = app_require(app, APP_MANAGER, "erase a client", err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = db_privacy_client(app->db, id, &c, err);
	if (s == PD_OK) {
		s = privacy_erasable(&c, err);
		privacy_client_fini(&c);
	}
	if (s == PD_OK)
		s = erase_collect(app, id, &et, &sum, err);
	if (s == PD_OK && choices != NULL && choices->replace != NULL &&
	    (choices->sum != sum || choices->n != et.mentions))
		s = pd_fail(err, PD_CONFLICT, NULL, "other people's records "
		    "changed while the erase was being decided; nothing was "
		    "erased, please run it again");
	if (s == PD_OK)
		s = db_privacy_erase(app->db, id,
		    access_staff_id(app), err);
	if (s == PD_OK)
		s = erase_elsewhere(app, &et, choices, res, err);
	if (s == PD_OK)
		s = erase_stubs(app, id, res, err);
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "client anonymised (personal "
		    "details and notes removed); in other records %zu "
		    "mention%s replaced, %zu kept; %zu merged record%s "
		    "anonymised with it", res->replaced,
		    res->replaced == 1 ? "" : "s", res->kept, res->merged,
		    res->merged == 1 ? "" : "s");
		s = app_audit(app, "erase", "client", id, id, summary, NULL,
		    NULL, NULL, err);
	}
	s = app_finish(app, s, err);
	erase_texts_fini(&et);
	if (s != PD_OK) {
		memset(res, 0, sizeof *res);
		return s;
	}
	/* The old pages are still in the write-ahead log until it is
	 * copied back and emptied (secure_delete zeroes the freed space
	 * in the database file). */
	res->journal_emptied = app->db != NULL &&
	    db_checkpoint_truncate(app->db, NULL) == PD_OK;
	return PD_OK;
}

struct privacy_ret {
	pd_date today;
	int (*cb)(void *arg, const struct retention_row *row);
	void *arg;
};

static int
privacy_ret_cb(void *arg, const struct privacy_client *c)
{
	struct privacy_ret *pr = arg;
	struct retention_row row;
	int y1, m1, d1, y2, m2, d2;
	pd_date closed;

	memset(&row, 0, sizeof row);
	row.id = c->id;
	row.name = c->name;
	row.closed_on = c->closed_on;
	if (date_parse(c->closed_on, &closed, NULL) == PD_OK) {
		date_to_ymd(closed, &y1, &m1, &d1);
		date_to_ymd(pr->today, &y2, &m2, &d2);
		row.years = y2 - y1 - (m2 < m1 || (m2 == m1 && d2 < d1));
	}
	return pr->cb(pr->arg, &row);
}

enum pd_status
app_retention_list(struct app *app, const char *today,
    int (*cb)(void *arg, const struct retention_row *row), void *arg,
    struct pd_err *err)
{
	struct privacy_ret pr;
	char buf[11], cutoff[DATE_STR_LEN];
	enum pd_status s;
	int years = app->settings != NULL ? app->settings->retention_years : 6;

	if ((s = app_require(app, APP_MANAGER, "look after retention", err))
	    != PD_OK)
		return s;
	if (today == NULL || today[0] == '\0') {
		app_today(buf);
		today = buf;
	}
	if ((s = date_parse(today, &pr.today, err)) != PD_OK)
		return s;
	date_format(date_add_months(pr.today, -12 * years), cutoff);
	pr.cb = cb;
	pr.arg = arg;
	return db_privacy_past(app->db, cutoff, privacy_ret_cb, &pr, err);
}
