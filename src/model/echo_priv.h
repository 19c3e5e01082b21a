/* echo_priv.h - private to src/model: read the digits a person typed,
 * and quote what they typed back to them in an error message, clipped
 * so a long paste stays readable. */
#ifndef PEERDESK_MODEL_ECHO_PRIV_H
#define PEERDESK_MODEL_ECHO_PRIV_H

#include <stddef.h>
#include <string.h>

#include "peerdesk/core/utf8.h"

#define ECHO_MAX 32
#define ECHO_BUF (ECHO_MAX + 4)

/* Copy at most ECHO_MAX bytes of s into buf, never cutting a UTF-8
 * character, and add "..." when something was cut.  Returns buf. */
static inline const char *
echo_clip(const char *s, char buf[ECHO_BUF])
{
	size_t n = strlen(s);

	if (n <= ECHO_MAX) {
		memcpy(buf, s, n + 1);
		return buf;
	}
	n = ECHO_MAX;
	while (n > 0 && utf8_is_cont((unsigned char)s[n]))
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "...", 4);
	return buf;
}

/* The n ASCII digits at s as a number in *out: 0, or -1 when one is
 * not a digit. */
static inline int
echo_digits(const char *s, int n, int *out)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

#endif
