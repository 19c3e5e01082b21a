#include "peerdesk/model/taxyear.h"

#include <stdio.h>
#include <string.h>

#include "echo_priv.h"

/* 6 April of year y, for any year. */
static pd_date
taxyear_april6(int y)
{
	return date_add_days(date_add_months(DATE_EPOCH, (y - 1970) * 12 + 3),
	    5);
}

int
taxyear_of(pd_date d)
{
	int y;

	date_to_ymd(d, &y, NULL, NULL);
	return d < taxyear_april6(y) ? y - 1 : y;
}

pd_date
taxyear_first_day(int ty)
{
	return taxyear_april6(ty);
}

pd_date
taxyear_last_day(int ty)
{
	return date_add_days(taxyear_april6(ty + 1), -1);
}

char *
taxyear_label(int ty, char buf[TAXYEAR_LABEL_LEN])
{
	if (ty < 1 || ty > 9998) {
		memcpy(buf, "?\?\?\?/?\?", TAXYEAR_LABEL_LEN);
		return buf;
	}
	snprintf(buf, TAXYEAR_LABEL_LEN, "%04d/%02d", ty % 10000,
	    (ty + 1) % 100);
	return buf;
}

enum pd_status
taxyear_parse(const char *s, int *ty, struct pd_err *err)
{
	char echo[ECHO_BUF];
	int i, y = 0, next = 0;

	if (s == NULL || *s == '\0')
		return pd_fail(err, PD_INVALID, NULL,
		    "a tax year is needed, written like 2026/27");
	if (strlen(s) != 7 || s[4] != '/')
		goto bad;
	for (i = 0; i < 7; i++) {
		if (i == 4)
			continue;
		if (s[i] < '0' || s[i] > '9')
			goto bad;
		if (i < 4)
			y = y * 10 + (s[i] - '0');
		else
			next = next * 10 + (s[i] - '0');
	}
	if (y < 1 || y > 9998)
		return pd_fail(err, PD_INVALID, NULL,
		    "%s is not a tax year: use 0001/02 to 9998/99", s);
	if (next != (y + 1) % 100)
		return pd_fail(err, PD_INVALID, NULL,
		    "%s is not a tax year: the year after %04d ends in %02d",
		    s, y, (y + 1) % 100);
	*ty = y;
	return PD_OK;
bad:
	return pd_fail(err, PD_INVALID, NULL,
	    "\"%s\" is not a tax year: write it like 2026/27",
	    echo_clip(s, echo));
}
