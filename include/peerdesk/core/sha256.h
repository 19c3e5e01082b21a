/* sha256.h - SHA-256 (FIPS 180-4) of bytes in memory, as 64 lower-case
 * hex digits: how an imported file is recognised when it comes again. */
#ifndef PEERDESK_CORE_SHA256_H
#define PEERDESK_CORE_SHA256_H

#include <stddef.h>

/* The SHA-256 of the n bytes at data into hex (65 bytes with its NUL). */
void sha256_hex(const void *data, size_t n, char hex[65]);

#endif
