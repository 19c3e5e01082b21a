#include "peerdesk/model/today.h"

#include <stdbool.h>
#include <time.h>

static bool today_fixed;
static pd_date today_value;

void
today_set(pd_date d)
{
	today_value = d;
	today_fixed = true;
}

void
today_clear(void)
{
	today_fixed = false;
	today_value = 0;
}

bool
today_is_set(void)
{
	return today_fixed;
}

pd_date
today_get(void)
{
	struct tm tm;
	time_t now;
	pd_date d;

	if (today_fixed)
		return today_value;
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return DATE_EPOCH;	/* cannot happen for the current time */
	if (date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &d,
	    NULL) != PD_OK)
		return DATE_EPOCH;
	return d;
}
