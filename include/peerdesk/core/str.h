/* str.h - plain C string helpers (a char *, not a struct strbuf). */
#ifndef PEERDESK_CORE_STR_H
#define PEERDESK_CORE_STR_H

#include <stdbool.h>

/* True when s is NULL or holds only spaces, tabs, CRs and newlines. */
bool str_blank(const char *s);

#endif
