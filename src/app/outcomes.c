/* outcomes.c - the outcomes report (app/outcomes.h). */
#include "peerdesk/app/outcomes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/userfile.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/outcomes.h"
#include "peerdesk/model/client.h"
#include "peerdesk/model/date.h"
#include "peerdesk/report/outcomes.h"

static int
area_index(const char *area)
{
	static const char *const names[OUTCOME_AREAS] = {
		"ambition", "connect", "be_active", "take_notice", "learn",
		"give"
	};
	int i;

	for (i = 0; i < OUTCOME_AREAS; i++)
		if (strcmp(area, names[i]) == 0)
			return i;
	return 0;
}

/* Each client's T-score from their goals' first and latest scores,
 * over all their goals and area by area; then the means. */
static void
outcomes_gas(struct outcomes *o, const struct outcomes_raw *raw)
{
	double sum_area_f[OUTCOME_AREAS] = { 0 },
	    sum_area_l[OUTCOME_AREAS] = { 0 }, sum_f = 0, sum_l = 0;
	int *f = xcalloc(raw->n_goals + 1, sizeof *f);
	int *l = xcalloc(raw->n_goals + 1, sizeof *l);
	size_t i = 0, j, k, n;
	int a;

	while (i < raw->n_goals) {
		struct outcome_person *p;
		double tf, tl;

		for (j = i; j < raw->n_goals &&
		    raw->goals[j].client_id == raw->goals[i].client_id; j++)
			;
		for (k = i, n = 0; k < j; k++, n++) {
			f[n] = raw->goals[k].first;
			l[n] = raw->goals[k].latest;
		}
		if (outcomes_gas_tscore(f, n, &tf) == 0 &&
		    outcomes_gas_tscore(l, n, &tl) == 0) {
			o->people = xreallocarray(o->people, o->n_people + 1,
			    sizeof *o->people);
			p = &o->people[o->n_people++];
			p->label = raw->goals[i].name != NULL ?
			    xstrdup(raw->goals[i].name) :
			    xasprintf("Person %zu", o->n_people);
			p->goals = (int)n;
			p->t_first = tf;
			p->t_latest = tl;
			sum_f += tf;
			sum_l += tl;
			if (tl - tf >= 0.05)
				o->improved++;
			else if (tf - tl >= 0.05)
				o->worse++;
			else
				o->same++;
		}
		for (a = 0; a < OUTCOME_AREAS; a++) {
			for (k = i, n = 0; k < j; k++)
				if (area_index(raw->goals[k].area) == a) {
					f[n] = raw->goals[k].first;
					l[n++] = raw->goals[k].latest;
				}
			if (n > 0 && outcomes_gas_tscore(f, n, &tf) == 0 &&
			    outcomes_gas_tscore(l, n, &tl) == 0) {
				o->areas[a].clients++;
				o->areas[a].goals += (int)n;
				sum_area_f[a] += tf;
				sum_area_l[a] += tl;
			}
		}
		i = j;
	}
	if (o->n_people > 0) {
		o->t_first = sum_f / (double)o->n_people;
		o->t_latest = sum_l / (double)o->n_people;
	}
	for (a = 0; a < OUTCOME_AREAS; a++)
		if (o->areas[a].clients > 0) {
			o->areas[a].t_first = sum_area_f[a] /
			    o->areas[a].clients;
			o->areas[a].t_latest = sum_area_l[a] /
			    o->areas[a].clients;
		}
	free(f);
	free(l);
}

/* text with every occurrence of word (two letters or more) as "[name]". */
static char *
unname(char *text, const char *word)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = word != NULL ? strlen(word) : 0;
	const char *p = text, *hit;

	if (n < 2)
		return text;
	while ((hit = strstr(p, word)) != NULL) {
		strbuf_add(&sb, p, (size_t)(hit - p));
		strbuf_adds(&sb, "[name]");
		p = hit + n;
	}
	strbuf_adds(&sb, p);
	free(text);
	return strbuf_detach(&sb);
}

/* The text with the client's names (whole, preferred, each word) out. */
static char *
outcomes_unname(const struct outcome_quote_raw *q)
{
	char *t = xstrdup(q->text != NULL ? q->text : ""), *w, *save, *copy;

	if (q->name != NULL)
		t = unname(t, q->name);
	if (q->preferred != NULL)
		t = unname(t, q->preferred);
	if (q->name != NULL) {
		copy = xstrdup(q->name);
		for (w = strtok_r(copy, " ", &save); w != NULL;
		    w = strtok_r(NULL, " ", &save))
			t = unname(t, w);
		free(copy);
	}
	return t;
}

enum pd_status
app_report_outcomes(struct app *app, const char *from, const char *to,
    const char *funder, struct outcomes *o, struct pd_err *err)
{
	struct outcomes_raw raw;
	enum funding_kind fk;
	enum pd_status st;
	pd_date df, dt;
	size_t i;
	char *sum;

	memset(o, 0, sizeof *o);
	if ((st = app_require(app, APP_MANAGER, "see the outcomes report",
	    err)) != PD_OK)
		return st;
	if (from == NULL || date_parse(from, &df, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, "from", "--from should be a "
		    "date like 2026-01-01");
	if (to == NULL || date_parse(to, &dt, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, "to", "--to should be a date "
		    "like 2026-03-31");
	if (date_diff_days(dt, df) < 0)
		return pd_fail(err, PD_INVALID, "to", "--to is before --from");
	date_format(df, o->from);
	date_format(dt, o->to);
	if (funder != NULL && *funder != '\0')
		o->funder = xstrdup(funder);
	st = db_outcomes(app->db, o, &raw, err);
	if (st != PD_OK) {
		outcomes_raw_fini(&raw);
		outcomes_fini(o);
		return st;
	}
	o->waits = (int)raw.n_waits;
	if (raw.n_waits > 0) {
		o->wait_median = outcomes_median(raw.waits, raw.n_waits);
		o->wait_min = raw.waits[0];
		o->wait_max = raw.waits[raw.n_waits - 1];
	}
	for (i = 0; i < o->n_hours; i++)
		if (funding_kind_from_str(o->hours[i].route, &fk) == 0) {
			free(o->hours[i].route);
			o->hours[i].route = xstrdup(funding_kind_label(fk));
		}
	for (i = 0; i < raw.n_goals; i++)
		if (raw.goals[i].name != NULL)
			o->named = 1;
	outcomes_gas(o, &raw);
	if (raw.n_quotes > 0)
		o->quotes = xcalloc(raw.n_quotes, sizeof *o->quotes);
	for (i = 0; i < raw.n_quotes; i++) {
		memcpy(o->quotes[i].date, raw.quotes[i].date,
		    sizeof o->quotes[i].date);
		o->quotes[i].source = raw.quotes[i].review ? "review" :
		    "plan note";
		o->quotes[i].text = outcomes_unname(&raw.quotes[i]);
	}
	o->n_quotes = raw.n_quotes;
	outcomes_raw_fini(&raw);
	sum = xasprintf("read the outcomes report, %s to %s%s%s%s", o->from,
	    o->to, o->funder ? " for " : "", o->funder ? o->funder : "",
	    o->named ? " (people named)" : "");
	st = app_audit_one(app, "open", "report", 0, 0, sum, err);
	free(sum);
	if (st != PD_OK)
		outcomes_fini(o);
	return st;
}

enum pd_status
app_report_outcomes_render(const struct outcomes *o, enum report_format f,
    unsigned csv_flags, struct strbuf *out, struct pd_err *err)
{
	switch (f) {
	case REPORT_TEXT:
		outcomes_text(o, out);
		return PD_OK;
	case REPORT_CSV:
		outcomes_csv(o, csv_flags, out);
		return PD_OK;
	case REPORT_PDF:
		return outcomes_pdf(o, out, err);
	}
	return pd_fail(err, PD_INVALID, "format", "unknown format");
}

enum pd_status
app_report_outcomes_save(struct app *app, const struct outcomes *o,
    enum report_format f, unsigned csv_flags, const char *path,
    struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	enum pd_status s;

	if ((s = app_report_outcomes_render(o, f, csv_flags, &sb, err))
	    != PD_OK) {
		strbuf_fini(&sb);
		return s;
	}
	s = userfile_save(path, sb.buf, sb.len, 0, err);
	strbuf_fini(&sb);
	if (s == PD_OK && !userfile_is_std(path)) {
		char *sum = xasprintf("wrote the outcomes report, %s to %s, "
		    "to %s", o->from, o->to, path);

		s = app_audit_one(app, "export", "report", 0, 0, sum, err);
		free(sum);
	}
	return s;
}

enum pd_status
app_outcomes_funders(struct app *app, char ***out, size_t *n,
    struct pd_err *err)
{
	enum pd_status st;

	*out = NULL;
	*n = 0;
	if ((st = app_require(app, APP_MANAGER, "see the outcomes report",
	    err)) != PD_OK)
		return st;
	return db_outcomes_funders(app->db, out, n, err);
}
