/* utf8.h - UTF-8 validation, decoding, display width, truncation, escaping.
 *
 * Strings are UTF-8 in memory.  Anything shown on a terminal goes through
 * utf8_escape() or utf8_truncate(): control characters and invalid bytes
 * come out as visible escapes (\x07, \xff, \u0085), never raw.
 *
 * Widths use wcwidth(), so LC_CTYPE must be a UTF-8 locale (the TUI and
 * the CLI call setlocale first; tests set C.UTF-8).  The width of
 * something shown escaped is the length of its escape.
 */
#ifndef PEERDESK_CORE_UTF8_H
#define PEERDESK_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "peerdesk/core/strbuf.h"

/* Returned by utf8_decode() for a byte that does not start a valid
 * sequence (overlong, surrogate, above U+10FFFF, truncated, stray). */
#define UTF8_INVALID (-1)

/* The ellipsis utf8_truncate() appends; one column wide. */
#define UTF8_ELLIPSIS "\xe2\x80\xa6"

/* True when the n bytes at s are well-formed UTF-8 (no overlongs or
 * surrogates). */
bool utf8_valid(const char *s, size_t n);

/* Decode one code point from the n (> 0) bytes at s into *cp; returns the
 * bytes used (1-4).  An invalid sequence uses 1 byte and sets *cp to
 * UTF8_INVALID. */
size_t utf8_decode(const char *s, size_t n, int32_t *cp);

/* True for a continuation byte (10xxxxxx): not where a character starts. */
bool utf8_is_cont(unsigned char c);

/* The bytes (1-4) of the character whose first byte is c, in text
 * already known to be UTF-8 (as a lead byte announces them). */
size_t utf8_lead_len(unsigned char c);

/* Encode cp (a Unicode scalar value) into out; returns 1-4 bytes, or 0 if
 * cp is not encodable (surrogate, negative, above U+10FFFF). */
size_t utf8_encode(int32_t cp, char out[4]);

/* True when cp must be shown escaped: C0/C1 controls, DEL, and code
 * points wcwidth() says are not printable.  UTF8_INVALID too. */
bool utf8_cp_needs_escape(int32_t cp);

/* Write the escape for cp into buf (NUL-terminated) and return its
 * length: "\x07" below U+0100, "\u2028" above; for UTF8_INVALID, byte is
 * the offending byte ("\xff").  buf needs 12 bytes. */
size_t utf8_cp_escape(int32_t cp, unsigned char byte, char buf[12]);

/* Display columns of cp: wcwidth(), or the escape's length when it
 * needs escaping.  Combining marks are 0, CJK and most emoji 2. */
int utf8_cp_width(int32_t cp);

/* Display columns of the first n bytes of s, as utf8_escape() would show
 * them. */
size_t utf8_width_n(const char *s, size_t n);

/* Display columns of the NUL-terminated s (NULL counts as ""). */
size_t utf8_width(const char *s);

/* Append s to out with control characters and invalid bytes escaped.
 * When keep_newlines is true, '\n' is copied as is (for multi-line text);
 * otherwise it is escaped too.  NULL s appends nothing. */
void utf8_escape(const char *s, bool keep_newlines, struct strbuf *out);

/* Append to out the escaped s cut to at most width columns.  When
 * something had to be cut, the result ends in UTF8_ELLIPSIS, which is
 * counted in width.  Never splits a character or an escape. */
void utf8_truncate(const char *s, size_t width, struct strbuf *out);

/* Word-wrap helper: the byte length of the first line of s that fits in
 * width columns, breaking after a space when possible, at '\n', or (for
 * a long word) mid-word; *next receives the offset where the following
 * line starts (past the space or newline).  Returns 0 with *next = 0 at
 * the end of s.  width 0 is treated as 1. */
size_t utf8_wrap(const char *s, size_t width, size_t *next);

/* The first cap - 1 characters of s lower-cased (towlower(), in the
 * current locale) into out[cap] as a NUL-terminated wide string, for
 * matching without regard to case; a byte that is not UTF-8 becomes
 * '?'.  Returns the number of characters written.  cap must be > 0. */
size_t utf8_lower_wide(const char *s, wchar_t *out, size_t cap);

#endif
