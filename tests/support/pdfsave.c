/* pdfsave.c - see pdfsave.h. */
#include "support/pdfsave.h"

#include "peerdesk/core/strbuf.h"
#include "peerdesk/report/hours_pdf.h"
#include "peerdesk/report/plan_pdf.h"
#include "peerdesk/report/sar_pdf.h"
#include "support/testlib.h"

/* Write what render made (when it made it) to path. */
static enum pd_status
pdfsave_finish(enum pd_status s, struct strbuf *sb, const char *path,
    struct pd_err *err)
{
	if (s == PD_OK)
		s = test_save_file(path, sb->buf, sb->len, err);
	strbuf_fini(sb);
	return s;
}

enum pd_status
plan_pdf_write(const struct plan_copy *c, const char *path,
    struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;

	return pdfsave_finish(plan_pdf_render(c, &sb, err), &sb, path, err);
}

enum pd_status
hours_pdf_write(const struct hours_report *r, const char *path,
    struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;

	return pdfsave_finish(hours_pdf_render(r, &sb, err), &sb, path, err);
}

enum pd_status
sar_pdf_write(const struct sar_bundle *b, const char *path,
    struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;

	return pdfsave_finish(sar_pdf_render(b, &sb, err), &sb, path, err);
}
