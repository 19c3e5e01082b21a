#include "peerdesk/model/duration.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "echo_priv.h"

/* Numbers stop growing past this; anything that large is rejected. */
#define DURATION_BIG 1000000L
/* At most this many decimals of an hour ("1.25h", "0.0167h" is not
 * whole minutes anyway). */
#define DURATION_MAX_DECIMALS 4

enum duration_unit { DU_NONE, DU_HOURS, DU_MINUTES };

struct duration_scan {
	const char *p;
	const char *end;
};

static bool
duration_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

static void
duration_skip_spaces(struct duration_scan *sc)
{
	while (sc->p < sc->end && *sc->p == ' ')
		sc->p++;
}

/* Read digits; returns how many were read, value capped at DURATION_BIG. */
static int
duration_read_int(struct duration_scan *sc, long *v)
{
	int n = 0;

	*v = 0;
	while (sc->p < sc->end && duration_isdigit(*sc->p)) {
		if (*v < DURATION_BIG)
			*v = *v * 10 + (*sc->p - '0');
		sc->p++;
		n++;
	}
	return n;
}

static bool
duration_word_is(const char *p, size_t n, const char *word)
{
	size_t i;

	if (strlen(word) != n)
		return false;
	for (i = 0; i < n; i++) {
		char c = p[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return false;
	}
	return true;
}

/* Read a unit word (letters) after optional spaces: hours or minutes. */
static enum duration_unit
duration_read_unit(struct duration_scan *sc)
{
	static const char *const hours[] = {
		"h", "hr", "hrs", "hour", "hours"
	};
	static const char *const mins[] = {
		"m", "min", "mins", "minute", "minutes"
	};
	const char *start;
	size_t n, i;

	duration_skip_spaces(sc);
	start = sc->p;
	while (sc->p < sc->end && ((*sc->p >= 'a' && *sc->p <= 'z') ||
	    (*sc->p >= 'A' && *sc->p <= 'Z')))
		sc->p++;
	n = (size_t)(sc->p - start);
	if (n == 0)
		return DU_NONE;
	for (i = 0; i < sizeof hours / sizeof hours[0]; i++)
		if (duration_word_is(start, n, hours[i]))
			return DU_HOURS;
	for (i = 0; i < sizeof mins / sizeof mins[0]; i++)
		if (duration_word_is(start, n, mins[i]))
			return DU_MINUTES;
	sc->p = start;
	return DU_NONE;
}

static enum pd_status
duration_bad(struct pd_err *err, const char *s)
{
	char echo[ECHO_BUF];

	return pd_fail(err, PD_INVALID, NULL,
	    "\"%s\" is not a length of time: write it like 1:30, 90m, "
	    "1.5h or 1h 30m", echo_clip(s, echo));
}

/* The forms with a unit: "90m", "1.5h", "2h", "1h30", "1h 30m". */
static enum pd_status
duration_parse_units(struct duration_scan *sc, const char *s, long *total,
    struct pd_err *err)
{
	char echo[ECHO_BUF];
	long whole, frac = 0, scale = 1, extra;
	int nwhole, nfrac = 0;
	enum duration_unit unit;

	nwhole = duration_read_int(sc, &whole);
	if (sc->p < sc->end && *sc->p == '.') {
		sc->p++;
		while (sc->p < sc->end && duration_isdigit(*sc->p)) {
			if (++nfrac > DURATION_MAX_DECIMALS)
				goto not_whole;
			frac = frac * 10 + (*sc->p - '0');
			scale *= 10;
			sc->p++;
		}
		if (nfrac == 0)
			return duration_bad(err, s);
	}
	if (nwhole == 0 && nfrac == 0)
		return duration_bad(err, s);
	unit = duration_read_unit(sc);
	if (unit == DU_MINUTES) {
		if (nfrac > 0)
			return pd_fail(err, PD_INVALID, NULL,
			    "\"%s\": give whole minutes, for example 45m",
			    echo_clip(s, echo));
		duration_skip_spaces(sc);
		if (sc->p != sc->end)
			return duration_bad(err, s);
		*total = whole;
		return PD_OK;
	}
	if (unit != DU_HOURS)
		return duration_bad(err, s);
	if (frac * 60 % scale != 0)
		goto not_whole;
	*total = whole * 60 + frac * 60 / scale;
	duration_skip_spaces(sc);
	if (sc->p == sc->end)
		return PD_OK;
	/* "1h30", "1h 30m": whole hours, then minutes under 60. */
	if (nfrac > 0 || duration_read_int(sc, &extra) == 0)
		return duration_bad(err, s);
	unit = duration_read_unit(sc);
	duration_skip_spaces(sc);
	if ((unit != DU_NONE && unit != DU_MINUTES) || sc->p != sc->end)
		return duration_bad(err, s);
	if (extra > 59)
		return pd_fail(err, PD_INVALID, NULL,
		    "\"%s\": after the hours, the minutes go up to 59",
		    echo_clip(s, echo));
	*total += extra;
	return PD_OK;
not_whole:
	return pd_fail(err, PD_INVALID, NULL,
	    "\"%s\" is not a whole number of minutes: write hours and "
	    "minutes, for example 1h 20m", echo_clip(s, echo));
}

enum pd_status
duration_parse(const char *s, int *minutes, struct pd_err *err)
{
	return duration_parse_as(s, DURATION_BARE_MINUTES,
	    DURATION_MAX_MINUTES, minutes, err);
}

enum pd_status
duration_parse_as(const char *s, unsigned flags, int max_minutes,
    int *minutes, struct pd_err *err)
{
	struct duration_scan sc;
	char echo[ECHO_BUF];
	long total = 0, h, m;
	enum pd_status st;

	if (s == NULL)
		return pd_fail(err, PD_INVALID, NULL,
		    "how long is needed, for example 1:30 or 90m");
	sc.p = s;
	sc.end = s + strlen(s);
	duration_skip_spaces(&sc);
	while (sc.end > sc.p && sc.end[-1] == ' ')
		sc.end--;
	if (sc.p == sc.end)
		return pd_fail(err, PD_INVALID, NULL,
		    "how long is needed, for example 1:30 or 90m");
	if (*sc.p == '-')
		return pd_fail(err, PD_INVALID, NULL,
		    "\"%s\": a length of time cannot be negative",
		    echo_clip(s, echo));
	{
		/* "H:MM" or plain minutes "90". */
		struct duration_scan t = sc;

		if (duration_read_int(&t, &h) > 0) {
			if (t.p == t.end && (flags & DURATION_BARE_MINUTES)) {
				total = h;
				goto check;
			}
			if (t.p == t.end)
				return pd_fail(err, PD_INVALID, NULL,
				    "\"%s\": is that minutes or hours? Write "
				    "it like %sm or %sh", echo_clip(s, echo),
				    echo_clip(s, echo), echo_clip(s, echo));
			if (*t.p == ':') {
				t.p++;
				if (t.end - t.p != 2 ||
				    duration_read_int(&t, &m) != 2 ||
				    t.p != t.end)
					return duration_bad(err, s);
				if (m > 59)
					return pd_fail(err, PD_INVALID, NULL,
					    "\"%s\": the minutes after the "
					    "colon go up to 59",
					    echo_clip(s, echo));
				total = h * 60 + m;
				goto check;
			}
		}
	}
	st = duration_parse_units(&sc, s, &total, err);
	if (st != PD_OK)
		return st;
check:
	if (total == 0 && !(flags & DURATION_ZERO_OK))
		return pd_fail(err, PD_INVALID, NULL,
		    "\"%s\": the time must be more than 0",
		    echo_clip(s, echo));
	if (total > max_minutes && max_minutes == DURATION_MAX_MINUTES)
		return pd_fail(err, PD_INVALID, NULL,
		    "\"%s\" is more than 24 hours: enter each day on its "
		    "own line", echo_clip(s, echo));
	if (total > max_minutes)
		return pd_fail(err, PD_INVALID, NULL,
		    "\"%s\" is more than %d hours", echo_clip(s, echo),
		    max_minutes / 60);
	*minutes = (int)total;
	return PD_OK;
}

char *
duration_format(int minutes, char buf[DURATION_STR_LEN])
{
	long long mag = llabs((long long)minutes);
	const char *sign = minutes < 0 ? "-" : "";
	long long h = mag / 60, m = mag % 60;

	if (h == 0)
		snprintf(buf, DURATION_STR_LEN, "%s%lldm", sign, m);
	else if (m == 0)
		snprintf(buf, DURATION_STR_LEN, "%s%lldh", sign, h);
	else
		snprintf(buf, DURATION_STR_LEN, "%s%lldh %lldm", sign, h, m);
	return buf;
}

char *
duration_format_hours(int minutes, char buf[DURATION_STR_LEN])
{
	long long mag = llabs((long long)minutes);
	/* hundredths of an hour = minutes x 100 / 60, half up */
	long long hundredths = (mag * 100 + 30) / 60;

	snprintf(buf, DURATION_STR_LEN, "%s%lld.%02lld",
	    minutes < 0 ? "-" : "", hundredths / 100, hundredths % 100);
	return buf;
}
