/* pdfout.h - private to src/report: the start and the end every PDF
 * renderer shares. */
#ifndef PEERDESK_REPORT_PDFOUT_H
#define PEERDESK_REPORT_PDFOUT_H

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


#endif
