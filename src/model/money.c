#include "peerdesk/model/money.h"

#include <stdbool.h>
#include <string.h>

#include "echo_priv.h"

#define MONEY_POUND "\xc2\xa3"	/* U+00A3 in UTF-8 */

static bool
money_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

static enum pd_status
money_bad(struct pd_err *err, const char *s)
{
	char echo[ECHO_BUF];

	return pd_fail(err, PD_INVALID, NULL,
	    "\"%s\" is not an amount of money: write pounds and pence, "
	    "for example 12.50 or \xc2\xa3" "1,234.50", echo_clip(s, echo));
}

enum pd_status
money_parse(const char *s, unsigned flags, int64_t *pence,
    struct pd_err *err)
{
	const char *p, *end;
	int64_t pounds = 0, pp = 0;
	int negative = 0, ndigits = 0, group = -1, nfrac = 0;
	char echo[ECHO_BUF];

	if (s == NULL)
		return pd_fail(err, PD_INVALID, NULL, "an amount is needed");
	p = s;
	end = s + strlen(s);
	while (p < end && *p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	if (p == end)
		return pd_fail(err, PD_INVALID, NULL, "an amount is needed");
	if (*p == '-') {
		negative = 1;
		p++;
	}
	if (end - p >= 2 && memcmp(p, MONEY_POUND, 2) == 0)
		p += 2;
	if (p == end)
		return money_bad(err, s);
	/* Pounds, with optional commas between groups of three digits:
	 * group is -1 before any comma, else digits since the last one. */
	for (; p < end && *p != '.'; p++) {
		if (*p == ',') {
			if (ndigits == 0 || (group == -1 ? ndigits > 3 :
			    group != 3))
				return money_bad(err, s);
			group = 0;
			continue;
		}
		if (!money_isdigit(*p))
			return money_bad(err, s);
		if (pounds <= MONEY_MAX_PENCE)
			pounds = pounds * 10 + (*p - '0');
		ndigits++;
		if (group >= 0)
			group++;
	}
	if (group >= 0 && group != 3)
		return money_bad(err, s);
	if (p < end) {		/* the decimal point */
		p++;
		if (p == end)
			return money_bad(err, s);
		for (; p < end; p++) {
			if (!money_isdigit(*p))
				return money_bad(err, s);
			if (++nfrac > 2)
				return pd_fail(err, PD_INVALID, NULL,
				    "\"%s\" has more than two decimals: write "
				    "pounds and pence, for example 12.35",
				    echo_clip(s, echo));
			pp = pp * 10 + (*p - '0');
		}
		if (nfrac == 1)
			pp *= 10;
	} else if (ndigits == 0) {
		return money_bad(err, s);
	}
	if (pounds > MONEY_MAX_PENCE / 100 ||
	    pounds * 100 + pp > MONEY_MAX_PENCE)
		return pd_fail(err, PD_INVALID, NULL,
		    "\"%s\" is too large: amounts go up to "
		    "\xc2\xa3" "10,000,000.00", echo_clip(s, echo));
	if (negative && !(flags & MONEY_NEGATIVE_OK) && pounds + pp > 0)
		return pd_fail(err, PD_INVALID, NULL,
		    "\"%s\": the amount cannot be negative",
		    echo_clip(s, echo));
	*pence = negative ? -(pounds * 100 + pp) : pounds * 100 + pp;
	return PD_OK;
}

/* Write pence into buf: sign, then the pound sign if `pound`, then
 * pounds grouped by commas if `commas`, then ".pp". */
static char *
money_write(int64_t pence, char *buf, int pound, int commas)
{
	char digits[24];
	uint64_t mag, pounds;
	unsigned pp;
	size_t n = 0, i, out = 0;

	mag = pence < 0 ? (uint64_t)0 - (uint64_t)pence : (uint64_t)pence;
	pounds = mag / 100;
	pp = (unsigned)(mag % 100);
	do {
		digits[n++] = (char)('0' + pounds % 10);
		pounds /= 10;
	} while (pounds > 0);
	if (pence < 0)
		buf[out++] = '-';
	if (pound) {
		memcpy(buf + out, MONEY_POUND, 2);
		out += 2;
	}
	for (i = n; i > 0; i--) {
		buf[out++] = digits[i - 1];
		if (commas && i > 1 && (i - 1) % 3 == 0)
			buf[out++] = ',';
	}
	buf[out++] = '.';
	buf[out++] = (char)('0' + pp / 10);
	buf[out++] = (char)('0' + pp % 10);
	buf[out] = '\0';
	return buf;
}

char *
money_format(int64_t pence, char buf[MONEY_STR_LEN])
{
	return money_write(pence, buf, 1, 1);
}

char *
money_format_plain(int64_t pence, char buf[MONEY_STR_LEN])
{
	return money_write(pence, buf, 0, 0);
}

enum pd_status
money_pay_for_minutes(int64_t rate_pph, int minutes, int64_t *pence,
    struct pd_err *err)
{
	if (rate_pph < 0 || rate_pph > MONEY_MAX_PENCE)
		return pd_fail(err, PD_INVALID, NULL,
		    "the hourly rate must be from 0 to "
		    "\xc2\xa3" "10,000,000.00");
	if (minutes < 0 || minutes > MONEY_MAX_MINUTES)
		return pd_fail(err, PD_INVALID, NULL,
		    "the time must be from 0 to 366 days");
	/* rate x minutes / 60, half a penny and more rounds up.  At most
	 * 1e9 x 527040, far inside int64_t. */
	*pence = (rate_pph * minutes + 30) / 60;
	return PD_OK;
}

enum pd_status
money_holiday_pay(int64_t pay_pence, int rate_bp, int64_t *pence,
    struct pd_err *err)
{
	if (pay_pence < 0 || pay_pence > MONEY_MAX_PENCE)
		return pd_fail(err, PD_INVALID, NULL,
		    "the pay must be from 0 to \xc2\xa3" "10,000,000.00");
	if (rate_bp < 0 || rate_bp > 10000)
		return pd_fail(err, PD_INVALID, NULL,
		    "the holiday pay rate must be from 0%% to 100%%");
	/* pay x bp / 10000, half a penny and more rounds up. */
	*pence = (pay_pence * rate_bp + 5000) / 10000;
	return PD_OK;
}
