/* outcomes.h - the outcomes report for funders and commissioners, from
 * what was already typed: referrals, people supported, who left and
 * why, waiting for a first meeting, hours contracted against delivered,
 * reviews in their window, goal attainment (GAS T-scores), groups, and
 * the client's own words they let us quote.  The manager only: it is
 * the organisation's return, and with a funder named it names the
 * people whose own budget that funder pays. */
#ifndef PEERDESK_APP_OUTCOMES_H
#define PEERDESK_APP_OUTCOMES_H

#include "peerdesk/app/app.h"
#include "peerdesk/app/report_hours.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/outcomes.h"

/* The figures for from..to (YYYY-MM-DD, from <= to) and funder (NULL or
 * "": everyone).  Nobody is named unless funder pays that person's own
 * budget (personal budget, personal health budget, direct payment); the
 * quotes have the client's names taken out.  The read is audited.
 * outcomes_fini it. */
enum pd_status app_report_outcomes(struct app *app, const char *from,
    const char *to, const char *funder, struct outcomes *out,
    struct pd_err *err);

/* Append o in format f (csv_flags as csvout.h) to out. */
enum pd_status app_report_outcomes_render(const struct outcomes *o,
    enum report_format f, unsigned csv_flags, struct strbuf *out,
    struct pd_err *err);

/* Write o to path ("-": standard output) through userfile; audited. */
enum pd_status app_report_outcomes_save(struct app *app,
    const struct outcomes *o, enum report_format f, unsigned csv_flags,
    const char *path, struct pd_err *err);

/* The funders a report can be for: every funder named in a client's
 * funding (the manager only).  *out: n strings, each and the array
 * free()d. */
enum pd_status app_outcomes_funders(struct app *app, char ***out,
    size_t *n, struct pd_err *err);

#endif
