/* client.h - clients, and the paged client list.
 *
 * Scope: every read takes scope_pal.  0 means everyone (office staff,
 * managers); otherwise only clients who have an assignment of that
 * worker that is not ended by today (ended_on empty or after today).  A
 * client out of scope is reported exactly like one that does not exist.
 * "Today" is model/'s today_get() unless a query gives its own date.
 */
#ifndef PEERDESK_DB_CLIENT_H
#define PEERDESK_DB_CLIENT_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/records.h"

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

/* Insert c (status as given, "referred" for a new client) created by
 * staff `by` (0 = the system).  Sets c->id and c->version = 1. */
enum pd_status db_client_insert(struct db *db, struct client *c,
    int64_t by, struct pd_err *err);

/* Read client id into *out (client_fini it).  PD_NOT_FOUND when there
 * is no such client or it is outside scope_pal's scope. */
enum pd_status db_client_get(struct db *db, int64_t id, int64_t scope_pal,
    struct client *out, struct pd_err *err);

/* Save every field of c if the row is still at c->version; sets
 * updated_at/updated_by (= by) and bumps c->version.  PD_CONFLICT says
 * who saved it since and when; PD_NOT_FOUND if it is gone. */
enum pd_status db_client_update(struct db *db, struct client *c,
    int64_t by, struct pd_err *err);

/* Up to max rows of the list q asks for into rows[], newest referral
 * first (clients with no referral last), skipping q->offset rows; *n
 * gets the number written.  Reads only the rows it returns (an index
 * walk), so it stays quick on large lists. */
enum pd_status db_client_page(struct db *db, const struct client_query *q,
    struct client_row *rows, int max, int *n, struct pd_err *err);

/* The number of rows the whole list q asks for would have. */
enum pd_status db_client_count(struct db *db, const struct client_query *q,
    int *n, struct pd_err *err);

#endif
