/* pdfout.c - starting and finishing a cairo PDF, for every renderer. */
#include "pdfout.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>

#include "pdfwrap.h"

static cairo_status_t
pdfout_write(void *closure, const unsigned char *data, unsigned int len)
{
	strbuf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
pdfout_start(struct strbuf *out, double w, double h, const char *title)
{
	cairo_surface_t *surface;

	surface = cairo_pdf_surface_create_for_stream(pdfout_write, out, w, h);
	pdfwrap_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	pdfwrap_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "peerdesk");
	return surface;
}

enum pd_status
pdfout_finish(cairo_t *cr, cairo_surface_t *surface, struct pd_err *err)
{
	cairo_status_t st = cairo_status(cr);

	cairo_destroy(cr);
	cairo_surface_finish(surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (st != CAIRO_STATUS_SUCCESS)
		return pd_fail(err, PD_IO, NULL, "could not draw the PDF: %s",
		    cairo_status_to_string(st));
	return PD_OK;
}
