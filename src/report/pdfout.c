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

enum pd_status
pdfout_save(const struct strbuf *pdf, const char *path, bool keep_old,
    struct pd_err *err)
{
	enum pd_status s = PD_OK;
	FILE *f = fopen(path, keep_old ? "wbx" : "wb");
	int bad;

	if (f == NULL) {
		if (keep_old && errno == EEXIST)
			return pd_fail(err, PD_DUPLICATE, NULL, "%s is already "
			    "there; peerdesk never overwrites it", path);
		return pd_fail(err, PD_IO, NULL, "cannot write %s: %s", path,
		    strerror(errno));
	}
	bad = fwrite(pdf->buf, 1, pdf->len, f) != pdf->len;
	if (fclose(f) != 0)
		bad = 1;
	if (bad) {
		s = pd_fail(err, errno == ENOSPC ? PD_FULL : PD_IO, NULL,
		    "could not write all of %s: %s", path, strerror(errno));
		if (keep_old)
			remove(path);
	}
	return s;
}
