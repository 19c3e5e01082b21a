/* pay_csv.c - the payroll export as CSV (see pay_csv.h). */
#include "peerdesk/report/pay_csv.h"

#include <stdio.h>
#include <string.h>

#include "peerdesk/core/csvout.h"
#include "peerdesk/model/money.h"

static const char *
pay_csv_status(enum week_status st)
{
	switch (st) {
	case WEEK_SUBMITTED: return "submitted";
	case WEEK_APPROVED: return "approved";
	case WEEK_LOCKED: return "paid";
	default: return "open";
	}
}

static void
pay_csv_int(struct strbuf *out, int v, unsigned fl, bool last)
{
	char b[24];

	snprintf(b, sizeof b, "%d", v);
	csvout_field(out, b, fl, last);
}

static void
pay_csv_line(struct strbuf *out, const struct pay_line *l, unsigned fl)
{
	const char *v = permitted_verdict_str(l->verdict);
	char m[MONEY_STR_LEN];
	struct strbuf rates;
	int k;

	if (l->verdict == PERMITTED_NA && l->not_checked)
		v = "not_checked";	/* no rule or no pay rate */
	csvout_field(out, l->week_label, fl, false);
	csvout_field(out, l->first, fl, false);
	csvout_field(out, l->last, fl, false);
	csvout_field(out, l->login, fl, false);
	csvout_field(out, l->name, fl, false);
	strbuf_init(&rates);
	for (k = 0; k < l->n_rates; k++) {
		if (k > 0)
			strbuf_addc(&rates, ';');
		strbuf_adds(&rates, money_format_plain(l->rates[k], m));
	}
	csvout_field(out, rates.buf != NULL ? rates.buf : "", fl, false);
	strbuf_fini(&rates);
	for (k = 0; k < PAY_KINDS; k++)
		pay_csv_int(out, l->minutes_by_kind[k], fl, false);
	pay_csv_int(out, l->minutes, fl, false);
	csvout_field(out, money_format_plain(l->pay_pence, m), fl, false);
	csvout_field(out, money_format_plain(l->holiday_pence, m), fl, false);
	csvout_field(out, money_format_plain(l->gross_pence, m), fl, false);
	csvout_field(out, pay_csv_status(l->status), fl, false);
	csvout_field(out, v != NULL ? v : "n/a", fl, false);
	pay_csv_int(out, l->overrides, fl, false);
	csvout_field(out, l->override_reason, fl, false);
	csvout_field(out, l->note, fl, false);
	pay_csv_int(out, l->unrated_minutes, fl, true);
}

void
pay_csv_render(const struct pay_export *e, unsigned flags,
    struct strbuf *out)
{
	size_t i;

	csvout_begin(out, flags);
	strbuf_adds(out, PAY_CSV_HEADER "\r\n");
	for (i = 0; i < e->n; i++)
		pay_csv_line(out, &e->v[i], flags);
}
