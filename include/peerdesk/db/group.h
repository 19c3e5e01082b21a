/* group.h - groups, their facilitators, meetings and who came. */
#ifndef PEERDESK_DB_GROUP_H
#define PEERDESK_DB_GROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/group.h"

/* Insert g (sets id, version). */
enum pd_status db_group_insert(struct db *db, struct group *g, int64_t by,
    struct pd_err *err);

/* Make staff_id one of group_id's facilitators (nothing when already). */
enum pd_status db_group_facilitator_add(struct db *db, int64_t group_id,
    int64_t staff_id, struct pd_err *err);

/* True when staff_id facilitates group_id. */
bool db_group_is_facilitator(struct db *db, int64_t group_id,
    int64_t staff_id);

/* The groups (facilitated by staff_id unless it is 0; active ones only
 * unless all), by name, with their counts.  *out freed with
 * group_rows_free. */
enum pd_status db_group_list(struct db *db, int64_t staff_id, bool all,
    struct group_row **out, size_t *n, struct pd_err *err);

/* One group with its counts; PD_NOT_FOUND when none. */
enum pd_status db_group_get(struct db *db, int64_t id, struct group_row *out,
    struct pd_err *err);

/* The id of the group called name (any case); PD_NOT_FOUND when none. */
enum pd_status db_group_by_name(struct db *db, const char *name,
    int64_t *id, struct pd_err *err);

/* The facilitators' staff ids. *out is free()d. */
enum pd_status db_group_facilitators(struct db *db, int64_t group_id,
    int64_t **out, size_t *n, struct pd_err *err);

/* Insert a meeting (sets id, version). */
enum pd_status db_group_meeting_insert(struct db *db,
    struct group_meeting *m, int64_t by, struct pd_err *err);

/* Who ran meeting_id. */
enum pd_status db_group_meeting_staff_add(struct db *db, int64_t meeting_id,
    int64_t staff_id, struct pd_err *err);

/* One came: a client (client_id) or a first name. */
enum pd_status db_group_attendance_add(struct db *db, int64_t meeting_id,
    int64_t client_id, const char *first_name, struct pd_err *err);

/* Tie timesheet line line_id to meeting_id (the PAL's paid time). */
enum pd_status db_group_line_link(struct db *db, int64_t line_id,
    int64_t meeting_id, struct pd_err *err);

/* Correct meeting m (date, start, minutes, notes, extra_count) when its
 * version is still m->version (then m->version + 1); PD_CONFLICT when
 * someone changed it first. */
enum pd_status db_group_meeting_update(struct db *db,
    struct group_meeting *m, struct pd_err *err);

/* PD_CONFLICT naming who last changed meeting_id and when (from the
 * audit), or PD_NOT_FOUND when it is gone. */
enum pd_status db_group_meeting_stale(struct db *db, int64_t meeting_id,
    struct pd_err *err);

/* Take one out of meeting_id's register: client client_id, or (0) one
 * person known by first_name only (any case).  PD_NOT_FOUND, with no
 * message, when there is no such line. */
enum pd_status db_group_attendance_remove(struct db *db, int64_t meeting_id,
    int64_t client_id, const char *first_name, struct pd_err *err);

/* True when client_id is in meeting_id's register. */
bool db_group_attended(struct db *db, int64_t meeting_id, int64_t client_id);

/* Remove meeting_id with its register and who ran it (its timesheet
 * lines must be gone first). */
enum pd_status db_group_meeting_delete(struct db *db, int64_t meeting_id,
    struct pd_err *err);

/* The timesheet lines tied to meeting_id (the PALs' paid time), by id.
 * *out is free()d. */
enum pd_status db_group_meeting_lines(struct db *db, int64_t meeting_id,
    int64_t **out, size_t *n, struct pd_err *err);

/* The meeting timesheet line line_id is tied to (0 when none). */
int64_t db_group_line_meeting(struct db *db, int64_t line_id);

/* Mark group_id running (1) or no longer running (0). */
enum pd_status db_group_set_active(struct db *db, int64_t group_id,
    int active, struct pd_err *err);

/* A group's meetings, newest first (limit 0: all).  *out freed by
 * group_meeting_fini on each and free(). */
enum pd_status db_group_meetings(struct db *db, int64_t group_id, int limit,
    struct group_meeting **out, size_t *n, struct pd_err *err);

/* One meeting; PD_NOT_FOUND when none. */
enum pd_status db_group_meeting_get(struct db *db, int64_t id,
    struct group_meeting *out, struct pd_err *err);

/* Who came to meeting_id: clients (client_id, full name, preferred name
 * in *pref) and first names (client_id 0). scope_pal: a PAL's id; a
 * client that PAL may not see today comes back with client_id 0 and only
 * their first name.  *out freed with group_attendees_free. */
enum pd_status db_group_attendees(struct db *db, int64_t meeting_id,
    int64_t scope_pal, struct group_attendee **out, size_t *n,
    struct pd_err *err);

/* The group's regulars: every client who came (numbered by client id)
 * then every first name (numbered after them), with how often.  Names as
 * db_group_attendees.  *out freed with group_regulars_free. */
enum pd_status db_group_regulars(struct db *db, int64_t group_id,
    int64_t scope_pal, struct group_regular **out, size_t *n,
    struct pd_err *err);

/* A client's groups: each group with how many meetings they came to and
 * the last, in rows of struct group_row (meetings = times they came,
 * last = their last). */
enum pd_status db_group_of_client(struct db *db, int64_t client_id,
    struct group_row **out, size_t *n, struct pd_err *err);

/* Set plan goal goal_id's group (0: none); PD_NOT_FOUND when no goal. */
enum pd_status db_group_goal_set(struct db *db, int64_t goal_id,
    int64_t group_id, struct pd_err *err);

/* The client and group of goal_id (group 0 when none). */
enum pd_status db_group_goal_get(struct db *db, int64_t goal_id,
    int64_t *client_id, int64_t *group_id, struct pd_err *err);

/* Mark a review or a plan note as one the client lets us quote.
 * *client_id gets the client it is about.  PD_NOT_FOUND when none. */
enum pd_status db_quote_set(struct db *db, bool is_review, int64_t id,
    bool on, int64_t *client_id, struct pd_err *err);

/* ---- for the demo organisation (app/demo_groups.c) ---- */

/* Up to max clients who are active or paused now: those with a goal
 * about the walking group first, then by id. */
enum pd_status db_demo_active_clients(struct db *db, int max,
    int64_t **out, size_t *n, struct pd_err *err);

/* Every review's id, oldest first. */
enum pd_status db_demo_reviews(struct db *db, int64_t **out, size_t *n,
    struct pd_err *err);

/* Give review id these words, which the client lets us quote. */
enum pd_status db_demo_review_words(struct db *db, int64_t id,
    const char *words, struct pd_err *err);

/* Every goal whose title is LIKE `like` names group_id. */
enum pd_status db_demo_goal_group(struct db *db, const char *like,
    int64_t group_id, struct pd_err *err);

#endif
