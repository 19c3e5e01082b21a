/* rules.c - dated rule tables: lookups by date (pure, no I/O). */
#include "peerdesk/model/rules.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void
rules_init(struct rules *r)
{
	r->pw = NULL;
	r->n_pw = 0;
	r->wage = NULL;
	r->n_wage = 0;
	r->file = NULL;
}

void
rules_fini(struct rules *r)
{
	size_t i, j;

	if (r == NULL)
		return;
	for (i = 0; i < r->n_pw; i++) {
		free(r->pw[i].source);
		free(r->pw[i].note);
	}
	for (i = 0; i < r->n_wage; i++) {
		for (j = 0; j < r->wage[i].n_bands; j++)
			free(r->wage[i].bands[j].name);
		free(r->wage[i].bands);
		free(r->wage[i].source);
		free(r->wage[i].note);
	}
	free(r->pw);
	free(r->wage);
	free(r->file);
	rules_init(r);
}

/* "YYYY-MM-DD" shape only: enough for strcmp ordering to be right. */
static bool
rules_date_shaped(const char *d)
{
	int i;

	if (d == NULL)
		return false;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (d[i] != '-')
				return false;
		} else if (d[i] < '0' || d[i] > '9') {
			return false;
		}
	}
	return d[10] == '\0';
}

/* Index of the last row whose from <= date, or -1.  The rows are n items
 * of size bytes, each starting with its char from[11]. */
static long
rules_find(const void *rows, size_t n, size_t size, const char *date)
{
	const char *base = rows;
	size_t lo = 0, hi = n;

	if (!rules_date_shaped(date))
		return -1;
	/* invariant: rows [0, lo) are <= date, rows [hi, n) are > date */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(base + mid * size, date) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}

const struct rules_pw_row *
rules_pw_on(const struct rules *r, const char *date)
{
	size_t lo = 0, hi = r->n_pw;

	if (!rules_date_shaped(date))
		return NULL;
	/* by dwp_from (in order, like from): rows [0, lo) are <= date */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *d = r->pw[mid].dwp_from[0] ? r->pw[mid].dwp_from :
		    r->pw[mid].from;

		if (strcmp(d, date) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? NULL : &r->pw[lo - 1];
}

const struct rules_wage_row *
rules_wage_row_on(const struct rules *r, const char *date)
{
	long i = rules_find(r->wage, r->n_wage, sizeof r->wage[0], date);

	return i < 0 ? NULL : &r->wage[i];
}

const struct rules_band *
rules_wage_on(const struct rules *r, const char *date, int age)
{
	const struct rules_wage_row *row = rules_wage_row_on(r, date);
	size_t i;

	if (row == NULL || age < 0)
		return NULL;
	for (i = 0; i < row->n_bands; i++) {
		const struct rules_band *b = &row->bands[i];

		if (age >= b->min_age && (b->max_age < 0 || age <= b->max_age))
			return b;
	}
	return NULL;
}

int64_t
rules_apprentice_on(const struct rules *r, const char *date)
{
	const struct rules_wage_row *row = rules_wage_row_on(r, date);

	return row == NULL ? 0 : row->apprentice_pence;
}

const struct rules_band *
rules_wage_top(const struct rules_wage_row *row)
{
	size_t i;

	if (row == NULL)
		return NULL;
	for (i = 0; i < row->n_bands; i++)
		if (row->bands[i].max_age < 0)
			return &row->bands[i];
	return NULL;
}

const char *
rules_first_date(const struct rules *r)
{
	const char *a = r->n_pw > 0 ? r->pw[0].from : NULL;
	const char *b = r->n_wage > 0 ? r->wage[0].from : NULL;

	if (a == NULL)
		return b != NULL ? b : "";
	if (b == NULL)
		return a;
	return strcmp(a, b) <= 0 ? a : b;
}

const char *
rules_last_date(const struct rules *r)
{
	const char *a = r->n_pw > 0 ? r->pw[r->n_pw - 1].from : NULL;
	const char *b = r->n_wage > 0 ? r->wage[r->n_wage - 1].from : NULL;

	if (a == NULL)
		return b != NULL ? b : "";
	if (b == NULL)
		return a;
	return strcmp(a, b) >= 0 ? a : b;
}
