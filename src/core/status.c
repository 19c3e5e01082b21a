#include "peerdesk/core/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const status_names[] = {
#define PD_STATUS_NAME(id, msg) msg,
	PD_STATUS_LIST(PD_STATUS_NAME)
#undef PD_STATUS_NAME
};

const char *
pd_status_str(enum pd_status s)
{
	if ((int)s < 0 || s >= PD_STATUS_COUNT)
		return "unknown error";
	return status_names[s];
}

void
pd_err_clear(struct pd_err *e)
{
	if (e == NULL)
		return;
	memset(e, 0, sizeof *e);
	e->code = PD_OK;
}

/* Empty *e (not NULL) and fill it: where (file NULL: nowhere), the
 * field and the message. */
static void
status_vfill(struct pd_err *e, enum pd_status code, const char *file,
    int line, int column, const char *field, const char *fmt, va_list ap)
{
	pd_err_clear(e);
	e->code = code;
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	snprintf(e->file, sizeof e->file, "%s", file ? file : "");
	e->line = line;
	e->column = column;
}

enum pd_status
pd_fail(struct pd_err *e, enum pd_status code, const char *field,
    const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return code;
	va_start(ap, fmt);
	status_vfill(e, code, NULL, 0, 0, field, fmt, ap);
	va_end(ap);
	return code;
}

enum pd_status
pd_fail_at(struct pd_err *e, enum pd_status code, const char *file,
    int line, int column, const char *field, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return code;
	va_start(ap, fmt);
	status_vfill(e, code, file, line, column, field, fmt, ap);
	va_end(ap);
	return code;
}

void
pd_err_format(const struct pd_err *e, char *buf, size_t n)
{
	size_t used = 0;
	int w;

	if (n == 0)
		return;
	buf[0] = '\0';
	if (e == NULL)
		return;
#define PUT(...) do { \
		w = snprintf(buf + used, n - used, __VA_ARGS__); \
		if (w < 0) return; \
		used += (size_t)w; \
		if (used >= n) return; \
	} while (0)
	if (e->file[0] != '\0') {
		PUT("%s:", e->file);
		if (e->line > 0)
			PUT("%d:", e->line);
		if (e->line > 0 && e->column > 0)
			PUT("%d:", e->column);
		PUT(" ");
	}
	if (e->field[0] != '\0')
		PUT("%s: ", e->field);
	PUT("%s", e->msg[0] != '\0' ? e->msg : pd_status_str(e->code));
#undef PUT
}
