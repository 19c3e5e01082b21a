/* outcomes_pdf.c - the outcomes report as a PDF with charts. */
#include "peerdesk/report/outcomes.h"

enum pd_status
outcomes_pdf(const struct outcomes *o, struct strbuf *out,
    struct pd_err *err)
{
	(void)o;
	(void)out;
	return pd_fail(err, PD_INVALID, "format", "the outcomes report is "
	    "not yet made as a PDF; use text or csv");
}
