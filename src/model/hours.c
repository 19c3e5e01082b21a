#include "peerdesk/model/hours.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/money.h"

/* A week has 10,080 minutes; anything past a year of minutes is a slip
 * that would also upset the pay sums. */
#define HOURS_MAX_MINUTES MONEY_MAX_MINUTES

static const char *
hours_who(const struct hours_input *in)
{
	if (in->name != NULL && in->name[0] != '\0')
		return in->name;
	if (in->login != NULL && in->login[0] != '\0')
		return in->login;
	return "a PAL";
}

enum pd_status
hours_row_build(const struct hours_input *in,
    const struct hours_options *opt, struct hours_row *out,
    struct pd_err *err)
{
	struct hours_row row;
	unsigned missing;
	int banded = 0;
	size_t i;

	memset(out, 0, sizeof *out);
	memset(&row, 0, sizeof row);
	for (i = 0; i < HOURS_KINDS; i++) {
		int m = in->minutes_by_kind[i];

		if (m < 0 || m > HOURS_MAX_MINUTES ||
		    row.minutes > HOURS_MAX_MINUTES - m)
			return pd_fail(err, PD_INVALID, "minutes",
			    "%s has %d minutes of %s, which cannot be right",
			    hours_who(in), m,
			    line_kind_label((enum line_kind)i));
		row.minutes_by_kind[i] = m;
		row.minutes += m;
	}
	if (in->n_bands > HOURS_BANDS_MAX || (in->n_bands > 0 &&
	    in->bands == NULL))
		return pd_fail(err, PD_INVALID, "bands",
		    "%s has more than %d pay rates in one week",
		    hours_who(in), HOURS_BANDS_MAX);
	for (i = 0; i < in->n_bands; i++) {
		const struct hours_band *b = &in->bands[i];
		int64_t pay;

		if (b->minutes < 0 || b->minutes > row.minutes - banded)
			return pd_fail(err, PD_INVALID, "bands",
			    "the pay-rate minutes for %s add up to more "
			    "than the %d minutes worked", hours_who(in),
			    row.minutes);
		banded += b->minutes;
		if (b->rate_pence < 0) {
			row.unrated_minutes += b->minutes;
			continue;
		}
		if (money_pay_for_minutes(b->rate_pence, b->minutes, &pay,
		    err) != PD_OK)
			return PD_INVALID;
		row.pay_pence += pay;
	}
	if (banded != row.minutes)
		return pd_fail(err, PD_INVALID, "bands",
		    "the pay-rate minutes for %s (%d) do not add up to the "
		    "%d minutes worked", hours_who(in), banded, row.minutes);
	if (opt->holiday_pay && money_holiday_pay(row.pay_pence,
	    opt->holiday_rate_bp, &row.holiday_pence, err) != PD_OK)
		return PD_INVALID;
	row.gross_pence = row.pay_pence + row.holiday_pence;
	row.rule = in->rule;
	missing = in->missing | (row.unrated_minutes > 0 ?
	    PERMITTED_NO_RATE : 0);
	if (in->basis != NULL)
		permitted_check_basis(in->basis, missing, row.minutes,
		    row.gross_pence, opt->near_percent, &row.check);
	else
		permitted_check_missing(in->rule, missing, row.minutes,
		    row.gross_pence, opt->limits, opt->near_percent,
		    &row.check);
	row.pal_id = in->pal_id;
	row.login = xstrdup(in->login != NULL ? in->login : "");
	row.name = xstrdup(in->name != NULL ? in->name : "");
	*out = row;
	return PD_OK;
}

void
hours_row_fini(struct hours_row *row)
{
	if (row == NULL)
		return;
	free(row->login);
	free(row->name);
	free(row->override_reason);
	free(row->override_by);
	memset(row, 0, sizeof *row);
}

void
hours_report_init(struct hours_report *r, const char *org,
    struct week_range wk, const char *generated_at,
    const struct hours_options *opt)
{
	memset(r, 0, sizeof *r);
	r->org_name = xstrdup(org != NULL ? org : "");
	r->generated_at = xstrdup(generated_at != NULL ? generated_at : "");
	r->first = wk.first;
	r->last = wk.last;
	week_label_of(wk.first, date_weekday(wk.first), r->week_label);
	r->holiday_pay = opt->holiday_pay != 0;
	r->holiday_rate_bp = opt->holiday_rate_bp;
	r->near_percent = opt->near_percent;
	if (opt->limits != NULL) {
		r->has_limits = true;
		r->limits = *opt->limits;
	}
}

enum pd_status
hours_report_add_pal(struct hours_report *r, const struct hours_input *in,
    struct pd_err *err)
{
	struct hours_options opt = {
		.limits = r->has_limits ? &r->limits : NULL,
		.near_percent = r->near_percent,
		.holiday_pay = r->holiday_pay,
		.holiday_rate_bp = r->holiday_rate_bp,
	};
	struct hours_row row;
	enum pd_status st;

	st = hours_row_build(in, &opt, &row, err);
	if (st != PD_OK)
		return st;
	if (r->n_rows == r->cap_rows) {
		r->cap_rows = r->cap_rows ? r->cap_rows * 2 : 16;
		r->rows = xreallocarray(r->rows, r->cap_rows, sizeof *r->rows);
	}
	r->rows[r->n_rows++] = row;
	return PD_OK;
}

void
hours_report_add_client(struct hours_report *r, const char *client,
    int64_t worker_id, const char *worker, int contracted_minutes,
    int delivered_minutes, int sessions)
{
	struct hours_client *c;

	if (r->n_clients == r->cap_clients) {
		r->cap_clients = r->cap_clients ? r->cap_clients * 2 : 16;
		r->clients = xreallocarray(r->clients, r->cap_clients,
		    sizeof *r->clients);
	}
	c = &r->clients[r->n_clients++];
	c->client = xstrdup(client != NULL ? client : "");
	c->worker_id = worker_id;
	c->worker = xstrdup(worker != NULL ? worker : "");
	c->contracted_minutes = contracted_minutes < 0 ? -1 :
	    contracted_minutes;
	c->delivered_minutes = delivered_minutes < 0 ? 0 : delivered_minutes;
	c->sessions = sessions < 0 ? 0 : sessions;
}

void
hours_report_set_status(struct hours_report *r, int64_t pal_id,
    enum week_status status, int overrides, const char *reason,
    const char *by)
{
	size_t i;

	for (i = 0; i < r->n_rows; i++) {
		struct hours_row *row = &r->rows[i];

		if (row->pal_id != pal_id)
			continue;
		row->has_status = true;
		row->status = status;
		row->overrides = overrides < 0 ? 0 : overrides;
		free(row->override_reason);
		free(row->override_by);
		row->override_reason = reason != NULL ? xstrdup(reason) : NULL;
		row->override_by = by != NULL ? xstrdup(by) : NULL;
		r->has_status = true;
		return;
	}
}

void
hours_report_set_note(struct hours_report *r, const char *note)
{
	free(r->limits_note);
	r->limits_note = note != NULL ? xstrdup(note) : NULL;
}

void
hours_report_add_adjust(struct hours_report *r, const struct hours_adjust *a,
    const char *login, const char *name, const char *reason,
    const char *made_by)
{
	struct hours_adjust *c;

	if (r->n_adjusts == r->cap_adjusts) {
		r->cap_adjusts = r->cap_adjusts ? r->cap_adjusts * 2 : 8;
		r->adjusts = xreallocarray(r->adjusts, r->cap_adjusts,
		    sizeof *r->adjusts);
	}
	c = &r->adjusts[r->n_adjusts++];
	*c = *a;
	c->login = xstrdup(login != NULL ? login : "");
	c->name = xstrdup(name != NULL ? name : "");
	c->reason = xstrdup(reason != NULL ? reason : "");
	c->made_by = xstrdup(made_by != NULL ? made_by : "");
}

static int
hours_row_cmp(const void *a, const void *b)
{
	const struct hours_row *x = a, *y = b;
	int c = strcmp(x->login, y->login);

	if (c != 0)
		return c;
	c = strcmp(x->name, y->name);
	if (c != 0)
		return c;
	return (x->pal_id > y->pal_id) - (x->pal_id < y->pal_id);
}

static int
hours_client_cmp(const void *a, const void *b)
{
	const struct hours_client *x = a, *y = b;
	int c = strcmp(x->client, y->client);

	if (c != 0)
		return c;
	c = strcmp(x->worker, y->worker);
	if (c != 0)
		return c;
	return (x->worker_id > y->worker_id) - (x->worker_id < y->worker_id);
}

void
hours_report_finish(struct hours_report *r)
{
	struct hours_totals *t = &r->totals;
	size_t i;
	int k;

	if (r->n_rows > 1)
		qsort(r->rows, r->n_rows, sizeof *r->rows, hours_row_cmp);
	if (r->n_clients > 1)
		qsort(r->clients, r->n_clients, sizeof *r->clients,
		    hours_client_cmp);
	memset(t, 0, sizeof *t);
	for (i = 0; i < r->n_rows; i++) {
		const struct hours_row *row = &r->rows[i];

		for (k = 0; k < HOURS_KINDS; k++)
			t->minutes_by_kind[k] += row->minutes_by_kind[k];
		t->minutes += row->minutes;
		t->unrated_minutes += row->unrated_minutes;
		t->pay_pence += row->pay_pence;
		t->holiday_pence += row->holiday_pence;
		t->gross_pence += row->gross_pence;
		if (row->check.verdict == PERMITTED_NEAR)
			t->n_near++;
		else if (row->check.verdict == PERMITTED_OVER)
			t->n_over++;
	}
	for (i = 0; i < r->n_clients; i++) {
		if (r->clients[i].contracted_minutes > 0)
			t->contracted_minutes +=
			    r->clients[i].contracted_minutes;
		t->delivered_minutes += r->clients[i].delivered_minutes;
	}
}

void
hours_report_fini(struct hours_report *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n_rows; i++)
		hours_row_fini(&r->rows[i]);
	for (i = 0; i < r->n_clients; i++) {
		free(r->clients[i].client);
		free(r->clients[i].worker);
	}
	for (i = 0; i < r->n_adjusts; i++) {
		free(r->adjusts[i].login);
		free(r->adjusts[i].name);
		free(r->adjusts[i].reason);
		free(r->adjusts[i].made_by);
	}
	free(r->adjusts);
	free(r->limits_note);
	free(r->rows);
	free(r->clients);
	free(r->org_name);
	free(r->generated_at);
	memset(r, 0, sizeof *r);
}

const struct hours_row *
hours_report_row_for(const struct hours_report *r, int64_t pal_id)
{
	size_t i;

	for (i = 0; i < r->n_rows; i++)
		if (r->rows[i].pal_id == pal_id)
			return &r->rows[i];
	return NULL;
}
