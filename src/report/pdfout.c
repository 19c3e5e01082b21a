/* pdfout.c - finishing a cairo PDF and saving it, for every renderer. */
#include "pdfout.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

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
