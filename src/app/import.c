/* import.c - CSV imports of PALs, timesheet lines and clients: the file,
 * its header and the helpers every kind's rows use (import_row_priv.h); the
 * rows themselves are import_pals.c, import_time.c, import_clients.c. */
#include "peerdesk/app/import.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/userfile.h"
#include "peerdesk/app/weekpay.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/csv.h"
#include "peerdesk/core/sha256.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/funding.h"
#include "peerdesk/db/importlog.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/referral.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/today.h"
#include "peerdesk/model/contact.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/money.h"
#include "peerdesk/model/rules.h"
#include "peerdesk/model/week.h"
#include "import_row_priv.h"

static const char *const kind_names[] = { "pals", "timesheet", "clients" };

int
import_kind_parse(const char *s, enum import_kind *out)
{
	if (strcmp(s, "pals") == 0)
		*out = IMPORT_PALS;
	else if (strcmp(s, "timesheet") == 0)
		*out = IMPORT_TIMESHEET;
	else if (strcmp(s, "clients") == 0)
		*out = IMPORT_CLIENTS;
	else
		return -1;
	return 0;
}

/* Map header names to columns; every required one present, no unknown
 * or repeated ones. */
static enum pd_status
imp_header(struct imp *im, struct csv_record *h, struct pd_err *err)
{
	size_t i;
	int c;
	struct strbuf known = STRBUF_INIT;

	for (c = 0; im->cols[c].name != NULL; c++) {
		im->idx[c] = -1;
		strbuf_addf(&known, "%s%s", c ? ", " : "", im->cols[c].name);
	}
	for (i = 0; i < h->n; i++) {
		char *name = h->field[i];

		while (*name == ' ')
			name++;
		c = imp_col(im, name);
		if (c < 0) {
			pd_fail_at(err, PD_INVALID, im->name, h->line, 0, name,
			    "this column is not one peerdesk knows; the columns "
			    "are: %s", known.buf);
			strbuf_fini(&known);
			return PD_INVALID;
		}
		if (im->idx[c] >= 0) {
			strbuf_fini(&known);
			return pd_fail_at(err, PD_INVALID, im->name, h->line, 0,
			    name, "this column appears twice in the header");
		}
		im->idx[c] = (int)i;
	}
	for (c = 0; im->cols[c].name != NULL; c++)
		if (im->cols[c].required && im->idx[c] < 0) {
			pd_fail_at(err, PD_INVALID, im->name, h->line, 0,
			    im->cols[c].name, "the header has no '%s' column "
			    "(it needs: %s)", im->cols[c].name, known.buf);
			strbuf_fini(&known);
			return PD_INVALID;
		}
	strbuf_fini(&known);
	return PD_OK;
}

/* ---- the file ------------------------------------------------------------- */

static const char *const kind_words[] = { "PALs", "timesheet lines", "clients" };

/* Say how each PAL-week the file touched stands, when close or over. */
static enum pd_status
imp_verdicts(struct imp *im, struct pd_err *err)
{
	enum permitted_verdict v;
	enum pd_status s;
	char first[11], text[2 * PERMITTED_SENTENCE_LEN];
	size_t i;

	for (i = 0; i < im->nweeks; i++) {
		date_format(im->weeks[i].start, first);
		s = app_week_verdict_text(im->app, im->weeks[i].pal_id, first,
		    text, sizeof text, &v, err);
		if (s != PD_OK)
			return s;
		im->res->weeks++;
		if (v != PERMITTED_NEAR && v != PERMITTED_OVER)
			continue;
		if (v == PERMITTED_NEAR)
			im->res->near++;
		else
			im->res->over++;
		im->res->warnings++;
		if (im->warn != NULL)
			im->warn(im->warn_arg, text);
	}
	return PD_OK;
}

/* Refuse a file imported before (same kind, same bytes). */
static enum pd_status
imp_seen_file(struct imp *im, const char *kind, const char *hash,
    struct pd_err *err)
{
	struct import_seen seen;
	enum pd_status s;
	char when[32];

	s = db_import_find(im->app->db, kind, hash, &seen, err);
	if (s == PD_NOT_FOUND || (s == PD_OK && (im->flags & IMPORT_AGAIN))) {
		import_seen_fini(&seen);
		return PD_OK;
	}
	if (s != PD_OK)
		return s;
	imp_when(seen.at, when);
	s = pd_fail_at(err, PD_DUPLICATE, im->name, 0, 0, NULL, "this file "
	    "was imported already, on %s by %s (%ld row%s, from %s). Nothing "
	    "was imported. To bring it in a second time on purpose, add "
	    "--again", when, seen.who, seen.rows, seen.rows == 1 ? "" : "s",
	    seen.file_name);
	import_seen_fini(&seen);
	return s;
}

/* The rows after the header (nhead fields each), one kind's row
 * function for each; a problem names the row's line. */
static enum pd_status
imp_rows(struct imp *im, struct csv_reader *r, size_t nhead,
    enum import_kind kind, struct pd_err *err)
{
	enum pd_status s = PD_OK;

	while (s == PD_OK) {
		s = csv_next(r, im->rec, err);
		if (s == PD_NOT_FOUND) {
			s = PD_OK;
			break;
		}
		if (s != PD_OK)
			break;
		if (im->rec->n != nhead) {
			s = pd_fail_at(err, PD_INVALID, im->name,
			    im->rec->line, 0, NULL, "this row has %zu fields "
			    "but the header has %zu", im->rec->n, nhead);
			break;
		}
		s = kind == IMPORT_PALS ? imp_pal_row(im, err) :
		    kind == IMPORT_TIMESHEET ? imp_ts_row(im, err) :
		    imp_client_row(im, err);
		if (s != PD_OK && err != NULL && err->line == 0) {
			char why[sizeof err->msg], field[sizeof err->field];

			snprintf(why, sizeof why, "%s", err->msg);
			snprintf(field, sizeof field, "%s", err->field);
			pd_fail_at(err, s, im->name, im->rec->line, 0, field,
			    "%s", why);
		}
		if (s == PD_OK && !im->skipped)
			im->res->rows++;
		im->skipped = false;
	}
	return s;
}

/* The import kept (s PD_OK: its rows counted, audited, committed) or
 * undone; the transaction ends either way.  Returns the outcome. */
static enum pd_status
imp_keep(struct imp *im, enum import_kind kind, enum pd_status s,
    struct pd_err *err)
{
	char summary[300];

	if (s == PD_OK)
		s = db_import_rows(im->app->db, im->import_id, im->res->rows,
		    err);
	if (s == PD_OK) {
		snprintf(summary, sizeof summary, "imported %ld %s from %s%s",
		    im->res->rows, kind_words[kind], im->name,
		    (im->flags & IMPORT_AGAIN) ? " (again, on purpose)" : "");
		if (im->res->near > 0 || im->res->over > 0)
			snprintf(summary + strlen(summary),
			    sizeof summary - strlen(summary), " (PAL-weeks "
			    "over a limit: %ld, close to one: %ld)",
			    im->res->over, im->res->near);
		s = app_audit(im->app, "import", kind == IMPORT_TIMESHEET ?
		    "timesheet_line" : kind == IMPORT_PALS ? "staff" :
		    "client", 0, 0, summary, NULL, NULL, NULL, err);
	}
	if (s == PD_OK)
		s = db_commit(im->app->db, err);
	else
		db_rollback(im->app->db);
	db_bulk_end(im->app->db);
	return s;
}

/* What one import holds. */
static void
imp_fini(struct imp *im)
{
	size_t i;

	for (i = 0; i < im->npals; i++)
		free(im->pals[i].login);
	free(im->pals);
	free(im->weeks);
	free(im->wslot);
	client_matcher_free(im->matcher);
	strbuf_fini(&im->again_said);
}

enum pd_status
app_import_text(struct app *app, enum import_kind kind, const char *text,
    size_t len, const char *name, unsigned flags, import_warn_fn warn,
    void *warn_arg, struct import_result *res, struct pd_err *err)
{
	bool dry = (flags & IMPORT_DRY_RUN) != 0;
	struct imp im;
	struct csv_reader *r;
	struct csv_record rec;
	enum pd_status s;
	size_t nhead = 0;
	bool began = false;
	char hash[65];

	memset(res, 0, sizeof *res);
	if ((s = app_require(app, APP_STAFF, "import files", err)) != PD_OK)
		return s;
	memset(&im, 0, sizeof im);
	im.app = app;
	im.name = name;
	im.warn = warn;
	im.warn_arg = warn_arg;
	im.res = res;
	im.rec = &rec;
	im.flags = flags;
	strbuf_init(&im.again_said);
	sha256_hex(text, len, hash);
	im.cols = kind == IMPORT_PALS ? import_pal_cols :
	    kind == IMPORT_TIMESHEET ? import_ts_cols : import_client_cols;
	r = csv_open(text, len, name);
	s = csv_next(r, &rec, err);
	if (s == PD_NOT_FOUND)
		s = pd_fail_at(err, PD_INVALID, name, 1, 0, NULL,
		    "the file is empty; it needs a header row first");
	if (s == PD_OK) {
		nhead = rec.n;
		s = imp_header(&im, &rec, err);
	}
	if (s == PD_OK) {
		db_bulk_begin(app->db);
		s = db_begin(app->db, err);
		began = s == PD_OK;
		if (!began)
			db_bulk_end(app->db);
	}
	/* inside the transaction: two people importing the same file at
	 * once cannot both get in */
	if (s == PD_OK)
		s = imp_seen_file(&im, kind_names[kind], hash, err);
	if (s == PD_OK)
		s = db_import_record(app->db, kind_names[kind], hash, name,
		    (flags & IMPORT_AGAIN) != 0,
		    access_staff_id(app),
		    app_actor_login(app)[0] ? app_actor_login(app) : NULL,
		    &im.import_id, err);
	if (s == PD_OK)
		s = imp_rows(&im, r, nhead, kind, err);
	if (s == PD_OK && im.again_lines > 0)
		s = pd_fail_at(err, PD_DUPLICATE, name, 0, 0, NULL, "%ld line%s "
		    "of this file %s imported already: %s%s. Nothing was "
		    "imported. If these are new hours, add --again",
		    im.again_lines, im.again_lines == 1 ? "" : "s",
		    im.again_lines == 1 ? "was" : "were",
		    strbuf_str(&im.again_said), im.again_lines > 3 ? "; ..." : "");
	if (began && s == PD_OK && kind == IMPORT_TIMESHEET)
		s = imp_verdicts(&im, err);
	if (began && s == PD_OK && dry) {
		/* a dry run: everything was checked; keep nothing, not even
		 * the import_log record (the same transaction) */
		db_rollback(app->db);
		db_bulk_end(app->db);
		began = false;
		res->dry_run = true;
	}
	if (began)
		s = imp_keep(&im, kind, s, err);
	if (s != PD_OK)
		res->rows = 0;
	csv_free(&r);
	imp_fini(&im);
	return s;
}

enum pd_status
app_import_file(struct app *app, enum import_kind kind, const char *path,
    unsigned flags, import_warn_fn warn, void *warn_arg,
    struct import_result *res, struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	const char *name = userfile_is_std(path) ? "standard input" : path;
	enum pd_status s;

	memset(res, 0, sizeof *res);
	/* with the person's own rights, never the database itself */
	if ((s = userfile_read_all(path, (size_t)1 << 30, &sb, err)) != PD_OK) {
		strbuf_fini(&sb);
		if (err != NULL && err->file[0] == '\0')
			snprintf(err->file, sizeof err->file, "%s", name);
		return s;
	}
	s = app_import_text(app, kind, sb.buf != NULL ? sb.buf : "", sb.len,
	    name, flags, warn, warn_arg, res, err);
	strbuf_fini(&sb);
	return s;
}
