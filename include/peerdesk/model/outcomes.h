/* outcomes.h - the outcomes report's figures (what a funder or
 * commissioner asks for each quarter), and the Goal Attainment Scaling
 * T-score.  Pure: the figures are filled by app/outcomes.c from db/. */
#ifndef PEERDESK_MODEL_OUTCOMES_H
#define PEERDESK_MODEL_OUTCOMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Goal Attainment Scaling (Kiresuk and Sherman, 1968): the T-score of
 * n goals scored x[i] in -2..+2, equal weights, the usual correlation
 * between goals rho = 0.3:
 *     T = 50 + 10 * sum(x) / sqrt((1 - rho) * n + rho * n * n)
 * 50 is "as expected"; each goal a step better moves it up.  Returns 0
 * and sets *t; -1 when n is 0 or a score is outside -2..+2. */
#define GAS_RHO 0.3
int outcomes_gas_tscore(const int *x, size_t n, double *t);

/* The median of n sorted values (the mean of the middle two when n is
 * even); 0 when n is 0. */
double outcomes_median(const int *sorted, size_t n);

/* The areas a goal can be in: the client's ambitions and the Five Ways
 * to Wellbeing (as plan_goal.area). */
#define OUTCOME_AREAS 6

struct outcome_count {		/* "moved away", 2 */
	char *label;
	int n;
};

struct outcome_hours {		/* one funder and funding route */
	char *funder;		/* "" when none recorded */
	char *route;		/* words: "personal budget", ... */
	int clients;
	int64_t contracted_minutes;	/* weekly minutes over the days of
					 * the period the funding ran */
	int64_t delivered_minutes;	/* sessions held on those days */
};

struct outcome_person {		/* one client's goal attainment */
	char *label;		/* "Person 3", or a name (see named) */
	int goals;
	double t_first, t_latest;
};

struct outcome_area {		/* one area's goal attainment */
	int clients, goals;
	double t_first, t_latest;	/* means over the clients */
};

struct outcome_group {
	char *name;
	int meetings, people, attendances, new_people;
};

struct outcome_month {		/* group attendance in one month */
	char month[8];		/* "2026-07" */
	int meetings, attendances;
};

struct outcome_quote {
	char date[11];
	const char *source;	/* "review" or "plan note" (static) */
	char *text;		/* with the client's names taken out */
};

struct outcomes {
	char from[11], to[11];
	char *funder;		/* NULL: everyone */
	bool named;		/* people named: the funder pays their own
				 * budget */
	int referrals;
	int supported;		/* clients with a session or a group
				 * meeting in the period */
	int closed;
	struct outcome_count *closed_why;
	size_t n_closed_why;
	int waits;		/* first meetings in the period */
	double wait_median;	/* days from referral to first meeting */
	int wait_min, wait_max;
	struct outcome_hours *hours;
	size_t n_hours;
	int reviews;		/* first reviews held in the period */
	int reviews_in_window;	/* of those, 28 to 42 days after the
				 * first meeting */
	struct outcome_person *people;	/* goal attainment */
	size_t n_people;
	double t_first, t_latest;	/* means over people */
	int improved, same, worse;
	struct outcome_area areas[OUTCOME_AREAS];
	struct outcome_group *groups;
	size_t n_groups;
	struct outcome_month *months;	/* every group, month by month */
	size_t n_months;
	struct outcome_quote *quotes;
	size_t n_quotes;
};

void outcomes_fini(struct outcomes *o);

/* The words for area i ("my ambitions", "Connect", ...). */
const char *outcomes_area_label(int i);

#endif
