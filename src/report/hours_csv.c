#include "peerdesk/report/hours_csv.h"

#include <stdio.h>
#include <string.h>

#include "peerdesk/core/csvout.h"

#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"


static void
hours_csv_row(struct strbuf *out, const struct hours_row *row, unsigned fl)
{
	const struct permitted_result *c = &row->check;
	char d[DURATION_STR_LEN], m[MONEY_STR_LEN];
	const char *verdict = permitted_verdict_str(c->verdict);

	char n[24];

	csvout_field(out, row->login, fl, false);
	csvout_field(out, row->name, fl, false);
	csvout_field(out, duration_format_hours(row->minutes, d), fl, false);
	csvout_field(out, money_format_plain(row->gross_pence, m), fl, false);
	/* empty when no rule is recorded */
	csvout_field(out, !(c->missing & PERMITTED_NO_RULE) ?
	    benefit_rule_str(row->rule) : "", fl, false);
	csvout_field(out, c->has_hours_limit ?
	    duration_format_hours(c->hours_limit_minutes, d) : "", fl, false);
	csvout_field(out, c->has_pay_limit ?
	    money_format_plain(c->limit_pence, m) : "", fl, false);
	csvout_field(out, c->has_hours_limit ?
	    duration_format_hours(c->minutes_left, d) : "", fl, false);
	csvout_field(out, c->has_pay_limit ?
	    money_format_plain(c->pence_left, m) : "", fl, false);
	if (c->verdict == PERMITTED_NA && ((c->missing & PERMITTED_NO_RULE) ||
	    c->pay_unchecked))
		verdict = "not_checked";	/* no rule or no pay rate */
	csvout_field(out, verdict != NULL ? verdict : "n/a", fl, false);
	/* where the week stands: empty when the report was made without */
	csvout_field(out, !row->has_status ? "" : row->status == WEEK_LOCKED ?
	    "paid" : week_status_str(row->status), fl, false);
	snprintf(n, sizeof n, "%d", row->overrides);
	csvout_field(out, row->has_status ? n : "", fl, false);
	csvout_field(out, row->has_status ? row->override_reason : "", fl,
	    false);
	csvout_field(out, c->note, fl, true);
}

void
hours_csv_render(const struct hours_report *r, struct strbuf *out)
{
	size_t i;

	csvout_begin(out, r->csv_flags);
	strbuf_adds(out, HOURS_CSV_HEADER "\r\n");
	for (i = 0; i < r->n_rows; i++)
		hours_csv_row(out, &r->rows[i], r->csv_flags);
}
