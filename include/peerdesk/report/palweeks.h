/* palweeks.h - one PAL's weeks against the limit (model/palweeks.h)
 * as text, CSV and a PDF bar chart.  The rows are the chart rows the
 * screen shows (palweeks_row); docs/reports.md describes the formats.
 */
#ifndef PEERDESK_REPORT_PALWEEKS_H
#define PEERDESK_REPORT_PALWEEKS_H

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/palweeks.h"

#define PALWEEKS_TEXT_WIDTH 72	/* the text report's chart rows */

#define PALWEEKS_CSV_HEADER "week,first_day,last_day,hours,gross," \
	"pay_limit,hours_limit,verdict,avg_weeks,avg_hours," \
	"avg_16h_or_more,note"

/* Append the text report: a heading, one chart row a week (both hours
 * and pay, PALWEEKS_TEXT_WIDTH columns), the counts, the limits in
 * force, what the average is, and the weeks judged against two rules. */
void palweeks_text_render(const struct palweeks *p, struct strbuf *out);

/* Append the CSV (core/csvout.c, flags CSV_RAW, CSV_EXCEL): one line a
 * shown week, PALWEEKS_CSV_HEADER first. */
void palweeks_csv_render(const struct palweeks *p, unsigned flags,
    struct strbuf *out);

/* Append an A4 PDF: a bar a week against the limit DWP applied that
 * week (one line across every bar: the bars are drawn as a share of
 * each week's own limit), the verdict word beside each bar, hours, pay
 * and the five-week average; then the counts and notes.  Text goes
 * through pdfpen.c (pdfpen_show, pdfpen_cut). */
enum pd_status palweeks_pdf_render(const struct palweeks *p,
    struct strbuf *out, struct pd_err *err);

#endif
