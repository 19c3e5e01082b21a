/* hours_csv.h - the weekly hours summary as CSV for the payroll
 * spreadsheet.
 *
 * Exactly this header, then one row per PAL in the report (sorted by
 * login), CRLF line ends (RFC 4180), UTF-8 without a byte-order mark
 * unless r->csv_flags has CSV_EXCEL (core/csvout.h):
 *   pal_login,pal_name,hours,gross,rule,limit_hours,limit_pay,
 *   hours_left,pay_left,verdict
 * Hours are decimal with two places (minutes / 60, rounded half up),
 * money is pounds with two places and no £ sign; limit_hours and
 * hours_left are empty where the rule has no hours limit, limit_pay and
 * pay_left where it has no earnings limit (or it cannot be checked);
 * rule is empty when none is recorded; verdict is ok, near, over, n/a
 * or not_checked (no benefit rule or no pay rate recorded).  Then where
 * the week stands (empty when the report was made without it): status
 * (open, submitted, approved or paid), overrides (how many times the
 * manager agreed to go over), override_reason (the last agreement's
 * reason) and note (e.g. "the benefit rule changed on Thu 3 Dec: judged
 * against both").  Written with core/csvout.h: fields holding a comma,
 * a double quote, CR or LF are quoted as RFC 4180 says (quotes doubled);
 * a field a spreadsheet would run as a formula starts with ' unless
 * CSV_RAW; rows end in CRLF.
 */
#ifndef PEERDESK_REPORT_HOURS_CSV_H
#define PEERDESK_REPORT_HOURS_CSV_H

#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/hours.h"

#define HOURS_CSV_HEADER "pal_login,pal_name,hours,gross,rule," \
	"limit_hours,limit_pay,hours_left,pay_left,verdict,status,overrides," \
	"override_reason,note"

/* Append the header line and one line per row of r to out. */
void hours_csv_render(const struct hours_report *r, struct strbuf *out);


#endif
