/* date.h - calendar dates and times of day, as plain integers.
 *
 * A pd_date counts days since 1970-01-01 in the proleptic Gregorian
 * calendar (negative before 1970), so adding days is addition and the
 * days between two dates is subtraction.  Dates that can be written as
 * "YYYY-MM-DD" run from 0001-01-01 (DATE_MIN) to 9999-12-31 (DATE_MAX).
 * Weekdays are ISO numbers: 1 = Monday ... 7 = Sunday.  A time of day is
 * minutes since midnight, 0 ... 1439.  Pure: no clock, no locale.
 */
#ifndef PEERDESK_MODEL_DATE_H
#define PEERDESK_MODEL_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/core/status.h"

typedef int32_t pd_date;

#define DATE_MIN (-719162)	/* 0001-01-01 */
#define DATE_MAX 2932896	/* 9999-12-31 */
#define DATE_EPOCH 0		/* 1970-01-01, a Thursday */

#define DATE_STR_LEN 11		/* "YYYY-MM-DD" and the NUL */
#define DATE_LONG_LEN 20	/* "Thu 31 Dec 2026" and the NUL, with room */
#define DATE_HHMM_LEN 6		/* "HH:MM" and the NUL */

enum weekday {
	DATE_MONDAY = 1, DATE_TUESDAY, DATE_WEDNESDAY, DATE_THURSDAY,
	DATE_FRIDAY, DATE_SATURDAY, DATE_SUNDAY
};

/* True when year is a Gregorian leap year (2024, 2000). */
bool date_is_leap(int year);

/* Days in month (1-12) of year: 28-31; 0 when month is out of range. */
int date_days_in_month(int year, int month);

/* The date for year (1-9999), month (1-12) and day; PD_INVALID with a
 * plain message ("February 2026 has 28 days") when there is no such day. */
enum pd_status date_from_ymd(int year, int month, int day, pd_date *out,
    struct pd_err *err);

/* Split d into year, month and day (any of the pointers may be NULL).
 * Works for every pd_date, also outside DATE_MIN..DATE_MAX. */
void date_to_ymd(pd_date d, int *year, int *month, int *day);

/* True when d lies in DATE_MIN..DATE_MAX, so it can be written as text. */
bool date_is_valid(pd_date d);

/* Read exactly "YYYY-MM-DD" (two-digit month and day, a real day):
 * "2026-2-3", "2026-02-30", " 2026-02-03" and NULL are PD_INVALID. */
enum pd_status date_parse(const char *s, pd_date *out, struct pd_err *err);

/* The shapes a person may type a date in, for messages. */
#define DATE_SHAPES "2025-12-31, 31/12/2025 or 31/12/25"

/* Read a date as a person types it, wherever they type one (forms, CSV
 * imports, YAML plan files): "2025-12-31", "31/12/2025" or "31/12/25",
 * the day first as in the UK (so 03/04/2025 is 3 April), one-digit days
 * and months allowed ("3/4/25"), spaces around ignored.  A two-digit
 * year is read by date_two_digit_year().  PD_INVALID with a message that
 * names the accepted shapes otherwise. */
enum pd_status date_parse_typed(const char *s, pd_date today, pd_date *out,
    struct pd_err *err);

/* The year a two-digit year yy (0-99) means, typed on `today`: in this
 * century up to next year, else the last century.  Typed in 2026, 00-27
 * are 2000-2027 and 28-99 are 1928-1999, so a date of birth is never
 * read into the future by more than a year and a date this year or next
 * reads as itself. */
int date_two_digit_year(int yy, pd_date today);

/* Write d as "YYYY-MM-DD" into buf and return buf.  A date outside
 * DATE_MIN..DATE_MAX is written "????-??-??". */
char *date_format(pd_date d, char buf[DATE_STR_LEN]);

/* Write d for people, "Thu 2 Apr 2026" (English names), return buf. */
char *date_format_long(pd_date d, char buf[DATE_LONG_LEN]);

/* d plus n days (n may be negative). */
pd_date date_add_days(pd_date d, int32_t n);

/* Days from b to a, a - b: positive when a is later. */
int32_t date_diff_days(pd_date a, pd_date b);

/* ISO weekday of d: 1 = Monday ... 7 = Sunday. */
int date_weekday(pd_date d);

/* d moved by n calendar months (n may be negative); a day that the
 * target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
pd_date date_add_months(pd_date d, int n);

/* Age in whole years on date `on` for someone born on dob; -1 when on is
 * before dob.  Born on 29 February: a year older on 1 March in common
 * years (the anniversary is taken as the day after 28 February). */
int date_age_on(pd_date dob, pd_date on);

/* Read a day of the week, any case: "monday" ... "sunday" or "mon" ...
 * "sun".  Sets *out to 1-7; PD_INVALID otherwise. */
enum pd_status date_weekday_parse(const char *s, int *out,
    struct pd_err *err);

/* "Monday" ... "Sunday", "Mon" ... "Sun"; "?" when wd is not 1-7. */
const char *date_weekday_name(int wd);
const char *date_weekday_short(int wd);

/* Read a time of day "HH:MM" (00:00-23:59; a one-digit hour, "9:30", is
 * accepted) into minutes since midnight; PD_INVALID otherwise. */
enum pd_status date_hhmm_parse(const char *s, int *minutes,
    struct pd_err *err);

/* Write minutes since midnight (0-1439) as "HH:MM"; out of range gives
 * "??:??".  Returns buf. */
char *date_hhmm_format(int minutes, char buf[DATE_HHMM_LEN]);

#endif
