/* demo_common_priv.h - shared by the demo generator's files (demo.c,
 * demo_common.c, demo_people.c, demo_plans.c, demo_clients.c; private to
 * app/). */
#ifndef PEERDESK_APP_DEMO_COMMON_PRIV_H
#define PEERDESK_APP_DEMO_COMMON_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/demo.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/timesheet.h"	/* enum line_kind, benefit_rule */
#include "peerdesk/model/date.h"

#define MAX_PAL_CLIENTS 8

struct demo_pal {
	int64_t id;
	char name[64];
	char login[32];
	enum benefit_rule rule;
	int cap;			/* most minutes a week we give them */
	int premium;			/* pence an hour above the wage floor */
	pd_date ends[MAX_PAL_CLIENTS];	/* end dates of current clients */
	int n;
};

struct demo {
	struct app *app;
	struct db *db;
	enum demo_scale scale;
	struct demo_stats *st;
	uint64_t rng;
	pd_date today, start, this_week;
	int week_wd;
	int nweeks;
	struct demo_pal *pals;
	int npals;
	int64_t manager_id, ops_id;
	int *minutes;		/* [pal * nweeks + week] */
	int64_t *week_ids;	/* [pal * nweeks + week], 0 = not yet */
	int forced;		/* clients given a fixed review story */
	int64_t reopened;	/* the closed client who came back */
};

/* ---- randomness (splitmix64: small, fast, reproducible) ------ */

uint64_t demo_next(struct demo *d);

/* A number in [lo, hi]. */
int demo_range(struct demo *d, int lo, int hi);

/* 1 with the chance percent in 100. */
bool demo_chance(struct demo *d, int percent);

#define PICK(d, list) ((list)[demo_range((d), 0, (int)NELEM(list) - 1)])

/* s copied into buf (n bytes), which is returned: the demo's records
 * hold their words in the caller's buffers, not in its const tables. */
char *demo_copy(char *buf, size_t n, const char *s);

/* day as "YYYY-MM-DD". */
void demo_fmt(pd_date day, char out[11]);

/* ---- weeks and timesheet lines -------------------------------------- */

/* The index of day's week from the demo's first week. */
int demo_week_index(struct demo *d, pd_date day);

/* The id of PAL p's week w, made when first asked. */
enum pd_status demo_week_id(struct demo *d, int p, int w, int64_t *out,
    struct pd_err *err);

/* Add a paid line (not a session) for PAL p. */
enum pd_status demo_line(struct demo *d, int p, pd_date day, int minutes,
    enum line_kind kind, int64_t client_id, int64_t session_id,
    const char *note, struct pd_err *err);

/* The minutes PAL p may still be given in day's week. */
int demo_room(struct demo *d, int p, pd_date day);

/* ---- people (demo_people.c) ------------------------------------------ */

/* A member of staff (login, name, role) into *id. */
enum pd_status demo_staff(struct demo *d, const char *login,
    const char *name, enum role role, int64_t *id, struct pd_err *err);

/* The i-th PAL with their pay, rule, DBS and training. */
enum pd_status demo_pal(struct demo *d, int i, struct pd_err *err);

/* PAL p's paid time that is not sessions: training, supervision. */
enum pd_status demo_pal_work(struct demo *d, int p, struct pd_err *err);

/* ---- clients and plans (demo_clients.c, demo_plans.c) ---------------- */

/* client_id's plan, written, established and reviewed on those days. */
enum pd_status demo_plan(struct demo *d, int64_t client_id, pd_date written,
    pd_date established, pd_date reviewed, int64_t review_id,
    struct pd_err *err);

/* The i-th of nclients clients, with everything that happened to them. */
enum pd_status demo_client(struct demo *d, int i, int nclients,
    struct pd_err *err);

#endif
