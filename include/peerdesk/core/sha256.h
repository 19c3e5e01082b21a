/* sha256.h - SHA-256 (FIPS 180-4), for the audit trail's chain.
 *
 * Pure: no I/O.  Incremental (init, add, finish) or in one call.
 */
#ifndef PEERDESK_CORE_SHA256_H
#define PEERDESK_CORE_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32		/* bytes of a digest */
#define SHA256_HEX_LEN 64	/* characters of a digest in hex */

struct sha256 {
	uint32_t h[8];
	uint64_t bytes;		/* message length so far */
	unsigned char buf[64];
	size_t nbuf;
};

/* Start a new digest. */
void sha256_init(struct sha256 *c);

/* Add n bytes of message (n may be 0, p NULL then). */
void sha256_add(struct sha256 *c, const void *p, size_t n);

/* Finish: the 32-byte digest into out; c must be started again to be
 * reused. */
void sha256_finish(struct sha256 *c, unsigned char out[SHA256_LEN]);

/* The digest of n bytes at p as 64 lower-case hex digits and a NUL. */
void sha256_hex(const void *p, size_t n, char out[SHA256_HEX_LEN + 1]);

/* Finish c and write its digest as lower-case hex into out. */
void sha256_finish_hex(struct sha256 *c, char out[SHA256_HEX_LEN + 1]);

#endif
