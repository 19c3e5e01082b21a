/* pdftext.h - text made safe for a PDF: what every PDF renderer in
 * src/report draws or writes into a PDF's title, author, subject or
 * keywords goes through pdftext_clean() first.
 *
 * A PDF reader (pdfinfo, pdftotext, a viewer's "properties") prints
 * these strings as they are: an ESC byte in a client's name would reach
 * the terminal of whoever looks at the file.  So no control character
 * (C0, DEL, C1) and no invalid UTF-8 byte is ever passed on.
 */
#ifndef PEERDESK_REPORT_PDFTEXT_H
#define PEERDESK_REPORT_PDFTEXT_H

/* Keep line breaks as '\n' (a CR LF or a lone CR becomes '\n').
 * Without it every line break becomes a space. */
#define PDFTEXT_NEWLINES 1u

/* The longest title, author, subject or keywords line written into a
 * PDF's document information, in characters ("..." ends a longer one). */
#define PDFTEXT_META_MAX 200

/* A new copy of s (NULL counts as "") that is valid UTF-8 without
 * control characters: a tab and (without PDFTEXT_NEWLINES) a line break
 * become a space; every other C0 control, DEL, C1 control (U+0080 to
 * U+009F) and every byte that is not valid UTF-8 (stray, overlong,
 * surrogate, past U+10FFFF) becomes U+FFFD, the replacement character;
 * U+2028 and U+2029 (line and paragraph separators) are line breaks.
 * Linear in the length of s.  The caller frees it. */
char *pdftext_clean(const char *s, unsigned flags);

/* Let go of the fonts Pango and cairo keep once a PDF has been drawn
 * (their font maps and caches, which would otherwise last until the
 * program ends and show up in a leak checker).  Called by itself when
 * the program exits after drawing a PDF; harmless when none was drawn,
 * and a later PDF opens the fonts again. */
void pdftext_release_fonts(void);

/* Said by a pen (src/report/pdfpen.c) when it opens fonts: from then on
 * pdftext_release_fonts() has something to let go, and runs at exit. */
void pdftext_fonts_opened(void);

#endif
