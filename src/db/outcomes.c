/* outcomes.c - the queries behind the outcomes report.  Every query
 * binds :from, :to and :funder (NULL: everyone); a client counts for a
 * funder when any of their funding rows names it (any case). */
#include "peerdesk/db/outcomes.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "db_priv.h"

#define FUNDED(col) \
	"(:funder IS NULL OR EXISTS (SELECT 1 FROM funding ff WHERE" \
	" ff.client_id = " col " AND lower(ff.funder) = lower(:funder)))"
#define IN_PERIOD(col) "(" col " BETWEEN :from AND :to)"

static const char sql_referrals[] =
	"SELECT count(*) FROM referral r WHERE " IN_PERIOD("r.referred_on")
	" AND " FUNDED("r.client_id");
static const char sql_supported[] =
	"SELECT count(*) FROM client c WHERE " FUNDED("c.id")
	" AND (EXISTS (SELECT 1 FROM session s WHERE s.client_id = c.id"
	" AND s.status = 'done' AND " IN_PERIOD("s.date") ")"
	" OR EXISTS (SELECT 1 FROM group_attendance a JOIN group_meeting m"
	" ON m.id = a.meeting_id WHERE a.client_id = c.id AND "
	IN_PERIOD("m.date") "))";
/* A record merged into another was a duplicate, not someone leaving. */
static const char sql_closed[] =
	"SELECT coalesce(sc.reason, 'other'), count(*)"
	" FROM client_status_change sc WHERE sc.status = 'closed'"
	" AND coalesce(sc.reason, '') <> 'merged'"
	" AND " IN_PERIOD("sc.on_date") " AND " FUNDED("sc.client_id")
	" GROUP BY 1 ORDER BY 2 DESC, 1";
static const char sql_waits[] =
	"SELECT CAST(julianday(first) - julianday(ref) AS INTEGER) FROM"
	" (SELECT (SELECT min(a.started_on) FROM assignment a"
	"   WHERE a.client_id = c.id) AS first,"
	"  (SELECT min(r.referred_on) FROM referral r"
	"   WHERE r.client_id = c.id) AS ref"
	"  FROM client c WHERE " FUNDED("c.id") ")"
	" WHERE " IN_PERIOD("first") " AND ref IS NOT NULL AND ref <= first"
	" ORDER BY 1";
static const char sql_hours[] =
	"WITH w AS (SELECT f.client_id, coalesce(f.funder, '') AS funder,"
	"  f.kind, coalesce(f.contracted_minutes_per_week, 0) AS cm,"
	"  max(:from, coalesce(f.starts_on, :from)) AS s,"
	"  min(:to, coalesce(f.ends_on, :to)) AS e FROM funding f"
	"  WHERE :funder IS NULL OR lower(f.funder) = lower(:funder))"
	" SELECT funder, kind, count(DISTINCT client_id),"
	" CAST(round(sum(cm * (julianday(e) - julianday(s) + 1) / 7.0))"
	"  AS INTEGER),"
	" sum((SELECT coalesce(sum(x.minutes), 0) FROM session x"
	"  WHERE x.client_id = w.client_id AND x.status = 'done'"
	"  AND x.date BETWEEN w.s AND w.e))"
	" FROM w WHERE s <= e GROUP BY funder, kind"
	" ORDER BY funder COLLATE NOCASE, kind";
/* Each assignment's first review: the four-to-six-week review. */
static const char sql_reviews[] =
	"SELECT count(*), coalesce(sum(CASE WHEN julianday(r.held_on)"
	" - julianday(a.started_on) BETWEEN 28 AND 42 THEN 1 ELSE 0 END), 0)"
	" FROM review r JOIN assignment a ON a.id = r.assignment_id"
	" WHERE " IN_PERIOD("r.held_on") " AND r.id = (SELECT r2.id FROM"
	" review r2 WHERE r2.assignment_id = a.id ORDER BY r2.held_on, r2.id"
	" LIMIT 1) AND " FUNDED("a.client_id");
static const char sql_goals[] =
	"SELECT p.client_id, g.area,"
	" (SELECT s.score FROM goal_score s WHERE s.goal_id = g.id"
	"  AND s.scored_on <= :to ORDER BY s.scored_on, s.id LIMIT 1),"
	" (SELECT s.score FROM goal_score s WHERE s.goal_id = g.id"
	"  AND s.scored_on <= :to ORDER BY s.scored_on DESC, s.id DESC"
	"  LIMIT 1),"
	" CASE WHEN :funder IS NOT NULL AND EXISTS (SELECT 1 FROM funding f"
	"  WHERE f.client_id = p.client_id AND lower(f.funder) ="
	"  lower(:funder) AND f.kind IN ('personal_budget',"
	"  'personal_health_budget', 'direct_payment')) THEN c.name END"
	" FROM plan_goal g JOIN plan p ON p.id = g.plan_id"
	" JOIN client c ON c.id = p.client_id"
	" WHERE EXISTS (SELECT 1 FROM goal_score s WHERE s.goal_id = g.id"
	"  AND s.scored_on <= :to)"
	" AND EXISTS (SELECT 1 FROM goal_score s JOIN plan_goal g2"
	"  ON g2.id = s.goal_id WHERE g2.plan_id = p.id AND "
	IN_PERIOD("s.scored_on") ")"
	" AND " FUNDED("p.client_id")
	" ORDER BY p.client_id, g.id";
/* Groups are open to everyone: their figures are the whole service's,
 * whichever funder the report is for. */
static const char sql_groups[] =
	"SELECT g.name,"
	" (SELECT count(*) FROM group_meeting m WHERE m.group_id = g.id"
	"  AND " IN_PERIOD("m.date") "),"
	" (SELECT count(DISTINCT a.client_id) + count(DISTINCT"
	"  lower(a.first_name)) FROM group_attendance a JOIN group_meeting m"
	"  ON m.id = a.meeting_id WHERE m.group_id = g.id AND "
	IN_PERIOD("m.date") "),"
	" (SELECT count(*) FROM group_attendance a JOIN group_meeting m"
	"  ON m.id = a.meeting_id WHERE m.group_id = g.id AND "
	IN_PERIOD("m.date") ") + (SELECT coalesce(sum(m.extra_count), 0)"
	"  FROM group_meeting m WHERE m.group_id = g.id AND "
	IN_PERIOD("m.date") "),"
	" (SELECT count(*) FROM (SELECT min(m.date) AS d"
	"  FROM group_attendance a JOIN group_meeting m ON m.id = a.meeting_id"
	"  WHERE m.group_id = g.id GROUP BY a.client_id, CASE WHEN"
	"  a.client_id IS NULL THEN lower(a.first_name) END)"
	"  WHERE " IN_PERIOD("d") ")"
	" FROM client_group g WHERE EXISTS (SELECT 1 FROM group_meeting m"
	" WHERE m.group_id = g.id AND " IN_PERIOD("m.date") ")"
	" ORDER BY g.name COLLATE NOCASE";
static const char sql_months[] =
	"SELECT substr(m.date, 1, 7), count(*), sum(m.extra_count +"
	" (SELECT count(*) FROM group_attendance a WHERE a.meeting_id = m.id))"
	" FROM group_meeting m WHERE " IN_PERIOD("m.date")
	" GROUP BY 1 ORDER BY 1";
static const char sql_quotes[] =
	"SELECT r.held_on, 1, r.notes, c.name, c.preferred_name FROM review r"
	" JOIN assignment a ON a.id = r.assignment_id"
	" JOIN client c ON c.id = a.client_id"
	" WHERE r.may_quote = 1 AND r.notes IS NOT NULL AND "
	IN_PERIOD("r.held_on") " AND " FUNDED("a.client_id")
	" UNION ALL"
	" SELECT n.written_on, 0, n.text, c.name, c.preferred_name"
	" FROM plan_note n JOIN plan p ON p.id = n.plan_id"
	" JOIN client c ON c.id = p.client_id"
	" WHERE n.may_quote = 1 AND " IN_PERIOD("n.written_on")
	" AND " FUNDED("p.client_id")
	" ORDER BY 1, 2 DESC";

void
outcomes_raw_fini(struct outcomes_raw *r)
{
	size_t i;

	free(r->waits);
	for (i = 0; i < r->n_goals; i++)
		free(r->goals[i].name);
	free(r->goals);
	for (i = 0; i < r->n_quotes; i++) {
		free(r->quotes[i].text);
		free(r->quotes[i].name);
		free(r->quotes[i].preferred);
	}
	free(r->quotes);
	memset(r, 0, sizeof *r);
}

static sqlite3_stmt *
outcomes_stmt(struct db *db, const char *sql, const struct outcomes *o,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);

	if (st == NULL)
		return NULL;
	db_bind_text(st, ":from", o->from);
	db_bind_text(st, ":to", o->to);
	if (sqlite3_bind_parameter_index(st, ":funder") > 0)
		db_bind_text_opt(st, ":funder", o->funder);
	return st;
}

/* The first row's integer columns 0 and 1 (b may be NULL). */
static enum pd_status
outcomes_ints(struct db *db, const char *sql, const struct outcomes *o,
    int *a, int *b, struct pd_err *err)
{
	sqlite3_stmt *st = outcomes_stmt(db, sql, o, err);
	enum pd_status rc;

	if (st == NULL)
		return PD_DB;
	rc = db_step_row(db, st, err);
	if (rc == PD_OK) {
		*a = (int)db_col_int(st, 0, 0);
		if (b != NULL)
			*b = (int)db_col_int(st, 1, 0);
	}
	db_done(st);
	return rc;
}

#define OUT_GROW(v, n) ((v) = xreallocarray((v), (n) + 1, sizeof *(v)), \
	memset(&(v)[(n)], 0, sizeof *(v)), &(v)[(n)++])

/* Readers of one row of each list query, adding to o or raw. */
typedef void outcomes_reader(sqlite3_stmt *st, struct outcomes *o,
    struct outcomes_raw *raw);

static void
outcomes_read_closed(sqlite3_stmt *st, struct outcomes *o,
    struct outcomes_raw *raw)
{
	struct outcome_count *c = OUT_GROW(o->closed_why, o->n_closed_why);

	(void)raw;
	c->label = db_col_str(st, 0);
	c->n = (int)db_col_int(st, 1, 0);
	o->closed += c->n;
}

static void
outcomes_read_wait(sqlite3_stmt *st, struct outcomes *o,
    struct outcomes_raw *raw)
{
	(void)o;
	raw->waits = xreallocarray(raw->waits, raw->n_waits + 1,
	    sizeof *raw->waits);
	raw->waits[raw->n_waits++] = (int)db_col_int(st, 0, 0);
}

static void
outcomes_read_hours(sqlite3_stmt *st, struct outcomes *o,
    struct outcomes_raw *raw)
{
	struct outcome_hours *h = OUT_GROW(o->hours, o->n_hours);

	(void)raw;
	h->funder = db_col_str(st, 0);
	h->route = db_col_str(st, 1);
	h->clients = (int)db_col_int(st, 2, 0);
	h->contracted_minutes = db_col_int(st, 3, 0);
	h->delivered_minutes = db_col_int(st, 4, 0);
}

static void
outcomes_read_goal(sqlite3_stmt *st, struct outcomes *o,
    struct outcomes_raw *raw)
{
	struct outcome_goal_raw *g = OUT_GROW(raw->goals, raw->n_goals);

	(void)o;
	g->client_id = db_col_int(st, 0, 0);
	db_col_copy(st, 1, g->area, sizeof g->area);
	g->first = (int)db_col_int(st, 2, 0);
	g->latest = (int)db_col_int(st, 3, 0);
	g->name = db_col_str(st, 4);
}

static void
outcomes_read_group(sqlite3_stmt *st, struct outcomes *o,
    struct outcomes_raw *raw)
{
	struct outcome_group *g = OUT_GROW(o->groups, o->n_groups);

	(void)raw;
	g->name = db_col_str(st, 0);
	g->meetings = (int)db_col_int(st, 1, 0);
	g->people = (int)db_col_int(st, 2, 0);
	g->attendances = (int)db_col_int(st, 3, 0);
	g->new_people = (int)db_col_int(st, 4, 0);
}

static void
outcomes_read_month(sqlite3_stmt *st, struct outcomes *o,
    struct outcomes_raw *raw)
{
	struct outcome_month *m = OUT_GROW(o->months, o->n_months);

	(void)raw;
	db_col_copy(st, 0, m->month, sizeof m->month);
	m->meetings = (int)db_col_int(st, 1, 0);
	m->attendances = (int)db_col_int(st, 2, 0);
}

static void
outcomes_read_quote(sqlite3_stmt *st, struct outcomes *o,
    struct outcomes_raw *raw)
{
	struct outcome_quote_raw *q = OUT_GROW(raw->quotes, raw->n_quotes);

	(void)o;
	db_col_date(st, 0, q->date);
	q->review = db_col_int(st, 1, 0) != 0;
	q->text = db_col_str(st, 2);
	q->name = db_col_str(st, 3);
	q->preferred = db_col_str(st, 4);
}

/* The list queries, in the order they are read. */
static const struct {
	const char *sql;
	outcomes_reader *read;
} outcomes_lists[] = {
	{ sql_closed, outcomes_read_closed },
	{ sql_waits, outcomes_read_wait },
	{ sql_hours, outcomes_read_hours },
	{ sql_goals, outcomes_read_goal },
	{ sql_groups, outcomes_read_group },
	{ sql_months, outcomes_read_month },
	{ sql_quotes, outcomes_read_quote },
};

/* Run one list query over o's period, reading every row. */
static enum pd_status
outcomes_rows(struct db *db, const char *sql, outcomes_reader *read,
    struct outcomes *o, struct outcomes_raw *raw, struct pd_err *err)
{
	sqlite3_stmt *st = outcomes_stmt(db, sql, o, err);
	int step;

	if (st == NULL)
		return PD_DB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		read(st, o, raw);
	return db_end(db, st, step, err);
}

enum pd_status
db_outcomes(struct db *db, struct outcomes *o, struct outcomes_raw *raw,
    struct pd_err *err)
{
	enum pd_status rc;
	size_t i;

	memset(raw, 0, sizeof *raw);
	if ((rc = outcomes_ints(db, sql_referrals, o, &o->referrals, NULL,
	    err)) != PD_OK ||
	    (rc = outcomes_ints(db, sql_supported, o, &o->supported, NULL,
	    err)) != PD_OK ||
	    (rc = outcomes_ints(db, sql_reviews, o, &o->reviews,
	    &o->reviews_in_window, err)) != PD_OK)
		return rc;
	for (i = 0; i < sizeof outcomes_lists / sizeof outcomes_lists[0]; i++)
		if ((rc = outcomes_rows(db, outcomes_lists[i].sql,
		    outcomes_lists[i].read, o, raw, err)) != PD_OK)
			return rc;
	return PD_OK;
}

static const char sql_funders[] =
	"SELECT min(trim(funder)) FROM funding WHERE funder IS NOT NULL"
	" AND trim(funder) <> '' GROUP BY lower(trim(funder))"
	" ORDER BY 1 COLLATE NOCASE";

static void
outcomes_funder_read(sqlite3_stmt *st, char **name, size_t i)
{
	(void)i;
	*name = db_col_str(st, 0);
}

static void
outcomes_funders_free(char **v, size_t n)
{
	while (n > 0)
		free(v[--n]);
	free(v);
}

enum pd_status
db_outcomes_funders(struct db *db, char ***out, size_t *n,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_funders, err);
	enum pd_status rc = PD_OK;

	*out = NULL;
	*n = 0;
	DB_ARRAY(db, st, *out, *n, outcomes_funder_read, outcomes_funders_free,
	    err, rc);
	return rc;
}
