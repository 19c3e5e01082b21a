/* csv.h - an RFC 4180 reader over text in memory.
 *
 * Fields are separated by commas, records by CRLF or LF.  A field in
 * double quotes may hold commas, line breaks and doubled quotes ("").
 * A UTF-8 byte order mark at the start is skipped.  Text must be valid
 * UTF-8.  Every error names the file, line and column.
 */
#ifndef PEERDESK_CORE_CSV_H
#define PEERDESK_CORE_CSV_H

#include <stddef.h>

#include "peerdesk/core/status.h"

struct csv_reader;

struct csv_record {
	char **field;		/* borrowed: valid until the next csv_next */
	size_t n;
	int line;		/* line where the record starts, 1-based */
};

/* A reader over data[0..len) (not copied: keep it alive); name is used
 * in messages (e.g. the file's path).  Caller frees with csv_free. */
struct csv_reader *csv_open(const char *data, size_t len, const char *name);
void csv_free(struct csv_reader **rp);

/* Read the next record.  PD_OK with *rec filled; PD_NOT_FOUND at the
 * end; PD_PARSE with err (file:line:column) on malformed text. Blank
 * lines are skipped. */
enum pd_status csv_next(struct csv_reader *r, struct csv_record *rec,
    struct pd_err *err);

/* Index of the column called name in a header record, or -1. */
int csv_column(const struct csv_record *header, const char *name);


#endif
