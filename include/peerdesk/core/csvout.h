/* csvout.h - writing CSV the one way peerdesk does (RFC 4180).
 *
 * Fields are quoted when they hold a comma, quote, CR or LF; rows end in
 * CRLF.  A field a spreadsheet would run as a formula (it starts with =,
 * +, -, @, a tab or a CR, and is not simply a number) gets a leading '
 * so it shows as text, unless CSV_RAW.  CSV_EXCEL puts a UTF-8 byte-order
 * mark first, so Excel reads accented names right.
 */
#ifndef PEERDESK_CORE_CSVOUT_H
#define PEERDESK_CORE_CSVOUT_H

#include <stdbool.h>

#include "peerdesk/core/strbuf.h"

enum {
	CSV_RAW = 1,	/* leave formula-like fields as they are */
	CSV_EXCEL = 2	/* start the file with a UTF-8 byte-order mark */
};

/* Start a CSV file in out (the byte-order mark when CSV_EXCEL). */
void csvout_begin(struct strbuf *out, unsigned flags);

/* Append one field (NULL is empty), then a comma unless last, else the
 * CRLF that ends the row. */
void csvout_field(struct strbuf *out, const char *s, unsigned flags, bool last);

/* True when s would be run as a formula by a spreadsheet. */
bool csvout_is_formula(const char *s);

#endif
