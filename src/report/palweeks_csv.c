/* palweeks_csv.c - one PAL's weeks as CSV (see palweeks.h). */
#include "peerdesk/report/palweeks.h"

#include <stdio.h>

#include "peerdesk/core/csvout.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"

void
palweeks_csv_render(const struct palweeks *p, unsigned flags,
    struct strbuf *out)
{
	char buf[64];
	size_t i;

	csvout_begin(out, flags);
	strbuf_adds(out, PALWEEKS_CSV_HEADER "\r\n");
	for (i = p->lead; i < p->n; i++) {
		const struct palweeks_week *w = &p->v[i];
		const struct permitted_result *c = &w->check;
		char d[DURATION_STR_LEN], m[MONEY_STR_LEN];

		csvout_field(out, w->label, flags, false);
		csvout_field(out, date_format(w->first, buf), flags, false);
		csvout_field(out, date_format(w->last, buf), flags, false);
		csvout_field(out, duration_format_hours(w->minutes, d), flags,
		    false);
		csvout_field(out, money_format_plain(w->gross_pence, m), flags,
		    false);
		csvout_field(out, c->has_pay_limit ?
		    money_format_plain(c->limit_pence, m) : "", flags, false);
		csvout_field(out, c->has_hours_limit ?
		    duration_format_hours(c->hours_limit_minutes, d) : "",
		    flags, false);
		csvout_field(out, palweeks_word_str(w->word), flags, false);
		snprintf(buf, sizeof buf, "%d", w->avg.weeks);
		csvout_field(out, buf, flags, false);
		csvout_field(out, w->avg.weeks > 0 ?
		    duration_format_hours(w->avg.avg_minutes, d) : "", flags,
		    false);
		csvout_field(out, w->avg.weeks == 0 ? "" :
		    w->avg.at_or_over_16h ? "yes" : "no", flags, false);
		csvout_field(out, c->note, flags, true);
	}
}
