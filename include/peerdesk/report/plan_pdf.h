/* plan_pdf.h - the client's copy of their Wellness and Safety Plan as a
 * PDF, drawn with cairo: A4 portrait with a wide left margin for a ring
 * binder, the title and the client's name, a few warm words, the
 * sections in order (empty ones left with lines to write on by hand, the
 * crisis plan marked with a bar down its side), goals with tick boxes for
 * their steps and a small chart of their scores, the dated notes, and on
 * every page the client's name and "page N of M".  Text is laid out
 * with Pango in DejaVu Sans and fontconfig's fallback fonts, so a name in
 * any script prints as typed (Urdu and Arabic from the right, a
 * paragraph in them against the right margin); bytes that are not
 * UTF-8 print as U+FFFD.  Headings are tagged, named and in the PDF's
 * outline.
 */
#ifndef PEERDESK_REPORT_PLAN_PDF_H
#define PEERDESK_REPORT_PLAN_PDF_H

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/report/plan_text.h"

#define PLAN_PDF_WIDTH 595.0	/* A4 in points */
#define PLAN_PDF_HEIGHT 842.0
#define PLAN_PDF_FONT "DejaVu Sans"

/* Append the PDF's bytes to out.  PD_IO when cairo reports an error. */
enum pd_status plan_pdf_render(const struct plan_copy *c, struct strbuf *out,
    struct pd_err *err);


#endif
