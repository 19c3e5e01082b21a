/* plan.h - the client's Wellness and Safety Plan: versions of its
 * sections, goals with steps and scores, and loose-leaf notes.
 *
 * Functions work inside the caller's transaction.  Reads take scope_pal
 * (0 = everyone): a PAL gets only plans of clients they are assigned to
 * now; anything else is PD_NOT_FOUND or an empty list.
 */
#ifndef PEERDESK_DB_PLAN_H
#define PEERDESK_DB_PLAN_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/plan.h"

/* List callbacks: row is borrowed for the call; return nonzero to stop.
 * They must not call the same db_* list function again. */
typedef int (*db_plan_version_cb)(void *arg, const struct plan_sections *row);
typedef int (*db_goal_cb)(void *arg, const struct plan_goal *row);
typedef int (*db_goal_step_cb)(void *arg, const struct goal_step *row);
typedef int (*db_goal_score_cb)(void *arg, const struct goal_score *row);
typedef int (*db_plan_note_cb)(void *arg, const struct plan_note *row);

/* The client's plan into *out, made (a draft with no versions) if there
 * is none yet.  PD_NOT_FOUND: no such client, or outside scope_pal's
 * clients (then nothing is made). */
enum pd_status db_plan_get_or_create(struct db *db, int64_t client_id,
    int64_t scope_pal, struct plan_info *out, struct pd_err *err);

/* Save s as version expected_current + 1, by `by`, at moment
 * s->saved_at ("" = now), if the plan's current version is still
 * expected_current; makes it current.
 * PD_CONFLICT (naming who saved the newer one, nothing written) or
 * PD_NOT_FOUND. */
enum pd_status db_plan_version_insert(struct db *db, int64_t plan_id,
    const struct plan_sections *s, int expected_current, int64_t by,
    struct pd_err *err);

/* Version version_no (0 = the current one) into *out (caller finis it).
 * PD_NOT_FOUND: no such version, or outside scope_pal's clients. */
enum pd_status db_plan_version_get(struct db *db, int64_t plan_id,
    int version_no, int64_t scope_pal, struct plan_sections *out,
    struct pd_err *err);

/* Every saved version, newest first. */
enum pd_status db_plan_version_list(struct db *db, int64_t plan_id,
    int64_t scope_pal, db_plan_version_cb cb, void *arg,
    struct pd_err *err);

/* Mark the plan established on date `on` by `by`.  PD_NOT_FOUND. */
enum pd_status db_plan_set_established(struct db *db, int64_t plan_id,
    const char *on, int64_t by, struct pd_err *err);

/* Add goal g to plan g->plan_id (created_on "" = today); sets g->id,
 * g->version = 1.  PD_NOT_FOUND: no such plan. */
enum pd_status db_goal_insert(struct db *db, struct plan_goal *g,
    struct pd_err *err);

/* Save g (area, title, detail, set by, dates, position) if nobody saved
 * it since g->version was read; bumps g->version.  PD_CONFLICT or
 * PD_NOT_FOUND. */
enum pd_status db_goal_update(struct db *db, struct plan_goal *g,
    struct pd_err *err);

/* The plan's goals: ambitions first, then the Five Ways in order, each
 * by position. */
enum pd_status db_goal_list(struct db *db, int64_t plan_id,
    int64_t scope_pal, db_goal_cb cb, void *arg, struct pd_err *err);

/* Add step s to goal s->goal_id; sets s->id.  PD_NOT_FOUND: no goal. */
enum pd_status db_goal_step_insert(struct db *db, struct goal_step *s,
    struct pd_err *err);

/* Save step s (text, position, done on).  PD_NOT_FOUND. */
enum pd_status db_goal_step_update(struct db *db, const struct goal_step *s,
    struct pd_err *err);

/* The goal's steps by position. */
enum pd_status db_goal_step_list(struct db *db, int64_t goal_id,
    int64_t scope_pal, db_goal_step_cb cb, void *arg, struct pd_err *err);

/* Record score (-2 .. +2) for goal_id on date `on`, at review review_id
 * (0 = none), by `by`.  PD_INVALID for a score out of range;
 * PD_NOT_FOUND: no such goal or review. */
enum pd_status db_goal_score_insert(struct db *db, int64_t goal_id,
    const char *on, int score, int64_t review_id, int64_t by,
    struct pd_err *err);

/* The goal's scores over time, oldest first. */
enum pd_status db_goal_score_list(struct db *db, int64_t goal_id,
    int64_t scope_pal, db_goal_score_cb cb, void *arg, struct pd_err *err);

/* Add note n to plan n->plan_id (written_on "" = today); sets n->id and
 * n->created_at.  PD_INVALID for empty text; PD_NOT_FOUND: no plan. */
enum pd_status db_plan_note_insert(struct db *db, struct plan_note *n,
    struct pd_err *err);

/* The plan's notes by date written, oldest first, with author names. */
enum pd_status db_plan_note_list(struct db *db, int64_t plan_id,
    int64_t scope_pal, db_plan_note_cb cb, void *arg, struct pd_err *err);

/* Note note_id of client_id's plan into *out (plan_note_fini it), with
 * its author's name.  PD_NOT_FOUND: no such note in that client's plan,
 * or outside scope_pal's clients. */
enum pd_status db_plan_note_get(struct db *db, int64_t client_id,
    int64_t note_id, int64_t scope_pal, struct plan_note *out,
    struct pd_err *err);

/* Remove note note_id.  PD_NOT_FOUND when it is not there. */
enum pd_status db_plan_note_delete(struct db *db, int64_t note_id,
    struct pd_err *err);

#endif
