/* client_list.h - what the paged client list asks for and one line of
 * it (db/client.h fills them; the faces show them). */
#ifndef PEERDESK_MODEL_CLIENT_LIST_H
#define PEERDESK_MODEL_CLIENT_LIST_H

#include <stdint.h>

/* What the client list asks for. */
struct client_query {
	const char *filter;	/* part of the name or preferred name,
				 * any case (ASCII letters); NULL/"" = all */
	int status_or_minus1;	/* an enum client_status, or -1 for all */
	int64_t scope_pal;	/* 0 = everyone, else that worker's clients */
	int offset;		/* rows to skip, from 0 */
	const char *today;	/* "YYYY-MM-DD" for scope; NULL = today_get() */
};

/* One line of the client list.  Long text is cut at a character
 * boundary. */
struct client_row {
	int64_t id;
	char name[128];
	char preferred_name[64];	/* "" if none */
	char status[12];		/* "referred", ... (client_status_str) */
	char referred_on[11];		/* newest referral, "" if none */
	char pal_names[160];		/* active workers, ", "-separated */
};

#endif
