/* fieldmerge.h - a three-way merge of a record, field by field, for two
 * people who saved the same record at once.
 *
 * base is the record as I loaded it, theirs as it is saved now, mine as
 * I have it on my screen.  Each field is compared as text (a form
 * field's tidy text: "2026-04-06", "6h", "Personal budget"); NULL and ""
 * are both empty.  A field only one side changed takes that side
 * without a question; a field both changed to the same text is agreed;
 * only a field both changed to different texts is a conflict, for a
 * person to choose.  Nothing is ever put back silently.  (The plan's
 * sections do the same in plandiff.c.)
 *
 * Pure: no I/O.
 */
#ifndef PEERDESK_MODEL_FIELDMERGE_H
#define PEERDESK_MODEL_FIELDMERGE_H

#include <stddef.h>

#include "peerdesk/core/strbuf.h"

enum fieldmerge {
	FIELDMERGE_SAME,		/* nobody changed it */
	FIELDMERGE_MINE,		/* only I changed it: mine */
	FIELDMERGE_THEIRS,		/* only they changed it: theirs */
	FIELDMERGE_AGREE,		/* we both changed it the same way */
	FIELDMERGE_CONFLICT		/* we both changed it, differently */
};

/* How one field merges. */
enum fieldmerge fieldmerge_field(const char *base, const char *mine,
    const char *theirs);

/* The text to keep for a field that merged as how, without asking:
 * theirs for FIELDMERGE_THEIRS, mine for everything else (a conflict keeps
 * mine until a person chooses).  Never NULL. */
const char *fieldmerge_keep(enum fieldmerge how, const char *mine,
    const char *theirs);

/* Counts of a whole record's merge. */
struct fieldmerge_count {
	size_t mine, theirs, agree, conflict;
};

/* Merge n fields (arrays of n texts each, any may be NULL); how[i] gets
 * each field's outcome.  Returns the number of conflicts; *count (may
 * be NULL) gets every count. */
size_t fieldmerge_record(size_t n, const char *const base[],
    const char *const mine[], const char *const theirs[], enum fieldmerge how[],
    struct fieldmerge_count *count);

/* The labels of the fields that merged as want, joined by ", " into out
 * ("Phone, Funder"); nothing is added when there are none.  Returns how
 * many were named. */
size_t fieldmerge_labels(size_t n, const char *const labels[],
    const enum fieldmerge how[], enum fieldmerge want, struct strbuf *out);

/* A person's choices for the conflicts, one character each in order:
 * 't' theirs, 'm' mine.  Returns true and sets *theirs when choice k of
 * choices is readable ('t' or 'm'); false for anything else. */
int fieldmerge_choice(const char *choices, size_t k, int *theirs);

#endif
