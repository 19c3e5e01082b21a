/* outcomes.c - Goal Attainment Scaling and the outcomes report's
 * figures. */
#include "peerdesk/model/outcomes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int
outcomes_gas_tscore(const int *x, size_t n, double *t)
{
	double sum = 0, dn = (double)n;
	size_t i;

	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (x[i] < -2 || x[i] > 2)
			return -1;
		sum += x[i];
	}
	*t = 50.0 + 10.0 * sum / sqrt((1.0 - GAS_RHO) * dn +
	    GAS_RHO * dn * dn);
	return 0;
}

double
outcomes_median(const int *v, size_t n)
{
	if (n == 0)
		return 0;
	if (n % 2 == 1)
		return v[n / 2];
	return (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

const char *
outcomes_area_label(int i)
{
	static const char *const labels[OUTCOME_AREAS] = {
		"My ambitions", "Connect", "Be active", "Take notice", "Learn",
		"Give"
	};

	return i >= 0 && i < OUTCOME_AREAS ? labels[i] : "";
}

void
outcomes_fini(struct outcomes *o)
{
	size_t i;

	free(o->funder);
	for (i = 0; i < o->n_closed_why; i++)
		free(o->closed_why[i].label);
	free(o->closed_why);
	for (i = 0; i < o->n_hours; i++) {
		free(o->hours[i].funder);
		free(o->hours[i].route);
	}
	free(o->hours);
	for (i = 0; i < o->n_people; i++)
		free(o->people[i].label);
	free(o->people);
	for (i = 0; i < o->n_groups; i++)
		free(o->groups[i].name);
	free(o->groups);
	free(o->months);
	for (i = 0; i < o->n_quotes; i++)
		free(o->quotes[i].text);
	free(o->quotes);
	memset(o, 0, sizeof *o);
}
