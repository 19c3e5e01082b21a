/* drafts.h - the signed-in person's kept drafts: half-typed form text
 * saved every few seconds and on a hangup, offered back at the next
 * start.  Keeping and taking one are in signin.h (app_draft_keep,
 * app_draft_take); a person only ever sees their own.  A draft the
 * database could not take is kept in the person's own file instead
 * (draftfile.h) and comes back through these just the same.
 */
#ifndef PEERDESK_APP_DRAFTS_H
#define PEERDESK_APP_DRAFTS_H

#include "peerdesk/app/app.h"
#include "peerdesk/model/draft.h"

/* Call cb for each of the signed-in person's drafts whose form starts
 * with prefix ("" = all), newest first; nonzero from cb stops.  Nobody
 * signed in: no calls, PD_OK. */
enum pd_status app_draft_list(struct app *app, const char *prefix,
    int (*cb)(void *arg, const struct draft_row *row), void *arg,
    struct pd_err *err);

/* Read that draft without removing it (see app_draft_take).
 * PD_NOT_FOUND when there is none or nobody is signed in. */
enum pd_status app_draft_peek(struct app *app, const char *form,
    const char *key, char **content, char saved_at[21], struct pd_err *err);

/* Remove that draft (saved, or let go on purpose); PD_OK also when
 * there was none. */
enum pd_status app_draft_drop(struct app *app, const char *form,
    const char *key, struct pd_err *err);

#endif
