/* record_priv.h - what the record files (people.c, client.c, plan.c,
 * shortlist.c, assignment.c, reminder.c, timesheet.c, audit.c) share:
 * freeing a struct's strings, and looking values up in name tables. */
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

/* The three functions of an enum's name table: fn_str (NULL out of
 * range), fn_from_str (0 and *out, or -1) and, given labels, fn_label
 * ("?" out of range).  The tables are indexed by the enum's value. */
#define RECORD_STR(fn, type, names) \
const char * \
fn(type v) \
{ \
	return record_name(names, (int)NELEM(names), (int)v); \
}

#define RECORD_FROM_STR(fn, type, names) \
int \
fn(const char *s, type *out) \
{ \
	int i = record_find(names, (int)NELEM(names), s); \
	if (i < 0) \
		return -1; \
	*out = (type)i; \
	return 0; \
}

#define RECORD_LABEL(fn, type, labels) \
const char * \
fn(type v) \
{ \
	return record_label(labels, (int)NELEM(labels), (int)v); \
}

#endif
