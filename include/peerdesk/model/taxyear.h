/* taxyear.h - UK tax years, 6 April to 5 April.
 *
 * A tax year is named by the calendar year it starts in: 2026 is
 * 6 April 2026 - 5 April 2027, labelled "2026/27".  Rate tables (pay
 * rates, permitted-work limits) are looked up by date elsewhere; this is
 * only the year itself, for reports and for grouping.
 */
#ifndef PEERDESK_MODEL_TAXYEAR_H
#define PEERDESK_MODEL_TAXYEAR_H

#include "peerdesk/core/status.h"
#include "peerdesk/model/date.h"

#define TAXYEAR_LABEL_LEN 8	/* "2026/27" and the NUL */

/* The tax year d falls in: 2026 for 2026-04-06 ... 2027-04-05. */
int taxyear_of(pd_date d);

/* First (6 April ty) and last (5 April ty + 1) day of tax year ty. */
pd_date taxyear_first_day(int ty);
pd_date taxyear_last_day(int ty);

/* "2026/27" for 2026 ("2099/00" for 2099); ty outside 1-9998 gives
 * "????/??".  Returns buf. */
char *taxyear_label(int ty, char buf[TAXYEAR_LABEL_LEN]);

/* Read "2026/27" (the second part must be the next year's last two
 * digits) into 2026; PD_INVALID otherwise. */
enum pd_status taxyear_parse(const char *s, int *ty, struct pd_err *err);

#endif
