/* weekpay.h - the manager's week after the PALs have logged it:
 * approving (a week close to or over a limit needs a reason, kept as an
 * agreement with who and when), marking approved weeks paid (then they
 * are locked), and the changes made to approved or paid weeks, which show
 * as adjustments in the week they are made.  docs/user-guide.md, "The
 * manager's week".
 */
#ifndef PEERDESK_APP_WEEKPAY_H
#define PEERDESK_APP_WEEKPAY_H

#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/model/permitted.h"
#include "peerdesk/model/week.h"

/* The manager approves week_id (open or submitted -> approved).  When the
 * week is close to or over the PAL's limit, reason must say why it is
 * agreed (PD_LIMIT, field "reason", naming the verdict, when it is
 * blank); it is kept as an agreement (limit_override) with the manager
 * and the time, and audited.  PD_DUPLICATE when already approved. */
enum pd_status app_week_approve_with(struct app *app, int64_t week_id,
    const char *reason, struct pd_err *err);

/* The manager marks an approved week paid: it is then locked.  A change
 * to it needs the manager and a reason, and shows as an adjustment in
 * the week the change is made.  PD_CONFLICT when not approved. */
enum pd_status app_week_mark_paid(struct app *app, int64_t week_id,
    struct pd_err *err);

/* Mark paid every approved week that has ended on or before `upto`
 * ("YYYY-MM-DD"; a week still going on that day is left alone); pal_id 0
 * = every PAL.  *n gets how many were marked.  One transaction. */
enum pd_status app_weeks_mark_paid_upto(struct app *app, const char *upto,
    int64_t pal_id, size_t *n, struct pd_err *err);

/* How one PAL-week stands, in words for the person asking: the PAL's
 * name and login, the week and, when the actor may see pay, the full
 * sentence; office staff get the verdict without figures.  *verdict gets
 * the verdict.  first is the week's first day. */
enum pd_status app_week_verdict_text(struct app *app, int64_t pal_id,
    const char *first, char *buf, size_t len,
    enum permitted_verdict *verdict, struct pd_err *err);

/* The weeks a payroll export covers: every organisation week whose
 * first day falls in the range, so each week is in exactly one month
 * and one tax year.  Exactly one of: from and to ("YYYY-MM-DD", both),
 * month ("2026-11"), tax_year ("2026" or "2026/27": 6 April 2026 to 5
 * April 2027).  PD_INVALID with a plain message naming the option. */
enum pd_status app_pay_range(const char *from, const char *to,
    const char *month, const char *tax_year, char from_out[11],
    char to_out[11], struct pd_err *err);

struct pay_export;

/* The payroll export for the weeks starting from..to: one line per
 * PAL-week with a timesheet, priced day by day at the rate in force,
 * holiday pay on its own, status, verdict and the manager's agreements.
 * The manager only.  pay_export_fini it. */
enum pd_status app_report_pay(struct app *app, const char *from,
    const char *to, struct pay_export *out, struct pd_err *err);

/* Write it as CSV (pay_csv.h flags) to path ("-": standard output),
 * with the person's own rights; a file is audited with its path. */
enum pd_status app_report_pay_save(struct app *app,
    const struct pay_export *e, unsigned flags, const char *path,
    struct pd_err *err);

#endif
