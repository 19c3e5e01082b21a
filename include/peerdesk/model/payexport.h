/* payexport.h - the payroll export: one line per PAL-week in a range of
 * weeks, as a plain struct (src/report/pay_csv.c writes it).
 */
#ifndef PEERDESK_MODEL_PAYEXPORT_H
#define PEERDESK_MODEL_PAYEXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/model/date.h"
#include "peerdesk/model/permitted.h"
#include "peerdesk/model/timesheet.h"
#include "peerdesk/model/week.h"

#define PAY_RATES_MAX 8
#define PAY_KINDS 6		/* enum line_kind */

/* One PAL-week.  Strings owned. */
struct pay_line {
	char week_label[WEEK_LABEL_LEN];
	char first[11], last[11];
	int64_t pal_id;
	char *login;		/* "" when none */
	char *name;
	int64_t rates[PAY_RATES_MAX];	/* hourly rates in force, lowest
					 * first (none recorded: left out) */
	int n_rates;
	int minutes_by_kind[PAY_KINDS];
	int minutes;
	int unrated_minutes;	/* no pay rate recorded: not in the pay */
	int64_t pay_pence, holiday_pence, gross_pence;
	enum week_status status;
	enum permitted_verdict verdict;
	bool not_checked;	/* no benefit rule or no pay rate recorded:
				 * the limit could not be checked */
	char *note;		/* "" or "the benefit rule changed ..." */
	int overrides;
	char *override_reason;	/* "" when none */
};

struct pay_export {
	char from[11], to[11];	/* weeks whose first day is in here */
	struct pay_line *v;	/* by week, then login */
	size_t n, cap;
};

/* Append a line (strings copied, NULL taken as ""); returns it. */
struct pay_line *pay_export_add(struct pay_export *e,
    const struct pay_line *l, const char *login, const char *name,
    const char *note, const char *override_reason);

void pay_export_fini(struct pay_export *e);

#endif
