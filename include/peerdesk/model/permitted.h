/* permitted.h - the weekly permitted-work check for a PAL on benefits.
 *
 * Given a PAL's rule, the week's paid minutes (sessions, supervision,
 * training, travel: all paid time) and gross pay (pay plus holiday pay),
 * and the limits in force on the week's first day, say whether the week
 * is within the rule, close to a limit, or over it, how much room is
 * left, and one plain sentence for people.  docs/model-rules.md has the
 * exact arithmetic.  Rules are warnings: this never refuses anything.
 */
#ifndef PEERDESK_MODEL_PERMITTED_H
#define PEERDESK_MODEL_PERMITTED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/model/date.h"
#include "peerdesk/model/people.h"

#define PERMITTED_NEAR_PERCENT 10	/* default "close to the limit" */
/* "Less than 16 hours a week" (ESA reg 45(4)), for hours_limit_minutes
 * below: the rules table holds the money figures only. */
#define PERMITTED_HOURS_LIMIT_MINUTES (16 * 60)
#define PERMITTED_SENTENCE_LEN 420
#define PERMITTED_NOTE_LEN 160
#define PERMITTED_SPANS_MAX 7	/* one per day at most */

/* The figures in force on a week's first day (from the dated rules
 * table; none of them is built into the code). */
struct permitted_limits {
	int64_t lower_pence;	/* lower limit, 2000 = £20.00 */
	int64_t higher_pence;	/* permitted work and supported limit */
	int hours_limit_minutes; /* 960: permitted work is less than 16h */
};

enum permitted_verdict {
	PERMITTED_NA,		/* no limit: uc, none, or no figures */
	PERMITTED_OK,
	PERMITTED_NEAR,		/* within, but close to a limit */
	PERMITTED_OVER
};

struct permitted_result {
	enum permitted_verdict verdict;
	enum benefit_rule rule;
	int minutes;		/* the week's minutes (negative read as 0) */
	int64_t pence;		/* the week's gross pay (negative read as 0) */
	bool has_hours_limit;	/* permitted work only */
	bool has_pay_limit;	/* lower, permitted, supported */
	int hours_limit_minutes; /* minutes must stay below this; else 0 */
	int64_t limit_pence;	/* pay must stay at or below this; else 0 */
	int minutes_left;	/* most that can still be worked; >= 0 */
	int64_t pence_left;	/* most that can still be earned; >= 0 */
	int minutes_excess;	/* least to take off to be within; >= 0 */
	int64_t pence_excess;	/* least to take off to be within; >= 0 */
	bool hours_over, pay_over;	/* which limit is crossed */
	bool hours_near, pay_near;	/* which limit is close (not over) */
	bool no_figures;	/* the rule has limits but none were given */
	int judged;		/* how many rules the week was judged
				 * against (permitted_check_basis); 1 */
	char note[PERMITTED_NOTE_LEN];	/* when judged > 1: "the benefit
				 * rule changed on Thu 3 Dec: judged against
				 * both"; else "" */
	unsigned missing;	/* PERMITTED_NO_RULE | PERMITTED_NO_RATE */
	bool pay_unchecked;	/* a pay limit could not be checked (no rate) */
	char sentence[PERMITTED_SENTENCE_LEN];
};

/* What is not recorded for the PAL, so cannot be judged: said in words,
 * never shown as "£0.00, no limit applies". */
#define PERMITTED_NO_RULE 1u	/* no benefit rule recorded */
#define PERMITTED_NO_RATE 2u	/* no pay rate for (some of) the week */

/* What a week is judged against: the PAL's benefit rule and the limits
 * DWP applies, day by day, as stretches that start where either
 * changes.  Most weeks have one stretch. */
struct permitted_span {
	pd_date from;		/* its first day */
	enum benefit_rule rule;
	bool has_limits;
	struct permitted_limits lim;	/* valid when has_limits */
};

struct permitted_basis {
	int n;
	struct permitted_span span[PERMITTED_SPANS_MAX];
};

/* Start an empty basis. */
void permitted_basis_init(struct permitted_basis *b);

/* Add day d (days in order, first to last) with the rule and limits in
 * force that day (lim NULL: none set).  A new stretch starts only when
 * the rule or a figure differs from the day before.  Ignored once full. */
void permitted_basis_day(struct permitted_basis *b, pd_date d,
    enum benefit_rule rule, const struct permitted_limits *lim);

/* Check one week against every stretch of b: the strictest verdict
 * stands (over, then close, then within, then no limit; between equal
 * verdicts the one with more pay over, or less pay room, then the one
 * with an hours limit).  missing (PERMITTED_NO_RULE, PERMITTED_NO_RATE) is
 * carried to every stretch.  *out is that stretch's result; when b
 * has more than one stretch, judged says how many and note and the
 * sentence say so in words.  An empty b judges nothing (RULE_NONE). */
void permitted_check_basis(const struct permitted_basis *b, unsigned missing,
    int minutes, int64_t pence, int near_percent,
    struct permitted_result *out);

/* Check one week.  rule comes from model/people.h; lim may be NULL when no
 * figures are known (verdict NA, said in the sentence); near_percent is
 * clamped to 0-100.  Fills *out completely; cannot fail. */
void permitted_check(enum benefit_rule rule, int minutes, int64_t pence,
    const struct permitted_limits *lim, int near_percent,
    struct permitted_result *out);

/* As permitted_check, knowing what is missing.  No rule: nothing is
 * judged (verdict NA) and the sentence says "no benefit rule recorded:
 * the limit cannot be checked".  No rate: pay is "not known" and a pay
 * limit is not judged ("no pay rate recorded: the limit cannot be
 * checked"); an hours limit still is. */
void permitted_check_missing(enum benefit_rule rule, unsigned missing,
    int minutes, int64_t pence, const struct permitted_limits *lim,
    int near_percent, struct permitted_result *out);

/* The week before and after adding add_minutes and add_pence (either may
 * be 0, or negative to take a line off), so a screen can warn before
 * saving.  Never silent: `over` is set whenever the week would be over. */
struct permitted_change {
	struct permitted_result before;
	struct permitted_result after;
	bool crosses;	/* after is over a limit that before was not */
	bool over;	/* after is over a limit (perhaps already before) */
	char sentence[PERMITTED_SENTENCE_LEN];	/* "Adding 3h: ..." */
};

void permitted_check_adding(enum benefit_rule rule, int minutes,
    int64_t pence, int add_minutes, int64_t add_pence,
    const struct permitted_limits *lim, int near_percent,
    struct permitted_change *out);

/* As permitted_check_adding, knowing what is missing (see above). */
void permitted_check_adding_missing(enum benefit_rule rule,
    unsigned missing, int minutes, int64_t pence, int add_minutes,
    int64_t add_pence, const struct permitted_limits *lim,
    int near_percent, struct permitted_change *out);

/* The words for what is missing, e.g. "no pay rate recorded: the limit
 * cannot be checked"; "" when nothing is. */
const char *permitted_missing_words(unsigned missing);

/* The PAL's rule in words: benefit_rule_label, or "no benefit rule
 * recorded" when none is. */
const char *permitted_rule_label(const struct permitted_result *r);

/* A short verdict for a column: permitted_verdict_label, or "no rule
 * recorded" / "no pay rate recorded" when the limit cannot be checked. */
const char *permitted_result_label(const struct permitted_result *r);

/* Room left, short, for a column: "2h 29m, £31.91", "£31.91", "over the
 * limit", "no limit", or what is missing ("no pay rate recorded", "no
 * rule recorded"). */
void permitted_room_words(const struct permitted_result *r, char *buf,
    size_t n);

/* As permitted_check_adding, against every stretch of b. */
void permitted_check_adding_basis(const struct permitted_basis *b,
    unsigned missing, int minutes, int64_t pence, int add_minutes,
    int64_t add_pence, int near_percent, struct permitted_change *out);

/* "n/a", "ok", "near", "over" (for CSV); NULL when out of range. */
const char *permitted_verdict_str(enum permitted_verdict v);

/* "no limit", "within the limit", "close to the limit", "over the
 * limit" (for screens); "?" when out of range. */
const char *permitted_verdict_label(enum permitted_verdict v);

#endif
