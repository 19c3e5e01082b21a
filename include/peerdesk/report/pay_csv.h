/* pay_csv.h - the payroll export as CSV (peerdesk report pay).
 *
 * Written with core/csvout.h (csvout_field): CRLF line ends, fields holding
 * a comma, a double quote, CR or LF quoted (quotes doubled); UTF-8, with
 * a byte-order mark first when CSV_EXCEL is given (so Excel reads the £
 * and names right); a cell a spreadsheet would run as a formula gets a '
 * first unless CSV_RAW.  Exactly this
 * header, then one row per PAL-week:
 *   week,first_day,last_day,pal_login,pal_name,hourly_rates,
 *   session_minutes,supervision_minutes,training_minutes,travel_minutes,
 *   shadowing_minutes,admin_minutes,total_minutes,pay,holiday_pay,gross,
 *   status,verdict,overrides,override_reason,note,unpriced_minutes
 * hourly_rates is each rate in force that week, lowest first, joined by
 * ';' (12.50;13.00); money is pounds with two places and no £ sign;
 * status is open, submitted, approved or paid; verdict ok, near, over,
 * n/a or not_checked (no benefit rule or no pay rate recorded);
 * unpriced_minutes are minutes with no pay rate recorded, which are not
 * in the pay.
 */
#ifndef PEERDESK_REPORT_PAY_CSV_H
#define PEERDESK_REPORT_PAY_CSV_H

#include "peerdesk/core/csvout.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/payexport.h"

#define PAY_CSV_HEADER "week,first_day,last_day,pal_login,pal_name," \
	"hourly_rates,session_minutes,supervision_minutes,training_minutes," \
	"travel_minutes,shadowing_minutes,admin_minutes,total_minutes,pay," \
	"holiday_pay,gross,status,verdict,overrides,override_reason,note," \
	"unpriced_minutes"

/* Append the whole file to out; flags are CSV_EXCEL, CSV_RAW
 * (core/csvout.h). */
void pay_csv_render(const struct pay_export *e, unsigned flags,
    struct strbuf *out);

#endif
