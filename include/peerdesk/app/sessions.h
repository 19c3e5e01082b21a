/* sessions.h - session notes: what a PAL did with a client, and the
 * timesheet line each one makes.
 *
 * A PAL logs sessions with their own clients only (the client must be
 * one they are assigned to now; checked through the same scope as every
 * other read).  Office staff and the manager may log one for a PAL, with
 * one of that PAL's clients.  A session dated today or earlier is done
 * and gets exactly one timesheet line; a later one is booked and gets
 * its line when it is changed to a date that has come.  Changing a
 * session changes its line, and the other way round (timesheets.h).
 * Before saving, app_session_preview says what the session does to the
 * PAL's week; the same limit and approved-week rules as timesheets.h
 * apply when saving.
 */
#ifndef PEERDESK_APP_SESSIONS_H
#define PEERDESK_APP_SESSIONS_H

#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/model/timesheet.h"

/* One of a PAL's clients, for the session form's picker. */
struct session_client {
	int64_t client_id;
	char *name;
	int contracted_minutes;	/* a week; -1 = not agreed */
};

void session_clients_free(struct session_client *v, size_t n);

/* The clients pal_id (0 = the actor) works with now, by name.  A PAL may
 * ask only for their own.  *out is freed with session_clients_free. */
enum pd_status app_session_clients(struct app *app, int64_t pal_id,
    struct session_client **out, size_t *n, struct pd_err *err);

/* What saving s would do to the PAL's week (s->id 0: a new session,
 * else the stored one is taken off first).  Checks the fields and the
 * client as saving would; never writes. */
enum pd_status app_session_preview(struct app *app, const struct session *s,
    struct time_preview *out, struct pd_err *err);

/* Log s: s->pal_id is the actor for a PAL, and must name a PAL for
 * staff; client, date (YYYY-MM-DD), minutes (1-1440) and place are
 * needed; start time ("HH:MM") and the three notes are optional.  Sets
 * s->booked from the date, s->id and s->version.  reason and the
 * refusals are as app_line_add (timesheets.h). */
enum pd_status app_session_log(struct app *app, struct session *s,
    const char *reason, struct pd_err *err);

/* Read session id (the actor's scope applies; a PAL sees only their
 * own sessions).  session_fini it. */
enum pd_status app_session_get(struct app *app, int64_t id,
    struct session *out, struct pd_err *err);

/* Save a changed session read with app_session_get; its line follows
 * (made, moved to another week, changed or removed as the date and
 * length say).  The PAL cannot change.  Rules as app_session_log;
 * PD_CONFLICT when someone saved it meanwhile. */
enum pd_status app_session_update(struct app *app, struct session *s,
    const char *reason, struct pd_err *err);

/* Remove session id and its line.  Same rules as changing it. */
enum pd_status app_session_delete(struct app *app, int64_t id,
    const char *reason, struct pd_err *err);

#endif
