#include "peerdesk/model/date.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "echo_priv.h"

static const char *const date_month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};
static const char *const date_day_names[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday"
};
static const char *const date_day_short[] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
};

/* Floor division and modulo for a positive divisor. */
static int64_t
date_floordiv(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static int64_t
date_floormod(int64_t a, int64_t b)
{
	return a - date_floordiv(a, b) * b;
}

/* Days since 1970-01-01 of a valid y-m-d (H. Hinnant's days_from_civil:
 * years counted from 1 March, in 400-year eras of 146097 days). */
static int64_t
date_days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = date_floordiv(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

bool
date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
date_days_in_month(int year, int month)
{
	static const int days[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && date_is_leap(year))
		return 29;
	return days[month - 1];
}

enum pd_status
date_from_ymd(int year, int month, int day, pd_date *out,
    struct pd_err *err)
{
	int dim;

	if (year < 1 || year > 9999)
		return pd_fail(err, PD_INVALID, NULL,
		    "the year must be from 0001 to 9999, not %d", year);
	if (month < 1 || month > 12)
		return pd_fail(err, PD_INVALID, NULL,
		    "there is no month %d: months go from 01 to 12", month);
	dim = date_days_in_month(year, month);
	if (day < 1 || day > dim)
		return pd_fail(err, PD_INVALID, NULL,
		    "there is no day %d in %s %04d: it has %d days", day,
		    date_month_names[month - 1], year, dim);
	*out = (pd_date)date_days_from_civil(year, month, day);
	return PD_OK;
}

void
date_to_ymd(pd_date d, int *year, int *month, int *day)
{
	int64_t z = (int64_t)d + 719468;
	int64_t era = date_floordiv(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
	int64_t yy = yoe + era * 400 + (mm <= 2);

	if (year != NULL)
		*year = (int)yy;
	if (month != NULL)
		*month = mm;
	if (day != NULL)
		*day = dd;
}

bool
date_is_valid(pd_date d)
{
	return d >= DATE_MIN && d <= DATE_MAX;
}

/* Write v (>= 0) as exactly n digits, zero-padded. */
static void
date_put_digits(char *out, int v, int n)
{
	while (n-- > 0) {
		out[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

enum pd_status
date_parse(const char *s, pd_date *out, struct pd_err *err)
{
	char echo[ECHO_BUF];
	int y, m, d, dim;

	if (s == NULL || *s == '\0')
		return pd_fail(err, PD_INVALID, NULL,
		    "a date is needed, written YYYY-MM-DD");
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    echo_digits(s, 4, &y) != 0 || echo_digits(s + 5, 2, &m) != 0 ||
	    echo_digits(s + 8, 2, &d) != 0)
		return pd_fail(err, PD_INVALID, NULL,
		    "\"%s\" is not a date: write it as YYYY-MM-DD, "
		    "for example 2026-03-04", echo_clip(s, echo));
	if (y < 1)
		return pd_fail(err, PD_INVALID, NULL,
		    "%s is not a date: there is no year 0000", s);
	if (m < 1 || m > 12)
		return pd_fail(err, PD_INVALID, NULL,
		    "%s is not a date: there is no month %02d", s, m);
	dim = date_days_in_month(y, m);
	if (d < 1)
		return pd_fail(err, PD_INVALID, NULL,
		    "%s is not a date: there is no day 00", s);
	if (d > dim)
		return pd_fail(err, PD_INVALID, NULL,
		    "%s is not a date: %s %04d has %d days", s,
		    date_month_names[m - 1], y, dim);
	*out = (pd_date)date_days_from_civil(y, m, d);
	return PD_OK;
}

/* Up to max digits at *p into *v (at least one); moves *p on.  0 ok. */
static int
date_some_digits(const char **p, int max, int *v, int *nd)
{
	*v = 0;
	*nd = 0;
	while (**p >= '0' && **p <= '9' && *nd < max) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		(*nd)++;
	}
	return *nd > 0 ? 0 : -1;
}

int
date_two_digit_year(int yy, pd_date today)
{
	int ty;

	date_to_ymd(today, &ty, NULL, NULL);
	return 2000 + yy <= ty + 1 ? 2000 + yy : 1900 + yy;
}

enum pd_status
date_parse_typed(const char *s, pd_date today, pd_date *out,
    struct pd_err *err)
{
	char echo[ECHO_BUF];
	const char *p;
	int y, m, d, nd, ny, dim;

	while (s != NULL && (*s == ' ' || *s == '\t'))
		s++;
	if (s == NULL || *s == '\0')
		return pd_fail(err, PD_INVALID, NULL, "a date is needed, "
		    "written like " DATE_SHAPES);
	p = s;
	if (date_some_digits(&p, 2, &d, &nd) != 0 || *p != '/' ||
	    (p++, date_some_digits(&p, 2, &m, &nd)) != 0 || *p != '/' ||
	    (p++, date_some_digits(&p, 4, &y, &ny)) != 0 ||
	    (ny != 2 && ny != 4) || p[strspn(p, " \t")] != '\0') {
		/* not day/month/year: it must be YYYY-MM-DD */
		char iso[DATE_STR_LEN];
		size_t n = strlen(s);

		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n == 10 && s[4] == '-' && s[7] == '-') {
			memcpy(iso, s, 10);
			iso[10] = '\0';
			return date_parse(iso, out, err);
		}
		return pd_fail(err, PD_INVALID, NULL, "\"%s\" is not a date: "
		    "write it like " DATE_SHAPES " (day, month, year)",
		    echo_clip(s, echo));
	}
	if (ny == 2)
		y = date_two_digit_year(y, today);
	if (y < 1)
		return pd_fail(err, PD_INVALID, NULL,
		    "%s is not a date: there is no year 0000",
		    echo_clip(s, echo));
	if (m < 1 || m > 12)
		return pd_fail(err, PD_INVALID, NULL, "%s is not a date: "
		    "there is no month %d (the day comes first, then the "
		    "month: 31/12/2025)", echo_clip(s, echo), m);
	dim = date_days_in_month(y, m);
	if (d < 1)
		return pd_fail(err, PD_INVALID, NULL,
		    "%s is not a date: there is no day 0", echo_clip(s, echo));
	if (d > dim)
		return pd_fail(err, PD_INVALID, NULL,
		    "%s is not a date: %s %04d has %d days",
		    echo_clip(s, echo), date_month_names[m - 1], y, dim);
	*out = (pd_date)date_days_from_civil(y, m, d);
	return PD_OK;
}

char *
date_format(pd_date d, char buf[DATE_STR_LEN])
{
	int y, m, dd;

	if (!date_is_valid(d)) {
		/* "????-??-??", escaped so no trigraph forms */
		memcpy(buf, "?\?\?\?-?\?-?\?", DATE_STR_LEN);
		return buf;
	}
	date_to_ymd(d, &y, &m, &dd);
	date_put_digits(buf, y, 4);
	buf[4] = '-';
	date_put_digits(buf + 5, m, 2);
	buf[7] = '-';
	date_put_digits(buf + 8, dd, 2);
	buf[10] = '\0';
	return buf;
}

char *
date_format_long(pd_date d, char buf[DATE_LONG_LEN])
{
	int y, m, dd;

	if (!date_is_valid(d)) {
		memcpy(buf, "?", 2);
		return buf;
	}
	date_to_ymd(d, &y, &m, &dd);
	snprintf(buf, DATE_LONG_LEN, "%s %d %.3s %d",
	    date_day_short[date_weekday(d) - 1], dd % 100,
	    date_month_names[m - 1], y % 10000);
	return buf;
}

pd_date
date_add_days(pd_date d, int32_t n)
{
	return (pd_date)((int64_t)d + n);
}

int32_t
date_diff_days(pd_date a, pd_date b)
{
	return (int32_t)((int64_t)a - b);
}

int
date_weekday(pd_date d)
{
	/* 1970-01-01 (day 0) was a Thursday, ISO weekday 4. */
	return (int)date_floormod((int64_t)d + 3, 7) + 1;
}

pd_date
date_add_months(pd_date d, int n)
{
	int y, m, dd, dim;
	int64_t months;

	date_to_ymd(d, &y, &m, &dd);
	months = (int64_t)y * 12 + (m - 1) + n;
	y = (int)date_floordiv(months, 12);
	m = (int)date_floormod(months, 12) + 1;
	dim = date_days_in_month(y, m);
	if (dd > dim)
		dd = dim;
	return (pd_date)date_days_from_civil(y, m, dd);
}

int
date_age_on(pd_date dob, pd_date on)
{
	int by, bm, bd, y, m, d, age;

	if (on < dob)
		return -1;
	date_to_ymd(dob, &by, &bm, &bd);
	date_to_ymd(on, &y, &m, &d);
	age = y - by;
	/* Not yet had this year's birthday.  For 29 February in a common
	 * year, 28 February is still before it, so the year turns on
	 * 1 March. */
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

enum pd_status
date_weekday_parse(const char *s, int *out, struct pd_err *err)
{
	char echo[ECHO_BUF];
	char low[16];
	size_t i, n;
	int wd;

	if (s == NULL || *s == '\0')
		return pd_fail(err, PD_INVALID, NULL,
		    "a day of the week is needed, monday to sunday");
	n = strlen(s);
	if (n < sizeof low) {
		for (i = 0; i < n; i++) {
			char c = s[i];

			low[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' :
			    c);
		}
		low[n] = '\0';
		for (wd = 1; wd <= 7; wd++) {
			const char *full = date_day_names[wd - 1];

			/* Compare with the name's lower-case form. */
			if (n == 3 || n == strlen(full)) {
				size_t k;

				for (k = 0; k < n; k++) {
					char c = full[k];

					if (c >= 'A' && c <= 'Z')
						c = (char)(c - 'A' + 'a');
					if (c != low[k])
						break;
				}
				if (k == n) {
					*out = wd;
					return PD_OK;
				}
			}
		}
	}
	return pd_fail(err, PD_INVALID, NULL,
	    "\"%s\" is not a day of the week: use monday to sunday",
	    echo_clip(s, echo));
}

const char *
date_weekday_name(int wd)
{
	if (wd < 1 || wd > 7)
		return "?";
	return date_day_names[wd - 1];
}

const char *
date_weekday_short(int wd)
{
	if (wd < 1 || wd > 7)
		return "?";
	return date_day_short[wd - 1];
}

enum pd_status
date_hhmm_parse(const char *s, int *minutes, struct pd_err *err)
{
	char echo[ECHO_BUF];
	size_t n;
	int h, m, hl;

	if (s == NULL || *s == '\0')
		return pd_fail(err, PD_INVALID, NULL,
		    "a time is needed, written HH:MM");
	n = strlen(s);
	hl = (n == 4 || n == 5) ? (int)n - 3 : 0;
	if (hl == 0 || s[hl] != ':' || echo_digits(s, hl, &h) != 0 ||
	    echo_digits(s + hl + 1, 2, &m) != 0)
		return pd_fail(err, PD_INVALID, NULL,
		    "\"%s\" is not a time: write it as HH:MM, for example "
		    "09:30 or 14:00", echo_clip(s, echo));
	if (h > 23 || m > 59)
		return pd_fail(err, PD_INVALID, NULL,
		    "%s is not a time of day: use 00:00 to 23:59", s);
	*minutes = h * 60 + m;
	return PD_OK;
}

char *
date_hhmm_format(int minutes, char buf[DATE_HHMM_LEN])
{
	if (minutes < 0 || minutes >= 24 * 60) {
		memcpy(buf, "??:??", DATE_HHMM_LEN);
		return buf;
	}
	date_put_digits(buf, minutes / 60, 2);
	buf[2] = ':';
	date_put_digits(buf + 3, minutes % 60, 2);
	buf[5] = '\0';
	return buf;
}
