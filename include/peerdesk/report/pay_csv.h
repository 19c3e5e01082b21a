/* pay_csv.h - the payroll export as CSV (peerdesk report pay).
 *
 * RFC 4180: CRLF line ends, fields holding a comma, a double quote, CR
 * or LF quoted (quotes doubled); UTF-8, with a byte-order mark first
 * when PAY_CSV_EXCEL is given (so Excel reads the £ and names right).
 * A text cell starting = + - @ TAB or CR gets a ' first, so no
 * spreadsheet runs it as a formula, unless PAY_CSV_RAW.  Exactly this
 * header, then one row per PAL-week:
 *   week,first_day,last_day,pal_login,pal_name,hourly_rates,
 *   session_minutes,supervision_minutes,training_minutes,travel_minutes,
 *   shadowing_minutes,admin_minutes,total_minutes,pay,holiday_pay,gross,
 *   status,verdict,overrides,override_reason,note,unpriced_minutes
 * hourly_rates is each rate in force that week, lowest first, joined by
 * ';' (12.50;13.00); money is pounds with two places and no £ sign;
 * status is open, submitted, approved or paid; verdict ok, near, over or
 * n/a; unpriced_minutes are minutes with no pay rate recorded, which are
 * not in the pay.
 */
#ifndef PEERDESK_REPORT_PAY_CSV_H
#define PEERDESK_REPORT_PAY_CSV_H

#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/payexport.h"

#define PAY_CSV_HEADER "week,first_day,last_day,pal_login,pal_name," \
	"hourly_rates,session_minutes,supervision_minutes,training_minutes," \
	"travel_minutes,shadowing_minutes,admin_minutes,total_minutes,pay," \
	"holiday_pay,gross,status,verdict,overrides,override_reason,note," \
	"unpriced_minutes"

enum {
	PAY_CSV_EXCEL = 1,	/* a UTF-8 byte-order mark first */
	PAY_CSV_RAW = 2		/* leave cells starting = + - @ as they are */
};

/* Append the whole file to out. */
void pay_csv_render(const struct pay_export *e, unsigned flags,
    struct strbuf *out);

/* Append one text cell, quoted when it must be and (unless raw) with a '
 * before a leading = + - @ TAB or CR. */
void pay_csv_cell(struct strbuf *out, const char *s, int raw);

#endif
