/* status.h - status codes and the error struct every fallible call fills.
 *
 * Functions that can fail return enum pd_status and take an optional
 * struct pd_err * (NULL allowed), filled only on failure.  Nothing to free.
 */
#ifndef PEERDESK_CORE_STATUS_H
#define PEERDESK_CORE_STATUS_H

#include <stddef.h>

#define PD_STATUS_LIST(X) \
	X(PD_OK,        "ok") \
	X(PD_INVALID,   "invalid value") \
	X(PD_NOT_FOUND, "not found") \
	X(PD_DUPLICATE, "already exists") \
	X(PD_DENIED,    "not allowed") \
	X(PD_CONFLICT,  "changed by someone else") \
	X(PD_BUSY,      "the database is busy") \
	X(PD_DB,        "database error") \
	X(PD_TOO_NEW,   "database is newer than this program") \
	X(PD_CONFIG,    "settings error") \
	X(PD_PARSE,     "could not read the file") \
	X(PD_IO,        "input/output error") \
	X(PD_FULL,      "the disk is full") \
	X(PD_READONLY,  "the database is read-only") \
	X(PD_LIMIT,     "over a limit") \
	X(PD_DAMAGED,   "the database is damaged")

enum pd_status {
#define PD_STATUS_ENUM(id, msg) id,
	PD_STATUS_LIST(PD_STATUS_ENUM)
#undef PD_STATUS_ENUM
	PD_STATUS_COUNT
};

/* Where a problem was found: a file and line (and column), a form field,
 * and a plain-words message for the person at the keyboard. */
struct pd_err {
	enum pd_status code;
	char field[48];     /* form field or CSV column id, "" if none */
	char file[256];     /* file the problem is in, "" if none */
	int line;           /* 1-based, 0 if none */
	int column;         /* 1-based, 0 if none */
	char msg[512];
};

/* Short plain-words name of a status ("not found"). Never NULL. */
const char *pd_status_str(enum pd_status s);

/* Fill *e (if e is not NULL) with code, field (may be NULL) and a printf
 * message; clears file/line/column.  Returns code, so callers can write
 * `return pd_fail(err, PD_INVALID, "name", "a name is needed");`. */
enum pd_status pd_fail(struct pd_err *e, enum pd_status code,
    const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Like pd_fail, and also records file, line and column (0 = unknown). */
enum pd_status pd_fail_at(struct pd_err *e, enum pd_status code,
    const char *file, int line, int column, const char *field,
    const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Reset *e to PD_OK with empty strings. NULL allowed. */
void pd_err_clear(struct pd_err *e);

/* Format e as one line: "file:line:column: field: message" leaving out
 * the parts that are empty.  Writes at most n bytes including the NUL. */
void pd_err_format(const struct pd_err *e, char *buf, size_t n);

#endif
