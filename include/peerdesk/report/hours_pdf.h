/* hours_pdf.h - the weekly hours summary as a PDF, drawn with cairo.
 *
 * A4 portrait (595 x 842 points), the same content as the text report
 * (hours_text.h): who is near or over a limit, one block per PAL (hours
 * by kind, pay, holiday pay, gross, rule, limit, room left, verdict and
 * the clients' delivered against contracted hours), other workers'
 * clients, and the totals; a header with the page number on every page.
 * Text is laid out with Pango in "DejaVu Sans", fontconfig's fallback
 * fonts filling in what it lacks (src/report/pdfpen.h), so names in any
 * script print as typed: Zoë, Siobhán, عائشہ خان, 王秀英, अनुराधा.
 */
#ifndef PEERDESK_REPORT_HOURS_PDF_H
#define PEERDESK_REPORT_HOURS_PDF_H

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/hours.h"

#define HOURS_PDF_WIDTH 595.0	/* A4 in points */
#define HOURS_PDF_HEIGHT 842.0
#define HOURS_PDF_FONT "DejaVu Sans"

/* Append the PDF's bytes to out.  PD_IO when cairo reports an error
 * (its words are in err). */
enum pd_status hours_pdf_render(const struct hours_report *r,
    struct strbuf *out, struct pd_err *err);


#endif
