/* plans_priv.h - shared by the plan files of src/app (plans.c, plan_edit.c,
 * planhist.c, planio.c). */
#ifndef PEERDESK_APP_PLANS_PRIV_H
#define PEERDESK_APP_PLANS_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "peerdesk/app/app.h"
#include "peerdesk/model/plandoc.h"

/* The actor's scope for plan reads: their id for a PAL, else 0. */
int64_t plans_scope(const struct app *app);

/* The actor's staff id (0 for the system). */
int64_t plans_actor(const struct app *app);

/* Anyone signed in may `does` (app_require's words), and may reach
 * client_id (`reach`, access_client's words). */
enum pd_status plans_may(struct app *app, int64_t client_id,
    const char *does, const char *reach, struct pd_err *err);

/* Check the client exists and is in the actor's scope; *name (may be
 * NULL) gets a copy of the client's name.  Inside a transaction. */
enum pd_status plans_client(struct app *app, int64_t client_id, char **name,
    struct pd_err *err);

/* A staff member's name (caller frees), or NULL. */
char *plans_staff_name(struct app *app, int64_t id);

/* PD_INVALID (field, "what should be a date ...") unless day is "" or a
 * date, and not after today when asked. */
enum pd_status plans_check_day(const char *day, const char *field,
    const char *what, bool not_after_today, struct pd_err *err);

/* The moment of a change, "YYYY-MM-DDTHH:MM:SSZ" (UTC): now, but on
 * the day --today gives when it is set, so that saved versions, goal
 * changes and review days (which follow --today) can be compared. */
void plans_moment(char out[21]);

/* A UTC moment "YYYY-MM-DDTHH:MM:SSZ" (at may be NULL) as the local
 * time into *loc; -1 when at is not a moment. */
int plans_local(const char *at, struct tm *loc);

/* The day of a UTC moment as the program counts days (its local date),
 * "YYYY-MM-DD"; the first ten characters when at is not a moment. */
void plans_day_of(const char *at, char out[11]);

/* The moment an audit row stands for in a plan's history: its real
 * time of day (at, UTC) on its business day (day, as --today said when
 * it was written), so it sorts with the versions plans_moment() stamped.
 * at itself when day is "" (rows from before schema 8). */
void plans_moment_of(const char *at, const char *day, char out[21]);

/* app_audit() (no reason) with the business day: the plan's own changes,
 * which its history shows next to its versions (plans_moment_of). */
enum pd_status plans_audit(struct app *app, const char *action,
    const char *entity, int64_t entity_id, int64_t client_id,
    const char *summary, const char *before, const char *after,
    struct pd_err *err);

/* Commit when s is PD_OK, else roll back; returns the outcome. */
enum pd_status plans_finish(struct app *app, enum pd_status s,
    struct pd_err *err);

/* A plan's goals as db_goal_list gives them (plans_goal_cb collects
 * them; plans_goal_list_fini empties the list). */
struct goal_list {
	struct plan_goal *g;
	size_t n;
};
int plans_goal_cb(void *arg, const struct plan_goal *row);
void plans_goal_list_fini(struct goal_list *l);

/* Read the whole plan into doc (inside a transaction, no audit). */
enum pd_status plans_read(struct app *app, int64_t client_id,
    struct plan_doc *doc, struct pd_err *err);

/* A goal and its steps as "key: value" lines, for audit rows. */
char *plans_goal_describe(const struct plan_doc_goal *g);

#endif
