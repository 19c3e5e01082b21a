/* pdfout.h - private to src/report: what every PDF renderer shares about
 * the document: its start and end, its outline and page labels. */
#ifndef PEERDESK_REPORT_PDFOUT_H
#define PEERDESK_REPORT_PDFOUT_H

#include <cairo-pdf.h>
#include <cairo.h>
#include <stdbool.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"

/* A PDF surface of w by h points that writes to out, its title and
 * creator ("peerdesk") set. */
cairo_surface_t *pdfout_start(struct strbuf *out, double w, double h,
    const char *title);

/* Finish a drawing: destroy cr, finish and destroy surface, and say
 * plainly if cairo failed anywhere on the way. */
enum pd_status pdfout_finish(cairo_t *cr, cairo_surface_t *surface,
    struct pd_err *err);

/* An entry in the PDF's outline that opens the named destination dest;
 * returns its id (a parent for entries below it).  parent 0 is the top. */
int pdfout_outline(cairo_surface_t *surface, int parent, const char *title,
    const char *dest);

/* The label a viewer shows for the page being drawn ("3"): the same
 * numbers as the pages' own "Page 3 of 7". */
void pdfout_page_label(cairo_surface_t *surface, size_t page);

#endif
