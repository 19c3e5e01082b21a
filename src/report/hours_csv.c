#include "peerdesk/report/hours_csv.h"

#include <string.h>

#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"

void
hours_csv_field(struct strbuf *out, const char *s)
{
	const char *p;
	int formula = s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;

	if (strpbrk(s, ",\"\r\n") == NULL) {
		if (formula)
			strbuf_addc(out, '\'');
		strbuf_adds(out, s);
		return;
	}
	strbuf_addc(out, '"');
	if (formula)
		strbuf_addc(out, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			strbuf_addc(out, '"');
		strbuf_addc(out, *p);
	}
	strbuf_addc(out, '"');
}

static void
hours_csv_row(struct strbuf *out, const struct hours_row *row)
{
	const struct permitted_result *c = &row->check;
	char d[DURATION_STR_LEN], m[MONEY_STR_LEN];
	const char *verdict = permitted_verdict_str(c->verdict);

	hours_csv_field(out, row->login);
	strbuf_addc(out, ',');
	hours_csv_field(out, row->name);
	strbuf_addc(out, ',');
	strbuf_adds(out, duration_format_hours(row->minutes, d));
	strbuf_addc(out, ',');
	strbuf_adds(out, money_format_plain(row->gross_pence, m));
	strbuf_addc(out, ',');
	strbuf_adds(out, benefit_rule_str(row->rule) ?
	    benefit_rule_str(row->rule) : "");
	strbuf_addc(out, ',');
	if (c->has_hours_limit)
		strbuf_adds(out, duration_format_hours(c->hours_limit_minutes,
		    d));
	strbuf_addc(out, ',');
	if (c->has_pay_limit)
		strbuf_adds(out, money_format_plain(c->limit_pence, m));
	strbuf_addc(out, ',');
	if (c->has_hours_limit)
		strbuf_adds(out, duration_format_hours(c->minutes_left, d));
	strbuf_addc(out, ',');
	if (c->has_pay_limit)
		strbuf_adds(out, money_format_plain(c->pence_left, m));
	strbuf_addc(out, ',');
	strbuf_adds(out, verdict != NULL ? verdict : "n/a");
	strbuf_addc(out, ',');
	if (row->has_status)
		strbuf_adds(out, row->status == WEEK_LOCKED ? "paid" :
		    week_status_str(row->status));
	strbuf_addc(out, ',');
	if (row->has_status)
		strbuf_addf(out, "%d", row->overrides);
	strbuf_addc(out, ',');
	if (row->has_status && row->override_reason != NULL)
		hours_csv_field(out, row->override_reason);
	strbuf_addc(out, ',');
	hours_csv_field(out, c->note);
	strbuf_addc(out, '\n');
}

void
hours_csv_render(const struct hours_report *r, struct strbuf *out)
{
	size_t i;

	strbuf_adds(out, HOURS_CSV_HEADER "\n");
	for (i = 0; i < r->n_rows; i++)
		hours_csv_row(out, &r->rows[i]);
}
