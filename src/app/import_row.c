/* import_row.c - what every kind of CSV import reads a row with: a
 * column's value, a date, whole minutes, a problem or a warning at the
 * row's line (import_row_priv.h). */
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "import_row_priv.h"

void
imp_when(const char *at, char buf[32])
{
	snprintf(buf, 32, "%.10s at %.5s UTC", at, strlen(at) > 11 ? at + 11 :
	    "?");
}

char *
imp_val(struct imp *im, int c)
{
	int i = im->idx[c];
	char *v, *e;

	static char none[1];

	if (i < 0 || (size_t)i >= im->rec->n)
		return none;	/* "", never written */
	v = im->rec->field[i];
	while (*v == ' ' || *v == '\t')
		v++;
	e = v + strlen(v);
	while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return v;
}

int
imp_col(const struct imp *im, const char *name)
{
	int c;

	for (c = 0; im->cols[c].name != NULL; c++)
		if (strcmp(im->cols[c].name, name) == 0)
			return c;
	return -1;
}

enum pd_status
imp_bad(struct imp *im, const char *field, struct pd_err *err,
    const char *fmt, ...)
{
	va_list ap;
	char msg[400];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return pd_fail_at(err, PD_INVALID, im->name, im->rec->line, 0, field,
	    "%s", msg);
}

void
imp_warn(struct imp *im, const char *field, const char *fmt, ...)
{
	va_list ap;
	char msg[400], line[600];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(line, sizeof line, "%s:%d: %s%s%s", im->name, im->rec->line,
	    field, field[0] ? ": " : "", msg);
	im->res->warnings++;
	if (im->warn != NULL)
		im->warn(im->warn_arg, line);
}

enum pd_status
imp_date(struct imp *im, const char *field, const char *v, bool required,
    pd_date *out, struct pd_err *err)
{
	struct pd_err e;

	if (v[0] == '\0') {
		if (required)
			return imp_bad(im, field, err, "a date is needed, "
			    "written like " DATE_SHAPES);
		*out = 0;
		return PD_NOT_FOUND;
	}
	if (date_parse_typed(v, today_get(), out, &e) != PD_OK)
		return imp_bad(im, field, err, "%s", e.msg);
	return PD_OK;
}

enum pd_status
imp_minutes(struct imp *im, const char *field, const char *v, bool required,
    int max, int *out, struct pd_err *err)
{
	char *end;
	long n;

	if (v[0] == '\0') {
		*out = -1;
		return required ? imp_bad(im, field, err,
		    "a number of minutes is needed") : PD_OK;
	}
	n = strtol(v, &end, 10);
	if (!isdigit((unsigned char)v[0]) || *end != '\0')
		return imp_bad(im, field, err, "'%s' is not a whole number of "
		    "minutes", v);
	if (n < 1 || n > max)
		return imp_bad(im, field, err, "%ld minutes is out of range "
		    "(1 to %d)", n, max);
	*out = (int)n;
	return PD_OK;
}
