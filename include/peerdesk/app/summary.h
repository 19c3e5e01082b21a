/* summary.h - what the database holds, in numbers, for people. */
#ifndef PEERDESK_APP_SUMMARY_H
#define PEERDESK_APP_SUMMARY_H

#include "peerdesk/app/app.h"
#include "peerdesk/core/strbuf.h"

/* Append a few plain lines: the organisation, clients by status, PALs,
 * sessions and timesheets, and the period covered.  Staff only. */
enum pd_status app_summary_text(struct app *app, struct strbuf *out,
    struct pd_err *err);

#endif
