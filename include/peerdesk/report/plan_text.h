/* plan_text.h - the client's copy of their Wellness and Safety Plan as
 * plain text: warm words, the sections in order, goals with their steps,
 * how they are going and a small chart, and the notes.
 *
 * The same content as the PDF (plan_pdf.h); for the screen, the command
 * line, and printers that take text.
 */
#ifndef PEERDESK_REPORT_PLAN_TEXT_H
#define PEERDESK_REPORT_PLAN_TEXT_H

#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/plandoc.h"

/* What a copy is made from. */
struct plan_copy {
	const struct plan_doc *doc;
	const char *org_name;		/* "Real Lives"; NULL or "" = none */
	const char *printed_on;		/* "YYYY-MM-DD" */
};

/* The words at the top of every copy, for the client. */
#define PLAN_COPY_WELCOME \
	"This is your plan, in your own words. It belongs to you: you can " \
	"change it whenever you like, and you decide who sees it. Bring it " \
	"along to your reviews."

/* Append who it was written with, its version and when it was printed,
 * each sentence followed by sep but the last ("Written with Real Lives.
 * Version 3, last changed on Wed 25 Nov 2026.  Printed on ..."). */
void plan_text_about(const struct plan_copy *c, const char *sep,
    struct strbuf *out);

/* Append the copy to out, wrapped at width columns (at least 40). */
void plan_text_render(const struct plan_copy *c, int width,
    struct strbuf *out);

#endif
