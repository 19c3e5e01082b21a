/* group_register.c - changing who came to a group's meeting: the
 * register of clients and first names (app/groups.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/groups.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/group.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/today.h"
#include "app_priv.h"
#include "group_priv.h"
#include "time_priv.h"

/* Who came, in words for the audit: clients only as "client #N". */
static void
groups_register_text(struct app *app, int64_t meeting_id, int extra,
    struct strbuf *out)
{
	struct group_attendee *v = NULL;
	size_t n = 0, i;
	int named = 0, firsts = 0;

	if (db_group_attendees(app->db, meeting_id, 0, &v, &n, NULL) != PD_OK)
		n = 0;
	for (i = 0; i < n; i++) {
		if (v[i].client_id != 0)
			strbuf_addf(out, "%sclient #%lld", named++ > 0 ? ", " :
			    "came: ", (long long)v[i].client_id);
		else
			firsts++;
	}
	strbuf_addf(out, "%s%d by first name, %d more", named > 0 ? "; " :
	    "", firsts, extra);
	group_attendees_free(v, n);
}

/* The line to take out for drop: *client, or a first name in first. */
static enum pd_status
groups_drop_resolve(struct app *app, int64_t meeting_id,
    const struct group_came *c, const struct group_regular *regs,
    size_t nregs, int64_t *client, char first[FIRST_NAME_MAX + 1],
    struct pd_err *err)
{
	struct group_attendee *shown = NULL, *full = NULL;
	size_t nshown = 0, nfull = 0, i;
	enum pd_status st;

	if (c->client_id != 0 || c->regular != 0)
		return groups_came_resolve(app, c, regs, nregs, client, first,
		    err);
	if ((st = groups_came_resolve(app, c, regs, nregs, client, first,
	    err)) != PD_OK)
		return st;
	/* A first name as the actor sees the register: for a PAL, maybe a
	 * client who is not theirs (the same rows in the same order). */
	st = db_group_attendees(app->db, meeting_id, access_scope(app), &shown,
	    &nshown, err);
	if (st == PD_OK)
		st = db_group_attendees(app->db, meeting_id, 0, &full, &nfull,
		    err);
	for (i = 0; st == PD_OK && i < nshown && i < nfull; i++) {
		if (shown[i].client_id == 0 && shown[i].name != NULL &&
		    strcasecmp(shown[i].name, first) == 0) {
			*client = full[i].client_id;
			break;
		}
	}
	group_attendees_free(shown, nshown);
	group_attendees_free(full, nfull);
	return st;
}

/* Take each of drop out of meeting_id's register; refused when one is
 * not in it. */
static enum pd_status
groups_register_drop(struct app *app, int64_t meeting_id,
    const struct group_came *drop, size_t ndrop,
    const struct group_regular *regs, size_t nregs, struct pd_err *err)
{
	enum pd_status st = PD_OK;
	size_t i;

	for (i = 0; st == PD_OK && i < ndrop; i++) {
		char first[FIRST_NAME_MAX + 1];
		int64_t cid;

		st = groups_drop_resolve(app, meeting_id, &drop[i], regs, nregs,
		    &cid, first, err);
		if (st != PD_OK)
			break;
		st = db_group_attendance_remove(app->db, meeting_id, cid, first,
		    NULL);
		if (st == PD_NOT_FOUND) {
			if (drop[i].regular != 0)
				st = pd_fail(err, PD_INVALID, "remove",
				    "%s is not in this meeting's register",
				    regs[drop[i].regular - 1].name);
			else if (cid != 0 && first[0] == '\0')
				st = pd_fail(err, PD_INVALID, "remove",
				    "client %lld is not in this meeting's "
				    "register", (long long)cid);
			else
				st = pd_fail(err, PD_INVALID, "remove",
				    "%s is not in this meeting's register",
				    first);
		}
	}
	return st;
}

/* Put each of add into meeting_id's register; refused when a client is
 * in it already. */
static enum pd_status
groups_register_add(struct app *app, int64_t meeting_id,
    const struct group_came *add, size_t nadd,
    const struct group_regular *regs, size_t nregs, struct pd_err *err)
{
	enum pd_status st = PD_OK;
	size_t i;

	for (i = 0; st == PD_OK && i < nadd; i++) {
		char first[FIRST_NAME_MAX + 1];
		int64_t cid;

		st = groups_came_resolve(app, &add[i], regs, nregs, &cid,
		    first, err);
		if (st != PD_OK)
			break;
		if (cid != 0 && db_group_attended(app->db, meeting_id, cid)) {
			if (add[i].regular != 0)
				st = pd_fail(err, PD_INVALID, "add", "%s is "
				    "already in this meeting's register",
				    regs[add[i].regular - 1].name);
			else
				st = pd_fail(err, PD_INVALID, "add", "client "
				    "%lld is already in this meeting's "
				    "register", (long long)cid);
			break;
		}
		st = db_group_attendance_add(app->db, meeting_id, cid, first, err);
	}
	return st;
}

enum pd_status
app_group_register_change(struct app *app, struct group_meeting *m,
    const struct group_came *add, size_t nadd, const struct group_came *drop,
    size_t ndrop, int extra, struct pd_err *err)
{
	struct strbuf sum = STRBUF_INIT, before = STRBUF_INIT,
	    after = STRBUF_INIT;
	struct group_regular *regs = NULL;
	struct group_meeting old, upd;
	size_t nregs = 0;
	enum pd_status st;

	if ((st = app_require(app, APP_ANYONE, "correct who came to a group "
	    "meeting", err)) != PD_OK)
		return st;
	if ((st = groups_meeting_own(app, m->id, &old, err)) != PD_OK)
		return st;
	if (extra < -1 || extra > 10000) {
		st = pd_fail(err, PD_INVALID, "extra", "the count of others "
		    "should be a number from 0");
		goto out;
	}
	if (m->version != old.version) {
		st = db_group_meeting_stale(app->db, m->id, err);
		goto out;
	}
	if ((st = db_group_regulars(app->db, old.group_id, 0, &regs, &nregs,
	    err)) != PD_OK)
		goto out;
	if ((st = db_begin(app->db, err)) != PD_OK)
		goto out;
	groups_register_text(app, m->id, old.extra_count, &before);
	st = groups_register_drop(app, m->id, drop, ndrop, regs, nregs, err);
	if (st == PD_OK)
		st = groups_register_add(app, m->id, add, nadd, regs, nregs,
		    err);
	/* The version moves on even when only names changed, so a copy
	 * opened before is refused. */
	if (st == PD_OK) {
		upd = old;
		upd.version = m->version;
		if (extra >= 0)
			upd.extra_count = extra;
		st = db_group_meeting_update(app->db, &upd, err);
	}
	if (st == PD_OK) {
		groups_register_text(app, m->id, upd.extra_count, &after);
		strbuf_addf(&sum, "corrected who came to the meeting of group "
		    "%lld on %s", (long long)old.group_id, old.date);
		st = app_audit(app, "update", "group_meeting", m->id, 0,
		    strbuf_str(&sum), strbuf_str(&before), strbuf_str(&after),
		    NULL, err);
	}
	st = app_finish(app, st, err);
	if (st == PD_OK) {
		m->version = upd.version;
		m->extra_count = upd.extra_count;
	}
out:
	strbuf_fini(&sum);
	strbuf_fini(&before);
	strbuf_fini(&after);
	group_regulars_free(regs, nregs);
	group_meeting_fini(&old);
	return st;
}
