/* clients.h - clients: intake of a referral, the list, the record.
 *
 * A PAL sees only the clients they are assigned to: every call here
 * passes the PAL's id down as the query's scope, so another PAL's client
 * is "not found", never shown.  Opening a record is audited.
 */
#ifndef PEERDESK_APP_CLIENTS_H
#define PEERDESK_APP_CLIENTS_H

#include "peerdesk/app/app.h"
#include "peerdesk/model/client.h"
#include "peerdesk/model/client_list.h"

/* Everything the intake form collects.  Only client.name is required;
 * empty strings and -1 numbers mean "not given". */
struct intake {
	struct client client;
	struct referral referral;
	struct funding funding;
	char *allies;		/* people who matter, free text, one a line */
};

/* A client's record as the screens show it. */
struct client_record {
	struct client client;
	struct referral referral;	/* id 0 when none */
	struct funding funding;		/* id 0 when none */
	char *allies;			/* one per line, "" when none */
};

void intake_init(struct intake *in);
void intake_fini(struct intake *in);
void client_record_fini(struct client_record *r);

/* Save a new referral: the client (status "referred"), the referral,
 * funding when any funding detail is given, and the people who matter.
 * Office staff and managers.  PD_INVALID with err->field naming the
 * field for bad input; *id is the new client's id. */
enum pd_status app_client_create(struct app *app, struct intake *in,
    int64_t *id, struct pd_err *err);

/* The questions to ask before saving c (and r, which may be NULL);
 * none of them blocks the save: an age over 100, a referral date in the
 * future, an email or a phone number of an unusual shape.  For a client
 * already saved (c->id > 0) only values that differ from the saved ones
 * are asked about.  One line each, or NULL when there is nothing to ask;
 * the caller frees it.
 * (What cannot be right - a date of birth in the future, an age over
 * 120 - is refused by app_client_create and app_client_save.) */
char *app_client_ask(struct app *app, const struct client *c,
    const struct referral *r);

/* Open a client's record (audited as "open").  PD_NOT_FOUND when it
 * does not exist or is out of the actor's scope. */
enum pd_status app_client_open(struct app *app, int64_t id,
    struct client_record *out, struct pd_err *err);

/* Save changes to a record read by app_client_open.  PD_CONFLICT when
 * someone else saved it first (err->msg says who and when); nothing is
 * written then.  Staff only (a PAL cannot edit client details). */
enum pd_status app_client_save(struct app *app, struct client_record *rec,
    struct pd_err *err);

/* The list's orders by name, for commands: "referral", "name",
 * "status", "pal", "review"; NULL when out of range. */
const char *client_sort_str(enum client_sort s);

/* For people: "newest referral first", "by name", "by status", "by
 * PAL", "next review first"; "?" when out of range. */
const char *client_sort_label(enum client_sort s);

/* The order called s (as client_sort_str writes it, any case); -1 when
 * there is none. */
int client_sort_from_str(const char *s, enum client_sort *out);

/* One page of the client list for the actor (scope applied here). */
enum pd_status app_client_page(struct app *app, struct client_query *q,
    struct client_row *rows, int max, int *n, struct pd_err *err);
enum pd_status app_client_count(struct app *app, struct client_query *q,
    int *n, struct pd_err *err);

#endif
