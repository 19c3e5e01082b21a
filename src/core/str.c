/* str.c - plain C string helpers (include/peerdesk/core/str.h). */
#include "peerdesk/core/str.h"

#include <string.h>

bool
str_blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}
