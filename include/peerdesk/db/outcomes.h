/* outcomes.h - the queries behind the outcomes report (app/outcomes.c
 * turns them into struct outcomes). */
#ifndef PEERDESK_DB_OUTCOMES_H
#define PEERDESK_DB_OUTCOMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/outcomes.h"

/* One goal with a score by `to`, of a client scored in the period. */
struct outcome_goal_raw {
	int64_t client_id;
	char area[16];		/* plan_goal.area */
	int first, latest;	/* its first and latest score by `to` */
	char *name;		/* the client's name, only when named */
};

/* A quotable review or plan note, with the names to take out. */
struct outcome_quote_raw {
	char date[11];
	bool review;		/* a review, else a plan note */
	char *text, *name, *preferred;
};

struct outcomes_raw {
	int *waits;		/* days from referral to first meeting,
				 * sorted */
	size_t n_waits;
	struct outcome_goal_raw *goals;	/* by client */
	size_t n_goals;
	struct outcome_quote_raw *quotes;
	size_t n_quotes;
};

void outcomes_raw_fini(struct outcomes_raw *r);

/* Fill o's counts (referrals, supported, closed and why with the reason
 * codes as labels, reviews, hours with the route as its code, groups)
 * and raw for o->from..o->to and o->funder (NULL: everyone). */
enum pd_status db_outcomes(struct db *db, struct outcomes *o,
    struct outcomes_raw *raw, struct pd_err *err);

/* Every funder named in a client's funding, once (any case), by name.
 * *out: n strings, each and the array free()d. */
enum pd_status db_outcomes_funders(struct db *db, char ***out, size_t *n,
    struct pd_err *err);

#endif
