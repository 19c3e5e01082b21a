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
#include "peerdesk/model/client.h"
#include "peerdesk/model/client_list.h"

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

/* Up to max rows of the list q asks for into rows[], in q->sort's order
 * (newest referral first: clients with no referral last), skipping
 * q->offset rows; *n gets the number written.  In the default order it
 * reads only the rows it returns (an index walk), and a filter reads the
 * search index (0012_client_search.sql), so it stays quick on large
 * lists.  Clients whose search words are stale are indexed first. */
enum pd_status db_client_page(struct db *db, const struct client_query *q,
    struct client_row *rows, int max, int *n, struct pd_err *err);

/* The number of rows the whole list q asks for would have. */
enum pd_status db_client_count(struct db *db, const struct client_query *q,
    int *n, struct pd_err *err);

#endif
