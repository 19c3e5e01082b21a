/* palweeks.h - one PAL's weeks against the limit: the last 13 or 52
 * weeks, each judged exactly as the weekly summary judges it (the same
 * rule and limits DWP applies, day by day), with the five-week average
 * of hours.  Shown on the PAL's record (the chart), by `peerdesk pal
 * show LOGIN --weeks 13|52` (text, CSV, PDF).
 *
 * Who may see it: a manager (and the system) any PAL's; a PAL their
 * own; office staff none (the weeks say whether a PAL's pay is within a
 * benefit limit: special-category data, manager only; docs/user-guide.md).
 * Reading it is not audited (a PAL's record is not audited on read);
 * saving it to a file is, as every report is.
 */
#ifndef PEERDESK_APP_PALWEEKS_H
#define PEERDESK_APP_PALWEEKS_H

#include "peerdesk/app/app.h"
#include "peerdesk/app/report_hours.h"
#include "peerdesk/model/palweeks.h"

/* pal_id's last `weeks` weeks (13 or 52; else PD_INVALID, field
 * "weeks"), the last being the week holding today, into *out
 * (palweeks_fini it).  pal_id 0 is the actor (a PAL).  PD_DENIED for
 * office staff and for a PAL naming another PAL; PD_NOT_FOUND when
 * pal_id is not a PAL. */
enum pd_status app_pal_weeks(struct app *app, int64_t pal_id, int weeks,
    struct palweeks *out, struct pd_err *err);

/* Append p in format f (text, CSV with csv_flags, PDF) to out. */
enum pd_status app_pal_weeks_render(const struct palweeks *p,
    enum report_format f, unsigned csv_flags, struct strbuf *out,
    struct pd_err *err);

/* Write p in format f to path ("-": standard output) through userfile,
 * with the person's own rights; a file is audited with its path. */
enum pd_status app_pal_weeks_save(struct app *app, const struct palweeks *p,
    enum report_format f, unsigned csv_flags, const char *path,
    struct pd_err *err);

#endif
