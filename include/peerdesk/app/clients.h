/* clients.h - clients: intake of a referral, the list, the record.
 *
 * A PAL sees only the clients they are assigned to: every call here
 * passes the PAL's id down as the query's scope, so another PAL's client
 * is "not found", never shown.  Opening a record is audited.
 */
#ifndef PEERDESK_APP_CLIENTS_H
#define PEERDESK_APP_CLIENTS_H

#include "peerdesk/app/app.h"
#include "peerdesk/model/client_list.h"
#include "peerdesk/model/records.h"

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

/* Open a client's record (audited as "open").  PD_NOT_FOUND when it
 * does not exist or is out of the actor's scope. */
enum pd_status app_client_open(struct app *app, int64_t id,
    struct client_record *out, struct pd_err *err);

/* Save changes to a record read by app_client_open.  PD_CONFLICT when
 * someone else saved it first (err->msg says who and when); nothing is
 * written then.  Staff only (a PAL cannot edit client details). */
enum pd_status app_client_save(struct app *app, struct client_record *rec,
    struct pd_err *err);

/* One page of the client list for the actor (scope applied here). */
enum pd_status app_client_page(struct app *app, struct client_query *q,
    struct client_row *rows, int max, int *n, struct pd_err *err);
enum pd_status app_client_count(struct app *app, struct client_query *q,
    int *n, struct pd_err *err);

#endif
