/* import_time.c - a CSV file of timesheet lines, one row at a time: each
 * PAL and week looked up once (app/import.h). */
#include <ctype.h>
#include <stdarg.h>
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

const struct import_col import_ts_cols[] = {
	{ "pal_login", 1 }, { "date", 1 }, { "minutes", 1 }, { "kind", 1 },
	{ "client_id", 0 }, { "note", 0 }, { NULL, 0 }
};

static enum pd_status
imp_pal_id(struct imp *im, const char *login, int64_t *id, struct pd_err *err)
{
	struct staff st;
	size_t i;
	enum pd_status s;

	for (i = 0; i < im->npals; i++)
		if (strcmp(im->pals[i].login, login) == 0) {
			*id = im->pals[i].id;
			return PD_OK;
		}
	memset(&st, 0, sizeof st);
	s = db_staff_by_login(im->app->db, login, &st, NULL);
	if (s == PD_NOT_FOUND || (s == PD_OK && st.role != ROLE_PAL)) {
		staff_fini(&st);
		return imp_bad(im, "pal_login", err, "'%s' is not a PAL in "
		    "peerdesk (import PALs first)", login);
	}
	if (s != PD_OK)
		return pd_fail_at(err, s, im->name, im->rec->line, 0, "pal_login",
		    "could not look up '%s'", login);
	staff_fini(&st);
	if (im->npals == im->cappals) {
		im->cappals = im->cappals ? im->cappals * 2 : 16;
		im->pals = xreallocarray(im->pals, im->cappals, sizeof *im->pals);
	}
	im->pals[im->npals].login = xstrdup(login);
	im->pals[im->npals].id = st.id;
	im->npals++;
	*id = st.id;
	return PD_OK;
}

static size_t
imp_week_hash(int64_t pal_id, pd_date start, size_t mask)
{
	uint64_t h = (uint64_t)pal_id * 0x9e3779b97f4a7c15u ^
	    (uint64_t)start * 0xc2b2ae3d27d4eb4fu;

	return (size_t)(h ^ (h >> 29)) & mask;
}

/* Grow the slot table to keep it under half full. */
static void
imp_week_rehash(struct imp *im)
{
	size_t i, j, mask;

	if (im->nwslot > 2 * (im->nweeks + 1))
		return;
	free(im->wslot);
	im->nwslot = im->nwslot ? im->nwslot * 2 : 256;
	im->wslot = xcalloc(im->nwslot, sizeof *im->wslot);
	mask = im->nwslot - 1;
	for (i = 0; i < im->nweeks; i++) {
		j = imp_week_hash(im->weeks[i].pal_id, im->weeks[i].start, mask);
		while (im->wslot[j] != 0)
			j = (j + 1) & mask;
		im->wslot[j] = i + 1;
	}
}

static enum pd_status
imp_week(struct imp *im, int64_t pal_id, pd_date day, struct imp_week **out,
    struct pd_err *err)
{
	pd_date start = week_start_of(day, im->app->settings->week_start);
	struct ts_week w;
	char ws[11];
	size_t j, mask;
	enum pd_status s;

	imp_week_rehash(im);
	mask = im->nwslot - 1;
	for (j = imp_week_hash(pal_id, start, mask); im->wslot[j] != 0;
	    j = (j + 1) & mask) {
		struct imp_week *k = &im->weeks[im->wslot[j] - 1];

		if (k->pal_id == pal_id && k->start == start) {
			*out = k;
			return PD_OK;
		}
	}
	memset(&w, 0, sizeof w);
	date_format(start, ws);
	if ((s = db_week_get_or_create(im->app->db, pal_id, ws, &w, err)) != PD_OK)
		return s;
	if (im->nweeks == im->capweeks) {
		im->capweeks = im->capweeks ? im->capweeks * 2 : 64;
		im->weeks = xreallocarray(im->weeks, im->capweeks,
		    sizeof *im->weeks);
	}
	im->weeks[im->nweeks].pal_id = pal_id;
	im->weeks[im->nweeks].start = start;
	im->weeks[im->nweeks].id = w.id;
	im->weeks[im->nweeks].locked = w.status == WEEK_APPROVED ||
	    w.status == WEEK_LOCKED;
	im->wslot[j] = im->nweeks + 1;
	*out = &im->weeks[im->nweeks++];
	return PD_OK;
}

/* Is l the same as a line already in the week?  One an earlier import
 * brought in stops the import (unless IMPORT_AGAIN); one typed in, or
 * from this same file, is reported and imported. */
static enum pd_status
imp_twin(struct imp *im, const char *login, const struct ts_line *l,
    struct pd_err *err)
{
	struct import_seen seen;
	int64_t twin = 0;
	enum pd_status s;
	char when[32], what[160];

	s = db_import_twin(im->app->db, l, &twin, &seen, err);
	if (s == PD_NOT_FOUND)
		return PD_OK;
	if (s != PD_OK)
		return s;
	snprintf(what, sizeof what, "%s, %s, %d minutes, %s%s%s", login,
	    l->date, l->minutes, line_kind_label(l->kind),
	    l->note != NULL ? ", " : "", l->note != NULL ? l->note : "");
	if (seen.id != 0 && seen.id == im->import_id)
		imp_warn(im, "", "this line (%s) is the same as an earlier line "
		    "of this file; both are imported, so check it is not "
		    "counted twice", what);
	else if (seen.id != 0) {
		imp_when(seen.at, when);
		if (!(im->flags & IMPORT_AGAIN)) {
			if (im->again_lines++ < 3)
				strbuf_addf(&im->again_said, "%sline %d (%s) came "
				    "in on %s, imported by %s from %s",
				    im->again_lines > 1 ? "; " : "",
				    im->rec->line, what, when, seen.who,
				    seen.file_name);
		} else
			imp_warn(im, "", "the same line (%s) was imported on %s "
			    "by %s from %s; it is imported again (--again), so "
			    "it now counts twice", what, when, seen.who,
			    seen.file_name);
	} else
		imp_warn(im, "", "this line (%s) is the same as one already in "
		    "the week; it is imported too, so check it is not "
		    "counted twice", what);
	import_seen_fini(&seen);
	return PD_OK;
}

enum pd_status
imp_ts_row(struct imp *im, struct pd_err *err)
{
	const char *login = V(im, "pal_login"), *kind_s = V(im, "kind");
	struct ts_line l;
	struct imp_week *wk;
	int64_t pal_id = 0;
	pd_date day;
	enum pd_status s;
	const char *cid = V(im, "client_id");

	memset(&l, 0, sizeof l);
	if (login[0] == '\0')
		return imp_bad(im, "pal_login", err, "the PAL's login is needed");
	if ((s = imp_date(im, "date", V(im, "date"), 1, &day, err)) != PD_OK)
		return s;
	if ((s = imp_minutes(im, "minutes", V(im, "minutes"), 1, 1440,
	    &l.minutes, err)) != PD_OK)
		return s;
	if (line_kind_from_str(kind_s, &l.kind) != 0)
		return imp_bad(im, "kind", err, "'%s' is not a kind of time; use "
		    "session, supervision, training, travel, shadowing or admin",
		    kind_s);
	if (cid[0] != '\0') {
		char *end;

		l.client_id = strtoll(cid, &end, 10);
		if (*end != '\0' || l.client_id <= 0)
			return imp_bad(im, "client_id", err, "'%s' is not a "
			    "client number", cid);
	}
	if ((s = imp_pal_id(im, login, &pal_id, err)) != PD_OK)
		return s;
	if ((s = imp_week(im, pal_id, day, &wk, err)) != PD_OK)
		return s;
	if (wk->locked) {
		char ws[11];

		return imp_bad(im, "date", err, "%s's week starting %s is "
		    "already approved; a change to it needs the manager and a "
		    "reason, so it cannot be imported", login,
		    date_format(wk->start, ws));
	}
	l.week_id = wk->id;
	l.pal_id = pal_id;
	date_format(day, l.date);
	l.note = V(im, "note")[0] ? V(im, "note") : NULL;
	if ((s = imp_twin(im, login, &l, err)) != PD_OK)
		return s;
	l.import_id = im->import_id;
	s = db_line_insert(im->app->db, &l, access_staff_id(im->app), err);
	if (s == PD_NOT_FOUND && l.client_id > 0)
		return imp_bad(im, "client_id", err, "there is no client %s",
		    cid);
	if (s != PD_OK && err != NULL && err->line == 0) {
		char why[sizeof err->msg];

		snprintf(why, sizeof why, "%s", err->msg);
		return imp_bad(im, "", err, "%s", why);
	}
	return s;
}
