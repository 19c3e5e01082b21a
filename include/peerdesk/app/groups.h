/* groups.h - groups and drop-ins: the walking group, the communal meal,
 * peer groups and courses; each meeting's register; the PAL's paid time.
 *
 * Who may do what:
 *   - office, manager: every group; add groups and meetings; take any
 *     register; name clients by their record.
 *   - a PAL: only the groups they facilitate.  In a register they see
 *     their own clients by name and record, and anyone else only by a
 *     first name (a client who is not theirs is never shown by record,
 *     nor any other detail).  They take the register of their own
 *     groups: their own clients by record, anyone who came before by
 *     the number in the group's list of regulars, anyone else by a first
 *     name or a count.
 * A PAL running a meeting is paid: each PAL among the meeting's
 * facilitators gets a line of the meeting's length in their week
 * (counted towards permitted work like any other line), with the same
 * limit and approved-week rules and reasons as a session.
 */
#ifndef PEERDESK_APP_GROUPS_H
#define PEERDESK_APP_GROUPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/model/group.h"

/* The groups the actor may see (a PAL: those they facilitate), active
 * ones only unless all.  *out freed with group_rows_free. */
enum pd_status app_groups_list(struct app *app, bool all,
    struct group_row **out, size_t *n, struct pd_err *err);

/* Find a group by number ("3") or name; the actor must be allowed to see
 * it. */
enum pd_status app_group_find(struct app *app, const char *what,
    int64_t *id, struct pd_err *err);

/* A group with its meetings (newest first) and regulars. */
struct group_detail {
	struct group_row row;
	struct group_meeting *meetings;
	size_t nmeetings;
	struct group_regular *regulars;
	size_t nregulars;
};
void group_detail_fini(struct group_detail *d);

/* Group id as the actor may see it (meetings: the latest `limit`, 0 all). */
enum pd_status app_group_get(struct app *app, int64_t id, int limit,
    struct group_detail *out, struct pd_err *err);

/* Add a group (office, manager).  name and kind needed; day, time and
 * place optional; facilitators (staff ids of PALs or staff) optional.
 * Sets g->id. */
enum pd_status app_group_add(struct app *app, struct group *g,
    const int64_t *facilitators, size_t nfac, struct pd_err *err);

/* Make staff_id a facilitator of group_id (office, manager). */
enum pd_status app_group_facilitator_add(struct app *app, int64_t group_id,
    int64_t staff_id, struct pd_err *err);

/* What recording meeting m (run by staff: NULL/0 = the group's
 * facilitators, or for a PAL themselves) does to each PAL's week: one
 * preview per PAL among them (*out free()d; none when no PAL ran it). */
enum pd_status app_group_meeting_preview(struct app *app,
    const struct group_meeting *m, const int64_t *staff, size_t nstaff,
    struct time_preview **out, size_t *n, struct pd_err *err);

/* Record meeting m of m->group_id: date (today or earlier), minutes,
 * optional start and notes, extra_count people not named; who ran it
 * (as app_group_meeting_preview); who came.  Every PAL among those who
 * ran it gets a line in their week.  reason: as app_line_add.  Sets
 * m->id.  Nothing is saved when anything is refused. */
enum pd_status app_group_meeting_add(struct app *app,
    struct group_meeting *m, const int64_t *staff, size_t nstaff,
    const struct group_came *came, size_t ncame, const char *reason,
    struct pd_err *err);

/* Correct meeting m->id (as read, m->version): its date, start, minutes,
 * notes and count of others.  Each PAL's paid line for it moves with it,
 * through the same week rules as any change to a line: an approved or
 * paid week needs the manager and a reason (kept as an adjustment), a
 * week going over a limit the manager's reason.  Who came is not
 * changed here.  Nothing is saved when anything is refused. */
enum pd_status app_group_meeting_update(struct app *app,
    struct group_meeting *m, const char *reason, struct pd_err *err);

/* Correct who came to meeting m->id (as read, m->version): add the
 * people in add (as app_group_meeting_add takes them), take out those in
 * drop (a client's record, a number from the group's regulars, or a
 * first name as the actor sees it in the register: for a PAL that may
 * be a client who is not theirs), and set the count of others to extra
 * (-1: leave it).  The same scope as taking the register.  Someone
 * already there, or not there, is refused by name.  A copy someone else
 * changed meanwhile is refused, naming who.  Sets m->version and
 * m->extra_count.  Nothing is saved when anything is refused. */
enum pd_status app_group_register_change(struct app *app,
    struct group_meeting *m, const struct group_came *add, size_t nadd,
    const struct group_came *drop, size_t ndrop, int extra,
    struct pd_err *err);

/* The numbers in the group's regulars (as app_group_get gives them) of
 * those who came to meeting id, for opening its register again.  *out
 * is free()d. */
enum pd_status app_group_meeting_came_nos(struct app *app, int64_t id,
    int **out, size_t *n, struct pd_err *err);

/* Remove meeting id, its register, and each PAL's paid line for it (an
 * approved or paid week: the manager and a reason, kept as an
 * adjustment). */
enum pd_status app_group_meeting_delete(struct app *app, int64_t id,
    const char *reason, struct pd_err *err);

/* Mark a group no longer running (active 0: kept, listed apart, no new
 * meetings) or running again (1).  Office, manager. */
enum pd_status app_group_set_active(struct app *app, int64_t id,
    int active, struct pd_err *err);

/* A meeting and who came, as the actor may see them. */
enum pd_status app_group_meeting_get(struct app *app, int64_t id,
    struct group_meeting *m, struct group_attendee **who, size_t *n,
    struct pd_err *err);

/* The groups client_id comes to (or a goal of theirs names), with the
 * times they came and their last (struct group_row: meetings = times
 * they came, last = their last).  The actor must see the client. */
enum pd_status app_client_groups(struct app *app, int64_t client_id,
    struct group_row **out, size_t *n, struct pd_err *err);

/* Name a group in plan goal goal_id (group_id 0: none).  Staff, or the
 * client's PAL. */
enum pd_status app_goal_group_set(struct app *app, int64_t goal_id,
    int64_t group_id, struct pd_err *err);

/* The client lets these words be quoted, unnamed, in reports (on 1) or
 * no longer (on 0): a review (is_review) or a plan note.  Staff only. */
enum pd_status app_quote_set(struct app *app, bool is_review, int64_t id,
    bool on, struct pd_err *err);

/* True unless the actor is a PAL who runs no group (or it cannot be told). */
bool app_groups_any(struct app *app);

/* The staff id (a PAL or staff) with this login; PD_NOT_FOUND when
 * none. */
enum pd_status app_group_staff_by_login(struct app *app, const char *login,
    int64_t *staff_id, struct pd_err *err);

#endif
