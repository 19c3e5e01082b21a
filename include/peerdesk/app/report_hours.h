/* report_hours.h - the weekly hours summary: built from the database,
 * rendered as text, CSV or PDF, saved or printed.
 *
 * One row per active PAL (and anyone else with lines that week), with
 * the benefit rule in force on the week's first day, the limits of that
 * day, holiday pay as the settings say, and one line per client of
 * delivered against contracted minutes.  The manager only: the rows hold
 * every PAL's pay and benefit rule.  docs/reports.md describes the
 * formats.
 */
#ifndef PEERDESK_APP_REPORT_HOURS_H
#define PEERDESK_APP_REPORT_HOURS_H

#include "peerdesk/app/app.h"
#include "peerdesk/app/print.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/hours.h"

enum report_format { REPORT_TEXT, REPORT_CSV, REPORT_PDF };

/* "text", "csv" or "pdf" into *out: 0, or -1 for anything else. */
int report_format_parse(const char *s, enum report_format *out);

/* "txt", "csv" or "pdf". */
const char *report_format_ext(enum report_format f);

/* Build the summary for the week named by week (as app_week_parse: a
 * label, a date in it, or NULL for this week) into *out
 * (hours_report_fini it).  "Printed" is the date alone when today is
 * fixed (--today), so the output can be compared with a file. */
enum pd_status app_report_hours(struct app *app, const char *week,
    struct hours_report *out, struct pd_err *err);

/* As app_report_hours without the clients' contracted against delivered
 * minutes (out->n_clients is 0): all a CSV shows, for less work. */
enum pd_status app_report_hours_pals(struct app *app, const char *week,
    struct hours_report *out, struct pd_err *err);

/* Append r in format f to out. */
enum pd_status app_report_hours_render(const struct hours_report *r,
    enum report_format f, struct strbuf *out, struct pd_err *err);

/* Write r in format f to path (replacing it; "-" is standard output)
 * through userfile: never onto the database.  A new file is readable by
 * its owner only: it holds pay and benefit rules.  The path written is
 * audited. */
enum pd_status app_report_hours_save(struct app *app,
    const struct hours_report *r,
    enum report_format f, const char *path, struct pd_err *err);

/* Send r in format f to the printer with the settings' print_command
 * (through a private temporary file, removed afterwards).  *out (may be
 * NULL) gets what the command said.  Errors as app_print_file. */
enum pd_status app_report_hours_print(struct app *app,
    const struct hours_report *r, enum report_format f,
    struct print_outcome *out, struct pd_err *err);

#endif
