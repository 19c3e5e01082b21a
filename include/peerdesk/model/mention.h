/* mention.h - where a piece of free text names a client: the rule erase,
 * retention and the subject access copy share, and that the audit uses to
 * write "client #N" instead of a client's name.
 *
 * Words are compared whole, ignoring case and accents ("Zoë" = "zoe",
 * "ÉLODIE" = "elodie"), with Unicode-aware word edges: a word is a run
 * of letters, digits and combining marks; everything else (spaces,
 * punctuation, apostrophes, symbols) separates words.  So "Will" is not
 * found in "Willow" or "Willis", but is in "Will's".
 *
 *   MENTION_NAME  the whole name ("Will Jones"), first and last name
 *                 ("Anna Lopez" for "Anna Maria Lopez") or preferred and
 *                 last name ("Bill Jones"): the words in that order with
 *                 only spaces or hyphens between them.  Needs two words.
 *   MENTION_PHONE the phone number's digits (6 or more) in that order,
 *                 with any spaces, dots, hyphens or brackets between
 *                 them, and no digit just before or after.
 *   MENTION_PART  one word of the name or preferred name, of 4 letters
 *                 or more ("Will", "Jones"), on its own.  Such a word
 *                 may be someone else ("Will power"), so it is only ever
 *                 replaced when a person has seen it and said yes.
 * Words of 1-3 letters on their own are never looked for.
 */
#ifndef PEERDESK_MODEL_MENTION_H
#define PEERDESK_MODEL_MENTION_H

#include <stdbool.h>
#include <stddef.h>

#include "peerdesk/core/strbuf.h"

enum mention_kind { MENTION_NAME = 1, MENTION_PHONE, MENTION_PART };

/* One place in a text: bytes [start, end). */
struct mention_hit {
	size_t start, end;
	enum mention_kind kind;
};

struct mention_rule;

/* The rule for a client called name (required), with preferred name and
 * phone (both may be NULL or "").  Free with mention_rule_free. */
struct mention_rule *mention_rule_new(const char *name,
    const char *preferred, const char *phone);
void mention_rule_free(struct mention_rule **r);

/* True when the rule can find anything at all (a name of 4+ letters or
 * two words, or a phone of 6+ digits). */
bool mention_rule_any(const struct mention_rule *r);

/* What mention_find looks for besides names and phone numbers. */
#define MENTION_FIND_PARTS 1	/* single words (MENTION_PART) */
#define MENTION_FIND_ONE_WORD_NAME 2	/* a name of one word counts as
				 * the whole name (the audit's rule) */

/* The places text names the client, left to right, never overlapping
 * (at one place the longest wins: a whole name before one word of it).
 * *hits is a new array (caller frees; NULL when none); returns how many.
 * flags: MENTION_FIND_*, 0 = whole names and phone numbers only. */
size_t mention_find(const struct mention_rule *r, const char *text,
    int flags, struct mention_hit **hits);

/* Append text with each hit for which keep[i] is nonzero (keep NULL =
 * every hit) replaced by with. */
void mention_replace(const char *text, const struct mention_hit *hits,
    size_t n, const int *keep, const char *with, struct strbuf *out);

/* Append a one-line view of hit h in text: up to about `around`
 * characters either side, line breaks shown as " / ", an ellipsis where
 * it is cut, and the words found between [ and ]. */
void mention_context(const char *text, const struct mention_hit *h,
    size_t around, struct strbuf *out);

/* "the whole name", "the phone number", "one word of the name". */
const char *mention_kind_label(enum mention_kind k);

#endif
