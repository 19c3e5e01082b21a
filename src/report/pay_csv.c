/* pay_csv.c - the payroll export as CSV (see pay_csv.h). */
#include "peerdesk/report/pay_csv.h"

#include <string.h>

#include "peerdesk/model/money.h"

void
pay_csv_cell(struct strbuf *out, const char *s, int raw)
{
	int formula = !raw && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
	int quote = strpbrk(s, ",\"\r\n") != NULL;
	const char *p;

	if (quote)
		strbuf_addc(out, '"');
	if (formula)
		strbuf_addc(out, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			strbuf_addc(out, '"');
		strbuf_addc(out, *p);
	}
	if (quote)
		strbuf_addc(out, '"');
}

static void
pay_csv_money(struct strbuf *out, int64_t pence)
{
	char m[MONEY_STR_LEN];

	strbuf_adds(out, money_format_plain(pence, m));
}

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
pay_csv_line(struct strbuf *out, const struct pay_line *l, int raw)
{
	const char *v = permitted_verdict_str(l->verdict);
	int k;

	strbuf_adds(out, l->week_label);
	strbuf_addc(out, ',');
	strbuf_adds(out, l->first);
	strbuf_addc(out, ',');
	strbuf_adds(out, l->last);
	strbuf_addc(out, ',');
	pay_csv_cell(out, l->login, raw);
	strbuf_addc(out, ',');
	pay_csv_cell(out, l->name, raw);
	strbuf_addc(out, ',');
	for (k = 0; k < l->n_rates; k++) {
		if (k > 0)
			strbuf_addc(out, ';');
		pay_csv_money(out, l->rates[k]);
	}
	for (k = 0; k < PAY_KINDS; k++)
		strbuf_addf(out, ",%d", l->minutes_by_kind[k]);
	strbuf_addf(out, ",%d,", l->minutes);
	pay_csv_money(out, l->pay_pence);
	strbuf_addc(out, ',');
	pay_csv_money(out, l->holiday_pence);
	strbuf_addc(out, ',');
	pay_csv_money(out, l->gross_pence);
	strbuf_addf(out, ",%s,%s,%d,", pay_csv_status(l->status),
	    v != NULL ? v : "n/a", l->overrides);
	pay_csv_cell(out, l->override_reason, raw);
	strbuf_addc(out, ',');
	pay_csv_cell(out, l->note, raw);
	strbuf_addf(out, ",%d\r\n", l->unrated_minutes);
}

void
pay_csv_render(const struct pay_export *e, unsigned flags,
    struct strbuf *out)
{
	size_t i;

	if (flags & PAY_CSV_EXCEL)
		strbuf_adds(out, "\xef\xbb\xbf");
	strbuf_adds(out, PAY_CSV_HEADER "\r\n");
	for (i = 0; i < e->n; i++)
		pay_csv_line(out, &e->v[i], (flags & PAY_CSV_RAW) != 0);
}
