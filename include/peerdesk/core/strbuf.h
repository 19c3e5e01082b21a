/* strbuf.h - a growable, always NUL-terminated byte string.
 *
 * struct strbuf sb = STRBUF_INIT; strbuf_addf(&sb, "%d", 1); ...
 * strbuf_fini(&sb) frees it; strbuf_detach() hands the bytes to the caller.
 */
#ifndef PEERDESK_CORE_STRBUF_H
#define PEERDESK_CORE_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf {
	char *buf;	/* never NULL after any call; "" when empty */
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_init(struct strbuf *sb);
void strbuf_fini(struct strbuf *sb);
/* Make room for at least n more bytes. */
void strbuf_grow(struct strbuf *sb, size_t n);
void strbuf_add(struct strbuf *sb, const void *data, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Empty the string, keeping the memory. */
void strbuf_reset(struct strbuf *sb);
/* Shorten to n bytes (n <= len). */
void strbuf_truncate(struct strbuf *sb, size_t n);
/* Return the string (caller owns, never NULL) and reset sb to empty. */
char *strbuf_detach(struct strbuf *sb);
/* The contents, "" if nothing was ever added. Borrowed. */
const char *strbuf_str(const struct strbuf *sb);

#endif
