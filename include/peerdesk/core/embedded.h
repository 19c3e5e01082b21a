/* embedded.h - data files compiled into the program (src/tools/embed.c).
 *
 * Names are the paths below data/, e.g. "rules.yaml" and
 * "migrations/0001_initial.sql".  The table is sorted by name and ends
 * with an entry whose name is NULL.
 */
#ifndef PEERDESK_CORE_EMBEDDED_H
#define PEERDESK_CORE_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name;
	const char *data;	/* NUL-terminated as well */
	size_t len;
};

extern const struct embedded_file embedded_files[];

/* The file called name, or NULL. */
const struct embedded_file *embedded_find(const char *name);

#endif
