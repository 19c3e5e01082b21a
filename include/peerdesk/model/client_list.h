/* client_list.h - what the paged client list asks for and one line of
 * it (db/client.h fills them; the faces show them). */
#ifndef PEERDESK_MODEL_CLIENT_LIST_H
#define PEERDESK_MODEL_CLIENT_LIST_H

#include <stdint.h>

/* The orders the client list can be in. */
enum client_sort {
	CLIENT_SORT_REFERRAL,	/* newest referral first (the default) */
	CLIENT_SORT_NAME,	/* by name, ignoring case and accents */
	CLIENT_SORT_STATUS,	/* referred, intake, active, paused, closed */
	CLIENT_SORT_PAL,	/* by the PAL's name; nobody's last */
	CLIENT_SORT_REVIEW,	/* next review due first; none last */
	CLIENT_SORT_COUNT
};

/* What the client list asks for. */
struct client_query {
	const char *filter;	/* words typed to find someone (NULL/"" =
				 * all): each must start a word of the name
				 * or preferred name, email or address, in
				 * any case and with or without accents;
				 * digits in any spacing find a phone
				 * number, "sw1a1aa" a postcode */
	int status_or_minus1;	/* an enum client_status, or -1 for all */
	enum client_sort sort;	/* 0 = newest referral first */
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
	char status[12];	/* "referred", ... (client_status_str) */
	char referred_on[11];		/* newest referral, "" if none */
	char pal_names[160];		/* active workers, ", "-separated */
	char next_review[11];		/* first review due, "" if none */
};

#endif
