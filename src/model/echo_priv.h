/* echo_priv.h - private to src/model: quote what a person typed back to
 * them in an error message, clipped so a long paste stays readable. */
#ifndef PEERDESK_MODEL_ECHO_PRIV_H
#define PEERDESK_MODEL_ECHO_PRIV_H

#include <stddef.h>
#include <string.h>

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
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "...", 4);
	return buf;
}

#endif
