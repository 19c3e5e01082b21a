#include "peerdesk/core/csv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

struct csv_reader {
	const char *p, *end;
	char *name;
	int line;		/* current line, 1-based */
	const char *line_start;
	/* The current record: every field in one buffer, each ended by a
	 * NUL, so a record of many fields costs no allocation per field. */
	struct strbuf rec;
	size_t *offs;		/* where each field starts in rec */
	char **fields;
	size_t cap;		/* room in offs and fields */
};

struct csv_reader *
csv_open(const char *data, size_t len, const char *name)
{
	struct csv_reader *r = xcalloc(1, sizeof *r);

	r->p = data;
	r->end = data + len;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		r->p += 3;
	r->name = xstrdup(name ? name : "input");
	r->line = 1;
	r->line_start = r->p;
	return r;
}

void
csv_free(struct csv_reader **rp)
{
	struct csv_reader *r = *rp;

	if (r == NULL)
		return;
	strbuf_fini(&r->rec);
	free(r->offs);
	free(r->fields);
	free(r->name);
	free(r);
	*rp = NULL;
}

static int
csv_col(const struct csv_reader *r, const char *at)
{
	return (int)(at - r->line_start) + 1;
}

/* Length of the valid UTF-8 sequence at p, or 0 if invalid. */
static size_t
csv_utf8_len(const unsigned char *p, const unsigned char *end)
{
	int32_t cp;
	size_t n;

	if (p[0] == 0)
		return 0;	/* a NUL byte is never text */
	n = utf8_decode((const char *)p, (size_t)(end - p), &cp);
	return cp == UTF8_INVALID ? 0 : n;
}

/* Start field i of the record in r->rec; returns the buffer. */
static struct strbuf *
csv_field_buf(struct csv_reader *r, size_t i)
{
	if (i >= r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->offs = xreallocarray(r->offs, r->cap, sizeof *r->offs);
		r->fields = xreallocarray(r->fields, r->cap,
		    sizeof *r->fields);
	}
	if (i == 0)
		strbuf_reset(&r->rec);
	else
		strbuf_addc(&r->rec, '\0');	/* ends field i - 1 */
	r->offs[i] = r->rec.len;
	return &r->rec;
}

static void
csv_newline(struct csv_reader *r, const char *after)
{
	r->line++;
	r->line_start = after;
}

/* True at a CR LF line end. */
static bool
csv_at_crlf(const struct csv_reader *r)
{
	return *r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n';
}

/* True where an unquoted field ends: a comma, a line end, the end. */
static bool
csv_at_field_end(const struct csv_reader *r)
{
	return r->p >= r->end || *r->p == ',' || *r->p == '\n' ||
	    csv_at_crlf(r);
}

/* Step over blank lines; false at the end of the text. */
static bool
csv_skip_blank_lines(struct csv_reader *r)
{
	for (;;) {
		if (r->p >= r->end)
			return false;
		if (*r->p == '\n') {
			r->p++;
			csv_newline(r, r->p);
		} else if (csv_at_crlf(r)) {
			r->p += 2;
			csv_newline(r, r->p);
		} else
			return true;
	}
}

/* The bytes of the character at r->p into *n, or an error when it is
 * not UTF-8 text. */
static enum pd_status
csv_char(const struct csv_reader *r, size_t *n, struct pd_err *err)
{
	*n = csv_utf8_len((const unsigned char *)r->p,
	    (const unsigned char *)r->end);
	if (*n == 0)
		return pd_fail_at(err, PD_PARSE, r->name, r->line,
		    csv_col(r, r->p), NULL, "this is not valid UTF-8 text; "
		    "save the file as UTF-8 and try again");
	return PD_OK;
}

/* A field in double quotes, r->p at the opening quote. */
static enum pd_status
csv_quoted(struct csv_reader *r, struct strbuf *sb, struct pd_err *err)
{
	int open_line = r->line, open_col = csv_col(r, r->p);
	size_t n;

	r->p++;
	for (;;) {
		if (r->p >= r->end)
			return pd_fail_at(err, PD_PARSE, r->name, open_line,
			    open_col, NULL, "a quoted field is never closed "
			    "(a \" is missing)");
		if (*r->p == '"') {
			if (r->p + 1 < r->end && r->p[1] == '"') {
				strbuf_addc(sb, '"');
				r->p += 2;
				continue;
			}
			r->p++;
			break;
		}
		if (*r->p == '\n' || csv_at_crlf(r)) {
			strbuf_addc(sb, '\n');
			r->p += *r->p == '\r' ? 2 : 1;
			csv_newline(r, r->p);
			continue;
		}
		if (csv_char(r, &n, err) != PD_OK)
			return PD_PARSE;
		strbuf_add(sb, r->p, n);
		r->p += n;
	}
	if (r->p < r->end && *r->p != ',' && *r->p != '\n' && !csv_at_crlf(r))
		return pd_fail_at(err, PD_PARSE, r->name, r->line,
		    csv_col(r, r->p), NULL,
		    "unexpected text after a closing quote");
	return PD_OK;
}

/* A field not in quotes, copied once, when its end is found. */
static enum pd_status
csv_plain(struct csv_reader *r, struct strbuf *sb, struct pd_err *err)
{
	const char *run = r->p;
	size_t n;

	while (!csv_at_field_end(r)) {
		if (*r->p == '"')
			return pd_fail_at(err, PD_PARSE, r->name, r->line,
			    csv_col(r, r->p), NULL, "a \" inside a field that "
			    "is not in quotes; put the whole field in double "
			    "quotes and double the \"");
		if (csv_char(r, &n, err) != PD_OK)
			return PD_PARSE;
		r->p += n;
	}
	strbuf_add(sb, run, (size_t)(r->p - run));
	return PD_OK;
}

enum pd_status
csv_next(struct csv_reader *r, struct csv_record *rec, struct pd_err *err)
{
	size_t nf = 0;
	struct strbuf *sb;
	enum pd_status st;

	if (!csv_skip_blank_lines(r))
		return PD_NOT_FOUND;
	rec->line = r->line;
	for (;;) {		/* one field per iteration */
		sb = csv_field_buf(r, nf);
		if (r->p < r->end && *r->p == '"')
			st = csv_quoted(r, sb, err);
		else
			st = csv_plain(r, sb, err);
		if (st != PD_OK)
			return st;
		nf++;
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		/* end of record */
		if (r->p < r->end) {
			r->p += *r->p == '\r' ? 2 : 1;
			csv_newline(r, r->p);
		}
		break;
	}
	strbuf_addc(&r->rec, '\0');	/* ends the last field */
	for (size_t i = 0; i < nf; i++)
		r->fields[i] = r->rec.buf + r->offs[i];
	rec->field = r->fields;
	rec->n = nf;
	return PD_OK;
}

int
csv_column(const struct csv_record *header, const char *name)
{
	size_t i;

	for (i = 0; i < header->n; i++)
		if (strcmp(header->field[i], name) == 0)
			return (int)i;
	return -1;
}

