/* record_priv.h - what the record files (people.c, client.c, plan.c,
 * shortlist.c, assignment.c, reminder.c, timesheet.c, audit.c) share:
 * freeing a struct's strings, and the name tables made from the enum
 * lists. */
#ifndef PEERDESK_MODEL_RECORD_PRIV_H
#define PEERDESK_MODEL_RECORD_PRIV_H

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"

/* Free each char * named (by address) and set it to NULL. */
#define FREES(...) do { \
	char **fs_[] = { __VA_ARGS__ }; \
	size_t fs_i; \
	for (fs_i = 0; fs_i < sizeof fs_ / sizeof fs_[0]; fs_i++) { \
		free(*fs_[fs_i]); \
		*fs_[fs_i] = NULL; \
	} \
} while (0)

/* names[v], or NULL when v is out of range. */
static inline const char *
record_name(const char *const *names, int n, int v)
{
	return v >= 0 && v < n ? names[v] : NULL;
}

/* The index of s in names, or -1. */
static inline int
record_find(const char *const *names, int n, const char *s)
{
	int i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* labels[v], or "?" when v is out of range. */
static inline const char *
record_label(const char *const *labels, int n, int v)
{
	return v >= 0 && v < n ? labels[v] : "?";
}

/* The columns of an enum list (model/enumlist.h): X(v, name, label),
 * or X(v, name). */
#define RECORD_NAME_OF(v, name, label) name,
#define RECORD_LABEL_OF(v, name, label) label,
#define RECORD_NAME_ONLY(v, name) name,

/* fn_str (NULL out of range) and fn_from_str (0 and *out, or -1) for an
 * enum whose values run 0, 1, ... down LIST; COL is RECORD_NAME_OF or
 * RECORD_NAME_ONLY, as LIST has labels or not. */
#define RECORD_NAMES(fn, type, LIST, COL) \
static const char *const fn##_names[] = { LIST(COL) }; \
const char * \
fn##_str(type v) \
{ \
	return record_name(fn##_names, (int)NELEM(fn##_names), (int)v); \
} \
int \
fn##_from_str(const char *s, type *out) \
{ \
	int i = record_find(fn##_names, (int)NELEM(fn##_names), s); \
	if (i < 0) \
		return -1; \
	*out = (type)i; \
	return 0; \
}

/* fn_label ("?" out of range) for the same kind of enum. */
#define RECORD_LABELS(fn, type, LIST) \
static const char *const fn##_labels[] = { LIST(RECORD_LABEL_OF) }; \
const char * \
fn##_label(type v) \
{ \
	return record_label(fn##_labels, (int)NELEM(fn##_labels), (int)v); \
}

#endif
