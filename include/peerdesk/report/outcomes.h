/* outcomes.h - the outcomes report as text, CSV and PDF.  Text and CSV
 * are made from one list of items, so they say the same. */
#ifndef PEERDESK_REPORT_OUTCOMES_H
#define PEERDESK_REPORT_OUTCOMES_H

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/outcomes.h"

/* The CSV's header line. */
#define OUTCOMES_CSV_HEADER "section,item,value,out_of,detail"

/* Append o as plain text (80 columns). */
void outcomes_text(const struct outcomes *o, struct strbuf *out);

/* Append o as CSV: one row per figure (section, item, value, out of,
 * detail), the same figures as the text. */
void outcomes_csv(const struct outcomes *o, unsigned flags,
    struct strbuf *out);

/* Append o as a PDF with charts (goal movement, hours against contract,
 * attendance). */
enum pd_status outcomes_pdf(const struct outcomes *o, struct strbuf *out,
    struct pd_err *err);

#endif
