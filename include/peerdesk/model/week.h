/* week.h - the organisation's week and ISO 8601 week labels.
 *
 * The organisation's week runs seven days from a configurable weekday
 * (1 = Monday ... 7 = Sunday; Monday by default): [first, first + 6].
 * Weeks are named by ISO 8601 labels, "2026-W09".  An organisation week
 * always holds exactly one Monday; its label is that Monday's ISO week,
 * so with Monday starts the two are the same week.
 */
#ifndef PEERDESK_MODEL_WEEK_H
#define PEERDESK_MODEL_WEEK_H

#include "peerdesk/core/status.h"
#include "peerdesk/model/date.h"

#define WEEK_DEFAULT_START DATE_MONDAY
#define WEEK_LABEL_LEN 9	/* "YYYY-Www" and the NUL */

/* A week as its first and last day, last = first + 6. */
struct week_range {
	pd_date first;
	pd_date last;
};

/* First day of the week holding d, for weeks that start on start_weekday
 * (1-7; anything else is taken as Monday). */
pd_date week_start_of(pd_date d, int start_weekday);

/* The whole week holding d, for weeks starting on start_weekday. */
struct week_range week_of(pd_date d, int start_weekday);

/* ISO 8601 week-numbering year and week (1-53) of d.  2027-01-01 is in
 * 2026-W53 and 2025-12-29 in 2026-W01.  Either pointer may be NULL. */
void week_iso_of(pd_date d, int *iso_year, int *iso_week);

/* 53 for ISO years that have a week 53 (2020, 2026), else 52. */
int week_iso_weeks_in_year(int iso_year);

/* The Monday that starts ISO week `week` of `iso_year`.  The caller
 * keeps week within 1..week_iso_weeks_in_year(iso_year). */
pd_date week_iso_monday(int iso_year, int week);

/* Write "YYYY-Www" for an ISO year and week; returns buf. */
char *week_iso_format(int iso_year, int week, char buf[WEEK_LABEL_LEN]);

/* Read a strict "YYYY-Www" (a lower-case w is allowed) into the Monday
 * of that ISO week.  W00, W54 and W53 of a 52-week year are PD_INVALID. */
enum pd_status week_iso_parse(const char *s, pd_date *monday,
    struct pd_err *err);

/* Label of the organisation week holding d: the ISO week of the one
 * Monday in that week.  Returns buf. */
char *week_label_of(pd_date d, int start_weekday, char buf[WEEK_LABEL_LEN]);

/* The organisation week that label s names: the week (starting on
 * start_weekday) that holds the Monday of ISO week s.  Errors as for
 * week_iso_parse(). */
enum pd_status week_parse(const char *s, int start_weekday,
    struct week_range *out, struct pd_err *err);

#endif
