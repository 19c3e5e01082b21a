/* pdfout.c - what every PDF renderer shares about the document: its
 * start and end, its information, outline and page labels (pdfout.h). */
#include "pdfout.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/report/pdftext.h"

static cairo_status_t
pdfout_write(void *closure, const unsigned char *data, unsigned int len)
{
	strbuf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* Set a PDF's title, author, subject, keywords or creator to value made
 * safe with pdftext_clean() (line breaks as spaces) and cut to
 * PDFTEXT_META_MAX characters. */
static void
pdfout_metadata(cairo_surface_t *surface, cairo_pdf_metadata_t key,
    const char *value)
{
	char *clean = pdftext_clean(value, 0);
	size_t i = 0, chars = 0;

	/* Cut a long value after PDFTEXT_META_MAX characters. */
	while (clean[i] != '\0' && chars < PDFTEXT_META_MAX) {
		i++;
		while (utf8_is_cont((unsigned char)clean[i]))
			i++;
		chars++;
	}
	if (clean[i] != '\0') {
		clean = xrealloc(clean, i + 4);
		memcpy(clean + i, "...", 4);
	}
	cairo_pdf_surface_set_metadata(surface, key, clean);
	free(clean);
}

cairo_surface_t *
pdfout_start(struct strbuf *out, double w, double h, const char *title)
{
	cairo_surface_t *surface;

	surface = cairo_pdf_surface_create_for_stream(pdfout_write, out, w, h);
	pdfout_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	pdfout_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "peerdesk");
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

int
pdfout_outline(cairo_surface_t *surface, int parent, const char *title,
    const char *dest)
{
	char *clean = pdftext_clean(title, 0), *a = xasprintf("dest='%s'",
	    dest);
	int id = cairo_pdf_surface_add_outline(surface, parent, clean, a, 0);

	free(a);
	free(clean);
	return id;
}

void
pdfout_page_label(cairo_surface_t *surface, size_t page)
{
	char label[24];

	snprintf(label, sizeof label, "%zu", page);
	cairo_pdf_surface_set_page_label(surface, label);
}
