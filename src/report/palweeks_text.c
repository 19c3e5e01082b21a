/* palweeks_text.c - one PAL's weeks as text (see palweeks.h). */
#include "peerdesk/report/palweeks.h"

#include <stdio.h>
#include <string.h>

#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"
#include "textcol.h"

/* Append paragraph s wrapped to the report's width (later lines
 * indented by indent). */
static void
palweeks_text_wrap(struct strbuf *out, const char *s, int first, int indent)
{
	struct textcol_lines l = { NULL, 0, 0 };
	size_t i;

	textcol_wrap(&l, s, first, indent, PALWEEKS_TEXT_WIDTH);
	for (i = 0; i < l.n; i++)
		strbuf_addf(out, "%s\n", l.v[i]);
	textcol_lines_fini(&l);
}

/* The pay limits in force over the shown weeks, in words: "£195.50 a
 * week (weeks of 2025-12-01 to 2026-03-30), then £203.50 (from the week
 * of 2026-04-06)". */
static void
palweeks_text_limits(const struct palweeks *p, struct strbuf *out)
{
	struct strbuf sb = STRBUF_INIT;

	if (!palweeks_limits_words(p, &sb))
		strbuf_adds(&sb, "No pay limit applied in these weeks (no "
		    "benefit rule with a limit was recorded).");
	palweeks_text_wrap(out, strbuf_str(&sb), 0, 0);
	strbuf_fini(&sb);
}

void
palweeks_text_render(const struct palweeks *p, struct strbuf *out)
{
	char row[PALWEEKS_ROW_LEN], a[DATE_STR_LEN], b[DATE_STR_LEN];
	char h[PALWEEKS_HM_LEN], m[MONEY_STR_LEN], d[DATE_STR_LEN];
	size_t i;
	int notes = 0;

	strbuf_addf(out, "%s\n", p->org_name);
	strbuf_addf(out, "%s%s%s%s\nThe last %d weeks against the limit",
	    p->pal_name, p->pal_login[0] ? " (" : "", p->pal_login,
	    p->pal_login[0] ? ")" : "", p->weeks);
	if (p->n > p->lead)
		strbuf_addf(out, ": %s to %s", date_format(p->v[p->lead].first,
		    a), date_format(p->v[p->n - 1].last, b));
	strbuf_addf(out, "\nPrinted %s\n\n", p->generated_at);
	palweeks_heading(p->measure, PALWEEKS_TEXT_WIDTH, row, sizeof row);
	strbuf_addf(out, "%.*s\n", (int)strcspn(row, "\n") - 1, row);
	for (i = p->lead; i < p->n; i++) {
		size_t e;

		palweeks_row(&p->v[i], p->measure, PALWEEKS_TEXT_WIDTH, row,
		    sizeof row);
		for (e = strlen(row); e > 0 && row[e - 1] == ' '; e--)
			row[e - 1] = '\0';	/* no spaces at the end */
		strbuf_addf(out, "%s\n", row);
	}
	{
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(&sb, "Over the limit: %d. Near it: %d. Within: %d. "
		    "No pay rate: %d. No work: %d.", p->n_over, p->n_near,
		    p->n_ok, p->n_no_rate, p->n_no_work);
		if (p->n_other > 0)
			strbuf_addf(&sb, " Not judged (no limit, or no rule): "
			    "%d.", p->n_other);
		strbuf_addf(&sb, " In these weeks: %s, %s.",
		    palweeks_hm((int)p->shown_minutes, h),
		    money_format(p->shown_pence, m));
		strbuf_adds(out, "\n");
		palweeks_text_wrap(out, strbuf_str(&sb), 0, 0);
		strbuf_reset(&sb);
		palweeks_text_limits(p, out);
		palweeks_text_wrap(out, palweeks_avg_words(p), 0, 0);
		strbuf_addf(&sb, "The bar is the week's %s: # up to | (the "
		    "limit DWP applied that week); > means off the scale.",
		    p->measure == PALWEEKS_PAY ? "pay (with holiday pay)" :
		    "hours");
		palweeks_text_wrap(out, strbuf_str(&sb), 0, 0);
		for (i = p->lead; i < p->n; i++) {
			if (p->v[i].check.note[0] == '\0')
				continue;
			if (!notes++)
				strbuf_adds(out, "Weeks judged against more "
				    "than one rule:\n");
			strbuf_reset(&sb);
			strbuf_addf(&sb, "Week of %s: %s",
			    date_format(p->v[i].first, d), p->v[i].check.note);
			palweeks_text_wrap(out, strbuf_str(&sb), 2, 4);
		}
		strbuf_fini(&sb);
	}
}
