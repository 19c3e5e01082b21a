/* import.h - bring CSV files in (RFC 4180, UTF-8, header row required).
 *
 * Each file is one transaction: a bad row stops the import with a
 * message naming the file, the line and the field, and nothing from the
 * file is kept.  Columns may come in any order; unknown columns are an
 * error (a typo in a header must not silently drop data).
 */
#ifndef PEERDESK_APP_IMPORT_H
#define PEERDESK_APP_IMPORT_H

#include <stdbool.h>

#include "peerdesk/app/app.h"

enum import_kind { IMPORT_PALS, IMPORT_TIMESHEET, IMPORT_CLIENTS };

struct import_result {
	long rows;		/* records imported */
	long warnings;		/* warnings written to warn_cb */
	long weeks;		/* timesheet: PAL-weeks the file touched */
	long near, over;	/* of those, close to or over a limit */
	bool dry_run;		/* nothing was kept (IMPORT_DRY_RUN) */
	long duplicates;	/* clients: rows that look like a client
				 * already there (or an earlier row) */
	long skipped;		/* of those, left out (IMPORT_SKIP_DUPLICATES) */
};

/* Called for each warning (the import goes on), e.g. a pay rate below
 * the minimum wage: "pals.csv:4: hourly_rate: ...". */
typedef void (*import_warn_fn)(void *arg, const char *message);

/* Flags for an import. */
#define IMPORT_AGAIN 1u	/* bring in a file (or lines) imported before */
#define IMPORT_DRY_RUN 2u	/* check everything, say what would happen,
				 * keep nothing (the transaction, with its
				 * import_log record, is rolled back) */
#define IMPORT_SKIP_DUPLICATES 4u	/* clients: leave out a row that is
				 * likely a client already there; each
				 * likely duplicate is said through warn
				 * ("clients.csv:5: name: ... is likely the
				 * same person as client 3 ...") either way */

/* Import the file at path.  Managers and office staff only.  name_kind
 * is "pals", "timesheet" or "clients" (import_kind_parse).
 *
 * Nothing is imported twice by mistake: a file whose bytes were imported
 * before (same kind, same SHA-256) is refused, PD_DUPLICATE saying when
 * and by whom; so is a timesheet file with a line the same as one an
 * earlier import brought in (PAL, date, minutes, kind, client, note).
 * flags IMPORT_AGAIN imports it all the same.  A line the same as one
 * already in the week that was typed in (or any such line, with
 * IMPORT_AGAIN) is imported and reported through warn. */
enum pd_status app_import_file(struct app *app, enum import_kind kind,
    const char *path, unsigned flags, import_warn_fn warn, void *warn_arg,
    struct import_result *res, struct pd_err *err);

/* As app_import_file for text in memory; name appears in messages. */
enum pd_status app_import_text(struct app *app, enum import_kind kind,
    const char *text, size_t len, const char *name, unsigned flags,
    import_warn_fn warn, void *warn_arg, struct import_result *res,
    struct pd_err *err);

/* A timesheet import also says, through warn, how each PAL-week it
 * touched stands when it is close to or over a limit ("Sam Jones (sam),
 * week 2026-W48 (...): This week: ... over the limit: ..."); office
 * staff get the verdict without pay figures.  It never refuses a week
 * for that: approving such a week needs the manager's reason. */

/* "pals", "timesheet", "clients" -> kind; 0 ok, -1 unknown. */
int import_kind_parse(const char *s, enum import_kind *out);

#endif
