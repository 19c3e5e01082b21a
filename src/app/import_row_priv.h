/* import_row_priv.h - shared by the CSV import files of src/app: the
 * state of one import, and reading a row (import_row.c); each kind's
 * rows are import_pals.c, import_time.c, import_clients.c, and the file
 * as a whole import.c. */
#ifndef PEERDESK_APP_IMPORT_ROW_PRIV_H
#define PEERDESK_APP_IMPORT_ROW_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/import.h"
#include "peerdesk/core/csv.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/date.h"

struct client_matcher;

/* One column a kind of file knows. */
struct import_col {
	const char *name;
	bool required;	/* must be in the header */
};


/* The state of one import. */
struct imp {
	struct app *app;
	const char *name;
	int idx[40];		/* column index per import_col, -1 if absent */
	const struct import_col *cols;
	struct csv_record *rec;
	import_warn_fn warn;
	void *warn_arg;
	struct import_result *res;
	/* timesheet caches */
	struct imp_pal { char *login; int64_t id; } *pals;
	size_t npals, cappals;
	struct imp_week {
		int64_t pal_id;
		pd_date start;
		int64_t id;
		bool locked;
	} *weeks;
	size_t nweeks, capweeks;
	/* weeks by (PAL, start): open addressing, index + 1, 0 empty; a
	 * file of ten years for 300 PALs has 150,000 weeks */
	size_t *wslot;
	size_t nwslot;		/* a power of two, > 2 * nweeks */
	unsigned flags;		/* IMPORT_AGAIN */
	int64_t import_id;	/* this import's import_log row */
	/* lines an earlier import brought in already: how many, and the
	 * first few, said plainly */
	long again_lines;
	struct strbuf again_said;
	/* clients: the likely-duplicate check, read once */
	struct client_matcher *matcher;
	bool skipped;		/* this row was left out (a likely duplicate) */
};

/* The columns each kind of file knows, ended by a NULL name. */
extern const struct import_col import_pal_cols[];
extern const struct import_col import_ts_cols[];
extern const struct import_col import_client_cols[];

/* "2026-11-20 at 14:02 UTC" for a moment "2026-11-20T14:02:03Z". */
void imp_when(const char *at, char buf[32]);

/* The value of column c in the current record ("" when the column is
 * absent or the record is short), spaces trimmed in place. */
char *imp_val(struct imp *im, int c);

/* The index of the column called name, -1 when the kind has none. */
int imp_col(const struct imp *im, const char *name);

#define V(im, name) imp_val((im), imp_col((im), (name)))

/* PD_INVALID at the current record's line and field. */
enum pd_status imp_bad(struct imp *im, const char *field,
    struct pd_err *err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A warning at the current record's line and field (counted, and given
 * to the caller's warn function). */
void imp_warn(struct imp *im, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A date column's value v into *out: PD_NOT_FOUND (and 0) when empty and
 * not required. */
enum pd_status imp_date(struct imp *im, const char *field, const char *v,
    bool required, pd_date *out, struct pd_err *err);

/* A column of whole minutes, 1 to max, into *out (-1 when empty and not
 * required). */
enum pd_status imp_minutes(struct imp *im, const char *field,
    const char *v, bool required, int max, int *out, struct pd_err *err);

/* One row of each kind: check it and write it (inside the import's
 * transaction). */
enum pd_status imp_pal_row(struct imp *im, struct pd_err *err);
enum pd_status imp_ts_row(struct imp *im, struct pd_err *err);
enum pd_status imp_client_row(struct imp *im, struct pd_err *err);

#endif
