/* today.h - the date peerdesk takes as "today", which tests can fix.
 *
 * Every rule that depends on the date (this week, reviews due, the tax
 * year) asks today_get().  The CLI calls today_set() for --today and
 * PEERDESK_TODAY; tests call it too, so nothing depends on the real date.
 * One process-wide value; the program has one thread.
 */
#ifndef PEERDESK_MODEL_TODAY_H
#define PEERDESK_MODEL_TODAY_H

#include <stdbool.h>

#include "peerdesk/model/date.h"

/* From now on today_get() returns d (until today_clear()). */
void today_set(pd_date d);

/* Forget a date set by today_set(): today_get() reads the clock again. */
void today_clear(void);

/* True when a date was set with today_set(). */
bool today_is_set(void);

/* The date set by today_set(), or else the system's local date (time()
 * and localtime_r(), so TZ applies) - the one place model/ reads a clock. */
pd_date today_get(void);

#endif
