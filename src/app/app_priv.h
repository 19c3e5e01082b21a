/* app_priv.h - helpers every use case may share (private to app/;
 * defined in app.c). */
#ifndef PEERDESK_APP_APP_PRIV_H
#define PEERDESK_APP_APP_PRIV_H

#include "peerdesk/app/app.h"

/* End the use case's transaction: commit when s is PD_OK, else roll
 * back.  Returns the outcome. */
enum pd_status app_finish(struct app *app, enum pd_status s,
    struct pd_err *err);

#endif
