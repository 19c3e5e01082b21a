#include "peerdesk/model/week.h"

#include <stdio.h>
#include <string.h>

#include "echo_priv.h"

static int
week_valid_start(int start_weekday)
{
	return start_weekday >= 1 && start_weekday <= 7 ? start_weekday :
	    DATE_MONDAY;
}

pd_date
week_start_of(pd_date d, int start_weekday)
{
	int sw = week_valid_start(start_weekday);

	return date_add_days(d, -((date_weekday(d) - sw + 7) % 7));
}

struct week_range
week_of(pd_date d, int start_weekday)
{
	struct week_range w;

	w.first = week_start_of(d, start_weekday);
	w.last = date_add_days(w.first, 6);
	return w;
}

/* 1 January of year y, for any year (also 0 and below). */
static pd_date
week_jan1(int y)
{
	return date_add_months(DATE_EPOCH, (y - 1970) * 12);
}

void
week_iso_of(pd_date d, int *iso_year, int *iso_week)
{
	/* An ISO week belongs to the year that holds its Thursday. */
	pd_date thursday = date_add_days(d, 4 - date_weekday(d));
	int y;

	date_to_ymd(thursday, &y, NULL, NULL);
	if (iso_year != NULL)
		*iso_year = y;
	if (iso_week != NULL)
		*iso_week = date_diff_days(thursday, week_jan1(y)) / 7 + 1;
}

int
week_iso_weeks_in_year(int iso_year)
{
	int wd = date_weekday(week_jan1(iso_year));

	/* 53 weeks when the year starts on a Thursday, or is a leap year
	 * starting on a Wednesday. */
	if (wd == DATE_THURSDAY ||
	    (wd == DATE_WEDNESDAY && date_is_leap(iso_year)))
		return 53;
	return 52;
}

pd_date
week_iso_monday(int iso_year, int week)
{
	/* 4 January is always in week 1. */
	pd_date jan4 = date_add_days(week_jan1(iso_year), 3);

	return date_add_days(week_start_of(jan4, DATE_MONDAY),
	    (week - 1) * 7);
}

char *
week_iso_format(int iso_year, int week, char buf[WEEK_LABEL_LEN])
{
	if (iso_year < 0 || iso_year > 9999 || week < 1 || week > 53) {
		memcpy(buf, "?\?\?\?-W?\?", WEEK_LABEL_LEN);
		return buf;
	}
	snprintf(buf, WEEK_LABEL_LEN, "%04d-W%02d", iso_year % 10000,
	    week % 100);
	return buf;
}

enum pd_status
week_iso_parse(const char *s, pd_date *monday, struct pd_err *err)
{
	char echo[ECHO_BUF];
	int y, w, n;

	if (s == NULL || *s == '\0')
		return pd_fail(err, PD_INVALID, NULL,
		    "a week is needed, written YYYY-Www");
	if (strlen(s) != 8 || s[4] != '-' || (s[5] != 'W' && s[5] != 'w') ||
	    echo_digits(s, 4, &y) != 0 || echo_digits(s + 6, 2, &w) != 0)
		return pd_fail(err, PD_INVALID, NULL,
		    "\"%s\" is not a week: write it as YYYY-Www, for example "
		    "2026-W09", echo_clip(s, echo));
	if (y < 1)
		return pd_fail(err, PD_INVALID, NULL,
		    "%s is not a week: there is no year 0000", s);
	n = week_iso_weeks_in_year(y);
	if (w < 1 || w > n)
		return pd_fail(err, PD_INVALID, NULL,
		    "%s is not a week: %04d has weeks W01 to W%02d", s, y, n);
	*monday = week_iso_monday(y, w);
	return PD_OK;
}

char *
week_label_of(pd_date d, int start_weekday, char buf[WEEK_LABEL_LEN])
{
	pd_date first = week_start_of(d, start_weekday);
	pd_date monday = date_add_days(first,
	    (DATE_MONDAY - date_weekday(first) + 7) % 7);
	int y, w;

	week_iso_of(monday, &y, &w);
	return week_iso_format(y, w, buf);
}

enum pd_status
week_parse(const char *s, int start_weekday, struct week_range *out,
    struct pd_err *err)
{
	pd_date monday;
	enum pd_status st;

	st = week_iso_parse(s, &monday, err);
	if (st != PD_OK)
		return st;
	*out = week_of(monday, start_weekday);
	return PD_OK;
}
