/* hours_text.h - the weekly hours summary as plain text for `lp`.
 *
 * A4 portrait: lines of at most HOURS_TEXT_WIDTH columns (so CUPS'
 * default 10 characters an inch fits inside the printer's margins),
 * pages of at most HOURS_TEXT_PAGE_LINES lines, each starting with a
 * header (organisation, "Weekly hours summary", week and dates, "Page N
 * of M"), pages separated by a form feed.  UTF-8, no colour, LF line
 * ends.  docs/reports.md shows a page.
 */
#ifndef PEERDESK_REPORT_HOURS_TEXT_H
#define PEERDESK_REPORT_HOURS_TEXT_H

#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/hours.h"

#define HOURS_TEXT_WIDTH 76
#define HOURS_TEXT_PAGE_LINES 60

/* Append the whole summary to out: who is near or over a limit first,
 * then one block per PAL (never split across pages unless it is longer
 * than a page), other workers' clients, and the totals.  r should have
 * been through hours_report_finish(). */
void hours_text_render(const struct hours_report *r, struct strbuf *out);

#endif
