/* duration.h - lengths of time as whole minutes.
 *
 * What a person types for how long something took ("1:30", "90m",
 * "1.5h", "1h 30m") becomes minutes; minutes are shown back as
 * "13h 30m", or as decimal hours "13.50" in CSV for payroll.
 */
#ifndef PEERDESK_MODEL_DURATION_H
#define PEERDESK_MODEL_DURATION_H

#include "peerdesk/core/status.h"

#define DURATION_MAX_MINUTES (24 * 60)	/* one line: at most a day */
#define DURATION_STR_LEN 24

/* Read a duration into minutes, 1 .. DURATION_MAX_MINUTES.  Forms (any
 * case, spaces around and between the parts allowed):
 *   "1:30"  "0:45"                hours:minutes (two-digit minutes < 60)
 *   "90"  "90m"  "90 min"  "90 mins"          minutes
 *   "2h"  "1.5h"  "0.25 hr"  "2 hrs"          hours, whole minutes only
 *   "1h30"  "1h30m"  "1h 30m"  "1h 30 min"    hours and minutes (< 60)
 * Zero, negative, over 24h, "1.333h" (not whole minutes) and anything
 * else are PD_INVALID with a plain message. */
enum pd_status duration_parse(const char *s, int *minutes,
    struct pd_err *err);

/* Flags for duration_parse_as. */
#define DURATION_BARE_MINUTES 1u	/* "90" alone means minutes */
#define DURATION_ZERO_OK 2u		/* "0m" is allowed */

/* As duration_parse, with the choices a caller makes: a bare number is
 * refused unless DURATION_BARE_MINUTES (in a form, "6" could be hours or
 * minutes), zero only with DURATION_ZERO_OK, and at most max_minutes.
 * duration_parse is (DURATION_BARE_MINUTES, DURATION_MAX_MINUTES). */
enum pd_status duration_parse_as(const char *s, unsigned flags,
    int max_minutes, int *minutes, struct pd_err *err);

/* Write minutes for people: 810 -> "13h 30m", 60 -> "1h", 45 -> "45m",
 * 0 -> "0m", -90 -> "-1h 30m".  Returns buf. */
char *duration_format(int minutes, char buf[DURATION_STR_LEN]);

/* Write minutes as decimal hours with two places for CSV: 810 ->
 * "13.50", 20 -> "0.33", 50 -> "0.83" (hundredths rounded half up, away
 * from zero when negative).  Returns buf. */
char *duration_format_hours(int minutes, char buf[DURATION_STR_LEN]);

#endif
