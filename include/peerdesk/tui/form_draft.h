/* form_draft.h - drafts: what is typed in any form survives a dropped
 * line.
 *
 * A form's text becomes draft content (form_draft_text) and comes back
 * from it (form_draft_apply).  What is done with drafts (keeping them,
 * offering them back) belongs to the application, through the draft
 * hooks of its tui_config (tui.h, struct tui_draft_hooks): every form
 * calls them as it opens, is saved or is let go, and the screen manager
 * before leaving with unsaved forms.
 */
#ifndef PEERDESK_TUI_FORM_DRAFT_H
#define PEERDESK_TUI_FORM_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/screen.h"

/* True when s is a form screen (its enter ran form_enter). */
bool form_is(const struct screen *s);

/* The key a draft of s is kept under: "" when it was pushed without an
 * argument, the id for tui_push_id(), else "fp:" and a checksum of the
 * text the form opened with (the same record opens the same way). */
void form_draft_key(const struct screen *s, char buf[40]);

/* The form's text as draft content: "#title\t<title>" then, for every
 * field with text, "#label:<id>\t<label>" and "<id>\t<text>" lines
 * ("#same:<id>\t<text>" when unchanged since the form opened; tabs,
 * newlines and backslashes escaped).  Returns its checksum. */
unsigned long long form_draft_text(const struct screen *s,
    struct strbuf *out);

/* Fill the fields from draft content (unknown ids are skipped; text
 * that was unchanged only when s was pushed without an argument, a new
 * record) and put the cursor at the end of the last changed one. */
void form_draft_apply(struct screen *s, const char *content);

/* Remember that content with checksum sum is kept (kept = false: none
 * is), and ask about it. */
void form_draft_note(struct screen *s, bool kept, unsigned long long sum);
bool form_draft_kept(const struct screen *s, unsigned long long *sum);

/* Checksum of a string (FNV-1a, 64 bits). */
unsigned long long form_checksum(const char *text);

/* Walk draft content: each call gives the next line's id (or "#title",
 * "#label:<id>") and its unescaped text; false at the end.  *pos starts
 * at 0. */
bool form_draft_next(const char *content, size_t *pos, struct strbuf *id,
    struct strbuf *text);

/* For the form engine: */

/* The form has just been filled from its record: fix its draft key and
 * tell the draft hooks (a kept draft may come back). */
void form_draft_opened(struct screen *s);

/* The form was saved, or let go on purpose: tell the draft hooks. */
void form_draft_done(struct screen *s, bool saved);

#endif
