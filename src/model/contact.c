/* contact.c - checks on a client's date of birth, email and phone. */
#include "peerdesk/model/contact.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

enum pd_status
contact_dob_check(pd_date dob, pd_date today, bool *ask, struct pd_err *err)
{
	char when[DATE_LONG_LEN];
	int age = date_age_on(dob, today);

	*ask = false;
	if (dob > today)
		return pd_fail(err, PD_INVALID, "date_of_birth", "a date of "
		    "birth cannot be in the future (%s)",
		    date_format_long(dob, when));
	if (age > CONTACT_AGE_REFUSED)
		return pd_fail(err, PD_INVALID, "date_of_birth", "%s would "
		    "make them %d: please check the year",
		    date_format_long(dob, when), age);
	*ask = age > CONTACT_AGE_ASK;
	return PD_OK;
}

bool
contact_email_ok(const char *s)
{
	const char *at, *dot, *p;

	if (s == NULL)
		return true;
	while (*s == ' ')
		s++;
	if (*s == '\0')
		return true;
	at = strchr(s, '@');
	if (at == NULL || at == s || strchr(at + 1, '@') != NULL)
		return false;
	for (p = s; *p != '\0'; p++)
		if (isspace((unsigned char)*p) && p[strspn(p, " ")] != '\0')
			return false;
	dot = strrchr(at, '.');
	return dot != NULL && dot > at + 1 && dot[1] != '\0' &&
	    dot[1] != ' ' && strstr(at, "..") == NULL;
}

/* One number, n bytes at s. */
static int
contact_one_phone(const char *s, size_t n)
{
	char d[24];
	size_t i, k = 0;
	int plus = 0, seen = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isdigit(c)) {
			if (k + 1 >= sizeof d)
				return 0;
			d[k++] = (char)c;
			seen = 1;
		} else if (c == '+' && !seen && !plus) {
			plus = 1;
		} else if (c != ' ' && c != '-' && c != '(' && c != ')' &&
		    c != '.' && c != '\t') {
			return 0;
		}
	}
	d[k] = '\0';
	if (k == 0)
		return plus ? 0 : 1;	/* only spaces between parts */
	if (plus && strncmp(d, "44", 2) == 0) {
		/* +44 7700 900123, also written +44 (0)7700 900123 */
		const char *nsn = d + 2;
		size_t m = k - 2;

		if (m > 0 && nsn[0] == '0') {
			nsn++;
			m--;
		}
		return (m == 9 || m == 10) && nsn[0] != '0';
	}
	if (plus)
		return k >= 8 && k <= 15;
	return d[0] == '0' && d[1] != '0' && (k == 10 || k == 11);
}

bool
contact_phone_ok(const char *s)
{
	const char *p;

	if (s == NULL)
		return true;
	p = s;
	while (*p != '\0') {
		size_t n = strcspn(p, "/,;");
		const char *or_ = NULL, *q;

		/* "or" between two numbers */
		for (q = p; q + 3 < p + n; q++)
			if (q[0] == ' ' && (q[1] == 'o' || q[1] == 'O') &&
			    (q[2] == 'r' || q[2] == 'R') && q[3] == ' ') {
				or_ = q;
				break;
			}
		if (or_ != NULL)
			n = (size_t)(or_ - p);
		if (!contact_one_phone(p, n))
			return false;
		p += n;
		if (or_ != NULL)
			p += 3;
		else if (*p != '\0')
			p++;
	}
	return true;
}
