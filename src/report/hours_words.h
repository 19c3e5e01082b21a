/* hours_words.h - private to src/report: the words the text and PDF
 * renderers share for one PAL's limit, room left and verdict, a
 * client's delivered hours, and the week's dates, so both say the same.
 */
#ifndef PEERDESK_REPORT_HOURS_WORDS_H
#define PEERDESK_REPORT_HOURS_WORDS_H

#include <stdbool.h>

#include "peerdesk/model/hours.h"

#define HOURS_WORDS_LEN 400

/* "less than 16h and £203.50 a week", "£203.50 a week, any hours",
 * "none", "not set for this week". */
char *hours_words_limit(const struct hours_row *row,
    char buf[HOURS_WORDS_LEN]);

/* "2h 29m and £31.91", "£31.91", "none" (over), "-" (no limit). */
char *hours_words_room(const struct hours_row *row,
    char buf[HOURS_WORDS_LEN]);

/* "within the limit", "close to the limit (pay)", "over the limit: 31m
 * too many hours and £6.22 too much pay", "no limit applies", ... */
char *hours_words_verdict(const struct hours_row *row,
    char buf[HOURS_WORDS_LEN]);

/* "OVER", "NEAR", "ok", "n/a": one word for short lists. */
const char *hours_words_flag(const struct hours_row *row);

/* "1h 30m of 2h", "45m (none agreed)". */
char *hours_words_delivered(const struct hours_client *c,
    char buf[HOURS_WORDS_LEN]);

/* "30m short", "15m more", "as agreed", "" (none agreed). */
char *hours_words_client_note(const struct hours_client *c,
    char buf[HOURS_WORDS_LEN]);

/* "Mon 23 Nov 2026 to Sun 29 Nov 2026". */
char *hours_words_dates(const struct hours_report *r,
    char buf[HOURS_WORDS_LEN]);

/* Column heading for a kind of work: "Sessions" ... "Admin". */
const char *hours_words_kind(int kind);

/* Where a week stands: "not sent for approval", "sent for approval",
 * "approved", "approved and paid". */
const char *hours_words_status(enum week_status st);

/* "by Maya Patel: covering the Friday group" (the last of the manager's
 * agreements to a week close to or over a limit; "2 times, the last by
 * ..."), "" when none. */
char *hours_words_override(const struct hours_row *row,
    char buf[HOURS_WORDS_LEN]);

/* "Sam Reid (sam), week 2026-W47 (paid): 2h to 3h, £25.00 to £37.50
 * (£12.50 more); changed on Wed 25 Nov 2026 by Maya Patel: the meeting
 * ran on". */
char *hours_words_adjust(const struct hours_adjust *a,
    char buf[HOURS_WORDS_LEN]);

/* The week's limits and holiday pay, in a sentence each (free them):
 * "Limits this week: lower limit £20.00; ...", "Holiday pay: 12.07%
 * rolled up with pay, ...". */
char *hours_words_limits_line(const struct hours_report *r);
char *hours_words_holiday_line(const struct hours_report *r);

/* True for a PAL listed under "Near or over a limit", and under "Not
 * sent for approval". */
bool hours_words_near_or_over(const struct hours_row *row);
bool hours_words_not_sent(const struct hours_row *row);

/* "Sam Reid (sam)", or the name alone when there is no login (free
 * it). */
char *hours_words_who(const struct hours_row *row);

/* "2h 30m logged", "nothing logged". */
char *hours_words_logged(const struct hours_row *row,
    char buf[HOURS_WORDS_LEN]);

/* "12.07%" for hundredths of a percent. */
char *hours_words_percent(int bp, char buf[HOURS_WORDS_LEN]);

#endif
