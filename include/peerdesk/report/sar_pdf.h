/* sar_pdf.h - a subject access bundle as a readable PDF (cairo).
 *
 * A4 portrait: "What we hold about you" and a short explanation, then
 * one plain heading per section and per record ("Your plan, version 3,
 * saved by Dee Walsh on ..."), each field as label and wrapped text.
 * Every field of the bundle is printed in full (no cutting); a header
 * with the client's name and "page N of M" on every page.
 */
#ifndef PEERDESK_REPORT_SAR_PDF_H
#define PEERDESK_REPORT_SAR_PDF_H

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/sar.h"

/* Append the PDF's bytes to out.  PD_IO when cairo reports an error. */
enum pd_status sar_pdf_render(const struct sar_bundle *b,
    struct strbuf *out, struct pd_err *err);


#endif
