/* clientstory.c - status from referral to closed, reopening, likely
 * duplicates and merging (see clientstory.h).
 *
 * Merging moves to the record kept: people who matter, referrals,
 * funding, the shortlist, assignments with their reviews, sessions,
 * timesheet lines and text kept from editing the other's details.  The
 * wellness plan moves when only the other has one; when both have one,
 * the kept record's plan stays its plan and the other's stays, whole and
 * readable, with the closed record (peerdesk plan show OTHER): two plans
 * are never joined by guesswork.  The other's status history stays with
 * it too, ending in a "closed (merged)" line; the kept record gets a
 * line saying what was merged into it.  Audit rows are never changed.
 */
#include "peerdesk/app/clientstory.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/core/textfold.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/assignment.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/clientstory.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/date.h"
#include "app_priv.h"

void
status_history_fini(struct status_history *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		status_change_fini(&h->v[i]);
	FREE(&h->v);
	h->n = 0;
}

void
client_matches_fini(struct client_matches *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->v[i].name);
	FREE(&m->v);
	m->n = 0;
}

static int
story_history_cb(void *arg, const struct status_change *c)
{
	struct status_history *h = arg;
	struct status_change *d;

	h->v = xreallocarray(h->v, h->n + 1, sizeof *h->v);
	d = &h->v[h->n++];
	*d = *c;
	d->note = c->note != NULL ? xstrdup(c->note) : NULL;
	d->by_name = c->by_name != NULL ? xstrdup(c->by_name) : NULL;
	return 0;
}

/* The client, for a change: staff, in scope, not merged away. */
static enum pd_status
story_client(struct app *app, int64_t id, const char *what,
    struct client *c, struct pd_err *err)
{
	enum pd_status s;

	memset(c, 0, sizeof *c);
	if ((s = app_require(app, APP_STAFF, what, err)) != PD_OK)
		return s;
	if ((s = access_client(app, id, what, err)) != PD_OK)
		return s;
	s = db_client_get(app->db, id, 0, c, err);
	if (s == PD_NOT_FOUND)
		return pd_fail(err, s, NULL, "there is no client %lld",
		    (long long)id);
	if (s == PD_OK && c->erased) {
		client_fini(c);
		return pd_fail(err, PD_INVALID, NULL, "client %lld was "
		    "erased; their record cannot change any more (a person "
		    "who comes back is a new referral)", (long long)id);
	}
	return s;
}

/* The day asked for (NULL/"" = today) into day[11]: not in the future
 * and not before the client's last change (last[11], "" when none). */
static enum pd_status
story_day(const char *on, const char *last, char day[11],
    struct pd_err *err)
{
	char today[11];
	pd_date d;

	app_today(today);
	if (on == NULL || on[0] == '\0') {
		memcpy(day, today, 11);
	} else if (date_parse(on, &d, NULL) != PD_OK) {
		return pd_fail(err, PD_INVALID, "on", "'%s' is not a date; "
		    "use a date like 2026-04-06", on);
	} else
		date_format(d, day);
	if (strcmp(day, today) > 0)
		return pd_fail(err, PD_INVALID, "on", "%s is in the future; "
		    "a change is recorded on the day it happens (today is %s "
		    "or earlier)", day, today);
	if (last[0] != '\0' && strcmp(day, last) < 0)
		return pd_fail(err, PD_INVALID, "on", "%s is before the "
		    "client's last change of status (%s); use %s or later",
		    day, last, last);
	return PD_OK;
}

/* The day of the client's last status line into last[11]. */
static enum pd_status
story_last(struct app *app, int64_t id, char last[11], struct pd_err *err)
{
	struct status_history h = { NULL, 0 };
	enum pd_status s;
	size_t i;

	last[0] = '\0';
	s = db_status_change_list(app->db, id, story_history_cb, &h, err);
	for (i = 0; s == PD_OK && i < h.n; i++)
		if (strcmp(h.v[i].on_date, last) > 0)
			memcpy(last, h.v[i].on_date, 11);
	status_history_fini(&h);
	return s;
}

struct story_supports {
	struct assignment *v;	/* id, worker_id, started_on only */
	char names[300];	/* "Sam Reid, Jo Bloggs" */
	size_t n;
};

static int
story_support_cb(void *arg, const struct assignment *a)
{
	struct story_supports *l = arg;
	size_t len = strlen(l->names);

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	memset(&l->v[l->n], 0, sizeof l->v[0]);
	l->v[l->n].id = a->id;
	l->v[l->n].worker_id = a->worker_id;
	memcpy(l->v[l->n].started_on, a->started_on, 11);
	l->n++;
	snprintf(l->names + len, sizeof l->names - len, "%s%s",
	    len ? ", " : "", a->worker_name ? a->worker_name : "?");
	return 0;
}

static const char *
story_name(const struct client *c)
{
	return c->preferred_name != NULL && c->preferred_name[0] != '\0' ?
	    c->preferred_name : c->name != NULL ? c->name : "the client";
}

/* Whether c may go to rq->to (not a merged record, a move the rules
 * allow, a closing with its reason, into *reason). */
static enum pd_status
story_status_allowed(const struct client *c, const struct status_request *rq,
    enum closed_reason *reason, struct pd_err *err)
{
	const char *why;

	if (c->merged_into > 0)
		return pd_fail(err, PD_INVALID, NULL, "this record was merged "
		    "into client %lld; change that one",
		    (long long)c->merged_into);
	if ((why = client_status_refusal(c->status, rq->to)) != NULL)
		return pd_fail(err, PD_INVALID, "status", "%s is %s: %s",
		    story_name(c), client_status_label(c->status), why);
	if (rq->to == CLIENT_CLOSED) {
		*reason = rq->reason;
		if (closed_reason_str(*reason) == NULL ||
		    *reason == CLOSED_MERGED)
			return pd_fail(err, PD_INVALID, "reason", "please say "
			    "why the client is closed: support ended, moved "
			    "away, declined, could not be reached, died or "
			    "other");
	}
	return PD_OK;
}

/* End each of the client's supports on day, with the change of status
 * (rq->to, for the reason). */
static enum pd_status
story_end_supports(struct app *app, const struct client *c,
    const struct story_supports *sup, const struct status_request *rq,
    enum closed_reason reason, const char *day, struct pd_err *err)
{
	char summary[300];
	enum pd_status s = PD_OK;
	size_t i;

	for (i = 0; s == PD_OK && i < sup->n; i++) {
		if (strcmp(sup->v[i].started_on, day) > 0) {
			s = pd_fail(err, PD_INVALID, "on", "the support by "
			    "%s started on %s, after %s", sup->names,
			    sup->v[i].started_on, day);
			break;
		}
		s = db_assignment_end(app->db, sup->v[i].id, day,
		    rq->to == CLIENT_CLOSED && reason == CLOSED_SUPPORT_ENDED ?
		    END_COMPLETED : END_CLIENT_LEFT, "the client's status "
		    "changed", access_staff_id(app), err);
		if (s == PD_OK) {
			snprintf(summary, sizeof summary, "support of client "
			    "#%lld ended on %s with the change of status",
			    (long long)c->id, day);
			s = app_audit(app, "update", "assignment", sup->v[i].id,
			    c->id, summary, NULL, NULL, NULL, err);
		}
	}
	return s;
}

enum pd_status
app_client_set_status(struct app *app, const struct status_request *rq,
    struct pd_err *err)
{
	struct client c;
	struct story_supports sup = { NULL, "", 0 };
	enum closed_reason reason = CLOSED_NONE;
	char last[11], day[11], summary[300], before[200], after[200];
	enum pd_status s;

	if ((s = story_client(app, rq->client_id, "change a client's status",
	    &c, err)) != PD_OK)
		return s;
	if ((s = story_status_allowed(&c, rq, &reason, err)) != PD_OK)
		goto out;
	if ((s = db_begin(app->db, err)) != PD_OK)
		goto out;
	s = story_last(app, c.id, last, err);
	if (s == PD_OK)
		s = story_day(rq->on, last, day, err);
	if (s == PD_OK)
		s = db_assignment_list_for_client(app->db, c.id, 1,
		    story_support_cb, &sup, err);
	if (s == PD_OK && sup.n > 0 && rq->to == CLIENT_CLOSED &&
	    !rq->end_support)
		s = pd_fail(err, PD_INVALID, "end_support", "%s still has a "
		    "PAL (%s). End that support first (End this support, or "
		    "--end-support ends it on the same day and closes them)",
		    story_name(&c), sup.names);
	if (s == PD_OK && rq->end_support)
		s = story_end_supports(app, &c, &sup, rq, reason, day,
		    err);
	if (s == PD_OK)
		s = db_status_change_insert(app->db, c.id, c.episode, rq->to,
		    day, reason, rq->note != NULL && rq->note[0] ? rq->note :
		    NULL, access_staff_id(app), err);
	if (s == PD_OK)
		s = db_client_set_status(app->db, c.id, rq->to, day, reason,
		    c.episode, 0, access_staff_id(app), err);
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "client #%lld is %s from %s"
		    "%s%s%s", (long long)c.id, client_status_label(rq->to), day,
		    reason != CLOSED_NONE ? " (" : "",
		    closed_reason_label(reason),
		    reason != CLOSED_NONE ? ")" : "");
		snprintf(before, sizeof before, "status: %s\n",
		    client_status_str(c.status));
		snprintf(after, sizeof after, "status: %s\non: %s\n%s%s%s",
		    client_status_str(rq->to), day,
		    reason != CLOSED_NONE ? "reason: " : "",
		    reason != CLOSED_NONE ? closed_reason_str(reason) : "",
		    reason != CLOSED_NONE ? "\n" : "");
		s = app_audit(app, "status", "client", c.id, c.id, summary,
		    before, after, rq->note != NULL && rq->note[0] ? rq->note :
		    NULL, err);
	}
	s = app_finish(app, s, err);
out:
	free(sup.v);
	client_fini(&c);
	return s;
}

enum pd_status
app_client_reopen(struct app *app, int64_t id, const char *on,
    const char *note, struct pd_err *err)
{
	struct client c;
	char last[11], day[11], summary[200], after[100];
	enum pd_status s;

	if ((s = story_client(app, id, "reopen a client", &c, err)) != PD_OK)
		return s;
	if (c.merged_into > 0)
		s = pd_fail(err, PD_INVALID, NULL, "this record was merged "
		    "into client %lld and stays closed; open that one",
		    (long long)c.merged_into);
	else if (c.status != CLIENT_CLOSED)
		s = pd_fail(err, PD_INVALID, "status", "%s is %s, not closed; "
		    "only a closed client is reopened", story_name(&c),
		    client_status_label(c.status));
	if (s == PD_OK)
		s = db_begin(app->db, err);
	if (s != PD_OK) {
		client_fini(&c);
		return s;
	}
	s = story_last(app, id, last, err);
	if (s == PD_OK)
		s = story_day(on, last, day, err);
	if (s == PD_OK)
		s = db_status_change_insert(app->db, id, c.episode + 1,
		    CLIENT_REFERRED, day, CLOSED_NONE, note != NULL &&
		    note[0] ? note : NULL, access_staff_id(app), err);
	if (s == PD_OK)
		s = db_client_set_status(app->db, id, CLIENT_REFERRED, day,
		    CLOSED_NONE, c.episode + 1, 0, access_staff_id(app), err);
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "client #%lld reopened on %s: "
		    "episode %d", (long long)id, day, c.episode + 1);
		snprintf(after, sizeof after, "status: referred\nepisode: %d\n",
		    c.episode + 1);
		s = app_audit(app, "reopen", "client", id, id, summary,
		    "status: closed\n", after, note != NULL && note[0] ? note :
		    NULL, err);
	}
	s = app_finish(app, s, err);
	client_fini(&c);
	return s;
}

enum pd_status
app_client_history(struct app *app, int64_t id, struct status_history *out,
    struct pd_err *err)
{
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_STAFF, "see a client's history", err))
	    != PD_OK)
		return s;
	if ((s = access_client(app, id, "see a client's history", err))
	    != PD_OK)
		return s;
	s = db_status_change_list(app->db, id, story_history_cb, out, err);
	if (s != PD_OK)
		status_history_fini(out);
	return s;
}

enum pd_status
app_client_status_counts(struct app *app, int counts[5], struct pd_err *err)
{
	enum pd_status s;

	memset(counts, 0, 5 * sizeof counts[0]);
	if ((s = app_require(app, APP_ANYONE, "see clients", err)) != PD_OK)
		return s;
	return db_client_status_counts(app->db, access_scope(app), counts,
	    err);
}

void
client_status_counts_words(const int counts[5], char *buf, size_t size)
{
	static const char *const words[5] = {
		"referred", "at intake", "active", "paused", "closed"
	};
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < 5 && len < size; i++) {
		snprintf(buf + len, size - len, "%s%d %s", i ? ", " : "",
		    counts[i], words[i]);
		len += strlen(buf + len);
	}
}

/* ---- likely duplicates --------------------------------------------- */

struct matcher_row {
	int64_t id;
	char *name, *pref;	/* folded */
	char *phone;		/* digits */
	char dob[11];
	char *shown;		/* the name as written */
	char status[12];
};

struct client_matcher {
	struct matcher_row *v;
	size_t n;
};

static void
matcher_push(struct client_matcher *m, int64_t id, const char *name,
    const char *pref, const char *dob, const char *phone,
    const char *status)
{
	struct matcher_row *r;

	m->v = xreallocarray(m->v, m->n + 1, sizeof *m->v);
	r = &m->v[m->n++];
	memset(r, 0, sizeof *r);
	r->id = id;
	r->name = textfold(name);
	r->pref = textfold(pref);
	r->phone = textfold_phone_digits(phone);
	snprintf(r->dob, sizeof r->dob, "%s", dob != NULL ? dob : "");
	r->shown = xstrdup(name != NULL ? name : "");
	snprintf(r->status, sizeof r->status, "%s", status ? status : "");
}

static int
matcher_cb(void *arg, int64_t id, const char *name, const char *pref,
    const char *dob, const char *phone, const char *status)
{
	matcher_push(arg, id, name, pref, dob, phone, status);
	return 0;
}

enum pd_status
client_matcher_new(struct app *app, struct client_matcher **out,
    struct pd_err *err)
{
	struct client_matcher *m = xcalloc(1, sizeof *m);
	enum pd_status s;

	*out = NULL;
	if ((s = app_require(app, APP_STAFF, "look for duplicate records",
	    err)) != PD_OK) {
		free(m);
		return s;
	}
	s = db_client_each_for_match(app->db, matcher_cb, m, err);
	if (s != PD_OK) {
		client_matcher_free(m);
		return s;
	}
	*out = m;
	return PD_OK;
}

void
client_matcher_add(struct client_matcher *m, int64_t id,
    const struct client *c)
{
	matcher_push(m, id, c->name, c->preferred_name, c->date_of_birth,
	    c->phone, client_status_str(c->status));
}

void
client_matcher_free(struct client_matcher *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++) {
		free(m->v[i].name);
		free(m->v[i].pref);
		free(m->v[i].phone);
		free(m->v[i].shown);
	}
	free(m->v);
	free(m);
}

/* A word (of two letters or more) of a in b's words? */
static bool
matcher_word_shared(const char *a, const char *b)
{
	const char *p = a;

	while (*p != '\0') {
		size_t n = strcspn(p, " ");
		const char *q = b;

		while (n >= 2 && *q != '\0') {
			size_t m = strcspn(q, " ");

			if (m == n && memcmp(p, q, n) == 0)
				return true;
			q += m;
			q += *q == ' ';
		}
		p += n;
		p += *p == ' ';
	}
	return false;
}

static bool
matcher_same(const char *a, const char *b)
{
	return a[0] != '\0' && strcmp(a, b) == 0;
}

void
client_matcher_find(const struct client_matcher *m, const struct client *c,
    int64_t except_id, struct client_matches *out)
{
	char *name = textfold(c->name), *pref = textfold(c->preferred_name);
	char *phone = textfold_phone_digits(c->phone);
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < m->n; i++) {
		const struct matcher_row *r = &m->v[i];
		unsigned why = 0;
		struct client_match *x;

		if (r->id == except_id)
			continue;
		if (matcher_same(name, r->name) || matcher_same(name, r->pref)
		    || matcher_same(pref, r->name))
			why |= MATCH_NAME;
		if (strlen(phone) >= 6 && strcmp(phone, r->phone) == 0)
			why |= MATCH_PHONE;
		if (c->date_of_birth[0] != '\0' &&
		    strcmp(c->date_of_birth, r->dob) == 0 &&
		    (matcher_word_shared(name, r->name) ||
		    matcher_word_shared(pref, r->name) ||
		    matcher_word_shared(name, r->pref)))
			why |= MATCH_DOB;
		if (why == 0)
			continue;
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		x = &out->v[out->n++];
		memset(x, 0, sizeof *x);
		x->id = r->id;
		x->name = xstrdup(r->shown);
		memcpy(x->date_of_birth, r->dob, sizeof x->date_of_birth);
		memcpy(x->status, r->status, sizeof x->status);
		x->why = why;
	}
	free(name);
	free(pref);
	free(phone);
}

enum pd_status
app_client_matches(struct app *app, const struct client *c,
    int64_t except_id, struct client_matches *out, struct pd_err *err)
{
	struct client_matcher *m;
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = client_matcher_new(app, &m, err)) != PD_OK)
		return s;
	client_matcher_find(m, c, except_id, out);
	client_matcher_free(m);
	return PD_OK;
}

void
client_match_words(unsigned why, char *buf, size_t size)
{
	const char *w[3];
	int n = 0, i;
	size_t len;

	if (why & MATCH_NAME)
		w[n++] = "name";
	if (why & MATCH_DOB)
		w[n++] = "date of birth";
	if (why & MATCH_PHONE)
		w[n++] = "phone";
	snprintf(buf, size, "the same ");
	for (i = 0; i < n; i++) {
		len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", i == 0 ? "" :
		    i == n - 1 ? " and " : ", ", w[i]);
	}
}

/* ---- merging -------------------------------------------------------- */

/* The supports of both records into ks and os; refused when the same
 * PAL supports both. */
static enum pd_status
story_merge_supports(struct app *app, int64_t keep, int64_t other,
    struct story_supports *ks, struct story_supports *os,
    struct pd_err *err)
{
	enum pd_status s;
	size_t i, j;

	s = db_assignment_list_for_client(app->db, keep, 1, story_support_cb,
	    ks, err);
	if (s == PD_OK)
		s = db_assignment_list_for_client(app->db, other, 1,
		    story_support_cb, os, err);
	for (i = 0; s == PD_OK && i < ks->n; i++)
		for (j = 0; s == PD_OK && j < os->n; j++)
			if (ks->v[i].worker_id == os->v[j].worker_id)
				s = pd_fail(err, PD_INVALID, NULL, "the same "
				    "PAL supports both records; end one of "
				    "the two supports first, then merge");
	return s;
}

/* The other record closed, pointing to the one kept; the one kept gets
 * a line saying so, and is active when support came with the other
 * record (with_support). */
static enum pd_status
story_merge_statuses(struct app *app, int64_t keep, int64_t other,
    const struct client *k, const struct client *o, bool with_support,
    const char *today, struct pd_err *err)
{
	char note[120];
	enum pd_status s;

	/* The other record: closed, pointing to the one kept. */
	snprintf(note, sizeof note, "merged into client #%lld",
	    (long long)keep);
	s = db_status_change_insert(app->db, other, o->episode, CLIENT_CLOSED,
	    today, CLOSED_MERGED, note, access_staff_id(app), err);
	if (s == PD_OK)
		s = db_client_set_status(app->db, other, CLIENT_CLOSED, today,
		    CLOSED_MERGED, o->episode, keep, access_staff_id(app), err);
	/* The one kept: a line saying so; active when support came with
	 * the other record. */
	if (s == PD_OK) {
		enum client_status now = k->status;

		if (with_support && (now == CLIENT_REFERRED ||
		    now == CLIENT_INTAKE))
			now = CLIENT_ACTIVE;
		snprintf(note, sizeof note, "client #%lld merged into this "
		    "record", (long long)other);
		s = db_status_change_insert(app->db, keep, k->episode, now,
		    today, CLOSED_NONE, note, access_staff_id(app), err);
		if (s == PD_OK && now != k->status)
			s = db_client_set_status(app->db, keep, now, today,
			    CLOSED_NONE, k->episode, 0, access_staff_id(app),
			    err);
	}
	return s;
}

/* The merge said on both records. */
static enum pd_status
story_merge_audit(struct app *app, int64_t keep, int64_t other,
    const struct merge_result *res, struct pd_err *err)
{
	char summary[300];
	enum pd_status s;

	snprintf(summary, sizeof summary, "client #%lld merged into "
	    "client #%lld: %d rows moved%s", (long long)other,
	    (long long)keep, res->moved, res->plan_kept_apart ?
	    "; both had a plan: the other's stays with client #" : "");
	if (res->plan_kept_apart) {
		size_t len = strlen(summary);

		snprintf(summary + len, sizeof summary - len, "%lld",
		    (long long)other);
	}
	s = app_audit(app, "merge", "client", keep, keep, summary,
	    NULL, NULL, NULL, err);
	if (s == PD_OK)
		s = app_audit(app, "merge", "client", other, other,
		    summary, NULL, NULL, NULL, err);
	return s;
}

enum pd_status
app_client_merge(struct app *app, int64_t keep, int64_t other,
    struct merge_result *res, struct pd_err *err)
{
	struct client k, o;
	struct story_supports ks = { NULL, "", 0 }, os = { NULL, "", 0 };
	char today[11];
	bool kplan = false, oplan = false;
	enum pd_status s;

	memset(res, 0, sizeof *res);
	memset(&k, 0, sizeof k);
	memset(&o, 0, sizeof o);
	if ((s = app_require(app, APP_MANAGER, "merge client records", err))
	    != PD_OK)
		return s;
	if (keep == other)
		return pd_fail(err, PD_INVALID, NULL, "those are the same "
		    "record; give two different client numbers");
	if ((s = story_client(app, keep, "merge client records", &k, err))
	    != PD_OK)
		return s;
	if ((s = story_client(app, other, "merge client records", &o, err))
	    != PD_OK)
		goto out;
	if (k.merged_into > 0 || o.merged_into > 0) {
		s = pd_fail(err, PD_INVALID, NULL, "client %lld was already "
		    "merged into client %lld", (long long)(k.merged_into ?
		    keep : other), (long long)(k.merged_into ? k.merged_into :
		    o.merged_into));
		goto out;
	}
	if (k.status == CLIENT_CLOSED) {
		s = pd_fail(err, PD_INVALID, NULL, "client %lld (the one to "
		    "keep) is closed; reopen them first, or keep the other "
		    "record", (long long)keep);
		goto out;
	}
	if ((s = db_begin(app->db, err)) != PD_OK)
		goto out;
	app_today(today);
	s = story_merge_supports(app, keep, other, &ks, &os, err);
	if (s == PD_OK)
		s = db_client_has_plan(app->db, keep, &kplan, err);
	if (s == PD_OK)
		s = db_client_has_plan(app->db, other, &oplan, err);
	res->plan_kept_apart = kplan && oplan;
	if (s == PD_OK)
		s = db_client_merge_rows(app->db, keep, other, !kplan,
		    &res->moved, err);
	if (s == PD_OK)
		s = story_merge_statuses(app, keep, other, &k, &o,
		    os.n > 0, today, err);
	if (s == PD_OK)
		s = story_merge_audit(app, keep, other, res, err);
	s = app_finish(app, s, err);
out:
	free(ks.v);
	free(os.v);
	client_fini(&k);
	client_fini(&o);
	return s;
}
