/* pdftext.c - text made safe for a PDF, and the fonts the pens opened
 * let go again (include/peerdesk/report/pdftext.h). */
#include "peerdesk/report/pdftext.h"

#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"

#define REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD */

char *
pdftext_clean(const char *s, unsigned flags)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = s ? strlen(s) : 0, i = 0;
	const char *nl = (flags & PDFTEXT_NEWLINES) ? "\n" : " ";

	strbuf_grow(&sb, len + 1);
	while (i < len) {
		int32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);

		if (cp == '\r' && i + 1 < len && s[i + 1] == '\n') {
			i++;		/* CR LF: the LF is the break */
			continue;
		}
		if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029)
			strbuf_adds(&sb, nl);
		else if (cp == '\t')
			strbuf_addc(&sb, ' ');
		else if (cp == UTF8_INVALID || cp < 0x20 || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0))
			strbuf_adds(&sb, REPLACEMENT);
		else
			strbuf_add(&sb, s + i, k);
		i += k;
	}
	return strbuf_detach(&sb);
}

static bool pdftext_fonts_used;

void
pdftext_release_fonts(void)
{
	if (!pdftext_fonts_used)
		return;
	pdftext_fonts_used = false;
	/* Pango's default font map holds every font it opened (and,
	 * through them, fontconfig patterns and HarfBuzz faces) for the
	 * life of the program; cairo keeps its own font caches. */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
}

void
pdftext_fonts_opened(void)
{
	static bool registered;

	if (pdftext_fonts_used)
		return;
	pdftext_fonts_used = true;
	if (!registered && atexit(pdftext_release_fonts) == 0)
		registered = true;
}
