/* hours_csv.h - the weekly hours summary as CSV for the payroll
 * spreadsheet.
 *
 * Exactly this header, then one row per PAL in the report (sorted by
 * login), LF line ends, UTF-8 without a byte-order mark:
 *   pal_login,pal_name,hours,gross,rule,limit_hours,limit_pay,
 *   hours_left,pay_left,verdict
 * Hours are decimal with two places (minutes / 60, rounded half up),
 * money is pounds with two places and no £ sign; limit_hours and
 * hours_left are empty where the rule has no hours limit, limit_pay and
 * pay_left where it has no earnings limit; verdict is ok, near, over or
 * n/a.  Then where the week stands (empty when the report was made
 * without it): status (open, submitted, approved or paid), overrides
 * (how many times the manager agreed to go over), override_reason (the
 * last agreement's reason) and note (e.g. "the benefit rule changed on
 * Thu 3 Dec: judged against both").  Fields holding a comma, a double
 * quote, CR or LF are quoted as RFC 4180 says (quotes doubled); a text
 * field starting = + - @ TAB or CR gets a ' first, so a spreadsheet
 * never runs it as a formula.
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

/* Append one text field to out, quoted only when it must be, with a '
 * before a leading = + - @ TAB or CR. */
void hours_csv_field(struct strbuf *out, const char *s);

#endif
