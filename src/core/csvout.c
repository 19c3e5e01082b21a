/* csvout.c - writing CSV (csvout.h). */
#include "peerdesk/core/csvout.h"

#include <string.h>

void
csvout_begin(struct strbuf *out, unsigned flags)
{
	if (flags & CSV_EXCEL)
		strbuf_adds(out, "\xef\xbb\xbf");
}

/* A plain number (-12, 3.50): safe as it is, even with its minus. */
static bool
csvout_is_number(const char *s)
{
	size_t i = 0, digits = 0;

	if (s[i] == '-' || s[i] == '+')
		i++;
	while (s[i] >= '0' && s[i] <= '9')
		i++, digits++;
	if (s[i] == '.') {
		i++;
		while (s[i] >= '0' && s[i] <= '9')
			i++, digits++;
	}
	return digits > 0 && s[i] == '\0';
}

bool
csvout_is_formula(const char *s)
{
	if (s == NULL || strchr("=+-@\t\r", s[0]) == NULL || s[0] == '\0')
		return false;
	return !csvout_is_number(s);
}

void
csvout_field(struct strbuf *out, const char *s, unsigned flags, bool last)
{
	const char *p;
	bool guard;

	if (s == NULL)
		s = "";
	guard = !(flags & CSV_RAW) && csvout_is_formula(s);
	if (strpbrk(s, ",\"\r\n") == NULL) {
		if (guard)
			strbuf_addc(out, '\'');
		strbuf_adds(out, s);
	} else {
		strbuf_addc(out, '"');
		if (guard)
			strbuf_addc(out, '\'');
		for (p = s; *p != '\0'; p++) {
			if (*p == '"')
				strbuf_addc(out, '"');
			strbuf_addc(out, *p);
		}
		strbuf_addc(out, '"');
	}
	strbuf_adds(out, last ? "\r\n" : ",");
}
