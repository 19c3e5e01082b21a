/* rules.h - dated tables of benefit and pay rules, and lookups by date.
 *
 * Pure structs: src/config/rules.c fills them from rules.yaml.  Each
 * table is sorted by its "from" date ("YYYY-MM-DD", compared with strcmp),
 * with no two rows on the same date; a row is in force from its date until
 * the day before the next row's date (the last row has no end).  Amounts
 * are integer pence.  Lookups are binary searches: cheap enough to call
 * per PAL per week.
 */
#ifndef PEERDESK_MODEL_RULES_H
#define PEERDESK_MODEL_RULES_H

#include <stddef.h>
#include <stdint.h>

/* ESA permitted-work limits (per week) from one date.  `from` is the
 * day the wage the limit is worked out from changed (1 April since
 * 2016); `dwp_from` is the day DWP starts applying the new limit (its
 * benefit uprating week, e.g. 8 April 2024), the same as `from` when the
 * table does not say.  Until dwp_from the previous row's limit holds. */
struct rules_pw_row {
	char from[11];
	int64_t lower_pence;	/* the lower limit, any hours */
	int64_t higher_pence;	/* the higher limit (< 16 hours), which is
				 * also the supported permitted work limit */
	char *source;		/* web address or citation, never NULL */
	char *note;		/* e.g. "[C] computed ...", NULL if none */
	char dwp_from[11];	/* "" = from */
};

/* One age band of the National Minimum / Living Wage. */
struct rules_band {
	char *name;		/* short label, e.g. "21+" or "18-20" */
	int min_age;
	int max_age;		/* -1: no upper age */
	int64_t rate_pence;	/* per hour */
};

/* National Minimum Wage / National Living Wage rates from one date. */
struct rules_wage_row {
	char from[11];
	struct rules_band *bands;	/* no two bands share an age */
	size_t n_bands;
	int64_t apprentice_pence;	/* apprentice rate, 0 if not given */
	char *source;
	char *note;
};

struct rules {
	struct rules_pw_row *pw;
	size_t n_pw;
	struct rules_wage_row *wage;
	size_t n_wage;
	char *file;		/* where the tables came from */
};

/* An empty set of tables (every lookup answers NULL). */
void rules_init(struct rules *r);

/* Free everything r owns and leave it empty.  NULL allowed. */
void rules_fini(struct rules *r);

/* The permitted-work row DWP applies on date ("YYYY-MM-DD"): the last
 * row whose dwp_from is on or before date; NULL before the first row or
 * when date is not a date.  Borrowed from r. */
const struct rules_pw_row *rules_pw_on(const struct rules *r,
    const char *date);

/* The wage row in force on date, as rules_pw_on(). */
const struct rules_wage_row *rules_wage_row_on(const struct rules *r,
    const char *date);

/* The band (name and hourly rate) for someone aged age on date; NULL
 * before the first row or when no band covers that age (e.g. under 16).
 * Apprentices: see rules_apprentice_on(). */
const struct rules_band *rules_wage_on(const struct rules *r,
    const char *date, int age);

/* The apprentice hourly rate on date in pence; 0 when unknown.  It is up
 * to the caller to decide whether the apprentice rate may apply. */
int64_t rules_apprentice_on(const struct rules *r, const char *date);

/* The band with no upper age (the adult rate: the National Living Wage
 * since 2016) in row; NULL if the row has none. */
const struct rules_band *rules_wage_top(const struct rules_wage_row *row);

/* The earliest and the latest "from" date over both tables; "" when the
 * tables are empty.  Borrowed from r. */
const char *rules_first_date(const struct rules *r);
const char *rules_last_date(const struct rules *r);

#endif
