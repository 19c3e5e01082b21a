/* planquery.h - the reads and the one delete the plan use cases need
 * beyond db/plan.h: a plan found without making one, a goal's step
 * removed, the days a plan was reviewed, and every plan's goals at a
 * glance for the manager.
 *
 * Functions work inside the caller's transaction.  Reads take scope_pal
 * (0 = everyone) as db/plan.h does.
 */
#ifndef PEERDESK_DB_PLANQUERY_H
#define PEERDESK_DB_PLANQUERY_H

#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/client.h"
#include "peerdesk/model/plan.h"

/* One open goal of a plan, with its last two scores (a plan with no
 * open goal gives one row with goal_id 0). */
struct plan_goal_row {
	int64_t client_id;
	char *client_name;
	enum client_status client_status;
	enum plan_status plan_status;
	int current_version;
	int64_t goal_id;
	enum goal_area area;
	int n_scores;
	int latest, previous;		/* -99 when missing */
	char latest_on[11], previous_on[11];
};

void plan_goal_row_fini(struct plan_goal_row *r);

typedef int (*db_plan_goal_row_cb)(void *arg, const struct plan_goal_row *row);
typedef int (*db_plan_day_cb)(void *arg, const char *day);

/* The client's plan into *out without making one.  PD_NOT_FOUND when
 * the client has no plan yet, or is outside scope_pal's clients. */
enum pd_status db_plan_find(struct db *db, int64_t client_id,
    int64_t scope_pal, struct plan_info *out, struct pd_err *err);

/* Remove step id from its goal.  PD_NOT_FOUND. */
enum pd_status db_goal_step_delete(struct db *db, int64_t id,
    struct pd_err *err);

/* The score goal_id has on day into *score.  PD_NOT_FOUND when none. */
enum pd_status db_goal_score_on(struct db *db, int64_t goal_id,
    const char *day, int *score, struct pd_err *err);

/* Remove goal_id's scores on day (a score put right the same day).
 * Nothing there is not an error. */
enum pd_status db_goal_score_delete_day(struct db *db, int64_t goal_id,
    const char *day, struct pd_err *err);

/* The days the client's plan was reviewed, oldest first, each once:
 * days its goals were scored, and days reviews of the client's
 * assignments were held. */
enum pd_status db_plan_review_days(struct db *db, int64_t client_id,
    int64_t scope_pal, db_plan_day_cb cb, void *arg, struct pd_err *err);

/* Every plan in scope, by client name, one row per open goal. */
enum pd_status db_plan_goal_rows(struct db *db, int64_t scope_pal,
    db_plan_goal_row_cb cb, void *arg, struct pd_err *err);

#endif
